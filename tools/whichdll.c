/*
 * whichdll: which copy of a DLL really runs in this Wine prefix?
 *
 *   whichdll.exe [dll ...]          (default: bcrypt.dll)
 *
 * For each DLL named it prints one line:
 *   bcrypt.dll: ours (winecng-dropin 0.1.0) C:\windows\system32\bcrypt.dll, bridge OK, crypto OK
 *   bcrypt.dll: Wine builtin (Wine 6.1.7601.24556) C:\windows\system32\bcrypt.dll, crypto OK
 *   bcrypt.dll: native, not ours (...) C:\...\bcrypt.dll, crypto FAILED: ...
 *   bcrypt.dll: not loaded: error 126
 *
 * The path alone proves nothing: Wine reports the system32 path even when it
 * runs its own builtin.  What counts is the loaded image: Wine's builtins
 * carry the string "Wine builtin DLL" at offset 0x40 (in the DOS stub), and
 * ours carries "winecng-dropin" in its VERSIONINFO ProductName.  Both are read
 * from the mapped module, never from the file on disk.
 *
 * "Ours and working" means: not builtin-marked, ProductName contains
 * "winecng-dropin", the cryptbridge unix library is reachable, and an
 * AES-128 key computes the FIPS-197 known answer: through the module's own
 * BCrypt exports for bcrypt.dll, through advapi32 (CryptAcquireContext of
 * the RSA/AES provider, which loads rsaenh.dll) for rsaenh.dll; for
 * dssenh.dll a SHA-1 known answer through the Enhanced DSS/DH provider.
 *
 * Exit code: 0 only if every DLL named is ours and working, else 1.
 *
 * Build: x86_64-w64-mingw32-gcc -Wall -O2 tools/whichdll.c -o build/tools/whichdll.exe -lversion
 */
#include <windows.h>
#include <wincrypt.h>
#include <stdio.h>
#include <string.h>

#define OUR_MARKER      "winecng-dropin"
#define BUILTIN_MARKER  "Wine builtin DLL"
#define BRIDGE_DLL      L"cryptbridge.dll"

typedef LONG NTSTATUS_T;

/* GetProcAddress through void *, so each typed pointer needs no function-type cast. */
#define GET_PROC(module, name) ((void *)GetProcAddress((module), (name)))
typedef NTSTATUS_T (WINAPI *bridge_available_fn)(void);
typedef NTSTATUS_T (WINAPI *open_alg_fn)(void **, const WCHAR *, const WCHAR *, ULONG);
typedef NTSTATUS_T (WINAPI *close_alg_fn)(void *, ULONG);
typedef NTSTATUS_T (WINAPI *gen_key_fn)(void *, void **, UCHAR *, ULONG, UCHAR *, ULONG, ULONG);
typedef NTSTATUS_T (WINAPI *crypt_fn)(void *, UCHAR *, ULONG, void *, UCHAR *, ULONG,
                                      UCHAR *, ULONG, ULONG *, ULONG);
typedef NTSTATUS_T (WINAPI *destroy_key_fn)(void *);

static void print_w(const WCHAR *s)
{
    char buf[4 * MAX_PATH];
    int n = WideCharToMultiByte(CP_UTF8, 0, s, -1, buf, sizeof(buf), NULL, NULL);
    fputs(n > 0 ? buf : "?", stdout);
}

static BOOL is_builtin(HMODULE module)
{
    /* A module handle is the image base; 0x40 is where Wine puts its marker. */
    return !memcmp((const char *)module + 0x40, BUILTIN_MARKER, sizeof(BUILTIN_MARKER) - 1);
}

/*
 * Read one VERSIONINFO string from the loaded image's resources (not from the
 * file on disk, which may be a different copy than the one mapped).
 */
