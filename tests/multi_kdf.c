/*
 * Conformance tests for the multi-hash exports (BCryptCreateMultiHash,
 * BCryptProcessMultiOperations; Windows 8.1+) and for BCryptKeyDerivation
 * (Windows 8+) on keys of the KDF algorithms SP800_108_CTR_HMAC,
 * SP800_56A_CONCAT, PBKDF2 and CAPI_KDF.
 *
 * Every check states Windows behaviour with its source (tags of
 * shared/reference/windows-crypto-behavior.md §0).  Expected bytes marked
 * "offline" were computed on the host with Python's hashlib/hmac from the
 * formulas the documentation gives, independently of the DLL under test.
 * The exports are looked up at run time: Wine's builtin bcrypt (8.x) lacks them.
 */
#include "winetest.h"
#include "cng_test.h"

static NTSTATUS (WINAPI *pBCryptCreateMultiHash)(BCRYPT_ALG_HANDLE, BCRYPT_HASH_HANDLE *, ULONG, UCHAR *, ULONG,
                                                 UCHAR *, ULONG, ULONG);
static NTSTATUS (WINAPI *pBCryptProcessMultiOperations)(BCRYPT_HANDLE, BCRYPT_MULTI_OPERATION_TYPE, void *, ULONG,
                                                        ULONG);
static NTSTATUS (WINAPI *pBCryptKeyDerivation)(BCRYPT_KEY_HANDLE, BCryptBufferDesc *, UCHAR *, ULONG, ULONG *, ULONG);

#define TEXT_(s) (UCHAR *)(s), (ULONG)sizeof(s)   /* with the terminating NUL, as Wine's vectors */

#define expect_hex(got, len, hex) expect_hex_(__FILE__, __LINE__, got, len, hex)
static BOOL expect_hex_(const char *file, int line, const UCHAR *got, ULONG len, const char *hex)
{
    UCHAR want[256];
    ULONG want_len = hex_to_bytes(hex, want, sizeof(want));
    BOOL match = want_len == len && !memcmp(got, want, len);

    ok_(file, line)(match, "got %s, expected %s\n", winetest_hex(got, len), hex);
    return match;
}

static void set_op(BCRYPT_MULTI_HASH_OPERATION *op, ULONG index, BCRYPT_HASH_OPERATION_TYPE type, UCHAR *buffer,
                   ULONG len)
{
    op->iHash = index;
    op->hashOperation = type;
    op->pbBuffer = buffer;
    op->cbBuffer = len;
}

/* ------------------------------------------------------------------ */
/* multi-hash                                                         */
/* ------------------------------------------------------------------ */

/* Wine's test_hashes vectors, recorded on Windows [wine-test]: "test\0" and "tset\0". */
static const char sha256_test[] = "ceb73749c899693706ede1e30c9929b3fd5dd926163831c2fb8bd41e6efb1126";
static const char sha256_tset[] = "ea0938c118a7b15954f41b85195f2b42aec3a9429c63f593cfa65c137ffaa986";
static const char hmac256_test[] = "34c1aa473a4468a91d06e7cdbc75bc4f93b830ccfc2a47ffd74e8e6ed29e4c72";
static const char hmac256_tset[] = "55feb7052060bd99e33f36eb0982c7f4856eb6a84fbefe19a1afd9faafc3af6f";
static const char hmac256_empty[] = "5d5d139563c95b5967b9bd9a8c9b233a9dedb45072794cd232dc1b74832607d0"; /* offline */

/* The multi-object length property of hash providers [doc: BCRYPT_MULTI_OBJECT_LENGTH_STRUCT]. */
static BOOL multi_lengths(BCRYPT_ALG_HANDLE alg, BCRYPT_MULTI_OBJECT_LENGTH_STRUCT *lengths)
{
    ULONG size = SEED_ULONG;
    NTSTATUS status;

    seed(lengths, sizeof(*lengths));
    status = BCryptGetProperty(alg, BCRYPT_MULTI_OBJECT_LENGTH, (UCHAR *)lengths, sizeof(*lengths), &size, 0);
    todo_builtin ok(status == STATUS_SUCCESS, "MultiObjectLength: got %#lx\n", status);
    if (status) return FALSE;
    ok(size == sizeof(*lengths), "MultiObjectLength: size %lu\n", size);
    ok(lengths->cbPerObject && lengths->cbPerElement && lengths->cbPerObject != SEED_ULONG,
       "MultiObjectLength {%lu, %lu}\n", lengths->cbPerObject, lengths->cbPerElement);
    return TRUE;
}

/* Two SHA-256 states in a buffer of cbPerObject + 2 * cbPerElement bytes [doc];
 * each runs its own data, in array order per state [doc: remarks]. */
static void test_multi_hash_vectors(void)
{
    BCRYPT_MULTI_OBJECT_LENGTH_STRUCT lengths;
    BCRYPT_MULTI_HASH_OPERATION ops[5];
    BCRYPT_HASH_HANDLE hash;
    BCRYPT_ALG_HANDLE alg;
    UCHAR out[2][32], *object;
    ULONG object_len, value;
    NTSTATUS status;

    /* doc: the algorithm is opened with BCRYPT_MULTI_FLAG */
    if (!(alg = open_alg_flags(BCRYPT_SHA256_ALGORITHM, NULL, BCRYPT_MULTI_FLAG))) return;
    if (!multi_lengths(alg, &lengths))
    {
        close_alg(alg);
        return;
    }
    object_len = lengths.cbPerObject + 2 * lengths.cbPerElement;
    object = HeapAlloc(GetProcessHeap(), 0, object_len);
    seed(object, object_len);

    /* hypothesis: one byte short of the documented size is too small */
    hash = SEED_HANDLE;
    status = pBCryptCreateMultiHash(alg, &hash, 2, object, object_len - 1, NULL, 0, 0);
    ok(status == STATUS_BUFFER_TOO_SMALL, "short buffer: got %#lx\n", status);
    ok(hash == SEED_HANDLE, "handle written: %p\n", hash);

    status = pBCryptCreateMultiHash(alg, &hash, 2, object, object_len, NULL, 0, 0);
    ok(status == STATUS_SUCCESS, "create: got %#lx\n", status);
    if (status) goto done;

    /* doc: each element is equivalent to a BCryptCreateHash object, always reusable */
    ok(get_ulong(hash, BCRYPT_HASH_LENGTH) == 32, "HashDigestLength\n");
    value = get_ulong(hash, BCRYPT_IS_REUSABLE_HASH);
    ok(value == 1, "IsReusableHash %lu\n", value);

    set_op(&ops[0], 0, BCRYPT_HASH_OPERATION_HASH_DATA, (UCHAR *)"te", 2);
    set_op(&ops[1], 1, BCRYPT_HASH_OPERATION_HASH_DATA, TEXT_("tset"));
    set_op(&ops[2], 0, BCRYPT_HASH_OPERATION_HASH_DATA, (UCHAR *)"st", 3);   /* "st\0" */
    set_op(&ops[3], 0, BCRYPT_HASH_OPERATION_FINISH_HASH, out[0], 32);
    set_op(&ops[4], 1, BCRYPT_HASH_OPERATION_FINISH_HASH, out[1], 32);
    seed(out, sizeof(out));
    status = pBCryptProcessMultiOperations(hash, BCRYPT_OPERATION_TYPE_HASH, ops, sizeof(ops), 0);
    ok(status == STATUS_SUCCESS, "process: got %#lx\n", status);
    expect_hex(out[0], 32, sha256_test);
    expect_hex(out[1], 32, sha256_tset);

    /* doc: reusable, so a finished state starts again */
    seed(out, sizeof(out));
    status = pBCryptProcessMultiOperations(hash, BCRYPT_OPERATION_TYPE_HASH, ops + 1, 4 * sizeof(*ops), 0);
    ok(status == STATUS_SUCCESS, "second round: got %#lx\n", status);
    expect_hex(out[0], 32, "b2b0a2c281ed4ef83ee0dd5434c46a8acc2bfa7e0ccac29d7c92208bebe5461b");   /* offline: SHA-256("st\0") */
    expect_hex(out[1], 32, sha256_tset);

    status = BCryptDestroyHash(hash);
    ok(status == STATUS_SUCCESS, "destroy: got %#lx\n", status);
    status = BCryptDestroyHash(hash);   /* wine-test: a destroyed hash */
    ok(status == STATUS_INVALID_PARAMETER, "destroy twice: got %#lx\n", status);
done:
    HeapFree(GetProcessHeap(), 0, object);
    close_alg(alg);
}

