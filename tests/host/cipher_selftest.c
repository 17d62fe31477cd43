/*
 * Host self-test of cipher_unix.c, called through unix_main.c's call table
 * exactly as Wine would dispatch.  Build from the project root:
 *
 *   gcc -Wall -Wextra -O2 -Iinclude -Idlls/cryptbridge -o /tmp/cipher_selftest \
 *       tests/host/cipher_selftest.c dlls/cryptbridge/cipher_unix.c \
 *       dlls/cryptbridge/unix_main.c -lgnutls -lnettle -lpthread
 *
 * (hash_unix.c may be added; the weak stubs below only fill in when it is absent.)
 * Prints "N passed, N failed"; exits non-zero on any failure.
 */
#define _GNU_SOURCE  /* RTLD_NEXT */
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include <nettle/aes.h>
#include "unix_private.h"

typedef bridge_status (*unixlib_entry)(void *args);
extern const unixlib_entry __wine_unix_call_funcs[];

/* unix_main.c needs the hash entry points; hash_unix.c overrides these when linked. */
__attribute__((weak)) bridge_status hash_init(void *args) { (void)args; return BRIDGE_NOT_SUPPORTED; }
__attribute__((weak)) bridge_status hash_update(void *args) { (void)args; return BRIDGE_NOT_SUPPORTED; }
__attribute__((weak)) bridge_status hash_finish(void *args) { (void)args; return BRIDGE_NOT_SUPPORTED; }
__attribute__((weak)) bridge_status random_fill(void *args) { (void)args; return BRIDGE_NOT_SUPPORTED; }
__attribute__((weak)) bridge_status pbkdf2_derive(void *args) { (void)args; return BRIDGE_NOT_SUPPORTED; }

static unsigned int passed, failed;

/* Interposes GnuTLS so a test can make it refuse a cipher, as a policy that disables DES would. */
static gnutls_cipher_algorithm_t refused_cipher = GNUTLS_CIPHER_UNKNOWN;
static unsigned int init_calls;

int gnutls_cipher_init(gnutls_cipher_hd_t *handle, gnutls_cipher_algorithm_t cipher,
                       const gnutls_datum_t *key, const gnutls_datum_t *iv)
{
    static int (*real)(gnutls_cipher_hd_t *, gnutls_cipher_algorithm_t, const gnutls_datum_t *, const gnutls_datum_t *);

    init_calls++;
    if (cipher == refused_cipher) return GNUTLS_E_UNWANTED_ALGORITHM;
    if (!real) *(void **)&real = dlsym(RTLD_NEXT, "gnutls_cipher_init");
    return real(handle, cipher, key, iv);
}

