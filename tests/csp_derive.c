/*
 * Conformance tests for CryptDeriveKey and CryptHashSessionKey through
 * advapi32, served by rsaenh.dll, plus the CSP's own error codes from its
 * entry points.
 *
 * Rules: shared/reference/windows-crypto-behavior.md sections 3.3 and 5.8.
 * Every assertion names its source:
 *   doc        Microsoft documentation
 *   wine-test  asserted by Wine's rsaenh tests (which pass on Windows); the
 *              known answers are values those tests recorded on Windows
 *              (test_rc2, test_rc4, test_des, test_3des, test_3des112,
 *              test_aes, test_block_cipher_modes, test_key_derivation)
 *   wine-impl  what Wine's rsaenh does, not proven on Windows
 *   hypothesis what we expect Windows to do, not yet confirmed
 * Values marked "host model" were computed on the host by an independent
 * Python model (pure-Python MD2, MD4 and RC2, OpenSSL for the rest) that
 * reproduces every Windows value used here.
 */
#define WINETEST_MODULE "rsaenh.dll"
#include "winetest.h"
#include <wincrypt.h>
#include "csp_test.h"

/* ---- CryptDeriveKey ---------------------------------------------------------------------------- */

static const char pt13[] = "000102030405060708090a0b0c";
static const char pt16[] = "000102030405060708090a0b0c0d0e0f";
static const char pt23[] = "000102030405060708090a0b0c0d0e0f10111213141516";
static const char pt_aes[] = "41455320546573742057697468203220426c6f636b73204f6620446174612e00";

struct derive_row
{
    UINT provs;
    ALG_ID algid;
    DWORD bits;
    DWORD mode;       /* 0: the default */
    const char *plain;
    const char *cipher;
};

/* wine-test: keys Wine's derive_key() makes from MD2(bytes 0..1999) encrypt
 * to these values (test_rc2, test_rc4, test_des, test_3des112, test_3des,
 * test_aes, test_block_cipher_modes). */
static const struct derive_row derive_rows[] =
{
    { P_BSE, CALG_RC2, 40, 0, pt13, "c09ae42f0a476711fb1887ce0c7507b1" },
    { P_BSE, CALG_RC2, 40, CRYPT_MODE_ECB, pt23, "c09ae42f0a476711f2b25d5f08ff49a4453a6814ca18e5f4" },
    { P_BSE, CALG_RC2, 40, CRYPT_MODE_CBC, pt23, "c09ae42f0a47671110f5da614e3dabc09785011297a4f7d3" },
    { P_BSE, CALG_RC2, 40, CRYPT_MODE_CFB, pt23, "29b567850b1bec07672da1a41a47246a54e1e092f90ef6eb" },
    { P_BSE, CALG_RC4, 56, 0, pt16, "170c448eae90cdb07f87f57aecb22e35" },
    { P_BSE, CALG_DES, 0, CRYPT_MODE_ECB, pt13, "58864246654b9262cf0f6537437a82b9" },
    { P_BSE, CALG_DES, 56, CRYPT_MODE_ECB, pt13, "58864246654b9262cf0f6537437a82b9" },
    { P_S | P_E, CALG_3DES_112, 0, 0, pt13, "8e0c3ca305885f7a32a1065264d2441c" },
    { P_S | P_E, CALG_3DES, 0, 0, pt13, "7bbadda239d37bb3c751814153e8cfeb" },
    { P_A, CALG_AES_128, 0, 0, pt_aes,
      "fe853be1f5e15875d5a974e309eaa5042335a23b5cf16c6fb9cd64063e4183ef2afeeab56c1720798c513e56ede14768" },
    { P_A, CALG_AES_192, 0, 0, pt_aes,
      "6bf0fd32eec60613a8e63c8185b82ea1d43be822a5744abe9dcfcc3726195ad17f76bf9428ce27216187ebb98ba8b457" },
    { P_A, CALG_AES_256, 0, 0, pt_aes,
      "2057170b1776d83b26908b4cf2007933292b139ce29509c1cd20872232709d759a94f5765cb1622ce1767c8673e67a23" },
};

