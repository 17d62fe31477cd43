/*
 * Host self-test of hash_unix.c, called through unix_main.c's call table
 * exactly as Wine would dispatch.  Build from the project root:
 *
 *   gcc -Wall -Wextra -O2 -Iinclude -Idlls/cryptbridge -o /tmp/hash_selftest \
 *       tests/host/hash_selftest.c dlls/cryptbridge/hash_unix.c \
 *       dlls/cryptbridge/unix_main.c -lgnutls -lnettle
 *
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



static bridge_status call(enum bridge_call id, void *params)
{
    return __wine_unix_call_funcs[id](params);
}

static const char *const hash_names[] = { "MD2", "MD4", "MD5", "SHA1", "SHA256", "SHA384", "SHA512" };
static const unsigned int digest_lens[] = { 16, 16, 16, 20, 32, 48, 64 };

#define U64(p) ((uint64_t)(uintptr_t)(p))
#define MAX_BUF 4096

/* "0x..." is hex, anything else literal text; repeated `repeat` times. Returns length. */
static size_t expand(const char *spec, unsigned int repeat, uint8_t *out)
{
    size_t len = 0, i, n;

    for (; repeat; repeat--)
    {
        if (!strncmp(spec, "0x", 2))
            for (i = 2, n = strlen(spec); i + 1 < n; i += 2)
                sscanf(spec + i, "%2hhx", &out[len++]);
        else
            for (i = 0; spec[i]; i++) out[len++] = spec[i];
    }
    return len;
}

static void to_hex(const uint8_t *data, size_t len, char *out)
{
    size_t i;
    for (i = 0; i < len; i++) sprintf(out + 2 * i, "%02x", data[i]);
    out[2 * len] = 0;
}

static bridge_status state_init(struct bridge_hash_state *state, uint32_t hash, uint32_t hmac,
                                const void *key, uint32_t key_len)
{
    struct hash_init_params p = { U64(state), U64(key), key_len, 0 };
    memset(state, 0xcc, sizeof(*state));   /* the PE side's buffer is not clean */
    state->hash = hash;
    state->hmac = hmac;
    return call(BRIDGE_HASH_INIT, &p);
}

static bridge_status state_update(struct bridge_hash_state *state, const void *data, uint32_t len)
{
    struct hash_update_params p = { U64(state), U64(data), len, 0 };
    return call(BRIDGE_HASH_UPDATE, &p);
}

static bridge_status state_finish(struct bridge_hash_state *state, void *out, uint32_t len)
{
    struct hash_finish_params p = { U64(state), U64(out), len, 0 };
    return call(BRIDGE_HASH_FINISH, &p);
}

/* One complete message; `chunk` 0 feeds it at once, else in pieces of that size. */
static bridge_status digest_hex(uint32_t hash, uint32_t hmac, const uint8_t *key, size_t key_len,
                                const uint8_t *data, size_t len, size_t chunk, char *hex)
{
    struct bridge_hash_state state;
    uint8_t out[64];
    bridge_status status;
    size_t done, n;

    if ((status = state_init(&state, hash, hmac, key, key_len))) return status;
    for (done = 0; done < len; done += n)
    {
        n = chunk && chunk < len - done ? chunk : len - done;
        if ((status = state_update(&state, data + done, n))) return status;
    }
    if ((status = state_finish(&state, out, digest_lens[hash]))) return status;
    to_hex(out, digest_lens[hash], hex);
    return BRIDGE_SUCCESS;
}

