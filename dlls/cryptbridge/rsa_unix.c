/*
 * RSA keys.  Keys arrive as CNG's BCRYPT_RSAKEY_BLOB layouts (bridge_params.h):
 * "RSA1" public, "RSA3" full private, and "RSA2" (primes only) for completion.
 *
 * GnuTLS does what it has an API for: key generation, PKCS#1 v1.5 signatures
 * (sign_hash2/verify_hash2 in the TLS1_RSA mode, fed our own DigestInfo so that
 * MD2/MD4 and the no-OID form of Windows work too) and PKCS#1 v1.5 encryption.
 * nettle/GMP do the rest, which GnuTLS 3.7.9 lacks: raw RSA, EME-OAEP (RFC 8017
 * §7.1 on nettle's pss_mgf1), PSS with any salt length or digest (GnuTLS refuses
 * salts shorter than the digest and PSS with SHA-1/MD5, Windows accepts both),
 * and the derived private values (CRT, d) of an imported key.
 */
#include <stddef.h>
#include <string.h>
#include <gmp.h>
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <nettle/bignum.h>
#include <nettle/nettle-meta.h>
#include <nettle/pss.h>
#include <nettle/pss-mgf1.h>
#include <nettle/rsa.h>
#include "unix_private.h"

#define MAGIC_RSA1 0x31415352u   /* public */
#define MAGIC_RSA2 0x32415352u   /* private: primes only */
#define MAGIC_RSA3 0x33415352u   /* full private */
#define HEADER_LEN 24u           /* BCRYPT_RSAKEY_BLOB */
#define MAX_MODULUS_LEN 2048u    /* 16384 bits */

/* BCRYPT_RSAKEY_BLOB, little-endian on both sides */
struct rsa_header { uint32_t magic, bits, e_len, n_len, p_len, q_len; };

struct rsa_key
{
    struct rsa_header hdr;
    struct rsa_public_key pub;   /* n, e */
    struct rsa_private_key priv; /* d, p, q, a = d mod p-1, b = d mod q-1, c = q^-1 mod p */
    int has_private;
};

/* ---- numbers and blobs ---------------------------------------------------- */

static void wipe(void *p, size_t len)
{
    volatile uint8_t *v = p;
    while (len--) *v++ = 0;
}

static void mpz_wipe(mpz_t x)
{
    size_t n = mpz_size(x);
    if (n) wipe(mpz_limbs_write(x, n), n * sizeof(mp_limb_t));
    mpz_set_ui(x, 0);
}

static void key_init(struct rsa_key *key)
{
    memset(&key->hdr, 0, sizeof(key->hdr));
    rsa_public_key_init(&key->pub);
    rsa_private_key_init(&key->priv);
    key->has_private = 0;
}

static void key_clear(struct rsa_key *key)
{
    mpz_wipe(key->priv.d); mpz_wipe(key->priv.p); mpz_wipe(key->priv.q);
    mpz_wipe(key->priv.a); mpz_wipe(key->priv.b); mpz_wipe(key->priv.c);
    rsa_private_key_clear(&key->priv);
    rsa_public_key_clear(&key->pub);
}

/* Big-endian, left-padded to width; 0 if it does not fit. */
static int put_num(uint8_t **dst, const mpz_t x, uint32_t width)
{
    if (mpz_sgn(x) < 0 || nettle_mpz_sizeinbase_256_u(x) > width) return 0;
    if (width) nettle_mpz_get_str_256(width, *dst, x);
    *dst += width;
    return 1;
}

static void get_num(mpz_t x, const uint8_t **src, uint32_t len)
{
    nettle_mpz_set_str_256_u(x, len, *src);
    *src += len;
}

static uint64_t blob_len(const struct rsa_header *h, uint32_t magic)
{
    uint64_t len = HEADER_LEN + (uint64_t)h->e_len + h->n_len;
    if (magic != MAGIC_RSA1) len += (uint64_t)h->p_len + h->q_len;
    if (magic == MAGIC_RSA3) len += 2 * (uint64_t)h->p_len + h->q_len + h->n_len;
    return len;
}

