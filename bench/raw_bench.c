/*
 * raw_bench: the same primitives as cng_bench.exe, called directly from a
 * Linux process through GnuTLS and nettle.  This is the "raw" column that
 * our bcrypt.dll is measured against.
 *
 * Build: gcc -O2 -Wall bench/raw_bench.c -o build/bench/raw_bench $(pkg-config --cflags --libs gnutls nettle)
 * Run:   raw_bench [quick]
 *
 * Output, one result a line, same names as cng_bench where the operation is
 * the same (see the comment at each benchmark for what "the same" means):
 *     bench NAME VALUE UNIT  |  bench NAME n/a ERROR  |  info KEY VALUE...
 */
#define _GNU_SOURCE
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include <nettle/aes.h>
#include <nettle/arcfour.h>
#include <nettle/cbc.h>
#include <nettle/sha2.h>
#include <nettle/version.h>

#define MIB          (1024 * 1024)
#define REPS         9
#define REP_SECONDS  0.01

static int quick;
static uint8_t *buf_in, *buf_out;
static uint8_t key_bytes[32] = "0123456789abcdefghijklmnopqrstu";
static uint8_t iv_init[16] = "fedcba987654321";

static void result(const char *name, double value, const char *unit)
{
    printf("bench %s %.6g %s\n", name, value, unit);
    fflush(stdout);
}

static void failed(const char *name, int err)
{
    printf("bench %s n/a gnutls%d\n", name, err);
    fflush(stdout);
}

