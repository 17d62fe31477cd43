/*
 * ECDSA and ECDH keys: the ecc_family row (asym.c does the common part).
 *
 * The supported curves are NIST P-256, P-384 and P-521, whether fixed by the
 * algorithm (ECDSA_P256 ...) or chosen with BCRYPT_ECC_CURVE_NAME on a generic
 * ECDSA/ECDH provider or on a key before FinalizeKeyPair.  Keys are
 * BCRYPT_ECCKEY_BLOBs: {dwMagic, cbKey} then X, Y [, d], big-endian.
 * Sources: [wine-test] Wine's dlls/bcrypt/tests; [win-re] reading of the
 * Windows primitives provider (observable statuses only); [hypothesis] ours.
 */
#include <wchar.h>
#include "bcrypt_private.h"

DEFAULT_DEBUG_CHANNEL(bcrypt);

#ifndef BCRYPT_ECC_CURVE_NAME
#define BCRYPT_ECC_CURVE_NAME L"ECCCurveName"
#endif
#ifndef BCRYPT_ECC_PARAMETERS
#define BCRYPT_ECC_PARAMETERS L"ECCParameters"
#endif
#ifndef BCRYPT_PUBLIC_KEY_LENGTH
#define BCRYPT_PUBLIC_KEY_LENGTH L"PublicKeyLength"
#endif
#ifndef BCRYPT_ECCFULLPUBLIC_BLOB
#define BCRYPT_ECCFULLPUBLIC_BLOB L"ECCFULLPUBLICBLOB"
#define BCRYPT_ECCFULLPRIVATE_BLOB L"ECCFULLPRIVATEBLOB"
#endif

#define PRIVATE_MAGIC(pub) ((pub) + 0x01000000)   /* "ECS1" -> "ECS2", "ECK1" -> "ECK2" ... */

struct curve_info
{
    enum bridge_curve id;
    ULONG len;                 /* cbKey */
    ULONG bits;
    ULONG ecdsa_magic;         /* public magics; the private ones follow */
    ULONG ecdh_magic;
    const WCHAR *names[3];     /* names[0] is what ECCCurveName reports [hypothesis] */
};

/* Names: the bcrypt.h curve identifiers of these three curves [doc]. */
static const struct curve_info curves[] =
{
    { BRIDGE_CURVE_P256, 32, 256, BCRYPT_ECDSA_PUBLIC_P256_MAGIC, BCRYPT_ECDH_PUBLIC_P256_MAGIC,
      { L"nistP256", L"secP256r1", L"x962P256v1" } },
    { BRIDGE_CURVE_P384, 48, 384, BCRYPT_ECDSA_PUBLIC_P384_MAGIC, BCRYPT_ECDH_PUBLIC_P384_MAGIC,
      { L"nistP384", L"secP384r1" } },
    { BRIDGE_CURVE_P521, 66, 521, BCRYPT_ECDSA_PUBLIC_P521_MAGIC, BCRYPT_ECDH_PUBLIC_P521_MAGIC,
      { L"nistP521", L"secP521r1" } },
};

static const struct curve_info *curve_from_id(enum bridge_curve id)
{
    SIZE_T i;
    for (i = 0; i < ARRAYSIZE(curves); i++)
        if (curves[i].id == id) return &curves[i];
    return NULL;
}

/* Any of the twelve named-curve magics, ECDSA or ECDH, public or private. */
static const struct curve_info *curve_from_magic(ULONG magic)
{
    SIZE_T i;
    for (i = 0; i < ARRAYSIZE(curves); i++)
        if (magic == curves[i].ecdsa_magic || magic == PRIVATE_MAGIC(curves[i].ecdsa_magic)
            || magic == curves[i].ecdh_magic || magic == PRIVATE_MAGIC(curves[i].ecdh_magic))
            return &curves[i];
    return NULL;
}

/* cbInput counts bytes; the name may or may not include its NUL within them. */
static const struct curve_info *curve_from_name(const UCHAR *input, ULONG len)
{
    const WCHAR *name = (const WCHAR *)input;
    SIZE_T chars = len / sizeof(WCHAR), i, j, n;

    for (i = 0; i < ARRAYSIZE(curves); i++)
        for (j = 0; j < ARRAYSIZE(curves[i].names) && curves[i].names[j]; j++)
        {
            n = wcslen(curves[i].names[j]);
            if (chars >= n && !wcsncmp(name, curves[i].names[j], n) && (chars == n || !name[n])) return &curves[i];
        }
    return NULL;
}

