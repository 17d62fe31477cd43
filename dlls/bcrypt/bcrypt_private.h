/*
 * Internals of our bcrypt.dll: objects, the algorithm table, the bridge.
 * Every handle we hand out points at a struct that starts with struct object;
 * handles are looked up in a registry of live objects before they are read,
 * so a destroyed or foreign handle is an error status, never a crash.
 */
#ifndef DROPIN_BCRYPT_PRIVATE_H
#define DROPIN_BCRYPT_PRIVATE_H

#include <stdarg.h>
#include <ntstatus.h>
#define WIN32_NO_STATUS
#include <windows.h>
#include <bcrypt.h>
#include "cng_compat.h"
#include "bridge_params.h"
#include "debug.h"
#include "wipe.h"

#define MAGIC_ALG  0x414c4731  /* "ALG1" */
#define MAGIC_KEY  0x4b455931  /* "KEY1" */
#define MAGIC_HASH 0x48534831  /* "HSH1" */
#define MAGIC_SECRET 0x53454331  /* "SEC1" */

/* Windows' router refuses object buffers shorter than this before anything else. */
#define ROUTER_MIN_OBJECT_LEN 62

struct object
{
    ULONG magic;
    ULONG pad;
};

BOOL object_register(struct object *obj);
void object_unregister(struct object *obj);
struct object *object_lookup(const void *handle, ULONG magic);

/* ---- algorithms --------------------------------------------------------- */

enum alg_kind { ALG_KIND_CIPHER, ALG_KIND_HASH, ALG_KIND_RNG, ALG_KIND_ASYM, ALG_KIND_KDF };

struct asym_family;
struct kdf_ops;

enum chain_mode { MODE_NA, MODE_CBC, MODE_ECB, MODE_CFB, MODE_CCM, MODE_GCM, MODE_COUNT };
#define MODE_BIT(m) (1u << (m))

struct mode_row
{
    const WCHAR *name;          /* BCRYPT_CHAIN_MODE_* */
    enum bridge_mode bridge;
    BOOL aead;                  /* GCM/CCM: BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO */
    BOOL uses_iv;               /* CBC/CFB chain through pbIV */
    BOOL whole_blocks;          /* ECB/CBC: unpadded input must be whole blocks */
    BCRYPT_AUTH_TAG_LENGTHS_STRUCT tag_lengths;
};

struct alg_row
{
    const WCHAR *name;
    enum alg_kind kind;
    ULONG operations;           /* BCRYPT_*_OPERATION, for BCryptEnumAlgorithms */
    enum bridge_cipher cipher;
    enum bridge_hash hash;
    ULONG block_len;            /* bytes */
    BCRYPT_KEY_LENGTHS_STRUCT key_bits;
    ULONG modes;                /* MODE_BIT set */
    enum chain_mode default_mode;
    ULONG hash_len;
    ULONG hash_block_len;
    const struct asym_family *family;   /* ALG_KIND_ASYM: rsa.c, ecc.c, dsa.c, dh.c */
    enum bridge_asym asym;
    enum bridge_curve curve;            /* BRIDGE_CURVE_NONE: generic ECDSA/ECDH, set by property */
    const struct kdf_ops *kdf;          /* ALG_KIND_KDF: kdf.c */
};

struct algorithm
{
    struct object hdr;
    const struct alg_row *row;
    enum chain_mode mode;
    ULONG flags;                /* BCRYPT_ALG_HANDLE_HMAC_FLAG, BCRYPT_HASH_REUSABLE_FLAG, BCRYPT_MULTI_FLAG */
    ULONG effective_bits;       /* RC2; 0 = the key length */
    ULONG msg_block_len;        /* CFB feedback bytes */
    enum bridge_curve curve;    /* generic ECDSA/ECDH: BCRYPT_ECC_CURVE_NAME */
    UCHAR *params;              /* DSA/DH: domain parameters set by property, or NULL */
    ULONG params_len;
    LONG refs;                  /* the open handle plus each key/hash made from it */
    BOOL pseudo;
};

extern const struct mode_row mode_rows[MODE_COUNT];

