/* Random numbers, PBKDF2 and the FIPS-mode query. */
#include "bcrypt_private.h"

DEFAULT_DEBUG_CHANNEL(bcrypt);

NTSTATUS WINAPI BCryptGenRandom(BCRYPT_ALG_HANDLE handle, UCHAR *buffer, ULONG len, ULONG flags)
{
    const ULONG known = BCRYPT_RNG_USE_ENTROPY_IN_BUFFER | BCRYPT_USE_SYSTEM_PREFERRED_RNG;
    struct random_params params = { BRIDGE_PTR(buffer), len };
    struct algorithm *alg;

    TRACE("%p, %p, %lu, %#lx\n", handle, buffer, len, flags);

    if (flags & ~known) return STATUS_INVALID_PARAMETER;
    /* A NULL handle needs the system-preferred flag [wine-test]. */
    if (!(flags & BCRYPT_USE_SYSTEM_PREFERRED_RNG) || handle)
    {
        if (!(alg = alg_from_handle(handle))) return STATUS_INVALID_HANDLE;
        if (alg->row->kind != ALG_KIND_RNG) return STATUS_INVALID_HANDLE;
    }
    if (!len) return STATUS_SUCCESS;
    if (!buffer) return STATUS_INVALID_PARAMETER;
    return bridge_call(BRIDGE_RANDOM, &params);   /* entropy in the buffer is accepted and ignored [doc] */
}

NTSTATUS WINAPI BCryptDeriveKeyPBKDF2(BCRYPT_ALG_HANDLE handle, UCHAR *password, ULONG password_len, UCHAR *salt,
                                      ULONG salt_len, ULONGLONG iterations, UCHAR *output, ULONG output_len,
                                      ULONG flags)
{
    struct pbkdf2_params params;
    struct algorithm *alg;

    TRACE("%p, %p, %lu, %p, %lu, %s, %p, %lu, %#lx\n", handle, password, password_len, salt, salt_len,
          debugstr_u64(iterations), output, output_len, flags);

    if (!(alg = alg_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if (alg->row->kind != ALG_KIND_HASH || !(alg->flags & BCRYPT_ALG_HANDLE_HMAC_FLAG)) return STATUS_NOT_SUPPORTED;
    if (!iterations || !output || (password_len && !password) || (salt_len && !salt) || flags)
        return STATUS_INVALID_PARAMETER;   /* iterations 0 [wine-test] */

    params.hash = alg->row->hash;
    params.password_len = password_len;
    params.password = BRIDGE_PTR(password);
    params.salt = BRIDGE_PTR(salt);
    params.iterations = iterations;
    params.output = BRIDGE_PTR(output);
    params.salt_len = salt_len;
    params.output_len = output_len;
    return bridge_call(BRIDGE_PBKDF2, &params);
}

/* Reflects the LSA FIPS policy value, as Windows does [wine-test]. */
NTSTATUS WINAPI BCryptGetFipsAlgorithmMode(BOOLEAN *enabled)
{
    static const char *const keys[] =
    {
        "System\\CurrentControlSet\\Control\\Lsa\\FIPSAlgorithmPolicy",
        "System\\CurrentControlSet\\Control\\Lsa",
    };
    static const char *const values[] = { "Enabled", "FIPSAlgorithmPolicy" };
    DWORD value, size, i;

    TRACE("%p\n", enabled);
    if (!enabled) return STATUS_INVALID_PARAMETER;
    *enabled = FALSE;
    for (i = 0; i < ARRAYSIZE(keys); i++)
    {
        size = sizeof(value);
        if (!RegGetValueA(HKEY_LOCAL_MACHINE, keys[i], values[i], RRF_RT_REG_DWORD, NULL, &value, &size))
        {
            *enabled = !!value;
            break;
        }
    }
    return STATUS_SUCCESS;
}
