/*
 * DSA keys.  Canonical blobs are CNG's BCRYPT_DSA_KEY_BLOB (FIPS 186-2, q of
 * 160 bits, keys of 512..1024 bits) and BCRYPT_DSA_KEY_BLOB_V2 (FIPS 186-3);
 * the layouts are restated below with fixed-width types.  Domain parameters
 * are made the FIPS way (hash of a seed, counter), because CNG blobs carry
 * that seed and counter (a Windows-made blob's seed yields its q and p) and
 * CNG is said to check them [.NET DSACng]; nettle only makes parameters
 * without a seed, so the search is written here on top of nettle's SHA and
 * GMP's primality test.  Signatures come from GnuTLS.
 */
#include <stdlib.h>
#include <string.h>
#include <gmp.h>
#include <nettle/bignum.h>
#include <nettle/sha1.h>
#include <nettle/sha2.h>
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include "unix_private.h"

#define DSA_PUBLIC_MAGIC      0x42505344u  /* "DSPB" */
#define DSA_PRIVATE_MAGIC     0x56505344u  /* "DSPV" */
#define DSA_PUBLIC_MAGIC_V2   0x32425044u  /* "DPB2" */
#define DSA_PRIVATE_MAGIC_V2  0x32565044u  /* "DPV2" */
#define DSA_PARAMS_MAGIC      0x4d505344u  /* "DSPM" */
#define DSA_PARAMS_MAGIC_V2   0x324d5044u  /* "DPM2" */

enum { HASH_SHA1, HASH_SHA256, HASH_SHA512 };     /* HASHALGORITHM_ENUM */
enum { FIPS_186_2, FIPS_186_3 };                  /* DSAFIPSVERSION_ENUM */

struct blob_v1 { uint32_t magic, cb_key; uint8_t count[4], seed[20], q[20]; };
struct blob_v2 { uint32_t magic, cb_key, hash, standard, cb_seed, cb_group; uint8_t count[4]; };
struct param_v1 { uint32_t length, magic, cb_key; uint8_t count[4], seed[20], q[20]; };
struct param_v2 { uint32_t length, magic, cb_key, hash, standard, cb_seed, cb_group; uint8_t count[4]; };
BRIDGE_STATIC_ASSERT(dsa_blob_v1, sizeof(struct blob_v1) == 52);
BRIDGE_STATIC_ASSERT(dsa_blob_v2, sizeof(struct blob_v2) == 28);
BRIDGE_STATIC_ASSERT(dsa_param_v1, sizeof(struct param_v1) == 56);
BRIDGE_STATIC_ASSERT(dsa_param_v2, sizeof(struct param_v2) == 32);

#define MAX_SEED 64

/* One DSA key or parameter set, numbers as GMP integers. */
struct dsa
{
    int v2, has_x;
    uint32_t cb_key, cb_group, cb_seed, hash, standard;
    uint8_t count[4], seed[MAX_SEED];
    mpz_t p, q, g, y, x;
};

static void dsa_init(struct dsa *k)
{
    memset(k, 0, sizeof(*k));
    mpz_inits(k->p, k->q, k->g, k->y, k->x, NULL);
}

static void dsa_clear(struct dsa *k)
{
    /* GMP has no wiping free: overwrite the limbs of the secret first */
    if (mpz_size(k->x)) memset(mpz_limbs_modify(k->x, mpz_size(k->x)), 0, mpz_size(k->x) * sizeof(mp_limb_t));
    mpz_clears(k->p, k->q, k->g, k->y, k->x, NULL);
    explicit_bzero(k, sizeof(*k));
}


static uint32_t hash_len(uint32_t hash)
{
    switch (hash)
    {
    case HASH_SHA1:   return 20;
    case HASH_SHA256: return 32;
    case HASH_SHA512: return 64;
    default:          return 0;
    }
}

static void put_be(uint8_t *dst, uint32_t len, const mpz_t v) { nettle_mpz_get_str_256(len, dst, v); }
static void get_be(mpz_t v, const uint8_t *src, uint32_t len) { nettle_mpz_set_str_256_u(v, len, src); }