const struct alg_row *alg_find_by_name(const WCHAR *name);
struct algorithm *alg_from_handle(BCRYPT_ALG_HANDLE handle);
void alg_addref(struct algorithm *alg);
void alg_release(struct algorithm *alg);
ULONG alg_object_len(const struct alg_row *row);
enum chain_mode mode_from_name(const WCHAR *name, ULONG len_bytes);

/* ---- keys and hashes ---------------------------------------------------- */

/* The asymmetric part of a key (heap): its canonical blob, see bridge_params.h. */
struct asym_key
{
    ULONG bits;                  /* modulus bits, or the curve's */
    enum bridge_curve curve;
    BOOL finalized;              /* imported, or FinalizeKeyPair done: usable */
    BOOL has_private;
    UCHAR *params;               /* DSA/DH domain parameters for FinalizeKeyPair, or NULL */
    ULONG params_len;
    UCHAR *blob;                 /* canonical key blob, NULL until finalized */
    ULONG blob_len;
};

struct key
{
    struct object hdr;
    struct algorithm *alg;       /* holds a reference */
    void *allocation;            /* our heap block when the caller gave no buffer */
    struct asym_key *asym;       /* NULL for symmetric keys */
    UCHAR *kdf_secret;           /* KDF keys: the raw secret, secret_len bytes on our heap */
    enum chain_mode mode;
    ULONG msg_block_len;
    ULONG secret_len;            /* bytes as imported (3DES_112: 16) */
    ULONG pad[3];
    struct bridge_cipher_state state;
};

/* A hash object, or a multi-hash (BCryptCreateMultiHash): count independent
 * states of the same (keyed) algorithm in one object. */
struct hash
{
    struct object hdr;
    struct algorithm *alg;       /* holds a reference */
    void *allocation;
    ULONG flags;                 /* BCRYPT_HASH_REUSABLE_FLAG */
    BOOL finished;               /* a non-reusable hash after FinishHash */
    BOOL multi;                  /* made by BCryptCreateMultiHash */
    ULONG count;                 /* states[] entries: 1 unless multi */
    struct bridge_hash_state states[];
};

/* Bytes of a hash object with n states (before the 16-byte alignment slack). */
#define HASH_OBJECT_SIZE(n) (offsetof(struct hash, states) + (SIZE_T)(n) * sizeof(struct bridge_hash_state))

/* Object buffers: NULL/0 allocates, otherwise the caller's memory holds the object. */
NTSTATUS object_buffer_check(UCHAR *buffer, ULONG len, ULONG needed);
void *object_place(UCHAR *buffer, ULONG size, void **allocation);
void object_free(struct object *obj, ULONG size, void *allocation);

struct key *key_from_handle(BCRYPT_KEY_HANDLE handle);
struct hash *hash_from_handle(BCRYPT_HASH_HANDLE handle);

/* The bridge's hash calls on a bare state (hash.c); HMAC when hmac is set (an empty key is a key). */
NTSTATUS hash_state_init(struct bridge_hash_state *state, const struct alg_row *row, BOOL hmac,
                         const UCHAR *key, ULONG key_len);
NTSTATUS hash_state_update(struct bridge_hash_state *state, const UCHAR *data, ULONG len);
/* Writes row->hash_len bytes; the state returns to its initial (keyed) value. */
NTSTATUS hash_state_finish(struct bridge_hash_state *state, const struct alg_row *row, UCHAR *output);
/* CryptDeriveKey's expansion of a digest into key_len (<= 2 * hash_len) bytes (hash.c). */
NTSTATUS capi_expand(const struct alg_row *row, const UCHAR *digest, UCHAR *key, ULONG key_len, BOOL force);
NTSTATUS key_create(struct algorithm *alg, UCHAR *buffer, ULONG buffer_len,
                    const UCHAR *secret, ULONG secret_len, struct key **out);
void key_set_mode(struct key *key, enum chain_mode mode, ULONG msg_block_len);
BOOL key_whole_blocks(const struct key *key);

struct secret
{
    struct object hdr;
    struct algorithm *alg;       /* of the private key; holds a reference */
    ULONG len;
    UCHAR data[];                /* the raw shared secret, big-endian */
};

