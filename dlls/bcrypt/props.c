/*
 * BCryptGetProperty / BCryptSetProperty on algorithm, key and hash handles.
 * Each property is one row: a name and a reader that fills a small value
 * from the handle's view; the size-query and BUFFER_TOO_SMALL rules live
 * once, in BCryptGetProperty.
 */
#include <wchar.h>
#include "bcrypt_private.h"

DEFAULT_DEBUG_CHANNEL(bcrypt);

union prop_value
{
    ULONG number;
    BCRYPT_KEY_LENGTHS_STRUCT lengths;
    BCRYPT_MULTI_OBJECT_LENGTH_STRUCT multi;
    WCHAR text[32];
    BCRYPT_ALG_HANDLE handle;
};

/* A reader returns the value's size in bytes, or 0 when the handle has no such property. */
typedef ULONG (*prop_reader)(const struct prop_view *view, union prop_value *value);

static BOOL is_cipher(const struct prop_view *v) { return v->row->kind == ALG_KIND_CIPHER; }
static BOOL is_hash(const struct prop_view *v)   { return v->row->kind == ALG_KIND_HASH; }
static BOOL is_provider(const struct prop_view *v) { return !v->key && !v->hash; }

static ULONG number(union prop_value *value, ULONG n)
{
    value->number = n;
    return sizeof(ULONG);
}

static ULONG read_object_length(const struct prop_view *v, union prop_value *value)
{
    /* RNG has no objects [wine-test]; keys and hashes do not report it [hypothesis]. */
    if (!is_provider(v) || v->row->kind == ALG_KIND_RNG) return 0;
    return number(value, v->row->kind == ALG_KIND_ASYM ? sizeof(struct key) : alg_object_len(v->row));
}

/* Hash providers: a multi-hash of n states needs cbPerObject + n * cbPerElement bytes [doc]. */
static ULONG read_multi_object_length(const struct prop_view *v, union prop_value *value)
{
    if (!is_provider(v) || !is_hash(v)) return 0;
    value->multi.cbPerObject = HASH_OBJECT_SIZE(0) + 15;
    value->multi.cbPerElement = sizeof(struct bridge_hash_state);
    return sizeof(value->multi);
}

static ULONG read_block_length(const struct prop_view *v, union prop_value *value)
{
    return is_cipher(v) ? number(value, v->row->block_len) : 0;
}

static ULONG read_block_size_list(const struct prop_view *v, union prop_value *value)
{
    return is_cipher(v) ? number(value, v->row->block_len) : 0;
}

static ULONG read_key_lengths(const struct prop_view *v, union prop_value *value)
{
    if (!is_cipher(v) && v->row->kind != ALG_KIND_ASYM) return 0;
    value->lengths = v->row->key_bits;
    return sizeof(value->lengths);
}

/* A key's size in bits: symmetric 3DES_112 reports 128 [wine-test: AES]; RSA 2048 -> 2048 [wine-test]. */
static ULONG key_bits(const struct key *key)
{
    return key->asym ? key->asym->bits : key->secret_len * 8;
}

/* Key handles only. */
static ULONG read_key_length(const struct prop_view *v, union prop_value *value)
{
    return v->key ? number(value, key_bits(v->key)) : 0;
}

static ULONG read_key_strength(const struct prop_view *v, union prop_value *value)
{
    return v->key ? number(value, key_bits(v->key)) : 0;
}

/* Always 64 bytes, whatever the mode's name length [wine-test]. */
static ULONG read_chaining_mode(const struct prop_view *v, union prop_value *value)
{
    if (!is_cipher(v)) return 0;
    memset(value->text, 0, sizeof(value->text));
    wcscpy(value->text, mode_rows[v->mode].name);
    return 64;
}

/* Providers in an authenticated mode only; keys never [wine-test]. */
static ULONG read_auth_tag_length(const struct prop_view *v, union prop_value *value)
{
    if (!is_cipher(v) || v->key || !mode_rows[v->mode].aead) return 0;
    value->lengths = mode_rows[v->mode].tag_lengths;
    return sizeof(value->lengths);
}

static ULONG read_message_block_length(const struct prop_view *v, union prop_value *value)
{
    if (!is_cipher(v) || v->mode != MODE_CFB) return 0;
    return number(value, v->msg_block_len);
}

static ULONG read_effective_key_length(const struct prop_view *v, union prop_value *value)
{
    ULONG bits;

    if (v->row->cipher != BRIDGE_CIPHER_RC2) return 0;
    bits = v->effective_bits;
    if (!bits) bits = v->key ? v->key->secret_len * 8 : v->row->key_bits.dwMaxLength;
    return number(value, bits);
}

