/*
 * cng_bench: speed and memory of whichever bcrypt.dll the process loaded.
 *
 * Build: x86_64-w64-mingw32-gcc -O2 -Wall -Iinclude bench/cng_bench.c \
 *            -o build/bench/cng_bench.exe -lbcrypt -lpsapi
 * Run:   wine cng_bench.exe [quick]     (bench/run.sh does this for ours and builtin)
 *
 * Output, on stdout only, one result a line:
 *     bench NAME VALUE UNIT        a measurement
 *     bench NAME n/a 0xSTATUS      a call failed (or crashed: 0xC0000005)
 *     info KEY VALUE...            context (which bcrypt.dll, timer)
 * Names match bench/raw_bench.c where the two measure the same thing.
 * Speeds are the best of REPS repetitions, each long enough (>= REP_SECONDS)
 * for the timer; MB/s means 10^6 bytes per second.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <setjmp.h>
#include <ntstatus.h>
#define WIN32_NO_STATUS
#include <windows.h>
#include <bcrypt.h>
#include <psapi.h>
#include "cng_compat.h"

#define MIB           (1024 * 1024)
#define REPS          9
#define REP_SECONDS   0.01
#define DUP_COUNT     10000

static double qpc_freq;
static int quick;

/* ---- output ----------------------------------------------------------------- */

static void result(const char *name, double value, const char *unit)
{
    printf("bench %s %.6g %s\n", name, value, unit);
    fflush(stdout);
}

static void failed(const char *name, NTSTATUS status)
{
    printf("bench %s n/a 0x%08lx\n", name, (unsigned long)status);
    fflush(stdout);
}

/* ---- crash guard -------------------------------------------------------------
 * A benchmark that faults (e.g. a builtin that mishandles a call) must not end
 * the run: the vectored handler redirects the faulting thread to a landing
 * function that longjmps back to the harness, which reports n/a. */

static jmp_buf guard_jmp;
static volatile LONG guard_armed;
static volatile NTSTATUS guard_code;

static void guard_landing(void)
{
    __builtin_longjmp(guard_jmp, 1);
}

static LONG CALLBACK guard_handler(EXCEPTION_POINTERS *info)
{
    NTSTATUS code = (NTSTATUS)info->ExceptionRecord->ExceptionCode;

    if (!guard_armed) return EXCEPTION_CONTINUE_SEARCH;
    if (code != EXCEPTION_ACCESS_VIOLATION && code != EXCEPTION_ILLEGAL_INSTRUCTION
        && code != EXCEPTION_INT_DIVIDE_BY_ZERO && code != EXCEPTION_STACK_OVERFLOW
        && code != EXCEPTION_PRIV_INSTRUCTION && code != (NTSTATUS)0xC0000409 /* stack buffer overrun */)
        return EXCEPTION_CONTINUE_SEARCH;
    guard_armed = 0;
    guard_code = code;
    /* continue at guard_landing on a fresh, aligned part of the stack */
    info->ContextRecord->Rsp = ((info->ContextRecord->Rsp - 4096) & ~(DWORD64)15) - 8;
    info->ContextRecord->Rip = (DWORD64)(ULONG_PTR)guard_landing;
    return EXCEPTION_CONTINUE_EXECUTION;
}

/* ---- timing ------------------------------------------------------------------- */

static double now(void)
{
    LARGE_INTEGER t;
    QueryPerformanceCounter(&t);
    return (double)t.QuadPart / qpc_freq;
}

/* One benchmark: run `iters` operations, return 0 or the first failure. */
typedef NTSTATUS (*op_fn)(void *ctx, unsigned int iters);

/*
 * Best seconds per operation over REPS repetitions.  The first call checks
 * that the operation works at all; iterations are then scaled until one
 * repetition takes REP_SECONDS.  Returns < 0 with *status set on failure.
 */
