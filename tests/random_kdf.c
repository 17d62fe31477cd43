/*
 * Conformance tests for bcrypt.dll's random numbers and key derivation:
 * BCryptGenRandom, BCryptDeriveKeyPBKDF2, BCryptDeriveKeyCapi, plus
 * BCryptEnumAlgorithms(BCRYPT_HASH_OPERATION)/BCryptFreeBuffer and
 * BCryptGetFipsAlgorithmMode.
 *
 * Every check states Windows behaviour; the comment next to it names the
 * source (tags of shared/reference/windows-crypto-behavior.md §0).  Expected
 * bytes marked "offline" were computed on the host with Python's hashlib,
 * independently of the DLL under test.
 */
#include "winetest.h"
#include "cng_test.h"

#define MSG(s) (UCHAR *)(s), (ULONG)(sizeof(s) - 1)

#define expect_bytes(got, hex, len) expect_bytes_(__FILE__, __LINE__, got, hex, len)
static BOOL expect_bytes_(const char *file, int line, const UCHAR *got, const char *hex, ULONG len)
{
    UCHAR want[128];
    ULONG want_len = hex_to_bytes(hex, want, sizeof(want));
    BOOL match = want_len == len && !memcmp(got, want, len);

    ok_(file, line)(match, "got %s, expected %s\n", winetest_hex(got, len), hex);
    return match;
}

/* TRUE when buf[from..size) still holds what seed(buf, size) put there. */
static BOOL tail_seeded(const UCHAR *buf, ULONG size, ULONG from)
{
    UCHAR ref[128];

    if (size > sizeof(ref) || from > size) return FALSE;
    seed(ref, size);
    return !memcmp(buf + from, ref + from, size - from);
}

/* ------------------------------------------------------------------ */
/* BCryptGenRandom                                                    */
/* ------------------------------------------------------------------ */

/* A NULL algorithm without BCRYPT_USE_SYSTEM_PREFERRED_RNG ->
 * STATUS_INVALID_HANDLE, even with a NULL buffer or a zero length (wine-test). */
static void test_BCryptGenRandom_null_handle(void)
{
    UCHAR buffer[64];
    NTSTATUS status;

    status = BCryptGenRandom(NULL, NULL, 0, 0);
    ok(status == STATUS_INVALID_HANDLE, "NULL buffer, 0 bytes: got %#lx\n", status);
    status = BCryptGenRandom(NULL, buffer, 0, 0);
    ok(status == STATUS_INVALID_HANDLE, "0 bytes: got %#lx\n", status);
    seed(buffer, sizeof(buffer));
    status = BCryptGenRandom(NULL, buffer, sizeof(buffer), 0);
    ok(status == STATUS_INVALID_HANDLE, "64 bytes: got %#lx\n", status);
    ok(is_seeded(buffer, sizeof(buffer)), "the buffer was written\n");   /* hypothesis */
}

/* BCRYPT_USE_SYSTEM_PREFERRED_RNG with a NULL algorithm succeeds, also with
 * BCRYPT_RNG_USE_ENTROPY_IN_BUFFER; a zero length succeeds; a NULL buffer
 * with a length -> STATUS_INVALID_PARAMETER (wine-test). */
static void test_BCryptGenRandom_system_preferred(void)
{
    UCHAR buffer[64];
    NTSTATUS status;

    seed(buffer, sizeof(buffer));
    status = BCryptGenRandom(NULL, buffer, sizeof(buffer), BCRYPT_USE_SYSTEM_PREFERRED_RNG);
    ok(status == STATUS_SUCCESS, "got %#lx\n", status);
    ok(!is_seeded(buffer, sizeof(buffer)), "the buffer was not written\n");

    status = BCryptGenRandom(NULL, buffer, sizeof(buffer),
                             BCRYPT_USE_SYSTEM_PREFERRED_RNG | BCRYPT_RNG_USE_ENTROPY_IN_BUFFER);
    ok(status == STATUS_SUCCESS, "with entropy in the buffer: got %#lx\n", status);

    status = BCryptGenRandom(NULL, buffer, 0, BCRYPT_USE_SYSTEM_PREFERRED_RNG);
    ok(status == STATUS_SUCCESS, "0 bytes: got %#lx\n", status);

    status = BCryptGenRandom(NULL, NULL, sizeof(buffer), BCRYPT_USE_SYSTEM_PREFERRED_RNG);
    ok(status == STATUS_INVALID_PARAMETER, "NULL buffer: got %#lx\n", status);
}

