/*
 * RSA and RSA_SIGN: the rsa_family row.  The key's canonical blob is CNG's
 * BCRYPT_RSAKEY_BLOB ("RSA1" public, "RSA3" full private, big-endian numbers);
 * every other blob type is converted here, and the padding structs of
 * SignHash/VerifySignature/Encrypt/Decrypt are unpacked into bridge fields.
 * Sources of the rules: [wine-test] = Wine's bcrypt tests, which pass on
 * Windows; [hypothesis] = not pinned down, chosen to match the nearest fact.
 */
#include <wchar.h>
#include "bcrypt_private.h"

DEFAULT_DEBUG_CHANNEL(bcrypt);

#define HEADER_LEN sizeof(BCRYPT_RSAKEY_BLOB)

/* The digests a padding struct may name; Windows accepts no others (AES -> NOT_SUPPORTED [wine-test]). */
static const struct { const WCHAR *name; enum bridge_hash hash; ULONG len; } hash_rows[] =
{
    { BCRYPT_MD2_ALGORITHM,    BRIDGE_HASH_MD2,    16 },
    { BCRYPT_MD4_ALGORITHM,    BRIDGE_HASH_MD4,    16 },
    { BCRYPT_MD5_ALGORITHM,    BRIDGE_HASH_MD5,    16 },
    { BCRYPT_SHA1_ALGORITHM,   BRIDGE_HASH_SHA1,   20 },
    { BCRYPT_SHA256_ALGORITHM, BRIDGE_HASH_SHA256, 32 },
    { BCRYPT_SHA384_ALGORITHM, BRIDGE_HASH_SHA384, 48 },
    { BCRYPT_SHA512_ALGORITHM, BRIDGE_HASH_SHA512, 64 },
};

/* NULL name: no digest (BRIDGE_HASH_NONE, length 0). */
static NTSTATUS hash_lookup(const WCHAR *name, enum bridge_hash *hash, ULONG *len)
{
    SIZE_T i;

    *hash = BRIDGE_HASH_NONE;
    *len = 0;
    if (!name) return STATUS_SUCCESS;
    for (i = 0; i < ARRAYSIZE(hash_rows); i++)
    {
        if (wcscmp(hash_rows[i].name, name)) continue;
        *hash = hash_rows[i].hash;
        *len = hash_rows[i].len;
        return STATUS_SUCCESS;
    }
    WARN("hash %s not supported\n", debugstr_w(name));
    return STATUS_NOT_SUPPORTED;
}

static const BCRYPT_RSAKEY_BLOB *key_header(const struct key *key)
{
    return (const BCRYPT_RSAKEY_BLOB *)key->asym->blob;
}

static ULONG modulus_len(const struct key *key)
{
    return key_header(key)->cbModulus;
}

static void *heap_alloc(SIZE_T len) { return HeapAlloc(GetProcessHeap(), 0, len); }

static void heap_free_wiped(void *ptr, SIZE_T len)
{
    if (!ptr) return;
    secure_wipe(ptr, len);
    HeapFree(GetProcessHeap(), 0, ptr);
}

/* ---- key lengths and properties ------------------------------------------ */

/* 512..16384 bits in steps of 64 [hypothesis: the KeyLengths Windows reports]. */
static NTSTATUS rsa_check_bits(const struct alg_row *row, ULONG bits)
{
    if (bits < row->key_bits.dwMinLength || bits > row->key_bits.dwMaxLength || bits % row->key_bits.dwIncrement)
        return STATUS_INVALID_PARAMETER;
    return STATUS_SUCCESS;
}

static ULONG padding_schemes(const struct alg_row *row)
{
    ULONG schemes = BCRYPT_SUPPORTED_PAD_PKCS1_SIG | BCRYPT_SUPPORTED_PAD_PSS;
    if (row->operations & BCRYPT_ASYMMETRIC_ENCRYPTION_OPERATION)
        schemes |= BCRYPT_SUPPORTED_PAD_PKCS1_ENC | BCRYPT_SUPPORTED_PAD_OAEP;
    return schemes;
}

