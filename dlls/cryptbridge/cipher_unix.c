/*
 * Unix half of cryptbridge: symmetric ciphers (BRIDGE_KEY_CRYPT, _AEAD, _RELEASE).
 *
 * The key state lives in the caller's PE memory and is read and written in
 * place.  Its schedule[] holds plain nettle contexts (no pointers), so a memcpy
 * of the state is a complete duplicate, RC4 stream position included.  The one
 * thing a copy does not own is gnutls_handle: a GnuTLS handle made lazily here,
 * because GnuTLS is the fast path for CBC (AES-NI, ~1 GB/s) and for one-shot
 * GCM messages past a few blocks (stitched AES-NI+PCLMUL, ~2x nettle's GCM),
 * and costs ~180 ns to create.  Everything GnuTLS lacks (ECB, CFB8, RC2, RC4,
 * any-length GCM nonces, streaming AEAD) goes through nettle directly.
 */
#define _GNU_SOURCE  /* explicit_bzero */
#include <stddef.h>
#include <stdint.h>
#include <string.h>
#include <sched.h>
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

/*
 * What gnutls_handle holds:
 *   0                  no handle yet
 *   HANDLE_REFUSED     GnuTLS refused this cipher: nettle only, ask once per key
 *   HANDLE_DEFERRED    a short first CBC call ran on nettle; the next call makes the handle
 *   hd | HANDLE_GCM? | HANDLE_BUSY?
 *                      a gnutls_cipher_hd_t.  GnuTLS mallocs it, so its two low bits
 *                      are free: HANDLE_GCM marks an AES-GCM handle (else CBC), so
 *                      one kind is never used for the other mode; HANDLE_BUSY marks
 *                      a GCM handle one thread is running a message through (only
 *                      that thread writes the word until it clears the flag).
 * The flags live in the handle word rather than in a field of their own because
 * a handle and its flags must change together (one CAS), and because the PE
 * side's duplicate zeroes this word: a copy can never inherit a busy flag.
 */
#define HANDLE_REFUSED   UINT64_MAX
#define HANDLE_DEFERRED  ((uint64_t)4)
#define HANDLE_BUSY      ((uint64_t)1)
#define HANDLE_GCM       ((uint64_t)2)
#define HANDLE_FLAGS     (HANDLE_BUSY | HANDLE_GCM)

/* A first CBC call this short on a key without a handle (a fresh key or
 * duplicate) runs on the nettle schedule, which is ready anyway.  Measured here:
 * gnutls_cipher_init+deinit costs ~150-220 ns; nettle's CBC encrypt is slower
 * than GnuTLS's by about that much at 256 bytes (decrypt: by ~20 ns). */
#define SHORT_CBC_MAX    256

/* One-shot GCM messages this short run on nettle when the schedule holds its
 * GHASH key: GnuTLS's per-message setup plus the handle's CAS cost more than
 * its stitched bulk code saves.  Measured here: even at ~128 bytes; GnuTLS is
 * 2x faster at 1 MiB. */
#define SHORT_GCM_MAX    128

#define SCHEDULE_EMPTY     BRIDGE_SCHEDULE_EMPTY
#define SCHEDULE_READY     BRIDGE_SCHEDULE_READY
#define SCHEDULE_BUILDING  BRIDGE_SCHEDULE_BUILDING

/*
 * What schedule[] holds: nettle contexts expanded from key[].  The encrypt
 * context always starts at offset 0.  Only AES decrypts with a different
 * (inverted) context; DES, 3DES and RC2 decrypt with the one they encrypt with.
 * nettle's struct gcm_key (room for a 4 KB GHASH table) is not kept whole: a
 * GCM schedule keeps only the part nettle really uses, in the decrypt slot it
 * has no other use for (see ghash_key_size).
 */
union schedule
{
    struct { struct aes128_ctx enc, dec; } aes128;
    struct { struct aes192_ctx enc, dec; } aes192;
    struct { struct aes256_ctx enc, dec; } aes256;
    struct des_ctx     des;
    struct des3_ctx    des3;
    struct arctwo_ctx  rc2;
    struct arcfour_ctx rc4;
};

