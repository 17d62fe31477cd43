/*
 * Conformance tests for our dssenh.dll through advapi32: the Microsoft DSS,
 * DSS/Diffie-Hellman and DH Schannel providers.  dssenh.dll is built from
 * the same sources as rsaenh.dll; these tests cover what is its own: the
 * DSS and DH key pairs, their blobs, signatures, DH agreement, and
 * CryptDuplicateKey on those keys.
 *
 * Each assertion names its source:
 *   doc        Microsoft documentation
 *   wine-test  asserted by Wine's dssenh tests (dlls/dssenh/tests/dssenh.c),
 *              which pass on Windows; their key blobs, primes, generators
 *              and ciphertexts were recorded on Windows
 *   wine-impl  what Wine's dssenh does, not proven on Windows
 *   hypothesis what we expect Windows to do, not yet confirmed
 * Wine's builtin dssenh (compared by make check) has DSS signatures only:
 * todo_builtin marks where it differs from Windows.
 */
#define WINETEST_MODULE "dssenh.dll"
#include "winetest.h"
#include <wincrypt.h>
#include "cng_test.h"

#define CONTAINER "winecng-dropin dss test"

static const struct { const char *name; DWORD type; } providers[] =
{
    { MS_DEF_DSS_PROV_A, PROV_DSS },
    { MS_DEF_DSS_DH_PROV_A, PROV_DSS_DH },
    { MS_ENH_DSS_DH_PROV_A, PROV_DSS_DH },
    { MS_DEF_DH_SCHANNEL_PROV_A, PROV_DH_SCHANNEL },
};
enum { DSS, DSS_DH, DSS_ENH, DH_SCHANNEL };

/* PRIVATEKEYBLOBs made by Windows: "DSS2", 1024 bits, with DSSSEED [wine-test] */
static const char at_signature_private[] =
    "0702000000220000445353320004000001d1fc7a7053b2487023191f3ce126147e9f0f7f335e2bf7ca01748cb4fdf644"
    "953556aa4d6248e2d1a27e6eebd6cc7ce8fd219aa2fd7a9d1a386987395a91c0522b9f2a547837829a7057abec938eac"
    "7304e853727232c6cbef47983c564962cbbbe73484a6723abe264686cacb35624f19180bb078aed542df26db85637785"
    "013b32be5cf805c8de177fb90382faf19e3273fa8deaa33048e2df5acb833dff56e9c094f86db3af4a97b9430ed42898"
    "572e3acade6f450dfb58ec78342e464dfe9802bbef071a13b6c22c06d90cc4b04c3afc0163b55a5d2d9c47046751f252"
    "f58236eb6e66584c102c29724a6f6b6ce0933142f6dafa5b22439b1a9871e74174e912a41f270a639449d7ada5c45cc3"
    "c970b37b16b61dd409c49a462d0e7507317bed45cd998414f101000093d5a3e43405eb983b5f2f11a4a5c4fffb227c54";
static const char dss_sign_private[] =
    "07020000002200004453533200040000f79e89a2cd0b61e0a3e5866b0498809c36c2764e22d521aa0359f495b2111fa0"
    "c5fcbe5d1f2ef43640488151b42586e098c84da00899a100451b756b0d3e7d13d7233208f4eb279ee9055dacc8d76213"
    "432a6965dce652f96ae807cf3ef8c91d8edf4e9ad148f2da9efa925f6d57f2a45f60ce927a8039219d4d3a60764c2fc0"
    "d3f414030305a90c57724f603ce909540c2a56da30b62e6a967f4a8f830ab95cff84fa0e858146e91cbb781d7825008c"
    "785668e40637ccc72227ee0ef8cafc720ed6e690306622e2a2bf2e35bce7d6246a3d06e8e2be96cc9a0806b54483b07b"
    "707b2dc3469ac56bd9de9a24c9eaf528698a17cadfc40ea3082299d227dc9b08544af9b1743a9dd9c28221f597049037"
    "dad9dc19ad83cd35b04e0668d1697e7393bea505b3ccd2513c00000016e1ac17dc68ae03adf7b9ca0dca27ef76dae5cb";

/* 512-bit DH groups, little-endian, one per key type [wine-test] */
static const char prime_keyx[] =
    "652824d8be3f95933c4d1b51e1899a905ea06c25f0b59398ba769d5478f6dc04e1d0878fa0e42fb4097824bfc87f59f4"
    "07ee07201b2d542ab5b48f8c3373ecaf";
static const char generator_keyx[] =
    "dc6220e736a2a6ef7791a8a36d60700d1d79b1bea887693929aa542705e66fa5de82005d871f84f740ec6f1564020db8"
    "50489466b27dbdf266f8406294bf243b";
static const char prime_ephem[] =
    "1799a97931b905dd7ff002114d0dc3818b4150415f07e68d02f9aa862a0707ea0a75ed96a785eeacb171bd5748bd410b"
    "de34e2ba5b55647784fa96d1af79499d";
static const char generator_ephem[] =
    "c76456def7b4d3d8a2d4122d545c54c8041188146c9f8841829332b182845b075513827a647b1209e2a02851f47ad926"
    "86955fc09a25c27e9114dd3c4e864f6f";
static const char prime_sf[] =
    "85b8a54acf2b7c61b206938a873758b08dc72aa77f0d74f93a7ebcab3a54e411696fcdeaad32444fee54698c9c3b8727"
    "367006f34ede7f9da6f2ad4390ddb59b";
static const char generator_sf[] =
    "eadce0bb6026c6b3936f61e67ee2eed6db3dcaa831468f5db4aa83d35210cdfbfdfc14890cdecf541d058cbe4ae437b4"
    "c01575c5a2fc99fcad63cb7cb820dc2b";

#define acquire(p, flags) acquire_(__FILE__, __LINE__, p, NULL, flags)
#define acquire_named(p, name, flags) acquire_(__FILE__, __LINE__, p, name, flags)
static HCRYPTPROV acquire_(const char *file, int line, int p, const char *container, DWORD flags)
{
    HCRYPTPROV prov = 0;
    BOOL ret = CryptAcquireContextA(&prov, container, providers[p].name, providers[p].type, flags);
    ok_(file, line)(ret, "%s: CryptAcquireContext(%#lx) failed: %#lx\n", providers[p].name, flags,
                    GetLastError());   /* wine-test */
    return ret ? prov : 0;
}