/* ---- FIPS 186-2 / 186-3 parameter search ---------------------------------
 * 186-2 (keys up to 1024 bits): SHA-1, 160-bit seed, q = SHA1(S) ^ SHA1(S+1)
 * with top and bottom bits set, p candidates from offset 2, 4096 tries.
 * 186-3 (larger keys, SHA-256, N = 256): q = 2^(N-1) + (SHA(S) mod 2^(N-1)),
 * made odd, p candidates from offset 1, 4L tries.  Both build p from
 * W = H(S+offset) | H(S+offset+1) << outlen ... over L-1 bits, X = W + 2^(L-1),
 * p = X - (X mod 2q) + 1.  [FIPS 186-2 App. 2.2; FIPS 186-3 A.1.1.2] */

struct fips { int v2; uint32_t seed_len, out_len, n_bits; };

static void fips_hash(const struct fips *f, const mpz_t seed, unsigned long add, mpz_t out)
{
    uint8_t buf[MAX_SEED], digest[SHA256_DIGEST_SIZE];
    mpz_t t;

    mpz_init(t);
    mpz_add_ui(t, seed, add);
    mpz_tdiv_r_2exp(t, t, f->seed_len * 8);
    put_be(buf, f->seed_len, t);
    if (f->v2)
    {
        struct sha256_ctx ctx;
        sha256_init(&ctx);
        sha256_update(&ctx, f->seed_len, buf);
        sha256_digest(&ctx, SHA256_DIGEST_SIZE, digest);
    }
    else
    {
        struct sha1_ctx ctx;
        sha1_init(&ctx);
        sha1_update(&ctx, f->seed_len, buf);
        sha1_digest(&ctx, SHA1_DIGEST_SIZE, digest);
    }
    get_be(out, digest, f->out_len);
    mpz_clear(t);
}

static void fips_q(const struct fips *f, const mpz_t seed, mpz_t q)
{
    mpz_t u;

    mpz_init(u);
    fips_hash(f, seed, 0, q);
    if (!f->v2)
    {
        fips_hash(f, seed, 1, u);
        mpz_xor(q, q, u);
        mpz_setbit(q, f->n_bits - 1);
        mpz_setbit(q, 0);
    }
    else
    {
        mpz_tdiv_r_2exp(q, q, f->n_bits - 1);
        mpz_setbit(q, f->n_bits - 1);
        mpz_setbit(q, 0);
    }
    mpz_clear(u);
}

/* The p candidate of one counter value. */
static void fips_p(const struct fips *f, const mpz_t seed, const mpz_t q, uint32_t l_bits, uint32_t counter, mpz_t p)
{
    uint32_t out_bits = f->out_len * 8, n = (l_bits - 1) / out_bits, b = (l_bits - 1) % out_bits, j;
    unsigned long offset = (f->v2 ? 1 : 2) + (unsigned long)counter * (n + 1);
    mpz_t v, c;

    mpz_inits(v, c, NULL);
    mpz_set_ui(p, 0);
    for (j = 0; j <= n; j++)
    {
        fips_hash(f, seed, offset + j, v);
        if (j == n) mpz_tdiv_r_2exp(v, v, b);
        mpz_mul_2exp(v, v, j * out_bits);
        mpz_add(p, p, v);
    }
    mpz_setbit(p, l_bits - 1);                /* X = W + 2^(L-1) */
    mpz_mul_2exp(c, q, 1);
    mpz_tdiv_r(c, p, c);
    mpz_sub(p, p, c);
    mpz_add_ui(p, p, 1);
    mpz_clears(v, c, NULL);
}

static void fips_setup(struct fips *f, int v2, uint32_t seed_len, uint32_t group_len)
{
    f->v2 = v2;
    f->seed_len = seed_len;
    f->out_len = v2 ? SHA256_DIGEST_SIZE : SHA1_DIGEST_SIZE;
    f->n_bits = group_len * 8;
}

/* Does the key's seed and counter produce its q and p?  A counter of
 * 0xffffffff means "no seed" and is not checked [hypothesis: .NET's DSACng
 * fills seedless blobs that way because CNG rejects other values]. */
