/*
 * DSA keys for the asymmetric family table.  The key's canonical blob is
 * CNG's own BCRYPT_DSA_KEY_BLOB (keys of 512..1024 bits, FIPS 186-2) or
 * BCRYPT_DSA_KEY_BLOB_V2 (2048 and 3072 bits, FIPS 186-3 with SHA-256); this
 * file converts it to and from the other blob types (CryptoAPI's DSS
 * version 2 blobs for dssenh), answers DSAParameters, and checks the
 * argument rules of SignHash/VerifySignature before the bridge signs.
 */
#include <wchar.h>
#include "bcrypt_private.h"

DEFAULT_DEBUG_CHANNEL(bcrypt);

#define DSS1_MAGIC 0x31535344   /* "DSS1": CryptoAPI DSS public key */
#define DSS2_MAGIC 0x32535344   /* "DSS2": CryptoAPI DSS private key */

/* Where the parts of a canonical blob are (the key's blob is always complete). */
struct dsa_view
{
    BOOL v2, private;
    ULONG cb_key, cb_group, cb_seed;
    const UCHAR *count, *seed, *q, *p, *g, *y, *x;
    ULONG public_len;            /* the blob without x */
};

static void dsa_view(const struct key *key, struct dsa_view *v)
{
    const UCHAR *blob = key->asym->blob;
    ULONG magic = *(const ULONG *)blob;

    memset(v, 0, sizeof(*v));
    v->v2 = magic == BCRYPT_DSA_PUBLIC_MAGIC_V2 || magic == BCRYPT_DSA_PRIVATE_MAGIC_V2;
    v->private = key->asym->has_private;
    if (!v->v2)
    {
        const BCRYPT_DSA_KEY_BLOB *hdr = (const BCRYPT_DSA_KEY_BLOB *)blob;
        v->cb_key = hdr->cbKey;
        v->cb_group = v->cb_seed = 20;
        v->count = hdr->Count;
        v->seed = hdr->Seed;
        v->q = hdr->q;
        v->p = blob + sizeof(*hdr);
    }
    else
    {
        const BCRYPT_DSA_KEY_BLOB_V2 *hdr = (const BCRYPT_DSA_KEY_BLOB_V2 *)blob;
        v->cb_key = hdr->cbKey;
        v->cb_group = hdr->cbGroupSize;
        v->cb_seed = hdr->cbSeedLength;
        v->count = hdr->Count;
        v->seed = blob + sizeof(*hdr);
        v->q = v->seed + v->cb_seed;
        v->p = v->q + v->cb_group;
    }
    v->g = v->p + v->cb_key;
    v->y = v->g + v->cb_key;
    v->x = v->private ? v->y + v->cb_key : NULL;
    v->public_len = v->y + v->cb_key - blob;
}

static void reverse_copy(UCHAR *dst, const UCHAR *src, ULONG len)
{
    ULONG i;
    for (i = 0; i < len; i++) dst[i] = src[len - 1 - i];
}

/* Size query and BUFFER_TOO_SMALL, the same for every blob type [doc]: TRUE = write the blob now. */
static BOOL size_ok(ULONG size, UCHAR *output, ULONG output_len, ULONG *result, NTSTATUS *status)
{
    *result = size;
    *status = !output || output_len >= size ? STATUS_SUCCESS : STATUS_BUFFER_TOO_SMALL;
    return output && output_len >= size;
}

static NTSTATUS dsa_check_bits(const struct alg_row *row, ULONG bits)
{
    /* FIPS 186-2 sizes, and the two FIPS 186-3 sizes CNG uses [doc; hypothesis: others rejected here] */
    if ((bits >= 512 && bits <= 1024 && !(bits % 64)) || bits == 2048 || bits == 3072) return STATUS_SUCCESS;
    return STATUS_INVALID_PARAMETER;
}

/* ---- import -------------------------------------------------------------------- */

