/*
 * Conformance tests for CryptoAPI session keys through advapi32, as
 * applications call them, served by rsaenh.dll: CryptDuplicateKey first,
 * then what it depends on (contexts, provider capabilities, CryptGenKey,
 * key parameters, CryptEncrypt/CryptDecrypt, PLAINTEXTKEYBLOB).
 *
 * Rules come from shared/reference/windows-crypto-behavior.md sections 3
 * and 5; each assertion names its source:
 *   doc        Microsoft documentation
 *   wine-test  asserted by Wine's rsaenh/advapi32 tests, which pass on Windows
 *   wine-impl  what Wine's rsaenh does, not proven on Windows
 *   hypothesis what we expect Windows to do, not yet confirmed
 * Vectors: the "wine-test" ciphertexts were recorded on Windows by Wine's
 * rsaenh tests for keys CryptDeriveKey made from MD2(bytes 0..1999 mod 256);
 * we import those key bytes as PLAINTEXTKEYBLOBs instead.  The key bytes,
 * and the salted RC2/RC4 vectors, were computed on the host with independent
 * pure-Python MD2 (RFC 1319), RC2 (RFC 2268) and RC4, which reproduce every
 * Windows vector used here: salted RC2/RC4 key = key bytes || salt, RC2
 * effective length = key length without the salt.
 */
#define WINETEST_MODULE "rsaenh.dll"
#include "winetest.h"
#include <wincrypt.h>
#include "cng_test.h"

#define SEED_DWORD 0xdeadbeefu

struct prov_row
{
    const char *name;
    DWORD type;
};

static const struct prov_row providers[] =
{
    { MS_DEF_PROV_A, PROV_RSA_FULL },
    { MS_STRONG_PROV_A, PROV_RSA_FULL },
    { MS_ENHANCED_PROV_A, PROV_RSA_FULL },
    { MS_DEF_RSA_SCHANNEL_PROV_A, PROV_RSA_SCHANNEL },
    { MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES },
};
enum { BASE, STRONG, ENHANCED, SCHANNEL, AES };

#define acquire(p) acquire_(__FILE__, __LINE__, p)
static HCRYPTPROV acquire_(const char *file, int line, int p)
{
    HCRYPTPROV prov = 0;
    BOOL ret = CryptAcquireContextA(&prov, NULL, providers[p].name, providers[p].type, CRYPT_VERIFYCONTEXT);
    ok_(file, line)(ret, "%s: CryptAcquireContext failed: %#lx\n", providers[p].name, GetLastError());
    return ret ? prov : 0;
}

struct blob
{
    BLOBHEADER hdr;
    DWORD len;
    BYTE key[64];
};

#define import_key(prov, algid, hex, flags) import_key_(__FILE__, __LINE__, prov, algid, hex, flags)
/* A session key from its bytes (PLAINTEXTKEYBLOB, doc). */
static HCRYPTKEY import_key_(const char *file, int line, HCRYPTPROV prov, ALG_ID algid, const char *hex, DWORD flags)
{
    struct blob blob = { { PLAINTEXTKEYBLOB, CUR_BLOB_VERSION, 0, algid }, 0, { 0 } };
    HCRYPTKEY key = 0;
    BOOL ret;

    blob.len = hex_to_bytes(hex, blob.key, sizeof(blob.key));
    ret = CryptImportKey(prov, (BYTE *)&blob, 12 + blob.len, 0, flags, &key);
    ok_(file, line)(ret, "CryptImportKey(%#x) failed: %#lx\n", algid, GetLastError());
    return ret ? key : 0;
}

#define key_dword(key, param) key_dword_(__FILE__, __LINE__, key, param)
static DWORD key_dword_(const char *file, int line, HCRYPTKEY key, DWORD param)
{
    DWORD value = SEED_DWORD, len = sizeof(value);
    BOOL ret = CryptGetKeyParam(key, param, (BYTE *)&value, &len, 0);
    ok_(file, line)(ret && len == sizeof(value), "KP %lu: ret %d len %lu err %#lx\n", param, ret, len, GetLastError());
    return value;
}

#define set_dword(key, param, value) set_dword_(__FILE__, __LINE__, key, param, value)
static void set_dword_(const char *file, int line, HCRYPTKEY key, DWORD param, DWORD value)
{
    BOOL ret = CryptSetKeyParam(key, param, (BYTE *)&value, 0);
    ok_(file, line)(ret, "set KP %lu = %lu failed: %#lx\n", param, value, GetLastError());
}

#define check_salt(key, hex) check_salt_(__FILE__, __LINE__, key, hex)
static void check_salt_(const char *file, int line, HCRYPTKEY key, const char *hex)
{
    BYTE salt[32], expect[32];
    DWORD len = sizeof(salt), n = hex_to_bytes(hex, expect, sizeof(expect));
    BOOL ret;

    seed(salt, sizeof(salt));
    ret = CryptGetKeyParam(key, KP_SALT, salt, &len, 0);
    ok_(file, line)(ret && len == n && !memcmp(salt, expect, n), "KP_SALT: ret %d len %lu %s, expected %s\n",
                    ret, len, winetest_hex(salt, len), hex);
}

#define check_crypt(key, final, in, from, to, expect) check_crypt_(__FILE__, __LINE__, key, final, in, from, to, expect)
/* Encrypts bytes [from, to) of the plaintext in one call; the output must be
 * the same bytes of the expected ciphertext (padding included when final). */
static void check_crypt_(const char *file, int line, HCRYPTKEY key, BOOL final, const char *in, DWORD from,
                         DWORD to, const char *expect)
{
    BYTE data[96], pt[96], ct[96];
    DWORD ct_len = hex_to_bytes(expect, ct, sizeof(ct)), len = to - from, want;
    BOOL ret;

    hex_to_bytes(in, pt, sizeof(pt));
    want = final ? ct_len - from : len;
    seed(data, sizeof(data));
    memcpy(data, pt + from, len);
    ret = CryptEncrypt(key, 0, final, 0, data, &len, sizeof(data));
    ok_(file, line)(ret, "CryptEncrypt failed: %#lx\n", GetLastError());
    ok_(file, line)(len == want && !memcmp(data, ct + from, want), "bytes %lu..: got %s (%lu), expected %s\n",
                    from, winetest_hex(data, len), len, winetest_hex(ct + from, want));
}

/* ---- vectors ---------------------------------------------------------------- */

/* Plaintexts of Wine's tests: bytes 0..22 / 0..15, and "AES Test With 2 Blocks Of Data." with its NUL. */
static const char pt23[] = "000102030405060708090a0b0c0d0e0f10111213141516";
static const char pt13[] = "000102030405060708090a0b0c";
static const char pt16[] = "000102030405060708090a0b0c0d0e0f";
static const char pt_aes[] = "41455320546573742057697468203220426c6f636b73204f6620446174612e00";

/* MD2(0..1999) = d5e1a7e9ac38c127f7731dba811698e0; longer keys extend it as
 * CryptDeriveKey does (reference 5.8): 1d2879e482f2d02e...  (host-computed) */
static const char md2_key[]  = "d5e1a7e9ac38c127f7731dba811698e0";
static const char md2_long[] = "1d2879e482f2d02ed400ef4f6fff4d54db5a6856318ad42404764f3b28954fb5";

struct kat_row
{
    int prov;
    ALG_ID algid;
    int key_len;          /* bytes of md2_key (or md2_long with long_key) */
    BOOL long_key;
    DWORD mode;
    const char *plain;
    const char *cipher;   /* Final=TRUE, padded */
};