static int seed_matches(const struct dsa *k)
{
    uint32_t counter = (uint32_t)k->count[0] << 24 | k->count[1] << 16 | k->count[2] << 8 | k->count[3];
    struct fips f;
    mpz_t seed, v;
    int ret;

    if (counter == 0xffffffff) return 1;
    if (k->v2) return 1;   /* hypothesis: FIPS 186-3 details of Windows' search are not pinned; accept */
    fips_setup(&f, 0, k->cb_seed, k->cb_group);
    mpz_inits(seed, v, NULL);
    get_be(seed, k->seed, k->cb_seed);
    fips_q(&f, seed, v);
    ret = !mpz_cmp(v, k->q) && counter < 4096;
    if (ret)
    {
        fips_p(&f, seed, k->q, k->cb_key * 8, counter, v);
        ret = !mpz_cmp(v, k->p);
    }
    mpz_clears(seed, v, NULL);
    return ret;
}

/* Finds p, q, g of a fresh key: 186-2 up to 1024 bits, 186-3 with SHA-256 above. */
static bridge_status fips_generate(struct dsa *k, uint32_t bits)
{
    struct bridge_rng ctx = { 0 };
    uint32_t counter, max;
    struct fips f;
    mpz_t seed, e, h;
    int found = 0;

    fips_setup(&f, k->v2, k->cb_seed, k->cb_group);
    max = k->v2 ? 4 * bits : 4096;
    mpz_inits(seed, e, h, NULL);
    while (!found)
    {
        uint8_t buf[MAX_SEED];

        bridge_random(&ctx, f.seed_len, buf);
        if (ctx.failed) break;
        get_be(seed, buf, f.seed_len);
        fips_q(&f, seed, k->q);
        if (!mpz_probab_prime_p(k->q, 40)) continue;
        for (counter = 0; counter < max && !found; counter++)
        {
            fips_p(&f, seed, k->q, bits, counter, k->p);
            if (mpz_sizeinbase(k->p, 2) < bits || !mpz_probab_prime_p(k->p, 40)) continue;
            found = 1;
            memcpy(k->seed, buf, f.seed_len);
            k->count[0] = counter >> 24; k->count[1] = counter >> 16;
            k->count[2] = counter >> 8;  k->count[3] = counter;
        }
    }
    if (found)   /* g = h^((p-1)/q) mod p for the first h = 2, 3, ... giving g > 1 */
    {
        mpz_sub_ui(e, k->p, 1);
        mpz_divexact(e, e, k->q);
        for (mpz_set_ui(h, 2); ; mpz_add_ui(h, h, 1))
        {
            mpz_powm(k->g, h, e, k->p);
            if (mpz_cmp_ui(k->g, 1) > 0) break;
        }
    }
    mpz_clears(seed, e, h, NULL);
    return found ? BRIDGE_SUCCESS : BRIDGE_INTERNAL_ERROR;
}

/* ---- blobs --------------------------------------------------------------- */

static uint32_t blob_size(const struct dsa *k, int private)
{
    uint32_t size = k->v2 ? sizeof(struct blob_v2) + k->cb_seed + k->cb_group : sizeof(struct blob_v1);
    return size + 3 * k->cb_key + (private ? k->cb_group : 0);
}

/* Header fields of a V2 blob or parameter header: the hash must match q's size [.NET DSACng notes]. */
static int v2_fields_ok(const struct dsa *k)
{
    return k->cb_group && k->cb_group == hash_len(k->hash) && k->cb_seed && k->cb_seed <= MAX_SEED
           && k->cb_key && k->cb_key <= 1024;
}

