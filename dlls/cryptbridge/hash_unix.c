/*
 * Unix half of cryptbridge: hashes, HMAC, PBKDF2 and random bytes.
 *
 * Hash state lives in the caller's struct bridge_hash_state and must stay
 * plain data, because BCryptDuplicateHash copies it with memcpy.  So we use
 * nettle contexts stored in state->ctx[] rather than GnuTLS handles.
 *
 * ctx[] is split into three equal slots.  Slot 0 is always the running
 * context, so update is the same for plain hashes and HMAC; for HMAC,
 * slots 1 and 2 hold the keyed outer and inner contexts that nettle's
 * hmac_digest() restores the running context from.
 */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1   /* explicit_bzero */
#endif
#include <limits.h>
#include <string.h>
#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include <nettle/nettle-meta.h>
#include <nettle/md2.h>
#include <nettle/md4.h>
#include <nettle/md5.h>
#include <nettle/sha1.h>
#include <nettle/sha2.h>
#include <nettle/hmac.h>
#include <nettle/pbkdf2.h>
#include "unix_private.h"

/* The order is enum bridge_hash. */
static const struct nettle_hash *const hash_algs[] =
{
    &nettle_md2,
    &nettle_md4,
    &nettle_md5,
    &nettle_sha1,
    &nettle_sha256,
    &nettle_sha384,
    &nettle_sha512,
};
BRIDGE_STATIC_ASSERT(hash_table, sizeof(hash_algs) / sizeof(hash_algs[0]) == BRIDGE_HASH_COUNT);

/* Big enough and aligned enough for any context in hash_algs[]. */
union any_hash_ctx
{
    struct md2_ctx md2;
    struct md4_ctx md4;
    struct md5_ctx md5;
    struct sha1_ctx sha1;
    struct sha256_ctx sha256;
    struct sha512_ctx sha512;   /* also SHA-384 */
};

#define SLOT_LEN sizeof(union any_hash_ctx)
enum { SLOT_RUNNING, SLOT_OUTER, SLOT_INNER, SLOT_COUNT };

BRIDGE_STATIC_ASSERT(hash_ctx_fits, SLOT_COUNT * SLOT_LEN <= sizeof(((struct bridge_hash_state *)0)->ctx));
BRIDGE_STATIC_ASSERT(hash_ctx_align, _Alignof(union any_hash_ctx) <= _Alignof(uint64_t));

/* Stands in for a NULL key of length 0, so nettle never sees NULL. */
static const uint8_t empty_key[1];

static const struct nettle_hash *hash_lookup(uint32_t id)
{
    return id < BRIDGE_HASH_COUNT ? hash_algs[id] : NULL;
}

static void *hash_slot(struct bridge_hash_state *state, unsigned int slot)
{
    return (uint8_t *)state->ctx + slot * SLOT_LEN;
}

/* Validates the state pointer and its hash id; NULL when unusable. */
static const struct nettle_hash *state_hash(struct bridge_hash_state *state)
{
    if (!state) return NULL;
    return hash_lookup(state->hash);
}

bridge_status hash_init(void *args)
{
    const struct hash_init_params *params = args;
    struct bridge_hash_state *state;
    const struct nettle_hash *alg;
    const uint8_t *secret;

    if (!params) return BRIDGE_INVALID_PARAMETER;
    state = BRIDGE_PTR(params->state);
    secret = params->secret_len ? BRIDGE_PTR(params->secret) : empty_key;
    if (!(alg = state_hash(state)) || !secret) return BRIDGE_INVALID_PARAMETER;

    /* No leftovers of an earlier key in unused slots. */
    memset(state->ctx, 0, sizeof(state->ctx));
    if (state->hmac)
        hmac_set_key(hash_slot(state, SLOT_OUTER), hash_slot(state, SLOT_INNER),
                     hash_slot(state, SLOT_RUNNING), alg, params->secret_len, secret);
    else
        alg->init(hash_slot(state, SLOT_RUNNING));
    return BRIDGE_SUCCESS;
}