static void test_CryptDeriveKey_known_answers(void)
{
    BYTE pt[64];
    HCRYPTKEY key;
    DWORD i, p, n;

    for (i = 0; i < ARRAY_SIZE(derive_rows); i++)
    {
        const struct derive_row *row = &derive_rows[i];

        n = hex_to_bytes(row->plain, pt, sizeof(pt));
        for (p = 0; p < PROV_COUNT; p++)
        {
            if (!(row->provs & (1u << p))) continue;
            winetest_push_context("row %lu %s", i, providers[p].name);
            if ((key = derive(provs[p], row->algid, (row->bits << 16) | CRYPT_EXPORTABLE)))
            {
                check_encrypt(key, row->mode, pt, n, row->cipher);
                CryptDestroyKey(key);
            }
            winetest_pop_context();
        }
    }
}

struct derivation_row
{
    int wine_row;     /* index in Wine's table: the data hashed is bytes wine_row + 0..511 */
    ALG_ID hash, algid;
    BOOL windows;     /* recorded and asserted on Windows; else Wine's table skips the row */
    const char *cipher;
};

/* test_key_derivation: hash 512 bytes, derive with flags 0, encrypt 4 bytes
 * (Final) in the Enhanced, Strong and AES providers.  AES rows need the AES
 * provider (NTE_BAD_ALGID elsewhere [wine-test]).  Rows with windows FALSE
 * are in Wine's table but skipped there (old Windows differ): hypothesis,
 * the host model reproduces them. */
static const struct derivation_row derivation_rows[] =
{
    { 0, CALG_MD2, CALG_DES, TRUE, "5dda25a6b5c443fb" },
    { 1, CALG_MD2, CALG_3DES_112, TRUE, "6b183ba18927bfd4" },
    { 2, CALG_MD2, CALG_3DES, TRUE, "91ab17e5da27117d" },
    { 3, CALG_MD2, CALG_RC2, FALSE, "7d453d5600d7d154" },
    { 4, CALG_MD2, CALG_RC4, FALSE, "a98373a9" },
    { 9, CALG_MD2, CALG_AES_128, TRUE, "a1643ffe997f24130ca903ef9bc81f2a" },
    { 10, CALG_MD2, CALG_AES_192, TRUE, "5decf872b2a64d5cea389ef086b67934" },
    { 11, CALG_MD2, CALG_AES_256, TRUE, "d94bc2e3ca898b940d87bba2e83d5c62" },
    { 12, CALG_MD4, CALG_DES, TRUE, "215abd26b43e8604" },
    { 13, CALG_MD4, CALG_3DES_112, TRUE, "9be5d1eb8f130bb3" },
    { 14, CALG_MD4, CALG_3DES, TRUE, "7d5eaaea10a4a444" },
    { 21, CALG_MD4, CALG_AES_128, TRUE, "8a24d07a03e7a702f2174c01d50e7f12" },
    { 22, CALG_MD4, CALG_AES_192, TRUE, "a956bca7974e28aa4be1a06ce2432c61" },
    { 23, CALG_MD4, CALG_AES_256, TRUE, "0407ead9890ad2651213689ad08615ed" },
    { 24, CALG_MD5, CALG_DES, TRUE, "f375cc7c6c0bcf93" },
    { 25, CALG_MD5, CALG_3DES_112, TRUE, "5170e0b7000d3e21" },
    { 26, CALG_MD5, CALG_3DES, TRUE, "582375253f8825eb" },
    { 27, CALG_MD5, CALG_RC2, FALSE, "901c774587dd1c2e" },
    { 28, CALG_MD5, CALG_RC4, FALSE, "c44cd2f1" },
    { 33, CALG_MD5, CALG_AES_128, TRUE, "976692026dec33f84e821120c7e2e6e8" },
    { 34, CALG_MD5, CALG_AES_192, TRUE, "9bda73f4f3069307c932f1d8d496d17d" },
    { 35, CALG_MD5, CALG_AES_256, TRUE, "2a0fe9a96f537c9e07e6c3c915997ca8" },
    { 36, CALG_SHA1, CALG_DES, TRUE, "d4d8aa44ac5e0b8d" },
    { 37, CALG_SHA1, CALG_3DES_112, TRUE, "d81cbc6c92d309bf" },
    { 38, CALG_SHA1, CALG_3DES, TRUE, "bd585a8898f8699a" },
    { 39, CALG_SHA1, CALG_RC2, FALSE, "ccfb1a4d29ad3e65" },
    { 40, CALG_SHA1, CALG_RC4, FALSE, "7a343d3c" },
    { 45, CALG_SHA1, CALG_AES_128, TRUE, "39cbafd78b754a3bd20e0db164578858" },
    { 46, CALG_SHA1, CALG_AES_192, TRUE, "a91383ca21a2f0be13bc55043808a9c4" },
    { 47, CALG_SHA1, CALG_AES_256, TRUE, "e16ca8540e24676dcaa2fe84f09b7866" },
    { 48, CALG_SHA_256, CALG_DES, FALSE, "860d8cf4c0224add" },
    { 49, CALG_SHA_256, CALG_3DES_112, FALSE, "2de763f6584d9aa6" },
    { 50, CALG_SHA_256, CALG_3DES, FALSE, "20aa66d0ac839d99" },
    { 51, CALG_SHA_256, CALG_RC2, FALSE, "8c0119477ed2102c" },
    { 52, CALG_SHA_256, CALG_RC4, FALSE, "fa54139c" },
    { 57, CALG_SHA_256, CALG_AES_128, FALSE, "f875c6718bb654d3dcff0e848a3f1946" },
    { 58, CALG_SHA_256, CALG_AES_192, FALSE, "35f220c76cb28e513ec76b3e64a505df" },
    { 59, CALG_SHA_256, CALG_AES_256, FALSE, "8ceb1fd37877f5bf7ade8d2ca516cce9" },
};