static const struct hash_row { uint32_t hash; const char *data; unsigned int repeat; const char *digest; } hash_rows[] =
{
    /* RFC 1319 */
    { BRIDGE_HASH_MD2, "", 1, "8350e5a3e24c153df2275c9f80692773" },
    { BRIDGE_HASH_MD2, "a", 1, "32ec01ec4a6dac72c0ab96fb34c0b5d1" },
    { BRIDGE_HASH_MD2, "abc", 1, "da853b0d3f88d99b30283a69e6ded6bb" },
    { BRIDGE_HASH_MD2, "message digest", 1, "ab4f496bfb2a530b219ff33031fe06b0" },
    { BRIDGE_HASH_MD2, "abcdefghijklmnopqrstuvwxyz", 1, "4e8ddff3650292ab5a4108c3aa47940b" },
    { BRIDGE_HASH_MD2, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 1, "da33def2a42df13975352846c30338cd" },
    { BRIDGE_HASH_MD2, "1234567890", 8, "d5976f79d83d3a0dc9806c3c66f3efd8" },
    /* RFC 1320 */
    { BRIDGE_HASH_MD4, "", 1, "31d6cfe0d16ae931b73c59d7e0c089c0" },
    { BRIDGE_HASH_MD4, "a", 1, "bde52cb31de33e46245e05fbdbd6fb24" },
    { BRIDGE_HASH_MD4, "abc", 1, "a448017aaf21d8525fc10ae87aa6729d" },
    { BRIDGE_HASH_MD4, "message digest", 1, "d9130a8164549fe818874806e1c7014b" },
    { BRIDGE_HASH_MD4, "abcdefghijklmnopqrstuvwxyz", 1, "d79e1c308aa5bbcdeea8ed63df412da9" },
    { BRIDGE_HASH_MD4, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 1, "043f8582f241db351ce627e153e7f0e4" },
    { BRIDGE_HASH_MD4, "1234567890", 8, "e33b4ddc9c38f2199c3e7b164fcc0536" },
    /* RFC 1321 */
    { BRIDGE_HASH_MD5, "", 1, "d41d8cd98f00b204e9800998ecf8427e" },
    { BRIDGE_HASH_MD5, "a", 1, "0cc175b9c0f1b6a831c399e269772661" },
    { BRIDGE_HASH_MD5, "abc", 1, "900150983cd24fb0d6963f7d28e17f72" },
    { BRIDGE_HASH_MD5, "message digest", 1, "f96b697d7cb7938d525a2f31aaf161d0" },
    { BRIDGE_HASH_MD5, "abcdefghijklmnopqrstuvwxyz", 1, "c3fcd3d76192e4007dfb496cca67e13b" },
    { BRIDGE_HASH_MD5, "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789", 1, "d174ab98d277d9f5a5611c2c9f419d9f" },
    { BRIDGE_HASH_MD5, "1234567890", 8, "57edf4a22be3c955ac49da2e2107b67a" },
    /* FIPS 180-2 "abc" */
    { BRIDGE_HASH_SHA1, "abc", 1, "a9993e364706816aba3e25717850c26c9cd0d89d" },
    { BRIDGE_HASH_SHA256, "abc", 1, "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad" },
    { BRIDGE_HASH_SHA384, "abc", 1, "cb00753f45a35e8bb5a03d699ac65007272c32ab0eded1631a8b605a43ff5bed"
                                     "8086072ba1e7cc2358baeca134c825a7" },
    { BRIDGE_HASH_SHA512, "abc", 1, "ddaf35a193617abacc417349ae20413112e6fa4e89a97ea20a9eeee64b55d39a"
                                     "2192992a274fc1a836ba3c23a3feebbd454d4423643ce80e2a9ac94fa54ca49f" },
};

static void test_hash_vectors(void)
{
    uint8_t data[MAX_BUF];
    char hex[129];
    size_t i, len, chunk;

    for (i = 0; i < sizeof(hash_rows) / sizeof(hash_rows[0]); i++)
    {
        const struct hash_row *row = &hash_rows[i];
        len = expand(row->data, row->repeat, data);
        for (chunk = 0; chunk <= 7; chunk += 7)   /* whole, then pieces across block edges */
        {
            ok(!digest_hex(row->hash, 0, NULL, 0, data, len, chunk, hex) && !strcmp(hex, row->digest),
               "hash row %zu (%s, chunk %zu): got %s", i, hash_names[row->hash], chunk, hex);
        }
    }
}

