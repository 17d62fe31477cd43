/*
 * Key containers.  A container is a registry key in the store Wine's own
 * rsaenh uses [wine-impl], so a user's keys survive switching between the two
 * providers:
 *   HKCU\Software\Wine\Crypto\RSA\<name>   (HKLM with CRYPT_MACHINE_KEYSET)
 *     KeyExchangeKeyPair, SignatureKeyPair          REG_BINARY: the pair's
 *         PRIVATEKEYBLOB through CryptProtectData (no description, no entropy;
 *         CRYPTPROTECT_LOCAL_MACHINE for machine containers)
 *     KeyExchangePermissions, SignaturePermissions  REG_DWORD: KP_PERMISSIONS
 * (Windows keeps files under %APPDATA%\Microsoft\Crypto\RSA instead [doc].)
 *
 * An open context holds its two pairs (struct csp_prov.pairs).  A pair is
 * written when it is installed (CryptGenKey, PRIVATEKEYBLOB import), so a
 * second context sees it at once [wine-test]; permissions are written again
 * when the context is released.  DPAPI comes from crypt32, loaded when first
 * needed; Wine's DPAPI derives its key through the default RSA provider, so
 * it calls back into this DLL (a verify context: no recursion into a store).
 */
#include "csp_private.h"
#include <dpapi.h>
#include <aclapi.h>

DEFAULT_DEBUG_CHANNEL(crypt);

#define CONTAINER_ROOT     "Software\\Wine\\Crypto\\RSA"   /* [wine-impl] */
#define DSS_CONTAINER_ROOT "Software\\Wine\\Crypto\\DSS"   /* dssenh.dll's [wine-impl] */

/* dssenh.dll keeps its containers apart, as Windows and Wine do (dss.c). */
static const char *container_root(const struct csp_prov *prov)
{
    return provider_is_dss(prov->pers) ? DSS_CONTAINER_ROOT : CONTAINER_ROOT;
}
#define CONTAINER_NAME_MAX (MAX_PATH + 1)   /* PP_ENUMCONTAINERS sizing answer [wine-test] */
#define MACHINE_GUID_KEY   "SOFTWARE\\Microsoft\\Cryptography"

static const struct
{
    const char *blob;          /* the protected PRIVATEKEYBLOB */
    const char *permissions;   /* KP_PERMISSIONS */
}
pair_values[PAIR_COUNT] =
{
    [PAIR_EXCHANGE]  = { "KeyExchangeKeyPair", "KeyExchangePermissions" },
    [PAIR_SIGNATURE] = { "SignatureKeyPair",   "SignaturePermissions" },
};

/* ---- DPAPI (crypt32, loaded on first use) --------------------------------------------- */

static BOOL (WINAPI *pCryptProtectData)(DATA_BLOB *, LPCWSTR, DATA_BLOB *, void *, CRYPTPROTECT_PROMPTSTRUCT *,
                                        DWORD, DATA_BLOB *);
static BOOL (WINAPI *pCryptUnprotectData)(DATA_BLOB *, LPWSTR *, DATA_BLOB *, void *, CRYPTPROTECT_PROMPTSTRUCT *,
                                          DWORD, DATA_BLOB *);
static INIT_ONCE dpapi_once = INIT_ONCE_STATIC_INIT;

static BOOL CALLBACK dpapi_load(INIT_ONCE *once, void *param, void **context)
{
    HMODULE crypt32 = LoadLibraryA("crypt32.dll");

    if (crypt32)
    {
        pCryptProtectData = (void *)GetProcAddress(crypt32, "CryptProtectData");
        pCryptUnprotectData = (void *)GetProcAddress(crypt32, "CryptUnprotectData");
    }
    if (!pCryptProtectData || !pCryptUnprotectData) ERR("no DPAPI in crypt32.dll: containers keep no keys\n");
    return TRUE;
}

static BOOL dpapi_available(void)
{
    InitOnceExecuteOnce(&dpapi_once, dpapi_load, NULL, NULL);
    return pCryptProtectData && pCryptUnprotectData;
}

static DWORD dpapi_flags(const struct csp_prov *prov)
{
    return (prov->flags & CRYPT_MACHINE_KEYSET) ? CRYPTPROTECT_LOCAL_MACHINE : 0;   /* [wine-impl] */
}

/* ---- the registry ------------------------------------------------------------------------ */

static HKEY root_key(DWORD flags)
{
    return (flags & CRYPT_MACHINE_KEYSET) ? HKEY_LOCAL_MACHINE : HKEY_CURRENT_USER;
}

