/*
 * RSA public keys: PUBLICKEYBLOB import and export, and CPVerifySignature.
 * This is what crypt32 needs from the default RSA provider to check
 * certificate signatures (CryptImportPublicKeyInfo, then CryptVerifySignature).
 * Key pairs (CryptGenKey, PRIVATEKEYBLOB, containers), RSA encryption and
 * CPSignHash are not implemented yet.
 */
#include "csp_private.h"

DEFAULT_DEBUG_CHANNEL(crypt);

#define RSA1_MAGIC 0x31415352   /* "RSA1" [doc] */

/* BLOBHEADER, RSAPUBKEY, then the modulus, little-endian [doc, reference §5.9]. */
struct public_blob
{
    BLOBHEADER hdr;
    RSAPUBKEY  rsa;
};

BOOL rsa_import_public(struct csp_prov *prov, HCRYPTPROV owner, const BYTE *data, DWORD len, DWORD flags,
                       HCRYPTKEY *handle)
{
    const struct public_blob *blob = (const struct public_blob *)data;
    const struct csp_cipher *cipher;
    PROV_ENUMALGS_EX info;
    struct csp_key *key;
    DWORD bits;

    if (flags & CRYPT_IPSEC_HMAC_KEY) return csp_fail(NTE_BAD_FLAGS);   /* [wine-impl] */
    if (len < sizeof(*blob) || blob->rsa.magic != RSA1_MAGIC || len - sizeof(*blob) < blob->rsa.bitlen / 8)
        return csp_fail(NTE_BAD_DATA);                                   /* [wine-impl] */
    cipher = cipher_from_algid(blob->hdr.aiKeyAlg);
    if (!cipher || !cipher->asym || !provider_alg(prov->pers, blob->hdr.aiKeyAlg, &info))
        return csp_fail(NTE_BAD_ALGID);
    bits = blob->rsa.bitlen;
    if (!bits || bits % 8 || bits < info.dwMinLen || bits > info.dwMaxLen) return csp_fail(NTE_BAD_DATA);

    if (!(key = key_alloc(prov, cipher, flags))) return FALSE;
    key->key_len = bits / 8;
    key->pub_exp = blob->rsa.pubexp;
    if (!(key->modulus = HeapAlloc(GetProcessHeap(), 0, key->key_len)))
    {
        key_put(key);
        return csp_fail(NTE_NO_MEMORY);
    }
    memcpy(key->modulus, data + sizeof(*blob), key->key_len);
    return key_publish(key, owner, handle);
}

BOOL rsa_export_public(const struct csp_key *key, BYTE *data, DWORD *len)
{
    DWORD size = sizeof(struct public_blob) + key->key_len;
    struct public_blob blob;

    if (data && *len < size)
    {
        *len = size;
        return csp_fail(ERROR_MORE_DATA);
    }
    if (data)
    {
        blob.hdr.bType = PUBLICKEYBLOB;
        blob.hdr.bVersion = CUR_BLOB_VERSION;
        blob.hdr.reserved = 0;
        blob.hdr.aiKeyAlg = key->cipher->algid;
        blob.rsa.magic = RSA1_MAGIC;
        blob.rsa.bitlen = key->key_len * 8;
        blob.rsa.pubexp = key->pub_exp;
        memcpy(data, &blob, sizeof(blob));
        memcpy(data + sizeof(blob), key->modulus, key->key_len);
    }
    *len = size;
    return TRUE;
}

/*
 * PKCS#1 v1.5 over the hash's value; the signature is little-endian and
 * exactly as long as the modulus, else NTE_BAD_SIGNATURE [wine-impl].  A
 * signature without the DigestInfo is accepted too [wine-impl]; with
 * CRYPT_NOHASHOID only that form is.
 */
BOOL WINAPI CPVerifySignature(HCRYPTPROV hProv, HCRYPTHASH hHash, const BYTE *pbSignature, DWORD dwSigLen,
                              HCRYPTKEY hPubKey, LPCWSTR sDescription, DWORD dwFlags)
{
    struct csp_hash *hash;
    struct csp_key *key;
    BOOL ret = FALSE;

    TRACE("%Iu, %Iu, %p, %lu, %Iu, %p, %#lx\n", hProv, hHash, pbSignature, dwSigLen, hPubKey, sDescription,
          dwFlags);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (!(hash = hash_get(hHash))) return FALSE;
    if (!(key = key_get(hPubKey)))
    {
        hash_put(hash);
        return FALSE;
    }
    if (dwFlags & ~CRYPT_NOHASHOID)
    {
        FIXME("flags %#lx are not implemented\n", dwFlags);
        SetLastError(NTE_BAD_FLAGS);
    }
    else if (!key->cipher->asym) SetLastError(NTE_BAD_KEY);
    else if (dwSigLen != key->key_len) SetLastError(NTE_BAD_SIGNATURE);
    else if (!pbSignature) SetLastError(ERROR_INVALID_PARAMETER);
    else if (hash_finish(hash))
    {
        if (!(dwFlags & CRYPT_NOHASHOID))
            ret = glue_rsa_verify(key, hash->algid, hash->value, hash->hash_len, pbSignature);
        if (!ret) ret = glue_rsa_verify(key, 0, hash->value, hash->hash_len, pbSignature);
    }
    key_put(key);
    hash_put(hash);
    return ret;
}
