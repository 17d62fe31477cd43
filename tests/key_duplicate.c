/*
 * Conformance tests for BCryptDuplicateKey.
 *
 * Rules come from shared/reference/windows-crypto-behavior.md section 2 and
 * the Microsoft documentation; each assertion names its source:
 *   doc        Microsoft documentation
 *   wine-test  asserted by Wine's own tests, which pass on Windows
 *   win-re     reading of a recent Windows build (reference 2.2/2.3)
 *   hypothesis what we expect Windows to do, not yet confirmed
 * Vectors: NIST SP 800-38A (AES), SP 800-38D / McGrew-Viega GCM test cases,
 * RFC 2268 (RC2), RFC 6229 (RC4).
 */
#include "winetest.h"
#include "cng_test.h"

#include "nist_sp800_38a.h"

/* An AES-128 CBC key from the NIST key, in a caller buffer. */
static BOOL make_nist_key(BCRYPT_ALG_HANDLE *alg, struct test_key *key)
{
    struct bytes k = hex(nist_key128);
    *alg = open_alg(BCRYPT_AES_ALGORITHM, BCRYPT_CHAIN_MODE_CBC);
    if (!*alg) return FALSE;
    if (make_key(key, *alg, k.data, k.len)) return TRUE;
    close_alg(*alg);
    return FALSE;
}

#define check_nist_cbc(key) check_nist_cbc_(__FILE__, __LINE__, key, FALSE)
/* Wine's builtin keeps its cipher state when the IV passed equals the one
 * it used last, so a second message from a fresh copy of the same IV comes
 * out chained; Windows starts from the IV given (wine-test repeats an IV). */
#define check_nist_cbc_again(key) check_nist_cbc_(__FILE__, __LINE__, key, TRUE)
/* The key must encrypt F.2.1 from an explicit IV. */
static void check_nist_cbc_(const char *file, int line, BCRYPT_KEY_HANDLE key, BOOL again)
{
    struct bytes pt = hex(nist_pt), ct = hex(nist_cbc128), iv = hex(nist_iv);
    UCHAR out[64];
    ULONG size = SEED_ULONG;
    NTSTATUS status;

    seed(out, sizeof(out));
    status = BCryptEncrypt(key, pt.data, pt.len, NULL, iv.data, iv.len, out, sizeof(out), &size, 0);
    ok_(file, line)(status == STATUS_SUCCESS, "encrypt: got %#lx\n", status);
    ok_(file, line)(size == ct.len, "encrypt: size %lu\n", size);
    todo_builtin_if(again)
    ok_(file, line)(!memcmp(out, ct.data, ct.len), "encrypt: got %s\n", winetest_hex(out, sizeof(out)));
    /* doc: the IV buffer is updated with the last ciphertext block */
    todo_builtin ok_(file, line)(!memcmp(iv.data, ct.data + ct.len - 16, 16), "IV after: %s\n", winetest_hex(iv.data, 16));
}

/* Destroys a handle that a call should not have produced (keeps a failing
 * implementation from leaking into later checks). */
static void discard_unexpected(NTSTATUS status, BCRYPT_KEY_HANDLE handle)
{
    if (status == STATUS_SUCCESS && handle && handle != SEED_HANDLE) BCryptDestroyKey(handle);
}

/* ------------------------------------------------------------------ */
/* argument checks, in Windows' order                                 */
/* ------------------------------------------------------------------ */

static void test_BCryptDuplicateKey_null_handle(void)
{
    BCRYPT_KEY_HANDLE dup = SEED_HANDLE;
    NTSTATUS status;

    status = BCryptDuplicateKey(NULL, &dup, NULL, 0, 0);
    ok(status == STATUS_INVALID_HANDLE, "got %#lx\n", status); /* wine-test */
    ok(dup == SEED_HANDLE, "output changed to %p\n", dup);       /* wine-test */
}

static void test_BCryptDuplicateKey_foreign_handle(void)
{
    BCRYPT_ALG_HANDLE alg, sha;
    BCRYPT_HASH_HANDLE hash = NULL;
    BCRYPT_KEY_HANDLE dup;
    UCHAR zeros[1024];
    NTSTATUS status;

    alg = open_alg(BCRYPT_AES_ALGORITHM, NULL);
    sha = open_alg(BCRYPT_SHA256_ALGORITHM, NULL);
    if (!alg || !sha) return;
    status = BCryptCreateHash(sha, &hash, NULL, 0, NULL, 0, 0);
    ok(status == STATUS_SUCCESS, "creating a hash: got %#lx\n", status);

    /* doc: INVALID_HANDLE when hKey is not a valid key; win-re: the router
     * checks the object's key tag first */
    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(alg, &dup, NULL, 0, 0);
    ok(status == STATUS_INVALID_HANDLE, "algorithm handle: got %#lx\n", status);
    ok(dup == SEED_HANDLE, "algorithm handle: output changed to %p\n", dup);
    discard_unexpected(status, dup);

    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(hash, &dup, NULL, 0, 0);
    ok(status == STATUS_INVALID_HANDLE, "hash handle: got %#lx\n", status);
    ok(dup == SEED_HANDLE, "hash handle: output changed to %p\n", dup);
    discard_unexpected(status, dup);

    /* readable memory that holds no object at all */
    memset(zeros, 0, sizeof(zeros));
    dup = SEED_HANDLE;
    status = BCryptDuplicateKey((BCRYPT_KEY_HANDLE)(zeros + 64), &dup, NULL, 0, 0);
    ok(status == STATUS_INVALID_HANDLE, "zeroed memory: got %#lx\n", status);
    ok(dup == SEED_HANDLE, "zeroed memory: output changed to %p\n", dup);
    discard_unexpected(status, dup);

    if (hash) BCryptDestroyHash(hash);
    close_alg(sha);
    close_alg(alg);
}

