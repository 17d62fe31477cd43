/*
 * ECDSA and ECDH keys on the NIST prime curves: the ecc_ops row.
 *
 * Keys cross as canonical BCRYPT_ECCKEY_BLOBs (bridge_params.h): header,
 * then X, Y [, d], big-endian, each exactly cbKey bytes.  GnuTLS makes the
 * keys.  nettle/hogweed does what GnuTLS 3.7.9 has no API for: the public
 * point from d, the on-curve check of an imported point, the ECDH product,
 * and ECDSA over digests of any length (GnuTLS verify refuses digests that
 * miss its hash-size rules, e.g. 31 bytes on P-256; CNG takes any length and
 * truncates per FIPS 186-4, as nettle does).
 */
#ifndef _DEFAULT_SOURCE
#define _DEFAULT_SOURCE 1   /* explicit_bzero */
#endif
#include <string.h>
#include <gmp.h>
#include <gnutls/gnutls.h>
#include <gnutls/abstract.h>
#include <gnutls/crypto.h>
#include <nettle/bignum.h>
#include <nettle/dsa.h>
#include <nettle/ecc.h>
#include <nettle/ecc-curve.h>
#include <nettle/ecdsa.h>
#include "unix_private.h"

#define BLOB_HEADER_LEN 8   /* BCRYPT_ECCKEY_BLOB: dwMagic, cbKey */

/* CNG's public-key magics ("ECS1".."ECS5", "ECK1".."ECK5"); a private one is +1 in the last letter. */
#define ECC_MAGIC(family, digit) ((uint32_t)(0x4345u | ((uint32_t)(family) << 16) | ((uint32_t)(digit) << 24)))
#define PRIVATE_MAGIC(pub) ((pub) + 0x01000000u)

struct curve
{
    const struct ecc_curve *(*nettle)(void);
    gnutls_ecc_curve_t gnutls;
    uint32_t len;            /* cbKey: bytes of X, Y, d, r, s and the shared secret */
    uint32_t bits;
    uint32_t ecdsa_magic;    /* public; the private magic follows */
    uint32_t ecdh_magic;
};

static const struct curve curves[BRIDGE_CURVE_COUNT] =
{
    [BRIDGE_CURVE_P256] = { nettle_get_secp_256r1, GNUTLS_ECC_CURVE_SECP256R1, 32, 256, ECC_MAGIC('S', '1'), ECC_MAGIC('K', '1') },
    [BRIDGE_CURVE_P384] = { nettle_get_secp_384r1, GNUTLS_ECC_CURVE_SECP384R1, 48, 384, ECC_MAGIC('S', '3'), ECC_MAGIC('K', '3') },
    [BRIDGE_CURVE_P521] = { nettle_get_secp_521r1, GNUTLS_ECC_CURVE_SECP521R1, 66, 521, ECC_MAGIC('S', '5'), ECC_MAGIC('K', '5') },
};
BRIDGE_STATIC_ASSERT(ecdsa_p256_magic, ECC_MAGIC('S', '1') == 0x31534345u);
BRIDGE_STATIC_ASSERT(ecdh_p521_magic, ECC_MAGIC('K', '5') == 0x354b4345u);

static const struct curve *curve_get(uint32_t id)
{
    return id < BRIDGE_CURVE_COUNT && curves[id].nettle ? &curves[id] : NULL;
}

/* The parts of a canonical blob, pointing into it; d is NULL for a public key. */
struct key_parts
{
    const uint8_t *x, *y, *d;
};

static bridge_status key_parts(const struct curve *c, uint64_t blob, uint32_t len, struct key_parts *parts)
{
    const uint8_t *p = BRIDGE_PTR(blob);
    uint32_t cb_key;

    if (!p || len < BLOB_HEADER_LEN) return BRIDGE_INVALID_PARAMETER;
    memcpy(&cb_key, p + 4, sizeof(cb_key));
    if (cb_key != c->len) return BRIDGE_INVALID_PARAMETER;   /* another curve's key */
    if (len != BLOB_HEADER_LEN + 2 * c->len && len != BLOB_HEADER_LEN + 3 * c->len) return BRIDGE_INVALID_PARAMETER;
    parts->x = p + BLOB_HEADER_LEN;
    parts->y = parts->x + c->len;
    parts->d = len == BLOB_HEADER_LEN + 3 * c->len ? parts->y + c->len : NULL;
    return BRIDGE_SUCCESS;
}