/* The RNG pseudo-handle (Windows 10+) generates with flags 0, and closing it
 * -> STATUS_INVALID_HANDLE (wine-test). */
static void test_BCryptGenRandom_pseudo_handle(void)
{
    UCHAR buffer[64];
    NTSTATUS status;

    seed(buffer, sizeof(buffer));
    status = BCryptGenRandom(BCRYPT_RNG_ALG_HANDLE, buffer, sizeof(buffer), 0);
    ok(status == STATUS_SUCCESS, "got %#lx\n", status);
    ok(!is_seeded(buffer, sizeof(buffer)), "the buffer was not written\n");

    status = BCryptCloseAlgorithmProvider(BCRYPT_RNG_ALG_HANDLE, 0);
    ok(status == STATUS_INVALID_HANDLE, "closing the pseudo-handle: got %#lx\n", status);
}

/* An opened RNG provider generates with flags 0 (wine-test), also with a zero
 * length (hypothesis: as with the system-preferred RNG, wine-test). */
static void test_BCryptGenRandom_opened_provider(void)
{
    BCRYPT_ALG_HANDLE rng;
    UCHAR buffer[16];
    NTSTATUS status;

    if (!(rng = open_alg(BCRYPT_RNG_ALGORITHM, NULL))) return;
    memset(buffer, 0, sizeof(buffer));
    status = BCryptGenRandom(rng, buffer, 8, 0);
    ok(status == STATUS_SUCCESS, "got %#lx\n", status);
    ok(memcmp(buffer, buffer + 8, 8), "8 zero bytes\n");   /* wine-test */

    status = BCryptGenRandom(rng, buffer, 0, 0);
    ok(status == STATUS_SUCCESS, "0 bytes: got %#lx\n", status);
    close_alg(rng);
}

/* Output changes between calls (doc: random numbers; two equal 32-byte draws
 * have probability 2^-256). */
static void test_BCryptGenRandom_output_changes(void)
{
    static const struct
    {
        BCRYPT_ALG_HANDLE handle;
        ULONG flags;
    }
    rows[] =
    {
        { NULL, BCRYPT_USE_SYSTEM_PREFERRED_RNG },
        { BCRYPT_RNG_ALG_HANDLE, 0 },
    };
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        UCHAR first[32], second[32];
        NTSTATUS status;

        winetest_push_context("row %u", i);
        seed(first, sizeof(first));
        seed(second, sizeof(second));
        status = BCryptGenRandom(rows[i].handle, first, sizeof(first), rows[i].flags);
        ok(status == STATUS_SUCCESS, "first: got %#lx\n", status);
        status = BCryptGenRandom(rows[i].handle, second, sizeof(second), rows[i].flags);
        ok(status == STATUS_SUCCESS, "second: got %#lx\n", status);
        ok(memcmp(first, second, sizeof(first)), "two draws are equal: %s\n", winetest_hex(first, sizeof(first)));
        winetest_pop_context();
    }
}

/* A hash algorithm handle is not an RNG -> STATUS_INVALID_HANDLE
 * (hypothesis: Wine's implementation answers so; unverified on Windows). */
static void test_BCryptGenRandom_non_rng_handle(void)
{
    BCRYPT_ALG_HANDLE sha;
    UCHAR buffer[16];
    NTSTATUS status;

    if (!(sha = open_alg(BCRYPT_SHA256_ALGORITHM, NULL))) return;
    seed(buffer, sizeof(buffer));
    status = BCryptGenRandom(sha, buffer, sizeof(buffer), 0);
    ok(status == STATUS_INVALID_HANDLE, "got %#lx\n", status);
    close_alg(sha);
}

/* ------------------------------------------------------------------ */
/* BCryptDeriveKeyPBKDF2                                              */
/* ------------------------------------------------------------------ */

