/*
 * Diffie-Hellman keys on GMP (GnuTLS 3.7 has no raw DH key API).  Canonical
 * blob: BCRYPT_DH_KEY_BLOB {magic, cbKey} + p, g, y [+ x], each cbKey bytes
 * big-endian.  Domain parameters come from BCRYPT_DH_PARAMETERS or, when none
 * were set, from nettle's DSA-style group search (Windows makes a fresh group
 * too: its keys carry a random p and a g of subgroup order [wine-test data]).
 */
#include <string.h>
#include <gmp.h>
#include <nettle/bignum.h>
#include <nettle/dsa.h>
#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include "unix_private.h"

#define DH_PUBLIC_MAGIC   0x42504844u  /* "DHPB" */
#define DH_PRIVATE_MAGIC  0x56504844u  /* "DHPV" */
#define DH_PARAMS_MAGIC   0x4d504844u  /* "DHPM" */
#define DH_MAX_BYTES      512          /* 4096 bits, the row's maximum */

struct dh
{
    uint32_t cb_key;
    int has_x;
    mpz_t p, g, y, x;
};

static void dh_init(struct dh *k)
{
    memset(k, 0, sizeof(*k));
    mpz_inits(k->p, k->g, k->y, k->x, NULL);
}

static void dh_clear(struct dh *k)
{
    if (mpz_size(k->x)) memset(mpz_limbs_modify(k->x, mpz_size(k->x)), 0, mpz_size(k->x) * sizeof(mp_limb_t));
    mpz_clears(k->p, k->g, k->y, k->x, NULL);
    explicit_bzero(k, sizeof(*k));
}


static void get_be(mpz_t v, const uint8_t *src, uint32_t len) { nettle_mpz_set_str_256_u(v, len, src); }
static void put_be(uint8_t *dst, uint32_t len, const mpz_t v) { nettle_mpz_get_str_256(len, dst, v); }

/* 1 < v < p - 1 */
static int in_range(const mpz_t v, const mpz_t p)
{
    int ret;
    mpz_t top;

    mpz_init(top);
    mpz_sub_ui(top, p, 1);
    ret = mpz_cmp_ui(v, 1) > 0 && mpz_cmp(v, top) < 0;
    mpz_clear(top);
    return ret;
}

static bridge_status parse_blob(const uint8_t *data, uint32_t len, struct dh *k)
{
    uint32_t hdr[2];

    if (len < sizeof(hdr)) return BRIDGE_INVALID_PARAMETER;
    memcpy(hdr, data, sizeof(hdr));
    if (hdr[0] != DH_PUBLIC_MAGIC && hdr[0] != DH_PRIVATE_MAGIC) return BRIDGE_INVALID_PARAMETER;
    k->has_x = hdr[0] == DH_PRIVATE_MAGIC;
    k->cb_key = hdr[1];
    if (!k->cb_key || k->cb_key > DH_MAX_BYTES || len != sizeof(hdr) + k->cb_key * (k->has_x ? 4 : 3))
        return BRIDGE_INVALID_PARAMETER;
    data += sizeof(hdr);
    get_be(k->p, data, k->cb_key);
    get_be(k->g, data + k->cb_key, k->cb_key);
    get_be(k->y, data + 2 * k->cb_key, k->cb_key);
    if (k->has_x) get_be(k->x, data + 3 * k->cb_key, k->cb_key);
    return BRIDGE_SUCCESS;
}

static bridge_status output_blob(const struct dh *k, uint8_t *out, uint32_t *out_len)
{
    uint32_t hdr[2] = { k->has_x ? DH_PRIVATE_MAGIC : DH_PUBLIC_MAGIC, k->cb_key };
    uint32_t size = sizeof(hdr) + k->cb_key * (k->has_x ? 4 : 3);

    if (*out_len < size)
    {
        *out_len = size;
        return BRIDGE_BUFFER_TOO_SMALL;
    }
    memcpy(out, hdr, sizeof(hdr));
    put_be(out + 8, k->cb_key, k->p);
    put_be(out + 8 + k->cb_key, k->cb_key, k->g);
    put_be(out + 8 + 2 * k->cb_key, k->cb_key, k->y);
    if (k->has_x) put_be(out + 8 + 3 * k->cb_key, k->cb_key, k->x);
    *out_len = size;
    return BRIDGE_SUCCESS;
}

/* p odd and as long as the key (top byte non-zero), 1 < g < p-1. */
static int group_ok(const struct dh *k)
{
    return mpz_odd_p(k->p) && nettle_mpz_sizeinbase_256_u(k->p) == k->cb_key && mpz_cmp_ui(k->p, 5) > 0
           && in_range(k->g, k->p);
}

/* BCRYPT_DH_PARAMETER_HEADER {cbLength, magic, cbKeyLength} + p + g [wine-test]. */
static bridge_status parse_params(const uint8_t *data, uint32_t len, uint32_t bits, struct dh *k)
{
    uint32_t hdr[3];

    if (len < sizeof(hdr)) return BRIDGE_INVALID_PARAMETER;
    memcpy(hdr, data, sizeof(hdr));
    if (hdr[1] != DH_PARAMS_MAGIC || hdr[0] != len || !hdr[2] || hdr[2] > DH_MAX_BYTES || hdr[2] * 8 != bits
        || len != sizeof(hdr) + 2 * hdr[2])
        return BRIDGE_INVALID_PARAMETER;
    k->cb_key = hdr[2];
    get_be(k->p, data + sizeof(hdr), k->cb_key);
    get_be(k->g, data + sizeof(hdr) + k->cb_key, k->cb_key);
    return group_ok(k) ? BRIDGE_SUCCESS : BRIDGE_INVALID_PARAMETER;
}