static void test_CryptDeriveKey_derivation_table(void)
{
    static const int test_provs[] = { STRONG, ENHANCED, AES };
    HCRYPTHASH hash;
    HCRYPTKEY key;
    BYTE data[512];
    DWORD i, j, mode;
    BOOL ret, aes;

    for (i = 0; i < ARRAY_SIZE(derivation_rows); i++)
    {
        const struct derivation_row *row = &derivation_rows[i];

        aes = GET_ALG_SID(row->algid) >= ALG_SID_AES_128 && GET_ALG_SID(row->algid) <= ALG_SID_AES_256;
        for (j = 0; j < ARRAY_SIZE(test_provs); j++)
        {
            int p = test_provs[j];

            if (row->hash == CALG_SHA_256 && p != AES) continue;   /* no SHA-256 there [wine-test] */
            winetest_push_context("Wine row %d %s", row->wine_row, providers[p].name);
            counting(data, sizeof(data), row->wine_row);
            hash = new_hash(provs[p], row->hash, 0);
            ok(CryptHashData(hash, data, sizeof(data), 0), "HashData: %#lx\n", GetLastError());
            SetLastError(SEED_DWORD);
            ret = CryptDeriveKey(provs[p], row->algid, hash, 0, &key);
            if (aes && p != AES) check_error(ret, NTE_BAD_ALGID, "AES outside the AES provider");
            else
            {
                ok(ret, "CryptDeriveKey failed: %#lx\n", GetLastError());
                mode = key_dword(key, KP_MODE);
                ok(mode == (row->algid == CALG_RC4 ? 0 : CRYPT_MODE_CBC), "KP_MODE %lu\n", mode);   /* wine-test */
                check_encrypt(key, 0, data, 4, row->cipher);
                CryptDestroyKey(key);
            }
            CryptDestroyHash(hash);
            winetest_pop_context();
        }
    }
}

struct salt_row
{
    int prov;
    ALG_ID algid;
    const char *first16;   /* replaces bytes 0..15 of the hashed data, or NULL */
    const char *cipher;    /* of 16 bytes of 0xaf */
    DWORD salt_len;
};

/* wine-test: test_rc2 and test_rc4 derive 40-bit keys with CRYPT_CREATE_SALT
 * from MD5 over 2000 bytes (test_rc2: its first 16 bytes are what the
 * preceding RC2 test left there).  Base and Strong take an 11-byte salt from
 * the hash bytes after the key; Enhanced keys get none. */
