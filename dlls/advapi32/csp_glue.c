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

/* ==== keyed hashes and key derivation (hash.c, derive.c) ========================== */

/* One-shot plain hash of a buffer; out gets the algorithm's full length. */
BOOL glue_hash_digest(ALG_ID algid, const BYTE *data, DWORD len, BYTE *out)
{
    struct bridge_hash_state state;
    DWORD out_len;
    BOOL ret;

    if (!glue_hash_supported(algid, &out_len)) return csp_fail(NTE_BAD_ALGID);
    ret = glue_hash_init(&state, algid) && glue_hash_update(&state, data, len) &&
          glue_hash_finish(&state, out, out_len);
    secure_wipe(&state, sizeof(state));
    return ret;
}

/*
 * CALG_MAC runs on its own copy of the key's cipher, started at KP_IV, so the
 * key's own encryptions never disturb it, nor it them (Windows 8 and later
 * [wine-test]).  The copy is not a handle-table object: it is released with
 * glue_cipher_release(&mac->state) and never put.
 */
void glue_mac_start(struct csp_key *mac, const struct csp_key *key)
{
    *mac = *key;
    memset(&mac->hdr, 0, sizeof(mac->hdr));
    mac->prov = NULL;
    mac->rsa = NULL;
    glue_cipher_copy(&mac->state, &key->state);
    glue_cipher_restart(mac, FALSE);
}

/* ==== RSA keys (rsa.c, crypt.c, container.c) ====================================== */

/*
 * An RSA key crosses to the bridge as its canonical BCRYPT_RSAKEY_BLOB: "RSA1"
 * public, "RSA3" full private, "RSA2" (primes only) to be completed; numbers
 * big-endian.  CryptoAPI signatures and ciphertexts are the same numbers
 * little-endian [doc], so they are reversed here and nowhere else.
 */

static void reverse_copy(BYTE *dst, const BYTE *src, DWORD len)
{
    DWORD i;

    for (i = 0; i < len; i++) dst[i] = src[len - 1 - i];
}

/* A refused RSA input becomes the caller's error (NTE_BAD_DATA, NTE_BAD_KEY...). */
static BOOL rsa_status(NTSTATUS status, DWORD refused)
{
    if ((ULONG)status == BRIDGE_INVALID_PARAMETER || (ULONG)status == BRIDGE_NTE_BAD_DATA) return csp_fail(refused);
    if ((ULONG)status == BRIDGE_INVALID_SIGNATURE) return csp_fail(NTE_BAD_SIGNATURE);
    return csp_error_from_status(status);
}

static BYTE *rsa_buffer(DWORD len)
{
    BYTE *buf = HeapAlloc(GetProcessHeap(), 0, len);

    if (!buf) SetLastError(NTE_NO_MEMORY);
    return buf;
}

static void rsa_buffer_free(BYTE *buf, DWORD len)
{
    if (!buf) return;
    secure_wipe(buf, len);
    HeapFree(GetProcessHeap(), 0, buf);
}

/* Size of an "RSA3" blob with the given field widths. */
static DWORD rsa3_len(DWORD e_len, DWORD n_len, DWORD half)
{
    return 6 * sizeof(UINT32) + e_len + 2 * n_len + 5 * half;
}

BOOL glue_rsa_generate(DWORD bits, BYTE **blob, DWORD *len)
{
    struct asym_generate_params params = { 0 };
    DWORD cap = rsa3_len(8, bits / 8, (bits / 8 + 1) / 2);
    NTSTATUS status;

    if (!(*blob = rsa_buffer(cap))) return FALSE;
    params.asym = BRIDGE_ASYM_RSA;
    params.bits = bits;
    params.output = BRIDGE_PTR(*blob);
    params.output_len = cap;
    if ((status = bridge_call(BRIDGE_ASYM_GENERATE, &params)))
    {
        ERR("generating a %lu-bit key failed: %#lx\n", bits, status);
        rsa_buffer_free(*blob, cap);
        *blob = NULL;
        return rsa_status(status, NTE_FAIL);
    }
    *len = params.output_len;
    return TRUE;
}