static BOOL version_string(HMODULE module, const WCHAR *name, char *out, size_t out_len)
{
    static const WCHAR *fallback_langs[] = { L"040904b0", L"040904e4", L"000004b0" };
    HRSRC res;
    HGLOBAL mem;
    DWORD size;
    void *copy;
    WCHAR query[64], lang[16];
    WORD *trans;
    WCHAR *value;
    UINT len, i;
    BOOL found = FALSE;

    *out = 0;
    if (!(res = FindResourceW(module, MAKEINTRESOURCEW(VS_VERSION_INFO), (LPCWSTR)RT_VERSION)))
        return FALSE;
    if (!(mem = LoadResource(module, res)) || !(size = SizeofResource(module, res)))
        return FALSE;
    /* VerQueryValue may write into the block: give it a private, roomy copy. */
    if (!(copy = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, size * 2)))
        return FALSE;
    memcpy(copy, LockResource(mem), size);

    if (VerQueryValueW(copy, L"\\VarFileInfo\\Translation", (void **)&trans, &len) && len >= 4)
    {
        swprintf(lang, 16, L"%04x%04x", trans[0], trans[1]);
        swprintf(query, 64, L"\\StringFileInfo\\%ls\\%ls", lang, name);
        found = VerQueryValueW(copy, query, (void **)&value, &len) && len;
    }
    for (i = 0; !found && i < ARRAYSIZE(fallback_langs); i++)
    {
        swprintf(query, 64, L"\\StringFileInfo\\%ls\\%ls", fallback_langs[i], name);
        found = VerQueryValueW(copy, query, (void **)&value, &len) && len;
    }
    if (found)
        WideCharToMultiByte(CP_UTF8, 0, value, -1, out, (int)out_len, NULL, NULL);
    out[out_len - 1] = 0;
    HeapFree(GetProcessHeap(), 0, copy);
    return found;
}

/* 0 if cryptbridge.dll is loaded (or loadable) and its unix library works. */
static NTSTATUS_T bridge_status(const char **why)
{
    HMODULE bridge = GetModuleHandleW(BRIDGE_DLL);
    bridge_available_fn available;

    if (!bridge && !(bridge = LoadLibraryW(BRIDGE_DLL)))
    {
        *why = "cryptbridge.dll not loadable";
        return (NTSTATUS_T)GetLastError();
    }
    if (!is_builtin(bridge))
    {
        *why = "cryptbridge.dll is not builtin-marked (cannot own a unix library)";
        return -1;
    }
    if (!(available = GET_PROC(bridge, "bridge_available")))
    {
        *why = "cryptbridge.dll lacks bridge_available";
        return -1;
    }
    *why = "unix library not loaded";
    return available();
}

/*
 * AES-128, FIPS-197 appendix C.1: one block, CBC with a zero IV (= ECB for a
 * single block), through the exports of the module actually loaded.
 */
static BOOL aes_known_answer(HMODULE module, char *why, size_t why_len)
{
    static const UCHAR key[16] = { 0x00,0x01,0x02,0x03,0x04,0x05,0x06,0x07,
                                   0x08,0x09,0x0a,0x0b,0x0c,0x0d,0x0e,0x0f };
    static const UCHAR plain[16] = { 0x00,0x11,0x22,0x33,0x44,0x55,0x66,0x77,
                                     0x88,0x99,0xaa,0xbb,0xcc,0xdd,0xee,0xff };
    static const UCHAR expect[16] = { 0x69,0xc4,0xe0,0xd8,0x6a,0x7b,0x04,0x30,
                                      0xd8,0xcd,0xb7,0x80,0x70,0xb4,0xc5,0x5a };
    open_alg_fn open_alg = GET_PROC(module, "BCryptOpenAlgorithmProvider");
    close_alg_fn close_alg = GET_PROC(module, "BCryptCloseAlgorithmProvider");
    gen_key_fn gen_key = GET_PROC(module, "BCryptGenerateSymmetricKey");
    crypt_fn encrypt = GET_PROC(module, "BCryptEncrypt");
    crypt_fn decrypt = GET_PROC(module, "BCryptDecrypt");
    destroy_key_fn destroy_key = GET_PROC(module, "BCryptDestroyKey");
    void *alg = NULL, *hkey = NULL;
    UCHAR iv[16], out[16], back[16];
    ULONG len = 0;
    NTSTATUS_T status;
    BOOL ok = FALSE;

    if (!open_alg || !close_alg || !gen_key || !encrypt || !decrypt || !destroy_key)
    {
        snprintf(why, why_len, "missing BCrypt exports");
        return FALSE;
    }
    if ((status = open_alg(&alg, L"AES", NULL, 0)))
    {
        snprintf(why, why_len, "BCryptOpenAlgorithmProvider(AES) returned %#lx", (unsigned long)status);
        return FALSE;
    }
    if ((status = gen_key(alg, &hkey, NULL, 0, (UCHAR *)key, sizeof(key), 0)))
        snprintf(why, why_len, "BCryptGenerateSymmetricKey returned %#lx", (unsigned long)status);
    else
    {
        memset(iv, 0, sizeof(iv));
        memset(out, 0xcc, sizeof(out));
        if ((status = encrypt(hkey, (UCHAR *)plain, sizeof(plain), NULL, iv, sizeof(iv),
                              out, sizeof(out), &len, 0)))
            snprintf(why, why_len, "BCryptEncrypt returned %#lx", (unsigned long)status);
        else if (len != sizeof(out) || memcmp(out, expect, sizeof(expect)))
            snprintf(why, why_len, "BCryptEncrypt gave a wrong answer");
        else
        {
            memset(iv, 0, sizeof(iv));
            memset(back, 0xcc, sizeof(back));
            if ((status = decrypt(hkey, out, sizeof(out), NULL, iv, sizeof(iv),
                                  back, sizeof(back), &len, 0)))
                snprintf(why, why_len, "BCryptDecrypt returned %#lx", (unsigned long)status);
            else if (len != sizeof(back) || memcmp(back, plain, sizeof(plain)))
                snprintf(why, why_len, "BCryptDecrypt gave a wrong answer");
            else
                ok = TRUE;
        }
        destroy_key(hkey);
    }
    close_alg(alg, 0);
    return ok;
}