static ULONG rsa_read_prop(const struct prop_view *view, const WCHAR *name, UCHAR *value, ULONG value_len)
{
    ULONG number;

    if (!wcscmp(name, BCRYPT_PADDING_SCHEMES))   /* a non-zero DWORD [wine-test]; our schemes [hypothesis] */
        number = padding_schemes(view->row);
    else if (!wcscmp(name, BCRYPT_SIGNATURE_LENGTH) && view->key && view->key->asym->finalized)
        number = modulus_len(view->key);         /* keys only [doc]; modulus bytes [hypothesis] */
    else return 0;
    if (value_len < sizeof(number)) return 0;
    memcpy(value, &number, sizeof(number));
    return sizeof(number);
}

static NTSTATUS rsa_set_prop(struct prop_view *view, const WCHAR *name, const UCHAR *input, ULONG input_len)
{
    ULONG bits;

    if (wcscmp(name, BCRYPT_KEY_LENGTH) || !view->key)
    {
        FIXME("property %s cannot be set on RSA %s\n", debugstr_w(name), view->key ? "keys" : "providers");
        return STATUS_NOT_SUPPORTED;
    }
    if (input_len != sizeof(bits)) return STATUS_INVALID_PARAMETER;   /* cbInput 2 [wine-test] */
    if (view->key->asym->finalized) return STATUS_SUCCESS;            /* ignored after finalizing [wine-test] */
    memcpy(&bits, input, sizeof(bits));
    if (rsa_check_bits(view->row, bits)) return STATUS_INVALID_PARAMETER;
    view->key->asym->bits = bits;
    return STATUS_SUCCESS;
}

/* ---- import ---------------------------------------------------------------- */

static ULONGLONG cng_blob_len(const BCRYPT_RSAKEY_BLOB *h)
{
    ULONGLONG len = HEADER_LEN + (ULONGLONG)h->cbPublicExp + h->cbModulus;
    if (h->Magic != BCRYPT_RSAPUBLIC_MAGIC) len += (ULONGLONG)h->cbPrime1 + h->cbPrime2;
    if (h->Magic == BCRYPT_RSAFULLPRIVATE_MAGIC) len += 2 * (ULONGLONG)h->cbPrime1 + h->cbPrime2 + h->cbModulus;
    return len;
}

/*
 * CNG blobs: a header that does not fit -> INVALID_PARAMETER [wine-impl]; a magic
 * the blob type does not allow -> INVALID_PARAMETER [hypothesis, as for ECC blobs
 * [wine-test]]; a length that differs from the header's -> NTE_BAD_DATA [wine-test].
 */
static NTSTATUS import_cng(struct key *key, BOOL public, BOOL private, const UCHAR *input, ULONG input_len)
{
    const BCRYPT_RSAKEY_BLOB *h = (const BCRYPT_RSAKEY_BLOB *)input;
    BCRYPT_RSAKEY_BLOB header;
    UCHAR *copy;
    NTSTATUS status;

    if (input_len < HEADER_LEN) return STATUS_INVALID_PARAMETER;
    if (h->Magic == BCRYPT_RSAPUBLIC_MAGIC ? !public
        : (h->Magic != BCRYPT_RSAPRIVATE_MAGIC && h->Magic != BCRYPT_RSAFULLPRIVATE_MAGIC) || !private)
        return STATUS_INVALID_PARAMETER;
    if (cng_blob_len(h) != input_len) return NTE_BAD_DATA;
    if (h->Magic != BCRYPT_RSAPUBLIC_MAGIC || !h->cbPrime1 || !h->cbPrime2)
        return asym_set_blob(key, input, input_len);

    /* a public blob may carry prime lengths; the canonical one has none */
    if (!(copy = heap_alloc(input_len))) return STATUS_NO_MEMORY;
    memcpy(copy, input, input_len);
    header = *h;
    header.cbPrime1 = header.cbPrime2 = 0;
    memcpy(copy, &header, sizeof(header));
    status = asym_set_blob(key, copy, input_len);
    HeapFree(GetProcessHeap(), 0, copy);
    return status;
}

/* CryptoAPI blobs: BLOBHEADER + RSAPUBKEY + little-endian numbers (reference §5.9). */
struct capi_header
{
    BLOBHEADER blob;
    RSAPUBKEY rsa;
};

