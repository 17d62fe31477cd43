/*
 * Diffie-Hellman keys for the asymmetric family table.  The canonical blob is
 * CNG's BCRYPT_DH_KEY_BLOB {magic, cbKey} + p, g, y [+ x], cbKey bytes each,
 * big-endian; this file checks imports, writes exports and handles the
 * DHParameters property.  Agreement itself is asym.c's (BRIDGE_ASYM_AGREE);
 * DH keys neither sign nor encrypt, so those entries stay NULL and asym.c
 * answers STATUS_NOT_SUPPORTED [wine-test].
 */
#include <wchar.h>
#include "bcrypt_private.h"

DEFAULT_DEBUG_CHANNEL(bcrypt);

#define DH_MIN_BYTES 64    /* 512 bits [wine-test: 256 refused] */
#define DH_MAX_BYTES 512   /* 4096 bits, the row's KeyLengths */

static NTSTATUS dh_check_bits(const struct alg_row *row, ULONG bits)
{
    /* < 512 -> INVALID_PARAMETER [wine-test]; above the maximum or off the 64-bit step too [hypothesis] */
    if (bits < DH_MIN_BYTES * 8 || bits > DH_MAX_BYTES * 8 || bits % 64) return STATUS_INVALID_PARAMETER;
    return STATUS_SUCCESS;
}

static BOOL all_zero(const UCHAR *data, ULONG len)
{
    while (len--) if (*data++) return FALSE;
    return TRUE;
}

/*
 * The blob must be exactly header + 3 (public) or 4 (private) numbers
 * [wine-test: a longer buffer is INVALID_PARAMETER], its magic of the type's
 * kind, and a private blob must carry y [hypothesis: a third-party test on
 * Windows saw INVALID_PARAMETER for y left zero; the bridge checks y = g^x].
 */
static NTSTATUS dh_import(struct key *key, const WCHAR *type, const UCHAR *input, ULONG input_len)
{
    const BCRYPT_DH_KEY_BLOB *hdr = (const BCRYPT_DH_KEY_BLOB *)input;
    BOOL private;

    if (!wcscmp(type, BCRYPT_DH_PUBLIC_BLOB) || !wcscmp(type, BCRYPT_PUBLIC_KEY_BLOB)) private = FALSE;
    else if (!wcscmp(type, BCRYPT_DH_PRIVATE_BLOB) || !wcscmp(type, BCRYPT_PRIVATE_KEY_BLOB)) private = TRUE;
    else
    {
        FIXME("blob type %s not supported\n", debugstr_w(type));
        return STATUS_NOT_SUPPORTED;
    }
    if (input_len < sizeof(*hdr)) return STATUS_INVALID_PARAMETER;
    if (hdr->dwMagic != (private ? BCRYPT_DH_PRIVATE_MAGIC : BCRYPT_DH_PUBLIC_MAGIC)) return STATUS_INVALID_PARAMETER;
    if (hdr->cbKey < DH_MIN_BYTES || hdr->cbKey > DH_MAX_BYTES || hdr->cbKey % 8) return STATUS_INVALID_PARAMETER;
    if (input_len != sizeof(*hdr) + hdr->cbKey * (private ? 4 : 3)) return STATUS_INVALID_PARAMETER;
    if (all_zero(input + sizeof(*hdr) + 2 * hdr->cbKey, hdr->cbKey)) return STATUS_INVALID_PARAMETER;
    return asym_set_blob(key, input, input_len);
}