/* A CNG DSA blob: the magic must be of the type's kind, public or private. */
static NTSTATUS import_cng(struct key *key, const UCHAR *input, ULONG input_len, int want_private)
{
    ULONG magic, cb_key;
    BOOL private, v2;

    if (input_len < sizeof(BCRYPT_DSA_KEY_BLOB_V2)) return STATUS_INVALID_PARAMETER;
    magic = ((const ULONG *)input)[0];
    cb_key = ((const ULONG *)input)[1];
    private = magic == BCRYPT_DSA_PRIVATE_MAGIC || magic == BCRYPT_DSA_PRIVATE_MAGIC_V2;
    v2 = magic == BCRYPT_DSA_PUBLIC_MAGIC_V2 || magic == BCRYPT_DSA_PRIVATE_MAGIC_V2;
    if (!private && !v2 && magic != BCRYPT_DSA_PUBLIC_MAGIC) return STATUS_INVALID_PARAMETER;
    if (want_private != -1 && private != want_private) return STATUS_INVALID_PARAMETER;   /* hypothesis */
    /* V1 covers 512..1024 bits, V2 above [doc] */
    if (cb_key % 8 || (!v2 && (cb_key < 64 || cb_key > 128)) || (v2 && (cb_key <= 128 || cb_key > 384)))
        return STATUS_INVALID_PARAMETER;
    return asym_set_blob(key, input, input_len);   /* the bridge checks sizes, group and seed */
}

/* CryptoAPI DSS version 2 blob [doc: DSS Provider Key BLOBs]: BLOBHEADER, DSSPUBKEY,
 * p, q (20), g, then y (public) or x (20, private), then DSSSEED; numbers little-endian.
 * The seed is little-endian too: reversed against CNG's big-endian Seed [wine-test data,
 * checked against FIPS 186-2]. */
static NTSTATUS import_capi(struct key *key, const UCHAR *input, ULONG input_len, BOOL private)
{
    const BLOBHEADER *hdr = (const BLOBHEADER *)input;
    const DSSPUBKEY *pub = (const DSSPUBKEY *)(hdr + 1);
    const UCHAR *src;
    BCRYPT_DSA_KEY_BLOB *blob;
    ULONG size, blob_len, counter;
    NTSTATUS status;
    UCHAR *dst;

    if (input_len < sizeof(*hdr) + sizeof(*pub)) return STATUS_INVALID_PARAMETER;
    if (hdr->bType != (private ? PRIVATEKEYBLOB : PUBLICKEYBLOB) || hdr->bVersion != 2
        || hdr->aiKeyAlg != CALG_DSS_SIGN || pub->magic != (private ? DSS2_MAGIC : DSS1_MAGIC))
        return STATUS_INVALID_PARAMETER;   /* hypothesis */
    if (pub->bitlen < 512 || pub->bitlen > 1024 || pub->bitlen % 64) return STATUS_INVALID_PARAMETER;
    size = pub->bitlen / 8;
    if (input_len != sizeof(*hdr) + sizeof(*pub) + 2 * size + 20 + (private ? 20 : size) + sizeof(DSSSEED))
        return STATUS_INVALID_PARAMETER;

    blob_len = sizeof(*blob) + 3 * size + (private ? 20 : 0);
    if (!(blob = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, blob_len))) return STATUS_NO_MEMORY;
    blob->dwMagic = private ? BCRYPT_DSA_PRIVATE_MAGIC : BCRYPT_DSA_PUBLIC_MAGIC;
    blob->cbKey = size;
    src = (const UCHAR *)(pub + 1);
    dst = (UCHAR *)(blob + 1);
    reverse_copy(dst, src, size);                          /* p */
    reverse_copy(blob->q, src + size, 20);                 /* q */
    reverse_copy(dst + size, src + size + 20, size);       /* g */
    if (private) reverse_copy(dst + 3 * size, src + 2 * size + 20, 20);   /* x; y stays 0: the bridge makes it */
    else reverse_copy(dst + 2 * size, src + 2 * size + 20, size);         /* y */
    src += 2 * size + 20 + (private ? 20 : size);
    memcpy(&counter, src, sizeof(counter));
    blob->Count[0] = counter >> 24; blob->Count[1] = counter >> 16;
    blob->Count[2] = counter >> 8;  blob->Count[3] = counter;
    reverse_copy(blob->Seed, src + sizeof(counter), 20);
    status = asym_set_blob(key, (UCHAR *)blob, blob_len);
    secure_wipe(blob, blob_len);
    HeapFree(GetProcessHeap(), 0, blob);
    return status;
}