static void test_BCryptDuplicateKey_destroyed_key(void)
{
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE dup;
    struct test_key key;
    NTSTATUS status;

    if (winetest_dll_kind() != WINETEST_DLL_OURS)
    {
        skip("a destroyed key handle may crash this implementation\n");
        return;
    }
    if (!make_nist_key(&alg, &key)) return;
    status = BCryptDestroyKey(key.handle);
    ok(status == STATUS_SUCCESS, "destroying: got %#lx\n", status);

    /* hypothesis: same check as BCryptDestroyKey on a destroyed key, which
     * returns INVALID_HANDLE (wine-test) while its buffer is still allocated */
    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(key.handle, &dup, NULL, 0, 0);
    ok(status == STATUS_INVALID_HANDLE, "got %#lx\n", status);
    ok(dup == SEED_HANDLE, "output changed to %p\n", dup);
    discard_unexpected(status, dup);

    key.handle = NULL;
    free_key(&key);
    close_alg(alg);
}

static void test_BCryptDuplicateKey_handle_checked_first(void)
{
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE dup;
    UCHAR small[16];
    NTSTATUS status;

    alg = open_alg(BCRYPT_AES_ALGORITHM, NULL);
    if (!alg) return;

    /* win-re 2.2: the handle comes before the buffer and flag checks */
    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(alg, &dup, NULL, 62, 0);
    ok(status == STATUS_INVALID_HANDLE, "NULL buffer with length: got %#lx\n", status);
    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(alg, &dup, small, sizeof(small), 1);
    ok(status == STATUS_INVALID_HANDLE, "small buffer and flags: got %#lx\n", status);
    ok(dup == SEED_HANDLE, "output changed to %p\n", dup);

    if (winetest_dll_kind() == WINETEST_DLL_OURS)
    {
        /* win-re 2.2 step 1 before step 2 (ours only: a NULL output pointer
         * crashes some Windows versions, wine-test) */
        status = BCryptDuplicateKey(NULL, NULL, NULL, 0, 0);
        ok(status == STATUS_INVALID_HANDLE, "NULL handle and output: got %#lx\n", status);
    }
    else skip("NULL output pointer crashes some Windows versions\n");
    close_alg(alg);
}

static void test_BCryptDuplicateKey_null_output(void)
{
    BCRYPT_ALG_HANDLE alg;
    struct test_key key;
    UCHAR small[16];
    NTSTATUS status;

    if (winetest_dll_kind() != WINETEST_DLL_OURS)
    {
        skip("NULL phNewKey crashes some Windows versions (wine-test)\n");
        return;
    }
    if (!make_nist_key(&alg, &key)) return;

    /* win-re 2.2 step 2 */
    status = BCryptDuplicateKey(key.handle, NULL, NULL, 0, 0);
    ok(status == STATUS_INVALID_PARAMETER, "got %#lx\n", status);
    /* win-re: the output pointer is checked before buffer sizes and flags */
    status = BCryptDuplicateKey(key.handle, NULL, small, sizeof(small), 1);
    ok(status == STATUS_INVALID_PARAMETER, "small buffer and flags: got %#lx\n", status);

    free_key(&key);
    close_alg(alg);
}

static void test_BCryptDuplicateKey_null_buffer_with_length(void)
{
    static const ULONG lengths[] = {1, 61, 62, 1000};
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE dup;
    struct test_key key;
    NTSTATUS status;
    unsigned int i;

    if (!make_nist_key(&alg, &key)) return;
    for (i = 0; i < ARRAY_SIZE(lengths); i++)
    {
        winetest_push_context("row %u (%lu bytes)", i, lengths[i]);
        /* win-re 2.2 step 3: NULL buffer with a non-zero size */
        dup = SEED_HANDLE;
        status = BCryptDuplicateKey(key.handle, &dup, NULL, lengths[i], 0);
        todo_builtin ok(status == STATUS_INVALID_PARAMETER, "got %#lx\n", status);
        todo_builtin ok(dup == SEED_HANDLE, "output changed to %p\n", dup);
        discard_unexpected(status, dup);
        winetest_pop_context();
    }
    free_key(&key);
    close_alg(alg);
}

static void test_BCryptDuplicateKey_exact_buffer(void)
{
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE dup;
    struct test_key key;
    NTSTATUS status;
    UCHAR *buf;
    ULONG len;

    if (!make_nist_key(&alg, &key)) return;
    len = get_ulong(alg, BCRYPT_OBJECT_LENGTH);
    buf = HeapAlloc(GetProcessHeap(), 0, len);
    seed(buf, len);

    /* doc: a buffer of BCRYPT_OBJECT_LENGTH bytes holds the duplicate */
    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(key.handle, &dup, buf, len, 0);
    ok(status == STATUS_SUCCESS, "got %#lx\n", status);
    /* win-re 2.2 step 7: the handle points into the caller's buffer */
    todo_builtin ok((UCHAR *)dup >= buf && (UCHAR *)dup < buf + len, "handle %p outside %p+%lu\n", dup, buf, len);
    todo_builtin ok(!is_seeded(buf, len), "the buffer was not used\n");
    if (status == STATUS_SUCCESS)
    {
        check_nist_cbc(dup);
        status = BCryptDestroyKey(dup);
        ok(status == STATUS_SUCCESS, "destroying: got %#lx\n", status);
    }
    HeapFree(GetProcessHeap(), 0, buf);
    free_key(&key);
    close_alg(alg);
}

