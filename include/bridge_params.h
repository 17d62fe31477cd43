/*
 * The one contract between our native PE DLLs and the unix half of the
 * cryptbridge module.  Both MinGW and the host gcc compile this header, so
 * it uses fixed-width types only; pointers travel as uint64_t.  Cipher and
 * hash state structs live in PE memory (the caller's object buffers) and the
 * unix side reads and writes them in place through those pointers.
 */
#ifndef BRIDGE_PARAMS_H
#define BRIDGE_PARAMS_H

#include <stdint.h>

#define BRIDGE_STATIC_ASSERT(name, cond) typedef char bridge_assert_##name[(cond) ? 1 : -1]

/* Statuses the bridge returns: NTSTATUS values, already mapped. */
#define BRIDGE_SUCCESS               0x00000000u
#define BRIDGE_UNSUCCESSFUL          0xC0000001u
#define BRIDGE_INVALID_PARAMETER     0xC000000Du
#define BRIDGE_NO_MEMORY             0xC0000017u
#define BRIDGE_NOT_SUPPORTED         0xC00000BBu
#define BRIDGE_INTERNAL_ERROR        0xC00000E5u
#define BRIDGE_AUTH_TAG_MISMATCH     0xC000A002u

enum bridge_call
{
    BRIDGE_PROCESS_ATTACH,   /* no params: checks that GnuTLS initialised */
    BRIDGE_KEY_CRYPT,        /* struct key_crypt_params */
    BRIDGE_KEY_AEAD,         /* struct key_aead_params */
    BRIDGE_KEY_RELEASE,      /* struct key_release_params */
    BRIDGE_HASH_INIT,        /* struct hash_init_params */
    BRIDGE_HASH_UPDATE,      /* struct hash_update_params */
    BRIDGE_HASH_FINISH,      /* struct hash_finish_params */
    BRIDGE_RANDOM,           /* struct random_params */
    BRIDGE_PBKDF2,           /* struct pbkdf2_params */
    BRIDGE_KEY_WRAP,         /* struct key_wrap_params */
    BRIDGE_CALL_COUNT
};

/* Block and stream ciphers.  3DES_112 arrives as a 24-byte K1|K2|K1 key. */
enum bridge_cipher
{
    BRIDGE_CIPHER_NONE,
    BRIDGE_CIPHER_AES,
    BRIDGE_CIPHER_DES,
    BRIDGE_CIPHER_3DES,
    BRIDGE_CIPHER_RC2,
    BRIDGE_CIPHER_RC4,
    BRIDGE_CIPHER_COUNT
};

enum bridge_mode
{
    BRIDGE_MODE_STREAM,      /* RC4: no chaining */
    BRIDGE_MODE_ECB,
    BRIDGE_MODE_CBC,
    BRIDGE_MODE_CFB8,        /* CNG's "CFB" is 8-bit feedback */
    BRIDGE_MODE_GCM,
    BRIDGE_MODE_CCM,
    BRIDGE_MODE_CFB,         /* full-block feedback (MESSAGE_BLOCK_LENGTH = block length) */
    BRIDGE_MODE_COUNT
};

enum bridge_hash
{
    BRIDGE_HASH_MD2,
    BRIDGE_HASH_MD4,
    BRIDGE_HASH_MD5,
    BRIDGE_HASH_SHA1,
    BRIDGE_HASH_SHA256,
    BRIDGE_HASH_SHA384,
    BRIDGE_HASH_SHA512,
    BRIDGE_HASH_COUNT
};

#define BRIDGE_MAX_KEY_LEN     64     /* RC4 up to 512 bits */
#define BRIDGE_MAX_BLOCK_LEN   16
#define BRIDGE_SCHEDULE_WORDS  560    /* room for nettle's AES context plus a GCM table */
#define BRIDGE_HASH_WORDS      96     /* room for three nettle hash contexts (HMAC) */

/* bridge_cipher_state.scheduled */
#define BRIDGE_SCHEDULE_EMPTY     0u   /* schedule[] must be expanded from key[] first */
#define BRIDGE_SCHEDULE_READY     1u   /* schedule[] is valid for (cipher, mode, key) */
#define BRIDGE_SCHEDULE_BUILDING  2u   /* a thread is expanding it right now */

/*
 * Everything a symmetric key is, in one copyable struct.  Copying it is a
 * complete duplicate except gnutls_handle, which belongs to one copy only and
 * is created lazily by the unix side.  "scheduled" says schedule[] holds
 * nettle contexts expanded from key[] for the current cipher/mode; RC4's
 * stream position lives there too, so a copy continues the same stream.
 */