static const struct salt_row salt_rows[] =
{
    { ENHANCED, CALG_RC2, "8281f7ffddd7888c2a2ac0ce4c89b666", "a3d741877ad018dbd46a4feef3cacd34b3159a2a885f43a5", 0 },
    { STRONG, CALG_RC2, "8281f7ffddd7888c2a2ac0ce4c89b666", "b933b67a35c30688bfd5ccaf14aee231c69aaa3f052f22da", 11 },
    { BASE, CALG_RC2, "23c87013422ea8985cdf7a9beadb961b", "8c4ea6009b15ef9e8881d065d65357080a7780fa7e891455", 11 },
    { ENHANCED, CALG_RC4, NULL, "41e633c950a1bf88124dd3e347886da5", 0 },
    { STRONG, CALG_RC4, NULL, "2faceaeaff687e77f4b9487c4e79a6b5", 11 },
    { BASE, CALG_RC4, NULL, "2faceaeaff687e77f4b9487c4e79a6b5", 11 },
};

static void test_CryptDeriveKey_salt(void)
{
    BYTE data[2000], plain[16], salt[32];
    HCRYPTHASH hash;
    HCRYPTKEY key;
    DWORD i, len;

    memset(plain, 0xaf, sizeof(plain));
    for (i = 0; i < ARRAY_SIZE(salt_rows); i++)
    {
        const struct salt_row *row = &salt_rows[i];

        winetest_push_context("row %lu %s", i, providers[row->prov].name);
        counting(data, sizeof(data), 0);
        if (row->first16) hex_to_bytes(row->first16, data, 16);
        hash = new_hash(provs[row->prov], CALG_MD5, 0);
        ok(CryptHashData(hash, data, sizeof(data), 0), "HashData: %#lx\n", GetLastError());
        ok(CryptDeriveKey(provs[row->prov], row->algid, hash, (40 << 16) | CRYPT_CREATE_SALT, &key),
           "CryptDeriveKey failed: %#lx\n", GetLastError());
        check_encrypt(key, 0, plain, sizeof(plain), row->cipher);
        ok(key_dword(key, KP_KEYLEN) == 40, "KP_KEYLEN\n");
        len = sizeof(salt);
        ok(CryptGetKeyParam(key, KP_SALT, salt, &len, 0) && len == row->salt_len, "KP_SALT: %lu %#lx\n", len,
           GetLastError());
        CryptDestroyKey(key);
        CryptDestroyHash(hash);
        winetest_pop_context();
    }

    /* without CRYPT_CREATE_SALT a 40-bit key has an 11-byte salt of zeros [wine-test: test_rc2] */
    key = derive(provs[STRONG], CALG_RC2, 40 << 16);
    len = sizeof(salt);
    seed(salt, sizeof(salt));
    ok(CryptGetKeyParam(key, KP_SALT, salt, &len, 0) && len == 11 && !memcmp(salt, "\0\0\0\0\0\0\0\0\0\0\0", 11),
       "KP_SALT: %lu %s\n", len, winetest_hex(salt, len));
    CryptDestroyKey(key);
    /* ...and none with CRYPT_NO_SALT (hypothesis: as CryptGenKey does [wine-test: test_RC4_salt]) */
    key = derive(provs[BASE], CALG_RC4, (40 << 16) | CRYPT_NO_SALT);
    len = sizeof(salt);
    ok(CryptGetKeyParam(key, KP_SALT, NULL, &len, 0) && !len, "KP_SALT: %lu\n", len);
    CryptDestroyKey(key);
}

