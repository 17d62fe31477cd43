/*
 * Hash, HMAC and multi-hash objects.  Like keys, a hash lives in the
 * caller's object buffer when one is given; its nettle states are plain
 * data, so BCryptDuplicateHash is a copy.  A multi-hash (Windows 8.1+) is
 * the same object with nHashes states instead of one.
 *
 * The hash_state_* wrappers are the one place that makes the bridge's hash
 * calls; kdf.c uses them too.
 */
#include "bcrypt_private.h"

DEFAULT_DEBUG_CHANNEL(bcrypt);

/* Multi-hashing is not supported for HMAC-MD2 and HMAC-MD4 [doc: BCryptCreateMultiHash]. */
static const enum bridge_hash no_multi_hmac[] = { BRIDGE_HASH_MD2, BRIDGE_HASH_MD4 };

struct hash *hash_from_handle(BCRYPT_HASH_HANDLE handle)
{
    return (struct hash *)object_lookup(handle, MAGIC_HASH);
}

/* ---- the bridge calls ---------------------------------------------------- */

NTSTATUS hash_state_init(struct bridge_hash_state *state, const struct alg_row *row, BOOL hmac,
                         const UCHAR *key, ULONG key_len)
{
    struct hash_init_params params = { BRIDGE_PTR(state), BRIDGE_PTR(hmac ? key : NULL), hmac ? key_len : 0 };

    memset(state, 0, sizeof(*state));
    state->hash = row->hash;
    state->hmac = !!hmac;
    return bridge_call(BRIDGE_HASH_INIT, &params);
}

NTSTATUS hash_state_update(struct bridge_hash_state *state, const UCHAR *data, ULONG len)
{
    struct hash_update_params params = { BRIDGE_PTR(state), BRIDGE_PTR(data), len };
    return len ? bridge_call(BRIDGE_HASH_UPDATE, &params) : STATUS_SUCCESS;
}

NTSTATUS hash_state_finish(struct bridge_hash_state *state, const struct alg_row *row, UCHAR *output)
{
    struct hash_finish_params params = { BRIDGE_PTR(state), BRIDGE_PTR(output), row->hash_len };
    return bridge_call(BRIDGE_HASH_FINISH, &params);
}

/* ---- object life cycle ------------------------------------------------------ */

static NTSTATUS hash_register(struct hash *hash, void *allocation)
{
    hash->hdr.magic = MAGIC_HASH;
    hash->allocation = allocation;
    if (object_register(&hash->hdr)) return STATUS_SUCCESS;
    secure_wipe(hash, HASH_OBJECT_SIZE(hash->count));
    if (allocation) HeapFree(GetProcessHeap(), 0, allocation);
    return STATUS_NO_MEMORY;
}

static void hash_destroy(struct hash *hash)
{
    struct algorithm *alg = hash->alg;

    object_free(&hash->hdr, HASH_OBJECT_SIZE(hash->count), hash->allocation);
    alg_release(alg);
}

/* What a caller's buffer must hold for count states, or 0 when that overflows a ULONG. */
static ULONG hash_object_len(ULONG count)
{
    if (count > (MAXDWORD - 15 - HASH_OBJECT_SIZE(0)) / sizeof(struct bridge_hash_state)) return 0;
    return HASH_OBJECT_SIZE(count) + 15;
}

/* Creates a hash object of count states (in the caller's buffer or ours), all
 * keyed with the same secret [doc]; used by CreateHash, CreateMultiHash and BCryptHash. */