static NTSTATUS dh_export(struct key *key, const WCHAR *type, UCHAR *output, ULONG output_len, ULONG *result)
{
    ULONG cb_key = ((const BCRYPT_DH_KEY_BLOB *)key->asym->blob)->cbKey, size;
    BOOL private;

    if (!wcscmp(type, BCRYPT_DH_PUBLIC_BLOB) || !wcscmp(type, BCRYPT_PUBLIC_KEY_BLOB)) private = FALSE;
    else if (!wcscmp(type, BCRYPT_DH_PRIVATE_BLOB) || !wcscmp(type, BCRYPT_PRIVATE_KEY_BLOB)) private = TRUE;
    else
    {
        FIXME("blob type %s not supported\n", debugstr_w(type));
        return STATUS_NOT_SUPPORTED;
    }
    if (private && !key->asym->has_private) return STATUS_INVALID_PARAMETER;   /* hypothesis, as for DSA [wine-test] */
    size = sizeof(BCRYPT_DH_KEY_BLOB) + cb_key * (private ? 4 : 3);
    *result = size;   /* size query with no buffer; BUFFER_TOO_SMALL when short [doc] */
    if (!output) return STATUS_SUCCESS;
    if (output_len < size) return STATUS_BUFFER_TOO_SMALL;
    memcpy(output, key->asym->blob, size);
    ((BCRYPT_DH_KEY_BLOB *)output)->dwMagic = private ? BCRYPT_DH_PRIVATE_MAGIC : BCRYPT_DH_PUBLIC_MAGIC;
    return STATUS_SUCCESS;
}

/* {cbLength, BCRYPT_DH_PARAMETERS_MAGIC, cbKeyLength} + p + g of a finalized key [wine-test]. */
static ULONG dh_read_prop(const struct prop_view *view, const WCHAR *name, UCHAR *value, ULONG value_len)
{
    BCRYPT_DH_PARAMETER_HEADER *hdr = (BCRYPT_DH_PARAMETER_HEADER *)value;
    const BCRYPT_DH_KEY_BLOB *blob;
    ULONG size;

    if (wcscmp(name, BCRYPT_DH_PARAMETERS) || !view->key || !view->key->asym) return 0;
    if (!view->key->asym->finalized) return (ULONG)STATUS_INVALID_HANDLE;   /* [wine-test] */
    blob = (const BCRYPT_DH_KEY_BLOB *)view->key->asym->blob;
    size = sizeof(*hdr) + 2 * blob->cbKey;
    if (size > value_len) return 0;
    hdr->cbLength = size;
    hdr->dwMagic = BCRYPT_DH_PARAMETERS_MAGIC;
    hdr->cbKeyLength = blob->cbKey;
    memcpy(hdr + 1, blob + 1, 2 * blob->cbKey);
    return size;
}

/*
 * DHParameters "can only be set and must be set for the key before the key is
 * completed" [doc]; the header must match the key's length [wine-test layout].
 * Provider handles: NOT_SUPPORTED [hypothesis: third-party measurement on Windows].
 */
static NTSTATUS dh_set_prop(struct prop_view *view, const WCHAR *name, const UCHAR *input, ULONG input_len)
{
    const BCRYPT_DH_PARAMETER_HEADER *hdr = (const BCRYPT_DH_PARAMETER_HEADER *)input;
    struct asym_key *asym;

    if (wcscmp(name, BCRYPT_DH_PARAMETERS) || !view->key || !view->key->asym) return STATUS_NOT_SUPPORTED;
    asym = view->key->asym;
    if (asym->finalized) return STATUS_INVALID_HANDLE;   /* hypothesis */
    if (input_len < sizeof(*hdr) || hdr->cbLength != input_len || hdr->dwMagic != BCRYPT_DH_PARAMETERS_MAGIC
        || hdr->cbKeyLength > DH_MAX_BYTES || hdr->cbKeyLength * 8 != asym->bits || input_len != sizeof(*hdr) + 2 * hdr->cbKeyLength)
        return STATUS_INVALID_PARAMETER;
    return asym_key_set_params(asym, input, input_len);
}

const struct asym_family dh_family =
{
    .check_bits = dh_check_bits,
    .import     = dh_import,
    .export     = dh_export,
    .read_prop  = dh_read_prop,
    .set_prop   = dh_set_prop,
};
