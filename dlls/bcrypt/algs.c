/*
 * THE algorithm table and the provider handles built on it: open, close,
 * pseudo-handles and BCryptEnumAlgorithms.  Everything the DLL knows about an
 * algorithm is in its row; nothing else switches on the algorithm.
 */
#include <wchar.h>
#include "bcrypt_private.h"

DEFAULT_DEBUG_CHANNEL(bcrypt);

#define BLOCK_MODES (MODE_BIT(MODE_CBC) | MODE_BIT(MODE_ECB) | MODE_BIT(MODE_CFB))
#define AES_MODES   (BLOCK_MODES | MODE_BIT(MODE_CCM) | MODE_BIT(MODE_GCM))

/* Sources: block and key lengths [wine-test] for AES/3DES/RC4; DES, 3DES_112, RC2 [hypothesis]. */
static const struct alg_row alg_rows[] =
{
    /* name                   class             operations                   cipher               hash              block key bits {min,max,inc} modes         default   hash  hblk */
    { BCRYPT_AES_ALGORITHM,      ALG_KIND_CIPHER, BCRYPT_CIPHER_OPERATION, BRIDGE_CIPHER_AES,  0,                  16, {128, 256, 64},  AES_MODES,   MODE_CBC },
    { BCRYPT_DES_ALGORITHM,      ALG_KIND_CIPHER, BCRYPT_CIPHER_OPERATION, BRIDGE_CIPHER_DES,  0,                   8, { 64,  64,  0},  BLOCK_MODES, MODE_CBC },
    { BCRYPT_3DES_ALGORITHM,     ALG_KIND_CIPHER, BCRYPT_CIPHER_OPERATION, BRIDGE_CIPHER_3DES, 0,                   8, {192, 192,  0},  BLOCK_MODES, MODE_CBC },
    { BCRYPT_3DES_112_ALGORITHM, ALG_KIND_CIPHER, BCRYPT_CIPHER_OPERATION, BRIDGE_CIPHER_3DES, 0,                   8, {128, 128,  0},  BLOCK_MODES, MODE_CBC },
    { BCRYPT_RC2_ALGORITHM,      ALG_KIND_CIPHER, BCRYPT_CIPHER_OPERATION, BRIDGE_CIPHER_RC2,  0,                   8, { 16, 128,  8},  BLOCK_MODES, MODE_CBC },
    { BCRYPT_RC4_ALGORITHM,      ALG_KIND_CIPHER, BCRYPT_CIPHER_OPERATION, BRIDGE_CIPHER_RC4,  0,                   1, {  8, 512,  8},  MODE_BIT(MODE_NA), MODE_NA },
    { BCRYPT_MD2_ALGORITHM,      ALG_KIND_HASH,   BCRYPT_HASH_OPERATION,   0, BRIDGE_HASH_MD2,    0, {0}, 0, MODE_NA, 16,  16 },
    { BCRYPT_MD4_ALGORITHM,      ALG_KIND_HASH,   BCRYPT_HASH_OPERATION,   0, BRIDGE_HASH_MD4,    0, {0}, 0, MODE_NA, 16,  64 },
    { BCRYPT_MD5_ALGORITHM,      ALG_KIND_HASH,   BCRYPT_HASH_OPERATION,   0, BRIDGE_HASH_MD5,    0, {0}, 0, MODE_NA, 16,  64 },
    { BCRYPT_SHA1_ALGORITHM,     ALG_KIND_HASH,   BCRYPT_HASH_OPERATION,   0, BRIDGE_HASH_SHA1,   0, {0}, 0, MODE_NA, 20,  64 },
    { BCRYPT_SHA256_ALGORITHM,   ALG_KIND_HASH,   BCRYPT_HASH_OPERATION,   0, BRIDGE_HASH_SHA256, 0, {0}, 0, MODE_NA, 32,  64 },
    { BCRYPT_SHA384_ALGORITHM,   ALG_KIND_HASH,   BCRYPT_HASH_OPERATION,   0, BRIDGE_HASH_SHA384, 0, {0}, 0, MODE_NA, 48, 128 },
    { BCRYPT_SHA512_ALGORITHM,   ALG_KIND_HASH,   BCRYPT_HASH_OPERATION,   0, BRIDGE_HASH_SHA512, 0, {0}, 0, MODE_NA, 64, 128 },
    { BCRYPT_RNG_ALGORITHM,      ALG_KIND_RNG,    BCRYPT_RNG_OPERATION,    0, 0,                  0, {0}, 0, MODE_NA },
#define ASYM(name, ops, min, max, inc, family, asym, curve) \
    { name, ALG_KIND_ASYM, ops, 0, 0, 0, {min, max, inc}, 0, MODE_NA, 0, 0, &family, asym, curve }
#define SIGN BCRYPT_SIGNATURE_OPERATION
#define AGREE BCRYPT_SECRET_AGREEMENT_OPERATION
    /* key lengths: RSA [doc: 512..16384 step 64]; the rest [hypothesis] */
    ASYM(BCRYPT_RSA_ALGORITHM,        BCRYPT_ASYMMETRIC_ENCRYPTION_OPERATION | SIGN,
                                              512, 16384, 64, rsa_family, BRIDGE_ASYM_RSA,   BRIDGE_CURVE_NONE),
    ASYM(BCRYPT_RSA_SIGN_ALGORITHM,   SIGN,   512, 16384, 64, rsa_family, BRIDGE_ASYM_RSA,   BRIDGE_CURVE_NONE),
    ASYM(BCRYPT_ECDSA_P256_ALGORITHM, SIGN,   256, 256, 0,    ecc_family, BRIDGE_ASYM_ECDSA, BRIDGE_CURVE_P256),
    ASYM(BCRYPT_ECDSA_P384_ALGORITHM, SIGN,   384, 384, 0,    ecc_family, BRIDGE_ASYM_ECDSA, BRIDGE_CURVE_P384),
    ASYM(BCRYPT_ECDSA_P521_ALGORITHM, SIGN,   521, 521, 0,    ecc_family, BRIDGE_ASYM_ECDSA, BRIDGE_CURVE_P521),
    ASYM(BCRYPT_ECDSA_ALGORITHM,      SIGN,   256, 521, 0,    ecc_family, BRIDGE_ASYM_ECDSA, BRIDGE_CURVE_NONE),
    ASYM(BCRYPT_ECDH_P256_ALGORITHM,  AGREE,  256, 256, 0,    ecc_family, BRIDGE_ASYM_ECDH,  BRIDGE_CURVE_P256),
    ASYM(BCRYPT_ECDH_P384_ALGORITHM,  AGREE,  384, 384, 0,    ecc_family, BRIDGE_ASYM_ECDH,  BRIDGE_CURVE_P384),
    ASYM(BCRYPT_ECDH_P521_ALGORITHM,  AGREE,  521, 521, 0,    ecc_family, BRIDGE_ASYM_ECDH,  BRIDGE_CURVE_P521),
    ASYM(BCRYPT_ECDH_ALGORITHM,       AGREE,  256, 521, 0,    ecc_family, BRIDGE_ASYM_ECDH,  BRIDGE_CURVE_NONE),
    ASYM(BCRYPT_DSA_ALGORITHM,        SIGN,   512, 3072, 64,  dsa_family, BRIDGE_ASYM_DSA,   BRIDGE_CURVE_NONE),
    ASYM(BCRYPT_DH_ALGORITHM,         AGREE,  512, 4096, 64,  dh_family,  BRIDGE_ASYM_DH,    BRIDGE_CURVE_NONE),
#undef ASYM
#undef SIGN
#undef AGREE
    /* key derivation functions for BCryptKeyDerivation (Windows 8+) [doc] */
#define KDF(name, ops) { name, ALG_KIND_KDF, BCRYPT_KEY_DERIVATION_OPERATION, .kdf = &ops }
    KDF(BCRYPT_SP800108_CTR_HMAC_ALGORITHM, kdf_sp800108),
    KDF(BCRYPT_SP80056A_CONCAT_ALGORITHM,   kdf_sp80056a),
    KDF(BCRYPT_PBKDF2_ALGORITHM,            kdf_pbkdf2),
    KDF(BCRYPT_CAPI_KDF_ALGORITHM,          kdf_capi),
#undef KDF
};