static void write_header(uint8_t *out, const struct curve *c, uint32_t asym, int private)
{
    uint32_t magic = asym == BRIDGE_ASYM_ECDH ? c->ecdh_magic : c->ecdsa_magic;

    if (private) magic = PRIVATE_MAGIC(magic);
    memcpy(out, &magic, sizeof(magic));
    memcpy(out + 4, &c->len, sizeof(c->len));
}

static int all_zero(const uint8_t *p, size_t len)
{
    uint8_t acc = 0;
    while (len--) acc |= *p++;
    return !acc;
}

/* ---- nettle glue: every number is big-endian, c->len bytes ---------------- */

static void mpz_wipe(mpz_t z)
{
    size_t limbs = mpz_size(z);
    if (limbs) explicit_bzero(mpz_limbs_modify(z, limbs), limbs * sizeof(mp_limb_t));
    mpz_clear(z);
}

static void scalar_wipe(struct ecc_scalar *s)
{
    explicit_bzero(s->p, ecc_size(s->ecc) * sizeof(mp_limb_t));
    ecc_scalar_clear(s);
}

/* Fails (0) unless 0 < d < n. */
static int scalar_set(struct ecc_scalar *s, const struct curve *c, const uint8_t *d)
{
    mpz_t z;
    int ok;

    mpz_init(z);
    nettle_mpz_set_str_256_u(z, c->len, d);
    ok = ecc_scalar_set(s, z);
    mpz_wipe(z);
    return ok;
}

/* Fails (0) unless (x, y) is a point of the curve with coordinates below p. */
static int point_set(struct ecc_point *p, const struct curve *c, const uint8_t *x, const uint8_t *y)
{
    mpz_t mx, my;
    int ok;

    mpz_init(mx);
    mpz_init(my);
    nettle_mpz_set_str_256_u(mx, c->len, x);
    nettle_mpz_set_str_256_u(my, c->len, y);
    ok = ecc_point_set(p, mx, my);
    mpz_clear(mx);
    mpz_clear(my);
    return ok;
}

/* Writes X (and Y unless y is NULL). */
static void point_get(const struct ecc_point *p, const struct curve *c, uint8_t *x, uint8_t *y)
{
    mpz_t mx, my;

    mpz_init(mx);
    mpz_init(my);
    ecc_point_get(p, mx, my);
    nettle_mpz_get_str_256(c->len, x, mx);
    if (y) nettle_mpz_get_str_256(c->len, y, my);
    mpz_wipe(mx);   /* an ECDH product's X is the shared secret */
    mpz_clear(my);
}

/* ECDSA nonces from GnuTLS's key-grade generator.  nettle's callback cannot
 * fail, so a failure fills a harmless in-range value and is reported after. */

/* ---- the ops ---------------------------------------------------------------- */

/* Copies a GnuTLS number (no leading zeros) right-aligned into len bytes. */
static int put_number(uint8_t *out, uint32_t len, const gnutls_datum_t *num)
{
    if (num->size > len) return 0;
    memset(out, 0, len - num->size);
    memcpy(out + len - num->size, num->data, num->size);
    return 1;
}

static void datum_wipe(gnutls_datum_t *num)
{
    if (num->data) explicit_bzero(num->data, num->size);
    gnutls_free(num->data);
    num->data = NULL;
}

