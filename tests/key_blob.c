/*
 * Conformance tests for the life cycle of symmetric keys:
 * BCryptGenerateSymmetricKey, BCryptImportKey/BCryptExportKey (KeyDataBlob,
 * OpaqueKeyBlob) and BCryptDestroyKey (encryption: key_symmetric.c).
 *
 * Rules: shared/reference/windows-crypto-behavior.md section 4.5 and the
 * Microsoft documentation; each assertion names its source
 * (doc, wine-test, win-re, unverified, hypothesis).
 * Vectors: NIST SP 800-38A (AES).
 */
#include "winetest.h"
#include "cng_test.h"
#include "nist_sp800_38a.h"

static BCRYPT_ALG_HANDLE open_aes(const WCHAR *mode)
{
    return open_alg(BCRYPT_AES_ALGORITHM, mode);
}

static BOOL make_nist_key(BCRYPT_ALG_HANDLE alg, struct test_key *key)
{
    struct bytes k = hex(nist_key128);
    return make_key(key, alg, k.data, k.len);
}

static void discard_unexpected(NTSTATUS status, BCRYPT_KEY_HANDLE handle)
{
    if (status == STATUS_SUCCESS && handle && handle != SEED_HANDLE) BCryptDestroyKey(handle);
}

/* ------------------------------------------------------------------ */
/* BCryptGenerateSymmetricKey                                         */
/* ------------------------------------------------------------------ */

static void test_BCryptGenerateSymmetricKey_bad_algorithm(void)
{
    struct bytes k = hex(nist_key128);
    BCRYPT_KEY_HANDLE key;
    BCRYPT_ALG_HANDLE sha;
    NTSTATUS status;

    key = SEED_HANDLE;
    status = BCryptGenerateSymmetricKey(NULL, &key, NULL, 0, k.data, k.len, 0);
    ok(status == STATUS_INVALID_HANDLE, "NULL algorithm: got %#lx\n", status); /* wine-test */
    ok(key == SEED_HANDLE, "NULL algorithm: output changed to %p\n", key);    /* wine-test */

    sha = open_alg(BCRYPT_SHA256_ALGORITHM, NULL);
    if (!sha) return;
    /* win-re (reference 4.5): only cipher and KDF algorithms make keys */
    key = SEED_HANDLE;
    status = BCryptGenerateSymmetricKey(sha, &key, NULL, 0, k.data, k.len, 0);
    todo_builtin ok(status == STATUS_NOT_SUPPORTED, "hash algorithm: got %#lx\n", status);
    ok(key == SEED_HANDLE, "hash algorithm: output changed to %p\n", key);
    discard_unexpected(status, key);
    close_alg(sha);
}