/* RFC 6070 PBKDF2-HMAC-SHA1 (the 16777216-iteration case is left out: too slow). */
static const struct pbkdf2_row
{
    UCHAR *password;
    ULONG password_len;
    UCHAR *salt;
    ULONG salt_len;
    ULONGLONG iterations;
    ULONG dk_len;
    const char *dk;
}
rfc6070_rows[] =
{
    { MSG("password"), MSG("salt"), 1, 20, "0c60c80f961f0e71f3a9b524af6012062fe037a6" },
    { MSG("password"), MSG("salt"), 2, 20, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957" },
    { MSG("password"), MSG("salt"), 4096, 20, "4b007901b765489abead49d926f721d065a429c1" },
    { MSG("passwordPASSWORDpassword"), MSG("saltSALTsaltSALTsaltSALTsaltSALTsalt"), 4096, 25,
      "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038" },
    { MSG("pass\0word"), MSG("sa\0lt"), 4096, 16, "56fa6aa75548099dcc37d7f03425e0c3" },
};

#define derive_pbkdf2(prf, row) derive_pbkdf2_(__FILE__, __LINE__, prf, row)
static void derive_pbkdf2_(const char *file, int line, BCRYPT_ALG_HANDLE prf, const struct pbkdf2_row *row)
{
    UCHAR out[128];
    NTSTATUS status;

    seed(out, sizeof(out));
    status = BCryptDeriveKeyPBKDF2(prf, row->password, row->password_len, row->salt, row->salt_len,
                                   row->iterations, out, row->dk_len, 0);
    ok_(file, line)(status == STATUS_SUCCESS, "got %#lx\n", status);
    if (status) return;
    expect_bytes_(file, line, out, row->dk, row->dk_len);
    ok_(file, line)(tail_seeded(out, sizeof(out), row->dk_len), "wrote past dk_len\n");   /* doc */
}

/* RFC 6070 vectors through a SHA1 provider opened with BCRYPT_ALG_HANDLE_HMAC_FLAG (wine-test). */
static void test_BCryptDeriveKeyPBKDF2_rfc6070_hmac_flag(void)
{
    BCRYPT_ALG_HANDLE prf;
    unsigned int i;

    if (!(prf = open_alg_flags(BCRYPT_SHA1_ALGORITHM, NULL, BCRYPT_ALG_HANDLE_HMAC_FLAG))) return;
    for (i = 0; i < ARRAY_SIZE(rfc6070_rows); i++)
    {
        winetest_push_context("row %u", i);
        derive_pbkdf2(prf, &rfc6070_rows[i]);
        winetest_pop_context();
    }
    close_alg(prf);
}

/* RFC 6070 vectors through BCRYPT_HMAC_SHA1_ALG_HANDLE (wine-test: pseudo-handle accepted; RFC 6070 bytes). */
static void test_BCryptDeriveKeyPBKDF2_rfc6070_pseudo_handle(void)
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(rfc6070_rows); i++)
    {
        winetest_push_context("row %u", i);
        derive_pbkdf2(BCRYPT_HMAC_SHA1_ALG_HANDLE, &rfc6070_rows[i]);
        winetest_pop_context();
    }
}

/* PBKDF2-HMAC-SHA256 (RFC 7914 §11) through the HMAC flag and the pseudo-handle (doc: any HMAC PRF). */
static void test_BCryptDeriveKeyPBKDF2_sha256(void)
{
    static const struct pbkdf2_row rows[] =
    {
        { MSG("passwd"), MSG("salt"), 1, 64,
          "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
          "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783" },
        { MSG("Password"), MSG("NaCl"), 80000, 64,
          "4ddcd8f60b98be21830cee5ef22701f9641a4418d04c0414aeff08876b34ab56"
          "a1d425a1225833549adb841b51c9b3176a272bdebba1d078478f62b397f33c8d" },
    };
    BCRYPT_ALG_HANDLE prf;
    unsigned int i;

    prf = open_alg_flags(BCRYPT_SHA256_ALGORITHM, NULL, BCRYPT_ALG_HANDLE_HMAC_FLAG);
    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        winetest_push_context("row %u", i);
        if (prf) derive_pbkdf2(prf, &rows[i]);
        derive_pbkdf2(BCRYPT_HMAC_SHA256_ALG_HANDLE, &rows[i]);
        winetest_pop_context();
    }
    close_alg(prf);
}

/* Zero iterations -> STATUS_INVALID_PARAMETER (wine-test). */
static void test_BCryptDeriveKeyPBKDF2_zero_iterations(void)
{
    UCHAR out[20];
    NTSTATUS status;

    status = BCryptDeriveKeyPBKDF2(BCRYPT_HMAC_SHA1_ALG_HANDLE, MSG("password"), MSG("salt"), 0, out, sizeof(out), 0);
    ok(status == STATUS_INVALID_PARAMETER, "got %#lx\n", status);
}