static void test_BCryptDuplicateKey_buffer_too_small(void)
{
    /* 61: below the router's 62-byte minimum (win-re 2.2 step 4);
     * 62: enough for the router header only, the provider then refuses the
     * remainder (win-re 2.2 step 4, inferred);
     * OBJECT_LENGTH - 1: hypothesis: doc sizes the buffer with
     * BCRYPT_OBJECT_LENGTH, so one byte less is too small. */
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE dup;
    struct test_key key;
    ULONG lengths[4];
    NTSTATUS status;
    unsigned int i;
    UCHAR *buf;

    if (!make_nist_key(&alg, &key)) return;
    lengths[0] = 0;
    lengths[1] = 61;
    lengths[2] = 62;
    lengths[3] = key.object_len - 1;
    buf = HeapAlloc(GetProcessHeap(), 0, key.object_len);

    for (i = 0; i < ARRAY_SIZE(lengths); i++)
    {
        winetest_push_context("row %u (%lu bytes)", i, lengths[i]);
        seed(buf, key.object_len);
        dup = SEED_HANDLE;
        status = BCryptDuplicateKey(key.handle, &dup, buf, lengths[i], 0);
        todo_builtin ok(status == STATUS_BUFFER_TOO_SMALL, "got %#lx\n", status);
        todo_builtin ok(dup == SEED_HANDLE, "output changed to %p\n", dup);
        /* hypothesis: nothing is written past the given length */
        ok(is_seeded_range(buf, lengths[i], key.object_len), "wrote past the buffer\n");
        discard_unexpected(status, dup);
        winetest_pop_context();
    }
    HeapFree(GetProcessHeap(), 0, buf);
    free_key(&key);
    close_alg(alg);
}

static void test_BCryptDuplicateKey_allocates(void)
{
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE dup;
    struct test_key key;
    NTSTATUS status;

    if (!make_nist_key(&alg, &key)) return;
    /* wine-test: NULL/0 succeeds (Vista returned INVALID_PARAMETER) */
    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(key.handle, &dup, NULL, 0, 0);
    ok(status == STATUS_SUCCESS || broken(status == STATUS_INVALID_PARAMETER) /* Vista */, "got %#lx\n", status);
    if (status == STATUS_SUCCESS)
    {
        ok(dup != NULL && dup != SEED_HANDLE, "handle not set\n");
        check_nist_cbc(dup);
        status = BCryptDestroyKey(dup);
        ok(status == STATUS_SUCCESS, "destroying: got %#lx\n", status);
    }
    free_key(&key);
    close_alg(alg);
}

static void test_BCryptDuplicateKey_flags(void)
{
    struct flag_row
    {
        BOOL use_buffer;
        ULONG len;      /* ~0u: OBJECT_LENGTH */
        ULONG flags;
        NTSTATUS expect;
    };
    static const struct flag_row rows[] =
    {
        /* win-re 2.2 step 6: any flag is invalid, checked last */
        { FALSE, 0,   1,           STATUS_INVALID_PARAMETER },
        { FALSE, 0,   0x80000000u, STATUS_INVALID_PARAMETER },
        { TRUE,  ~0u, 1,           STATUS_INVALID_PARAMETER },
        /* win-re 2.2: the buffer size is checked before the flags */
        { TRUE,  16,  1,           STATUS_BUFFER_TOO_SMALL },
        { TRUE,  61,  ~0u,         STATUS_BUFFER_TOO_SMALL },
        /* win-re 2.2 step 3 comes first too */
        { FALSE, 100, 1,           STATUS_INVALID_PARAMETER },
    };
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE dup;
    struct test_key key;
    NTSTATUS status;
    unsigned int i;
    UCHAR *buf;

    if (!make_nist_key(&alg, &key)) return;
    buf = HeapAlloc(GetProcessHeap(), 0, key.object_len);
    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        ULONG len = rows[i].len == ~0u ? key.object_len : rows[i].len;
        winetest_push_context("row %u", i);
        seed(buf, key.object_len);
        dup = SEED_HANDLE;
        status = BCryptDuplicateKey(key.handle, &dup, rows[i].use_buffer ? buf : NULL, len, rows[i].flags);
        todo_builtin ok(status == rows[i].expect, "got %#lx, expected %#lx\n", status, rows[i].expect);
        todo_builtin ok(dup == SEED_HANDLE, "output changed to %p\n", dup);
        discard_unexpected(status, dup);
        winetest_pop_context();
    }
    HeapFree(GetProcessHeap(), 0, buf);
    free_key(&key);
    close_alg(alg);
}

/* ------------------------------------------------------------------ */
/* what a duplicate carries                                           */
/* ------------------------------------------------------------------ */

struct stream_row
{
    const WCHAR *alg;
    const char *key;
    const char *iv;
    const char *pt;
    ULONG split;        /* bytes encrypted before the duplicate is made */
    const char *ct;     /* published ciphertext, or NULL: one-shot only */
};

