/*
 * Conformance tests for algorithm providers: BCryptOpenAlgorithmProvider,
 * BCryptCloseAlgorithmProvider, pseudo-handles, BCryptGetProperty /
 * BCryptSetProperty on provider and key handles, BCryptEnumAlgorithms and
 * BCryptFreeBuffer.
 *
 * Rules: shared/reference/windows-crypto-behavior.md sections 4.2-4.4 and
 * 4.11, and the Microsoft documentation (Cryptography Primitive Property
 * Identifiers, CNG Algorithm Pseudo-handles); each assertion names its
 * source (doc, wine-test, win-re, unverified, hypothesis).
 */
#include "winetest.h"
#include "cng_test.h"

static void discard_alg(NTSTATUS status, BCRYPT_ALG_HANDLE alg)
{
    if (status == STATUS_SUCCESS && alg && alg != SEED_HANDLE) BCryptCloseAlgorithmProvider(alg, 0);
}

/* ------------------------------------------------------------------ */
/* open and close                                                     */
/* ------------------------------------------------------------------ */

static void test_BCryptOpenAlgorithmProvider_arguments(void)
{
    struct open_row
    {
        BOOL null_out;
        const WCHAR *alg;
        const WCHAR *impl;
        ULONG flags;
        NTSTATUS expect;
        BOOL builtin_gap;
    };
    static const struct open_row rows[] =
    {
        /* hypothesis: Windows matches Wine here (reference 4.2, wine-impl) */
        { TRUE,  BCRYPT_AES_ALGORITHM, NULL, 0, STATUS_INVALID_PARAMETER },
        { FALSE, NULL, NULL, 0, STATUS_INVALID_PARAMETER },
        /* unverified (reference 4.2): unknown algorithm -> NOT_FOUND */
        { FALSE, L"NoSuchAlgorithm", NULL, 0, STATUS_NOT_FOUND, TRUE },
        /* doc: the primitive provider by name */
        { FALSE, BCRYPT_AES_ALGORITHM, MS_PRIMITIVE_PROVIDER, 0, STATUS_SUCCESS },
        /* hypothesis: an unknown provider is not found either */
        { FALSE, BCRYPT_AES_ALGORITHM, L"No Such Provider", 0, STATUS_NOT_FOUND, TRUE },
        /* doc: HMAC flag for hashes */
        { FALSE, BCRYPT_SHA256_ALGORITHM, NULL, BCRYPT_ALG_HANDLE_HMAC_FLAG, STATUS_SUCCESS },
    };
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        BCRYPT_ALG_HANDLE alg = SEED_HANDLE;
        NTSTATUS status;

        winetest_push_context("row %u", i);
        status = BCryptOpenAlgorithmProvider(rows[i].null_out ? NULL : &alg, rows[i].alg, rows[i].impl, rows[i].flags);
        todo_builtin_if(rows[i].builtin_gap)
        ok(status == rows[i].expect, "got %#lx, expected %#lx\n", status, rows[i].expect);
        if (rows[i].expect)
            ok(alg == SEED_HANDLE, "output changed to %p\n", alg);
        else
            ok(alg != NULL && alg != SEED_HANDLE, "no handle\n");
        discard_alg(status, alg);
        winetest_pop_context();
    }
}

static void test_BCryptCloseAlgorithmProvider_errors(void)
{
    BCRYPT_ALG_HANDLE alg;
    NTSTATUS status;

    /* wine-test */
    status = BCryptCloseAlgorithmProvider(NULL, 0);
    ok(status == STATUS_INVALID_HANDLE, "NULL: got %#lx\n", status);
    status = BCryptCloseAlgorithmProvider(BCRYPT_AES_CBC_ALG_HANDLE, 0);
    ok(status == STATUS_INVALID_HANDLE, "pseudo-handle: got %#lx\n", status);
    alg = open_alg(BCRYPT_AES_ALGORITHM, NULL);
    if (!alg) return;
    status = BCryptCloseAlgorithmProvider(alg, 0);
    ok(status == STATUS_SUCCESS, "close: got %#lx\n", status);
    status = BCryptCloseAlgorithmProvider(alg, 0);
    ok(status == STATUS_INVALID_HANDLE, "closed twice: got %#lx\n", status);
}

/* ------------------------------------------------------------------ */
/* generic property rules (reference 4.3, wine-test)                  */
/* ------------------------------------------------------------------ */

/* Where Wine 8's builtin falls short for a property (todo there) */
#define PGAP_QUERY   0x1   /* a NULL output is answered with BUFFER_TOO_SMALL */
#define PGAP_MISSING 0x2   /* the property is not implemented */

