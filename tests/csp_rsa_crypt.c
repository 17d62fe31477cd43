/*
 * Conformance tests for what CryptoAPI does with RSA keys, through advapi32
 * and rsaenh.dll: SIMPLEBLOB export and import (session keys wrapped with a
 * key exchange key), CryptEncrypt / CryptDecrypt with a key exchange key
 * (PKCS#1 v1.5, CRYPT_OAEP), CryptSignHash and CryptVerifySignature.
 *
 * Each assertion names its source:
 *   doc        Microsoft documentation
 *   wine-test  asserted by Wine's rsaenh/advapi32 tests, which pass on Windows
 *   wine-impl  what Wine's rsaenh does, not proven on Windows
 *   hypothesis what we expect Windows to do, not yet confirmed
 * Vectors are in csp_rsa_vectors.h, helpers in csp_rsa_test.h.
 */
#define WINETEST_MODULE "rsaenh.dll"
#include "winetest.h"
#include <wincrypt.h>
#include "csp_rsa_test.h"

/* ---- SIMPLEBLOB ---------------------------------------------------------------------------- */

static void test_SIMPLEBLOB_known_answer(void)
{
    static const BYTE expect[] = "Wine rocks!";
    HCRYPTKEY exchange, session;
    HCRYPTPROV prov;
    BYTE data[16];
    DWORD len;

    if (!(prov = verify_ctx(ENHANCED))) return;
    import_hex(prov, priv_exchange_1024, 0, 0, 0, &exchange);
    if (import_hex(prov, simple_rc4_56, 0, exchange, 0, &session))
    {
        ok(key_dword(session, KP_ALGID) == CALG_RC4 && key_dword(session, KP_KEYLEN) == 56, "session key\n");
        ok(key_dword(session, KP_PERMISSIONS) == PERMS_DEFAULT, "KP_PERMISSIONS\n");                 /* wine-test */
        len = hex_to_bytes(rc4_message, data, sizeof(data));
        ok(CryptDecrypt(session, 0, TRUE, 0, data, &len) && len == sizeof(expect) && !memcmp(data, expect, len),
           "decrypted %s\n", winetest_hex(data, len));                                               /* wine-test */
        SetLastError(SEED_DWORD);
        todo_builtin   /* doc: NTE_BAD_KEY_STATE, the key was made without CRYPT_EXPORTABLE */
        expect_fail(CryptExportKey(session, exchange, SIMPLEBLOB, 0, NULL, &len), NTE_BAD_KEY_STATE);
        CryptDestroyKey(session);
    }
    /* wrapping needs a key exchange key [wine-impl] */
    SetLastError(SEED_DWORD);
    expect_fail(CryptImportKey(prov, (BYTE *)"\x01\x02\0\0\x01\x68\0\0\0\xa4\0\0", 12, 0, 0, &session),
                NTE_BAD_PUBLIC_KEY);
    CryptDestroyKey(exchange);
    CryptReleaseContext(prov, 0);
}