static LSTATUS open_container(const struct csp_prov *prov, REGSAM access, HKEY *key)
{
    char path[sizeof(CONTAINER_ROOT) + MAX_PATH];

    snprintf(path, sizeof(path), "%s\\%s", container_root(prov), prov->container);
    return RegOpenKeyExA(root_key(prov->flags), path, 0, access, key);
}

/* A NULL or empty name is the logged-on user's [doc]. */
BOOL container_resolve(struct csp_prov *prov, const char *name)
{
    DWORD len = sizeof(prov->container);

    prov->persistent = TRUE;
    if (name && *name)
    {
        lstrcpynA(prov->container, name, sizeof(prov->container));
        return TRUE;
    }
    return GetUserNameA(prov->container, &len);
}

/* The stored pair, if any: unprotected, imported, given its stored permissions. */
static void load_pair(struct csp_prov *prov, HKEY store, enum csp_pair pair)
{
    DWORD size = 0, perms, perms_len = sizeof(perms);
    DATA_BLOB in, out;
    struct csp_key *key = NULL;

    if (RegQueryValueExA(store, pair_values[pair].blob, NULL, NULL, NULL, &size) || !size) return;
    if (!(in.pbData = HeapAlloc(GetProcessHeap(), 0, size))) return;
    in.cbData = size;
    if (!RegQueryValueExA(store, pair_values[pair].blob, NULL, NULL, in.pbData, &in.cbData) && dpapi_available()
        && pCryptUnprotectData(&in, NULL, NULL, NULL, NULL, dpapi_flags(prov), &out))
    {
        key = asym_key_from_private(prov, out.pbData, out.cbData, 0);   /* RSA or DSS (dss.c) */
        secure_wipe(out.pbData, out.cbData);
        LocalFree(out.pbData);
    }
    HeapFree(GetProcessHeap(), 0, in.pbData);
    if (!key)
    {
        ERR("container %s: cannot read %s (%#lx)\n", prov->container, pair_values[pair].blob, GetLastError());
        return;
    }
    if (!RegQueryValueExA(store, pair_values[pair].permissions, NULL, NULL, (BYTE *)&perms, &perms_len)
        && perms_len == sizeof(perms))
        key->permissions = perms;
    prov->pairs[pair] = key;   /* not published yet: nobody else sees prov */
}

/* Open an existing container [doc]; missing: NTE_BAD_KEYSET [wine-test]. */
DWORD container_open(struct csp_prov *prov)
{
    enum csp_pair pair;
    HKEY store;

    if (open_container(prov, KEY_READ, &store)) return NTE_BAD_KEYSET;
    for (pair = 0; pair < PAIR_COUNT; pair++) load_pair(prov, store, pair);
    RegCloseKey(store);
    return 0;
}

/* A new, empty container [doc]; one of that name exists: NTE_EXISTS [wine-test]. */
DWORD container_create(struct csp_prov *prov)
{
    char path[sizeof(CONTAINER_ROOT) + MAX_PATH];
    LSTATUS err;
    HKEY store;

    if (!open_container(prov, KEY_READ, &store))
    {
        RegCloseKey(store);
        return NTE_EXISTS;
    }
    snprintf(path, sizeof(path), "%s\\%s", container_root(prov), prov->container);
    err = RegCreateKeyExA(root_key(prov->flags), path, 0, NULL, REG_OPTION_NON_VOLATILE, KEY_WRITE, NULL, &store,
                          NULL);
    if (err) return err == ERROR_ACCESS_DENIED ? NTE_PERM : NTE_FAIL;   /* hypothesis */
    RegCloseKey(store);
    return 0;
}

/* Missing: NTE_BAD_KEYSET [wine-test]. */
DWORD container_delete(struct csp_prov *prov)
{
    char path[sizeof(CONTAINER_ROOT) + MAX_PATH];

    snprintf(path, sizeof(path), "%s\\%s", container_root(prov), prov->container);
    return RegDeleteKeyA(root_key(prov->flags), path) ? NTE_BAD_KEYSET : 0;
}