#define check_prop(h, prop, size, out, gaps) check_prop_(__FILE__, __LINE__, h, prop, size, out, gaps)
/* Checks the size rules of BCryptGetProperty for one property and reads it
 * into out (expected_size bytes, or any size when expected_size is 0).
 * Returns the size read, 0 on failure. */
static ULONG check_prop_(const char *file, int line, BCRYPT_HANDLE handle, const WCHAR *prop,
                         ULONG expected_size, void *out, unsigned int gaps)
{
    UCHAR buf[256];
    ULONG size;
    NTSTATUS status;

    /* wine-test: NULL output -> SUCCESS and the size (Wine 8's builtin
     * answers BUFFER_TOO_SMALL) */
    size = SEED_ULONG;
    status = BCryptGetProperty(handle, prop, NULL, 0, &size, 0);
    todo_builtin_if(gaps & (PGAP_QUERY | PGAP_MISSING))
    ok_(file, line)(status == STATUS_SUCCESS, "%s size query: got %#lx\n", winetest_wstr(prop), status);
    if (!status && expected_size)
        ok_(file, line)(size == expected_size, "%s size query: %lu, expected %lu\n", winetest_wstr(prop), size,
                        expected_size);

    seed(buf, sizeof(buf));
    size = SEED_ULONG;
    status = BCryptGetProperty(handle, prop, buf, sizeof(buf), &size, 0);
    todo_builtin_if(gaps & PGAP_MISSING)
    ok_(file, line)(status == STATUS_SUCCESS, "%s: got %#lx\n", winetest_wstr(prop), status);
    if (status) return 0;
    if (expected_size)
        ok_(file, line)(size == expected_size, "%s: size %lu, expected %lu\n", winetest_wstr(prop), size, expected_size);
    else if (size <= sizeof(buf))
        expected_size = size;
    if (!expected_size || expected_size > sizeof(buf)) return 0;
    /* hypothesis: nothing past the value is written */
    ok_(file, line)(is_seeded_range(buf, expected_size, sizeof(buf)), "%s: wrote past the value\n", winetest_wstr(prop));
    if (out) memcpy(out, buf, expected_size);

    /* wine-test: one byte short -> BUFFER_TOO_SMALL, the size, output untouched */
    seed(buf, sizeof(buf));
    size = SEED_ULONG;
    status = BCryptGetProperty(handle, prop, buf, expected_size - 1, &size, 0);
    ok_(file, line)(status == STATUS_BUFFER_TOO_SMALL, "%s short: got %#lx\n", winetest_wstr(prop), status);
    ok_(file, line)(size == expected_size, "%s short: size %lu\n", winetest_wstr(prop), size);
    ok_(file, line)(is_seeded(buf, sizeof(buf)), "%s short: output written\n", winetest_wstr(prop));

    /* wine-test: NULL pcbResult -> INVALID_PARAMETER */
    status = BCryptGetProperty(handle, prop, buf, sizeof(buf), NULL, 0);
    ok_(file, line)(status == STATUS_INVALID_PARAMETER, "%s NULL size: got %#lx\n", winetest_wstr(prop), status);
    return expected_size;
}

