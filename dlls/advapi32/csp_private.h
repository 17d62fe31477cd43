/*
 * Internals of our rsaenh.dll (a CryptoAPI CSP).  Layout:
 *   handle.c     typed, refcounted handle table (index + 1; 0 is never valid)
 *   providers.c  provider personalities and their capability rows (data only)
 *   csp_glue.c   the only file that calls the bridge (cipher, hash, random)
 *   csp_main.c   contexts and provider parameters
 *   key.c        session keys: generate, parameters, duplicate, PLAINTEXTKEYBLOB
 *   crypt.c      CPEncrypt / CPDecrypt
 *   hash.c       hash objects: plain hashes, HMAC, CALG_MAC, CALG_SSL3_SHAMD5
 *   derive.c     CPDeriveKey, CPHashSessionKey, CRYPT_IPSEC_HMAC_KEY keys
 *   rsa.c        RSA keys: key pairs, RSA blobs, SIMPLEBLOB, CPSignHash, CPVerifySignature
 *   container.c  key containers in the registry store Wine's rsaenh uses; their PP_* values
 *   dss.c        dssenh.dll (these sources built again, dssenh.def): DSS and DH keys, DH agreement
 * Every entry point follows rsaenh's order: TRACE, context (NTE_BAD_UID),
 * object (NTE_BAD_KEY / NTE_BAD_HASH), pointers, flags, then the work.
 */
#ifndef DROPIN_CSP_PRIVATE_H
#define DROPIN_CSP_PRIVATE_H

#include <stdarg.h>
#include <stdio.h>
#include <windows.h>
#include <wincrypt.h>
#include "csp.h"
#include "bridge_params.h"
#include "debug.h"
#include "wipe.h"

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

/* SetLastError + FALSE in one statement, the CSP's way of failing. */
static inline BOOL csp_fail(DWORD error)
{
    SetLastError(error);
    return FALSE;
}

/* ---- handle table (handle.c) ------------------------------------------------ */

enum csp_type { CSP_TYPE_PROV = 1, CSP_TYPE_KEY, CSP_TYPE_HASH };

/* Header of every object in the table. */
struct csp_object
{
    enum csp_type type;
    LONG          refs;
    void        (*destroy)(struct csp_object *obj);   /* wipes and frees */
};

void *csp_object_alloc(SIZE_T size, enum csp_type type, void (*destroy)(struct csp_object *));
ULONG_PTR handle_insert(struct csp_object *obj, ULONG_PTR owner);   /* 0 on failure (object released) */
struct csp_object *handle_get(ULONG_PTR handle, enum csp_type type); /* adds a reference */
BOOL handle_valid(ULONG_PTR handle, enum csp_type type);
BOOL handle_close(ULONG_PTR handle, enum csp_type type);
void handle_close_owned(ULONG_PTR owner);
void csp_object_addref(struct csp_object *obj);
void csp_object_release(struct csp_object *obj);

/* ---- provider personalities (providers.c) ------------------------------------ */

/* PERS_DSS..PERS_DH_SCHANNEL are dssenh.dll's (the same code built as a second DLL, dss.c). */
enum csp_personality { PERS_BASE, PERS_STRONG, PERS_ENHANCED, PERS_SCHANNEL, PERS_AES,
                       PERS_DSS, PERS_DSS_DH, PERS_DSS_ENHANCED, PERS_DH_SCHANNEL, PERS_COUNT };

struct csp_provider
{
    const char *name;
    DWORD       prov_type;
};

/* Session ciphers: how an ALG_ID maps to the bridge and its key sizes. */
struct csp_cipher
{
    ALG_ID  algid;
    UINT32  cipher;         /* enum bridge_cipher */
    DWORD   block_len;      /* bytes; 0 for RC4 */
    DWORD   storage_bits;   /* fixed storage length (DES 64, 3DES 128/192), 0 if any */
    DWORD   effective_bits; /* the length callers may name instead of storage_bits */
    BOOL    salted;         /* RC2 and RC4 take a salt */
    BOOL    asym;           /* an RSA key: no bridge cipher state (rsa.c) */
};