static void test_BCryptGenerateSymmetricKey_bad_arguments(void)
{
    struct bytes k = hex(nist_key128);
    BCRYPT_KEY_HANDLE key;
    BCRYPT_ALG_HANDLE alg;
    NTSTATUS status;

    if (winetest_dll_kind() == WINETEST_DLL_BUILTIN)
    {
        skip("Wine's builtin crashes on a NULL phKey or pbSecret\n");
        return;
    }
    alg = open_aes(NULL);
    if (!alg) return;
    /* win-re (reference 4.5): NULL phKey or NULL pbSecret */
    status = BCryptGenerateSymmetricKey(alg, NULL, NULL, 0, k.data, k.len, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL output: got %#lx\n", status);
    key = SEED_HANDLE;
    status = BCryptGenerateSymmetricKey(alg, &key, NULL, 0, NULL, k.len, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL secret: got %#lx\n", status);
    ok(key == SEED_HANDLE, "NULL secret: output changed to %p\n", key);
    discard_unexpected(status, key);
    close_alg(alg);
}

static void test_BCryptGenerateSymmetricKey_object_buffer(void)
{
    struct buf_row
    {
        BOOL use_buffer;
        ULONG len;          /* ~0u: OBJECT_LENGTH, ~1u: OBJECT_LENGTH - 1 */
        NTSTATUS expect;
    };
    static const struct buf_row rows[] =
    {
        { FALSE, 0,   STATUS_SUCCESS },            /* wine-test: NULL/0 allocates */
        { FALSE, 62,  STATUS_INVALID_PARAMETER },  /* win-re: NULL with a size */
        { TRUE,  0,   STATUS_BUFFER_TOO_SMALL },   /* win-re: below 62 bytes */
        { TRUE,  61,  STATUS_BUFFER_TOO_SMALL },   /* win-re: below 62 bytes */
        { TRUE,  62,  STATUS_BUFFER_TOO_SMALL },   /* win-re: header only, provider refuses */
        { TRUE,  ~1u, STATUS_BUFFER_TOO_SMALL },   /* hypothesis: doc sizes it with OBJECT_LENGTH */
        { TRUE,  ~0u, STATUS_SUCCESS },            /* doc */
    };
    struct bytes k = hex(nist_key128);
    BCRYPT_KEY_HANDLE key;
    BCRYPT_ALG_HANDLE alg;
    NTSTATUS status;
    ULONG objlen;
    unsigned int i;
    UCHAR *buf;

    alg = open_aes(NULL);
    if (!alg) return;
    objlen = get_ulong(alg, BCRYPT_OBJECT_LENGTH);
    buf = HeapAlloc(GetProcessHeap(), 0, objlen);
    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        ULONG len = rows[i].len == ~0u ? objlen : rows[i].len == ~1u ? objlen - 1 : rows[i].len;
        BOOL builtin_gap = rows[i].expect != STATUS_SUCCESS;

        winetest_push_context("row %u (%lu bytes)", i, len);
        seed(buf, objlen);
        key = SEED_HANDLE;
        status = BCryptGenerateSymmetricKey(alg, &key, rows[i].use_buffer ? buf : NULL, len, k.data, k.len, 0);
        /* Wine's builtin ignores the object buffer (reference 2.5) */
        todo_builtin_if(builtin_gap) ok(status == rows[i].expect, "got %#lx, expected %#lx\n", status, rows[i].expect);
        if (rows[i].expect)
            todo_builtin_if(builtin_gap) ok(key == SEED_HANDLE, "output changed to %p\n", key);
        else if (rows[i].use_buffer)
            /* win-re 2.2 step 7 (same router): the handle points into the buffer */
            todo_builtin ok((UCHAR *)key >= buf && (UCHAR *)key < buf + objlen, "handle %p outside the buffer\n", key);
        if (rows[i].use_buffer)
            ok(is_seeded_range(buf, len, objlen), "wrote past %lu bytes\n", len); /* hypothesis */
        if (status == STATUS_SUCCESS && key != SEED_HANDLE)
        {
            /* SP 800-38A F.2.1: the key works */
            struct bytes pt = hex(nist_pt), ct = hex(nist_cbc128), iv = hex(nist_iv);
            crypt_ok(key, TRUE, pt.data, pt.len, iv.data, iv.len, 0, ct.data, ct.len);
            BCryptDestroyKey(key);
        }
        winetest_pop_context();
    }
    HeapFree(GetProcessHeap(), 0, buf);
    close_alg(alg);
}

static void test_BCryptGenerateSymmetricKey_secret_length(void)
{
    struct len_row
    {
        const WCHAR *alg;
        ULONG len;
        NTSTATUS expect;
        ULONG strength;      /* KeyStrength in bits on success */
    };
    static const struct len_row rows[] =
    {
        { BCRYPT_AES_ALGORITHM, 1,  STATUS_INVALID_PARAMETER },  /* wine-test */
        { BCRYPT_AES_ALGORITHM, 15, STATUS_INVALID_PARAMETER },  /* wine-test (KeyLengths 128..256/64) */
        { BCRYPT_AES_ALGORITHM, 17, STATUS_INVALID_PARAMETER },  /* wine-test */
        { BCRYPT_AES_ALGORITHM, 16, STATUS_SUCCESS, 128 },       /* wine-test */
        { BCRYPT_AES_ALGORITHM, 24, STATUS_SUCCESS, 192 },       /* doc: KeyStrength = bits in the key */
        { BCRYPT_AES_ALGORITHM, 32, STATUS_SUCCESS, 256 },
        { BCRYPT_AES_ALGORITHM, 33, STATUS_SUCCESS, 256 },       /* wine-test: truncated to 32 bytes */
        { BCRYPT_3DES_ALGORITHM, 24, STATUS_SUCCESS, 192 },      /* wine-test KeyLengths; strength hypothesis */
    };
    static const UCHAR secret[40] =
    {
        0x60,0x3d,0xeb,0x10,0x15,0xca,0x71,0xbe,0x2b,0x73,0xae,0xf0,0x85,0x7d,0x77,0x81,
        0x1f,0x35,0x2c,0x07,0x3b,0x61,0x08,0xd7,0x2d,0x98,0x10,0xa3,0x09,0x14,0xdf,0xf4,
        0x55,0x66,0x77,0x88,0x99,0xaa,0xbb,0xcc,
    };
    unsigned int i;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        BCRYPT_ALG_HANDLE alg;
        BCRYPT_KEY_HANDLE key;
        NTSTATUS status;

        winetest_push_context("row %u (%lu bytes)", i, rows[i].len);
        alg = open_alg(rows[i].alg, NULL);
        if (!alg)
        {
            winetest_pop_context();
            continue;
        }
        key = SEED_HANDLE;
        status = BCryptGenerateSymmetricKey(alg, &key, NULL, 0, (UCHAR *)secret, rows[i].len, 0);
        ok(status == rows[i].expect, "got %#lx, expected %#lx\n", status, rows[i].expect);
        if (rows[i].expect) ok(key == SEED_HANDLE, "output changed to %p\n", key); /* wine-test */
        if (status == STATUS_SUCCESS)
        {
            ULONG strength = SEED_ULONG, size = SEED_ULONG;
            status = BCryptGetProperty(key, BCRYPT_KEY_STRENGTH, (UCHAR *)&strength, sizeof(strength), &size, 0);
            /* Wine 8's builtin has no KeyStrength; later ones report the
             * block size for every key (reference 4.3) */
            todo_builtin ok(status == STATUS_SUCCESS && size == sizeof(ULONG), "KeyStrength: got %#lx, size %lu\n",
                            status, size);
            todo_builtin ok(strength == rows[i].strength, "KeyStrength %lu, expected %lu\n", strength, rows[i].strength);
            if (rows[i].len == 33)
            {
                /* the first 32 bytes are the SP 800-38A F.1.5 key */
                struct bytes pt = hex(nist_pt), ct = hex(nist_ecb256);
                set_mode(key, BCRYPT_CHAIN_MODE_ECB);
                crypt_ok(key, TRUE, pt.data, pt.len, NULL, 0, 0, ct.data, ct.len);
            }
            BCryptDestroyKey(key);
        }
        close_alg(alg);
        winetest_pop_context();
    }
}

