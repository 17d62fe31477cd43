/*
 * Symmetric keys: creation, import/export, destruction and duplication.
 * A key is one struct in the caller's object buffer (or our heap block when
 * the caller gives none); its whole cipher state is plain data, so a
 * duplicate is a copy of that struct with nothing shared.
 */
#include "bcrypt_private.h"

DEFAULT_DEBUG_CHANNEL(bcrypt);

struct key *key_from_handle(BCRYPT_KEY_HANDLE handle)
{
    return (struct key *)object_lookup(handle, MAGIC_KEY);
}

/* CFB with a message block of a whole cipher block is full-block CFB; of one byte, CFB-8. */
static BOOL key_full_block_cfb(const struct key *key)
{
    return key->mode == MODE_CFB && key->msg_block_len > 1;
}

/* ECB, CBC and full-block CFB take whole blocks unless padding is asked for. */
BOOL key_whole_blocks(const struct key *key)
{
    return mode_rows[key->mode].whole_blocks || key_full_block_cfb(key);
}

/* A mode change invalidates the expanded schedule, not the key bytes or chain. */
void key_set_mode(struct key *key, enum chain_mode mode, ULONG msg_block_len)
{
    key->mode = mode;
    key->msg_block_len = msg_block_len;
    key->state.mode = key_full_block_cfb(key) ? BRIDGE_MODE_CFB : mode_rows[mode].bridge;
    key->state.scheduled = BRIDGE_SCHEDULE_EMPTY;
}

/* Secret sizes: a valid length for the row, or longer (truncated to the maximum [wine-test: AES 33 -> 32]). */
static NTSTATUS secret_len_check(const struct alg_row *row, ULONG *len)
{
    const BCRYPT_KEY_LENGTHS_STRUCT *bits = &row->key_bits;
    ULONG n = *len * 8;

    if (n > bits->dwMaxLength) n = bits->dwMaxLength;
    if (n < bits->dwMinLength) return STATUS_INVALID_PARAMETER;
    if (bits->dwIncrement ? (n - bits->dwMinLength) % bits->dwIncrement : n != bits->dwMinLength)
        return STATUS_INVALID_PARAMETER;
    *len = n / 8;
    return STATUS_SUCCESS;
}

static NTSTATUS key_register(struct key *key, void *allocation)
{
    key->hdr.magic = MAGIC_KEY;
    key->allocation = allocation;
    if (object_register(&key->hdr)) return STATUS_SUCCESS;
    secure_wipe(key, sizeof(*key));
    if (allocation) HeapFree(GetProcessHeap(), 0, allocation);
    return STATUS_NO_MEMORY;
}

NTSTATUS key_create(struct algorithm *alg, UCHAR *buffer, ULONG buffer_len,
                    const UCHAR *secret, ULONG secret_len, struct key **out)
{
    const struct alg_row *row = alg->row;
    struct key *key;
    void *allocation;
    NTSTATUS status;

    if ((status = secret_len_check(row, &secret_len))) return status;
    if (!(key = object_place(buffer, sizeof(*key), &allocation))) return STATUS_NO_MEMORY;

    key->alg = alg;
    key->secret_len = secret_len;
    key->state.cipher = row->cipher;
    key->state.block_len = row->block_len;
    key->state.effective_bits = alg->effective_bits;
    memcpy(key->state.key, secret, secret_len);
    key->state.key_len = secret_len;
    if (row->cipher == BRIDGE_CIPHER_3DES && secret_len == 16)
    {
        memcpy(key->state.key + 16, secret, 8);   /* 3DES_112: K1 K2 K1 */
        key->state.key_len = 24;
    }
    key_set_mode(key, alg->mode, alg->msg_block_len);
    if ((status = key_register(key, allocation))) return status;
    alg_addref(alg);
    *out = key;
    return STATUS_SUCCESS;
}