#define ok(cond, ...) ok_(__LINE__, (cond), __VA_ARGS__)
static int ok_(int line, int cond, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int ok_(int line, int cond, const char *fmt, ...)
{
    va_list args;

    if (cond) { passed++; return 1; }
    failed++;
    printf("line %d: FAIL: ", line);
    va_start(args, fmt);
    vprintf(fmt, args);
    va_end(args);
    putchar('\n');
    return 0;
}

#define U64(p) ((uint64_t)(uintptr_t)(p))
#define MAX_BUF 256

static size_t unhex(const char *hex, uint8_t *out)
{
    size_t len = 0;
    unsigned int byte;

    for (; hex[0] && hex[1]; hex += 2)
    {
        if (hex[0] == ' ') { hex--; continue; }
        sscanf(hex, "%2x", &byte);
        out[len++] = byte;
    }
    return len;
}

static const char *tohex(const uint8_t *data, size_t len)
{
    static char buf[2 * MAX_BUF + 1];
    size_t i;

    for (i = 0; i < len && i < MAX_BUF; i++) sprintf(buf + 2 * i, "%02x", data[i]);
    buf[2 * i] = 0;
    return buf;
}

static const uint32_t block_lens[BRIDGE_CIPHER_COUNT] = { 0, 16, 8, 8, 8, 1 };

static void state_init(struct bridge_cipher_state *st, uint32_t cipher, uint32_t mode, const char *key_hex,
                       uint32_t effective_bits, const char *iv_hex)
{
    memset(st, 0, sizeof(*st));
    st->cipher = cipher;
    st->mode = mode;
    st->key_len = unhex(key_hex, st->key);
    st->effective_bits = effective_bits;
    st->block_len = block_lens[cipher];
    if (iv_hex) unhex(iv_hex, st->chain);
}

/* What the PE side's BCryptDuplicateKey does. */
static void state_duplicate(struct bridge_cipher_state *dst, const struct bridge_cipher_state *src)
{
    memcpy(dst, src, sizeof(*dst));
    dst->gnutls_handle = 0;
}

static void state_release(struct bridge_cipher_state *st)
{
    struct key_release_params params = { U64(st) };
    bridge_status status = __wine_unix_call_funcs[BRIDGE_KEY_RELEASE](&params);

    ok(status == BRIDGE_SUCCESS && !st->gnutls_handle, "release: %#x handle %#llx",
       status, (unsigned long long)st->gnutls_handle);
}

static bridge_status run_crypt(struct bridge_cipher_state *st, const uint8_t *in, uint8_t *out, size_t len, int encrypt)
{
    struct key_crypt_params params = { U64(st), U64(in), U64(out), (uint32_t)len, (uint32_t)encrypt };

    return __wine_unix_call_funcs[BRIDGE_KEY_CRYPT](&params);
}

/* Make a CBC key take the nettle path, as if GnuTLS had refused the cipher.  The
 * schedule is built first: building it drops any handle (or sentinel) made before. */
static void force_nettle(struct bridge_cipher_state *st)
{
    uint8_t chain[BRIDGE_MAX_BLOCK_LEN], block[BRIDGE_MAX_BLOCK_LEN] = {0};

    memcpy(chain, st->chain, sizeof(chain));
    run_crypt(st, block, block, st->block_len, 1);
    state_release(st);
    memcpy(st->chain, chain, sizeof(chain));
    st->gnutls_handle = UINT64_MAX;
}

/* ---- known answers for key_crypt, with the chaining properties of each row ---- */

struct crypt_vector
{
    const char *name;
    uint32_t cipher, mode;
    const char *key;
    uint32_t effective_bits;
    const char *iv;          /* NULL: zero chain */
    const char *plain;
    const char *cipher_text;
};

#define SP800_38A_PLAIN "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51" \
                        "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710"
#define AES128_KEY "2b7e151628aed2a6abf7158809cf4f3c"
#define AES256_KEY "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4"
#define SP800_38A_IV "000102030405060708090a0b0c0d0e0f"

static const struct crypt_vector crypt_vectors[] =
{
    /* NIST SP 800-38A F.1.1, F.1.5, F.2.1, F.2.5, F.3.7, F.3.11 */
    { "AES-128-ECB", BRIDGE_CIPHER_AES, BRIDGE_MODE_ECB, AES128_KEY, 0, NULL, SP800_38A_PLAIN,
      "3ad77bb40d7a3660a89ecaf32466ef97f5d3d58503b9699de785895a96fdbaaf"
      "43b1cd7f598ece23881b00e3ed0306887b0c785e27e8ad3f8223207104725dd4" },
    { "AES-256-ECB", BRIDGE_CIPHER_AES, BRIDGE_MODE_ECB, AES256_KEY, 0, NULL, SP800_38A_PLAIN,
      "f3eed1bdb5d2a03c064b5a7e3db181f8591ccb10d410ed26dc5ba74a31362870"
      "b6ed21b99ca6f4f9f153e7b1beafed1d23304b7a39f9f3ff067d8d8f9e24ecc7" },
    { "AES-128-CBC", BRIDGE_CIPHER_AES, BRIDGE_MODE_CBC, AES128_KEY, 0, SP800_38A_IV, SP800_38A_PLAIN,
      "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
      "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7" },
    { "AES-256-CBC", BRIDGE_CIPHER_AES, BRIDGE_MODE_CBC, AES256_KEY, 0, SP800_38A_IV, SP800_38A_PLAIN,
      "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d"
      "39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b" },
    { "AES-128-CFB8", BRIDGE_CIPHER_AES, BRIDGE_MODE_CFB8, AES128_KEY, 0, SP800_38A_IV,
      "6bc1bee22e409f96e93d7e117393172aae2d", "3b79424c9c0dd436bace9e0ed4586a4f32b9" },
    { "AES-256-CFB8", BRIDGE_CIPHER_AES, BRIDGE_MODE_CFB8, AES256_KEY, 0, SP800_38A_IV,
      "6bc1bee22e409f96e93d7e117393172aae2d", "dc1f1a8520a64db55fcc8ac554844e889700" },
    /* the classic DES walk-through; NIST SP 800-67 3DES example */
    { "DES-ECB", BRIDGE_CIPHER_DES, BRIDGE_MODE_ECB, "133457799bbcdff1", 0, NULL,
      "0123456789abcdef", "85e813540f0ab405" },
    { "3DES-ECB", BRIDGE_CIPHER_3DES, BRIDGE_MODE_ECB,
      "0123456789abcdef23456789abcdef01456789abcdef0123", 0, NULL,
      "54686520717566636b2062726f776e20666f78206a756d70",
      "a826fd8ce53b855fcce21c8112256fe668d5c05dd9b6b900" },
    /* RFC 2268 section 5 */
    { "RC2-ECB ekb63", BRIDGE_CIPHER_RC2, BRIDGE_MODE_ECB, "0000000000000000", 63, NULL,
      "0000000000000000", "ebb773f993278eff" },
    { "RC2-ECB ekb64", BRIDGE_CIPHER_RC2, BRIDGE_MODE_ECB, "ffffffffffffffff", 64, NULL,
      "ffffffffffffffff", "278b27e42e2f0d49" },
    { "RC2-ECB 1-byte key", BRIDGE_CIPHER_RC2, BRIDGE_MODE_ECB, "88", 64, NULL,
      "0000000000000000", "61a8a244adacccf0" },
    { "RC2-ECB ekb128", BRIDGE_CIPHER_RC2, BRIDGE_MODE_ECB, "88bca90e90875a7f0f79c384627bafb2", 128, NULL,
      "0000000000000000", "2269552ab0f85ca6" },
    { "RC2-ECB ekb0=key bits", BRIDGE_CIPHER_RC2, BRIDGE_MODE_ECB, "88bca90e90875a7f0f79c384627bafb2", 0, NULL,
      "0000000000000000", "2269552ab0f85ca6" },
    { "RC2-ECB 33-byte key", BRIDGE_CIPHER_RC2, BRIDGE_MODE_ECB,
      "88bca90e90875a7f0f79c384627bafb216f80a6f85920584c42fceb0be255daf1e", 129, NULL,
      "0000000000000000", "5b78d3a43dfff1f1" },
    /* RFC 6229, 40-bit key, offsets 0 and 16 */
    { "RC4-40", BRIDGE_CIPHER_RC4, BRIDGE_MODE_STREAM, "0102030405", 0, NULL,
      "0000000000000000000000000000000000000000000000000000000000000000",
      "b2396305f03dc027ccc3524a0a1118a86982944f18fc82d589c403a47a0d0919" },
};

struct crypt_run
{
    const struct crypt_vector *v;
    size_t len;
    uint8_t plain[MAX_BUF], expect[MAX_BUF];
};

static int chains(uint32_t mode)
{
    return mode == BRIDGE_MODE_CBC || mode == BRIDGE_MODE_CFB8 || mode == BRIDGE_MODE_STREAM;
}

/* One shot encrypt and decrypt, in place decrypt; the chain ends on the last ciphertext block. */
static void check_one_shot(const struct crypt_run *r, int nettle_only)
{
    const struct crypt_vector *v = r->v;
    struct bridge_cipher_state st;
    uint8_t buf[MAX_BUF], buf2[MAX_BUF];
    bridge_status status;

    state_init(&st, v->cipher, v->mode, v->key, v->effective_bits, v->iv);
    if (nettle_only) force_nettle(&st);
    memset(buf, 0xde, sizeof(buf));
    status = run_crypt(&st, r->plain, buf, r->len, 1);
    ok(!status && !memcmp(buf, r->expect, r->len), "%s%s encrypt: %#x %s", v->name,
       nettle_only ? " (nettle)" : "", status, tohex(buf, r->len));
    ok(st.scheduled == 1, "%s: scheduled %u", v->name, st.scheduled);
    if (v->mode == BRIDGE_MODE_CBC || v->mode == BRIDGE_MODE_CFB8)
        ok(!memcmp(st.chain, r->expect + r->len - block_lens[v->cipher], block_lens[v->cipher]),
           "%s: chain after encrypt %s", v->name, tohex(st.chain, 16));
    if (nettle_only) ok(st.gnutls_handle == UINT64_MAX, "%s: sentinel kept", v->name);
    state_release(&st);

    state_init(&st, v->cipher, v->mode, v->key, v->effective_bits, v->iv);
    if (nettle_only) force_nettle(&st);
    status = run_crypt(&st, r->expect, buf2, r->len, 0);
    ok(!status && !memcmp(buf2, r->plain, r->len), "%s decrypt: %#x %s", v->name, status, tohex(buf2, r->len));
    if (v->mode == BRIDGE_MODE_CBC || v->mode == BRIDGE_MODE_CFB8)
        ok(!memcmp(st.chain, r->expect + r->len - block_lens[v->cipher], block_lens[v->cipher]),
           "%s: chain after decrypt %s", v->name, tohex(st.chain, 16));
    state_release(&st);

    state_init(&st, v->cipher, v->mode, v->key, v->effective_bits, v->iv);
    if (nettle_only) force_nettle(&st);
    memcpy(buf, r->expect, r->len);
    status = run_crypt(&st, buf, buf, r->len, 0);
    ok(!status && !memcmp(buf, r->plain, r->len), "%s in-place decrypt: %#x %s", v->name, status, tohex(buf, r->len));
    if (v->mode == BRIDGE_MODE_CBC || v->mode == BRIDGE_MODE_CFB8)
        ok(!memcmp(st.chain, r->expect + r->len - block_lens[v->cipher], block_lens[v->cipher]),
           "%s: chain after in-place decrypt", v->name);
    memcpy(buf, r->plain, r->len);
    state_release(&st);

    state_init(&st, v->cipher, v->mode, v->key, v->effective_bits, v->iv);
    status = run_crypt(&st, buf, buf, r->len, 1);
    ok(!status && !memcmp(buf, r->expect, r->len), "%s in-place encrypt: %#x", v->name, status);
    state_release(&st);
}

/* Two calls == one call, and a duplicate taken between them continues identically. */
static void check_split(const struct crypt_run *r, int encrypt)
{
    const struct crypt_vector *v = r->v;
    size_t block = block_lens[v->cipher], split = (r->len / 2 / block) * block;
    const uint8_t *in = encrypt ? r->plain : r->expect, *want = encrypt ? r->expect : r->plain;
    struct bridge_cipher_state st, dup;
    uint8_t out[MAX_BUF], out2[MAX_BUF];
    bridge_status s1, s2, s3;

    if (v->mode == BRIDGE_MODE_CFB8 || v->mode == BRIDGE_MODE_STREAM) split = r->len / 2 + 1;  /* odd split */
    state_init(&st, v->cipher, v->mode, v->key, v->effective_bits, v->iv);
    s1 = run_crypt(&st, in, out, split, encrypt);
    state_duplicate(&dup, &st);
    s2 = run_crypt(&st, in + split, out + split, r->len - split, encrypt);
    memcpy(out2, out, split);
    s3 = run_crypt(&dup, in + split, out2 + split, r->len - split, encrypt);
    ok(!s1 && !s2 && !memcmp(out, want, r->len), "%s %s split at %zu: %s", v->name,
       encrypt ? "encrypt" : "decrypt", split, tohex(out, r->len));
    ok(!s3 && !memcmp(out2, want, r->len), "%s %s duplicate mid-stream: %s", v->name,
       encrypt ? "encrypt" : "decrypt", tohex(out2, r->len));
    ok(!memcmp(st.chain, dup.chain, sizeof(st.chain)), "%s: chains of copy and original differ", v->name);
    state_release(&st);
    state_release(&dup);
}

static void test_crypt_vectors(void)
{
    struct crypt_run r;
    size_t i;

    for (i = 0; i < sizeof(crypt_vectors) / sizeof(crypt_vectors[0]); i++)
    {
        r.v = &crypt_vectors[i];
        r.len = unhex(r.v->plain, r.plain);
        if (!ok(unhex(r.v->cipher_text, r.expect) == r.len, "row %zu: bad vector lengths", i)) continue;
        check_one_shot(&r, 0);
        if (r.v->mode == BRIDGE_MODE_CBC) check_one_shot(&r, 1);
        if (chains(r.v->mode))
        {
            check_split(&r, 1);
            check_split(&r, 0);
        }
    }
}

/* The same CBC data through GnuTLS and through the nettle fallback, for every CBC cipher. */
static void test_cbc_backends(void)
{
    static const struct { const char *name; uint32_t cipher; const char *key; uint32_t ekb; } rows[] =
    {
        { "AES-192", BRIDGE_CIPHER_AES, "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b", 0 },
        { "DES", BRIDGE_CIPHER_DES, "133457799bbcdff1", 0 },
        { "3DES", BRIDGE_CIPHER_3DES, "0123456789abcdef23456789abcdef010123456789abcdef", 0 },
        { "RC2", BRIDGE_CIPHER_RC2, "88bca90e90875a7f0f79c384627bafb2", 40 },
    };
    struct bridge_cipher_state a, b;
    uint8_t plain[96], out_a[96], out_b[96], back[96];
    size_t i, j;

    for (j = 0; j < sizeof(plain); j++) plain[j] = (uint8_t)(j * 7 + 1);
    for (i = 0; i < sizeof(rows) / sizeof(rows[0]); i++)
    {
        state_init(&a, rows[i].cipher, BRIDGE_MODE_CBC, rows[i].key, rows[i].ekb, "0f0e0d0c0b0a09080706050403020100");
        state_init(&b, rows[i].cipher, BRIDGE_MODE_CBC, rows[i].key, rows[i].ekb, "0f0e0d0c0b0a09080706050403020100");
        force_nettle(&b);
        ok(!run_crypt(&a, plain, out_a, 48, 1) && !run_crypt(&a, plain + 48, out_a + 48, 48, 1), "%s CBC gnutls", rows[i].name);
        ok(!run_crypt(&b, plain, out_b, sizeof(plain), 1), "%s CBC nettle", rows[i].name);
        ok(!memcmp(out_a, out_b, sizeof(out_a)), "%s CBC: GnuTLS and nettle differ", rows[i].name);
        ok(b.gnutls_handle == UINT64_MAX, "%s: nettle path not taken", rows[i].name);
        if (rows[i].cipher != BRIDGE_CIPHER_RC2)
            ok(a.gnutls_handle && a.gnutls_handle != UINT64_MAX, "%s: no GnuTLS handle", rows[i].name);
        else
            ok(!a.gnutls_handle, "RC2 got a GnuTLS handle");
        state_release(&a);
        memcpy(a.chain, "\x0f\x0e\x0d\x0c\x0b\x0a\x09\x08\x07\x06\x05\x04\x03\x02\x01\x00", 16);
        ok(!run_crypt(&a, out_a, back, sizeof(back), 0) && !memcmp(back, plain, sizeof(plain)),
           "%s CBC decrypt after release recreates the handle", rows[i].name);
        state_release(&a);
        state_release(&b);
    }
}

/* GnuTLS refusing DES-CBC: the key remembers it (asks once) and nettle gives the same bytes. */
static void test_gnutls_refusal(void)
{
    struct bridge_cipher_state good, refused;
    uint8_t plain[24] = "DES refused by policy!!", out_good[24], out_refused[24];

    state_init(&good, BRIDGE_CIPHER_DES, BRIDGE_MODE_CBC, "133457799bbcdff1", 0, "0102030405060708");
    state_init(&refused, BRIDGE_CIPHER_DES, BRIDGE_MODE_CBC, "133457799bbcdff1", 0, "0102030405060708");
    run_crypt(&good, plain, out_good, 24, 1);
    refused_cipher = GNUTLS_CIPHER_DES_CBC;
    init_calls = 0;
    ok(!run_crypt(&refused, plain, out_refused, 8, 1) && !run_crypt(&refused, plain + 8, out_refused + 8, 16, 1),
       "refused DES-CBC");
    refused_cipher = GNUTLS_CIPHER_UNKNOWN;
    ok(init_calls == 1, "gnutls_cipher_init called %u times", init_calls);
    ok(refused.gnutls_handle == UINT64_MAX, "no sentinel: %#llx", (unsigned long long)refused.gnutls_handle);
    ok(!memcmp(out_good, out_refused, 24), "nettle fallback differs: %s", tohex(out_refused, 24));
    ok(!memcmp(good.chain, refused.chain, 8), "fallback chain differs");
    state_release(&good);
    state_release(&refused);
}

/* A new key (scheduled cleared by the PE side) must not reuse the old GnuTLS handle. */
static void test_key_change(void)
{
    static const uint8_t zero[16];
    struct bridge_cipher_state st, fresh;
    uint8_t out[16], want[16];

    state_init(&st, BRIDGE_CIPHER_AES, BRIDGE_MODE_CBC, AES128_KEY, 0, NULL);
    run_crypt(&st, zero, out, 16, 1);
    state_init(&fresh, BRIDGE_CIPHER_AES, BRIDGE_MODE_CBC, AES256_KEY, 0, NULL);
    run_crypt(&fresh, zero, want, 16, 1);

    st.key_len = 32;
    memcpy(st.key, fresh.key, 32);
    memset(st.chain, 0, sizeof(st.chain));
    st.scheduled = 0;
    ok(!run_crypt(&st, zero, out, 16, 1) && !memcmp(out, want, 16), "CBC after key change: %s", tohex(out, 16));

    /* mode change keeps the key: CBC -> ECB -> CBC */
    st.mode = BRIDGE_MODE_ECB; st.scheduled = 0;
    ok(!run_crypt(&st, zero, out, 16, 1) && !memcmp(out, want, 16), "ECB after mode change (zero IV CBC == ECB)");
    st.mode = BRIDGE_MODE_CBC; st.scheduled = 0;
    memset(st.chain, 0, sizeof(st.chain));
    ok(!run_crypt(&st, zero, out, 16, 1) && !memcmp(out, want, 16), "CBC after mode change back");
    state_release(&st);
    state_release(&fresh);
}

static void test_crypt_invalid(void)
{
    struct bridge_cipher_state st;
    uint8_t buf[64] = {0};

    state_init(&st, BRIDGE_CIPHER_AES, BRIDGE_MODE_CBC, AES128_KEY, 0, NULL);
    ok(run_crypt(&st, buf, buf, 15, 1) == BRIDGE_INVALID_PARAMETER, "CBC partial block");
    st.mode = BRIDGE_MODE_ECB;
    ok(run_crypt(&st, buf, buf, 17, 1) == BRIDGE_INVALID_PARAMETER, "ECB partial block");
    st.mode = BRIDGE_MODE_CFB8;
    ok(run_crypt(&st, buf, buf, 17, 1) == BRIDGE_SUCCESS, "CFB8 any length");
    ok(run_crypt(&st, NULL, NULL, 0, 1) == BRIDGE_SUCCESS, "zero length, no buffers");
    ok(run_crypt(&st, NULL, buf, 16, 1) == BRIDGE_INVALID_PARAMETER, "NULL input");
    st.mode = BRIDGE_MODE_GCM;
    ok(run_crypt(&st, buf, buf, 16, 1) == BRIDGE_INVALID_PARAMETER, "GCM through key_crypt");
    st.mode = BRIDGE_MODE_STREAM;
    ok(run_crypt(&st, buf, buf, 16, 1) == BRIDGE_INVALID_PARAMETER, "AES stream mode");
    st.mode = 0xdeadbeef; st.scheduled = 0;
    ok(run_crypt(&st, buf, buf, 16, 1) == BRIDGE_INVALID_PARAMETER, "garbage mode");
    st.mode = BRIDGE_MODE_ECB; st.key_len = 20;
    ok(run_crypt(&st, buf, buf, 16, 1) == BRIDGE_INVALID_PARAMETER, "AES 20-byte key");
    st.key_len = 0xffffffff;
    ok(run_crypt(&st, buf, buf, 16, 1) == BRIDGE_INVALID_PARAMETER, "huge key_len");
    st.cipher = 77; st.key_len = 16;
    ok(run_crypt(&st, buf, buf, 16, 1) == BRIDGE_INVALID_PARAMETER, "garbage cipher");
    st.cipher = BRIDGE_CIPHER_NONE;
    ok(run_crypt(&st, buf, buf, 16, 1) == BRIDGE_INVALID_PARAMETER, "cipher NONE");
    st.cipher = BRIDGE_CIPHER_RC4; st.mode = BRIDGE_MODE_CBC;
    ok(run_crypt(&st, buf, buf, 16, 1) == BRIDGE_INVALID_PARAMETER, "RC4 CBC");
    st.cipher = BRIDGE_CIPHER_RC4; st.mode = BRIDGE_MODE_STREAM; st.key_len = 65;
    ok(run_crypt(&st, buf, buf, 16, 1) == BRIDGE_INVALID_PARAMETER, "RC4 65-byte key");
    st.cipher = BRIDGE_CIPHER_RC2; st.mode = BRIDGE_MODE_ECB; st.key_len = 16; st.effective_bits = 1025;
    ok(run_crypt(&st, buf, buf, 16, 1) == BRIDGE_INVALID_PARAMETER, "RC2 ekb 1025");
    st.cipher = BRIDGE_CIPHER_DES; st.effective_bits = 0;
    ok(run_crypt(&st, buf, buf, 16, 1) == BRIDGE_INVALID_PARAMETER, "DES 16-byte key");
    ok(__wine_unix_call_funcs[BRIDGE_KEY_CRYPT](NULL) == BRIDGE_INVALID_PARAMETER, "NULL params");
    {
        struct key_crypt_params params = { 0, U64(buf), U64(buf), 16, 1 };
        ok(__wine_unix_call_funcs[BRIDGE_KEY_CRYPT](&params) == BRIDGE_INVALID_PARAMETER, "NULL state");
    }
}

/* ---- AEAD ---- */

struct aead_vector
{
    const char *name;
    uint32_t mode;
    const char *key, *nonce, *aad, *plain, *cipher_text, *tag;
};

#define GCM_KEY    "feffe9928665731c6d6a8f9467308308"
#define GCM_PLAIN  "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72" \
                   "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b39"
#define GCM_CIPHER "42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e" \
                   "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091"

static const struct aead_vector aead_vectors[] =
{
    /* McGrew & Viega, GCM spec test cases 3, 4 and 6 (60-byte IV) */
    { "GCM TC3", BRIDGE_MODE_GCM, GCM_KEY, "cafebabefacedbaddecaf888", "", GCM_PLAIN "1aafd255",
      GCM_CIPHER "473f5985", "4d5c2af327cd64a62cf35abd2ba6fab4" },
    { "GCM TC4", BRIDGE_MODE_GCM, GCM_KEY, "cafebabefacedbaddecaf888",
      "feedfacedeadbeeffeedfacedeadbeefabaddad2", GCM_PLAIN, GCM_CIPHER, "5bc94fbc3221a5db94fae95ae7121a47" },
    { "GCM TC6", BRIDGE_MODE_GCM, GCM_KEY,
      "9313225df88406e555909c5aff5269aa6a7a9538534f7da1e4c303d2a318a728"
      "c3c0c95156809539fcf0e2429a6b525416aedbf5a0de6a57a637b39b",
      "feedfacedeadbeeffeedfacedeadbeefabaddad2", GCM_PLAIN,
      "8ce24998625615b603a033aca13fb894be9112a5c3a211a8ba262a3cca7e2ca7"
      "01e4a9a4fba43c90ccdcb281d48c7c6fd62875d2aca417034c34aee5", "619cc5aefffe0bfa462af43c1699d050" },
    /* RFC 3610 packet vector #1; SP 800-38C example 1 */
    { "CCM RFC3610 #1", BRIDGE_MODE_CCM, "c0c1c2c3c4c5c6c7c8c9cacbcccdcecf", "00000003020100a0a1a2a3a4a5",
      "0001020304050607", "08090a0b0c0d0e0f101112131415161718191a1b1c1d1e",
      "588c979a61c663d2f066d0c2c0f989806d5f6b61dac384", "17e8d12cfdf926e0" },
    { "CCM 38C ex1", BRIDGE_MODE_CCM, "404142434445464748494a4b4c4d4e4f", "10111213141516",
      "0001020304050607", "20212223", "7162015b", "4dac255d" },
};

struct aead_buffers
{
    uint8_t nonce[64], aad[64], plain[MAX_BUF], expect[MAX_BUF], tag[16];
    size_t nonce_len, aad_len, len, tag_len;
};

static void aead_params(struct key_aead_params *p, struct bridge_cipher_state *st, const struct aead_buffers *b,
                        const uint8_t *in, uint8_t *out, size_t len, uint8_t *tag, int encrypt)
{
    memset(p, 0, sizeof(*p));
    p->state = U64(st);
    p->input = U64(in);
    p->output = U64(out);
    p->len = (uint32_t)len;
    p->nonce = U64(b->nonce);
    p->nonce_len = (uint32_t)b->nonce_len;
    p->auth_data = b->aad_len ? U64(b->aad) : 0;
    p->auth_len = (uint32_t)b->aad_len;
    p->tag = U64(tag);
    p->tag_len = (uint32_t)b->tag_len;
    p->encrypt = (uint32_t)encrypt;
}

static bridge_status aead(struct key_aead_params *p)
{
    return __wine_unix_call_funcs[BRIDGE_KEY_AEAD](p);
}

static void check_aead_one_shot(const struct aead_vector *v, const struct aead_buffers *b)
{
    struct bridge_cipher_state st;
    struct key_aead_params p;
    uint8_t out[MAX_BUF], tag[16];
    bridge_status status;

    state_init(&st, BRIDGE_CIPHER_AES, v->mode, v->key, 0, NULL);
    memset(out, 0xde, sizeof(out));
    aead_params(&p, &st, b, b->plain, out, b->len, tag, 1);
    status = aead(&p);
    ok(!status && !memcmp(out, b->expect, b->len), "%s encrypt: %#x %s", v->name, status, tohex(out, b->len));
    ok(!memcmp(tag, b->tag, b->tag_len), "%s tag: %s", v->name, tohex(tag, b->tag_len));

    memcpy(out, b->expect, b->len);
    memcpy(tag, b->tag, b->tag_len);
    aead_params(&p, &st, b, out, out, b->len, tag, 0);
    status = aead(&p);
    ok(!status && !memcmp(out, b->plain, b->len), "%s in-place decrypt: %#x %s", v->name, status, tohex(out, b->len));

    tag[b->tag_len - 1] ^= 1;
    status = aead(&p);
    ok(status == BRIDGE_AUTH_TAG_MISMATCH, "%s bad tag: %#x", v->name, status);
    state_release(&st);
}

/* Two chained calls (a 16-byte multiple, then the rest) equal one shot, in either direction;
 * the second call runs on a duplicate key to show the key holds no message state. */
static void check_gcm_chained(const struct aead_vector *v, const struct aead_buffers *b, int encrypt)
{
    struct bridge_cipher_state st, dup;
    struct key_aead_params p;
    uint8_t out[MAX_BUF], tag[16], mac[16];
    const uint8_t *in = encrypt ? b->plain : b->expect, *want = encrypt ? b->expect : b->plain;
    size_t split = 32;
    bridge_status s1, s2;

    state_init(&st, BRIDGE_CIPHER_AES, v->mode, v->key, 0, NULL);
    memcpy(tag, b->tag, b->tag_len);
    aead_params(&p, &st, b, in, out, split, tag, encrypt);
    p.flags = BRIDGE_AEAD_CONTINUES;
    p.mac_context = U64(mac);
    s1 = aead(&p);
    ok(!s1 && p.data_done == split && p.aad_done == b->aad_len, "%s chained 1: %#x done %llu/%u", v->name, s1,
       (unsigned long long)p.data_done, p.aad_done);

    state_duplicate(&dup, &st);
    p.state = U64(&dup);
    p.input = U64(in + split);
    p.output = U64(out + split);
    p.len = (uint32_t)(b->len - split);
    p.auth_data = 0;  /* AAD belongs to the first call */
    p.auth_len = 0;
    p.flags = BRIDGE_AEAD_STARTED;
    if (!encrypt) memcpy(tag, b->tag, b->tag_len);
    s2 = aead(&p);
    ok(!s2 && !memcmp(out, want, b->len), "%s chained %s: %#x %s", v->name, encrypt ? "encrypt" : "decrypt",
       s2, tohex(out, b->len));
    if (encrypt) ok(!memcmp(tag, b->tag, b->tag_len), "%s chained tag: %s", v->name, tohex(tag, b->tag_len));
    state_release(&st);
    state_release(&dup);
}

/* Three calls: AAD alone, then one block (STARTED|CONTINUES), then the rest. */
static void check_gcm_three_calls(const struct aead_vector *v, const struct aead_buffers *b)
{
    struct bridge_cipher_state st;
    struct key_aead_params p;
    uint8_t out[MAX_BUF], tag[16], mac[16];
    bridge_status s1, s2, s3;

    state_init(&st, BRIDGE_CIPHER_AES, v->mode, v->key, 0, NULL);
    aead_params(&p, &st, b, NULL, NULL, 0, tag, 1);
    p.mac_context = U64(mac);
    p.flags = BRIDGE_AEAD_CONTINUES;
    s1 = aead(&p);
    p.auth_data = 0; p.auth_len = 0;
    p.input = U64(b->plain); p.output = U64(out); p.len = 16;
    p.flags = BRIDGE_AEAD_CONTINUES | BRIDGE_AEAD_STARTED;
    s2 = aead(&p);
    p.input = U64(b->plain + 16); p.output = U64(out + 16); p.len = (uint32_t)(b->len - 16);
    p.flags = BRIDGE_AEAD_STARTED;
    s3 = aead(&p);
    ok(!s1 && !s2 && !s3 && !memcmp(out, b->expect, b->len) && !memcmp(tag, b->tag, b->tag_len),
       "%s three calls: %#x %#x %#x tag %s", v->name, s1, s2, s3, tohex(tag, b->tag_len));
    state_release(&st);
}

static void test_aead_vectors(void)
{
    struct aead_buffers b;
    size_t i;

    for (i = 0; i < sizeof(aead_vectors) / sizeof(aead_vectors[0]); i++)
    {
        const struct aead_vector *v = &aead_vectors[i];

        b.nonce_len = unhex(v->nonce, b.nonce);
        b.aad_len = unhex(v->aad, b.aad);
        b.len = unhex(v->plain, b.plain);
        b.tag_len = unhex(v->tag, b.tag);
        if (!ok(unhex(v->cipher_text, b.expect) == b.len, "row %zu: bad vector lengths", i)) continue;
        check_aead_one_shot(v, &b);
        if (v->mode != BRIDGE_MODE_GCM) continue;
        check_gcm_chained(v, &b, 1);
        check_gcm_chained(v, &b, 0);
        check_gcm_three_calls(v, &b);
    }
}

/* A non-96-bit nonce (J0 from GHASH) resumes correctly at several split points. */
static void test_gcm_odd_nonce_split(void)
{
    static const char nonce_hex[] = "00112233445566778899aabbccddeeff0011";  /* 18 bytes: J0 via GHASH */
    struct bridge_cipher_state st;
    struct aead_buffers b;
    struct key_aead_params p;
    uint8_t one[MAX_BUF], two[MAX_BUF], tag1[16], tag2[16], mac[16];
    size_t i;

    memset(&b, 0, sizeof(b));
    b.nonce_len = unhex(nonce_hex, b.nonce);
    b.len = 160;
    b.tag_len = 16;
    for (i = 0; i < b.len; i++) b.plain[i] = (uint8_t)i;
    state_init(&st, BRIDGE_CIPHER_AES, BRIDGE_MODE_GCM, AES128_KEY, 0, NULL);
    aead_params(&p, &st, &b, b.plain, one, b.len, tag1, 1);
    ok(!aead(&p), "GCM 18-byte nonce one shot");
    for (i = 16; i < b.len; i += 48)
    {
        aead_params(&p, &st, &b, b.plain, two, i, tag2, 1);
        p.mac_context = U64(mac);
        p.flags = BRIDGE_AEAD_CONTINUES;
        aead(&p);
        p.input = U64(b.plain + i); p.output = U64(two + i); p.len = (uint32_t)(b.len - i);
        p.flags = BRIDGE_AEAD_STARTED;
        ok(!aead(&p) && !memcmp(one, two, b.len) && !memcmp(tag1, tag2, 16), "GCM odd nonce split at %zu", i);
    }
    state_release(&st);
}

/* Resuming far into a message: the counter wraps mod 2^32 inside J0 (inc32), no carry into the nonce. */
static void test_gcm_counter_wrap(void)
{
    static const uint8_t nonce[12] = { 0xca, 0xfe, 0xba, 0xbe, 0xfa, 0xce, 0xdb, 0xad, 0xde, 0xca, 0xf8, 0x88 };
    struct bridge_cipher_state st;
    struct aead_buffers b;
    struct key_aead_params p;
    struct aes128_ctx aes;
    uint8_t counter[32], want[32], out[32], tag[16], mac[16] = {0};
    size_t i;

    memset(&b, 0, sizeof(b));
    memcpy(b.nonce, nonce, 12);
    b.nonce_len = 12;
    b.tag_len = 16;
    state_init(&st, BRIDGE_CIPHER_AES, BRIDGE_MODE_GCM, GCM_KEY, 0, NULL);
    /* J0 = nonce || 1, so after 0xfffffffe blocks the next counters are 0 and 1 */
    memcpy(counter, nonce, 12); memset(counter + 12, 0, 4);
    memcpy(counter + 16, nonce, 12); memcpy(counter + 28, "\0\0\0\1", 4);
    aes128_set_encrypt_key(&aes, st.key);
    aes128_encrypt(&aes, 32, want, counter);
    for (i = 0; i < 32; i++) b.plain[i] = (uint8_t)i, want[i] ^= (uint8_t)i;
    aead_params(&p, &st, &b, b.plain, out, 32, tag, 1);
    p.mac_context = U64(mac);
    p.flags = BRIDGE_AEAD_STARTED | BRIDGE_AEAD_CONTINUES;
    p.data_done = 16ull * 0xfffffffe;
    ok(!aead(&p) && !memcmp(out, want, 32), "GCM counter wrap: %s", tohex(out, 32));
    ok(p.data_done == 16ull * 0xfffffffe + 32, "GCM data_done after wrap %llu", (unsigned long long)p.data_done);
    state_release(&st);
}

static void test_aead_invalid(void)
{
    struct bridge_cipher_state st;
    struct aead_buffers b;
    struct key_aead_params p;
    uint8_t buf[64] = {0}, tag[16], mac[16];

    memset(&b, 0, sizeof(b));
    b.nonce_len = 12; b.tag_len = 16; b.len = 32;
    state_init(&st, BRIDGE_CIPHER_AES, BRIDGE_MODE_GCM, AES128_KEY, 0, NULL);
    aead_params(&p, &st, &b, buf, buf, 17, tag, 1);
    p.mac_context = U64(mac);
    p.flags = BRIDGE_AEAD_CONTINUES;
    ok(aead(&p) == BRIDGE_INVALID_PARAMETER, "GCM chained call of 17 bytes");
    p.flags = BRIDGE_AEAD_STARTED; p.data_done = 17;
    ok(aead(&p) == BRIDGE_INVALID_PARAMETER, "GCM resume at 17");
    p.flags = 4; p.data_done = 0;
    ok(aead(&p) == BRIDGE_INVALID_PARAMETER, "GCM unknown flag");
    p.flags = 0; p.tag_len = 17;
    ok(aead(&p) == BRIDGE_INVALID_PARAMETER, "GCM tag 17");
    p.tag_len = 16; p.nonce_len = 0;
    ok(aead(&p) == BRIDGE_INVALID_PARAMETER, "GCM empty nonce");
    p.nonce_len = 12; p.flags = BRIDGE_AEAD_CONTINUES; p.mac_context = 0; p.len = 16;
    ok(aead(&p) == BRIDGE_INVALID_PARAMETER, "GCM chained without MAC context");
    p.flags = 0; p.len = 0; p.input = 0; p.output = 0;
    ok(aead(&p) == BRIDGE_SUCCESS, "GCM tag over nothing");

    st.mode = BRIDGE_MODE_CBC; st.scheduled = 0;
    ok(aead(&p) == BRIDGE_INVALID_PARAMETER, "AEAD on a CBC key");
    state_release(&st);
    state_init(&st, BRIDGE_CIPHER_3DES, BRIDGE_MODE_GCM, "0123456789abcdef23456789abcdef01456789abcdef0123", 0, NULL);
    ok(aead(&p) == BRIDGE_INVALID_PARAMETER, "3DES GCM");

    state_init(&st, BRIDGE_CIPHER_AES, BRIDGE_MODE_CCM, AES128_KEY, 0, NULL);
    aead_params(&p, &st, &b, buf, buf, 16, tag, 1);
    p.nonce_len = 12; p.tag_len = 8; p.mac_context = U64(mac);
    p.flags = BRIDGE_AEAD_CONTINUES;
    ok(aead(&p) == BRIDGE_NOT_SUPPORTED, "CCM chained");
    p.flags = BRIDGE_AEAD_STARTED;
    ok(aead(&p) == BRIDGE_NOT_SUPPORTED, "CCM resumed");
    p.flags = 0; p.nonce_len = 6;
    ok(aead(&p) == BRIDGE_INVALID_PARAMETER, "CCM nonce 6");
    p.nonce_len = 14;
    ok(aead(&p) == BRIDGE_INVALID_PARAMETER, "CCM nonce 14");
    p.nonce_len = 13; p.tag_len = 5;
    ok(aead(&p) == BRIDGE_INVALID_PARAMETER, "CCM tag 5");
    p.tag_len = 18;
    ok(aead(&p) == BRIDGE_INVALID_PARAMETER, "CCM tag 18");
    p.tag_len = 16; p.len = 0x10000;  /* L = 2 holds at most 65535 bytes; never touched */
    ok(aead(&p) == BRIDGE_INVALID_PARAMETER, "CCM message too long for a 13-byte nonce");
    p.len = 16;
    ok(aead(&p) == BRIDGE_SUCCESS, "CCM 13-byte nonce, 16-byte tag");
    state_release(&st);
}

/* Concurrent first use of one GCM key: the schedule is built once, results agree. */
struct thread_arg { struct bridge_cipher_state *st; uint8_t out[64], tag[16]; bridge_status status; };

static void *gcm_thread(void *ctx)
{
    struct thread_arg *arg = ctx;
    static const uint8_t nonce[12] = { 1, 2, 3 }, plain[64] = { 9 };
    struct key_aead_params p;
    int i;

    for (i = 0; i < 200; i++)
    {
        memset(&p, 0, sizeof(p));
        p.state = U64(arg->st); p.input = U64(plain); p.output = U64(arg->out); p.len = 64;
        p.nonce = U64(nonce); p.nonce_len = 12; p.tag = U64(arg->tag); p.tag_len = 16; p.encrypt = 1;
        arg->status |= aead(&p);
    }
    return NULL;
}

static void test_gcm_threads(void)
{
    struct bridge_cipher_state st;
    struct thread_arg args[4];
    pthread_t threads[4];
    int i, round;

    for (round = 0; round < 20; round++)
    {
        state_init(&st, BRIDGE_CIPHER_AES, BRIDGE_MODE_GCM, AES256_KEY, 0, NULL);
        memset(args, 0, sizeof(args));
        for (i = 0; i < 4; i++) { args[i].st = &st; pthread_create(&threads[i], NULL, gcm_thread, &args[i]); }
        for (i = 0; i < 4; i++) pthread_join(threads[i], NULL);
        for (i = 1; i < 4; i++)
            if (!ok(!args[i].status && !memcmp(args[0].out, args[i].out, 64) && !memcmp(args[0].tag, args[i].tag, 16),
                    "round %d thread %d disagrees", round, i)) break;
        ok(st.scheduled == 1, "round %d: scheduled %u", round, st.scheduled);
    }
}

int main(void)
{
    test_crypt_vectors();
    test_cbc_backends();
    test_gnutls_refusal();
    test_key_change();
    test_crypt_invalid();
    test_aead_vectors();
    test_gcm_odd_nonce_split();
    test_gcm_counter_wrap();
    test_aead_invalid();
    test_gcm_threads();
    printf("%u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}