/*
 * The same FIPS-197 vector through CryptoAPI: advapi32 loads rsaenh.dll for
 * the Enhanced RSA and AES provider; the key comes in as a PLAINTEXTKEYBLOB
 * and one block is encrypted in ECB mode with Final=FALSE (no padding).
 */
static BOOL rsaenh_known_answer(HMODULE module, char *why, size_t why_len)
{
    static const UCHAR plain[16] = { 0x00,0x11,0x22,0x33,0x44,0x55,0x66,0x77,
                                     0x88,0x99,0xaa,0xbb,0xcc,0xdd,0xee,0xff };
    static const UCHAR expect[16] = { 0x69,0xc4,0xe0,0xd8,0x6a,0x7b,0x04,0x30,
                                      0xd8,0xcd,0xb7,0x80,0x70,0xb4,0xc5,0x5a };
    struct { BLOBHEADER hdr; DWORD len; BYTE key[16]; } blob = { { PLAINTEXTKEYBLOB, CUR_BLOB_VERSION, 0, CALG_AES_128 }, 16,
        { 0x00,0x01,0x02,0x03,0x04,0x05,0x06,0x07,0x08,0x09,0x0a,0x0b,0x0c,0x0d,0x0e,0x0f } };
    DWORD mode = CRYPT_MODE_ECB, len = sizeof(plain);
    HCRYPTPROV prov;
    HCRYPTKEY key;
    UCHAR data[16];
    BOOL ok = FALSE;

    if (!CryptAcquireContextA(&prov, NULL, MS_ENH_RSA_AES_PROV_A, PROV_RSA_AES, CRYPT_VERIFYCONTEXT))
    {
        snprintf(why, why_len, "CryptAcquireContext failed: %#lx", GetLastError());
        return FALSE;
    }
    memcpy(data, plain, sizeof(data));
    if (GetModuleHandleA("rsaenh.dll") != module)
        snprintf(why, why_len, "advapi32 uses another rsaenh.dll than this one");
    else if (!CryptImportKey(prov, (BYTE *)&blob, sizeof(blob), 0, 0, &key))
        snprintf(why, why_len, "CryptImportKey failed: %#lx", GetLastError());
    else
    {
        if (!CryptSetKeyParam(key, KP_MODE, (BYTE *)&mode, 0))
            snprintf(why, why_len, "CryptSetKeyParam(KP_MODE) failed: %#lx", GetLastError());
        else if (!CryptEncrypt(key, 0, FALSE, 0, data, &len, sizeof(data)))
            snprintf(why, why_len, "CryptEncrypt failed: %#lx", GetLastError());
        else if (len != sizeof(expect) || memcmp(data, expect, sizeof(expect)))
            snprintf(why, why_len, "CryptEncrypt gave a wrong answer");
        else
            ok = TRUE;
        CryptDestroyKey(key);
    }
    CryptReleaseContext(prov, 0);
    return ok;
}

/*
 * dssenh.dll through CryptoAPI: advapi32 loads it for the Enhanced DSS and
 * Diffie-Hellman provider; SHA-1 of "abc" must give the FIPS 180 answer.
 */