static NTSTATUS hash_create(struct algorithm *alg, UCHAR *object, const UCHAR *secret, ULONG secret_len,
                            ULONG flags, ULONG count, struct hash **out)
{
    BOOL hmac = !!(alg->flags & BCRYPT_ALG_HANDLE_HMAC_FLAG);
    struct hash *hash;
    void *allocation;
    NTSTATUS status;
    ULONG i;

    if (!(hash = object_place(object, HASH_OBJECT_SIZE(count), &allocation))) return STATUS_NO_MEMORY;
    hash->alg = alg;
    hash->flags = (flags | alg->flags) & BCRYPT_HASH_REUSABLE_FLAG;
    hash->count = count;
    if ((status = hash_state_init(&hash->states[0], alg->row, hmac, secret, secret_len)))
    {
        secure_wipe(hash, HASH_OBJECT_SIZE(count));
        if (allocation) HeapFree(GetProcessHeap(), 0, allocation);
        return status;
    }
    for (i = 1; i < count; i++) hash->states[i] = hash->states[0];
    if ((status = hash_register(hash, allocation))) return status;
    alg_addref(alg);
    *out = hash;
    return STATUS_SUCCESS;
}

/* The one state of a plain hash still in use; multi-hashes go through ProcessMultiOperations [hypothesis]. */
static struct hash *single_hash_from_handle(BCRYPT_HASH_HANDLE handle)
{
    struct hash *hash = hash_from_handle(handle);
    return hash && !hash->finished && !hash->multi ? hash : NULL;
}

/* FinishHash on one state: a non-reusable hash is finished for good. */
static NTSTATUS hash_finish(struct hash *hash, ULONG index, UCHAR *output)
{
    NTSTATUS status = hash_state_finish(&hash->states[index], hash->alg->row, output);
    if (!status && !(hash->flags & BCRYPT_HASH_REUSABLE_FLAG)) hash->finished = TRUE;
    return status;
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
    if ((status = hash_create(alg, object, secret, secret_len, flags, 1, &hash))) return status;
    *hash_handle = hash;
    TRACE("returning %p\n", hash);
    return STATUS_SUCCESS;
}

/*
 * nHashes states in one object, each like a CreateHash hash, always reusable
 * [doc].  The checks mirror BCryptCreateHash [hypothesis]; an algorithm
 * opened without BCRYPT_MULTI_FLAG is accepted too (the doc asks for the flag
 * or a pseudo-handle; what Windows answers without it is not known).
 */