/* Checks an imported "RSA3" (kept byte for byte) or completes an "RSA2". */
BOOL glue_rsa_complete(const BYTE *in, DWORD in_len, BYTE **blob, DWORD *len)
{
    struct asym_complete_params params = { 0 };
    const UINT32 *hdr = (const UINT32 *)in;   /* magic, bits, e_len, n_len, p_len, q_len */
    DWORD cap;
    NTSTATUS status;

    if (in_len < 6 * sizeof(UINT32)) return csp_fail(NTE_BAD_DATA);
    cap = rsa3_len(hdr[2], hdr[3], max(hdr[4], hdr[5]));
    if (!(*blob = rsa_buffer(cap))) return FALSE;
    params.asym = BRIDGE_ASYM_RSA;
    params.input = BRIDGE_PTR(in);
    params.input_len = in_len;
    params.output = BRIDGE_PTR(*blob);
    params.output_len = cap;
    if ((status = bridge_call(BRIDGE_ASYM_COMPLETE, &params)))
    {
        rsa_buffer_free(*blob, cap);
        *blob = NULL;
        return rsa_status(status, NTE_BAD_DATA);
    }
    *len = params.output_len;
    return TRUE;
}

/* The bridge's hash for a PKCS#1 DigestInfo; 0 means none. */
static BOOL rsa_hash(ALG_ID hash_algid, UINT32 *hash)
{
    int i = hash_algid ? hash_index(hash_algid) : -1;

    if (hash_algid && i < 0) return csp_fail(NTE_BAD_ALGID);
    *hash = i < 0 ? BRIDGE_HASH_NONE : hash_map[i].hash;
    return TRUE;
}

static BOOL rsa_sign_call(const struct csp_key *key, UINT32 call, ALG_ID hash_algid, const BYTE *digest,
                          DWORD digest_len, BYTE *signature, BOOL verify)
{
    struct asym_sign_params params = { 0 };
    DWORD n = key->key_len;
    NTSTATUS status;
    BYTE *sig;

    if (!rsa_hash(hash_algid, &params.hash) || !(sig = rsa_buffer(n))) return FALSE;
    if (verify) reverse_copy(sig, signature, n);
    params.asym = BRIDGE_ASYM_RSA;
    params.padding = BRIDGE_PAD_PKCS1;
    params.key = BRIDGE_PTR(key->rsa);
    params.key_len = key->rsa_len;
    params.digest = BRIDGE_PTR(digest);
    params.digest_len = digest_len;
    params.signature = BRIDGE_PTR(sig);
    params.signature_len = n;
    status = bridge_call(call, &params);
    if (!status && !verify) reverse_copy(signature, sig, n);
    rsa_buffer_free(sig, n);
    return rsa_status(status, verify ? NTE_BAD_SIGNATURE : NTE_BAD_KEY);
}

BOOL glue_rsa_sign(const struct csp_key *key, ALG_ID hash_algid, const BYTE *digest, DWORD digest_len,
                   BYTE *signature)
{
    return rsa_sign_call(key, BRIDGE_ASYM_SIGN, hash_algid, digest, digest_len, signature, FALSE);
}

BOOL glue_rsa_verify(const struct csp_key *key, ALG_ID hash_algid, const BYTE *digest, DWORD digest_len,
                     const BYTE *signature)
{
    return rsa_sign_call(key, BRIDGE_ASYM_VERIFY, hash_algid, digest, digest_len, (BYTE *)signature, TRUE);
}

/* PKCS#1 v1.5 type 2, or OAEP with SHA-1 and an empty label [wine-impl]. */
static BOOL rsa_crypt_call(const struct csp_key *key, BOOL encrypt, BOOL oaep, const BYTE *in, DWORD in_len,
                           BYTE *out, DWORD *out_len)
{
    struct asym_crypt_params params = { 0 };
    NTSTATUS status;

    params.asym = BRIDGE_ASYM_RSA;
    params.padding = oaep ? BRIDGE_PAD_OAEP : BRIDGE_PAD_PKCS1;
    params.hash = BRIDGE_HASH_SHA1;
    params.encrypt = encrypt;
    params.key = BRIDGE_PTR(key->rsa);
    params.key_len = key->rsa_len;
    params.input = BRIDGE_PTR(in);
    params.input_len = in_len;
    params.output = BRIDGE_PTR(out);
    params.output_len = *out_len;
    status = bridge_call(BRIDGE_ASYM_CRYPT, &params);
    *out_len = params.output_len;
    return rsa_status(status, NTE_BAD_DATA);
}