static double time_op(op_fn fn, void *ctx, NTSTATUS *status)
{
    unsigned int iters = 1;
    double best = 1e30, t, target = quick ? REP_SECONDS / 4 : REP_SECONDS;
    int rep;

    if ((*status = fn(ctx, 1))) return -1;          /* works at all; warms up */
    for (;;)
    {
        t = now();
        if ((*status = fn(ctx, iters))) return -1;
        t = now() - t;
        if (t >= target || iters >= (1u << 30)) break;
        iters = t > target / 64 ? (unsigned int)(iters * target * 1.2 / t) + 1 : iters * 8;
    }
    best = t / iters;
    for (rep = 1; rep < (quick ? 2 : REPS); rep++)
    {
        t = now();
        if ((*status = fn(ctx, iters))) return -1;
        t = (now() - t) / iters;
        if (t < best) best = t;
    }
    return best;
}

/* Runs one benchmark under the crash guard and prints its line. */
static void run(const char *name, op_fn fn, void *ctx, double bytes_per_op)
{
    NTSTATUS status = STATUS_SUCCESS;
    volatile double secs = -1;

    if (__builtin_setjmp(guard_jmp) == 0)
    {
        guard_armed = 1;
        secs = time_op(fn, ctx, &status);
        guard_armed = 0;
    }
    else status = guard_code;   /* crashed */

    if (secs <= 0) failed(name, status ? status : STATUS_UNSUCCESSFUL);
    else if (bytes_per_op > 0) result(name, bytes_per_op / secs / 1e6, "MB/s");
    else result(name, secs * 1e9, "ns/op");
}

/* ---- shared data ---------------------------------------------------------------- */

static UCHAR *buf_in, *buf_out;
static UCHAR key_bytes[32] = "0123456789abcdefghijklmnopqrstu";
static UCHAR iv_init[16] = "fedcba987654321";

static NTSTATUS open_alg(BCRYPT_ALG_HANDLE *alg, const WCHAR *name, const WCHAR *mode)
{
    NTSTATUS status;

    *alg = NULL;
    if ((status = BCryptOpenAlgorithmProvider(alg, name, NULL, 0))) return status;
    if (mode && (status = BCryptSetProperty(*alg, BCRYPT_CHAINING_MODE, (UCHAR *)mode,
                                            (ULONG)((wcslen(mode) + 1) * sizeof(WCHAR)), 0)))
    {
        BCryptCloseAlgorithmProvider(*alg, 0);
        *alg = NULL;
    }
    return status;
}

/* ---- bulk ciphers ------------------------------------------------------------------- */

struct cipher_ctx
{
    BCRYPT_KEY_HANDLE key;
    ULONG len;
    BOOL encrypt;
    BOOL use_iv;
    UCHAR iv[16];
};

static NTSTATUS op_crypt(void *arg, unsigned int iters)
{
    struct cipher_ctx *c = arg;
    NTSTATUS status;
    ULONG done;

    while (iters--)
    {
        if (c->encrypt)
            status = BCryptEncrypt(c->key, buf_in, c->len, NULL, c->use_iv ? c->iv : NULL,
                                   c->use_iv ? 16 : 0, buf_out, c->len, &done, 0);
        else
            status = BCryptDecrypt(c->key, buf_in, c->len, NULL, c->use_iv ? c->iv : NULL,
                                   c->use_iv ? 16 : 0, buf_out, c->len, &done, 0);
        if (status) return status;
        if (done != c->len) return STATUS_UNSUCCESSFUL;
    }
    return STATUS_SUCCESS;
}

static void bench_cipher(const char *name, const WCHAR *alg_name, const WCHAR *mode, ULONG key_len,
                         ULONG len, BOOL encrypt, BOOL use_iv, BOOL per_call)
{
    struct cipher_ctx c = { NULL, len, encrypt, use_iv };
    BCRYPT_ALG_HANDLE alg;
    NTSTATUS status;

    memcpy(c.iv, iv_init, sizeof(c.iv));
    if ((status = open_alg(&alg, alg_name, mode))) { failed(name, status); return; }
    if ((status = BCryptGenerateSymmetricKey(alg, &c.key, NULL, 0, key_bytes, key_len, 0)))
        failed(name, status);
    else
    {
        run(name, op_crypt, &c, per_call ? 0 : len);
        BCryptDestroyKey(c.key);
    }
    BCryptCloseAlgorithmProvider(alg, 0);
}

