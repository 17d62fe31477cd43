/*
 * Host self-test of rsa_unix.c through the bridge's call table, with
 * known answers made offline by Python's "cryptography" package and checked
 * with `openssl pkeyutl` (fixed RSA-1024 key, e = 65537).
 * Prints "N passed, N failed"; exits non-zero on any failure.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "unix_private.h"
#include "selftest.h"

typedef bridge_status (*unixlib_entry)(void *args);
extern const unixlib_entry __wine_unix_call_funcs[];



#define U64(p) ((uint64_t)(uintptr_t)(p))

static size_t hex(const char *s, uint8_t *out)
{
    size_t len = 0;
    unsigned int v;
    for (; s[0] && s[1]; s += 2) { sscanf(s, "%2x", &v); out[len++] = v; }
    return len;
}

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

static uint8_t key[2048], pub[512];
static uint32_t key_len, pub_len;

static bridge_status sign(uint32_t padding, uint32_t hash, uint32_t salt, const uint8_t *k, uint32_t klen,
                          const char *digest_hex, uint8_t *sig, uint32_t *sig_len, int verify)
{
    struct asym_sign_params p = { 0 };
    uint8_t digest[64];

    p.asym = BRIDGE_ASYM_RSA;
    p.padding = padding;
    p.hash = hash;
    p.salt_len = salt;
    p.key = U64(k);
    p.key_len = klen;
    p.digest = U64(digest);
    p.digest_len = hex(digest_hex, digest);
    p.signature = U64(sig);
    p.signature_len = *sig_len;
    bridge_status status = __wine_unix_call_funcs[verify ? BRIDGE_ASYM_VERIFY : BRIDGE_ASYM_SIGN](&p);
    *sig_len = p.signature_len;
    return status;
}

static bridge_status do_crypt(uint32_t padding, uint32_t hash, int encrypt, const uint8_t *k, uint32_t klen,
                           const void *label, uint32_t label_len, const uint8_t *in, uint32_t in_len,
                           uint8_t *out, uint32_t *out_len)
{
    struct asym_crypt_params p = { 0 };
    bridge_status status;

    p.asym = BRIDGE_ASYM_RSA;
    p.padding = padding;
    p.hash = hash;
    p.encrypt = encrypt;
    p.key = U64(k);
    p.key_len = klen;
    p.label = U64(label);
    p.label_len = label_len;
    p.input = U64(in);
    p.input_len = in_len;
    p.output = U64(out);
    p.output_len = *out_len;
    status = __wine_unix_call_funcs[BRIDGE_ASYM_CRYPT](&p);
    *out_len = p.output_len;
    return status;
}

static void test_complete(void)
{
    struct asym_complete_params p = { 0 };
    uint8_t rsa2[512], out[2048];
    uint32_t rsa2_len;

    /* RSA3 stays byte for byte */
    p.asym = BRIDGE_ASYM_RSA;
    p.input = U64(key);
    p.input_len = key_len;
    p.output = U64(out);
    p.output_len = sizeof(out);
    ok(!__wine_unix_call_funcs[BRIDGE_ASYM_COMPLETE](&p), "complete RSA3\n");
    ok(p.output_len == key_len && !memcmp(out, key, key_len), "RSA3 changed\n");

    /* RSA2 (primes only) gets the CRT values and d back (here d mod phi = d mod lambda) */
    rsa2_len = 24 + 3 + 128 + 64 + 64;
    memcpy(rsa2, key, rsa2_len);
    rsa2[3] = '2';
    p.input = U64(rsa2);
    p.input_len = rsa2_len;
    p.output_len = sizeof(out);
    memset(out, 0, sizeof(out));
    ok(!__wine_unix_call_funcs[BRIDGE_ASYM_COMPLETE](&p), "complete RSA2\n");
    ok(p.output_len == key_len && !memcmp(out, key, key_len), "RSA2 completed wrongly\n");

    /* a short blob and a wrong modulus */
    p.input_len = rsa2_len - 1;
    ok(__wine_unix_call_funcs[BRIDGE_ASYM_COMPLETE](&p) == BRIDGE_NTE_BAD_DATA, "short RSA2\n");
    p.input_len = rsa2_len;
    rsa2[40] ^= 1;
    ok(__wine_unix_call_funcs[BRIDGE_ASYM_COMPLETE](&p) == BRIDGE_INVALID_PARAMETER, "n != p*q\n");

    /* the public part */
    memcpy(pub, key, 24 + 3 + 128);
    pub[3] = '1';
    pub_len = 24 + 3 + 128;
    p.input = U64(pub);
    p.input_len = pub_len;
    p.output_len = sizeof(out);
    ok(!__wine_unix_call_funcs[BRIDGE_ASYM_COMPLETE](&p), "complete RSA1\n");
    ok(p.output_len == pub_len && !memcmp(out + 24, pub + 24, pub_len - 24) && !out[16] && !out[20], "RSA1 output\n");
}