static double now(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* One benchmark: run `iters` operations; 0 or a negative GnuTLS error. */
typedef int (*op_fn)(void *ctx, unsigned int iters);

/* Best seconds per operation, exactly as cng_bench's time_op(). */
static double time_op(op_fn fn, void *ctx, int *err)
{
    unsigned int iters = 1;
    double best, t, target = quick ? REP_SECONDS / 4 : REP_SECONDS;
    int rep;

    if ((*err = fn(ctx, 1))) return -1;
    for (;;)
    {
        t = now();
        if ((*err = fn(ctx, iters))) return -1;
        t = now() - t;
        if (t >= target || iters >= (1u << 30)) break;
        iters = t > target / 64 ? (unsigned int)(iters * target * 1.2 / t) + 1 : iters * 8;
    }
    best = t / iters;
    for (rep = 1; rep < (quick ? 2 : REPS); rep++)
    {
        t = now();
        if ((*err = fn(ctx, iters))) return -1;
        t = (now() - t) / iters;
        if (t < best) best = t;
    }
    return best;
}

static void run(const char *name, op_fn fn, void *ctx, double bytes_per_op)
{
    int err = 0;
    double secs = time_op(fn, ctx, &err);

    if (secs <= 0) failed(name, err ? err : -1);
    else if (bytes_per_op > 0) result(name, bytes_per_op / secs / 1e6, "MB/s");
    else result(name, secs * 1e9, "ns/op");
}

/* Keeps the compiler from dropping work whose result is otherwise unused. */
static volatile uint8_t sink;

/* ---- GnuTLS CBC: one handle, the IV chains across calls like CNG's pbIV ---- */

struct gnutls_ctx
{
    gnutls_cipher_hd_t hd;
    size_t len;
    int encrypt;
    int set_iv;     /* set the IV before each call, as a CNG call with pbIV does */
};

static int op_gnutls_cbc(void *arg, unsigned int iters)
{
    struct gnutls_ctx *c = arg;
    int err;

    while (iters--)
    {
        if (c->set_iv) gnutls_cipher_set_iv(c->hd, iv_init, 16);
        err = c->encrypt ? gnutls_cipher_encrypt2(c->hd, buf_in, c->len, buf_out, c->len)
                         : gnutls_cipher_decrypt2(c->hd, buf_in, c->len, buf_out, c->len);
        if (err < 0) return err;
    }
    return 0;
}

static void bench_gnutls_cbc(const char *name, size_t len, int encrypt, int set_iv, int per_call)
{
    gnutls_datum_t key = { key_bytes, 32 }, iv = { iv_init, 16 };
    struct gnutls_ctx c = { NULL, len, encrypt, set_iv };
    int err;

    if ((err = gnutls_cipher_init(&c.hd, GNUTLS_CIPHER_AES_256_CBC, &key, &iv)) < 0) { failed(name, err); return; }
    run(name, op_gnutls_cbc, &c, per_call ? 0 : len);
    gnutls_cipher_deinit(c.hd);
}

/* ---- GnuTLS GCM: one message per op (nonce, 16 bytes AAD, data, tag) ---- */

static int op_gnutls_gcm(void *arg, unsigned int iters)
{
    struct gnutls_ctx *c = arg;
    uint8_t nonce[12] = "nonce-12byte", aad[16] = "associated data", tag[16];
    int err;

    while (iters--)
    {
        gnutls_cipher_set_iv(c->hd, nonce, sizeof(nonce));
        if ((err = gnutls_cipher_add_auth(c->hd, aad, sizeof(aad))) < 0) return err;
        if ((err = gnutls_cipher_encrypt2(c->hd, buf_in, c->len, buf_out, c->len)) < 0) return err;
        if ((err = gnutls_cipher_tag(c->hd, tag, sizeof(tag))) < 0) return err;
        sink = tag[0];
        nonce[0]++;
    }
    return 0;
}

static void bench_gnutls_gcm(const char *name, size_t len, int per_call)
{
    gnutls_datum_t key = { key_bytes, 32 };
    struct gnutls_ctx c = { NULL, len, 1, 0 };
    int err;

    if ((err = gnutls_cipher_init(&c.hd, GNUTLS_CIPHER_AES_256_GCM, &key, NULL)) < 0) { failed(name, err); return; }
    run(name, op_gnutls_gcm, &c, per_call ? 0 : len);
    gnutls_cipher_deinit(c.hd);
}

/* ---- nettle ECB, SHA-256, RC4 ---- */

static int op_ecb(void *arg, unsigned int iters)
{
    while (iters--) aes128_encrypt(arg, MIB, buf_out, buf_in);
    return 0;
}

static int op_sha256(void *arg, unsigned int iters)
{
    struct sha256_ctx ctx;
    uint8_t digest[SHA256_DIGEST_SIZE];

    (void)arg;
    while (iters--)
    {
        sha256_init(&ctx);
        sha256_update(&ctx, MIB, buf_in);
        sha256_digest(&ctx, sizeof(digest), digest);
        sink = digest[0];
    }
    return 0;
}

static int op_rc4(void *arg, unsigned int iters)
{
    while (iters--) arcfour_crypt(arg, MIB, buf_out, buf_in);
    return 0;
}

/* ---- key lifecycle ---- */

/* The ideal BCryptDuplicateKey + 16-byte CBC encrypt: copy a nettle aes256 context, encrypt. */
struct dup_ctx
{
    struct aes256_ctx src;
    int use;
};

static int op_ctx_copy(void *arg, unsigned int iters)
{
    struct dup_ctx *d = arg;
    struct aes256_ctx copy;
    uint8_t iv[16], out[16];

    while (iters--)
    {
        memcpy(&copy, &d->src, sizeof(copy));
        __asm__ volatile("" : : "r"(&copy) : "memory");
        if (d->use)
        {
            memcpy(iv, iv_init, sizeof(iv));
            cbc_encrypt(&copy, (nettle_cipher_func *)aes256_encrypt, 16, iv, 16, out, buf_in);
            sink = out[0];
        }
    }
    return 0;
}

static int op_set_key(void *arg, unsigned int iters)
{
    struct aes256_ctx ctx;

    (void)arg;
    while (iters--)
    {
        aes256_set_encrypt_key(&ctx, key_bytes);
        __asm__ volatile("" : : "r"(&ctx) : "memory");
    }
    return 0;
}

/* GnuTLS handle life: init + deinit, optionally with one 16-byte CBC encrypt. */
static int op_gnutls_life(void *arg, unsigned int iters)
{
    gnutls_datum_t key = { key_bytes, 32 }, iv = { iv_init, 16 };
    gnutls_cipher_hd_t hd;
    int use = *(int *)arg, err;
    uint8_t out[16];

    while (iters--)
    {
        if ((err = gnutls_cipher_init(&hd, GNUTLS_CIPHER_AES_256_CBC, &key, &iv)) < 0) return err;
        if (use && (err = gnutls_cipher_encrypt2(hd, buf_in, 16, out, 16)) < 0)
        {
            gnutls_cipher_deinit(hd);
            return err;
        }
        gnutls_cipher_deinit(hd);
    }
    return 0;
}

int main(int argc, char **argv)
{
    struct aes128_ctx aes128;
    struct arcfour_ctx rc4;
    struct dup_ctx dup;
    int use;
    size_t i;

    quick = argc > 1 && !strcmp(argv[1], "quick");
    if (!(buf_in = aligned_alloc(4096, MIB)) || !(buf_out = aligned_alloc(4096, MIB)))
    {
        printf("info error cannot allocate buffers\n");
        return 1;
    }
    for (i = 0; i < MIB; i++) buf_in[i] = (uint8_t)(i * 31 + 7);
    memset(buf_out, 0, MIB);
    printf("info gnutls %s nettle %d.%d\n", gnutls_check_version(NULL), nettle_version_major(), nettle_version_minor());
    fflush(stdout);

    bench_gnutls_cbc("aes256_cbc_enc_1m", MIB, 1, 0, 0);
    bench_gnutls_cbc("aes256_cbc_dec_1m", MIB, 0, 0, 0);
    aes128_set_encrypt_key(&aes128, key_bytes);
    run("aes128_ecb_enc_1m", op_ecb, &aes128, MIB);
    bench_gnutls_gcm("aes256_gcm_enc_1m", MIB, 0);
    bench_gnutls_cbc("aes256_cbc_enc_64b", 64, 1, 1, 1);        /* set_iv + encrypt2 */
    bench_gnutls_cbc("aes256_cbc_enc_64b_noiv", 64, 1, 0, 1);   /* encrypt2 only */
    bench_gnutls_gcm("aes256_gcm_enc_64b", 64, 1);
    run("sha256_1m", op_sha256, NULL, MIB);
    arcfour_set_key(&rc4, 16, key_bytes);
    run("rc4_1m", op_rc4, &rc4, MIB);

    /* Object sizes: the nettle contexts a minimal key / hash object needs. */
    result("objlen_sha256", sizeof(struct sha256_ctx), "bytes");
    result("objlen_aes", sizeof(struct aes256_ctx), "bytes");

    /* genkey rows: a GnuTLS handle's life is the raw cost of a usable key */
    use = 0;
    run("genkey_destroy", op_gnutls_life, &use, 0);
    use = 1;
    run("genkey_enc16_destroy", op_gnutls_life, &use, 0);

    /* dupkey rows: copy an expanded nettle context (what a duplicate needs at least) */
    aes256_set_encrypt_key(&dup.src, key_bytes);
    dup.use = 0;
    run("dupkey_alloc_only", op_ctx_copy, &dup, 0);
    dup.use = 1;
    run("dupkey_alloc_enc16", op_ctx_copy, &dup, 0);
    run("dupkey_buf_enc16", op_ctx_copy, &dup, 0);

    /* raw-only reference points */
    dup.use = 0;
    run("raw_nettle_aes256_ctx_copy", op_ctx_copy, &dup, 0);
    run("raw_nettle_aes256_set_key", op_set_key, NULL, 0);
    use = 0;
    run("raw_gnutls_cipher_init_deinit", op_gnutls_life, &use, 0);

    printf("info done\n");
    fflush(stdout);
    return 0;
}