static void reverse_copy(UCHAR *dst, const UCHAR *src, ULONG len)
{
    ULONG i;
    for (i = 0; i < len; i++) dst[i] = src[len - 1 - i];
}

/* pubexp as a minimal big-endian number */
static ULONG put_exponent(UCHAR *dst, DWORD exp)
{
    ULONG len = exp > 0xffffff ? 4 : exp > 0xffff ? 3 : exp > 0xff ? 2 : 1, i;
    for (i = 0; i < len; i++) dst[i] = exp >> (8 * (len - 1 - i));
    return len;
}

/*
 * Header fields: type, version 2, reserved 0 and magic must match, else
 * NTE_BAD_DATA, as a wrong length is [wine-impl; reference §5.9 for CryptImportKey].
 * The private layout is n, p, q, dp, dq, qinv (bitlen/16 each), d; all converted
 * to the canonical big-endian order.
 */
static NTSTATUS import_capi(struct key *key, BOOL private, const UCHAR *input, ULONG input_len)
{
    const struct capi_header *h = (const struct capi_header *)input;
    static const ULONG field_units[] = { 2, 1, 1, 1, 1, 1, 2 };   /* in bitlen/16 units: n p q dp dq qinv d */
    BCRYPT_RSAKEY_BLOB *out;
    ULONG bits, unit, len, pos, i, fields = private ? ARRAYSIZE(field_units) : 1;
    UCHAR *blob, *dst;
    NTSTATUS status;

    if (input_len < sizeof(*h)) return NTE_BAD_DATA;
    bits = h->rsa.bitlen;
    if (h->blob.bType != (private ? PRIVATEKEYBLOB : PUBLICKEYBLOB) || h->blob.bVersion != CUR_BLOB_VERSION
        || h->blob.reserved || h->rsa.magic != (private ? BCRYPT_RSAPRIVATE_MAGIC : BCRYPT_RSAPUBLIC_MAGIC)
        || !bits || bits > 16384 || bits % 16 || !h->rsa.pubexp)
        return NTE_BAD_DATA;
    unit = bits / 16;
    len = sizeof(*h) + (private ? unit * 9 : unit * 2);
    if (input_len != len) return NTE_BAD_DATA;

    len = HEADER_LEN + 4 + unit * (private ? 9 : 2);
    if (!(blob = heap_alloc(len))) return STATUS_NO_MEMORY;
    out = (BCRYPT_RSAKEY_BLOB *)blob;
    out->Magic = private ? BCRYPT_RSAFULLPRIVATE_MAGIC : BCRYPT_RSAPUBLIC_MAGIC;
    out->BitLength = bits;
    out->cbPublicExp = put_exponent(blob + HEADER_LEN, h->rsa.pubexp);
    out->cbModulus = bits / 8;
    out->cbPrime1 = out->cbPrime2 = private ? unit : 0;
    dst = blob + HEADER_LEN + out->cbPublicExp;
    for (i = 0, pos = sizeof(*h); i < fields; i++)
    {
        reverse_copy(dst, input + pos, field_units[i] * unit);
        dst += field_units[i] * unit;
        pos += field_units[i] * unit;
    }
    status = asym_set_blob(key, blob, dst - blob);
    heap_free_wiped(blob, len);
    return status;
}

static NTSTATUS rsa_import(struct key *key, const WCHAR *type, const UCHAR *input, ULONG input_len)
{
    if (!wcscmp(type, BCRYPT_RSAPUBLIC_BLOB)) return import_cng(key, TRUE, FALSE, input, input_len);
    if (!wcscmp(type, BCRYPT_RSAPRIVATE_BLOB) || !wcscmp(type, BCRYPT_RSAFULLPRIVATE_BLOB)
        || !wcscmp(type, BCRYPT_PRIVATE_KEY_BLOB))
        return import_cng(key, FALSE, TRUE, input, input_len);
    if (!wcscmp(type, BCRYPT_PUBLIC_KEY_BLOB))   /* resolved by magic [wine-test] */
        return import_cng(key, TRUE, FALSE, input, input_len);
    if (!wcscmp(type, LEGACY_RSAPUBLIC_BLOB)) return import_capi(key, FALSE, input, input_len);
    if (!wcscmp(type, LEGACY_RSAPRIVATE_BLOB)) return import_capi(key, TRUE, input, input_len);
    FIXME("blob type %s not supported for RSA\n", debugstr_w(type));
    return STATUS_NOT_SUPPORTED;
}