/* ------------------------------------------------------------------ */
/* import, export, destroy                                            */
/* ------------------------------------------------------------------ */

static ULONG make_key_data_blob(UCHAR *blob, ULONG magic, ULONG version, ULONG key_len, const struct bytes *k)
{
    BCRYPT_KEY_DATA_BLOB_HEADER *hdr = (BCRYPT_KEY_DATA_BLOB_HEADER *)blob;
    hdr->dwMagic = magic;
    hdr->dwVersion = version;
    hdr->cbKeyData = key_len;
    memcpy(blob + sizeof(*hdr), k->data, k->len);
    return sizeof(*hdr) + k->len;
}

static void test_BCryptImportKey_key_data_blob(void)
{
    struct bytes k = hex(nist_key128), pt = hex(nist_pt), ct = hex(nist_ecb128);
    UCHAR blob[64], out[64];
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE key;
    ULONG blob_len, size;
    NTSTATUS status;

    alg = open_aes(BCRYPT_CHAIN_MODE_ECB);
    if (!alg) return;
    /* doc: BCRYPT_KEY_DATA_BLOB_HEADER (12 bytes) + key bytes */
    blob_len = make_key_data_blob(blob, BCRYPT_KEY_DATA_BLOB_MAGIC, BCRYPT_KEY_DATA_BLOB_VERSION1, k.len, &k);
    key = SEED_HANDLE;
    status = BCryptImportKey(alg, NULL, BCRYPT_KEY_DATA_BLOB, &key, NULL, 0, blob, blob_len, 0);
    ok(status == STATUS_SUCCESS, "import: got %#lx\n", status); /* wine-test */
    if (status)
    {
        close_alg(alg);
        return;
    }
    /* SP 800-38A F.1.1 with the imported key */
    crypt_ok(key, TRUE, pt.data, pt.len, NULL, 0, 0, ct.data, ct.len);

    /* win-re: NULL output is a size query */
    size = SEED_ULONG;
    status = BCryptExportKey(key, NULL, BCRYPT_KEY_DATA_BLOB, NULL, 0, &size, 0);
    todo_builtin ok(status == STATUS_SUCCESS, "size query: got %#lx\n", status);
    ok(size == blob_len, "size query: got %lu\n", size);

    /* wine-test: too small -> BUFFER_TOO_SMALL with the size */
    size = SEED_ULONG;
    seed(out, sizeof(out));
    status = BCryptExportKey(key, NULL, BCRYPT_KEY_DATA_BLOB, out, 0, &size, 0);
    ok(status == STATUS_BUFFER_TOO_SMALL, "0 bytes: got %#lx\n", status);
    ok(size == blob_len, "0 bytes: got size %lu\n", size);
    size = SEED_ULONG;
    status = BCryptExportKey(key, NULL, BCRYPT_KEY_DATA_BLOB, out, blob_len - 1, &size, 0);
    ok(status == STATUS_BUFFER_TOO_SMALL, "one byte short: got %#lx\n", status);
    ok(size == blob_len, "one byte short: got size %lu\n", size);
    ok(is_seeded(out, sizeof(out)), "output written on failure\n"); /* hypothesis */

    /* wine-test: the export is the imported blob */
    size = SEED_ULONG;
    status = BCryptExportKey(key, NULL, BCRYPT_KEY_DATA_BLOB, out, sizeof(out), &size, 0);
    ok(status == STATUS_SUCCESS, "export: got %#lx\n", status);
    ok(size == blob_len && !memcmp(out, blob, blob_len), "export: got %s\n", winetest_hex(out, size == blob_len ? size : 0));
    BCryptDestroyKey(key);
    close_alg(alg);
}