static bridge_status parse_blob(const uint8_t *data, uint32_t len, struct dsa *k)
{
    const uint8_t *ptr;
    uint32_t magic;

    if (len < sizeof(struct blob_v1)) return BRIDGE_INVALID_PARAMETER;
    memcpy(&magic, data, sizeof(magic));
    if (magic == DSA_PUBLIC_MAGIC || magic == DSA_PRIVATE_MAGIC)
    {
        struct blob_v1 hdr;
        memcpy(&hdr, data, sizeof(hdr));
        k->cb_key = hdr.cb_key;
        k->cb_group = k->cb_seed = 20;
        k->hash = HASH_SHA1;
        k->standard = FIPS_186_2;
        memcpy(k->count, hdr.count, 4);
        memcpy(k->seed, hdr.seed, 20);
        get_be(k->q, hdr.q, 20);
        if (!k->cb_key || k->cb_key > 128) return BRIDGE_INVALID_PARAMETER;
        ptr = data + sizeof(hdr);
    }
    else if (magic == DSA_PUBLIC_MAGIC_V2 || magic == DSA_PRIVATE_MAGIC_V2)
    {
        struct blob_v2 hdr;
        memcpy(&hdr, data, sizeof(hdr));
        k->v2 = 1;
        k->cb_key = hdr.cb_key;
        k->cb_group = hdr.cb_group;
        k->cb_seed = hdr.cb_seed;
        k->hash = hdr.hash;
        k->standard = hdr.standard;
        memcpy(k->count, hdr.count, 4);
        if (!v2_fields_ok(k)) return BRIDGE_INVALID_PARAMETER;
        if (len < sizeof(hdr) + k->cb_seed + k->cb_group) return BRIDGE_INVALID_PARAMETER;
        memcpy(k->seed, data + sizeof(hdr), k->cb_seed);
        get_be(k->q, data + sizeof(hdr) + k->cb_seed, k->cb_group);
        ptr = data + sizeof(hdr) + k->cb_seed + k->cb_group;
    }
    else return BRIDGE_INVALID_PARAMETER;

    k->has_x = (magic == DSA_PRIVATE_MAGIC || magic == DSA_PRIVATE_MAGIC_V2);
    if (len != blob_size(k, k->has_x)) return BRIDGE_INVALID_PARAMETER;
    get_be(k->p, ptr, k->cb_key);
    get_be(k->g, ptr + k->cb_key, k->cb_key);
    get_be(k->y, ptr + 2 * k->cb_key, k->cb_key);
    if (k->has_x) get_be(k->x, ptr + 3 * k->cb_key, k->cb_group);
    return BRIDGE_SUCCESS;
}

static void write_blob(const struct dsa *k, uint8_t *out)
{
    uint8_t *ptr;

    if (!k->v2)
    {
        struct blob_v1 hdr;
        hdr.magic = k->has_x ? DSA_PRIVATE_MAGIC : DSA_PUBLIC_MAGIC;
        hdr.cb_key = k->cb_key;
        memcpy(hdr.count, k->count, 4);
        memcpy(hdr.seed, k->seed, 20);
        put_be(hdr.q, 20, k->q);
        memcpy(out, &hdr, sizeof(hdr));
        ptr = out + sizeof(hdr);
    }
    else
    {
        struct blob_v2 hdr;
        hdr.magic = k->has_x ? DSA_PRIVATE_MAGIC_V2 : DSA_PUBLIC_MAGIC_V2;
        hdr.cb_key = k->cb_key;
        hdr.hash = k->hash;
        hdr.standard = k->standard;
        hdr.cb_seed = k->cb_seed;
        hdr.cb_group = k->cb_group;
        memcpy(hdr.count, k->count, 4);
        memcpy(out, &hdr, sizeof(hdr));
        memcpy(out + sizeof(hdr), k->seed, k->cb_seed);
        put_be(out + sizeof(hdr) + k->cb_seed, k->cb_group, k->q);
        ptr = out + sizeof(hdr) + k->cb_seed + k->cb_group;
    }
    put_be(ptr, k->cb_key, k->p);
    put_be(ptr + k->cb_key, k->cb_key, k->g);
    put_be(ptr + 2 * k->cb_key, k->cb_key, k->y);
    if (k->has_x) put_be(ptr + 3 * k->cb_key, k->cb_group, k->x);
}

