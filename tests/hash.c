/*
 * Conformance tests for the hash exports of bcrypt.dll: BCryptCreateHash,
 * BCryptHashData, BCryptFinishHash, BCryptDuplicateHash, BCryptDestroyHash,
 * BCryptHash and the hash properties, for MD2, MD4, MD5, SHA-1 and SHA-2 and
 * their HMACs.
 *
 * Every check states Windows behaviour; the comment next to it names the
 * source (tags of shared/reference/windows-crypto-behavior.md §0).  Digests
 * come from the RFCs and FIPS 180 where those publish them; values marked
 * "offline" were computed on the host with Python's hashlib (MD5, SHA) or
 * nettle (MD2, MD4), never with the DLL under test.
 */
#include "winetest.h"
#include "cng_test.h"

#define MSG(s) s, (ULONG)(sizeof(s) - 1)

enum hash_id { HASH_MD2, HASH_MD4, HASH_MD5, HASH_SHA1, HASH_SHA256, HASH_SHA384, HASH_SHA512, HASH_COUNT };

struct hash_alg
{
    const WCHAR *name;
    BCRYPT_ALG_HANDLE pseudo;      /* doc: CNG algorithm pseudo-handles */
    BCRYPT_ALG_HANDLE hmac_pseudo; /* doc: CNG algorithm pseudo-handles */
    ULONG digest_len;              /* wine-test (HashDigestLength) */
    ULONG block_len;               /* hypothesis: the algorithm's block (RFC 1319, FIPS 180-4) */
};

static const struct hash_alg hash_algs[HASH_COUNT] =
{
    { L"MD2",    BCRYPT_MD2_ALG_HANDLE,    BCRYPT_HMAC_MD2_ALG_HANDLE,    16,  16 },
    { L"MD4",    BCRYPT_MD4_ALG_HANDLE,    BCRYPT_HMAC_MD4_ALG_HANDLE,    16,  64 },
    { L"MD5",    BCRYPT_MD5_ALG_HANDLE,    BCRYPT_HMAC_MD5_ALG_HANDLE,    16,  64 },
    { L"SHA1",   BCRYPT_SHA1_ALG_HANDLE,   BCRYPT_HMAC_SHA1_ALG_HANDLE,   20,  64 },
    { L"SHA256", BCRYPT_SHA256_ALG_HANDLE, BCRYPT_HMAC_SHA256_ALG_HANDLE, 32,  64 },
    { L"SHA384", BCRYPT_SHA384_ALG_HANDLE, BCRYPT_HMAC_SHA384_ALG_HANDLE, 48, 128 },
    { L"SHA512", BCRYPT_SHA512_ALG_HANDLE, BCRYPT_HMAC_SHA512_ALG_HANDLE, 64, 128 },
};

/* "test\0" and "tset\0" (5 bytes each) hashed plainly and with the 4-byte key "key\0":
 * all four columns are wine-test values (Wine's hash tests pass on Windows). */
static const struct
{
    const char *test, *tset, *hmac_test, *hmac_tset;
}
wine_vectors[HASH_COUNT] =
{
    { "1bb33606ba908912a84221109d29cd7e", "b9a6ad9323b17e2d0cd389dddd6ef78a",
      "7f05b0638d77f4a27f3a9c4d353cd648", "05980873e6bfdd05dd7b30078de7e42a" },
    { "74b5db93c0b41e36ca7074338fc0b637", "a14a9ff2059a8c28f47b01e6bc48a1bf",
      "bc2e8ac4d8248ed21b8d26227a30ea3a", "b609db0eb4b8669db74f2c20099701e4" },
    { "e2a3e68d23ce348b8f68b3079de3d4c9", "bcdd7ca574342aa9db0e212348eacb16",
      "7bda029b93fa8d817fcc9e13d6bdf092", "dd636ab8e9592c5088e57c37d44c5bb3" },
    { "961fa64958818f767707072755d7018dcd278e94", "9314f62ff64197143c91fc86de37e9ae776a3fb8",
      "2472cf65d0e090618d769d3e46f0d9446cf212da", "b2d2ba8cfd714d474cf0d9622cc5d15e1f53d53f" },
    { "ceb73749c899693706ede1e30c9929b3fd5dd926163831c2fb8bd41e6efb1126",
      "ea0938c118a7b15954f41b85195f2b42aec3a9429c63f593cfa65c137ffaa986",
      "34c1aa473a4468a91d06e7cdbc75bc4f93b830ccfc2a47ffd74e8e6ed29e4c72",
      "55feb7052060bd99e33f36eb0982c7f4856eb6a84fbefe19a1afd9faafc3af6f" },
    { "62b21e90c9022b101671ba1f808f8631a8149f0f12904055839a35c1ca78ae5363eed1e743a692d70e0504b0cfd12ef9",
      "724db7c0bbc51ef1ac3fc793083fc54c0e5c423faec9b11378c01c236b19aaafa45177ad055feaf003968cc40ece44c7",
      "4b3e6d6ff2da121790ab7e7b9247583e3a7eed2db5bd4dabc680303b1608f37dfdc836d96a704c03283bc05b4f6c5eb8",
      "03e1818e5c165a0e54619e513acb06c393e1a6cb0ddbb4036b5f29617b334642e6e0be8b214d8508595b17a8c4b4e7db" },
    { "d55ced17163bf5386f2cd9ff21d6fd7fe576a915065c24744d09cfae4ec84ee1"
      "ef6ef11bfbc5acce3639bab725b50a1fe2c204f8c820d6d7db0df0ecbc49c5ca",
      "7752d707b54d2b00e7d1c09120d189475b0fd2e31ebb988cf0a01fc8492ddc0b"
      "3ca9c9ca61d9d7d1fb65ca7665e87f043c1d5bc9f786f8345e951c2d91ac594f",
      "415fb6b10018ca03b38a1b1399c42ac0be5e8aceddb9a73103f5e543bf2d888f"
      "2eecf91373941f9315dd730a77937fa92444450fbece86f409d9cb5ec48c6513",
      "1487bcecba46ae677622fa499e4cb2f0fdf92f6f3427cba76382d537a06e49c3"
      "3e70a2fc1fc730092bf21128c3704cc6387f6dfbf7e2f9f315bbb894505a1205" },
};

/* Digest of "abc": RFC 1319/1320/1321 test suites, FIPS 180 examples. */
static const char *const abc_digests[HASH_COUNT] =
{
    "da853b0d3f88d99b30283a69e6ded6bb",
    "a448017aaf21d8525fc10ae87aa6729d",
    "900150983cd24fb0d6963f7d28e17f72",
    "a9993e364706816aba3e25717850c26c9cd0d89d",
    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7",
    "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
    "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f",
};

/* Digest of "a": RFC 1319/1320/1321 test suites; SHA values offline. */
static const char *const a_digests[HASH_COUNT] =
{
    "32ec01ec4a6dac72c0ab96fb34c0b5d1",
    "bde52cb31de33e46245e05fbdbd6fb24",
    "0cc175b9c0f1b6a831c399e269772661",
    "86f7e437faa5a7fce15d1ddcb9eaeaea377667b8",
    "ca978112ca1bbdcafac231b39a23dc4da786eff8147c4e72b9807785afee48bb",
    "54a59b9f22b0b80880d8427e548b7c23abd873486e1f035dce9cd697e85175033caa88e6d57bc35efae0b5afd3145f31",
    "1f40fc92da241694750979ee6cf582f2d5d7d28e18335de05abc54d0560e0f53"
    "02860c652bf08d560252aa5e74210546f369fbbbce8c12cfc7957b2652fe9a75",
};