static void test_BCryptGetProperty_arguments(void)
{
    BCRYPT_ALG_HANDLE alg;
    ULONG value, size;
    NTSTATUS status;

    alg = open_alg(BCRYPT_AES_ALGORITHM, NULL);
    if (!alg) return;
    /* wine-test */
    value = size = SEED_ULONG;
    status = BCryptGetProperty(NULL, BCRYPT_OBJECT_LENGTH, (UCHAR *)&value, sizeof(value), &size, 0);
    ok(status == STATUS_INVALID_HANDLE, "NULL handle: got %#lx\n", status);
    status = BCryptGetProperty(alg, NULL, (UCHAR *)&value, sizeof(value), &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL property: got %#lx\n", status);
    ok(value == SEED_ULONG, "value changed\n");
    /* hypothesis: an unknown property is not supported */
    status = BCryptGetProperty(alg, L"NoSuchProperty", (UCHAR *)&value, sizeof(value), &size, 0);
    todo_builtin ok(status == STATUS_NOT_SUPPORTED, "unknown property: got %#lx\n", status);
    close_alg(alg);
}

/* ------------------------------------------------------------------ */
/* provider properties per algorithm                                  */
/* ------------------------------------------------------------------ */

struct alg_row
{
    const WCHAR *name;
    ULONG block_len;
    ULONG key_min, key_max, key_inc;   /* bits */
    const WCHAR *mode;                 /* default chaining mode */
    BOOL builtin_gap;                  /* Wine's builtin has no such provider */
};

static const struct alg_row alg_rows[] =
{
    /* wine-test: AES 16, 128..256/64, CBC; 3DES 8, 192/192/0, CBC;
     * RC4 block 1; the other lengths are unverified (reference 4.4);
     * RC4's mode string: hypothesis (doc: "does not support chaining") */
    { BCRYPT_AES_ALGORITHM,      16, 128, 256, 64, BCRYPT_CHAIN_MODE_CBC },
    { BCRYPT_DES_ALGORITHM,       8,  64,  64,  0, BCRYPT_CHAIN_MODE_CBC, TRUE },
    { BCRYPT_3DES_ALGORITHM,      8, 192, 192,  0, BCRYPT_CHAIN_MODE_CBC },
    { BCRYPT_3DES_112_ALGORITHM,  8, 128, 128,  0, BCRYPT_CHAIN_MODE_CBC, TRUE },
    { BCRYPT_RC2_ALGORITHM,       8,  16, 128,  8, BCRYPT_CHAIN_MODE_CBC, TRUE },
    { BCRYPT_RC4_ALGORITHM,       1,   8, 512,  8, BCRYPT_CHAIN_MODE_NA,  TRUE },
};

static BCRYPT_ALG_HANDLE open_row_alg(const struct alg_row *row)
{
    BCRYPT_ALG_HANDLE alg = NULL;
    NTSTATUS status = BCryptOpenAlgorithmProvider(&alg, row->name, NULL, 0);
    /* doc: CNG algorithm identifiers */
    todo_builtin_if(row->builtin_gap) ok(status == STATUS_SUCCESS, "opening: got %#lx\n", status);
    if (status)
    {
        skip("no %s provider\n", winetest_wstr(row->name));
        return NULL;
    }
    return alg;
}

static void test_BCryptGetProperty_provider(void)
{
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(alg_rows); i++)
    {
        const struct alg_row *row = &alg_rows[i];
        BCRYPT_KEY_LENGTHS_STRUCT lengths;
        WCHAR name[64], mode[32];
        BCRYPT_ALG_HANDLE alg;
        ULONG value, size, list[16], j;

        winetest_push_context("%s", winetest_wstr(row->name));
        if (!(alg = open_row_alg(row)))
        {
            winetest_pop_context();
            continue;
        }

        /* wine-test: ObjectLength is a non-zero DWORD */
        value = 0;
        check_prop(alg, BCRYPT_OBJECT_LENGTH, sizeof(ULONG), &value, PGAP_QUERY);
        ok(value != 0 && value != SEED_ULONG, "ObjectLength %lu\n", value);
        /* win-re 2.2: it includes the router's 62-byte minimum */
        ok(value >= 62, "ObjectLength %lu below the router minimum\n", value);

        value = 0;
        check_prop(alg, BCRYPT_BLOCK_LENGTH, sizeof(ULONG), &value, PGAP_QUERY);
        ok(value == row->block_len, "BlockLength %lu, expected %lu\n", value, row->block_len);

        memset(&lengths, 0, sizeof(lengths));
        check_prop(alg, BCRYPT_KEY_LENGTHS, sizeof(lengths), &lengths, 0);
        ok(lengths.dwMinLength == row->key_min && lengths.dwMaxLength == row->key_max &&
           lengths.dwIncrement == row->key_inc, "KeyLengths %lu..%lu/%lu\n", lengths.dwMinLength,
           lengths.dwMaxLength, lengths.dwIncrement);

        /* wine-test: ChainingMode always reports 64 bytes */
        memset(mode, 0, sizeof(mode));
        check_prop(alg, BCRYPT_CHAINING_MODE, 64, mode, PGAP_QUERY);
        ok(!wcscmp(mode, row->mode), "ChainingMode %s\n", winetest_wstr(mode));

        /* wine-test: the name and its NUL */
        memset(name, 0, sizeof(name));
        check_prop(alg, BCRYPT_ALGORITHM_NAME, (ULONG)((wcslen(row->name) + 1) * sizeof(WCHAR)), name, PGAP_QUERY);
        ok(!wcscmp(name, row->name), "AlgorithmName %s\n", winetest_wstr(name));

        /* doc: BlockSizeList is an array of DWORDs; hypothesis: these
         * ciphers list exactly their block length */
        if (row->block_len > 1)
        {
            memset(list, 0, sizeof(list));
            size = check_prop(alg, BCRYPT_BLOCK_SIZE_LIST, 0, list, PGAP_QUERY | PGAP_MISSING);
            ok(size % sizeof(ULONG) == 0, "BlockSizeList size %lu\n", size);
            for (j = 0; j < size / sizeof(ULONG); j++)
                ok(list[j] == row->block_len, "BlockSizeList[%lu] = %lu\n", j, list[j]);
            todo_builtin ok(size == sizeof(ULONG), "BlockSizeList has %lu bytes\n", size);
        }

        /* wine-test: AuthTagLength only for AES in an authenticated mode
         * (other ciphers: hypothesis, same) */
        size = SEED_ULONG;
        todo_builtin_if(wcscmp(row->name, BCRYPT_AES_ALGORITHM))
        ok(BCryptGetProperty(alg, BCRYPT_AUTH_TAG_LENGTH, NULL, 0, &size, 0) == STATUS_NOT_SUPPORTED,
           "AuthTagLength supported\n");
        close_alg(alg);
        winetest_pop_context();
    }
}