/* GCM tags 12..16 [wine-test]; CCM 4..16 step 2 [doc: SP 800-38C]. */
const struct mode_row mode_rows[MODE_COUNT] =
{
    [MODE_NA]  = { BCRYPT_CHAIN_MODE_NA,  BRIDGE_MODE_STREAM, FALSE, FALSE, FALSE },
    [MODE_CBC] = { BCRYPT_CHAIN_MODE_CBC, BRIDGE_MODE_CBC,    FALSE, TRUE,  TRUE },
    [MODE_ECB] = { BCRYPT_CHAIN_MODE_ECB, BRIDGE_MODE_ECB,    FALSE, FALSE, TRUE },
    [MODE_CFB] = { BCRYPT_CHAIN_MODE_CFB, BRIDGE_MODE_CFB8,   FALSE, TRUE,  FALSE },
    [MODE_CCM] = { BCRYPT_CHAIN_MODE_CCM, BRIDGE_MODE_CCM,    TRUE,  FALSE, FALSE, {4, 16, 2} },
    [MODE_GCM] = { BCRYPT_CHAIN_MODE_GCM, BRIDGE_MODE_GCM,    TRUE,  FALSE, FALSE, {12, 16, 1} },
};

/* Windows 10 pseudo-handles: handle = (index << 4) | 1 [doc: bcrypt.h]. */
static const struct { const WCHAR *name; enum chain_mode mode; ULONG flags; } pseudo_rows[] =
{
    { BCRYPT_MD2_ALGORITHM }, { BCRYPT_MD4_ALGORITHM }, { BCRYPT_MD5_ALGORITHM },
    { BCRYPT_SHA1_ALGORITHM }, { BCRYPT_SHA256_ALGORITHM }, { BCRYPT_SHA384_ALGORITHM },
    { BCRYPT_SHA512_ALGORITHM }, { BCRYPT_RC4_ALGORITHM, MODE_NA }, { BCRYPT_RNG_ALGORITHM },
    { BCRYPT_MD5_ALGORITHM, 0, BCRYPT_ALG_HANDLE_HMAC_FLAG },
    { BCRYPT_SHA1_ALGORITHM, 0, BCRYPT_ALG_HANDLE_HMAC_FLAG },
    { BCRYPT_SHA256_ALGORITHM, 0, BCRYPT_ALG_HANDLE_HMAC_FLAG },
    { BCRYPT_SHA384_ALGORITHM, 0, BCRYPT_ALG_HANDLE_HMAC_FLAG },
    { BCRYPT_SHA512_ALGORITHM, 0, BCRYPT_ALG_HANDLE_HMAC_FLAG },
    { BCRYPT_RSA_ALGORITHM }, { BCRYPT_ECDSA_ALGORITHM }, { NULL /* AES-CMAC */ }, { NULL /* AES-GMAC */ },
    { BCRYPT_MD2_ALGORITHM, 0, BCRYPT_ALG_HANDLE_HMAC_FLAG },
    { BCRYPT_MD4_ALGORITHM, 0, BCRYPT_ALG_HANDLE_HMAC_FLAG },
    { BCRYPT_3DES_ALGORITHM, MODE_CBC }, { BCRYPT_3DES_ALGORITHM, MODE_ECB }, { BCRYPT_3DES_ALGORITHM, MODE_CFB },
    { BCRYPT_3DES_112_ALGORITHM, MODE_CBC }, { BCRYPT_3DES_112_ALGORITHM, MODE_ECB }, { BCRYPT_3DES_112_ALGORITHM, MODE_CFB },
    { BCRYPT_AES_ALGORITHM, MODE_CBC }, { BCRYPT_AES_ALGORITHM, MODE_ECB }, { BCRYPT_AES_ALGORITHM, MODE_CFB },
    { BCRYPT_AES_ALGORITHM, MODE_CCM }, { BCRYPT_AES_ALGORITHM, MODE_GCM },
    { BCRYPT_DES_ALGORITHM, MODE_CBC }, { BCRYPT_DES_ALGORITHM, MODE_ECB }, { BCRYPT_DES_ALGORITHM, MODE_CFB },
    { NULL /* DESX_CBC */ }, { NULL /* DESX_ECB */ }, { NULL /* DESX_CFB */ },
    { BCRYPT_RC2_ALGORITHM, MODE_CBC }, { BCRYPT_RC2_ALGORITHM, MODE_ECB }, { BCRYPT_RC2_ALGORITHM, MODE_CFB },
    { BCRYPT_DH_ALGORITHM }, { BCRYPT_ECDH_ALGORITHM },
    { BCRYPT_ECDH_P256_ALGORITHM }, { BCRYPT_ECDH_P384_ALGORITHM }, { BCRYPT_ECDH_P521_ALGORITHM },
    { BCRYPT_DSA_ALGORITHM },
    { BCRYPT_ECDSA_P256_ALGORITHM }, { BCRYPT_ECDSA_P384_ALGORITHM }, { BCRYPT_ECDSA_P521_ALGORITHM },
    { BCRYPT_RSA_SIGN_ALGORITHM },
    { BCRYPT_CAPI_KDF_ALGORITHM }, { BCRYPT_PBKDF2_ALGORITHM },
    { BCRYPT_SP800108_CTR_HMAC_ALGORITHM }, { BCRYPT_SP80056A_CONCAT_ALGORITHM },
};
#define PSEUDO_COUNT (sizeof(pseudo_rows) / sizeof(pseudo_rows[0]))