/* A fresh named container of provider p (an old one is deleted first). */
static HCRYPTPROV new_container(int p)
{
    HCRYPTPROV prov;

    CryptAcquireContextA(&prov, CONTAINER, providers[p].name, providers[p].type, CRYPT_DELETEKEYSET);
    return acquire_named(p, CONTAINER, CRYPT_NEWKEYSET);
}

static void delete_container(int p)
{
    HCRYPTPROV prov = 0xdeadbeef;
    BOOL ret = CryptAcquireContextA(&prov, CONTAINER, providers[p].name, providers[p].type, CRYPT_DELETEKEYSET);
    ok(ret && !prov, "deleting the container: %d, %#lx\n", ret, GetLastError());   /* wine-test */
}

static DWORD hex_blob(const char *hex, BYTE *out, DWORD size)
{
    return hex_to_bytes(hex, out, size);
}

/* Wine 8's builtin dssenh aborts the process in CPGetKeyParam (a stub): checks that need it
 * are skipped there, so the comparison run still reaches the rest. */
static BOOL builtin_stub_getkeyparam(void)
{
    if (winetest_dll_kind() != WINETEST_DLL_BUILTIN) return FALSE;
    skip("Wine's builtin dssenh has no CPGetKeyParam\n");
    return TRUE;
}

#define import_blob(prov, hex, flags) import_blob_(__FILE__, __LINE__, prov, hex, flags)
static HCRYPTKEY import_blob_(const char *file, int line, HCRYPTPROV prov, const char *hex, DWORD flags)
{
    BYTE blob[1024];
    DWORD len = hex_blob(hex, blob, sizeof(blob));
    HCRYPTKEY key = 0;
    BOOL ret = CryptImportKey(prov, blob, len, 0, flags, &key);

    ok_(file, line)(ret, "CryptImportKey failed: %#lx\n", GetLastError());   /* wine-test */
    return ret ? key : 0;
}

static HCRYPTHASH sha1_of(HCRYPTPROV prov, const char *text)
{
    HCRYPTHASH hash = 0;
    BOOL ret = CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash);

    ok(ret, "CryptCreateHash(CALG_SHA): %#lx\n", GetLastError());   /* wine-test */
    if (ret) ok(CryptHashData(hash, (const BYTE *)text, strlen(text) + 1, 0), "CryptHashData: %#lx\n",
                GetLastError());   /* wine-test */
    return hash;
}

/* ---- contexts and capabilities ----------------------------------------------------------- */

static BOOL find_alg(HCRYPTPROV prov, ALG_ID algid, PROV_ENUMALGS_EX *out)
{
    DWORD flags = CRYPT_FIRST, len = sizeof(*out);

    while (CryptGetProvParam(prov, PP_ENUMALGS_EX, (BYTE *)out, &len, flags))
    {
        if (out->aiAlgid == algid) return TRUE;
        flags = 0;
        len = sizeof(*out);
    }
    return FALSE;
}

static void test_providers(void)
{
    PROV_ENUMALGS_EX alg;
    HCRYPTPROV prov;
    char name[MAX_PATH];
    DWORD len, type;
    int p;

    for (p = 0; p < (int)ARRAY_SIZE(providers); p++)
    {
        winetest_push_context("%s", providers[p].name);
        if (!(prov = acquire(p, CRYPT_VERIFYCONTEXT)))
        {
            winetest_pop_context();
            continue;
        }
        len = sizeof(name);
        todo_builtin
        ok(CryptGetProvParam(prov, PP_NAME, (BYTE *)name, &len, 0) && !strcmp(name, providers[p].name),
           "PP_NAME: %s\n", name);   /* doc */
        len = sizeof(type);
        todo_builtin
        ok(CryptGetProvParam(prov, PP_PROVTYPE, (BYTE *)&type, &len, 0) && type == providers[p].type,
           "PP_PROVTYPE: %#lx\n", GetLastError());   /* doc */

        len = sizeof(type);
        todo_builtin
        ok(CryptGetProvParam(prov, PP_SIG_KEYSIZE_INC, (BYTE *)&type, &len, 0) && type == 64,
           "PP_SIG_KEYSIZE_INC: %lu\n", type);   /* doc: 512 to 1024 bits in 64-bit increments */
        /* every DSS provider signs with DSS keys of 512..1024 bits, default 1024, and hashes SHA-1 [doc] */
        todo_builtin
        ok(find_alg(prov, CALG_DSS_SIGN, &alg) && alg.dwDefaultLen == 1024 && alg.dwMinLen == 512
           && alg.dwMaxLen == 1024, "CALG_DSS_SIGN: %lu %lu %lu\n", alg.dwDefaultLen, alg.dwMinLen,
           alg.dwMaxLen);   /* doc */
        todo_builtin
        ok(find_alg(prov, CALG_SHA1, &alg) && alg.dwDefaultLen == 160, "CALG_SHA1 missing\n");   /* doc */
        todo_builtin
        ok(find_alg(prov, CALG_MD5, &alg), "CALG_MD5 missing\n");   /* doc */
        /* the Base DSS provider has no key exchange and no ciphers [doc: DSS provider algorithms] */
        todo_builtin_if(p != DSS)
        ok(find_alg(prov, CALG_DH_SF, &alg) == (p != DSS), "CALG_DH_SF listed: %d\n", p != DSS);   /* doc */
        todo_builtin_if(p != DSS)
        ok(find_alg(prov, CALG_DES, &alg) == (p != DSS), "CALG_DES listed: %d\n", p != DSS);   /* doc */
        if (p == DSS_ENH)
        {
            todo_builtin
            ok(find_alg(prov, CALG_DH_EPHEM, &alg) && alg.dwDefaultLen == 1024, "CALG_DH_EPHEM: %lu\n",
               alg.dwDefaultLen);   /* doc */
            todo_builtin
            ok(find_alg(prov, CALG_3DES, &alg) && alg.dwDefaultLen == 168, "CALG_3DES\n");   /* doc */
            todo_builtin
            ok(find_alg(prov, CALG_RC4, &alg) && alg.dwDefaultLen == 128, "CALG_RC4\n");   /* doc */
        }
        ok(CryptReleaseContext(prov, 0), "CryptReleaseContext: %#lx\n", GetLastError());   /* wine-test */
        winetest_pop_context();
    }
}

/* Containers: CRYPT_NEWKEYSET twice is NTE_EXISTS; an empty container has no keys;
 * a generated signature key is the container's and stays there [wine-test test_userkey]. */
