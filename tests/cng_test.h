/*
 * Small helpers shared by the CNG conformance tests (alg_provider.c,
 * key_symmetric.c, key_duplicate.c).  Include after "winetest.h".
 *
 * Every helper that checks something takes the caller's file and line, so a
 * failure points at the test, not at this header.  Helpers only check what
 * Windows documents for the call they make; the tests own every other rule.
 */
#ifndef CNG_TEST_H
#define CNG_TEST_H

#include <bcrypt.h>
#include "cng_compat.h"

#define SEED_HANDLE ((void *)(ULONG_PTR)0xdeadbeef)
#define SEED_ULONG  0xdeadbeefu

/* Fills a buffer with the bytes de ad be ef repeated. */
static inline void seed(void *buf, size_t len)
{
    static const UCHAR pattern[4] = {0xde, 0xad, 0xbe, 0xef};
    UCHAR *p = buf;
    size_t i;
    for (i = 0; i < len; i++) p[i] = pattern[i & 3];
}

/* Whether bytes [from, to) of a buffer filled by seed() are untouched. */
static inline int is_seeded_range(const void *buf, size_t from, size_t to)
{
    static const UCHAR pattern[4] = {0xde, 0xad, 0xbe, 0xef};
    const UCHAR *p = buf;
    size_t i;
    for (i = from; i < to; i++) if (p[i] != pattern[i & 3]) return 0;
    return 1;
}

static inline int is_seeded(const void *buf, size_t len)
{
    return is_seeded_range(buf, 0, len);
}

/* Parses a hex string ("" allowed) into out; returns the byte count. */
static inline ULONG hex_to_bytes(const char *hex, UCHAR *out, ULONG size)
{
    ULONG len = 0;
    while (hex && hex[0] && hex[1] && len < size)
    {
        unsigned int v;
        if (sscanf(hex, "%2x", &v) != 1) break;
        out[len++] = (UCHAR)v;
        hex += 2;
    }
    return len;
}

/* A hex string parsed into a seeded buffer (bytes past len keep the 0xdeadbeef seed). */
struct bytes
{
    UCHAR data[512];
    ULONG len;
};

static inline struct bytes hex(const char *str)
{
    struct bytes b;
    seed(b.data, sizeof(b.data));
    b.len = hex_to_bytes(str, b.data, sizeof(b.data));
    return b;
}

#define open_alg(name, mode) open_alg_(__FILE__, __LINE__, name, mode, 0)
#define open_alg_flags(name, mode, flags) open_alg_(__FILE__, __LINE__, name, mode, flags)
/* Opens an algorithm provider, optionally setting a chaining mode on it. */
static inline BCRYPT_ALG_HANDLE open_alg_(const char *file, int line, const WCHAR *name,
                                          const WCHAR *mode, ULONG flags)
{
    BCRYPT_ALG_HANDLE alg = SEED_HANDLE;
    NTSTATUS status = BCryptOpenAlgorithmProvider(&alg, name, NULL, flags);
    ok_(file, line)(status == STATUS_SUCCESS, "opening %s: got %#lx\n", winetest_wstr(name), status);
    if (status) return NULL;
    if (mode)
    {
        status = BCryptSetProperty(alg, BCRYPT_CHAINING_MODE, (UCHAR *)mode,
                                   (ULONG)((wcslen(mode) + 1) * sizeof(WCHAR)), 0);
        ok_(file, line)(status == STATUS_SUCCESS, "setting %s on %s: got %#lx\n",
                        winetest_wstr(mode), winetest_wstr(name), status);
    }
    return alg;
}

#define close_alg(alg) close_alg_(__FILE__, __LINE__, alg)
static inline void close_alg_(const char *file, int line, BCRYPT_ALG_HANDLE alg)
{
    NTSTATUS status;
    if (!alg) return;
    status = BCryptCloseAlgorithmProvider(alg, 0);
    ok_(file, line)(status == STATUS_SUCCESS, "closing the provider: got %#lx\n", status);
}

#define get_ulong(handle, prop) get_ulong_(__FILE__, __LINE__, handle, prop)
/* Reads a DWORD property; returns SEED_ULONG on failure. */
static inline ULONG get_ulong_(const char *file, int line, BCRYPT_HANDLE handle, const WCHAR *prop)
{
    ULONG value = SEED_ULONG, size = SEED_ULONG;
    NTSTATUS status = BCryptGetProperty(handle, prop, (UCHAR *)&value, sizeof(value), &size, 0);
    ok_(file, line)(status == STATUS_SUCCESS, "reading %s: got %#lx\n", winetest_wstr(prop), status);
    ok_(file, line)(size == sizeof(value), "%s: got size %lu\n", winetest_wstr(prop), size);
    return status ? SEED_ULONG : value;
}

