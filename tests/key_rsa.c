/*
 * Conformance tests for RSA and RSA_SIGN keys: generation, every RSA blob
 * type, PKCS#1 v1.5 and PSS signatures, PKCS#1 / OAEP / raw encryption and
 * the error rules of each.  Each assertion names its source:
 *   doc        Microsoft documentation
 *   wine-test  asserted by Wine's own tests, which pass on Windows
 *   win-re     reading of a recent Windows build (reference 2.2)
 *   RFC 8017   the algorithm defines the bytes (deterministic encodings)
 *   hypothesis what we expect Windows to do, not yet confirmed
 * Known answers: a fixed RSA-1024 key (e = 65537) generated once offline;
 * signatures and ciphertexts made with Python's "cryptography" package (OpenSSL)
 * and, for the raw and MD4 forms, by hand from RFC 8017 and checked with
 * `openssl pkeyutl`.  Digests are of the text "key_rsa known answer".
 */
#include "winetest.h"
#include "cng_test.h"

static const char key_full[] =
    "525341330004000003000000800000004000000040000000010001d0604ce07e570d267837e72c4ab6533bd9e2eeda8b"
    "1825f6c84e1c50a30ad6aecba9cbc4a360400f058fcc7be6a2ed43ed45366934d262b235dfc321b3cfce594f2c9902e3"
    "778b3adce6398c4392d6f2885de259581f2dec485e543f68a5c8478df1b3b732db0845fcef4ded5d4f576fe74bc6a682"
    "089ad6a0b9df5a49657633f98c4aa165f9412f801c3a5465f363695a7a3bc3c16a186567c6cf93b43095abe6df1a4df6"
    "e823788dc9de642cd7f28cc94f023606d1beaa9ca54080be52e1a9d5c380262c8990da715d133709cdd6dcbed284ea32"
    "18008e4a83b521a7f216e3400ea53cdbaf36fd2f281b5a58cd0117b7ba618b87752bd4349be97dd614fa7bab323380c6"
    "145943dcff8084a5ec7326b38b67b4c3dba520ec30d7f6dc86f827161bb8500432fd229723060e73353290a30a30da1f"
    "9384da46dc9783bb0de101718c137a33962f3799981328dd3055bd942f47230fd0e81aad4220e8ebc910974de379aa46"
    "17606244b64d31449240ce546dd07ac94d5826b47b4d1fe6a3e619831ce53dc48662ad9413a9eac15dd0da3cc3f6c3dc"
    "e5b0097e1e336c442ad0b73ccce7ef748cf853d421b87550e2b4c269738ec159fc6135c1901f381165bf7e169e7d79d8"
    "fd061668f2588bbc48725c8ad8516933b4195ae27f681f70b35a7e7ae9218f64d4abdf75911877529fd8f588a9fcb00a"
    "e5d384d8c8435c4332898981fdabfd505a6047e92657aff74e479d8828e9e8baf13a3789c2f8c2597d59e2f87bbb639d"
    "c77af4a21d93a7ca0d5aebd75bd97454e96f84f8a677b94eba40a1";
static const char key_legacy[] =
    "0702000000a40000525341320004000001000100337665495adfb9a0d69a0882a6c64be76f574f5ded4deffc4508db32"
    "b7b3f18d47c8a5683f545e48ec2d1f5859e25d88f2d692438c39e6dc3a8b77e302992c4f59cecfb321c3df35b262d234"
    "693645ed43eda2e67bcc8f050f4060a3c4cba9cbaed60aa3501c4ec8f625188bdaeee2d93b53b64a2ce73778260d577e"
    "e04c60d0a9e152be8040a59caabed10636024fc98cf2d72c64dec98d7823e8f64d1adfe6ab9530b493cfc66765186ac1"
    "c33b7a5a6963f365543a1c802f41f965a14a8cf97bfa14d67de99b34d42b75878b61bab71701cd585a1b282ffd36afdb"
    "3ca50e40e316f2a721b5834a8e001832ea84d2bedcd6cd0937135d71da90892c2680c3d501e10dbb8397dc46da84931f"
    "da300aa3903235730e06239722fd320450b81b1627f886dcf6d730ec20a5dbc3b4678bb32673eca58480ffdc435914c6"
    "803332ab19e6a3e61f4d7bb426584dc97ad06d54ce409244314db64462601746aa79e34d9710c9ebe82042ad1ae8d00f"
    "23472f94bd5530dd28139899372f96337a138c717ebf6511381f90c13561fc59c18e7369c2b4e25075b821d453f88c74"
    "efe7cc3cb7d02a446c331e7e09b0e5dcc3f6c33cdad05dc1eaa91394ad6286c43de51c83a140ba4eb977a6f8846fe954"
    "74d95bd7eb5a0dcaa7931da2f47ac79d63bb7bf8e2597d59c2f8c289373af1bae8e928889d474ef7af5726e947605a50"
    "fdabfd81898932435c43c8d884d3e50ab0fca988f5d89f5277189175dfabd4648f21e97a7e5ab3701f687fe25a19b433"
    "6951d88a5c7248bc8b58f2681606fdd8797d9e16";
static const char h_md5[] =
    "a493df7788314a3739bf6be1672ccf8b";
static const char h_sha1[] =
    "0ffc0d1507d167807cb10e411cddc1d3f37fa12f";
static const char h_sha256[] =
    "d98e280a0258623dca0627f55c8f4d91aef34b02d4b9f66e6d1ffde2b99c87c5";
static const char h_sha384[] =
    "d6c9cf9ccfd128cfed7afddd358740c101ef47be32109b4ea6564903a7ff3f3512da91a0c961ae150e1f6c80c0f10c88";
static const char h_sha512[] =
    "2d953f5f713023048fe89dadf1c38c5ccb9233705b78194823551c3330da9bd85e29c5b9156da4227772124fd0da7757"
    "3da69f725f332c995081f18c6350728a";
static const char h_md4[] =
    "203f4bd7e2df1d7e19c572ccf2f7fa0a";
static const char pkcs1_md5[] =
    "c989228b7b748a9f33bd9d5f9ab164e7bdaf7fb7dbd32f428ae1afcf0ee66f5477a2eae6189620679bd0c21f281c532d"
    "4ed3898e6baaeb2b4e8defda98fff7732da2900e80c1dbd8f1db4a8d0c0fddb17d9c8f7447d432369eda3476d086f924"
    "1248d630f9191259f8186612f4d8afd139887cb36e2b584f385636dd3eeb0150";
static const char pkcs1_sha1[] =
    "537afa4f97ccd9b8891c257ae8a181bfb97097827462c27484da3f25fd1c8c191c2167e810f697d813dcb9146ded06e2"
    "86850e45891bcfdea86565f158b0abaa12c737be9c91c74250365e48f4e85f4106c10b78555d7434bddc5e86b8096507"
    "6780ce12396dda54b6e4e3dcd823d5d5f87b91a319ce1de8a757c5e9713e6ddb";
static const char pkcs1_sha256[] =
    "42b6568bc50af63a3694119f7c54bc1488c529ef7b8a9a750c8741739221afc088a5be5790ba2e60815a1ff35ed0bfa9"
    "41c838c2cf4ceb4f514bcb13d3ee7026aa1146b039462edceec4143fb6b674f3497acc04cfc29dc4971bac9082732dcd"
    "d3ec4dc5e834ee4d1e85c07b62b9e560065cb7fc9b0b95ff2504d282047f5969";