static void test_containers(void)
{
    HCRYPTPROV prov, prov2;
    HCRYPTKEY key;
    BOOL ret;

    if (!(prov = new_container(DSS_ENH))) return;
    SetLastError(0xdeadbeef);
    ret = CryptAcquireContextA(&prov2, CONTAINER, MS_ENH_DSS_DH_PROV_A, PROV_DSS_DH, CRYPT_NEWKEYSET);
    ok(!ret && GetLastError() == (DWORD)NTE_EXISTS, "second CRYPT_NEWKEYSET: %d, %#lx\n", ret, GetLastError());   /* wine-test */
    SetLastError(0xdeadbeef);
    ok(!CryptGetUserKey(prov, AT_KEYEXCHANGE, &key) && GetLastError() == (DWORD)NTE_NO_KEY, "AT_KEYEXCHANGE: %#lx\n",
       GetLastError());   /* wine-test */
    SetLastError(0xdeadbeef);
    ok(!CryptGetUserKey(prov, AT_SIGNATURE, &key) && GetLastError() == (DWORD)NTE_NO_KEY, "AT_SIGNATURE: %#lx\n",
       GetLastError());   /* wine-test */
    ret = CryptGenKey(prov, AT_SIGNATURE, 512 << 16, &key);
    ok(ret, "CryptGenKey(AT_SIGNATURE): %#lx\n", GetLastError());   /* wine-test */
    if (ret) CryptDestroyKey(key);
    ok(CryptGetUserKey(prov, AT_SIGNATURE, &key), "CryptGetUserKey(AT_SIGNATURE): %#lx\n", GetLastError());   /* wine-test */
    CryptDestroyKey(key);
    SetLastError(0xdeadbeef);
    ok(!CryptGetUserKey(prov, AT_KEYEXCHANGE, &key) && GetLastError() == (DWORD)NTE_NO_KEY, "AT_KEYEXCHANGE: %#lx\n",
       GetLastError());   /* wine-test */
    ok(CryptReleaseContext(prov, 0), "CryptReleaseContext: %#lx\n", GetLastError());   /* wine-test */

    /* the pair is stored: a new context of the container finds it [doc: key containers persist] */
    if ((prov = acquire_named(DSS_ENH, CONTAINER, 0)))
    {
        todo_builtin
        ok(CryptGetUserKey(prov, AT_SIGNATURE, &key), "stored AT_SIGNATURE key: %#lx\n", GetLastError());   /* doc */
        CryptDestroyKey(key);
        CryptReleaseContext(prov, 0);
    }
    delete_container(DSS_ENH);
}

/* ---- CryptGenKey lengths [wine-test test_keylength] -------------------------------------------- */

struct gen_case { int prov; ALG_ID algid; DWORD bits; DWORD error; BOOL todo; };

static const struct gen_case gen_cases[] =
{
    /* Base DSS: no exchange keys */
    { DSS, AT_KEYEXCHANGE, 512, NTE_BAD_ALGID, TRUE },
    { DSS, CALG_DH_EPHEM, 512, NTE_BAD_ALGID, TRUE },
    { DSS, CALG_DH_SF, 1024, NTE_BAD_ALGID, TRUE },
    /* DSS: 512..1024 in steps of 64 */
    { DSS, AT_SIGNATURE, 0, 0 },
    { DSS, AT_SIGNATURE, 448, NTE_BAD_FLAGS },
    { DSS, AT_SIGNATURE, 512, 0 },
    { DSS, CALG_DSS_SIGN, 513, STATUS_INVALID_PARAMETER },
    { DSS, CALG_DSS_SIGN, 768, 0 },
    { DSS, CALG_DSS_SIGN, 1088, NTE_BAD_FLAGS },
    /* DH: 512..1024 (Base DSS/DH), 512..4096 (Enhanced, DH Schannel), steps of 64 */
    { DSS_DH, AT_KEYEXCHANGE, 448, NTE_BAD_FLAGS },
    { DSS_DH, AT_KEYEXCHANGE, 512, 0, TRUE },
    { DSS_DH, CALG_DH_EPHEM, 513, NTE_BAD_FLAGS, TRUE },
    { DSS_DH, CALG_DH_SF, 1088, NTE_BAD_FLAGS },
    { DSS_DH, AT_SIGNATURE, 1088, NTE_BAD_FLAGS },
    { DSS_ENH, CALG_DH_EPHEM, 512, 0, TRUE },
    { DSS_ENH, CALG_DH_EPHEM, 1040, NTE_BAD_FLAGS },
    { DSS_ENH, CALG_DH_SF, 4160, NTE_BAD_FLAGS },
    { DSS_ENH, AT_SIGNATURE, 1032, NTE_BAD_FLAGS },
    { DH_SCHANNEL, CALG_DH_SF, 576, 0, TRUE },
    { DH_SCHANNEL, CALG_DH_SF, 513, NTE_BAD_FLAGS, TRUE },
    { DH_SCHANNEL, CALG_DSS_SIGN, 448, NTE_BAD_FLAGS },
};

static void test_gen_lengths(void)
{
    HCRYPTPROV prov[ARRAY_SIZE(providers)] = { 0 };
    HCRYPTKEY key;
    DWORD i;
    BOOL ret;

    for (i = 0; i < ARRAY_SIZE(providers); i++) prov[i] = acquire(i, CRYPT_VERIFYCONTEXT);
    for (i = 0; i < ARRAY_SIZE(gen_cases); i++)
    {
        const struct gen_case *c = &gen_cases[i];

        if (!prov[c->prov]) continue;
        winetest_push_context("%s, %#x, %lu bits", providers[c->prov].name, c->algid, c->bits);
        SetLastError(0xdeadbeef);
        ret = CryptGenKey(prov[c->prov], c->algid, c->bits << 16, &key);
        todo_builtin_if(c->todo)
        ok(c->error ? !ret && GetLastError() == c->error : ret, "got %d, %#lx\n", ret, GetLastError());   /* wine-test */
        if (ret) CryptDestroyKey(key);
        winetest_pop_context();
    }
    for (i = 0; i < ARRAY_SIZE(providers); i++) if (prov[i]) CryptReleaseContext(prov[i], 0);
}

/* ---- session keys and hashes of the DSS providers [wine-test] ------------------------------- */

