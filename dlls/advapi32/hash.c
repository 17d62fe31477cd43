/*
 * Hash objects, in four kinds (enum csp_hash_kind):
 *   plain       MD2, MD4, MD5, SHA-1, SHA-2 through the bridge
 *   HMAC        CryptoAPI's HMAC, H(K ^ outer || H(K ^ inner || data)), the
 *               strings from HP_HMAC_INFO, empty ones 64 x 0x36 / 0x5C [doc]
 *   MAC         CBC-MAC over PKCS#5-padded data on a private copy of a
 *               block-cipher key (glue_mac_start)
 *   value only  CALG_SSL3_SHAMD5: takes no data; HP_HASHVAL is set [wine-test]
 * The first read of HP_HASHVAL (or setting it, or CryptDeriveKey) finishes a
 * hash; it then keeps its value and takes no more data [wine-test].
 */
#include "csp_private.h"

DEFAULT_DEBUG_CHANNEL(crypt);

#define HMAC_PAD_LEN     64     /* default string length; longer keys are hashed first */
#define HMAC_IPAD        0x36
#define HMAC_OPAD        0x5c
#define SSL3_SHAMD5_LEN  36     /* MD5 || SHA-1 [wine-test] */
#define MAC_CHUNK        4096   /* bytes per bridge call when a MAC eats a long buffer */

static const struct { ALG_ID algid; enum csp_hash_kind kind; } keyed_kinds[] =
{
    { CALG_HMAC,        HASH_HMAC },
    { CALG_MAC,         HASH_MAC },
    { CALG_SSL3_SHAMD5, HASH_VALUE_ONLY },
};

static enum csp_hash_kind kind_of(ALG_ID algid)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(keyed_kinds); i++)
        if (keyed_kinds[i].algid == algid) return keyed_kinds[i].kind;
    return HASH_PLAIN;
}

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
    struct csp_key *key = hash->key;

    if (hash->kind == HASH_MAC) glue_cipher_release(&hash->mac.state);
    secure_wipe(hash, sizeof(*hash));
    HeapFree(GetProcessHeap(), 0, hash);
    if (key) key_put(key);
    if (prov) prov_put(prov);
}

/* A keyed hash stops taking data once its key's handle is closed [doc]. */
static BOOL key_still_open(const struct csp_hash *hash)
{
    struct csp_object *obj;
    BOOL open;

    if (!hash->key) return TRUE;
    obj = handle_get(hash->key_handle, CSP_TYPE_KEY);
    open = obj == &hash->key->hdr;
    csp_object_release(obj);
    return open;
}

/* ---- HMAC -------------------------------------------------------------------- */

/* Feeds (str ^ key) into state: key over the string's first bytes; no string
 * means 64 bytes of fill [doc]. */
static BOOL hmac_feed(struct bridge_hash_state *state, const BYTE *str, DWORD str_len, BYTE fill,
                      const BYTE *key, DWORD key_len)
{
    BYTE chunk[HMAC_PAD_LEN];
    DWORD done, n, i;
    BOOL ret = TRUE;

    if (!str_len || !str)
    {
        str = NULL;
        str_len = HMAC_PAD_LEN;
    }
    for (done = 0; ret && done < str_len; done += n)
    {
        n = min(sizeof(chunk), str_len - done);
        for (i = 0; i < n; i++)
            chunk[i] = (str ? str[done + i] : fill) ^ (done + i < key_len ? key[done + i] : 0);
        ret = glue_hash_update(state, chunk, n);
    }
    secure_wipe(chunk, sizeof(chunk));
    return ret;
}

/*
 * HP_HMAC_INFO: keys both halves.  The key is the session key's bytes without
 * salt [wine-test: HMAC-MD5 with a derived RC2 key], or an imported
 * CRYPT_IPSEC_HMAC_KEY; one longer than 64 bytes is hashed first [wine-test:
 * RFC 2202].  Any hash the bridge runs may key it, also SHA-2 where the
 * provider lists none [hypothesis, after a note in Wine's rsaenh].
 */