/* Writes a pair (its protected PRIVATEKEYBLOB, when with_blob) and its permissions. */
static void store_pair(const struct csp_prov *prov, HKEY store, enum csp_pair pair, const struct csp_key *key,
                       BOOL with_blob)
{
    DATA_BLOB in, out;
    DWORD len;

    if (with_blob)
    {
        if (!asym_export_private(key, TRUE, NULL, &len) || !(in.pbData = HeapAlloc(GetProcessHeap(), 0, len))) return;
        in.cbData = len;
        if (asym_export_private(key, TRUE, in.pbData, &in.cbData) && dpapi_available()
            && pCryptProtectData(&in, NULL, NULL, NULL, NULL, dpapi_flags(prov), &out))
        {
            RegSetValueExA(store, pair_values[pair].blob, 0, REG_BINARY, out.pbData, out.cbData);
            LocalFree(out.pbData);
        }
        else ERR("container %s: cannot store %s (%#lx)\n", prov->container, pair_values[pair].blob, GetLastError());
        secure_wipe(in.pbData, len);
        HeapFree(GetProcessHeap(), 0, in.pbData);
    }
    RegSetValueExA(store, pair_values[pair].permissions, 0, REG_DWORD, (const BYTE *)&key->permissions,
                   sizeof(key->permissions));
}

/* Stores the given pairs of a named container that still exists (a deleted one stays deleted). */
static void store_pairs(struct csp_prov *prov, BOOL with_blob, enum csp_pair only)
{
    struct csp_key *keys[PAIR_COUNT] = { 0 };
    enum csp_pair pair;
    HKEY store;

    if (!prov->persistent) return;
    AcquireSRWLockShared(&prov->pairs_lock);
    for (pair = 0; pair < PAIR_COUNT; pair++)
    {
        if ((only != PAIR_COUNT && pair != only) || !(keys[pair] = prov->pairs[pair])) continue;
        csp_object_addref(&keys[pair]->hdr);
    }
    ReleaseSRWLockShared(&prov->pairs_lock);

    if (!open_container(prov, KEY_WRITE, &store))
    {
        for (pair = 0; pair < PAIR_COUNT; pair++)
            if (keys[pair]) store_pair(prov, store, pair, keys[pair], with_blob);
        RegCloseKey(store);
    }
    for (pair = 0; pair < PAIR_COUNT; pair++)
        if (keys[pair]) key_put(keys[pair]);
}

/* Makes key the container's pair (it takes a reference) and stores it. */
void container_install(struct csp_prov *prov, enum csp_pair pair, struct csp_key *key)
{
    struct csp_key *old;

    csp_object_addref(&key->hdr);
    AcquireSRWLockExclusive(&prov->pairs_lock);
    old = prov->pairs[pair];
    prov->pairs[pair] = key;
    ReleaseSRWLockExclusive(&prov->pairs_lock);
    if (old) key_put(old);
    store_pairs(prov, TRUE, pair);
}

struct csp_key *container_key(struct csp_prov *prov, enum csp_pair pair)
{
    struct csp_key *key;

    AcquireSRWLockShared(&prov->pairs_lock);
    if ((key = prov->pairs[pair])) csp_object_addref(&key->hdr);
    ReleaseSRWLockShared(&prov->pairs_lock);
    return key;
}

/* At CPReleaseContext: the permissions may have changed; then the pairs,
 * which reference the context, are let go. */
void container_close(struct csp_prov *prov)
{
    struct csp_key *keys[PAIR_COUNT];
    enum csp_pair pair;

    store_pairs(prov, FALSE, PAIR_COUNT);
    AcquireSRWLockExclusive(&prov->pairs_lock);
    memcpy(keys, prov->pairs, sizeof(keys));
    memset(prov->pairs, 0, sizeof(prov->pairs));
    ReleaseSRWLockExclusive(&prov->pairs_lock);
    for (pair = 0; pair < PAIR_COUNT; pair++)
        if (keys[pair]) key_put(keys[pair]);
}

/* ---- provider parameters of containers ----------------------------------------------------- */

/*
 * PP_ENUMCONTAINERS: one name per call, CRYPT_FIRST restarts; no buffer asks
 * for the longest name's size, MAX_PATH + 1; a name that fits leaves
 * *pdwDataLen alone; past the last: ERROR_NO_MORE_ITEMS [wine-test].  The
 * machine's containers with CRYPT_MACHINE_KEYSET here or at acquisition [doc].
 */
BOOL container_enum(struct csp_prov *prov, BYTE *data, DWORD *len, DWORD flags)
{
    char name[CONTAINER_NAME_MAX];
    DWORD size = sizeof(name);
    LSTATUS err;
    HKEY root;

    if (flags & CRYPT_FIRST) prov->enum_containers = 0;
    if (!data)
    {
        *len = CONTAINER_NAME_MAX;
        return TRUE;
    }
    if (RegOpenKeyExA(root_key(prov->flags | flags), container_root(prov), 0, KEY_READ, &root))
        return csp_fail(ERROR_NO_MORE_ITEMS);
    err = RegEnumKeyExA(root, prov->enum_containers, name, &size, NULL, NULL, NULL, NULL);
    RegCloseKey(root);
    if (err) return csp_fail(ERROR_NO_MORE_ITEMS);
    if (*len < size + 1)
    {
        *len = CONTAINER_NAME_MAX;
        return csp_fail(ERROR_MORE_DATA);   /* hypothesis */
    }
    memcpy(data, name, size + 1);
    prov->enum_containers++;
    return TRUE;
}