/*
 * Reads a canonical blob (its length must match its header exactly) and checks
 * that the numbers make a usable key.  RSA2 gets d and the CRT values computed
 * here, with d = e^-1 mod lcm(p-1, q-1) as FIPS 186-4 generates it.
 */
static bridge_status key_parse(const uint8_t *blob, uint32_t len, struct rsa_key *key)
{
    const uint8_t *src = blob + HEADER_LEN;
    struct rsa_header *h = &key->hdr;
    bridge_status status = BRIDGE_INVALID_PARAMETER;
    mpz_t t, u;

    if (!blob || len < HEADER_LEN) return BRIDGE_INVALID_PARAMETER;
    memcpy(h, blob, sizeof(*h));
    if (h->magic != MAGIC_RSA1 && h->magic != MAGIC_RSA2 && h->magic != MAGIC_RSA3) return BRIDGE_INVALID_PARAMETER;
    if (blob_len(h, h->magic) != len) return BRIDGE_NTE_BAD_DATA;
    if (!h->e_len || !h->n_len || h->n_len > MAX_MODULUS_LEN || h->e_len > h->n_len
        || h->bits > h->n_len * 8 || h->bits + 8 <= h->n_len * 8)
        return BRIDGE_INVALID_PARAMETER;
    if (h->magic != MAGIC_RSA1 && (!h->p_len || !h->q_len || h->p_len > h->n_len || h->q_len > h->n_len))
        return BRIDGE_INVALID_PARAMETER;

    get_num(key->pub.e, &src, h->e_len);
    get_num(key->pub.n, &src, h->n_len);
    if (mpz_sizeinbase(key->pub.n, 2) > h->bits || !mpz_odd_p(key->pub.n)
        || mpz_cmp_ui(key->pub.e, 3) < 0 || !mpz_odd_p(key->pub.e) || mpz_cmp(key->pub.e, key->pub.n) >= 0
        || !rsa_public_key_prepare(&key->pub))
        return BRIDGE_INVALID_PARAMETER;
    if (h->magic == MAGIC_RSA1) return BRIDGE_SUCCESS;

    key->has_private = 1;
    get_num(key->priv.p, &src, h->p_len);
    get_num(key->priv.q, &src, h->q_len);
    mpz_init(t);
    mpz_init(u);
    mpz_mul(t, key->priv.p, key->priv.q);
    if (mpz_cmp(t, key->pub.n) || mpz_cmp_ui(key->priv.p, 3) < 0 || mpz_cmp_ui(key->priv.q, 3) < 0) goto done;

    /* u = lcm(p-1, q-1) */
    mpz_sub_ui(t, key->priv.p, 1);
    mpz_sub_ui(u, key->priv.q, 1);
    mpz_lcm(u, t, u);
    if (h->magic == MAGIC_RSA2)
    {
        if (!mpz_invert(key->priv.d, key->pub.e, u)) goto done;
        mpz_sub_ui(t, key->priv.p, 1);
        mpz_mod(key->priv.a, key->priv.d, t);
        mpz_sub_ui(t, key->priv.q, 1);
        mpz_mod(key->priv.b, key->priv.d, t);
        if (!mpz_invert(key->priv.c, key->priv.q, key->priv.p)) goto done;
    }
    else
    {
        get_num(key->priv.a, &src, h->p_len);
        get_num(key->priv.b, &src, h->q_len);
        get_num(key->priv.c, &src, h->p_len);
        get_num(key->priv.d, &src, h->n_len);
        /* e*d = 1 mod lcm, and the CRT values belong to d, p and q */
        mpz_mul(t, key->pub.e, key->priv.d);
        mpz_mod(t, t, u);
        if (mpz_cmp_ui(t, 1)) goto done;
        mpz_sub_ui(t, key->priv.p, 1);
        mpz_mod(u, key->priv.d, t);
        if (mpz_cmp(u, key->priv.a)) goto done;
        mpz_sub_ui(t, key->priv.q, 1);
        mpz_mod(u, key->priv.d, t);
        if (mpz_cmp(u, key->priv.b)) goto done;
        mpz_mul(t, key->priv.c, key->priv.q);
        mpz_mod(t, t, key->priv.p);
        if (mpz_cmp_ui(t, 1)) goto done;
    }
    if (rsa_private_key_prepare(&key->priv)) status = BRIDGE_SUCCESS;
done:
    mpz_wipe(t);
    mpz_wipe(u);
    mpz_clear(t);
    mpz_clear(u);
    return status;
}