static const struct kat_row kats[] =
{
    /* wine-test: test_block_cipher_modes (40-bit RC2, default 11-byte zero salt) */
    { BASE,     CALG_RC2, 5, FALSE, CRYPT_MODE_ECB, pt23, "c09ae42f0a476711f2b25d5f08ff49a4453a6814ca18e5f4" },
    { STRONG,   CALG_RC2, 5, FALSE, CRYPT_MODE_CBC, pt23, "c09ae42f0a47671110f5da614e3dabc09785011297a4f7d3" },
    { ENHANCED, CALG_RC2, 5, FALSE, CRYPT_MODE_CFB, pt23, "29b567850b1bec07672da1a41a47246a54e1e092f90ef6eb" },
    { ENHANCED, CALG_RC2, 5, FALSE, CRYPT_MODE_CBC, pt13, "c09ae42f0a476711fb1887ce0c7507b1" },   /* test_rc2 */
    { BASE,     CALG_RC4, 7, FALSE, 0,              pt16, "170c448eae90cdb07f87f57aecb22e35" },   /* test_rc4 */
    { ENHANCED, CALG_DES, 8, FALSE, CRYPT_MODE_ECB, pt13, "58864246654b9262cf0f6537437a82b9" },   /* test_des */
    { ENHANCED, CALG_3DES_112, 16, FALSE, CRYPT_MODE_CBC, pt13, "8e0c3ca305885f7a32a1065264d2441c" },
    { ENHANCED, CALG_3DES, 24, TRUE, CRYPT_MODE_CBC, pt13, "7bbadda239d37bb3c751814153e8cfeb" },
    { AES, CALG_AES_128, 16, TRUE, CRYPT_MODE_CBC, pt_aes,
      "fe853be1f5e15875d5a974e309eaa5042335a23b5cf16c6fb9cd64063e4183ef2afeeab56c1720798c513e56ede14768" },
    { AES, CALG_AES_192, 24, TRUE, CRYPT_MODE_CBC, pt_aes,
      "6bf0fd32eec60613a8e63c8185b82ea1d43be822a5744abe9dcfcc3726195ad17f76bf9428ce27216187ebb98ba8b457" },
    { AES, CALG_AES_256, 32, TRUE, CRYPT_MODE_CBC, pt_aes,
      "2057170b1776d83b26908b4cf2007933292b139ce29509c1cd20872232709d759a94f5765cb1622ce1767c8673e67a23" },
};

static HCRYPTKEY kat_key(HCRYPTPROV prov, const struct kat_row *row)
{
    char hex[65];

    lstrcpynA(hex, row->long_key ? md2_long : md2_key, row->key_len * 2 + 1);
    return import_key(prov, row->algid, hex, CRYPT_EXPORTABLE);
}

/* Salt scenario (reference 3.3): one 40-bit key 0102030405, three salts,
 * a 32-byte message; RC4(key || salt) and RC2(key || salt, 40 effective bits). */
static const char salt_key[] = "0102030405";
static const char salt_pt[] = "53616c74656420524334206d6573736167652023312c20333220627974657321";
static const char *const salts[] = { "0000000000000000000000", "a1a2a3a4a5a6a7a8a9aaab", "b1b2b3b4b5b6b7b8b9babb" };
static const char *const rc4_salted[] =
{
    "bd352d92d6e80d083692fb346f6fce4be82a671225effec18260d1ded2265445",
    "de01b6dbc174a6e1fa5e882ba30de143faf1b330b13aaf59617adcda66fdd0fb",
    "39b4e1fd013f8591607249fa0ff30c3b0befbe4d5b19c371f1384198a3a590ba",
};
static const char *const rc2_salted[] =
{
    "7c787447246af0e186a5b63017355abc51e7acad1ecd8ae78d393639cb182e8acd3d848971e2d3a8",
    "6bccb9989f1fc97abbf890844b45e48e34b5eeba957fb5f6927acfe59e432dd0c3ddbf97e755590a",
    "218b642fc25612f3994b29cee42c57333a4c3388c3b253153f1e9c90c88948891ae77c5157953adb",
};

/* ---- CryptDuplicateKey -------------------------------------------------------- */

/* advapi32 checks its own handle first: NULL, garbage or a key whose context
 * is gone -> ERROR_INVALID_PARAMETER (reference 3.2, conflict with the doc's NTE_BAD_KEY). */
static void test_CryptDuplicateKey_bad_handles(void)
{
    static const BYTE garbage[64];   /* readable, but no advapi32 key */
    HCRYPTPROV prov = acquire(BASE);
    HCRYPTKEY key, dup;
    BOOL ret;

    if (!prov) return;
    dup = SEED_DWORD;
    SetLastError(SEED_DWORD);
    ret = CryptDuplicateKey(0, NULL, 0, &dup);
    ok(!ret && GetLastError() == ERROR_INVALID_PARAMETER, "NULL key: %d %#lx\n", ret, GetLastError()); /* wine-impl */
    ok(dup == SEED_DWORD, "output changed\n");

    SetLastError(SEED_DWORD);
    ret = CryptDuplicateKey((HCRYPTKEY)garbage, NULL, 0, &dup);
    ok(!ret && GetLastError() == ERROR_INVALID_PARAMETER, "garbage key: %d %#lx\n", ret, GetLastError()); /* wine-impl */

    key = import_key(prov, CALG_RC4, salt_key, 0);
    ok(CryptReleaseContext(prov, 0), "release failed: %#lx\n", GetLastError());
    SetLastError(SEED_DWORD);
    ret = CryptDuplicateKey(key, NULL, 0, &dup);
    ok(!ret && GetLastError() == ERROR_INVALID_PARAMETER, "released context: %d %#lx\n", ret, GetLastError()); /* wine-test */
}

static void test_CryptDuplicateKey_bad_arguments(void)
{
    HCRYPTPROV prov = acquire(ENHANCED);
    DWORD reserved = 0;
    HCRYPTKEY key, dup;
    BOOL ret;

    if (!prov) return;
    key = import_key(prov, CALG_RC2, md2_key, 0);

    dup = SEED_DWORD;
    SetLastError(SEED_DWORD);
    ret = CryptDuplicateKey(key, &reserved, 0, &dup);
    ok(!ret && GetLastError() == ERROR_INVALID_PARAMETER, "pdwReserved: %d %#lx\n", ret, GetLastError()); /* doc */
    ok(dup == SEED_DWORD, "output changed\n");

    SetLastError(SEED_DWORD);
    ret = CryptDuplicateKey(key, NULL, 0, NULL);
    ok(!ret && GetLastError() == ERROR_INVALID_PARAMETER, "phKey NULL: %d %#lx\n", ret, GetLastError()); /* doc */

    /* hypothesis: rsaenh answers dwFlags != 0 like its other argument checks
     * (Wine's rsaenh does; no test on Windows covers it, reference 3.2) */
    SetLastError(SEED_DWORD);
    ret = CryptDuplicateKey(key, NULL, 1, &dup);
    ok(!ret && GetLastError() == ERROR_INVALID_PARAMETER, "dwFlags 1: %d %#lx\n", ret, GetLastError());
    ok(dup == SEED_DWORD, "output changed\n");

    ret = CryptDuplicateKey(key, NULL, 0, &dup);
    ok(ret, "CryptDuplicateKey failed: %#lx\n", GetLastError());
    ok(dup != key && dup != SEED_DWORD, "got %#lx\n", (ULONG)dup);
    CryptDestroyKey(dup);
    CryptDestroyKey(key);
    CryptReleaseContext(prov, 0);
}

/* reference 3.3 [doc]: duplicate one key, give each copy its own KP_SALT,
 * encrypt the same message: each result is the cipher keyed with key || its salt. */