static const char pkcs1_sha512[] =
    "4c801fb2d9c1430fa6dec2b72ac5506d13e7de12cf36f33f70a69538c8cae1f01e95c8dfed72ac395a9b07cecb4da70c"
    "52496368873c7c1c6bbac661a31ed9768480ea43a842b7d8ec12ad2c8fe913da64a57a6038e2fbb8dc901be5a7ee0c87"
    "749451cb7513fe8037445584fe1366d7f2ab21e6bb8d0228e863964da47369d8";
static const char pkcs1_md4[] =
    "55e0308f80fab2145b3e8fb87555fba3609237e7c5daaef0a70724b43708c9b17d19466580bc1a6e1fceb1a8d38ce7a8"
    "92227065c75391066152e063a01609297be74d1a583e737d6ee9f61472337c91b0b77688c74d8eac87f85cf348a753cd"
    "926a9dadb0ef644ea25edb89c651e59652d15ad7bd101e639aebf7fa3d029237";
static const char pkcs1_raw[] =
    "530777c570943a50e2107e053b67a52c60ab062277da01c1c71b857d95139eaf210722672a4e1456170e3c3b88b868e2"
    "c549d95f7dd6ea1bbad1e7f37207f31b3d38c7c1c129a78465ed4225e3481a584b8c293ec81fd2ca44ab873cf0084a4c"
    "48260acd0e3f5d43b484f007696fb6729abf15b5eb60b3a70fac890ec33ab1ae";
static const char pss0_sha256[] =
    "9557e8e141d3aaeae1178076a1e4f3e4af1dbc50fac3ccda6764f9b361967c72276e3eaa5afd8fd4a8400203c60e7d64"
    "0ce08cfe8a6d0bcd8dca621706c1b7207cb918c0252ed76dfb5dc2195ff2ab16fef16b5fe7efc2f71826c01eeeea12bf"
    "6714686d6734e84b0514827eccb9a80c96806a5bb3fc2a9b68261f54b51d97c6";
static const char pss20_sha1[] =
    "073b7b9122cf0f06df4ce3a69d70a9f1d13729e3e1facab3ce14fedd1680b01c7fc538992f0adeb52276310ec9219847"
    "879903aa5778e5809ed5ed1339678bf3405890cc43bf965590b5f47f02acc04a92f76f9c744de316e6221a8c7e46a03a"
    "7306c686169e2c1992341be676d47f26bd73904395fedde1568b14c7a7152464";
static const char pss48_sha384[] =
    "35ba6b52fe6a016e20d514a2825cab7c40c09b3c6b86b6cef97f86082289c25b47885a400848be839e3c292fef255234"
    "9e7b1487913bb8a266fbaa507402aa290ee5c0883da83d5b7b1f2bdad1aa97586d253c6110498c35cf129a59d6fb6d50"
    "5b5c1729393a1d1dfa0d07924b5a5481ff1f27d818b2f082405139167942ba38";
static const char oaep_sha256_label[] =
    "bc5b383387a304c8c8fd40ba9e39185a347f307d07b7c79713a6ed4f66618498d28558486d43ce7f59672b440ae9ff3a"
    "2f096be843b4d44e612926cb58c143f46a5a74c5d9a9dec4bdabb11e4f0e3153f5025fadcc27f839de41134e94e33f77"
    "1c995d5a3c46e86cb2acb8d56ae6ea7792277a653bb4422b9b2469a64e39b17b";
static const char oaep_sha1[] =
    "c733f2315af2fcb6cd479ce31ca1ca7cc6264086f26380b90363126538edd04323f0f48df27aea50db447e2440493e49"
    "12c753e8f21dfbf7fbf287cfcd82760ffe103c90cf4075ca4303d3b68232d45bfdeffae685a07a5307315c1b50519a55"
    "2317125452091eb217be3ddea952ef41b7eef25d3ac9cbbf2e15ed77378f461c";
static const char pkcs1_enc[] =
    "a8897dc951cd028152be44a7b2a2017279d7982174bf2dd224e5c0323412cef2c82c8a48ff4e5aa2e05be6c5c537bb81"
    "fd13dc44ce340cc38a8634ed342e67bd29cca5dd51fc8f96e7aa356fe224ddef5ac2f8ea3137d674ddd689fcc538dc9c"
    "ba245e96242921798e3d3ae2f2c2249b7ff79b6fac969a365d7e4554f1d4af3e";
static const char raw_in[] =
    "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f202122232425262728292a2b2c2d2e2f"
    "303132333435363738393a3b3c3d3e3f404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f"
    "606162636465666768696a6b6c6d6e6f707172737475767778797a7b7c7d7e7f";
static const char raw_out[] =
    "bb7a253ac09ef99a54f313624922f7537a2acf41cdaea26498ebb6a66e0423a67d06f306e7366fbf58a7efc906111928"
    "e5346801332ef7d658ace3c7b5b0c8847747b3d0530605dc3319db889c30fe3ca380dc5af0a580109e510179a402b0ff"
    "4cc18cd80c7f5d8c8fa2c07d630204d6e04a8972efbaf81fe1e41059d65c5ab0";

#define K 128   /* the modulus bytes of the known-answer key */

struct rsa_bytes
{
    UCHAR data[1024];
    ULONG len;
};

static void from_hex(struct rsa_bytes *b, const char *hex)
{
    b->len = hex_to_bytes(hex, b->data, sizeof(b->data));
}

static struct rsa_bytes full, priv, pub, legacy;

/* The other CNG forms of the known-answer key, cut from the full private blob. */
static void make_blobs(void)
{
    BCRYPT_RSAKEY_BLOB *h;

    from_hex(&full, key_full);
    from_hex(&legacy, key_legacy);
    priv = full;
    priv.len = sizeof(BCRYPT_RSAKEY_BLOB) + 3 + K + 64 + 64;
    h = (BCRYPT_RSAKEY_BLOB *)priv.data;
    h->Magic = BCRYPT_RSAPRIVATE_MAGIC;
    pub = full;
    pub.len = sizeof(BCRYPT_RSAKEY_BLOB) + 3 + K;
    h = (BCRYPT_RSAKEY_BLOB *)pub.data;
    h->Magic = BCRYPT_RSAPUBLIC_MAGIC;
    h->cbPrime1 = h->cbPrime2 = 0;
}

#define import(alg, type, blob, expect) import_(__FILE__, __LINE__, alg, type, blob, expect)
static BCRYPT_KEY_HANDLE import_(const char *file, int line, BCRYPT_ALG_HANDLE alg, const WCHAR *type,
                                 const struct rsa_bytes *blob, NTSTATUS expect)
{
    BCRYPT_KEY_HANDLE key = SEED_HANDLE;
    NTSTATUS status = BCryptImportKeyPair(alg, NULL, type, &key, (UCHAR *)blob->data, blob->len, 0);

    /* Wine 8 has no CAPI (LEGACY_RSA*) or generic PRIVATEBLOB import and answers NOT_SUPPORTED to a wrong magic */
    todo_builtin_if(status == STATUS_NOT_SUPPORTED && expect != STATUS_NOT_SUPPORTED)
    ok_(file, line)(status == expect, "importing %s: got %#lx, expected %#lx\n", winetest_wstr(type), status, expect);
    if (status)
    {
        ok_(file, line)(key == SEED_HANDLE, "key handle set on failure\n");
        return NULL;
    }
    return key;
}