NTSTATUS WINAPI BCryptCreateMultiHash(BCRYPT_ALG_HANDLE handle, BCRYPT_HASH_HANDLE *hash_handle, ULONG count,
                                      UCHAR *object, ULONG object_len, UCHAR *secret, ULONG secret_len,
                                      ULONG flags)
{
    struct algorithm *alg;
    struct hash *hash;
    NTSTATUS status;
    ULONG needed, i;

    TRACE("%p, %p, %lu, %p, %lu, %p, %lu, %#lx\n", handle, hash_handle, count, object, object_len, secret,
          secret_len, flags);

    if (!(alg = alg_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if ((status = object_buffer_check(object, object_len, 0))) return status;
    if (!hash_handle || (secret_len && !secret)) return STATUS_INVALID_PARAMETER;
    if (flags & ~BCRYPT_HASH_REUSABLE_FLAG) return STATUS_INVALID_PARAMETER;   /* the only flag [doc] */
    if (alg->row->kind != ALG_KIND_HASH) return STATUS_NOT_SUPPORTED;
    for (i = 0; i < ARRAYSIZE(no_multi_hmac); i++)
        if ((alg->flags & BCRYPT_ALG_HANDLE_HMAC_FLAG) && alg->row->hash == no_multi_hmac[i])
            return STATUS_NOT_SUPPORTED;
    if (!count) return STATUS_INVALID_PARAMETER;
    if (!(needed = hash_object_len(count))) return object ? STATUS_BUFFER_TOO_SMALL : STATUS_NO_MEMORY;
    if (object && object_len < needed) return STATUS_BUFFER_TOO_SMALL;
    if ((status = hash_create(alg, object, secret, secret_len, BCRYPT_HASH_REUSABLE_FLAG, count, &hash)))
        return status;
    hash->multi = TRUE;
    *hash_handle = hash;
    TRACE("returning %p\n", hash);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI BCryptHashData(BCRYPT_HASH_HANDLE handle, UCHAR *input, ULONG input_len, ULONG flags)
{
    struct hash *hash;

    TRACE("%p, %p, %lu, %#lx\n", handle, input, input_len, flags);

    if (!(hash = single_hash_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if (input_len && !input) return STATUS_INVALID_PARAMETER;
    return hash_state_update(&hash->states[0], input, input_len);
}

NTSTATUS WINAPI BCryptFinishHash(BCRYPT_HASH_HANDLE handle, UCHAR *output, ULONG output_len, ULONG flags)
{
    struct hash *hash;

    TRACE("%p, %p, %lu, %#lx\n", handle, output, output_len, flags);

    if (!(hash = single_hash_from_handle(handle))) return STATUS_INVALID_HANDLE;
    /* The output must be exactly the digest length [wine-test]. */
    if (!output || output_len != hash->alg->row->hash_len) return STATUS_INVALID_PARAMETER;
    return hash_finish(hash, 0, output);
}

/* One BCRYPT_MULTI_HASH_OPERATION: an index below nHashes, a known operation,
 * a buffer for its bytes, a digest-sized output to finish into [doc; the
 * statuses are hypothesis, INVALID_PARAMETER for each]. */
static NTSTATUS multi_op_check(const struct hash *hash, const BCRYPT_MULTI_HASH_OPERATION *op)
{
    if (op->iHash >= hash->count) return STATUS_INVALID_PARAMETER;
    switch (op->hashOperation)
    {
    case BCRYPT_HASH_OPERATION_HASH_DATA:
        return op->cbBuffer && !op->pbBuffer ? STATUS_INVALID_PARAMETER : STATUS_SUCCESS;
    case BCRYPT_HASH_OPERATION_FINISH_HASH:
        return op->pbBuffer && op->cbBuffer == hash->alg->row->hash_len ? STATUS_SUCCESS : STATUS_INVALID_PARAMETER;
    default:
        WARN("unknown hash operation %u\n", op->hashOperation);
        return STATUS_INVALID_PARAMETER;
    }
}

/* Every operation is checked before any runs [hypothesis], then they run in
 * array order, which gives the per-state order the doc promises. */
NTSTATUS WINAPI BCryptProcessMultiOperations(BCRYPT_HANDLE handle, BCRYPT_MULTI_OPERATION_TYPE type,
                                             void *operations, ULONG operations_len, ULONG flags)
{
    const BCRYPT_MULTI_HASH_OPERATION *ops = operations;
    NTSTATUS status = STATUS_SUCCESS;
    struct hash *hash;
    ULONG i, count;

    TRACE("%p, %u, %p, %lu, %#lx\n", handle, type, operations, operations_len, flags);

    if (!(hash = hash_from_handle(handle)) || !hash->multi) return STATUS_INVALID_HANDLE;
    if (type != BCRYPT_OPERATION_TYPE_HASH || flags) return STATUS_INVALID_PARAMETER;   /* the only type; flags 0 [doc] */
    if (operations_len % sizeof(*ops) || (operations_len && !ops)) return STATUS_INVALID_PARAMETER;
    count = operations_len / sizeof(*ops);
    for (i = 0; i < count; i++)
        if ((status = multi_op_check(hash, &ops[i]))) return status;
    for (i = 0; i < count && !status; i++)
    {
        if (ops[i].hashOperation == BCRYPT_HASH_OPERATION_HASH_DATA)
            status = hash_state_update(&hash->states[ops[i].iHash], ops[i].pbBuffer, ops[i].cbBuffer);
        else
            status = hash_finish(hash, ops[i].iHash, ops[i].pbBuffer);
    }
    return status;
}

/* A multi-hash duplicates with all its states. */
NTSTATUS WINAPI BCryptDuplicateHash(BCRYPT_HASH_HANDLE handle, BCRYPT_HASH_HANDLE *new_handle, UCHAR *object,
                                    ULONG object_len, ULONG flags)
{
    struct hash *hash, *copy;
    void *allocation;
    NTSTATUS status;

    TRACE("%p, %p, %p, %lu, %#lx\n", handle, new_handle, object, object_len, flags);

    if (!(hash = hash_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if (!new_handle) return STATUS_INVALID_PARAMETER;
    if ((status = object_buffer_check(object, object_len, hash_object_len(hash->count)))) return status;
    if (flags) return STATUS_INVALID_PARAMETER;

    if (!(copy = object_place(object, HASH_OBJECT_SIZE(hash->count), &allocation))) return STATUS_NO_MEMORY;
    memcpy(copy, hash, HASH_OBJECT_SIZE(hash->count));   /* the running states are plain data */
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
    if ((status = hash_create(alg, NULL, secret, secret_len, 0, 1, &hash))) return status;
    if (!(status = hash_state_update(&hash->states[0], input, input_len))) status = hash_finish(hash, 0, output);
    hash_destroy(hash);
    return status;
}

/* ---- CAPI key derivation (reference §4.9 and §5.8) ------------------------------------ */

/*
 * The digest's first key_len bytes; or, when the key is longer than the
 * digest or force is set, H(0x36-pad ^ digest) || H(0x5c-pad ^ digest) with
 * 64-byte pads [doc: CryptDeriveKey].  Shared by BCryptDeriveKeyCapi and the
 * CAPI_KDF of BCryptKeyDerivation (kdf.c).
 */
NTSTATUS capi_expand(const struct alg_row *row, const UCHAR *digest, UCHAR *key, ULONG key_len, BOOL force)
{
    UCHAR pad[64], expanded[128];
    struct bridge_hash_state state;
    ULONG len = row->hash_len, i, j;
    NTSTATUS status = STATUS_SUCCESS;

    if (key_len > 2 * len || len > sizeof(pad)) return STATUS_INVALID_PARAMETER;
    if (key_len <= len && !force)
    {
        memcpy(key, digest, key_len);
        return STATUS_SUCCESS;
    }
    for (i = 0; i < 2 && !status; i++)
    {
        memset(pad, i ? 0x5c : 0x36, sizeof(pad));
        for (j = 0; j < len; j++) pad[j] ^= digest[j];
        if (!(status = hash_state_init(&state, row, FALSE, NULL, 0)) && !(status = hash_state_update(&state, pad, sizeof(pad))))
            status = hash_state_finish(&state, row, expanded + i * len);
    }
    if (!status) memcpy(key, expanded, key_len);
    secure_wipe(&state, sizeof(state));
    secure_wipe(pad, sizeof(pad));
    secure_wipe(expanded, sizeof(expanded));
    return status;
}

/* Finishes the hash, then expands its digest. */
NTSTATUS WINAPI BCryptDeriveKeyCapi(BCRYPT_HASH_HANDLE handle, BCRYPT_ALG_HANDLE target, UCHAR *key,
                                    ULONG key_len, ULONG flags)
{
    UCHAR digest[64];
    struct hash *hash;
    NTSTATUS status;

    TRACE("%p, %p, %p, %lu, %#lx\n", handle, target, key, key_len, flags);

    if (!(hash = hash_from_handle(handle))) return STATUS_INVALID_PARAMETER;   /* Windows 8+ [wine-test] */
    if (hash->finished || hash->multi) return STATUS_INVALID_HANDLE;
    if (!key || !key_len || key_len > 2 * hash->alg->row->hash_len || flags) return STATUS_INVALID_PARAMETER;  /* [wine-test] */

    if ((status = hash_state_finish(&hash->states[0], hash->alg->row, digest))) return status;
    hash->finished = TRUE;
    status = capi_expand(hash->alg->row, digest, key, key_len, FALSE);
    secure_wipe(digest, sizeof(digest));
    return status;
}