/* ------------------------------------------------------------------ */
/* helpers                                                            */
/* ------------------------------------------------------------------ */

#define expect_digest(got, hex, len) expect_digest_(__FILE__, __LINE__, got, hex, len)
static BOOL expect_digest_(const char *file, int line, const UCHAR *got, const char *hex, ULONG len)
{
    UCHAR want[64];
    ULONG want_len = hex_to_bytes(hex, want, sizeof(want));
    BOOL match = want_len == len && !memcmp(got, want, len);

    ok_(file, line)(match, "got %s, expected %s\n", winetest_hex(got, len), hex);
    return match;
}

#define create_hash(alg, object, object_len, secret, secret_len, flags) \
    create_hash_(__FILE__, __LINE__, alg, object, object_len, secret, secret_len, flags)
/* Creates a hash and expects success; returns NULL on failure. */
static BCRYPT_HASH_HANDLE create_hash_(const char *file, int line, BCRYPT_ALG_HANDLE alg, UCHAR *object,
                                       ULONG object_len, const void *secret, ULONG secret_len, ULONG flags)
{
    BCRYPT_HASH_HANDLE hash = SEED_HANDLE;
    NTSTATUS status = BCryptCreateHash(alg, &hash, object, object_len, (UCHAR *)secret, secret_len, flags);

    ok_(file, line)(status == STATUS_SUCCESS, "BCryptCreateHash: got %#lx\n", status);
    ok_(file, line)(status || (hash && hash != SEED_HANDLE), "BCryptCreateHash: handle %p\n", hash);
    return status ? NULL : hash;
}

#define feed(hash, data, len) feed_(__FILE__, __LINE__, hash, data, len)
static void feed_(const char *file, int line, BCRYPT_HASH_HANDLE hash, const void *data, ULONG len)
{
    NTSTATUS status = BCryptHashData(hash, (UCHAR *)data, len, 0);
    ok_(file, line)(status == STATUS_SUCCESS, "BCryptHashData(%lu bytes): got %#lx\n", len, status);
}

#define finish_expect(hash, hex, len) finish_expect_(__FILE__, __LINE__, hash, hex, len)
/* Finishes into a seeded buffer of exactly the digest length and compares. */
static BOOL finish_expect_(const char *file, int line, BCRYPT_HASH_HANDLE hash, const char *hex, ULONG len)
{
    UCHAR out[64];
    NTSTATUS status;

    seed(out, sizeof(out));
    status = BCryptFinishHash(hash, out, len, 0);
    ok_(file, line)(status == STATUS_SUCCESS, "BCryptFinishHash: got %#lx\n", status);
    if (status) return FALSE;
    return expect_digest_(file, line, out, hex, len);
}

#define destroy_hash(hash) destroy_hash_(__FILE__, __LINE__, hash)
static void destroy_hash_(const char *file, int line, BCRYPT_HASH_HANDLE hash)
{
    NTSTATUS status;
    if (!hash) return;
    status = BCryptDestroyHash(hash);
    ok_(file, line)(status == STATUS_SUCCESS, "BCryptDestroyHash: got %#lx\n", status);
}

#define hash_expect(alg, secret, secret_len, msg, msg_len, hex, len) \
    hash_expect_(__FILE__, __LINE__, alg, secret, secret_len, msg, msg_len, hex, len)
/* One message through CreateHash (NULL/0 object), HashData, FinishHash, DestroyHash. */
static void hash_expect_(const char *file, int line, BCRYPT_ALG_HANDLE alg, const void *secret, ULONG secret_len,
                         const void *msg, ULONG msg_len, const char *hex, ULONG len)
{
    BCRYPT_HASH_HANDLE hash = create_hash_(file, line, alg, NULL, 0, secret, secret_len, 0);
    if (!hash) return;
    feed_(file, line, hash, msg, msg_len);
    finish_expect_(file, line, hash, hex, len);
    destroy_hash_(file, line, hash);
}

#define object_length(handle) object_length_(__FILE__, __LINE__, handle)
/* BCRYPT_OBJECT_LENGTH: a non-zero DWORD (wine-test). */
static ULONG object_length_(const char *file, int line, BCRYPT_HANDLE handle)
{
    ULONG len = get_ulong_(file, line, handle, BCRYPT_OBJECT_LENGTH);
    ok_(file, line)(len && len != SEED_ULONG, "ObjectLength: got %#lx\n", len);
    return len == SEED_ULONG ? 0 : len;
}

static BOOL inside(const void *ptr, const UCHAR *buffer, ULONG len)
{
    return (const UCHAR *)ptr >= buffer && (const UCHAR *)ptr < buffer + len;
}

/* HMAC vectors shared by the HMAC-flag and HMAC pseudo-handle tests. */
static UCHAR key_aa[131];   /* 0xaa repeated: RFC 2202 / RFC 4231 test case 6 keys */
static const char case6_msg[] = "Test Using Larger Than Block-Size Key - Hash Key First";

