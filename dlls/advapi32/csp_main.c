/*
 * Contexts (CPAcquireContext / CPReleaseContext), provider parameters and
 * random numbers.  Key containers are not implemented yet: only
 * CRYPT_VERIFYCONTEXT contexts exist, so no container is ever found.
 */
#include "csp_private.h"

DEFAULT_DEBUG_CHANNEL(crypt);

#define CONTAINER_NAME_MAX (MAX_PATH + 1)   /* PP_ENUMCONTAINERS sizing answer [wine-test] */
#define CSP_VERSION        0x200            /* PP_VERSION [wine-impl] */

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, void *reserved)
{
    if (reason != DLL_PROCESS_ATTACH) return TRUE;
    DisableThreadLibraryCalls(instance);
    return glue_available();   /* refuse to load without the bridge: loud and early */
}

BOOL copy_param(BYTE *dest, DWORD *dest_len, const void *src, DWORD src_len)
{
    if (dest && *dest_len < src_len)
    {
        *dest_len = src_len;
        return csp_fail(ERROR_MORE_DATA);
    }
    if (dest) memcpy(dest, src, src_len);
    *dest_len = src_len;
    return TRUE;
}

struct csp_prov *prov_get(HCRYPTPROV handle)
{
    struct csp_prov *prov = (struct csp_prov *)handle_get(handle, CSP_TYPE_PROV);

    if (!prov) SetLastError(NTE_BAD_UID);
    return prov;
}

static void prov_destroy(struct csp_object *obj)
{
    secure_wipe(obj, sizeof(struct csp_prov));
    HeapFree(GetProcessHeap(), 0, obj);
}

BOOL WINAPI CPAcquireContext(HCRYPTPROV *phProv, LPSTR pszContainer, DWORD dwFlags, struct csp_vtable *pVTable)
{
    const char *name = NULL;
    struct csp_prov *prov;
    HCRYPTPROV handle;
    DWORD type = 0;

    TRACE("%p, %s, %#lx, %p\n", phProv, pszContainer ? pszContainer : "(null)", dwFlags, pVTable);

    if (!phProv) return csp_fail(ERROR_INVALID_PARAMETER);
    switch (dwFlags & (CRYPT_NEWKEYSET | CRYPT_VERIFYCONTEXT | CRYPT_DELETEKEYSET))
    {
    case CRYPT_VERIFYCONTEXT:
    case CRYPT_VERIFYCONTEXT | CRYPT_NEWKEYSET:   /* treated as VERIFYCONTEXT [wine-impl] */
        if (pszContainer && *pszContainer) return csp_fail(NTE_BAD_FLAGS);   /* [wine-test] */
        break;
    case 0:
    case CRYPT_DELETEKEYSET:
        /* no persistent container exists yet: "not found" is what Windows says then [wine-test] */
        FIXME("key containers are not implemented (container %s)\n", pszContainer ? pszContainer : "(default)");
        return csp_fail(NTE_BAD_KEYSET);
    case CRYPT_NEWKEYSET:
        FIXME("creating key containers is not implemented\n");
        return csp_fail(NTE_FAIL);
    default:
        return csp_fail(NTE_BAD_FLAGS);
    }

    if (pVTable)
    {
        if (pVTable->Version >= 2) type = pVTable->dwProvType;
        if (pVTable->Version >= 3) name = pVTable->pszProvName;
    }
    if (!(prov = csp_object_alloc(sizeof(*prov), CSP_TYPE_PROV, prov_destroy))) return csp_fail(NTE_NO_MEMORY);
    prov->pers = provider_from_name(name, type);
    prov->flags = dwFlags;
    lstrcpynA(prov->name, name ? name : csp_providers[prov->pers].name, sizeof(prov->name));
    if (!(handle = handle_insert(&prov->hdr, 0))) return csp_fail(NTE_NO_MEMORY);
    *phProv = handle;
    TRACE("returning %Iu (%s)\n", handle, prov->name);
    return TRUE;
}

/* Releasing a context also closes its keys and hashes.  Flags are checked
 * after the release: Windows fails with NTE_BAD_FLAGS but still releases [wine-test]. */