#define export_eq(key, type, expect) export_eq_(__FILE__, __LINE__, key, type, expect)
/* Exports with a size query first and compares with the expected blob. */
static void export_eq_(const char *file, int line, BCRYPT_KEY_HANDLE key, const WCHAR *type, const struct rsa_bytes *expect)
{
    UCHAR out[1024];
    ULONG size = SEED_ULONG;
    NTSTATUS status;

    status = BCryptExportKey(key, NULL, type, NULL, 0, &size, 0);
    ok_(file, line)(!status && size == expect->len, "%s size query: got %#lx, %lu, expected %lu\n",
                    winetest_wstr(type), status, size, expect->len);
    seed(out, sizeof(out));
    size = SEED_ULONG;
    status = BCryptExportKey(key, NULL, type, out, sizeof(out), &size, 0);
    ok_(file, line)(!status && size == expect->len && !memcmp(out, expect->data, expect->len),
                    "%s export: got %#lx, %lu bytes %s\n", winetest_wstr(type), status, size,
                    winetest_hex(out, size < sizeof(out) ? size : 0));
}

static void test_provider(void)
{
    BCRYPT_KEY_LENGTHS_STRUCT lengths;
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE key;
    ULONG schemes, size;
    NTSTATUS status;

    if (!(alg = open_alg(BCRYPT_RSA_ALGORITHM, NULL))) return;
    schemes = size = SEED_ULONG;
    status = BCryptGetProperty(alg, BCRYPT_PADDING_SCHEMES, (UCHAR *)&schemes, sizeof(schemes), &size, 0);
    ok(!status && size == sizeof(schemes) && schemes, "PaddingSchemes: %#lx, %lu, %#lx\n", status, size, schemes); /* wine-test */
    todo_builtin ok(schemes != SEED_ULONG && (schemes & BCRYPT_SUPPORTED_PAD_PKCS1_SIG) && (schemes & BCRYPT_SUPPORTED_PAD_PKCS1_ENC),
       "PaddingSchemes %#lx\n", schemes);                                                /* hypothesis */
    status = BCryptGetProperty(alg, BCRYPT_KEY_LENGTHS, (UCHAR *)&lengths, sizeof(lengths), &size, 0);
    todo_builtin ok(!status && lengths.dwMinLength == 512 && lengths.dwMaxLength == 16384 && lengths.dwIncrement == 64,
       "KeyLengths: %#lx, %lu..%lu/%lu\n", status, lengths.dwMinLength, lengths.dwMaxLength, lengths.dwIncrement); /* doc */
    status = BCryptGetProperty(alg, BCRYPT_SIGNATURE_LENGTH, (UCHAR *)&size, sizeof(size), &size, 0);
    todo_builtin ok(status == STATUS_NOT_SUPPORTED, "SignatureLength on a provider: %#lx\n", status); /* doc: keys only */
    close_alg(alg);

    /* pseudo-handles [wine-test] */
    key = NULL;
    status = BCryptGenerateKeyPair(BCRYPT_RSA_ALG_HANDLE, &key, 512, 0);
    ok(!status && key, "RSA pseudo-handle: %#lx\n", status);                           /* wine-test */
    if (key) BCryptDestroyKey(key);
    key = NULL;
    status = BCryptGenerateKeyPair(BCRYPT_RSA_SIGN_ALG_HANDLE, &key, 512, 0);
    ok(!status && key, "RSA_SIGN pseudo-handle: %#lx\n", status);                      /* doc */
    if (key) BCryptDestroyKey(key);
    size = 1024;
    status = BCryptSetProperty(BCRYPT_RSA_ALG_HANDLE, BCRYPT_KEY_LENGTH, (UCHAR *)&size, sizeof(size), 0);
    ok(status == STATUS_ACCESS_DENIED, "SetProperty on a pseudo-handle: %#lx\n", status); /* wine-test */
}

static void test_generate(void)
{
    static const ULONG bad_bits[] = { 0, 448, 511, 520, 1000, 16448 };
    UCHAR sig[256], hash[20] = { 1, 2, 3 }, buf[1024];
    BCRYPT_PKCS1_PADDING_INFO pad = { BCRYPT_SHA1_ALGORITHM };
    BCRYPT_RSAKEY_BLOB *h = (BCRYPT_RSAKEY_BLOB *)buf;
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE key;
    ULONG bits, size, len, i;
    NTSTATUS status;

    if (!(alg = open_alg(BCRYPT_RSA_ALGORITHM, NULL))) return;
    for (i = 0; i < ARRAY_SIZE(bad_bits); i++)
    {
        key = SEED_HANDLE;
        status = BCryptGenerateKeyPair(alg, &key, bad_bits[i], 0);
        todo_builtin ok(status == STATUS_INVALID_PARAMETER && key == SEED_HANDLE, "%lu bits: %#lx\n", bad_bits[i], status); /* hypothesis */
    }

    status = BCryptGenerateKeyPair(alg, &key, 512, 0);
    ok(!status, "GenerateKeyPair: %#lx\n", status);
    if (status) { close_alg(alg); return; }
    /* not usable before FinalizeKeyPair [wine-test] */
    status = BCryptEncrypt(key, hash, sizeof(hash), NULL, NULL, 0, NULL, 0, &size, BCRYPT_PAD_PKCS1);
    ok(status == STATUS_INVALID_HANDLE, "encrypt before finalizing: %#lx\n", status);  /* wine-test */
    status = BCryptExportKey(key, NULL, BCRYPT_RSAPUBLIC_BLOB, buf, sizeof(buf), &size, 0);
    todo_builtin ok(status == STATUS_INVALID_HANDLE, "export before finalizing: %#lx\n", status);   /* wine-test (DH) */

    /* KeyLength may change the size until finalized */
    bits = 1024;
    status = BCryptSetProperty(key, BCRYPT_KEY_LENGTH, (UCHAR *)&bits, 2, 0);
    ok(status == STATUS_INVALID_PARAMETER, "KeyLength with cbInput 2: %#lx\n", status); /* wine-test */
    bits = 1000;
    status = BCryptSetProperty(key, BCRYPT_KEY_LENGTH, (UCHAR *)&bits, sizeof(bits), 0);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "KeyLength 1000: %#lx\n", status);          /* hypothesis */
    bits = 1024;
    status = BCryptSetProperty(key, BCRYPT_KEY_LENGTH, (UCHAR *)&bits, sizeof(bits), 0);
    ok(!status, "KeyLength 1024: %#lx\n", status);                                     /* wine-test */
    status = BCryptFinalizeKeyPair(key, 0);
    ok(!status, "FinalizeKeyPair: %#lx\n", status);
    status = BCryptFinalizeKeyPair(key, 0);
    ok(status == STATUS_INVALID_HANDLE, "finalizing twice: %#lx\n", status);           /* wine-test */
    bits = 2048;
    status = BCryptSetProperty(key, BCRYPT_KEY_LENGTH, (UCHAR *)&bits, sizeof(bits), 0);
    ok(!status, "KeyLength after finalizing: %#lx\n", status);                        /* wine-test */
    todo_builtin ok(get_ulong(key, BCRYPT_KEY_STRENGTH) == 1024, "KeyStrength\n");                  /* wine-test */
    todo_builtin ok(get_ulong(key, BCRYPT_KEY_LENGTH) == 1024, "KeyLength\n");                      /* hypothesis */
    todo_builtin ok(get_ulong(key, BCRYPT_SIGNATURE_LENGTH) == 128, "SignatureLength\n");           /* hypothesis */

    /* blob shapes of a generated key: e = 65537 in 3 bytes, primes of half the modulus [wine-test] */
    status = BCryptExportKey(key, NULL, BCRYPT_RSAFULLPRIVATE_BLOB, buf, sizeof(buf), &size, 0);
    todo_builtin ok(!status && h->Magic == BCRYPT_RSAFULLPRIVATE_MAGIC && h->BitLength == 1024 && h->cbPublicExp == 3
       && h->cbModulus == 128 && h->cbPrime1 == 64 && h->cbPrime2 == 64
       && size == sizeof(*h) + 3 + 128 * 2 + 64 * 3 + 64 * 2, "full private blob: %#lx, %lu\n", status, size);
    todo_builtin ok(!memcmp(buf + sizeof(*h), "\x01\x00\x01", 3), "public exponent %s\n", winetest_hex(buf + sizeof(*h), 3));
    status = BCryptExportKey(key, NULL, BCRYPT_RSAPRIVATE_BLOB, buf, sizeof(buf), &size, 0);
    todo_builtin ok(!status && h->Magic == BCRYPT_RSAPRIVATE_MAGIC && h->cbPrime1 == 64 && size == sizeof(*h) + 3 + 128 + 64 + 64,
       "private blob: %#lx, %lu\n", status, size);                                      /* wine-test */
    status = BCryptExportKey(key, NULL, BCRYPT_RSAPUBLIC_BLOB, buf, sizeof(buf), &size, 0);
    todo_builtin ok(!status && h->Magic == BCRYPT_RSAPUBLIC_MAGIC && !h->cbPrime1 && !h->cbPrime2 && size == sizeof(*h) + 3 + 128,
       "public blob: %#lx, %lu\n", status, size);                                       /* wine-test */

    len = 0;
    status = BCryptSignHash(key, &pad, hash, sizeof(hash), sig, sizeof(sig), &len, BCRYPT_PAD_PKCS1);
    ok(!status && len == 128, "sign: %#lx, %lu\n", status, len);                       /* wine-test */
    status = BCryptVerifySignature(key, &pad, hash, sizeof(hash), sig, len, BCRYPT_PAD_PKCS1);
    ok(!status, "verify: %#lx\n", status);                                             /* wine-test */
    BCryptDestroyKey(key);

    /* RSA_SIGN keys are made the same way [wine-test] */
    close_alg(alg);
    if (!(alg = open_alg(BCRYPT_RSA_SIGN_ALGORITHM, NULL))) return;
    status = BCryptGenerateKeyPair(alg, &key, 512, 0);
    ok(!status, "RSA_SIGN GenerateKeyPair: %#lx\n", status);
    status = BCryptFinalizeKeyPair(key, 0);
    ok(!status, "RSA_SIGN FinalizeKeyPair: %#lx\n", status);
    status = BCryptExportKey(key, NULL, BCRYPT_RSAFULLPRIVATE_BLOB, buf, sizeof(buf), &size, 0);
    ok(!status && h->BitLength == 512 && h->cbPrime1 == 32 && size == sizeof(*h) + 3 + 64 * 2 + 32 * 5,
       "RSA_SIGN full private blob: %#lx, %lu\n", status, size);                       /* wine-test */
    status = BCryptEncrypt(key, hash, sizeof(hash), NULL, NULL, 0, NULL, 0, &size, BCRYPT_PAD_PKCS1);
    ok(status == STATUS_NOT_SUPPORTED, "RSA_SIGN encrypt: %#lx\n", status);            /* hypothesis */
    BCryptDestroyKey(key);
    close_alg(alg);
}