/* Writes the key as RSA1 or RSA3 with the header's field widths. */
static bridge_status key_write(const struct rsa_key *key, uint8_t *out, uint32_t *out_len)
{
    struct rsa_header h = key->hdr;
    uint8_t *dst = out + HEADER_LEN;
    uint64_t len;

    h.magic = key->has_private ? MAGIC_RSA3 : MAGIC_RSA1;
    if (!key->has_private) h.p_len = h.q_len = 0;
    len = blob_len(&h, h.magic);
    if (*out_len < len)
    {
        *out_len = len;
        return BRIDGE_BUFFER_TOO_SMALL;
    }
    memcpy(out, &h, sizeof(h));
    if (!put_num(&dst, key->pub.e, h.e_len) || !put_num(&dst, key->pub.n, h.n_len)) return BRIDGE_INTERNAL_ERROR;
    if (key->has_private
        && (!put_num(&dst, key->priv.p, h.p_len) || !put_num(&dst, key->priv.q, h.q_len)
            || !put_num(&dst, key->priv.a, h.p_len) || !put_num(&dst, key->priv.b, h.q_len)
            || !put_num(&dst, key->priv.c, h.p_len) || !put_num(&dst, key->priv.d, h.n_len)))
    {
        wipe(out, len);
        return BRIDGE_INVALID_PARAMETER;   /* a CRT value wider than its prime's field */
    }
    *out_len = len;
    return BRIDGE_SUCCESS;
}


/* ---- GnuTLS key objects -------------------------------------------------- */

/* The numbers as GnuTLS datums; buf holds them all (9 numbers at most n_len each). */
static void datum_of(gnutls_datum_t *d, const mpz_t x, uint8_t **buf)
{
    d->size = nettle_mpz_sizeinbase_256_u(x);
    d->data = *buf;
    nettle_mpz_get_str_256(d->size, d->data, x);
    *buf += d->size;
}

static bridge_status gnutls_private(const struct rsa_key *key, gnutls_privkey_t *out)
{
    uint8_t *buf, *p;
    size_t size = 8 * (size_t)key->hdr.n_len + 16;
    gnutls_datum_t n, e, d, pp, q, c, a, b;
    int ret;

    if (!(buf = gnutls_malloc(size))) return BRIDGE_NO_MEMORY;
    p = buf;
    datum_of(&n, key->pub.n, &p);
    datum_of(&e, key->pub.e, &p);
    datum_of(&d, key->priv.d, &p);
    datum_of(&pp, key->priv.p, &p);
    datum_of(&q, key->priv.q, &p);
    datum_of(&c, key->priv.c, &p);
    datum_of(&a, key->priv.a, &p);
    datum_of(&b, key->priv.b, &p);
    if (!(ret = gnutls_privkey_init(out)) && (ret = gnutls_privkey_import_rsa_raw(*out, &n, &e, &d, &pp, &q, &c, &a, &b)))
        gnutls_privkey_deinit(*out);
    wipe(buf, size);
    gnutls_free(buf);
    return ret ? status_from_gnutls(ret) : BRIDGE_SUCCESS;
}

static bridge_status gnutls_public(const struct rsa_key *key, gnutls_pubkey_t *out)
{
    uint8_t buf[2 * MAX_MODULUS_LEN], *p = buf;
    gnutls_datum_t n, e;
    int ret;

    datum_of(&n, key->pub.n, &p);
    datum_of(&e, key->pub.e, &p);
    if (!(ret = gnutls_pubkey_init(out)) && (ret = gnutls_pubkey_import_rsa_raw(*out, &n, &e)))
        gnutls_pubkey_deinit(*out);
    return ret ? status_from_gnutls(ret) : BRIDGE_SUCCESS;
}

/* ---- generate / complete ------------------------------------------------- */