static void test_CryptDuplicateKey_salts(void)
{
    static const ALG_ID algids[] = { CALG_RC4, CALG_RC2 };
    const char *const *expect;
    HCRYPTKEY base, dups[ARRAY_SIZE(salts)];
    HCRYPTPROV prov = acquire(BASE);   /* Base: salts apply to 40-bit keys and stay visible */
    BYTE salt[16];
    DWORD a, i;

    if (!prov) return;
    for (a = 0; a < ARRAY_SIZE(algids); a++)
    {
        winetest_push_context("%s", a ? "RC2" : "RC4");
        expect = a ? rc2_salted : rc4_salted;
        base = import_key(prov, algids[a], salt_key, 0);
        check_salt(base, salts[0]);   /* 40-bit keys: 11 zero bytes [wine-test] */
        for (i = 1; i < ARRAY_SIZE(salts); i++)
        {
            ok(CryptDuplicateKey(base, NULL, 0, &dups[i]), "dup %lu failed: %#lx\n", i, GetLastError());
            hex_to_bytes(salts[i], salt, sizeof(salt));
            ok(CryptSetKeyParam(dups[i], KP_SALT, salt, 0), "KP_SALT failed: %#lx\n", GetLastError());
        }
        for (i = 1; i < ARRAY_SIZE(salts); i++)
        {
            winetest_push_context("salt %lu", i);
            check_salt(dups[i], salts[i]);
            check_crypt(dups[i], TRUE, salt_pt, 0, 32, expect[i]);
            winetest_pop_context();
        }
        /* the original kept its zero salt; re-salting one copy leaves the other alone */
        check_salt(base, salts[0]);
        check_crypt(base, TRUE, salt_pt, 0, 32, expect[0]);
        hex_to_bytes(salts[2], salt, sizeof(salt));
        ok(CryptSetKeyParam(dups[1], KP_SALT, salt, 0), "KP_SALT failed: %#lx\n", GetLastError());
        check_crypt(dups[1], TRUE, salt_pt, 0, 32, expect[2]);
        check_crypt(dups[2], TRUE, salt_pt, 0, 32, expect[2]);
        check_salt(dups[2], salts[2]);
        /* [doc] destroying the original leaves the duplicates working */
        CryptDestroyKey(base);
        check_crypt(dups[2], TRUE, salt_pt, 0, 32, expect[2]);
        for (i = 1; i < ARRAY_SIZE(salts); i++) CryptDestroyKey(dups[i]);
        winetest_pop_context();
    }
    CryptReleaseContext(prov, 0);
}

/* [doc] "exact copy of key and state": a copy taken mid-message continues
 * it (RC4 stream position, CBC/CFB chain), and both continue independently. */
static void test_CryptDuplicateKey_mid_message(void)
{
    static const struct { int kat; DWORD split; } rows[] =
    {
        { 4, 5 },    /* RC4: 5 of 16 bytes done */
        { 1, 16 },   /* RC2 CBC: two of three blocks done */
        { 2, 8 },    /* RC2 CFB */
        { 6, 8 },    /* 3DES_112 CBC */
        { 8, 16 },   /* AES-128 CBC */
    };
    HCRYPTPROV provs[ARRAY_SIZE(providers)] = { 0 };
    HCRYPTKEY key, dup;
    DWORD i, end;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        const struct kat_row *row = &kats[rows[i].kat];

        winetest_push_context("kat %d", rows[i].kat);
        if (!provs[row->prov] && !(provs[row->prov] = acquire(row->prov))) break;
        key = kat_key(provs[row->prov], row);
        if (row->mode) set_dword(key, KP_MODE, row->mode);
        end = strlen(row->plain) / 2;
        check_crypt(key, FALSE, row->plain, 0, rows[i].split, row->cipher);
        ok(CryptDuplicateKey(key, NULL, 0, &dup), "dup failed: %#lx\n", GetLastError());
        check_crypt(dup, TRUE, row->plain, rows[i].split, end, row->cipher);
        check_crypt(key, TRUE, row->plain, rows[i].split, end, row->cipher);
        /* both restarted after Final: whole messages again, independently */
        check_crypt(key, TRUE, row->plain, 0, end, row->cipher);
        check_crypt(dup, TRUE, row->plain, 0, end, row->cipher);
        CryptDestroyKey(key);
        CryptDestroyKey(dup);
        winetest_pop_context();
    }
    for (i = 0; i < ARRAY_SIZE(provs); i++) if (provs[i]) CryptReleaseContext(provs[i], 0);
}

/* The copy carries KP_IV, mode, mode bits, permissions, salt and effective
 * length [doc "exact copy"], and changing one key afterwards leaves the other alone. */
static void test_CryptDuplicateKey_parameters(void)
{
    static const BYTE iv[8] = { 1, 2, 3, 4, 5, 6, 7, 8 };
    HCRYPTPROV prov = acquire(STRONG);
    BYTE got[8];
    CRYPT_INTEGER_BLOB salt = { 4, (BYTE *)"\xc0\xc1\xc2\xc3" };
    HCRYPTKEY key, dup;
    DWORD len;

    if (!prov) return;
    key = import_key(prov, CALG_RC2, salt_key, CRYPT_EXPORTABLE);
    ok(CryptSetKeyParam(key, KP_IV, (BYTE *)iv, 0), "KP_IV failed: %#lx\n", GetLastError());
    set_dword(key, KP_MODE, CRYPT_MODE_CFB);
    set_dword(key, KP_MODE_BITS, 8);
    set_dword(key, KP_EFFECTIVE_KEYLEN, 64);
    set_dword(key, KP_PERMISSIONS, CRYPT_ENCRYPT | CRYPT_DECRYPT | CRYPT_EXPORT);
    ok(CryptSetKeyParam(key, KP_SALT_EX, (BYTE *)&salt, 0), "KP_SALT_EX failed: %#lx\n", GetLastError());

    ok(CryptDuplicateKey(key, NULL, 0, &dup), "dup failed: %#lx\n", GetLastError());
    len = sizeof(got);
    ok(CryptGetKeyParam(dup, KP_IV, got, &len, 0) && len == 8 && !memcmp(got, iv, 8), "KP_IV not copied\n");
    ok(key_dword(dup, KP_MODE) == CRYPT_MODE_CFB, "KP_MODE not copied\n");
    ok(key_dword(dup, KP_MODE_BITS) == 8, "KP_MODE_BITS not copied\n");
    ok(key_dword(dup, KP_EFFECTIVE_KEYLEN) == 64, "KP_EFFECTIVE_KEYLEN not copied\n");
    ok(key_dword(dup, KP_PERMISSIONS) == (CRYPT_ENCRYPT | CRYPT_DECRYPT | CRYPT_EXPORT), "KP_PERMISSIONS\n");
    ok(key_dword(dup, KP_PADDING) == PKCS5_PADDING, "KP_PADDING\n");
    ok(key_dword(dup, KP_KEYLEN) == 40, "KP_KEYLEN\n");
    check_salt(dup, "c0c1c2c3");

    /* afterwards independent */
    set_dword(key, KP_MODE, CRYPT_MODE_ECB);
    set_dword(key, KP_EFFECTIVE_KEYLEN, 40);
    ok(CryptSetKeyParam(key, KP_IV, (BYTE *)"\0\0\0\0\0\0\0\0", 0), "KP_IV failed: %#lx\n", GetLastError());
    ok(key_dword(dup, KP_MODE) == CRYPT_MODE_CFB, "KP_MODE changed with the original\n");
    ok(key_dword(dup, KP_EFFECTIVE_KEYLEN) == 64, "KP_EFFECTIVE_KEYLEN changed with the original\n");
    len = sizeof(got);
    ok(CryptGetKeyParam(dup, KP_IV, got, &len, 0) && !memcmp(got, iv, 8), "KP_IV changed with the original\n");
    CryptDestroyKey(key);
    CryptDestroyKey(dup);
    CryptReleaseContext(prov, 0);
}