BOOL WINAPI CPReleaseContext(HCRYPTPROV hProv, DWORD dwFlags)
{
    TRACE("%Iu, %#lx\n", hProv, dwFlags);

    if (!handle_close(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    handle_close_owned(hProv);
    if (dwFlags) return csp_fail(NTE_BAD_FLAGS);
    return TRUE;
}

static BOOL enum_algs(struct csp_prov *prov, DWORD param, BYTE *data, DWORD *len, DWORD flags)
{
    DWORD index = (flags & CRYPT_FIRST) ? 0 : prov->enum_algs;
    PROV_ENUMALGS_EX row;
    PROV_ENUMALGS short_row;
    BOOL ret;

    if (!provider_enum_alg(prov->pers, index, &row)) return csp_fail(ERROR_NO_MORE_ITEMS);
    if (param == PP_ENUMALGS)
    {
        memset(&short_row, 0, sizeof(short_row));
        short_row.aiAlgid = row.aiAlgid;
        short_row.dwBitLen = row.dwDefaultLen;
        short_row.dwNameLen = row.dwNameLen;
        memcpy(short_row.szName, row.szName, sizeof(short_row.szName));
        ret = copy_param(data, len, &short_row, sizeof(short_row));
    }
    else ret = copy_param(data, len, &row, sizeof(row));
    /* only a delivered row moves the enumeration on; sizing calls do not [wine-impl] */
    if (ret && data) prov->enum_algs = index + 1;
    return ret;
}

static BOOL get_dword(BYTE *data, DWORD *len, DWORD value)
{
    return copy_param(data, len, &value, sizeof(value));
}

BOOL WINAPI CPGetProvParam(HCRYPTPROV hProv, DWORD dwParam, BYTE *pbData, DWORD *pdwDataLen, DWORD dwFlags)
{
    struct csp_prov *prov;
    BOOL ret;

    TRACE("%Iu, %lu, %p, %p, %#lx\n", hProv, dwParam, pbData, pdwDataLen, dwFlags);

    if (!pdwDataLen) return csp_fail(ERROR_INVALID_PARAMETER);
    if (!(prov = prov_get(hProv))) return FALSE;

    switch (dwParam)
    {
    case PP_NAME:
        ret = copy_param(pbData, pdwDataLen, prov->name, strlen(prov->name) + 1);
        break;
    case PP_CONTAINER:
    case PP_UNIQUE_CONTAINER:
        ret = copy_param(pbData, pdwDataLen, "", 1);   /* a verify context has no container */
        break;
    case PP_ENUMCONTAINERS:
        if (!pbData)
        {
            *pdwDataLen = CONTAINER_NAME_MAX;
            ret = TRUE;
        }
        else ret = csp_fail(ERROR_NO_MORE_ITEMS);
        break;
    case PP_ENUMALGS:
    case PP_ENUMALGS_EX:
        ret = enum_algs(prov, dwParam, pbData, pdwDataLen, dwFlags);
        break;
    case PP_IMPTYPE:            ret = get_dword(pbData, pdwDataLen, CRYPT_IMPL_SOFTWARE); break;
    case PP_VERSION:            ret = get_dword(pbData, pdwDataLen, CSP_VERSION); break;
    case PP_PROVTYPE:           ret = get_dword(pbData, pdwDataLen, csp_providers[prov->pers].prov_type); break;
    case PP_KEYSPEC:            ret = get_dword(pbData, pdwDataLen, AT_KEYEXCHANGE | AT_SIGNATURE); break;
    case PP_KEYSET_TYPE:        ret = get_dword(pbData, pdwDataLen, prov->flags & CRYPT_MACHINE_KEYSET); break;
    case PP_KEYSTORAGE:         ret = get_dword(pbData, pdwDataLen, CRYPT_SEC_DESCR); break;
    case PP_SIG_KEYSIZE_INC:
    case PP_KEYX_KEYSIZE_INC:   ret = get_dword(pbData, pdwDataLen, 8); break;   /* [wine-test] */
    default:
        FIXME("unsupported parameter %lu\n", dwParam);
        ret = csp_fail(NTE_BAD_TYPE);
        break;
    }
    prov_put(prov);
    return ret;
}

BOOL WINAPI CPSetProvParam(HCRYPTPROV hProv, DWORD dwParam, BYTE *pbData, DWORD dwFlags)
{
    TRACE("%Iu, %lu, %p, %#lx\n", hProv, dwParam, pbData, dwFlags);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (dwParam == PP_CLIENT_HWND) return TRUE;   /* we never show UI */
    FIXME("unsupported parameter %lu\n", dwParam);
    return csp_fail(NTE_BAD_TYPE);
}

BOOL WINAPI CPGenRandom(HCRYPTPROV hProv, DWORD dwLen, BYTE *pbBuffer)
{
    TRACE("%Iu, %lu, %p\n", hProv, dwLen, pbBuffer);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (!pbBuffer && dwLen) return csp_fail(ERROR_INVALID_PARAMETER);
    return glue_random(pbBuffer, dwLen);
}

/* A verify context holds no key pairs: NTE_NO_KEY [wine-test]. */
BOOL WINAPI CPGetUserKey(HCRYPTPROV hProv, DWORD dwKeySpec, HCRYPTKEY *phUserKey)
{
    TRACE("%Iu, %lu, %p\n", hProv, dwKeySpec, phUserKey);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (!phUserKey) return csp_fail(ERROR_INVALID_PARAMETER);
    return csp_fail(NTE_NO_KEY);
}

/* ---- registration ---------------------------------------------------------- */

#define PROVIDER_KEY "SOFTWARE\\Microsoft\\Cryptography\\Defaults\\Provider\\"

static const char *const extra_names[] = { MS_ENH_RSA_AES_PROV_XP_A };

static LSTATUS register_provider(const char *name, DWORD type)
{
    char path[sizeof(PROVIDER_KEY) + MAX_PATH];
    static const DWORD zero = 0;
    LSTATUS err;
    HKEY key;

    snprintf(path, sizeof(path), PROVIDER_KEY "%s", name);
    if ((err = RegCreateKeyExA(HKEY_LOCAL_MACHINE, path, 0, NULL, 0, KEY_WRITE, NULL, &key, NULL))) return err;
    err = RegSetValueExA(key, "Image Path", 0, REG_SZ, (const BYTE *)"rsaenh.dll", sizeof("rsaenh.dll"));
    if (!err) err = RegSetValueExA(key, "Type", 0, REG_DWORD, (const BYTE *)&type, sizeof(type));
    if (!err) err = RegSetValueExA(key, "SigInFile", 0, REG_DWORD, (const BYTE *)&zero, sizeof(zero));
    RegCloseKey(key);
    return err;
}

/* Registers our provider names with Image Path rsaenh.dll [doc, reference §5.1]. */
HRESULT WINAPI DllRegisterServer(void)
{
    enum csp_personality pers;
    LSTATUS err = 0;
    size_t i;

    for (pers = 0; pers < PERS_COUNT && !err; pers++)
        err = register_provider(csp_providers[pers].name, csp_providers[pers].prov_type);
    for (i = 0; i < ARRAY_SIZE(extra_names) && !err; i++) err = register_provider(extra_names[i], PROV_RSA_AES);
    return err ? HRESULT_FROM_WIN32(err) : S_OK;
}

HRESULT WINAPI DllUnregisterServer(void)
{
    char path[sizeof(PROVIDER_KEY) + MAX_PATH];
    enum csp_personality pers;
    size_t i;

    for (pers = 0; pers < PERS_COUNT; pers++)
    {
        snprintf(path, sizeof(path), PROVIDER_KEY "%s", csp_providers[pers].name);
        RegDeleteKeyA(HKEY_LOCAL_MACHINE, path);
    }
    for (i = 0; i < ARRAY_SIZE(extra_names); i++)
    {
        snprintf(path, sizeof(path), PROVIDER_KEY "%s", extra_names[i]);
        RegDeleteKeyA(HKEY_LOCAL_MACHINE, path);
    }
    return S_OK;
}
