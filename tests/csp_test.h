/*
 * Helpers shared by the CryptoAPI hash and derivation tests (csp_hash.c,
 * csp_derive.c): the five provider personalities, and checks that forward
 * the caller's line.  Include after winetest.h and <wincrypt.h>.
 */
#ifndef CSP_TEST_H
#define CSP_TEST_H

#include "cng_test.h"

#define SEED_DWORD 0xdeadbeefu

static const struct { const char *name; DWORD type; } providers[] =
{
    { MS_DEF_PROV_A, PROV_RSA_FULL },
    { MS_STRONG_PROV_A, PROV_RSA_FULL },
    { MS_ENHANCED_PROV_A, PROV_RSA_FULL },
    { MS_DEF_RSA_SCHANNEL_PROV_A, PROV_RSA_SCHANNEL },
    { MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES },
};
enum { BASE, STRONG, ENHANCED, SCHANNEL, AES, PROV_COUNT };
#define P_B   (1u << BASE)
#define P_S   (1u << STRONG)
#define P_E   (1u << ENHANCED)
#define P_C   (1u << SCHANNEL)
#define P_A   (1u << AES)
#define P_BSE (P_B | P_S | P_E)

static HCRYPTPROV provs[PROV_COUNT] WINETEST_UNUSED;

static inline void acquire_all(void)
{
    int p;

    for (p = 0; p < PROV_COUNT; p++)
        ok(CryptAcquireContextA(&provs[p], NULL, providers[p].name, providers[p].type, CRYPT_VERIFYCONTEXT),
           "%s: CryptAcquireContext failed: %#lx\n", providers[p].name, GetLastError());
}

static inline void release_all(void)
{
    int p;

    for (p = 0; p < PROV_COUNT; p++) if (provs[p]) CryptReleaseContext(provs[p], 0);
}

#define check_error(ret, err, what) ok(!(ret) && GetLastError() == (DWORD)(err), "%s: %d %#lx, expected %#lx\n", \
                                       what, ret, GetLastError(), (DWORD)(err))

/* Bytes 0, 1, 2, ... of any length, as Wine's tests hash them. */
static inline void counting(BYTE *buf, DWORD len, BYTE start)
{
    DWORD i;

    for (i = 0; i < len; i++) buf[i] = (BYTE)(start + i);
}

#define check_hash(hash, hex) check_hash_(__FILE__, __LINE__, hash, hex)
static inline void check_hash_(const char *file, int line, HCRYPTHASH hash, const char *hex)
{
    BYTE value[80], expect[80];
    DWORD len = sizeof(value), n = hex_to_bytes(hex, expect, sizeof(expect));
    BOOL ret;

    seed(value, sizeof(value));
    ret = CryptGetHashParam(hash, HP_HASHVAL, value, &len, 0);
    ok_(file, line)(ret && len == n && !memcmp(value, expect, n), "HP_HASHVAL: %d %#lx %s, expected %s\n", ret,
                    GetLastError(), winetest_hex(value, len), hex);
}

#define hash_dword(hash, param) hash_dword_(__FILE__, __LINE__, hash, param)
static inline DWORD hash_dword_(const char *file, int line, HCRYPTHASH hash, DWORD param)
{
    DWORD value = SEED_DWORD, len = sizeof(value);
    BOOL ret = CryptGetHashParam(hash, param, (BYTE *)&value, &len, 0);

    ok_(file, line)(ret && len == sizeof(value), "HP %lu: %d %lu %#lx\n", param, ret, len, GetLastError());
    return value;
}

#define key_dword(key, param) key_dword_(__FILE__, __LINE__, key, param)
static inline DWORD key_dword_(const char *file, int line, HCRYPTKEY key, DWORD param)
{
    DWORD value = SEED_DWORD, len = sizeof(value);
    BOOL ret = CryptGetKeyParam(key, param, (BYTE *)&value, &len, 0);

    ok_(file, line)(ret && len == sizeof(value), "KP %lu: %d %lu %#lx\n", param, ret, len, GetLastError());
    return value;
}