static NTSTATUS dsa_import(struct key *key, const WCHAR *type, const UCHAR *input, ULONG input_len)
{
    if (!wcscmp(type, BCRYPT_DSA_PUBLIC_BLOB) || !wcscmp(type, BCRYPT_PUBLIC_KEY_BLOB))
        return import_cng(key, input, input_len, 0);
    if (!wcscmp(type, BCRYPT_DSA_PRIVATE_BLOB) || !wcscmp(type, BCRYPT_PRIVATE_KEY_BLOB))
        return import_cng(key, input, input_len, 1);
    if (!wcscmp(type, LEGACY_DSA_V2_PUBLIC_BLOB)) return import_capi(key, input, input_len, FALSE);
    if (!wcscmp(type, LEGACY_DSA_V2_PRIVATE_BLOB)) return import_capi(key, input, input_len, TRUE);
    FIXME("blob type %s not supported\n", debugstr_w(type));
    return STATUS_NOT_SUPPORTED;
}

/* ---- export -------------------------------------------------------------------- */

static NTSTATUS export_cng(struct key *key, BOOL private, UCHAR *output, ULONG output_len, ULONG *result)
{
    struct dsa_view v;
    NTSTATUS status;

    dsa_view(key, &v);
    if (private && !v.private) return STATUS_INVALID_PARAMETER;   /* [wine-test] */
    if (!size_ok(private ? key->asym->blob_len : v.public_len, output, output_len, result, &status)) return status;
    memcpy(output, key->asym->blob, *result);
    if (!private && v.private)
        *(ULONG *)output = v.v2 ? BCRYPT_DSA_PUBLIC_MAGIC_V2 : BCRYPT_DSA_PUBLIC_MAGIC;
    return STATUS_SUCCESS;
}

static NTSTATUS export_capi(struct key *key, BOOL private, UCHAR *output, ULONG output_len, ULONG *result)
{
    BLOBHEADER *hdr = (BLOBHEADER *)output;
    DSSPUBKEY *pub = (DSSPUBKEY *)(hdr + 1);
    struct dsa_view v;
    ULONG size, counter;
    NTSTATUS status;
    UCHAR *dst;

    dsa_view(key, &v);
    if (v.v2)
    {
        FIXME("CryptoAPI blobs hold only 160-bit q\n");
        return STATUS_NOT_SUPPORTED;   /* hypothesis */
    }
    if (private && !v.private) return STATUS_INVALID_PARAMETER;
    size = v.cb_key;
    if (!size_ok(sizeof(*hdr) + sizeof(*pub) + 2 * size + 20 + (private ? 20 : size) + sizeof(DSSSEED),
                 output, output_len, result, &status)) return status;
    hdr->bType = private ? PRIVATEKEYBLOB : PUBLICKEYBLOB;
    hdr->bVersion = 2;
    hdr->reserved = 0;
    hdr->aiKeyAlg = CALG_DSS_SIGN;
    pub->magic = private ? DSS2_MAGIC : DSS1_MAGIC;
    pub->bitlen = size * 8;
    dst = (UCHAR *)(pub + 1);
    reverse_copy(dst, v.p, size);
    reverse_copy(dst + size, v.q, 20);
    reverse_copy(dst + size + 20, v.g, size);
    if (private) reverse_copy(dst + 2 * size + 20, v.x, 20);
    else reverse_copy(dst + 2 * size + 20, v.y, size);
    dst += 2 * size + 20 + (private ? 20 : size);
    counter = (ULONG)v.count[0] << 24 | v.count[1] << 16 | v.count[2] << 8 | v.count[3];
    memcpy(dst, &counter, sizeof(counter));
    reverse_copy(dst + sizeof(counter), v.seed, 20);
    return STATUS_SUCCESS;
}