static void test_hash_and_ciphers(void)
{
    static const struct { ALG_ID algid; DWORD bits; const char *plain; const char *expect; } cases[] =
    {
        { CALG_3DES, 168, "Great performance with Wine.",
    "6c60194127c116696f960c2ea45ff56aed4becd4920ce234e14ab5e20543fe17" },
        { CALG_3DES_112, 112, "Great performance with Wine.",
    "b3f84b08d623cbca4326d99f6b9909e98c4c7def49da0b44cc8d066bedb7f167" },
        { CALG_DES, 56, "Great performance with Wine.",
    "3ddc54af66724eef9d3502c21af41f01b1af13d9be7bd4f3f59d2ad83290e90b" },
        { CALG_RC2, 40, "Great performance with Wine.",
    "9ecba227c2ec10e094b3c39d7de212e4b0ded946ca1fa6faa4790859a6006216" },
        { CALG_RC4, 40, "Great performance with Wine.",
    "5a48eb16962316b7bb36e8438874b19d96f0840f5a56f962aeb54ace52" },
    };
    static const char *mode_expect[] =
    {
    "8f7b56ebad4d76c2d51df0609dde96e8b77beb4bee3fae0520f5e075a01df939",
    "511577ab621f7dcb351ed8d32a00f0947ca528dab8811599d1d5061dd3467eca",
    "8f7b56ebad4d76c28be04ee4984fb83bf3eb6f0a5791ddc7345d4ca37e97bfee"
    };
    static const DWORD modes[] = { CRYPT_MODE_CBC, CRYPT_MODE_CFB, CRYPT_MODE_ECB };
    static const char hash_text[] = "I love working with Wine";
    BYTE data[64], expect[64], digest[20];
    HCRYPTPROV prov;
    HCRYPTHASH hash;
    HCRYPTKEY key;
    DWORD i, len, mode;
    BOOL ret;

    if (!(prov = acquire(DSS_ENH, CRYPT_VERIFYCONTEXT))) return;
    /* SHA of the text with its NUL [wine-test] */
    hash = sha1_of(prov, hash_text);
    len = sizeof(digest);
    ok(CryptGetHashParam(hash, HP_HASHVAL, digest, &len, 0) && len == 20
       && !strcmp(winetest_hex(digest, 20), "2ad0c942fb730248bb5fc2a478dde43bfc76e9e2"),
       "SHA: %s\n", winetest_hex(digest, len));   /* wine-test */
    CryptDestroyHash(hash);

    /* keys CryptDeriveKey makes from MD5(text) encrypt as on Windows [wine-test test_data_encryption] */
    for (i = 0; i < ARRAY_SIZE(cases); i++)
    {
        winetest_push_context("%#x", cases[i].algid);
        ret = CryptCreateHash(prov, CALG_MD5, 0, 0, &hash)
              && CryptHashData(hash, (const BYTE *)hash_text, sizeof(hash_text), 0)
              && CryptDeriveKey(prov, cases[i].algid, hash, cases[i].bits << 16, &key);
        todo_builtin
        ok(ret, "deriving: %#lx\n", GetLastError());   /* wine-test */
        if (hash) CryptDestroyHash(hash);
        if (ret)
        {
            DWORD n = hex_blob(cases[i].expect, expect, sizeof(expect));

            len = strlen(cases[i].plain) + 1;
            memcpy(data, cases[i].plain, len);
            ret = CryptEncrypt(key, 0, TRUE, 0, data, &len, sizeof(data));
            ok(ret && len == n && !memcmp(data, expect, n), "ciphertext %s\n", winetest_hex(data, len));   /* wine-test */
            ret = CryptDecrypt(key, 0, TRUE, 0, data, &len);
            ok(ret && len == strlen(cases[i].plain) + 1 && !memcmp(data, cases[i].plain, len),
               "decrypt: %#lx\n", GetLastError());   /* wine-test */
            CryptDestroyKey(key);
        }
        winetest_pop_context();
    }

    /* block modes of an RC2 key; OFB is refused when set [wine-test test_cipher_modes] */
    ret = CryptCreateHash(prov, CALG_MD5, 0, 0, &hash)
          && CryptHashData(hash, (const BYTE *)"GSOC is awesome!", sizeof("GSOC is awesome!"), 0)
          && CryptDeriveKey(prov, CALG_RC2, hash, 40 << 16, &key);
    todo_builtin
    ok(ret, "deriving RC2: %#lx\n", GetLastError());   /* wine-test */
    if (hash) CryptDestroyHash(hash);
    if (ret)
    {
        for (i = 0; i < ARRAY_SIZE(modes); i++)
        {
            DWORD n = hex_blob(mode_expect[i], expect, sizeof(expect));

            ok(CryptSetKeyParam(key, KP_MODE, (BYTE *)&modes[i], 0), "KP_MODE %lu: %#lx\n", modes[i],
               GetLastError());   /* wine-test */
            len = sizeof("Testing block cipher modes.");
            memcpy(data, "Testing block cipher modes.", len);
            ret = CryptEncrypt(key, 0, TRUE, 0, data, &len, sizeof(data));
            ok(ret && len == n && !memcmp(data, expect, n), "mode %lu: %s\n", modes[i], winetest_hex(data, len));   /* wine-test */
        }
        mode = CRYPT_MODE_OFB;
        SetLastError(0xdeadbeef);
        ret = CryptSetKeyParam(key, KP_MODE, (BYTE *)&mode, 0);
        ok(!ret && GetLastError() == (DWORD)NTE_BAD_DATA, "KP_MODE OFB: %d, %#lx\n", ret, GetLastError());   /* wine-test */
        CryptDestroyKey(key);
    }
    CryptReleaseContext(prov, 0);
}

/* ---- DSS signatures and blobs ---------------------------------------------------------------- */

#define DSS_PUBLIC_LEN  (8 + 8 + 3 * 128 + 20 + 24)   /* header, DSSPUBKEY, p q g y, DSSSEED [doc] */
#define DSS_PRIVATE_LEN (8 + 8 + 2 * 128 + 20 + 20 + 24)