static const struct stream_row cbc_stream_rows[] =
{
    /* SP 800-38A F.2.1 */
    { BCRYPT_AES_ALGORITHM, nist_key128, nist_iv, nist_pt, 32, nist_cbc128 },
    { BCRYPT_AES_ALGORITHM, nist_key128, nist_iv, nist_pt, 16, nist_cbc128 },
    /* SP 800-67 example key, FIPS 81 IV; compared with a one-shot encryption */
    { BCRYPT_3DES_ALGORITHM, "0123456789abcdef23456789abcdef01456789abcdef0123", "1234567890abcdef",
      "54686520717566636b2062726f776e20666f78206a756d706f76657220746865", 16, NULL },
};

static void test_BCryptDuplicateKey_cbc_stream(void)
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(cbc_stream_rows); i++)
    {
        const struct stream_row *row = &cbc_stream_rows[i];
        struct bytes k = hex(row->key), iv = hex(row->iv), pt = hex(row->pt), whole;
        UCHAR out[128], ivbuf[16];
        struct test_key key, fresh;
        BCRYPT_KEY_HANDLE dup;
        BCRYPT_ALG_HANDLE alg;
        NTSTATUS status;
        ULONG size;

        winetest_push_context("row %u", i);
        alg = open_alg(row->alg, BCRYPT_CHAIN_MODE_CBC);
        if (!alg || !make_key(&fresh, alg, k.data, k.len))
        {
            winetest_pop_context();
            continue;
        }

        /* the reference: one call over the whole message from the IV */
        memcpy(ivbuf, iv.data, iv.len);
        seed(whole.data, sizeof(whole.data));
        status = BCryptEncrypt(fresh.handle, pt.data, pt.len, NULL, ivbuf, iv.len, whole.data,
                               sizeof(whole.data), &size, 0);
        ok(status == STATUS_SUCCESS && size == pt.len, "one-shot: got %#lx, size %lu\n", status, size);
        whole.len = pt.len;
        if (row->ct)
        {
            struct bytes ct = hex(row->ct);
            ok(!memcmp(whole.data, ct.data, ct.len), "one-shot: got %s\n", winetest_hex(whole.data, whole.len));
        }
        free_key(&fresh);

        /* first part with an explicit IV, then duplicate */
        make_key(&key, alg, k.data, k.len);
        memcpy(ivbuf, iv.data, iv.len);
        crypt_ok(key.handle, TRUE, pt.data, row->split, ivbuf, iv.len, 0, whole.data, row->split);
        dup = SEED_HANDLE;
        status = BCryptDuplicateKey(key.handle, &dup, NULL, 0, 0);
        ok(status == STATUS_SUCCESS, "duplicate: got %#lx\n", status);
        if (status)
        {
            free_key(&key);
            close_alg(alg);
            winetest_pop_context();
            continue;
        }

        if (winetest_dll_kind() == WINETEST_DLL_BUILTIN && iv.len != 16)
        {
            skip("Wine's builtin divides by zero on a NULL IV with an 8-byte block\n");
            BCryptDestroyKey(dup);
            free_key(&key);
            close_alg(alg);
            winetest_pop_context();
            continue;
        }
        /* doc + wine-test: a NULL IV continues the key's chain; win-re 2.3:
         * the duplicate carries the running chain value */
        seed(out, sizeof(out));
        status = BCryptEncrypt(dup, pt.data + row->split, pt.len - row->split, NULL, NULL, 0, out,
                               sizeof(out), &size, 0);
        ok(status == STATUS_SUCCESS, "duplicate, NULL IV: got %#lx\n", status);
        todo_builtin ok(!memcmp(out, whole.data + row->split, pt.len - row->split),
                        "duplicate, NULL IV: got %s\n", winetest_hex(out, pt.len - row->split));

        seed(out, sizeof(out));
        status = BCryptEncrypt(key.handle, pt.data + row->split, pt.len - row->split, NULL, NULL, 0, out,
                               sizeof(out), &size, 0);
        ok(status == STATUS_SUCCESS, "original, NULL IV: got %#lx\n", status);
        todo_builtin ok(!memcmp(out, whole.data + row->split, pt.len - row->split),
                        "original, NULL IV: got %s\n", winetest_hex(out, pt.len - row->split));
        BCryptDestroyKey(dup);

        /* control: the caller's IV buffer was updated in place (doc), so
         * passing it continues the message whatever the key holds */
        dup = SEED_HANDLE;
        status = BCryptDuplicateKey(key.handle, &dup, NULL, 0, 0);
        ok(status == STATUS_SUCCESS, "second duplicate: got %#lx\n", status);
        if (!status)
        {
            seed(out, sizeof(out));
            status = BCryptEncrypt(dup, pt.data + row->split, pt.len - row->split, NULL, ivbuf, iv.len, out,
                                   sizeof(out), &size, 0);
            ok(status == STATUS_SUCCESS, "duplicate, updated IV: got %#lx\n", status);
            todo_builtin ok(!memcmp(out, whole.data + row->split, pt.len - row->split),
                            "duplicate, updated IV: got %s\n", winetest_hex(out, pt.len - row->split));
            BCryptDestroyKey(dup);
        }
        free_key(&key);
        close_alg(alg);
        winetest_pop_context();
    }
}