/* Builds an RSA2 blob from GnuTLS' numbers and parses it, which derives d and the CRT values. */
static bridge_status primes_to_key(struct rsa_key *key, const gnutls_datum_t *e, const gnutls_datum_t *n,
                                   const gnutls_datum_t *p, const gnutls_datum_t *q)
{
    const gnutls_datum_t *nums[4] = { e, n, p, q };
    const uint32_t widths[4] = { key->hdr.e_len, key->hdr.n_len, key->hdr.p_len, key->hdr.q_len };
    uint32_t len = blob_len(&key->hdr, MAGIC_RSA2);
    uint8_t *blob, *dst;
    bridge_status status = BRIDGE_SUCCESS;
    mpz_t x;
    int i;

    if (!(blob = gnutls_malloc(len))) return BRIDGE_NO_MEMORY;
    memcpy(blob, &key->hdr, sizeof(key->hdr));
    dst = blob + HEADER_LEN;
    mpz_init(x);
    for (i = 0; i < 4 && !status; i++)
    {
        nettle_mpz_set_str_256_u(x, nums[i]->size, nums[i]->data);
        if (!put_num(&dst, x, widths[i])) status = BRIDGE_INTERNAL_ERROR;
    }
    if (!status) status = key_parse(blob, len, key);
    mpz_wipe(x);
    mpz_clear(x);
    wipe(blob, len);
    gnutls_free(blob);
    return status;
}

static bridge_status rsa_generate(struct asym_generate_params *params)
{
    gnutls_datum_t n, e, d, p, q, u, e1, e2;
    gnutls_privkey_t gkey;
    struct rsa_key key;
    bridge_status status;
    uint8_t *out = BRIDGE_PTR(params->output);
    int ret;

    /* CNG's own limits (512..16384 step 64) are checked on the PE side; CryptoAPI allows 384 step 8 */
    if (params->bits < 384 || params->bits > 16384 || params->bits % 8) return BRIDGE_INVALID_PARAMETER;
    if ((ret = gnutls_privkey_init(&gkey))) return status_from_gnutls(ret);
    if ((ret = gnutls_privkey_generate2(gkey, GNUTLS_PK_RSA, params->bits, 0, NULL, 0))
        || (ret = gnutls_privkey_export_rsa_raw2(gkey, &n, &e, &d, &p, &q, &u, &e1, &e2, GNUTLS_EXPORT_FLAG_NO_LZ)))
    {
        gnutls_privkey_deinit(gkey);
        return status_from_gnutls(ret);
    }
    gnutls_privkey_deinit(gkey);

    /* keep n, e, p, q; derive the rest the same way an imported RSA2 blob gets it */
    key_init(&key);
    key.hdr.magic = MAGIC_RSA2;
    key.hdr.bits = params->bits;
    key.hdr.e_len = e.size;
    key.hdr.n_len = params->bits / 8;
    key.hdr.p_len = key.hdr.q_len = (params->bits + 15) / 16;   /* primes of bits/2 bits */
    status = primes_to_key(&key, &e, &n, &p, &q);
    if (!status) status = key_write(&key, out, &params->output_len);
    key_clear(&key);
    wipe(d.data, d.size); wipe(p.data, p.size); wipe(q.data, q.size);
    wipe(u.data, u.size); wipe(e1.data, e1.size); wipe(e2.data, e2.size);
    gnutls_free(n.data); gnutls_free(e.data); gnutls_free(d.data); gnutls_free(p.data);
    gnutls_free(q.data); gnutls_free(u.data); gnutls_free(e1.data); gnutls_free(e2.data);
    return status;
}

static bridge_status rsa_complete(struct asym_complete_params *params)
{
    const uint8_t *in = BRIDGE_PTR(params->input);
    uint8_t *out = BRIDGE_PTR(params->output);
    struct rsa_key key;
    bridge_status status;

    key_init(&key);
    if (!(status = key_parse(in, params->input_len, &key)))
    {
        if (key.hdr.magic == MAGIC_RSA3 && params->output_len >= params->input_len)
        {
            memcpy(out, in, params->input_len);   /* keep the caller's bytes exactly */
            params->output_len = params->input_len;
        }
        else status = key_write(&key, out, &params->output_len);
    }
    key_clear(&key);
    return status;
}

/* ---- signatures ---------------------------------------------------------- */