static BOOL hmac_start(struct csp_hash *hash, const HMAC_INFO *info)
{
    const struct csp_key *key = hash->key;
    const BYTE *secret = key->hmac_len ? key->hmac_key : key->key;
    DWORD secret_len = key->hmac_len ? key->hmac_len : key->key_len, len;
    BYTE digest[64];
    BOOL ret;

    if (!glue_hash_supported(info->HashAlgid, &len)) return csp_fail(NTE_BAD_ALGID);
    if (secret_len > HMAC_PAD_LEN)
    {
        if (!glue_hash_digest(info->HashAlgid, secret, secret_len, digest)) return FALSE;
        secret = digest;
        secret_len = len;
    }
    ret = glue_hash_init(&hash->state, info->HashAlgid) && glue_hash_init(&hash->outer, info->HashAlgid) &&
          hmac_feed(&hash->state, info->pbInnerString, info->cbInnerString, HMAC_IPAD, secret, secret_len) &&
          hmac_feed(&hash->outer, info->pbOuterString, info->cbOuterString, HMAC_OPAD, secret, secret_len);
    secure_wipe(digest, sizeof(digest));
    if (!ret) return FALSE;
    hash->hmac_algid = info->HashAlgid;
    hash->hash_len = len;
    return TRUE;
}

static BOOL hmac_finish(struct csp_hash *hash)
{
    BYTE inner[64];
    BOOL ret;

    ret = glue_hash_finish(&hash->state, inner, hash->hash_len) &&
          glue_hash_update(&hash->outer, inner, hash->hash_len) &&
          glue_hash_finish(&hash->outer, hash->value, hash->hash_len);
    secure_wipe(inner, sizeof(inner));
    return ret;
}

/* ---- CALG_MAC ---------------------------------------------------------------- */

/* Whole blocks go through the cipher; the rest waits in mac_block. */
static BOOL mac_update(struct csp_hash *hash, const BYTE *data, DWORD len)
{
    DWORD block = hash->hash_len, take;
    BYTE buf[MAC_CHUNK];

    if (hash->mac_pending)
    {
        take = min(block - hash->mac_pending, len);
        memcpy(hash->mac_block + hash->mac_pending, data, take);
        hash->mac_pending += take;
        data += take;
        len -= take;
        if (hash->mac_pending < block) return TRUE;
        hash->mac_pending = 0;
        if (!glue_cipher_run(&hash->mac, hash->mac_block, block, TRUE)) return FALSE;
    }
    while (len >= block)
    {
        take = min(len - len % block, sizeof(buf));   /* sizeof(buf) is a multiple of every block */
        memcpy(buf, data, take);
        if (!glue_cipher_run(&hash->mac, buf, take, TRUE)) return FALSE;
        data += take;
        len -= take;
    }
    memcpy(hash->mac_block, data, len);
    hash->mac_pending = len;
    return TRUE;
}

/* PKCS#5 pads 1..block bytes, as CryptEncrypt does; the MAC is the last block [wine-test]. */
static BOOL mac_finish(struct csp_hash *hash)
{
    DWORD block = hash->hash_len, i;

    for (i = hash->mac_pending; i < block; i++) hash->mac_block[i] = block - hash->mac_pending;
    hash->mac_pending = 0;
    if (!glue_cipher_run(&hash->mac, hash->mac_block, block, TRUE)) return FALSE;
    memcpy(hash->value, hash->mac_block, block);
    return TRUE;
}

/* ---- shared by every kind -------------------------------------------------------- */

/* Used by CPHashData, CPHashSessionKey and CPEncrypt/CPDecrypt's hHash. */
BOOL hash_update_data(struct csp_hash *hash, const BYTE *data, DWORD len)
{
    if (hash->kind == HASH_VALUE_ONLY) return csp_fail(NTE_BAD_ALGID);   /* [wine-test] */
    if (hash->finished) return csp_fail(NTE_BAD_HASH_STATE);              /* [wine-test] */
    if (!key_still_open(hash)) return csp_fail(NTE_BAD_KEY);             /* [doc] */
    switch (hash->kind)
    {
    case HASH_HMAC:
        /* hypothesis: no data before HP_HMAC_INFO names the hash */
        if (!hash->hmac_algid) return csp_fail(NTE_BAD_HASH_STATE);
        return glue_hash_update(&hash->state, data, len);
    case HASH_MAC:
        return mac_update(hash, data, len);
    default:
        return glue_hash_update(&hash->state, data, len);
    }
}