static void test_BCryptDuplicateKey_independent_lifetime(void)
{
    unsigned int destroy_original;

    for (destroy_original = 0; destroy_original < 2; destroy_original++)
    {
        BCRYPT_KEY_HANDLE dup, survivor;
        BCRYPT_ALG_HANDLE alg;
        struct test_key key;
        NTSTATUS status;
        UCHAR *buf;

        winetest_push_context(destroy_original ? "original destroyed" : "duplicate destroyed");
        if (!make_nist_key(&alg, &key))
        {
            winetest_pop_context();
            continue;
        }
        buf = HeapAlloc(GetProcessHeap(), 0, key.object_len);
        seed(buf, key.object_len);
        dup = SEED_HANDLE;
        status = BCryptDuplicateKey(key.handle, &dup, buf, key.object_len, 0);
        ok(status == STATUS_SUCCESS, "duplicate: got %#lx\n", status);
        if (status == STATUS_SUCCESS)
        {
            /* doc (BCryptDestroyKey/DuplicateKey): separate objects, the
             * memory of a destroyed one may be freed; win-re 2.3: no shared state */
            if (destroy_original)
            {
                status = BCryptDestroyKey(key.handle);
                seed(key.object, key.object_len);
                HeapFree(GetProcessHeap(), 0, key.object);
                key.object = NULL;
                key.handle = NULL;
                survivor = dup;
            }
            else
            {
                status = BCryptDestroyKey(dup);
                seed(buf, key.object_len);
                survivor = key.handle;
            }
            ok(status == STATUS_SUCCESS, "destroying: got %#lx\n", status);
            check_nist_cbc(survivor);
            check_nist_cbc_again(survivor);
            if (destroy_original) BCryptDestroyKey(dup);
        }
        free_key(&key);
        HeapFree(GetProcessHeap(), 0, buf);
        close_alg(alg);
        winetest_pop_context();
    }
}

static void test_BCryptDuplicateKey_outlives_provider(void)
{
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE dup;
    struct test_key key;
    NTSTATUS status;

    if (!make_nist_key(&alg, &key)) return;
    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(key.handle, &dup, NULL, 0, 0);
    ok(status == STATUS_SUCCESS, "duplicate: got %#lx\n", status);
    /* win-re 2.2 step 7: keys hold a reference on the algorithm object */
    close_alg(alg);
    if (status == STATUS_SUCCESS)
    {
        check_nist_cbc(dup);
        status = BCryptDestroyKey(dup);
        ok(status == STATUS_SUCCESS, "destroying the duplicate: got %#lx\n", status);
    }
    check_nist_cbc(key.handle);
    free_key(&key);
}

#define check_mode(h, mode) check_mode_(__FILE__, __LINE__, h, mode)
static void check_mode_(const char *file, int line, BCRYPT_HANDLE handle, const WCHAR *mode)
{
    WCHAR buf[32];
    ULONG size = SEED_ULONG;
    NTSTATUS status;

    seed(buf, sizeof(buf));
    status = BCryptGetProperty(handle, BCRYPT_CHAINING_MODE, (UCHAR *)buf, sizeof(buf), &size, 0);
    ok_(file, line)(status == STATUS_SUCCESS, "chaining mode: got %#lx\n", status);
    ok_(file, line)(!status && !wcscmp(buf, mode), "chaining mode %s, expected %s\n",
                    status ? "?" : winetest_wstr(buf), winetest_wstr(mode));
}

static void test_BCryptDuplicateKey_copies_chaining_mode(void)
{
    struct mode_row
    {
        const WCHAR *mode;
        const char *ct;
        BOOL iv;
    };
    static const struct mode_row rows[] =
    {
        { BCRYPT_CHAIN_MODE_ECB, nist_ecb128,   FALSE },  /* SP 800-38A F.1.1 */
        { BCRYPT_CHAIN_MODE_CFB, nist_cfb8_128, TRUE },   /* F.3.7: CNG CFB is 8-bit (doc) */
    };
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        struct bytes pt = hex(nist_pt), ct = hex(rows[i].ct), iv = hex(nist_iv);
        BCRYPT_ALG_HANDLE alg;
        BCRYPT_KEY_HANDLE dup;
        struct test_key key;
        NTSTATUS status;

        winetest_push_context("row %u", i);
        if (!make_nist_key(&alg, &key))
        {
            winetest_pop_context();
            continue;
        }
        /* wine-test: ChainingMode can be set on a key (Windows 8+) */
        set_mode(key.handle, rows[i].mode);
        dup = SEED_HANDLE;
        status = BCryptDuplicateKey(key.handle, &dup, NULL, 0, 0);
        ok(status == STATUS_SUCCESS, "duplicate: got %#lx\n", status);
        if (status == STATUS_SUCCESS)
        {
            /* win-re 2.3: the chaining mode is part of the copied state */
            check_mode(dup, rows[i].mode);
            UCHAR out[64];
            ULONG size = SEED_ULONG;
            seed(out, sizeof(out));
            status = BCryptEncrypt(dup, pt.data, ct.len, NULL, rows[i].iv ? iv.data : NULL,
                                   rows[i].iv ? iv.len : 0, out, sizeof(out), &size, 0);
            /* Wine's builtin CFB is not 8-bit CFB (reference 4.6, wine-test todo) */
            todo_builtin_if(rows[i].iv) ok(status == STATUS_SUCCESS, "encrypt: got %#lx\n", status);
            ok(size == ct.len, "encrypt: size %lu\n", size);
            todo_builtin_if(rows[i].iv)
            ok(!memcmp(out, ct.data, ct.len), "encrypt: got %s\n", winetest_hex(out, ct.len));
            BCryptDestroyKey(dup);
        }
        /* the algorithm keeps its own mode (doc: set on a key handle) */
        check_mode(alg, BCRYPT_CHAIN_MODE_CBC);
        free_key(&key);
        close_alg(alg);
        winetest_pop_context();
    }
}

