/*
 * The only CSP file that talks to the bridge (cryptbridge.dll, the same one
 * our bcrypt.dll uses).  A key's running cipher is one struct
 * bridge_cipher_state; the bridge keeps the CBC/CFB chain value and the RC4
 * stream position inside it, so copying it is duplicating the cipher.
 */
#include "csp_private.h"

DEFAULT_DEBUG_CHANNEL(crypt);

NTSTATUS WINAPI bridge_call(UINT32 id, void *params);
NTSTATUS WINAPI bridge_available(void);

#define BRIDGE_PTR(p) ((UINT64)(ULONG_PTR)(p))

/* The one place a bridge status becomes a CSP error (NTE_* / Win32). */
static BOOL csp_error_from_status(NTSTATUS status)
{
    if (!status) return TRUE;
    ERR("bridge call failed: %#lx\n", status);
    return csp_fail((ULONG)status == BRIDGE_NO_MEMORY ? NTE_NO_MEMORY : NTE_FAIL);
}

BOOL glue_available(void)
{
    NTSTATUS status = bridge_available();

    if (status) ERR("cryptbridge's unix library is not available (status %#lx): is WINEDLLPATH set, or the "
                    "bridge installed system-wide? See README.md\n", status);
    return !status;
}

BOOL glue_random(void *buffer, DWORD len)
{
    struct random_params params = { BRIDGE_PTR(buffer), len, 0 };
    return csp_error_from_status(bridge_call(BRIDGE_RANDOM, &params));
}

/* CryptoAPI modes the bridge runs; OFB and CTS are accepted by KP_MODE but not run. */
static const struct { DWORD mode; UINT32 bridge; } mode_map[] =
{
    { CRYPT_MODE_CBC, BRIDGE_MODE_CBC },
    { CRYPT_MODE_ECB, BRIDGE_MODE_ECB },
    { CRYPT_MODE_CFB, BRIDGE_MODE_CFB8 },   /* CryptoAPI CFB feeds back 8 bits [wine-test vectors] */
};

static BOOL bridge_mode(DWORD mode, UINT32 *out)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(mode_map); i++)
    {
        if (mode_map[i].mode != mode) continue;
        *out = mode_map[i].bridge;
        return TRUE;
    }
    return FALSE;
}

BOOL glue_mode_supported(DWORD mode)
{
    UINT32 unused;
    return bridge_mode(mode, &unused);
}

/*
 * Brings the key's bridge state in line with the key: mode always; with
 * rekey also the cipher key (key bytes, then salt for RC2/RC4, 3DES_112 as
 * K1 K2 K1) and RC2's effective length, which makes the bridge expand the
 * schedule again (and restarts RC4's stream).  The chain value is left alone.
 */
void glue_cipher_setup(struct csp_key *key, BOOL rekey)
{
    struct bridge_cipher_state *state = &key->state;
    const struct csp_cipher *cipher = key->cipher;
    UINT32 mode = BRIDGE_MODE_STREAM;

    if (cipher->asym) return;   /* RSA keys run through glue_rsa_* */
    if (cipher->block_len && !bridge_mode(key->mode, &mode)) mode = state->mode;  /* run refuses it */
    if (state->mode != mode || state->cipher != cipher->cipher) rekey = TRUE;
    state->cipher = cipher->cipher;
    state->mode = mode;
    state->block_len = cipher->block_len ? cipher->block_len : 1;
    if (!rekey) return;

    memset(state->key, 0, sizeof(state->key));
    if (cipher->algid == CALG_3DES_112)
    {
        memcpy(state->key, key->key, 16);
        memcpy(state->key + 16, key->key, 8);
        state->key_len = 24;
    }
    else
    {
        state->key_len = key->key_len + (cipher->salted ? key->salt_len : 0);
        memcpy(state->key, key->key, state->key_len);
    }
    /* RC2's effective length counts the key without its salt [wine-test, derived] */
    state->effective_bits = cipher->cipher == BRIDGE_CIPHER_RC2
        ? (key->effective_bits ? key->effective_bits : key->key_len * 8) : 0;
    state->scheduled = BRIDGE_SCHEDULE_EMPTY;
}

/* Back to the start of a message: chain := KP_IV.  RC4 has no chain, so
 * restarting it is re-keying it (its stream starts over) [wine-test: RC4
 * decrypts after an encrypt with Final=TRUE on the same key]. */
void glue_cipher_restart(struct csp_key *key, BOOL rekey)
{
    if (key->cipher->asym) return;
    glue_cipher_setup(key, rekey || !key->cipher->block_len);
    memcpy(key->state.chain, key->iv, sizeof(key->state.chain));
}

/* A copy owns nothing of the original: GnuTLS handles are made per copy on first use. */
void glue_cipher_copy(struct bridge_cipher_state *dest, const struct bridge_cipher_state *src)
{
    *dest = *src;
    dest->gnutls_handle = 0;
    if (dest->scheduled != BRIDGE_SCHEDULE_READY) dest->scheduled = BRIDGE_SCHEDULE_EMPTY;
}

/* One bridge call for the whole buffer, in place; len is whole blocks for block ciphers. */
BOOL glue_cipher_run(struct csp_key *key, BYTE *data, DWORD len, BOOL encrypt)
{
    struct key_crypt_params params = { BRIDGE_PTR(&key->state), BRIDGE_PTR(data), BRIDGE_PTR(data), len, encrypt };

    if (!len) return TRUE;
    return csp_error_from_status(bridge_call(BRIDGE_KEY_CRYPT, &params));
}