/* Client and server of Wine's test_RC4_session_key, in the Base provider [wine-test]. */
static void test_SIMPLEBLOB_round_trip(void)
{
    static const BYTE zero[11], hello[12] = "Hello World!";
    BYTE data[sizeof(hello)], salt[16], blob[256];
    HCRYPTKEY key, wrap;
    HCRYPTPROV prov;
    DWORD len, blob_len;
    BOOL ret;

    if (!(prov = verify_ctx(BASE))) return;
    ok(CryptGenKey(prov, CALG_RC4, CRYPT_EXPORTABLE, &key), "gen: %#lx\n", GetLastError());
    import_hex(prov, pub_exchange_512, 0, 0, 0, &wrap);
    blob_len = 0;
    ok(CryptExportKey(key, wrap, SIMPLEBLOB, 0, NULL, &blob_len) && blob_len == 12 + 64, "sizing %lu\n", blob_len);
    blob_len = 12 + 63;
    SetLastError(SEED_DWORD);
    expect_fail(CryptExportKey(key, wrap, SIMPLEBLOB, 0, blob, &blob_len), ERROR_MORE_DATA);        /* doc */
    blob_len = sizeof(blob);
    ok(CryptExportKey(key, wrap, SIMPLEBLOB, 0, blob, &blob_len) && blob_len == 76, "export: %#lx\n", GetLastError());
    ok(blob[0] == SIMPLEBLOB && *(DWORD *)(blob + 4) == CALG_RC4 && *(DWORD *)(blob + 8) == CALG_RSA_KEYX,
       "header %s\n", winetest_hex(blob, 12));                                                     /* doc */
    len = sizeof(hello);
    memcpy(data, hello, len);
    ok(CryptEncrypt(key, 0, TRUE, 0, data, &len, len), "encrypt: %#lx\n", GetLastError());
    SetLastError(SEED_DWORD);
    expect_fail(CryptExportKey(key, 0, SIMPLEBLOB, 0, NULL, &len), NTE_BAD_PUBLIC_KEY);             /* wine-impl */
    SetLastError(SEED_DWORD);
    todo_builtin   /* hypothesis: only session keys are wrapped */
    expect_fail(CryptExportKey(wrap, wrap, SIMPLEBLOB, 0, NULL, &len), NTE_BAD_KEY);
    CryptDestroyKey(wrap);
    CryptDestroyKey(key);
    CryptReleaseContext(prov, 0);

    if (!(prov = verify_ctx(BASE))) return;
    import_hex(prov, priv_exchange_512, 0, 0, 0, &wrap);
    ok(CryptImportKey(prov, blob, blob_len, wrap, 0, &key), "import: %#lx\n", GetLastError());
    len = sizeof(salt);
    ok(CryptGetKeyParam(key, KP_SALT, salt, &len, 0) && len == 11 && !memcmp(salt, zero, 11),
       "salt %lu\n", len);   /* wine-test: the salt does not travel; a 40-bit key gets 11 zero bytes */
    len = sizeof(hello);
    ret = CryptDecrypt(key, 0, TRUE, 0, data, &len);
    todo_builtin ok(ret && len == sizeof(hello) && !memcmp(data, hello, len), "decrypt: %#lx\n", GetLastError());
    CryptDestroyKey(key);
    CryptDestroyKey(wrap);
    CryptReleaseContext(prov, 0);
}

/*
 * Wine's test_rc2_import: an RC2 key longer than the provider makes arrives
 * in a SIMPLEBLOB; KP_KEYLEN is its length, KP_EFFECTIVE_KEYLEN too (Base:
 * 40), it refuses to encrypt (NTE_BAD_KEY) and decrypts 8 bytes of 0xcc to
 * what Windows gave [wine-test].  Key bytes: 0xcc repeated.
 */
static void test_SIMPLEBLOB_long_rc2(void)
{
    static const struct { int prov; DWORD bits; DWORD plain[2]; } rows[] =
    {
        { ENHANCED, 136, { 0xb37e1be2, 0x1ed67048 } },
        { ENHANCED, 256, { 0x7c7d0b04, 0x3a74bb76 } },
        { ENHANCED, 512, { 0x7bfd232c, 0x93d52c4f } },
        { BASE,     136, { 0x48c4ff05, 0x9d880b90 } },
        { BASE,     512, { 0x23c9336c, 0x7f67b26e } },
    };
    struct { BLOBHEADER hdr; ALG_ID wrap; BYTE data[512]; } blob;
    HCRYPTKEY wrap, key;
    HCRYPTPROV prov;
    BYTE data[16];
    DWORD i, len;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        winetest_push_context("row %lu", i);
        if (!(prov = verify_ctx(rows[i].prov))) break;
        import_hex(prov, priv_exchange_1024, 0, 0, 0, &wrap);
        memset(blob.data, 0xcc, sizeof(blob.data));
        len = rows[i].bits / 8;
        ok(CryptEncrypt(wrap, 0, TRUE, 0, blob.data, &len, sizeof(blob.data)) && len == 128, "wrap: %#lx\n",
           GetLastError());
        blob.hdr.bType = SIMPLEBLOB;
        blob.hdr.bVersion = CUR_BLOB_VERSION;
        blob.hdr.reserved = 0;
        blob.hdr.aiKeyAlg = CALG_RC2;
        blob.wrap = CALG_RSA_KEYX;
        if (CryptImportKey(prov, (BYTE *)&blob, 12 + 128, wrap, 0, &key))
        {
            ok(key_dword(key, KP_KEYLEN) == rows[i].bits, "KP_KEYLEN\n");
            ok(key_dword(key, KP_EFFECTIVE_KEYLEN) == (rows[i].prov == BASE ? 40 : rows[i].bits), "KP_EFFECTIVE_KEYLEN\n");
            len = 8;
            memset(data, 0xcc, 8);
            SetLastError(SEED_DWORD);
            expect_fail(CryptEncrypt(key, 0, TRUE, 0, data, &len, sizeof(data)), NTE_BAD_KEY);
            len = 8;
            ok(CryptDecrypt(key, 0, FALSE, 0, data, &len) && len == 8 && !memcmp(data, rows[i].plain, 8),
               "decrypted %s\n", winetest_hex(data, 8));
            CryptDestroyKey(key);
        }
        else ok(0, "import: %#lx\n", GetLastError());
        CryptDestroyKey(wrap);
        CryptReleaseContext(prov, 0);
        winetest_pop_context();
    }
}