static void test_sign(void)
{
    static const struct { uint32_t hash; const char *digest, *sig; } kat[] =
    {
        { BRIDGE_HASH_MD4, h_md4, pkcs1_md4 },
        { BRIDGE_HASH_MD5, h_md5, pkcs1_md5 },
        { BRIDGE_HASH_SHA1, h_sha1, pkcs1_sha1 },
        { BRIDGE_HASH_SHA256, h_sha256, pkcs1_sha256 },
        { BRIDGE_HASH_SHA512, h_sha512, pkcs1_sha512 },
        { BRIDGE_HASH_NONE, h_sha1, pkcs1_raw },
    };
    uint8_t sig[256], expect[128];
    uint32_t len, i;

    for (i = 0; i < sizeof(kat) / sizeof(kat[0]); i++)
    {
        hex(kat[i].sig, expect);
        len = sizeof(sig);
        ok(!sign(BRIDGE_PAD_PKCS1, kat[i].hash, 0, key, key_len, kat[i].digest, sig, &len, 0), "sign %u\n", i);
        ok(len == 128 && !memcmp(sig, expect, 128), "PKCS#1 signature %u differs\n", i);
        len = 128;
        ok(!sign(BRIDGE_PAD_PKCS1, kat[i].hash, 0, pub, pub_len, kat[i].digest, expect, &len, 1), "verify %u\n", i);
        expect[5] ^= 1;
        ok(sign(BRIDGE_PAD_PKCS1, kat[i].hash, 0, pub, pub_len, kat[i].digest, expect, &len, 1)
           == BRIDGE_INVALID_SIGNATURE, "bad signature %u\n", i);
    }
    len = 127;
    ok(sign(BRIDGE_PAD_PKCS1, BRIDGE_HASH_SHA1, 0, key, key_len, h_sha1, sig, &len, 0) == BRIDGE_BUFFER_TOO_SMALL
       && len == 128, "short output\n");
    len = sizeof(sig);
    ok(sign(BRIDGE_PAD_PKCS1, BRIDGE_HASH_SHA1, 0, pub, pub_len, h_sha1, sig, &len, 0) == BRIDGE_INVALID_PARAMETER,
       "signing with a public key\n");

    /* PSS: salt 0 is deterministic */
    hex(pss0_sha256, expect);
    len = sizeof(sig);
    ok(!sign(BRIDGE_PAD_PSS, BRIDGE_HASH_SHA256, 0, key, key_len, h_sha256, sig, &len, 0) && len == 128
       && !memcmp(sig, expect, 128), "PSS salt 0\n");
    len = 128;
    hex(pss20_sha1, sig);
    ok(!sign(BRIDGE_PAD_PSS, BRIDGE_HASH_SHA1, 20, pub, pub_len, h_sha1, sig, &len, 1), "PSS SHA1/20\n");
    ok(sign(BRIDGE_PAD_PSS, BRIDGE_HASH_SHA1, 19, pub, pub_len, h_sha1, sig, &len, 1) == BRIDGE_INVALID_SIGNATURE,
       "PSS wrong salt length\n");
    hex(pss48_sha384, sig);
    ok(!sign(BRIDGE_PAD_PSS, BRIDGE_HASH_SHA384, 48, key, key_len, h_sha384, sig, &len, 1), "PSS SHA384/48\n");
    len = sizeof(sig);
    ok(!sign(BRIDGE_PAD_PSS, BRIDGE_HASH_SHA512, 62, key, key_len, h_sha512, sig, &len, 0), "PSS max salt\n");
    ok(!sign(BRIDGE_PAD_PSS, BRIDGE_HASH_SHA512, 62, pub, pub_len, h_sha512, sig, &len, 1), "PSS max salt verify\n");
    len = sizeof(sig);
    ok(sign(BRIDGE_PAD_PSS, BRIDGE_HASH_SHA512, 63, key, key_len, h_sha512, sig, &len, 0) == BRIDGE_INVALID_PARAMETER,
       "PSS salt too long\n");
}