/* BCRYPT_DSA_PARAMETER_HEADER(_V2) + [seed, q] + p + g, as set by BCRYPT_DSA_PARAMETERS. */
static bridge_status parse_params(const uint8_t *data, uint32_t len, struct dsa *k)
{
    uint32_t magic;
    const uint8_t *ptr;

    if (len < sizeof(struct param_v1) - 8) return BRIDGE_INVALID_PARAMETER;
    memcpy(&magic, data + 4, sizeof(magic));
    if (magic == DSA_PARAMS_MAGIC && len >= sizeof(struct param_v1))
    {
        struct param_v1 hdr;
        memcpy(&hdr, data, sizeof(hdr));
        k->cb_key = hdr.cb_key;
        k->cb_group = k->cb_seed = 20;
        k->hash = HASH_SHA1;
        memcpy(k->count, hdr.count, 4);
        memcpy(k->seed, hdr.seed, 20);
        get_be(k->q, hdr.q, 20);
        if (!k->cb_key || k->cb_key > 128 || hdr.length != len || len != sizeof(hdr) + 2 * k->cb_key)
            return BRIDGE_INVALID_PARAMETER;
        ptr = data + sizeof(hdr);
    }
    else if (magic == DSA_PARAMS_MAGIC_V2 && len >= sizeof(struct param_v2))
    {
        struct param_v2 hdr;
        memcpy(&hdr, data, sizeof(hdr));
        k->v2 = 1;
        k->cb_key = hdr.cb_key;
        k->cb_group = hdr.cb_group;
        k->cb_seed = hdr.cb_seed;
        k->hash = hdr.hash;
        k->standard = hdr.standard;
        memcpy(k->count, hdr.count, 4);
        if (!v2_fields_ok(k) || hdr.length != len || len != sizeof(hdr) + k->cb_seed + k->cb_group + 2 * k->cb_key)
            return BRIDGE_INVALID_PARAMETER;
        memcpy(k->seed, data + sizeof(hdr), k->cb_seed);
        get_be(k->q, data + sizeof(hdr) + k->cb_seed, k->cb_group);
        ptr = data + sizeof(hdr) + k->cb_seed + k->cb_group;
    }
    else return BRIDGE_INVALID_PARAMETER;
    get_be(k->p, ptr, k->cb_key);
    get_be(k->g, ptr + k->cb_key, k->cb_key);
    return BRIDGE_SUCCESS;
}

/* Cheap sanity of the group (no primality test): q | p-1, 1 < g < p, g^q = 1. */
static bridge_status check_group(const struct dsa *k)
{
    bridge_status status = BRIDGE_SUCCESS;
    mpz_t t;

    if (mpz_even_p(k->p) || mpz_cmp_ui(k->q, 1) <= 0 || mpz_cmp_ui(k->g, 1) <= 0 || mpz_cmp(k->g, k->p) >= 0
        || mpz_sizeinbase(k->q, 2) > k->cb_group * 8 || mpz_cmp(k->q, k->p) >= 0)
        return BRIDGE_INVALID_PARAMETER;
    mpz_init(t);
    mpz_sub_ui(t, k->p, 1);
    if (!mpz_divisible_p(t, k->q)) status = BRIDGE_INVALID_PARAMETER;
    else
    {
        mpz_powm(t, k->g, k->q, k->p);
        if (mpz_cmp_ui(t, 1)) status = BRIDGE_INVALID_PARAMETER;
    }
    mpz_clear(t);
    if (!status && !seed_matches(k)) status = BRIDGE_INVALID_PARAMETER;
    return status;
}

static bridge_status output_blob(const struct dsa *k, uint8_t *out, uint32_t *out_len)
{
    uint32_t size = blob_size(k, k->has_x);

    if (*out_len < size)
    {
        *out_len = size;
        return BRIDGE_BUFFER_TOO_SMALL;
    }
    write_blob(k, out);
    *out_len = size;
    return BRIDGE_SUCCESS;
}

/* ---- entry points ---------------------------------------------------------- */

static bridge_status dsa_generate(struct asym_generate_params *params)
{
    struct bridge_rng ctx = { 0 };
    bridge_status status;
    struct dsa k;
    mpz_t top;

    dsa_init(&k);
    if (params->params)
    {
        status = parse_params(BRIDGE_PTR(params->params), params->params_len, &k);
        if (!status && k.cb_key * 8 != params->bits) status = BRIDGE_INVALID_PARAMETER;   /* doc */
        if (!status) status = check_group(&k);
    }
    else
    {
        if (params->bits >= 512 && params->bits <= 1024 && !(params->bits % 64))
        {
            k.cb_group = k.cb_seed = 20;
            k.hash = HASH_SHA1;
            k.standard = FIPS_186_2;
        }
        else if (params->bits == 2048 || params->bits == 3072)
        {
            k.v2 = 1;
            k.cb_group = k.cb_seed = 32;
            k.hash = HASH_SHA256;
            k.standard = FIPS_186_3;
        }
        else
        {
            dsa_clear(&k);
            return BRIDGE_NOT_SUPPORTED;
        }
        k.cb_key = params->bits / 8;
        status = fips_generate(&k, params->bits);
    }
    if (!status)   /* x uniform in [1, q-1], y = g^x mod p */
    {
        mpz_init(top);
        mpz_sub_ui(top, k.q, 1);
        nettle_mpz_random(k.x, &ctx, bridge_random, top);
        mpz_add_ui(k.x, k.x, 1);
        mpz_clear(top);
        mpz_powm_sec(k.y, k.g, k.x, k.p);
        k.has_x = 1;
        status = ctx.failed ? BRIDGE_INTERNAL_ERROR : output_blob(&k, BRIDGE_PTR(params->output), &params->output_len);
    }
    dsa_clear(&k);
    return status;
}

