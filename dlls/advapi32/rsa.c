/*
 * RSA keys: key pairs (CPGenKey), PUBLICKEYBLOB, PRIVATEKEYBLOB, SIMPLEBLOB,
 * RSA encryption for CPEncrypt/CPDecrypt, CPSignHash and CPVerifySignature.
 *
 * A key holds the bridge's canonical blob (BCRYPT_RSAKEY_BLOB, numbers
 * big-endian): "RSA1" for a public key, "RSA3" for a key pair.  CryptoAPI's
 * blobs carry the same numbers little-endian after a BLOBHEADER and an
 * RSAPUBKEY [doc, reference §5.9]; this file converts between the two.  A
 * key pair belongs to its container (container.c), which stores it.
 */
#include "csp_private.h"

DEFAULT_DEBUG_CHANNEL(crypt);

#define RSA1_MAGIC 0x31415352u   /* "RSA1": public [doc]; also the bridge's public blob */
#define RSA2_MAGIC 0x32415352u   /* "RSA2": CryptoAPI private [doc]; bridge: primes only */
#define RSA3_MAGIC 0x33415352u   /* the bridge's full private blob */

#define PKCS1_OVERHEAD 11        /* PKCS#1 v1.5 type 2 padding bytes, at least [RFC 8017] */
#define OAEP_OVERHEAD  42        /* 2 * SHA-1 + 2 [RFC 8017], CRYPT_OAEP [wine-test] */

/* BLOBHEADER, RSAPUBKEY, then the numbers, little-endian [doc]. */
struct capi_rsa_blob
{
    BLOBHEADER hdr;
    RSAPUBKEY  rsa;
};

/* BCRYPT_RSAKEY_BLOB: the header of the bridge's blobs, then e, n, [p, q, dp, dq, qinv, d]. */
struct canon_hdr
{
    UINT32 magic, bits, e_len, n_len, p_len, q_len;
};

/* Half a modulus: the width of the primes and CRT values in a PRIVATEKEYBLOB [wine-impl]. */
static DWORD half_len(DWORD n_len)
{
    return (n_len + 1) / 2;
}

static DWORD capi_private_len(DWORD n_len)
{
    return sizeof(struct capi_rsa_blob) + 2 * n_len + 5 * half_len(n_len);
}

/* dst (width bytes, little-endian) := src (big-endian); leading zeros of src may be cut. */
static BOOL put_le(BYTE *dst, DWORD width, const BYTE *src, DWORD len)
{
    DWORD i;

    while (len > width && !*src) { src++; len--; }
    if (len > width) return FALSE;
    for (i = 0; i < len; i++) dst[i] = src[len - 1 - i];
    memset(dst + len, 0, width - len);
    return TRUE;
}

/* dst (width bytes, big-endian) := src (len bytes, little-endian, zero-extended). */
static void put_be(BYTE *dst, DWORD width, const BYTE *src, DWORD len)
{
    DWORD i;

    for (i = 0; i < width; i++) dst[width - 1 - i] = i < len ? src[i] : 0;
}

/* The fields of a canonical blob, in order. */
enum canon_field { F_E, F_N, F_P, F_Q, F_DP, F_DQ, F_QINV, F_D, F_COUNT };

static DWORD canon_width(const struct canon_hdr *h, enum canon_field f)
{
    static const BYTE which[F_COUNT] = { 0, 1, 2, 3, 2, 3, 2, 1 };   /* e, n, p, q widths */
    const UINT32 widths[4] = { h->e_len, h->n_len, h->p_len, h->q_len };

    return widths[which[f]];
}

static const BYTE *canon_field(const BYTE *blob, enum canon_field f)
{
    const struct canon_hdr *h = (const struct canon_hdr *)blob;
    const BYTE *p = blob + sizeof(*h);
    enum canon_field i;

    for (i = 0; i < f; i++) p += canon_width(h, i);
    return p;
}

/* ---- keys ------------------------------------------------------------------------ */