static struct algorithm pseudo_algs[PSEUDO_COUNT];
static INIT_ONCE pseudo_once = INIT_ONCE_STATIC_INIT;

const struct alg_row *alg_find_by_name(const WCHAR *name)
{
    SIZE_T i;

    for (i = 0; i < ARRAYSIZE(alg_rows); i++)
        if (!wcscmp(alg_rows[i].name, name)) return &alg_rows[i];
    return NULL;
}

static BOOL CALLBACK pseudo_init(INIT_ONCE *once, void *param, void **context)
{
    SIZE_T i;

    for (i = 0; i < PSEUDO_COUNT; i++)
    {
        if (!pseudo_rows[i].name) continue;
        pseudo_algs[i].hdr.magic = MAGIC_ALG;
        pseudo_algs[i].row = alg_find_by_name(pseudo_rows[i].name);
        pseudo_algs[i].mode = pseudo_rows[i].mode;
        pseudo_algs[i].flags = pseudo_rows[i].flags;
        pseudo_algs[i].msg_block_len = 1;
        pseudo_algs[i].curve = pseudo_algs[i].row->curve;
        pseudo_algs[i].refs = 1;
        pseudo_algs[i].pseudo = TRUE;
    }
    return TRUE;
}

static BOOL is_pseudo_handle(BCRYPT_ALG_HANDLE handle)
{
    return ((ULONG_PTR)handle & 0xf) == 1 && ((ULONG_PTR)handle >> 4) < 0x1000;
}