BOOL glue_rsa_encrypt(const struct csp_key *key, BOOL oaep, const BYTE *in, DWORD in_len, BYTE *out)
{
    DWORD n = key->key_len, len = n;
    BYTE *buf;
    BOOL ret;

    if (!(buf = rsa_buffer(n))) return FALSE;
    if ((ret = rsa_crypt_call(key, TRUE, oaep, in, in_len, buf, &len)) && len == n) reverse_copy(out, buf, n);
    else if (ret) ret = csp_fail(NTE_FAIL);
    rsa_buffer_free(buf, n);
    return ret;
}

/* in: key_len bytes, little-endian; out: up to key_len bytes of plaintext. */
BOOL glue_rsa_decrypt(const struct csp_key *key, BOOL oaep, const BYTE *in, BYTE *out, DWORD *out_len)
{
    DWORD n = key->key_len;
    BYTE *buf;
    BOOL ret;

    if (!(buf = rsa_buffer(n))) return FALSE;
    reverse_copy(buf, in, n);
    *out_len = n;
    ret = rsa_crypt_call(key, FALSE, oaep, buf, n, out, out_len);
    rsa_buffer_free(buf, n);
    return ret;
}

/* ==== DSS and Diffie-Hellman keys (dss.c) ========================================== */

/*
 * DSA and DH keys cross as the bridge's canonical blobs (BCRYPT_DSA_KEY_BLOB,
 * q of 20 bytes; BCRYPT_DH_KEY_BLOB), numbers big-endian.  A CryptoAPI DSS
 * signature is r then s, 20 bytes each, each little-endian [wine-test
 * consumers data, hypothesis]; the bridge's is r || s big-endian.
 */

#define DSS_CANON_HDR   52   /* magic, cbKey, Count[4], Seed[20], q[20] */
#define DSS_HALF_SIG    20

static BYTE *dss_buffer(DWORD len)
{
    BYTE *buf = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, len);

    if (!buf) SetLastError(NTE_NO_MEMORY);
    return buf;
}

void glue_blob_free(BYTE *blob, DWORD len)
{
    if (!blob) return;
    secure_wipe(blob, len);
    HeapFree(GetProcessHeap(), 0, blob);
}

/* A refused DSA/DH input is the caller's NTE_BAD_DATA; a bad signature NTE_BAD_SIGNATURE. */
static BOOL dss_status(NTSTATUS status)
{
    if ((ULONG)status == BRIDGE_INVALID_PARAMETER || (ULONG)status == BRIDGE_NOT_SUPPORTED)
        return csp_fail(NTE_BAD_DATA);
    if ((ULONG)status == BRIDGE_INVALID_SIGNATURE) return csp_fail(NTE_BAD_SIGNATURE);
    return csp_error_from_status(status);
}

static BOOL dss_generate_call(UINT32 asym, DWORD bits, const BYTE *params, DWORD params_len, DWORD cap,
                              BYTE **blob, DWORD *len)
{
    struct asym_generate_params p = { 0 };
    NTSTATUS status;

    if (!(*blob = dss_buffer(cap))) return FALSE;
    p.asym = asym;
    p.bits = bits;
    p.params = BRIDGE_PTR(params);
    p.params_len = params ? params_len : 0;
    p.output = BRIDGE_PTR(*blob);
    p.output_len = cap;
    if ((status = bridge_call(BRIDGE_ASYM_GENERATE, &p)))
    {
        ERR("generating a %lu-bit key failed: %#lx\n", bits, status);
        glue_blob_free(*blob, cap);
        *blob = NULL;
        return dss_status(status);
    }
    *len = p.output_len;
    return TRUE;
}