static void test_CryptDeriveKey_rules(void)
{
    static const struct { int prov; ALG_ID algid; DWORD bits; DWORD error; } lengths[] =
    {
        /* DES family: effective or storage length, else NTE_BAD_FLAGS; others a
         * multiple of 8 within the provider's range, else NTE_BAD_DATA [wine-impl] */
        { ENHANCED, CALG_DES, 64, 0 },
        { ENHANCED, CALG_DES, 40, NTE_BAD_FLAGS },
        { ENHANCED, CALG_3DES_112, 128, 0 },
        { ENHANCED, CALG_3DES_112, 120, NTE_BAD_FLAGS },
        { ENHANCED, CALG_3DES, 192, 0 },
        { ENHANCED, CALG_3DES, 128, NTE_BAD_FLAGS },
        { ENHANCED, CALG_RC2, 41, NTE_BAD_DATA },
        { ENHANCED, CALG_RC2, 136, NTE_BAD_DATA },
        { ENHANCED, CALG_RC2, 32, NTE_BAD_DATA },
        { BASE, CALG_RC4, 64, NTE_BAD_DATA },
        { BASE, CALG_RC4, 56, 0 },
        /* no session keys [wine-test: test_key_derivation] */
        { ENHANCED, CALG_RSA_SIGN, 0, NTE_BAD_ALGID },
        { ENHANCED, CALG_RSA_KEYX, 0, NTE_BAD_ALGID },
        { AES, CALG_AES, 0, NTE_BAD_ALGID },
        { ENHANCED, CALG_RC5, 0, NTE_BAD_ALGID },
        { BASE, CALG_3DES, 0, NTE_BAD_ALGID },   /* not in Base [wine-test: test_3des is not run there] */
    };
    struct { BLOBHEADER hdr; DWORD len; BYTE key[32]; } blob;
    HCRYPTHASH hash;
    HCRYPTKEY key;
    BYTE data[16] = { 0 };
    DWORD i, len;
    BOOL ret;

    for (i = 0; i < ARRAY_SIZE(lengths); i++)
    {
        winetest_push_context("row %lu", i);
        hash = new_hash(provs[lengths[i].prov], CALG_MD5, 0);
        key = 0;
        SetLastError(SEED_DWORD);
        ret = CryptDeriveKey(provs[lengths[i].prov], lengths[i].algid, hash, lengths[i].bits << 16, &key);
        if (lengths[i].error) check_error(ret, lengths[i].error, "CryptDeriveKey");
        else
        {
            ok(ret, "CryptDeriveKey failed: %#lx\n", GetLastError());
            ok(key_dword(key, KP_KEYLEN) == lengths[i].bits, "KP_KEYLEN\n");                  /* wine-impl */
            CryptDestroyKey(key);
        }
        /* a refused key leaves the hash open [wine-impl]; a made one finishes it [doc] */
        SetLastError(SEED_DWORD);
        ret = CryptHashData(hash, data, sizeof(data), 0);
        if (lengths[i].error) ok(ret, "HashData after a refused derive: %#lx\n", GetLastError());
        else check_error(ret, NTE_BAD_HASH_STATE, "HashData after CryptDeriveKey");
        CryptDestroyHash(hash);
        winetest_pop_context();
    }

    /* permissions and export [wine-test: 0x3b; doc: PLAINTEXTKEYBLOB needs CRYPT_EXPORTABLE] */
    key = derive(provs[ENHANCED], CALG_DES, 0);
    ok(key_dword(key, KP_PERMISSIONS) == (CRYPT_ENCRYPT | CRYPT_DECRYPT | CRYPT_READ | CRYPT_WRITE | CRYPT_MAC),
       "KP_PERMISSIONS\n");
    len = sizeof(blob);
    SetLastError(SEED_DWORD);
    ret = CryptExportKey(key, 0, PLAINTEXTKEYBLOB, 0, (BYTE *)&blob, &len);
    todo_builtin check_error(ret, NTE_BAD_KEY_STATE, "export without CRYPT_EXPORTABLE");
    CryptDestroyKey(key);
    /* the key bytes: DES the raw hash; 3DES (24 bytes) from a 16-byte MD2 hash
     * the 0x36/0x5C expansion [wine-test via the ciphertexts above; host model] */
    key = derive(provs[ENHANCED], CALG_DES, CRYPT_EXPORTABLE);
    ok(key_dword(key, KP_PERMISSIONS) & CRYPT_EXPORT, "CRYPT_EXPORT missing\n");               /* wine-test */
    len = sizeof(blob);
    ok(CryptExportKey(key, 0, PLAINTEXTKEYBLOB, 0, (BYTE *)&blob, &len) && len == 12 + 8 && blob.len == 8 &&
       !memcmp(blob.key, "\xd5\xe1\xa7\xe9\xac\x38\xc1\x27", 8), "DES key: %s\n", winetest_hex(blob.key, blob.len));
    CryptDestroyKey(key);
    key = derive(provs[ENHANCED], CALG_3DES, CRYPT_EXPORTABLE);
    len = sizeof(blob);
    ok(CryptExportKey(key, 0, PLAINTEXTKEYBLOB, 0, (BYTE *)&blob, &len) && blob.len == 24 &&
       !memcmp(blob.key, "\x1d\x28\x79\xe4\x82\xf2\xd0\x2e\xd4\x00\xef\x4f\x6f\xff\x4d\x54"
                         "\xdb\x5a\x68\x56\x31\x8a\xd4\x24", 24), "3DES key: %s\n", winetest_hex(blob.key, blob.len));
    CryptDestroyKey(key);
}

