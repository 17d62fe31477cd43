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
#define BRIDGE_BUFFER_TOO_SMALL      0xC0000023u
#define BRIDGE_INVALID_SIGNATURE     0xC000A000u
#define BRIDGE_AUTH_TAG_MISMATCH     0xC000A002u
#define BRIDGE_NTE_BAD_DATA          0x80090005u  /* an HRESULT: CNG answers bad key blobs with it */

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
    BRIDGE_ASYM_GENERATE,    /* struct asym_generate_params */
    BRIDGE_ASYM_COMPLETE,    /* struct asym_complete_params */
    BRIDGE_ASYM_SIGN,        /* struct asym_sign_params */
    BRIDGE_ASYM_VERIFY,      /* struct asym_sign_params */
    BRIDGE_ASYM_CRYPT,       /* struct asym_crypt_params */
    BRIDGE_ASYM_AGREE,       /* struct asym_agree_params */
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
#define BRIDGE_SCHEDULE_WORDS  60     /* nettle's largest: AES-256 encrypt + decrypt contexts */
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
    uint64_t gnutls_handle;   /* unix-side GnuTLS CBC or GCM handle (+ kind/busy bits), 0 until first use */
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

BRIDGE_STATIC_ASSERT(cipher_state_size, sizeof(struct bridge_cipher_state) == 592);
BRIDGE_STATIC_ASSERT(key_crypt_size, sizeof(struct key_crypt_params) == 32);
BRIDGE_STATIC_ASSERT(key_aead_size, sizeof(struct key_aead_params) == 96);
BRIDGE_STATIC_ASSERT(hash_state_size, sizeof(struct bridge_hash_state) == 776);
BRIDGE_STATIC_ASSERT(pbkdf2_size, sizeof(struct pbkdf2_params) == 48);
BRIDGE_STATIC_ASSERT(key_wrap_size, sizeof(struct key_wrap_params) == 32);

/* ---- asymmetric keys ------------------------------------------------------

 * An asymmetric key crosses the boundary as a "key blob" in CNG's own layouts
 * (header structs from bcrypt.h, then big-endian numbers), one canonical form
 * per family:
 *   RSA          BCRYPT_RSAKEY_BLOB, magic "RSA1" (public) or "RSA3" (full private)
 *   ECDSA, ECDH  BCRYPT_ECCKEY_BLOB: X, Y (public) or X, Y, d (private);
 *                the curve comes from the params, the magic's family is not checked
 *   DSA          BCRYPT_DSA_KEY_BLOB (q of 20 bytes) or BCRYPT_DSA_KEY_BLOB_V2
 *   DH           BCRYPT_DH_KEY_BLOB: p, g, y (public) or p, g, y, x (private)
 * The PE side converts every other blob type to and from these.
 */
enum bridge_asym
{
    BRIDGE_ASYM_RSA,
    BRIDGE_ASYM_ECDSA,
    BRIDGE_ASYM_ECDH,
    BRIDGE_ASYM_DSA,
    BRIDGE_ASYM_DH,
    BRIDGE_ASYM_COUNT
};

enum bridge_curve
{
    BRIDGE_CURVE_NONE,
    BRIDGE_CURVE_P256,
    BRIDGE_CURVE_P384,
    BRIDGE_CURVE_P521,
    BRIDGE_CURVE_COUNT
};

enum bridge_padding
{
    BRIDGE_PAD_NONE,          /* raw RSA; ECDSA/DSA signatures (r || s) */
    BRIDGE_PAD_PKCS1,         /* v1.5: type 1 for signatures, type 2 for encryption */
    BRIDGE_PAD_PSS,
    BRIDGE_PAD_OAEP,
    BRIDGE_PAD_COUNT
};

#define BRIDGE_HASH_NONE BRIDGE_HASH_COUNT   /* PKCS#1 signature without a DigestInfo */

/* Makes a key pair.  params: DSA or DH domain parameters as a
 * BCRYPT_DSA_PARAMETER_HEADER(_V2) / BCRYPT_DH_PARAMETER_HEADER blob, or 0. */
struct asym_generate_params
{
    uint32_t asym;            /* enum bridge_asym */
    uint32_t curve;           /* enum bridge_curve */
    uint32_t bits;            /* RSA/DSA/DH modulus bits; ECC: the curve's */
    uint32_t params_len;
    uint64_t params;
    uint64_t output;          /* the canonical private blob */
    uint32_t output_len;      /* in: capacity; out: bytes written (or needed, with BRIDGE_BUFFER_TOO_SMALL) */
    uint32_t pad;
};

/* Checks an imported canonical blob and fills what it may lack: RSA CRT
 * values and private exponent from p, q, e; the ECC or DH public value from
 * the private one.  Output is the complete canonical blob. */
struct asym_complete_params
{
    uint32_t asym;
    uint32_t curve;
    uint64_t input;
    uint64_t output;
    uint32_t input_len;
    uint32_t output_len;      /* in: capacity; out: bytes written */
};

/* Sign: digest -> signature.  Verify: BRIDGE_SUCCESS or BRIDGE_INVALID_SIGNATURE. */
struct asym_sign_params
{
    uint32_t asym;
    uint32_t curve;
    uint32_t padding;         /* enum bridge_padding */
    uint32_t hash;            /* enum bridge_hash of the digest (PKCS1/PSS), or BRIDGE_HASH_NONE */
    uint32_t salt_len;        /* PSS */
    uint32_t key_len;
    uint64_t key;             /* canonical blob: private to sign, public or private to verify */
    uint64_t digest;
    uint64_t signature;
    uint32_t digest_len;
    uint32_t signature_len;   /* sign: in capacity, out written; verify: in */
};

/* RSA encryption: PKCS#1 v1.5, OAEP (hash + label) or none. */
struct asym_crypt_params
{
    uint32_t asym;
    uint32_t padding;         /* enum bridge_padding */
    uint32_t hash;            /* OAEP */
    uint32_t encrypt;
    uint64_t key;
    uint64_t label;
    uint64_t input;
    uint64_t output;
    uint32_t key_len;
    uint32_t label_len;
    uint32_t input_len;
    uint32_t output_len;      /* in: capacity; out: bytes written */
};

/* ECDH / DH: the shared secret, big-endian, as long as the field (ECC X
 * coordinate) or the modulus (DH). */
struct asym_agree_params
{
    uint32_t asym;
    uint32_t curve;
    uint64_t private_key;
    uint64_t public_key;
    uint64_t output;
    uint32_t private_len;
    uint32_t public_len;
    uint32_t output_len;      /* in: capacity; out: bytes written */
    uint32_t pad;
};

BRIDGE_STATIC_ASSERT(asym_generate_size, sizeof(struct asym_generate_params) == 40);
BRIDGE_STATIC_ASSERT(asym_complete_size, sizeof(struct asym_complete_params) == 32);
BRIDGE_STATIC_ASSERT(asym_sign_size, sizeof(struct asym_sign_params) == 56);
BRIDGE_STATIC_ASSERT(asym_crypt_size, sizeof(struct asym_crypt_params) == 64);
BRIDGE_STATIC_ASSERT(asym_agree_size, sizeof(struct asym_agree_params) == 48);

#endif /* BRIDGE_PARAMS_H */