/* An RSA public key (PUBLICKEYBLOB, doc) duplicates too [wine-test: CAPI
 * duplicates key pairs]: the copy verifies the same PKCS#1 v1.5 signature and
 * exports the same blob.  Key and SHA-1 signature made on the host with
 * python-cryptography; CryptoAPI numbers are little-endian [doc]. */
static const char rsa_modulus[] =
    "bdca307bdd67bdbef0664e79d043ba443e2bc0e6283ad2fe060a6308c7b7a324149a8f07bd3c74377a02b793beb8ff03"
    "1340300b6946df04e39c0a50c033835183ee2d577f89172281e08b3d8f0bd2a6e5fd8ec8c5bbea6039c8e25ef6d6d4fd"
    "a98a57642569f2d6969083127fdddaf2718cce3348026247589443832f9f90cc";
static const char rsa_signature[] =
    "bd96cf57f1c60a12b28e0800ec6720ec0993c6a729f1c424706e9527c518d58dc4f6590610a98cba7f9c9df24167d6d5"
    "cbb8f24a44569ade941337c72d05bafb35d31767ffae846fe3efe24f95293cdd810ebcc64763d7ac78814c89b83f5cee"
    "5cca5eb3e1e2a8e58e62b6192458d9eaf5014fa87906d15e4bcafabdb6f7e5a5";

static BOOL verify(HCRYPTPROV prov, HCRYPTKEY key, BYTE *sig)
{
    static const char msg[] = "CryptoAPI public key test";
    HCRYPTHASH hash;
    BOOL ret;

    if (!CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash)) return FALSE;
    ret = CryptHashData(hash, (const BYTE *)msg, strlen(msg), 0) && CryptVerifySignatureA(hash, sig, 128, key, NULL, 0);
    CryptDestroyHash(hash);
    return ret;
}

static void test_CryptDuplicateKey_rsa_public(void)
{
    struct { BLOBHEADER hdr; RSAPUBKEY rsa; BYTE n[128]; } blob = { { PUBLICKEYBLOB, CUR_BLOB_VERSION, 0, CALG_RSA_KEYX },
                                                                     { 0x31415352, 1024, 65537 }, { 0 } };
    HCRYPTPROV prov = acquire(AES);
    BYTE sig[128], out[sizeof(blob)];
    HCRYPTKEY key, dup;
    DWORD len;

    if (!prov) return;
    hex_to_bytes(rsa_modulus, blob.n, sizeof(blob.n));
    hex_to_bytes(rsa_signature, sig, sizeof(sig));
    ok(CryptImportKey(prov, (BYTE *)&blob, sizeof(blob), 0, 0, &key), "import failed: %#lx\n", GetLastError());
    ok(CryptDuplicateKey(key, NULL, 0, &dup), "dup failed: %#lx\n", GetLastError());
    CryptDestroyKey(key);
    ok(verify(prov, dup, sig), "the copy does not verify: %#lx\n", GetLastError());
    ok(key_dword(dup, KP_ALGID) == CALG_RSA_KEYX && key_dword(dup, KP_BLOCKLEN) == 1024, "parameters\n");
    len = sizeof(out);
    ok(CryptExportKey(dup, 0, PUBLICKEYBLOB, 0, out, &len) && len == sizeof(blob) && !memcmp(out, &blob, len),
       "export: %#lx %lu\n", GetLastError(), len);   /* wine-test: a public blob round-trips */
    sig[5] ^= 1;
    SetLastError(SEED_DWORD);
    ok(!verify(prov, dup, sig) && (HRESULT)GetLastError() == NTE_BAD_SIGNATURE, "bad signature: %#lx\n",
       GetLastError());   /* wine-test */
    CryptDestroyKey(dup);
    CryptReleaseContext(prov, 0);
}

/* ---- contexts and provider parameters ------------------------------------------ */

static void test_CryptAcquireContext_verify_with_container(void)
{
    HCRYPTPROV prov = SEED_DWORD;
    DWORD p;
    BOOL ret;

    for (p = 0; p < ARRAY_SIZE(providers); p++)
    {
        SetLastError(SEED_DWORD);
        ret = CryptAcquireContextA(&prov, "winetest", providers[p].name, providers[p].type, CRYPT_VERIFYCONTEXT);
        ok(!ret && (HRESULT)GetLastError() == NTE_BAD_FLAGS, "%s: %d %#lx\n", providers[p].name, ret, GetLastError()); /* wine-test */
    }
}

static void test_CryptGetProvParam_basics(void)
{
    char name[MAX_PATH];
    DWORD p, len, value;
    HCRYPTPROV prov;
    BOOL ret;

    for (p = 0; p < ARRAY_SIZE(providers); p++)
    {
        winetest_push_context("%s", providers[p].name);
        if (!(prov = acquire(p))) break;
        len = sizeof(name);
        ret = CryptGetProvParam(prov, PP_NAME, (BYTE *)name, &len, 0);
        ok(ret && len == strlen(providers[p].name) + 1 && !strcmp(name, providers[p].name),
           "PP_NAME: %d %s %lu\n", ret, name, len);   /* doc */
        len = 1;
        SetLastError(SEED_DWORD);
        ret = CryptGetProvParam(prov, PP_NAME, (BYTE *)name, &len, 0);
        ok(!ret && GetLastError() == ERROR_MORE_DATA && len == strlen(providers[p].name) + 1,
           "short buffer: %d %#lx %lu\n", ret, GetLastError(), len);   /* doc */

        len = sizeof(value);
        todo_builtin_if(providers[p].type != PROV_RSA_FULL)
        ok(CryptGetProvParam(prov, PP_PROVTYPE, (BYTE *)&value, &len, 0) && value == providers[p].type,
           "PP_PROVTYPE %lu\n", value);   /* wine-test for PROV_RSA_FULL; hypothesis for the others */
        len = sizeof(value);
        ok(CryptGetProvParam(prov, PP_IMPTYPE, (BYTE *)&value, &len, 0) && value == CRYPT_IMPL_SOFTWARE,
           "PP_IMPTYPE %lu\n", value);    /* doc: a software CSP */
        len = sizeof(value);
        ok(CryptGetProvParam(prov, PP_KEYSPEC, (BYTE *)&value, &len, 0) && value == (AT_KEYEXCHANGE | AT_SIGNATURE),
           "PP_KEYSPEC %lu\n", value);    /* wine-test */
        len = sizeof(value);
        ok(CryptGetProvParam(prov, PP_SIG_KEYSIZE_INC, (BYTE *)&value, &len, 0) && value == 8, "sig inc %lu\n", value);
        len = sizeof(value);
        ok(CryptGetProvParam(prov, PP_KEYX_KEYSIZE_INC, (BYTE *)&value, &len, 0) && value == 8, "keyx inc %lu\n", value);
        len = sizeof(value);
        ok(CryptGetProvParam(prov, PP_VERSION, (BYTE *)&value, &len, 0) && len == sizeof(value),
           "PP_VERSION failed: %#lx\n", GetLastError());   /* doc: a DWORD */

        /* a verify context has no key pairs [wine-test] */
        SetLastError(SEED_DWORD);
        ret = CryptGetUserKey(prov, AT_KEYEXCHANGE, (HCRYPTKEY *)&value);
        ok(!ret && (HRESULT)GetLastError() == NTE_NO_KEY, "CryptGetUserKey: %d %#lx\n", ret, GetLastError());
        CryptReleaseContext(prov, 0);
        winetest_pop_context();
    }
}

