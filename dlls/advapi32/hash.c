/*
 * Hash objects: plain MD2/MD4/MD5/SHA-1/SHA-2 hashes through the bridge,
 * duplicated by copying their state.  Not implemented yet, each answering
 * with the error Windows gives for a request it cannot serve: keyed hashes
 * (CALG_MAC, CALG_HMAC), CALG_SSL3_SHAMD5, the Schannel hashes,
 * CPHashSessionKey, CPDeriveKey and CPSignHash.
 */
#include "csp_private.h"

DEFAULT_DEBUG_CHANNEL(crypt);

struct csp_hash *hash_get(HCRYPTHASH handle)
{
    struct csp_hash *hash = (struct csp_hash *)handle_get(handle, CSP_TYPE_HASH);

    if (!hash) SetLastError(NTE_BAD_HASH);
    return hash;
}

static void hash_destroy(struct csp_object *obj)
{
    struct csp_hash *hash = (struct csp_hash *)obj;
    struct csp_prov *prov = hash->prov;

    secure_wipe(hash, sizeof(*hash));
    HeapFree(GetProcessHeap(), 0, hash);
    if (prov) prov_put(prov);
}

/* Once HP_HASHVAL was read (or set) no more data goes in [wine-test]. */
BOOL hash_update_data(struct csp_hash *hash, const BYTE *data, DWORD len)
{
    if (hash->finished) return csp_fail(NTE_BAD_HASH_STATE);
    return glue_hash_update(&hash->state, data, len);
}

/* The first read of the value finishes the hash; it stays readable [wine-test]. */
BOOL hash_finish(struct csp_hash *hash)
{
    if (hash->finished) return TRUE;
    if (!glue_hash_finish(&hash->state, hash->value, hash->hash_len)) return FALSE;
    hash->finished = TRUE;
    return TRUE;
}

BOOL WINAPI CPCreateHash(HCRYPTPROV hProv, ALG_ID Algid, HCRYPTKEY hKey, DWORD dwFlags, HCRYPTHASH *phHash)
{
    PROV_ENUMALGS_EX info;
    struct csp_prov *prov;
    struct csp_hash *hash;
    BOOL ret = FALSE;

    TRACE("%Iu, %#x, %Iu, %#lx, %p\n", hProv, Algid, hKey, dwFlags, phHash);

    if (!(prov = prov_get(hProv))) return FALSE;
    if (!provider_alg(prov->pers, Algid, &info)) SetLastError(NTE_BAD_ALGID);
    else if (dwFlags) SetLastError(NTE_BAD_FLAGS);                          /* [wine-test] */
    else if (!phHash) SetLastError(ERROR_INVALID_PARAMETER);
    else if ((Algid == CALG_MAC || Algid == CALG_HMAC) && !handle_valid(hKey, CSP_TYPE_KEY))
        SetLastError(NTE_BAD_KEY);                                           /* [wine-test] */
    else if (!(hash = csp_object_alloc(sizeof(*hash), CSP_TYPE_HASH, hash_destroy))) SetLastError(NTE_NO_MEMORY);
    else
    {
        csp_object_addref(&prov->hdr);
        hash->prov = prov;
        hash->algid = Algid;
        if (!glue_hash_supported(Algid, &hash->hash_len))
        {
            FIXME("hash algorithm %#x is not implemented\n", Algid);
            SetLastError(NTE_BAD_ALGID);
            hash_put(hash);
        }
        else if (!glue_hash_init(&hash->state, Algid)) hash_put(hash);
        else if ((*phHash = handle_insert(&hash->hdr, hProv))) ret = TRUE;
        else SetLastError(NTE_NO_MEMORY);
    }
    prov_put(prov);
    return ret;
}

BOOL WINAPI CPHashData(HCRYPTPROV hProv, HCRYPTHASH hHash, const BYTE *pbData, DWORD dwDataLen, DWORD dwFlags)
{
    struct csp_hash *hash;
    BOOL ret = FALSE;

    TRACE("%Iu, %Iu, %p, %lu, %#lx\n", hProv, hHash, pbData, dwDataLen, dwFlags);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (!(hash = hash_get(hHash))) return FALSE;
    if (dwFlags & ~CRYPT_USERDATA) SetLastError(NTE_BAD_FLAGS);              /* [wine-test] */
    else if (!pbData && dwDataLen) SetLastError(ERROR_INVALID_PARAMETER);
    else ret = hash_update_data(hash, pbData, dwDataLen);
    hash_put(hash);
    return ret;
}

BOOL WINAPI CPGetHashParam(HCRYPTPROV hProv, HCRYPTHASH hHash, DWORD dwParam, BYTE *pbData, DWORD *pdwDataLen,
                           DWORD dwFlags)
{
    struct csp_hash *hash;
    BOOL ret = FALSE;

    TRACE("%Iu, %Iu, %lu, %p, %p, %#lx\n", hProv, hHash, dwParam, pbData, pdwDataLen, dwFlags);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (dwFlags) return csp_fail(NTE_BAD_FLAGS);
    if (!(hash = hash_get(hHash))) return FALSE;
    if (!pdwDataLen) SetLastError(ERROR_INVALID_PARAMETER);
    else switch (dwParam)
    {
    case HP_ALGID:
        ret = copy_param(pbData, pdwDataLen, &hash->algid, sizeof(hash->algid));
        break;
    case HP_HASHSIZE:
        ret = copy_param(pbData, pdwDataLen, &hash->hash_len, sizeof(hash->hash_len));
        break;
    case HP_HASHVAL:
        if (hash_finish(hash)) ret = copy_param(pbData, pdwDataLen, hash->value, hash->hash_len);
        break;
    default:
        ret = csp_fail(NTE_BAD_TYPE);
        break;
    }
    hash_put(hash);
    return ret;
}