/* A NULL PRF handle -> STATUS_INVALID_HANDLE (doc lists it for an invalid hPrf). */
static void test_BCryptDeriveKeyPBKDF2_bad_handle(void)
{
    UCHAR out[20];
    NTSTATUS status;

    status = BCryptDeriveKeyPBKDF2(NULL, MSG("password"), MSG("salt"), 1, out, sizeof(out), 0);
    ok(status == STATUS_INVALID_HANDLE, "got %#lx\n", status);
}

/* ------------------------------------------------------------------ */
/* BCryptDeriveKeyCapi                                                */
/* ------------------------------------------------------------------ */

#define new_hash(alg, data, len) new_hash_(__FILE__, __LINE__, alg, data, len)
/* A fresh hash from a pseudo-handle with data already fed; NULL on failure. */
static BCRYPT_HASH_HANDLE new_hash_(const char *file, int line, BCRYPT_ALG_HANDLE alg, const void *data, ULONG len)
{
    BCRYPT_HASH_HANDLE hash = SEED_HANDLE;
    NTSTATUS status = BCryptCreateHash(alg, &hash, NULL, 0, NULL, 0, 0);

    ok_(file, line)(status == STATUS_SUCCESS, "BCryptCreateHash: got %#lx\n", status);
    if (status) return NULL;
    status = BCryptHashData(hash, (UCHAR *)data, len, 0);
    ok_(file, line)(status == STATUS_SUCCESS, "BCryptHashData: got %#lx\n", status);
    return hash;
}

#define free_hash(hash) free_hash_(__FILE__, __LINE__, hash)
static void free_hash_(const char *file, int line, BCRYPT_HASH_HANDLE hash)
{
    NTSTATUS status;
    if (!hash) return;
    status = BCryptDestroyHash(hash);
    ok_(file, line)(status == STATUS_SUCCESS, "BCryptDestroyHash: got %#lx\n", status);
}

/* A NULL hash -> STATUS_INVALID_PARAMETER (wine-test; Windows 7: INVALID_HANDLE). */
static void test_BCryptDeriveKeyCapi_null_hash(void)
{
    UCHAR key[20];
    NTSTATUS status;

    status = BCryptDeriveKeyCapi(NULL, NULL, NULL, 0, 0);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER || broken(status == STATUS_INVALID_HANDLE) /* Win7 */,
                    "got %#lx\n", status);
    status = BCryptDeriveKeyCapi(NULL, NULL, key, sizeof(key), 0);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER || broken(status == STATUS_INVALID_HANDLE) /* Win7 */,
                    "got %#lx\n", status);
}

/* A NULL key buffer or a zero length -> STATUS_INVALID_PARAMETER (wine-test
 * for NULL/0 and key/0, Windows 7 succeeded; NULL with a length: hypothesis). */
static void test_BCryptDeriveKeyCapi_bad_key_buffer(void)
{
    static const struct
    {
        BOOL null_key;
        ULONG len;
    }
    rows[] =
    {
        { TRUE, 0 },    /* wine-test */
        { FALSE, 0 },   /* wine-test */
        { TRUE, 20 },   /* hypothesis */
    };
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        BCRYPT_HASH_HANDLE hash;
        UCHAR key[20];
        NTSTATUS status;

        winetest_push_context("row %u", i);
        if ((hash = new_hash(BCRYPT_SHA1_ALG_HANDLE, NULL, 0)))
        {
            status = BCryptDeriveKeyCapi(hash, NULL, rows[i].null_key ? NULL : key, rows[i].len, 0);
            ok(status == STATUS_INVALID_PARAMETER || broken(!status) /* Win7 */, "got %#lx\n", status);
            free_hash(hash);
        }
        winetest_pop_context();
    }
}

/* More than twice the digest length -> STATUS_INVALID_PARAMETER (wine-test:
 * SHA1 with 41, Windows 7 succeeded; MD5 with 33: hypothesis, same rule). */
static void test_BCryptDeriveKeyCapi_too_long(void)
{
    static const struct
    {
        BCRYPT_ALG_HANDLE alg;
        ULONG len;
    }
    rows[] =
    {
        { BCRYPT_SHA1_ALG_HANDLE, 41 },
        { BCRYPT_MD5_ALG_HANDLE, 33 },
    };
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        BCRYPT_HASH_HANDLE hash;
        UCHAR key[64];
        NTSTATUS status;

        winetest_push_context("row %u", i);
        if ((hash = new_hash(rows[i].alg, NULL, 0)))
        {
            status = BCryptDeriveKeyCapi(hash, NULL, key, rows[i].len, 0);
            ok(status == STATUS_INVALID_PARAMETER || broken(!status) /* Win7 */, "got %#lx\n", status);
            free_hash(hash);
        }
        winetest_pop_context();
    }
}