static void test_blobs(void)
{
    BCRYPT_RSAKEY_BLOB *h;
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE key;
    struct rsa_bytes bad, capi_pub;
    UCHAR out[1024];
    ULONG size;
    NTSTATUS status;

    if (!(alg = open_alg(BCRYPT_RSA_ALGORITHM, NULL))) return;

    /* each CNG form round-trips byte for byte [wine-test] */
    if ((key = import(alg, BCRYPT_RSAFULLPRIVATE_BLOB, &full, STATUS_SUCCESS)))
    {
        export_eq(key, BCRYPT_RSAFULLPRIVATE_BLOB, &full);                              /* wine-test */
        export_eq(key, BCRYPT_RSAPRIVATE_BLOB, &priv);                                  /* wine-test */
        export_eq(key, BCRYPT_RSAPUBLIC_BLOB, &pub);                                    /* wine-test */
        todo_builtin export_eq(key, LEGACY_RSAPRIVATE_BLOB, &legacy);                                /* hypothesis: aiKeyAlg CALG_RSA_KEYX */
        todo_builtin ok(get_ulong(key, BCRYPT_KEY_STRENGTH) == 1024, "KeyStrength\n");               /* wine-test */
        status = BCryptFinalizeKeyPair(key, 0);
        ok(status == STATUS_INVALID_HANDLE, "finalizing an imported key: %#lx\n", status); /* wine-test */
        size = SEED_ULONG;
        status = BCryptExportKey(key, NULL, BCRYPT_RSAFULLPRIVATE_BLOB, out, full.len - 1, &size, 0);
        todo_builtin ok(status == STATUS_BUFFER_TOO_SMALL && size == full.len, "short export: %#lx, %lu\n", status, size); /* hypothesis */
        status = BCryptExportKey(key, NULL, BCRYPT_ECCPUBLIC_BLOB, out, sizeof(out), &size, 0);
        todo_builtin ok(status == STATUS_NOT_SUPPORTED, "ECC blob from an RSA key: %#lx\n", status);  /* hypothesis */

        /* the CryptoAPI public form: BLOBHEADER + RSAPUBKEY + little-endian modulus (reference 5.9) */
        status = BCryptExportKey(key, NULL, LEGACY_RSAPUBLIC_BLOB, capi_pub.data, sizeof(capi_pub.data), &capi_pub.len, 0);
        todo_builtin ok(!status && capi_pub.len == 8 + 12 + K, "CAPI public: %#lx, %lu\n", status, capi_pub.len); /* doc */
        todo_builtin ok(!memcmp(capi_pub.data, "\x06\x02\x00\x00\x00\xa4\x00\x00RSA1\x00\x04\x00\x00\x01\x00\x01\x00", 20)
           && !memcmp(capi_pub.data + 20, legacy.data + 20, K), "CAPI public blob %s\n",
           winetest_hex(capi_pub.data, 24));                                             /* doc; aiKeyAlg hypothesis */
        BCryptDestroyKey(key);
        if ((key = import(alg, LEGACY_RSAPUBLIC_BLOB, &capi_pub, STATUS_SUCCESS)))
        {
            export_eq(key, BCRYPT_RSAPUBLIC_BLOB, &pub);                                /* doc */
            BCryptDestroyKey(key);
        }
    }
    /* primes only: Windows fills in the CRT values and d (this key's d is the same mod phi and mod lambda) */
    if ((key = import(alg, BCRYPT_RSAPRIVATE_BLOB, &priv, STATUS_SUCCESS)))
    {
        export_eq(key, BCRYPT_RSAPRIVATE_BLOB, &priv);                                  /* wine-test */
        export_eq(key, BCRYPT_RSAFULLPRIVATE_BLOB, &full);                              /* RFC 8017 */
        BCryptDestroyKey(key);
    }
    if ((key = import(alg, LEGACY_RSAPRIVATE_BLOB, &legacy, STATUS_SUCCESS)))           /* wine-test */
    {
        export_eq(key, BCRYPT_RSAFULLPRIVATE_BLOB, &full);                              /* doc */
        BCryptDestroyKey(key);
    }
    /* PUBLICBLOB and PRIVATEBLOB go by the magic [wine-test] */
    if ((key = import(alg, BCRYPT_PUBLIC_KEY_BLOB, &pub, STATUS_SUCCESS)))
    {
        export_eq(key, BCRYPT_RSAPUBLIC_BLOB, &pub);
        status = BCryptExportKey(key, NULL, BCRYPT_RSAPRIVATE_BLOB, out, sizeof(out), &size, 0);
        ok(status == STATUS_INVALID_PARAMETER, "private blob of a public key: %#lx\n", status); /* wine-test */
        status = BCryptExportKey(key, NULL, BCRYPT_RSAFULLPRIVATE_BLOB, NULL, 0, &size, 0);
        ok(status == STATUS_INVALID_PARAMETER, "full private size of a public key: %#lx\n", status); /* hypothesis */
        BCryptDestroyKey(key);
    }
    if ((key = import(alg, BCRYPT_PRIVATE_KEY_BLOB, &full, STATUS_SUCCESS)))            /* hypothesis */
    {
        export_eq(key, BCRYPT_RSAFULLPRIVATE_BLOB, &full);
        BCryptDestroyKey(key);
    }

    /* length rules: a length other than the header's -> NTE_BAD_DATA [wine-test] */
    bad = pub;
    h = (BCRYPT_RSAKEY_BLOB *)bad.data;
    h->cbPublicExp = 9;
    import(alg, BCRYPT_RSAPUBLIC_BLOB, &bad, NTE_BAD_DATA);                             /* wine-test */
    bad = pub;
    bad.len++;
    import(alg, BCRYPT_RSAPUBLIC_BLOB, &bad, NTE_BAD_DATA);                             /* wine-test */
    bad = priv;
    bad.len--;
    todo_builtin import(alg, BCRYPT_RSAPRIVATE_BLOB, &bad, NTE_BAD_DATA);                            /* hypothesis */
    bad = full;
    bad.len--;
    todo_builtin import(alg, BCRYPT_RSAFULLPRIVATE_BLOB, &bad, NTE_BAD_DATA);                        /* hypothesis */
    bad.len = sizeof(BCRYPT_RSAKEY_BLOB) - 1;
    import(alg, BCRYPT_RSAPUBLIC_BLOB, &bad, STATUS_INVALID_PARAMETER);                 /* hypothesis */
    /* a magic the type does not take -> INVALID_PARAMETER [hypothesis, as ECC blobs do: wine-test] */
    import(alg, BCRYPT_RSAPUBLIC_BLOB, &priv, STATUS_INVALID_PARAMETER);
    import(alg, BCRYPT_RSAPRIVATE_BLOB, &pub, STATUS_INVALID_PARAMETER);
    import(alg, BCRYPT_PUBLIC_KEY_BLOB, &full, STATUS_INVALID_PARAMETER);
    import(alg, BCRYPT_ECCPUBLIC_BLOB, &pub, STATUS_NOT_SUPPORTED);                     /* hypothesis */
    /* numbers that are no key: n != p * q [hypothesis] */
    bad = priv;
    bad.data[sizeof(BCRYPT_RSAKEY_BLOB) + 3 + K + 10] ^= 0x10;
    todo_builtin import(alg, BCRYPT_RSAPRIVATE_BLOB, &bad, STATUS_INVALID_PARAMETER);
    /* CryptoAPI headers: wrong type or length -> NTE_BAD_DATA [wine-impl] */
    bad = legacy;
    bad.data[0] = PUBLICKEYBLOB;
    import(alg, LEGACY_RSAPRIVATE_BLOB, &bad, NTE_BAD_DATA);
    bad = legacy;
    bad.len -= 1;
    import(alg, LEGACY_RSAPRIVATE_BLOB, &bad, NTE_BAD_DATA);
    close_alg(alg);

    /* RSA_SIGN takes the same blobs [wine-test] */
    if (!(alg = open_alg(BCRYPT_RSA_SIGN_ALGORITHM, NULL))) return;
    if ((key = import(alg, BCRYPT_RSAPUBLIC_BLOB, &pub, STATUS_SUCCESS)))
    {
        export_eq(key, BCRYPT_RSAPUBLIC_BLOB, &pub);                                    /* wine-test */
        status = BCryptExportKey(key, NULL, BCRYPT_RSAPRIVATE_BLOB, out, sizeof(out), &size, 0);
        ok(status == STATUS_INVALID_PARAMETER, "RSA_SIGN private blob of a public key: %#lx\n", status); /* wine-test */
        BCryptDestroyKey(key);
    }
    if ((key = import(alg, BCRYPT_RSAFULLPRIVATE_BLOB, &full, STATUS_SUCCESS)))          /* hypothesis */
    {
        export_eq(key, BCRYPT_RSAFULLPRIVATE_BLOB, &full);
        BCryptDestroyKey(key);
    }
    close_alg(alg);
}