static const struct hmac_row
{
    uint32_t hash;
    const char *key; unsigned int key_repeat;
    const char *data; unsigned int data_repeat;
    const char *mac;
} hmac_rows[] =
{
    /* RFC 2202 */
    { BRIDGE_HASH_MD5, "0x0b", 16, "Hi There", 1, "9294727a3638bb1c13f48ef8158bfc9d" },
    { BRIDGE_HASH_MD5, "Jefe", 1, "what do ya want for nothing?", 1, "750c783e6ab0b503eaa86e310a5db738" },
    { BRIDGE_HASH_MD5, "0xaa", 16, "0xdd", 50, "56be34521d144c88dbb8c733f0e8b3f6" },
    { BRIDGE_HASH_MD5, "0x0102030405060708090a0b0c0d0e0f10111213141516171819", 1, "0xcd", 50,
      "697eaf0aca3a3aea3a75164746ffaa79" },
    { BRIDGE_HASH_MD5, "0x0c", 16, "Test With Truncation", 1, "56461ef2342edc00f9bab995690efd4c" },
    { BRIDGE_HASH_MD5, "0xaa", 80, "Test Using Larger Than Block-Size Key - Hash Key First", 1,
      "6b1ab7fe4bd7bf8f0b62e6ce61b9d0cd" },
    { BRIDGE_HASH_MD5, "0xaa", 80, "Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data", 1,
      "6f630fad67cda0ee1fb1f562db3aa53e" },
    { BRIDGE_HASH_SHA1, "0x0b", 20, "Hi There", 1, "b617318655057264e28bc0b6fb378c8ef146be00" },
    { BRIDGE_HASH_SHA1, "Jefe", 1, "what do ya want for nothing?", 1, "effcdf6ae5eb2fa2d27416d5f184df9c259a7c79" },
    { BRIDGE_HASH_SHA1, "0xaa", 20, "0xdd", 50, "125d7342b9ac11cd91a39af48aa17b4f63f175d3" },
    { BRIDGE_HASH_SHA1, "0x0102030405060708090a0b0c0d0e0f10111213141516171819", 1, "0xcd", 50,
      "4c9007f4026250c6bc8414f9bf50c86c2d7235da" },
    { BRIDGE_HASH_SHA1, "0x0c", 20, "Test With Truncation", 1, "4c1a03424b55e07fe7f27be1d58bb9324a9a5a04" },
    { BRIDGE_HASH_SHA1, "0xaa", 80, "Test Using Larger Than Block-Size Key - Hash Key First", 1,
      "aa4ae5e15272d00e95705637ce8a3b55ed402112" },
    { BRIDGE_HASH_SHA1, "0xaa", 80, "Test Using Larger Than Block-Size Key and Larger Than One Block-Size Data", 1,
      "e8e99d0f45237d786d6bbaa7965c7808bbff1a91" },
    /* RFC 4231 case 2 */
    { BRIDGE_HASH_SHA256, "Jefe", 1, "what do ya want for nothing?", 1,
      "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843" },
    { BRIDGE_HASH_SHA384, "Jefe", 1, "what do ya want for nothing?", 1,
      "af45d2e376484031617f78d2b58a6b1b9c7ef464f5a01b47e42ec3736322445e8e2240ca5e69e2c78b3239ecfab21649" },
    { BRIDGE_HASH_SHA512, "Jefe", 1, "what do ya want for nothing?", 1,
      "164b7a7bfcf819e2e395fbe73b56e0a387bd64222e831fd610270cd7ea250554"
      "9758bf75c05a994a6d034f65f8f0e6fdcaeab1a34d4a6b4b636e070a38bce737" },
    /* Empty key and message (key passed as a non-NULL pointer here, NULL below) */
    { BRIDGE_HASH_SHA256, "", 1, "", 1, "b613679a0814d9ec772f95d778c35fc5ff1697c493715653c6c712144292c5ad" },
};