static void test_BCryptDuplicateKey_copies_message_block_length(void)
{
    struct bytes pt = hex(nist_pt), ct = hex(nist_cfb128_128), iv = hex(nist_iv);
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE dup;
    struct test_key key;
    NTSTATUS status;

    if (!make_nist_key(&alg, &key)) return;
    set_mode(key.handle, BCRYPT_CHAIN_MODE_CFB);
    /* doc: MessageBlockLength 1 by default (CFB-8), the block size selects
     * full-block CFB */
    todo_builtin ok(get_ulong(key.handle, BCRYPT_MESSAGE_BLOCK_LENGTH) == 1, "default is not 1\n");
    status = BCryptSetProperty(key.handle, BCRYPT_MESSAGE_BLOCK_LENGTH, (UCHAR *)&(ULONG){16}, sizeof(ULONG), 0);
    todo_builtin ok(status == STATUS_SUCCESS, "setting MessageBlockLength: got %#lx\n", status);
    if (status)
    {
        free_key(&key);
        close_alg(alg);
        return;
    }

    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(key.handle, &dup, NULL, 0, 0);
    ok(status == STATUS_SUCCESS, "duplicate: got %#lx\n", status);
    if (status == STATUS_SUCCESS)
    {
        /* win-re 2.3: the CFB feedback size is copied; SP 800-38A F.3.13 */
        ok(get_ulong(dup, BCRYPT_MESSAGE_BLOCK_LENGTH) == 16, "message block length not copied\n");
        crypt_ok(dup, TRUE, pt.data, pt.len, iv.data, iv.len, 0, ct.data, ct.len);
        BCryptDestroyKey(dup);
    }
    free_key(&key);
    close_alg(alg);
}

static void test_BCryptDuplicateKey_copies_rc2_effective_length(void)
{
    /* RFC 2268 section 5: 16-byte key, 64 effective bits, zero block */
    struct bytes k = hex("88bca90e90875a7f0f79c384627bafb2"), pt = hex("0000000000000000");
    struct bytes ct = hex("1a807d272bbe5db1");
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE dup;
    struct test_key key;
    NTSTATUS status;

    status = BCryptOpenAlgorithmProvider(&alg, BCRYPT_RC2_ALGORITHM, NULL, 0);
    todo_builtin ok(status == STATUS_SUCCESS, "opening RC2: got %#lx\n", status);
    if (status)
    {
        skip("no RC2 provider\n");
        return;
    }
    set_mode(alg, BCRYPT_CHAIN_MODE_ECB);
    if (!make_key(&key, alg, k.data, k.len))
    {
        close_alg(alg);
        return;
    }
    /* doc: EffectiveKeyLength is the effective bit length of an RC2 key */
    set_ulong(key.handle, BCRYPT_EFFECTIVE_KEY_LENGTH, 64);
    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(key.handle, &dup, NULL, 0, 0);
    ok(status == STATUS_SUCCESS, "duplicate: got %#lx\n", status);
    if (status == STATUS_SUCCESS)
    {
        /* win-re 2.3: RC2 effective key length is part of the copy */
        ok(get_ulong(dup, BCRYPT_EFFECTIVE_KEY_LENGTH) == 64, "effective length not copied\n");
        crypt_ok(dup, TRUE, pt.data, pt.len, NULL, 0, 0, ct.data, ct.len);
        BCryptDestroyKey(dup);
    }
    free_key(&key);
    close_alg(alg);
}

static void test_BCryptDuplicateKey_rc4_stream(void)
{
    /* RFC 6229, 40-bit key 0x0102030405: keystream at offsets 0 and 16 */
    struct bytes k = hex("0102030405");
    struct bytes ks0 = hex("b2396305f03dc027ccc3524a0a1118a8");
    struct bytes ks16 = hex("6982944f18fc82d589c403a47a0d0919");
    UCHAR zeros[16] = {0};
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE dup;
    struct test_key key;
    NTSTATUS status;

    /* doc: RC4 is a CNG algorithm identifier */
    alg = NULL;
    status = BCryptOpenAlgorithmProvider(&alg, BCRYPT_RC4_ALGORITHM, NULL, 0);
    todo_builtin ok(status == STATUS_SUCCESS, "opening RC4: got %#lx\n", status);
    if (status)
    {
        skip("no RC4 provider\n");
        return;
    }
    if (!make_key(&key, alg, k.data, k.len))
    {
        close_alg(alg);
        return;
    }
    crypt_ok(key.handle, TRUE, zeros, 16, NULL, 0, 0, ks0.data, 16);
    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(key.handle, &dup, NULL, 0, 0);
    ok(status == STATUS_SUCCESS, "duplicate: got %#lx\n", status);
    if (status == STATUS_SUCCESS)
    {
        /* win-re 2.3: the S-box and both indices are copied, so the
         * duplicate continues the keystream */
        UCHAR out[16];
        ULONG size = SEED_ULONG;
        seed(out, sizeof(out));
        status = BCryptEncrypt(dup, zeros, 16, NULL, NULL, 0, out, sizeof(out), &size, 0);
        ok(status == STATUS_SUCCESS && size == 16, "duplicate: got %#lx, size %lu\n", status, size);
        todo_builtin ok(!memcmp(out, ks16.data, 16), "duplicate: got %s\n", winetest_hex(out, 16));
        BCryptDestroyKey(dup);
    }
    /* the original is not disturbed by the duplicate's use */
    crypt_ok(key.handle, TRUE, zeros, 16, NULL, 0, 0, ks16.data, 16);
    free_key(&key);
    close_alg(alg);
}