/* ---- CSP-level errors, with the provider's own entry points ------------------------------------- */

typedef BOOL (WINAPI *cp_acquire_fn)(HCRYPTPROV *, LPSTR, DWORD, void *);
typedef BOOL (WINAPI *cp_release_fn)(HCRYPTPROV, DWORD);
typedef BOOL (WINAPI *cp_derive_fn)(HCRYPTPROV, ALG_ID, HCRYPTHASH, DWORD, HCRYPTKEY *);
typedef BOOL (WINAPI *cp_hash_key_fn)(HCRYPTPROV, HCRYPTHASH, HCRYPTKEY, DWORD);
typedef BOOL (WINAPI *cp_create_hash_fn)(HCRYPTPROV, ALG_ID, HCRYPTKEY, DWORD, HCRYPTHASH *);
typedef BOOL (WINAPI *cp_destroy_hash_fn)(HCRYPTPROV, HCRYPTHASH);
typedef BOOL (WINAPI *cp_gen_key_fn)(HCRYPTPROV, ALG_ID, DWORD, HCRYPTKEY *);
typedef BOOL (WINAPI *cp_destroy_key_fn)(HCRYPTPROV, HCRYPTKEY);

/* advapi32 answers bad handles itself (ERROR_INVALID_PARAMETER); the CSP's
 * own codes are seen only by calling it directly [doc: the CSP error tables]. */