static const struct hmac_row
{
    enum hash_id alg;
    const UCHAR *key;
    ULONG key_len;
    const char *msg;
    ULONG msg_len;
    const char *mac;
}
hmac_rows[] =
{
    /* wine-test */
    { HASH_MD2, (const UCHAR *)"key", 4, MSG("test\0"), "7f05b0638d77f4a27f3a9c4d353cd648" },
    /* wine-test */
    { HASH_MD4, (const UCHAR *)"key", 4, MSG("test\0"), "bc2e8ac4d8248ed21b8d26227a30ea3a" },
    /* RFC 2202 test case 2 */
    { HASH_MD5, (const UCHAR *)"Jefe", 4, MSG("what do ya want for nothing?"), "750c783e6ab0b503eaa86e310a5db738" },
    /* RFC 2202 test case 6 (key longer than a block) */
    { HASH_MD5, key_aa, 80, MSG(case6_msg), "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd" },
    /* RFC 2202 test case 2 */
    { HASH_SHA1, (const UCHAR *)"Jefe", 4, MSG("what do ya want for nothing?"),
      "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79" },
    /* RFC 2202 test case 6 */
    { HASH_SHA1, key_aa, 80, MSG(case6_msg), "aa4ae5e15272d00e95705637ce8a3b55ed402112" },
    /* RFC 4231 test case 2 */
    { HASH_SHA256, (const UCHAR *)"Jefe", 4, MSG("what do ya want for nothing?"),
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
    /* RFC 4231 test case 6 */
    { HASH_SHA256, key_aa, 131, MSG(case6_msg),
      "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54" },
    /* RFC 4231 test case 2 */
    { HASH_SHA384, (const UCHAR *)"Jefe", 4, MSG("what do ya want for nothing?"),
      "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649" },
    /* RFC 4231 test case 6 */
    { HASH_SHA384, key_aa, 131, MSG(case6_msg),
      "4ece084485813e9088d2c63a041bc5b44f9ef1012a2b588f3cd11f05033ac4c60c2ef6ab4030fe8296248df163f44952" },
    /* RFC 4231 test case 2 */
    { HASH_SHA512, (const UCHAR *)"Jefe", 4, MSG("what do ya want for nothing?"),
      "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
      "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737" },
    /* RFC 4231 test case 6 */
    { HASH_SHA512, key_aa, 131, MSG(case6_msg),
      "80b24263c7c1a3ebb71493c1dd7be8b49b46d1f41b4aeec1121b013783f8f352"
      "6b56d037e05f2598bd0fd2215d6a1e5295e64f73f63f0aec8b915a985d786598" },
};

/* ------------------------------------------------------------------ */
/* known answers                                                      */
/* ------------------------------------------------------------------ */

static const struct digest_row
{
    enum hash_id alg;
    const char *msg;
    ULONG msg_len;
    const char *digest;
}
digest_rows[] =
{
    { HASH_MD2, MSG(""), "8350e5a3e24c153df2275c9f80692773" },               /* RFC 1319 */
    { HASH_MD2, MSG("abc"), "da853b0d3f88d99b30283a69e6ded6bb" },            /* RFC 1319 */
    { HASH_MD2, MSG("message digest"), "ab4f496bfb2a530b219ff33031fe06b0" }, /* RFC 1319 */
    { HASH_MD2, MSG("test\0"), "1bb33606ba908912a84221109d29cd7e" },         /* wine-test */
    { HASH_MD4, MSG(""), "31d6cfe0d16ae931b73c59d7e0c089c0" },               /* RFC 1320 */
    { HASH_MD4, MSG("abc"), "a448017aaf21d8525fc10ae87aa6729d" },            /* RFC 1320 */
    { HASH_MD4, MSG("message digest"), "d9130a8164549fe818874806e1c7014b" }, /* RFC 1320 */
    { HASH_MD4, MSG("test\0"), "74b5db93c0b41e36ca7074338fc0b637" },         /* wine-test */
    { HASH_MD5, MSG(""), "d41d8cd98f00b204e9800998ecf8427e" },               /* RFC 1321 */
    { HASH_MD5, MSG("abc"), "900150983cd24fb0d6963f7d28e17f72" },            /* RFC 1321 */
    { HASH_MD5, MSG("message digest"), "f96b697d7cb7938d525a2f31aaf161d0" }, /* RFC 1321 */
    { HASH_MD5, MSG("test\0"), "e2a3e68d23ce348b8f68b3079de3d4c9" },         /* wine-test */
    { HASH_SHA1, MSG("abc"), "a9993e364706816aba3e25717850c26c9cd0d89d" },   /* FIPS 180 */
    { HASH_SHA1, MSG("test\0"), "961fa64958818f767707072755d7018dcd278e94" }, /* wine-test */
    { HASH_SHA256, MSG("abc"),                                               /* FIPS 180 */
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    { HASH_SHA256, MSG("test\0"),                                            /* wine-test */
      "ceb73749c899693706ede1e30c9929b3fd5dd926163831c2fb8bd41e6efb1126" },
    { HASH_SHA384, MSG("abc"),                                               /* FIPS 180 */
      "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed8086072ba1e7cc2358baeca134c825a7" },
    { HASH_SHA384, MSG("test\0"),                                            /* wine-test */
      "62b21e90c9022b101671ba1f808f8631a8149f0f12904055839a35c1ca78ae5363eed1e743a692d70e0504b0cfd12ef9" },
    { HASH_SHA512, MSG("abc"),                                               /* FIPS 180 */
      "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
      "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
    { HASH_SHA512, MSG("test\0"),                                            /* wine-test */
      "d55ced17163bf5386f2cd9ff21d6fd7fe576a915065c24744d09cfae4ec84ee1"
      "ef6ef11bfbc5acce3639bab725b50a1fe2c204f8c820d6d7db0df0ecbc49c5ca" },
};

/* A provider opened by name hashes to the published digests. */
static void test_BCryptHashData_known_answers(void)
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(digest_rows); i++)
    {
        const struct digest_row *row = &digest_rows[i];
        const struct hash_alg *alg = &hash_algs[row->alg];
        BCRYPT_ALG_HANDLE handle;

        winetest_push_context("row %u %s", i, winetest_wstr(alg->name));
        if ((handle = open_alg(alg->name, NULL)))
        {
            hash_expect(handle, NULL, 0, row->msg, row->msg_len, row->digest, alg->digest_len);
            close_alg(handle);
        }
        winetest_pop_context();
    }
}

/* The plain pseudo-handles (Windows 10+) hash like opened providers (doc; wine-test for SHA1, MD5). */
static void test_BCryptCreateHash_pseudo_handle(void)
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(digest_rows); i++)
    {
        const struct digest_row *row = &digest_rows[i];
        const struct hash_alg *alg = &hash_algs[row->alg];

        winetest_push_context("row %u %s", i, winetest_wstr(alg->name));
        hash_expect(alg->pseudo, NULL, 0, row->msg, row->msg_len, row->digest, alg->digest_len);
        winetest_pop_context();
    }
}

/* Data fed in pieces (including empty pieces with a NULL pointer, wine-test)
 * gives the digest of the whole message. */
static void test_BCryptHashData_pieces(void)
{
    /* RFC 1319/1320/1321 test suites */
    static const char digits[] =
        "12345678901234567890123456789012345678901234567890123456789012345678901234567890";
    /* FIPS 180 two-block examples */
    static const char fips448[] = "abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq";
    static const char fips896[] =
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmno"
        "ijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu";
    static const struct
    {
        enum hash_id alg;
        const char *msg;
        ULONG msg_len;
        const char *digest;
    }
    rows[] =
    {
        { HASH_MD2, MSG(digits), "d5976f79d83d3a0dc9806c3c66f3efd8" },   /* RFC 1319 */
        { HASH_MD4, MSG(digits), "e33b4ddc9c38f2199c3e7b164fcc0536" },   /* RFC 1320 */
        { HASH_MD5, MSG(digits), "57edf4a22be3c955ac49da2e2107b67a" },   /* RFC 1321 */
        { HASH_SHA1, MSG(fips448), "84983e441c3bd26ebaae4aa1f95129e5e54670f1" },  /* FIPS 180 */
        { HASH_SHA256, MSG(fips448),                                              /* FIPS 180 */
          "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1" },
        { HASH_SHA384, MSG(fips896),                                              /* FIPS 180 */
          "09330c33f71147e83d192fc782cd1b4753111b173b3b05d22fa08086e3b0f712fcc7c71a557e2db966c3e9fa91746039" },
        { HASH_SHA512, MSG(fips896),                                              /* FIPS 180 */
          "8e959b75dae313da8cf4f72814fc143f8f7779c6eb9f7fa17299aeadb6889018"
          "501d289e4900f7e4331b99dec4b5433ac7d329eeb6dd26545e96e55b874be909" },
    };
    /* piece lengths; ~0u = the rest of the message */
    static const ULONG splits[][5] =
    {
        { 1, 0 },             /* 1 is repeated: byte by byte */
        { 0, 7, 0, 13, ~0u },
        { 63, 1, ~0u },
        { 17, ~0u },
    };
    unsigned int i, s;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        const struct hash_alg *alg = &hash_algs[rows[i].alg];

        for (s = 0; s < ARRAY_SIZE(splits); s++)
        {
            BCRYPT_HASH_HANDLE hash;
            ULONG pos = 0, k = 0, piece;

            winetest_push_context("row %u %s split %u", i, winetest_wstr(alg->name), s);
            if ((hash = create_hash(alg->pseudo, NULL, 0, NULL, 0, 0)))
            {
                while (pos < rows[i].msg_len)
                {
                    if (s == 0) piece = 1;
                    else piece = k < ARRAY_SIZE(splits[s]) ? splits[s][k++] : ~0u;
                    if (piece > rows[i].msg_len - pos) piece = rows[i].msg_len - pos;
                    feed(hash, piece ? rows[i].msg + pos : NULL, piece);
                    pos += piece;
                }
                finish_expect(hash, rows[i].digest, alg->digest_len);
                destroy_hash(hash);
            }
            winetest_pop_context();
        }
    }
}