struct gcm_ctx
{
    BCRYPT_KEY_HANDLE key;
    ULONG len;
};

static NTSTATUS op_gcm(void *arg, unsigned int iters)
{
    struct gcm_ctx *g = arg;
    BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO info;
    UCHAR nonce[12] = "nonce-12byte", tag[16], aad[16] = "associated data";
    NTSTATUS status;
    ULONG done;

    while (iters--)
    {
        BCRYPT_INIT_AUTH_MODE_INFO(info);
        info.pbNonce = nonce;
        info.cbNonce = sizeof(nonce);
        info.pbAuthData = aad;
        info.cbAuthData = sizeof(aad);
        info.pbTag = tag;
        info.cbTag = sizeof(tag);
        if ((status = BCryptEncrypt(g->key, buf_in, g->len, &info, NULL, 0, buf_out, g->len, &done, 0)))
            return status;
        if (done != g->len) return STATUS_UNSUCCESSFUL;
        nonce[0]++;
    }
    return STATUS_SUCCESS;
}

static void bench_gcm(const char *name, ULONG len, BOOL per_call)
{
    struct gcm_ctx g = { NULL, len };
    BCRYPT_ALG_HANDLE alg;
    NTSTATUS status;

    if ((status = open_alg(&alg, BCRYPT_AES_ALGORITHM, BCRYPT_CHAIN_MODE_GCM))) { failed(name, status); return; }
    if ((status = BCryptGenerateSymmetricKey(alg, &g.key, NULL, 0, key_bytes, 32, 0))) failed(name, status);
    else
    {
        run(name, op_gcm, &g, per_call ? 0 : len);
        BCryptDestroyKey(g.key);
    }
    BCryptCloseAlgorithmProvider(alg, 0);
}

/* ---- hashing ------------------------------------------------------------------------ */

struct hash_ctx
{
    BCRYPT_ALG_HANDLE alg;
    ULONG len;
};

static NTSTATUS op_hash(void *arg, unsigned int iters)
{
    struct hash_ctx *h = arg;
    BCRYPT_HASH_HANDLE hash;
    UCHAR digest[32];
    NTSTATUS status;

    while (iters--)
    {
        if ((status = BCryptCreateHash(h->alg, &hash, NULL, 0, NULL, 0, 0))) return status;
        status = BCryptHashData(hash, buf_in, h->len, 0);
        if (!status) status = BCryptFinishHash(hash, digest, sizeof(digest), 0);
        BCryptDestroyHash(hash);
        if (status) return status;
    }
    return STATUS_SUCCESS;
}

static void bench_hash(const char *name, ULONG len)
{
    struct hash_ctx h = { NULL, len };
    NTSTATUS status;

    if ((status = open_alg(&h.alg, BCRYPT_SHA256_ALGORITHM, NULL))) { failed(name, status); return; }
    run(name, op_hash, &h, len);
    BCryptCloseAlgorithmProvider(h.alg, 0);
}

/* ---- key lifecycle ------------------------------------------------------------------ */

struct life_ctx
{
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE key;     /* the source key, mid-CBC-stream */
    UCHAR *object;             /* caller buffer, or NULL for NULL/0 */
    ULONG object_len;
    BOOL use;                  /* encrypt 16 bytes with the new key */
    UCHAR iv[16];
};

static NTSTATUS encrypt16(BCRYPT_KEY_HANDLE key, UCHAR *iv)
{
    UCHAR out[16];
    ULONG done;
    NTSTATUS status = BCryptEncrypt(key, buf_in, 16, NULL, iv, 16, out, sizeof(out), &done, 0);

    if (!status && done != 16) status = STATUS_UNSUCCESSFUL;
    return status;
}