static void test_hmac_vectors(void)
{
    uint8_t key[MAX_BUF], data[MAX_BUF];
    char hex[129];
    size_t i, key_len, len;

    for (i = 0; i < sizeof(hmac_rows) / sizeof(hmac_rows[0]); i++)
    {
        const struct hmac_row *row = &hmac_rows[i];
        key_len = expand(row->key, row->key_repeat, key);
        len = expand(row->data, row->data_repeat, data);
        ok(!digest_hex(row->hash, 1, key, key_len, data, len, 0, hex) && !strcmp(hex, row->mac),
           "hmac row %zu (%s): got %s", i, hash_names[row->hash], hex);
        ok(!digest_hex(row->hash, 1, key, key_len, data, len, 3, hex) && !strcmp(hex, row->mac),
           "hmac row %zu (%s) in pieces: got %s", i, hash_names[row->hash], hex);
    }
    ok(!digest_hex(BRIDGE_HASH_SHA256, 1, NULL, 0, NULL, 0, 0, hex) && !strcmp(hex, hmac_rows[i - 1].mac),
       "hmac with NULL key and no data: got %s", hex);
}

static const struct pbkdf2_row
{
    uint32_t hash;
    const char *password; uint32_t password_len;
    const char *salt; uint32_t salt_len;
    uint64_t iterations;
    const char *key;
} pbkdf2_rows[] =
{
    /* RFC 6070 (the 16777216-iteration case is left out for time) */
    { BRIDGE_HASH_SHA1, "password", 8, "salt", 4, 1, "0c60c80f961f0e71f3a9b524af6012062fe037a6" },
    { BRIDGE_HASH_SHA1, "password", 8, "salt", 4, 2, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957" },
    { BRIDGE_HASH_SHA1, "password", 8, "salt", 4, 4096, "4b007901b765489abead49d926f721d065a429c1" },
    { BRIDGE_HASH_SHA1, "passwordPASSWORDpassword", 24, "saltSALTsaltSALTsaltSALTsaltSALTsalt", 36, 4096,
      "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038" },
    { BRIDGE_HASH_SHA1, "pass\0word", 9, "sa\0lt", 5, 4096, "56fa6aa75548099dcc37d7f03425e0c3" },
    /* Other PRFs, cross-checked with Python's hashlib.pbkdf2_hmac */
    { BRIDGE_HASH_SHA256, "password", 8, "salt", 4, 1, "120fb6cffcf8b32c43e7225256c4f837a86548c92ccc35480805987cb70be17b" },
    { BRIDGE_HASH_SHA256, "password", 8, "salt", 4, 4096, "c5e478d59288c841aa530db6845c4c8d962893a001ce4e11a4963873aa98134a" },
    { BRIDGE_HASH_SHA512, "password", 8, "salt", 4, 2,
      "e1d9c16aa681708a45f5c7c4e215ceb66e011a2e9f0040713f18aefdb866d53c"
      "f76cab2868a39b9f7840edce4fef5a82be67335c77a6068e04112754f27ccf4e" },
    { BRIDGE_HASH_MD5, "password", 8, "salt", 4, 3,   /* 40 bytes: three blocks, the last partial */
      "f6acd4bda3e4d3d831a5f61da9ca9d5c3877566e979f4928778d81be4f2e9433a31043bbf3945c35" },
    /* Empty password and salt as NULL pointers */
    { BRIDGE_HASH_SHA256, NULL, 0, NULL, 0, 1, "f7ce0b653d2d72a4108cf5abe912ffdd777616dbbb27a70e8204f3ae2d0f6fad" },
};

static bridge_status pbkdf2(uint32_t hash, const void *password, uint32_t password_len, const void *salt,
                            uint32_t salt_len, uint64_t iterations, void *out, uint32_t out_len)
{
    struct pbkdf2_params p = { hash, password_len, U64(password), U64(salt), iterations, U64(out), salt_len, out_len };
    return call(BRIDGE_PBKDF2, &p);
}

static void test_pbkdf2_vectors(void)
{
    uint8_t out[64];
    char hex[129];
    size_t i, len;

    for (i = 0; i < sizeof(pbkdf2_rows) / sizeof(pbkdf2_rows[0]); i++)
    {
        const struct pbkdf2_row *row = &pbkdf2_rows[i];
        len = strlen(row->key) / 2;
        memset(out, 0xde, sizeof(out));
        ok(!pbkdf2(row->hash, row->password, row->password_len, row->salt, row->salt_len,
                   row->iterations, out, len), "pbkdf2 row %zu: status", i);
        to_hex(out, len, hex);
        ok(!strcmp(hex, row->key), "pbkdf2 row %zu: got %s", i, hex);
        ok(len == sizeof(out) || out[len] == 0xde, "pbkdf2 row %zu: wrote past output", i);
    }
}

/* BCryptDuplicateHash: a memcpy mid-message, then both copies go on independently. */
static void test_copy(void)
{
    static const char msg[] = "The quick brown fox jumps over the lazy dog, more than one block of it, "
                              "so that the copy is taken with a partial block and a non-zero count.";
    struct bridge_hash_state a, b;
    uint8_t out_a[64], out_b[64], out_c[64], out_ref[64];
    size_t half = 70, len = sizeof(msg) - 1;
    uint32_t hash, hmac;

    for (hash = 0; hash < BRIDGE_HASH_COUNT; hash++)
    for (hmac = 0; hmac < 2; hmac++)
    {
        unsigned int dlen = digest_lens[hash];
        state_init(&a, hash, hmac, "key", 3);
        state_update(&a, msg, len);
        state_finish(&a, out_ref, dlen);

        state_init(&a, hash, hmac, "key", 3);
        state_update(&a, msg, half);
        memcpy(&b, &a, sizeof(a));
        state_update(&a, msg + half, len - half);
        state_update(&b, "X", 1);              /* diverge the copy first ... */
        state_finish(&b, out_c, dlen);         /* ... then reuse it for the real tail */
        state_update(&b, msg, len);
        state_finish(&b, out_b, dlen);
        state_finish(&a, out_a, dlen);
        ok(!memcmp(out_a, out_ref, dlen), "copy %s hmac %u: original differs", hash_names[hash], hmac);
        ok(!memcmp(out_b, out_ref, dlen), "copy %s hmac %u: copy differs after reuse", hash_names[hash], hmac);
        ok(memcmp(out_c, out_ref, dlen), "copy %s hmac %u: diverged copy equals original", hash_names[hash], hmac);

        /* A copy continued with the same tail gives the same digest. */
        state_init(&a, hash, hmac, "key", 3);
        state_update(&a, msg, half);
        memcpy(&b, &a, sizeof(a));
        state_update(&a, msg + half, len - half);
        state_update(&b, msg + half, len - half);
        state_finish(&a, out_a, dlen);
        state_finish(&b, out_b, dlen);
        ok(!memcmp(out_a, out_ref, dlen) && !memcmp(out_b, out_ref, dlen),
           "copy %s hmac %u: same tail differs", hash_names[hash], hmac);
    }
}

/* BCRYPT_HASH_REUSABLE_FLAG: finish leaves the state as fresh (HMAC: still keyed). */
static void test_reuse(void)
{
    struct bridge_hash_state s;
    uint8_t first[64], second[64], empty[64], fresh_empty[64];
    uint32_t hash, hmac;

    for (hash = 0; hash < BRIDGE_HASH_COUNT; hash++)
    for (hmac = 0; hmac < 2; hmac++)
    {
        unsigned int dlen = digest_lens[hash];
        state_init(&s, hash, hmac, "secret", 6);
        state_update(&s, "abc", 3);
        state_finish(&s, first, dlen);
        state_update(&s, "abc", 3);
        state_finish(&s, second, dlen);
        state_finish(&s, empty, dlen);
        state_init(&s, hash, hmac, "secret", 6);
        state_finish(&s, fresh_empty, dlen);
        ok(!memcmp(first, second, dlen), "reuse %s hmac %u: second digest differs", hash_names[hash], hmac);
        ok(!memcmp(empty, fresh_empty, dlen), "reuse %s hmac %u: finish did not reset", hash_names[hash], hmac);
    }
}

static void test_bad_values(void)
{
    struct bridge_hash_state s;
    struct hash_update_params up;
    uint8_t out[65], buf[64], zero[64] = { 0 };
    static const uint32_t bad_hashes[] = { BRIDGE_HASH_COUNT, 0x80000000u, 0xffffffffu };
    struct random_params rnd;
    size_t i;

    for (i = 0; i < sizeof(bad_hashes) / sizeof(bad_hashes[0]); i++)
    {
        ok(state_init(&s, bad_hashes[i], 0, NULL, 0) == BRIDGE_INVALID_PARAMETER, "init hash %#x", bad_hashes[i]);
        ok(state_init(&s, bad_hashes[i], 1, "k", 1) == BRIDGE_INVALID_PARAMETER, "hmac init hash %#x", bad_hashes[i]);
        ok(state_update(&s, "abc", 3) == BRIDGE_INVALID_PARAMETER, "update hash %#x", bad_hashes[i]);
        ok(state_finish(&s, out, 16) == BRIDGE_INVALID_PARAMETER, "finish hash %#x", bad_hashes[i]);
        ok(pbkdf2(bad_hashes[i], "p", 1, "s", 1, 1, out, 16) == BRIDGE_INVALID_PARAMETER, "pbkdf2 hash %#x", bad_hashes[i]);
    }

    ok(call(BRIDGE_HASH_INIT, NULL) == BRIDGE_INVALID_PARAMETER, "init NULL params");
    ok(call(BRIDGE_HASH_UPDATE, NULL) == BRIDGE_INVALID_PARAMETER, "update NULL params");
    ok(call(BRIDGE_HASH_FINISH, NULL) == BRIDGE_INVALID_PARAMETER, "finish NULL params");
    ok(call(BRIDGE_RANDOM, NULL) == BRIDGE_INVALID_PARAMETER, "random NULL params");
    ok(call(BRIDGE_PBKDF2, NULL) == BRIDGE_INVALID_PARAMETER, "pbkdf2 NULL params");
    ok(state_update(NULL, "abc", 3) == BRIDGE_INVALID_PARAMETER, "update NULL state");
    ok(state_finish(NULL, out, 16) == BRIDGE_INVALID_PARAMETER, "finish NULL state");
    {
        struct hash_init_params p = { 0, 0, 0, 0 };
        ok(call(BRIDGE_HASH_INIT, &p) == BRIDGE_INVALID_PARAMETER, "init NULL state");
    }

    ok(state_init(&s, BRIDGE_HASH_SHA1, 1, NULL, 4) == BRIDGE_INVALID_PARAMETER, "hmac NULL key, length 4");
    ok(state_init(&s, BRIDGE_HASH_SHA1, 0, NULL, 4) == BRIDGE_INVALID_PARAMETER, "plain NULL secret, length 4");
    ok(state_init(&s, BRIDGE_HASH_SHA1, 0, NULL, 0) == BRIDGE_SUCCESS, "init");
    ok(state_update(&s, NULL, 5) == BRIDGE_INVALID_PARAMETER, "update NULL data, length 5");
    ok(state_update(&s, NULL, 0) == BRIDGE_SUCCESS, "update NULL data, length 0");
    ok(state_finish(&s, out, 19) == BRIDGE_INVALID_PARAMETER, "finish short length");
    ok(state_finish(&s, out, 21) == BRIDGE_INVALID_PARAMETER, "finish long length");
    ok(state_finish(&s, out, 0) == BRIDGE_INVALID_PARAMETER, "finish zero length");
    ok(state_finish(&s, NULL, 20) == BRIDGE_INVALID_PARAMETER, "finish NULL output");
    memset(out, 0xde, sizeof(out));
    ok(state_finish(&s, out, 20) == BRIDGE_SUCCESS && out[20] == 0xde, "finish after rejects");
    ok(!memcmp(out, "\xda\x39\xa3\xee\x5e\x6b\x4b\x0d\x32\x55\xbf\xef\x95\x60\x18\x90\xaf\xd8\x07\x09", 20),
       "rejected calls changed the state");
    /* update with NULL state but zero length must still reject the state */
    up.state = 0; up.data = 0; up.len = 0; up.pad = 0;
    ok(call(BRIDGE_HASH_UPDATE, &up) == BRIDGE_INVALID_PARAMETER, "update NULL state, length 0");

    ok(pbkdf2(BRIDGE_HASH_SHA1, "p", 1, "s", 1, 0, out, 20) == BRIDGE_INVALID_PARAMETER, "pbkdf2 0 iterations");
    ok(pbkdf2(BRIDGE_HASH_SHA1, "p", 1, "s", 1, 0x100000000ull, out, 20) == BRIDGE_NOT_SUPPORTED, "pbkdf2 2^32 iterations");
    ok(pbkdf2(BRIDGE_HASH_SHA1, "p", 1, "s", 1, ~0ull, out, 20) == BRIDGE_NOT_SUPPORTED, "pbkdf2 2^64-1 iterations");
    ok(pbkdf2(BRIDGE_HASH_SHA1, NULL, 1, "s", 1, 1, out, 20) == BRIDGE_INVALID_PARAMETER, "pbkdf2 NULL password");
    ok(pbkdf2(BRIDGE_HASH_SHA1, "p", 1, NULL, 1, 1, out, 20) == BRIDGE_INVALID_PARAMETER, "pbkdf2 NULL salt");
    ok(pbkdf2(BRIDGE_HASH_SHA1, "p", 1, "s", 1, 1, NULL, 20) == BRIDGE_INVALID_PARAMETER, "pbkdf2 NULL output");
    ok(pbkdf2(BRIDGE_HASH_SHA1, "p", 1, "s", 1, 1, NULL, 0) == BRIDGE_SUCCESS, "pbkdf2 empty output");
    ok(pbkdf2(BRIDGE_HASH_MD2, "p", 1, "s", 1, 2, out, 33) == BRIDGE_SUCCESS, "pbkdf2 HMAC-MD2");

    rnd.buffer = 0; rnd.len = 0; rnd.pad = 0;
    ok(call(BRIDGE_RANDOM, &rnd) == BRIDGE_SUCCESS, "random length 0");
    rnd.len = 16;
    ok(call(BRIDGE_RANDOM, &rnd) == BRIDGE_INVALID_PARAMETER, "random NULL buffer");
    memset(buf, 0, sizeof(buf));
    rnd.buffer = U64(buf); rnd.len = sizeof(buf);
    ok(call(BRIDGE_RANDOM, &rnd) == BRIDGE_SUCCESS && memcmp(buf, zero, sizeof(buf)), "random fill");
    memcpy(out, buf, sizeof(buf));
    ok(call(BRIDGE_RANDOM, &rnd) == BRIDGE_SUCCESS && memcmp(buf, out, sizeof(buf)), "random repeats");
}

int main(void)
{
    test_hash_vectors();
    test_hmac_vectors();
    test_pbkdf2_vectors();
    test_copy();
    test_reuse();
    test_bad_values();
    return selftest_finish();
}