/* DigestInfo DER prefixes of RFC 8017 §9.2 note 1 (MD4 is RFC 1320's OID 1.2.840.113549.2.4). */
static const struct { const struct nettle_hash *hash; uint8_t prefix_len; uint8_t prefix[19]; } digests[BRIDGE_HASH_COUNT] =
{
    [BRIDGE_HASH_MD2]    = { &nettle_md2, 18, {0x30,0x20,0x30,0x0c,0x06,0x08,0x2a,0x86,0x48,0x86,0xf7,0x0d,0x02,0x02,0x05,0x00,0x04,0x10} },
    [BRIDGE_HASH_MD4]    = { &nettle_md4, 18, {0x30,0x20,0x30,0x0c,0x06,0x08,0x2a,0x86,0x48,0x86,0xf7,0x0d,0x02,0x04,0x05,0x00,0x04,0x10} },
    [BRIDGE_HASH_MD5]    = { &nettle_md5, 18, {0x30,0x20,0x30,0x0c,0x06,0x08,0x2a,0x86,0x48,0x86,0xf7,0x0d,0x02,0x05,0x05,0x00,0x04,0x10} },
    [BRIDGE_HASH_SHA1]   = { &nettle_sha1, 15, {0x30,0x21,0x30,0x09,0x06,0x05,0x2b,0x0e,0x03,0x02,0x1a,0x05,0x00,0x04,0x14} },
    [BRIDGE_HASH_SHA256] = { &nettle_sha256, 19, {0x30,0x31,0x30,0x0d,0x06,0x09,0x60,0x86,0x48,0x01,0x65,0x03,0x04,0x02,0x01,0x05,0x00,0x04,0x20} },
    [BRIDGE_HASH_SHA384] = { &nettle_sha384, 19, {0x30,0x41,0x30,0x0d,0x06,0x09,0x60,0x86,0x48,0x01,0x65,0x03,0x04,0x02,0x02,0x05,0x00,0x04,0x30} },
    [BRIDGE_HASH_SHA512] = { &nettle_sha512, 19, {0x30,0x51,0x30,0x0d,0x06,0x09,0x60,0x86,0x48,0x01,0x65,0x03,0x04,0x02,0x03,0x05,0x00,0x04,0x40} },
};

/* The T of EMSA-PKCS1-v1_5: DigestInfo || digest, or the digest alone (BRIDGE_HASH_NONE). */
static bridge_status digest_info(const struct asym_sign_params *params, uint8_t *buf, gnutls_datum_t *out)
{
    uint32_t prefix = params->hash < BRIDGE_HASH_COUNT ? digests[params->hash].prefix_len : 0;

    if (params->hash > BRIDGE_HASH_NONE || params->digest_len > MAX_MODULUS_LEN) return BRIDGE_INVALID_PARAMETER;
    if (params->hash != BRIDGE_HASH_NONE && params->digest_len != digests[params->hash].hash->digest_size)
        return BRIDGE_INVALID_PARAMETER;
    if (prefix) memcpy(buf, digests[params->hash].prefix, prefix);
    memcpy(buf + prefix, BRIDGE_PTR(params->digest), params->digest_len);
    out->data = buf;
    out->size = prefix + params->digest_len;
    return BRIDGE_SUCCESS;
}

static const struct nettle_hash *pss_hash(const struct asym_sign_params *params)
{
    if (params->hash >= BRIDGE_HASH_COUNT) return NULL;
    if (params->digest_len != digests[params->hash].hash->digest_size) return NULL;
    return digests[params->hash].hash;
}

static bridge_status sign_pss(const struct rsa_key *key, struct asym_sign_params *params, uint8_t *out)
{
    const struct nettle_hash *hash = pss_hash(params);
    uint8_t salt[MAX_MODULUS_LEN];
    bridge_status status = BRIDGE_INVALID_PARAMETER;
    mpz_t m, s;

    if (!hash || params->salt_len > sizeof(salt)) return BRIDGE_INVALID_PARAMETER;
    gnutls_rnd(GNUTLS_RND_NONCE, salt, params->salt_len);
    mpz_init(m);
    mpz_init(s);
    if (pss_encode_mgf1(m, mpz_sizeinbase(key->pub.n, 2) - 1, hash, params->salt_len, salt, BRIDGE_PTR(params->digest)))
    {
        status = BRIDGE_INTERNAL_ERROR;
        if (rsa_compute_root_tr(&key->pub, &key->priv, NULL, bridge_random, s, m))
        {
            nettle_mpz_get_str_256(key->pub.size, out, s);
            status = BRIDGE_SUCCESS;
        }
    }
    mpz_wipe(m);
    mpz_clear(m);
    mpz_clear(s);
    return status;
}