/* ---- export ---------------------------------------------------------------- */

enum blob_kind { BLOB_PUBLIC, BLOB_PRIVATE, BLOB_FULL, BLOB_CAPI_PUBLIC, BLOB_CAPI_PRIVATE, BLOB_NONE };

static enum blob_kind blob_kind(const WCHAR *type)
{
    static const struct { const WCHAR *name; enum blob_kind kind; } rows[] =
    {
        { BCRYPT_RSAPUBLIC_BLOB,      BLOB_PUBLIC },
        { BCRYPT_PUBLIC_KEY_BLOB,     BLOB_PUBLIC },
        { BCRYPT_RSAPRIVATE_BLOB,     BLOB_PRIVATE },
        { BCRYPT_PRIVATE_KEY_BLOB,    BLOB_PRIVATE },     /* [hypothesis] */
        { BCRYPT_RSAFULLPRIVATE_BLOB, BLOB_FULL },
        { LEGACY_RSAPUBLIC_BLOB,      BLOB_CAPI_PUBLIC },
        { LEGACY_RSAPRIVATE_BLOB,     BLOB_CAPI_PRIVATE },
    };
    SIZE_T i;

    for (i = 0; i < ARRAYSIZE(rows); i++) if (!wcscmp(rows[i].name, type)) return rows[i].kind;
    return BLOB_NONE;
}

/* The canonical blob's numbers, big-endian, by position. */
struct rsa_fields { const UCHAR *e, *n, *p, *q, *dp, *dq, *qinv, *d; };

static void key_fields(const struct key *key, struct rsa_fields *f)
{
    const BCRYPT_RSAKEY_BLOB *h = key_header(key);
    const UCHAR *pos = key->asym->blob + HEADER_LEN;

    f->e = pos;    pos += h->cbPublicExp;
    f->n = pos;    pos += h->cbModulus;
    f->p = pos;    pos += h->cbPrime1;
    f->q = pos;    pos += h->cbPrime2;
    f->dp = pos;   pos += h->cbPrime1;
    f->dq = pos;   pos += h->cbPrime2;
    f->qinv = pos; pos += h->cbPrime1;
    f->d = pos;
}

/* A big-endian number into a little-endian field of len bytes; FALSE if it does not fit. */
static BOOL put_le(UCHAR *dst, const UCHAR *src, ULONG src_len, ULONG len)
{
    ULONG skip = 0;

    while (skip < src_len && !src[skip]) skip++;
    if (src_len - skip > len) return FALSE;
    memset(dst, 0, len);
    reverse_copy(dst, src + skip, src_len - skip);
    return TRUE;
}

/* CAPI blobs need pubexp in a DWORD and every prime value in bitlen/16 bytes. */
static ULONG capi_size(const struct key *key, BOOL private, DWORD *pubexp)
{
    const BCRYPT_RSAKEY_BLOB *h = key_header(key);
    struct rsa_fields f;
    ULONG i;

    key_fields(key, &f);
    for (i = 0, *pubexp = 0; i < h->cbPublicExp; i++)
    {
        if (*pubexp >> 24) return 0;
        *pubexp = (*pubexp << 8) | f.e[i];
    }
    if (h->BitLength % 16) return 0;
    return sizeof(struct capi_header) + h->BitLength / 16 * (private ? 9 : 2);
}