/* Session-cipher lengths per provider: reference 5.4 [doc]; which other rows
 * each provider lists: [wine-impl], SHA-2 only in the AES provider [wine-test]. */
struct cap_row
{
    ALG_ID algid;
    DWORD def, min, max;
    UINT provs;   /* bit per provider index; 0 bits = must be absent */
};

#define P(x) (1u << (x))
#define ALLP (P(BASE) | P(STRONG) | P(ENHANCED) | P(SCHANNEL) | P(AES))
#define FULL (P(STRONG) | P(ENHANCED) | P(SCHANNEL) | P(AES))

static const struct cap_row caps[] =
{
    { CALG_RC2,       40, 40,  56, P(BASE) },
    { CALG_RC2,      128, 40, 128, FULL },
    { CALG_RC4,       40, 40,  56, P(BASE) },
    { CALG_RC4,      128, 40, 128, FULL },
    { CALG_DES,       56, 56,  56, ALLP },
    { CALG_3DES_112, 112, 112, 112, FULL },
    { CALG_3DES,     168, 168, 168, FULL },
    { CALG_AES_128,  128, 128, 128, P(AES) },
    { CALG_AES_192,  192, 192, 192, P(AES) },
    { CALG_AES_256,  256, 256, 256, P(AES) },
    { CALG_SHA1,     160, 160, 160, ALLP },
    { CALG_MD5,      128, 128, 128, ALLP },
    { CALG_SHA_256,  256, 256, 256, P(AES) },
    { CALG_SHA_512,  512, 512, 512, P(AES) },
};

static void test_CryptGetProvParam_enumalgs_ex(void)
{
    PROV_ENUMALGS_EX row, first;
    PROV_ENUMALGS short_row;
    DWORD p, c, len, count;
    HCRYPTPROV prov;
    BOOL ret, found;

    for (p = 0; p < ARRAY_SIZE(providers); p++)
    {
        winetest_push_context("%s", providers[p].name);
        if (!(prov = acquire(p))) break;
        for (c = 0; c < ARRAY_SIZE(caps); c++)
        {
            BOOL want = (caps[c].provs & P(p)) != 0;
            if (!want && (caps[c].algid == CALG_RC2 || caps[c].algid == CALG_RC4)) continue;  /* the other variant */
            found = FALSE;
            len = sizeof(row);
            for (ret = CryptGetProvParam(prov, PP_ENUMALGS_EX, (BYTE *)&row, &len, CRYPT_FIRST); ret;
                 len = sizeof(row), ret = CryptGetProvParam(prov, PP_ENUMALGS_EX, (BYTE *)&row, &len, 0))
            {
                if (row.aiAlgid != caps[c].algid) continue;
                found = TRUE;
                ok(row.dwDefaultLen == caps[c].def && row.dwMinLen == caps[c].min && row.dwMaxLen == caps[c].max,
                   "row %lu (%#x): %lu %lu-%lu\n", c, row.aiAlgid, row.dwDefaultLen, row.dwMinLen, row.dwMaxLen);
                ok(row.dwNameLen == strlen(row.szName) + 1, "row %lu: name length %lu\n", c, row.dwNameLen);
            }
            ok(GetLastError() == ERROR_NO_MORE_ITEMS, "end: %#lx\n", GetLastError());   /* doc */
            ok(found == want, "row %lu (%#x): listed %d\n", c, caps[c].algid, found);
        }
        /* CRYPT_FIRST starts over; PP_ENUMALGS lists the same rows with the default length */
        len = sizeof(first);
        ok(CryptGetProvParam(prov, PP_ENUMALGS_EX, (BYTE *)&first, &len, CRYPT_FIRST), "first failed\n");
        len = sizeof(short_row);
        ret = CryptGetProvParam(prov, PP_ENUMALGS, (BYTE *)&short_row, &len, CRYPT_FIRST);
        ok(ret && len == sizeof(short_row) && short_row.aiAlgid == first.aiAlgid
           && short_row.dwBitLen == first.dwDefaultLen, "PP_ENUMALGS: %d %#x %lu\n", ret, short_row.aiAlgid,
           short_row.dwBitLen);
        for (count = 1; len = sizeof(short_row), CryptGetProvParam(prov, PP_ENUMALGS, (BYTE *)&short_row, &len, 0);)
            count++;
        ok(GetLastError() == ERROR_NO_MORE_ITEMS && count > 5, "PP_ENUMALGS: %lu rows, %#lx\n", count, GetLastError());
        CryptReleaseContext(prov, 0);
        winetest_pop_context();
    }
}

static void test_CryptGenRandom(void)
{
    HCRYPTPROV prov = acquire(AES);
    BYTE a[16], b[16];

    if (!prov) return;
    ok(CryptGenRandom(prov, sizeof(a), a) && CryptGenRandom(prov, sizeof(b), b), "failed: %#lx\n", GetLastError());
    ok(memcmp(a, b, sizeof(a)), "two calls gave the same bytes\n");   /* wine-test */
    CryptReleaseContext(prov, 0);
}

/* ---- CryptGenKey and key parameters ---------------------------------------------- */

struct genkey_row
{
    int prov;
    ALG_ID algid;
    DWORD bits;          /* HIWORD of dwFlags */
    DWORD error;         /* 0: succeeds */
    DWORD keylen;        /* KP_KEYLEN on success, 0: not checked */
};

static const struct genkey_row genkeys[] =
{
    { BASE,     CALG_RC4,       0, 0, 40 },              /* doc: Base default 40 */
    { BASE,     CALG_RC2,      56, 0, 56 },
    { BASE,     CALG_RC4,      64, NTE_BAD_DATA },       /* wine-impl: beyond the Base maximum */
    { BASE,     CALG_3DES,      0, NTE_BAD_ALGID },      /* doc: no 3DES in Base */
    { ENHANCED, CALG_RC4,       0, 0, 128 },             /* doc */
    { ENHANCED, CALG_RC2,      41, NTE_BAD_DATA },       /* wine-impl: multiples of 8 */
    { ENHANCED, CALG_DES,      40, NTE_BAD_FLAGS },      /* wine-impl */
    { ENHANCED, CALG_3DES_112,  0, 0 },
    { ENHANCED, CALG_AES_128,   0, NTE_BAD_ALGID },      /* doc: AES only in the AES provider */
    { ENHANCED, CALG_SHA1,      0, NTE_BAD_ALGID },      /* doc: not a key */
    { AES,      CALG_AES,       0, NTE_BAD_ALGID },      /* wine-test */
    { AES,      CALG_AES,     128, NTE_BAD_ALGID },      /* wine-test */
    { AES,      CALG_AES_128,   0, 0, 128 },             /* wine-test */
    { AES,      CALG_AES_256,   0, 0, 256 },
    { SCHANNEL, CALG_3DES,      0, 0 },
};

static void test_CryptGenKey_lengths(void)
{
    HCRYPTPROV provs[ARRAY_SIZE(providers)] = { 0 };
    const struct genkey_row *row;
    HCRYPTKEY key;
    DWORD i;
    BOOL ret;

    for (i = 0; i < ARRAY_SIZE(genkeys); i++)
    {
        row = &genkeys[i];
        winetest_push_context("row %lu", i);
        if (!provs[row->prov] && !(provs[row->prov] = acquire(row->prov))) break;
        key = SEED_DWORD;
        SetLastError(SEED_DWORD);
        ret = CryptGenKey(provs[row->prov], row->algid, row->bits << 16, &key);
        if (row->error) ok(!ret && GetLastError() == row->error, "%d %#lx\n", ret, GetLastError());
        else ok(ret, "failed: %#lx\n", GetLastError());
        if (ret && row->keylen) ok(key_dword(key, KP_KEYLEN) == row->keylen, "wrong KP_KEYLEN\n");
        if (ret) CryptDestroyKey(key);
        winetest_pop_context();
    }
    for (i = 0; i < ARRAY_SIZE(provs); i++) if (provs[i]) CryptReleaseContext(provs[i], 0);
}