BOOL glue_dsa_generate(DWORD bits, BYTE **blob, DWORD *len)
{
    return dss_generate_call(BRIDGE_ASYM_DSA, bits, NULL, 0, DSS_CANON_HDR + 3 * (bits / 8) + 20, blob, len);
}

/* params: a BCRYPT_DH_PARAMETER_HEADER blob (p, g), or NULL for a fresh group. */
BOOL glue_dh_generate(DWORD bits, const BYTE *params, DWORD params_len, BYTE **blob, DWORD *len)
{
    return dss_generate_call(BRIDGE_ASYM_DH, bits, params, params_len, 8 + 4 * (bits / 8), blob, len);
}

/* Checks an imported canonical blob; a private one with y = 0 gets its y. */
BOOL glue_asym_complete(UINT32 asym, const BYTE *in, DWORD in_len, BYTE **blob, DWORD *len)
{
    struct asym_complete_params p = { 0 };
    NTSTATUS status;

    if (!(*blob = dss_buffer(in_len))) return FALSE;
    p.asym = asym;
    p.input = BRIDGE_PTR(in);
    p.input_len = in_len;
    p.output = BRIDGE_PTR(*blob);
    p.output_len = in_len;
    if ((status = bridge_call(BRIDGE_ASYM_COMPLETE, &p)))
    {
        glue_blob_free(*blob, in_len);
        *blob = NULL;
        return dss_status(status);
    }
    *len = p.output_len;
    return TRUE;
}

/* Each 20-byte half of a signature changes byte order. */
static void dss_swap_halves(BYTE *dst, const BYTE *src)
{
    DWORD i;

    for (i = 0; i < DSS_HALF_SIG; i++)
    {
        dst[i] = src[DSS_HALF_SIG - 1 - i];
        dst[DSS_HALF_SIG + i] = src[2 * DSS_HALF_SIG - 1 - i];
    }
}

static BOOL dsa_sign_call(const struct csp_key *key, UINT32 call, const BYTE *digest, BYTE *sig)
{
    struct asym_sign_params p = { 0 };

    p.asym = BRIDGE_ASYM_DSA;
    p.padding = BRIDGE_PAD_NONE;
    p.hash = BRIDGE_HASH_SHA1;
    p.key = BRIDGE_PTR(key->rsa);
    p.key_len = key->rsa_len;
    p.digest = BRIDGE_PTR(digest);
    p.digest_len = 20;
    p.signature = BRIDGE_PTR(sig);
    p.signature_len = 2 * DSS_HALF_SIG;
    return dss_status(bridge_call(call, &p));
}

BOOL glue_dsa_sign(const struct csp_key *key, const BYTE *digest, BYTE *signature)
{
    BYTE sig[2 * DSS_HALF_SIG];
    BOOL ret;

    if ((ret = dsa_sign_call(key, BRIDGE_ASYM_SIGN, digest, sig))) dss_swap_halves(signature, sig);
    return ret;
}

BOOL glue_dsa_verify(const struct csp_key *key, const BYTE *digest, const BYTE *signature)
{
    BYTE sig[2 * DSS_HALF_SIG];

    dss_swap_halves(sig, signature);
    return dsa_sign_call(key, BRIDGE_ASYM_VERIFY, digest, sig);
}

/* secret: len bytes (the modulus length), big-endian as the bridge gives it. */
BOOL glue_dh_agree(const struct csp_key *key, const BYTE *peer, DWORD peer_len, BYTE *secret, DWORD len)
{
    struct asym_agree_params p = { 0 };
    NTSTATUS status;

    p.asym = BRIDGE_ASYM_DH;
    p.private_key = BRIDGE_PTR(key->rsa);
    p.private_len = key->rsa_len;
    p.public_key = BRIDGE_PTR(peer);
    p.public_len = peer_len;
    p.output = BRIDGE_PTR(secret);
    p.output_len = len;
    if ((status = bridge_call(BRIDGE_ASYM_AGREE, &p))) return dss_status(status);
    if (p.output_len != len) return csp_fail(NTE_FAIL);
    return TRUE;
}