static void test_crypt(void)
{
    uint8_t in[256], out[256], back[256];
    uint32_t len, back_len;

    len = sizeof(out);
    ok(!do_crypt(BRIDGE_PAD_OAEP, BRIDGE_HASH_SHA256, 0, key, key_len, "cng", 3, in, hex(oaep_sha256_label, in), out, &len)
       && len == 10 && !memcmp(out, "Hello OAEP", 10), "OAEP SHA256 label: %u\n", len);
    len = sizeof(out);
    ok(do_crypt(BRIDGE_PAD_OAEP, BRIDGE_HASH_SHA256, 0, key, key_len, "cnG", 3, in, 128, out, &len)
       == BRIDGE_INVALID_PARAMETER, "OAEP wrong label\n");
    len = 0;
    ok(do_crypt(BRIDGE_PAD_OAEP, BRIDGE_HASH_SHA1, 0, key, key_len, NULL, 0, in, hex(oaep_sha1, in), NULL, &len)
       == BRIDGE_BUFFER_TOO_SMALL && len == 10, "OAEP SHA1 size\n");
    len = sizeof(out);
    ok(!do_crypt(BRIDGE_PAD_OAEP, BRIDGE_HASH_SHA1, 0, key, key_len, NULL, 0, in, 128, out, &len)
       && len == 10 && !memcmp(out, "Hello OAEP", 10), "OAEP SHA1\n");
    len = sizeof(out);
    ok(!do_crypt(BRIDGE_PAD_PKCS1, 0, 0, key, key_len, NULL, 0, in, hex(pkcs1_enc, in), out, &len)
       && len == 11 && !memcmp(out, "Hello PKCS1", 11), "PKCS1 decrypt\n");
    len = sizeof(out);
    hex(raw_out, back);
    ok(!do_crypt(BRIDGE_PAD_NONE, 0, 1, pub, pub_len, NULL, 0, in, hex(raw_in, in), out, &len) && len == 128
       && !memcmp(out, back, 128), "raw encrypt\n");
    back_len = sizeof(back);
    ok(!do_crypt(BRIDGE_PAD_NONE, 0, 0, key, key_len, NULL, 0, out, 128, back, &back_len) && back_len == 128
       && !memcmp(back, in, 128), "raw decrypt\n");

    /* round trips with a message of the maximum length */
    memset(in, 0x5a, sizeof(in));
    len = sizeof(out);
    ok(do_crypt(BRIDGE_PAD_OAEP, BRIDGE_HASH_SHA512, 1, pub, pub_len, "x", 1, in, 1, out, &len) == BRIDGE_INVALID_PARAMETER,
       "OAEP SHA-512 does not fit a 1024-bit key\n");
    len = sizeof(out);
    ok(!do_crypt(BRIDGE_PAD_OAEP, BRIDGE_HASH_SHA256, 1, pub, pub_len, "x", 1, in, 128 - 66, out, &len) && len == 128,
       "OAEP max encrypt\n");
    back_len = sizeof(back);
    ok(!do_crypt(BRIDGE_PAD_OAEP, BRIDGE_HASH_SHA256, 0, key, key_len, "x", 1, out, 128, back, &back_len)
       && back_len == 62 && !memcmp(back, in, 62), "OAEP max round trip\n");
    len = sizeof(out);
    ok(do_crypt(BRIDGE_PAD_OAEP, BRIDGE_HASH_SHA256, 1, pub, pub_len, "x", 1, in, 128 - 65, out, &len)
       == BRIDGE_INVALID_PARAMETER, "OAEP one byte too long\n");
    len = sizeof(out);
    ok(!do_crypt(BRIDGE_PAD_PKCS1, 0, 1, pub, pub_len, NULL, 0, in, 117, out, &len) && len == 128, "PKCS1 encrypt\n");
    back_len = sizeof(back);
    ok(!do_crypt(BRIDGE_PAD_PKCS1, 0, 0, key, key_len, NULL, 0, out, 128, back, &back_len) && back_len == 117
       && !memcmp(back, in, 117), "PKCS1 round trip\n");
    len = sizeof(out);
    ok(do_crypt(BRIDGE_PAD_PKCS1, 0, 1, pub, pub_len, NULL, 0, in, 118, out, &len) == BRIDGE_INVALID_PARAMETER,
       "PKCS1 too long\n");
    back_len = sizeof(back);
    out[3] ^= 0x40;
    ok(do_crypt(BRIDGE_PAD_PKCS1, 0, 0, key, key_len, NULL, 0, out, 128, back, &back_len) == BRIDGE_INVALID_PARAMETER,
       "PKCS1 bad ciphertext\n");
}