/* Up to the digest length the key is a prefix of the hash value; longer keys
 * are H(0x36-pad ^ hash) || H(0x5C-pad ^ hash) cut to length (doc, reference
 * §4.9/§5.8).  Bytes: wine-test where marked, the rest computed offline with
 * Python hashlib from the same construction. */
static void test_BCryptDeriveKeyCapi_derivation(void)
{
    static const struct
    {
        BCRYPT_ALG_HANDLE alg;
        const char *data;
        ULONG len;
        const char *key;
    }
    rows[] =
    {
        /* wine-test: SHA1 of nothing, 20 bytes */
        { BCRYPT_SHA1_ALG_HANDLE, "", 20, "da39a3ee5e6b4b0d3255bfef95601890afd80709" },
        /* offline: prefix */
        { BCRYPT_SHA1_ALG_HANDLE, "test", 16, "a94a8fe5ccb19ba61c4c0873d391e987" },
        /* offline: whole digest */
        { BCRYPT_SHA1_ALG_HANDLE, "test", 20, "a94a8fe5ccb19ba61c4c0873d391e987982fbbd3" },
        /* offline: expanded, cut to 32 */
        { BCRYPT_SHA1_ALG_HANDLE, "test", 32, "9b031741f47511acff22ee40bbe8f9741726b6f2f8c788029adc0dd78358ea65" },
        /* wine-test: expanded to 40 */
        { BCRYPT_SHA1_ALG_HANDLE, "test", 40,
          "9b031741f47511acff22ee40bbe8f9741726b6f2f8c788029adc0dd78358ea652e8b85c6dbb7ed1c" },
        /* offline: MD5 prefix (whole digest) */
        { BCRYPT_MD5_ALG_HANDLE, "test", 16, "098f6bcd4621d373cade4e832627b4f6" },
        /* offline: MD5 expanded, cut to 24 */
        { BCRYPT_MD5_ALG_HANDLE, "test", 24, "4c24761a9faf710211815ae3871e4d49be08fd6afff5a612" },
    };
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        BCRYPT_HASH_HANDLE hash;
        UCHAR key[64];
        NTSTATUS status;

        winetest_push_context("row %u", i);
        if ((hash = new_hash(rows[i].alg, rows[i].data, (ULONG)strlen(rows[i].data))))
        {
            seed(key, sizeof(key));
            status = BCryptDeriveKeyCapi(hash, NULL, key, rows[i].len, 0);
            ok(status == STATUS_SUCCESS, "got %#lx\n", status);
            if (!status)
            {
                expect_bytes(key, rows[i].key, rows[i].len);
                ok(tail_seeded(key, sizeof(key), rows[i].len), "wrote past cbKey\n");   /* doc */
            }
            free_hash(hash);
        }
        winetest_pop_context();
    }
}

/* DeriveKeyCapi finishes the hash: deriving again or hashing more ->
 * STATUS_INVALID_HANDLE (wine-test, todo in Wine); destroying it still
 * succeeds (wine-test). */
static void test_BCryptDeriveKeyCapi_finishes_hash(void)
{
    BCRYPT_HASH_HANDLE hash;
    UCHAR key[20];
    NTSTATUS status;

    if (!(hash = new_hash(BCRYPT_SHA1_ALG_HANDLE, NULL, 0))) return;
    status = BCryptDeriveKeyCapi(hash, NULL, key, sizeof(key), 0);
    ok(status == STATUS_SUCCESS, "first derivation: got %#lx\n", status);

    status = BCryptDeriveKeyCapi(hash, NULL, key, sizeof(key), 0);
    todo_builtin ok(status == STATUS_INVALID_HANDLE, "second derivation: got %#lx\n", status);
    status = BCryptHashData(hash, NULL, 0, 0);
    todo_builtin ok(status == STATUS_INVALID_HANDLE, "HashData: got %#lx\n", status);
    free_hash(hash);
}

/* ------------------------------------------------------------------ */
/* BCryptEnumAlgorithms / BCryptFreeBuffer                            */
/* ------------------------------------------------------------------ */