/* A copy of a KDF key's secret on our heap (any length, also 0), or NULL. */
static UCHAR *kdf_secret_dup(const UCHAR *secret, ULONG len)
{
    UCHAR *copy = HeapAlloc(GetProcessHeap(), 0, len ? len : 1);
    if (copy) memcpy(copy, secret, len);
    return copy;
}

static void kdf_secret_free(UCHAR *secret, ULONG len)
{
    if (!secret) return;
    secure_wipe(secret, len);
    HeapFree(GetProcessHeap(), 0, secret);
}

/* KDF keys keep the raw secret as given, of any length [hypothesis]; kdf.c reads it. */
static NTSTATUS kdf_key_create(struct algorithm *alg, UCHAR *buffer, const UCHAR *secret, ULONG secret_len,
                               struct key **out)
{
    UCHAR *copy = kdf_secret_dup(secret, secret_len);
    struct key *key;
    void *allocation;
    NTSTATUS status;

    if (!copy || !(key = object_place(buffer, sizeof(*key), &allocation)))
    {
        kdf_secret_free(copy, secret_len);
        return STATUS_NO_MEMORY;
    }
    key->alg = alg;
    key->kdf_secret = copy;
    key->secret_len = secret_len;
    key->mode = alg->mode;
    if ((status = key_register(key, allocation)))
    {
        kdf_secret_free(copy, secret_len);
        return status;
    }
    alg_addref(alg);
    *out = key;
    return STATUS_SUCCESS;
}