/* ---- RSA encryption -------------------------------------------------------------------------- */

/* Wine's test_rsa_encrypt, with a key exchange key [wine-test]. */
static void test_CryptEncrypt_rsa(void)
{
    static const BYTE text[12] = "Wine rocks!";
    BYTE data[2048], first[128];
    HCRYPTKEY key, sign;
    HCRYPTPROV prov;
    DWORD len;

    if (!(prov = verify_ctx(ENHANCED))) return;
    import_hex(prov, priv_exchange_1024, 0, 0, 0, &key);
    len = 12;
    ok(CryptEncrypt(key, 0, TRUE, 0, NULL, &len, sizeof(data)) && len == 128, "sizing %lu\n", len);
    memcpy(data, text, 12);
    len = 12;
    ok(CryptEncrypt(key, 0, TRUE, 0, data, &len, sizeof(data)) && len == 128, "PKCS#1: %#lx\n", GetLastError());
    memcpy(first, data, 128);
    ok(CryptDecrypt(key, 0, TRUE, 0, data, &len) && len == 12 && !memcmp(data, text, 12), "decrypt: %#lx\n",
       GetLastError());
    memcpy(data, text, 12);
    len = 12;
    ok(CryptEncrypt(key, 0, FALSE, 0, data, &len, sizeof(data)) && memcmp(data, first, 128),
       "the padding is random\n");                                                           /* doc: PKCS#1 type 2 */
    len = 128 - 11 + 1;
    SetLastError(SEED_DWORD);
    expect_fail(CryptEncrypt(key, 0, TRUE, 0, data, &len, sizeof(data)), NTE_BAD_LEN);      /* wine-impl */

    len = 1;
    SetLastError(SEED_DWORD);
    expect_fail(CryptEncrypt(key, 0, TRUE, CRYPT_OAEP, data, &len, 20 * 2 + 2), ERROR_MORE_DATA);
    len = sizeof(data) - (20 * 2 + 2) + 1;
    SetLastError(SEED_DWORD);
    expect_fail(CryptEncrypt(key, 0, TRUE, CRYPT_OAEP, data, &len, sizeof(data)), NTE_BAD_LEN);
    len = 12;
    memcpy(data, text, 12);
    SetLastError(SEED_DWORD);
    expect_fail(CryptDecrypt(key, 0, TRUE, CRYPT_OAEP, data, &len), NTE_BAD_DATA);
    len = 12;
    ok(CryptEncrypt(key, 0, TRUE, CRYPT_OAEP, data, &len, sizeof(data)), "OAEP: %#lx\n", GetLastError());
    len = 11;
    SetLastError(SEED_DWORD);
    expect_fail(CryptDecrypt(key, 0, TRUE, CRYPT_OAEP, data, &len), NTE_BAD_DATA);
    ok(len == 11, "length %lu\n", len);
    len = 12;
    memcpy(data, text, 12);
    ok(CryptEncrypt(key, 0, TRUE, CRYPT_OAEP, data, &len, sizeof(data))
       && CryptDecrypt(key, 0, TRUE, CRYPT_OAEP, data, &len) && len == 12 && !memcmp(data, text, 12),
       "OAEP round trip: %#lx\n", GetLastError());
    /* CryptoAPI's own flags only [wine-impl] */
    len = 12;
    SetLastError(SEED_DWORD);
    expect_fail(CryptEncrypt(key, 0, TRUE, 0x100, data, &len, sizeof(data)), NTE_BAD_FLAGS);
    CryptDestroyKey(key);

    /* a signature key does not encrypt, nor gain CRYPT_EXPORT */
    import_hex(prov, priv_sign_512, 0, 0, 0, &sign);
    ok(key_dword(sign, KP_PERMISSIONS) == PERMS_DEFAULT, "KP_PERMISSIONS\n");
    len = PERMS_DEFAULT | CRYPT_EXPORT;
    SetLastError(SEED_DWORD);
    ok(!CryptSetKeyParam(sign, KP_PERMISSIONS, (BYTE *)&len, 0)
       && ((HRESULT)GetLastError() == NTE_BAD_DATA || (HRESULT)GetLastError() == NTE_BAD_FLAGS), "set CRYPT_EXPORT: %#lx\n",
       GetLastError());
    len = 12;
    SetLastError(SEED_DWORD);
    expect_fail(CryptEncrypt(sign, 0, TRUE, 0, data, &len, sizeof(data)), NTE_BAD_KEY);
    CryptDestroyKey(sign);
    CryptReleaseContext(prov, 0);
}