static void test_signatures(int p)
{
    static const char *texts[] = { "Put your hands up for Cryptography :)",
                                   "With DSSENH implemented, applications requiring it will now work.", "" };
    static const char *keys[] = { at_signature_private, dss_sign_private };
    BYTE sig1[40], sig2[40], pub[512];
    HCRYPTPROV prov, verify;
    HCRYPTHASH hash1, hash2;
    HCRYPTKEY priv, pubkey;
    DWORD i, k, len1, len2, pub_len;
    BOOL ret;

    if (!(prov = new_container(p))) return;
    if (!(verify = acquire(p, CRYPT_VERIFYCONTEXT))) goto done;
    for (k = 0; k < ARRAY_SIZE(keys); k++)
    for (i = 0; i < ARRAY_SIZE(texts); i++)
    {
        winetest_push_context("key %lu, text %lu", k, i);
        /* importing a key pair makes it the container's AT_SIGNATURE key [wine-test] */
        if (!(priv = import_blob(prov, keys[k], 0))) { winetest_pop_context(); continue; }
        hash1 = sha1_of(prov, texts[i]);
        hash2 = sha1_of(prov, texts[i]);
        len1 = 0;
        ret = CryptSignHashA(hash1, AT_SIGNATURE, NULL, 0, NULL, &len1);
        ok(ret && len1 == 40, "signature length: %d, %lu\n", ret, len1);   /* wine-test */
        len1 = sizeof(sig1);
        ok(CryptSignHashA(hash1, AT_SIGNATURE, NULL, 0, sig1, &len1) && len1 == 40, "sign: %#lx\n",
           GetLastError());   /* wine-test */
        len2 = sizeof(sig2);
        ok(CryptSignHashA(hash2, AT_SIGNATURE, NULL, 0, sig2, &len2) && len2 == 40, "sign 2: %#lx\n",
           GetLastError());   /* wine-test */
        ok(memcmp(sig1, sig2, 40), "two signatures of one hash are equal\n");   /* wine-test */
        pub_len = 0;
        ok(CryptExportKey(priv, 0, PUBLICKEYBLOB, 0, NULL, &pub_len), "sizing: %#lx\n", GetLastError());   /* wine-test */
        ok(pub_len == DSS_PUBLIC_LEN, "public blob size %lu\n", pub_len);   /* doc */
        pub_len = sizeof(pub);
        ok(CryptExportKey(priv, 0, PUBLICKEYBLOB, 0, pub, &pub_len), "export: %#lx\n", GetLastError());   /* wine-test */
        CryptDestroyHash(hash1);
        CryptDestroyHash(hash2);
        CryptDestroyKey(priv);

        /* the public key verifies both, elsewhere too [wine-test] */
        ret = CryptImportKey(verify, pub, pub_len, 0, 0, &pubkey);
        ok(ret, "public import: %#lx\n", GetLastError());   /* wine-test */
        if (ret)
        {
            hash1 = sha1_of(verify, texts[i]);
            ok(CryptVerifySignatureA(hash1, sig1, 40, pubkey, NULL, 0), "verify: %#lx\n", GetLastError());   /* wine-test */
            CryptDestroyHash(hash1);
            hash1 = sha1_of(verify, texts[i]);
            ok(CryptVerifySignatureA(hash1, sig2, 40, pubkey, NULL, 0), "verify 2: %#lx\n", GetLastError());   /* wine-test */
            CryptDestroyHash(hash1);
            sig2[3] ^= 0x10;
            hash1 = sha1_of(verify, texts[i]);
            SetLastError(0xdeadbeef);
            ret = CryptVerifySignatureA(hash1, sig2, 40, pubkey, NULL, 0);
            todo_builtin
            ok(!ret && GetLastError() == (DWORD)NTE_BAD_SIGNATURE, "flipped: %d, %#lx\n", ret, GetLastError());   /* doc */
            CryptDestroyHash(hash1);
            CryptDestroyKey(pubkey);
        }
        winetest_pop_context();
    }
    CryptReleaseContext(verify, 0);
done:
    CryptReleaseContext(prov, 0);
    delete_container(p);
}