struct sig_vector { const WCHAR *alg; const char *digest, *sig; };

static const struct sig_vector pkcs1_vectors[] =
{
    { BCRYPT_MD4_ALGORITHM,    h_md4,    pkcs1_md4 },
    { BCRYPT_MD5_ALGORITHM,    h_md5,    pkcs1_md5 },
    { BCRYPT_SHA1_ALGORITHM,   h_sha1,   pkcs1_sha1 },
    { BCRYPT_SHA256_ALGORITHM, h_sha256, pkcs1_sha256 },
    { BCRYPT_SHA512_ALGORITHM, h_sha512, pkcs1_sha512 },
    { NULL,                    h_sha1,   pkcs1_raw },      /* no DigestInfo: the digest is signed as it is */
};

static void test_sign(void)
{
    BCRYPT_PKCS1_PADDING_INFO pad;
    BCRYPT_PSS_PADDING_INFO pss;
    BCRYPT_KEY_HANDLE key, pub_key;
    BCRYPT_ALG_HANDLE alg;
    struct rsa_bytes digest, expect;
    UCHAR sig[256];
    ULONG len, i;
    NTSTATUS status;

    if (!(alg = open_alg(BCRYPT_RSA_ALGORITHM, NULL))) return;
    key = import(alg, BCRYPT_RSAFULLPRIVATE_BLOB, &full, STATUS_SUCCESS);
    pub_key = import(alg, BCRYPT_RSAPUBLIC_BLOB, &pub, STATUS_SUCCESS);
    if (!key || !pub_key) goto done;

    /* PKCS#1 v1.5 is deterministic: the exact bytes [RFC 8017] */
    for (i = 0; i < ARRAY_SIZE(pkcs1_vectors); i++)
    {
        winetest_push_context("%s", pkcs1_vectors[i].alg ? winetest_wstr(pkcs1_vectors[i].alg) : "NULL");
        from_hex(&digest, pkcs1_vectors[i].digest);
        from_hex(&expect, pkcs1_vectors[i].sig);
        pad.pszAlgId = pkcs1_vectors[i].alg;
        seed(sig, sizeof(sig));
        len = SEED_ULONG;
        status = BCryptSignHash(key, &pad, digest.data, digest.len, sig, sizeof(sig), &len, BCRYPT_PAD_PKCS1);
        todo_builtin_if(i == 0 /* MD4 */ || !pad.pszAlgId) ok(!status && len == K && !memcmp(sig, expect.data, K), "sign: %#lx, %lu, %s\n", status, len,
           winetest_hex(sig, 16));                                                      /* RFC 8017 */
        ok(is_seeded_range(sig, K, sizeof(sig)), "wrote past the signature\n");
        status = BCryptVerifySignature(pub_key, &pad, digest.data, digest.len, expect.data, K, BCRYPT_PAD_PKCS1);
        todo_builtin_if(i <= 1 /* MD4, MD5 */ || !pad.pszAlgId) ok(!status, "verify: %#lx\n", status);                                          /* RFC 8017 */
        expect.data[K - 1] ^= 1;
        status = BCryptVerifySignature(pub_key, &pad, digest.data, digest.len, expect.data, K, BCRYPT_PAD_PKCS1);
        todo_builtin_if(i == 0 /* MD4 */) ok(status == STATUS_INVALID_SIGNATURE, "bad signature: %#lx\n", status);        /* wine-test */
        winetest_pop_context();
    }

    from_hex(&digest, h_sha1);
    from_hex(&expect, pkcs1_sha1);
    pad.pszAlgId = BCRYPT_SHA1_ALGORITHM;
    /* no inference of padding for RSA [wine-test] */
    status = BCryptSignHash(key, NULL, digest.data, digest.len, sig, sizeof(sig), &len, 0);
    ok(status == STATUS_INVALID_PARAMETER, "sign, no padding: %#lx\n", status);       /* wine-test */
    status = BCryptVerifySignature(pub_key, NULL, digest.data, digest.len, expect.data, K, BCRYPT_PAD_PKCS1);
    ok(status == STATUS_INVALID_PARAMETER, "verify, NULL info: %#lx\n", status);        /* wine-test */
    status = BCryptVerifySignature(pub_key, &pad, digest.data, digest.len, expect.data, K, 0);
    ok(status == STATUS_INVALID_PARAMETER, "verify, flags 0: %#lx\n", status);          /* wine-test */
    status = BCryptSignHash(key, &pad, digest.data, digest.len, sig, sizeof(sig), &len, BCRYPT_PAD_OAEP);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "sign, OAEP flag: %#lx\n", status);          /* hypothesis */
    pad.pszAlgId = BCRYPT_AES_ALGORITHM;
    status = BCryptVerifySignature(pub_key, &pad, digest.data, digest.len, expect.data, K, BCRYPT_PAD_PKCS1);
    ok(status == STATUS_NOT_SUPPORTED, "verify, AES: %#lx\n", status);                  /* wine-test */
    pad.pszAlgId = NULL;
    status = BCryptVerifySignature(pub_key, &pad, digest.data, digest.len, expect.data, K, BCRYPT_PAD_PKCS1);
    ok(status == STATUS_INVALID_SIGNATURE, "verify, NULL alg: %#lx\n", status);         /* wine-test */
    pad.pszAlgId = BCRYPT_SHA1_ALGORITHM;
    status = BCryptVerifySignature(pub_key, &pad, digest.data, digest.len, expect.data, K - 1, BCRYPT_PAD_PKCS1);
    ok(status == STATUS_INVALID_SIGNATURE, "verify, short signature: %#lx\n", status);  /* hypothesis */
    status = BCryptVerifySignature(pub_key, &pad, digest.data, 19, expect.data, K, BCRYPT_PAD_PKCS1);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "verify, 19-byte SHA1: %#lx\n", status);     /* hypothesis */

    /* sizes: a query works with a public key, even without a hash [wine-test] */
    len = SEED_ULONG;
    status = BCryptSignHash(pub_key, &pad, NULL, 0, NULL, 0, &len, BCRYPT_PAD_PKCS1);
    ok(!status && len == K, "size query: %#lx, %lu\n", status, len);                   /* wine-test */
    len = SEED_ULONG;
    status = BCryptSignHash(pub_key, &pad, digest.data, digest.len, NULL, 0, &len, BCRYPT_PAD_PKCS1);
    ok(!status && len == K, "size query with hash: %#lx, %lu\n", status, len);         /* wine-test */
    status = BCryptSignHash(pub_key, &pad, digest.data, digest.len, sig, sizeof(sig), &len, BCRYPT_PAD_PKCS1);
    ok(status == STATUS_INVALID_PARAMETER, "sign with a public key: %#lx\n", status);   /* wine-test */
    status = BCryptSignHash(key, &pad, digest.data, digest.len, sig, 0, &len, BCRYPT_PAD_PKCS1);
    ok(status == STATUS_BUFFER_TOO_SMALL, "cbOutput 0: %#lx\n", status);               /* wine-test */
    status = BCryptSignHash(key, &pad, digest.data, digest.len, sig, K - 1, &len, BCRYPT_PAD_PKCS1);
    ok(status == STATUS_BUFFER_TOO_SMALL, "cbOutput 127: %#lx\n", status);             /* hypothesis */
    status = BCryptSignHash(key, &pad, digest.data, 32, sig, sizeof(sig), &len, BCRYPT_PAD_PKCS1);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "sign, 32-byte SHA1: %#lx\n", status);       /* hypothesis */

    /* PSS: salt 0 is deterministic [RFC 8017]; other salts verify */
    from_hex(&digest, h_sha256);
    from_hex(&expect, pss0_sha256);
    pss.pszAlgId = BCRYPT_SHA256_ALGORITHM;
    pss.cbSalt = 0;
    status = BCryptSignHash(key, &pss, digest.data, digest.len, sig, sizeof(sig), &len, BCRYPT_PAD_PSS);
    todo_builtin ok(!status && len == K && !memcmp(sig, expect.data, K), "PSS salt 0: %#lx, %lu\n", status, len); /* RFC 8017 */
    status = BCryptVerifySignature(pub_key, &pss, digest.data, digest.len, expect.data, K, BCRYPT_PAD_PSS);
    ok(!status, "PSS salt 0 verify: %#lx\n", status);                                  /* RFC 8017 */
    from_hex(&digest, h_sha1);
    from_hex(&expect, pss20_sha1);
    pss.pszAlgId = BCRYPT_SHA1_ALGORITHM;
    pss.cbSalt = 20;
    status = BCryptVerifySignature(pub_key, &pss, digest.data, digest.len, expect.data, K, BCRYPT_PAD_PSS);
    todo_builtin ok(!status, "PSS SHA1 verify: %#lx\n", status);                                    /* RFC 8017 */
    pss.cbSalt = 21;
    status = BCryptVerifySignature(pub_key, &pss, digest.data, digest.len, expect.data, K, BCRYPT_PAD_PSS);
    todo_builtin ok(status == STATUS_INVALID_SIGNATURE, "PSS wrong salt length: %#lx\n", status);   /* RFC 8017 */
    from_hex(&digest, h_sha384);
    from_hex(&expect, pss48_sha384);
    pss.pszAlgId = BCRYPT_SHA384_ALGORITHM;
    pss.cbSalt = 48;
    status = BCryptVerifySignature(pub_key, &pss, digest.data, digest.len, expect.data, K, BCRYPT_PAD_PSS);
    ok(!status, "PSS SHA384 verify: %#lx\n", status);                                  /* RFC 8017 */
    status = BCryptSignHash(key, &pss, digest.data, digest.len, sig, sizeof(sig), &len, BCRYPT_PAD_PSS);
    ok(!status && len == K, "PSS SHA384 sign: %#lx, %lu\n", status, len);              /* wine-test */
    ok(memcmp(sig, expect.data, K), "PSS with a salt is randomized\n");                /* RFC 8017 */
    status = BCryptVerifySignature(pub_key, &pss, digest.data, digest.len, sig, K, BCRYPT_PAD_PSS);
    ok(!status, "PSS round trip: %#lx\n", status);                                     /* wine-test */
    pss.cbSalt = K - 48 - 1;   /* no room: emLen < hLen + sLen + 2 */
    status = BCryptSignHash(key, &pss, digest.data, digest.len, sig, sizeof(sig), &len, BCRYPT_PAD_PSS);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "PSS salt too long: %#lx\n", status);       /* hypothesis */
    pss.pszAlgId = NULL;
    pss.cbSalt = 0;
    status = BCryptSignHash(key, &pss, digest.data, digest.len, sig, sizeof(sig), &len, BCRYPT_PAD_PSS);
    ok(status == STATUS_INVALID_PARAMETER, "PSS without a digest: %#lx\n", status);    /* hypothesis */

    /* an RSA_SIGN key verifies the same signatures [wine-test] */
    BCryptDestroyKey(pub_key);
    close_alg(alg);
    pub_key = NULL;
    if ((alg = open_alg(BCRYPT_RSA_SIGN_ALGORITHM, NULL)) && (pub_key = import(alg, BCRYPT_RSAPUBLIC_BLOB, &pub, STATUS_SUCCESS)))
    {
        from_hex(&digest, h_sha256);
        from_hex(&expect, pkcs1_sha256);
        pad.pszAlgId = BCRYPT_SHA256_ALGORITHM;
        status = BCryptVerifySignature(pub_key, &pad, digest.data, digest.len, expect.data, K, BCRYPT_PAD_PKCS1);
        ok(!status, "RSA_SIGN verify: %#lx\n", status);                                /* wine-test */
    }
