/*
 * Wine's own DLLs that import bcrypt.dll keep working on the bcrypt.dll under
 * test: rsaenh hashes (CryptCreateHash ... through BCryptCreateHash),
 * crypt32 hashing (CryptHashCertificate2 through BCryptOpenAlgorithmProvider),
 * fusion-style BCryptHash users.  Every expected value is a published test
 * vector, so the same exe is green on Windows too.
 */
#include "winetest.h"
#include <wincrypt.h>
#include <bcrypt.h>
#include "cng_compat.h"

static const struct
{
    ALG_ID capi_alg;
    const WCHAR *cng_name;
    const char *abc_digest;   /* digest of "abc" */
}
abc_vectors[] =
{
    { CALG_MD2,     BCRYPT_MD2_ALGORITHM,    "da853b0d3f88d99b30283a69e6ded6bb" },                  /* RFC 1319 */
    { CALG_MD4,     BCRYPT_MD4_ALGORITHM,    "a448017aaf21d8525fc10ae87aa6729d" },                  /* RFC 1320 */
    { CALG_MD5,     BCRYPT_MD5_ALGORITHM,    "900150983cd24fb0d6963f7d28e17f72" },                  /* RFC 1321 */
    { CALG_SHA1,    BCRYPT_SHA1_ALGORITHM,   "a9993e364706816aba3e25717850c26c9cd0d89d" },          /* FIPS 180 */
    { CALG_SHA_256, BCRYPT_SHA256_ALGORITHM, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    { CALG_SHA_384, BCRYPT_SHA384_ALGORITHM, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                                             "8086072ba1e7cc2358baeca134c825a7" },
    { CALG_SHA_512, BCRYPT_SHA512_ALGORITHM, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                                             "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
};

static const char *hex(const BYTE *data, DWORD len)
{
    return winetest_hex(data, len);
}

/* rsaenh (Enhanced RSA and AES provider) hashes through bcrypt.dll in Wine. */
static void test_rsaenh_hashes(void)
{
    HCRYPTPROV prov;
    HCRYPTHASH hash, copy;
    BYTE digest[64];
    DWORD len, i;
    BOOL ret;

    ret = CryptAcquireContextW(&prov, NULL, MS_ENH_RSA_AES_PROV_W, PROV_RSA_AES, CRYPT_VERIFYCONTEXT);
    ok(ret, "CryptAcquireContext failed: %lu\n", GetLastError());   /* doc */
    if (!ret) return;

    for (i = 0; i < ARRAY_SIZE(abc_vectors); i++)
    {
        winetest_push_context("row %lu", i);
        ret = CryptCreateHash(prov, abc_vectors[i].capi_alg, 0, 0, &hash);
        ok(ret, "CryptCreateHash failed: %#lx\n", GetLastError());   /* doc: all in PROV_RSA_AES */
        if (ret)
        {
            ret = CryptHashData(hash, (const BYTE *)"a", 1, 0);
            ok(ret, "CryptHashData failed: %#lx\n", GetLastError());
            /* CryptDuplicateHash copies the running state [wine-test] */
            ret = CryptDuplicateHash(hash, NULL, 0, &copy);
            ok(ret, "CryptDuplicateHash failed: %#lx\n", GetLastError());
            CryptHashData(hash, (const BYTE *)"bc", 2, 0);
            len = sizeof(digest);
            ret = CryptGetHashParam(hash, HP_HASHVAL, digest, &len, 0);
            ok(ret, "CryptGetHashParam failed: %#lx\n", GetLastError());
            ok(ret && !strcmp(hex(digest, len), abc_vectors[i].abc_digest), "got %s\n", hex(digest, len));
            CryptDestroyHash(hash);
            if (copy)
            {
                CryptHashData(copy, (const BYTE *)"bc", 2, 0);
                len = sizeof(digest);
                ret = CryptGetHashParam(copy, HP_HASHVAL, digest, &len, 0);
                ok(ret && !strcmp(hex(digest, len), abc_vectors[i].abc_digest), "duplicate got %s\n", hex(digest, len));
                CryptDestroyHash(copy);
            }
        }
        winetest_pop_context();
    }
    CryptReleaseContext(prov, 0);
}

/* crypt32 opens a CNG provider by name for CryptHashCertificate2 (Windows 8+ [doc]). */
static void test_crypt32_hash_certificate2(void)
{
    BYTE digest[64];
    DWORD len, i;
    BOOL ret;

    for (i = 0; i < ARRAY_SIZE(abc_vectors); i++)
    {
        if (abc_vectors[i].capi_alg == CALG_MD2 || abc_vectors[i].capi_alg == CALG_MD4) continue;
        winetest_push_context("row %lu", i);
        len = sizeof(digest);
        ret = CryptHashCertificate2(abc_vectors[i].cng_name, 0, NULL, (const BYTE *)"abc", 3, digest, &len);
        ok(ret, "CryptHashCertificate2 failed: %#lx\n", GetLastError());
        ok(ret && !strcmp(hex(digest, len), abc_vectors[i].abc_digest), "got %s\n", hex(digest, len));
        winetest_pop_context();
    }
}

/* fusion and others call the one-shot BCryptHash with a pseudo-handle (Windows 10 [doc]). */
static void test_bcrypt_hash_pseudo_handle(void)
{
    BYTE digest[32];
    NTSTATUS status;

    memset(digest, 0xde, sizeof(digest));
    status = BCryptHash(BCRYPT_SHA256_ALG_HANDLE, NULL, 0, (UCHAR *)"abc", 3, digest, sizeof(digest));
    ok(status == STATUS_SUCCESS, "got %#lx\n", status);
    ok(!strcmp(hex(digest, 32), abc_vectors[4].abc_digest), "got %s\n", hex(digest, 32));
}

START_TEST(wine_consumers)
{
    test_rsaenh_hashes();
    test_crypt32_hash_certificate2();
    test_bcrypt_hash_pseudo_handle();
}