/* A key object of algid, modulus n_len bytes, without numbers yet. */
static struct csp_key *rsa_key_alloc(struct csp_prov *prov, ALG_ID algid, DWORD flags, DWORD n_len)
{
    struct csp_key *key = key_alloc(prov, cipher_from_algid(algid), flags);

    if (key) key->key_len = n_len;
    return key;
}

/* Hands the key its canonical blob (taken over, also on failure). */
static struct csp_key *rsa_key_adopt(struct csp_key *key, BYTE *blob, DWORD len, BOOL private)
{
    key->rsa = blob;
    key->rsa_len = len;
    key->rsa_private = private;
    return key;
}

/* The provider's bounds for algid (RSA_KEYX/RSA_SIGN rows): a multiple of 8
 * within [min, max], else NTE_BAD_DATA [wine-impl]; unsupported: NTE_BAD_ALGID. */
static BOOL rsa_check_bits(const struct csp_prov *prov, ALG_ID algid, DWORD *bits)
{
    const struct csp_cipher *cipher = cipher_from_algid(algid);
    PROV_ENUMALGS_EX info;

    if (!cipher || !cipher->asym || !provider_alg(prov->pers, algid, &info)) return csp_fail(NTE_BAD_ALGID);
    if (!*bits) *bits = info.dwDefaultLen;
    if (*bits % 8 || *bits < info.dwMinLen || *bits > info.dwMaxLen) return csp_fail(NTE_BAD_DATA);
    return TRUE;
}

/* Which container pair a key of algid is (AT_* or CALG_RSA_*). */
static enum csp_pair rsa_pair(ALG_ID algid)
{
    return (algid == AT_SIGNATURE || algid == CALG_RSA_SIGN) ? PAIR_SIGNATURE : PAIR_EXCHANGE;
}

/* ---- PUBLICKEYBLOB ------------------------------------------------------------------ */

BOOL rsa_import_public(struct csp_prov *prov, HCRYPTPROV owner, const BYTE *data, DWORD len, DWORD flags,
                       HCRYPTKEY *handle)
{
    const struct capi_rsa_blob *blob = (const struct capi_rsa_blob *)data;
    struct canon_hdr *h;
    struct csp_key *key;
    DWORD bits, n_len, e_len = 4;
    BYTE *canon;

    if (flags & CRYPT_IPSEC_HMAC_KEY) return csp_fail(NTE_BAD_FLAGS);   /* [wine-impl] */
    if (len < sizeof(*blob) || blob->rsa.magic != RSA1_MAGIC || len - sizeof(*blob) < blob->rsa.bitlen / 8)
        return csp_fail(NTE_BAD_DATA);                                   /* [wine-impl] */
    bits = blob->rsa.bitlen;
    if (!bits) return csp_fail(NTE_BAD_DATA);
    if (!rsa_check_bits(prov, blob->hdr.aiKeyAlg, &bits)) return FALSE;
    n_len = bits / 8;
    while (e_len > 1 && !(blob->rsa.pubexp >> (8 * (e_len - 1)))) e_len--;

    /* not checked here: a public key is only numbers until it is used [hypothesis] */
    if (!(canon = HeapAlloc(GetProcessHeap(), 0, sizeof(*h) + e_len + n_len))) return csp_fail(NTE_NO_MEMORY);
    h = (struct canon_hdr *)canon;
    h->magic = RSA1_MAGIC;
    h->bits = bits;
    h->e_len = e_len;
    h->n_len = n_len;
    h->p_len = h->q_len = 0;
    put_be(canon + sizeof(*h), e_len, (const BYTE *)&blob->rsa.pubexp, sizeof(blob->rsa.pubexp));
    put_be(canon + sizeof(*h) + e_len, n_len, data + sizeof(*blob), n_len);
    if (!(key = rsa_key_alloc(prov, blob->hdr.aiKeyAlg, flags, n_len)))
    {
        HeapFree(GetProcessHeap(), 0, canon);
        return FALSE;
    }
    return key_publish(rsa_key_adopt(key, canon, sizeof(*h) + e_len + n_len, FALSE), owner, handle);
}