BOOL WINAPI CPSetHashParam(HCRYPTPROV hProv, HCRYPTHASH hHash, DWORD dwParam, BYTE *pbData, DWORD dwFlags)
{
    struct csp_hash *hash;
    BOOL ret = FALSE;

    TRACE("%Iu, %Iu, %lu, %p, %#lx\n", hProv, hHash, dwParam, pbData, dwFlags);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (dwFlags) return csp_fail(NTE_BAD_FLAGS);
    if (!(hash = hash_get(hHash))) return FALSE;
    if (!pbData) SetLastError(ERROR_INVALID_PARAMETER);
    else if (dwParam == HP_HASHVAL)
    {
        /* a value to sign: the hash is finished with it */
        memcpy(hash->value, pbData, hash->hash_len);
        hash->finished = TRUE;
        ret = TRUE;
    }
    else
    {
        FIXME("unsupported parameter %lu\n", dwParam);
        SetLastError(NTE_BAD_TYPE);
    }
    hash_put(hash);
    return ret;
}

BOOL WINAPI CPDestroyHash(HCRYPTPROV hProv, HCRYPTHASH hHash)
{
    TRACE("%Iu, %Iu\n", hProv, hHash);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (!handle_close(hHash, CSP_TYPE_HASH)) return csp_fail(NTE_BAD_HASH);
    return TRUE;
}

/* Copies the running state; both continue independently [wine-test]. */
BOOL WINAPI CPDuplicateHash(HCRYPTPROV hUID, HCRYPTHASH hHash, DWORD *pdwReserved, DWORD dwFlags,
                            HCRYPTHASH *phHash)
{
    struct csp_hash *hash, *copy;
    BOOL ret = FALSE;

    TRACE("%Iu, %Iu, %p, %#lx, %p\n", hUID, hHash, pdwReserved, dwFlags, phHash);

    if (!handle_valid(hUID, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (!(hash = hash_get(hHash))) return FALSE;
    if (!phHash || pdwReserved || dwFlags) SetLastError(ERROR_INVALID_PARAMETER);   /* [wine-impl] */
    else if (!(copy = csp_object_alloc(sizeof(*copy), CSP_TYPE_HASH, hash_destroy))) SetLastError(NTE_NO_MEMORY);
    else
    {
        struct csp_object hdr = copy->hdr;

        *copy = *hash;
        copy->hdr = hdr;
        csp_object_addref(&copy->prov->hdr);
        if ((*phHash = handle_insert(&copy->hdr, hUID))) ret = TRUE;
        else SetLastError(NTE_NO_MEMORY);
    }
    hash_put(hash);
    return ret;
}

/* ---- not implemented yet ------------------------------------------------------- */

BOOL WINAPI CPHashSessionKey(HCRYPTPROV hProv, HCRYPTHASH hHash, HCRYPTKEY hKey, DWORD dwFlags)
{
    TRACE("%Iu, %Iu, %Iu, %#lx\n", hProv, hHash, hKey, dwFlags);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (!handle_valid(hHash, CSP_TYPE_HASH)) return csp_fail(NTE_BAD_HASH);
    if (!handle_valid(hKey, CSP_TYPE_KEY)) return csp_fail(NTE_BAD_KEY);
    FIXME("not implemented\n");
    return csp_fail(NTE_BAD_ALGID);
}

BOOL WINAPI CPDeriveKey(HCRYPTPROV hProv, ALG_ID Algid, HCRYPTHASH hBaseData, DWORD dwFlags, HCRYPTKEY *phKey)
{
    TRACE("%Iu, %#x, %Iu, %#lx, %p\n", hProv, Algid, hBaseData, dwFlags, phKey);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (!handle_valid(hBaseData, CSP_TYPE_HASH)) return csp_fail(NTE_BAD_HASH);   /* [wine-test] */
    if (!phKey) return csp_fail(ERROR_INVALID_PARAMETER);
    FIXME("not implemented (algid %#x)\n", Algid);
    return csp_fail(NTE_BAD_ALGID);
}

/* No key pair exists in a verify context: NTE_NO_KEY, as CPGetUserKey says. */
BOOL WINAPI CPSignHash(HCRYPTPROV hProv, HCRYPTHASH hHash, DWORD dwKeySpec, LPCWSTR sDescription, DWORD dwFlags,
                       BYTE *pbSignature, DWORD *pdwSigLen)
{
    TRACE("%Iu, %Iu, %lu, %p, %#lx, %p, %p\n", hProv, hHash, dwKeySpec, sDescription, dwFlags, pbSignature,
          pdwSigLen);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (!handle_valid(hHash, CSP_TYPE_HASH)) return csp_fail(NTE_BAD_HASH);
    return csp_fail(NTE_NO_KEY);
}
