/*
 * Key containers shared with Wine's builtin rsaenh.  Both providers keep
 * containers in HKCU\Software\Wine\Crypto\RSA (PRIVATEKEYBLOBs through
 * CryptProtectData, plus the keys' permissions), so a user's keys survive
 * switching between them [wine-impl: Wine's store].  This exe runs a copy
 * of itself with rsaenh=builtin: that child writes or reads a
 * container with the builtin provider and answers with its exit code; the
 * parent does the other half with whatever rsaenh it loaded (ours in
 * `make check`).  Windows has one rsaenh: the tests skip there.
 */
#define WINETEST_MODULE "rsaenh.dll"
#include "winetest.h"
#include <wincrypt.h>
#include "csp_rsa_test.h"

#define CHILD_ENV          "CSP_RSA_INTEROP"   /* the child's task: "write" or "read:<PUBLICKEYBLOB hex>" */
#define CHILD_NOT_BUILTIN  77
#define CHILD_TIMEOUT_MS   60000

static const char by_parent[] = "csp_rsa_interop_parent";   /* the parent writes, the child reads */
static const char by_child[] = "csp_rsa_interop_child";     /* the child writes, the parent reads */

static BOOL blob_is_hex(const BYTE *blob, DWORD len, const char *hex)
{
    BYTE expect[1024];
    return len && len == hex_to_bytes(hex, expect, sizeof(expect)) && !memcmp(blob, expect, len);
}

/* Signs with the container's signature pair and verifies with its public part. */
static BOOL sign_round_trip(HCRYPTPROV prov, HCRYPTKEY key)
{
    static const BYTE data[] = "interop";
    HCRYPTHASH hash;
    BYTE sig[256];
    DWORD len = sizeof(sig);
    BOOL ret;

    if (!CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash)) return FALSE;
    ret = CryptHashData(hash, data, sizeof(data), 0) && CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, sig, &len)
          && CryptVerifySignatureA(hash, sig, len, key, NULL, 0);
    CryptDestroyHash(hash);
    return ret;
}

/* ---- the child: Wine's builtin rsaenh; 0 or the number of the step that failed ---------------- */

static int child_write(void)
{
    BYTE blob[1024];
    DWORD len = hex_to_bytes(priv_exchange_1024, blob, sizeof(blob));
    HCRYPTPROV prov;
    HCRYPTKEY key;

    delete_container(by_child, ENHANCED, 0);
    if (!acquire_flags(&prov, by_child, ENHANCED, CRYPT_NEWKEYSET)) return 1;
    if (!CryptImportKey(prov, blob, len, 0, CRYPT_EXPORTABLE, &key)) return 2;
    CryptDestroyKey(key);
    if (!CryptGenKey(prov, AT_SIGNATURE, CRYPT_EXPORTABLE, &key)) return 3;
    CryptDestroyKey(key);
    return CryptReleaseContext(prov, 0) ? 0 : 4;
}

static int child_read(const char *public_hex)
{
    HCRYPTPROV prov;
    HCRYPTKEY key;
    BYTE blob[1024];
    DWORD len;
    int step = 0;

    if (!acquire_flags(&prov, by_parent, ENHANCED, 0)) return 10;
    if (!CryptGetUserKey(prov, AT_SIGNATURE, &key)) step = 11;
    else
    {
        if (!blob_is_hex(blob, export_blob(key, PRIVATEKEYBLOB, blob, sizeof(blob)), priv_sign_1024)) step = 12;
        else if (!sign_round_trip(prov, key)) step = 13;
        CryptDestroyKey(key);
    }
    if (!step && !CryptGetUserKey(prov, AT_KEYEXCHANGE, &key)) step = 14;
    else if (!step)
    {
        if (!blob_is_hex(blob, export_blob(key, PUBLICKEYBLOB, blob, sizeof(blob)), public_hex)) step = 15;
        else if (CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, NULL, &len) || GetLastError() != (DWORD)NTE_BAD_KEY_STATE)
            step = 16;   /* made without CRYPT_EXPORTABLE: the permissions travel too */
        CryptDestroyKey(key);
    }
    CryptReleaseContext(prov, 0);
    return step;
}

/*
 * Runs a copy of this exe as the child; its exit code.  Wine 8 takes
 * WINEDLLOVERRIDES from the Unix environment, which a Windows parent cannot
 * change for its child, so the copy gets rsaenh=builtin from its own
 * AppDefaults key instead (an override the variable does not name).
 */
#define CHILD_EXE "csp_rsa_interop_child.exe"
#define CHILD_OVERRIDES "Software\\Wine\\AppDefaults\\" CHILD_EXE "\\DllOverrides"