static bridge_status ecc_generate(struct asym_generate_params *params)
{
    const struct curve *c = curve_get(params->curve);
    gnutls_datum_t x = {0}, y = {0}, k = {0};
    gnutls_privkey_t key;
    gnutls_ecc_curve_t curve;
    bridge_status status;
    uint8_t *out = BRIDGE_PTR(params->output);
    uint32_t need;
    int ret;

    /* no curve yet (generic ECDSA/ECDH), or a length that is not the curve's [win-re] */
    if (!c || (params->bits && params->bits != c->bits)) return BRIDGE_INVALID_PARAMETER;
    need = BLOB_HEADER_LEN + 3 * c->len;
    if (!out || params->output_len < need)
    {
        params->output_len = need;
        return BRIDGE_BUFFER_TOO_SMALL;
    }
    if ((ret = gnutls_privkey_init(&key)) < 0) return status_from_gnutls(ret);
    ret = gnutls_privkey_generate2(key, GNUTLS_PK_ECDSA, GNUTLS_CURVE_TO_BITS(c->gnutls), 0, NULL, 0);
    if (ret >= 0) ret = gnutls_privkey_export_ecc_raw2(key, &curve, &x, &y, &k, GNUTLS_EXPORT_FLAG_NO_LZ);
    if (ret < 0) status = status_from_gnutls(ret);
    else if (curve != c->gnutls) status = BRIDGE_INTERNAL_ERROR;
    else
    {
        write_header(out, c, params->asym, 1);
        if (put_number(out + BLOB_HEADER_LEN, c->len, &x) && put_number(out + BLOB_HEADER_LEN + c->len, c->len, &y)
            && put_number(out + BLOB_HEADER_LEN + 2 * c->len, c->len, &k))
        {
            params->output_len = need;
            status = BRIDGE_SUCCESS;
        }
        else status = BRIDGE_INTERNAL_ERROR;
    }
    if (status) explicit_bzero(out, need);
    datum_wipe(&k);
    datum_wipe(&x);
    datum_wipe(&y);
    gnutls_privkey_deinit(key);
    return status;
}

/*
 * Validates an imported key and completes it.  A private key's X||Y may be
 * all zero: the public point is computed from d [win-re].  Otherwise the
 * point must lie on the curve and match d [hypothesis]; d must be in [1, n).
 */
static bridge_status ecc_complete(struct asym_complete_params *params)
{
    const struct curve *c = curve_get(params->curve);
    uint8_t *out = BRIDGE_PTR(params->output);
    struct key_parts in;
    struct ecc_scalar d;
    struct ecc_point q;
    bridge_status status;
    uint32_t need;

    if (!c) return BRIDGE_INVALID_PARAMETER;
    if ((status = key_parts(c, params->input, params->input_len, &in))) return status;
    need = BLOB_HEADER_LEN + (in.d ? 3 : 2) * c->len;
    if (!out || params->output_len < need)
    {
        params->output_len = need;
        return BRIDGE_BUFFER_TOO_SMALL;
    }
    write_header(out, c, params->asym, in.d != NULL);

    ecc_point_init(&q, c->nettle());
    if (in.d)
    {
        uint8_t *x = out + BLOB_HEADER_LEN, *y = x + c->len;

        ecc_scalar_init(&d, c->nettle());
        if (!scalar_set(&d, c, in.d)) status = BRIDGE_INVALID_PARAMETER;
        else
        {
            ecc_point_mul_g(&q, &d);
            point_get(&q, c, x, y);
            if (!all_zero(in.x, 2 * c->len) && (memcmp(x, in.x, c->len) || memcmp(y, in.y, c->len)))
                status = BRIDGE_INVALID_PARAMETER;
            memcpy(y + c->len, in.d, c->len);
        }
        scalar_wipe(&d);
    }
    else if (all_zero(in.x, 2 * c->len) || !point_set(&q, c, in.x, in.y)) status = BRIDGE_INVALID_PARAMETER;
    else memcpy(out + BLOB_HEADER_LEN, in.x, 2 * c->len);
    ecc_point_clear(&q);

    if (status) explicit_bzero(out, need);
    else params->output_len = need;
    return status;
}

/* r || s, each c->len bytes, over a digest of any length. */
static bridge_status ecc_sign(struct asym_sign_params *params)
{
    const struct curve *c = curve_get(params->curve);
    uint8_t *out = BRIDGE_PTR(params->signature);
    struct bridge_rng rng = {0};
    struct dsa_signature sig;
    struct ecc_scalar d;
    struct key_parts key;
    bridge_status status;

    if (params->asym != BRIDGE_ASYM_ECDSA) return BRIDGE_NOT_SUPPORTED;
    if (!c || !params->digest || !params->digest_len || params->padding != BRIDGE_PAD_NONE)
        return BRIDGE_INVALID_PARAMETER;
    if ((status = key_parts(c, params->key, params->key_len, &key))) return status;
    if (!key.d) return BRIDGE_INVALID_PARAMETER;   /* a public key cannot sign [win-re] */
    if (!out || params->signature_len < 2 * c->len)
    {
        params->signature_len = 2 * c->len;
        return BRIDGE_BUFFER_TOO_SMALL;
    }

    ecc_scalar_init(&d, c->nettle());
    dsa_signature_init(&sig);
    if (!scalar_set(&d, c, key.d)) status = BRIDGE_INVALID_PARAMETER;
    else
    {
        ecdsa_sign(&d, &rng, bridge_random, params->digest_len, BRIDGE_PTR(params->digest), &sig);
        if (rng.failed) status = BRIDGE_INTERNAL_ERROR;
        else
        {
            nettle_mpz_get_str_256(c->len, out, sig.r);
            nettle_mpz_get_str_256(c->len, out + c->len, sig.s);
            params->signature_len = 2 * c->len;
        }
    }
    dsa_signature_clear(&sig);
    scalar_wipe(&d);
    return status;
}