static BOOL is_ecdh(const struct key *key)
{
    return key->alg->row->asym == BRIDGE_ASYM_ECDH;
}

/* A named-curve key always carries the curve's own magic, also from a generic
 * provider: the provider matches the curve against its named rows [win-re]. */
static ULONG key_magic(const struct key *key, const struct curve_info *c, BOOL private)
{
    ULONG magic = is_ecdh(key) ? c->ecdh_magic : c->ecdsa_magic;
    return private ? PRIVATE_MAGIC(magic) : magic;
}

/* "ECDP", "ECDV", "ECKP", "ECKV": accepted in place of the named magic [win-re]. */
static BOOL is_generic_magic(ULONG magic)
{
    return magic == BCRYPT_ECDSA_PUBLIC_GENERIC_MAGIC || magic == BCRYPT_ECDSA_PRIVATE_GENERIC_MAGIC
        || magic == BCRYPT_ECDH_PUBLIC_GENERIC_MAGIC || magic == BCRYPT_ECDH_PRIVATE_GENERIC_MAGIC;
}

/* ---- blobs ---------------------------------------------------------------------- */

/* PUBLICBLOB/PRIVATEBLOB resolve by magic: a generic magic means explicit curve parameters [win-re]. */
static const struct { const WCHAR *name; BOOL private; BOOL by_magic; } blob_types[] =
{
    { BCRYPT_ECCPUBLIC_BLOB,   FALSE, FALSE },
    { BCRYPT_ECCPRIVATE_BLOB,  TRUE,  FALSE },
    { BCRYPT_PUBLIC_KEY_BLOB,  FALSE, TRUE },
    { BCRYPT_PRIVATE_KEY_BLOB, TRUE,  TRUE },
};

static int blob_type(const WCHAR *type)
{
    SIZE_T i;

    for (i = 0; i < ARRAYSIZE(blob_types); i++)
        if (!wcscmp(type, blob_types[i].name)) return (int)i;
    if (!wcscmp(type, BCRYPT_ECCFULLPUBLIC_BLOB) || !wcscmp(type, BCRYPT_ECCFULLPRIVATE_BLOB))
        FIXME("explicit curve parameters (%s) not supported\n", debugstr_w(type));
    else WARN("blob type %s is not an ECC type\n", debugstr_w(type));
    return -1;
}

/*
 * Import rules [win-re unless marked]: the curve comes from the algorithm or
 * the key, else from a named magic of either family; cbKey must be the
 * curve's; the blob may be longer than X, Y [, d]; its magic must be this
 * family's for the curve and blob type (ECDH magic into ECDSA [wine-test]),
 * or a generic one.  The bridge checks the point and d (asym_set_blob).
 */
static NTSTATUS ecc_import(struct key *key, const WCHAR *type, const UCHAR *input, ULONG input_len)
{
    enum bridge_curve curve = asym_key_curve(key);
    const struct curve_info *c;
    BCRYPT_ECCKEY_BLOB hdr;
    ULONG magic, expect, size;
    NTSTATUS status;
    UCHAR *blob;
    int t;

    if ((t = blob_type(type)) < 0) return STATUS_NOT_SUPPORTED;
    if (input_len < sizeof(magic)) return STATUS_INVALID_PARAMETER;
    memcpy(&magic, input, sizeof(magic));
    if (blob_types[t].by_magic && is_generic_magic(magic))
    {
        FIXME("explicit curve parameters (magic %#lx) not supported\n", magic);
        return STATUS_NOT_SUPPORTED;
    }
    if (curve != BRIDGE_CURVE_NONE) c = curve_from_id(curve);
    else c = curve_from_magic(magic);
    if (!c || input_len < sizeof(hdr)) return STATUS_INVALID_PARAMETER;
    expect = curve != BRIDGE_CURVE_NONE ? key_magic(key, c, blob_types[t].private) : magic;
    memcpy(&hdr, input, sizeof(hdr));
    size = sizeof(hdr) + (blob_types[t].private ? 3 : 2) * c->len;
    if (hdr.cbKey != c->len || input_len < size) return STATUS_INVALID_PARAMETER;
    if (magic != expect && !is_generic_magic(magic)) return STATUS_INVALID_PARAMETER;

    if (!(blob = HeapAlloc(GetProcessHeap(), 0, size))) return STATUS_NO_MEMORY;
    memcpy(blob, input, size);
    key->asym->curve = c->id;   /* the bridge completes the blob on this curve */
    status = asym_set_blob(key, blob, size);
    secure_wipe(blob, size);
    HeapFree(GetProcessHeap(), 0, blob);
    return status;
}