/* ------------------------------------------------------------------ */
/* HMAC                                                               */
/* ------------------------------------------------------------------ */

static void run_hmac_rows(BOOL use_pseudo)
{
    unsigned int i;

    memset(key_aa, 0xaa, sizeof(key_aa));
    for (i = 0; i < ARRAY_SIZE(hmac_rows); i++)
    {
        const struct hmac_row *row = &hmac_rows[i];
        const struct hash_alg *alg = &hash_algs[row->alg];
        BCRYPT_ALG_HANDLE handle;

        winetest_push_context("row %u HMAC-%s", i, winetest_wstr(alg->name));
        handle = use_pseudo ? alg->hmac_pseudo : open_alg_flags(alg->name, NULL, BCRYPT_ALG_HANDLE_HMAC_FLAG);
        if (handle)
        {
            hash_expect(handle, row->key, row->key_len, row->msg, row->msg_len, row->mac, alg->digest_len);
            if (!use_pseudo) close_alg(handle);
        }
        winetest_pop_context();
    }
}

/* BCRYPT_ALG_HANDLE_HMAC_FLAG turns the secret into an HMAC key (doc; vectors per row). */
static void test_BCryptCreateHash_hmac_flag(void)
{
    run_hmac_rows(FALSE);
}

/* The HMAC pseudo-handles (Windows 10+) key the hash with the secret (doc; vectors per row). */
static void test_BCryptCreateHash_hmac_pseudo_handle(void)
{
    run_hmac_rows(TRUE);
}

/* ------------------------------------------------------------------ */
/* the caller's hash-object buffer                                    */
/* ------------------------------------------------------------------ */

/* A buffer of exactly BCRYPT_OBJECT_LENGTH bytes holds the hash: the handle
 * points inside it (win-re pattern of keys, reference §2.2 step 7 and §4.7)
 * and the hash works (doc). */
static void test_BCryptCreateHash_object_exact(void)
{
    unsigned int i, hmac;

    for (i = 0; i < HASH_COUNT; i++)
    {
        for (hmac = 0; hmac < 2; hmac++)
        {
            const struct hash_alg *alg = &hash_algs[i];
            BCRYPT_ALG_HANDLE handle;
            BCRYPT_HASH_HANDLE hash;
            UCHAR *buffer;
            ULONG len;

            winetest_push_context("%s%s", hmac ? "HMAC-" : "", winetest_wstr(alg->name));
            handle = open_alg_flags(alg->name, NULL, hmac ? BCRYPT_ALG_HANDLE_HMAC_FLAG : 0);
            if (handle && (len = object_length(handle)))
            {
                buffer = HeapAlloc(GetProcessHeap(), 0, len);
                seed(buffer, len);
                if ((hash = create_hash(handle, buffer, len, hmac ? "key" : NULL, hmac ? 4 : 0, 0)))
                {
                    todo_builtin ok(inside(hash, buffer, len), "handle %p outside %p+%lu\n", hash, buffer, len);
                    todo_builtin ok(!is_seeded(buffer, len), "the object buffer was not used\n");
                    feed(hash, "test", 5);
                    finish_expect(hash, hmac ? wine_vectors[i].hmac_test : wine_vectors[i].test, alg->digest_len);
                    destroy_hash(hash);
                }
                HeapFree(GetProcessHeap(), 0, buffer);
            }
            close_alg(handle);
            winetest_pop_context();
        }
    }
}

/* One byte less than BCRYPT_OBJECT_LENGTH -> STATUS_BUFFER_TOO_SMALL
 * (hypothesis: doc says the buffer must hold OBJECT_LENGTH bytes and lists the status). */
static void test_BCryptCreateHash_object_too_small(void)
{
    unsigned int i, hmac;

    for (i = 0; i < HASH_COUNT; i++)
    {
        for (hmac = 0; hmac < 2; hmac++)
        {
            const struct hash_alg *alg = &hash_algs[i];
            BCRYPT_ALG_HANDLE handle;
            BCRYPT_HASH_HANDLE hash = SEED_HANDLE;
            NTSTATUS status;
            UCHAR *buffer;
            ULONG len;

            winetest_push_context("%s%s", hmac ? "HMAC-" : "", winetest_wstr(alg->name));
            handle = open_alg_flags(alg->name, NULL, hmac ? BCRYPT_ALG_HANDLE_HMAC_FLAG : 0);
            if (handle && (len = object_length(handle)))
            {
                buffer = HeapAlloc(GetProcessHeap(), 0, len);
                status = BCryptCreateHash(handle, &hash, buffer, len - 1, (UCHAR *)(hmac ? "key" : NULL),
                                          hmac ? 4 : 0, 0);
                todo_builtin ok(status == STATUS_BUFFER_TOO_SMALL, "got %#lx\n", status);
                if (!status) destroy_hash(hash);
                HeapFree(GetProcessHeap(), 0, buffer);
            }
            close_alg(handle);
            winetest_pop_context();
        }
    }
}

/* A NULL object buffer with a non-zero length -> STATUS_INVALID_PARAMETER
 * (win-re pattern of keys, reference §2.2 step 3 and §4.7). */
static void test_BCryptCreateHash_object_null_with_length(void)
{
    unsigned int i;

    for (i = 0; i < HASH_COUNT; i++)
    {
        BCRYPT_HASH_HANDLE hash = SEED_HANDLE;
        NTSTATUS status;

        winetest_push_context("%s", winetest_wstr(hash_algs[i].name));
        status = BCryptCreateHash(hash_algs[i].pseudo, &hash, NULL, 512, NULL, 0, 0);
        todo_builtin ok(status == STATUS_INVALID_PARAMETER, "got %#lx\n", status);
        if (!status) destroy_hash(hash);
        winetest_pop_context();
    }
}

/* A NULL object buffer with length 0 makes CreateHash allocate the object
 * itself, Windows 7+ (doc; wine-test). */
static void test_BCryptCreateHash_object_allocated(void)
{
    unsigned int i, hmac;

    for (i = 0; i < HASH_COUNT; i++)
    {
        for (hmac = 0; hmac < 2; hmac++)
        {
            const struct hash_alg *alg = &hash_algs[i];
            BCRYPT_ALG_HANDLE handle = hmac ? alg->hmac_pseudo : alg->pseudo;
            BCRYPT_HASH_HANDLE hash;

            winetest_push_context("%s%s", hmac ? "HMAC-" : "", winetest_wstr(alg->name));
            if ((hash = create_hash(handle, NULL, 0, hmac ? "key" : NULL, hmac ? 4 : 0, 0)))
            {
                feed(hash, "test", 5);
                finish_expect(hash, hmac ? wine_vectors[i].hmac_test : wine_vectors[i].test, alg->digest_len);
                destroy_hash(hash);
            }
            winetest_pop_context();
        }
    }
}