static void test_BCryptGetProperty_auth_tag_length(void)
{
    struct tag_row
    {
        const WCHAR *mode;
        ULONG min, max, inc;
        BOOL builtin_gap;
    };
    static const struct tag_row rows[] =
    {
        { BCRYPT_CHAIN_MODE_GCM, 12, 16, 1 },        /* wine-test */
        { BCRYPT_CHAIN_MODE_CCM, 4, 16, 2, TRUE },   /* unverified (reference 4.3) */
    };
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        BCRYPT_AUTH_TAG_LENGTHS_STRUCT tags;
        struct test_key key;
        BCRYPT_ALG_HANDLE alg;
        NTSTATUS status;
        UCHAR secret[16] = {0};
        ULONG size;

        winetest_push_context("row %u", i);
        alg = open_alg(BCRYPT_AES_ALGORITHM, NULL);
        if (!alg)
        {
            winetest_pop_context();
            continue;
        }
        status = BCryptSetProperty(alg, BCRYPT_CHAINING_MODE, (UCHAR *)rows[i].mode,
                                   (ULONG)((wcslen(rows[i].mode) + 1) * sizeof(WCHAR)), 0);
        todo_builtin_if(rows[i].builtin_gap) ok(status == STATUS_SUCCESS, "setting the mode: got %#lx\n", status);
        if (status == STATUS_SUCCESS)
        {
            memset(&tags, 0, sizeof(tags));
            check_prop(alg, BCRYPT_AUTH_TAG_LENGTH, sizeof(tags), &tags, 0);
            ok(tags.dwMinLength == rows[i].min && tags.dwMaxLength == rows[i].max && tags.dwIncrement == rows[i].inc,
               "AuthTagLength %lu..%lu/%lu\n", tags.dwMinLength, tags.dwMaxLength, tags.dwIncrement);
            /* wine-test: not on a key, even in GCM */
            if (make_key(&key, alg, secret, sizeof(secret)))
            {
                size = SEED_ULONG;
                status = BCryptGetProperty(key.handle, BCRYPT_AUTH_TAG_LENGTH, (UCHAR *)&tags, sizeof(tags), &size, 0);
                ok(status == STATUS_NOT_SUPPORTED, "on a key: got %#lx\n", status);
                free_key(&key);
            }
        }
        close_alg(alg);
        winetest_pop_context();
    }
}

/* ------------------------------------------------------------------ */
/* key properties                                                     */
/* ------------------------------------------------------------------ */