static void capi_header(const struct csp_key *key, BYTE type, DWORD magic, BYTE *data)
{
    struct capi_rsa_blob *blob = (struct capi_rsa_blob *)data;
    const struct canon_hdr *h = (const struct canon_hdr *)key->rsa;
    BYTE exp[sizeof(DWORD)];

    blob->hdr.bType = type;
    blob->hdr.bVersion = CUR_BLOB_VERSION;
    blob->hdr.reserved = 0;
    blob->hdr.aiKeyAlg = key->cipher->algid;
    blob->rsa.magic = magic;
    blob->rsa.bitlen = key->key_len * 8;
    put_le(exp, sizeof(exp), canon_field(key->rsa, F_E), h->e_len);
    memcpy(&blob->rsa.pubexp, exp, sizeof(exp));
}

BOOL rsa_export_public(const struct csp_key *key, BYTE *data, DWORD *len)
{
    const struct canon_hdr *h = (const struct canon_hdr *)key->rsa;
    DWORD size = sizeof(struct capi_rsa_blob) + key->key_len;

    if (data && *len < size)
    {
        *len = size;
        return csp_fail(ERROR_MORE_DATA);
    }
    if (data)
    {
        capi_header(key, PUBLICKEYBLOB, RSA1_MAGIC, data);
        put_le(data + sizeof(struct capi_rsa_blob), key->key_len, canon_field(key->rsa, F_N), h->n_len);
    }
    *len = size;
    return TRUE;
}

/* ---- PRIVATEKEYBLOB ------------------------------------------------------------------- */

/*
 * The canonical blob of a PRIVATEKEYBLOB.  It may end anywhere after the CRT
 * values: the private exponent is then taken as far as it goes, and computed
 * again when what is left does not fit the key [wine-test: truncated blobs
 * import].  The bridge checks the numbers (NTE_BAD_DATA).
 */
static BOOL canon_from_private(const BYTE *data, DWORD len, BYTE **out, DWORD *out_len)
{
    const struct capi_rsa_blob *blob = (const struct capi_rsa_blob *)data;
    DWORD n_len = blob->rsa.bitlen / 8, half = half_len(n_len), e_len = 4, d_have, size, i;
    const BYTE *src = data + sizeof(*blob);
    struct canon_hdr *h;
    BYTE *canon, *dst;
    BOOL ret;

    d_have = min(n_len, len - (sizeof(*blob) + n_len + 5 * half));
    while (e_len > 1 && !(blob->rsa.pubexp >> (8 * (e_len - 1)))) e_len--;
    size = sizeof(*h) + e_len + 2 * n_len + 5 * half;
    if (!(canon = HeapAlloc(GetProcessHeap(), 0, size))) return csp_fail(NTE_NO_MEMORY);
    h = (struct canon_hdr *)canon;
    h->magic = RSA3_MAGIC;
    h->bits = n_len * 8;
    h->e_len = e_len;
    h->n_len = n_len;
    h->p_len = h->q_len = half;
    dst = canon + sizeof(*h);
    put_be(dst, e_len, (const BYTE *)&blob->rsa.pubexp, sizeof(blob->rsa.pubexp));
    dst += e_len;
    for (i = F_N; i < F_D; i++)   /* n, p, q, dp, dq, qinv: in both blobs' order */
    {
        DWORD width = i == F_N ? n_len : half;
        put_be(dst, width, src, width);
        dst += width;
        src += width;
    }
    put_be(dst, n_len, src, d_have);

    ret = glue_rsa_complete(canon, size, out, out_len);
    if (!ret && d_have < n_len)
    {
        /* the exponent's missing bytes were not zeros: let the bridge derive it from p and q */
        h->magic = RSA2_MAGIC;
        ret = glue_rsa_complete(canon, sizeof(*h) + e_len + n_len + 2 * half, out, out_len);
    }
    secure_wipe(canon, size);
    HeapFree(GetProcessHeap(), 0, canon);
    return ret;
}