static void test_BCryptDuplicateKey_gcm_chained(void)
{
    /* McGrew-Viega GCM test case 3 (AES-128, 96-bit IV, 64 bytes, no AAD) */
    struct bytes k = hex("feffe9928665731c6d6a8f9467308308"), nonce = hex("cafebabefacedbaddecaf888");
    struct bytes pt = hex("d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
                          "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255");
    struct bytes ct = hex("42831ec2217774244b7221b784d0d49ce3aa212f2c02a4e035c17e2329aca12e"
                          "21d514b25466931c7d8f6a5aac84aa051ba30b396a0aac973d58e091473f5985");
    struct bytes tag = hex("4d5c2af327cd64a62cf35abd2ba6fab4");
    BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO info, info2;
    UCHAR mac[16], mac2[16], tagbuf[16], tagbuf2[16], out[64], out2[64];
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE dup;
    struct test_key key;
    NTSTATUS status;
    ULONG size;

    alg = open_alg(BCRYPT_AES_ALGORITHM, BCRYPT_CHAIN_MODE_GCM);
    if (!alg) return;
    if (!make_key(&key, alg, k.data, k.len))
    {
        close_alg(alg);
        return;
    }

    /* doc: chained calls carry BCRYPT_AUTH_MODE_CHAIN_CALLS_FLAG and a MAC
     * context at least as long as the longest tag */
    BCRYPT_INIT_AUTH_MODE_INFO(info);
    info.pbNonce = nonce.data;
    info.cbNonce = nonce.len;
    info.pbTag = tagbuf;
    info.cbTag = sizeof(tagbuf);
    info.pbMacContext = mac;
    info.cbMacContext = sizeof(mac);
    info.dwFlags = BCRYPT_AUTH_MODE_CHAIN_CALLS_FLAG;
    seed(out, sizeof(out));
    seed(tagbuf, sizeof(tagbuf));
    size = SEED_ULONG;
    status = BCryptEncrypt(key.handle, pt.data, 32, &info, NULL, 0, out, 32, &size, 0);
    ok(status == STATUS_SUCCESS, "first part: got %#lx\n", status);
    if (status)
    {
        free_key(&key);
        close_alg(alg);
        return;
    }
    ok(size == 32, "first part: size %lu\n", size);
    ok(!memcmp(out, ct.data, 32), "first part: got %s\n", winetest_hex(out, 32));

    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(key.handle, &dup, NULL, 0, 0);
    ok(status == STATUS_SUCCESS, "duplicate: got %#lx\n", status);
    if (status == STATUS_SUCCESS)
    {
        /* hypothesis: the partial MAC lives in pbMacContext and the counts in
         * the struct (doc); anything else is key state that a duplicate
         * carries (win-re 2.3), so both finish with the published tag */
        info2 = info;
        memcpy(mac2, mac, sizeof(mac));
        info2.pbMacContext = mac2;
        info2.pbTag = tagbuf2;
        info2.dwFlags &= ~BCRYPT_AUTH_MODE_CHAIN_CALLS_FLAG;
        seed(out2, sizeof(out2));
        seed(tagbuf2, sizeof(tagbuf2));
        status = BCryptEncrypt(dup, pt.data + 32, 32, &info2, NULL, 0, out2 + 32, 32, &size, 0);
        ok(status == STATUS_SUCCESS, "duplicate, last part: got %#lx\n", status);
        /* Wine's builtin ignores the chaining flag (reference 4.6) */
        todo_builtin ok(!memcmp(out2 + 32, ct.data + 32, 32), "duplicate, last part: got %s\n", winetest_hex(out2 + 32, 32));
        todo_builtin ok(!memcmp(tagbuf2, tag.data, 16), "duplicate: tag %s\n", winetest_hex(tagbuf2, 16));
        BCryptDestroyKey(dup);
    }

    info.dwFlags &= ~BCRYPT_AUTH_MODE_CHAIN_CALLS_FLAG;
    status = BCryptEncrypt(key.handle, pt.data + 32, 32, &info, NULL, 0, out + 32, 32, &size, 0);
    ok(status == STATUS_SUCCESS, "original, last part: got %#lx\n", status);
    /* doc: the last call (flag clear) finishes the chain and makes the tag */
    todo_builtin ok(!memcmp(out + 32, ct.data + 32, 32), "original, last part: got %s\n", winetest_hex(out + 32, 32));
    todo_builtin ok(!memcmp(tagbuf, tag.data, 16), "original: tag %s\n", winetest_hex(tagbuf, 16));

    free_key(&key);
    close_alg(alg);
}

struct thread_data
{
    BCRYPT_KEY_HANDLE key;
    HANDLE started;
    LONG failures;
};