static void test_BCryptGetProperty_key(void)
{
    struct key_row
    {
        const WCHAR *alg;
        ULONG key_len;        /* bytes of secret */
        ULONG bits;           /* KeyLength / KeyStrength */
        ULONG block_len;
        BOOL builtin_gap;     /* no such provider in Wine's builtin */
    };
    static const struct key_row rows[] =
    {
        { BCRYPT_AES_ALGORITHM, 16, 128, 16 },   /* wine-test: KeyStrength 128 */
        { BCRYPT_AES_ALGORITHM, 24, 192, 16 },   /* doc: "the number of bits in the key" */
        { BCRYPT_AES_ALGORITHM, 32, 256, 16 },
        { BCRYPT_3DES_ALGORITHM, 24, 192, 8 },   /* hypothesis: the full 192-bit key size */
        { BCRYPT_DES_ALGORITHM, 8, 64, 8, TRUE },
        { BCRYPT_RC4_ALGORITHM, 5, 40, 1, TRUE },
    };
    static const UCHAR secret[32] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16,
                                     17, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30, 31, 32};
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        BCRYPT_ALG_HANDLE alg = NULL, provider;
        struct test_key key;
        WCHAR name[32], mode[32];
        NTSTATUS status;
        ULONG value;

        winetest_push_context("row %u (%s)", i, winetest_wstr(rows[i].alg));
        status = BCryptOpenAlgorithmProvider(&alg, rows[i].alg, NULL, 0);
        todo_builtin_if(rows[i].builtin_gap) ok(status == STATUS_SUCCESS, "opening: got %#lx\n", status);
        if (status || !make_key(&key, alg, secret, rows[i].key_len))
        {
            if (!status) close_alg(alg);
            winetest_pop_context();
            continue;
        }

        /* doc: KeyStrength, bits in the key (Wine 8 builtin: unsupported) */
        value = 0;
        check_prop(key.handle, BCRYPT_KEY_STRENGTH, sizeof(ULONG), &value, PGAP_QUERY | PGAP_MISSING);
        todo_builtin ok(value == rows[i].bits, "KeyStrength %lu, expected %lu\n", value, rows[i].bits);
        /* doc: KeyLength, size in bits of the key */
        value = 0;
        check_prop(key.handle, BCRYPT_KEY_LENGTH, sizeof(ULONG), &value, PGAP_QUERY | PGAP_MISSING);
        todo_builtin ok(value == rows[i].bits, "KeyLength %lu, expected %lu\n", value, rows[i].bits);
        /* wine-test */
        value = 0;
        check_prop(key.handle, BCRYPT_BLOCK_LENGTH, sizeof(ULONG), &value, PGAP_QUERY);
        ok(value == rows[i].block_len, "BlockLength %lu\n", value);
        if (rows[i].block_len > 1)
        {
            memset(mode, 0, sizeof(mode));
            check_prop(key.handle, BCRYPT_CHAINING_MODE, 64, mode, PGAP_QUERY);
            ok(!wcscmp(mode, BCRYPT_CHAIN_MODE_CBC), "ChainingMode %s\n", winetest_wstr(mode));
        }
        /* hypothesis: a key reports its algorithm's name */
        memset(name, 0, sizeof(name));
        check_prop(key.handle, BCRYPT_ALGORITHM_NAME, (ULONG)((wcslen(rows[i].alg) + 1) * sizeof(WCHAR)), name,
                   PGAP_QUERY | PGAP_MISSING);
        todo_builtin ok(!wcscmp(name, rows[i].alg), "AlgorithmName %s\n", winetest_wstr(name));
        /* doc: ProviderHandle is the handle of the provider that made the
         * object */
        provider = SEED_HANDLE;
        check_prop(key.handle, BCRYPT_PROVIDER_HANDLE, sizeof(provider), &provider, PGAP_QUERY | PGAP_MISSING);
        todo_builtin ok(provider == alg, "ProviderHandle %p, expected %p\n", provider, alg);

        free_key(&key);
        close_alg(alg);
        winetest_pop_context();
    }
}

static void test_BCryptGetProperty_message_block_length(void)
{
    UCHAR secret[16] = {0};
    BCRYPT_ALG_HANDLE alg;
    struct test_key key;
    NTSTATUS status;
    ULONG value;

    alg = open_alg(BCRYPT_AES_ALGORITHM, BCRYPT_CHAIN_MODE_CFB);
    if (!alg || !make_key(&key, alg, secret, sizeof(secret))) return;
    /* doc: 1 by default on a CFB key (8-bit CFB) */
    value = 0;
    check_prop(key.handle, BCRYPT_MESSAGE_BLOCK_LENGTH, sizeof(ULONG), &value, PGAP_QUERY | PGAP_MISSING);
    todo_builtin ok(value == 1, "MessageBlockLength %lu\n", value);
    /* doc: the block size selects full-block CFB */
    value = 16;
    status = BCryptSetProperty(key.handle, BCRYPT_MESSAGE_BLOCK_LENGTH, (UCHAR *)&value, sizeof(value), 0);
    todo_builtin ok(status == STATUS_SUCCESS, "setting 16: got %#lx\n", status);
    if (!status) ok(get_ulong(key.handle, BCRYPT_MESSAGE_BLOCK_LENGTH) == 16, "not 16 after setting it\n");
    /* hypothesis: other sizes than 1 and the block size are refused */
    value = 5;
    status = BCryptSetProperty(key.handle, BCRYPT_MESSAGE_BLOCK_LENGTH, (UCHAR *)&value, sizeof(value), 0);
    ok(status != STATUS_SUCCESS, "setting 5: got %#lx\n", status);
    free_key(&key);
    close_alg(alg);
}

