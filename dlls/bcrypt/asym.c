/*
 * Asymmetric keys: life cycle and the calls that are the same for every
 * family (handle and argument checks, generation, agreement).  What differs
 * per family is a row of struct asym_family (rsa.c, ecc.c, dsa.c, dh.c).
 * The key material is one canonical blob (bridge_params.h) on our heap.
 */
#include "bcrypt_private.h"

DEFAULT_DEBUG_CHANNEL(bcrypt);

static void *heap_alloc(SIZE_T len) { return HeapAlloc(GetProcessHeap(), 0, len); }

static void heap_free_wiped(void *ptr, SIZE_T len)
{
    if (!ptr) return;
    secure_wipe(ptr, len);
    HeapFree(GetProcessHeap(), 0, ptr);
}

enum bridge_curve asym_key_curve(const struct key *key)
{
    return key->alg->row->curve != BRIDGE_CURVE_NONE ? key->alg->row->curve : key->asym->curve;
}

void asym_key_free(struct key *key)
{
    struct asym_key *asym = key->asym;

    heap_free_wiped(asym->blob, asym->blob_len);
    heap_free_wiped(asym->params, asym->params_len);
    heap_free_wiped(asym, sizeof(*asym));
    key->asym = NULL;
}

static NTSTATUS asym_key_create(struct algorithm *alg, struct key **out)
{
    struct key *key;
    void *allocation;

    if (!(key = object_place(NULL, sizeof(*key), &allocation))) return STATUS_NO_MEMORY;
    if (!(key->asym = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*key->asym))))
    {
        HeapFree(GetProcessHeap(), 0, allocation);
        return STATUS_NO_MEMORY;
    }
    key->hdr.magic = MAGIC_KEY;
    key->alg = alg;
    key->allocation = allocation;
    key->asym->curve = alg->curve;
    if (!object_register(&key->hdr))
    {
        heap_free_wiped(key->asym, sizeof(*key->asym));
        HeapFree(GetProcessHeap(), 0, allocation);
        return STATUS_NO_MEMORY;
    }
    alg_addref(alg);
    *out = key;
    return STATUS_SUCCESS;
}

static void asym_key_destroy(struct key *key)
{
    struct algorithm *alg = key->alg;

    asym_key_free(key);
    object_free(&key->hdr, sizeof(*key), key->allocation);
    alg_release(alg);
}

/* The bits a canonical blob describes: from its header, per family. */
static ULONG blob_bits(const struct key *key, const UCHAR *blob, ULONG len)
{
    switch (key->alg->row->asym)   /* header layouts are CNG's: one line each */
    {
    case BRIDGE_ASYM_RSA:   return len >= sizeof(BCRYPT_RSAKEY_BLOB) ? ((const BCRYPT_RSAKEY_BLOB *)blob)->BitLength : 0;
    case BRIDGE_ASYM_DH:    return len >= sizeof(BCRYPT_DH_KEY_BLOB) ? ((const BCRYPT_DH_KEY_BLOB *)blob)->cbKey * 8 : 0;
    case BRIDGE_ASYM_DSA:   return len >= sizeof(BCRYPT_DSA_KEY_BLOB) ? ((const BCRYPT_DSA_KEY_BLOB *)blob)->cbKey * 8 : 0;
    default:                return len >= sizeof(BCRYPT_ECCKEY_BLOB)
                                   ? (((const BCRYPT_ECCKEY_BLOB *)blob)->cbKey == 66 ? 521 : ((const BCRYPT_ECCKEY_BLOB *)blob)->cbKey * 8) : 0;
    }
}

/* Is the canonical blob a private one?  By its magic, per family. */
static BOOL blob_is_private(const struct key *key, const UCHAR *blob)
{
    ULONG magic = *(const ULONG *)blob;

    switch (key->alg->row->asym)
    {
    case BRIDGE_ASYM_RSA: return magic != BCRYPT_RSAPUBLIC_MAGIC;
    case BRIDGE_ASYM_DH:  return magic == BCRYPT_DH_PRIVATE_MAGIC;
    case BRIDGE_ASYM_DSA: return magic == BCRYPT_DSA_PRIVATE_MAGIC || magic == BCRYPT_DSA_PRIVATE_MAGIC_V2;
    default:              return magic == BCRYPT_ECDSA_PRIVATE_P256_MAGIC || magic == BCRYPT_ECDSA_PRIVATE_P384_MAGIC
                              || magic == BCRYPT_ECDSA_PRIVATE_P521_MAGIC || magic == BCRYPT_ECDH_PRIVATE_P256_MAGIC
                              || magic == BCRYPT_ECDH_PRIVATE_P384_MAGIC || magic == BCRYPT_ECDH_PRIVATE_P521_MAGIC
                              || magic == BCRYPT_ECDSA_PRIVATE_GENERIC_MAGIC || magic == BCRYPT_ECDH_PRIVATE_GENERIC_MAGIC;
    }
}

