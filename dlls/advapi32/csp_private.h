/*
 * Internals of our rsaenh.dll (a CryptoAPI CSP).  Layout:
 *   handle.c     typed, refcounted handle table (index + 1; 0 is never valid)
 *   providers.c  provider personalities and their capability rows (data only)
 *   csp_glue.c   the only file that calls the bridge (cipher, hash, random)
 *   csp_main.c   contexts and provider parameters
 *   key.c        session keys: generate, parameters, duplicate, PLAINTEXTKEYBLOB
 *   crypt.c      CPEncrypt / CPDecrypt
 *   hash.c       hash objects, plus the CP* entry points not implemented yet
 *   rsa.c        RSA public keys: PUBLICKEYBLOB, CPVerifySignature
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

enum csp_personality { PERS_BASE, PERS_STRONG, PERS_ENHANCED, PERS_SCHANNEL, PERS_AES, PERS_COUNT };

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

struct csp_prov
{
    struct csp_object    hdr;
    enum csp_personality pers;
    DWORD                flags;      /* CPAcquireContext flags */
    DWORD                enum_algs;  /* next PP_ENUMALGS(_EX) row */
    char                 name[MAX_PATH];
};

#define CSP_MAX_KEY_LEN   BRIDGE_MAX_KEY_LEN   /* key bytes followed by salt bytes */
#define CSP_MAX_SALT_LEN  24                   /* KP_SALT_EX limit [wine-test] */

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
    DWORD  pub_exp;                       /* RSA public exponent */
    BYTE  *modulus;                       /* RSA modulus, key_len bytes, little-endian (heap) */
};

struct csp_hash
{
    struct csp_object        hdr;
    struct csp_prov         *prov;        /* referenced */
    ALG_ID                   algid;
    DWORD                    hash_len;
    BOOL                     finished;
    BYTE                     value[64];
    struct bridge_hash_state state;
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
BOOL key_publish(struct csp_key *key, HCRYPTPROV owner, HCRYPTKEY *handle);
BOOL rsa_import_public(struct csp_prov *prov, HCRYPTPROV owner, const BYTE *data, DWORD len, DWORD flags,
                       HCRYPTKEY *handle);
BOOL rsa_export_public(const struct csp_key *key, BYTE *data, DWORD *len);

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
BOOL glue_rsa_verify(const struct csp_key *key, ALG_ID hash_algid, const BYTE *digest, DWORD digest_len,
                     const BYTE *signature);

#endif /* DROPIN_CSP_PRIVATE_H */