static void test_BCryptGetProperty_effective_key_length(void)
{
    UCHAR secret[16] = {0};
    BCRYPT_ALG_HANDLE alg = NULL;
    struct test_key key;
    NTSTATUS status;
    ULONG value;

    status = BCryptOpenAlgorithmProvider(&alg, BCRYPT_RC2_ALGORITHM, NULL, 0);
    todo_builtin ok(status == STATUS_SUCCESS, "opening RC2: got %#lx\n", status);
    if (status)
    {
        skip("no RC2 provider\n");
        return;
    }
    if (make_key(&key, alg, secret, sizeof(secret)))
    {
        /* doc: the effective bit length of an RC2 key; win-re 2.3: 16..1024 */
        value = 0;
        check_prop(key.handle, BCRYPT_EFFECTIVE_KEY_LENGTH, sizeof(ULONG), &value, PGAP_QUERY);
        ok(value >= 16 && value <= 1024, "EffectiveKeyLength %lu\n", value);
        value = 40;
        status = BCryptSetProperty(key.handle, BCRYPT_EFFECTIVE_KEY_LENGTH, (UCHAR *)&value, sizeof(value), 0);
        ok(status == STATUS_SUCCESS, "setting 40: got %#lx\n", status);
        ok(get_ulong(key.handle, BCRYPT_EFFECTIVE_KEY_LENGTH) == 40, "not 40 after setting it\n");
        free_key(&key);
    }
    close_alg(alg);
}

/* ------------------------------------------------------------------ */
/* pseudo-handles (Windows 10+)                                       */
/* ------------------------------------------------------------------ */

static void test_pseudo_handles(void)
{
    struct pseudo_row
    {
        BCRYPT_ALG_HANDLE handle;
        const WCHAR *name;
        const WCHAR *mode;     /* doc: each handle names the algorithm and mode */
        ULONG key_len;
        unsigned int gaps;     /* Wine 8's builtin: 1 no such algorithm, 2 no such mode */
    };
    static const struct pseudo_row rows[] =
    {
        { BCRYPT_AES_CBC_ALG_HANDLE, BCRYPT_AES_ALGORITHM, BCRYPT_CHAIN_MODE_CBC, 16 },  /* wine-test */
        { BCRYPT_AES_ECB_ALG_HANDLE, BCRYPT_AES_ALGORITHM, BCRYPT_CHAIN_MODE_ECB, 16 },
        { BCRYPT_AES_CFB_ALG_HANDLE, BCRYPT_AES_ALGORITHM, BCRYPT_CHAIN_MODE_CFB, 16 },
        { BCRYPT_AES_GCM_ALG_HANDLE, BCRYPT_AES_ALGORITHM, BCRYPT_CHAIN_MODE_GCM, 16 },
        { BCRYPT_AES_CCM_ALG_HANDLE, BCRYPT_AES_ALGORITHM, BCRYPT_CHAIN_MODE_CCM, 16, 2 },
        { BCRYPT_3DES_CBC_ALG_HANDLE, BCRYPT_3DES_ALGORITHM, BCRYPT_CHAIN_MODE_CBC, 24 },
        { BCRYPT_3DES_ECB_ALG_HANDLE, BCRYPT_3DES_ALGORITHM, BCRYPT_CHAIN_MODE_ECB, 24, 2 },
        { BCRYPT_3DES_112_CBC_ALG_HANDLE, BCRYPT_3DES_112_ALGORITHM, BCRYPT_CHAIN_MODE_CBC, 16, 1 },
        { BCRYPT_DES_CBC_ALG_HANDLE, BCRYPT_DES_ALGORITHM, BCRYPT_CHAIN_MODE_CBC, 8, 1 },
        { BCRYPT_RC2_CBC_ALG_HANDLE, BCRYPT_RC2_ALGORITHM, BCRYPT_CHAIN_MODE_CBC, 16, 1 },
        { BCRYPT_RC4_ALG_HANDLE, BCRYPT_RC4_ALGORITHM, NULL, 16, 1 },
    };
    static const UCHAR secret[24] = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24};
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        BCRYPT_KEY_HANDLE key;
        WCHAR buf[32];
        NTSTATUS status;
        ULONG size;

        winetest_push_context("row %u (%p)", i, rows[i].handle);
        /* wine-test: GetProperty works on pseudo-handles */
        seed(buf, sizeof(buf));
        size = SEED_ULONG;
        status = BCryptGetProperty(rows[i].handle, BCRYPT_ALGORITHM_NAME, (UCHAR *)buf, sizeof(buf), &size, 0);
        todo_builtin_if(rows[i].gaps & 1) ok(status == STATUS_SUCCESS, "AlgorithmName: got %#lx\n", status);
        if (status)
        {
            winetest_pop_context();
            continue;
        }
        ok(!wcscmp(buf, rows[i].name), "AlgorithmName %s\n", winetest_wstr(buf));
        if (rows[i].mode)
        {
            seed(buf, sizeof(buf));
            status = BCryptGetProperty(rows[i].handle, BCRYPT_CHAINING_MODE, (UCHAR *)buf, sizeof(buf), &size, 0);
            todo_builtin_if(rows[i].gaps & 2) ok(status == STATUS_SUCCESS && !wcscmp(buf, rows[i].mode), "ChainingMode: got %#lx, %s\n", status,
               status ? "" : winetest_wstr(buf));
            /* wine-test: SetProperty on a pseudo-handle -> ACCESS_DENIED */
            status = BCryptSetProperty(rows[i].handle, BCRYPT_CHAINING_MODE, (UCHAR *)BCRYPT_CHAIN_MODE_CBC,
                                       sizeof(BCRYPT_CHAIN_MODE_CBC), 0);
            ok(status == STATUS_ACCESS_DENIED, "SetProperty: got %#lx\n", status);
        }
        /* wine-test: keys can be made from pseudo-handles; hypothesis: they
         * take the handle's mode */
        key = SEED_HANDLE;
        status = BCryptGenerateSymmetricKey(rows[i].handle, &key, NULL, 0, (UCHAR *)secret, rows[i].key_len, 0);
        ok(status == STATUS_SUCCESS, "GenerateSymmetricKey: got %#lx\n", status);
        if (status == STATUS_SUCCESS)
        {
            if (rows[i].mode)
            {
                seed(buf, sizeof(buf));
                status = BCryptGetProperty(key, BCRYPT_CHAINING_MODE, (UCHAR *)buf, sizeof(buf), &size, 0);
                todo_builtin_if(rows[i].gaps & 2) ok(status == STATUS_SUCCESS && !wcscmp(buf, rows[i].mode), "key ChainingMode: got %#lx, %s\n",
                   status, status ? "" : winetest_wstr(buf));
            }
            BCryptDestroyKey(key);
        }
        winetest_pop_context();
    }
}