/* A key pair from a PRIVATEKEYBLOB, not installed anywhere (also for reading containers). */
struct csp_key *rsa_key_from_private(struct csp_prov *prov, const BYTE *data, DWORD len, DWORD flags)
{
    const struct capi_rsa_blob *blob = (const struct capi_rsa_blob *)data;
    struct csp_key *key;
    DWORD bits, canon_len;
    BYTE *canon;

    if (flags & CRYPT_IPSEC_HMAC_KEY)
    {
        SetLastError(NTE_BAD_FLAGS);   /* [wine-impl] */
        return NULL;
    }
    /* the header, and everything up to the private exponent [wine-test, wine-impl] */
    if (len < sizeof(*blob) || blob->rsa.magic != RSA2_MAGIC || !(bits = blob->rsa.bitlen)
        || len < capi_private_len(bits / 8) - bits / 8)
    {
        SetLastError(NTE_BAD_DATA);
        return NULL;
    }
    if (!rsa_check_bits(prov, blob->hdr.aiKeyAlg, &bits)) return NULL;
    if (!canon_from_private(data, len, &canon, &canon_len)) return NULL;
    if (!(key = rsa_key_alloc(prov, blob->hdr.aiKeyAlg, flags, bits / 8)))
    {
        secure_wipe(canon, canon_len);
        HeapFree(GetProcessHeap(), 0, canon);
        return NULL;
    }
    return rsa_key_adopt(key, canon, canon_len, TRUE);
}

/* Importing a key pair makes it the container's pair of its aiKeyAlg [wine-test: CryptGetUserKey then finds it]. */
BOOL rsa_import_private(struct csp_prov *prov, HCRYPTPROV owner, const BYTE *data, DWORD len, DWORD flags,
                        HCRYPTKEY *handle)
{
    struct csp_key *key;

    if (!(key = rsa_key_from_private(prov, data, len, flags))) return FALSE;
    container_install(prov, rsa_pair(key->cipher->algid), key);
    return key_publish(key, owner, handle);
}

/* force: the container's own store ignores CRYPT_EXPORT (container.c). */
BOOL rsa_export_private(const struct csp_key *key, BOOL force, BYTE *data, DWORD *len)
{
    DWORD size = capi_private_len(key->key_len), half = half_len(key->key_len), width;
    enum canon_field f;
    BYTE *dst;

    /* not exportable: NTE_BAD_KEY_STATE even when sizing [wine-test] */
    if (!key->cipher->asym) return csp_fail(NTE_BAD_KEY);
    if (!force && !(key->permissions & CRYPT_EXPORT)) return csp_fail(NTE_BAD_KEY_STATE);
    if (!key->rsa_private) return csp_fail(NTE_BAD_KEY);   /* a public key [hypothesis] */
    if (data && *len < size)
    {
        *len = size;
        return csp_fail(ERROR_MORE_DATA);
    }
    if (data)
    {
        const struct canon_hdr *h = (const struct canon_hdr *)key->rsa;

        capi_header(key, PRIVATEKEYBLOB, RSA2_MAGIC, data);
        dst = data + sizeof(struct capi_rsa_blob);
        for (f = F_N; f < F_COUNT; f++)
        {
            width = (f == F_N || f == F_D) ? key->key_len : half;
            if (!put_le(dst, width, canon_field(key->rsa, f), canon_width(h, f)))
            {
                secure_wipe(data, size);
                return csp_fail(NTE_FAIL);   /* a number wider than CryptoAPI's field */
            }
            dst += width;
        }
    }
    *len = size;
    return TRUE;
}

/* ---- CPGenKey ------------------------------------------------------------------------- */

/* AT_KEYEXCHANGE / CALG_RSA_KEYX and AT_SIGNATURE / CALG_RSA_SIGN make the
 * container's pair [doc]; HIWORD(flags) is the length in bits, 0 the provider's default. */
