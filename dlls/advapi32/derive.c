/*
 * Keys from hashes and hashes of keys: CPDeriveKey (reference §5.8),
 * CPHashSessionKey, and the HMAC keys a PLAINTEXTKEYBLOB imported with
 * CRYPT_IPSEC_HMAC_KEY becomes.
 */
#include "csp_private.h"

DEFAULT_DEBUG_CHANNEL(crypt);

#define EXPAND_PAD_LEN  64
#define EXPAND_IPAD     0x36
#define EXPAND_OPAD     0x5c
#define MAX_HASH_LEN    64

/* An HMAC key only keys HMAC: its bytes live in hmac_key, no cipher runs with it. */
static const struct csp_cipher hmac_key_cipher = { CALG_HMAC, BRIDGE_CIPHER_NONE, 0, 0, 0, FALSE, FALSE };

/* Any length becomes an HMAC key [wine-test: RFC 2202 keys of 20..80 bytes];
 * we keep up to CSP_MAX_HMAC_KEY_LEN (hypothesis: Windows takes longer ones). */
BOOL hmac_key_import(struct csp_prov *prov, HCRYPTPROV owner, const BYTE *secret, DWORD len, DWORD flags,
                     HCRYPTKEY *handle)
{
    struct csp_key *key;

    if (len > CSP_MAX_HMAC_KEY_LEN)
    {
        FIXME("HMAC keys of %lu bytes are not supported\n", len);
        return csp_fail(NTE_BAD_LEN);
    }
    if (!(key = key_alloc(prov, &hmac_key_cipher, flags))) return FALSE;
    memcpy(key->hmac_key, secret, len);
    key->hmac_len = len;
    return key_publish(key, owner, handle);
}

/* The plain hash behind a hash object, for the expansion; 0 if there is none. */
static ALG_ID expansion_hash(const struct csp_hash *hash)
{
    if (hash->kind == HASH_PLAIN) return hash->algid;
    if (hash->kind == HASH_HMAC) return hash->hmac_algid;   /* hypothesis */
    return 0;
}

/*
 * Key material from a finished hash [doc, with the conflict of reference
 * §5.8 settled as Windows behaves, wine-test]: the hash value itself, unless
 * it is shorter than the key, or the key is AES-128 and the hash 16 or 20
 * bytes; then H(0x36... ^ value) || H(0x5C... ^ value), each over 64 bytes.
 * So 3DES_112 from MD5 is the raw hash, AES-128 from SHA-256 too.
 */
static BOOL derive_material(const struct csp_hash *hash, ALG_ID target, DWORD key_len, BYTE *out, DWORD *out_len)
{
    BYTE pad[EXPAND_PAD_LEN];
    ALG_ID algid = expansion_hash(hash);
    DWORD len = hash->hash_len, i;
    BOOL ret;

    if (len >= key_len && !(target == CALG_AES_128 && (len == 16 || len == 20)))
    {
        memcpy(out, hash->value, len);
        *out_len = len;
        return TRUE;
    }
    if (!algid) return csp_fail(NTE_BAD_HASH);   /* hypothesis: a MAC value too short to expand */
    for (i = 0; i < sizeof(pad); i++) pad[i] = EXPAND_IPAD ^ (i < len ? hash->value[i] : 0);
    ret = glue_hash_digest(algid, pad, sizeof(pad), out);
    for (i = 0; i < sizeof(pad); i++) pad[i] = EXPAND_OPAD ^ (i < len ? hash->value[i] : 0);
    ret = ret && glue_hash_digest(algid, pad, sizeof(pad), out + len);
    secure_wipe(pad, sizeof(pad));
    *out_len = 2 * len;
    return ret;
}

/*
 * HIWORD(dwFlags) is the key length in bits and checked as CryptGenKey does
 * (key_new); CRYPT_EXPORTABLE, CRYPT_NO_SALT and CRYPT_CREATE_SALT as there.
 * With CRYPT_CREATE_SALT an RC2/RC4 key's salt is the hash bytes after the
 * key [wine-test: Base and Strong; Enhanced keys get no salt].  The hash is
 * finished, but only once the key itself is acceptable [wine-impl].
 */
BOOL WINAPI CPDeriveKey(HCRYPTPROV hProv, ALG_ID Algid, HCRYPTHASH hBaseData, DWORD dwFlags, HCRYPTKEY *phKey)
{
    BYTE material[2 * MAX_HASH_LEN];
    struct csp_key *key = NULL;
    struct csp_prov *prov;
    struct csp_hash *hash;
    DWORD len, copy;
    BOOL ret = FALSE;

    TRACE("%Iu, %#x, %Iu, %#lx, %p\n", hProv, Algid, hBaseData, dwFlags, phKey);

    if (!(prov = prov_get(hProv))) return FALSE;
    if (!(hash = hash_get(hBaseData)))   /* [doc] */
    {
        prov_put(prov);
        return FALSE;
    }
    if (!phKey) SetLastError(ERROR_INVALID_PARAMETER);
    else if (GET_ALG_CLASS(Algid) == ALG_CLASS_MSG_ENCRYPT)
    {
        FIXME("Schannel key %#x is not implemented\n", Algid);
        SetLastError(NTE_BAD_ALGID);
    }
    else if ((key = key_new(prov, Algid, dwFlags)) && hash_finish(hash) &&
             derive_material(hash, Algid, key->key_len, material, &len))
    {
        copy = key->key_len + ((dwFlags & CRYPT_CREATE_SALT) && key->cipher->salted ? key->salt_len : 0);
        memcpy(key->key, material, min(copy, len));   /* salt bytes past the hash stay zero */
        ret = key_publish(key, hProv, phKey);         /* on failure it released the key */
        key = NULL;
    }
    if (key) key_put(key);
    secure_wipe(material, sizeof(material));
    hash_put(hash);
    prov_put(prov);
    return ret;
}

/*
 * Hashes a session key's bytes (not its salt [wine-impl]): "big-endian" by
 * default, that is last byte first, and as stored with CRYPT_LITTLE_ENDIAN
 * [doc; the byte order as Wine reads it].  Public and HMAC keys are no
 * session keys: NTE_BAD_KEY [wine-impl].
 */
BOOL WINAPI CPHashSessionKey(HCRYPTPROV hProv, HCRYPTHASH hHash, HCRYPTKEY hKey, DWORD dwFlags)
{
    BYTE bytes[CSP_MAX_KEY_LEN];
    struct csp_hash *hash;
    struct csp_key *key;
    BOOL ret = FALSE;
    DWORD i, n;

    TRACE("%Iu, %Iu, %Iu, %#lx\n", hProv, hHash, hKey, dwFlags);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (!(hash = hash_get(hHash))) return FALSE;
    if (!(key = key_get(hKey)))
    {
        hash_put(hash);
        return FALSE;
    }
    if (dwFlags & ~CRYPT_LITTLE_ENDIAN) SetLastError(NTE_BAD_FLAGS);   /* [doc] */
    else if (key->cipher->asym || key->cipher->algid == CALG_HMAC) SetLastError(NTE_BAD_KEY);
    else
    {
        n = min(key->key_len, sizeof(bytes));
        for (i = 0; i < n; i++) bytes[i] = key->key[(dwFlags & CRYPT_LITTLE_ENDIAN) ? i : n - 1 - i];
        ret = hash_update_data(hash, bytes, n);
        secure_wipe(bytes, sizeof(bytes));
    }
    key_put(key);
    hash_put(hash);
    return ret;
}