done:
    if (key) BCryptDestroyKey(key);
    if (pub_key) BCryptDestroyKey(pub_key);
    close_alg(alg);
}

static void test_crypt(void)
{
    BCRYPT_OAEP_PADDING_INFO oaep = { BCRYPT_SHA256_ALGORITHM, (UCHAR *)"cng", 3 };
    BCRYPT_KEY_HANDLE key, pub_key;
    BCRYPT_ALG_HANDLE alg;
    struct rsa_bytes in, expect;
    UCHAR out[256], out2[256];
    ULONG len, len2;
    NTSTATUS status;

    if (!(alg = open_alg(BCRYPT_RSA_ALGORITHM, NULL))) return;
    key = import(alg, BCRYPT_RSAFULLPRIVATE_BLOB, &full, STATUS_SUCCESS);
    pub_key = import(alg, BCRYPT_RSAPUBLIC_BLOB, &pub, STATUS_SUCCESS);
    if (!key || !pub_key) goto done;

    /* OAEP ciphertexts made elsewhere decrypt; the size query gives the message length [wine-test] */
    from_hex(&in, oaep_sha256_label);
    len = SEED_ULONG;
    status = BCryptDecrypt(key, in.data, in.len, &oaep, NULL, 0, NULL, 0, &len, BCRYPT_PAD_OAEP);
    todo_builtin ok(len == 10, "OAEP size query: %lu\n", len);                     /* wine-test */
    todo_builtin ok(!status, "OAEP size query: %#lx\n", status);                      /* doc: NULL output = size */
    seed(out, sizeof(out));
    status = BCryptDecrypt(key, in.data, in.len, &oaep, NULL, 0, out, sizeof(out), &len, BCRYPT_PAD_OAEP);
    todo_builtin ok(!status && len == 10 && !memcmp(out, "Hello OAEP", 10), "OAEP SHA256: %#lx, %lu\n", status, len); /* RFC 8017 */
    status = BCryptDecrypt(key, in.data, in.len, &oaep, NULL, 0, out, 9, &len, BCRYPT_PAD_OAEP);
    todo_builtin ok(status == STATUS_BUFFER_TOO_SMALL && len == 10, "OAEP short output: %#lx, %lu\n", status, len); /* hypothesis */
    oaep.pbLabel = (UCHAR *)"cnG";
    status = BCryptDecrypt(key, in.data, in.len, &oaep, NULL, 0, out, sizeof(out), &len, BCRYPT_PAD_OAEP);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "OAEP wrong label: %#lx\n", status);        /* hypothesis */
    from_hex(&in, oaep_sha1);
    oaep.pszAlgId = BCRYPT_SHA1_ALGORITHM;
    oaep.pbLabel = NULL;
    oaep.cbLabel = 0;
    status = BCryptDecrypt(key, in.data, in.len, &oaep, NULL, 0, out, sizeof(out), &len, BCRYPT_PAD_OAEP);
    todo_builtin ok(!status && len == 10 && !memcmp(out, "Hello OAEP", 10), "OAEP SHA1: %#lx, %lu\n", status, len); /* RFC 8017 */

    /* OAEP round trip with MD5 and a label holding its NUL [wine-test] */
    oaep.pszAlgId = BCRYPT_MD5_ALGORITHM;
    oaep.pbLabel = (UCHAR *)"test";
    oaep.cbLabel = 5;
    len = SEED_ULONG;
    status = BCryptEncrypt(pub_key, (UCHAR *)"Hello World!", 13, &oaep, NULL, 0, NULL, 0, &len, BCRYPT_PAD_OAEP);
    todo_builtin ok(!status && len == K, "OAEP encrypt size: %#lx, %lu\n", status, len); /* wine-test */
    status = BCryptEncrypt(pub_key, (UCHAR *)"Hello World!", 13, &oaep, NULL, 0, out, sizeof(out), &len, BCRYPT_PAD_OAEP);
    status |= BCryptEncrypt(pub_key, (UCHAR *)"Hello World!", 13, &oaep, NULL, 0, out2, sizeof(out2), &len2, BCRYPT_PAD_OAEP);
    todo_builtin ok(!status && len == K && memcmp(out, out2, K), "OAEP is randomized: %#lx\n", status); /* wine-test */
    status = BCryptDecrypt(key, out, K, &oaep, NULL, 0, out2, sizeof(out2), &len, BCRYPT_PAD_OAEP);
    todo_builtin ok(!status && len == 13 && !memcmp(out2, "Hello World!", 13), "OAEP round trip: %#lx\n", status); /* wine-test */
    status = BCryptEncrypt(pub_key, out, K - 2 * 16 - 1, &oaep, NULL, 0, out2, sizeof(out2), &len, BCRYPT_PAD_OAEP);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "OAEP message too long: %#lx\n", status);   /* hypothesis */
    status = BCryptEncrypt(pub_key, out, 13, NULL, NULL, 0, out2, sizeof(out2), &len, BCRYPT_PAD_OAEP);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "OAEP without info: %#lx\n", status);       /* hypothesis */
    oaep.pszAlgId = BCRYPT_AES_ALGORITHM;
    status = BCryptEncrypt(pub_key, out, 13, &oaep, NULL, 0, out2, sizeof(out2), &len, BCRYPT_PAD_OAEP);
    todo_builtin ok(status == STATUS_NOT_SUPPORTED, "OAEP with AES: %#lx\n", status);               /* hypothesis, as signatures */

    /* PKCS#1 v1.5: randomized, size query = modulus [wine-test], decrypt size = message */
    from_hex(&in, pkcs1_enc);
    len = SEED_ULONG;
    status = BCryptDecrypt(key, in.data, in.len, NULL, NULL, 0, NULL, 0, &len, BCRYPT_PAD_PKCS1);
    ok(len == 11, "PKCS1 decrypt size: %lu\n", len);                                 /* wine-test */
    todo_builtin ok(!status, "PKCS1 decrypt size query: %#lx\n", status);                          /* doc: NULL output = size */
    status = BCryptDecrypt(key, in.data, in.len, NULL, NULL, 0, out, sizeof(out), &len, BCRYPT_PAD_PKCS1);
    ok(!status && len == 11 && !memcmp(out, "Hello PKCS1", 11), "PKCS1 decrypt: %#lx, %lu\n", status, len); /* RFC 8017 */
    status = BCryptDecrypt(key, in.data, in.len, NULL, NULL, 0, out, 10, &len, BCRYPT_PAD_PKCS1);
    ok(status == STATUS_BUFFER_TOO_SMALL && len == 11, "PKCS1 short output: %#lx, %lu\n", status, len); /* hypothesis */
    status = BCryptDecrypt(pub_key, in.data, in.len, NULL, NULL, 0, out, sizeof(out), &len, BCRYPT_PAD_PKCS1);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "decrypt with a public key: %#lx\n", status); /* hypothesis */
    status = BCryptDecrypt(key, in.data, in.len - 1, NULL, NULL, 0, out, sizeof(out), &len, BCRYPT_PAD_PKCS1);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "short ciphertext: %#lx\n", status);        /* hypothesis */
    len = SEED_ULONG;
    status = BCryptEncrypt(pub_key, (UCHAR *)"Hello World!", 13, NULL, NULL, 0, NULL, 0, &len, BCRYPT_PAD_PKCS1);
    ok(!status && len == K, "PKCS1 encrypt size: %#lx, %lu\n", status, len);          /* wine-test */
    status = BCryptEncrypt(pub_key, (UCHAR *)"Hello World!", 13, NULL, NULL, 0, out, sizeof(out), &len, BCRYPT_PAD_PKCS1);
    status |= BCryptEncrypt(pub_key, (UCHAR *)"Hello World!", 13, NULL, NULL, 0, out2, sizeof(out2), &len2, BCRYPT_PAD_PKCS1);
    ok(!status && len == K && memcmp(out, out2, K), "PKCS1 is randomized: %#lx\n", status); /* wine-test */
    status = BCryptDecrypt(key, out2, K, NULL, NULL, 0, out, sizeof(out), &len, BCRYPT_PAD_PKCS1);
    ok(!status && len == 13 && !memcmp(out, "Hello World!", 13), "PKCS1 round trip: %#lx\n", status); /* wine-test */
    status = BCryptEncrypt(pub_key, out, K - 10, NULL, NULL, 0, out2, sizeof(out2), &len, BCRYPT_PAD_PKCS1);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "PKCS1 message too long: %#lx\n", status);  /* hypothesis */
    status = BCryptEncrypt(pub_key, out, 13, NULL, NULL, 0, out2, K - 1, &len, BCRYPT_PAD_PKCS1);
    ok(status == STATUS_BUFFER_TOO_SMALL, "PKCS1 short output: %#lx\n", status);       /* hypothesis */
    status = BCryptEncrypt(pub_key, out, 13, NULL, NULL, 0, out2, sizeof(out2), &len, 0);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "flags 0: %#lx\n", status);                 /* hypothesis */
    status = BCryptEncrypt(pub_key, out, 13, NULL, NULL, 0, out2, sizeof(out2), NULL, BCRYPT_PAD_PKCS1);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "pcbResult NULL: %#lx\n", status);          /* hypothesis */

    /* no padding: input of the modulus length, deterministic [wine-test] */
    from_hex(&in, raw_in);
    from_hex(&expect, raw_out);
    len = SEED_ULONG;
    status = BCryptEncrypt(pub_key, in.data, in.len, NULL, NULL, 0, NULL, 0, &len, BCRYPT_PAD_NONE);
    todo_builtin ok(!status && len == K, "raw size: %#lx, %lu\n", status, len);        /* wine-test */
    status = BCryptEncrypt(pub_key, in.data, 13, NULL, NULL, 0, out, sizeof(out), &len, BCRYPT_PAD_NONE);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "raw short input: %#lx\n", status); /* wine-test */
    status = BCryptEncrypt(pub_key, in.data, in.len, NULL, NULL, 0, out, 12, &len, BCRYPT_PAD_NONE);
    todo_builtin ok(status == STATUS_BUFFER_TOO_SMALL, "raw short output: %#lx\n", status); /* wine-test */
    status = BCryptEncrypt(pub_key, in.data, in.len, NULL, NULL, 0, out, sizeof(out), &len, BCRYPT_PAD_NONE);
    todo_builtin ok(!status && len == K && !memcmp(out, expect.data, K), "raw encrypt: %#lx\n", status); /* wine-test */
    len = SEED_ULONG;
    status = BCryptDecrypt(key, out, K, NULL, NULL, 0, NULL, 0, &len, BCRYPT_PAD_NONE);
    todo_builtin ok(len == K, "raw decrypt size: %lu\n", len);                      /* wine-test */
    todo_builtin ok(!status, "raw decrypt size query: %#lx\n", status);               /* doc: NULL output = size */
    status = BCryptDecrypt(key, out, K, NULL, NULL, 0, out2, sizeof(out2), &len, BCRYPT_PAD_NONE);
    todo_builtin ok(!status && len == K && !memcmp(out2, in.data, K), "raw decrypt: %#lx\n", status); /* wine-test */
    memset(in.data, 0xff, K);   /* not below the modulus */
    status = BCryptEncrypt(pub_key, in.data, K, NULL, NULL, 0, out, sizeof(out), &len, BCRYPT_PAD_NONE);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "raw input >= n: %#lx\n", status);          /* hypothesis */