extern const struct csp_provider csp_providers[PERS_COUNT];
enum csp_personality provider_from_name(const char *name, DWORD type);
BOOL provider_alg(enum csp_personality pers, ALG_ID algid, PROV_ENUMALGS_EX *out);
BOOL provider_enum_alg(enum csp_personality pers, DWORD index, PROV_ENUMALGS_EX *out);
const struct csp_cipher *cipher_from_algid(ALG_ID algid);

/* ---- objects ---------------------------------------------------------------- */

/* The two key pairs a container holds; AT_KEYEXCHANGE - 1 and AT_SIGNATURE - 1. */
enum csp_pair { PAIR_EXCHANGE, PAIR_SIGNATURE, PAIR_COUNT };

struct csp_prov
{
    struct csp_object    hdr;
    enum csp_personality pers;
    DWORD                flags;      /* CPAcquireContext flags */
    DWORD                enum_algs;  /* next PP_ENUMALGS(_EX) row */
    char                 name[MAX_PATH];
    /* key container (container.c); a verify context has no name and stores nothing */
    BOOL                 persistent;
    char                 container[MAX_PATH];
    DWORD                enum_containers;
    SRWLOCK              pairs_lock;
    struct csp_key      *pairs[PAIR_COUNT];
};

#define CSP_MAX_KEY_LEN   BRIDGE_MAX_KEY_LEN   /* key bytes followed by salt bytes */
#define CSP_MAX_SALT_LEN  24                   /* KP_SALT_EX limit [wine-test] */
#define CSP_MAX_HMAC_KEY_LEN 256               /* CRYPT_IPSEC_HMAC_KEY bytes we keep (derive.c) */

struct csp_key
{
    struct csp_object        hdr;
    struct csp_prov         *prov;        /* referenced */
    const struct csp_cipher *cipher;
    DWORD  mode;                          /* KP_MODE (CRYPT_MODE_*, 0 for RC4) */
    DWORD  mode_bits;
    DWORD  permissions;
    DWORD  key_len;                       /* bytes, without salt; RSA: modulus bytes */
    DWORD  salt_len;                      /* bytes after the key bytes that key the cipher */
    BOOL   salt_hidden;                   /* KP_SALT reports 0 bytes (see key.c) */
    DWORD  effective_bits;                /* RC2 KP_EFFECTIVE_KEYLEN, 0 = key length */
    BYTE   key[CSP_MAX_KEY_LEN];          /* key || salt */
    BYTE   iv[BRIDGE_MAX_BLOCK_LEN];      /* KP_IV */
    struct bridge_cipher_state state;     /* the running cipher: chain value, RC4 position */
    BYTE  *rsa;                           /* RSA: the bridge's canonical blob, "RSA1" or "RSA3" (heap) */
    DWORD  rsa_len;
    BOOL   rsa_private;
    DWORD  hmac_len;                      /* CRYPT_IPSEC_HMAC_KEY keys: bytes of hmac_key */
    BYTE   hmac_key[CSP_MAX_HMAC_KEY_LEN];   /* inline, so duplicates and wipes cover it */
};

enum csp_hash_kind { HASH_PLAIN, HASH_HMAC, HASH_MAC, HASH_VALUE_ONLY };

/* Plain data except key (referenced) and mac.state (released by glue):
 * a struct copy plus those two duplicates a hash (hash.c). */
struct csp_hash
{
    struct csp_object        hdr;
    struct csp_prov         *prov;        /* referenced */
    ALG_ID                   algid;
    DWORD                    hash_len;
    BOOL                     finished;
    BYTE                     value[64];
    struct bridge_hash_state state;       /* plain hash; HMAC: the inner hash */
    enum csp_hash_kind       kind;
    struct csp_key          *key;         /* HMAC, MAC: referenced */
    HCRYPTKEY                key_handle;  /* ...which must stay open while hashing [doc] */
    ALG_ID                   hmac_algid;  /* HMAC: 0 until HP_HMAC_INFO */
    struct bridge_hash_state outer;       /* HMAC: outer hash, already fed key ^ outer string */
    struct csp_key           mac;         /* MAC: private copy of the key's cipher (glue_mac_start) */
    DWORD                    mac_pending; /* MAC: bytes waiting in mac_block */
    BYTE                     mac_block[BRIDGE_MAX_BLOCK_LEN];
};