static void test_BCryptImportKey_key_data_blob_errors(void)
{
    /* Windows' own codes are not documented: the reference gives Wine's
     * (wine-impl); all rows are hypothesis: Windows matches. */
    struct blob_row
    {
        ULONG magic, version, key_len, cb;   /* cb 0: the whole blob */
        const WCHAR *type;
        NTSTATUS expect;
        BOOL builtin_gap;
    };
    static const struct blob_row rows[] =
    {
        { BCRYPT_KEY_DATA_BLOB_MAGIC, 1, 16, 11, BCRYPT_KEY_DATA_BLOB, STATUS_BUFFER_TOO_SMALL },
        { 0x12345678, 1, 16, 0, BCRYPT_KEY_DATA_BLOB, STATUS_INVALID_PARAMETER },
        { BCRYPT_KEY_DATA_BLOB_MAGIC, 2, 16, 0, BCRYPT_KEY_DATA_BLOB, STATUS_INVALID_PARAMETER },
        { BCRYPT_KEY_DATA_BLOB_MAGIC, 1, 17, 0, BCRYPT_KEY_DATA_BLOB, STATUS_INVALID_PARAMETER },
        { BCRYPT_KEY_DATA_BLOB_MAGIC, 1, 15, 27, BCRYPT_KEY_DATA_BLOB, STATUS_INVALID_PARAMETER },
        { BCRYPT_KEY_DATA_BLOB_MAGIC, 1, 16, 0, L"NoSuchBlob", STATUS_NOT_SUPPORTED, TRUE },
        { BCRYPT_KEY_DATA_BLOB_MAGIC, 1, 16, 0, NULL, STATUS_INVALID_PARAMETER },
    };
    struct bytes k = hex(nist_key128);
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE key;
    unsigned int i;
    UCHAR blob[64];

    alg = open_aes(NULL);
    if (!alg) return;
    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        ULONG len = make_key_data_blob(blob, rows[i].magic, rows[i].version, rows[i].key_len, &k);
        NTSTATUS status;

        winetest_push_context("row %u", i);
        if (rows[i].cb) len = rows[i].cb;
        key = SEED_HANDLE;
        status = BCryptImportKey(alg, NULL, rows[i].type, &key, NULL, 0, blob, len, 0);
        todo_builtin_if(rows[i].builtin_gap)
        ok(status == rows[i].expect, "got %#lx, expected %#lx\n", status, rows[i].expect);
        ok(key == SEED_HANDLE, "output changed to %p\n", key);
        discard_unexpected(status, key);
        winetest_pop_context();
    }
    close_alg(alg);
}