/* ------------------------------------------------------------------ */
/* BCryptFinishHash                                                   */
/* ------------------------------------------------------------------ */

/* The output length must equal the digest length, else STATUS_INVALID_PARAMETER
 * (wine-test: SHA1 with 21); the failed call leaves the hash usable (wine-test). */
static void test_BCryptFinishHash_wrong_length(void)
{
    unsigned int i, k;

    for (i = 0; i < HASH_COUNT; i++)
    {
        const struct hash_alg *alg = &hash_algs[i];
        const ULONG lengths[] = { alg->digest_len + 1, alg->digest_len - 1, 0 };
        BCRYPT_HASH_HANDLE hash;
        UCHAR out[80];
        NTSTATUS status;

        winetest_push_context("%s", winetest_wstr(alg->name));
        if ((hash = create_hash(alg->pseudo, NULL, 0, NULL, 0, 0)))
        {
            feed(hash, "abc", 3);
            for (k = 0; k < ARRAY_SIZE(lengths); k++)
            {
                seed(out, sizeof(out));
                status = BCryptFinishHash(hash, out, lengths[k], 0);
                ok(status == STATUS_INVALID_PARAMETER, "length %lu: got %#lx\n", lengths[k], status);
            }
            finish_expect(hash, abc_digests[i], alg->digest_len);
            destroy_hash(hash);
        }
        winetest_pop_context();
    }
}

/* A hash created without BCRYPT_HASH_REUSABLE_FLAG is spent after FinishHash:
 * HashData and FinishHash then return STATUS_INVALID_HANDLE (hypothesis: what
 * Windows returns after BCryptDeriveKeyCapi finished a hash, wine-test); it
 * can still be destroyed (doc). */
static void test_BCryptFinishHash_finalizes(void)
{
    unsigned int i;

    for (i = 0; i < HASH_COUNT; i++)
    {
        const struct hash_alg *alg = &hash_algs[i];
        BCRYPT_HASH_HANDLE hash;
        UCHAR out[64];
        NTSTATUS status;

        winetest_push_context("%s", winetest_wstr(alg->name));
        if ((hash = create_hash(alg->pseudo, NULL, 0, NULL, 0, 0)))
        {
            feed(hash, "abc", 3);
            finish_expect(hash, abc_digests[i], alg->digest_len);

            status = BCryptHashData(hash, (UCHAR *)"abc", 3, 0);
            todo_builtin ok(status == STATUS_INVALID_HANDLE, "HashData: got %#lx\n", status);
            status = BCryptFinishHash(hash, out, alg->digest_len, 0);
            todo_builtin ok(status == STATUS_INVALID_HANDLE, "FinishHash: got %#lx\n", status);
            destroy_hash(hash);
        }
        winetest_pop_context();
    }
}

/* ------------------------------------------------------------------ */
/* reusable hashes                                                    */
/* ------------------------------------------------------------------ */

/* BCRYPT_HASH_REUSABLE_FLAG on CreateHash (Windows 8+): after FinishHash the
 * hash is back in its initial (keyed) state; a second message gives its own
 * digest (wine-test, plain and HMAC). */
static void test_BCryptCreateHash_reusable(void)
{
    unsigned int i, hmac;

    for (i = 0; i < HASH_COUNT; i++)
    {
        for (hmac = 0; hmac < 2; hmac++)
        {
            const struct hash_alg *alg = &hash_algs[i];
            BCRYPT_HASH_HANDLE hash;

            winetest_push_context("%s%s", hmac ? "HMAC-" : "", winetest_wstr(alg->name));
            hash = create_hash(hmac ? alg->hmac_pseudo : alg->pseudo, NULL, 0, hmac ? "key" : NULL, hmac ? 4 : 0,
                               BCRYPT_HASH_REUSABLE_FLAG);
            if (hash)
            {
                feed(hash, "test", 5);
                finish_expect(hash, hmac ? wine_vectors[i].hmac_test : wine_vectors[i].test, alg->digest_len);
                feed(hash, "tset", 5);
                finish_expect(hash, hmac ? wine_vectors[i].hmac_tset : wine_vectors[i].tset, alg->digest_len);
                /* and once more: every FinishHash starts over from the same initial state */
                feed(hash, "test", 5);
                finish_expect(hash, hmac ? wine_vectors[i].hmac_test : wine_vectors[i].test, alg->digest_len);
                destroy_hash(hash);
            }
            winetest_pop_context();
        }
    }
}

/* BCRYPT_HASH_REUSABLE_FLAG on BCryptOpenAlgorithmProvider (Windows 8+) makes
 * every hash of that provider reusable (doc). */
static void test_BCryptOpenAlgorithmProvider_reusable(void)
{
    unsigned int i, hmac;

    for (i = 0; i < HASH_COUNT; i++)
    {
        for (hmac = 0; hmac < 2; hmac++)
        {
            const struct hash_alg *alg = &hash_algs[i];
            BCRYPT_ALG_HANDLE handle;
            BCRYPT_HASH_HANDLE hash;

            winetest_push_context("%s%s", hmac ? "HMAC-" : "", winetest_wstr(alg->name));
            handle = open_alg_flags(alg->name, NULL,
                                    BCRYPT_HASH_REUSABLE_FLAG | (hmac ? BCRYPT_ALG_HANDLE_HMAC_FLAG : 0));
            if (handle && (hash = create_hash(handle, NULL, 0, hmac ? "key" : NULL, hmac ? 4 : 0, 0)))
            {
                feed(hash, "test", 5);
                finish_expect(hash, hmac ? wine_vectors[i].hmac_test : wine_vectors[i].test, alg->digest_len);
                feed(hash, "tset", 5);
                finish_expect(hash, hmac ? wine_vectors[i].hmac_tset : wine_vectors[i].tset, alg->digest_len);
                destroy_hash(hash);
            }
            close_alg(handle);
            winetest_pop_context();
        }
    }
}

/* Flags other than BCRYPT_HASH_REUSABLE_FLAG -> STATUS_INVALID_PARAMETER
 * (hypothesis: Windows 7 rejected the then-unknown 0x20 that way, wine-test). */
static void test_BCryptCreateHash_invalid_flags(void)
{
    static const ULONG flags[] = { 0x1, 0x10, 0x80000000, BCRYPT_HASH_REUSABLE_FLAG | 0x1 };
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(flags); i++)
    {
        BCRYPT_HASH_HANDLE hash = SEED_HANDLE;
        NTSTATUS status;

        winetest_push_context("row %u flags %#lx", i, flags[i]);
        status = BCryptCreateHash(BCRYPT_SHA256_ALG_HANDLE, &hash, NULL, 0, NULL, 0, flags[i]);
        todo_builtin ok(status == STATUS_INVALID_PARAMETER, "got %#lx\n", status);
        if (!status) destroy_hash(hash);
        winetest_pop_context();
    }
}

/* ------------------------------------------------------------------ */
/* BCryptDuplicateHash                                                */
/* ------------------------------------------------------------------ */