static bridge_status rsa_sign(struct asym_sign_params *params)
{
    uint8_t *out = BRIDGE_PTR(params->signature), buf[MAX_MODULUS_LEN + 32];
    gnutls_datum_t data, sig = { 0 };
    gnutls_privkey_t gkey;
    struct rsa_key key;
    bridge_status status;
    int ret;

    key_init(&key);
    if ((status = key_parse(BRIDGE_PTR(params->key), params->key_len, &key))) goto done;
    status = BRIDGE_INVALID_PARAMETER;
    if (!key.has_private) goto done;
    if (params->signature_len < key.pub.size)
    {
        params->signature_len = key.pub.size;
        status = BRIDGE_BUFFER_TOO_SMALL;
        goto done;
    }
    if (params->padding == BRIDGE_PAD_PSS) status = sign_pss(&key, params, out);
    else if (params->padding == BRIDGE_PAD_PKCS1 && !(status = digest_info(params, buf, &data))
             && !(status = gnutls_private(&key, &gkey)))
    {
        /* the TLS1_RSA mode pads T as it is: EMSA-PKCS1-v1_5 with our T */
        ret = gnutls_privkey_sign_hash2(gkey, 0, GNUTLS_PRIVKEY_SIGN_FLAG_TLS1_RSA, &data, &sig);
        gnutls_privkey_deinit(gkey);
        if (ret) status = BRIDGE_INVALID_PARAMETER;   /* T too long for the modulus */
        else if (sig.size != key.pub.size) status = BRIDGE_INTERNAL_ERROR;
        else memcpy(out, sig.data, sig.size);
        gnutls_free(sig.data);
        wipe(buf, sizeof(buf));
    }
    if (!status) params->signature_len = key.pub.size;
done:
    key_clear(&key);
    return status;
}

static bridge_status rsa_verify(struct asym_sign_params *params)
{
    const uint8_t *sig_bytes = BRIDGE_PTR(params->signature);
    uint8_t buf[MAX_MODULUS_LEN + 32];
    const struct nettle_hash *hash;
    gnutls_datum_t data, sig;
    gnutls_pubkey_t gkey;
    struct rsa_key key;
    bridge_status status;
    mpz_t s, m;

    key_init(&key);
    if ((status = key_parse(BRIDGE_PTR(params->key), params->key_len, &key))) goto done;
    status = BRIDGE_INVALID_SIGNATURE;
    if (params->signature_len != key.pub.size || !sig_bytes) goto done;
    if (params->padding == BRIDGE_PAD_PKCS1)
    {
        if ((status = digest_info(params, buf, &data)) || (status = gnutls_public(&key, &gkey))) goto done;
        sig.data = (uint8_t *)sig_bytes;
        sig.size = params->signature_len;
        if (gnutls_pubkey_verify_hash2(gkey, 0, GNUTLS_VERIFY_USE_TLS1_RSA, &data, &sig) < 0)
            status = BRIDGE_INVALID_SIGNATURE;
        gnutls_pubkey_deinit(gkey);
    }
    else if (params->padding == BRIDGE_PAD_PSS)
    {
        if (!(hash = pss_hash(params))) { status = BRIDGE_INVALID_PARAMETER; goto done; }
        mpz_init(s);
        mpz_init(m);
        nettle_mpz_set_str_256_u(s, params->signature_len, sig_bytes);
        if (mpz_cmp(s, key.pub.n) < 0)
        {
            mpz_powm(m, s, key.pub.e, key.pub.n);
            if (pss_verify_mgf1(m, mpz_sizeinbase(key.pub.n, 2) - 1, hash, params->salt_len, BRIDGE_PTR(params->digest)))
                status = BRIDGE_SUCCESS;
        }
        mpz_clear(s);
        mpz_clear(m);
    }
    else status = BRIDGE_INVALID_PARAMETER;
done:
    key_clear(&key);
    return status;
}