/* ------------------------------------------------------------------ */
/* BCryptSetProperty on providers                                     */
/* ------------------------------------------------------------------ */

static void test_BCryptSetProperty_provider(void)
{
    struct set_row
    {
        const WCHAR *alg;
        const WCHAR *prop;
        const void *value;
        ULONG len;            /* ~0u: sizeof the string with its NUL */
        NTSTATUS expect;
        BOOL builtin_gap;
    };
    static const ULONG key_len = 512;
    static const struct set_row rows[] =
    {
        /* wine-test */
        { BCRYPT_AES_ALGORITHM, BCRYPT_CHAINING_MODE, BCRYPT_CHAIN_MODE_GCM, ~0u, STATUS_SUCCESS },
        { BCRYPT_AES_ALGORITHM, BCRYPT_CHAINING_MODE, BCRYPT_CHAIN_MODE_ECB, 0, STATUS_SUCCESS },   /* size 0 is fine */
        { BCRYPT_3DES_ALGORITHM, BCRYPT_CHAINING_MODE, BCRYPT_CHAIN_MODE_GCM, 0, STATUS_NOT_SUPPORTED },
        { BCRYPT_RC4_ALGORITHM, BCRYPT_CHAINING_MODE, BCRYPT_CHAIN_MODE_NA, ~0u, STATUS_SUCCESS, TRUE },
        { BCRYPT_AES_ALGORITHM, BCRYPT_KEY_LENGTH, &key_len, sizeof(ULONG), STATUS_NOT_SUPPORTED, TRUE },
        /* hypothesis: unknown mode strings are not supported */
        { BCRYPT_AES_ALGORITHM, BCRYPT_CHAINING_MODE, L"ChainingModeXYZ", ~0u, STATUS_NOT_SUPPORTED, TRUE },
        /* doc: ProviderHandle can only be retrieved; hypothesis: NOT_SUPPORTED */
        { BCRYPT_AES_ALGORITHM, BCRYPT_PROVIDER_HANDLE, &key_len, sizeof(ULONG), STATUS_NOT_SUPPORTED, TRUE },
    };
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        BCRYPT_ALG_HANDLE alg = NULL;
        NTSTATUS status;
        ULONG len;

        winetest_push_context("row %u", i);
        status = BCryptOpenAlgorithmProvider(&alg, rows[i].alg, NULL, 0);
        todo_builtin_if(rows[i].builtin_gap && !wcscmp(rows[i].alg, BCRYPT_RC4_ALGORITHM))
        ok(status == STATUS_SUCCESS, "opening %s: got %#lx\n", winetest_wstr(rows[i].alg), status);
        if (status)
        {
            winetest_pop_context();
            continue;
        }
        len = rows[i].len == ~0u ? (ULONG)((wcslen(rows[i].value) + 1) * sizeof(WCHAR)) : rows[i].len;
        status = BCryptSetProperty(alg, rows[i].prop, (UCHAR *)rows[i].value, len, 0);
        todo_builtin_if(rows[i].builtin_gap)
        ok(status == rows[i].expect, "got %#lx, expected %#lx\n", status, rows[i].expect);
        close_alg(alg);
        winetest_pop_context();
    }
}

/* ------------------------------------------------------------------ */
/* BCryptEnumAlgorithms / BCryptFreeBuffer                            */
/* ------------------------------------------------------------------ */