/* The duplicate carries the running state: after "a" the original continues
 * with "bc" (digest of "abc") while the duplicate finishes at once (digest of
 * "a"); the two are independent (doc; wine-test for SHA1 HMAC). */
static void test_BCryptDuplicateHash_running_state(void)
{
    unsigned int i;

    for (i = 0; i < HASH_COUNT; i++)
    {
        const struct hash_alg *alg = &hash_algs[i];
        BCRYPT_HASH_HANDLE hash, dup = SEED_HANDLE;
        NTSTATUS status;

        winetest_push_context("%s", winetest_wstr(alg->name));
        if ((hash = create_hash(alg->pseudo, NULL, 0, NULL, 0, 0)))
        {
            feed(hash, "a", 1);
            status = BCryptDuplicateHash(hash, &dup, NULL, 0, 0);
            ok(status == STATUS_SUCCESS, "got %#lx\n", status);
            if (!status)
            {
                ok(dup && dup != SEED_HANDLE && dup != hash, "duplicate handle %p\n", dup);
                feed(hash, "bc", 2);
                finish_expect(dup, a_digests[i], alg->digest_len);
                finish_expect(hash, abc_digests[i], alg->digest_len);
                destroy_hash(dup);
            }
            destroy_hash(hash);
        }
        winetest_pop_context();
    }
}

/* An HMAC duplicate keeps the keyed state: both halves of RFC 2202/4231 case 2
 * split mid-message give the published MAC (RFC vectors; wine-test for SHA1). */
static void test_BCryptDuplicateHash_hmac_state(void)
{
    unsigned int i;

    memset(key_aa, 0xaa, sizeof(key_aa));
    for (i = 0; i < ARRAY_SIZE(hmac_rows); i++)
    {
        const struct hmac_row *row = &hmac_rows[i];
        const struct hash_alg *alg = &hash_algs[row->alg];
        BCRYPT_HASH_HANDLE hash, dup = SEED_HANDLE;
        NTSTATUS status;
        ULONG split = row->msg_len / 2;

        winetest_push_context("row %u HMAC-%s", i, winetest_wstr(alg->name));
        if ((hash = create_hash(alg->hmac_pseudo, NULL, 0, row->key, row->key_len, 0)))
        {
            feed(hash, row->msg, split);
            status = BCryptDuplicateHash(hash, &dup, NULL, 0, 0);
            ok(status == STATUS_SUCCESS, "got %#lx\n", status);
            if (!status)
            {
                feed(dup, row->msg + split, row->msg_len - split);
                feed(hash, row->msg + split, row->msg_len - split);
                finish_expect(dup, row->mac, alg->digest_len);
                finish_expect(hash, row->mac, alg->digest_len);
                destroy_hash(dup);
            }
            destroy_hash(hash);
        }
        winetest_pop_context();
    }
}

/* Destroying either copy leaves the other working (doc: separate objects). */
static void test_BCryptDuplicateHash_independent_lifetime(void)
{
    unsigned int i, first;

    for (i = 0; i < HASH_COUNT; i++)
    {
        for (first = 0; first < 2; first++)
        {
            const struct hash_alg *alg = &hash_algs[i];
            BCRYPT_HASH_HANDLE hash, dup = SEED_HANDLE;
            NTSTATUS status;

            winetest_push_context("%s destroy %s first", winetest_wstr(alg->name), first ? "duplicate" : "original");
            if ((hash = create_hash(alg->pseudo, NULL, 0, NULL, 0, 0)))
            {
                feed(hash, "ab", 2);
                status = BCryptDuplicateHash(hash, &dup, NULL, 0, 0);
                ok(status == STATUS_SUCCESS, "got %#lx\n", status);
                if (status) dup = NULL;
                if (first)
                {
                    destroy_hash(dup);
                    feed(hash, "c", 1);
                    finish_expect(hash, abc_digests[i], alg->digest_len);
                    destroy_hash(hash);
                }
                else
                {
                    destroy_hash(hash);
                    if (dup)
                    {
                        feed(dup, "c", 1);
                        finish_expect(dup, abc_digests[i], alg->digest_len);
                        destroy_hash(dup);
                    }
                }
            }
            winetest_pop_context();
        }
    }
}

/* The duplicate's object buffer follows CreateHash's rules (hypothesis: doc
 * describes the same buffer as for BCryptCreateHash): exactly OBJECT_LENGTH
 * works with the handle inside, one byte less -> BUFFER_TOO_SMALL, NULL with a
 * length -> INVALID_PARAMETER. */
static void test_BCryptDuplicateHash_object_buffer(void)
{
    unsigned int i;

    for (i = 0; i < HASH_COUNT; i++)
    {
        const struct hash_alg *alg = &hash_algs[i];
        BCRYPT_HASH_HANDLE hash, dup;
        NTSTATUS status;
        UCHAR *buffer;
        ULONG len;

        winetest_push_context("%s", winetest_wstr(alg->name));
        len = object_length(alg->pseudo);
        if (len && (hash = create_hash(alg->pseudo, NULL, 0, NULL, 0, 0)))
        {
            buffer = HeapAlloc(GetProcessHeap(), 0, len);
            feed(hash, "ab", 2);

            dup = SEED_HANDLE;
            status = BCryptDuplicateHash(hash, &dup, buffer, len - 1, 0);
            todo_builtin ok(status == STATUS_BUFFER_TOO_SMALL, "one byte less: got %#lx\n", status);
            if (!status) destroy_hash(dup);

            dup = SEED_HANDLE;
            status = BCryptDuplicateHash(hash, &dup, NULL, len, 0);
            todo_builtin ok(status == STATUS_INVALID_PARAMETER, "NULL with length: got %#lx\n", status);
            if (!status) destroy_hash(dup);

            dup = SEED_HANDLE;
            seed(buffer, len);
            status = BCryptDuplicateHash(hash, &dup, buffer, len, 0);
            ok(status == STATUS_SUCCESS, "exact length: got %#lx\n", status);
            if (!status)
            {
                todo_builtin ok(inside(dup, buffer, len), "handle %p outside %p+%lu\n", dup, buffer, len);
                feed(dup, "c", 1);
                finish_expect(dup, abc_digests[i], alg->digest_len);
                destroy_hash(dup);
            }
            HeapFree(GetProcessHeap(), 0, buffer);
            destroy_hash(hash);
        }
        winetest_pop_context();
    }
}

/* A NULL source -> STATUS_INVALID_HANDLE; a NULL output pointer ->
 * STATUS_INVALID_PARAMETER (wine-test). */