struct algorithm *alg_from_handle(BCRYPT_ALG_HANDLE handle)
{
    if (is_pseudo_handle(handle))
    {
        SIZE_T index = (ULONG_PTR)handle >> 4;
        if (index >= PSEUDO_COUNT || !pseudo_rows[index].name) return NULL;
        InitOnceExecuteOnce(&pseudo_once, pseudo_init, NULL, NULL);
        return &pseudo_algs[index];
    }
    return (struct algorithm *)object_lookup(handle, MAGIC_ALG);
}

void alg_addref(struct algorithm *alg)
{
    if (!alg->pseudo) InterlockedIncrement(&alg->refs);
}

void alg_release(struct algorithm *alg)
{
    if (alg->pseudo || InterlockedDecrement(&alg->refs)) return;
    if (alg->params) HeapFree(GetProcessHeap(), 0, alg->params);
    secure_wipe(alg, sizeof(*alg));
    HeapFree(GetProcessHeap(), 0, alg);
}

/* What BCRYPT_OBJECT_LENGTH reports: our object plus room to align it to 16. */
ULONG alg_object_len(const struct alg_row *row)
{
    if (row->kind == ALG_KIND_CIPHER || row->kind == ALG_KIND_KDF) return sizeof(struct key) + 15;
    if (row->kind == ALG_KIND_HASH) return HASH_OBJECT_SIZE(1) + 15;
    return 0;
}

