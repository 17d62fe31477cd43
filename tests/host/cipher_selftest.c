/*
 * Host self-test of cipher_unix.c, called through unix_main.c's call table
 * exactly as Wine would dispatch.  The Makefile builds it against every
 * bridge unix source into build/host/cipher_selftest.
 *
 * Prints "N passed, N failed"; exits non-zero on any failure.
 */
#define _GNU_SOURCE  /* RTLD_NEXT */
#include <dlfcn.h>
#include <pthread.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <sched.h>
#include <unistd.h>
#include <sys/wait.h>
#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include <nettle/aes.h>
#include <nettle/gcm.h>
#include "unix_private.h"

typedef bridge_status (*unixlib_entry)(void *args);
extern const unixlib_entry __wine_unix_call_funcs[];


static unsigned int passed, failed;
static const char *fail_context = "";

/*
 * Interposes GnuTLS so a test can make it refuse a cipher (as a policy that
 * disables DES would), see which path a call took, count live handles, and
 * stop a thread in the middle of a GnuTLS call.
 */
static gnutls_cipher_algorithm_t refused_cipher = GNUTLS_CIPHER_UNKNOWN;
static unsigned int init_calls;
static int live_handles;                      /* made minus freed, all threads */
static __thread unsigned int gcm_tag_calls;   /* GnuTLS GCM messages this thread finished */
static __thread void (*encrypt2_hook)(void);  /* runs once, inside this thread's next encrypt2 */