/* Wine's test_rsa_round_trip: encrypt, export the pair, import it, decrypt [wine-test]. */
static void test_rsa_round_trip(void)
{
    static const char text[] = "Well this is a fine how-do-you-do.";
    HCRYPTKEY gen, key;
    HCRYPTPROV prov;
    BYTE data[256], blob[1024];
    DWORD len, blob_len;

    if (!(prov = new_container(container, ENHANCED, 0))) return;
    ok(CryptGenKey(prov, CALG_RSA_KEYX, CRYPT_EXPORTABLE, &gen), "gen: %#lx\n", GetLastError());
    ok(CryptGetUserKey(prov, AT_KEYEXCHANGE, &key), "user key: %#lx\n", GetLastError());
    memcpy(data, text, sizeof(text));
    len = sizeof(text);
    ok(CryptEncrypt(key, 0, TRUE, 0, data, &len, sizeof(data)), "encrypt: %#lx\n", GetLastError());
    blob_len = export_blob(key, PRIVATEKEYBLOB, blob, sizeof(blob));
    ok(blob_len == 596, "export %lu\n", blob_len);
    CryptDestroyKey(key);
    CryptDestroyKey(gen);
    ok(CryptImportKey(prov, blob, blob_len, 0, 0, &key), "import: %#lx\n", GetLastError());
    ok(CryptDecrypt(key, 0, TRUE, 0, data, &len) && len == sizeof(text) && !memcmp(data, text, len),
       "decrypt: %#lx\n", GetLastError());
    CryptDestroyKey(key);
    CryptReleaseContext(prov, 0);
    delete_container(container, ENHANCED, 0);
}

/* ---- signatures -------------------------------------------------------------------------------- */

static void test_CryptSignHash(void)
{
    BYTE sig[256], expect[128], value[36], data[2048];
    HCRYPTHASH hash;
    HCRYPTKEY key, pub;
    HCRYPTPROV prov;
    DWORD len, i;

    if (!(prov = new_container(container, ENHANCED, 0))) return;
    hash = wine_rocks_hash(prov, CALG_SHA1);
    SetLastError(SEED_DWORD);
    len = sizeof(sig);
    expect_fail(CryptSignHashA(hash, AT_KEYEXCHANGE, NULL, 0, sig, &len), NTE_NO_KEY);      /* doc */
    import_hex(prov, priv_exchange_1024, 0, 0, 0, &key);
    SetLastError(SEED_DWORD);
    len = sizeof(sig);
    expect_fail(CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, sig, &len), NTE_NO_KEY);        /* doc */
    SetLastError(SEED_DWORD);
    todo_builtin expect_fail(CryptSignHashA(hash, 3, NULL, 0, sig, &len), NTE_BAD_ALGID);   /* doc */
    SetLastError(SEED_DWORD);
    expect_fail(CryptSignHashA(hash, AT_KEYEXCHANGE, NULL, 0x100, sig, &len), NTE_BAD_FLAGS);   /* wine-impl */
    len = 0;
    ok(CryptSignHashA(hash, AT_KEYEXCHANGE, NULL, 0, NULL, &len) && len == 128, "sizing %lu\n", len);   /* wine-test */
    len = 127;
    SetLastError(SEED_DWORD);
    expect_fail(CryptSignHashA(hash, AT_KEYEXCHANGE, NULL, 0, sig, &len), ERROR_MORE_DATA);  /* doc */
    ok(len == 128, "required %lu\n", len);
    /* PKCS#1 v1.5 with DigestInfo, little-endian [doc]; deterministic, so a host-made answer */
    len = sizeof(sig);
    hex_to_bytes(host_sig_sha1, expect, sizeof(expect));
    ok(CryptSignHashA(hash, AT_KEYEXCHANGE, NULL, 0, sig, &len) && len == 128 && !memcmp(sig, expect, 128),
       "SHA-1 signature %s\n", winetest_hex(sig, 16));
    CryptDestroyHash(hash);
    hash = wine_rocks_hash(prov, CALG_MD5);
    hex_to_bytes(host_sig_md5_nooid, expect, sizeof(expect));
    len = sizeof(sig);
    ok(CryptSignHashA(hash, AT_KEYEXCHANGE, NULL, CRYPT_NOHASHOID, sig, &len) && !memcmp(sig, expect, 128),
       "MD5 signature without OID %s\n", winetest_hex(sig, 16));
    CryptDestroyHash(hash);

    /* CALG_SSL3_SHAMD5: MD5 || SHA-1 set as the value, signed without OID [wine-test] */
    for (i = 0; i < sizeof(data); i++) data[i] = i;
    len = 16;
    if ((hash = 0, CryptCreateHash(prov, CALG_MD5, 0, 0, &hash)) && CryptHashData(hash, data, sizeof(data), 0))
        CryptGetHashParam(hash, HP_HASHVAL, value, &len, 0);
    CryptDestroyHash(hash);
    len = 20;
    if ((hash = 0, CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash)) && CryptHashData(hash, data, sizeof(data), 0))
        CryptGetHashParam(hash, HP_HASHVAL, value + 16, &len, 0);
    CryptDestroyHash(hash);
    if (!CryptCreateHash(prov, CALG_SSL3_SHAMD5, 0, 0, &hash)) skip("no CALG_SSL3_SHAMD5 hash: %#lx\n", GetLastError());
    else
    {
        hex_to_bytes(ssl3_signature, expect, sizeof(expect));
        len = sizeof(sig);
        ok(CryptSetHashParam(hash, HP_HASHVAL, value, 0), "set value: %#lx\n", GetLastError());
        ok(CryptSignHashA(hash, AT_KEYEXCHANGE, NULL, 0, sig, &len) && len == 128 && !memcmp(sig, expect, 128),
           "SSL3 signature %s\n", winetest_hex(sig, 16));
        CryptDestroyHash(hash);
    }

    /* a generated signature pair signs what its public key verifies; a bit flipped fails [wine-test] */
    ok(CryptGenKey(prov, AT_SIGNATURE, 0, &pub), "gen: %#lx\n", GetLastError());
    CryptDestroyKey(pub);
    hash = wine_rocks_hash(prov, CALG_SHA1);
    len = sizeof(sig);
    ok(CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, sig, &len) && len == 128, "sign: %#lx\n", GetLastError());
    ok(CryptGetUserKey(prov, AT_SIGNATURE, &pub), "user key: %#lx\n", GetLastError());
    ok(CryptVerifySignatureA(hash, sig, len, pub, NULL, 0), "verify: %#lx\n", GetLastError());
    sig[7] ^= 0x20;
    SetLastError(SEED_DWORD);
    expect_fail(CryptVerifySignatureA(hash, sig, len, pub, NULL, 0), NTE_BAD_SIGNATURE);
    CryptDestroyKey(pub);
    CryptDestroyHash(hash);
    CryptDestroyKey(key);
    CryptReleaseContext(prov, 0);
    delete_container(container, ENHANCED, 0);
}