struct secret *secret_from_handle(BCRYPT_SECRET_HANDLE handle);
void asym_destroy(struct key *key);

/* ---- asymmetric families ------------------------------------------------------ */

/*
 * What differs between RSA, ECC, DSA and DH lives in one row per family.
 * asym.c does handle checks, key life cycle and the calls that are the same
 * for all; a NULL entry answers STATUS_NOT_SUPPORTED.  Blob helpers:
 * asym_set_blob() completes and stores a canonical blob.
 */
struct prop_view;
struct asym_family
{
    /* BCryptGenerateKeyPair's length rule for this row */
    NTSTATUS (*check_bits)(const struct alg_row *row, ULONG bits);
    /* a blob of this type -> key (via asym_set_blob); STATUS_NOT_SUPPORTED for foreign types */
    NTSTATUS (*import)(struct key *key, const WCHAR *type, const UCHAR *input, ULONG input_len);
    /* key -> a blob of this type: size query when output is NULL */
    NTSTATUS (*export)(struct key *key, const WCHAR *type, UCHAR *output, ULONG output_len, ULONG *result);
    NTSTATUS (*sign)(struct key *key, void *padding_info, const UCHAR *hash, ULONG hash_len,
                     UCHAR *signature, ULONG signature_len, ULONG *result, ULONG flags);
    NTSTATUS (*verify)(struct key *key, void *padding_info, const UCHAR *hash, ULONG hash_len,
                       const UCHAR *signature, ULONG signature_len, ULONG flags);
    NTSTATUS (*crypt)(struct key *key, BOOL encrypt, const UCHAR *input, ULONG input_len, void *padding_info,
                      UCHAR *output, ULONG output_len, ULONG *result, ULONG flags);
    /* family properties of algorithm and key handles: value size, 0 if none, or an
     * NTSTATUS error (>= ASYM_PROP_ERROR, e.g. STATUS_INVALID_HANDLE for an unfinalized key) */
    ULONG (*read_prop)(const struct prop_view *view, const WCHAR *name, UCHAR *value, ULONG value_len);
    NTSTATUS (*set_prop)(struct prop_view *view, const WCHAR *name, const UCHAR *input, ULONG input_len);
};

#define ASYM_PROP_ERROR 0xC0000000u

extern const struct asym_family rsa_family, ecc_family, dsa_family, dh_family;

/* ---- key derivation functions (kdf.c): one row per BCryptKeyDerivation algorithm ---- */

extern const struct kdf_ops kdf_sp800108, kdf_sp80056a, kdf_pbkdf2, kdf_capi;

NTSTATUS asym_set_blob(struct key *key, const UCHAR *blob, ULONG blob_len);
NTSTATUS asym_export(struct key *key, const WCHAR *type, UCHAR *output, ULONG output_len, ULONG *result);
NTSTATUS asym_crypt(struct key *key, BOOL encrypt, UCHAR *input, ULONG input_len, void *padding_info,
                    UCHAR *output, ULONG output_len, ULONG *result, ULONG flags);
enum bridge_curve asym_key_curve(const struct key *key);
NTSTATUS asym_rs_signature(struct key *key, BOOL verify, const UCHAR *digest, ULONG digest_len,
                           UCHAR *signature, ULONG *signature_len);
NTSTATUS asym_key_set_params(struct asym_key *asym, const UCHAR *input, ULONG input_len);

/* ---- properties --------------------------------------------------------- */

/* What a property reads: the same view of an alg, key or hash handle. */
struct prop_view
{
    const struct alg_row *row;
    struct algorithm *alg;
    struct key *key;            /* NULL unless a key handle */
    struct hash *hash;          /* NULL unless a hash handle */
    enum chain_mode mode;
    ULONG effective_bits;
    ULONG msg_block_len;
};

NTSTATUS prop_view_from_handle(BCRYPT_HANDLE handle, struct prop_view *view);

/* ---- bridge -------------------------------------------------------------- */

NTSTATUS WINAPI bridge_call(UINT32 id, void *params);
NTSTATUS WINAPI bridge_available(void);
#define BRIDGE_PTR(p) ((UINT64)(ULONG_PTR)(p))


#endif