#define REAL(name) ({ static __typeof__(name) *real_; \
                      if (!real_) { *(void **)&real_ = dlsym(RTLD_NEXT, #name); } real_; })

int gnutls_cipher_init(gnutls_cipher_hd_t *handle, gnutls_cipher_algorithm_t cipher,
                       const gnutls_datum_t *key, const gnutls_datum_t *iv)
{
    int ret;

    __atomic_add_fetch(&init_calls, 1, __ATOMIC_RELAXED);
    if (cipher == refused_cipher) return GNUTLS_E_UNWANTED_ALGORITHM;
    if ((ret = REAL(gnutls_cipher_init)(handle, cipher, key, iv)) >= 0)
        __atomic_add_fetch(&live_handles, 1, __ATOMIC_RELAXED);
    return ret;
}

static void aes128_encrypt_fn(const void *ctx, size_t len, uint8_t *dst, const uint8_t *src)
{
    aes128_encrypt(ctx, len, dst, src);
}

static void aes256_encrypt_fn(const void *ctx, size_t len, uint8_t *dst, const uint8_t *src)
{
    aes256_encrypt(ctx, len, dst, src);
}

/*
 * In the table-GHASH child (see main) gcm_set_key also fills the rest of
 * struct gcm_key, as nettle's C GHASH (CPUs without PCLMUL) does with its 4 KB
 * table: cipher_unix.c must then find the GHASH key too big to keep.
 */
static int ghash_table_like;

/* The leading bytes of struct gcm_key that gcm_set_key writes, as cipher_unix.c probes it. */
static size_t ghash_written(void (*set_key)(struct gcm_key *, const void *, nettle_cipher_func *))
{
    union { struct gcm_key key; uint8_t bytes[sizeof(struct gcm_key)]; } probe[2];
    struct aes128_ctx aes;
    size_t size;

    memset(&aes, 0, sizeof(aes));
    memset(&probe[0], 0x00, sizeof(probe[0]));
    memset(&probe[1], 0xff, sizeof(probe[1]));
    set_key(&probe[0].key, &aes, aes128_encrypt_fn);
    set_key(&probe[1].key, &aes, aes128_encrypt_fn);
    for (size = sizeof(struct gcm_key); size > 1; size--)
        if (probe[0].bytes[size - 1] != 0x00 || probe[1].bytes[size - 1] != 0xff) break;
    return size;
}

void nettle_gcm_set_key(struct gcm_key *key, const void *cipher, nettle_cipher_func *f)
{
    static size_t real_size;

    REAL(nettle_gcm_set_key)(key, cipher, f);
    if (!ghash_table_like) return;
    if (!real_size) real_size = ghash_written(REAL(nettle_gcm_set_key));
    memset((uint8_t *)key + real_size, 0x5a, sizeof(*key) - real_size);   /* never read by GHASH */
}

/* The handle of a hooked message from its encrypt2 to its tag: freeing it then is a bug. */
static gnutls_cipher_hd_t watched_handle;
static unsigned int freed_while_watched;

void gnutls_cipher_deinit(gnutls_cipher_hd_t handle)
{
    __atomic_sub_fetch(&live_handles, 1, __ATOMIC_RELAXED);
    if (handle == __atomic_load_n(&watched_handle, __ATOMIC_ACQUIRE))
        __atomic_add_fetch(&freed_while_watched, 1, __ATOMIC_RELAXED);
    REAL(gnutls_cipher_deinit)(handle);
}

int gnutls_cipher_tag(gnutls_cipher_hd_t handle, void *tag, size_t tag_size)
{
    int ret = REAL(gnutls_cipher_tag)(handle, tag, tag_size);

    gcm_tag_calls++;
    if (handle == __atomic_load_n(&watched_handle, __ATOMIC_ACQUIRE))
        __atomic_store_n(&watched_handle, NULL, __ATOMIC_RELEASE);
    return ret;
}

int gnutls_cipher_encrypt2(gnutls_cipher_hd_t handle, const void *ptext, size_t ptext_len,
                           void *ctext, size_t ctext_len)
{
    void (*hook)(void) = encrypt2_hook;

    encrypt2_hook = NULL;
    if (hook)
    {
        __atomic_store_n(&watched_handle, handle, __ATOMIC_RELEASE);
        hook();
    }
    return REAL(gnutls_cipher_encrypt2)(handle, ptext, ptext_len, ctext, ctext_len);
}

#define ok(cond, ...) ok_(__LINE__, (cond), __VA_ARGS__)
static int ok_(int line, int cond, const char *fmt, ...) __attribute__((format(printf, 3, 4)));
static int ok_(int line, int cond, const char *fmt, ...)
{
    va_list args;

    if (cond) { passed++; return 1; }
    failed++;
    printf("line %d: FAIL: %s", line, fail_context);
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

/* Make a CBC key hold its GnuTLS handle before the call under test: a long
 * first call makes it at once (a short one would run on nettle). */
static void force_gnutls(struct bridge_cipher_state *st)
{
    static uint8_t block[512];
    uint8_t chain[BRIDGE_MAX_BLOCK_LEN];

    memcpy(chain, st->chain, sizeof(chain));
    run_crypt(st, block, block, sizeof(block), 1);
    memcpy(st->chain, chain, sizeof(chain));
}

enum path { PATH_ANY, PATH_NETTLE, PATH_GNUTLS };
static const char *const path_names[] = { "", " (nettle)", " (gnutls)" };

static void force_path(struct bridge_cipher_state *st, enum path path)
{
    if (path == PATH_NETTLE) force_nettle(st);
    if (path == PATH_GNUTLS) force_gnutls(st);
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
#define SP800_38A_IV_BYTES "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x09\x0a\x0b\x0c\x0d\x0e\x0f"

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
static void check_one_shot(const struct crypt_run *r, enum path path)
{
    const struct crypt_vector *v = r->v;
    struct bridge_cipher_state st;
    uint8_t buf[MAX_BUF], buf2[MAX_BUF];
    bridge_status status;

    state_init(&st, v->cipher, v->mode, v->key, v->effective_bits, v->iv);
    force_path(&st, path);
    memset(buf, 0xde, sizeof(buf));
    status = run_crypt(&st, r->plain, buf, r->len, 1);
    ok(!status && !memcmp(buf, r->expect, r->len), "%s%s encrypt: %#x %s", v->name,
       path_names[path], status, tohex(buf, r->len));
    ok(st.scheduled == 1, "%s: scheduled %u", v->name, st.scheduled);
    if (v->mode == BRIDGE_MODE_CBC || v->mode == BRIDGE_MODE_CFB8)
        ok(!memcmp(st.chain, r->expect + r->len - block_lens[v->cipher], block_lens[v->cipher]),
           "%s: chain after encrypt %s", v->name, tohex(st.chain, 16));
    if (path == PATH_NETTLE) ok(st.gnutls_handle == UINT64_MAX, "%s: sentinel kept", v->name);
    if (path == PATH_GNUTLS) ok(live_handles == 1, "%s: %d live GnuTLS handles", v->name, live_handles);
    state_release(&st);

    state_init(&st, v->cipher, v->mode, v->key, v->effective_bits, v->iv);
    force_path(&st, path);
    status = run_crypt(&st, r->expect, buf2, r->len, 0);
    ok(!status && !memcmp(buf2, r->plain, r->len), "%s%s decrypt: %#x %s", v->name, path_names[path], status, tohex(buf2, r->len));
    if (v->mode == BRIDGE_MODE_CBC || v->mode == BRIDGE_MODE_CFB8)
        ok(!memcmp(st.chain, r->expect + r->len - block_lens[v->cipher], block_lens[v->cipher]),
           "%s: chain after decrypt %s", v->name, tohex(st.chain, 16));
    state_release(&st);

    state_init(&st, v->cipher, v->mode, v->key, v->effective_bits, v->iv);
    force_path(&st, path);
    memcpy(buf, r->expect, r->len);
    status = run_crypt(&st, buf, buf, r->len, 0);
    ok(!status && !memcmp(buf, r->plain, r->len), "%s%s in-place decrypt: %#x %s", v->name, path_names[path], status, tohex(buf, r->len));
    if (v->mode == BRIDGE_MODE_CBC || v->mode == BRIDGE_MODE_CFB8)
        ok(!memcmp(st.chain, r->expect + r->len - block_lens[v->cipher], block_lens[v->cipher]),
           "%s: chain after in-place decrypt", v->name);
    memcpy(buf, r->plain, r->len);
    state_release(&st);

    state_init(&st, v->cipher, v->mode, v->key, v->effective_bits, v->iv);
    force_path(&st, path);
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
        check_one_shot(&r, PATH_ANY);
        if (r.v->mode == BRIDGE_MODE_CBC)
        {
            check_one_shot(&r, PATH_NETTLE);
            check_one_shot(&r, PATH_GNUTLS);
        }
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

/* A new key (scheduled cleared by the PE side) must not reuse the old GnuTLS handle.
 * 512-byte calls: long enough that the first call makes the handle. */
static void test_key_change(void)
{
    static const uint8_t zero[512];
    struct bridge_cipher_state st, fresh;
    uint8_t out[512], want[512];

    state_init(&st, BRIDGE_CIPHER_AES, BRIDGE_MODE_CBC, AES128_KEY, 0, NULL);
    run_crypt(&st, zero, out, sizeof(out), 1);
    ok(live_handles == 1, "AES-128 key has no GnuTLS handle: %d", live_handles);
    state_init(&fresh, BRIDGE_CIPHER_AES, BRIDGE_MODE_CBC, AES256_KEY, 0, NULL);
    run_crypt(&fresh, zero, want, sizeof(want), 1);

    st.key_len = 32;
    memcpy(st.key, fresh.key, 32);
    memset(st.chain, 0, sizeof(st.chain));
    st.scheduled = 0;
    ok(!run_crypt(&st, zero, out, sizeof(out), 1) && !memcmp(out, want, sizeof(out)), "CBC after key change: %s",
       tohex(out, 16));
    ok(live_handles == 2, "old handle not dropped on key change: %d live", live_handles);

    /* mode change keeps the key: CBC -> ECB -> CBC */
    st.mode = BRIDGE_MODE_ECB; st.scheduled = 0;
    ok(!run_crypt(&st, zero, out, 16, 1) && !memcmp(out, want, 16), "ECB after mode change (zero IV CBC == ECB)");
    st.mode = BRIDGE_MODE_CBC; st.scheduled = 0;
    memset(st.chain, 0, sizeof(st.chain));
    ok(!run_crypt(&st, zero, out, sizeof(out), 1) && !memcmp(out, want, sizeof(out)), "CBC after mode change back");
    state_release(&st);
    state_release(&fresh);
}

/* A short first CBC call on a key without a handle (a fresh key or duplicate) runs on
 * the ready nettle schedule; the next call makes the handle; a long first call makes it at once. */
static void test_cbc_short_first_call(void)
{
    struct bridge_cipher_state st, dup, ref;
    uint8_t plain[1024], want[1024], out[1024];
    unsigned int inits;
    size_t i;

    for (i = 0; i < sizeof(plain); i++) plain[i] = (uint8_t)(i * 13 + 5);
    memset(out, 0, sizeof(out));
    state_init(&ref, BRIDGE_CIPHER_AES, BRIDGE_MODE_CBC, AES256_KEY, 0, SP800_38A_IV);
    force_nettle(&ref);
    run_crypt(&ref, plain, want, sizeof(want), 1);

    state_init(&st, BRIDGE_CIPHER_AES, BRIDGE_MODE_CBC, AES256_KEY, 0, SP800_38A_IV);
    inits = init_calls;
    ok(!run_crypt(&st, plain, out, 256, 1) && init_calls == inits && !live_handles,
       "short first call: %u gnutls_cipher_init, %d live", init_calls - inits, live_handles);
    state_duplicate(&dup, &st);
    ok(!run_crypt(&st, plain + 256, out + 256, 64, 1) && init_calls == inits + 1 && live_handles == 1,
       "second call: %u gnutls_cipher_init, %d live", init_calls - inits, live_handles);
    ok(!run_crypt(&st, plain + 320, out + 320, sizeof(plain) - 320, 1) && init_calls == inits + 1
       && !memcmp(out, want, sizeof(out)), "short, short, long CBC: %s", tohex(out + 320, 16));

    /* the duplicate taken after the first call: its own short first call is nettle again */
    memset(out + 256, 0, sizeof(out) - 256);
    ok(!run_crypt(&dup, plain + 256, out + 256, 16, 1) && init_calls == inits + 1
       && !run_crypt(&dup, plain + 272, out + 272, sizeof(plain) - 272, 1) && init_calls == inits + 2
       && !memcmp(out, want, sizeof(out)), "duplicate: short then long CBC");
    ok(live_handles == 2, "%d live handles", live_handles);
    state_release(&dup);
    state_release(&st);

    state_init(&st, BRIDGE_CIPHER_AES, BRIDGE_MODE_CBC, AES256_KEY, 0, SP800_38A_IV);
    ok(!run_crypt(&st, plain, out, 272, 1) && init_calls == inits + 3 && live_handles == 1
       && !memcmp(out, want, 272), "long first call makes the handle: %u", init_calls - inits);
    memcpy(st.chain, SP800_38A_IV_BYTES, 16);
    ok(!run_crypt(&st, want, out, 272, 0) && !memcmp(out, plain, 272), "long first call, decrypt");
    state_release(&st);

    /* short first decrypt, in place */
    state_init(&st, BRIDGE_CIPHER_AES, BRIDGE_MODE_CBC, AES256_KEY, 0, SP800_38A_IV);
    memcpy(out, want, 64);
    ok(!run_crypt(&st, out, out, 64, 0) && !memcmp(out, plain, 64) && !live_handles, "short first decrypt");
    ok(!memcmp(st.chain, want + 48, 16), "short first decrypt: chain");
    state_release(&st);
    state_release(&ref);
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
    uint8_t counter[32], want[32], out[32] = {0}, tag[16], mac[16] = {0};
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
        state_release(&st);
    }
}

/* ---- GCM on GnuTLS (one-shot, 12-byte nonce) and on nettle ---- */

#define AES192_KEY "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b"
#define GCM_MAX 4200

struct gcm_msg
{
    const uint8_t *nonce, *aad;
    size_t nonce_len, aad_len, tag_len;
};

/* The reference: nettle's own all-in-one GCM, independent of cipher_unix.c. */
static void gcm_reference(const struct bridge_cipher_state *st, const struct gcm_msg *m, const uint8_t *in,
                          uint8_t *out, size_t len, uint8_t *tag)
{
    union { struct gcm_aes128_ctx a128; struct gcm_aes192_ctx a192; struct gcm_aes256_ctx a256; } ctx;

#define GCM_REF(bits) \
    gcm_aes##bits##_set_key(&ctx.a##bits, st->key); \
    gcm_aes##bits##_set_iv(&ctx.a##bits, m->nonce_len, m->nonce); \
    gcm_aes##bits##_update(&ctx.a##bits, m->aad_len, m->aad); \
    gcm_aes##bits##_encrypt(&ctx.a##bits, len, out, in); \
    gcm_aes##bits##_digest(&ctx.a##bits, m->tag_len, tag)
    if (st->key_len == 16) { GCM_REF(128); }
    else if (st->key_len == 24) { GCM_REF(192); }
    else { GCM_REF(256); }
#undef GCM_REF
}

static bridge_status gcm_one_shot(struct bridge_cipher_state *st, const struct gcm_msg *m, const uint8_t *in,
                                  uint8_t *out, size_t len, uint8_t *tag, int encrypt)
{
    struct key_aead_params p;

    memset(&p, 0, sizeof(p));
    p.state = U64(st); p.input = U64(in); p.output = U64(out); p.len = (uint32_t)len;
    p.nonce = U64(m->nonce); p.nonce_len = (uint32_t)m->nonce_len;
    p.auth_data = m->aad_len ? U64(m->aad) : 0; p.auth_len = (uint32_t)m->aad_len;
    p.tag = U64(tag); p.tag_len = (uint32_t)m->tag_len; p.encrypt = (uint32_t)encrypt;
    return aead(&p);
}

/* The same message as chained calls (the nettle path): AAD and the first whole blocks
 * up to `chunk`, then `chunk` bytes a call, the last call taking the rest. */
static bridge_status gcm_chained(struct bridge_cipher_state *st, const struct gcm_msg *m, const uint8_t *in,
                                 uint8_t *out, size_t len, uint8_t *tag, int encrypt, size_t chunk)
{
    struct key_aead_params p;
    uint8_t mac[16];
    size_t n = len / 16 * 16 < chunk ? len / 16 * 16 : chunk;
    bridge_status status;

    memset(&p, 0, sizeof(p));
    p.state = U64(st); p.nonce = U64(m->nonce); p.nonce_len = (uint32_t)m->nonce_len;
    p.auth_data = m->aad_len ? U64(m->aad) : 0; p.auth_len = (uint32_t)m->aad_len;
    p.tag = U64(tag); p.tag_len = (uint32_t)m->tag_len; p.encrypt = (uint32_t)encrypt;
    p.mac_context = U64(mac);
    p.flags = BRIDGE_AEAD_CONTINUES;
    for (;;)
    {
        p.input = U64(in + p.data_done); p.output = U64(out + p.data_done); p.len = (uint32_t)n;
        if ((status = aead(&p)) || !(p.flags & BRIDGE_AEAD_CONTINUES)) return status;
        p.auth_data = 0; p.auth_len = 0;   /* AAD belongs to the first call */
        n = len - p.data_done;
        p.flags = BRIDGE_AEAD_STARTED | (n > chunk ? BRIDGE_AEAD_CONTINUES : 0);
        if (n > chunk) n = chunk;
    }
}

/* One GCM call to build the schedule, then the sentinel: every later message runs on nettle. */
static void force_gcm_nettle(struct bridge_cipher_state *st)
{
    static const uint8_t nonce[12];
    const struct gcm_msg m = { nonce, NULL, 12, 0, 16 };
    uint8_t tag[16];

    gcm_one_shot(st, &m, NULL, NULL, 0, tag, 1);
    state_release(st);
    st->gnutls_handle = UINT64_MAX;
}

static uint8_t gcm_plain[GCM_MAX], gcm_aad[64];

static void gcm_fill(void)
{
    size_t i;

    for (i = 0; i < sizeof(gcm_plain); i++) gcm_plain[i] = (uint8_t)(i * 31 + 7);
    for (i = 0; i < sizeof(gcm_aad); i++) gcm_aad[i] = (uint8_t)(i * 17 + 3);
}

/* What cipher_unix.c relies on to keep only part of struct gcm_key: GHASH reads no byte
 * gcm_set_key did not write, and which bytes it writes does not depend on the key. */
static void test_ghash_key_prefix(void)
{
    static const uint8_t nonce[12] = "prefix only!";
    const struct gcm_msg m = { nonce, gcm_aad, 12, 20, 16 };
    size_t size = ghash_written(nettle_gcm_set_key);
    struct bridge_cipher_state st;
    union { struct gcm_key key; uint8_t bytes[sizeof(struct gcm_key)]; } full, partial, other;
    struct gcm_ctx ctx;
    struct aes256_ctx aes, aes2;
    uint8_t out[300], want[300], tag[16], want_tag[16];
    size_t i;

    printf("nettle's GHASH key: %zu of %zu bytes of struct gcm_key\n", size, sizeof(struct gcm_key));
    state_init(&st, BRIDGE_CIPHER_AES, BRIDGE_MODE_GCM, AES256_KEY, 0, NULL);
    gcm_reference(&st, &m, gcm_plain, want, sizeof(want), want_tag);
    aes256_set_encrypt_key(&aes, st.key);
    memset(&full, 0x00, sizeof(full));
    memset(&other, 0xff, sizeof(other));
    gcm_set_key(&full.key, &aes, aes256_encrypt_fn);
    aes256_set_encrypt_key(&aes2, st.key + 1);   /* another key */
    gcm_set_key(&other.key, &aes2, aes256_encrypt_fn);
    for (i = size; i < sizeof(full); i++) if (full.bytes[i] != 0x00 || other.bytes[i] != 0xff) break;
    ok(i == sizeof(full), "gcm_set_key wrote byte %zu of a second key's struct only", i);

    memset(&partial, 0xa5, sizeof(partial));
    memcpy(&partial, &full, size);
    gcm_set_iv(&ctx, &partial.key, sizeof(nonce), nonce);
    gcm_update(&ctx, &partial.key, m.aad_len, m.aad);
    gcm_encrypt(&ctx, &partial.key, &aes, aes256_encrypt_fn, sizeof(out), out, gcm_plain);
    gcm_digest(&ctx, &partial.key, &aes, aes256_encrypt_fn, sizeof(tag), tag);
    ok(!memcmp(out, want, sizeof(out)) && !memcmp(tag, want_tag, 16), "GHASH read past the %zu bytes gcm_set_key wrote",
       size);
}

/* GnuTLS and nettle give the reference ciphertext and tag for every length, AAD and tag size.
 * One-shot messages of gnutls_from bytes or more must take GnuTLS (shorter ones may run on
 * nettle when the key holds its GHASH key). */
static void test_gcm_backends(size_t gnutls_from)
{
    static const char *const keys[] = { AES128_KEY, AES192_KEY, AES256_KEY };
    static const size_t lens[] = { 0, 1, 15, 16, 17, 63, 64, 100, 255, 256, 1000, 4099 };
    static const size_t aad_lens[] = { 0, 13, 20, 64 };
    static uint8_t want[GCM_MAX], out[GCM_MAX], back[GCM_MAX];
    uint8_t nonce[12] = "gcm backends", want_tag[16], tag[16];
    struct bridge_cipher_state g, n;
    bridge_status s1, s2;
    unsigned int tags;
    size_t k, i;

    for (k = 0; k < 3; k++)
    {
        state_init(&g, BRIDGE_CIPHER_AES, BRIDGE_MODE_GCM, keys[k], 0, NULL);
        state_init(&n, BRIDGE_CIPHER_AES, BRIDGE_MODE_GCM, keys[k], 0, NULL);
        force_gcm_nettle(&n);
        for (i = 0; i < sizeof(lens) / sizeof(lens[0]); i++)
        {
            const struct gcm_msg m = { nonce, gcm_aad, 12, aad_lens[i % 4], 12 + i % 5 };
            size_t len = lens[i];

            nonce[0] = (uint8_t)i;
            gcm_reference(&g, &m, gcm_plain, want, len, want_tag);

            /* encrypt: GnuTLS (one tag call per message), nettle (none) */
            tags = gcm_tag_calls;
            memset(out, 0xde, sizeof(out)); memset(tag, 0xde, sizeof(tag));
            s1 = gcm_one_shot(&g, &m, gcm_plain, out, len, tag, 1);
            ok(!s1 && !memcmp(out, want, len) && !memcmp(tag, want_tag, m.tag_len) && out[len] == 0xde
               && (len < gnutls_from || gcm_tag_calls == tags + 1), "AES-%zu GCM one-shot len %zu aad %zu tag %zu: "
               "%#x %s", 128 + 64 * k, len, m.aad_len, m.tag_len, s1, tohex(tag, m.tag_len));
            tags = gcm_tag_calls;
            memset(out, 0xde, sizeof(out)); memset(tag, 0xde, sizeof(tag));
            s2 = gcm_one_shot(&n, &m, gcm_plain, out, len, tag, 1);
            ok(!s2 && !memcmp(out, want, len) && !memcmp(tag, want_tag, m.tag_len) && out[len] == 0xde
               && gcm_tag_calls == tags, "AES-%zu GCM nettle len %zu aad %zu tag %zu: %#x %s", 128 + 64 * k,
               len, m.aad_len, m.tag_len, s2, tohex(tag, m.tag_len));

            /* decrypt: in place on GnuTLS, out of place on nettle; a wrong tag fails on both */
            memcpy(back, want, len); memcpy(tag, want_tag, 16);
            ok(!gcm_one_shot(&g, &m, back, back, len, tag, 0) && !memcmp(back, gcm_plain, len),
               "AES-%zu GCM one-shot in-place decrypt len %zu", 128 + 64 * k, len);
            ok(!gcm_one_shot(&n, &m, want, back, len, tag, 0) && !memcmp(back, gcm_plain, len),
               "AES-%zu GCM nettle decrypt len %zu", 128 + 64 * k, len);
            tag[m.tag_len - 1] ^= 0x80;
            s1 = gcm_one_shot(&g, &m, want, back, len, tag, 0);
            s2 = gcm_one_shot(&n, &m, want, back, len, tag, 0);
            ok(s1 == BRIDGE_AUTH_TAG_MISMATCH && s2 == BRIDGE_AUTH_TAG_MISMATCH, "AES-%zu GCM bad tag len %zu: %#x %#x",
               128 + 64 * k, len, s1, s2);
            ok(len < gnutls_from || gcm_tag_calls == tags + 2, "AES-%zu GCM len %zu: %u GnuTLS decrypts, expected 2",
               128 + 64 * k, len, gcm_tag_calls - tags);

            /* chained calls (nettle, on the GnuTLS key) == one shot, both directions */
            memset(out, 0xde, sizeof(out)); memset(tag, 0xde, sizeof(tag));
            s1 = gcm_chained(&g, &m, gcm_plain, out, len, tag, 1, i % 2 ? 32 : 1024);
            ok(!s1 && !memcmp(out, want, len) && !memcmp(tag, want_tag, m.tag_len), "AES-%zu GCM chained len %zu: %#x",
               128 + 64 * k, len, s1);
            memcpy(tag, want_tag, 16);
            s2 = gcm_chained(&g, &m, want, back, len, tag, 0, 48);
            ok(!s2 && !memcmp(back, gcm_plain, len), "AES-%zu GCM chained decrypt len %zu: %#x", 128 + 64 * k, len, s2);
        }
        ok(live_handles == 1, "AES-%zu GCM: %d live handles", 128 + 64 * k, live_handles);
        state_release(&g);
        state_release(&n);
    }
}

/* Thread B runs a whole message while thread A is inside GnuTLS with the key's GCM handle. */
static struct
{
    struct bridge_cipher_state *st, *dup;
    uint8_t out[512], back[512], tag[16];
    bridge_status enc, dec;
    unsigned int gnutls_messages;
    int drop;          /* release the key (drop its handle) from thread C while A uses it */
    int dropper_started;
    bridge_status drop_status;
    pthread_t dropper;
} contention;

static const uint8_t contention_nonce[12] = "thread B!!!!";

static void *contention_thread(void *unused)
{
    const struct gcm_msg m = { contention_nonce, gcm_aad, 12, 20, 16 };

    (void)unused;
    contention.enc = gcm_one_shot(contention.st, &m, gcm_plain, contention.out, 333, contention.tag, 1);
    contention.dec = gcm_one_shot(contention.st, &m, contention.out, contention.back, 333, contention.tag, 0);
    contention.gnutls_messages = gcm_tag_calls;
    return NULL;
}

/* Thread C releases the key (BCryptDestroyKey racing a call): must wait for A's message. */
static void *dropper_thread(void *unused)
{
    struct key_release_params params = { U64(contention.st) };

    (void)unused;
    __atomic_store_n(&contention.dropper_started, 1, __ATOMIC_RELEASE);
    contention.drop_status = __wine_unix_call_funcs[BRIDGE_KEY_RELEASE](&params);
    return NULL;
}

static void contention_hook(void)
{
    static const struct timespec give_c_time = { 0, 20 * 1000 * 1000 };
    pthread_t thread;

    if (contention.dup) state_duplicate(contention.dup, contention.st);
    if (contention.drop)
    {
        /* A goes on with its message once C is (most likely) waiting in the release */
        pthread_create(&contention.dropper, NULL, dropper_thread, NULL);
        while (!__atomic_load_n(&contention.dropper_started, __ATOMIC_ACQUIRE)) sched_yield();
        nanosleep(&give_c_time, NULL);
        return;
    }
    pthread_create(&thread, NULL, contention_thread, NULL);
    pthread_join(thread, NULL);
}

static void test_gcm_contention(void)
{
    static const uint8_t nonce_a[12] = "thread A!!!!";
    const struct gcm_msg ma = { nonce_a, NULL, 12, 0, 16 }, mb = { contention_nonce, gcm_aad, 12, 20, 16 };
    static uint8_t out[1000], want[1000];
    uint8_t tag[16], want_tag[16], want_b[512], want_tag_b[16];
    struct bridge_cipher_state st, dup;
    unsigned int tags;

    state_init(&st, BRIDGE_CIPHER_AES, BRIDGE_MODE_GCM, AES256_KEY, 0, NULL);
    gcm_reference(&st, &ma, gcm_plain, want, sizeof(want), want_tag);
    gcm_reference(&st, &mb, gcm_plain, want_b, 333, want_tag_b);

    /* busy handle: B takes the nettle path, A's message is unharmed */
    memset(&contention, 0, sizeof(contention));
    contention.st = &st;
    contention.dup = &dup;
    tags = gcm_tag_calls;
    encrypt2_hook = contention_hook;
    ok(!gcm_one_shot(&st, &ma, gcm_plain, out, sizeof(out), tag, 1) && !memcmp(out, want, sizeof(out))
       && !memcmp(tag, want_tag, 16) && gcm_tag_calls == tags + 1, "GCM thread A (GnuTLS) while B runs");
    ok(!contention.enc && !memcmp(contention.out, want_b, 333) && !memcmp(contention.tag, want_tag_b, 16),
       "GCM thread B (nettle) while A holds the handle: %#x", contention.enc);
    ok(!contention.dec && !memcmp(contention.back, gcm_plain, 333), "GCM thread B decrypt: %#x", contention.dec);
    ok(!contention.gnutls_messages, "thread B used the busy GnuTLS handle %u times", contention.gnutls_messages);
    ok(live_handles == 1, "%d live handles", live_handles);

    /* the handle is free again afterwards; the copy taken mid-message has its own */
    ok(!dup.gnutls_handle, "duplicate taken mid-message kept a handle");
    ok(!gcm_one_shot(&st, &ma, gcm_plain, out, sizeof(out), tag, 1) && !memcmp(tag, want_tag, 16)
       && gcm_tag_calls == tags + 2, "GCM handle released after the message");
    ok(!gcm_one_shot(&dup, &ma, gcm_plain, out, sizeof(out), tag, 1) && !memcmp(out, want, sizeof(out))
       && !memcmp(tag, want_tag, 16) && gcm_tag_calls == tags + 3 && live_handles == 2,
       "duplicate taken mid-message: own handle, %d live", live_handles);
    state_release(&dup);
    ok(!gcm_one_shot(&st, &ma, gcm_plain, out, sizeof(out), tag, 1) && !memcmp(tag, want_tag, 16)
       && live_handles == 1, "original after the duplicate's release");

    /* released while busy: the release waits for the message, then frees the handle once */
    memset(&contention, 0, sizeof(contention));
    contention.st = &st;
    contention.drop = 1;
    freed_while_watched = 0;
    encrypt2_hook = contention_hook;
    ok(!gcm_one_shot(&st, &ma, gcm_plain, out, sizeof(out), tag, 1) && !memcmp(out, want, sizeof(out))
       && !memcmp(tag, want_tag, 16), "GCM message whose key was released mid-way");
    pthread_join(contention.dropper, NULL);
    ok(!contention.drop_status && !freed_while_watched, "release racing a message: %#x, freed under it %u times",
       contention.drop_status, freed_while_watched);
    ok(!st.gnutls_handle && !live_handles, "released mid-message: %#llx, %d live",
       (unsigned long long)st.gnutls_handle, live_handles);
    state_release(&st);
}

/* Four threads, one key, different messages: every result is right, whichever path it took. */
struct gcm_worker { struct bridge_cipher_state *st; int id; unsigned int bad, gnutls_messages; };

static void *gcm_worker_thread(void *ctx)
{
    struct gcm_worker *w = ctx;
    uint8_t nonce[12] = "worker", out[600], want[600], tag[16], want_tag[16];
    int i;

    for (i = 0; i < 300; i++)
    {
        const struct gcm_msg m = { nonce, gcm_aad, 12, (size_t)(i % 3) * 10, 16 };
        size_t len = (size_t)(i * 37 + w->id * 11) % sizeof(out);

        nonce[8] = (uint8_t)w->id; nonce[9] = (uint8_t)i; nonce[10] = (uint8_t)(i >> 8);
        gcm_reference(w->st, &m, gcm_plain, want, len, want_tag);
        if (gcm_one_shot(w->st, &m, gcm_plain, out, len, tag, 1) || memcmp(out, want, len)
            || memcmp(tag, want_tag, 16))
            w->bad++;
        if (gcm_one_shot(w->st, &m, out, out, len, tag, 0) || memcmp(out, gcm_plain, len)) w->bad++;
    }
    w->gnutls_messages = gcm_tag_calls;
    return NULL;
}

static void test_gcm_threads_correct(void)
{
    struct bridge_cipher_state st;
    struct gcm_worker workers[4];
    pthread_t threads[4];
    unsigned int gnutls_messages = 0;
    int i;

    state_init(&st, BRIDGE_CIPHER_AES, BRIDGE_MODE_GCM, AES128_KEY, 0, NULL);
    for (i = 0; i < 4; i++)
    {
        workers[i] = (struct gcm_worker){ &st, i, 0, 0 };
        pthread_create(&threads[i], NULL, gcm_worker_thread, &workers[i]);
    }
    for (i = 0; i < 4; i++)
    {
        pthread_join(threads[i], NULL);
        ok(!workers[i].bad, "GCM worker %d: %u wrong results", i, workers[i].bad);
        gnutls_messages += workers[i].gnutls_messages;
    }
    ok(gnutls_messages > 0 && gnutls_messages <= 4 * 600, "%u of 2400 messages on GnuTLS", gnutls_messages);
    ok(live_handles == 1, "four threads, one key: %d live handles", live_handles);
    state_release(&st);
}

/* A duplicate of a key whose GCM handle is live makes its own; each works after the other's release. */
static void test_gcm_duplicate(void)
{
    static const uint8_t nonce[12] = "duplicate!!!";
    const struct gcm_msg m = { nonce, gcm_aad, 12, 16, 16 };
    static uint8_t out[1000], want[1000];
    uint8_t tag[16], want_tag[16];
    struct bridge_cipher_state st, dup;
    unsigned int tags = gcm_tag_calls;

    state_init(&st, BRIDGE_CIPHER_AES, BRIDGE_MODE_GCM, AES192_KEY, 0, NULL);
    gcm_reference(&st, &m, gcm_plain, want, sizeof(want), want_tag);
    ok(!gcm_one_shot(&st, &m, gcm_plain, out, sizeof(out), tag, 1) && live_handles == 1, "GCM key with a handle");
    state_duplicate(&dup, &st);
    ok(!gcm_one_shot(&dup, &m, gcm_plain, out, sizeof(out), tag, 1) && !memcmp(out, want, sizeof(out))
       && !memcmp(tag, want_tag, 16) && live_handles == 2, "GCM duplicate: %d live", live_handles);
    state_release(&st);
    ok(!gcm_one_shot(&dup, &m, want, out, sizeof(out), tag, 0) && !memcmp(out, gcm_plain, sizeof(out))
       && live_handles == 1, "GCM duplicate after the original's release");
    ok(gcm_tag_calls == tags + 3, "GCM duplicate: %u GnuTLS messages", gcm_tag_calls - tags);
    state_release(&dup);
}

/* One key switching between CBC and GCM: each mode gets a handle of its own kind, and a
 * handle of the other kind (as a call racing the switch could leave) is never used. */
static void test_gcm_mode_switch(void)
{
    static const uint8_t nonce[12] = "mode switch!";
    const struct gcm_msg m = { nonce, NULL, 12, 0, 16 };
    static uint8_t out[512], cbc_want[512], gcm_want[512];
    uint8_t tag[16], want_tag[16];
    struct bridge_cipher_state st, ref, other;
    unsigned int tags;
    uint64_t swap;

    state_init(&ref, BRIDGE_CIPHER_AES, BRIDGE_MODE_CBC, AES256_KEY, 0, SP800_38A_IV);
    force_nettle(&ref);
    run_crypt(&ref, gcm_plain, cbc_want, sizeof(cbc_want), 1);
    state_init(&st, BRIDGE_CIPHER_AES, BRIDGE_MODE_CBC, AES256_KEY, 0, SP800_38A_IV);
    gcm_reference(&st, &m, gcm_plain, gcm_want, sizeof(gcm_want), want_tag);

    ok(!run_crypt(&st, gcm_plain, out, sizeof(out), 1) && !memcmp(out, cbc_want, sizeof(out)) && live_handles == 1,
       "CBC with a handle");
    st.mode = BRIDGE_MODE_GCM; st.scheduled = 0;
    tags = gcm_tag_calls;
    ok(!gcm_one_shot(&st, &m, gcm_plain, out, sizeof(out), tag, 1) && !memcmp(out, gcm_want, sizeof(out))
       && !memcmp(tag, want_tag, 16) && gcm_tag_calls == tags + 1 && live_handles == 1, "CBC -> GCM");
    st.mode = BRIDGE_MODE_CBC; st.scheduled = 0;
    memcpy(st.chain, SP800_38A_IV_BYTES, 16);
    ok(!run_crypt(&st, gcm_plain, out, sizeof(out), 1) && !memcmp(out, cbc_want, sizeof(out)) && live_handles == 1,
       "GCM -> CBC");
    memcpy(st.chain, SP800_38A_IV_BYTES, 16);
    ok(!run_crypt(&st, cbc_want, out, sizeof(out), 0) && !memcmp(out, gcm_plain, sizeof(out)), "GCM -> CBC decrypt");

    state_release(&st);

    /* a handle of the other kind in a ready key (as a call racing a mode switch could leave
     * it) is never used: plant one key's CBC handle in a GCM key and its GCM handle in a CBC key */
    state_init(&st, BRIDGE_CIPHER_AES, BRIDGE_MODE_CBC, AES256_KEY, 0, SP800_38A_IV);
    state_init(&other, BRIDGE_CIPHER_AES, BRIDGE_MODE_GCM, AES256_KEY, 0, NULL);
    run_crypt(&st, gcm_plain, out, sizeof(out), 1);
    gcm_one_shot(&other, &m, gcm_plain, out, sizeof(out), tag, 1);
    ok(live_handles == 2, "a CBC and a GCM handle: %d live", live_handles);
    swap = st.gnutls_handle; st.gnutls_handle = other.gnutls_handle; other.gnutls_handle = swap;
    tags = gcm_tag_calls;
    ok(!gcm_one_shot(&other, &m, gcm_plain, out, sizeof(out), tag, 1) && !memcmp(out, gcm_want, sizeof(out))
       && !memcmp(tag, want_tag, 16) && gcm_tag_calls == tags, "GCM key holding a CBC handle");
    memcpy(st.chain, SP800_38A_IV_BYTES, 16);
    ok(!run_crypt(&st, gcm_plain, out, sizeof(out), 1) && !memcmp(out, cbc_want, sizeof(out)),
       "CBC key holding a GCM handle");
    memcpy(st.chain, SP800_38A_IV_BYTES, 16);
    ok(!run_crypt(&st, cbc_want, out, sizeof(out), 0) && !memcmp(out, gcm_plain, sizeof(out)),
       "CBC key holding a GCM handle, decrypt");
    ok(gcm_tag_calls == tags, "CBC calls used the GCM handle");
    state_release(&st);
    state_release(&other);
    state_release(&ref);
}

/*
 * The GCM tests again as on a CPU without PCLMUL, where nettle's GHASH key is a
 * whole 4 KB table that keys do not keep.  In a child forked before any GCM
 * use, because cipher_unix.c measures the GHASH key once per process.
 */
static void run_table_ghash_child(void)
{
    unsigned int counts[2] = { 0, 1 };
    int fds[2], status;
    pid_t child;

    fflush(stdout);
    if (!ok(!pipe(fds), "pipe")) return;
    if (!(child = fork()))
    {
        ghash_table_like = 1;
        fail_context = "(table GHASH) ";
        gcm_fill();
        test_aead_vectors();
        test_gcm_odd_nonce_split();
        test_gcm_counter_wrap();
        test_gcm_backends(0);   /* no GHASH key in the schedule: every one-shot on GnuTLS */
        test_gcm_threads();
        ok(!live_handles, "%d GnuTLS handles never freed", live_handles);
        counts[0] = passed; counts[1] = failed;
        fflush(stdout);
        _exit(write(fds[1], counts, sizeof(counts)) == sizeof(counts) ? 0 : 1);
    }
    close(fds[1]);
    ok(child > 0 && read(fds[0], counts, sizeof(counts)) == sizeof(counts)
       && waitpid(child, &status, 0) == child && WIFEXITED(status) && !WEXITSTATUS(status), "table-GHASH child");
    close(fds[0]);
    passed += counts[0];
    failed += counts[1];
}

int main(void)
{
    run_table_ghash_child();
    test_crypt_vectors();
    test_cbc_backends();
    test_gnutls_refusal();
    test_key_change();
    test_cbc_short_first_call();
    test_crypt_invalid();
    test_aead_vectors();
    test_gcm_odd_nonce_split();
    test_gcm_counter_wrap();
    test_aead_invalid();
    test_gcm_threads();
    gcm_fill();
    test_ghash_key_prefix();
    test_gcm_backends(256);
    test_gcm_contention();
    test_gcm_threads_correct();
    test_gcm_duplicate();
    test_gcm_mode_switch();
    ok(!live_handles, "%d GnuTLS handles never freed", live_handles);
    printf("%u passed, %u failed\n", passed, failed);
    return failed ? 1 : 0;
}