struct csp_prov *prov_get(HCRYPTPROV handle);     /* sets NTE_BAD_UID on failure */
struct csp_key  *key_get(HCRYPTKEY handle);       /* sets NTE_BAD_KEY on failure */
struct csp_hash *hash_get(HCRYPTHASH handle);     /* sets NTE_BAD_HASH on failure */
#define prov_put(p) csp_object_release(&(p)->hdr)
#define key_put(k)  csp_object_release(&(k)->hdr)
#define hash_put(h) csp_object_release(&(h)->hdr)

/* Standard "query a variable-length value" protocol (ERROR_MORE_DATA). */
BOOL copy_param(BYTE *dest, DWORD *dest_len, const void *src, DWORD src_len);

BOOL hash_update_data(struct csp_hash *hash, const BYTE *data, DWORD len);
BOOL hash_finish(struct csp_hash *hash);
struct csp_key *key_alloc(struct csp_prov *prov, const struct csp_cipher *cipher, DWORD flags);
struct csp_key *key_new(struct csp_prov *prov, ALG_ID algid, DWORD flags);
BOOL hmac_key_import(struct csp_prov *prov, HCRYPTPROV owner, const BYTE *secret, DWORD len, DWORD flags,
                     HCRYPTKEY *handle);
BOOL key_publish(struct csp_key *key, HCRYPTPROV owner, HCRYPTKEY *handle);

/* ---- RSA keys (rsa.c) and key containers (container.c) -------------------------- */

BOOL rsa_import_public(struct csp_prov *prov, HCRYPTPROV owner, const BYTE *data, DWORD len, DWORD flags,
                       HCRYPTKEY *handle);
BOOL rsa_export_public(const struct csp_key *key, BYTE *data, DWORD *len);
struct csp_key *rsa_key_from_private(struct csp_prov *prov, const BYTE *data, DWORD len, DWORD flags);
BOOL rsa_import_private(struct csp_prov *prov, HCRYPTPROV owner, const BYTE *data, DWORD len, DWORD flags,
                        HCRYPTKEY *handle);
BOOL rsa_export_private(const struct csp_key *key, BOOL force, BYTE *data, DWORD *len);
BOOL rsa_generate(struct csp_prov *prov, HCRYPTPROV owner, ALG_ID algid, DWORD flags, HCRYPTKEY *handle);
BOOL rsa_import_simple(struct csp_prov *prov, HCRYPTPROV owner, const BYTE *data, DWORD len, HCRYPTKEY pub_handle,
                       DWORD flags, HCRYPTKEY *handle);
BOOL rsa_export_simple(const struct csp_key *key, HCRYPTKEY pub_handle, DWORD flags, BYTE *data, DWORD *len);
BOOL rsa_encrypt(struct csp_key *key, struct csp_hash *hash, DWORD flags, BYTE *data, DWORD *len, DWORD buf_len);
BOOL rsa_decrypt(struct csp_key *key, struct csp_hash *hash, DWORD flags, BYTE *data, DWORD *len);

BOOL container_resolve(struct csp_prov *prov, const char *name);
DWORD container_open(struct csp_prov *prov);
DWORD container_create(struct csp_prov *prov);
DWORD container_delete(struct csp_prov *prov);
void container_install(struct csp_prov *prov, enum csp_pair pair, struct csp_key *key);
struct csp_key *container_key(struct csp_prov *prov, enum csp_pair pair);   /* referenced, or NULL */
void container_close(struct csp_prov *prov);
BOOL container_enum(struct csp_prov *prov, BYTE *data, DWORD *len, DWORD flags);
BOOL container_unique_name(struct csp_prov *prov, BYTE *data, DWORD *len);
BOOL container_security(struct csp_prov *prov, BYTE *data, DWORD *len, DWORD flags);
BOOL container_set_security(struct csp_prov *prov, const BYTE *data, DWORD flags);