static NTSTATUS write_capi(const struct key *key, BOOL private, DWORD pubexp, UCHAR *output)
{
    const BCRYPT_RSAKEY_BLOB *h = key_header(key);
    struct capi_header *out = (struct capi_header *)output;
    ULONG unit = h->BitLength / 16;
    struct rsa_fields f;
    UCHAR *dst = output + sizeof(*out);

    key_fields(key, &f);
    out->blob.bType = private ? PRIVATEKEYBLOB : PUBLICKEYBLOB;
    out->blob.bVersion = CUR_BLOB_VERSION;
    out->blob.reserved = 0;
    /* key exchange for RSA, signature for RSA_SIGN [hypothesis] */
    out->blob.aiKeyAlg = key->alg->row->operations & BCRYPT_ASYMMETRIC_ENCRYPTION_OPERATION ? CALG_RSA_KEYX : CALG_RSA_SIGN;
    out->rsa.magic = private ? BCRYPT_RSAPRIVATE_MAGIC : BCRYPT_RSAPUBLIC_MAGIC;
    out->rsa.bitlen = h->BitLength;
    out->rsa.pubexp = pubexp;
    if (!put_le(dst, f.n, h->cbModulus, unit * 2)) return STATUS_INTERNAL_ERROR;
    if (!private) return STATUS_SUCCESS;
    dst += unit * 2;
    if (put_le(dst, f.p, h->cbPrime1, unit) && put_le(dst + unit, f.q, h->cbPrime2, unit)
        && put_le(dst + unit * 2, f.dp, h->cbPrime1, unit) && put_le(dst + unit * 3, f.dq, h->cbPrime2, unit)
        && put_le(dst + unit * 4, f.qinv, h->cbPrime1, unit) && put_le(dst + unit * 5, f.d, h->cbModulus, unit * 2))
        return STATUS_SUCCESS;
    return STATUS_NOT_SUPPORTED;   /* unbalanced primes have no CAPI form [hypothesis] */
}

static NTSTATUS rsa_export(struct key *key, const WCHAR *type, UCHAR *output, ULONG output_len, ULONG *result)
{
    const BCRYPT_RSAKEY_BLOB *h = key_header(key);
    enum blob_kind kind = blob_kind(type);
    BCRYPT_RSAKEY_BLOB header = *h;
    ULONG size = 0;
    DWORD pubexp = 0;
    NTSTATUS status;

    if (kind == BLOB_NONE)
    {
        FIXME("blob type %s not supported for RSA\n", debugstr_w(type));
        return STATUS_NOT_SUPPORTED;
    }
    if (kind != BLOB_PUBLIC && kind != BLOB_CAPI_PUBLIC && !key->asym->has_private)
        return STATUS_INVALID_PARAMETER;   /* [wine-test] */
    switch (kind)
    {
    case BLOB_PUBLIC:  size = HEADER_LEN + h->cbPublicExp + h->cbModulus; break;
    case BLOB_PRIVATE: size = HEADER_LEN + h->cbPublicExp + h->cbModulus + h->cbPrime1 + h->cbPrime2; break;
    case BLOB_FULL:    size = key->asym->blob_len; break;
    default:
        if (!(size = capi_size(key, kind == BLOB_CAPI_PRIVATE, &pubexp))) return STATUS_NOT_SUPPORTED;  /* [hypothesis] */
        break;
    }
    *result = size;
    if (!output) return STATUS_SUCCESS;
    if (output_len < size) return STATUS_BUFFER_TOO_SMALL;

    switch (kind)
    {
    case BLOB_PUBLIC:
    case BLOB_PRIVATE:
        header.Magic = kind == BLOB_PUBLIC ? BCRYPT_RSAPUBLIC_MAGIC : BCRYPT_RSAPRIVATE_MAGIC;
        if (kind == BLOB_PUBLIC) header.cbPrime1 = header.cbPrime2 = 0;   /* [wine-test] */
        memcpy(output, &header, HEADER_LEN);
        memcpy(output + HEADER_LEN, key->asym->blob + HEADER_LEN, size - HEADER_LEN);
        return STATUS_SUCCESS;
    case BLOB_FULL:
        memcpy(output, key->asym->blob, size);
        return STATUS_SUCCESS;
    default:
        status = write_capi(key, kind == BLOB_CAPI_PRIVATE, pubexp, output);
        if (status) secure_wipe(output, size);
        return status;
    }
}

/* ---- signatures ------------------------------------------------------------ */

struct sig_padding
{
    enum bridge_padding padding;
    enum bridge_hash hash;
    ULONG hash_len;              /* 0: no digest named */
    ULONG salt_len;
    BOOL optional_oid;           /* verify: accept a PKCS#1 signature without DigestInfo too */
};

/*
 * No inference for RSA: padding info NULL or flags 0 -> INVALID_PARAMETER;
 * pszAlgId naming no digest (AES) -> NOT_SUPPORTED [wine-test].  PSS needs a
 * digest [hypothesis]; PKCS#1 without one signs the digest as it is (pszAlgId
 * NULL: a DigestInfo signature then fails as INVALID_SIGNATURE [wine-test]).
 */