BOOL rsa_generate(struct csp_prov *prov, HCRYPTPROV owner, ALG_ID algid, DWORD flags, HCRYPTKEY *handle)
{
    ALG_ID calg = rsa_pair(algid) == PAIR_SIGNATURE ? CALG_RSA_SIGN : CALG_RSA_KEYX;
    DWORD bits = HIWORD(flags), canon_len;
    struct csp_key *key;
    BYTE *canon;

    if (!rsa_check_bits(prov, calg, &bits)) return FALSE;
    if (!glue_rsa_generate(bits, &canon, &canon_len)) return FALSE;
    if (!(key = rsa_key_alloc(prov, calg, flags, bits / 8)))
    {
        secure_wipe(canon, canon_len);
        HeapFree(GetProcessHeap(), 0, canon);
        return FALSE;
    }
    rsa_key_adopt(key, canon, canon_len, TRUE);
    container_install(prov, rsa_pair(calg), key);
    return key_publish(key, owner, handle);
}

/* ---- SIMPLEBLOB ----------------------------------------------------------------------- */

/* BLOBHEADER, the wrapping key's ALG_ID, then the session key encrypted with
 * it (PKCS#1 type 2 or OAEP), little-endian [doc, reference §5.9]. */
struct simple_blob
{
    BLOBHEADER hdr;
    ALG_ID     wrap_algid;
};

/* The wrapping key: an RSA key; a key exchange key to unwrap [wine-impl]; else NTE_BAD_PUBLIC_KEY. */
static struct csp_key *wrapping_key(HCRYPTKEY handle, BOOL unwrap)
{
    struct csp_key *key = (struct csp_key *)handle_get(handle, CSP_TYPE_KEY);

    if (key && key->cipher->asym && (!unwrap || key->cipher->algid == CALG_RSA_KEYX)) return key;
    if (key) key_put(key);
    SetLastError(NTE_BAD_PUBLIC_KEY);
    return NULL;
}

/* Padding flags of SIMPLEBLOB and RSA encryption: CRYPT_OAEP or none. */
static BOOL rsa_padding_flags(DWORD flags)
{
    if (flags & CRYPT_SSL2_FALLBACK) return csp_fail(NTE_BAD_KEY);   /* SSL2 master keys only [wine-impl] */
    if (flags & ~CRYPT_OAEP) return csp_fail(NTE_BAD_FLAGS);          /* hypothesis */
    return TRUE;
}

static DWORD rsa_max_plain(const struct csp_key *key, DWORD flags)
{
    DWORD overhead = (flags & CRYPT_OAEP) ? OAEP_OVERHEAD : PKCS1_OVERHEAD;

    return key->key_len > overhead ? key->key_len - overhead : 0;
}

BOOL rsa_export_simple(const struct csp_key *key, HCRYPTKEY pub_handle, DWORD flags, BYTE *data, DWORD *len)
{
    struct simple_blob blob;
    struct csp_key *pub;
    DWORD size;
    BOOL ret = FALSE;

    if (!(pub = wrapping_key(pub_handle, FALSE))) return FALSE;
    size = sizeof(blob) + pub->key_len;
    /* only session ciphers are wrapped [wine-impl]; CRYPT_EXPORTABLE is what allows it [doc, hypothesis] */
    if (key->cipher->asym || GET_ALG_CLASS(key->cipher->algid) != ALG_CLASS_DATA_ENCRYPT) SetLastError(NTE_BAD_KEY);
    else if (!rsa_padding_flags(flags)) { /* the error is set */ }
    else if (!(key->permissions & CRYPT_EXPORT)) SetLastError(NTE_BAD_KEY_STATE);
    else if (!data)
    {
        *len = size;
        ret = TRUE;
    }
    else if (*len < size)
    {
        *len = size;
        SetLastError(ERROR_MORE_DATA);
    }
    else if (key->key_len > rsa_max_plain(pub, flags)) SetLastError(NTE_BAD_LEN);
    else
    {
        blob.hdr.bType = SIMPLEBLOB;
        blob.hdr.bVersion = CUR_BLOB_VERSION;
        blob.hdr.reserved = 0;
        blob.hdr.aiKeyAlg = key->cipher->algid;
        blob.wrap_algid = pub->cipher->algid;
        memcpy(data, &blob, sizeof(blob));
        /* the key bytes without the salt [wine-test: salts do not travel] */
        if ((ret = glue_rsa_encrypt(pub, flags & CRYPT_OAEP, key->key, key->key_len, data + sizeof(blob))))
            *len = size;
    }
    key_put(pub);
    return ret;
}