static NTSTATUS op_duplicate(void *arg, unsigned int iters)
{
    struct life_ctx *l = arg;
    BCRYPT_KEY_HANDLE copy;
    UCHAR iv[16];
    NTSTATUS status;

    while (iters--)
    {
        if ((status = BCryptDuplicateKey(l->key, &copy, l->object, l->object_len, 0))) return status;
        memcpy(iv, l->iv, sizeof(iv));   /* continue the source's stream in the copy */
        status = l->use ? encrypt16(copy, iv) : STATUS_SUCCESS;
        BCryptDestroyKey(copy);
        if (status) return status;
    }
    return STATUS_SUCCESS;
}

static NTSTATUS op_generate(void *arg, unsigned int iters)
{
    struct life_ctx *l = arg;
    BCRYPT_KEY_HANDLE key;
    UCHAR iv[16];
    NTSTATUS status;

    while (iters--)
    {
        if ((status = BCryptGenerateSymmetricKey(l->alg, &key, l->object, l->object_len, key_bytes, 32, 0)))
            return status;
        memcpy(iv, l->iv, sizeof(iv));
        status = l->use ? encrypt16(key, iv) : STATUS_SUCCESS;
        BCryptDestroyKey(key);
        if (status) return status;
    }
    return STATUS_SUCCESS;
}

static ULONG object_length(BCRYPT_ALG_HANDLE alg, NTSTATUS *status)
{
    ULONG len = 0, size = 0;

    *status = BCryptGetProperty(alg, BCRYPT_OBJECT_LENGTH, (UCHAR *)&len, sizeof(len), &size, 0);
    return *status ? 0 : len;
}

/*
 * Private bytes of this process, KiB.  Wine 8 leaves PrivateUsage at 0; its
 * PagefileUsage is the process's anonymous resident memory (RssAnon + VmSwap),
 * which is the same idea, so that is the fallback.
 */
static const char *private_source = "PrivateUsage";

static BOOL private_kib(double *kib)
{
    PROCESS_MEMORY_COUNTERS_EX pmc;

    memset(&pmc, 0, sizeof(pmc));
    pmc.cb = sizeof(pmc);
    *kib = 0;
    if (!GetProcessMemoryInfo(GetCurrentProcess(), (PROCESS_MEMORY_COUNTERS *)&pmc, sizeof(pmc))) return FALSE;
    if (pmc.PrivateUsage) *kib = pmc.PrivateUsage / 1024.0;
    else
    {
        private_source = "PagefileUsage";
        *kib = pmc.PagefileUsage / 1024.0;
    }
    return TRUE;
}

/* Bytes in busy blocks of the process heap, KiB; -1 if the heap cannot be walked. */
static double heap_busy_kib(void)
{
    PROCESS_HEAP_ENTRY entry;
    HANDLE heap = GetProcessHeap();
    double busy = 0;

    if (!HeapLock(heap)) return -1;
    entry.lpData = NULL;
    while (HeapWalk(heap, &entry))
        if (entry.wFlags & PROCESS_HEAP_ENTRY_BUSY) busy += entry.cbData;
    HeapUnlock(heap);
    return busy / 1024.0;
}

/*
 * Leak check: DUP_COUNT duplicates with NULL/0 buffers, each used once (so any
 * lazily made native state exists too), then destroyed.  One warm-up cycle
 * first, so allocator growth that is reused is not counted as a leak.
 * Reports growth while live and what is left after destroying them.
 */
