/*
 * CPEncrypt / CPDecrypt for session keys, with CryptoAPI's semantics
 * (reference §5.6): Final=TRUE pads with PKCS#5 (always 1..block bytes) and
 * restarts the key afterwards; Final=FALSE takes whole blocks and leaves the
 * chain running, so a message may span calls.  The whole buffer goes to the
 * bridge in one call.  RSA keys encrypt one block each call (rsa.c).
 */
#include "csp_private.h"

DEFAULT_DEBUG_CHANNEL(crypt);

/* Looks up the optional hHash: 0 means none. */
static BOOL optional_hash(HCRYPTHASH handle, struct csp_hash **hash)
{
    *hash = NULL;
    if (!handle) return TRUE;
    return (*hash = hash_get(handle)) != NULL;
}

/* Entry checks shared by both directions, in rsaenh's order. */
static struct csp_key *crypt_begin(HCRYPTPROV prov, HCRYPTKEY handle, HCRYPTHASH hash_handle, DWORD flags,
                                   DWORD *len, struct csp_hash **hash)
{
    struct csp_key *key;

    if (!handle_valid(prov, CSP_TYPE_PROV))
    {
        SetLastError(NTE_BAD_UID);
        return NULL;
    }
    if (flags && flags != CRYPT_OAEP)   /* CRYPT_OAEP belongs to RSA keys [wine-impl] */
    {
        SetLastError(NTE_BAD_FLAGS);
        return NULL;
    }
    if (!(key = key_get(handle))) return NULL;
    if (!len) SetLastError(ERROR_INVALID_PARAMETER);
    else if (optional_hash(hash_handle, hash)) return key;
    key_put(key);
    return NULL;
}

static BOOL key_too_long(const struct csp_key *key)
{
    PROV_ENUMALGS_EX info;

    return provider_alg(key->prov->pers, key->cipher->algid, &info) && key->key_len * 8 > info.dwMaxLen;
}

static void crypt_end(struct csp_key *key, struct csp_hash *hash)
{
    if (hash) hash_put(hash);
    key_put(key);
}

/*
 * Sizes first (a sizing call or a short buffer changes nothing, not even the
 * hash), then the mode, then the hash sees the plaintext [doc], then the
 * data is padded and encrypted in place.
 */
BOOL WINAPI CPEncrypt(HCRYPTPROV hProv, HCRYPTKEY hKey, HCRYPTHASH hHash, BOOL Final, DWORD dwFlags, BYTE *pbData,
                      DWORD *pdwDataLen, DWORD dwBufLen)
{
    struct csp_hash *hash;
    struct csp_key *key;
    DWORD block, len, total, i;
    BOOL ret = FALSE;

    TRACE("%Iu, %Iu, %Iu, %d, %#lx, %p, %p, %lu\n", hProv, hKey, hHash, Final, dwFlags, pbData, pdwDataLen,
          dwBufLen);

    if (!(key = crypt_begin(hProv, hKey, hHash, dwFlags, pdwDataLen, &hash))) return FALSE;
    if (key->cipher->asym)
    {
        ret = rsa_encrypt(key, hash, dwFlags, pbData, pdwDataLen, dwBufLen);
        crypt_end(key, hash);
        return ret;
    }
    block = key->cipher->block_len;
    len = *pdwDataLen;
    /* block ciphers: Final pads 1..block bytes [wine-test]; stream ciphers keep the length */
    total = block && Final ? (len / block + 1) * block : len;

    if (block && !Final && len % block) SetLastError(NTE_BAD_DATA);        /* [wine-impl] */
    /* an RC2 key longer than the provider's maximum (a SIMPLEBLOB's) only decrypts [wine-test] */
    else if (key->cipher->algid == CALG_RC2 && key_too_long(key)) SetLastError(NTE_BAD_KEY);
    else if (!pbData)
    {
        *pdwDataLen = total;   /* sizing: TRUE with the required length [wine-test] */
        ret = TRUE;
    }
    else if (total > dwBufLen)
    {
        *pdwDataLen = total;
        SetLastError(ERROR_MORE_DATA);
    }
    /* OFB (and anything else KP_MODE accepted) is not run: NTE_BAD_ALGID [wine-test] */
    else if (block && !glue_mode_supported(key->mode)) SetLastError(NTE_BAD_ALGID);
    else if (!hash || hash_update_data(hash, pbData, len))
    {
        for (i = len; i < total; i++) pbData[i] = total - len;
        if ((ret = glue_cipher_run(key, pbData, total, TRUE)))
        {
            *pdwDataLen = total;
            if (Final) glue_cipher_restart(key, FALSE);
        }
    }
    crypt_end(key, hash);
    return ret;
}

/* PKCS#5 check: last byte 1..block and every pad byte equal, else NTE_BAD_DATA [wine-test]. */
static BOOL unpad(const struct csp_key *key, const BYTE *data, DWORD *len)
{
    BYTE pad = data[*len - 1];
    DWORD i;

    if (!pad || pad > key->cipher->block_len || pad > *len) return FALSE;
    for (i = 1; i < pad; i++)
        if (data[*len - 1 - i] != pad) return FALSE;
    *len -= pad;
    return TRUE;
}

BOOL WINAPI CPDecrypt(HCRYPTPROV hProv, HCRYPTKEY hKey, HCRYPTHASH hHash, BOOL Final, DWORD dwFlags, BYTE *pbData,
                      DWORD *pdwDataLen)
{
    struct csp_hash *hash;
    struct csp_key *key;
    DWORD block;
    BOOL ret = FALSE;

    TRACE("%Iu, %Iu, %Iu, %d, %#lx, %p, %p\n", hProv, hKey, hHash, Final, dwFlags, pbData, pdwDataLen);

    if (!(key = crypt_begin(hProv, hKey, hHash, dwFlags, pdwDataLen, &hash))) return FALSE;
    block = key->cipher->block_len;

    if (Final && !*pdwDataLen) SetLastError(NTE_BAD_LEN);                  /* [wine-test] */
    else if (*pdwDataLen && !pbData) SetLastError(ERROR_INVALID_PARAMETER);
    else if (key->cipher->asym) ret = rsa_decrypt(key, hash, dwFlags, pbData, pdwDataLen);
    else if (block && *pdwDataLen % block) SetLastError(NTE_BAD_DATA);     /* hypothesis */
    else if (block && !glue_mode_supported(key->mode)) SetLastError(NTE_BAD_ALGID);
    else if (glue_cipher_run(key, pbData, *pdwDataLen, FALSE))
    {
        ret = TRUE;
        if (block && Final && !unpad(key, pbData, pdwDataLen))
        {
            /* a bad pad still restarts the key, so the next message decrypts [wine-test] */
            SetLastError(NTE_BAD_DATA);
            ret = FALSE;
        }
        if (Final) glue_cipher_restart(key, FALSE);
        /* the hash sees the plaintext [doc] */
        if (ret && hash) ret = hash_update_data(hash, pbData, *pdwDataLen);
    }
    crypt_end(key, hash);
    return ret;
}