static NTSTATUS dsa_export(struct key *key, const WCHAR *type, UCHAR *output, ULONG output_len, ULONG *result)
{
    if (!wcscmp(type, BCRYPT_DSA_PUBLIC_BLOB) || !wcscmp(type, BCRYPT_PUBLIC_KEY_BLOB))
        return export_cng(key, FALSE, output, output_len, result);
    if (!wcscmp(type, BCRYPT_DSA_PRIVATE_BLOB) || !wcscmp(type, BCRYPT_PRIVATE_KEY_BLOB))
        return export_cng(key, TRUE, output, output_len, result);
    if (!wcscmp(type, LEGACY_DSA_V2_PUBLIC_BLOB)) return export_capi(key, FALSE, output, output_len, result);
    if (!wcscmp(type, LEGACY_DSA_V2_PRIVATE_BLOB)) return export_capi(key, TRUE, output, output_len, result);
    FIXME("blob type %s not supported\n", debugstr_w(type));
    return STATUS_NOT_SUPPORTED;
}

/* ---- signatures ------------------------------------------------------------------ */

/*
 * Padding info is not used (DSA has none).  The digest must be exactly as
 * long as q [hypothesis: .NET's DSACng notes CNG requires it and pads or
 * truncates first; the status is Wine's].  The signature is r || s, q-sized each.
 */
static NTSTATUS dsa_sign(struct key *key, void *padding_info, const UCHAR *hash, ULONG hash_len,
                         UCHAR *signature, ULONG signature_len, ULONG *result, ULONG flags)
{
    struct dsa_view v;

    dsa_view(key, &v);
    if (flags) return STATUS_INVALID_PARAMETER;   /* hypothesis */
    if (!signature)
    {
        *result = 2 * v.cb_group;   /* size query, a public key too [wine-test: RSA] */
        return STATUS_SUCCESS;
    }
    if (hash_len != v.cb_group || !v.private) return STATUS_INVALID_PARAMETER;
    if (signature_len < 2 * v.cb_group)
    {
        *result = 2 * v.cb_group;
        return STATUS_BUFFER_TOO_SMALL;
    }
    *result = signature_len;
    return asym_rs_signature(key, FALSE, hash, hash_len, signature, result);
}

static NTSTATUS dsa_verify(struct key *key, void *padding_info, const UCHAR *hash, ULONG hash_len,
                           const UCHAR *signature, ULONG signature_len, ULONG flags)
{
    struct dsa_view v;

    dsa_view(key, &v);
    if (flags || hash_len != v.cb_group) return STATUS_INVALID_PARAMETER;   /* hypothesis, as for signing */
    if (signature_len != 2 * v.cb_group) return STATUS_INVALID_SIGNATURE;   /* hypothesis */
    return asym_rs_signature(key, TRUE, hash, hash_len, (UCHAR *)signature, &signature_len);
}

/* ---- properties ------------------------------------------------------------------ */

/* BCRYPT_DSA_PARAMETER_HEADER(_V2) + [seed, q] + p + g of a finalized key [doc]. */
static ULONG read_parameters(const struct key *key, UCHAR *value, ULONG value_len)
{
    struct dsa_view v;
    ULONG size;
    UCHAR *dst;

    dsa_view(key, &v);
    if (!v.v2)
    {
        BCRYPT_DSA_PARAMETER_HEADER *hdr = (BCRYPT_DSA_PARAMETER_HEADER *)value;
        size = sizeof(*hdr) + 2 * v.cb_key;
        if (size > value_len) return 0;
        hdr->cbLength = size;
        hdr->dwMagic = BCRYPT_DSA_PARAMETERS_MAGIC;
        hdr->cbKeyLength = v.cb_key;
        memcpy(hdr->Count, v.count, 4);
        memcpy(hdr->Seed, v.seed, 20);
        memcpy(hdr->q, v.q, 20);
        dst = (UCHAR *)(hdr + 1);
    }
    else
    {
        BCRYPT_DSA_PARAMETER_HEADER_V2 *hdr = (BCRYPT_DSA_PARAMETER_HEADER_V2 *)value;
        const BCRYPT_DSA_KEY_BLOB_V2 *blob = (const BCRYPT_DSA_KEY_BLOB_V2 *)key->asym->blob;
        size = sizeof(*hdr) + v.cb_seed + v.cb_group + 2 * v.cb_key;
        if (size > value_len) return 0;
        hdr->cbLength = size;
        hdr->dwMagic = BCRYPT_DSA_PARAMETERS_MAGIC_V2;
        hdr->cbKeyLength = v.cb_key;
        hdr->hashAlgorithm = blob->hashAlgorithm;
        hdr->standardVersion = blob->standardVersion;
        hdr->cbSeedLength = v.cb_seed;
        hdr->cbGroupSize = v.cb_group;
        memcpy(hdr->Count, v.count, 4);
        dst = (UCHAR *)(hdr + 1);
        memcpy(dst, v.seed, v.cb_seed + v.cb_group);   /* seed and q are adjacent */
        dst += v.cb_seed + v.cb_group;
    }
    memcpy(dst, v.p, 2 * v.cb_key);                   /* p and g are adjacent */
    return size;
}