BOOL hash_finish(struct csp_hash *hash)
{
    BOOL ret = TRUE;

    if (hash->finished) return TRUE;
    switch (hash->kind)
    {
    case HASH_HMAC:
        ret = hash->hmac_algid ? hmac_finish(hash) : csp_fail(NTE_BAD_HASH_STATE);
        break;
    case HASH_MAC:
        ret = mac_finish(hash);
        break;
    case HASH_VALUE_ONLY:
        break;   /* zero until HP_HASHVAL is set [wine-impl] */
    default:
        ret = glue_hash_finish(&hash->state, hash->value, hash->hash_len);
        break;
    }
    if (ret) hash->finished = TRUE;
    return ret;
}

/*
 * Everything past the entry checks of CPCreateHash.  HMAC and MAC need a
 * session key (NTE_BAD_KEY [wine-test]); MAC a block cipher in CBC mode
 * (an RC4 key: NTE_BAD_KEY [wine-test]; another mode [doc]).
 */
static BOOL hash_setup(struct csp_hash *hash, HCRYPTKEY key_handle)
{
    enum csp_hash_kind kind = kind_of(hash->algid);
    struct csp_key *key;

    if (kind == HASH_PLAIN)
    {
        if (!glue_hash_supported(hash->algid, &hash->hash_len))
        {
            FIXME("hash algorithm %#x is not implemented\n", hash->algid);
            return csp_fail(NTE_BAD_ALGID);
        }
        return glue_hash_init(&hash->state, hash->algid);
    }
    if (kind == HASH_VALUE_ONLY)
    {
        hash->hash_len = SSL3_SHAMD5_LEN;
        hash->kind = kind;
        return TRUE;
    }
    if (!(key = key_get(key_handle))) return FALSE;
    if (key->cipher->asym ||
        (kind == HASH_MAC && (!key->cipher->block_len || key->mode != CRYPT_MODE_CBC)))
    {
        key_put(key);
        return csp_fail(NTE_BAD_KEY);
    }
    hash->key = key;   /* our reference */
    hash->key_handle = key_handle;
    if (kind == HASH_MAC)
    {
        glue_mac_start(&hash->mac, key);
        hash->hash_len = key->cipher->block_len;
    }
    hash->kind = kind;
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
    /* SHA-2 outside the AES provider [wine-test]; a cipher is no hash [doc] */
    if (!provider_alg(prov->pers, Algid, &info) || GET_ALG_CLASS(Algid) != ALG_CLASS_HASH)
        SetLastError(NTE_BAD_ALGID);
    else if (dwFlags) SetLastError(NTE_BAD_FLAGS);                              /* [wine-test] */
    else if (!phHash) SetLastError(ERROR_INVALID_PARAMETER);
    else if (!(hash = csp_object_alloc(sizeof(*hash), CSP_TYPE_HASH, hash_destroy))) SetLastError(NTE_NO_MEMORY);
    else
    {
        csp_object_addref(&prov->hdr);
        hash->prov = prov;
        hash->algid = Algid;
        if (!hash_setup(hash, hKey)) hash_put(hash);
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
    else switch (dwParam)
    {
    case HP_HASHVAL:
        /* a value to sign: the hash is finished with it [wine-test: SSL3_SHAMD5] */
        memcpy(hash->value, pbData, hash->hash_len);
        hash->finished = TRUE;
        ret = TRUE;
        break;
    case HP_HMAC_INFO:
        /* hypothesis: only an unfinished HMAC takes it */
        if (hash->kind != HASH_HMAC) SetLastError(NTE_BAD_TYPE);
        else if (hash->finished) SetLastError(NTE_BAD_HASH_STATE);
        else if (!key_still_open(hash)) SetLastError(NTE_BAD_KEY);
        else ret = hmac_start(hash, (const HMAC_INFO *)pbData);
        break;
    default:
        FIXME("unsupported parameter %lu\n", dwParam);
        SetLastError(NTE_BAD_TYPE);
        break;
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

/* A deep copy: both continue independently [wine-test]; the copy has its own
 * MAC cipher and its own reference to the key, so nothing is freed twice. */
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
        if (copy->key) csp_object_addref(&copy->key->hdr);
        if (copy->kind == HASH_MAC) glue_cipher_copy(&copy->mac.state, &hash->mac.state);
        if ((*phHash = handle_insert(&copy->hdr, hUID))) ret = TRUE;
        else SetLastError(NTE_NO_MEMORY);
    }
    hash_put(hash);
    return ret;
}
