/*
 * Unix half of cryptbridge: symmetric ciphers (BRIDGE_KEY_CRYPT, _AEAD, _RELEASE).
 *
 * The key state lives in the caller's PE memory and is read and written in
 * place.  Its schedule[] holds plain nettle contexts (no pointers), so a memcpy
 * of the state is a complete duplicate, RC4 stream position included.  The one
 * thing a copy does not own is gnutls_handle: a GnuTLS CBC handle made lazily
 * here, because GnuTLS CBC is the fast path (AES-NI, ~1 GB/s) and costs ~180 ns
 * to create.  Everything GnuTLS lacks (ECB, CFB8, RC2, RC4, any-length GCM
 * nonces, streaming AEAD) goes through nettle directly.
 */
#define _GNU_SOURCE  /* explicit_bzero */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include <nettle/aes.h>
#include <nettle/arcfour.h>
#include <nettle/arctwo.h>
#include <nettle/cbc.h>
#include <nettle/ccm.h>
#include <nettle/cfb.h>
#include <nettle/des.h>
#include <nettle/gcm.h>
#include <nettle/memops.h>
#include "unix_private.h"

/* gnutls_handle value meaning "GnuTLS refused this cipher, use nettle". */
#define HANDLE_REFUSED   UINT64_MAX

#define SCHEDULE_EMPTY     BRIDGE_SCHEDULE_EMPTY
#define SCHEDULE_READY     BRIDGE_SCHEDULE_READY
#define SCHEDULE_BUILDING  BRIDGE_SCHEDULE_BUILDING

/* Any one cipher's context, as nettle lays it out. */
union cipher_ctx
{
    struct aes128_ctx  aes128;
    struct aes192_ctx  aes192;
    struct aes256_ctx  aes256;
    struct des_ctx     des;
    struct des3_ctx    des3;
    struct arctwo_ctx  rc2;
    struct arcfour_ctx rc4;
};

union aes_ctx_any
{
    struct aes128_ctx aes128;
    struct aes192_ctx aes192;
    struct aes256_ctx aes256;
};

/* What schedule[] holds, by mode: GCM needs its 4 KB hash table, the rest
 * an encrypt and a decrypt context (they differ only for AES). */
union schedule
{
    struct
    {
        union cipher_ctx enc;
        union cipher_ctx dec;
    } block;                      /* ECB, CBC, CFB8, CCM; RC4 uses enc only */
    struct
    {
        union aes_ctx_any cipher;
        struct gcm_key    key;
    } gcm;
};

_Static_assert(sizeof(union schedule) <= sizeof(((struct bridge_cipher_state *)0)->schedule),
               "nettle contexts must fit in bridge_cipher_state.schedule");
_Static_assert(_Alignof(union schedule) <= _Alignof(uint64_t),
               "schedule[] is only 8-byte aligned");

/* nettle's cipher functions take typed contexts; these adapters give them the
 * generic nettle_cipher_func signature without casting function pointers. */
#define NETTLE_ADAPTER(func, ctx_type) \
    static void func##_fn(const void *ctx, size_t len, uint8_t *dst, const uint8_t *src) \
    { func((ctx_type *)ctx, len, dst, src); }

NETTLE_ADAPTER(aes128_encrypt, const struct aes128_ctx)
NETTLE_ADAPTER(aes128_decrypt, const struct aes128_ctx)
NETTLE_ADAPTER(aes192_encrypt, const struct aes192_ctx)
NETTLE_ADAPTER(aes192_decrypt, const struct aes192_ctx)
NETTLE_ADAPTER(aes256_encrypt, const struct aes256_ctx)
NETTLE_ADAPTER(aes256_decrypt, const struct aes256_ctx)
NETTLE_ADAPTER(des_encrypt, const struct des_ctx)
NETTLE_ADAPTER(des_decrypt, const struct des_ctx)
NETTLE_ADAPTER(des3_encrypt, const struct des3_ctx)
NETTLE_ADAPTER(des3_decrypt, const struct des3_ctx)
NETTLE_ADAPTER(arctwo_encrypt, struct arctwo_ctx)  /* nettle omits const, never writes */
NETTLE_ADAPTER(arctwo_decrypt, struct arctwo_ctx)

/* Key setup: fills enc, and dec unless it is NULL (modes that only encrypt). */
typedef void key_setup_func(void *enc, void *dec, const struct bridge_cipher_state *state);