_Static_assert(sizeof(union schedule) <= sizeof(((struct bridge_cipher_state *)0)->schedule),
               "nettle contexts must fit in bridge_cipher_state.schedule");
_Static_assert(sizeof(union schedule) + sizeof(uint64_t) > sizeof(((struct bridge_cipher_state *)0)->schedule),
               "BRIDGE_SCHEDULE_WORDS is larger than the largest schedule: shrink it");
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

/* Key setup fills the encrypt context; invert derives a separate decrypt context from it. */
typedef void key_setup_func(void *enc, const struct bridge_cipher_state *state);
typedef void key_invert_func(void *dec, const void *enc);

#define AES_SETUP(bits) \
    static void aes##bits##_setup(void *enc, const struct bridge_cipher_state *state) \
    { aes##bits##_set_encrypt_key(enc, state->key); } \
    static void aes##bits##_invert(void *dec, const void *enc) \
    { aes##bits##_invert_key(dec, enc); }

AES_SETUP(128)
AES_SETUP(192)
AES_SETUP(256)

/* des_set_key's weak-key result is ignored: Windows accepts weak DES keys. */
static void des_setup(void *enc, const struct bridge_cipher_state *state)
{
    des_set_key(enc, state->key);
}

static void des3_setup(void *enc, const struct bridge_cipher_state *state)
{
    des3_set_key(enc, state->key);
}

static void rc2_setup(void *enc, const struct bridge_cipher_state *state)
{
    unsigned int bits = state->effective_bits ? state->effective_bits : state->key_len * 8;

    arctwo_set_key_ekb(enc, state->key_len, state->key, bits);
}

static void rc4_setup(void *enc, const struct bridge_cipher_state *state)
{
    arcfour_set_key(enc, state->key_len, state->key);
}

#define MODE_BIT(m)   (1u << (m))
#define BLOCK_MODES   (MODE_BIT(BRIDGE_MODE_ECB) | MODE_BIT(BRIDGE_MODE_CBC) | MODE_BIT(BRIDGE_MODE_CFB8) \
                       | MODE_BIT(BRIDGE_MODE_CFB))
#define AEAD_MODES    (MODE_BIT(BRIDGE_MODE_GCM) | MODE_BIT(BRIDGE_MODE_CCM))
/* Modes that run the block cipher backwards; CFB, GCM and CCM only ever encrypt blocks. */
#define INVERSE_MODES (MODE_BIT(BRIDGE_MODE_ECB) | MODE_BIT(BRIDGE_MODE_CBC))

/* One row per cipher and key size; the first row matching cipher and key_len wins. */
struct cipher_row
{
    uint32_t            cipher;      /* enum bridge_cipher */
    uint32_t            key_min;     /* bytes */
    uint32_t            key_max;
    uint32_t            block_len;
    uint32_t            modes;       /* MODE_BIT()s allowed */
    key_setup_func     *setup;
    key_invert_func    *invert;      /* NULL: decrypts with the encrypt context */
    uint32_t            dec_offset;  /* where in union schedule the decrypt context starts */
    nettle_cipher_func *encrypt;     /* NULL for RC4 */
    nettle_cipher_func *decrypt;
    gnutls_cipher_algorithm_t gnutls_cbc;  /* GNUTLS_CIPHER_UNKNOWN: nettle only */
    gnutls_cipher_algorithm_t gnutls_gcm;
};

#define AES_ROW(bits) \
    { BRIDGE_CIPHER_AES, bits / 8, bits / 8, 16, BLOCK_MODES | AEAD_MODES, aes##bits##_setup, \
      aes##bits##_invert, offsetof(union schedule, aes##bits.dec), aes##bits##_encrypt_fn, \
      aes##bits##_decrypt_fn, GNUTLS_CIPHER_AES_##bits##_CBC, GNUTLS_CIPHER_AES_##bits##_GCM }

static const struct cipher_row cipher_rows[] =
{
    AES_ROW(128),
    AES_ROW(192),
    AES_ROW(256),
    { BRIDGE_CIPHER_DES,   8,  8,  8, BLOCK_MODES, des_setup, NULL, 0,
      des_encrypt_fn, des_decrypt_fn, GNUTLS_CIPHER_DES_CBC, GNUTLS_CIPHER_UNKNOWN },
    { BRIDGE_CIPHER_3DES, 24, 24,  8, BLOCK_MODES, des3_setup, NULL, 0,
      des3_encrypt_fn, des3_decrypt_fn, GNUTLS_CIPHER_3DES_CBC, GNUTLS_CIPHER_UNKNOWN },
    /* GnuTLS only has 40-bit RC2; key[] caps RC2 at 64 of nettle's 128 bytes */
    { BRIDGE_CIPHER_RC2,   1, BRIDGE_MAX_KEY_LEN, 8, BLOCK_MODES, rc2_setup, NULL, 0,
      arctwo_encrypt_fn, arctwo_decrypt_fn, GNUTLS_CIPHER_UNKNOWN, GNUTLS_CIPHER_UNKNOWN },
    { BRIDGE_CIPHER_RC4,   1, BRIDGE_MAX_KEY_LEN, 1, MODE_BIT(BRIDGE_MODE_STREAM), rc4_setup, NULL, 0,
      NULL, NULL, GNUTLS_CIPHER_UNKNOWN, GNUTLS_CIPHER_UNKNOWN },
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

/* ---- GnuTLS handles (CBC, and GCM one-shot messages) ------------------------ */

/* The gnutls_cipher_hd_t in a gnutls_handle value, or NULL for 0 and the markers. */
static gnutls_cipher_hd_t handle_ptr(uint64_t value)
{
    if (value <= HANDLE_DEFERRED || value == HANDLE_REFUSED) return NULL;
    return (gnutls_cipher_hd_t)(uintptr_t)(value & ~HANDLE_FLAGS);
}

/*
 * A handle is made and stored for the key it was made from; changing key or
 * mode clears "scheduled", and the rebuild that follows drops it here.  A busy
 * GCM handle is mid-message on another thread (a key change or destroy racing
 * a call): wait for that message to end rather than free the handle under it.
 * So nothing but its user writes a busy word, and gcm_handle_put() needs no CAS.
 */
static void handle_drop(struct bridge_cipher_state *state)
{
    uint64_t value = __atomic_load_n(&state->gnutls_handle, __ATOMIC_ACQUIRE);

    for (;;)
    {
        if (handle_ptr(value) && (value & HANDLE_BUSY))
        {
            sched_yield();
            value = __atomic_load_n(&state->gnutls_handle, __ATOMIC_ACQUIRE);
        }
        else if (__atomic_compare_exchange_n(&state->gnutls_handle, &value, 0, 0,
                                             __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
            break;
    }
    if (handle_ptr(value)) gnutls_cipher_deinit(handle_ptr(value));
}

/* A new GnuTLS handle for the state's key, or NULL if GnuTLS refuses it. */
static gnutls_cipher_hd_t handle_new(struct bridge_cipher_state *state, gnutls_cipher_algorithm_t algorithm)
{
    gnutls_datum_t key = { state->key, state->key_len };
    gnutls_cipher_hd_t handle;
    int err;

    if ((err = gnutls_cipher_init(&handle, algorithm, &key, NULL)) < 0)
    {
        bridge_trace("gnutls_cipher_init(%d) failed (%d: %s), using nettle\n",
                     algorithm, err, gnutls_strerror(err));
        return NULL;
    }
    /* the flag bits rely on malloc alignment: never seen otherwise, but never trusted */
    if (!handle_ptr((uintptr_t)handle) || ((uintptr_t)handle & HANDLE_FLAGS))
    {
        gnutls_cipher_deinit(handle);
        return NULL;
    }
    return handle;
}

/*
 * The key's GnuTLS CBC handle, created on first use; NULL means use nettle.
 * Like the chain value in the key, it is not guarded against two threads
 * running CBC on one key at once (that is the caller's race either way).
 */
static gnutls_cipher_hd_t cbc_handle_get(struct bridge_cipher_state *state, const struct cipher_row *row,
                                         size_t len)
{
    uint64_t current = __atomic_load_n(&state->gnutls_handle, __ATOMIC_ACQUIRE), value;
    gnutls_cipher_hd_t mine;

    /* a GCM handle here was left by a GCM call racing a mode change: not for CBC */
    if (handle_ptr(current)) return (current & HANDLE_GCM) ? NULL : handle_ptr(current);
    if (current == HANDLE_REFUSED || row->gnutls_cbc == GNUTLS_CIPHER_UNKNOWN) return NULL;
    if (!current && len <= SHORT_CBC_MAX)
    {
        /* nettle this once (see SHORT_CBC_MAX); a key that is used again gets its handle then */
        __atomic_compare_exchange_n(&state->gnutls_handle, &current, HANDLE_DEFERRED, 0,
                                    __ATOMIC_RELAXED, __ATOMIC_RELAXED);
        return NULL;
    }

    /* A refusal (e.g. DES disabled by policy) is remembered so we ask only once per key. */
    mine = handle_new(state, row->gnutls_cbc);
    value = mine ? (uint64_t)(uintptr_t)mine : HANDLE_REFUSED;
    if (__atomic_compare_exchange_n(&state->gnutls_handle, &current, value, 0,
                                    __ATOMIC_ACQ_REL, __ATOMIC_ACQUIRE))
        return mine;

    /* another thread stored its handle first: use that one if it is a CBC handle */
    if (mine) gnutls_cipher_deinit(mine);
    return (current & HANDLE_GCM) ? NULL : handle_ptr(current);
}

/*
 * Takes the key's GnuTLS GCM handle for one message, creating it on first use.
 * A GCM handle carries per-message state, so one thread at a time owns it
 * (HANDLE_BUSY); NULL means another thread has it, or there is none to be had:
 * use nettle for this message.  Every non-NULL return needs gcm_handle_put().
 */
static gnutls_cipher_hd_t gcm_handle_take(struct bridge_cipher_state *state, const struct cipher_row *row)
{
    uint64_t current = __atomic_load_n(&state->gnutls_handle, __ATOMIC_ACQUIRE), value;
    gnutls_cipher_hd_t mine;

    if (row->gnutls_gcm == GNUTLS_CIPHER_UNKNOWN) return NULL;
    while (handle_ptr(current))
    {
        /* busy, or a CBC handle left by a CBC call racing a mode change */
        if ((current & HANDLE_FLAGS) != HANDLE_GCM) return NULL;
        if (__atomic_compare_exchange_n(&state->gnutls_handle, &current, current | HANDLE_BUSY, 0,
                                        __ATOMIC_ACQUIRE, __ATOMIC_ACQUIRE))
            return handle_ptr(current);
    }
    if (current == HANDLE_REFUSED) return NULL;

    /* none yet: make one, stored already taken for this message */
    mine = handle_new(state, row->gnutls_gcm);
    value = mine ? ((uint64_t)(uintptr_t)mine | HANDLE_GCM | HANDLE_BUSY) : HANDLE_REFUSED;
    if (__atomic_compare_exchange_n(&state->gnutls_handle, &current, value, 0,
                                    __ATOMIC_ACQ_REL, __ATOMIC_RELAXED))
        return mine;
    /* another thread stored one first, and is using it right now: nettle this time */
    if (mine) gnutls_cipher_deinit(mine);
    return NULL;
}

/* Ends this thread's message: while busy the word is ours alone (see handle_drop). */
static void gcm_handle_put(struct bridge_cipher_state *state, gnutls_cipher_hd_t handle)
{
    __atomic_store_n(&state->gnutls_handle, (uint64_t)(uintptr_t)handle | HANDLE_GCM, __ATOMIC_RELEASE);
}

/* ---- nettle schedule ---------------------------------------------------- */

/*
 * How many leading bytes of struct gcm_key nettle uses.  The struct has room
 * for the 4 KB table of nettle's C GHASH, but its PCLMUL GHASH (x86_64) writes
 * and reads only H and H^2: 32 bytes.  Found once by keying two differently
 * filled structs and seeing how far gcm_set_key wrote.  That is exact because
 * it writes the same bytes whatever the key, and GHASH reads no byte it did
 * not write (or nettle would read uninitialised memory in its own use).
 */
static size_t ghash_key_size(void)
{
    static size_t size;   /* 0 until probed; racing probes agree */
    union { struct gcm_key key; uint8_t bytes[sizeof(struct gcm_key)]; } probe[2];
    struct aes128_ctx aes;
    size_t got = __atomic_load_n(&size, __ATOMIC_RELAXED);

    if (got) return got;
    memset(&aes, 0, sizeof(aes));   /* any key will do: only which bytes change matters */
    memset(&probe[0], 0x00, sizeof(probe[0]));
    memset(&probe[1], 0xff, sizeof(probe[1]));
    gcm_set_key(&probe[0].key, &aes, aes128_encrypt_fn);
    gcm_set_key(&probe[1].key, &aes, aes128_encrypt_fn);
    for (got = sizeof(struct gcm_key); got > 1; got--)
        if (probe[0].bytes[got - 1] != 0x00 || probe[1].bytes[got - 1] != 0xff) break;
    __atomic_store_n(&size, got, __ATOMIC_RELAXED);
    return got;
}

static void *schedule_dec(const struct cipher_row *row, union schedule *sched)
{
    return (uint8_t *)sched + row->dec_offset;
}

/* Where a GCM schedule keeps nettle's GHASH key, or NULL when it does not fit
 * (a CPU without PCLMUL): then the nettle path builds it per call. */
static void *schedule_ghash(const struct cipher_row *row, const union schedule *sched)
{
    if (ghash_key_size() > sizeof(*sched) - row->dec_offset) return NULL;
    return (uint8_t *)sched + row->dec_offset;
}

static void schedule_build(const struct cipher_row *row, const struct bridge_cipher_state *state,
                           union schedule *sched)
{
    struct gcm_key key;
    void *ghash;

    row->setup(sched, state);
    if (row->invert && (INVERSE_MODES & MODE_BIT(state->mode))) row->invert(schedule_dec(row, sched), sched);
    if (state->mode == BRIDGE_MODE_GCM && (ghash = schedule_ghash(row, sched)))
    {
        gcm_set_key(&key, sched, row->encrypt);
        memcpy(ghash, &key, ghash_key_size());
        explicit_bzero(&key, ghash_key_size());
    }
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
    arcfour_crypt(&job->sched->rc4, job->len, job->out, job->in);
    return BRIDGE_SUCCESS;
}

static bridge_status ecb_crypt(const struct crypt_job *job)
{
    if (job->encrypt) job->row->encrypt(job->sched, job->len, job->out, job->in);
    else job->row->decrypt(schedule_dec(job->row, job->sched), job->len, job->out, job->in);
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
    gnutls_cipher_hd_t handle = cbc_handle_get(job->state, job->row, job->len);
    const struct cipher_row *row = job->row;

    if (handle) return cbc_gnutls(job, handle);
    /* nettle updates chain in place and copes with in == out */
    if (job->encrypt)
        cbc_encrypt(job->sched, row->encrypt, row->block_len, job->state->chain,
                    job->len, job->out, job->in);
    else
        cbc_decrypt(schedule_dec(row, job->sched), row->decrypt, row->block_len, job->state->chain,
                    job->len, job->out, job->in);
    return BRIDGE_SUCCESS;
}

/* CFB runs the cipher forwards in both directions, so only the encrypt context is used. */
static bridge_status cfb8_crypt(const struct crypt_job *job)
{
    const struct cipher_row *row = job->row;

    if (job->encrypt)
        cfb8_encrypt(job->sched, row->encrypt, row->block_len, job->state->chain,
                     job->len, job->out, job->in);
    else
        cfb8_decrypt(job->sched, row->encrypt, row->block_len, job->state->chain,
                     job->len, job->out, job->in);
    return BRIDGE_SUCCESS;
}

/* Full-block CFB: whole blocks only, so the chain value stays the last ciphertext block. */
static bridge_status cfb_crypt(const struct crypt_job *job)
{
    const struct cipher_row *row = job->row;

    if (job->encrypt)
        cfb_encrypt(job->sched, row->encrypt, row->block_len, job->state->chain,
                    job->len, job->out, job->in);
    else
        cfb_decrypt(job->sched, row->encrypt, row->block_len, job->state->chain,
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

/* nettle GCM: any nonce length, and chained messages resumed from the caller's MAC context. */
static bridge_status gcm_nettle(struct key_aead_params *params, const struct cipher_row *row,
                                const union schedule *sched)
{
    const void *cipher = sched;   /* the encrypt context */
    const void *ghash = schedule_ghash(row, sched);
    uint8_t digest[GCM_DIGEST_SIZE];
    struct gcm_key key;           /* only its first ghash_key_size() bytes are ever used */
    struct gcm_ctx ctx;
    bridge_status status;

    if (ghash) memcpy(&key, ghash, ghash_key_size());
    else gcm_set_key(&key, cipher, row->encrypt);
    gcm_set_iv(&ctx, &key, params->nonce_len, BRIDGE_PTR(params->nonce));
    /* AAD belongs to the first call; callers pass the same auth info to every call */
    if (params->flags & BRIDGE_AEAD_STARTED) gcm_resume(&ctx, params);
    else gcm_update(&ctx, &key, params->auth_len, BRIDGE_PTR(params->auth_data));

    if (params->encrypt)
        gcm_encrypt(&ctx, &key, cipher, row->encrypt, params->len, BRIDGE_PTR(params->output), BRIDGE_PTR(params->input));
    else
        gcm_decrypt(&ctx, &key, cipher, row->encrypt, params->len, BRIDGE_PTR(params->output), BRIDGE_PTR(params->input));

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
        gcm_digest(&ctx, &key, cipher, row->encrypt, params->tag_len, digest);
        status = tag_finish(params, digest);
        explicit_bzero(digest, sizeof(digest));
    }
    explicit_bzero(&ctx, sizeof(ctx));
    explicit_bzero(&key, ghash_key_size());   /* derived from the key: H = E(K, 0) */
    return status;
}

/* GnuTLS GCM: one whole message with a 12-byte nonce on a handle this thread has taken. */
static bridge_status gcm_gnutls(const struct key_aead_params *params, gnutls_cipher_hd_t handle)
{
    const uint8_t *in = BRIDGE_PTR(params->input);
    uint8_t *out = BRIDGE_PTR(params->output);
    uint8_t digest[GCM_DIGEST_SIZE];
    bridge_status status;
    int err = 0;

    gnutls_cipher_set_iv(handle, BRIDGE_PTR(params->nonce), GCM_IV_SIZE);   /* starts a new message */
    if (params->auth_len) err = gnutls_cipher_add_auth(handle, BRIDGE_PTR(params->auth_data), params->auth_len);
    /* one call for all the data: GnuTLS's GCM only takes a partial block last */
    if (err >= 0 && params->len)
        err = params->encrypt ? gnutls_cipher_encrypt2(handle, in, params->len, out, params->len)
                              : gnutls_cipher_decrypt2(handle, in, params->len, out, params->len);
    if (err >= 0) err = gnutls_cipher_tag(handle, digest, sizeof(digest));
    status = err < 0 ? status_from_gnutls(err) : tag_finish(params, digest);
    explicit_bzero(digest, sizeof(digest));
    return status;
}

static bridge_status gcm_run(struct key_aead_params *params, const struct cipher_row *row,
                             struct bridge_cipher_state *state, const union schedule *sched)
{
    gnutls_cipher_hd_t handle;
    bridge_status status;

    if ((status = gcm_validate(params))) return status;
    /* GnuTLS takes whole messages with 96-bit nonces only, and cannot hand out a running GHASH */
    if (!params->flags && params->nonce_len == GCM_IV_SIZE
        && (params->len > SHORT_GCM_MAX || !schedule_ghash(row, sched))
        && (handle = gcm_handle_take(state, row)))
    {
        status = gcm_gnutls(params, handle);
        gcm_handle_put(state, handle);
        return status;
    }
    return gcm_nettle(params, row, sched);
}

/*
 * CCM's first MAC block encodes the message length, so nettle needs it before
 * any data: only single-call messages are supported.
 */
static bridge_status ccm_run(struct key_aead_params *params, const struct cipher_row *row,
                             const union schedule *sched)
{
    const void *cipher = sched;   /* the encrypt context */
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
    if (state->mode == BRIDGE_MODE_GCM) status = gcm_run(params, row, state, sched);
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