/* Completes a canonical blob in the bridge (derived values, checks) and makes it the key's. */
NTSTATUS asym_set_blob(struct key *key, const UCHAR *blob, ULONG blob_len)
{
    struct asym_complete_params params;
    ULONG capacity = blob_len * 3 + 256;
    NTSTATUS status;
    UCHAR *full;

    if (blob_len < sizeof(ULONG) * 2) return STATUS_INVALID_PARAMETER;
    for (;;)
    {
        if (!(full = heap_alloc(capacity))) return STATUS_NO_MEMORY;
        params.asym = key->alg->row->asym;
        params.curve = asym_key_curve(key);
        params.input = BRIDGE_PTR(blob);
        params.input_len = blob_len;
        params.output = BRIDGE_PTR(full);
        params.output_len = capacity;
        status = bridge_call(BRIDGE_ASYM_COMPLETE, &params);
        if (status != STATUS_BUFFER_TOO_SMALL || params.output_len <= capacity) break;
        heap_free_wiped(full, capacity);
        capacity = params.output_len;
    }
    if (status)
    {
        heap_free_wiped(full, capacity);
        return status;
    }
    heap_free_wiped(key->asym->blob, key->asym->blob_len);
    key->asym->blob = full;
    key->asym->blob_len = params.output_len;
    key->asym->bits = blob_bits(key, full, params.output_len);
    key->asym->has_private = blob_is_private(key, full);
    key->asym->finalized = TRUE;
    return STATUS_SUCCESS;
}

/* An (r || s) signature of DSA or ECDSA over a digest, through the bridge.  Sign: *signature_len
 * in = capacity, out = written; verify: STATUS_SUCCESS or STATUS_INVALID_SIGNATURE. */
NTSTATUS asym_rs_signature(struct key *key, BOOL verify, const UCHAR *digest, ULONG digest_len,
                           UCHAR *signature, ULONG *signature_len)
{
    struct asym_sign_params params;
    NTSTATUS status;

    memset(&params, 0, sizeof(params));
    params.asym = key->alg->row->asym;
    params.curve = asym_key_curve(key);
    params.padding = BRIDGE_PAD_NONE;
    params.hash = BRIDGE_HASH_NONE;
    params.key = BRIDGE_PTR(key->asym->blob);
    params.key_len = key->asym->blob_len;
    params.digest = BRIDGE_PTR(digest);
    params.digest_len = digest_len;
    params.signature = BRIDGE_PTR(signature);
    params.signature_len = *signature_len;
    status = bridge_call(verify ? BRIDGE_ASYM_VERIFY : BRIDGE_ASYM_SIGN, &params);
    if (!status && !verify) *signature_len = params.signature_len;
    return status;
}

/* DSA/DH domain parameters given by property: the key keeps its own copy until it is finalized. */
NTSTATUS asym_key_set_params(struct asym_key *asym, const UCHAR *input, ULONG input_len)
{
    UCHAR *copy;

    if (!(copy = heap_alloc(input_len))) return STATUS_NO_MEMORY;
    memcpy(copy, input, input_len);
    heap_free_wiped(asym->params, asym->params_len);
    asym->params = copy;
    asym->params_len = input_len;
    return STATUS_SUCCESS;
}

/* ---- exports ------------------------------------------------------------------- */

