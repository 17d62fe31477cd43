/*
 * Contexts (CPAcquireContext / CPReleaseContext), provider parameters,
 * random numbers and CPGetUserKey.  A context is a verify context or an open
 * key container; containers live in container.c.
 */
#include "csp_private.h"

DEFAULT_DEBUG_CHANNEL(crypt);

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

/*
 * dwFlags [doc, reference §5.3]: 0 opens a container (missing: NTE_BAD_KEYSET),
 * CRYPT_NEWKEYSET creates one (existing: NTE_EXISTS), CRYPT_DELETEKEYSET
 * deletes one (missing: NTE_BAD_KEYSET) and leaves no context [wine-test],
 * CRYPT_VERIFYCONTEXT opens none and takes no name (NTE_BAD_FLAGS)
 * [wine-test].  A NULL or empty name is the user's [doc].  CRYPT_MACHINE_KEYSET
 * picks the machine's containers; CRYPT_SILENT is a no-op: we never show UI.
 */
BOOL WINAPI CPAcquireContext(HCRYPTPROV *phProv, LPSTR pszContainer, DWORD dwFlags, struct csp_vtable *pVTable)
{
    const char *name = NULL;
    struct csp_prov *prov;
    HCRYPTPROV handle;
    DWORD type = 0, error = 0;

    TRACE("%p, %s, %#lx, %p\n", phProv, pszContainer ? pszContainer : "(null)", dwFlags, pVTable);

    if (!phProv) return csp_fail(ERROR_INVALID_PARAMETER);
    switch (dwFlags & (CRYPT_NEWKEYSET | CRYPT_VERIFYCONTEXT | CRYPT_DELETEKEYSET))
    {
    case CRYPT_VERIFYCONTEXT:
    case CRYPT_VERIFYCONTEXT | CRYPT_NEWKEYSET:   /* treated as VERIFYCONTEXT [wine-impl] */
        if (pszContainer && *pszContainer) return csp_fail(NTE_BAD_FLAGS);   /* [wine-test] */
        break;
    case 0:
    case CRYPT_NEWKEYSET:
    case CRYPT_DELETEKEYSET:
        break;
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
    if (!(dwFlags & CRYPT_VERIFYCONTEXT) && !container_resolve(prov, pszContainer))
    {
        prov_put(prov);
        return FALSE;
    }

    switch (dwFlags & (CRYPT_NEWKEYSET | CRYPT_DELETEKEYSET | CRYPT_VERIFYCONTEXT))
    {
    case 0:                  error = container_open(prov); break;
    case CRYPT_NEWKEYSET:    error = container_create(prov); break;
    case CRYPT_DELETEKEYSET:
        error = container_delete(prov);
        prov_put(prov);
        if (error) return csp_fail(error);
        *phProv = 0;   /* no context is left [wine-test] */
        return TRUE;
    }
    if (error)
    {
        prov_put(prov);
        return csp_fail(error);
    }
    csp_object_addref(&prov->hdr);
    if (!(handle = handle_insert(&prov->hdr, 0)))
    {
        container_close(prov);   /* its pairs reference it */
        prov_put(prov);
        return csp_fail(NTE_NO_MEMORY);
    }
    TRACE("returning %Iu (%s, container %s)\n", handle, prov->name, prov->container);
    prov_put(prov);
    *phProv = handle;
    return TRUE;
}

/* Releasing a context stores its container and closes its keys and hashes.
 * Flags are checked after the release: Windows fails with NTE_BAD_FLAGS but
 * still releases [wine-test]. */
BOOL WINAPI CPReleaseContext(HCRYPTPROV hProv, DWORD dwFlags)
{
    struct csp_prov *prov;

    TRACE("%Iu, %#lx\n", hProv, dwFlags);

    if (!(prov = prov_get(hProv))) return FALSE;
    if (!handle_close(hProv, CSP_TYPE_PROV))
    {
        prov_put(prov);
        return csp_fail(NTE_BAD_UID);   /* another thread released it first */
    }
    handle_close_owned(hProv);
    container_close(prov);   /* the pairs reference the context: let go of them */
    prov_put(prov);
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
    case PP_CONTAINER:   /* a verify context has none: "" [wine-impl] */
        ret = copy_param(pbData, pdwDataLen, prov->container, strlen(prov->container) + 1);   /* [wine-test] */
        break;
    case PP_UNIQUE_CONTAINER:
        ret = container_unique_name(prov, pbData, pdwDataLen);
        break;
    case PP_ENUMCONTAINERS:
        ret = container_enum(prov, pbData, pdwDataLen, dwFlags);
        break;
    case PP_KEYSET_SEC_DESCR:
        ret = container_security(prov, pbData, pdwDataLen, dwFlags);
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
    case PP_KEYX_KEYSIZE_INC:   /* [wine-test]; DSS and DH keys step by 64 bits [doc, wine-test] */
        ret = get_dword(pbData, pdwDataLen, provider_is_dss(prov->pers) ? 64 : 8);
        break;
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
    struct csp_prov *prov;
    BOOL ret;

    TRACE("%Iu, %lu, %p, %#lx\n", hProv, dwParam, pbData, dwFlags);

    if (!(prov = prov_get(hProv))) return FALSE;
    if (dwParam == PP_CLIENT_HWND) ret = TRUE;   /* we never show UI */
    else if (dwParam == PP_KEYSET_SEC_DESCR) ret = container_set_security(prov, pbData, dwFlags);
    else
    {
        FIXME("unsupported parameter %lu\n", dwParam);
        ret = csp_fail(NTE_BAD_TYPE);
    }
    prov_put(prov);
    return ret;
}

BOOL WINAPI CPGenRandom(HCRYPTPROV hProv, DWORD dwLen, BYTE *pbBuffer)
{
    TRACE("%Iu, %lu, %p\n", hProv, dwLen, pbBuffer);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (!pbBuffer && dwLen) return csp_fail(ERROR_INVALID_PARAMETER);
    return glue_random(pbBuffer, dwLen);
}

/*
 * A new handle to the container's key pair: the same key as CryptGenKey's or
 * CryptImportKey's handle, not a copy [wine-test: its permissions show].
 * None yet: NTE_NO_KEY [wine-test]; another dwKeySpec: NTE_BAD_KEY [doc].
 */
BOOL WINAPI CPGetUserKey(HCRYPTPROV hProv, DWORD dwKeySpec, HCRYPTKEY *phUserKey)
{
    struct csp_prov *prov;
    struct csp_key *key;
    BOOL ret = FALSE;

    TRACE("%Iu, %lu, %p\n", hProv, dwKeySpec, phUserKey);

    if (!(prov = prov_get(hProv))) return FALSE;
    if (!phUserKey) SetLastError(ERROR_INVALID_PARAMETER);
    else if (dwKeySpec != AT_KEYEXCHANGE && dwKeySpec != AT_SIGNATURE) SetLastError(NTE_BAD_KEY);
    else if (!(key = container_key(prov, dwKeySpec == AT_SIGNATURE ? PAIR_SIGNATURE : PAIR_EXCHANGE)))
        SetLastError(NTE_NO_KEY);
    else if (!(*phUserKey = handle_insert(&key->hdr, hProv))) SetLastError(NTE_NO_MEMORY);   /* takes our reference */
    else ret = TRUE;
    prov_put(prov);
    return ret;
}

/* ---- registration ---------------------------------------------------------- */

#define PROVIDER_KEY "SOFTWARE\\Microsoft\\Cryptography\\Defaults\\Provider\\"

static const char *const extra_names[] = { MS_ENH_RSA_AES_PROV_XP_A };

/* The DLL this code runs as, rsaenh.dll or dssenh.dll: one source, two DLLs. */
static const char *this_image(void)
{
    char path[MAX_PATH], *base;
    HMODULE module = NULL;

    GetModuleHandleExA(GET_MODULE_HANDLE_EX_FLAG_FROM_ADDRESS | GET_MODULE_HANDLE_EX_FLAG_UNCHANGED_REFCOUNT,
                       (LPCSTR)(ULONG_PTR)this_image, &module);
    if (!module || !GetModuleFileNameA(module, path, sizeof(path))) return "rsaenh.dll";
    base = strrchr(path, '\\');
    base = base ? base + 1 : path;
    return _stricmp(base, "dssenh.dll") ? "rsaenh.dll" : "dssenh.dll";
}

static LSTATUS register_provider(const char *name, DWORD type, const char *image)
{
    char path[sizeof(PROVIDER_KEY) + MAX_PATH];
    static const DWORD zero = 0;
    LSTATUS err;
    HKEY key;

    snprintf(path, sizeof(path), PROVIDER_KEY "%s", name);
    if ((err = RegCreateKeyExA(HKEY_LOCAL_MACHINE, path, 0, NULL, 0, KEY_WRITE, NULL, &key, NULL))) return err;
    err = RegSetValueExA(key, "Image Path", 0, REG_SZ, (const BYTE *)image, strlen(image) + 1);
    if (!err) err = RegSetValueExA(key, "Type", 0, REG_DWORD, (const BYTE *)&type, sizeof(type));
    if (!err) err = RegSetValueExA(key, "SigInFile", 0, REG_DWORD, (const BYTE *)&zero, sizeof(zero));
    RegCloseKey(key);
    return err;
}

/* Registers the provider names of this DLL with its Image Path [doc, reference §5.1]. */
HRESULT WINAPI DllRegisterServer(void)
{
    const char *image = this_image();
    enum csp_personality pers;
    LSTATUS err = 0;
    size_t i;

    for (pers = 0; pers < PERS_COUNT && !err; pers++)
        if (!strcmp(provider_image(pers), image))
            err = register_provider(csp_providers[pers].name, csp_providers[pers].prov_type, image);
    if (strcmp(image, "rsaenh.dll")) return err ? HRESULT_FROM_WIN32(err) : S_OK;
    for (i = 0; i < ARRAY_SIZE(extra_names) && !err; i++)
        err = register_provider(extra_names[i], PROV_RSA_AES, image);
    return err ? HRESULT_FROM_WIN32(err) : S_OK;
}

HRESULT WINAPI DllUnregisterServer(void)
{
    char path[sizeof(PROVIDER_KEY) + MAX_PATH];
    enum csp_personality pers;
    size_t i;

    for (pers = 0; pers < PERS_COUNT; pers++)
    {
        if (strcmp(provider_image(pers), this_image())) continue;
        snprintf(path, sizeof(path), PROVIDER_KEY "%s", csp_providers[pers].name);
        RegDeleteKeyA(HKEY_LOCAL_MACHINE, path);
    }
    for (i = 0; i < ARRAY_SIZE(extra_names) && !strcmp(this_image(), "rsaenh.dll"); i++)
    {
        snprintf(path, sizeof(path), PROVIDER_KEY "%s", extra_names[i]);
        RegDeleteKeyA(HKEY_LOCAL_MACHINE, path);
    }
    return S_OK;
}