static void test_csp_entry_errors(void)
{
    struct { DWORD version; FARPROC verify, hwnd; DWORD type; BYTE *info; DWORD info_len; LPSTR name; } vtable =
        { 3, NULL, NULL, PROV_RSA_FULL, NULL, 0, (LPSTR)MS_ENHANCED_PROV_A };
    HMODULE module = GetModuleHandleA("rsaenh.dll");
    cp_acquire_fn acquire;
    cp_release_fn release;
    cp_derive_fn derive_key;
    cp_hash_key_fn hash_key;
    cp_create_hash_fn create_hash;
    cp_destroy_hash_fn destroy_hash;
    cp_gen_key_fn gen_key;
    cp_destroy_key_fn destroy_key;
    HCRYPTPROV prov = 0;
    HCRYPTHASH hash = 0;
    HCRYPTKEY key = SEED_DWORD, rc4 = 0;
    BOOL ret;

    if (!module) module = LoadLibraryA("rsaenh.dll");
    acquire = (cp_acquire_fn)(void *)GetProcAddress(module, "CPAcquireContext");
    release = (cp_release_fn)(void *)GetProcAddress(module, "CPReleaseContext");
    derive_key = (cp_derive_fn)(void *)GetProcAddress(module, "CPDeriveKey");
    hash_key = (cp_hash_key_fn)(void *)GetProcAddress(module, "CPHashSessionKey");
    create_hash = (cp_create_hash_fn)(void *)GetProcAddress(module, "CPCreateHash");
    destroy_hash = (cp_destroy_hash_fn)(void *)GetProcAddress(module, "CPDestroyHash");
    gen_key = (cp_gen_key_fn)(void *)GetProcAddress(module, "CPGenKey");
    destroy_key = (cp_destroy_key_fn)(void *)GetProcAddress(module, "CPDestroyKey");
    if (!acquire || !release || !derive_key || !hash_key || !create_hash || !destroy_hash || !gen_key || !destroy_key)
    {
        skip("rsaenh.dll entry points not found\n");
        return;
    }
    if (!acquire(&prov, NULL, CRYPT_VERIFYCONTEXT, &vtable))
    {
        skip("CPAcquireContext failed: %#lx\n", GetLastError());
        return;
    }
    ok(create_hash(prov, CALG_MD5, 0, 0, &hash), "CPCreateHash failed: %#lx\n", GetLastError());
    ok(gen_key(prov, CALG_RC4, 0, &rc4), "CPGenKey failed: %#lx\n", GetLastError());

    SetLastError(SEED_DWORD);
    ret = derive_key(prov, CALG_RC4, 0x7fff, 0, &key);
    check_error(ret, NTE_BAD_HASH, "CPDeriveKey, bad hash");                                   /* doc */
    ok(key == SEED_DWORD, "phKey changed\n");
    SetLastError(SEED_DWORD);
    ret = derive_key(0x7fff, CALG_RC4, hash, 0, &key);
    check_error(ret, NTE_BAD_UID, "CPDeriveKey, bad context");                                 /* doc */
    SetLastError(SEED_DWORD);
    ret = derive_key(prov, CALG_RC4, hash, 0, NULL);
    check_error(ret, ERROR_INVALID_PARAMETER, "CPDeriveKey, phKey NULL");                      /* wine-impl */
    SetLastError(SEED_DWORD);
    ret = hash_key(prov, 0x7fff, rc4, 0);
    check_error(ret, NTE_BAD_HASH, "CPHashSessionKey, bad hash");                              /* doc */
    SetLastError(SEED_DWORD);
    ret = hash_key(prov, hash, 0x7fff, 0);
    check_error(ret, NTE_BAD_KEY, "CPHashSessionKey, bad key");                                /* doc */
    destroy_key(prov, rc4);
    destroy_hash(prov, hash);
    release(prov, 0);
}

/* ---- CryptHashSessionKey --------------------------------------------------------------------- */

/* doc: "by default the bytes of the key are hashed in big-endian form", with
 * CRYPT_LITTLE_ENDIAN as stored; big-endian read as last byte first
 * (hypothesis, as Wine reads it); calls mix with CryptHashData [doc]. */
static void test_CryptHashSessionKey(void)
{
    HCRYPTPROV prov = provs[ENHANCED];
    HCRYPTHASH hash;
    HCRYPTKEY key, derived;
    BOOL ret;

    key = import_key(prov, CALG_DES, "d5e1a7e9ac38c127", 0);
    hash = new_hash(prov, CALG_MD5, 0);
    ok(CryptHashSessionKey(hash, key, 0), "CryptHashSessionKey failed: %#lx\n", GetLastError());
    check_hash(hash, "237e2d1e5703b6a7fa975fd9752f8d09");   /* MD5(27 c1 38 ac e9 a7 e1 d5), host model */
    SetLastError(SEED_DWORD);
    ret = CryptHashSessionKey(hash, key, 0);
    check_error(ret, NTE_BAD_HASH_STATE, "finished hash");                                       /* doc */
    CryptDestroyHash(hash);

    hash = new_hash(prov, CALG_MD5, 0);
    ok(CryptHashSessionKey(hash, key, CRYPT_LITTLE_ENDIAN), "CRYPT_LITTLE_ENDIAN: %#lx\n", GetLastError());
    check_hash(hash, "e2636bc115d204eef9fcf19c97385fde");   /* MD5(d5 e1 a7 e9 ac 38 c1 27), host model */
    CryptDestroyHash(hash);

    hash = new_hash(prov, CALG_MD5, 0);
    SetLastError(SEED_DWORD);
    ret = CryptHashSessionKey(hash, key, 2);
    check_error(ret, NTE_BAD_FLAGS, "dwFlags 2");                                               /* doc */
    /* a derived key hashes its own bytes, then data follows [doc] */
    derived = derive(prov, CALG_DES, 0);
    ok(CryptHashSessionKey(hash, derived, 0), "CryptHashSessionKey failed: %#lx\n", GetLastError());
    ok(CryptHashData(hash, (const BYTE *)"abc", 3, 0), "HashData: %#lx\n", GetLastError());
    check_hash(hash, "f6a20a92e61760a6c08524bea4c6e6c5");
    CryptDestroyHash(hash);
    CryptDestroyKey(derived);
    CryptDestroyKey(key);
}