#define AES_SETUP(bits) \
    static void aes##bits##_setup(void *enc, void *dec, const struct bridge_cipher_state *state) \
    { \
        aes##bits##_set_encrypt_key(enc, state->key); \
        if (dec) aes##bits##_invert_key(dec, enc); \
    }

AES_SETUP(128)
AES_SETUP(192)
AES_SETUP(256)

/* des_set_key's weak-key result is ignored: Windows accepts weak DES keys. */
static void des_setup(void *enc, void *dec, const struct bridge_cipher_state *state)
{
    des_set_key(enc, state->key);
    if (dec) memcpy(dec, enc, sizeof(struct des_ctx));
}

static void des3_setup(void *enc, void *dec, const struct bridge_cipher_state *state)
{
    des3_set_key(enc, state->key);
    if (dec) memcpy(dec, enc, sizeof(struct des3_ctx));
}

static void rc2_setup(void *enc, void *dec, const struct bridge_cipher_state *state)
{
    unsigned int bits = state->effective_bits ? state->effective_bits : state->key_len * 8;

    arctwo_set_key_ekb(enc, state->key_len, state->key, bits);
    if (dec) memcpy(dec, enc, sizeof(struct arctwo_ctx));
}

static void rc4_setup(void *enc, void *dec, const struct bridge_cipher_state *state)
{
    (void)dec;
    arcfour_set_key(enc, state->key_len, state->key);
}

#define MODE_BIT(m)   (1u << (m))
#define BLOCK_MODES   (MODE_BIT(BRIDGE_MODE_ECB) | MODE_BIT(BRIDGE_MODE_CBC) | MODE_BIT(BRIDGE_MODE_CFB8) \
                       | MODE_BIT(BRIDGE_MODE_CFB))
#define AEAD_MODES    (MODE_BIT(BRIDGE_MODE_GCM) | MODE_BIT(BRIDGE_MODE_CCM))

/* One row per cipher and key size; the first row matching cipher and key_len wins. */
struct cipher_row
{
    uint32_t            cipher;      /* enum bridge_cipher */
    uint32_t            key_min;     /* bytes */
    uint32_t            key_max;
    uint32_t            block_len;
    uint32_t            modes;       /* MODE_BIT()s allowed */
    key_setup_func     *setup;
    nettle_cipher_func *encrypt;     /* NULL for RC4 */
    nettle_cipher_func *decrypt;
    gnutls_cipher_algorithm_t gnutls_cbc;  /* GNUTLS_CIPHER_UNKNOWN: nettle only */
};

static const struct cipher_row cipher_rows[] =
{
    { BRIDGE_CIPHER_AES,  16, 16, 16, BLOCK_MODES | AEAD_MODES, aes128_setup,
      aes128_encrypt_fn, aes128_decrypt_fn, GNUTLS_CIPHER_AES_128_CBC },
    { BRIDGE_CIPHER_AES,  24, 24, 16, BLOCK_MODES | AEAD_MODES, aes192_setup,
      aes192_encrypt_fn, aes192_decrypt_fn, GNUTLS_CIPHER_AES_192_CBC },
    { BRIDGE_CIPHER_AES,  32, 32, 16, BLOCK_MODES | AEAD_MODES, aes256_setup,
      aes256_encrypt_fn, aes256_decrypt_fn, GNUTLS_CIPHER_AES_256_CBC },
    { BRIDGE_CIPHER_DES,   8,  8,  8, BLOCK_MODES, des_setup,
      des_encrypt_fn, des_decrypt_fn, GNUTLS_CIPHER_DES_CBC },
    { BRIDGE_CIPHER_3DES, 24, 24,  8, BLOCK_MODES, des3_setup,
      des3_encrypt_fn, des3_decrypt_fn, GNUTLS_CIPHER_3DES_CBC },
    /* GnuTLS only has 40-bit RC2; key[] caps RC2 at 64 of nettle's 128 bytes */
    { BRIDGE_CIPHER_RC2,   1, BRIDGE_MAX_KEY_LEN, 8, BLOCK_MODES, rc2_setup,
      arctwo_encrypt_fn, arctwo_decrypt_fn, GNUTLS_CIPHER_UNKNOWN },
    { BRIDGE_CIPHER_RC4,   1, BRIDGE_MAX_KEY_LEN, 1, MODE_BIT(BRIDGE_MODE_STREAM), rc4_setup,
      NULL, NULL, GNUTLS_CIPHER_UNKNOWN },
};