static void test_BCryptDuplicateHash_bad_parameters(void)
{
    BCRYPT_HASH_HANDLE hash, dup = SEED_HANDLE;
    NTSTATUS status;

    status = BCryptDuplicateHash(NULL, &dup, NULL, 0, 0);
    ok(status == STATUS_INVALID_HANDLE, "NULL source: got %#lx\n", status);
    ok(dup == SEED_HANDLE, "NULL source: handle %p written\n", dup);   /* hypothesis: untouched on failure */

    if (!(hash = create_hash(BCRYPT_SHA1_ALG_HANDLE, NULL, 0, NULL, 0, 0))) return;
    status = BCryptDuplicateHash(hash, NULL, NULL, 0, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL output: got %#lx\n", status);
    destroy_hash(hash);
}

/* ------------------------------------------------------------------ */
/* BCryptDestroyHash                                                  */
/* ------------------------------------------------------------------ */

/* DestroyHash reports a bad handle as STATUS_INVALID_PARAMETER, not
 * INVALID_HANDLE: NULL and an already destroyed hash (wine-test); a key
 * handle (hypothesis: wine-test shows it for a secret handle). */
static void test_BCryptDestroyHash_invalid(void)
{
    static const UCHAR secret[16] = {0};
    BCRYPT_HASH_HANDLE hash;
    BCRYPT_KEY_HANDLE key = SEED_HANDLE;
    NTSTATUS status;

    status = BCryptDestroyHash(NULL);
    ok(status == STATUS_INVALID_PARAMETER, "NULL: got %#lx\n", status);   /* wine-test */

    if (winetest_dll_kind() == WINETEST_DLL_OURS)
    {
        if ((hash = create_hash(BCRYPT_SHA1_ALG_HANDLE, NULL, 0, NULL, 0, 0)))
        {
            destroy_hash(hash);
            status = BCryptDestroyHash(hash);
            ok(status == STATUS_INVALID_PARAMETER, "destroyed: got %#lx\n", status);   /* wine-test */
        }
    }
    else skip("a destroyed handle is only passed to our DLL\n");

    status = BCryptGenerateSymmetricKey(BCRYPT_AES_CBC_ALG_HANDLE, &key, NULL, 0, (UCHAR *)secret,
                                        sizeof(secret), 0);
    ok(status == STATUS_SUCCESS, "generating a key: got %#lx\n", status);
    if (status) return;
    status = BCryptDestroyHash(key);
    ok(status == STATUS_INVALID_PARAMETER, "key handle: got %#lx\n", status);   /* hypothesis */
    status = BCryptDestroyKey(key);
    ok(status == STATUS_SUCCESS, "the key survives: got %#lx\n", status);       /* hypothesis */
}

/* ------------------------------------------------------------------ */
/* properties                                                         */
/* ------------------------------------------------------------------ */

#define check_alg_name(handle, name) check_alg_name_(__FILE__, __LINE__, handle, name)
/* AlgorithmName: the NUL-terminated name, size including the NUL (wine-test). */
static void check_alg_name_(const char *file, int line, BCRYPT_HANDLE handle, const WCHAR *name)
{
    WCHAR buf[64];
    ULONG size = SEED_ULONG;
    NTSTATUS status;

    seed(buf, sizeof(buf));
    status = BCryptGetProperty(handle, BCRYPT_ALGORITHM_NAME, (UCHAR *)buf, sizeof(buf), &size, 0);
    ok_(file, line)(status == STATUS_SUCCESS, "AlgorithmName: got %#lx\n", status);
    ok_(file, line)(size == (wcslen(name) + 1) * sizeof(WCHAR), "AlgorithmName: size %lu\n", size);
    ok_(file, line)(!status && !wcscmp(buf, name), "AlgorithmName: got %s\n", status ? "" : winetest_wstr(buf));
}

/* Hash algorithm handles (opened plainly, with the HMAC flag, and
 * pseudo-handles) report HashDigestLength (wine-test), HashBlockLength
 * (hypothesis values), a non-zero 4-byte ObjectLength (wine-test) and their
 * AlgorithmName (wine-test; pseudo-handles answer GetProperty, wine-test). */
static void test_BCryptGetProperty_hash_alg(void)
{
    unsigned int i, kind;

    for (i = 0; i < HASH_COUNT; i++)
    {
        for (kind = 0; kind < 4; kind++)
        {
            static const char *const kinds[] = { "opened", "HMAC flag", "pseudo", "HMAC pseudo" };
            const struct hash_alg *alg = &hash_algs[i];
            BCRYPT_ALG_HANDLE handle;

            winetest_push_context("%s %s", winetest_wstr(alg->name), kinds[kind]);
            if (kind == 0) handle = open_alg(alg->name, NULL);
            else if (kind == 1) handle = open_alg_flags(alg->name, NULL, BCRYPT_ALG_HANDLE_HMAC_FLAG);
            else handle = kind == 2 ? alg->pseudo : alg->hmac_pseudo;
            if (handle)
            {
                ULONG value = get_ulong(handle, BCRYPT_HASH_LENGTH);
                ok(value == alg->digest_len, "HashDigestLength: got %lu\n", value);
                todo_builtin
                {
                    value = get_ulong(handle, BCRYPT_HASH_BLOCK_LENGTH);
                    ok(value == alg->block_len, "HashBlockLength: got %lu\n", value);
                }
                object_length(handle);
                check_alg_name(handle, alg->name);
                if (kind < 2) close_alg(handle);
            }
            winetest_pop_context();
        }
    }
}

/* Hash handles report the same HashDigestLength and AlgorithmName as their
 * algorithm, plain and HMAC (wine-test); HashBlockLength too (hypothesis). */
static void test_BCryptGetProperty_hash_object(void)
{
    unsigned int i, hmac;

    for (i = 0; i < HASH_COUNT; i++)
    {
        for (hmac = 0; hmac < 2; hmac++)
        {
            const struct hash_alg *alg = &hash_algs[i];
            BCRYPT_HASH_HANDLE hash;

            winetest_push_context("%s%s", hmac ? "HMAC-" : "", winetest_wstr(alg->name));
            hash = create_hash(hmac ? alg->hmac_pseudo : alg->pseudo, NULL, 0, hmac ? "key" : NULL, hmac ? 4 : 0, 0);
            if (hash)
            {
                ULONG value;

                feed(hash, "test", 5);
                value = get_ulong(hash, BCRYPT_HASH_LENGTH);
                ok(value == alg->digest_len, "HashDigestLength: got %lu\n", value);
                todo_builtin
                {
                    value = get_ulong(hash, BCRYPT_HASH_BLOCK_LENGTH);
                    ok(value == alg->block_len, "HashBlockLength: got %lu\n", value);
                }
                check_alg_name(hash, alg->name);
                destroy_hash(hash);
            }
            winetest_pop_context();
        }
    }
}

/* ------------------------------------------------------------------ */
/* BCryptHash                                                         */
/* ------------------------------------------------------------------ */

/* One-shot BCryptHash (Windows 10+) gives the same digests and MACs as
 * CreateHash/HashData/FinishHash, through opened providers and pseudo-handles
 * (wine-test for MD5 and HMAC-MD5; RFC vectors per row). */
static void test_BCryptHash_one_shot(void)
{
    unsigned int i, pseudo;

    memset(key_aa, 0xaa, sizeof(key_aa));
    for (pseudo = 0; pseudo < 2; pseudo++)
    {
        for (i = 0; i < ARRAY_SIZE(digest_rows); i++)
        {
            const struct digest_row *row = &digest_rows[i];
            const struct hash_alg *alg = &hash_algs[row->alg];
            BCRYPT_ALG_HANDLE handle = pseudo ? alg->pseudo : open_alg(alg->name, NULL);
            UCHAR out[64];
            NTSTATUS status;

            winetest_push_context("%s row %u %s", pseudo ? "pseudo" : "opened", i, winetest_wstr(alg->name));
            seed(out, sizeof(out));
            status = BCryptHash(handle, NULL, 0, (UCHAR *)row->msg, row->msg_len, out, alg->digest_len);
            ok(status == STATUS_SUCCESS, "got %#lx\n", status);
            if (!status) expect_digest(out, row->digest, alg->digest_len);
            if (!pseudo) close_alg(handle);
            winetest_pop_context();
        }
        for (i = 0; i < ARRAY_SIZE(hmac_rows); i++)
        {
            const struct hmac_row *row = &hmac_rows[i];
            const struct hash_alg *alg = &hash_algs[row->alg];
            BCRYPT_ALG_HANDLE handle = pseudo ? alg->hmac_pseudo
                                              : open_alg_flags(alg->name, NULL, BCRYPT_ALG_HANDLE_HMAC_FLAG);
            UCHAR out[64];
            NTSTATUS status;

            winetest_push_context("%s HMAC row %u %s", pseudo ? "pseudo" : "opened", i, winetest_wstr(alg->name));
            seed(out, sizeof(out));
            status = BCryptHash(handle, (UCHAR *)row->key, row->key_len, (UCHAR *)row->msg, row->msg_len,
                                out, alg->digest_len);
            ok(status == STATUS_SUCCESS, "got %#lx\n", status);
            if (!status) expect_digest(out, row->mac, alg->digest_len);
            if (!pseudo) close_alg(handle);
            winetest_pop_context();
        }
    }
}

/* A NULL input of length 0 is the empty message (wine-test for SHA1; digests
 * RFC 1319/1320/1321, SHA values offline). */
static void test_BCryptHash_empty_input(void)
{
    static const char *const empty[HASH_COUNT] =
    {
        "8350e5a3e24c153df2275c9f80692773",
        "31d6cfe0d16ae931b73c59d7e0c089c0",
        "d41d8cd98f00b204e9800998ecf8427e",
        "da39a3ee5e6b4b0d3255bfef95601890afd80709",
        "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
        "38b060a751ac96384cd9327eb1b1e36a21fdb71114be07434c0cc7bf63f6e1da274edebfe76f65fbd51ad2f14898b95b",
        "cf83e1357eefb8bdf1542850d66d8007d620e4050b5715dc83f4a921d36ce9ce"
        "47d0d13c5d85f2b0ff8318d2877eec2f63b931bd47417a81a538327af927da3e",
    };
    unsigned int i;

    for (i = 0; i < HASH_COUNT; i++)
    {
        const struct hash_alg *alg = &hash_algs[i];
        UCHAR out[64];
        NTSTATUS status;

        winetest_push_context("%s", winetest_wstr(alg->name));
        seed(out, sizeof(out));
        status = BCryptHash(alg->pseudo, NULL, 0, NULL, 0, out, alg->digest_len);
        ok(status == STATUS_SUCCESS, "got %#lx\n", status);
        if (!status) expect_digest(out, empty[i], alg->digest_len);
        winetest_pop_context();
    }
}

/* A NULL output, or an output length other than the digest length ->
 * STATUS_INVALID_PARAMETER (wine-test for NULL and digest+1; digest-1 and 0
 * hypothesis, as for BCryptFinishHash). */
static void test_BCryptHash_output_length(void)
{
    unsigned int i, k;

    for (i = 0; i < HASH_COUNT; i++)
    {
        const struct hash_alg *alg = &hash_algs[i];
        const ULONG lengths[] = { alg->digest_len + 1, alg->digest_len - 1, 0 };
        UCHAR out[80];
        NTSTATUS status;

        winetest_push_context("%s", winetest_wstr(alg->name));
        status = BCryptHash(alg->pseudo, NULL, 0, (UCHAR *)"test", 5, NULL, alg->digest_len);
        ok(status == STATUS_INVALID_PARAMETER, "NULL output: got %#lx\n", status);
        for (k = 0; k < ARRAY_SIZE(lengths); k++)
        {
            seed(out, sizeof(out));
            status = BCryptHash(alg->pseudo, NULL, 0, (UCHAR *)"test", 5, out, lengths[k]);
            ok(status == STATUS_INVALID_PARAMETER, "length %lu: got %#lx\n", lengths[k], status);
        }
        winetest_pop_context();
    }
}

/* ------------------------------------------------------------------ */
/* CreateHash on the wrong handle                                     */
/* ------------------------------------------------------------------ */

/* A provider without the hash interface (AES) -> STATUS_NOT_SUPPORTED
 * (hypothesis: doc requires the hash interface and lists NOT_SUPPORTED). */
static void test_BCryptCreateHash_not_hash_alg(void)
{
    BCRYPT_HASH_HANDLE hash = SEED_HANDLE;
    BCRYPT_ALG_HANDLE aes;
    NTSTATUS status;

    if (!(aes = open_alg(BCRYPT_AES_ALGORITHM, NULL))) return;
    status = BCryptCreateHash(aes, &hash, NULL, 0, NULL, 0, 0);
    todo_builtin ok(status == STATUS_NOT_SUPPORTED, "got %#lx\n", status);
    if (!status) destroy_hash(hash);
    close_alg(aes);
}

/* A NULL algorithm handle -> STATUS_INVALID_HANDLE (doc lists it for an
 * invalid hAlgorithm); a NULL phHash -> STATUS_INVALID_PARAMETER (hypothesis). */
static void test_BCryptCreateHash_bad_parameters(void)
{
    BCRYPT_HASH_HANDLE hash = SEED_HANDLE;
    NTSTATUS status;

    status = BCryptCreateHash(NULL, &hash, NULL, 0, NULL, 0, 0);
    ok(status == STATUS_INVALID_HANDLE, "NULL algorithm: got %#lx\n", status);
    ok(hash == SEED_HANDLE, "NULL algorithm: handle %p written\n", hash);   /* hypothesis */

    status = BCryptCreateHash(BCRYPT_SHA1_ALG_HANDLE, NULL, NULL, 0, NULL, 0, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL phHash: got %#lx\n", status);
}

START_TEST(hash)
{
    test_BCryptHashData_known_answers();
    test_BCryptCreateHash_pseudo_handle();
    test_BCryptHashData_pieces();
    test_BCryptCreateHash_hmac_flag();
    test_BCryptCreateHash_hmac_pseudo_handle();
    test_BCryptCreateHash_object_exact();
    test_BCryptCreateHash_object_too_small();
    test_BCryptCreateHash_object_null_with_length();
    test_BCryptCreateHash_object_allocated();
    test_BCryptFinishHash_wrong_length();
    test_BCryptFinishHash_finalizes();
    test_BCryptCreateHash_reusable();
    test_BCryptOpenAlgorithmProvider_reusable();
    test_BCryptCreateHash_invalid_flags();
    test_BCryptDuplicateHash_running_state();
    test_BCryptDuplicateHash_hmac_state();
    test_BCryptDuplicateHash_independent_lifetime();
    test_BCryptDuplicateHash_object_buffer();
    test_BCryptDuplicateHash_bad_parameters();
    test_BCryptDestroyHash_invalid();
    test_BCryptGetProperty_hash_alg();
    test_BCryptGetProperty_hash_object();
    test_BCryptHash_one_shot();
    test_BCryptHash_empty_input();
    test_BCryptHash_output_length();
    test_BCryptCreateHash_not_hash_alg();
    test_BCryptCreateHash_bad_parameters();
}