/* A fresh group: prime p with a prime-order subgroup q, g generating it. */
static bridge_status make_group(struct dh *k, uint32_t bits)
{
    struct bridge_rng ctx = { 0 };
    struct dsa_params params;
    unsigned q_bits = bits <= 1024 ? 160 : bits <= 2048 ? 224 : 256;
    int ok;

    dsa_params_init(&params);
    ok = dsa_generate_params(&params, &ctx, bridge_random, NULL, NULL, bits, q_bits) && !ctx.failed;
    if (ok)
    {
        mpz_set(k->p, params.p);
        mpz_set(k->g, params.g);
        k->cb_key = bits / 8;
    }
    dsa_params_clear(&params);
    return ok ? BRIDGE_SUCCESS : BRIDGE_INTERNAL_ERROR;
}

static bridge_status dh_generate(struct asym_generate_params *params)
{
    struct bridge_rng ctx = { 0 };
    bridge_status status;
    struct dh k;
    mpz_t top;

    if (params->bits < 512 || params->bits > DH_MAX_BYTES * 8 || params->bits % 64) return BRIDGE_INVALID_PARAMETER;
    dh_init(&k);
    if (params->params) status = parse_params(BRIDGE_PTR(params->params), params->params_len, params->bits, &k);
    else status = make_group(&k, params->bits);
    if (!status)   /* x uniform in [2, p-2], y = g^x mod p */
    {
        mpz_init(top);
        mpz_sub_ui(top, k.p, 3);
        nettle_mpz_random(k.x, &ctx, bridge_random, top);
        mpz_add_ui(k.x, k.x, 2);
        mpz_clear(top);
        mpz_powm_sec(k.y, k.g, k.x, k.p);
        k.has_x = 1;
        status = ctx.failed ? BRIDGE_INTERNAL_ERROR : output_blob(&k, BRIDGE_PTR(params->output), &params->output_len);
    }
    dh_clear(&k);
    return status;
}

/* Checks ranges; a private key with y = 0 gets y = g^x, any other y must match x
 * [hypothesis: Windows rejects a DH private blob whose y is not g^x]. */
static bridge_status dh_complete(struct asym_complete_params *params)
{
    bridge_status status;
    struct dh k;
    mpz_t t;

    dh_init(&k);
    if (!(status = parse_blob(BRIDGE_PTR(params->input), params->input_len, &k)) && !group_ok(&k))
        status = BRIDGE_INVALID_PARAMETER;
    if (!status && k.has_x)
    {
        mpz_init(t);
        mpz_sub_ui(t, k.p, 1);
        if (mpz_sgn(k.x) <= 0 || mpz_cmp(k.x, t) >= 0) status = BRIDGE_INVALID_PARAMETER;   /* 0 < x < p-1 */
        else
        {
            mpz_powm_sec(t, k.g, k.x, k.p);
            if (!mpz_sgn(k.y)) mpz_set(k.y, t);
            else if (mpz_cmp(t, k.y)) status = BRIDGE_INVALID_PARAMETER;
        }
        mpz_clear(t);
    }
    if (!status && !in_range(k.y, k.p)) status = BRIDGE_INVALID_PARAMETER;
    if (!status) status = output_blob(&k, BRIDGE_PTR(params->output), &params->output_len);
    dh_clear(&k);
    return status;
}

/* secret = y_peer ^ x mod p, big-endian, cbKey bytes; both keys must share the group. */
static bridge_status dh_agree(struct asym_agree_params *params)
{
    bridge_status status;
    struct dh priv, peer;
    mpz_t z;

    dh_init(&priv);
    dh_init(&peer);
    status = parse_blob(BRIDGE_PTR(params->private_key), params->private_len, &priv);
    if (!status) status = parse_blob(BRIDGE_PTR(params->public_key), params->public_len, &peer);
    if (!status && (!priv.has_x || priv.cb_key != peer.cb_key || mpz_cmp(priv.p, peer.p) || mpz_cmp(priv.g, peer.g)
                    || !mpz_odd_p(priv.p) || !in_range(peer.y, priv.p)))
        status = BRIDGE_INVALID_PARAMETER;   /* hypothesis: mismatched groups */
    if (!status && params->output_len < priv.cb_key)
    {
        params->output_len = priv.cb_key;
        status = BRIDGE_BUFFER_TOO_SMALL;
    }
    if (!status)
    {
        mpz_init(z);
        mpz_powm_sec(z, peer.y, priv.x, priv.p);
        put_be(BRIDGE_PTR(params->output), priv.cb_key, z);
        params->output_len = priv.cb_key;
        if (mpz_size(z)) memset(mpz_limbs_modify(z, mpz_size(z)), 0, mpz_size(z) * sizeof(mp_limb_t));
        mpz_clear(z);
    }
    dh_clear(&priv);
    dh_clear(&peer);
    return status;
}

const struct asym_ops dh_ops =
{
    .generate = dh_generate,
    .complete = dh_complete,
    .agree    = dh_agree,
};