/* Exact sizes; a private blob of a public key is INVALID_PARAMETER [wine-test],
 * after the public size is reported [win-re]. */
static NTSTATUS ecc_export(struct key *key, const WCHAR *type, UCHAR *output, ULONG output_len, ULONG *result)
{
    const struct curve_info *c = curve_from_id(asym_key_curve(key));
    BCRYPT_ECCKEY_BLOB hdr;
    ULONG size;
    int t;

    if ((t = blob_type(type)) < 0) return STATUS_NOT_SUPPORTED;
    if (!c || key->asym->blob_len < sizeof(hdr) + 2 * c->len) return STATUS_INVALID_HANDLE;
    size = sizeof(hdr) + 2 * c->len;
    *result = size;
    if (blob_types[t].private)
    {
        if (!key->asym->has_private) return STATUS_INVALID_PARAMETER;
        size += c->len;
        *result = size;
    }
    if (!output) return STATUS_SUCCESS;
    if (output_len < size) return STATUS_BUFFER_TOO_SMALL;
    hdr.dwMagic = key_magic(key, c, blob_types[t].private);
    hdr.cbKey = c->len;
    memcpy(output, &hdr, sizeof(hdr));
    memcpy(output + sizeof(hdr), key->asym->blob + sizeof(hdr), size - sizeof(hdr));
    return STATUS_SUCCESS;
}

/* ---- ECDSA ---------------------------------------------------------------------- */

/* No padding info; BCRYPT_PAD_PKCS1/PSS bits are tolerated, any other flag is not [win-re]. */
#define ECDSA_FLAGS (BCRYPT_PAD_PKCS1 | BCRYPT_PAD_PSS)

static NTSTATUS ecc_sign(struct key *key, void *padding_info, const UCHAR *hash, ULONG hash_len,
                         UCHAR *signature, ULONG signature_len, ULONG *result, ULONG flags)
{
    const struct curve_info *c = curve_from_id(asym_key_curve(key));

    if (is_ecdh(key)) return STATUS_NOT_SUPPORTED;   /* no signature interface [hypothesis, as DH: wine-test] */
    /* a hash is needed even for the size query [win-re] */
    if (!hash || !hash_len || padding_info || (flags & ~ECDSA_FLAGS)) return STATUS_INVALID_PARAMETER;
    if (!key->asym->has_private) return STATUS_INVALID_PARAMETER;   /* [win-re] */
    if (!c) return STATUS_INVALID_HANDLE;
    *result = 2 * c->len;
    if (!signature) return STATUS_SUCCESS;
    if (signature_len < 2 * c->len) return STATUS_BUFFER_TOO_SMALL;

    *result = signature_len;
    return asym_rs_signature(key, FALSE, hash, hash_len, signature, result);
}

/* Any digest length: a wrong digest is INVALID_SIGNATURE [wine-test]; a
 * signature that is not r || s of the curve's size is INVALID_PARAMETER [win-re]. */
static NTSTATUS ecc_verify(struct key *key, void *padding_info, const UCHAR *hash, ULONG hash_len,
                           const UCHAR *signature, ULONG signature_len, ULONG flags)
{
    const struct curve_info *c = curve_from_id(asym_key_curve(key));

    if (is_ecdh(key)) return STATUS_NOT_SUPPORTED;
    if (padding_info || (flags & ~ECDSA_FLAGS)) return STATUS_INVALID_PARAMETER;
    if (!c) return STATUS_INVALID_HANDLE;
    if (signature_len != 2 * c->len) return STATUS_INVALID_PARAMETER;

    return asym_rs_signature(key, TRUE, hash, hash_len, (UCHAR *)signature, &signature_len);
}

/* ---- properties --------------------------------------------------------------- */

static enum bridge_curve view_curve(const struct prop_view *view)
{
    return view->key ? asym_key_curve(view->key) : view->alg->curve;
}

static ULONG put_ulong(UCHAR *value, ULONG value_len, ULONG n)
{
    if (value_len < sizeof(n)) return 0;
    memcpy(value, &n, sizeof(n));
    return sizeof(n);
}

