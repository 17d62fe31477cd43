/*
 * Host self-test of dsa_unix.c and dh_unix.c through the bridge call table:
 * RFC 5114 agreement, y from x, the seed check of a Windows DSA blob, and
 * generated DSA keys (FIPS 186-2 seed search) signing and verifying.
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


static bridge_status call(enum bridge_call id, void *params) { return __wine_unix_call_funcs[id](params); }

/* hex right-aligned in width bytes */
static void put_hex(uint8_t *dst, uint32_t width, const char *hex)
{
    uint32_t len = strlen(hex) / 2, i;
    memset(dst, 0, width);
    for (i = 0; i < len; i++) sscanf(hex + 2 * i, "%2hhx", dst + width - len + i);
}

static const char rfc5114_1024_p[] =
    "b10b8f96a080e01dde92de5eae5d54ec52c99fbcfb06a3c69a6a9dca52d23b616073e28675a23d189838ef1e2ee652c0"
    "13ecb4aea906112324975c3cd49b83bfaccbdd7d90c4bd7098488e9c219a73724effd6fae5644738faa31a4ff55bccc0"
    "a151af5f0dc8b4bd45bf37df365c1a65e68cfda76d4da708df1fb2bc2e4a4371";
static const char rfc5114_1024_g[] =
    "a4d1cbd5c3fd34126765a442efb99905f8104dd258ac507fd6406cff14266d31266fea1e5c41564b777e690f5504f213"
    "160217b4b01b886a5e91547f9e2749f4d7fbd7d3b9a92ee1909d0d2263f80a76a6a24c087a091f531dbf0a0169b6a28a"
    "d662a4d18e73afa32d779d5918d08bc8858f4dcef97c2a24855e6eeb22b3b2e5";
static const char rfc5114_1024_xa[] =
    "b9a3b3ae8fefc1a2930496507086f8455d48943e";
static const char rfc5114_1024_ya[] =
    "2a853b3d92197501b9015b2deb3ed84f5e021dcc3e52f109d3273d2b7521281cbabe0e76ff5727fa8acce26956ba9a1f"
    "ca26f20228d8693feb10841d84a7360054ece5a7f5b7a61ad3dfb3c60d2e43106d8727da37df9cce95b478755d06bcea"
    "8f9d45965f75a5f3d1df3701165fc9e50c4279ceb07f989540ae96d5d88ed776";
static const char rfc5114_1024_yb[] =
    "717a6cb053371ff4a3b932941c1e5663f861a1d6ad34ae66576dfb98f6c6cbf9ddd5a56c7833f6bcfdff095582ad868e"
    "440e8d09fd769e3ceccdc3d3b1e4cfa057776caaf9739b6a9fee8e7411f8d6dac09d6a4edb46cc2b5d5203090eae6126"
    "311e53fd2c14b574e6a3109a3da1be41bdceaa186f5ce06716a2b6a07b3c33fe";
static const char rfc5114_1024_z[] =
    "5c804f454d30d9c4df85271f93528c91df6b48ab5f80b3b59caac1b28f8acba9cd3e39f3cb614525d9521d2e644c53b8"
    "07b810f340062f257d7d6fbfe8d5e8f072e9b6e9afda9413eafb2e8b0699b1fb5a0caceddeaead7e9cfbb36ae2b42083"
    "5bd83a19fb0b5e96bf8fa4d09e345525167ecd9155416f46f408ed31b63c6e6d";
static const char wine_dsa_public[] =
    "44535042400000000000008fd292bb92b900c5ed52cc484a441dd374fb75d17eb6249b5d570a8ac45dab9c2686c62516"
    "20f9a971bc1d30c4ef8cc4df1aaf96df90d8859df92c868c91396c6d114e53632a2b26a7f9767451bf08876fe0719124"
    "8ac2842d849c5f94aa38537784babcff493a080f38b5915c0615a427f4a559aa1c41a3a0bbf73286fb9441ffcded69eb"
    "c65eb6a815823b601e9155d52ca5745a658fc656c43f4ee33a71b26366a40d0df9dd1e4881e9bf8fbb8547816811b591"
    "6bc405efa3c7bf26534fc410fdfaed6164d62ead043e82edb22276d044adc14cde33a36155ec24e57945cf9439929fd8"
    "24ce85b9";

/* BCRYPT_DH_KEY_BLOB of 1024 bits */
static uint32_t dh_blob(uint8_t *blob, const char *y, const char *x)
{
    uint32_t hdr[2] = { x ? 0x56504844u : 0x42504844u, 128 };
    memcpy(blob, hdr, sizeof(hdr));
    put_hex(blob + 8, 128, rfc5114_1024_p);
    put_hex(blob + 8 + 128, 128, rfc5114_1024_g);
    if (y) put_hex(blob + 8 + 256, 128, y);
    else memset(blob + 8 + 256, 0, 128);
    if (x) put_hex(blob + 8 + 384, 128, x);
    return 8 + 128 * (x ? 4 : 3);
}

