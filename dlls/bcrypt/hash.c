/*
 * Hash and HMAC objects.  Like keys, a hash lives in the caller's object
 * buffer when one is given; its nettle state is plain data, so
 * BCryptDuplicateHash is a copy.
 */
#include "bcrypt_private.h"

DEFAULT_DEBUG_CHANNEL(bcrypt);

struct hash *hash_from_handle(BCRYPT_HASH_HANDLE handle)
{
    return (struct hash *)object_lookup(handle, MAGIC_HASH);
}

static NTSTATUS hash_init(struct hash *hash, const UCHAR *secret, ULONG secret_len)
{
    struct hash_init_params params = { BRIDGE_PTR(&hash->state), BRIDGE_PTR(secret), secret_len };
    return bridge_call(BRIDGE_HASH_INIT, &params);
}

static NTSTATUS hash_update(struct hash *hash, const UCHAR *data, ULONG len)
{
    struct hash_update_params params = { BRIDGE_PTR(&hash->state), BRIDGE_PTR(data), len };
    return len ? bridge_call(BRIDGE_HASH_UPDATE, &params) : STATUS_SUCCESS;
}

static NTSTATUS hash_finish(struct hash *hash, UCHAR *output, ULONG len)
{
    struct hash_finish_params params = { BRIDGE_PTR(&hash->state), BRIDGE_PTR(output), len };
    return bridge_call(BRIDGE_HASH_FINISH, &params);
}

static NTSTATUS hash_register(struct hash *hash, void *allocation)
{
    hash->hdr.magic = MAGIC_HASH;
    hash->allocation = allocation;
    if (object_register(&hash->hdr)) return STATUS_SUCCESS;
    secure_wipe(hash, sizeof(*hash));
    if (allocation) HeapFree(GetProcessHeap(), 0, allocation);
    return STATUS_NO_MEMORY;
}

static void hash_destroy(struct hash *hash)
{
    struct algorithm *alg = hash->alg;

    object_free(&hash->hdr, sizeof(*hash), hash->allocation);
    alg_release(alg);
}