static NTSTATUS dup_cycle(BCRYPT_KEY_HANDLE src, const UCHAR *iv_src, BCRYPT_KEY_HANDLE *keys,
                          double live[2])
{
    NTSTATUS status = STATUS_SUCCESS;
    UCHAR iv[16];
    int i, made;

    for (made = 0; made < DUP_COUNT; made++)
    {
        if ((status = BCryptDuplicateKey(src, &keys[made], NULL, 0, 0))) break;
        memcpy(iv, iv_src, sizeof(iv));
        if ((status = encrypt16(keys[made], iv))) { made++; break; }
    }
    if (live)
    {
        private_kib(&live[0]);
        live[1] = heap_busy_kib();
    }
    for (i = 0; i < made; i++) BCryptDestroyKey(keys[i]);
    return status;
}

static void bench_memory(BCRYPT_KEY_HANDLE src, const UCHAR *iv)
{
    static BCRYPT_KEY_HANDLE keys[DUP_COUNT];
    double base[2], live[2], after[2];
    NTSTATUS status = STATUS_UNSUCCESSFUL;

    if (__builtin_setjmp(guard_jmp) == 0)
    {
        guard_armed = 1;
        if (!(status = dup_cycle(src, iv, keys, NULL)))
        {
            private_kib(&base[0]);
            base[1] = heap_busy_kib();
            status = dup_cycle(src, iv, keys, live);
            private_kib(&after[0]);
            after[1] = heap_busy_kib();
        }
        guard_armed = 0;
    }
    else status = guard_code;

    if (status)
    {
        failed("mem_dup10k_live_private", status);
        failed("mem_dup10k_freed_private", status);
        return;
    }
    printf("info private_bytes_source %s\n", private_source);
    result("mem_dup10k_live_private", live[0] - base[0], "KiB");
    result("mem_dup10k_freed_private", after[0] - base[0], "KiB");
    if (base[1] >= 0)
    {
        result("mem_dup10k_live_heap", live[1] - base[1], "KiB");
        result("mem_dup10k_freed_heap", after[1] - base[1], "KiB");
    }
}

static void bench_key_lifecycle(void)
{
    struct life_ctx l;
    BCRYPT_ALG_HANDLE sha;
    NTSTATUS status;
    ULONG len;
    UCHAR *buffer;

    memset(&l, 0, sizeof(l));
    memcpy(l.iv, iv_init, sizeof(l.iv));

    if ((status = open_alg(&sha, BCRYPT_SHA256_ALGORITHM, NULL))) failed("objlen_sha256", status);
    else
    {
        if ((len = object_length(sha, &status))) result("objlen_sha256", len, "bytes");
        else failed("objlen_sha256", status);
        BCryptCloseAlgorithmProvider(sha, 0);
    }

    if ((status = open_alg(&l.alg, BCRYPT_AES_ALGORITHM, BCRYPT_CHAIN_MODE_CBC)))
    {
        failed("objlen_aes", status);
        return;
    }
    if ((len = object_length(l.alg, &status))) result("objlen_aes", len, "bytes");
    else failed("objlen_aes", status);

    /* GenerateSymmetricKey + Destroy, NULL/0 buffer; then with a first 16-byte encrypt */
    run("genkey_destroy", op_generate, &l, 0);
    l.use = TRUE;
    run("genkey_enc16_destroy", op_generate, &l, 0);

    /* the source key: AES-256-CBC, 4 KiB into a stream whose IV lives in l.iv */
    if ((status = BCryptGenerateSymmetricKey(l.alg, &l.key, NULL, 0, key_bytes, 32, 0)))
    {
        failed("dupkey_alloc_enc16", status);
    }
    else
    {
        ULONG done;
        if ((status = BCryptEncrypt(l.key, buf_in, 4096, NULL, l.iv, 16, buf_out, 4096, &done, 0)))
            failed("dupkey_alloc_enc16", status);
        else
        {
            l.object = NULL; l.object_len = 0;
            l.use = FALSE;
            run("dupkey_alloc_only", op_duplicate, &l, 0);
            l.use = TRUE;
            run("dupkey_alloc_enc16", op_duplicate, &l, 0);
            if (len && (buffer = malloc(len)))
            {
                l.object = buffer; l.object_len = len;
                run("dupkey_buf_enc16", op_duplicate, &l, 0);
                l.object = NULL; l.object_len = 0;
                free(buffer);
            }
            else failed("dupkey_buf_enc16", status ? status : STATUS_NO_MEMORY);
            bench_memory(l.key, l.iv);
        }
        BCryptDestroyKey(l.key);
    }
    BCryptCloseAlgorithmProvider(l.alg, 0);
}