void glue_cipher_release(struct bridge_cipher_state *state)
{
    struct key_release_params params = { BRIDGE_PTR(state) };

    bridge_call(BRIDGE_KEY_RELEASE, &params);
    secure_wipe(state, sizeof(*state));
}

/* ---- hashes ---------------------------------------------------------------- */

static const struct { ALG_ID algid; UINT32 hash; DWORD len; } hash_map[] =
{
    { CALG_MD2,     BRIDGE_HASH_MD2,    16 },
    { CALG_MD4,     BRIDGE_HASH_MD4,    16 },
    { CALG_MD5,     BRIDGE_HASH_MD5,    16 },
    { CALG_SHA1,    BRIDGE_HASH_SHA1,   20 },
    { CALG_SHA_256, BRIDGE_HASH_SHA256, 32 },
    { CALG_SHA_384, BRIDGE_HASH_SHA384, 48 },
    { CALG_SHA_512, BRIDGE_HASH_SHA512, 64 },
};

static int hash_index(ALG_ID algid)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(hash_map); i++)
        if (hash_map[i].algid == algid) return i;
    return -1;
}

BOOL glue_hash_supported(ALG_ID algid, DWORD *hash_len)
{
    int i = hash_index(algid);

    if (i < 0) return FALSE;
    *hash_len = hash_map[i].len;
    return TRUE;
}

BOOL glue_hash_init(struct bridge_hash_state *state, ALG_ID algid)
{
    struct hash_init_params params = { BRIDGE_PTR(state), 0, 0, 0 };
    int i = hash_index(algid);

    if (i < 0) return csp_fail(NTE_BAD_ALGID);
    state->hash = hash_map[i].hash;
    state->hmac = 0;
    return csp_error_from_status(bridge_call(BRIDGE_HASH_INIT, &params));
}

BOOL glue_hash_update(struct bridge_hash_state *state, const BYTE *data, DWORD len)
{
    struct hash_update_params params = { BRIDGE_PTR(state), BRIDGE_PTR(data), len, 0 };

    if (!len) return TRUE;
    return csp_error_from_status(bridge_call(BRIDGE_HASH_UPDATE, &params));
}

BOOL glue_hash_finish(struct bridge_hash_state *state, BYTE *out, DWORD len)
{
    struct hash_finish_params params = { BRIDGE_PTR(state), BRIDGE_PTR(out), len, 0 };
    return csp_error_from_status(bridge_call(BRIDGE_HASH_FINISH, &params));
}

/* ---- RSA public keys ------------------------------------------------------------ */

#define BCRYPT_RSA1_MAGIC 0x31415352u   /* the bridge's canonical public blob: BCRYPT_RSAKEY_BLOB */

/*
 * Verifies a little-endian CryptoAPI signature with the key's public part,
 * handed to the bridge in its canonical form (header, then exponent and
 * modulus big-endian).  hash_algid 0: a signature without DigestInfo.
 */
BOOL glue_rsa_verify(const struct csp_key *key, ALG_ID hash_algid, const BYTE *digest, DWORD digest_len,
                     const BYTE *signature)
{
    struct asym_sign_params params = { 0 };
    DWORD n = key->key_len, e_len = 4, header[6], i;
    BYTE *blob, *sig, *p;
    NTSTATUS status;
    int h = hash_algid ? hash_index(hash_algid) : -1;

    if (hash_algid && h < 0) return csp_fail(NTE_BAD_ALGID);
    while (e_len > 1 && !(key->pub_exp >> (8 * (e_len - 1)))) e_len--;
    if (!(blob = HeapAlloc(GetProcessHeap(), 0, sizeof(header) + e_len + 2 * n))) return csp_fail(NTE_NO_MEMORY);
    header[0] = BCRYPT_RSA1_MAGIC;
    header[1] = n * 8;
    header[2] = e_len;
    header[3] = n;
    header[4] = header[5] = 0;
    memcpy(blob, header, sizeof(header));
    p = blob + sizeof(header);
    for (i = 0; i < e_len; i++) p[i] = key->pub_exp >> (8 * (e_len - 1 - i));
    p += e_len;
    for (i = 0; i < n; i++) p[i] = key->modulus[n - 1 - i];
    sig = p + n;
    for (i = 0; i < n; i++) sig[i] = signature[n - 1 - i];

    params.asym = BRIDGE_ASYM_RSA;
    params.padding = BRIDGE_PAD_PKCS1;
    params.hash = h < 0 ? BRIDGE_HASH_NONE : hash_map[h].hash;
    params.key_len = sizeof(header) + e_len + n;
    params.key = BRIDGE_PTR(blob);
    params.digest = BRIDGE_PTR(digest);
    params.digest_len = digest_len;
    params.signature = BRIDGE_PTR(sig);
    params.signature_len = n;
    status = bridge_call(BRIDGE_ASYM_VERIFY, &params);
    HeapFree(GetProcessHeap(), 0, blob);
    if ((ULONG)status == BRIDGE_INVALID_SIGNATURE) return csp_fail(NTE_BAD_SIGNATURE);
    return csp_error_from_status(status);
}