/* len_bytes 0 means "up to the terminating NUL" (SetProperty with cbInput 0 [wine-test]). */
enum chain_mode mode_from_name(const WCHAR *name, ULONG len_bytes)
{
    SIZE_T i, chars = len_bytes / sizeof(WCHAR);

    for (i = 0; i < MODE_COUNT; i++)
    {
        SIZE_T n = wcslen(mode_rows[i].name);
        if (len_bytes && chars < n) continue;
        if (!wcsncmp(mode_rows[i].name, name, n) && (!len_bytes || chars == n || !name[n])) return i;
    }
    return MODE_COUNT;
}

NTSTATUS WINAPI BCryptOpenAlgorithmProvider(BCRYPT_ALG_HANDLE *handle, const WCHAR *id,
                                            const WCHAR *implementation, ULONG flags)
{
    const ULONG supported = BCRYPT_ALG_HANDLE_HMAC_FLAG | BCRYPT_HASH_REUSABLE_FLAG | BCRYPT_MULTI_FLAG;
    const struct alg_row *row;
    struct algorithm *alg;

    TRACE("%p, %s, %s, %#lx\n", handle, debugstr_w(id), debugstr_w(implementation), flags);

    if (!handle || !id) return STATUS_INVALID_PARAMETER;
    if (flags & ~supported)
    {
        FIXME("unsupported flags %#lx\n", flags & ~supported);
        return STATUS_NOT_IMPLEMENTED;
    }
    if (implementation && wcscmp(implementation, MS_PRIMITIVE_PROVIDER))
    {
        WARN("unknown implementation %s\n", debugstr_w(implementation));
        return STATUS_NOT_FOUND;
    }
    if (!(row = alg_find_by_name(id)))
    {
        FIXME("algorithm %s not available\n", debugstr_w(id));
        return STATUS_NOT_FOUND;
    }
    /* The HMAC and multi-hash flags only mean something for hashes [doc]. */
    if ((flags & (BCRYPT_ALG_HANDLE_HMAC_FLAG | BCRYPT_MULTI_FLAG)) && row->kind != ALG_KIND_HASH)
        return STATUS_NOT_SUPPORTED;

    if (!(alg = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, sizeof(*alg)))) return STATUS_NO_MEMORY;
    alg->hdr.magic = MAGIC_ALG;
    alg->row = row;
    alg->mode = row->default_mode;
    alg->flags = flags;
    alg->msg_block_len = 1;
    alg->curve = row->curve;
    alg->refs = 1;
    if (!object_register(&alg->hdr))
    {
        HeapFree(GetProcessHeap(), 0, alg);
        return STATUS_NO_MEMORY;
    }
    *handle = alg;
    TRACE("returning %p\n", alg);
    return STATUS_SUCCESS;
}