/* ---- encryption ---------------------------------------------------------- */

/* Raw RSA on k-byte blocks: public exponent to encrypt, private (blinded, checked) to decrypt. */
static bridge_status raw_rsa(const struct rsa_key *key, int encrypt, const uint8_t *in, uint8_t *out)
{
    bridge_status status = BRIDGE_INVALID_PARAMETER;
    mpz_t x, y;

    mpz_init(x);
    mpz_init(y);
    nettle_mpz_set_str_256_u(x, key->pub.size, in);
    if (mpz_cmp(x, key->pub.n) < 0)
    {
        if (encrypt) mpz_powm(y, x, key->pub.e, key->pub.n);
        if (encrypt || rsa_compute_root_tr(&key->pub, &key->priv, NULL, bridge_random, y, x))
        {
            nettle_mpz_get_str_256(key->pub.size, out, y);
            status = BRIDGE_SUCCESS;
        }
        else status = BRIDGE_INTERNAL_ERROR;
    }
    mpz_wipe(x);
    mpz_wipe(y);
    mpz_clear(x);
    mpz_clear(y);
    return status;
}

/* dst ^= MGF1(seed, len) */
static void mgf1_xor(const struct nettle_hash *hash, const uint8_t *seed, size_t seed_len, uint8_t *dst, size_t len)
{
    union { uint64_t align; uint8_t bytes[512]; } ctx;
    uint8_t mask[MAX_MODULUS_LEN];
    size_t i;

    hash->init(&ctx);
    hash->update(&ctx, seed_len, seed);
    pss_mgf1(&ctx, hash, len, mask);
    for (i = 0; i < len; i++) dst[i] ^= mask[i];
    wipe(mask, len);
    wipe(&ctx, sizeof(ctx));
}

static void label_hash(const struct nettle_hash *hash, const struct asym_crypt_params *params, uint8_t *out)
{
    union { uint64_t align; uint8_t bytes[512]; } ctx;

    hash->init(&ctx);
    if (params->label_len) hash->update(&ctx, params->label_len, BRIDGE_PTR(params->label));
    hash->digest(&ctx, hash->digest_size, out);
}

/* EME-OAEP encoding, RFC 8017 §7.1.1 step 2: EM = 0x00 || maskedSeed || maskedDB. */
static bridge_status oaep_encode(const struct nettle_hash *hash, const struct asym_crypt_params *params,
                                 size_t k, uint8_t *em)
{
    size_t h = hash->digest_size, db_len = k - h - 1;
    uint8_t *seed = em + 1, *db = em + 1 + h;

    if (k < 2 * h + 2 || params->input_len > k - 2 * h - 2) return BRIDGE_INVALID_PARAMETER;
    em[0] = 0;
    label_hash(hash, params, db);
    memset(db + h, 0, db_len - h - params->input_len - 1);
    db[db_len - params->input_len - 1] = 0x01;
    memcpy(db + db_len - params->input_len, BRIDGE_PTR(params->input), params->input_len);
    gnutls_rnd(GNUTLS_RND_RANDOM, seed, h);
    mgf1_xor(hash, seed, h, db, db_len);
    mgf1_xor(hash, db, db_len, seed, h);
    return BRIDGE_SUCCESS;
}

/* EME-OAEP decoding, §7.1.2 step 3, without early exits on the secret parts; returns the message offset or 0. */
static size_t oaep_decode(const struct nettle_hash *hash, const struct asym_crypt_params *params, size_t k, uint8_t *em)
{
    size_t h = hash->digest_size, db_len = k - h - 1, i, index = 0;
    uint8_t *seed = em + 1, *db = em + 1 + h, lhash[64], bad, found = 0;

    if (k < 2 * h + 2) return 0;
    mgf1_xor(hash, db, db_len, seed, h);
    mgf1_xor(hash, seed, h, db, db_len);
    label_hash(hash, params, lhash);
    bad = em[0];
    for (i = 0; i < h; i++) bad |= db[i] ^ lhash[i];
    for (i = h; i < db_len; i++)
    {
        uint8_t is_one = !(db[i] ^ 1), is_zero = !db[i], looking = found ^ 1;
        index |= (size_t)(looking & is_one) * i;
        bad |= looking & ((is_one | is_zero) ^ 1);
        found |= is_one;
    }
    bad |= !found;
    return bad ? 0 : 1 + h + index + 1;
}