static NTSTATUS sig_padding(void *info, ULONG flags, BOOL verify, struct sig_padding *out)
{
    NTSTATUS status;

    memset(out, 0, sizeof(*out));
    if (!info) return STATUS_INVALID_PARAMETER;
    if (verify && flags == (BCRYPT_PAD_PKCS1 | BCRYPT_PAD_PKCS1_OPTIONAL_HASH_OID))
    {
        out->optional_oid = TRUE;
        flags = BCRYPT_PAD_PKCS1;
    }
    if (flags == BCRYPT_PAD_PKCS1)
    {
        out->padding = BRIDGE_PAD_PKCS1;
        return hash_lookup(((BCRYPT_PKCS1_PADDING_INFO *)info)->pszAlgId, &out->hash, &out->hash_len);
    }
    if (flags != BCRYPT_PAD_PSS) return STATUS_INVALID_PARAMETER;
    out->padding = BRIDGE_PAD_PSS;
    out->salt_len = ((BCRYPT_PSS_PADDING_INFO *)info)->cbSalt;
    if ((status = hash_lookup(((BCRYPT_PSS_PADDING_INFO *)info)->pszAlgId, &out->hash, &out->hash_len))) return status;
    return out->hash_len ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
}

static void sig_params(struct key *key, const struct sig_padding *pad, const UCHAR *hash, ULONG hash_len,
                       struct asym_sign_params *params)
{
    memset(params, 0, sizeof(*params));
    params->asym = BRIDGE_ASYM_RSA;
    params->padding = pad->padding;
    params->hash = pad->hash;
    params->salt_len = pad->salt_len;
    params->key = BRIDGE_PTR(key->asym->blob);
    params->key_len = key->asym->blob_len;
    params->digest = BRIDGE_PTR(hash);
    params->digest_len = hash_len;
}

/*
 * Order: padding rules, size query (works with a public key, even with no
 * hash [wine-test]), signing with a public key -> INVALID_PARAMETER [wine-test],
 * short output -> BUFFER_TOO_SMALL [wine-test], then the digest length
 * [hypothesis: a length other than the named digest's -> INVALID_PARAMETER].
 */
static NTSTATUS rsa_sign(struct key *key, void *padding_info, const UCHAR *hash, ULONG hash_len,
                         UCHAR *signature, ULONG signature_len, ULONG *result, ULONG flags)
{
    struct asym_sign_params params;
    struct sig_padding pad;
    NTSTATUS status;

    if ((status = sig_padding(padding_info, flags, FALSE, &pad))) return status;
    if (!signature)
    {
        *result = modulus_len(key);
        return STATUS_SUCCESS;
    }
    if (!key->asym->has_private) return STATUS_INVALID_PARAMETER;
    if (signature_len < modulus_len(key))
    {
        *result = modulus_len(key);
        return STATUS_BUFFER_TOO_SMALL;
    }
    if (!hash || !hash_len || (pad.hash_len && hash_len != pad.hash_len)) return STATUS_INVALID_PARAMETER;

    sig_params(key, &pad, hash, hash_len, &params);
    params.signature = BRIDGE_PTR(signature);
    params.signature_len = signature_len;
    if (!(status = bridge_call(BRIDGE_ASYM_SIGN, &params))) *result = params.signature_len;
    return status;
}

static NTSTATUS rsa_verify(struct key *key, void *padding_info, const UCHAR *hash, ULONG hash_len,
                           const UCHAR *signature, ULONG signature_len, ULONG flags)
{
    struct asym_sign_params params;
    struct sig_padding pad;
    NTSTATUS status;

    if ((status = sig_padding(padding_info, flags, TRUE, &pad))) return status;
    if (pad.hash_len && hash_len != pad.hash_len) return STATUS_INVALID_PARAMETER;   /* [hypothesis] */
    if (signature_len != modulus_len(key)) return STATUS_INVALID_SIGNATURE;          /* [hypothesis] */

    sig_params(key, &pad, hash, hash_len, &params);
    params.signature = BRIDGE_PTR(signature);
    params.signature_len = signature_len;
    status = bridge_call(BRIDGE_ASYM_VERIFY, &params);
    if (status == STATUS_INVALID_SIGNATURE && pad.optional_oid && pad.hash != BRIDGE_HASH_NONE)
    {
        params.hash = BRIDGE_HASH_NONE;
        status = bridge_call(BRIDGE_ASYM_VERIFY, &params);
    }
    return status;
}

