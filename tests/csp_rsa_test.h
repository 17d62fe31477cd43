/*
 * Helpers shared by the CryptoAPI RSA and key container tests (csp_rsa.c,
 * csp_rsa_crypt.c, csp_rsa_interop.c): the provider personalities, container
 * set-up, blob import/export, and checks that forward the caller's line.
 * Include after winetest.h and <wincrypt.h>.
 */
#ifndef CSP_RSA_TEST_H
#define CSP_RSA_TEST_H

#include "cng_test.h"
#include "csp_rsa_vectors.h"

#define SEED_DWORD 0xdeadbeefu
#define PERMS_DEFAULT (CRYPT_ENCRYPT | CRYPT_DECRYPT | CRYPT_READ | CRYPT_WRITE | CRYPT_MAC)   /* 0x3b */

static const struct { const char *name; DWORD type; } providers[] WINETEST_UNUSED =
{
    { MS_DEF_PROV_A, PROV_RSA_FULL },
    { MS_STRONG_PROV_A, PROV_RSA_FULL },
    { MS_ENHANCED_PROV_A, PROV_RSA_FULL },
    { MS_DEF_RSA_SCHANNEL_PROV_A, PROV_RSA_SCHANNEL },
    { MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES },
};
enum { BASE, STRONG, ENHANCED, SCHANNEL, AES };

static const char container[] WINETEST_UNUSED = "csp_rsa_winetest";

static inline BOOL acquire_flags(HCRYPTPROV *prov, const char *name, int p, DWORD flags)
{
    *prov = 0;
    return CryptAcquireContextA(prov, name, providers[p].name, providers[p].type, flags);
}

#define verify_ctx(p) verify_ctx_(__FILE__, __LINE__, p)
static inline HCRYPTPROV verify_ctx_(const char *file, int line, int p)
{
    HCRYPTPROV prov;
    BOOL ret = acquire_flags(&prov, NULL, p, CRYPT_VERIFYCONTEXT);
    ok_(file, line)(ret, "%s: verify context: %#lx\n", providers[p].name, GetLastError());
    return ret ? prov : 0;
}

/* A fresh, empty container. */
#define new_container(name, p, flags) new_container_(__FILE__, __LINE__, name, p, flags)
static inline HCRYPTPROV new_container_(const char *file, int line, const char *name, int p, DWORD flags)
{
    HCRYPTPROV prov;
    BOOL ret;

    acquire_flags(&prov, name, p, CRYPT_DELETEKEYSET | flags);
    ret = acquire_flags(&prov, name, p, CRYPT_NEWKEYSET | flags);
    ok_(file, line)(ret, "creating container %s: %#lx\n", name ? name : "(default)", GetLastError());
    return ret ? prov : 0;
}

static inline void delete_container(const char *name, int p, DWORD flags)
{
    HCRYPTPROV prov;
    acquire_flags(&prov, name, p, CRYPT_DELETEKEYSET | flags);
}

#define import_hex(prov, hex, len, pub, flags, key) import_hex_(__FILE__, __LINE__, prov, hex, len, pub, flags, key)
/* Imports a hex blob, the first len bytes of it (0: all). */
static inline BOOL import_hex_(const char *file, int line, HCRYPTPROV prov, const char *hex, DWORD len, HCRYPTKEY pub,
                        DWORD flags, HCRYPTKEY *key)
{
    BYTE blob[1024];
    DWORD n = hex_to_bytes(hex, blob, sizeof(blob));
    BOOL ret;

    *key = 0;
    ret = CryptImportKey(prov, blob, len ? len : n, pub, flags, key);
    ok_(file, line)(ret, "CryptImportKey (%lu bytes): %#lx\n", len ? len : n, GetLastError());
    return ret;
}

#define key_dword(key, param) key_dword_(__FILE__, __LINE__, key, param)
static inline DWORD key_dword_(const char *file, int line, HCRYPTKEY key, DWORD param)
{
    DWORD value = SEED_DWORD, len = sizeof(value);
    BOOL ret = CryptGetKeyParam(key, param, (BYTE *)&value, &len, 0);
    ok_(file, line)(ret && len == sizeof(value), "KP %lu: ret %d len %lu err %#lx\n", param, ret, len, GetLastError());
    return value;
}

#define prov_dword(prov, param) prov_dword_(__FILE__, __LINE__, prov, param)
static inline DWORD prov_dword_(const char *file, int line, HCRYPTPROV prov, DWORD param)
{
    DWORD value = SEED_DWORD, len = sizeof(value);
    BOOL ret = CryptGetProvParam(prov, param, (BYTE *)&value, &len, 0);
    ok_(file, line)(ret && len == sizeof(value), "PP %lu: ret %d len %lu err %#lx\n", param, ret, len, GetLastError());
    return value;
}

/* The blob of a key (PUBLICKEYBLOB / PRIVATEKEYBLOB) into buf; its length, 0 on failure. */
static inline DWORD export_blob(HCRYPTKEY key, DWORD type, BYTE *buf, DWORD size)
{
    DWORD len = size;
    return CryptExportKey(key, 0, type, 0, buf, &len) ? len : 0;
}

static inline BOOL same_public(HCRYPTKEY a, HCRYPTKEY b)
{
    BYTE pa[2100], pb[2100];
    DWORD la = export_blob(a, PUBLICKEYBLOB, pa, sizeof(pa)), lb = export_blob(b, PUBLICKEYBLOB, pb, sizeof(pb));
    return la && la == lb && !memcmp(pa, pb, la);
}

#define expect_fail(ret, error) expect_fail_(__FILE__, __LINE__, ret, error)
static inline void expect_fail_(const char *file, int line, BOOL ret, DWORD error)
{
    DWORD got = GetLastError();
    ok_(file, line)(!ret && got == error, "expected failure %#lx, got ret %d error %#lx\n", error, ret, got);
}

/* A hash of "Wine rocks!" with its NUL (Wine's signature data). */
static inline HCRYPTHASH wine_rocks_hash(HCRYPTPROV prov, ALG_ID algid)
{
    static const BYTE data[] = "Wine rocks!";
    HCRYPTHASH hash = 0;

    if (!CryptCreateHash(prov, algid, 0, 0, &hash)) return 0;
    CryptHashData(hash, data, sizeof(data), 0);
    return hash;
}

/* Whether DPAPI round-trips here; Wine's runs through the default RSA provider. */
static inline BOOL dpapi_works(void)
{
    BYTE secret[] = "container test";
    DATA_BLOB in = { sizeof(secret), secret }, out, back;
    BOOL ret = FALSE;

    if (!CryptProtectData(&in, NULL, NULL, NULL, NULL, 0, &out)) return FALSE;
    if (CryptUnprotectData(&out, NULL, NULL, NULL, NULL, 0, &back))
    {
        ret = back.cbData == sizeof(secret) && !memcmp(back.pbData, secret, sizeof(secret));
        LocalFree(back.pbData);
    }
    LocalFree(out.pbData);
    return ret;
}

#endif /* CSP_RSA_TEST_H */