static bridge_status ecc_verify(struct asym_sign_params *params)
{
    const struct curve *c = curve_get(params->curve);
    const uint8_t *signature = BRIDGE_PTR(params->signature);
    struct dsa_signature sig;
    struct key_parts key;
    struct ecc_point q;
    bridge_status status;

    if (params->asym != BRIDGE_ASYM_ECDSA) return BRIDGE_NOT_SUPPORTED;
    if (!c || !params->digest || !params->digest_len || params->padding != BRIDGE_PAD_NONE)
        return BRIDGE_INVALID_PARAMETER;
    if ((status = key_parts(c, params->key, params->key_len, &key))) return status;
    if (!signature || params->signature_len != 2 * c->len) return BRIDGE_INVALID_PARAMETER;   /* [win-re] */

    ecc_point_init(&q, c->nettle());
    dsa_signature_init(&sig);
    if (!point_set(&q, c, key.x, key.y)) status = BRIDGE_INVALID_PARAMETER;
    else
    {
        nettle_mpz_set_str_256_u(sig.r, c->len, signature);
        nettle_mpz_set_str_256_u(sig.s, c->len, signature + c->len);
        /* r and s outside [1, n) fail here too */
        if (!ecdsa_verify(&q, params->digest_len, BRIDGE_PTR(params->digest), &sig)) status = BRIDGE_INVALID_SIGNATURE;
    }
    dsa_signature_clear(&sig);
    ecc_point_clear(&q);
    return status;
}

/* ECDH: the X coordinate of d * Q, big-endian, c->len bytes (SEC 1, 3.3.1). */
static bridge_status ecc_agree(struct asym_agree_params *params)
{
    const struct curve *c = curve_get(params->curve);
    uint8_t *out = BRIDGE_PTR(params->output);
    struct key_parts priv, pub;
    struct ecc_scalar d;
    struct ecc_point q, r;
    bridge_status status;

    if (params->asym != BRIDGE_ASYM_ECDH) return BRIDGE_NOT_SUPPORTED;
    if (!c) return BRIDGE_INVALID_PARAMETER;
    if ((status = key_parts(c, params->private_key, params->private_len, &priv))) return status;
    /* a peer key of another curve has another cbKey [win-re: SymCrypt rejects the pair] */
    if ((status = key_parts(c, params->public_key, params->public_len, &pub))) return status;
    if (!priv.d) return BRIDGE_INVALID_PARAMETER;
    if (!out || params->output_len < c->len)
    {
        params->output_len = c->len;
        return BRIDGE_BUFFER_TOO_SMALL;
    }

    ecc_scalar_init(&d, c->nettle());
    ecc_point_init(&q, c->nettle());
    ecc_point_init(&r, c->nettle());
    if (!scalar_set(&d, c, priv.d) || !point_set(&q, c, pub.x, pub.y)) status = BRIDGE_INVALID_PARAMETER;
    else
    {
        ecc_point_mul(&r, &d, &q);
        point_get(&r, c, out, NULL);
        params->output_len = c->len;
    }
    explicit_bzero(r.p, 2 * ecc_size(c->nettle()) * sizeof(mp_limb_t));
    ecc_point_clear(&r);
    ecc_point_clear(&q);
    scalar_wipe(&d);
    return status;
}

const struct asym_ops ecc_ops =
{
    .generate = ecc_generate,
    .complete = ecc_complete,
    .sign     = ecc_sign,
    .verify   = ecc_verify,
    .agree    = ecc_agree,
};