/* Checks an imported blob; a private one with y = 0 gets y = g^x. */
static bridge_status dsa_complete(struct asym_complete_params *params)
{
    bridge_status status;
    struct dsa k;
    mpz_t t;

    dsa_init(&k);
    if (!(status = parse_blob(BRIDGE_PTR(params->input), params->input_len, &k)))
        status = check_group(&k);
    if (!status && k.has_x && (!mpz_sgn(k.x) || mpz_cmp(k.x, k.q) >= 0)) status = BRIDGE_INVALID_PARAMETER;
    if (!status && k.has_x)
    {
        mpz_init(t);
        mpz_powm_sec(t, k.g, k.x, k.p);
        if (!mpz_sgn(k.y)) mpz_set(k.y, t);
        else if (mpz_cmp(t, k.y)) status = BRIDGE_INVALID_PARAMETER;   /* hypothesis: y must belong to x */
        mpz_clear(t);
    }
    if (!status && (mpz_cmp_ui(k.y, 1) <= 0 || mpz_cmp(k.y, k.p) >= 0)) status = BRIDGE_INVALID_PARAMETER;
    if (!status) status = output_blob(&k, BRIDGE_PTR(params->output), &params->output_len);
    dsa_clear(&k);
    return status;
}

static gnutls_sign_algorithm_t sign_algorithm(uint32_t digest_len)
{
    switch (digest_len)
    {
    case 20: return GNUTLS_SIGN_DSA_SHA1;
    case 28: return GNUTLS_SIGN_DSA_SHA224;
    case 32: return GNUTLS_SIGN_DSA_SHA256;
    case 48: return GNUTLS_SIGN_DSA_SHA384;
    case 64: return GNUTLS_SIGN_DSA_SHA512;
    default: return GNUTLS_SIGN_UNKNOWN;
    }
}

/* GnuTLS datum of a number, big-endian, minimal length (one byte for 0). */
static void datum_of(gnutls_datum_t *d, uint8_t *buf, const mpz_t v)
{
    size_t len = nettle_mpz_sizeinbase_256_u(v);
    if (!len) len = 1;
    put_be(buf, len, v);
    d->data = buf;
    d->size = len;
}

/* The DER signature's r or s into a fixed-width big-endian field. */
static int copy_fixed(uint8_t *dst, uint32_t width, const gnutls_datum_t *d)
{
    const uint8_t *src = d->data;
    uint32_t len = d->size;

    while (len && !*src) { src++; len--; }
    if (len > width) return 0;
    memset(dst, 0, width - len);
    memcpy(dst + width - len, src, len);
    return 1;
}