/*
 * An RC2 key from a SIMPLEBLOB may be longer than the provider lets
 * CryptGenKey make: it then decrypts but never encrypts (crypt.c), and the
 * Base provider runs it with 40 effective bits [wine-test].  Past 64 bytes
 * nothing is known: NTE_BAD_DATA [hypothesis].
 */
static struct csp_key *simple_rc2_key(struct csp_prov *prov, DWORD len, DWORD flags)
{
    PROV_ENUMALGS_EX info;
    struct csp_key *key;

    if (!provider_alg(prov->pers, CALG_RC2, &info))
    {
        SetLastError(NTE_BAD_ALGID);
        return NULL;
    }
    if (len * 8 <= info.dwMaxLen) return key_new(prov, CALG_RC2, MAKELONG(LOWORD(flags), len * 8));
    if (len > CSP_MAX_KEY_LEN)
    {
        SetLastError(NTE_BAD_DATA);
        return NULL;
    }
    if (!(key = key_alloc(prov, cipher_from_algid(CALG_RC2), flags))) return NULL;
    key->key_len = len;
    if (info.dwDefaultLen == 40) key->effective_bits = 40;
    return key;
}

BOOL rsa_import_simple(struct csp_prov *prov, HCRYPTPROV owner, const BYTE *data, DWORD len, HCRYPTKEY pub_handle,
                       DWORD flags, HCRYPTKEY *handle)
{
    const struct simple_blob *blob = (const struct simple_blob *)data;
    struct csp_key *pub, *key = NULL;
    BYTE plain[CSP_MAX_KEY_LEN * 2 + 16384 / 8];
    DWORD plain_len = 0;
    BOOL ret = FALSE;

    if (flags & CRYPT_IPSEC_HMAC_KEY) return csp_fail(NTE_BAD_FLAGS);   /* [wine-impl] */
    if (!(pub = wrapping_key(pub_handle, TRUE))) return FALSE;
    if (!rsa_padding_flags(flags)) { /* the error is set */ }
    else if (len < sizeof(*blob) || len - sizeof(*blob) < pub->key_len) SetLastError(NTE_BAD_DATA);
    else if (!pub->rsa_private) SetLastError(NTE_BAD_KEY);   /* a public key cannot unwrap [hypothesis] */
    else if (glue_rsa_decrypt(pub, flags & CRYPT_OAEP, data + sizeof(*blob), plain, &plain_len))
    {
        /* the key's length is what was wrapped [wine-test] */
        if (blob->hdr.aiKeyAlg == CALG_RC2) key = simple_rc2_key(prov, plain_len, flags);
        else key = key_new(prov, blob->hdr.aiKeyAlg, MAKELONG(LOWORD(flags), plain_len * 8));
        if (key)
        {
            memcpy(key->key, plain, min(plain_len, key->key_len));   /* the salt stays zero [wine-test] */
            ret = key_publish(key, owner, handle);
        }
    }
    secure_wipe(plain, sizeof(plain));
    key_put(pub);
    return ret;
}

/* ---- encryption (CPEncrypt / CPDecrypt with a key exchange key) --------------------------- */

/*
 * One block whatever Final says: PKCS#1 v1.5 type 2, or OAEP with
 * CRYPT_OAEP; the ciphertext is little-endian and as long as the modulus
 * [wine-test].  A signature key never encrypts: NTE_BAD_KEY [wine-test].
 */