static ULONG read_algorithm_name(const struct prop_view *v, union prop_value *value)
{
    wcscpy(value->text, v->row->name);
    return (wcslen(value->text) + 1) * sizeof(WCHAR);
}

static ULONG read_provider_handle(const struct prop_view *v, union prop_value *value)
{
    if (is_provider(v)) return 0;
    value->handle = v->alg;
    return sizeof(value->handle);
}

static ULONG read_hash_length(const struct prop_view *v, union prop_value *value)
{
    return is_hash(v) ? number(value, v->row->hash_len) : 0;
}

static ULONG read_hash_block_length(const struct prop_view *v, union prop_value *value)
{
    return is_hash(v) ? number(value, v->row->hash_block_len) : 0;
}

static ULONG read_is_keyed_hash(const struct prop_view *v, union prop_value *value)
{
    return is_hash(v) ? number(value, !!(v->alg->flags & BCRYPT_ALG_HANDLE_HMAC_FLAG)) : 0;
}

static ULONG read_is_reusable_hash(const struct prop_view *v, union prop_value *value)
{
    ULONG flags = v->alg->flags | (v->hash ? v->hash->flags : 0);
    return is_hash(v) ? number(value, !!(flags & BCRYPT_HASH_REUSABLE_FLAG)) : 0;
}

static const struct { const WCHAR *name; prop_reader read; } prop_rows[] =
{
    { BCRYPT_OBJECT_LENGTH,         read_object_length },
    { BCRYPT_MULTI_OBJECT_LENGTH,   read_multi_object_length },
    { BCRYPT_BLOCK_LENGTH,          read_block_length },
    { BCRYPT_BLOCK_SIZE_LIST,       read_block_size_list },
    { BCRYPT_KEY_LENGTHS,           read_key_lengths },
    { BCRYPT_KEY_LENGTH,            read_key_length },
    { BCRYPT_KEY_STRENGTH,          read_key_strength },
    { BCRYPT_CHAINING_MODE,         read_chaining_mode },
    { BCRYPT_AUTH_TAG_LENGTH,       read_auth_tag_length },
    { BCRYPT_MESSAGE_BLOCK_LENGTH,  read_message_block_length },
    { BCRYPT_EFFECTIVE_KEY_LENGTH,  read_effective_key_length },
    { BCRYPT_ALGORITHM_NAME,        read_algorithm_name },
    { BCRYPT_PROVIDER_HANDLE,       read_provider_handle },
    { BCRYPT_HASH_LENGTH,           read_hash_length },
    { BCRYPT_HASH_BLOCK_LENGTH,     read_hash_block_length },
    { BCRYPT_IS_KEYED_HASH,         read_is_keyed_hash },
    { BCRYPT_IS_REUSABLE_HASH,      read_is_reusable_hash },
};