/* ---- reference 3.3 with derived keys ------------------------------------------------------------ */

/* doc: duplicate a key, give each copy its own KP_SALT, encrypt: each result
 * is the cipher keyed with key || its salt.  Here the base key is derived
 * from a password hash (Base provider: 40-bit keys, visible 11-byte salts);
 * expected bytes: host model. */
static void test_derived_duplicate_salts(void)
{
    static const BYTE password[] = "Wine rocks totally!", message[] = "Salted derived message, 32 byte!";
    static const char *const salts[] = { "a1a2a3a4a5a6a7a8a9aaab", "b1b2b3b4b5b6b7b8b9babb" };
    static const struct { ALG_ID algid; const char *cipher[3]; } rows[] =
    {
        { CALG_RC4, { "b9867a6f137bf47fa1c60883940645166ebd9a75893168d39ce23a742280e89e",
                      "de1e1f01e6f60bbd5865f5fa9db77994f226e15ef7461b2522b4372aa66ea05e",
                      "2c4a55949b8a875759030950b576db82d03d95c008b79614d8b8f7437e550388" } },
        { CALG_RC2, { "3569bcf983947b36dd3927bc6ad2348dce537add584c71b1a0f73e1d9bdc16910272911492015d87",
                      "50a893a3d730b6d601436c0272ed97ca603dcd2038f49e23a4ef065e68e5c0efb14d6407b334da33",
                      "8d115d3efa3440712d724d58186e2f6e961635f5a15b808fa2a3b23884950775675847dd2f31812f" } },
    };
    HCRYPTPROV prov = provs[BASE];
    HCRYPTKEY base, dups[2];
    HCRYPTHASH hash;
    BYTE salt[11];
    DWORD i, j;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        winetest_push_context("%s", i ? "RC2" : "RC4");
        hash = new_hash(prov, CALG_MD5, 0);
        ok(CryptHashData(hash, password, sizeof(password) - 1, 0), "HashData: %#lx\n", GetLastError());
        check_hash(hash, "b989e223f516bd588e86e93ebdef2fec");   /* host model */
        ok(CryptDeriveKey(prov, rows[i].algid, hash, 0, &base), "CryptDeriveKey failed: %#lx\n", GetLastError());
        CryptDestroyHash(hash);
        for (j = 0; j < 2; j++)
        {
            ok(CryptDuplicateKey(base, NULL, 0, &dups[j]), "CryptDuplicateKey failed: %#lx\n", GetLastError());
            hex_to_bytes(salts[j], salt, sizeof(salt));
            ok(CryptSetKeyParam(dups[j], KP_SALT, salt, 0), "KP_SALT failed: %#lx\n", GetLastError());
        }
        for (j = 0; j < 2; j++)
        {
            winetest_push_context("salt %lu", j + 1);
            check_encrypt(dups[j], 0, message, 32, rows[i].cipher[j + 1]);
            winetest_pop_context();
        }
        check_encrypt(base, 0, message, 32, rows[i].cipher[0]);   /* the original kept its zero salt */
        CryptDestroyKey(base);                                    /* the copies live on [doc] */
        check_encrypt(dups[1], 0, message, 32, rows[i].cipher[2]);
        for (j = 0; j < 2; j++) CryptDestroyKey(dups[j]);
        winetest_pop_context();
    }
}

START_TEST(csp_derive)
{
    acquire_all();
    test_CryptDeriveKey_known_answers();
    test_CryptDeriveKey_derivation_table();
    test_CryptDeriveKey_salt();
    test_CryptDeriveKey_rules();
    test_CryptHashSessionKey();
    test_derived_duplicate_salts();
    release_all();
    test_csp_entry_errors();
}
