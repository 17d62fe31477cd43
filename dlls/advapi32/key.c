/*
 * Session keys: CPGenKey, CPDestroyKey, CPDuplicateKey, CPGetKeyParam,
 * CPSetKeyParam and PLAINTEXTKEYBLOB import/export.  A key is its bytes
 * (followed by the salt for RC2/RC4), its parameters, and one struct
 * bridge_cipher_state holding the running cipher; a duplicate copies all of
 * it, so it continues an RC4 stream or a CBC chain exactly where the
 * original stood, and shares nothing afterwards.
 */
#include "csp_private.h"

DEFAULT_DEBUG_CHANNEL(crypt);

/* Default permissions of a session key [wine-test]; CRYPT_EXPORTABLE adds CRYPT_EXPORT. */
#define SESSION_PERMISSIONS (CRYPT_ENCRYPT | CRYPT_DECRYPT | CRYPT_READ | CRYPT_WRITE | CRYPT_MAC)
#define SALT_DEFAULT_TOTAL  16   /* a salted 40-bit key: 5 key + 11 salt bytes [wine-test] */
#define KP_SALT_LEN         11   /* KP_SALT always writes eleven bytes [wine-test, doc] */
#define RC2_MAX_EFFECTIVE   1024

struct csp_key *key_get(HCRYPTKEY handle)
{
    struct csp_key *key = (struct csp_key *)handle_get(handle, CSP_TYPE_KEY);

    if (!key) SetLastError(NTE_BAD_KEY);
    return key;
}

static void key_destroy(struct csp_object *obj)
{
    struct csp_key *key = (struct csp_key *)obj;
    struct csp_prov *prov = key->prov;

    glue_cipher_release(&key->state);
    if (key->rsa)
    {
        secure_wipe(key->rsa, key->rsa_len);   /* RSA3 holds the private numbers */
        HeapFree(GetProcessHeap(), 0, key->rsa);
    }
    secure_wipe(key, sizeof(*key));
    HeapFree(GetProcessHeap(), 0, key);
    if (prov) prov_put(prov);
}

/* A key object with the defaults every key starts from. */
struct csp_key *key_alloc(struct csp_prov *prov, const struct csp_cipher *cipher, DWORD flags)
{
    struct csp_key *key;

    if (!(key = csp_object_alloc(sizeof(*key), CSP_TYPE_KEY, key_destroy)))
    {
        SetLastError(NTE_NO_MEMORY);
        return NULL;
    }
    csp_object_addref(&prov->hdr);
    key->prov = prov;
    key->cipher = cipher;
    key->mode = cipher->block_len ? CRYPT_MODE_CBC : 0;         /* CBC, zero IV [doc, wine-test] */
    key->mode_bits = cipher->block_len ? 8 : 0;                 /* hypothesis: CFB's 8-bit feedback */
    key->permissions = SESSION_PERMISSIONS | ((flags & CRYPT_EXPORTABLE) ? CRYPT_EXPORT : 0);
    return key;
}

/*
 * A new session key without key bytes.  HIWORD(flags) is the length in bits
 * (0: the provider's default); DES-family ciphers take their effective or
 * storage length, else NTE_BAD_FLAGS; the others a multiple of 8 within the
 * provider's bounds, else NTE_BAD_DATA [wine-impl].
 */
struct csp_key *key_new(struct csp_prov *prov, ALG_ID algid, DWORD flags)
{
    const struct csp_cipher *cipher = cipher_from_algid(algid);
    DWORD bits = HIWORD(flags);
    PROV_ENUMALGS_EX info;
    struct csp_key *key;