/* ---- the bridge (csp_glue.c) -------------------------------------------------- */

BOOL glue_available(void);
BOOL glue_random(void *buffer, DWORD len);
BOOL glue_mode_supported(DWORD mode);
void glue_cipher_setup(struct csp_key *key, BOOL rekey);
void glue_cipher_restart(struct csp_key *key, BOOL rekey);
void glue_cipher_copy(struct bridge_cipher_state *dest, const struct bridge_cipher_state *src);
BOOL glue_cipher_run(struct csp_key *key, BYTE *data, DWORD len, BOOL encrypt);
void glue_cipher_release(struct bridge_cipher_state *state);
BOOL glue_hash_supported(ALG_ID algid, DWORD *hash_len);
BOOL glue_hash_init(struct bridge_hash_state *state, ALG_ID algid);
BOOL glue_hash_update(struct bridge_hash_state *state, const BYTE *data, DWORD len);
BOOL glue_hash_finish(struct bridge_hash_state *state, BYTE *out, DWORD len);
BOOL glue_hash_digest(ALG_ID algid, const BYTE *data, DWORD len, BYTE *out);
void glue_mac_start(struct csp_key *mac, const struct csp_key *key);
/* RSA: blobs are the bridge's canonical ones; signatures and ciphertexts are
 * exactly key_len bytes in CryptoAPI's little-endian order.  hash_algid 0:
 * a PKCS#1 v1.5 signature without DigestInfo. */
BOOL glue_rsa_generate(DWORD bits, BYTE **blob, DWORD *len);
BOOL glue_rsa_complete(const BYTE *in, DWORD in_len, BYTE **blob, DWORD *len);
BOOL glue_rsa_sign(const struct csp_key *key, ALG_ID hash_algid, const BYTE *digest, DWORD digest_len,
                   BYTE *signature);
BOOL glue_rsa_verify(const struct csp_key *key, ALG_ID hash_algid, const BYTE *digest, DWORD digest_len,
                     const BYTE *signature);
BOOL glue_rsa_encrypt(const struct csp_key *key, BOOL oaep, const BYTE *in, DWORD in_len, BYTE *out);
BOOL glue_rsa_decrypt(const struct csp_key *key, BOOL oaep, const BYTE *in, BYTE *out, DWORD *out_len);

/* ==== DSS and Diffie-Hellman keys (dss.c, the DSS block of csp_glue.c) ==================
 * A DSA or DH key keeps the bridge's canonical blob (BCRYPT_DSA_KEY_BLOB /
 * BCRYPT_DH_KEY_BLOB) in csp_key.rsa / rsa_len / rsa_private, so destroy and
 * CPDuplicateKey cover it as they do RSA; an agreed DH key keeps its secret there. */

BOOL provider_is_dss(enum csp_personality pers);
const char *provider_image(enum csp_personality pers);   /* "rsaenh.dll" or "dssenh.dll" */
BOOL asym_export_private(const struct csp_key *key, BOOL force, BYTE *data, DWORD *len);   /* RSA or DSS */
struct csp_key *asym_key_from_private(struct csp_prov *prov, const BYTE *data, DWORD len, DWORD flags);
BOOL glue_dsa_generate(DWORD bits, BYTE **blob, DWORD *len);
BOOL glue_dh_generate(DWORD bits, const BYTE *params, DWORD params_len, BYTE **blob, DWORD *len);
BOOL glue_asym_complete(UINT32 asym, const BYTE *in, DWORD in_len, BYTE **blob, DWORD *len);
BOOL glue_dsa_sign(const struct csp_key *key, const BYTE *digest, BYTE *signature);          /* 40 bytes */
BOOL glue_dsa_verify(const struct csp_key *key, const BYTE *digest, const BYTE *signature);
BOOL glue_dh_agree(const struct csp_key *key, const BYTE *peer, DWORD peer_len, BYTE *secret, DWORD len);
void glue_blob_free(BYTE *blob, DWORD len);

#endif /* DROPIN_CSP_PRIVATE_H */