static bridge_status dsa_sign_hash(struct asym_sign_params *params)
{
    gnutls_datum_t dp, dq, dg, dy, dx, hash, sig = { 0 }, r = { 0 }, s = { 0 };
    uint8_t *num = NULL;
    gnutls_privkey_t key = NULL;
    gnutls_sign_algorithm_t algo;
    bridge_status status;
    struct dsa k;
    int err;

    dsa_init(&k);
    if ((status = parse_blob(BRIDGE_PTR(params->key), params->key_len, &k))) goto done;
    if (!k.has_x || params->digest_len != k.cb_group
        || (algo = sign_algorithm(params->digest_len)) == GNUTLS_SIGN_UNKNOWN)
    {
        status = BRIDGE_INVALID_PARAMETER;
        goto done;
    }
    if (params->signature_len < 2 * k.cb_group)
    {
        params->signature_len = 2 * k.cb_group;
        status = BRIDGE_BUFFER_TOO_SMALL;
        goto done;
    }
    if (!(num = malloc(3 * k.cb_key + 2 * k.cb_group + 8)))
    {
        status = BRIDGE_NO_MEMORY;
        goto done;
    }
    datum_of(&dp, num, k.p);
    datum_of(&dq, num + k.cb_key + 1, k.q);
    datum_of(&dg, num + k.cb_key + k.cb_group + 2, k.g);
    datum_of(&dy, num + 2 * k.cb_key + k.cb_group + 3, k.y);
    datum_of(&dx, num + 3 * k.cb_key + k.cb_group + 4, k.x);
    hash.data = BRIDGE_PTR(params->digest);
    hash.size = params->digest_len;
    if ((err = gnutls_privkey_init(&key)) < 0
        || (err = gnutls_privkey_import_dsa_raw(key, &dp, &dq, &dg, &dy, &dx)) < 0
        || (err = gnutls_privkey_sign_hash2(key, algo, 0, &hash, &sig)) < 0
        || (err = gnutls_decode_rs_value(&sig, &r, &s)) < 0)
    {
        status = status_from_gnutls(err);
        goto done;
    }
    if (!copy_fixed(BRIDGE_PTR(params->signature), k.cb_group, &r)
        || !copy_fixed((uint8_t *)BRIDGE_PTR(params->signature) + k.cb_group, k.cb_group, &s))
        status = BRIDGE_INTERNAL_ERROR;
    else params->signature_len = 2 * k.cb_group;

done:
    if (key) gnutls_privkey_deinit(key);
    gnutls_free(sig.data);
    gnutls_free(r.data);
    gnutls_free(s.data);
    if (num)
    {
        explicit_bzero(num, 3 * k.cb_key + 2 * k.cb_group + 8);
        free(num);
    }
    dsa_clear(&k);
    return status;
}

static bridge_status dsa_verify_hash(struct asym_sign_params *params)
{
    gnutls_datum_t dp, dq, dg, dy, hash, sig = { 0 }, r, s;
    const uint8_t *signature = BRIDGE_PTR(params->signature);
    gnutls_pubkey_t key = NULL;
    gnutls_sign_algorithm_t algo;
    uint8_t *num = NULL;
    bridge_status status;
    struct dsa k;
    int err;

    dsa_init(&k);
    if ((status = parse_blob(BRIDGE_PTR(params->key), params->key_len, &k))) goto done;
    if (params->digest_len != k.cb_group || (algo = sign_algorithm(params->digest_len)) == GNUTLS_SIGN_UNKNOWN)
    {
        status = BRIDGE_INVALID_PARAMETER;
        goto done;
    }
    if (params->signature_len != 2 * k.cb_group)
    {
        status = BRIDGE_INVALID_SIGNATURE;
        goto done;
    }
    if (!(num = malloc(3 * k.cb_key + 2 * k.cb_group + 8)))
    {
        status = BRIDGE_NO_MEMORY;
        goto done;
    }
    datum_of(&dp, num, k.p);
    datum_of(&dq, num + k.cb_key + 1, k.q);
    datum_of(&dg, num + k.cb_key + k.cb_group + 2, k.g);
    datum_of(&dy, num + 2 * k.cb_key + k.cb_group + 3, k.y);
    r.data = (uint8_t *)signature;
    r.size = k.cb_group;
    s.data = (uint8_t *)signature + k.cb_group;
    s.size = k.cb_group;
    hash.data = BRIDGE_PTR(params->digest);
    hash.size = params->digest_len;
    if ((err = gnutls_pubkey_init(&key)) < 0
        || (err = gnutls_pubkey_import_dsa_raw(key, &dp, &dq, &dg, &dy)) < 0
        || (err = gnutls_encode_rs_value(&sig, &r, &s)) < 0)
    {
        status = status_from_gnutls(err);
        goto done;
    }
    err = gnutls_pubkey_verify_hash2(key, algo, GNUTLS_VERIFY_ALLOW_BROKEN, &hash, &sig);
    status = err < 0 ? BRIDGE_INVALID_SIGNATURE : BRIDGE_SUCCESS;

done:
    if (key) gnutls_pubkey_deinit(key);
    gnutls_free(sig.data);
    free(num);
    dsa_clear(&k);
    return status;
}

const struct asym_ops dsa_ops =
{
    .generate = dsa_generate,
    .complete = dsa_complete,
    .sign     = dsa_sign_hash,
    .verify   = dsa_verify_hash,
};