struct default_row
{
    int prov;
    ALG_ID algid;
    DWORD flags;
    DWORD mode, blocklen, keylen, salt_len;
};

static const struct default_row defaults[] =
{
    /* block ciphers: CBC with a zero IV [doc, wine-test]; KP_BLOCKLEN in bits [wine-test] */
    { BASE,     CALG_RC2, 0, CRYPT_MODE_CBC, 64, 40, 11 },   /* 40-bit: 11-byte zero salt [wine-test] */
    { BASE,     CALG_RC2, CRYPT_NO_SALT, CRYPT_MODE_CBC, 64, 40, 0 },   /* doc */
    { ENHANCED, CALG_RC2, 0, CRYPT_MODE_CBC, 64, 128, 0 },
    { ENHANCED, CALG_3DES, 0, CRYPT_MODE_CBC, 64, 192, ~0u },   /* wine-impl: stored as 192 */
    { AES,      CALG_AES_192, 0, CRYPT_MODE_CBC, 128, 192, 0 }, /* wine-test: AES reports an empty salt */
    /* RC4: mode 0, block length 0 [wine-test] */
    { STRONG,   CALG_RC4, 40 << 16, 0, 0, 40, 11 },
    { ENHANCED, CALG_RC4, (40 << 16) | CRYPT_CREATE_SALT, 0, 0, 40, 0 },   /* wine-test: Enhanced, no salt */
};

static void test_CryptGetKeyParam_defaults(void)
{
    HCRYPTPROV provs[ARRAY_SIZE(providers)] = { 0 };
    const struct default_row *row;
    BYTE iv[32];
    DWORD i, j, len;
    HCRYPTKEY key;
    BOOL ret;

    for (i = 0; i < ARRAY_SIZE(defaults); i++)
    {
        row = &defaults[i];
        winetest_push_context("row %lu", i);
        if (!provs[row->prov] && !(provs[row->prov] = acquire(row->prov))) break;
        if (!CryptGenKey(provs[row->prov], row->algid, row->flags, &key))
        {
            ok(0, "CryptGenKey failed: %#lx\n", GetLastError());
            winetest_pop_context();
            continue;
        }
        ok(key_dword(key, KP_ALGID) == row->algid, "KP_ALGID\n");
        ok(key_dword(key, KP_MODE) == row->mode, "KP_MODE\n");
        ok(key_dword(key, KP_BLOCKLEN) == row->blocklen, "KP_BLOCKLEN\n");
        ok(key_dword(key, KP_KEYLEN) == row->keylen, "KP_KEYLEN\n");
        ok(key_dword(key, KP_PADDING) == PKCS5_PADDING, "KP_PADDING\n");                 /* wine-impl */
        ok(key_dword(key, KP_PERMISSIONS) == (CRYPT_ENCRYPT | CRYPT_DECRYPT | CRYPT_READ | CRYPT_WRITE | CRYPT_MAC),
           "KP_PERMISSIONS\n");                                                           /* wine-test */
        if (row->algid == CALG_RC2) ok(key_dword(key, KP_EFFECTIVE_KEYLEN) == row->keylen, "effective\n"); /* wine-test */
        len = sizeof(iv);
        seed(iv, sizeof(iv));
        ret = CryptGetKeyParam(key, KP_IV, iv, &len, 0);
        ok(ret && len == row->blocklen / 8, "KP_IV: %d %lu\n", ret, len);                  /* wine-test */
        for (j = 0; ret && j < len; j++) ok(!iv[j], "IV byte %lu is %#x\n", j, iv[j]);  /* doc: zero IV */
        len = sizeof(iv);
        ret = CryptGetKeyParam(key, KP_SALT, NULL, &len, 0);
        if (row->salt_len != ~0u)
        {
            todo_builtin_if(row->algid == CALG_AES_192)
            ok(ret && len == row->salt_len, "KP_SALT: %d %lu %#lx\n", ret, len, GetLastError());
        }
        CryptDestroyKey(key);
        winetest_pop_context();
    }
    for (i = 0; i < ARRAY_SIZE(provs); i++) if (provs[i]) CryptReleaseContext(provs[i], 0);
}