bridge_status hash_update(void *args)
{
    const struct hash_update_params *params = args;
    struct bridge_hash_state *state;
    const struct nettle_hash *alg;
    const uint8_t *data;

    if (!params) return BRIDGE_INVALID_PARAMETER;
    state = BRIDGE_PTR(params->state);
    data = BRIDGE_PTR(params->data);
    if (!(alg = state_hash(state))) return BRIDGE_INVALID_PARAMETER;
    if (!params->len) return BRIDGE_SUCCESS;   /* NULL data allowed, nothing to feed */
    if (!data) return BRIDGE_INVALID_PARAMETER;

    /* HMAC's running context is an ordinary hash context (nettle's hmac_update is the same). */
    alg->update(hash_slot(state, SLOT_RUNNING), params->len, data);
    return BRIDGE_SUCCESS;
}

/* Both nettle digest functions leave the state re-initialised (HMAC: re-keyed). */
bridge_status hash_finish(void *args)
{
    const struct hash_finish_params *params = args;
    struct bridge_hash_state *state;
    const struct nettle_hash *alg;
    uint8_t *output;

    if (!params) return BRIDGE_INVALID_PARAMETER;
    state = BRIDGE_PTR(params->state);
    output = BRIDGE_PTR(params->output);
    if (!(alg = state_hash(state)) || !output || params->len != alg->digest_size)
        return BRIDGE_INVALID_PARAMETER;

    if (state->hmac)
        hmac_digest(hash_slot(state, SLOT_OUTER), hash_slot(state, SLOT_INNER),
                    hash_slot(state, SLOT_RUNNING), alg, params->len, output);
    else
        alg->digest(hash_slot(state, SLOT_RUNNING), params->len, output);
    return BRIDGE_SUCCESS;
}

bridge_status random_fill(void *args)
{
    const struct random_params *params = args;
    void *buffer;

    if (!params) return BRIDGE_INVALID_PARAMETER;
    if (!params->len) return BRIDGE_SUCCESS;
    if (!(buffer = BRIDGE_PTR(params->buffer))) return BRIDGE_INVALID_PARAMETER;
    return status_from_gnutls(gnutls_rnd(GNUTLS_RND_RANDOM, buffer, params->len));
}

/* A keyed generic HMAC in the shape nettle's pbkdf2() wants. */
struct hmac_prf
{
    const struct nettle_hash *alg;
    union any_hash_ctx outer, inner, running;
};

static void prf_update(void *ctx, size_t len, const uint8_t *data)
{
    struct hmac_prf *prf = ctx;
    hmac_update(&prf->running, prf->alg, len, data);
}

static void prf_digest(void *ctx, size_t len, uint8_t *digest)
{
    struct hmac_prf *prf = ctx;
    hmac_digest(&prf->outer, &prf->inner, &prf->running, prf->alg, len, digest);
}

/* NULL is fine only for an empty buffer. */
static int buffer_ok(uint64_t ptr, uint32_t len)
{
    return ptr || !len;
}

bridge_status pbkdf2_derive(void *args)
{
    const struct pbkdf2_params *params = args;
    const struct nettle_hash *alg;
    const uint8_t *password;
    struct hmac_prf prf;

    if (!params) return BRIDGE_INVALID_PARAMETER;
    if (!(alg = hash_lookup(params->hash)) || !params->iterations
        || !buffer_ok(params->password, params->password_len)
        || !buffer_ok(params->salt, params->salt_len)
        || !buffer_ok(params->output, params->output_len))
        return BRIDGE_INVALID_PARAMETER;
    /* nettle counts iterations in an unsigned int; Windows allows 64 bits. */
    if (params->iterations > UINT_MAX)
    {
        bridge_trace("pbkdf2: %llu iterations exceed nettle's limit\n",
                     (unsigned long long)params->iterations);
        return BRIDGE_NOT_SUPPORTED;
    }
    if (!params->output_len) return BRIDGE_SUCCESS;

    password = params->password_len ? BRIDGE_PTR(params->password) : empty_key;
    prf.alg = alg;
    hmac_set_key(&prf.outer, &prf.inner, &prf.running, alg, params->password_len, password);
    pbkdf2(&prf, prf_update, prf_digest, alg->digest_size, (unsigned int)params->iterations,
           params->salt_len, params->salt_len ? BRIDGE_PTR(params->salt) : empty_key,
           params->output_len, BRIDGE_PTR(params->output));
    /* The keyed contexts are password-equivalent. */
    explicit_bzero(&prf, sizeof(prf));
    return BRIDGE_SUCCESS;
}