done:
    if (key) BCryptDestroyKey(key);
    if (pub_key) BCryptDestroyKey(pub_key);
    close_alg(alg);
}

/* Windows duplicates no asymmetric key: NOT_SUPPORTED after the router's buffer checks [win-re, reference 2.2] */
static void test_duplicate(void)
{
    BCRYPT_KEY_HANDLE key, dup;
    UCHAR buf[1024];
    NTSTATUS status;

    if (BCryptGenerateKeyPair(BCRYPT_RSA_ALG_HANDLE, &key, 512, 0) || BCryptFinalizeKeyPair(key, 0))
    {
        ok(0, "no RSA key\n");
        return;
    }
    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(key, &dup, buf, 61, 0);
    todo_builtin ok(status == STATUS_BUFFER_TOO_SMALL && dup == SEED_HANDLE, "61-byte buffer: %#lx\n", status); /* win-re */
    if (status == STATUS_SUCCESS) BCryptDestroyKey(dup);
    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(key, &dup, buf, 62, 0);
    todo_builtin ok(status == STATUS_NOT_SUPPORTED && dup == SEED_HANDLE, "62-byte buffer: %#lx\n", status);    /* win-re */
    if (status == STATUS_SUCCESS) BCryptDestroyKey(dup);
    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(key, &dup, NULL, 0, 0);
    todo_builtin ok(status == STATUS_NOT_SUPPORTED && dup == SEED_HANDLE, "no buffer: %#lx\n", status);         /* win-re */
    if (status == STATUS_SUCCESS) BCryptDestroyKey(dup);
    BCryptDestroyKey(key);
}

START_TEST(key_rsa)
{
    make_blobs();
    test_provider();
    test_generate();
    test_blobs();
    test_sign();
    test_crypt();
    test_duplicate();
}