BOOL rsa_encrypt(struct csp_key *key, struct csp_hash *hash, DWORD flags, BYTE *data, DWORD *len, DWORD buf_len)
{
    DWORD n = key->key_len;

    if (key->cipher->algid == CALG_RSA_SIGN) return csp_fail(NTE_BAD_KEY);
    if (!data)
    {
        *len = n;   /* sizing [wine-test] */
        return TRUE;
    }
    if (buf_len < n)
    {
        *len = n;   /* the required size [doc] */
        return csp_fail(ERROR_MORE_DATA);   /* [wine-test] */
    }
    if (*len > rsa_max_plain(key, flags) || n <= ((flags & CRYPT_OAEP) ? OAEP_OVERHEAD : PKCS1_OVERHEAD))
        return csp_fail(NTE_BAD_LEN);   /* [wine-test] */
    if (hash && !hash_update_data(hash, data, *len)) return FALSE;   /* the plaintext [doc] */
    if (!glue_rsa_encrypt(key, flags & CRYPT_OAEP, data, *len, data)) return FALSE;
    *len = n;
    return TRUE;
}

/* The input is one modulus-long block; anything else is NTE_BAD_DATA
 * [wine-test: 12 or 11 bytes are refused, the length untouched]. */
BOOL rsa_decrypt(struct csp_key *key, struct csp_hash *hash, DWORD flags, BYTE *data, DWORD *len)
{
    DWORD plain_len;

    if (key->cipher->algid == CALG_RSA_SIGN) return csp_fail(NTE_BAD_KEY);   /* [wine-test] */
    if (!key->rsa_private) return csp_fail(NTE_BAD_KEY);                    /* hypothesis */
    if (*len != key->key_len) return csp_fail(NTE_BAD_DATA);
    if (!glue_rsa_decrypt(key, flags & CRYPT_OAEP, data, data, &plain_len)) return FALSE;   /* bad padding: NTE_BAD_DATA [wine-test] */
    *len = plain_len;
    return !hash || hash_update_data(hash, data, plain_len);   /* the plaintext [doc] */
}

/* ---- signatures ------------------------------------------------------------------------- */

/* The DigestInfo a hash's signature carries: its own algorithm, or none for
 * CALG_SSL3_SHAMD5 and with CRYPT_NOHASHOID [wine-test]; others NTE_BAD_ALGID [wine-impl]. */
static BOOL signature_oid(const struct csp_hash *hash, DWORD flags, ALG_ID *oid)
{
    DWORD unused;

    *oid = 0;
    if (hash->algid == CALG_SSL3_SHAMD5) return TRUE;
    if (!glue_hash_supported(hash->algid, &unused)) return csp_fail(NTE_BAD_ALGID);
    if (!(flags & CRYPT_NOHASHOID)) *oid = hash->algid;
    return TRUE;
}

/* sDescription is hashed in too [doc: "no longer used"; wine-impl]. */
static BOOL hash_description(struct csp_hash *hash, LPCWSTR description)
{
    if (!description) return TRUE;
    return hash_update_data(hash, (const BYTE *)description, lstrlenW(description) * sizeof(WCHAR));
}

static BOOL signature_flags(DWORD flags)
{
    if (flags & ~(CRYPT_NOHASHOID | CRYPT_X931_FORMAT)) return csp_fail(NTE_BAD_FLAGS);   /* [wine-impl] */
    if (flags & CRYPT_X931_FORMAT)
    {
        FIXME("CRYPT_X931_FORMAT is not implemented\n");
        return csp_fail(NTE_BAD_FLAGS);
    }
    return TRUE;
}

/*
 * CPSignHash: PKCS#1 v1.5 with the container's AT_KEYEXCHANGE or
 * AT_SIGNATURE key, little-endian, as long as the modulus; pbSignature NULL
 * asks for that length [wine-test].
 */