/* Blob round trips and CryptDuplicateKey on DSS keys [wine-test test_duplicate_key]. */
static void test_dss_blobs(void)
{
    BYTE blob[512], out[512], pub[512], pub2[512];
    HCRYPTPROV prov;
    HCRYPTKEY key, dup, key2;
    HCRYPTHASH hash;
    DWORD len, blob_len, pub_len, pub2_len, value;
    BYTE sig[40];
    BOOL ret;

    if (!(prov = acquire(DSS, CRYPT_VERIFYCONTEXT))) return;
    blob_len = hex_blob(dss_sign_private, blob, sizeof(blob));
    ok(blob_len == DSS_PRIVATE_LEN, "blob %lu\n", blob_len);   /* doc */
    if (!(key = import_blob(prov, dss_sign_private, CRYPT_EXPORTABLE))) goto done;

    if (!builtin_stub_getkeyparam())
    {
        len = sizeof(value);
        ok(CryptGetKeyParam(key, KP_ALGID, (BYTE *)&value, &len, 0) && value == CALG_DSS_SIGN, "KP_ALGID %#lx\n",
           value);   /* doc */
        len = sizeof(value);
        ok(CryptGetKeyParam(key, KP_KEYLEN, (BYTE *)&value, &len, 0) && value == 1024, "KP_KEYLEN %lu\n", value);   /* doc */
        /* KP_P, KP_Q, KP_G: the numbers as the blob has them, little-endian [doc] */
        len = sizeof(out);
        ok(CryptGetKeyParam(key, KP_P, out, &len, 0) && len == 128 && !memcmp(out, blob + 16, 128), "KP_P\n");   /* doc */
        len = sizeof(out);
        ok(CryptGetKeyParam(key, KP_Q, out, &len, 0) && len == 20 && !memcmp(out, blob + 16 + 128, 20), "KP_Q\n");   /* doc */
        len = sizeof(out);
        ok(CryptGetKeyParam(key, KP_G, out, &len, 0) && len == 128 && !memcmp(out, blob + 16 + 148, 128), "KP_G\n");   /* doc */
    }

    /* exported PRIVATEKEYBLOB is the imported one, byte for byte, DSSSEED included [wine-test] */
    len = sizeof(out);
    ret = CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, out, &len);
    ok(ret && len == blob_len && !memcmp(out, blob, len), "private export: %d, %lu\n", ret, len);   /* wine-test */

    ret = CryptDuplicateKey(key, NULL, 0, &dup);
    ok(ret, "CryptDuplicateKey: %#lx\n", GetLastError());   /* wine-test */
    if (ret)
    {
        /* the duplicate outlives the original and exports the same bytes [wine-test, doc] */
        CryptDestroyKey(key);
        key = 0;
        len = sizeof(out);
        ret = CryptExportKey(dup, 0, PRIVATEKEYBLOB, 0, out, &len);
        ok(ret && len == blob_len && !memcmp(out, blob, len), "duplicate export: %d, %lu\n", ret, len);   /* wine-test */
        pub_len = sizeof(pub);
        ok(CryptExportKey(dup, 0, PUBLICKEYBLOB, 0, pub, &pub_len) && pub_len == DSS_PUBLIC_LEN,
           "public export %lu\n", pub_len);   /* doc */
        ok(((BLOBHEADER *)pub)->aiKeyAlg == CALG_DSS_SIGN && ((DSSPUBKEY *)(pub + 8))->magic == 0x31535344
           && ((DSSPUBKEY *)(pub + 8))->bitlen == 1024, "public header\n");   /* doc */
        /* public part and seed equal those of the private blob: p, q, g and DSSSEED [doc] */
        ok(!memcmp(pub + 16, blob + 16, 2 * 128 + 20) && !memcmp(pub + pub_len - 24, blob + blob_len - 24, 24),
           "public numbers differ from the private blob's\n");   /* doc */

        /* the same public key as a version 3 blob: DSSPUBKEY_VER3 with the seed, p, q, g, j (none), y [doc] */
        {
            BYTE v3[sizeof(BLOBHEADER) + sizeof(DSSPUBKEY_VER3) + 3 * 128 + 20], sig3[40];
            DSSPUBKEY_VER3 *h3 = (DSSPUBKEY_VER3 *)(v3 + sizeof(BLOBHEADER));
            BLOBHEADER *bh = (BLOBHEADER *)v3;
            HCRYPTHASH h;

            bh->bType = PUBLICKEYBLOB;
            bh->bVersion = 3;
            bh->reserved = 0;
            bh->aiKeyAlg = CALG_DSS_SIGN;
            h3->magic = 0x33535344;
            h3->bitlenP = 1024;
            h3->bitlenQ = 160;
            h3->bitlenJ = 0;
            memcpy(&h3->DSSSeed, pub + pub_len - 24, 24);
            memcpy(h3 + 1, pub + 16, 2 * 128 + 20);                                  /* p, q, g */
            memcpy((BYTE *)(h3 + 1) + 2 * 128 + 20, pub + 16 + 2 * 128 + 20, 128);   /* y */
            h = sha1_of(prov, "version 3");
            len = sizeof(sig3);
            ok(CryptSignHashA(h, AT_SIGNATURE, NULL, 0, sig3, &len), "sign: %#lx\n", GetLastError());   /* wine-test */
            CryptDestroyHash(h);
            ret = CryptImportKey(prov, v3, sizeof(v3), 0, 0, &key2);
            ok(ret, "importing a DSS3 blob: %#lx\n", GetLastError());   /* doc */
            if (ret)
            {
                h = sha1_of(prov, "version 3");
                ok(CryptVerifySignatureA(h, sig3, 40, key2, NULL, 0), "DSS3 key: %#lx\n", GetLastError());   /* doc */
                CryptDestroyHash(h);
                CryptDestroyKey(key2);
            }
        }

        /* a duplicated public key verifies [doc] */
        if (CryptImportKey(prov, pub, pub_len, 0, 0, &key2))
        {
            HCRYPTKEY dup2 = 0;
            ret = CryptDuplicateKey(key2, NULL, 0, &dup2);
            ok(ret, "duplicating a public key: %#lx\n", GetLastError());   /* wine-test consumers, doc */
            CryptDestroyKey(key2);
            pub2_len = sizeof(pub2);
            todo_builtin
            ok(ret && CryptExportKey(dup2, 0, PUBLICKEYBLOB, 0, pub2, &pub2_len) && pub2_len == pub_len
               && !memcmp(pub, pub2, pub_len), "duplicate public export\n");   /* doc */
            SetLastError(0xdeadbeef);
            len = sizeof(out);
            ret = CryptExportKey(dup2, 0, PRIVATEKEYBLOB, 0, out, &len);
            ok(!ret, "a public key exported a PRIVATEKEYBLOB\n");   /* doc */
            if (dup2) CryptDestroyKey(dup2);
        }
        CryptDestroyKey(dup);
    }
    if (key) CryptDestroyKey(key);

    /* without CRYPT_EXPORTABLE the private blob stays inside: NTE_BAD_KEY_STATE [hypothesis, as rsaenh wine-test] */
    if ((key = import_blob(prov, dss_sign_private, 0)))
    {
        SetLastError(0xdeadbeef);
        len = sizeof(out);
        ret = CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, out, &len);
        todo_builtin
        ok(!ret && GetLastError() == (DWORD)NTE_BAD_KEY_STATE, "export: %d, %#lx\n", ret, GetLastError());   /* hypothesis */
        CryptDestroyKey(key);
    }

    /* a generated key: sign in a verify context with CryptSignHash's AT_SIGNATURE pair [doc] */
    ret = CryptGenKey(prov, AT_SIGNATURE, (512 << 16) | CRYPT_EXPORTABLE, &key);
    ok(ret, "CryptGenKey: %#lx\n", GetLastError());   /* wine-test */
    if (ret)
    {
        hash = sha1_of(prov, "generated");
        len = sizeof(sig);
        ok(CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, sig, &len) && len == 40, "sign: %#lx\n", GetLastError());   /* doc */
        CryptDestroyHash(hash);
        hash = sha1_of(prov, "generated");
        ok(CryptVerifySignatureA(hash, sig, 40, key, NULL, 0), "verify: %#lx\n", GetLastError());   /* doc */
        CryptDestroyHash(hash);
        hash = sha1_of(prov, "generated");
        SetLastError(0xdeadbeef);
        ret = CryptVerifySignatureA(hash, sig, 39, key, NULL, 0);
        todo_builtin
        ok(!ret && GetLastError() == (DWORD)NTE_BAD_SIGNATURE, "39 bytes: %d, %#lx\n", ret, GetLastError());   /* hypothesis */
        CryptDestroyHash(hash);
        /* a private blob of a generated key imports again and exports the same [doc] */
        len = sizeof(out);
        ret = CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, out, &len);
        todo_builtin
        ok(ret && len == 8 + 8 + 2 * 64 + 20 + 20 + 24, "private export: %d, %lu\n", ret, len);   /* doc */
        if (ret && CryptImportKey(prov, out, len, 0, CRYPT_EXPORTABLE, &key2))
        {
            blob_len = sizeof(blob);
            ok(CryptExportKey(key2, 0, PRIVATEKEYBLOB, 0, blob, &blob_len) && blob_len == len
               && !memcmp(blob, out, len), "re-export differs\n");   /* doc */
            CryptDestroyKey(key2);
        }
        else todo_builtin ok(0, "re-import failed: %#lx\n", GetLastError());   /* doc */
        CryptDestroyKey(key);
    }