#define new_hash(prov, algid, key) new_hash_(__FILE__, __LINE__, prov, algid, key)
static inline HCRYPTHASH new_hash_(const char *file, int line, HCRYPTPROV prov, ALG_ID algid, HCRYPTKEY key)
{
    HCRYPTHASH hash = 0;
    BOOL ret = CryptCreateHash(prov, algid, key, 0, &hash);

    ok_(file, line)(ret, "CryptCreateHash(%#x) failed: %#lx\n", algid, GetLastError());
    return ret ? hash : 0;
}

/* The base data of Wine's derive_key(): MD2 over bytes 0..1999 [wine-test]. */
static const char md2_2000[] WINETEST_UNUSED = "d5e1a7e9ac38c127f7731dba811698e0";

#define derive(prov, algid, flags) derive_(__FILE__, __LINE__, prov, algid, flags)
/* As Wine's derive_key(): derives, then the hash still reads its own value [wine-test]. */
static inline HCRYPTKEY derive_(const char *file, int line, HCRYPTPROV prov, ALG_ID algid, DWORD flags)
{
    HCRYPTHASH hash = new_hash_(file, line, prov, CALG_MD2, 0);
    HCRYPTKEY key = 0;
    BYTE data[2000];
    BOOL ret;

    counting(data, sizeof(data), 0);
    ok_(file, line)(CryptHashData(hash, data, sizeof(data), 0), "CryptHashData failed: %#lx\n", GetLastError());
    ret = CryptDeriveKey(prov, algid, hash, flags, &key);
    ok_(file, line)(ret, "CryptDeriveKey(%#x, %#lx) failed: %#lx\n", algid, flags, GetLastError());
    check_hash_(file, line, hash, md2_2000);
    CryptDestroyHash(hash);
    return ret ? key : 0;
}

#define check_encrypt(key, mode, pt, pt_len, hex) check_encrypt_(__FILE__, __LINE__, key, mode, pt, pt_len, hex)
/* One message, Final=TRUE; the whole output must match. */
static inline void check_encrypt_(const char *file, int line, HCRYPTKEY key, DWORD mode, const BYTE *pt, DWORD pt_len,
                           const char *hex)
{
    BYTE data[96], expect[96];
    DWORD len = pt_len, n = hex_to_bytes(hex, expect, sizeof(expect));
    BOOL ret;

    if (mode) ok_(file, line)(CryptSetKeyParam(key, KP_MODE, (BYTE *)&mode, 0), "KP_MODE: %#lx\n", GetLastError());
    seed(data, sizeof(data));
    memcpy(data, pt, pt_len);
    ret = CryptEncrypt(key, 0, TRUE, 0, data, &len, sizeof(data));
    ok_(file, line)(ret && len == n && !memcmp(data, expect, n), "encrypt: %d %#lx %s, expected %s\n", ret,
                    GetLastError(), winetest_hex(data, len), hex);
}

#define import_key(prov, algid, hex, flags) import_key_(__FILE__, __LINE__, prov, algid, hex, flags)
static inline HCRYPTKEY import_key_(const char *file, int line, HCRYPTPROV prov, ALG_ID algid, const char *hex,
                                    DWORD flags)
{
    struct { BLOBHEADER hdr; DWORD len; BYTE key[256]; } blob = { { PLAINTEXTKEYBLOB, CUR_BLOB_VERSION, 0, algid } };
    HCRYPTKEY key = 0;
    BOOL ret;

    blob.len = hex_to_bytes(hex, blob.key, sizeof(blob.key));
    ret = CryptImportKey(prov, (BYTE *)&blob, 12 + blob.len, 0, flags, &key);
    ok_(file, line)(ret, "CryptImportKey(%#x, %#lx) failed: %#lx\n", algid, flags, GetLastError());
    return ret ? key : 0;
}

#endif /* CSP_TEST_H */