struct bridge_cipher_state
{
    uint32_t cipher;          /* enum bridge_cipher */
    uint32_t mode;            /* enum bridge_mode */
    uint32_t key_len;         /* bytes used in key[] */
    uint32_t effective_bits;  /* RC2 effective key length */
    uint32_t block_len;       /* bytes; 1 for RC4 */
    uint32_t scheduled;       /* BRIDGE_SCHEDULE_*; the PE side only writes EMPTY */
    uint64_t gnutls_handle;   /* unix-side gnutls_cipher_hd_t, 0 until first CBC use */
    uint8_t  key[BRIDGE_MAX_KEY_LEN];
    uint8_t  chain[BRIDGE_MAX_BLOCK_LEN];  /* running IV of CBC and CFB */
    uint64_t schedule[BRIDGE_SCHEDULE_WORDS];
};

/* One call per BCryptEncrypt/BCryptDecrypt, whatever the length. */
struct key_crypt_params
{
    uint64_t state;           /* struct bridge_cipher_state * */
    uint64_t input;           /* may equal output */
    uint64_t output;
    uint32_t len;             /* whole blocks for ECB/CBC */
    uint32_t encrypt;         /* 1 = encrypt, 0 = decrypt */
};

#define BRIDGE_AEAD_CONTINUES  0x1   /* more calls follow: keep the MAC running */
#define BRIDGE_AEAD_STARTED    0x2   /* an earlier call already began this message */

/*
 * GCM and CCM.  The key holds no per-message state: as on Windows, a chained
 * message keeps its running MAC in the caller's pbMacContext and its byte
 * counts in the caller's auth-info struct, so any key copy can continue it.
 */
struct key_aead_params
{
    uint64_t state;           /* struct bridge_cipher_state * */
    uint64_t input;
    uint64_t output;
    uint64_t nonce;
    uint64_t auth_data;
    uint64_t tag;
    uint64_t mac_context;     /* 16 bytes, chained calls only */
    uint64_t data_done;       /* in/out: message bytes of earlier calls */
    uint32_t aad_done;        /* in/out: AAD bytes of earlier calls */
    uint32_t len;
    uint32_t nonce_len;
    uint32_t auth_len;
    uint32_t tag_len;
    uint32_t encrypt;
    uint32_t flags;           /* BRIDGE_AEAD_* */
    uint32_t pad;
};

struct key_release_params
{
    uint64_t state;           /* struct bridge_cipher_state * */
};

struct bridge_hash_state
{
    uint32_t hash;            /* enum bridge_hash */
    uint32_t hmac;            /* 1: ctx[] holds outer, inner and running contexts */
    uint64_t ctx[BRIDGE_HASH_WORDS];
};

struct hash_init_params
{
    uint64_t state;           /* struct bridge_hash_state *, hash and hmac set */
    uint64_t secret;
    uint32_t secret_len;
    uint32_t pad;
};

struct hash_update_params
{
    uint64_t state;
    uint64_t data;
    uint32_t len;
    uint32_t pad;
};

/* Writes the digest and resets the state to its initial (keyed) value. */
struct hash_finish_params
{
    uint64_t state;
    uint64_t output;
    uint32_t len;
    uint32_t pad;
};

struct random_params
{
    uint64_t buffer;
    uint32_t len;
    uint32_t pad;
};

struct pbkdf2_params
{
    uint32_t hash;            /* enum bridge_hash of the HMAC */
    uint32_t password_len;
    uint64_t password;
    uint64_t salt;
    uint64_t iterations;
    uint64_t output;
    uint32_t salt_len;
    uint32_t output_len;
};

/* RFC 3394 AES key wrap with the default IV, keyed by an AES key's bytes. */
struct key_wrap_params
{
    uint64_t state;           /* struct bridge_cipher_state * of the wrapping key */
    uint64_t input;
    uint64_t output;          /* wrap: len + 8 bytes; unwrap: len - 8 bytes */
    uint32_t len;             /* input bytes: a multiple of 8, at least 16 (wrap) or 24 (unwrap) */
    uint32_t wrap;            /* 1 = wrap, 0 = unwrap */
};

BRIDGE_STATIC_ASSERT(cipher_state_size, sizeof(struct bridge_cipher_state) == 4592);
BRIDGE_STATIC_ASSERT(key_crypt_size, sizeof(struct key_crypt_params) == 32);
BRIDGE_STATIC_ASSERT(key_aead_size, sizeof(struct key_aead_params) == 96);
BRIDGE_STATIC_ASSERT(hash_state_size, sizeof(struct bridge_hash_state) == 776);
BRIDGE_STATIC_ASSERT(pbkdf2_size, sizeof(struct pbkdf2_params) == 48);
BRIDGE_STATIC_ASSERT(key_wrap_size, sizeof(struct key_wrap_params) == 32);

#endif /* BRIDGE_PARAMS_H */