static void test_generate(void)
{
    struct asym_generate_params g = { 0 };
    static uint8_t blob[4096];
    uint8_t sig[128];
    uint32_t len;

    g.asym = BRIDGE_ASYM_RSA;
    g.bits = 512;
    g.output = U64(blob);
    g.output_len = sizeof(blob);
    ok(!__wine_unix_call_funcs[BRIDGE_ASYM_GENERATE](&g), "generate 512\n");
    ok(g.output_len == 24 + 3 + 64 * 2 + 32 * 5, "generated length %u\n", g.output_len);
    ok(!memcmp(blob, "RSA3", 4) && ((uint32_t *)blob)[2] == 3 && ((uint32_t *)blob)[4] == 32, "generated header\n");
    len = sizeof(sig);
    ok(!sign(BRIDGE_PAD_PKCS1, BRIDGE_HASH_SHA1, 0, blob, g.output_len, h_sha1, sig, &len, 0) && len == 64,
       "sign with a generated key\n");
    ok(!sign(BRIDGE_PAD_PKCS1, BRIDGE_HASH_SHA1, 0, blob, g.output_len, h_sha1, sig, &len, 1), "verify it\n");
    /* CryptoAPI sizes: 384..16384 in steps of 8; primes of half the bits, rounded up to bytes */
    g.bits = 392;
    g.output_len = sizeof(blob);
    ok(!__wine_unix_call_funcs[BRIDGE_ASYM_GENERATE](&g) && ((uint32_t *)blob)[3] == 49
       && ((uint32_t *)blob)[4] == 25, "392 bits\n");
    g.bits = 376;
    g.output_len = sizeof(blob);
    ok(__wine_unix_call_funcs[BRIDGE_ASYM_GENERATE](&g) == BRIDGE_INVALID_PARAMETER, "376 bits\n");
    g.bits = 516;
    g.output_len = sizeof(blob);
    ok(__wine_unix_call_funcs[BRIDGE_ASYM_GENERATE](&g) == BRIDGE_INVALID_PARAMETER, "516 bits\n");
}

int main(void)
{
    key_len = hex(key_full, key);
    test_complete();
    test_sign();
    test_crypt();
    test_generate();
    return selftest_finish();
}