static ULONG dsa_read_prop(const struct prop_view *view, const WCHAR *name, UCHAR *value, ULONG value_len)
{
    struct dsa_view v;

    if (!view->key || !view->key->asym) return 0;
    if (!view->key->asym->finalized)   /* hypothesis: as DH's parameters [wine-test] */
        return wcscmp(name, BCRYPT_DSA_PARAMETERS) ? 0 : (ULONG)STATUS_INVALID_HANDLE;
    if (!wcscmp(name, BCRYPT_DSA_PARAMETERS)) return read_parameters(view->key, value, value_len);
    if (!wcscmp(name, BCRYPT_SIGNATURE_LENGTH))   /* [doc]: r || s */
    {
        dsa_view(view->key, &v);
        *(ULONG *)value = 2 * v.cb_group;
        return sizeof(ULONG);
    }
    return 0;   /* PaddingSchemes among others: NOT_SUPPORTED [wine-test] */
}

/* Checks a parameter blob's header against the key it is set on [doc]. */
static NTSTATUS check_parameters(const struct key *key, const UCHAR *input, ULONG len)
{
    const BCRYPT_DSA_PARAMETER_HEADER_V2 *v2 = (const BCRYPT_DSA_PARAMETER_HEADER_V2 *)input;
    const BCRYPT_DSA_PARAMETER_HEADER *v1 = (const BCRYPT_DSA_PARAMETER_HEADER *)input;

    if (len < sizeof(ULONG) * 3 || v1->cbLength != len || v1->cbKeyLength > 384
        || v1->cbKeyLength * 8 != key->asym->bits)
        return STATUS_INVALID_PARAMETER;
    if (key->asym->bits <= 1024)
        return v1->dwMagic == BCRYPT_DSA_PARAMETERS_MAGIC && len == sizeof(*v1) + 2 * v1->cbKeyLength
               ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
    if (len < sizeof(*v2) || v2->dwMagic != BCRYPT_DSA_PARAMETERS_MAGIC_V2 || v2->cbSeedLength > 64
        || v2->cbGroupSize > 64 || len != sizeof(*v2) + v2->cbSeedLength + v2->cbGroupSize + 2 * v2->cbKeyLength)
        return STATUS_INVALID_PARAMETER;
    return STATUS_SUCCESS;
}

/*
 * DSAParameters "can only be set and must be set for the key before the key is
 * completed" [doc]: keys only [hypothesis: the provider handle answers
 * NOT_SUPPORTED, as a third-party measurement reports for DHParameters].
 * The bridge checks the numbers at FinalizeKeyPair.
 */
static NTSTATUS dsa_set_prop(struct prop_view *view, const WCHAR *name, const UCHAR *input, ULONG input_len)
{
    struct asym_key *asym;
    NTSTATUS status;

    if (wcscmp(name, BCRYPT_DSA_PARAMETERS) || !view->key || !view->key->asym) return STATUS_NOT_SUPPORTED;
    asym = view->key->asym;
    if (asym->finalized) return STATUS_INVALID_HANDLE;   /* hypothesis: like other uses of a key in the wrong state */
    if ((status = check_parameters(view->key, input, input_len))) return status;
    return asym_key_set_params(asym, input, input_len);
}

const struct asym_family dsa_family =
{
    .check_bits = dsa_check_bits,
    .import     = dsa_import,
    .export     = dsa_export,
    .sign       = dsa_sign,
    .verify     = dsa_verify,
    .read_prop  = dsa_read_prop,
    .set_prop   = dsa_set_prop,
};