/* ---- encryption ------------------------------------------------------------ */

/*
 * Flags name exactly one padding (else INVALID_PARAMETER [hypothesis]).  Size
 * queries (output NULL) answer the modulus length when encrypting [wine-test]
 * and the real plaintext length when decrypting with PKCS#1/OAEP [wine-test].
 * PAD_NONE needs input of the modulus length [wine-test]; decryption needs the
 * private key and a modulus-length input, and a bad padding is INVALID_PARAMETER
 * [hypothesis: what .NET users report as "The parameter is incorrect"].
 */
static NTSTATUS rsa_crypt(struct key *key, BOOL encrypt, const UCHAR *input, ULONG input_len, void *padding_info,
                          UCHAR *output, ULONG output_len, ULONG *result, ULONG flags)
{
    BCRYPT_OAEP_PADDING_INFO *oaep = padding_info;
    struct asym_crypt_params params;
    ULONG k = modulus_len(key), hash_len;
    enum bridge_hash hash = BRIDGE_HASH_NONE;
    NTSTATUS status;

    if (!(key->alg->row->operations & BCRYPT_ASYMMETRIC_ENCRYPTION_OPERATION)) return STATUS_NOT_SUPPORTED;  /* RSA_SIGN [hypothesis] */
    if (!result) return STATUS_INVALID_PARAMETER;
    memset(&params, 0, sizeof(params));
    switch (flags)
    {
    case BCRYPT_PAD_NONE:  params.padding = BRIDGE_PAD_NONE; break;
    case BCRYPT_PAD_PKCS1: params.padding = BRIDGE_PAD_PKCS1; break;
    case BCRYPT_PAD_OAEP:
        if (!oaep || !oaep->pszAlgId || (oaep->cbLabel && !oaep->pbLabel)) return STATUS_INVALID_PARAMETER;
        if ((status = hash_lookup(oaep->pszAlgId, &hash, &hash_len))) return status;
        params.padding = BRIDGE_PAD_OAEP;
        params.label = BRIDGE_PTR(oaep->pbLabel);
        params.label_len = oaep->cbLabel;
        break;
    default:
        WARN("flags %#lx\n", flags);
        return STATUS_INVALID_PARAMETER;
    }
    if (input_len && !input) return STATUS_INVALID_PARAMETER;

    if (encrypt || params.padding == BRIDGE_PAD_NONE)
    {
        *result = k;
        if (!output) return STATUS_SUCCESS;
    }
    if (!encrypt && (!key->asym->has_private || input_len != k)) return STATUS_INVALID_PARAMETER;
    if (params.padding == BRIDGE_PAD_NONE && input_len != k) return STATUS_INVALID_PARAMETER;
    if ((encrypt || params.padding == BRIDGE_PAD_NONE) && output_len < k) return STATUS_BUFFER_TOO_SMALL;

    params.asym = BRIDGE_ASYM_RSA;
    params.hash = hash;
    params.encrypt = encrypt;
    params.key = BRIDGE_PTR(key->asym->blob);
    params.key_len = key->asym->blob_len;
    params.input = BRIDGE_PTR(input);
    params.input_len = input_len;
    params.output = BRIDGE_PTR(output);
    params.output_len = output ? output_len : 0;
    status = bridge_call(BRIDGE_ASYM_CRYPT, &params);
    if (!status || status == STATUS_BUFFER_TOO_SMALL) *result = params.output_len;
    if (status == STATUS_BUFFER_TOO_SMALL && !output) status = STATUS_SUCCESS;   /* decrypt size query */
    return status;
}

const struct asym_family rsa_family =
{
    rsa_check_bits,
    rsa_import,
    rsa_export,
    rsa_sign,
    rsa_verify,
    rsa_crypt,
    rsa_read_prop,
    rsa_set_prop,
};