/* Value size, or 0: not ours (props.c answers, or NOT_SUPPORTED). */
static ULONG ecc_read_prop(const struct prop_view *view, const WCHAR *name, UCHAR *value, ULONG value_len)
{
    const struct curve_info *c = curve_from_id(view_curve(view));

    if (!wcscmp(name, BCRYPT_ECC_CURVE_NAME))
    {
        ULONG size;
        /* no curve yet: Windows answers INVALID_PARAMETER [win-re]; props.c says NOT_SUPPORTED */
        if (!c) return 0;
        size = (wcslen(c->names[0]) + 1) * sizeof(WCHAR);
        if (size > value_len) return 0;
        memcpy(value, c->names[0], size);
        return size;
    }
    if (!wcscmp(name, BCRYPT_KEY_LENGTHS) && !view->key)
    {
        /* a generic provider without a curve spans Windows' curve list [win-re] */
        BCRYPT_KEY_LENGTHS_STRUCT lengths = { 112, 528, 1 };
        if (c) lengths.dwMinLength = lengths.dwMaxLength = c->bits, lengths.dwIncrement = 0;
        if (value_len < sizeof(lengths)) return 0;
        memcpy(value, &lengths, sizeof(lengths));
        return sizeof(lengths);
    }
    if (!view->key || !c) return 0;
    if (!wcscmp(name, BCRYPT_KEY_LENGTH) || !wcscmp(name, BCRYPT_KEY_STRENGTH) || !wcscmp(name, BCRYPT_PUBLIC_KEY_LENGTH))
        return put_ulong(value, value_len, c->bits);   /* also before FinalizeKeyPair [win-re] */
    if (!wcscmp(name, BCRYPT_SIGNATURE_LENGTH) && !is_ecdh(view->key))
        return put_ulong(value, value_len, 2 * c->len);   /* [win-re] */
    return 0;
}

static NTSTATUS set_curve_name(struct prop_view *view, const UCHAR *input, ULONG len)
{
    const struct curve_info *c;

    /* once a curve is set (fixed by the algorithm, set before, or a finalized key) [win-re] */
    if (view_curve(view) != BRIDGE_CURVE_NONE) return STATUS_NOT_SUPPORTED;
    if (len < sizeof(WCHAR)) return STATUS_INVALID_PARAMETER;   /* [hypothesis] */
    if (!(c = curve_from_name(input, len)))
    {
        WCHAR name[64] = {0};
        memcpy(name, input, min(len, sizeof(name) - sizeof(WCHAR)));
        FIXME("curve %s not supported\n", debugstr_w(name));
        return STATUS_NOT_SUPPORTED;   /* [hypothesis] */
    }
    if (view->key) view->key->asym->curve = c->id;
    else view->alg->curve = c->id;
    return STATUS_SUCCESS;
}

/* KeyLength/KeyStrength may be "set" on a key to its curve's length only [win-re]. */
static NTSTATUS set_key_length(struct prop_view *view, const UCHAR *input, ULONG len)
{
    const struct curve_info *c = curve_from_id(view_curve(view));
    ULONG bits;

    if (len != sizeof(bits) || !c) return STATUS_INVALID_PARAMETER;
    memcpy(&bits, input, sizeof(bits));
    return bits == c->bits ? STATUS_SUCCESS : STATUS_NOT_SUPPORTED;
}

static NTSTATUS ecc_set_prop(struct prop_view *view, const WCHAR *name, const UCHAR *input, ULONG input_len)
{
    if (!wcscmp(name, BCRYPT_ECC_CURVE_NAME)) return set_curve_name(view, input, input_len);
    if (view->key && (!wcscmp(name, BCRYPT_KEY_LENGTH) || !wcscmp(name, BCRYPT_KEY_STRENGTH)))
        return set_key_length(view, input, input_len);
    if (!wcscmp(name, BCRYPT_ECC_PARAMETERS)) FIXME("explicit curve parameters not supported\n");
    return STATUS_NOT_SUPPORTED;   /* [win-re] */
}

/* ---- key length for BCryptGenerateKeyPair --------------------------------------- */

/* The curve's length or 0 [win-re].  A generic provider's curve is not visible
 * here: FinalizeKeyPair checks the length against the curve then. */
static NTSTATUS ecc_check_bits(const struct alg_row *row, ULONG bits)
{
    SIZE_T i;

    if (!bits) return STATUS_SUCCESS;
    for (i = 0; i < ARRAYSIZE(curves); i++)
        if (bits == curves[i].bits && (row->curve == BRIDGE_CURVE_NONE || row->curve == curves[i].id))
            return STATUS_SUCCESS;
    return STATUS_INVALID_PARAMETER;
}

const struct asym_family ecc_family =
{
    .check_bits = ecc_check_bits,
    .import     = ecc_import,
    .export     = ecc_export,
    .sign       = ecc_sign,
    .verify     = ecc_verify,
    .read_prop  = ecc_read_prop,
    .set_prop   = ecc_set_prop,
};