static DWORD run_child(const char *task)
{
    SECURITY_ATTRIBUTES sa = { sizeof(sa), NULL, TRUE };
    STARTUPINFOA si = { sizeof(si) };
    PROCESS_INFORMATION pi;
    char exe[MAX_PATH], child[MAX_PATH], cmd[2 * MAX_PATH];
    DWORD code = ~0u;
    HANDLE nul;
    HKEY key;

    GetModuleFileNameA(NULL, exe, sizeof(exe));
    GetTempPathA(sizeof(child) - sizeof(CHILD_EXE), child);
    strcat(child, CHILD_EXE);
    if (!CopyFileA(exe, child, FALSE)) return code;
    if (!RegCreateKeyExA(HKEY_CURRENT_USER, CHILD_OVERRIDES, 0, NULL, 0, KEY_WRITE, NULL, &key, NULL))
    {
        RegSetValueExA(key, "rsaenh", 0, REG_SZ, (const BYTE *)"builtin", sizeof("builtin"));
        RegCloseKey(key);
    }
    snprintf(cmd, sizeof(cmd), "\"%s\" rsa_interop_child", child);
    SetEnvironmentVariableA(CHILD_ENV, task);
    /* its summary lines must not count as ours */
    nul = CreateFileA("NUL", GENERIC_WRITE, FILE_SHARE_READ | FILE_SHARE_WRITE, &sa, OPEN_EXISTING, 0, NULL);
    si.dwFlags = STARTF_USESTDHANDLES;
    si.hStdInput = GetStdHandle(STD_INPUT_HANDLE);
    si.hStdOutput = si.hStdError = nul;
    if (CreateProcessA(NULL, cmd, NULL, NULL, TRUE, 0, NULL, NULL, &si, &pi))
    {
        if (WaitForSingleObject(pi.hProcess, CHILD_TIMEOUT_MS)) TerminateProcess(pi.hProcess, ~0u);
        GetExitCodeProcess(pi.hProcess, &code);
        CloseHandle(pi.hProcess);
        CloseHandle(pi.hThread);
    }
    CloseHandle(nul);
    SetEnvironmentVariableA(CHILD_ENV, NULL);
    RegDeleteKeyA(HKEY_CURRENT_USER, CHILD_OVERRIDES);
    RegDeleteKeyA(HKEY_CURRENT_USER, "Software\\Wine\\AppDefaults\\" CHILD_EXE);
    DeleteFileA(child);
    return code;
}

static BOOL interop_possible(void)
{
    if (!winetest_on_wine())
    {
        skip("one rsaenh on Windows\n");
        return FALSE;
    }
    if (!dpapi_works())
    {
        skip("DPAPI does not work here (it needs the default provider's CryptDeriveKey)\n");
        return FALSE;
    }
    return TRUE;
}

/* What this process's rsaenh stores, the builtin one reads. */
static void test_container_to_builtin(void)
{
    char task[8 + 2 * 200] = "read:";
    BYTE blob[1024], priv[1024];
    HCRYPTPROV prov;
    HCRYPTKEY key;
    DWORD len, i, code;

    if (!interop_possible()) return;
    delete_container(by_parent, ENHANCED, 0);
    if (!acquire_flags(&prov, by_parent, ENHANCED, CRYPT_NEWKEYSET))
    {
        ok(0, "NEWKEYSET: %#lx\n", GetLastError());
        return;
    }
    len = hex_to_bytes(priv_sign_1024, priv, sizeof(priv));
    ok(CryptImportKey(prov, priv, len, 0, CRYPT_EXPORTABLE, &key), "import: %#lx\n", GetLastError());
    CryptDestroyKey(key);
    ok(CryptGenKey(prov, AT_KEYEXCHANGE, 0, &key), "gen: %#lx\n", GetLastError());
    len = export_blob(key, PUBLICKEYBLOB, blob, sizeof(blob));
    for (i = 0; i < len && i < 200; i++) sprintf(task + 5 + 2 * i, "%02x", blob[i]);
    CryptDestroyKey(key);
    CryptReleaseContext(prov, 0);

    code = run_child(task);
    if (code == CHILD_NOT_BUILTIN) skip("the child did not get the builtin rsaenh\n");
    else ok(!code, "the builtin rsaenh failed at step %lu\n", code);   /* wine-impl: the shared store */
    delete_container(by_parent, ENHANCED, 0);
}

/* What the builtin rsaenh stores, this process's reads. */
static void test_container_from_builtin(void)
{
    HCRYPTPROV prov;
    HCRYPTKEY key;
    BYTE blob[1024];
    DWORD code, len;

    if (!interop_possible()) return;
    code = run_child("write");
    if (code == CHILD_NOT_BUILTIN)
    {
        skip("the child did not get the builtin rsaenh\n");
        return;
    }
    ok(!code, "the builtin rsaenh failed at step %lu\n", code);
    if (!acquire_flags(&prov, by_child, ENHANCED, 0))
    {
        ok(0, "open: %#lx\n", GetLastError());
        return;
    }
    ok(CryptGetUserKey(prov, AT_KEYEXCHANGE, &key), "exchange pair: %#lx\n", GetLastError());
    len = export_blob(key, PRIVATEKEYBLOB, blob, sizeof(blob));
    ok(blob_is_hex(blob, len, priv_exchange_1024), "exchange pair %lu: %s\n", len, winetest_hex(blob, 24));
    CryptDestroyKey(key);
    ok(CryptGetUserKey(prov, AT_SIGNATURE, &key), "signature pair: %#lx\n", GetLastError());
    ok(export_blob(key, PRIVATEKEYBLOB, blob, sizeof(blob)) == 596, "not exportable\n");   /* CRYPT_EXPORTABLE travels */
    ok(sign_round_trip(prov, key), "sign: %#lx\n", GetLastError());
    CryptDestroyKey(key);
    CryptReleaseContext(prov, 0);
    delete_container(by_child, ENHANCED, 0);
}

START_TEST(csp_rsa_interop)
{
    test_container_to_builtin();
    test_container_from_builtin();
}

/* Only as the child (CHILD_ENV set): one task, then exit with its result. */
START_TEST(rsa_interop_child)
{
    char task[1024];

    if (!GetEnvironmentVariableA(CHILD_ENV, task, sizeof(task))) return;
    if (winetest_dll_kind() != WINETEST_DLL_BUILTIN) ExitProcess(CHILD_NOT_BUILTIN);
    if (!strcmp(task, "write")) ExitProcess(child_write());
    if (!strncmp(task, "read:", 5)) ExitProcess(child_read(task + 5));
    ExitProcess(99);
}