/* BCRYPT_HASH_OPERATION lists at least MD5, SHA1 and SHA256 (doc), each of
 * the hash class (hypothesis: dwClass names the operation's interface); the
 * list is released with BCryptFreeBuffer (doc). */
static void test_BCryptEnumAlgorithms_hash(void)
{
    static const WCHAR *const wanted[] = { BCRYPT_MD5_ALGORITHM, BCRYPT_SHA1_ALGORITHM, BCRYPT_SHA256_ALGORITHM };
    BCRYPT_ALGORITHM_IDENTIFIER *list = SEED_HANDLE;
    ULONG count = SEED_ULONG, i, k;
    NTSTATUS status;

    status = BCryptEnumAlgorithms(BCRYPT_HASH_OPERATION, &count, &list, 0);
    ok(status == STATUS_SUCCESS, "got %#lx\n", status);
    if (status) return;
    ok(count && count != SEED_ULONG, "count %lu\n", count);
    ok(list && list != SEED_HANDLE, "list %p\n", list);
    if (!list || list == SEED_HANDLE || count == SEED_ULONG) return;

    for (i = 0; i < count; i++)
    {
        winetest_push_context("entry %lu %s", i, winetest_wstr(list[i].pszName));
        ok(list[i].pszName != NULL, "no name\n");
        ok(list[i].dwClass == BCRYPT_HASH_INTERFACE, "class %lu\n", list[i].dwClass);
        winetest_pop_context();
    }
    for (k = 0; k < ARRAY_SIZE(wanted); k++)
    {
        for (i = 0; i < count; i++) if (list[i].pszName && !wcscmp(list[i].pszName, wanted[k])) break;
        ok(i < count, "%s is not listed\n", winetest_wstr(wanted[k]));
    }
    BCryptFreeBuffer(list);
}

/* ------------------------------------------------------------------ */
/* BCryptGetFipsAlgorithmMode                                         */
/* ------------------------------------------------------------------ */

/* NULL -> STATUS_INVALID_PARAMETER; otherwise success with the LSA FIPS
 * policy value (the Vista+ key, else the XP value, else FALSE) (wine-test). */
static void test_BCryptGetFipsAlgorithmMode(void)
{
    DWORD value, size = sizeof(value);
    BOOLEAN expected = FALSE, enabled = 0xcc;
    NTSTATUS status;

    if (!RegGetValueA(HKEY_LOCAL_MACHINE, "System\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy",
                      "Enabled", RRF_RT_REG_DWORD, NULL, &value, &size))
        expected = !!value;
    else if (size = sizeof(value), !RegGetValueA(HKEY_LOCAL_MACHINE, "System\\CurrentControlSet\\Control\\Lsa",
                                                 "FIPSAlgorithmPolicy", RRF_RT_REG_DWORD, NULL, &value, &size))
        expected = !!value;

    status = BCryptGetFipsAlgorithmMode(NULL);
    ok(status == STATUS_INVALID_PARAMETER, "NULL: got %#lx\n", status);

    status = BCryptGetFipsAlgorithmMode(&enabled);
    ok(status == STATUS_SUCCESS, "got %#lx\n", status);
    ok(enabled == expected, "got %u, expected %u\n", enabled, expected);
}

START_TEST(random_kdf)
{
    test_BCryptGenRandom_null_handle();
    test_BCryptGenRandom_system_preferred();
    test_BCryptGenRandom_pseudo_handle();
    test_BCryptGenRandom_opened_provider();
    test_BCryptGenRandom_output_changes();
    test_BCryptGenRandom_non_rng_handle();
    test_BCryptDeriveKeyPBKDF2_rfc6070_hmac_flag();
    test_BCryptDeriveKeyPBKDF2_rfc6070_pseudo_handle();
    test_BCryptDeriveKeyPBKDF2_sha256();
    test_BCryptDeriveKeyPBKDF2_zero_iterations();
    test_BCryptDeriveKeyPBKDF2_bad_handle();
    test_BCryptDeriveKeyCapi_null_hash();
    test_BCryptDeriveKeyCapi_bad_key_buffer();
    test_BCryptDeriveKeyCapi_too_long();
    test_BCryptDeriveKeyCapi_derivation();
    test_BCryptDeriveKeyCapi_finishes_hash();
    test_BCryptEnumAlgorithms_hash();
    test_BCryptGetFipsAlgorithmMode();
}