BOOL WINAPI CPSignHash(HCRYPTPROV hProv, HCRYPTHASH hHash, DWORD dwKeySpec, LPCWSTR sDescription, DWORD dwFlags,
                       BYTE *pbSignature, DWORD *pdwSigLen)
{
    struct csp_key *key = NULL;
    struct csp_prov *prov;
    struct csp_hash *hash;
    ALG_ID oid;
    BOOL ret = FALSE;

    TRACE("%Iu, %Iu, %lu, %s, %#lx, %p, %p\n", hProv, hHash, dwKeySpec, debugstr_w(sDescription), dwFlags,
          pbSignature, pdwSigLen);

    if (!(prov = prov_get(hProv))) return FALSE;
    if (!(hash = hash_get(hHash)))
    {
        prov_put(prov);
        return FALSE;
    }
    if (!signature_flags(dwFlags)) { /* the error is set */ }
    else if (!pdwSigLen) SetLastError(ERROR_INVALID_PARAMETER);
    else if (dwKeySpec != AT_KEYEXCHANGE && dwKeySpec != AT_SIGNATURE) SetLastError(NTE_BAD_ALGID);   /* [doc] */
    else if (!(key = container_key(prov, dwKeySpec == AT_SIGNATURE ? PAIR_SIGNATURE : PAIR_EXCHANGE)))
        SetLastError(NTE_NO_KEY);   /* [doc, wine-test] */
    else if (!pbSignature)
    {
        *pdwSigLen = key->key_len;
        ret = TRUE;
    }
    else if (*pdwSigLen < key->key_len)
    {
        *pdwSigLen = key->key_len;
        SetLastError(ERROR_MORE_DATA);
    }
    else if (signature_oid(hash, dwFlags, &oid) && hash_description(hash, sDescription) && hash_finish(hash)
             && glue_rsa_sign(key, oid, hash->value, hash->hash_len, pbSignature))
    {
        *pdwSigLen = key->key_len;
        ret = TRUE;
    }
    if (key) key_put(key);
    hash_put(hash);
    prov_put(prov);
    return ret;
}

/*
 * PKCS#1 v1.5 over the hash's value; the signature is little-endian and
 * exactly as long as the modulus, else NTE_BAD_SIGNATURE, checked before the
 * pointer [wine-test].  A signature without the DigestInfo is accepted too
 * [wine-test]; with CRYPT_NOHASHOID only that form is [wine-impl].
 */
BOOL WINAPI CPVerifySignature(HCRYPTPROV hProv, HCRYPTHASH hHash, const BYTE *pbSignature, DWORD dwSigLen,
                              HCRYPTKEY hPubKey, LPCWSTR sDescription, DWORD dwFlags)
{
    struct csp_hash *hash;
    struct csp_key *key;
    ALG_ID oid;
    BOOL ret = FALSE;

    TRACE("%Iu, %Iu, %p, %lu, %Iu, %s, %#lx\n", hProv, hHash, pbSignature, dwSigLen, hPubKey,
          debugstr_w(sDescription), dwFlags);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (!(hash = hash_get(hHash))) return FALSE;
    if (!(key = key_get(hPubKey)))
    {
        hash_put(hash);
        return FALSE;
    }
    if (!signature_flags(dwFlags)) { /* the error is set */ }
    else if (!key->cipher->asym) SetLastError(NTE_BAD_KEY);
    else if (dwSigLen != key->key_len) SetLastError(NTE_BAD_SIGNATURE);
    else if (!pbSignature) SetLastError(ERROR_INVALID_PARAMETER);
    else if (signature_oid(hash, dwFlags, &oid) && hash_description(hash, sDescription) && hash_finish(hash))
    {
        if (oid) ret = glue_rsa_verify(key, oid, hash->value, hash->hash_len, pbSignature);
        if (!ret) ret = glue_rsa_verify(key, 0, hash->value, hash->hash_len, pbSignature);
    }
    key_put(key);
    hash_put(hash);
    return ret;
}