/* Self-test of the crash guard (argument "crashtest"): must print n/a, not die. */
static NTSTATUS op_crash(void *arg, unsigned int iters)
{
    volatile int *p = arg;
    (void)iters;
    return *p;
}

/* ---- which bcrypt.dll is this? -------------------------------------------------------- */

static void report_dll(void)
{
    HMODULE mod = GetModuleHandleA("bcrypt.dll");
    char path[MAX_PATH] = "?";
    const char *kind = "unknown";

    if (mod)
    {
        GetModuleFileNameA(mod, path, sizeof(path));
        /* Wine's builtins carry this marker right after the DOS header */
        kind = memcmp((const char *)mod + 0x40, "Wine builtin DLL", 16) ? "native" : "builtin";
    }
    printf("info bcrypt %s %s\n", kind, path);
    printf("info qpc_hz %.0f\n", qpc_freq);
    fflush(stdout);
}

int main(int argc, char **argv)
{
    LARGE_INTEGER freq;
    size_t i;

    quick = argc > 1 && !strcmp(argv[1], "quick");
    QueryPerformanceFrequency(&freq);
    qpc_freq = (double)freq.QuadPart;
    AddVectoredExceptionHandler(1, guard_handler);
    SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOGPFAULTERRORBOX);

    buf_in = VirtualAlloc(NULL, MIB, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    buf_out = VirtualAlloc(NULL, MIB, MEM_COMMIT | MEM_RESERVE, PAGE_READWRITE);
    if (!buf_in || !buf_out)
    {
        printf("info error cannot allocate buffers\n");
        return 1;
    }
    for (i = 0; i < MIB; i++) buf_in[i] = (UCHAR)(i * 31 + 7);
    memset(buf_out, 0, MIB);

    report_dll();
    if (argc > 1 && !strcmp(argv[1], "crashtest"))
    {
        run("crashtest", op_crash, NULL, 0);
        run("crashtest_again", op_crash, NULL, 0);
    }

    bench_cipher("aes256_cbc_enc_1m", BCRYPT_AES_ALGORITHM, BCRYPT_CHAIN_MODE_CBC, 32, MIB, TRUE, TRUE, FALSE);
    bench_cipher("aes256_cbc_dec_1m", BCRYPT_AES_ALGORITHM, BCRYPT_CHAIN_MODE_CBC, 32, MIB, FALSE, TRUE, FALSE);
    bench_cipher("aes128_ecb_enc_1m", BCRYPT_AES_ALGORITHM, BCRYPT_CHAIN_MODE_ECB, 16, MIB, TRUE, FALSE, FALSE);
    bench_gcm("aes256_gcm_enc_1m", MIB, FALSE);
    bench_cipher("aes256_cbc_enc_64b", BCRYPT_AES_ALGORITHM, BCRYPT_CHAIN_MODE_CBC, 32, 64, TRUE, TRUE, TRUE);
    bench_cipher("aes256_cbc_enc_64b_noiv", BCRYPT_AES_ALGORITHM, BCRYPT_CHAIN_MODE_CBC, 32, 64, TRUE, FALSE, TRUE);
    bench_gcm("aes256_gcm_enc_64b", 64, TRUE);
    bench_hash("sha256_1m", MIB);
    bench_cipher("rc4_1m", BCRYPT_RC4_ALGORITHM, NULL, 16, MIB, TRUE, FALSE, FALSE);
    bench_key_lifecycle();

    printf("info done\n");
    fflush(stdout);
    return 0;
}