/* HMAC: the same key for every element [doc]; pseudo-handles work too [doc]. */
static void test_multi_hash_hmac(void)
{
    BCRYPT_MULTI_HASH_OPERATION ops[5];
    BCRYPT_HASH_HANDLE hash, copy;
    BCRYPT_ALG_HANDLE alg;
    UCHAR out[3][32];
    NTSTATUS status;
    unsigned int round;

    for (round = 0; round < 2; round++)
    {
        winetest_push_context(round ? "pseudo-handle" : "provider");
        alg = round ? BCRYPT_HMAC_SHA256_ALG_HANDLE
                    : open_alg_flags(BCRYPT_SHA256_ALGORITHM, NULL, BCRYPT_ALG_HANDLE_HMAC_FLAG | BCRYPT_MULTI_FLAG);
        hash = NULL;
        status = alg ? pBCryptCreateMultiHash(alg, &hash, 3, NULL, 0, TEXT_("key"), 0) : STATUS_UNSUCCESSFUL;
        ok(status == STATUS_SUCCESS, "create: got %#lx\n", status);
        if (!status)
        {
            set_op(&ops[0], 0, BCRYPT_HASH_OPERATION_HASH_DATA, TEXT_("test"));
            set_op(&ops[1], 1, BCRYPT_HASH_OPERATION_HASH_DATA, TEXT_("tset"));
            status = pBCryptProcessMultiOperations(hash, BCRYPT_OPERATION_TYPE_HASH, ops, 2 * sizeof(*ops), 0);
            ok(status == STATUS_SUCCESS, "hash data: got %#lx\n", status);

            /* doc (BCryptDuplicateHash): the copy carries every running state */
            copy = NULL;
            status = BCryptDuplicateHash(hash, &copy, NULL, 0, 0);
            ok(status == STATUS_SUCCESS, "duplicate: got %#lx\n", status);

            set_op(&ops[0], 2, BCRYPT_HASH_OPERATION_FINISH_HASH, out[2], 32);
            set_op(&ops[1], 1, BCRYPT_HASH_OPERATION_FINISH_HASH, out[1], 32);
            set_op(&ops[2], 0, BCRYPT_HASH_OPERATION_FINISH_HASH, out[0], 32);
            seed(out, sizeof(out));
            status = pBCryptProcessMultiOperations(hash, BCRYPT_OPERATION_TYPE_HASH, ops, 3 * sizeof(*ops), 0);
            ok(status == STATUS_SUCCESS, "finish: got %#lx\n", status);
            expect_hex(out[0], 32, hmac256_test);
            expect_hex(out[1], 32, hmac256_tset);
            expect_hex(out[2], 32, hmac256_empty);

            if (copy)
            {
                seed(out, sizeof(out));
                status = pBCryptProcessMultiOperations(copy, BCRYPT_OPERATION_TYPE_HASH, ops, 3 * sizeof(*ops), 0);
                ok(status == STATUS_SUCCESS, "finish the copy: got %#lx\n", status);
                expect_hex(out[0], 32, hmac256_test);
                expect_hex(out[1], 32, hmac256_tset);
                expect_hex(out[2], 32, hmac256_empty);
                BCryptDestroyHash(copy);
            }
            BCryptDestroyHash(hash);
        }
        if (!round) close_alg(alg);
        winetest_pop_context();
    }
}

/* Other hashes run sequentially but work [doc]: MD5 of "test\0" [wine-test]. */
static void test_multi_hash_md5(void)
{
    BCRYPT_MULTI_HASH_OPERATION ops[2];
    BCRYPT_HASH_HANDLE hash = NULL;
    UCHAR out[16];
    NTSTATUS status;

    status = pBCryptCreateMultiHash(BCRYPT_MD5_ALG_HANDLE, &hash, 1, NULL, 0, NULL, 0, BCRYPT_HASH_REUSABLE_FLAG);
    ok(status == STATUS_SUCCESS, "create: got %#lx\n", status);   /* doc: the flag is accepted */
    if (status) return;
    set_op(&ops[0], 0, BCRYPT_HASH_OPERATION_HASH_DATA, TEXT_("test"));
    set_op(&ops[1], 0, BCRYPT_HASH_OPERATION_FINISH_HASH, out, sizeof(out));
    status = pBCryptProcessMultiOperations(hash, BCRYPT_OPERATION_TYPE_HASH, ops, sizeof(ops), 0);
    ok(status == STATUS_SUCCESS, "process: got %#lx\n", status);
    expect_hex(out, sizeof(out), "e2a3e68d23ce348b8f68b3079de3d4c9");
    BCryptDestroyHash(hash);
}