static DWORD WINAPI duplicate_user_thread(void *arg)
{
    struct thread_data *data = arg;
    struct bytes pt = hex(nist_pt), ct = hex(nist_cbc128), iv = hex(nist_iv);
    UCHAR out[64], ivbuf[16];
    unsigned int i;
    ULONG size;

    SetEvent(data->started);
    for (i = 0; i < 500; i++)
    {
        NTSTATUS status;
        memcpy(ivbuf, iv.data, sizeof(ivbuf));
        seed(out, sizeof(out));
        status = BCryptEncrypt(data->key, pt.data, pt.len, NULL, ivbuf, sizeof(ivbuf), out, sizeof(out), &size, 0);
        if (status || size != ct.len || memcmp(out, ct.data, ct.len)) InterlockedIncrement(&data->failures);
    }
    return 0;
}

static void test_BCryptDuplicateKey_other_thread(void)
{
    struct thread_data data;
    BCRYPT_ALG_HANDLE alg;
    struct test_key key;
    NTSTATUS status;
    HANDLE thread;

    if (!make_nist_key(&alg, &key)) return;
    data.key = SEED_HANDLE;
    data.failures = 0;
    status = BCryptDuplicateKey(key.handle, &data.key, NULL, 0, 0);
    ok(status == STATUS_SUCCESS, "duplicate: got %#lx\n", status);
    if (status)
    {
        free_key(&key);
        close_alg(alg);
        return;
    }
    data.started = CreateEventA(NULL, TRUE, FALSE, NULL);
    thread = CreateThread(NULL, 0, duplicate_user_thread, &data, 0, NULL);
    WaitForSingleObject(data.started, INFINITE);
    /* win-re 2.3: separate objects, so destroying the original while the
     * duplicate is in use elsewhere does not disturb it */
    free_key(&key);
    close_alg(alg);
    WaitForSingleObject(thread, INFINITE);
    CloseHandle(thread);
    CloseHandle(data.started);
    /* the repeated IV trips the builtin, see check_nist_cbc_again */
    todo_builtin ok(data.failures == 0, "%ld of 500 encryptions on the other thread went wrong\n", data.failures);
    check_nist_cbc_again(data.key);
    status = BCryptDestroyKey(data.key);
    ok(status == STATUS_SUCCESS, "destroying the duplicate: got %#lx\n", status);
}

static void test_BCryptDuplicateKey_asymmetric(void)
{
    BCRYPT_KEY_HANDLE rsa = NULL, dup;
    BCRYPT_ALG_HANDLE alg;
    UCHAR small[16], *big;
    NTSTATUS status;

    status = BCryptOpenAlgorithmProvider(&alg, BCRYPT_RSA_ALGORITHM, NULL, 0);
    if (status == STATUS_SUCCESS)
    {
        status = BCryptGenerateKeyPair(alg, &rsa, 512, 0);
        if (status == STATUS_SUCCESS) status = BCryptFinalizeKeyPair(rsa, 0);
    }
    if (status)
    {
        skip("asymmetric keys are covered with their own issue; no RSA key here (%#lx)\n", status);
        if (rsa) BCryptDestroyKey(rsa);
        if (alg) BCryptCloseAlgorithmProvider(alg, 0);
        return;
    }

    /* win-re 2.2 step 5: not a cipher key -> NOT_SUPPORTED (conflict: the
     * doc says INVALID_HANDLE) once the buffer checks have passed */
    big = HeapAlloc(GetProcessHeap(), 0, 4096);
    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(rsa, &dup, big, 4096, 0);
    todo_builtin ok(status == STATUS_NOT_SUPPORTED, "large buffer: got %#lx\n", status);
    todo_builtin ok(dup == SEED_HANDLE, "output changed to %p\n", dup);
    discard_unexpected(status, dup);

    /* win-re 2.2 step 4 comes before step 5 */
    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(rsa, &dup, small, sizeof(small), 0);
    todo_builtin ok(status == STATUS_BUFFER_TOO_SMALL, "small buffer: got %#lx\n", status);
    discard_unexpected(status, dup);

    HeapFree(GetProcessHeap(), 0, big);
    BCryptDestroyKey(rsa);
    close_alg(alg);
}

START_TEST(key_duplicate)
{
    test_BCryptDuplicateKey_null_handle();
    test_BCryptDuplicateKey_foreign_handle();
    test_BCryptDuplicateKey_destroyed_key();
    test_BCryptDuplicateKey_handle_checked_first();
    test_BCryptDuplicateKey_null_output();
    test_BCryptDuplicateKey_null_buffer_with_length();
    test_BCryptDuplicateKey_buffer_too_small();
    test_BCryptDuplicateKey_exact_buffer();
    test_BCryptDuplicateKey_allocates();
    test_BCryptDuplicateKey_flags();
    test_BCryptDuplicateKey_cbc_stream();
    test_BCryptDuplicateKey_independent_lifetime();
    test_BCryptDuplicateKey_outlives_provider();
    test_BCryptDuplicateKey_copies_chaining_mode();
    test_BCryptDuplicateKey_copies_message_block_length();
    test_BCryptDuplicateKey_copies_rc2_effective_length();
    test_BCryptDuplicateKey_rc4_stream();
    test_BCryptDuplicateKey_gcm_chained();
    test_BCryptDuplicateKey_other_thread();
    test_BCryptDuplicateKey_asymmetric();
}