    if (!provider_alg(prov->pers, algid, &info) || !cipher || cipher->asym)
    {
        if (provider_alg(prov->pers, algid, &info) && (!cipher || cipher->asym))
            FIXME("generating keys of algorithm %#x is not implemented\n", algid);
        SetLastError(NTE_BAD_ALGID);
        return NULL;
    }
    if (!bits) bits = info.dwDefaultLen;
    if (cipher->storage_bits)
    {
        if (bits == cipher->effective_bits) bits = cipher->storage_bits;
        if (bits != cipher->storage_bits)
        {
            SetLastError(NTE_BAD_FLAGS);
            return NULL;
        }
    }
    else if (bits % 8 || bits < info.dwMinLen || bits > info.dwMaxLen)
    {
        SetLastError(NTE_BAD_DATA);
        return NULL;
    }

    if (!(key = key_alloc(prov, cipher, flags))) return NULL;
    key->key_len = bits / 8;
    if (cipher->salted)
    {
        /* 40-bit keys get an 11-byte zero salt unless CRYPT_NO_SALT; the Enhanced
         * provider's CRYPT_CREATE_SALT gives a 40-bit key none [wine-test] */
        if (prov->pers == PERS_ENHANCED && (flags & CRYPT_CREATE_SALT) && bits == 40) key->salt_len = 0;
        else if ((flags & CRYPT_CREATE_SALT) || (bits == 40 && !(flags & CRYPT_NO_SALT)))
            key->salt_len = key->key_len < SALT_DEFAULT_TOTAL ? SALT_DEFAULT_TOTAL - key->key_len : 0;
    }
    return key;
}

/* Registers a finished key: keys its cipher and hands out the handle. */
BOOL key_publish(struct csp_key *key, HCRYPTPROV owner, HCRYPTKEY *handle)
{
    glue_cipher_restart(key, TRUE);
    if (!(*handle = handle_insert(&key->hdr, owner))) return csp_fail(NTE_NO_MEMORY);
    TRACE("returning %Iu\n", *handle);
    return TRUE;
}

BOOL WINAPI CPGenKey(HCRYPTPROV hProv, ALG_ID Algid, DWORD dwFlags, HCRYPTKEY *phKey)
{
    struct csp_prov *prov;
    struct csp_key *key;
    BOOL ret = FALSE;

    TRACE("%Iu, %#x, %#lx, %p\n", hProv, Algid, dwFlags, phKey);

    if (!(prov = prov_get(hProv))) return FALSE;
    if (!phKey) SetLastError(ERROR_INVALID_PARAMETER);
    else if (Algid == AT_KEYEXCHANGE || Algid == AT_SIGNATURE || Algid == CALG_RSA_KEYX || Algid == CALG_RSA_SIGN)
        ret = rsa_generate(prov, hProv, Algid, dwFlags, phKey);   /* a container key pair (rsa.c) */
    else if ((key = key_new(prov, Algid, dwFlags)))
    {
        /* the salt is random only when asked for; otherwise zero [wine-test: default salt is empty] */
        if (glue_random(key->key, key->key_len + ((dwFlags & CRYPT_CREATE_SALT) ? key->salt_len : 0)))
            ret = key_publish(key, hProv, phKey);
        else key_put(key);
    }
    prov_put(prov);
    return ret;
}

BOOL WINAPI CPDestroyKey(HCRYPTPROV hProv, HCRYPTKEY hKey)
{
    TRACE("%Iu, %Iu\n", hProv, hKey);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (!handle_close(hKey, CSP_TYPE_KEY)) return csp_fail(NTE_BAD_KEY);
    return TRUE;
}

/*
 * An exact copy of key and state [doc]: key and salt bytes, KP_IV, mode,
 * mode bits, permissions, effective length and the running cipher (RC4
 * position, CBC/CFB chain mid-message).  Order as rsaenh: context, key, then
 * phKey NULL / pdwReserved / dwFlags -> ERROR_INVALID_PARAMETER [wine-impl;
 * for dwFlags a hypothesis, no test on Windows covers it].
 */