static void test_CryptSetKeyParam_rules(void)
{
    HCRYPTPROV base = acquire(BASE), enh = acquire(ENHANCED);
    CRYPT_INTEGER_BLOB salt;
    BYTE bytes[32] = { 0 };
    HCRYPTKEY key;
    DWORD i, len, value;
    BOOL ret;

    if (!base || !enh) return;
    key = import_key(enh, CALG_RC2, "d5e1a7e9ac38c1", CRYPT_EXPORTABLE);   /* 56-bit */

    SetLastError(SEED_DWORD);
    ret = CryptSetKeyParam(key, KP_EFFECTIVE_KEYLEN, NULL, 0);
    ok(!ret && GetLastError() == ERROR_INVALID_PARAMETER, "NULL: %d %#lx\n", ret, GetLastError());   /* wine-test */
    value = 0;
    ret = CryptSetKeyParam(key, KP_EFFECTIVE_KEYLEN, (BYTE *)&value, 0);
    ok(!ret && (HRESULT)GetLastError() == NTE_BAD_DATA, "0 bits: %d %#lx\n", ret, GetLastError());           /* wine-test */
    value = 1025;
    ok(!CryptSetKeyParam(key, KP_EFFECTIVE_KEYLEN, (BYTE *)&value, 0), "1025 bits accepted\n");      /* wine-test */
    ok(key_dword(key, KP_EFFECTIVE_KEYLEN) == 56, "effective length\n");                             /* wine-test */
    /* wine-test: 128 effective bits on a 56-bit key (Enhanced) */
    set_dword(key, KP_EFFECTIVE_KEYLEN, 128);
    ok(key_dword(key, KP_KEYLEN) == 56, "KP_KEYLEN changed\n");
    check_crypt(key, TRUE, pt13, 0, 13, "8281f7ffddd7888c2a2ac0ce4c89b666");
    CryptDestroyKey(key);

    /* wine-test: the Base provider refuses other lengths than 40 and uses 40 */
    key = import_key(base, CALG_RC2, "d5e1a7e9ac38c1", 0);
    value = 128;
    SetLastError(SEED_DWORD);
    ret = CryptSetKeyParam(key, KP_EFFECTIVE_KEYLEN, (BYTE *)&value, 0);
    ok(!ret && (HRESULT)GetLastError() == NTE_BAD_DATA, "Base 128 bits: %d %#lx\n", ret, GetLastError());
    ok(key_dword(key, KP_EFFECTIVE_KEYLEN) == 40, "Base effective length\n");
    check_crypt(key, TRUE, pt13, 0, 13, "23c87013422ea8985cdf7a9beadb961b");

    /* wine-impl: flags, unknown parameters, padding */
    SetLastError(SEED_DWORD);
    ret = CryptSetKeyParam(key, KP_MODE, bytes, 1);
    ok(!ret && (HRESULT)GetLastError() == NTE_BAD_FLAGS, "flags: %d %#lx\n", ret, GetLastError());
    SetLastError(SEED_DWORD);
    ret = CryptSetKeyParam(key, 0xdead, bytes, 0);
    ok(!ret && (HRESULT)GetLastError() == NTE_BAD_TYPE, "unknown: %d %#lx\n", ret, GetLastError());
    value = ZERO_PADDING;
    SetLastError(SEED_DWORD);
    ret = CryptSetKeyParam(key, KP_PADDING, (BYTE *)&value, 0);
    ok(!ret && (HRESULT)GetLastError() == NTE_BAD_DATA, "ZERO_PADDING: %d %#lx\n", ret, GetLastError());
    set_dword(key, KP_PADDING, PKCS5_PADDING);

    /* wine-test: CRYPT_EXPORT cannot be added (NTE_BAD_DATA or NTE_BAD_FLAGS) */
    value = key_dword(key, KP_PERMISSIONS) | CRYPT_EXPORT;
    SetLastError(SEED_DWORD);
    ret = CryptSetKeyParam(key, KP_PERMISSIONS, (BYTE *)&value, 0);
    ok(!ret && ((HRESULT)GetLastError() == NTE_BAD_DATA || (HRESULT)GetLastError() == NTE_BAD_FLAGS), "%d %#lx\n", ret, GetLastError());

    /* wine-test: KP_SALT keeps length 11 in Base, KP_SALT_EX takes 0..24 bytes */
    CryptDestroyKey(key);
    key = import_key(base, CALG_RC4, salt_key, 0);
    ok(CryptSetKeyParam(key, KP_SALT, bytes, 0), "KP_SALT failed: %#lx\n", GetLastError());
    len = 0;
    ok(CryptGetKeyParam(key, KP_SALT, NULL, &len, 0) && len == 11, "salt length %lu\n", len);
    salt.pbData = bytes;
    for (i = 0; i <= 24; i++)
    {
        salt.cbData = i;
        ok(CryptSetKeyParam(key, KP_SALT_EX, (BYTE *)&salt, 0), "size %lu failed: %#lx\n", i, GetLastError());
        ok(CryptGetKeyParam(key, KP_SALT, NULL, &len, 0) && len == i, "size %lu: length %lu\n", i, len);
    }
    salt.cbData = 25;
    ok(!CryptSetKeyParam(key, KP_SALT_EX, (BYTE *)&salt, 0), "25 bytes accepted\n");
    CryptDestroyKey(key);

    /* wine-test: in the Enhanced provider a set salt reports length 0 */
    key = import_key(enh, CALG_RC4, salt_key, 0);
    ok(CryptSetKeyParam(key, KP_SALT, bytes, 0), "KP_SALT failed: %#lx\n", GetLastError());
    len = SEED_DWORD;
    ok(CryptGetKeyParam(key, KP_SALT, NULL, &len, 0) && !len, "Enhanced salt length %lu\n", len);
    CryptDestroyKey(key);

    /* wine-test: OFB is accepted, then encrypting fails with NTE_BAD_ALGID */
    key = import_key(enh, CALG_DES, "d5e1a7e9ac38c127", 0);
    value = CRYPT_MODE_OFB;
    ret = CryptSetKeyParam(key, KP_MODE, (BYTE *)&value, 0);
    ok(ret || broken(GetLastError() == ERROR_INTERNAL_ERROR) /* Windows 8 */, "OFB: %#lx\n", GetLastError());
    len = 8;
    SetLastError(SEED_DWORD);
    ret = CryptEncrypt(key, 0, TRUE, 0, bytes, &len, sizeof(bytes));
    ok(!ret && (HRESULT)GetLastError() == NTE_BAD_ALGID, "OFB encrypt: %d %#lx\n", ret, GetLastError());
    CryptDestroyKey(key);
    CryptReleaseContext(base, 0);
    CryptReleaseContext(enh, 0);
}

/* ---- CryptEncrypt / CryptDecrypt ------------------------------------------------ */

/* Known answers (wine-test vectors), one call, then decrypted back. */
static void test_CryptEncrypt_known_answers(void)
{
    HCRYPTPROV provs[ARRAY_SIZE(providers)] = { 0 };
    BYTE data[64], pt[64];
    DWORD i, len, pt_len;
    HCRYPTKEY key;

    for (i = 0; i < ARRAY_SIZE(kats); i++)
    {
        const struct kat_row *row = &kats[i];

        winetest_push_context("kat %lu", i);
        if (!provs[row->prov] && !(provs[row->prov] = acquire(row->prov))) break;
        key = kat_key(provs[row->prov], row);
        if (row->mode) set_dword(key, KP_MODE, row->mode);
        pt_len = hex_to_bytes(row->plain, pt, sizeof(pt));
        check_crypt(key, TRUE, row->plain, 0, pt_len, row->cipher);
        check_crypt(key, TRUE, row->plain, 0, pt_len, row->cipher);   /* Final restarted the key [wine-impl] */
        len = hex_to_bytes(row->cipher, data, sizeof(data));
        ok(CryptDecrypt(key, 0, TRUE, 0, data, &len), "decrypt failed: %#lx\n", GetLastError());
        ok(len == pt_len && !memcmp(data, pt, len), "decrypt: %s\n", winetest_hex(data, len));
        CryptDestroyKey(key);
        winetest_pop_context();
    }
    for (i = 0; i < ARRAY_SIZE(provs); i++) if (provs[i]) CryptReleaseContext(provs[i], 0);
}

/* Lengths and errors of block ciphers (reference 5.6). */
static void test_CryptEncrypt_block_rules(void)
{
    HCRYPTPROV prov = acquire(AES);
    BYTE data[64], good[32];
    HCRYPTKEY des, aes;
    DWORD len;
    BOOL ret;

    if (!prov) return;
    des = import_key(prov, CALG_DES, "d5e1a7e9ac38c127", 0);
    aes = import_key(prov, CALG_AES_128, "1d2879e482f2d02ed400ef4f6fff4d54", 0);

    /* Final pads 1..block bytes: 23 -> 24, 13 -> 16, 8 -> 16; AES 32 -> 48 [wine-test] */
    len = 23; ok(CryptEncrypt(des, 0, TRUE, 0, NULL, &len, 0) && len == 24, "sizing 23: %lu\n", len);
    len = 13; ok(CryptEncrypt(des, 0, TRUE, 0, NULL, &len, 0) && len == 16, "sizing 13: %lu\n", len);
    len = 8;  ok(CryptEncrypt(des, 0, TRUE, 0, NULL, &len, 0) && len == 16, "sizing 8: %lu\n", len);
    len = 32; ok(CryptEncrypt(aes, 0, TRUE, 0, NULL, &len, 0) && len == 48, "sizing AES 32: %lu\n", len);

    /* a short buffer: ERROR_MORE_DATA and the length needed [doc] */
    len = 13;
    SetLastError(SEED_DWORD);
    ret = CryptEncrypt(des, 0, TRUE, 0, data, &len, 15);
    ok(!ret && GetLastError() == ERROR_MORE_DATA && len == 16, "short buffer: %d %#lx %lu\n", ret, GetLastError(), len);

    /* Final=FALSE needs whole blocks [wine-impl] */
    len = 12;
    SetLastError(SEED_DWORD);
    ret = CryptEncrypt(des, 0, FALSE, 0, data, &len, sizeof(data));
    ok(!ret && (HRESULT)GetLastError() == NTE_BAD_DATA, "partial block: %d %#lx\n", ret, GetLastError());

    /* Decrypt: Final with no data -> NTE_BAD_LEN, non-final with none -> TRUE [wine-test] */
    len = 0;
    SetLastError(SEED_DWORD);
    if (winetest_dll_kind() == WINETEST_DLL_BUILTIN) skip("Wine 8's builtin rsaenh crashes here\n");
    else
    {
        ret = CryptDecrypt(des, 0, TRUE, 0, data, &len);
        ok(!ret && (HRESULT)GetLastError() == NTE_BAD_LEN, "Final, 0 bytes: %d %#lx\n", ret, GetLastError());
    }
    len = 0;
    ok(CryptDecrypt(des, 0, FALSE, 0, data, &len), "non-final, 0 bytes: %#lx\n", GetLastError());

    /* a bad pad -> NTE_BAD_DATA, and the key starts over so the next message works [wine-test] */
    memcpy(good, pt16, 0);
    len = hex_to_bytes(pt16, good, sizeof(good));
    ok(CryptEncrypt(des, 0, TRUE, 0, good, &len, sizeof(good)) && len == 24, "encrypt: %#lx\n", GetLastError());
    memcpy(data, good, 24);
    len = 8;
    ok(CryptDecrypt(des, 0, FALSE, 0, data, &len), "first block: %#lx\n", GetLastError());
    memcpy(data, good, 24);
    data[23] ^= 0xff;
    len = 24;
    SetLastError(SEED_DWORD);
    ret = CryptDecrypt(des, 0, TRUE, 0, data, &len);
    ok(!ret && (HRESULT)GetLastError() == NTE_BAD_DATA, "bad pad: %d %#lx\n", ret, GetLastError());
    memcpy(data, good, 24);
    len = 24;
    ok(CryptDecrypt(des, 0, TRUE, 0, data, &len) && len == 16, "after bad pad: %#lx %lu\n", GetLastError(), len);

    CryptDestroyKey(des);
    CryptDestroyKey(aes);
    CryptReleaseContext(prov, 0);
}