static NTSTATUS key_destroy(struct key *key)
{
    struct key_release_params params = { BRIDGE_PTR(&key->state) };
    struct algorithm *alg = key->alg;

    if (key->kdf_secret) kdf_secret_free(key->kdf_secret, key->secret_len);
    else bridge_call(BRIDGE_KEY_RELEASE, &params);
    object_free(&key->hdr, sizeof(*key), key->allocation);
    alg_release(alg);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI BCryptGenerateSymmetricKey(BCRYPT_ALG_HANDLE handle, BCRYPT_KEY_HANDLE *key_handle,
                                           UCHAR *object, ULONG object_len, UCHAR *secret,
                                           ULONG secret_len, ULONG flags)
{
    struct algorithm *alg;
    struct key *key;
    NTSTATUS status;

    TRACE("%p, %p, %p, %lu, %p, %lu, %#lx\n", handle, key_handle, object, object_len, secret, secret_len, flags);

    if (!(alg = alg_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if ((status = object_buffer_check(object, object_len, 0))) return status;
    if (!key_handle || !secret) return STATUS_INVALID_PARAMETER;
    /* cipher and key-derivation algorithms [win-re, reference §4.5] */
    if (alg->row->kind != ALG_KIND_CIPHER && alg->row->kind != ALG_KIND_KDF) return STATUS_NOT_SUPPORTED;
    if (object && object_len < alg_object_len(alg->row)) return STATUS_BUFFER_TOO_SMALL;
    if (alg->row->kind == ALG_KIND_KDF) status = kdf_key_create(alg, object, secret, secret_len, &key);
    else status = key_create(alg, object, object_len, secret, secret_len, &key);
    if (status) return status;
    *key_handle = key;
    TRACE("returning %p\n", key);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI BCryptDestroyKey(BCRYPT_KEY_HANDLE handle)
{
    struct key *key;

    TRACE("%p\n", handle);
    if (!(key = key_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if (key->asym)
    {
        asym_destroy(key);
        return STATUS_SUCCESS;
    }
    return key_destroy(key);
}

/*
 * Windows' order [win-re, reference §2.2]: handle, phNewKey, buffer pointer
 * and router minimum, key class, real size, flags last.
 */
NTSTATUS WINAPI BCryptDuplicateKey(BCRYPT_KEY_HANDLE handle, BCRYPT_KEY_HANDLE *new_handle,
                                   UCHAR *object, ULONG object_len, ULONG flags)
{
    struct key *key, *copy;
    UCHAR *kdf_copy = NULL;
    void *allocation;
    NTSTATUS status;

    TRACE("%p, %p, %p, %lu, %#lx\n", handle, new_handle, object, object_len, flags);

    if (!(key = key_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if (!new_handle) return STATUS_INVALID_PARAMETER;
    if ((status = object_buffer_check(object, object_len, 0))) return status;
    /* CIPHER or KEY_DERIVATION interface [win-re, reference §2.2 step 5] */
    if (key->alg->row->kind != ALG_KIND_CIPHER && key->alg->row->kind != ALG_KIND_KDF) return STATUS_NOT_SUPPORTED;
    if (object && object_len < alg_object_len(key->alg->row)) return STATUS_BUFFER_TOO_SMALL;
    if (flags)
    {
        WARN("flags %#lx\n", flags);
        return STATUS_INVALID_PARAMETER;
    }

    if (key->kdf_secret && !(kdf_copy = kdf_secret_dup(key->kdf_secret, key->secret_len))) return STATUS_NO_MEMORY;
    if (!(copy = object_place(object, sizeof(*copy), &allocation)))
    {
        kdf_secret_free(kdf_copy, key->secret_len);
        return STATUS_NO_MEMORY;
    }
    *copy = *key;                    /* key bytes, mode, chain, schedule, RC4 position */
    copy->kdf_secret = kdf_copy;     /* a KDF key's secret: its own copy */
    copy->state.gnutls_handle = 0;   /* GnuTLS handles cannot be cloned; made on first use */
    if (copy->state.scheduled != BRIDGE_SCHEDULE_READY)   /* copied mid-expansion: expand again */
        copy->state.scheduled = BRIDGE_SCHEDULE_EMPTY;
    if ((status = key_register(copy, allocation)))
    {
        kdf_secret_free(kdf_copy, key->secret_len);
        return status;
    }
    alg_addref(copy->alg);
    *new_handle = copy;
    TRACE("returning %p\n", copy);
    return STATUS_SUCCESS;
}

/* ---- blobs ---------------------------------------------------------------- */

/* Our opaque blob: this DLL's own layout, not Microsoft's. */
#define OPAQUE_MAGIC   0x424f4357  /* "WCOB" */
#define OPAQUE_VERSION 1

struct opaque_blob
{
    ULONG magic;
    ULONG version;
    ULONG cipher;            /* enum bridge_cipher */
    ULONG mode;              /* enum chain_mode */
    ULONG msg_block_len;
    ULONG effective_bits;
    ULONG secret_len;
    UCHAR chain[BRIDGE_MAX_BLOCK_LEN];
    /* secret_len bytes of key follow */
};

static ULONG blob_size(struct key *key, const WCHAR *type)
{
    if (!wcscmp(type, BCRYPT_KEY_DATA_BLOB)) return sizeof(BCRYPT_KEY_DATA_BLOB_HEADER) + key->secret_len;
    if (!wcscmp(type, BCRYPT_OPAQUE_KEY_BLOB)) return sizeof(struct opaque_blob) + key->secret_len;
    return 0;
}

static void blob_write(struct key *key, const WCHAR *type, UCHAR *out)
{
    if (!wcscmp(type, BCRYPT_KEY_DATA_BLOB))
    {
        BCRYPT_KEY_DATA_BLOB_HEADER *hdr = (BCRYPT_KEY_DATA_BLOB_HEADER *)out;
        hdr->dwMagic = BCRYPT_KEY_DATA_BLOB_MAGIC;
        hdr->dwVersion = BCRYPT_KEY_DATA_BLOB_VERSION1;
        hdr->cbKeyData = key->secret_len;
        memcpy(hdr + 1, key->state.key, key->secret_len);
    }
    else
    {
        struct opaque_blob *blob = (struct opaque_blob *)out;
        blob->magic = OPAQUE_MAGIC;
        blob->version = OPAQUE_VERSION;
        blob->cipher = key->state.cipher;
        blob->mode = key->mode;
        blob->msg_block_len = key->msg_block_len;
        blob->effective_bits = key->state.effective_bits;
        blob->secret_len = key->secret_len;
        memcpy(blob->chain, key->state.chain, sizeof(blob->chain));
        memcpy(blob + 1, key->state.key, key->secret_len);
    }
}

/* ---- RFC 3394 key wrap (BCRYPT_AES_WRAP_KEY_BLOB): the wrapping key must be AES ---- */

static NTSTATUS bridge_wrap(struct key *kek, const UCHAR *in, ULONG len, UCHAR *out, BOOL wrap)
{
    struct key_wrap_params params = { BRIDGE_PTR(&kek->state), BRIDGE_PTR(in), BRIDGE_PTR(out), len, wrap };
    return bridge_call(BRIDGE_KEY_WRAP, &params);
}

static NTSTATUS export_wrapped(struct key *key, BCRYPT_KEY_HANDLE export_key, UCHAR *output, ULONG output_len,
                               ULONG *result)
{
    struct key *kek = key_from_handle(export_key);

    if (!kek || kek->state.cipher != BRIDGE_CIPHER_AES) return STATUS_INVALID_HANDLE;
    if (key->secret_len % 8 || key->secret_len < 16) return STATUS_NOT_SUPPORTED;  /* RFC 3394 sizes */
    *result = key->secret_len + 8;
    if (!output) return STATUS_SUCCESS;
    if (output_len < *result) return STATUS_BUFFER_TOO_SMALL;
    return bridge_wrap(kek, key->state.key, key->secret_len, output, TRUE);
}

static NTSTATUS import_wrapped(struct algorithm *alg, BCRYPT_KEY_HANDLE import_key, UCHAR *object,
                               ULONG object_len, const UCHAR *input, ULONG input_len, struct key **out)
{
    struct key *kek = key_from_handle(import_key);
    UCHAR secret[BRIDGE_MAX_KEY_LEN];
    NTSTATUS status;

    if (!kek || kek->state.cipher != BRIDGE_CIPHER_AES) return STATUS_INVALID_HANDLE;
    if (input_len % 8 || input_len < 24 || input_len - 8 > sizeof(secret)) return STATUS_INVALID_PARAMETER;
    if (!(status = bridge_wrap(kek, input, input_len, secret, FALSE)))
        status = key_create(alg, object, object_len, secret, input_len - 8, out);
    secure_wipe(secret, sizeof(secret));
    return status;
}

NTSTATUS WINAPI BCryptExportKey(BCRYPT_KEY_HANDLE handle, BCRYPT_KEY_HANDLE export_key, const WCHAR *type,
                                UCHAR *output, ULONG output_len, ULONG *result, ULONG flags)
{
    struct key *key;
    ULONG size;

    TRACE("%p, %p, %s, %p, %lu, %p, %#lx\n", handle, export_key, debugstr_w(type), output, output_len, result, flags);

    if (!(key = key_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if (!type || !result || flags) return STATUS_INVALID_PARAMETER;
    if (key->asym)
    {
        if (export_key) return STATUS_NOT_SUPPORTED;
        return asym_export(key, type, output, output_len, result);
    }
    if (key->kdf_secret) return STATUS_NOT_SUPPORTED;   /* KDF keys have no blob [hypothesis] */
    if (!wcscmp(type, BCRYPT_AES_WRAP_KEY_BLOB)) return export_wrapped(key, export_key, output, output_len, result);
    if (export_key)
    {
        FIXME("wrapping with key %p into %s not supported\n", export_key, debugstr_w(type));
        return STATUS_NOT_SUPPORTED;
    }
    if (!(size = blob_size(key, type)))
    {
        FIXME("blob type %s not supported\n", debugstr_w(type));
        return STATUS_NOT_SUPPORTED;
    }
    *result = size;
    if (!output) return STATUS_SUCCESS;
    if (output_len < size) return STATUS_BUFFER_TOO_SMALL;
    blob_write(key, type, output);
    return STATUS_SUCCESS;
}

static NTSTATUS import_opaque(struct algorithm *alg, UCHAR *object, ULONG object_len,
                              const UCHAR *input, ULONG input_len, struct key **out)
{
    const struct opaque_blob *blob = (const struct opaque_blob *)input;
    struct key *key;
    NTSTATUS status;

    if (input_len < sizeof(*blob)) return STATUS_BUFFER_TOO_SMALL;
    if (blob->magic != OPAQUE_MAGIC || blob->version != OPAQUE_VERSION || blob->cipher != alg->row->cipher
        || blob->mode >= MODE_COUNT || !(alg->row->modes & MODE_BIT(blob->mode))
        || blob->secret_len > input_len - sizeof(*blob) || blob->effective_bits > 1024
        || (blob->msg_block_len != 1 && blob->msg_block_len != alg->row->block_len))
        return STATUS_INVALID_PARAMETER;
    if ((status = key_create(alg, object, object_len, (const UCHAR *)(blob + 1), blob->secret_len, &key)))
        return status;
    key_set_mode(key, blob->mode, blob->msg_block_len);
    key->state.effective_bits = blob->effective_bits;
    memcpy(key->state.chain, blob->chain, sizeof(blob->chain));
    *out = key;
    return STATUS_SUCCESS;
}

static NTSTATUS import_key_data(struct algorithm *alg, UCHAR *object, ULONG object_len,
                                const UCHAR *input, ULONG input_len, struct key **out)
{
    const BCRYPT_KEY_DATA_BLOB_HEADER *hdr = (const BCRYPT_KEY_DATA_BLOB_HEADER *)input;

    if (input_len < sizeof(*hdr)) return STATUS_BUFFER_TOO_SMALL;
    if (hdr->dwMagic != BCRYPT_KEY_DATA_BLOB_MAGIC || hdr->dwVersion != BCRYPT_KEY_DATA_BLOB_VERSION1
        || hdr->cbKeyData > input_len - sizeof(*hdr))
        return STATUS_INVALID_PARAMETER;
    return key_create(alg, object, object_len, (const UCHAR *)(hdr + 1), hdr->cbKeyData, out);
}

NTSTATUS WINAPI BCryptImportKey(BCRYPT_ALG_HANDLE handle, BCRYPT_KEY_HANDLE import_key, const WCHAR *type,
                                BCRYPT_KEY_HANDLE *key_handle, UCHAR *object, ULONG object_len,
                                UCHAR *input, ULONG input_len, ULONG flags)
{
    struct algorithm *alg;
    struct key *key;
    NTSTATUS status;

    TRACE("%p, %p, %s, %p, %p, %lu, %p, %lu, %#lx\n", handle, import_key, debugstr_w(type), key_handle,
          object, object_len, input, input_len, flags);

    if (!(alg = alg_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if ((status = object_buffer_check(object, object_len, 0))) return status;
    if (!key_handle || !type || !input) return STATUS_INVALID_PARAMETER;
    if (alg->row->kind != ALG_KIND_CIPHER) return STATUS_NOT_SUPPORTED;
    if (object && object_len < alg_object_len(alg->row)) return STATUS_BUFFER_TOO_SMALL;
    if (!wcscmp(type, BCRYPT_AES_WRAP_KEY_BLOB))
        status = import_wrapped(alg, import_key, object, object_len, input, input_len, &key);
    else if (import_key)
    {
        FIXME("unwrapping with key %p from %s not supported\n", import_key, debugstr_w(type));
        return STATUS_NOT_SUPPORTED;
    }
    else if (!wcscmp(type, BCRYPT_KEY_DATA_BLOB))
        status = import_key_data(alg, object, object_len, input, input_len, &key);
    else if (!wcscmp(type, BCRYPT_OPAQUE_KEY_BLOB))
        status = import_opaque(alg, object, object_len, input, input_len, &key);
    else
    {
        FIXME("blob type %s not supported\n", debugstr_w(type));
        return STATUS_NOT_SUPPORTED;
    }
    if (status) return status;
    *key_handle = key;
    return STATUS_SUCCESS;
}