/* Creates a hash object (in the caller's buffer or ours); used by CreateHash and BCryptHash. */
static NTSTATUS hash_create(struct algorithm *alg, UCHAR *object, ULONG object_len, const UCHAR *secret,
                            ULONG secret_len, ULONG flags, struct hash **out)
{
    struct hash *hash;
    void *allocation;
    NTSTATUS status;

    if (!(hash = object_place(object, sizeof(*hash), &allocation))) return STATUS_NO_MEMORY;
    hash->alg = alg;
    hash->flags = (flags | alg->flags) & BCRYPT_HASH_REUSABLE_FLAG;
    hash->state.hash = alg->row->hash;
    hash->state.hmac = !!(alg->flags & BCRYPT_ALG_HANDLE_HMAC_FLAG);
    if ((status = hash_init(hash, hash->state.hmac ? secret : NULL, hash->state.hmac ? secret_len : 0)))
    {
        secure_wipe(hash, sizeof(*hash));
        if (allocation) HeapFree(GetProcessHeap(), 0, allocation);
        return status;
    }
    if ((status = hash_register(hash, allocation))) return status;
    alg_addref(alg);
    *out = hash;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI BCryptCreateHash(BCRYPT_ALG_HANDLE handle, BCRYPT_HASH_HANDLE *hash_handle, UCHAR *object,
                                 ULONG object_len, UCHAR *secret, ULONG secret_len, ULONG flags)
{
    struct algorithm *alg;
    struct hash *hash;
    NTSTATUS status;

    TRACE("%p, %p, %p, %lu, %p, %lu, %#lx\n", handle, hash_handle, object, object_len, secret, secret_len, flags);

    if (!(alg = alg_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if ((status = object_buffer_check(object, object_len, 0))) return status;
    if (!hash_handle || (secret_len && !secret)) return STATUS_INVALID_PARAMETER;
    if (flags & ~BCRYPT_HASH_REUSABLE_FLAG) return STATUS_INVALID_PARAMETER;   /* [wine-test] */
    if (alg->row->kind != ALG_KIND_HASH) return STATUS_NOT_SUPPORTED;
    if (object && object_len < alg_object_len(alg->row)) return STATUS_BUFFER_TOO_SMALL;
    if ((status = hash_create(alg, object, object_len, secret, secret_len, flags, &hash))) return status;
    *hash_handle = hash;
    TRACE("returning %p\n", hash);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI BCryptHashData(BCRYPT_HASH_HANDLE handle, UCHAR *input, ULONG input_len, ULONG flags)
{
    struct hash *hash;

    TRACE("%p, %p, %lu, %#lx\n", handle, input, input_len, flags);

    if (!(hash = hash_from_handle(handle)) || hash->finished) return STATUS_INVALID_HANDLE;
    if (input_len && !input) return STATUS_INVALID_PARAMETER;
    return hash_update(hash, input, input_len);
}

NTSTATUS WINAPI BCryptFinishHash(BCRYPT_HASH_HANDLE handle, UCHAR *output, ULONG output_len, ULONG flags)
{
    struct hash *hash;
    NTSTATUS status;

    TRACE("%p, %p, %lu, %#lx\n", handle, output, output_len, flags);

    if (!(hash = hash_from_handle(handle)) || hash->finished) return STATUS_INVALID_HANDLE;
    /* The output must be exactly the digest length [wine-test]. */
    if (!output || output_len != hash->alg->row->hash_len) return STATUS_INVALID_PARAMETER;
    if ((status = hash_finish(hash, output, output_len))) return status;
    if (!(hash->flags & BCRYPT_HASH_REUSABLE_FLAG)) hash->finished = TRUE;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI BCryptDuplicateHash(BCRYPT_HASH_HANDLE handle, BCRYPT_HASH_HANDLE *new_handle, UCHAR *object,
                                    ULONG object_len, ULONG flags)
{
    struct hash *hash, *copy;
    void *allocation;
    NTSTATUS status;

    TRACE("%p, %p, %p, %lu, %#lx\n", handle, new_handle, object, object_len, flags);

    if (!(hash = hash_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if (!new_handle) return STATUS_INVALID_PARAMETER;
    if ((status = object_buffer_check(object, object_len, alg_object_len(hash->alg->row)))) return status;
    if (flags) return STATUS_INVALID_PARAMETER;

    if (!(copy = object_place(object, sizeof(*copy), &allocation))) return STATUS_NO_MEMORY;
    *copy = *hash;   /* the running state is plain data */
    if ((status = hash_register(copy, allocation))) return status;
    alg_addref(copy->alg);
    *new_handle = copy;
    return STATUS_SUCCESS;
}

/* A destroyed or foreign hash handle is INVALID_PARAMETER, not INVALID_HANDLE [wine-test]. */
NTSTATUS WINAPI BCryptDestroyHash(BCRYPT_HASH_HANDLE handle)
{
    struct hash *hash;

    TRACE("%p\n", handle);
    if (!(hash = hash_from_handle(handle))) return STATUS_INVALID_PARAMETER;
    hash_destroy(hash);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI BCryptHash(BCRYPT_ALG_HANDLE handle, UCHAR *secret, ULONG secret_len, UCHAR *input,
                           ULONG input_len, UCHAR *output, ULONG output_len)
{
    struct algorithm *alg;
    struct hash *hash;
    NTSTATUS status;

    TRACE("%p, %p, %lu, %p, %lu, %p, %lu\n", handle, secret, secret_len, input, input_len, output, output_len);

    if (!(alg = alg_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if (alg->row->kind != ALG_KIND_HASH) return STATUS_NOT_SUPPORTED;
    if (!output || output_len != alg->row->hash_len) return STATUS_INVALID_PARAMETER;  /* [wine-test] */
    if ((input_len && !input) || (secret_len && !secret)) return STATUS_INVALID_PARAMETER;
    if ((status = hash_create(alg, NULL, 0, secret, secret_len, 0, &hash))) return status;
    if (!(status = hash_update(hash, input, input_len))) status = hash_finish(hash, output, output_len);
    hash_destroy(hash);
    return status;
}

/* CAPI's key derivation (reference §4.9 and §5.8): finishes the hash. */
NTSTATUS WINAPI BCryptDeriveKeyCapi(BCRYPT_HASH_HANDLE handle, BCRYPT_ALG_HANDLE target, UCHAR *key,
                                    ULONG key_len, ULONG flags)
{
    UCHAR digest[64], pad[64], expanded[128];
    struct hash *hash, *inner;
    ULONG i, len;
    NTSTATUS status;

    TRACE("%p, %p, %p, %lu, %#lx\n", handle, target, key, key_len, flags);

    if (!(hash = hash_from_handle(handle))) return STATUS_INVALID_PARAMETER;   /* Windows 8+ [wine-test] */
    if (hash->finished) return STATUS_INVALID_HANDLE;
    len = hash->alg->row->hash_len;
    if (!key || !key_len || key_len > 2 * len || flags) return STATUS_INVALID_PARAMETER;  /* [wine-test] */

    if ((status = hash_finish(hash, digest, len))) return status;
    hash->finished = TRUE;
    if (key_len <= len)
    {
        memcpy(key, digest, key_len);
        secure_wipe(digest, sizeof(digest));
        return STATUS_SUCCESS;
    }

    /* Longer keys: H(0x36-pad ^ digest) || H(0x5c-pad ^ digest), 64-byte pads [doc]. */
    for (i = 0; i < 2 && !status; i++)
    {
        memset(pad, i ? 0x5c : 0x36, sizeof(pad));
        for (ULONG j = 0; j < len; j++) pad[j] ^= digest[j];
        if (!(status = hash_create(hash->alg, NULL, 0, NULL, 0, 0, &inner)))
        {
            inner->state.hmac = 0;
            if (!(status = hash_init(inner, NULL, 0)) && !(status = hash_update(inner, pad, sizeof(pad))))
                status = hash_finish(inner, expanded + i * len, len);
            hash_destroy(inner);
        }
    }
    if (!status) memcpy(key, expanded, key_len);
    secure_wipe(digest, sizeof(digest));
    secure_wipe(pad, sizeof(pad));
    secure_wipe(expanded, sizeof(expanded));
    return status;
}