#define set_ulong(handle, prop, value) set_ulong_(__FILE__, __LINE__, handle, prop, value)
static inline NTSTATUS set_ulong_(const char *file, int line, BCRYPT_HANDLE handle, const WCHAR *prop, ULONG value)
{
    NTSTATUS status = BCryptSetProperty(handle, prop, (UCHAR *)&value, sizeof(value), 0);
    ok_(file, line)(status == STATUS_SUCCESS, "setting %s to %lu: got %#lx\n", winetest_wstr(prop), value, status);
    return status;
}

#define set_mode(handle, mode) set_mode_(__FILE__, __LINE__, handle, mode)
static inline NTSTATUS set_mode_(const char *file, int line, BCRYPT_HANDLE handle, const WCHAR *mode)
{
    NTSTATUS status = BCryptSetProperty(handle, BCRYPT_CHAINING_MODE, (UCHAR *)mode,
                                        (ULONG)((wcslen(mode) + 1) * sizeof(WCHAR)), 0);
    ok_(file, line)(status == STATUS_SUCCESS, "setting %s: got %#lx\n", winetest_wstr(mode), status);
    return status;
}

/* A key together with the caller-owned object buffer it lives in. */
struct test_key
{
    BCRYPT_KEY_HANDLE handle;
    UCHAR *object;
    ULONG object_len;
};

#define make_key(key, alg, secret, len) make_key_(__FILE__, __LINE__, key, alg, secret, len)
/* Generates a key into a heap buffer of exactly BCRYPT_OBJECT_LENGTH bytes. */
static inline BOOL make_key_(const char *file, int line, struct test_key *key, BCRYPT_ALG_HANDLE alg,
                             const UCHAR *secret, ULONG len)
{
    NTSTATUS status;

    key->handle = NULL;
    key->object = NULL;
    key->object_len = get_ulong_(file, line, alg, BCRYPT_OBJECT_LENGTH);
    if (key->object_len == SEED_ULONG) return FALSE;
    key->object = HeapAlloc(GetProcessHeap(), 0, key->object_len);
    seed(key->object, key->object_len);
    key->handle = SEED_HANDLE;
    status = BCryptGenerateSymmetricKey(alg, &key->handle, key->object, key->object_len,
                                        (UCHAR *)secret, len, 0);
    ok_(file, line)(status == STATUS_SUCCESS, "generating a %lu-byte key: got %#lx\n", len, status);
    if (status)
    {
        HeapFree(GetProcessHeap(), 0, key->object);
        key->object = NULL;
        key->handle = NULL;
        return FALSE;
    }
    return TRUE;
}

#define free_key(key) free_key_(__FILE__, __LINE__, key)
static inline void free_key_(const char *file, int line, struct test_key *key)
{
    NTSTATUS status;
    if (key->handle)
    {
        status = BCryptDestroyKey(key->handle);
        ok_(file, line)(status == STATUS_SUCCESS, "destroying the key: got %#lx\n", status);
    }
    HeapFree(GetProcessHeap(), 0, key->object);
    key->handle = NULL;
    key->object = NULL;
}

#define crypt_ok(key, enc, in, len, iv, ivlen, flags, expect, expect_len) \
    crypt_ok_(__FILE__, __LINE__, key, enc, in, len, iv, ivlen, flags, expect, expect_len)
/* Encrypts (enc) or decrypts in one call into a seeded buffer; expects
 * success, expect_len output bytes equal to expect (when expect != NULL). */
static inline BOOL crypt_ok_(const char *file, int line, BCRYPT_KEY_HANDLE key, BOOL enc,
                             const UCHAR *in, ULONG len, UCHAR *iv, ULONG ivlen, ULONG flags,
                             const UCHAR *expect, ULONG expect_len)
{
    UCHAR out[512];
    ULONG size = SEED_ULONG;
    NTSTATUS status;

    seed(out, sizeof(out));
    if (enc)
        status = BCryptEncrypt(key, (UCHAR *)in, len, NULL, iv, ivlen, out, sizeof(out), &size, flags);
    else
        status = BCryptDecrypt(key, (UCHAR *)in, len, NULL, iv, ivlen, out, sizeof(out), &size, flags);
    ok_(file, line)(status == STATUS_SUCCESS, "%s: got %#lx\n", enc ? "encrypt" : "decrypt", status);
    ok_(file, line)(size == expect_len, "%s: got size %lu, expected %lu\n", enc ? "encrypt" : "decrypt",
                    size, expect_len);
    if (expect)
        ok_(file, line)(size == expect_len && !memcmp(out, expect, expect_len), "%s: got %s, expected %s\n",
                        enc ? "encrypt" : "decrypt", winetest_hex(out, size < sizeof(out) ? size : 0),
                        winetest_hex(expect, expect_len));
    return status == STATUS_SUCCESS && size == expect_len && (!expect || !memcmp(out, expect, expect_len));
}

#endif /* CNG_TEST_H */