NTSTATUS prop_view_from_handle(BCRYPT_HANDLE handle, struct prop_view *view)
{
    struct algorithm *alg;
    struct key *key;
    struct hash *hash;

    memset(view, 0, sizeof(*view));
    if ((alg = alg_from_handle(handle)))
    {
        view->alg = alg;
        view->mode = alg->mode;
        view->effective_bits = alg->effective_bits;
        view->msg_block_len = alg->msg_block_len;
    }
    else if ((key = key_from_handle(handle)))
    {
        view->alg = key->alg;
        view->key = key;
        view->mode = key->mode;
        view->effective_bits = key->state.effective_bits;
        view->msg_block_len = key->msg_block_len;
    }
    else if ((hash = hash_from_handle(handle)))
    {
        view->alg = hash->alg;
        view->hash = hash;
    }
    else return STATUS_INVALID_HANDLE;
    view->row = view->alg->row;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI BCryptGetProperty(BCRYPT_HANDLE handle, const WCHAR *prop, UCHAR *output, ULONG output_len,
                                  ULONG *result, ULONG flags)
{
    struct prop_view view;
    union prop_value value;
    NTSTATUS status;
    ULONG size;
    SIZE_T i;

    TRACE("%p, %s, %p, %lu, %p, %#lx\n", handle, debugstr_w(prop), output, output_len, result, flags);

    if ((status = prop_view_from_handle(handle, &view))) return status;
    if (!prop || !result) return STATUS_INVALID_PARAMETER;

    /* the key family's own properties first (curve names, DH/DSA parameters, padding schemes) */
    if (view.row->kind == ALG_KIND_ASYM && view.row->family->read_prop)
    {
        UCHAR family_value[4096];
        if ((size = view.row->family->read_prop(&view, prop, family_value, sizeof(family_value))))
        {
            if (size >= ASYM_PROP_ERROR) return (NTSTATUS)size;
            *result = size;
            if (!output) return STATUS_SUCCESS;
            if (output_len < size) return STATUS_BUFFER_TOO_SMALL;
            memcpy(output, family_value, size);
            return STATUS_SUCCESS;
        }
    }
    for (i = 0; i < ARRAYSIZE(prop_rows); i++)
        if (!wcscmp(prop_rows[i].name, prop)) break;
    if (i == ARRAYSIZE(prop_rows) || !(size = prop_rows[i].read(&view, &value)))
    {
        WARN("property %s not supported on %p\n", debugstr_w(prop), handle);
        return STATUS_NOT_SUPPORTED;
    }
    *result = size;
    if (!output) return STATUS_SUCCESS;
    if (output_len < size) return STATUS_BUFFER_TOO_SMALL;
    memcpy(output, &value, size);
    return STATUS_SUCCESS;
}

/* ---- setters -------------------------------------------------------------- */

static NTSTATUS set_chaining_mode(struct prop_view *v, const UCHAR *input, ULONG len)
{
    enum chain_mode mode = mode_from_name((const WCHAR *)input, len);

    if (mode == MODE_COUNT || !(v->row->modes & MODE_BIT(mode))) return STATUS_NOT_SUPPORTED;
    if (v->key) key_set_mode(v->key, mode, v->key->msg_block_len);   /* Windows 8+ allows it on keys [wine-test] */
    else v->alg->mode = mode;
    return STATUS_SUCCESS;
}

static NTSTATUS set_effective_key_length(struct prop_view *v, const UCHAR *input, ULONG len)
{
    ULONG bits;

    if (v->row->cipher != BRIDGE_CIPHER_RC2) return STATUS_NOT_SUPPORTED;
    if (len < sizeof(ULONG)) return STATUS_INVALID_PARAMETER;
    memcpy(&bits, input, sizeof(bits));
    if (bits < 1 || bits > 1024) return STATUS_INVALID_PARAMETER;  /* RFC 2268 range [hypothesis] */
    if (v->key)
    {
        v->key->state.effective_bits = bits;
        v->key->state.scheduled = BRIDGE_SCHEDULE_EMPTY;
    }
    else v->alg->effective_bits = bits;
    return STATUS_SUCCESS;
}

/* CFB feedback: 1 byte (CFB-8, the default) or a whole block [doc]. */
static NTSTATUS set_message_block_length(struct prop_view *v, const UCHAR *input, ULONG len)
{
    ULONG bytes;

    if (!is_cipher(v) || v->mode != MODE_CFB) return STATUS_NOT_SUPPORTED;
    if (len < sizeof(ULONG)) return STATUS_INVALID_PARAMETER;
    memcpy(&bytes, input, sizeof(bytes));
    if (bytes != 1 && bytes != v->row->block_len) return STATUS_INVALID_PARAMETER;
    if (v->key) key_set_mode(v->key, v->key->mode, bytes);
    else v->alg->msg_block_len = bytes;
    return STATUS_SUCCESS;
}

static const struct { const WCHAR *name; NTSTATUS (*write)(struct prop_view *, const UCHAR *, ULONG); } set_rows[] =
{
    { BCRYPT_CHAINING_MODE,        set_chaining_mode },
    { BCRYPT_EFFECTIVE_KEY_LENGTH, set_effective_key_length },
    { BCRYPT_MESSAGE_BLOCK_LENGTH, set_message_block_length },
};

NTSTATUS WINAPI BCryptSetProperty(BCRYPT_HANDLE handle, const WCHAR *prop, UCHAR *input, ULONG input_len,
                                  ULONG flags)
{
    struct prop_view view;
    NTSTATUS status;
    SIZE_T i;

    TRACE("%p, %s, %p, %lu, %#lx\n", handle, debugstr_w(prop), input, input_len, flags);

    if ((status = prop_view_from_handle(handle, &view))) return status;
    if (!view.key && !view.hash && view.alg->pseudo) return STATUS_ACCESS_DENIED;  /* [wine-test] */
    if (!prop || !input) return STATUS_INVALID_PARAMETER;
    if (view.hash) return STATUS_NOT_SUPPORTED;
    if (view.row->kind == ALG_KIND_ASYM)
    {
        if (!view.row->family->set_prop) return STATUS_NOT_SUPPORTED;
        return view.row->family->set_prop(&view, prop, input, input_len);
    }

    for (i = 0; i < ARRAYSIZE(set_rows); i++)
        if (!wcscmp(set_rows[i].name, prop)) return set_rows[i].write(&view, input, input_len);
    FIXME("property %s cannot be set\n", debugstr_w(prop));
    return STATUS_NOT_SUPPORTED;
}