static void test_BCryptCreateMultiHash_errors(void)
{
    BCRYPT_HASH_HANDLE hash;
    UCHAR object[61];
    NTSTATUS status;

    hash = SEED_HANDLE;
    status = pBCryptCreateMultiHash(NULL, &hash, 2, NULL, 0, NULL, 0, 0);
    ok(status == STATUS_INVALID_HANDLE, "NULL algorithm: got %#lx\n", status);   /* hypothesis, as CreateHash */
    status = pBCryptCreateMultiHash(BCRYPT_SHA256_ALG_HANDLE, NULL, 2, NULL, 0, NULL, 0, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL output: got %#lx\n", status);   /* hypothesis */
    /* win-re (router, reference §2.2): NULL with a length, and buffers under 62 bytes */
    status = pBCryptCreateMultiHash(BCRYPT_SHA256_ALG_HANDLE, &hash, 2, NULL, 100, NULL, 0, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL buffer with a length: got %#lx\n", status);
    status = pBCryptCreateMultiHash(BCRYPT_SHA256_ALG_HANDLE, &hash, 2, object, sizeof(object), NULL, 0, 0);
    ok(status == STATUS_BUFFER_TOO_SMALL, "61-byte buffer: got %#lx\n", status);
    /* hypothesis: flags other than BCRYPT_HASH_REUSABLE_FLAG (doc: the only one), as CreateHash */
    status = pBCryptCreateMultiHash(BCRYPT_SHA256_ALG_HANDLE, &hash, 2, NULL, 0, NULL, 0, 1);
    ok(status == STATUS_INVALID_PARAMETER, "flags 1: got %#lx\n", status);
    /* hypothesis: not a hash algorithm, as CreateHash */
    status = pBCryptCreateMultiHash(BCRYPT_AES_CBC_ALG_HANDLE, &hash, 2, NULL, 0, NULL, 0, 0);
    ok(status == STATUS_NOT_SUPPORTED, "AES: got %#lx\n", status);
    /* doc: "not supported for HMAC-MD2, HMAC-MD4" (the status is hypothesis) */
    status = pBCryptCreateMultiHash(BCRYPT_HMAC_MD4_ALG_HANDLE, &hash, 2, NULL, 0, TEXT_("key"), 0);
    ok(status == STATUS_NOT_SUPPORTED, "HMAC-MD4: got %#lx\n", status);
    /* hypothesis: an array of no states */
    status = pBCryptCreateMultiHash(BCRYPT_SHA256_ALG_HANDLE, &hash, 0, NULL, 0, NULL, 0, 0);
    ok(status == STATUS_INVALID_PARAMETER, "0 states: got %#lx\n", status);
    /* hypothesis: more states than memory is an error status, not a crash */
    status = pBCryptCreateMultiHash(BCRYPT_SHA256_ALG_HANDLE, &hash, ~0u, NULL, 0, NULL, 0, 0);
    ok(status != STATUS_SUCCESS, "2^32-1 states: got %#lx\n", status);
    ok(hash == SEED_HANDLE, "handle written: %p\n", hash);
}

/* The statuses are hypothesis (INVALID_PARAMETER for every malformed operation
 * list); that nothing runs when one operation is bad is hypothesis too. */
static void test_BCryptProcessMultiOperations_errors(void)
{
    BCRYPT_MULTI_HASH_OPERATION ops[2];
    BCRYPT_HASH_HANDLE hash = NULL, plain = NULL;
    UCHAR out[32];
    NTSTATUS status;
    ULONG i;
    enum { NONE, DATA, DIGEST };
    static const struct { ULONG index, type, buffer, len, size_adjust, op_type, flags; const char *what; } rows[] =
    {
        { 2, BCRYPT_HASH_OPERATION_HASH_DATA,   DATA,   4,  0, BCRYPT_OPERATION_TYPE_HASH, 0, "index == nHashes" },
        { 0, 3,                                 DATA,   4,  0, BCRYPT_OPERATION_TYPE_HASH, 0, "operation 3" },
        { 0, BCRYPT_HASH_OPERATION_HASH_DATA,   NONE,   4,  0, BCRYPT_OPERATION_TYPE_HASH, 0, "NULL data" },
        { 0, BCRYPT_HASH_OPERATION_FINISH_HASH, DIGEST, 31, 0, BCRYPT_OPERATION_TYPE_HASH, 0, "31-byte digest" },
        { 0, BCRYPT_HASH_OPERATION_FINISH_HASH, NONE,   32, 0, BCRYPT_OPERATION_TYPE_HASH, 0, "NULL digest buffer" },
        { 0, BCRYPT_HASH_OPERATION_HASH_DATA,   DATA,   4,  1, BCRYPT_OPERATION_TYPE_HASH, 0, "size not a multiple" },
        { 0, BCRYPT_HASH_OPERATION_HASH_DATA,   DATA,   4,  0, 2,                          0, "operation type 2" },
        { 0, BCRYPT_HASH_OPERATION_HASH_DATA,   DATA,   4,  0, BCRYPT_OPERATION_TYPE_HASH, 1, "flags 1" },   /* doc: 0 */
    };
    UCHAR *buffers[] = { NULL, (UCHAR *)"junk", out };

    status = pBCryptCreateMultiHash(BCRYPT_SHA256_ALG_HANDLE, &hash, 2, NULL, 0, NULL, 0, 0);
    ok(status == STATUS_SUCCESS, "create: got %#lx\n", status);
    if (status) return;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        winetest_push_context("row %lu (%s)", i, rows[i].what);
        set_op(&ops[0], 0, BCRYPT_HASH_OPERATION_HASH_DATA, (UCHAR *)"junk", 4);
        set_op(&ops[1], rows[i].index, rows[i].type, buffers[rows[i].buffer], rows[i].len);
        status = pBCryptProcessMultiOperations(hash, rows[i].op_type, ops, sizeof(ops) + rows[i].size_adjust,
                                               rows[i].flags);
        ok(status == STATUS_INVALID_PARAMETER, "got %#lx\n", status);
        winetest_pop_context();
    }

    /* hypothesis: no operation of a refused list ran, so state 0 is still empty */
    set_op(&ops[0], 0, BCRYPT_HASH_OPERATION_HASH_DATA, TEXT_("test"));
    set_op(&ops[1], 0, BCRYPT_HASH_OPERATION_FINISH_HASH, out, sizeof(out));
    status = pBCryptProcessMultiOperations(hash, BCRYPT_OPERATION_TYPE_HASH, ops, sizeof(ops), 0);
    ok(status == STATUS_SUCCESS, "valid list: got %#lx\n", status);
    expect_hex(out, sizeof(out), sha256_test);

    /* hypothesis: an empty list does nothing and succeeds */
    status = pBCryptProcessMultiOperations(hash, BCRYPT_OPERATION_TYPE_HASH, NULL, 0, 0);
    ok(status == STATUS_SUCCESS, "empty list: got %#lx\n", status);
    /* hypothesis: the single-hash calls do not take a multi-hash, nor the multi call a plain hash */
    status = BCryptHashData(hash, (UCHAR *)"x", 1, 0);
    ok(status != STATUS_SUCCESS, "HashData on a multi-hash: got %#lx\n", status);
    status = BCryptCreateHash(BCRYPT_SHA256_ALG_HANDLE, &plain, NULL, 0, NULL, 0, 0);
    ok(status == STATUS_SUCCESS, "CreateHash: got %#lx\n", status);
    status = pBCryptProcessMultiOperations(plain, BCRYPT_OPERATION_TYPE_HASH, ops, sizeof(ops), 0);
    ok(status != STATUS_SUCCESS, "a plain hash: got %#lx\n", status);
    status = pBCryptProcessMultiOperations(NULL, BCRYPT_OPERATION_TYPE_HASH, ops, sizeof(ops), 0);
    ok(status == STATUS_INVALID_HANDLE, "NULL handle: got %#lx\n", status);   /* hypothesis, as HashData */
    BCryptDestroyHash(plain);
    BCryptDestroyHash(hash);
}

START_TEST(multi_hash)
{
    HMODULE module = GetModuleHandleA("bcrypt.dll");
    BCRYPT_ALG_HANDLE alg = SEED_HANDLE;
    NTSTATUS status;

    pBCryptCreateMultiHash = (void *)GetProcAddress(module, "BCryptCreateMultiHash");
    pBCryptProcessMultiOperations = (void *)GetProcAddress(module, "BCryptProcessMultiOperations");
    /* doc: Windows 8.1 and later */
    todo_builtin ok(pBCryptCreateMultiHash && pBCryptProcessMultiOperations, "multi-hash exports missing\n");
    if (!pBCryptCreateMultiHash || !pBCryptProcessMultiOperations) return;

    /* hypothesis: the multi-hash flag belongs to hashes, like the HMAC flag */
    status = BCryptOpenAlgorithmProvider(&alg, BCRYPT_AES_ALGORITHM, NULL, BCRYPT_MULTI_FLAG);
    ok(status == STATUS_NOT_SUPPORTED, "AES with BCRYPT_MULTI_FLAG: got %#lx\n", status);
    if (!status) BCryptCloseAlgorithmProvider(alg, 0);

    test_multi_hash_vectors();
    test_multi_hash_hmac();
    test_multi_hash_md5();
    test_BCryptCreateMultiHash_errors();
    test_BCryptProcessMultiOperations_errors();
}

/* ------------------------------------------------------------------ */
/* BCryptKeyDerivation                                                */
/* ------------------------------------------------------------------ */

struct param_list
{
    BCryptBufferDesc desc;
    BCryptBuffer buffers[8];
    UCHAR data[8][256];
};

static void params_init(struct param_list *list)
{
    memset(list, 0, sizeof(*list));
    list->desc.ulVersion = BCRYPTBUFFER_VERSION;
    list->desc.pBuffers = list->buffers;
}

/* A buffer of hex bytes; NULL pointer for "" (as .NET passes empty spans). */
static void params_add_hex(struct param_list *list, ULONG type, const char *hex)
{
    ULONG i = list->desc.cBuffers++;
    list->buffers[i].BufferType = type;
    list->buffers[i].cbBuffer = hex_to_bytes(hex, list->data[i], sizeof(list->data[i]));
    list->buffers[i].pvBuffer = list->buffers[i].cbBuffer ? list->data[i] : NULL;
}

/* The hash name with its NUL, as .NET passes it [doc: .NET SP800108HmacCounterKdf]. */
static void params_add_hash(struct param_list *list, const WCHAR *name)
{
    ULONG i = list->desc.cBuffers++;
    list->buffers[i].BufferType = KDF_HASH_ALGORITHM;
    list->buffers[i].cbBuffer = (ULONG)((wcslen(name) + 1) * sizeof(WCHAR));
    memcpy(list->data[i], name, list->buffers[i].cbBuffer);
    list->buffers[i].pvBuffer = list->data[i];
}

#define KEY_0_31 "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"
/* KDF_ITERATION_COUNT is a little-endian ULONGLONG [doc: BCryptBuffer] */
#define ITER_0    "0000000000000000"
#define ITER_1    "0100000000000000"
#define ITER_2    "0200000000000000"
#define ITER_4096 "0010000000000000"

struct kdf_vector
{
    BCRYPT_ALG_HANDLE alg;
    const char *secret;
    const WCHAR *hash;
    struct { ULONG type; const char *hex; } params[5];
    ULONG flags, len;
    const char *expect;
};

/* SP800-108: HMAC(K, [i]2 || Label || 0x00 || Context || [L]2) [doc]; SP800-56A:
 * H([i]2 || Z || AlgorithmID || PartyUInfo || PartyVInfo || SuppPub || SuppPriv)
 * [doc]; KDF_GENERIC_PARAMETER stands for the concatenation / the salt [doc]. */
static const struct kdf_vector kdf_vectors[] =
{
    /* 0-6 SP800_108_CTR_HMAC, offline */
    { BCRYPT_SP800108_CTR_HMAC_ALG_HANDLE, KEY_0_31, BCRYPT_SHA256_ALGORITHM,
      { { KDF_LABEL, "6c6162656c" }, { KDF_CONTEXT, "636f6e74657874" } }, 0, 16, "b5b9302655fb936972e89fc9706fc6d7" },
    { BCRYPT_SP800108_CTR_HMAC_ALG_HANDLE, KEY_0_31, BCRYPT_SHA256_ALGORITHM,
      { { KDF_LABEL, "6c6162656c" }, { KDF_CONTEXT, "636f6e74657874" } }, 0, 42,
      "b9cd5f6323f01f4680650855f1ebea9b4c54c08131b506fc28c856364a38a2f4fb680c12ea51696887d9" },
    { BCRYPT_SP800108_CTR_HMAC_ALG_HANDLE, KEY_0_31, BCRYPT_SHA256_ALGORITHM,
      { { KDF_GENERIC_PARAMETER, "6c6162656c00636f6e74657874" } }, 0, 42,
      "b9cd5f6323f01f4680650855f1ebea9b4c54c08131b506fc28c856364a38a2f4fb680c12ea51696887d9" },
    { BCRYPT_SP800108_CTR_HMAC_ALG_HANDLE, KEY_0_31, BCRYPT_SHA1_ALGORITHM,
      { { KDF_CONTEXT, "636f6e74657874" }, { KDF_LABEL, "6c6162656c" } }, 0, 32,
      "468d9dd765ba00e79f4b12a8aad04b5ee4d6dd1375b7e0e60a022cd6a49dca22" },
    { BCRYPT_SP800108_CTR_HMAC_ALG_HANDLE, "736563726574", BCRYPT_SHA512_ALGORITHM,
      { { KDF_LABEL, "4c" }, { KDF_CONTEXT, "" } }, 0, 80,
      "ad218f6aa9baf618fd93ed2ad5b584409e508c3f873edf1d6a24bb98ce7f484d67f6cd8e08cacdedd789e02266801bb6"
      "a7f36c424b0335c2fc0b0914356d96832ebb5be1703c87acc8fbbf4e1ba67e7e" },
    { BCRYPT_SP800108_CTR_HMAC_ALG_HANDLE, "", BCRYPT_SHA256_ALGORITHM,
      { { KDF_LABEL, "" }, { KDF_CONTEXT, "" } }, 0, 32,
      "7b498ff291f1592682621576f6ed014e166fe61810a56d039c765a59ee98c0c9" },
    { BCRYPT_SP800108_CTR_HMAC_ALG_HANDLE, KEY_0_31 "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"
      "404142434445464748494a4b4c4d4e4f505152535455565758595a5b5c5d5e5f606162636465666768696a6b6c6d6e6f"
      "707172737475767778797a7b7c7d7e7f808182838485868788898a8b8c8d8e8f909192939495969798999a9b9c9d9e9f"
      "a0a1a2a3a4a5a6a7a8a9aaabacadaeafb0b1b2b3b4b5b6b7b8b9babbbcbdbebfc0c1c2c3c4c5c6c7", BCRYPT_SHA384_ALGORITHM,
      { { KDF_LABEL, "41" }, { KDF_CONTEXT, "42" } }, 0, 48,
      "e51a456065f7e17e2c25723d5b8ac7195516ff2b902d3d03e427e0470e138d4aff53066888a1aa2e06a2fd6423a3554b" },
    /* 7-10 SP800_56A_CONCAT, offline */
    { BCRYPT_SP80056A_CONCAT_ALG_HANDLE, "00112233445566778899aabbccddeeff", BCRYPT_SHA256_ALGORITHM,
      { { KDF_ALGORITHMID, "414553" }, { KDF_PARTYUINFO, "416c696365" }, { KDF_PARTYVINFO, "426f62" } }, 0, 40,
      "c16033f04bc35528595ef6eb00ef9fdc93e6ee22b0f5221679581fbd4de76a6c7b8676d565202d91" },
    { BCRYPT_SP80056A_CONCAT_ALG_HANDLE, "00112233445566778899aabbccddeeff", BCRYPT_SHA256_ALGORITHM,
      { { KDF_SUPPPRIVINFO, "70726976" }, { KDF_PARTYVINFO, "426f62" }, { KDF_SUPPPUBINFO, "00000080" },
        { KDF_ALGORITHMID, "414553" }, { KDF_PARTYUINFO, "416c696365" } }, 0, 40,
      "5b624153bdb648a027b7c0c54b0501ebff7d56ac03dd73c73ece331b71be77ceba601a25094ed840" },
    { BCRYPT_SP80056A_CONCAT_ALG_HANDLE, "00112233445566778899aabbccddeeff", BCRYPT_SHA1_ALGORITHM,
      { { KDF_ALGORITHMID, "" }, { KDF_PARTYUINFO, "" }, { KDF_PARTYVINFO, "" } }, 0, 20,
      "9fb7a39e3ef80d8e93747ab97da83fe967110a83" },
    { BCRYPT_SP80056A_CONCAT_ALG_HANDLE, "00112233445566778899aabbccddeeff", BCRYPT_SHA256_ALGORITHM,
      { { KDF_GENERIC_PARAMETER, "414553416c696365426f62" } }, 0, 40,
      "c16033f04bc35528595ef6eb00ef9fdc93e6ee22b0f5221679581fbd4de76a6c7b8676d565202d91" },
    /* 11-15 PBKDF2, RFC 6070 (HMAC-SHA1) */
    { BCRYPT_PBKDF2_ALG_HANDLE, "70617373776f7264", BCRYPT_SHA1_ALGORITHM,
      { { KDF_SALT, "73616c74" }, { KDF_ITERATION_COUNT, ITER_1 } }, 0, 20, "0c60c80f961f0e71f3a9b524af6012062fe037a6" },
    { BCRYPT_PBKDF2_ALG_HANDLE, "70617373776f7264", BCRYPT_SHA1_ALGORITHM,
      { { KDF_SALT, "73616c74" }, { KDF_ITERATION_COUNT, ITER_2 } }, 0, 20, "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957" },
    { BCRYPT_PBKDF2_ALG_HANDLE, "70617373776f7264", BCRYPT_SHA1_ALGORITHM,
      { { KDF_SALT, "73616c74" }, { KDF_ITERATION_COUNT, ITER_4096 } }, 0, 20,
      "4b007901b765489abead49d926f721d065a429c1" },
    { BCRYPT_PBKDF2_ALG_HANDLE, "70617373776f726450415353574f524470617373776f7264", BCRYPT_SHA1_ALGORITHM,
      { { KDF_SALT, "73616c7453414c5473616c7453414c5473616c7453414c5473616c7453414c5473616c74" },
        { KDF_ITERATION_COUNT, ITER_4096 } }, 0, 25, "3d2eec4fe41c849b80c8d83662c0e44a8b291a964cf2f07038" },
    { BCRYPT_PBKDF2_ALG_HANDLE, "7061737300776f7264", BCRYPT_SHA1_ALGORITHM,
      { { KDF_SALT, "7361006c74" }, { KDF_ITERATION_COUNT, ITER_4096 } }, 0, 16, "56fa6aa75548099dcc37d7f03425e0c3" },
    /* 16 PBKDF2 without KDF_ITERATION_COUNT: 10000 [doc], offline */
    { BCRYPT_PBKDF2_ALG_HANDLE, "70617373776f7264", BCRYPT_SHA1_ALGORITHM,
      { { KDF_SALT, "73616c74" } }, 0, 20, "a2c2646186828474b754591a547c18f132d88d74" },
    /* 17 PBKDF2-HMAC-SHA256 [RFC 7914 §11] */
    { BCRYPT_PBKDF2_ALG_HANDLE, "706173737764", BCRYPT_SHA256_ALGORITHM,
      { { KDF_SALT, "73616c74" }, { KDF_ITERATION_COUNT, ITER_1 } }, 0, 64,
      "55ac046e56e3089fec1691c22544b605f94185216dde0465e68b9d57c20dacbc"
      "49ca9cccf179b645991664b39d77ef317c71b845b1e30bd509112041d3a19783" },
    /* 18 the salt as KDF_GENERIC_PARAMETER [doc], RFC 6070 */
    { BCRYPT_PBKDF2_ALG_HANDLE, "70617373776f7264", BCRYPT_SHA1_ALGORITHM,
      { { KDF_GENERIC_PARAMETER, "73616c74" }, { KDF_ITERATION_COUNT, ITER_2 } }, 0, 20,
      "ea6c014dc72d6f8ccd1ed92ace1d41f0d8de8957" },
    /* 19 an empty password, offline */
    { BCRYPT_PBKDF2_ALG_HANDLE, "", BCRYPT_SHA512_ALGORITHM,
      { { KDF_SALT, "73616c74" }, { KDF_ITERATION_COUNT, ITER_2 } }, 0, 32,
      "cc5eacbb057f2a5982fce67bf70f79fccf4adf285f5cbae1a5a1c5df012a630a" },
    /* 20 CAPI_KDF, SHA-1 of "test" expanded to 40 bytes: Wine's BCryptDeriveKeyCapi vector [wine-test],
     * CAPI_KDF being that derivation over H(secret) [hypothesis] */
    { BCRYPT_CAPI_KDF_ALG_HANDLE, "74657374", BCRYPT_SHA1_ALGORITHM, { { 0 } }, 0, 40,
      "9b031741f47511acff22ee40bbe8f9741726b6f2f8c788029adc0dd78358ea652e8b85c6dbb7ed1c" },
    /* 21 AES keys are double expanded [doc: BCRYPT_CAPI_AES_FLAG], offline */
    { BCRYPT_CAPI_KDF_ALG_HANDLE, "74657374", BCRYPT_SHA1_ALGORITHM, { { 0 } }, BCRYPT_CAPI_AES_FLAG, 16,
      "9b031741f47511acff22ee40bbe8f974" },
    /* 22 MD5, longer than the digest, offline */
    { BCRYPT_CAPI_KDF_ALG_HANDLE, "616263", BCRYPT_MD5_ALGORITHM, { { 0 } }, 0, 24,
      "e556b0c9c217576dc503b6eb040a67aa7ea937187c8a6ce8" },
    /* 23 SHA-2 digests are not double expanded [doc: CryptDeriveKey; hypothesis for CNG], offline */
    { BCRYPT_CAPI_KDF_ALG_HANDLE, "74657374", BCRYPT_SHA256_ALGORITHM, { { 0 } }, BCRYPT_CAPI_AES_FLAG, 16,
      "9f86d081884c7d659a2feaa0c55ad015" },
};

#define make_kdf_key(alg, hex) make_kdf_key_(__FILE__, __LINE__, alg, hex)
static BCRYPT_KEY_HANDLE make_kdf_key_(const char *file, int line, BCRYPT_ALG_HANDLE alg, const char *hex)
{
    UCHAR secret[256], dummy = 0;
    ULONG len = hex_to_bytes(hex, secret, sizeof(secret));
    BCRYPT_KEY_HANDLE key = NULL;
    NTSTATUS status;

    /* hypothesis: a KDF key takes a secret of any length, also 0 */
    status = BCryptGenerateSymmetricKey(alg, &key, NULL, 0, len ? secret : &dummy, len, 0);
    ok_(file, line)(status == STATUS_SUCCESS, "generating a %lu-byte key: got %#lx\n", len, status);
    return status ? NULL : key;
}

static void test_BCryptKeyDerivation_vectors(void)
{
    struct param_list list;
    UCHAR out[128];
    ULONG i, j, size;
    NTSTATUS status;

    for (i = 0; i < ARRAY_SIZE(kdf_vectors); i++)
    {
        const struct kdf_vector *v = &kdf_vectors[i];
        BCRYPT_KEY_HANDLE key;

        winetest_push_context("vector %lu", i);
        if ((key = make_kdf_key(v->alg, v->secret)))
        {
            params_init(&list);
            params_add_hash(&list, v->hash);
            for (j = 0; j < ARRAY_SIZE(v->params) && v->params[j].hex; j++)
                params_add_hex(&list, v->params[j].type, v->params[j].hex);
            seed(out, sizeof(out));
            size = SEED_ULONG;
            status = pBCryptKeyDerivation(key, &list.desc, out, v->len, &size, v->flags);
            ok(status == STATUS_SUCCESS, "got %#lx\n", status);
            ok(size == v->len, "got size %lu\n", size);   /* doc: the bytes copied (.NET checks it) */
            expect_hex(out, v->len, v->expect);
            ok(is_seeded_range(out, v->len, sizeof(out)), "wrote past the output\n");
            BCryptDestroyKey(key);
        }
        winetest_pop_context();
    }
}

/* CAPI_KDF over a secret = BCryptDeriveKeyCapi over a hash of the same data [hypothesis, brief]. */
static void test_BCryptKeyDerivation_capi_equals_DeriveKeyCapi(void)
{
    static const struct { BCRYPT_ALG_HANDLE hash_alg; const WCHAR *name; ULONG len; } rows[] =
    {
        { BCRYPT_SHA1_ALG_HANDLE, BCRYPT_SHA1_ALGORITHM, 1 },   { BCRYPT_SHA1_ALG_HANDLE, BCRYPT_SHA1_ALGORITHM, 20 },
        { BCRYPT_SHA1_ALG_HANDLE, BCRYPT_SHA1_ALGORITHM, 21 },  { BCRYPT_MD5_ALG_HANDLE, BCRYPT_MD5_ALGORITHM, 32 },
        { BCRYPT_SHA256_ALG_HANDLE, BCRYPT_SHA256_ALGORITHM, 64 }, { BCRYPT_SHA512_ALG_HANDLE, BCRYPT_SHA512_ALGORITHM, 100 },
    };
    static UCHAR data[] = "some data to derive from";
    UCHAR want[128], got[128];
    BCRYPT_HASH_HANDLE hash;
    BCRYPT_KEY_HANDLE key;
    struct param_list list;
    ULONG i, size;
    NTSTATUS status;

    if (!(key = make_kdf_key(BCRYPT_CAPI_KDF_ALG_HANDLE, "736f6d65206461746120746f206465726976652066726f6d"))) return;
    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        winetest_push_context("row %lu", i);
        status = BCryptCreateHash(rows[i].hash_alg, &hash, NULL, 0, NULL, 0, 0);
        ok(status == STATUS_SUCCESS, "CreateHash: got %#lx\n", status);
        if (!status)
        {
            BCryptHashData(hash, data, sizeof(data) - 1, 0);
            status = BCryptDeriveKeyCapi(hash, NULL, want, rows[i].len, 0);
            ok(status == STATUS_SUCCESS, "DeriveKeyCapi: got %#lx\n", status);
            BCryptDestroyHash(hash);
        }
        params_init(&list);
        params_add_hash(&list, rows[i].name);
        seed(got, sizeof(got));
        status = pBCryptKeyDerivation(key, &list.desc, got, rows[i].len, &size, 0);
        ok(status == STATUS_SUCCESS, "KeyDerivation: got %#lx\n", status);
        ok(!memcmp(got, want, rows[i].len), "got %s, expected %s\n", winetest_hex(got, rows[i].len),
           winetest_hex(want, rows[i].len));
        winetest_pop_context();
    }
    /* hypothesis: longer than two digests is refused, as by BCryptDeriveKeyCapi [wine-test] */
    params_init(&list);
    params_add_hash(&list, BCRYPT_SHA1_ALGORITHM);
    status = pBCryptKeyDerivation(key, &list.desc, got, 41, &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "41 bytes from SHA-1: got %#lx\n", status);
    BCryptDestroyKey(key);
}