done:
    CryptReleaseContext(prov, 0);
}

/* ---- Diffie-Hellman ------------------------------------------------------------------------ */

/* A 512-bit DH key pair of group p, g as a DH2 PRIVATEKEYBLOB: BLOBHEADER, DHPUBKEY, p, g, x,
 * little-endian [doc]; each call takes another small x. */
static HCRYPTKEY dh_import(HCRYPTPROV prov, ALG_ID algid, const BYTE *p_le, const BYTE *g_le)
{
    static BYTE next_x = 1;
    BYTE blob[8 + 8 + 3 * 64] = { PRIVATEKEYBLOB, CUR_BLOB_VERSION };
    DHPUBKEY *dh = (DHPUBKEY *)(blob + 8);
    HCRYPTKEY key = 0;
    DWORD i;
    BOOL ret;

    ((BLOBHEADER *)blob)->aiKeyAlg = algid;
    dh->magic = 0x32484400;
    dh->bitlen = 512;
    memcpy(blob + 16, p_le, 64);
    memcpy(blob + 16 + 64, g_le, 64);
    for (i = 0; i < 20; i++) blob[16 + 128 + i] = next_x + 7 * i;
    next_x += 3;
    ret = CryptImportKey(prov, blob, sizeof(blob), 0, CRYPT_EXPORTABLE, &key);
    ok(ret, "importing a DH2 blob: %#lx\n", GetLastError());   /* doc */
    return ret ? key : 0;
}

#define dh_pregen(prov, algid, p, g) dh_pregen_(__FILE__, __LINE__, prov, algid, p, g)
/* CRYPT_PREGEN, KP_P, KP_G, KP_X NULL [doc: Generating Diffie-Hellman Keys; wine-test] */
static HCRYPTKEY dh_pregen_(const char *file, int line, HCRYPTPROV prov, ALG_ID algid, const char *p_hex,
                            const char *g_hex)
{
    BYTE p_le[64], g_le[64];
    CRYPT_DATA_BLOB p = { hex_blob(p_hex, p_le, 64), p_le }, g = { hex_blob(g_hex, g_le, 64), g_le };
    HCRYPTKEY key = 0;
    BOOL ret;

    ret = CryptGenKey(prov, algid, (512 << 16) | CRYPT_PREGEN | CRYPT_EXPORTABLE, &key);
    todo_builtin
    ok_(file, line)(ret, "CryptGenKey(CRYPT_PREGEN): %#lx\n", GetLastError());   /* wine-test */
    if (!ret) return 0;
    ok_(file, line)(CryptSetKeyParam(key, KP_P, (BYTE *)&p, 0), "KP_P: %#lx\n", GetLastError());   /* wine-test */
    ok_(file, line)(CryptSetKeyParam(key, KP_G, (BYTE *)&g, 0), "KP_G: %#lx\n", GetLastError());   /* wine-test */
    SetLastError(0xdeadbeef);
    ret = CryptSetKeyParam(key, KP_X, NULL, 0);
    if (!ret && winetest_on_wine() && GetLastError() == ERROR_INVALID_PARAMETER)
    {
        /* Wine's advapi32 refuses a NULL pbData before any CSP sees it (Wine 8); the
         * same group then comes in as a DH2 PRIVATEKEYBLOB with an x of our own [doc] */
        skip_(file, line)("Wine's advapi32: CryptSetKeyParam(KP_X, NULL) never reaches the CSP\n");
        CryptDestroyKey(key);
        return dh_import(prov, algid == AT_KEYEXCHANGE ? CALG_DH_SF : algid, p_le, g_le);
    }
    ok_(file, line)(ret, "KP_X: %#lx\n", GetLastError());   /* wine-test */
    if (ret) return key;
    CryptDestroyKey(key);
    return 0;
}

static BOOL export_public(HCRYPTKEY key, BYTE *buf, DWORD *len)
{
    DWORD size = 0;
    BOOL ret = CryptExportKey(key, 0, PUBLICKEYBLOB, 0, NULL, &size);

    ok(ret && size == 8 + 8 + 64, "sizing the DH public blob: %d, %lu\n", ret, size);   /* wine-test, doc */
    *len = 512;
    ret = CryptExportKey(key, 0, PUBLICKEYBLOB, 0, buf, len);
    ok(ret, "exporting the DH public key: %#lx\n", GetLastError());   /* wine-test */
    return ret;
}

/* Two parties of one group agree; the agreed keys become session keys by KP_ALGID and
 * each decrypts what the other encrypts [wine-test test_keyExchange_dssDH, doc]. */