static BOOL dssenh_known_answer(HMODULE module, char *why, size_t why_len)
{
    static const UCHAR expect[20] = { 0xa9,0x99,0x3e,0x36,0x47,0x06,0x81,0x6a,0xba,0x3e,
                                      0x25,0x71,0x78,0x50,0xc2,0x6c,0x9c,0xd0,0xd8,0x9d };
    DWORD len = sizeof(expect);
    HCRYPTPROV prov;
    HCRYPTHASH hash;
    UCHAR digest[20];
    BOOL ok = FALSE;

    if (!CryptAcquireContextA(&prov, NULL, MS_ENH_DSS_DH_PROV_A, PROV_DSS_DH, CRYPT_VERIFYCONTEXT))
    {
        snprintf(why, why_len, "CryptAcquireContext failed: %#lx", GetLastError());
        return FALSE;
    }
    if (GetModuleHandleA("dssenh.dll") != module)
        snprintf(why, why_len, "advapi32 uses another dssenh.dll than this one");
    else if (!CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash))
        snprintf(why, why_len, "CryptCreateHash failed: %#lx", GetLastError());
    else
    {
        if (!CryptHashData(hash, (const BYTE *)"abc", 3, 0) || !CryptGetHashParam(hash, HP_HASHVAL, digest, &len, 0))
            snprintf(why, why_len, "hashing failed: %#lx", GetLastError());
        else if (len != sizeof(expect) || memcmp(digest, expect, sizeof(expect)))
            snprintf(why, why_len, "SHA-1 gave a wrong answer");
        else
            ok = TRUE;
        CryptDestroyHash(hash);
    }
    CryptReleaseContext(prov, 0);
    return ok;
}

/* Prints one line about one DLL; returns TRUE if it is ours and working. */
static BOOL check_dll(const char *name)
{
    WCHAR path[MAX_PATH];
    char product[128], version[64], why[160];
    const char *bridge_why = "";
    HMODULE module;
    BOOL builtin, ours, working = TRUE;
    NTSTATUS_T bstatus;

    if (!(module = LoadLibraryA(name)))
    {
        printf("%s: not loaded: error %lu\n", name, GetLastError());
        return FALSE;
    }
    if (!GetModuleFileNameW(module, path, MAX_PATH))
        wcscpy(path, L"(unknown path)");

    builtin = is_builtin(module);
    version_string(module, L"ProductName", product, sizeof(product));
    version_string(module, L"FileVersion", version, sizeof(version));
    ours = !builtin && strstr(product, OUR_MARKER) != NULL;

    printf("%s: %s (%s%s%s) ", name,
           builtin ? "Wine builtin" : ours ? "ours" : "native, not ours",
           *product ? product : "no ProductName", *version ? " " : "", version);
    print_w(path);

    if (ours)
    {
        if ((bstatus = bridge_status(&bridge_why)))
        {
            printf(", bridge FAILED: %s (%#lx)", bridge_why, (unsigned long)bstatus);
            working = FALSE;
        }
        else
            printf(", bridge OK");
    }
    if (!_stricmp(name, "bcrypt.dll") || !_stricmp(name, "bcrypt")
        || !_stricmp(name, "rsaenh.dll") || !_stricmp(name, "rsaenh")
        || !_stricmp(name, "dssenh.dll") || !_stricmp(name, "dssenh"))
    {
        if (!_strnicmp(name, "rsaenh", 6) ? rsaenh_known_answer(module, why, sizeof(why))
            : !_strnicmp(name, "dssenh", 6) ? dssenh_known_answer(module, why, sizeof(why))
            : aes_known_answer(module, why, sizeof(why)))
            printf(", crypto OK");
        else
        {
            printf(", crypto FAILED: %s", why);
            working = FALSE;
        }
    }
    printf("\n");
    fflush(stdout);
    return ours && working;
}

int main(int argc, char **argv)
{
    int i, bad = 0;

    /* No error boxes in a headless prefix. */
    SetErrorMode(SEM_FAILCRITICALERRORS | SEM_NOOPENFILEERRORBOX);
    if (argc < 2)
        return check_dll("bcrypt.dll") ? 0 : 1;
    for (i = 1; i < argc; i++)
    {
        if (!strcmp(argv[i], "-h") || !strcmp(argv[i], "--help") || !strcmp(argv[i], "/?"))
        {
            printf("usage: whichdll.exe [dll ...]   (default: bcrypt.dll)\n"
                   "Prints which copy of each DLL runs; exit 0 only if all are ours and working.\n");
            return 0;
        }
    }
    for (i = 1; i < argc; i++)
        if (!check_dll(argv[i])) bad++;
    return bad ? 1 : 0;
}