static void test_BCryptEnumAlgorithms_arguments(void)
{
    BCRYPT_ALGORITHM_IDENTIFIER *list;
    NTSTATUS status;
    ULONG count;

    /* wine-test */
    status = BCryptEnumAlgorithms(0, NULL, NULL, 0);
    ok(status == STATUS_INVALID_PARAMETER, "all NULL: got %#lx\n", status);
    list = SEED_HANDLE;
    status = BCryptEnumAlgorithms(0, &count, NULL, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL list: got %#lx\n", status);
    count = SEED_ULONG;
    status = BCryptEnumAlgorithms(0, NULL, &list, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL count: got %#lx\n", status);
    ok(list == SEED_HANDLE, "list changed\n");
    status = BCryptEnumAlgorithms(~0u, &count, &list, 0);
    ok(status == STATUS_INVALID_PARAMETER, "all bits: got %#lx\n", status);

    count = 0;
    list = NULL;
    status = BCryptEnumAlgorithms(0, &count, &list, 0);
    ok(status == STATUS_SUCCESS, "0: got %#lx\n", status);
    ok(count > 0 && list != NULL, "0: %lu entries, list %p\n", count, list);
    BCryptFreeBuffer(list);
}

static BOOL list_has(const BCRYPT_ALGORITHM_IDENTIFIER *list, ULONG count, const WCHAR *name)
{
    ULONG i;
    for (i = 0; i < count; i++) if (!wcscmp(list[i].pszName, name)) return TRUE;
    return FALSE;
}

static void test_BCryptEnumAlgorithms_classes(void)
{
    struct class_row
    {
        ULONG ops;
        ULONG alg_class;
        const WCHAR *must_have[5];
        BOOL builtin_gap;     /* a listed name is missing from Wine's builtin */
    };
    /* doc: each operation bit selects one class of algorithms; the names are
     * CNG algorithm identifiers (doc) that Windows registers (hypothesis) */
    static const struct class_row rows[] =
    {
        { BCRYPT_CIPHER_OPERATION, BCRYPT_CIPHER_INTERFACE,
          { BCRYPT_AES_ALGORITHM, BCRYPT_3DES_ALGORITHM, BCRYPT_DES_ALGORITHM, BCRYPT_RC2_ALGORITHM, BCRYPT_RC4_ALGORITHM },
          TRUE },
        { BCRYPT_HASH_OPERATION, BCRYPT_HASH_INTERFACE, { BCRYPT_SHA1_ALGORITHM, BCRYPT_SHA256_ALGORITHM, BCRYPT_MD5_ALGORITHM } },
        { BCRYPT_RNG_OPERATION, BCRYPT_RNG_INTERFACE, { BCRYPT_RNG_ALGORITHM } },
    };
    unsigned int i, j;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        BCRYPT_ALGORITHM_IDENTIFIER *list = NULL;
        ULONG count = 0, k;
        NTSTATUS status;

        winetest_push_context("row %u", i);
        status = BCryptEnumAlgorithms(rows[i].ops, &count, &list, 0);
        ok(status == STATUS_SUCCESS, "got %#lx\n", status);
        if (status)
        {
            winetest_pop_context();
            continue;
        }
        for (k = 0; k < count; k++)
            ok(list[k].dwClass == rows[i].alg_class, "%s has class %lu\n", winetest_wstr(list[k].pszName),
               list[k].dwClass);
        for (j = 0; j < ARRAY_SIZE(rows[i].must_have) && rows[i].must_have[j]; j++)
        {
            BOOL gap = rows[i].builtin_gap && wcscmp(rows[i].must_have[j], BCRYPT_AES_ALGORITHM) &&
                       wcscmp(rows[i].must_have[j], BCRYPT_3DES_ALGORITHM);
            todo_builtin_if(gap)
            ok(list_has(list, count, rows[i].must_have[j]), "%s missing\n", winetest_wstr(rows[i].must_have[j]));
        }
        BCryptFreeBuffer(list);
        winetest_pop_context();
    }
}

START_TEST(alg_provider)
{
    test_BCryptOpenAlgorithmProvider_arguments();
    test_BCryptCloseAlgorithmProvider_errors();
    test_BCryptGetProperty_arguments();
    test_BCryptGetProperty_provider();
    test_BCryptGetProperty_auth_tag_length();
    test_BCryptGetProperty_key();
    test_BCryptGetProperty_message_block_length();
    test_BCryptGetProperty_effective_key_length();
    test_pseudo_handles();
    test_BCryptSetProperty_provider();
    test_BCryptEnumAlgorithms_arguments();
    test_BCryptEnumAlgorithms_classes();
}