static bridge_status invalid(const char *why)
{
    bridge_trace("invalid parameter: %s\n", why);
    return BRIDGE_INVALID_PARAMETER;
}

/* The row for the state's cipher, key length and mode, or NULL for garbage. */
static const struct cipher_row *row_find(const struct bridge_cipher_state *state)
{
    size_t i;

    if (state->mode >= BRIDGE_MODE_COUNT) return NULL;
    if (state->cipher == BRIDGE_CIPHER_RC2 && state->effective_bits > 1024) return NULL;
    for (i = 0; i < sizeof(cipher_rows) / sizeof(cipher_rows[0]); i++)
    {
        const struct cipher_row *row = &cipher_rows[i];

        if (row->cipher != state->cipher) continue;
        if (state->key_len < row->key_min || state->key_len > row->key_max) continue;
        return (row->modes & MODE_BIT(state->mode)) ? row : NULL;
    }
    return NULL;
}

/* ---- GnuTLS CBC handle ------------------------------------------------ */

static void handle_drop(struct bridge_cipher_state *state)
{
    uint64_t handle = __atomic_exchange_n(&state->gnutls_handle, 0, __ATOMIC_ACQ_REL);

    if (handle && handle != HANDLE_REFUSED)
        gnutls_cipher_deinit((gnutls_cipher_hd_t)(uintptr_t)handle);
}