BOOL WINAPI CPDuplicateKey(HCRYPTPROV hUID, HCRYPTKEY hKey, DWORD *pdwReserved, DWORD dwFlags, HCRYPTKEY *phKey)
{
    struct csp_key *key, *copy;
    BOOL ret = FALSE;

    TRACE("%Iu, %Iu, %p, %#lx, %p\n", hUID, hKey, pdwReserved, dwFlags, phKey);

    if (!handle_valid(hUID, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (!(key = key_get(hKey))) return FALSE;
    if (!phKey || pdwReserved || dwFlags) SetLastError(ERROR_INVALID_PARAMETER);
    else if (!(copy = csp_object_alloc(sizeof(*copy), CSP_TYPE_KEY, key_destroy))) SetLastError(NTE_NO_MEMORY);
    else
    {
        struct csp_object hdr = copy->hdr;

        *copy = *key;
        copy->hdr = hdr;
        glue_cipher_copy(&copy->state, &key->state);
        csp_object_addref(&copy->prov->hdr);
        /* an RSA key owns its numbers: copied too, so a duplicated exportable
         * private key exports the same PRIVATEKEYBLOB [wine-test: CAPI duplicates key pairs] */
        if (key->rsa && (copy->rsa = HeapAlloc(GetProcessHeap(), 0, key->rsa_len)))
            memcpy(copy->rsa, key->rsa, key->rsa_len);
        if (key->rsa && !copy->rsa)
        {
            SetLastError(NTE_NO_MEMORY);
            key_put(copy);
        }
        else if ((*phKey = handle_insert(&copy->hdr, hUID))) ret = TRUE;
        else SetLastError(NTE_NO_MEMORY);
        TRACE("returning %Iu\n", *phKey);
    }
    key_put(key);
    return ret;
}

/* ---- parameters ------------------------------------------------------------ */

static BOOL key_is_aes(const struct csp_key *key)
{
    return key->cipher->cipher == BRIDGE_CIPHER_AES;
}

BOOL WINAPI CPGetKeyParam(HCRYPTPROV hProv, HCRYPTKEY hKey, DWORD dwParam, BYTE *pbData, DWORD *pdwDataLen,
                          DWORD dwFlags)
{
    struct csp_key *key;
    DWORD value;
    BOOL ret;

    TRACE("%Iu, %Iu, %lu, %p, %p, %#lx\n", hProv, hKey, dwParam, pbData, pdwDataLen, dwFlags);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (dwFlags) return csp_fail(NTE_BAD_FLAGS);
    if (!(key = key_get(hKey))) return FALSE;
    if (!pdwDataLen)
    {
        key_put(key);
        return csp_fail(ERROR_INVALID_PARAMETER);
    }

    switch (dwParam)
    {
    case KP_IV:
        ret = copy_param(pbData, pdwDataLen, key->iv, key->cipher->block_len);
        break;
    case KP_SALT:
        if (key->cipher->salted)
            ret = copy_param(pbData, pdwDataLen, key->key + key->key_len, key->salt_hidden ? 0 : key->salt_len);
        else if (key_is_aes(key)) ret = copy_param(pbData, pdwDataLen, "", 0);  /* [wine-test] */
        else ret = csp_fail(NTE_BAD_KEY);
        break;
    case KP_PADDING:
        value = PKCS5_PADDING;   /* the only padding MS providers do [wine-impl] */
        ret = copy_param(pbData, pdwDataLen, &value, sizeof(value));
        break;
    case KP_MODE:
        ret = copy_param(pbData, pdwDataLen, &key->mode, sizeof(key->mode));
        break;
    case KP_MODE_BITS:
        ret = copy_param(pbData, pdwDataLen, &key->mode_bits, sizeof(key->mode_bits));
        break;
    case KP_PERMISSIONS:
        ret = copy_param(pbData, pdwDataLen, &key->permissions, sizeof(key->permissions));
        break;
    case KP_ALGID:
        value = key->cipher->algid;
        ret = copy_param(pbData, pdwDataLen, &value, sizeof(value));
        break;
    case KP_BLOCKLEN:
        /* bits; an RSA key's block is its modulus [wine-test] */
        value = key->cipher->asym ? key->key_len * 8 : key->cipher->block_len * 8;
        ret = copy_param(pbData, pdwDataLen, &value, sizeof(value));
        break;
    case KP_KEYLEN:
        value = key->key_len * 8;
        ret = copy_param(pbData, pdwDataLen, &value, sizeof(value));
        break;
    case KP_EFFECTIVE_KEYLEN:
        value = key->effective_bits ? key->effective_bits : key->key_len * 8;
        ret = copy_param(pbData, pdwDataLen, &value, sizeof(value));
        break;
    default:
        FIXME("unsupported parameter %lu\n", dwParam);
        ret = csp_fail(NTE_BAD_TYPE);
        break;
    }
    key_put(key);
    return ret;
}

/* KP_EFFECTIVE_KEYLEN: RC2 only; 1..1024 bits; the Base provider forces 40 and fails [wine-test]. */
static BOOL set_effective_keylen(struct csp_key *key, DWORD bits)
{
    BOOL ret = TRUE;

    if (key->cipher->algid != CALG_RC2) return csp_fail(NTE_BAD_TYPE);
    if (!bits || bits > RC2_MAX_EFFECTIVE) return csp_fail(NTE_BAD_DATA);
    if (key->prov->pers == PERS_BASE && bits != 40)
    {
        bits = 40;
        ret = csp_fail(NTE_BAD_DATA);
    }
    key->effective_bits = bits;
    glue_cipher_restart(key, TRUE);
    return ret;
}

/* KP_SALT writes eleven bytes.  Base and Strong then report them; the other
 * providers report a salt length of 0 [wine-test] (hypothesis: the salt still keys the cipher). */
static BOOL set_salt(struct csp_key *key, const BYTE *salt, DWORD len, BOOL hidden)
{
    if (!key->cipher->salted) return csp_fail(NTE_BAD_KEY);
    if (len > CSP_MAX_SALT_LEN || key->key_len + len > sizeof(key->key)) return csp_fail(NTE_BAD_DATA);
    if (len && !salt) return csp_fail(ERROR_INVALID_PARAMETER);
    memcpy(key->key + key->key_len, salt, len);
    memset(key->key + key->key_len + len, 0, sizeof(key->key) - key->key_len - len);
    key->salt_len = len;
    key->salt_hidden = hidden;
    glue_cipher_restart(key, TRUE);
    return TRUE;
}

/* Clearing CRYPT_EXPORT is ignored, adding it is refused [wine-test]. */
static BOOL set_permissions(struct csp_key *key, DWORD perms)
{
    if ((perms & CRYPT_EXPORT) && !(key->permissions & CRYPT_EXPORT)) return csp_fail(NTE_BAD_DATA);
    key->permissions = perms | (key->permissions & CRYPT_EXPORT);
    return TRUE;
}

/* Which parameters restart the cipher (reference §3.4): KP_IV, KP_SALT(_EX) and
 * KP_EFFECTIVE_KEYLEN do; KP_MODE, KP_MODE_BITS, KP_PERMISSIONS, KP_PADDING do not. */
BOOL WINAPI CPSetKeyParam(HCRYPTPROV hProv, HCRYPTKEY hKey, DWORD dwParam, BYTE *pbData, DWORD dwFlags)
{
    const CRYPT_INTEGER_BLOB *blob;
    struct csp_key *key;
    BOOL ret = TRUE;

    TRACE("%Iu, %Iu, %lu, %p, %#lx\n", hProv, hKey, dwParam, pbData, dwFlags);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (dwFlags) return csp_fail(NTE_BAD_FLAGS);
    if (!(key = key_get(hKey))) return FALSE;
    if (!pbData)
    {
        key_put(key);
        return csp_fail(ERROR_INVALID_PARAMETER);   /* [wine-test] */
    }

    switch (dwParam)
    {
    case KP_PADDING:
        if (*(const DWORD *)pbData != PKCS5_PADDING) ret = csp_fail(NTE_BAD_DATA);
        break;
    case KP_MODE:
        key->mode = *(const DWORD *)pbData;   /* any value; CPEncrypt refuses what it cannot run */
        glue_cipher_setup(key, FALSE);
        break;
    case KP_MODE_BITS:
        key->mode_bits = *(const DWORD *)pbData;
        break;
    case KP_PERMISSIONS:
        ret = set_permissions(key, *(const DWORD *)pbData);
        break;
    case KP_IV:
        memcpy(key->iv, pbData, key->cipher->block_len);
        glue_cipher_restart(key, FALSE);
        break;
    case KP_SALT:
        ret = set_salt(key, pbData, KP_SALT_LEN, key->prov->pers != PERS_BASE && key->prov->pers != PERS_STRONG);
        break;
    case KP_SALT_EX:
        blob = (const CRYPT_INTEGER_BLOB *)pbData;
        ret = set_salt(key, blob->pbData, blob->cbData, FALSE);
        break;
    case KP_EFFECTIVE_KEYLEN:
        ret = set_effective_keylen(key, *(const DWORD *)pbData);
        break;
    default:
        FIXME("unsupported parameter %lu\n", dwParam);
        ret = csp_fail(NTE_BAD_TYPE);
        break;
    }
    key_put(key);
    return ret;
}

/* ---- blobs: PLAINTEXTKEYBLOB ----------------------------------------------------- */

struct plaintext_blob
{
    BLOBHEADER hdr;
    DWORD      key_len;   /* bytes, then the key bytes */
};

static BOOL import_plaintext(struct csp_prov *prov, HCRYPTPROV owner, const BYTE *data, DWORD len,
                             DWORD flags, HCRYPTKEY *handle)
{
    const struct plaintext_blob *blob = (const struct plaintext_blob *)data;
    struct csp_key *key;

    if (len < sizeof(*blob) || len - sizeof(*blob) < blob->key_len) return csp_fail(NTE_BAD_DATA);
    if (flags & CRYPT_IPSEC_HMAC_KEY)   /* any length: an HMAC key (derive.c) */
        return hmac_key_import(prov, owner, data + sizeof(*blob), blob->key_len, flags, handle);
    if (blob->key_len > 0xffff / 8) return csp_fail(NTE_BAD_DATA);
    if (!(key = key_new(prov, blob->hdr.aiKeyAlg, MAKELONG(LOWORD(flags), blob->key_len * 8)))) return FALSE;
    memcpy(key->key, data + sizeof(*blob), min(blob->key_len, key->key_len));   /* the salt stays zero */
    return key_publish(key, owner, handle);
}

BOOL WINAPI CPImportKey(HCRYPTPROV hProv, const BYTE *pbData, DWORD dwDataLen, HCRYPTKEY hPubKey, DWORD dwFlags,
                        HCRYPTKEY *phKey)
{
    const BLOBHEADER *hdr = (const BLOBHEADER *)pbData;
    struct csp_prov *prov;
    BOOL ret = FALSE;

    TRACE("%Iu, %p, %lu, %Iu, %#lx, %p\n", hProv, pbData, dwDataLen, hPubKey, dwFlags, phKey);

    if (!(prov = prov_get(hProv))) return FALSE;
    if (!pbData || !phKey) SetLastError(ERROR_INVALID_PARAMETER);
    else if (dwDataLen < sizeof(*hdr) || hdr->bVersion != CUR_BLOB_VERSION || hdr->reserved)
        SetLastError(NTE_BAD_DATA);   /* [wine-impl] */
    else switch (hdr->bType)
    {
    case PLAINTEXTKEYBLOB:
        ret = import_plaintext(prov, hProv, pbData, dwDataLen, dwFlags, phKey);
        break;
    case PUBLICKEYBLOB:
        ret = rsa_import_public(prov, hProv, pbData, dwDataLen, dwFlags, phKey);
        break;
    case PRIVATEKEYBLOB:   /* becomes the container's pair by aiKeyAlg (rsa.c) */
        ret = rsa_import_private(prov, hProv, pbData, dwDataLen, dwFlags, phKey);
        break;
    case SIMPLEBLOB:       /* unwrapped with hPubKey's private key (rsa.c) */
        ret = rsa_import_simple(prov, hProv, pbData, dwDataLen, hPubKey, dwFlags, phKey);
        break;
    default:
        FIXME("blob type %u is not implemented\n", hdr->bType);
        SetLastError(NTE_BAD_TYPE);
        break;
    }
    prov_put(prov);
    return ret;
}

BOOL WINAPI CPExportKey(HCRYPTPROV hProv, HCRYPTKEY hKey, HCRYPTKEY hPubKey, DWORD dwBlobType, DWORD dwFlags,
                        BYTE *pbData, DWORD *pdwDataLen)
{
    struct plaintext_blob blob;
    struct csp_key *key;
    BOOL ret = FALSE;

    TRACE("%Iu, %Iu, %Iu, %lu, %#lx, %p, %p\n", hProv, hKey, hPubKey, dwBlobType, dwFlags, pbData, pdwDataLen);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (!(key = key_get(hKey))) return FALSE;
    if (!pdwDataLen) SetLastError(ERROR_INVALID_PARAMETER);
    else switch (dwBlobType)
    {
    case PLAINTEXTKEYBLOB:
        /* a key made without CRYPT_EXPORTABLE is not exported, not even sized [doc] */
        if (key->cipher->asym)
        {
            SetLastError(NTE_BAD_KEY);
            break;
        }
        if (!(key->permissions & CRYPT_EXPORT))
        {
            SetLastError(NTE_BAD_KEY_STATE);
            break;
        }
        if (pbData && *pdwDataLen < sizeof(blob) + key->key_len)
        {
            *pdwDataLen = sizeof(blob) + key->key_len;
            SetLastError(ERROR_MORE_DATA);
            break;
        }
        if (pbData)
        {
            blob.hdr.bType = PLAINTEXTKEYBLOB;
            blob.hdr.bVersion = CUR_BLOB_VERSION;
            blob.hdr.reserved = 0;
            blob.hdr.aiKeyAlg = key->cipher->algid;
            blob.key_len = key->key_len;
            memcpy(pbData, &blob, sizeof(blob));
            memcpy(pbData + sizeof(blob), key->key, key->key_len);
        }
        *pdwDataLen = sizeof(blob) + key->key_len;
        ret = TRUE;
        break;
    case SIMPLEBLOB:
        ret = rsa_export_simple(key, hPubKey, dwFlags, pbData, pdwDataLen);
        break;
    case PUBLICKEYBLOB:
        /* a session key has no public part; a public key with hPubKey set is refused [wine-impl] */
        if (!key->cipher->asym || hPubKey) SetLastError(NTE_BAD_KEY);
        else ret = rsa_export_public(key, pbData, pdwDataLen);
        break;
    case PRIVATEKEYBLOB:
        if (hPubKey)
        {
            /* an encrypted PRIVATEKEYBLOB [doc]: never hand out the plain one instead */
            FIXME("PRIVATEKEYBLOB encrypted with a session key is not implemented\n");
            SetLastError(NTE_BAD_KEY);
        }
        else ret = rsa_export_private(key, FALSE, pbData, pdwDataLen);
        break;
    default:
        FIXME("blob type %lu is not implemented\n", dwBlobType);
        SetLastError(NTE_BAD_TYPE);
        break;
    }
    key_put(key);
    return ret;
}