/* Argument and parameter errors; the statuses are hypothesis unless tagged. */
static void test_BCryptKeyDerivation_errors(void)
{
    BCRYPT_KEY_HANDLE key, aes = NULL;
    struct param_list list;
    UCHAR out[32], aes_secret[16] = {0};
    ULONG size;
    NTSTATUS status;

    if (!(key = make_kdf_key(BCRYPT_SP800108_CTR_HMAC_ALG_HANDLE, KEY_0_31))) return;
    params_init(&list);
    params_add_hash(&list, BCRYPT_SHA256_ALGORITHM);
    params_add_hex(&list, KDF_LABEL, "6c6162656c");
    params_add_hex(&list, KDF_CONTEXT, "636f6e74657874");

    status = pBCryptKeyDerivation(NULL, &list.desc, out, sizeof(out), &size, 0);
    ok(status == STATUS_INVALID_HANDLE, "NULL key: got %#lx\n", status);
    status = pBCryptKeyDerivation(key, &list.desc, out, sizeof(out), NULL, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL pcbResult: got %#lx\n", status);
    status = pBCryptKeyDerivation(key, &list.desc, NULL, sizeof(out), &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL output: got %#lx\n", status);
    status = pBCryptKeyDerivation(key, &list.desc, out, 0, &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "0 bytes: got %#lx\n", status);   /* .NET never asks for 0 */
    /* doc: BCRYPT_CAPI_AES_FLAG is only valid with CAPI_KDF */
    status = pBCryptKeyDerivation(key, &list.desc, out, sizeof(out), &size, BCRYPT_CAPI_AES_FLAG);
    ok(status == STATUS_INVALID_PARAMETER, "CAPI AES flag: got %#lx\n", status);
    /* doc: KDF_LABEL, KDF_CONTEXT and KDF_HASH_ALGORITHM are required */
    list.desc.cBuffers = 2;
    status = pBCryptKeyDerivation(key, &list.desc, out, sizeof(out), &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "no context: got %#lx\n", status);
    status = pBCryptKeyDerivation(key, NULL, out, sizeof(out), &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "no parameters: got %#lx\n", status);
    list.desc.cBuffers = 3;
    list.buffers[0].pvBuffer = NULL;
    status = pBCryptKeyDerivation(key, &list.desc, out, sizeof(out), &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "hash name without a pointer: got %#lx\n", status);
    /* hypothesis from BCryptDeriveKey [wine-test]: unknown hashes and "RNG" are NOT_SUPPORTED */
    list.buffers[0].pvBuffer = (void *)L"RNG";
    list.buffers[0].cbBuffer = sizeof(L"RNG");
    status = pBCryptKeyDerivation(key, &list.desc, out, sizeof(out), &size, 0);
    ok(status == STATUS_NOT_SUPPORTED, "RNG: got %#lx\n", status);
    list.buffers[0].pvBuffer = (void *)L"SHA3";
    list.buffers[0].cbBuffer = sizeof(L"SHA3");
    status = pBCryptKeyDerivation(key, &list.desc, out, sizeof(out), &size, 0);
    ok(status == STATUS_NOT_SUPPORTED, "SHA3: got %#lx\n", status);
    /* the name without its NUL (hypothesis: the length bounds it) */
    list.buffers[0].pvBuffer = (void *)L"SHA256";
    list.buffers[0].cbBuffer = 6 * sizeof(WCHAR);
    status = pBCryptKeyDerivation(key, &list.desc, out, 16, &size, 0);
    ok(status == STATUS_SUCCESS, "name without NUL: got %#lx\n", status);
    expect_hex(out, 16, "b5b9302655fb936972e89fc9706fc6d7");

    /* a cipher key has no KDF interface */
    status = BCryptGenerateSymmetricKey(BCRYPT_AES_CBC_ALG_HANDLE, &aes, NULL, 0, aes_secret, sizeof(aes_secret), 0);
    ok(status == STATUS_SUCCESS, "AES key: got %#lx\n", status);
    status = pBCryptKeyDerivation(aes, &list.desc, out, sizeof(out), &size, 0);
    ok(status == STATUS_NOT_SUPPORTED, "AES key: got %#lx\n", status);
    BCryptDestroyKey(aes);
    BCryptDestroyKey(key);
    status = pBCryptKeyDerivation(key, &list.desc, out, sizeof(out), &size, 0);
    ok(status == STATUS_INVALID_HANDLE, "destroyed key: got %#lx\n", status);

    /* PBKDF2: KDF_SALT is required [doc]; 0 iterations as BCryptDeriveKeyPBKDF2 [wine-test]; a ULONGLONG count */
    if (!(key = make_kdf_key(BCRYPT_PBKDF2_ALG_HANDLE, "70617373776f7264"))) return;
    params_init(&list);
    params_add_hash(&list, BCRYPT_SHA1_ALGORITHM);
    status = pBCryptKeyDerivation(key, &list.desc, out, 20, &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "no salt: got %#lx\n", status);
    params_add_hex(&list, KDF_SALT, "73616c74");
    params_add_hex(&list, KDF_ITERATION_COUNT, ITER_0);
    status = pBCryptKeyDerivation(key, &list.desc, out, 20, &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "0 iterations: got %#lx\n", status);
    list.desc.cBuffers--;
    params_add_hex(&list, KDF_ITERATION_COUNT, "01000000");
    status = pBCryptKeyDerivation(key, &list.desc, out, 20, &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "4-byte iteration count: got %#lx\n", status);
    BCryptDestroyKey(key);

    /* SP800-56A: AlgorithmID, PartyUInfo and PartyVInfo are required [doc] */
    if (!(key = make_kdf_key(BCRYPT_SP80056A_CONCAT_ALG_HANDLE, "00112233"))) return;
    params_init(&list);
    params_add_hash(&list, BCRYPT_SHA256_ALGORITHM);
    params_add_hex(&list, KDF_ALGORITHMID, "414553");
    params_add_hex(&list, KDF_PARTYUINFO, "416c696365");
    status = pBCryptKeyDerivation(key, &list.desc, out, 20, &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "no PartyVInfo: got %#lx\n", status);
    BCryptDestroyKey(key);
}

/* KDF keys are symmetric-interface keys: BCryptDuplicateKey copies them
 * [win-re, reference §2.2 step 5]; they live in caller buffers of ObjectLength. */
static void test_kdf_key_lifetime(void)
{
    BCRYPT_KEY_HANDLE key = NULL, copy = NULL;
    BCRYPT_ALG_HANDLE alg;
    struct param_list list;
    UCHAR out[16], secret[32], *object;
    ULONG object_len, size;
    NTSTATUS status;

    if (!(alg = open_alg(BCRYPT_SP800108_CTR_HMAC_ALGORITHM, NULL))) return;   /* doc */
    object_len = get_ulong(alg, BCRYPT_OBJECT_LENGTH);
    if (object_len == SEED_ULONG)
    {
        close_alg(alg);
        return;
    }
    object = HeapAlloc(GetProcessHeap(), 0, 2 * object_len);
    hex_to_bytes(KEY_0_31, secret, sizeof(secret));
    /* win-re (reference §4.5): NULL secret */
    status = BCryptGenerateSymmetricKey(alg, &key, object, object_len, NULL, 32, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL secret: got %#lx\n", status);
    status = BCryptGenerateSymmetricKey(alg, &key, object, object_len, secret, sizeof(secret), 0);
    ok(status == STATUS_SUCCESS, "generate: got %#lx\n", status);
    if (status) goto done;
    status = BCryptDuplicateKey(key, &copy, object + object_len, object_len, 0);
    ok(status == STATUS_SUCCESS, "duplicate: got %#lx\n", status);
    memset(secret, 0, sizeof(secret));
    BCryptDestroyKey(key);   /* the copy stands alone */

    params_init(&list);
    params_add_hash(&list, BCRYPT_SHA256_ALGORITHM);
    params_add_hex(&list, KDF_LABEL, "6c6162656c");
    params_add_hex(&list, KDF_CONTEXT, "636f6e74657874");
    status = copy ? pBCryptKeyDerivation(copy, &list.desc, out, sizeof(out), &size, 0) : STATUS_UNSUCCESSFUL;
    ok(status == STATUS_SUCCESS, "derive from the copy: got %#lx\n", status);
    expect_hex(out, sizeof(out), "b5b9302655fb936972e89fc9706fc6d7");   /* offline, vector 0 */
    /* hypothesis: a KDF key is neither a cipher nor exportable */
    status = BCryptEncrypt(copy, out, sizeof(out), NULL, NULL, 0, out, sizeof(out), &size, 0);
    ok(status != STATUS_SUCCESS, "encrypt: got %#lx\n", status);
    status = BCryptExportKey(copy, NULL, BCRYPT_KEY_DATA_BLOB, NULL, 0, &size, 0);
    ok(status != STATUS_SUCCESS, "export: got %#lx\n", status);
    status = BCryptDestroyKey(copy);
    ok(status == STATUS_SUCCESS, "destroy the copy: got %#lx\n", status);
done:
    HeapFree(GetProcessHeap(), 0, object);
    close_alg(alg);
}

/* doc: the KDF algorithm names, their pseudo-handles, and the key-derivation class */
static void test_kdf_providers(void)
{
    static const struct { BCRYPT_ALG_HANDLE pseudo; const WCHAR *name; } rows[] =
    {
        { BCRYPT_CAPI_KDF_ALG_HANDLE, BCRYPT_CAPI_KDF_ALGORITHM },
        { BCRYPT_PBKDF2_ALG_HANDLE, BCRYPT_PBKDF2_ALGORITHM },
        { BCRYPT_SP800108_CTR_HMAC_ALG_HANDLE, BCRYPT_SP800108_CTR_HMAC_ALGORITHM },
        { BCRYPT_SP80056A_CONCAT_ALG_HANDLE, BCRYPT_SP80056A_CONCAT_ALGORITHM },
    };
    BCRYPT_ALGORITHM_IDENTIFIER *list = NULL;
    WCHAR name[64];
    ULONG i, k, count = 0, size;
    NTSTATUS status;

    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        winetest_push_context("%s", winetest_wstr(rows[i].name));
        memset(name, 0, sizeof(name));
        status = BCryptGetProperty(rows[i].pseudo, BCRYPT_ALGORITHM_NAME, (UCHAR *)name, sizeof(name), &size, 0);
        todo_builtin ok(status == STATUS_SUCCESS && !wcscmp(name, rows[i].name), "pseudo-handle: %#lx, %s\n",
                        status, winetest_wstr(name));
        winetest_pop_context();
    }
    status = BCryptEnumAlgorithms(BCRYPT_KEY_DERIVATION_OPERATION, &count, &list, 0);
    todo_builtin ok(status == STATUS_SUCCESS, "EnumAlgorithms: got %#lx\n", status);
    if (status) return;
    for (i = 0; i < ARRAY_SIZE(rows); i++)
    {
        for (k = 0; k < count; k++) if (!wcscmp(list[k].pszName, rows[i].name)) break;
        ok(k < count, "%s not listed\n", winetest_wstr(rows[i].name));
        if (k < count) ok(list[k].dwClass == BCRYPT_KEY_DERIVATION_INTERFACE, "class %lu\n", list[k].dwClass);
    }
    BCryptFreeBuffer(list);
}

START_TEST(key_derivation)
{
    pBCryptKeyDerivation = (void *)GetProcAddress(GetModuleHandleA("bcrypt.dll"), "BCryptKeyDerivation");
    /* doc: Windows 8 and later */
    todo_builtin ok(pBCryptKeyDerivation != NULL, "BCryptKeyDerivation missing\n");
    test_kdf_providers();
    if (!pBCryptKeyDerivation) return;

    test_BCryptKeyDerivation_vectors();
    test_BCryptKeyDerivation_capi_equals_DeriveKeyCapi();
    test_BCryptKeyDerivation_errors();
    test_kdf_key_lifetime();
}