/* Copies len bytes out, or says how many are needed. */
static bridge_status put_output(struct asym_crypt_params *params, const uint8_t *data, size_t len)
{
    if (params->output_len < len || !params->output)
    {
        params->output_len = len;
        return BRIDGE_BUFFER_TOO_SMALL;
    }
    memcpy(BRIDGE_PTR(params->output), data, len);
    params->output_len = len;
    return BRIDGE_SUCCESS;
}

static bridge_status crypt_pkcs1(const struct rsa_key *key, struct asym_crypt_params *params)
{
    gnutls_datum_t in = { BRIDGE_PTR(params->input), params->input_len }, out = { 0 };
    gnutls_privkey_t priv;
    gnutls_pubkey_t pub;
    bridge_status status;
    int ret;

    if (params->encrypt)
    {
        if (params->input_len + 11 > key->pub.size) return BRIDGE_INVALID_PARAMETER;
        if ((status = gnutls_public(key, &pub))) return status;
        ret = gnutls_pubkey_encrypt_data(pub, 0, &in, &out);
        gnutls_pubkey_deinit(pub);
        if (ret) return status_from_gnutls(ret);
    }
    else
    {
        if ((status = gnutls_private(key, &priv))) return status;
        ret = gnutls_privkey_decrypt_data(priv, 0, &in, &out);
        gnutls_privkey_deinit(priv);
        if (ret) return BRIDGE_INVALID_PARAMETER;   /* bad padding: Windows' status [hypothesis] */
    }
    status = put_output(params, out.data, out.size);
    wipe(out.data, out.size);
    gnutls_free(out.data);
    return status;
}

static bridge_status rsa_crypt(struct asym_crypt_params *params)
{
    const struct nettle_hash *hash = NULL;
    uint8_t em[MAX_MODULUS_LEN];
    struct rsa_key key;
    bridge_status status;
    size_t k, offset;

    key_init(&key);
    if ((status = key_parse(BRIDGE_PTR(params->key), params->key_len, &key))) goto done;
    k = key.pub.size;
    status = BRIDGE_INVALID_PARAMETER;
    if ((!params->encrypt && !key.has_private) || (params->input_len && !params->input)
        || (!params->encrypt && params->input_len != k) || (params->label_len && !params->label))
        goto done;
    switch (params->padding)
    {
    case BRIDGE_PAD_PKCS1:
        status = crypt_pkcs1(&key, params);
        break;
    case BRIDGE_PAD_NONE:
        if (params->input_len != k) break;
        if (params->output_len < k || !params->output) { params->output_len = k; status = BRIDGE_BUFFER_TOO_SMALL; break; }
        if (!(status = raw_rsa(&key, params->encrypt, BRIDGE_PTR(params->input), em))) status = put_output(params, em, k);
        break;
    case BRIDGE_PAD_OAEP:
        if (params->hash >= BRIDGE_HASH_COUNT) break;
        hash = digests[params->hash].hash;
        if (params->encrypt)
        {
            if (params->output_len < k || !params->output) { params->output_len = k; status = BRIDGE_BUFFER_TOO_SMALL; break; }
            if (!(status = oaep_encode(hash, params, k, em)) && !(status = raw_rsa(&key, 1, em, em)))
                status = put_output(params, em, k);
        }
        else if (!(status = raw_rsa(&key, 0, BRIDGE_PTR(params->input), em)))
        {
            if ((offset = oaep_decode(hash, params, k, em))) status = put_output(params, em + offset, k - offset);
            else status = BRIDGE_INVALID_PARAMETER;   /* as for PKCS#1 [hypothesis] */
        }
        break;
    }
    wipe(em, sizeof(em));
done:
    key_clear(&key);
    return status;
}

const struct asym_ops rsa_ops =
{
    rsa_generate,
    rsa_complete,
    rsa_sign,
    rsa_verify,
    rsa_crypt,
    NULL,
};