static void test_dh(void)
{
    uint8_t priv[8 + 512], full[8 + 512], pub[8 + 384], expect[128], secret[128];
    struct asym_complete_params complete = { 0 };
    struct asym_agree_params agree = { 0 };
    bridge_status status;

    /* y = g^x from a private blob with y = 0 */
    complete.asym = BRIDGE_ASYM_DH;
    complete.input = (uintptr_t)priv;
    complete.input_len = dh_blob(priv, NULL, rfc5114_1024_xa);
    complete.output = (uintptr_t)full;
    complete.output_len = sizeof(full);
    status = call(BRIDGE_ASYM_COMPLETE, &complete);
    ok(!status && complete.output_len == 8 + 512, "complete: %#x, %u", status, complete.output_len);
    put_hex(expect, 128, rfc5114_1024_ya);
    ok(!memcmp(full + 8 + 256, expect, 128), "y is not g^x");

    /* a wrong y is refused */
    dh_blob(priv, rfc5114_1024_yb, rfc5114_1024_xa);
    complete.output_len = sizeof(full);
    status = call(BRIDGE_ASYM_COMPLETE, &complete);
    ok(status == BRIDGE_INVALID_PARAMETER, "wrong y: %#x", status);

    /* Z of RFC 5114 A.1 */
    agree.asym = BRIDGE_ASYM_DH;
    agree.private_key = (uintptr_t)full;
    agree.private_len = 8 + 512;
    agree.public_key = (uintptr_t)pub;
    agree.public_len = dh_blob(pub, rfc5114_1024_yb, NULL);
    agree.output = (uintptr_t)secret;
    agree.output_len = 100;
    status = call(BRIDGE_ASYM_AGREE, &agree);
    ok(status == BRIDGE_BUFFER_TOO_SMALL && agree.output_len == 128, "short: %#x, %u", status, agree.output_len);
    agree.output_len = sizeof(secret);
    status = call(BRIDGE_ASYM_AGREE, &agree);
    put_hex(expect, 128, rfc5114_1024_z);
    ok(!status && agree.output_len == 128 && !memcmp(secret, expect, 128), "agree: %#x", status);

    /* y = 1 is out of range */
    memset(pub + 8 + 256, 0, 128);
    pub[8 + 383] = 1;
    agree.output_len = sizeof(secret);
    status = call(BRIDGE_ASYM_AGREE, &agree);
    ok(status == BRIDGE_INVALID_PARAMETER, "y = 1: %#x", status);
}

static void test_dsa(void)
{
    uint8_t blob[244], key[1024], out[1024], digest[20] = { 1, 2, 3 }, sig[40];
    struct asym_complete_params complete = { 0 };
    struct asym_generate_params gen = { 0 };
    struct asym_sign_params sign = { 0 };
    bridge_status status;
    uint32_t len = strlen(wine_dsa_public) / 2;

    put_hex(blob, len, wine_dsa_public);
    complete.asym = BRIDGE_ASYM_DSA;
    complete.input = (uintptr_t)blob;
    complete.input_len = len;
    complete.output = (uintptr_t)out;
    complete.output_len = sizeof(out);
    status = call(BRIDGE_ASYM_COMPLETE, &complete);
    ok(!status && complete.output_len == len && !memcmp(out, blob, len), "Windows blob: %#x", status);
    blob[20] ^= 1;   /* the seed no longer gives q */
    complete.output_len = sizeof(out);
    status = call(BRIDGE_ASYM_COMPLETE, &complete);
    ok(status == BRIDGE_INVALID_PARAMETER, "wrong seed: %#x", status);

    gen.asym = BRIDGE_ASYM_DSA;
    gen.bits = 1088;
    gen.output = (uintptr_t)key;
    gen.output_len = sizeof(key);
    status = call(BRIDGE_ASYM_GENERATE, &gen);
    ok(status == BRIDGE_NOT_SUPPORTED, "1088 bits: %#x", status);
    gen.bits = 768;
    gen.output_len = sizeof(key);
    status = call(BRIDGE_ASYM_GENERATE, &gen);
    ok(!status && gen.output_len == 52 + 3 * 96 + 20, "generate: %#x, %u", status, gen.output_len);

    /* our own seed and counter pass the check */
    complete.input = (uintptr_t)key;
    complete.input_len = gen.output_len;
    complete.output_len = sizeof(out);
    status = call(BRIDGE_ASYM_COMPLETE, &complete);
    ok(!status && !memcmp(out, key, gen.output_len), "complete generated: %#x", status);

    sign.asym = BRIDGE_ASYM_DSA;
    sign.key = (uintptr_t)key;
    sign.key_len = gen.output_len;
    sign.digest = (uintptr_t)digest;
    sign.digest_len = sizeof(digest);
    sign.signature = (uintptr_t)sig;
    sign.signature_len = sizeof(sig);
    status = call(BRIDGE_ASYM_SIGN, &sign);
    ok(!status && sign.signature_len == 40, "sign: %#x", status);
    status = call(BRIDGE_ASYM_VERIFY, &sign);
    ok(!status, "verify: %#x", status);
    sig[39] ^= 1;
    status = call(BRIDGE_ASYM_VERIFY, &sign);
    ok(status == BRIDGE_INVALID_SIGNATURE, "verify changed: %#x", status);
    sign.digest_len = 19;
    status = call(BRIDGE_ASYM_SIGN, &sign);
    ok(status == BRIDGE_INVALID_PARAMETER, "19-byte digest: %#x", status);
}

int main(void)
{
    test_dh();
    test_dsa();
    return selftest_finish();
}