/* RC4 keeps the length [wine-test]; a message may span calls. */
static void test_CryptEncrypt_stream(void)
{
    HCRYPTPROV prov = acquire(BASE);
    HCRYPTKEY key;
    DWORD len;

    if (!prov) return;
    key = import_key(prov, CALG_RC4, "d5e1a7e9ac38c1", 0);
    len = 16;
    ok(CryptEncrypt(key, 0, TRUE, 0, NULL, &len, 24) && len >= 16, "sizing: %lu\n", len);
    check_crypt(key, FALSE, pt16, 0, 3, kats[4].cipher);
    check_crypt(key, FALSE, pt16, 3, 11, kats[4].cipher);
    check_crypt(key, TRUE, pt16, 11, 16, kats[4].cipher);
    check_crypt(key, TRUE, pt16, 0, 16, kats[4].cipher);
    CryptDestroyKey(key);
    CryptReleaseContext(prov, 0);
}

/* ---- PLAINTEXTKEYBLOB ------------------------------------------------------------- */

static void test_CryptImportKey_plaintext(void)
{
    struct blob blob = { { PLAINTEXTKEYBLOB, CUR_BLOB_VERSION, 0, CALG_RC2 }, 16, { 0 } };
    HCRYPTPROV base = acquire(BASE), enh = acquire(ENHANCED);
    BYTE out[64];
    HCRYPTKEY key;
    DWORD len;
    BOOL ret;

    if (!base || !enh) return;
    /* wine-test: a 16-byte RC2 key is too long for Base (Win7: NTE_BAD_LEN), 7 bytes are fine */
    SetLastError(SEED_DWORD);
    ret = CryptImportKey(base, (BYTE *)&blob, 12 + 16, 0, 0, &key);
    ok(!ret && ((HRESULT)GetLastError() == NTE_BAD_DATA || broken((HRESULT)GetLastError() == NTE_BAD_LEN)), "%d %#lx\n", ret,
       GetLastError());
    blob.len = 7;
    ok(CryptImportKey(base, (BYTE *)&blob, 12 + 7, 0, 0, &key), "7 bytes: %#lx\n", GetLastError());
    /* doc: not CRYPT_EXPORTABLE -> NTE_BAD_KEY_STATE, even when only sizing */
    SetLastError(SEED_DWORD);
    ret = CryptExportKey(key, 0, PLAINTEXTKEYBLOB, 0, NULL, &len);
    todo_builtin ok(!ret && (HRESULT)GetLastError() == NTE_BAD_KEY_STATE, "export: %d %#lx\n", ret, GetLastError());
    CryptDestroyKey(key);

    /* wine-impl: a blob header with a bad version is NTE_BAD_DATA; an unknown type NTE_BAD_TYPE */
    blob.hdr.bVersion = 3;
    SetLastError(SEED_DWORD);
    ret = CryptImportKey(base, (BYTE *)&blob, 12 + 7, 0, 0, &key);
    ok(!ret && (HRESULT)GetLastError() == NTE_BAD_DATA, "version 3: %d %#lx\n", ret, GetLastError());
    blob.hdr.bVersion = CUR_BLOB_VERSION;
    blob.hdr.bType = 0x42;
    SetLastError(SEED_DWORD);
    ret = CryptImportKey(base, (BYTE *)&blob, 12 + 7, 0, 0, &key);
    ok(!ret && (HRESULT)GetLastError() == NTE_BAD_TYPE, "type 0x42: %d %#lx\n", ret, GetLastError());

    /* round trip of an exportable key: same header and bytes [doc] */
    key = import_key(enh, CALG_3DES_112, md2_key, CRYPT_EXPORTABLE);
    ok(key_dword(key, KP_PERMISSIONS) & CRYPT_EXPORT, "CRYPT_EXPORT missing\n");   /* wine-test */
    len = 0;
    ok(CryptExportKey(key, 0, PLAINTEXTKEYBLOB, 0, NULL, &len) && len == 12 + 16, "sizing: %lu\n", len);
    len = 12 + 15;
    SetLastError(SEED_DWORD);
    ret = CryptExportKey(key, 0, PLAINTEXTKEYBLOB, 0, out, &len);
    ok(!ret && GetLastError() == ERROR_MORE_DATA && len == 28, "short: %d %#lx %lu\n", ret, GetLastError(), len);
    len = sizeof(out);
    ok(CryptExportKey(key, 0, PLAINTEXTKEYBLOB, 0, out, &len) && len == 28, "export: %#lx\n", GetLastError());
    blob.hdr.bType = PLAINTEXTKEYBLOB;
    blob.hdr.aiKeyAlg = CALG_3DES_112;
    blob.len = hex_to_bytes(md2_key, blob.key, sizeof(blob.key));
    ok(!memcmp(out, &blob, 28), "blob %s\n", winetest_hex(out, len));
    CryptDestroyKey(key);
    CryptReleaseContext(base, 0);
    CryptReleaseContext(enh, 0);
}

START_TEST(csp_duplicate)
{
    test_CryptDuplicateKey_bad_handles();
    test_CryptDuplicateKey_bad_arguments();
    test_CryptDuplicateKey_salts();
    test_CryptDuplicateKey_mid_message();
    test_CryptDuplicateKey_parameters();
    test_CryptDuplicateKey_rsa_public();
}

START_TEST(csp_provider)
{
    test_CryptAcquireContext_verify_with_container();
    test_CryptGetProvParam_basics();
    test_CryptGetProvParam_enumalgs_ex();
    test_CryptGenRandom();
}

START_TEST(csp_key)
{
    test_CryptGenKey_lengths();
    test_CryptGetKeyParam_defaults();
    test_CryptSetKeyParam_rules();
    test_CryptEncrypt_known_answers();
    test_CryptEncrypt_block_rules();
    test_CryptEncrypt_stream();
    test_CryptImportKey_plaintext();
}