/* The key's GnuTLS CBC handle, created on first use; NULL means use nettle. */
static gnutls_cipher_hd_t handle_get(struct bridge_cipher_state *state, const struct cipher_row *row)
{
    uint64_t current = __atomic_load_n(&state->gnutls_handle, __ATOMIC_ACQUIRE);
    gnutls_datum_t key = { state->key, state->key_len };
    gnutls_cipher_hd_t mine;
    uint64_t value;
    int err;

    if (current) return current == HANDLE_REFUSED ? NULL : (gnutls_cipher_hd_t)(uintptr_t)current;
    if (row->gnutls_cbc == GNUTLS_CIPHER_UNKNOWN) return NULL;

    /* A refusal (e.g. DES disabled by policy) is remembered so we ask only once per key. */
    if ((err = gnutls_cipher_init(&mine, row->gnutls_cbc, &key, NULL)) < 0)
    {
        bridge_trace("gnutls_cipher_init(%d) failed (%d: %s), using nettle\n",
                     row->gnutls_cbc, err, gnutls_strerror(err));
        mine = NULL;
    }
    value = mine ? (uint64_t)(uintptr_t)mine : HANDLE_REFUSED;
    if (__atomic_compare_exchange_n(&state->gnutls_handle, &current, value, 0,
                                    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        return mine;

    /* another thread stored its handle first: use that one */
    if (mine) gnutls_cipher_deinit(mine);
    return current == HANDLE_REFUSED ? NULL : (gnutls_cipher_hd_t)(uintptr_t)current;
}

/* ---- nettle schedule ---------------------------------------------------- */

static void schedule_build(const struct cipher_row *row, const struct bridge_cipher_state *state,
                           union schedule *sched)
{
    if (state->mode == BRIDGE_MODE_GCM)
    {
        row->setup(&sched->gcm.cipher, NULL, state);
        gcm_set_key(&sched->gcm.key, &sched->gcm.cipher, row->encrypt);
    }
    else row->setup(&sched->block.enc, &sched->block.dec, state);
}

/*
 * The expanded schedule for this call.  It is built in place once and then
 * reused (RC4 also advances it in place).  A thread that finds another one
 * mid-build does not wait: it expands a private copy into *local.
 */
static union schedule *schedule_get(struct bridge_cipher_state *state, const struct cipher_row *row,
                                    union schedule *local)
{
    union schedule *sched = (union schedule *)state->schedule;
    uint32_t expected = SCHEDULE_EMPTY;

    if (__atomic_load_n(&state->scheduled, __ATOMIC_ACQUIRE) == SCHEDULE_READY) return sched;
    if (!__atomic_compare_exchange_n(&state->scheduled, &expected, SCHEDULE_BUILDING, 0,
                                     __ATOMIC_ACQUIRE, __ATOMIC_RELAXED))
    {
        schedule_build(row, state, local);
        return local;
    }
    /* scheduled was cleared, so key or mode changed: a handle keyed before is stale */
    handle_drop(state);
    schedule_build(row, state, sched);
    __atomic_store_n(&state->scheduled, SCHEDULE_READY, __ATOMIC_RELEASE);
    return sched;
}

static void schedule_put(union schedule *sched, union schedule *local)
{
    if (sched == local) explicit_bzero(local, sizeof(*local));
}

/* ---- unchained-length modes (key_crypt) --------------------------------- */

struct crypt_job
{
    struct bridge_cipher_state *state;
    const struct cipher_row    *row;
    union schedule             *sched;
    const uint8_t              *in;
    uint8_t                    *out;
    size_t                      len;
    int                         encrypt;
};

static bridge_status stream_crypt(const struct crypt_job *job)
{
    arcfour_crypt(&job->sched->block.enc.rc4, job->len, job->out, job->in);
    return BRIDGE_SUCCESS;
}

static bridge_status ecb_crypt(const struct crypt_job *job)
{
    if (job->encrypt) job->row->encrypt(&job->sched->block.enc, job->len, job->out, job->in);
    else job->row->decrypt(&job->sched->block.dec, job->len, job->out, job->in);
    return BRIDGE_SUCCESS;
}

/* One GnuTLS call over the whole buffer; the chain value is the last ciphertext block. */
static bridge_status cbc_gnutls(const struct crypt_job *job, gnutls_cipher_hd_t handle)
{
    size_t block_len = job->row->block_len;
    uint8_t last[BRIDGE_MAX_BLOCK_LEN];
    int err;

    /* in place, decrypting overwrites the ciphertext we chain from: save it first */
    if (!job->encrypt) memcpy(last, job->in + job->len - block_len, block_len);
    gnutls_cipher_set_iv(handle, job->state->chain, block_len);
    if (job->in == job->out)
        err = job->encrypt ? gnutls_cipher_encrypt(handle, job->out, job->len)
                           : gnutls_cipher_decrypt(handle, job->out, job->len);
    else
        err = job->encrypt ? gnutls_cipher_encrypt2(handle, job->in, job->len, job->out, job->len)
                           : gnutls_cipher_decrypt2(handle, job->in, job->len, job->out, job->len);
    if (err < 0) return status_from_gnutls(err);
    memcpy(job->state->chain, job->encrypt ? job->out + job->len - block_len : last, block_len);
    return BRIDGE_SUCCESS;
}

static bridge_status cbc_crypt(const struct crypt_job *job)
{
    gnutls_cipher_hd_t handle = handle_get(job->state, job->row);
    const struct cipher_row *row = job->row;

    if (handle) return cbc_gnutls(job, handle);
    /* nettle updates chain in place and copes with in == out */
    if (job->encrypt)
        cbc_encrypt(&job->sched->block.enc, row->encrypt, row->block_len, job->state->chain,
                    job->len, job->out, job->in);
    else
        cbc_decrypt(&job->sched->block.dec, row->decrypt, row->block_len, job->state->chain,
                    job->len, job->out, job->in);
    return BRIDGE_SUCCESS;
}

/* CFB runs the cipher forwards in both directions, so only enc is used. */
static bridge_status cfb8_crypt(const struct crypt_job *job)
{
    const struct cipher_row *row = job->row;

    if (job->encrypt)
        cfb8_encrypt(&job->sched->block.enc, row->encrypt, row->block_len, job->state->chain,
                     job->len, job->out, job->in);
    else
        cfb8_decrypt(&job->sched->block.enc, row->encrypt, row->block_len, job->state->chain,
                     job->len, job->out, job->in);
    return BRIDGE_SUCCESS;
}

/* Full-block CFB: whole blocks only, so the chain value stays the last ciphertext block. */
static bridge_status cfb_crypt(const struct crypt_job *job)
{
    const struct cipher_row *row = job->row;

    if (job->encrypt)
        cfb_encrypt(&job->sched->block.enc, row->encrypt, row->block_len, job->state->chain,
                    job->len, job->out, job->in);
    else
        cfb_decrypt(&job->sched->block.enc, row->encrypt, row->block_len, job->state->chain,
                    job->len, job->out, job->in);
    return BRIDGE_SUCCESS;
}

static const struct
{
    bridge_status (*crypt)(const struct crypt_job *job);
    int whole_blocks;
}
crypt_modes[BRIDGE_MODE_COUNT] =
{
    [BRIDGE_MODE_STREAM] = { stream_crypt, 0 },
    [BRIDGE_MODE_ECB]    = { ecb_crypt,    1 },
    [BRIDGE_MODE_CBC]    = { cbc_crypt,    1 },
    [BRIDGE_MODE_CFB8]   = { cfb8_crypt,   0 },
    [BRIDGE_MODE_CFB]    = { cfb_crypt,    1 },
    /* GCM and CCM go through key_aead */
};

bridge_status key_crypt(void *args)
{
    const struct key_crypt_params *params = args;
    struct bridge_cipher_state *state;
    const struct cipher_row *row;
    union schedule local;
    struct crypt_job job;
    bridge_status status;

    if (!params || !params->state) return invalid("no state");
    state = BRIDGE_PTR(params->state);
    if (!(row = row_find(state))) return invalid("cipher, mode or key length");
    if (!crypt_modes[state->mode].crypt) return invalid("AEAD mode in key_crypt");
    if (crypt_modes[state->mode].whole_blocks && params->len % row->block_len)
        return invalid("length not a whole number of blocks");
    if (!params->len) return BRIDGE_SUCCESS;
    if (!params->input || !params->output) return invalid("no buffer");

    job.state   = state;
    job.row     = row;
    job.sched   = schedule_get(state, row, &local);
    job.in      = BRIDGE_PTR(params->input);
    job.out     = BRIDGE_PTR(params->output);
    job.len     = params->len;
    job.encrypt = params->encrypt != 0;
    status = crypt_modes[state->mode].crypt(&job);
    schedule_put(job.sched, &local);
    return status;
}

/* ---- AEAD (key_aead) ------------------------------------------------------ */

static uint32_t load_be32(const uint8_t *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

static void store_be32(uint8_t *p, uint32_t v)
{
    p[0] = v >> 24; p[1] = v >> 16; p[2] = v >> 8; p[3] = v;
}

/* Encrypt: hand out the tag.  Decrypt: compare in constant time. */
static bridge_status tag_finish(const struct key_aead_params *params, const uint8_t *digest)
{
    uint8_t *tag = BRIDGE_PTR(params->tag);

    if (params->encrypt)
    {
        memcpy(tag, digest, params->tag_len);
        return BRIDGE_SUCCESS;
    }
    return memeql_sec(digest, tag, params->tag_len) ? BRIDGE_SUCCESS : BRIDGE_AUTH_TAG_MISMATCH;
}

/*
 * Put a fresh gcm_ctx (after gcm_set_iv) where a chained message stood after
 * data_done bytes: GHASH accumulator from the caller's MAC context, and the
 * counter at inc32(J0) advanced by the blocks already done, mod 2^32.
 */
static void gcm_resume(struct gcm_ctx *ctx, const struct key_aead_params *params)
{
    uint32_t counter = load_be32(ctx->iv.b + 12) + 1 + (uint32_t)(params->data_done / GCM_BLOCK_SIZE);

    memcpy(ctx->x.b, BRIDGE_PTR(params->mac_context), GCM_BLOCK_SIZE);
    ctx->auth_size = params->aad_done;
    ctx->data_size = params->data_done;
    store_be32(ctx->ctr.b + 12, counter);
}

static bridge_status gcm_validate(const struct key_aead_params *params)
{
    int last = !(params->flags & BRIDGE_AEAD_CONTINUES);

    if (last && (!params->tag || !params->tag_len || params->tag_len > GCM_DIGEST_SIZE))
        return invalid("GCM tag");
    /* nettle can only resume a message at a block boundary */
    if (!last && (!params->mac_context || params->len % GCM_BLOCK_SIZE))
        return invalid("GCM chained call not a whole number of blocks");
    if ((params->flags & BRIDGE_AEAD_STARTED) && (!params->mac_context || params->data_done % GCM_BLOCK_SIZE))
        return invalid("GCM resumed off a block boundary");
    return BRIDGE_SUCCESS;
}

static bridge_status gcm_run(struct key_aead_params *params, const struct cipher_row *row,
                             const union schedule *sched)
{
    const struct gcm_key *key = &sched->gcm.key;
    const void *cipher = &sched->gcm.cipher;
    uint8_t digest[GCM_DIGEST_SIZE];
    struct gcm_ctx ctx;
    bridge_status status;

    if ((status = gcm_validate(params))) return status;

    gcm_set_iv(&ctx, key, params->nonce_len, BRIDGE_PTR(params->nonce));
    /* AAD belongs to the first call; callers pass the same auth info to every call */
    if (params->flags & BRIDGE_AEAD_STARTED) gcm_resume(&ctx, params);
    else gcm_update(&ctx, key, params->auth_len, BRIDGE_PTR(params->auth_data));

    if (params->encrypt)
        gcm_encrypt(&ctx, key, cipher, row->encrypt, params->len, BRIDGE_PTR(params->output), BRIDGE_PTR(params->input));
    else
        gcm_decrypt(&ctx, key, cipher, row->encrypt, params->len, BRIDGE_PTR(params->output), BRIDGE_PTR(params->input));

    if (params->flags & BRIDGE_AEAD_CONTINUES)
    {
        /* the running MAC goes back to the caller: the key keeps no message state */
        memcpy(BRIDGE_PTR(params->mac_context), ctx.x.b, GCM_BLOCK_SIZE);
        params->data_done = ctx.data_size;
        params->aad_done  = (uint32_t)ctx.auth_size;
        status = BRIDGE_SUCCESS;
    }
    else
    {
        gcm_digest(&ctx, key, cipher, row->encrypt, params->tag_len, digest);
        status = tag_finish(params, digest);
        explicit_bzero(digest, sizeof(digest));
    }
    explicit_bzero(&ctx, sizeof(ctx));
    return status;
}

/*
 * CCM's first MAC block encodes the message length, so nettle needs it before
 * any data: only single-call messages are supported.
 */
static bridge_status ccm_run(struct key_aead_params *params, const struct cipher_row *row,
                             const union schedule *sched)
{
    const void *cipher = &sched->block.enc;
    uint8_t digest[CCM_DIGEST_SIZE];
    struct ccm_ctx ctx;
    uint32_t length_bytes;   /* CCM's L: the message length field, 15 - nonce_len bytes */
    bridge_status status;

    if (params->flags) return BRIDGE_NOT_SUPPORTED;
    if (params->nonce_len < 7 || params->nonce_len > 13) return invalid("CCM nonce length");
    if (!params->tag || params->tag_len < 4 || params->tag_len > 16 || params->tag_len % 2)
        return invalid("CCM tag");
    length_bytes = 15 - params->nonce_len;
    if (length_bytes < 4 && params->len >> (8 * length_bytes))
        return invalid("CCM message too long for the nonce length");

    ccm_set_nonce(&ctx, cipher, row->encrypt, params->nonce_len, BRIDGE_PTR(params->nonce),
                  params->auth_len, params->len, params->tag_len);
    ccm_update(&ctx, cipher, row->encrypt, params->auth_len, BRIDGE_PTR(params->auth_data));
    if (params->encrypt)
        ccm_encrypt(&ctx, cipher, row->encrypt, params->len, BRIDGE_PTR(params->output), BRIDGE_PTR(params->input));
    else
        ccm_decrypt(&ctx, cipher, row->encrypt, params->len, BRIDGE_PTR(params->output), BRIDGE_PTR(params->input));
    ccm_digest(&ctx, cipher, row->encrypt, params->tag_len, digest);
    status = tag_finish(params, digest);
    explicit_bzero(digest, sizeof(digest));
    explicit_bzero(&ctx, sizeof(ctx));
    return status;
}

bridge_status key_aead(void *args)
{
    struct key_aead_params *params = args;
    struct bridge_cipher_state *state;
    const struct cipher_row *row;
    union schedule local, *sched;
    bridge_status status;

    if (!params || !params->state) return invalid("no state");
    state = BRIDGE_PTR(params->state);
    if (!(row = row_find(state))) return invalid("cipher, mode or key length");
    if (state->mode != BRIDGE_MODE_GCM && state->mode != BRIDGE_MODE_CCM) return invalid("not an AEAD mode");
    if (params->flags & ~(BRIDGE_AEAD_CONTINUES | BRIDGE_AEAD_STARTED)) return invalid("AEAD flags");
    if (!params->nonce || !params->nonce_len) return invalid("no nonce");
    if (params->auth_len && !params->auth_data) return invalid("no auth data");
    if (params->len && (!params->input || !params->output)) return invalid("no buffer");

    sched = schedule_get(state, row, &local);
    if (state->mode == BRIDGE_MODE_GCM) status = gcm_run(params, row, sched);
    else status = ccm_run(params, row, sched);
    schedule_put(sched, &local);
    return status;
}

bridge_status key_release(void *args)
{
    const struct key_release_params *params = args;

    if (!params || !params->state) return invalid("no state");
    handle_drop(BRIDGE_PTR(params->state));
    return BRIDGE_SUCCESS;
}