NTSTATUS WINAPI BCryptGenerateKeyPair(BCRYPT_ALG_HANDLE handle, BCRYPT_KEY_HANDLE *key_handle, ULONG bits, ULONG flags)
{
    struct algorithm *alg;
    struct key *key;
    NTSTATUS status;

    TRACE("%p, %p, %lu, %#lx\n", handle, key_handle, bits, flags);

    if (!(alg = alg_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if (!key_handle) return STATUS_INVALID_PARAMETER;
    if (alg->row->kind != ALG_KIND_ASYM) return STATUS_NOT_SUPPORTED;
    if (flags) return STATUS_INVALID_PARAMETER;
    if (alg->row->family->check_bits && (status = alg->row->family->check_bits(alg->row, bits))) return status;
    if ((status = asym_key_create(alg, &key))) return status;
    key->asym->bits = bits;
    if (alg->params)   /* DSA/DH domain parameters set on the provider travel with the key */
    {
        if (!(key->asym->params = heap_alloc(alg->params_len)))
        {
            asym_key_destroy(key);
            return STATUS_NO_MEMORY;
        }
        memcpy(key->asym->params, alg->params, alg->params_len);
        key->asym->params_len = alg->params_len;
    }
    *key_handle = key;
    TRACE("returning %p\n", key);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI BCryptFinalizeKeyPair(BCRYPT_KEY_HANDLE handle, ULONG flags)
{
    struct asym_generate_params params;
    struct key *key;
    ULONG capacity;
    NTSTATUS status;
    UCHAR *blob;

    TRACE("%p, %#lx\n", handle, flags);

    /* finalizing twice, or an imported key, is INVALID_HANDLE [wine-test] */
    if (!(key = key_from_handle(handle)) || !key->asym || key->asym->finalized) return STATUS_INVALID_HANDLE;
    if (flags) return STATUS_INVALID_PARAMETER;

    capacity = key->asym->bits / 8 * 5 + key->asym->params_len + 1024;
    for (;;)
    {
        if (!(blob = heap_alloc(capacity))) return STATUS_NO_MEMORY;
        memset(&params, 0, sizeof(params));
        params.asym = key->alg->row->asym;
        params.curve = asym_key_curve(key);
        params.bits = key->asym->bits;
        params.params = BRIDGE_PTR(key->asym->params);
        params.params_len = key->asym->params_len;
        params.output = BRIDGE_PTR(blob);
        params.output_len = capacity;
        status = bridge_call(BRIDGE_ASYM_GENERATE, &params);
        if (status != STATUS_BUFFER_TOO_SMALL || params.output_len <= capacity) break;
        heap_free_wiped(blob, capacity);
        capacity = params.output_len;
    }
    if (!status) status = asym_set_blob(key, blob, params.output_len);
    heap_free_wiped(blob, capacity);
    return status;
}

NTSTATUS WINAPI BCryptImportKeyPair(BCRYPT_ALG_HANDLE handle, BCRYPT_KEY_HANDLE import_key, const WCHAR *type,
                                    BCRYPT_KEY_HANDLE *key_handle, UCHAR *input, ULONG input_len, ULONG flags)
{
    struct algorithm *alg;
    struct key *key;
    NTSTATUS status;

    TRACE("%p, %p, %s, %p, %p, %lu, %#lx\n", handle, import_key, debugstr_w(type), key_handle, input, input_len, flags);

    if (!(alg = alg_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if (!type || !key_handle || !input) return STATUS_INVALID_PARAMETER;
    if (alg->row->kind != ALG_KIND_ASYM) return STATUS_NOT_SUPPORTED;
    if (import_key)
    {
        FIXME("decrypting with key %p not supported\n", import_key);
        return STATUS_NOT_SUPPORTED;
    }
    if (flags & ~BCRYPT_NO_KEY_VALIDATION) return STATUS_INVALID_PARAMETER;
    if (!alg->row->family->import) return STATUS_NOT_SUPPORTED;
    if ((status = asym_key_create(alg, &key))) return status;
    if ((status = alg->row->family->import(key, type, input, input_len)))
    {
        asym_key_destroy(key);
        return status;
    }
    *key_handle = key;
    TRACE("returning %p\n", key);
    return STATUS_SUCCESS;
}

/* BCryptExportKey and BCryptDestroyKey (key.c) come here for asymmetric keys. */
NTSTATUS asym_export(struct key *key, const WCHAR *type, UCHAR *output, ULONG output_len, ULONG *result)
{
    if (!key->asym->finalized) return STATUS_INVALID_HANDLE;   /* [wine-test] */
    if (!key->alg->row->family->export) return STATUS_NOT_SUPPORTED;
    return key->alg->row->family->export(key, type, output, output_len, result);
}

NTSTATUS asym_crypt(struct key *key, BOOL encrypt, UCHAR *input, ULONG input_len, void *padding_info,
                    UCHAR *output, ULONG output_len, ULONG *result, ULONG flags)
{
    if (!key->asym->finalized) return STATUS_INVALID_HANDLE;   /* [wine-test] */
    if (!key->alg->row->family->crypt) return STATUS_NOT_SUPPORTED;   /* DH, ECDH, DSA [wine-test: DH] */
    return key->alg->row->family->crypt(key, encrypt, input, input_len, padding_info, output, output_len, result, flags);
}

NTSTATUS WINAPI BCryptSignHash(BCRYPT_KEY_HANDLE handle, void *padding_info, UCHAR *hash, ULONG hash_len,
                               UCHAR *signature, ULONG signature_len, ULONG *result, ULONG flags)
{
    struct key *key;

    TRACE("%p, %p, %p, %lu, %p, %lu, %p, %#lx\n", handle, padding_info, hash, hash_len, signature,
          signature_len, result, flags);

    if (!(key = key_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if (!key->asym || !key->alg->row->family->sign) return STATUS_NOT_SUPPORTED;  /* [wine-test: DH] */
    if (!key->asym->finalized) return STATUS_INVALID_HANDLE;
    if (!result || (hash_len && !hash)) return STATUS_INVALID_PARAMETER;
    return key->alg->row->family->sign(key, padding_info, hash, hash_len, signature, signature_len, result, flags);
}

NTSTATUS WINAPI BCryptVerifySignature(BCRYPT_KEY_HANDLE handle, void *padding_info, UCHAR *hash, ULONG hash_len,
                                      UCHAR *signature, ULONG signature_len, ULONG flags)
{
    struct key *key;

    TRACE("%p, %p, %p, %lu, %p, %lu, %#lx\n", handle, padding_info, hash, hash_len, signature, signature_len, flags);

    if (!(key = key_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if (!key->asym || !key->alg->row->family->verify) return STATUS_NOT_SUPPORTED;
    if (!key->asym->finalized) return STATUS_INVALID_HANDLE;
    if (!hash || !hash_len || !signature || !signature_len) return STATUS_INVALID_PARAMETER;
    return key->alg->row->family->verify(key, padding_info, hash, hash_len, signature, signature_len, flags);
}

/* ---- secrets ------------------------------------------------------------------- */

struct secret *secret_from_handle(BCRYPT_SECRET_HANDLE handle)
{
    return (struct secret *)object_lookup(handle, MAGIC_SECRET);
}

NTSTATUS WINAPI BCryptSecretAgreement(BCRYPT_KEY_HANDLE private_handle, BCRYPT_KEY_HANDLE public_handle,
                                      BCRYPT_SECRET_HANDLE *secret_handle, ULONG flags)
{
    struct asym_agree_params params;
    struct key *private_key, *public_key;
    struct secret *secret;
    ULONG capacity;
    NTSTATUS status;

    TRACE("%p, %p, %p, %#lx\n", private_handle, public_handle, secret_handle, flags);

    if (!(private_key = key_from_handle(private_handle)) || !(public_key = key_from_handle(public_handle)))
        return STATUS_INVALID_HANDLE;   /* [wine-test] */
    if (!secret_handle) return STATUS_INVALID_PARAMETER;
    if (!private_key->asym || !public_key->asym || private_key->alg->row->asym != public_key->alg->row->asym
        || (private_key->alg->row->asym != BRIDGE_ASYM_ECDH && private_key->alg->row->asym != BRIDGE_ASYM_DH))
        return STATUS_NOT_SUPPORTED;    /* [wine-test/impl] */
    if (!private_key->asym->finalized || !public_key->asym->finalized || !private_key->asym->has_private)
        return STATUS_INVALID_HANDLE;
    if (flags) return STATUS_INVALID_PARAMETER;

    capacity = private_key->asym->blob_len;   /* the secret is never longer than the key blob */
    if (!(secret = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*secret) + capacity))) return STATUS_NO_MEMORY;
    memset(&params, 0, sizeof(params));
    params.asym = private_key->alg->row->asym;
    params.curve = asym_key_curve(private_key);
    params.private_key = BRIDGE_PTR(private_key->asym->blob);
    params.private_len = private_key->asym->blob_len;
    params.public_key = BRIDGE_PTR(public_key->asym->blob);
    params.public_len = public_key->asym->blob_len;
    params.output = BRIDGE_PTR(secret->data);
    params.output_len = capacity;
    if ((status = bridge_call(BRIDGE_ASYM_AGREE, &params)))
    {
        heap_free_wiped(secret, sizeof(*secret) + capacity);
        return status;
    }
    secret->hdr.magic = MAGIC_SECRET;
    secret->len = params.output_len;
    secret->alg = private_key->alg;
    if (!object_register(&secret->hdr))
    {
        heap_free_wiped(secret, sizeof(*secret) + capacity);
        return STATUS_NO_MEMORY;
    }
    alg_addref(secret->alg);
    *secret_handle = secret;
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI BCryptDestroySecret(BCRYPT_SECRET_HANDLE handle)
{
    struct secret *secret;
    struct algorithm *alg;

    TRACE("%p\n", handle);
    if (!(secret = secret_from_handle(handle))) return STATUS_INVALID_HANDLE;   /* [wine-test] */
    alg = secret->alg;
    object_unregister(&secret->hdr);
    heap_free_wiped(secret, sizeof(*secret) + secret->len);
    alg_release(alg);
    return STATUS_SUCCESS;
}

/* Key destruction for asymmetric keys, from BCryptDestroyKey. */
void asym_destroy(struct key *key)
{
    asym_key_destroy(key);
}