static void test_dh_agreement(int p, ALG_ID algid, const char *prime, const char *generator)
{
    static const char text[] = "Testing shared key.";
    static const ALG_ID ciphers[] = { CALG_3DES, CALG_RC4 };
    BYTE pub1[512], pub2[512], data1[64], data2[64], priv[512], priv2[512];
    HCRYPTKEY key1, key2, s1 = 0, s2 = 0, dup;
    DWORD len1, len2, len, n2, c, value;
    HCRYPTPROV prov;
    BOOL ret;

    if (!(prov = acquire(p, CRYPT_VERIFYCONTEXT))) return;
    key1 = dh_pregen(prov, algid, prime, generator);
    key2 = dh_pregen(prov, algid, prime, generator);
    if (!key1 || !key2 || !export_public(key1, pub1, &len1) || !export_public(key2, pub2, &len2)) goto done;
    ok(((DHPUBKEY *)(pub1 + 8))->magic == 0x31484400 && ((DHPUBKEY *)(pub1 + 8))->bitlen == 512
       && ((BLOBHEADER *)pub1)->aiKeyAlg == (algid == AT_KEYEXCHANGE ? CALG_DH_SF : algid), "DH1 header\n");   /* doc */

    for (c = 0; c < ARRAY_SIZE(ciphers); c++)
    {
        winetest_push_context("%#x", ciphers[c]);
        ret = CryptImportKey(prov, pub2, len2, key1, 0, &s1) && CryptImportKey(prov, pub1, len1, key2, 0, &s2);
        ok(ret, "agreement: %#lx\n", GetLastError());   /* wine-test */
        if (!ret) { winetest_pop_context(); break; }
        len = sizeof(value);
        value = CALG_AGREEDKEY_ANY;
        if (!builtin_stub_getkeyparam())
        ok(CryptGetKeyParam(s1, KP_ALGID, (BYTE *)&value, &len, 0) && value == CALG_AGREEDKEY_ANY,
           "agreed KP_ALGID %#lx\n", value);   /* doc */
        SetLastError(0xdeadbeef);
        len = sizeof(text);
        memcpy(data1, text, len);
        ok(!CryptEncrypt(s1, 0, TRUE, 0, data1, &len, sizeof(data1)), "an agreed key encrypted before KP_ALGID\n");   /* doc */
        ret = CryptSetKeyParam(s1, KP_ALGID, (BYTE *)&ciphers[c], 0);
        ok(ret, "KP_ALGID: %#lx\n", GetLastError());   /* wine-test */
        ret = CryptSetKeyParam(s2, KP_ALGID, (BYTE *)&ciphers[c], 0);
        ok(ret, "KP_ALGID (other side): %#lx\n", GetLastError());   /* wine-test */
        len = sizeof(value);
        if (!builtin_stub_getkeyparam())
        ok(CryptGetKeyParam(s1, KP_ALGID, (BYTE *)&value, &len, 0) && value == ciphers[c], "KP_ALGID %#lx\n", value);   /* doc */

        len = sizeof(text);
        memcpy(data1, text, len);
        ok(CryptEncrypt(s1, 0, TRUE, 0, data1, &len, sizeof(data1)), "encrypt: %#lx\n", GetLastError());   /* wine-test */
        n2 = sizeof(text);
        memcpy(data2, text, n2);
        ok(CryptEncrypt(s2, 0, TRUE, 0, data2, &n2, sizeof(data2)), "encrypt 2: %#lx\n", GetLastError());   /* wine-test */
        ok(len == n2 && !memcmp(data1, data2, len) && memcmp(data1, text, sizeof(text)),
           "the two sides differ: %s / %s\n", winetest_hex(data1, len), winetest_hex(data2, n2));   /* doc */
        ok(CryptDecrypt(s2, 0, TRUE, 0, data1, &len) && len == sizeof(text) && !memcmp(data1, text, len),
           "decrypt: %#lx\n", GetLastError());   /* wine-test */
        CryptDestroyKey(s1);
        CryptDestroyKey(s2);
        s1 = s2 = 0;
        winetest_pop_context();
    }

    /* a duplicated DH key pair exports the same PRIVATEKEYBLOB and agrees as the original [doc, wine-test] */
    len1 = sizeof(priv);
    ret = CryptExportKey(key1, 0, PRIVATEKEYBLOB, 0, priv, &len1);
    ok(ret && len1 == 8 + 8 + 3 * 64 && ((DHPUBKEY *)(priv + 8))->magic == 0x32484400, "DH2 export: %d, %lu\n",
       ret, len1);   /* doc */
    if (ret && CryptDuplicateKey(key1, NULL, 0, &dup))
    {
        len = sizeof(priv2);
        ok(CryptExportKey(dup, 0, PRIVATEKEYBLOB, 0, priv2, &len) && len == len1 && !memcmp(priv, priv2, len),
           "duplicate DH export differs\n");   /* wine-test (DSS), doc */
        CryptDestroyKey(dup);
    }
    else ok(0, "duplicating a DH key: %#lx\n", GetLastError());   /* doc */

done:
    if (key1) CryptDestroyKey(key1);
    if (key2) CryptDestroyKey(key2);
    CryptReleaseContext(prov, 0);
}

/* A DH private blob moves to another context and keeps its public value [doc]; KP_P reads back [doc]. */
static void test_dh_blobs(void)
{
    BYTE priv[512], pub1[512], pub2[512], num[64], p_le[64];
    HCRYPTPROV prov, prov2;
    HCRYPTKEY key, key2;
    DWORD len, len1, len2;
    BOOL ret;

    if (!(prov = acquire(DSS_ENH, CRYPT_VERIFYCONTEXT))) return;
    if (!(prov2 = acquire(DSS_DH, CRYPT_VERIFYCONTEXT))) goto done;
    if (!(key = dh_pregen(prov, CALG_DH_EPHEM, prime_ephem, generator_ephem))) goto done2;
    len = sizeof(num);
    hex_blob(prime_ephem, p_le, sizeof(p_le));
    if (!builtin_stub_getkeyparam())
    ok(CryptGetKeyParam(key, KP_P, num, &len, 0) && len == 64 && !memcmp(num, p_le, 64), "KP_P: %#lx\n",
       GetLastError());   /* doc */
    len = sizeof(priv);
    ret = CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, priv, &len);
    ok(ret, "DH private export: %#lx\n", GetLastError());   /* doc */
    if (ret && export_public(key, pub1, &len1))
    {
        ret = CryptImportKey(prov2, priv, len, 0, 0, &key2);
        ok(ret, "DH private import: %#lx\n", GetLastError());   /* doc */
        if (ret && export_public(key2, pub2, &len2))
            ok(len1 == len2 && !memcmp(pub1, pub2, len1), "the imported pair has another public value\n");   /* doc */
        if (ret) CryptDestroyKey(key2);
    }
    SetLastError(0xdeadbeef);
    ok(!CryptSetKeyParam(key, KP_X, NULL, 0), "KP_X twice succeeded\n");   /* hypothesis */
    CryptDestroyKey(key);
done2:
    CryptReleaseContext(prov2, 0);
done:
    CryptReleaseContext(prov, 0);
}

START_TEST(csp_dss)
{
    test_providers();
    test_containers();
    test_gen_lengths();
    test_hash_and_ciphers();
    test_signatures(DSS);
    test_signatures(DH_SCHANNEL);
    test_dss_blobs();
    test_dh_agreement(DSS_DH, AT_KEYEXCHANGE, prime_keyx, generator_keyx);
    test_dh_agreement(DSS_ENH, CALG_DH_EPHEM, prime_ephem, generator_ephem);
    test_dh_agreement(DH_SCHANNEL, CALG_DH_SF, prime_sf, generator_sf);
    test_dh_blobs();
}