static void test_BCryptExportKey_errors(void)
{
    BCRYPT_ALG_HANDLE alg;
    struct test_key key;
    UCHAR out[64];
    NTSTATUS status;
    ULONG size;

    alg = open_aes(NULL);
    if (!alg || !make_nist_key(alg, &key)) return;

    /* win-re (reference 4.5) */
    size = SEED_ULONG;
    status = BCryptExportKey(key.handle, NULL, BCRYPT_KEY_DATA_BLOB, out, sizeof(out), &size, 1);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "flags: got %#lx\n", status);
    status = BCryptExportKey(key.handle, NULL, BCRYPT_KEY_DATA_BLOB, out, sizeof(out), NULL, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL size: got %#lx\n", status);
    size = SEED_ULONG;
    status = BCryptExportKey(key.handle, NULL, NULL, out, sizeof(out), &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL type: got %#lx\n", status);
    size = SEED_ULONG;
    status = BCryptExportKey(key.handle, NULL, L"NoSuchBlob", out, sizeof(out), &size, 0);
    todo_builtin ok(status == STATUS_NOT_SUPPORTED, "unknown type: got %#lx\n", status);
    /* hypothesis: a NULL key is an invalid handle, as everywhere else */
    size = SEED_ULONG;
    status = BCryptExportKey(NULL, NULL, BCRYPT_KEY_DATA_BLOB, out, sizeof(out), &size, 0);
    ok(status == STATUS_INVALID_HANDLE, "NULL key: got %#lx\n", status);

    free_key(&key);
    close_alg(alg);
}

static void test_BCryptImportKey_opaque_blob(void)
{
    struct bytes pt = hex(nist_pt), ct = hex(nist_ecb128);
    BCRYPT_ALG_HANDLE alg;
    BCRYPT_KEY_HANDLE key;
    struct test_key orig;
    ULONG size, len;
    NTSTATUS status;
    UCHAR *blob;

    alg = open_aes(BCRYPT_CHAIN_MODE_ECB);
    if (!alg || !make_nist_key(alg, &orig)) return;

    /* win-re: NULL output is a size query */
    len = SEED_ULONG;
    status = BCryptExportKey(orig.handle, NULL, BCRYPT_OPAQUE_KEY_BLOB, NULL, 0, &len, 0);
    todo_builtin ok(status == STATUS_SUCCESS, "size query: got %#lx\n", status);
    ok(len > 0 && len < 0x10000, "size query: got %lu\n", len);
    /* wine-test: BUFFER_TOO_SMALL with a non-zero size */
    size = SEED_ULONG;
    status = BCryptExportKey(orig.handle, NULL, BCRYPT_OPAQUE_KEY_BLOB, (UCHAR *)&size, 0, &size, 0);
    ok(status == STATUS_BUFFER_TOO_SMALL, "0 bytes: got %#lx\n", status);
    ok(size == len, "0 bytes: got size %lu\n", size);
    if (len == SEED_ULONG || !len)
    {
        free_key(&orig);
        close_alg(alg);
        return;
    }

    blob = HeapAlloc(GetProcessHeap(), 0, len);
    size = SEED_ULONG;
    status = BCryptExportKey(orig.handle, NULL, BCRYPT_OPAQUE_KEY_BLOB, blob, len, &size, 0);
    ok(status == STATUS_SUCCESS, "export: got %#lx\n", status);
    ok(size == len, "export: got size %lu\n", size);
    free_key(&orig);

    /* wine-test: the opaque blob imports back into a working key */
    key = SEED_HANDLE;
    status = BCryptImportKey(alg, NULL, BCRYPT_OPAQUE_KEY_BLOB, &key, NULL, 0, blob, len, 0);
    ok(status == STATUS_SUCCESS, "import: got %#lx\n", status);
    if (status == STATUS_SUCCESS)
    {
        crypt_ok(key, TRUE, pt.data, pt.len, NULL, 0, 0, ct.data, ct.len);
        BCryptDestroyKey(key);
    }

    /* wine-test: also through a pseudo-handle (Windows 10+) */
    key = SEED_HANDLE;
    status = BCryptImportKey(BCRYPT_AES_ECB_ALG_HANDLE, NULL, BCRYPT_OPAQUE_KEY_BLOB, &key, NULL, 0, blob, len, 0);
    ok(status == STATUS_SUCCESS, "import via pseudo-handle: got %#lx\n", status);
    if (status == STATUS_SUCCESS)
    {
        crypt_ok(key, TRUE, pt.data, pt.len, NULL, 0, 0, ct.data, ct.len);
        BCryptDestroyKey(key);
    }
    HeapFree(GetProcessHeap(), 0, blob);
    close_alg(alg);
}

static void test_BCryptDestroyKey_errors(void)
{
    BCRYPT_HASH_HANDLE hash = NULL;
    BCRYPT_ALG_HANDLE alg, sha;
    struct test_key key;
    NTSTATUS status;

    status = BCryptDestroyKey(NULL);
    ok(status == STATUS_INVALID_HANDLE, "NULL: got %#lx\n", status); /* wine-test */

    alg = open_aes(NULL);
    if (!alg || !make_nist_key(alg, &key)) return;
    status = BCryptDestroyKey(key.handle);
    ok(status == STATUS_SUCCESS, "destroy: got %#lx\n", status);
    /* wine-test: twice, with the object buffer still allocated */
    status = BCryptDestroyKey(key.handle);
    ok(status == STATUS_INVALID_HANDLE, "destroyed key: got %#lx\n", status);
    key.handle = NULL;
    free_key(&key);

    /* hypothesis: handles of other object types are invalid key handles
     * (reference 4.5 has the secret-handle case from wine-test) */
    status = BCryptDestroyKey(alg);
    ok(status == STATUS_INVALID_HANDLE, "algorithm handle: got %#lx\n", status);
    sha = open_alg(BCRYPT_SHA256_ALGORITHM, NULL);
    if (sha && !BCryptCreateHash(sha, &hash, NULL, 0, NULL, 0, 0))
    {
        status = BCryptDestroyKey(hash);
        ok(status == STATUS_INVALID_HANDLE, "hash handle: got %#lx\n", status);
        BCryptDestroyHash(hash);
    }
    close_alg(sha);
    close_alg(alg);
}

START_TEST(key_blob)
{
    test_BCryptGenerateSymmetricKey_bad_algorithm();
    test_BCryptGenerateSymmetricKey_bad_arguments();
    test_BCryptGenerateSymmetricKey_object_buffer();
    test_BCryptGenerateSymmetricKey_secret_length();
    test_BCryptImportKey_key_data_blob();
    test_BCryptImportKey_key_data_blob_errors();
    test_BCryptExportKey_errors();
    test_BCryptImportKey_opaque_blob();
    test_BCryptDestroyKey_errors();
}