/*
 * PP_UNIQUE_CONTAINER: the MD5 of the name with its NUL as four DWORDs in
 * hex, "_", and the MachineGuid [wine-test helper]; a verify context has
 * none: "" [hypothesis].
 */
BOOL container_unique_name(struct csp_prov *prov, BYTE *data, DWORD *len)
{
    char unique[4 * 8 + 1 + 64] = "", guid[64] = "";
    DWORD digest[4], size = sizeof(guid) - 1;
    HKEY key;

    if (!prov->persistent) return copy_param(data, len, "", 1);
    if (!glue_hash_digest(CALG_MD5, (const BYTE *)prov->container, strlen(prov->container) + 1, (BYTE *)digest))
        return FALSE;
    if (!RegOpenKeyExA(HKEY_LOCAL_MACHINE, MACHINE_GUID_KEY, 0, KEY_READ | KEY_WOW64_64KEY, &key))
    {
        if (RegQueryValueExA(key, "MachineGuid", NULL, NULL, (BYTE *)guid, &size)) guid[0] = 0;
        RegCloseKey(key);
    }
    snprintf(unique, sizeof(unique), "%08lx%08lx%08lx%08lx_%s", digest[0], digest[1], digest[2], digest[3], guid);
    return copy_param(data, len, unique, strlen(unique) + 1);
}

/*
 * PP_KEYSET_SEC_DESCR: the container's security descriptor, the parts dwFlags
 * names.  Sizing (or a short buffer) succeeds with ERROR_INSUFFICIENT_BUFFER
 * and the length [wine-test].  No container: NTE_BAD_KEYSET [wine-impl].
 */
BOOL container_security(struct csp_prov *prov, BYTE *data, DWORD *len, DWORD flags)
{
    REGSAM access = READ_CONTROL | ((flags & SACL_SECURITY_INFORMATION) ? ACCESS_SYSTEM_SECURITY : 0);
    PSECURITY_DESCRIPTOR sd;
    DWORD err, size;
    HKEY store;

    if (!prov->persistent || open_container(prov, access, &store)) return csp_fail(NTE_BAD_KEYSET);
    err = GetSecurityInfo(store, SE_REGISTRY_KEY, flags, NULL, NULL, NULL, NULL, &sd);
    RegCloseKey(store);
    if (err) return csp_fail(err);
    size = GetSecurityDescriptorLength(sd);
    if (data && *len >= size) memcpy(data, sd, size);
    else SetLastError(ERROR_INSUFFICIENT_BUFFER);
    *len = size;
    LocalFree(sd);
    return TRUE;
}

/* CPSetProvParam(PP_KEYSET_SEC_DESCR): the parts of the descriptor dwFlags names [wine-impl]. */
BOOL container_set_security(struct csp_prov *prov, const BYTE *data, DWORD flags)
{
    REGSAM access = WRITE_DAC | WRITE_OWNER | ((flags & SACL_SECURITY_INFORMATION) ? ACCESS_SYSTEM_SECURITY : 0);
    PSECURITY_DESCRIPTOR sd = (PSECURITY_DESCRIPTOR)data;
    PSID owner = NULL, group = NULL;
    PACL dacl = NULL, sacl = NULL;
    BOOL present, defaulted;
    DWORD err;
    HKEY store;

    if (!data) return csp_fail(ERROR_INVALID_PARAMETER);
    if (!prov->persistent || open_container(prov, access, &store)) return csp_fail(NTE_BAD_KEYSET);
    if (((flags & OWNER_SECURITY_INFORMATION) && !GetSecurityDescriptorOwner(sd, &owner, &defaulted))
        || ((flags & GROUP_SECURITY_INFORMATION) && !GetSecurityDescriptorGroup(sd, &group, &defaulted))
        || ((flags & DACL_SECURITY_INFORMATION) && !GetSecurityDescriptorDacl(sd, &present, &dacl, &defaulted))
        || ((flags & SACL_SECURITY_INFORMATION) && !GetSecurityDescriptorSacl(sd, &present, &sacl, &defaulted)))
    {
        RegCloseKey(store);
        return FALSE;
    }
    err = SetSecurityInfo(store, SE_REGISTRY_KEY, flags, owner, group, dacl, sacl);
    RegCloseKey(store);
    return err ? csp_fail(err) : TRUE;
}