NTSTATUS WINAPI BCryptCloseAlgorithmProvider(BCRYPT_ALG_HANDLE handle, ULONG flags)
{
    struct algorithm *alg;

    TRACE("%p, %#lx\n", handle, flags);

    /* Pseudo-handles cannot be closed [wine-test]. */
    if (is_pseudo_handle(handle) || !(alg = (struct algorithm *)object_lookup(handle, MAGIC_ALG)))
        return STATUS_INVALID_HANDLE;
    object_unregister(&alg->hdr);
    alg->hdr.magic = 0;
    alg_release(alg);   /* keys made from it keep it alive [win-re] */
    return STATUS_SUCCESS;
}

/* BCRYPT_ALGORITHM_IDENTIFIER.dwClass holds the interface id [doc]. */
static ULONG row_interface(const struct alg_row *row)
{
    static const struct { ULONG operation, iface; } interfaces[] =
    {
        { BCRYPT_CIPHER_OPERATION,                BCRYPT_CIPHER_INTERFACE },
        { BCRYPT_HASH_OPERATION,                  BCRYPT_HASH_INTERFACE },
        { BCRYPT_ASYMMETRIC_ENCRYPTION_OPERATION, BCRYPT_ASYMMETRIC_ENCRYPTION_INTERFACE },
        { BCRYPT_SECRET_AGREEMENT_OPERATION,      BCRYPT_SECRET_AGREEMENT_INTERFACE },
        { BCRYPT_SIGNATURE_OPERATION,             BCRYPT_SIGNATURE_INTERFACE },
        { BCRYPT_RNG_OPERATION,                   BCRYPT_RNG_INTERFACE },
        { BCRYPT_KEY_DERIVATION_OPERATION,        BCRYPT_KEY_DERIVATION_INTERFACE },
    };
    SIZE_T i;

    for (i = 0; i < ARRAYSIZE(interfaces); i++)
        if (row->operations & interfaces[i].operation) return interfaces[i].iface;
    return 0;
}

NTSTATUS WINAPI BCryptEnumAlgorithms(ULONG operations, ULONG *count, BCRYPT_ALGORITHM_IDENTIFIER **list,
                                     ULONG flags)
{
    const ULONG known = BCRYPT_CIPHER_OPERATION | BCRYPT_HASH_OPERATION | BCRYPT_ASYMMETRIC_ENCRYPTION_OPERATION
                      | BCRYPT_SECRET_AGREEMENT_OPERATION | BCRYPT_SIGNATURE_OPERATION | BCRYPT_RNG_OPERATION
                      | BCRYPT_KEY_DERIVATION_OPERATION;
    BCRYPT_ALGORITHM_IDENTIFIER *ids;
    SIZE_T i, n = 0, chars = 0;
    WCHAR *strings;

    TRACE("%#lx, %p, %p, %#lx\n", operations, count, list, flags);

    if (!count || !list || (operations & ~known)) return STATUS_INVALID_PARAMETER;
    for (i = 0; i < ARRAYSIZE(alg_rows); i++)
    {
        if (operations && !(alg_rows[i].operations & operations)) continue;
        n++;
        chars += wcslen(alg_rows[i].name) + 1;
    }
    /* One block, freed by BCryptFreeBuffer: the array, then the names. */
    if (!(ids = HeapAlloc(GetProcessHeap(), 0, n * sizeof(*ids) + chars * sizeof(WCHAR)))) return STATUS_NO_MEMORY;
    strings = (WCHAR *)(ids + n);
    for (i = 0, n = 0; i < ARRAYSIZE(alg_rows); i++)
    {
        if (operations && !(alg_rows[i].operations & operations)) continue;
        wcscpy(strings, alg_rows[i].name);
        ids[n].pszName = strings;
        ids[n].dwClass = row_interface(&alg_rows[i]);
        ids[n].dwFlags = 0;
        strings += wcslen(strings) + 1;
        n++;
    }
    *count = n;
    *list = ids;
    return STATUS_SUCCESS;
}

void WINAPI BCryptFreeBuffer(void *buffer)
{
    TRACE("%p\n", buffer);
    if (buffer) HeapFree(GetProcessHeap(), 0, buffer);
}