/* Wine's test_verify_signature, SHA-1 part: with and without DigestInfo [wine-test]. */
static void test_CryptVerifySignature_recorded(void)
{
    BYTE sig[128], nooid[128];
    HCRYPTPROV prov;
    HCRYPTHASH hash;
    HCRYPTKEY key;

    if (!(prov = verify_ctx(ENHANCED))) return;
    hex_to_bytes(sig_sha1_oid, sig, sizeof(sig));
    hex_to_bytes(sig_sha1_nooid, nooid, sizeof(nooid));
    import_hex(prov, pub_sign_1024, 0, 0, 0, &key);
    hash = wine_rocks_hash(prov, CALG_SHA1);
    SetLastError(SEED_DWORD);
    expect_fail(CryptVerifySignatureA(hash, NULL, 128, key, NULL, 0), ERROR_INVALID_PARAMETER);
    SetLastError(SEED_DWORD);
    expect_fail(CryptVerifySignatureA(hash, sig, 64, key, NULL, 0), NTE_BAD_SIGNATURE);
    ok(CryptVerifySignatureA(hash, sig, 128, key, NULL, 0), "with OID: %#lx\n", GetLastError());
    ok(CryptVerifySignatureA(hash, nooid, 128, key, NULL, 0), "without OID: %#lx\n", GetLastError());
    ok(CryptVerifySignatureA(hash, nooid, 128, key, NULL, CRYPT_NOHASHOID), "CRYPT_NOHASHOID: %#lx\n",
       GetLastError());
    CryptDestroyHash(hash);
    CryptDestroyKey(key);
    CryptReleaseContext(prov, 0);
}

START_TEST(csp_rsa_crypt)
{
    test_SIMPLEBLOB_known_answer();
    test_SIMPLEBLOB_round_trip();
    test_SIMPLEBLOB_long_rc2();
    test_CryptEncrypt_rsa();
    test_rsa_round_trip();
}

START_TEST(csp_rsa_sign)
{
    test_CryptSignHash();
    test_CryptVerifySignature_recorded();
}
