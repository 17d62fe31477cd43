/*
 * PE half of cryptbridge: a builtin-marked DLL whose only job is to own the
 * unix library and forward calls to it.  Our native bcrypt.dll and CSPs
 * import bridge_call() from here.
 */
#include <stdarg.h>
#include <windef.h>
#include <winbase.h>
#include <winternl.h>
#include "bridge_params.h"

extern UINT64 __wine_unixlib_handle;
extern NTSTATUS (WINAPI *__wine_unix_call_dispatcher)(UINT64, unsigned int, void *);
NTSTATUS WINAPI __wine_init_unix_call(void);

static NTSTATUS init_status = 0xC0000135; /* STATUS_DLL_NOT_FOUND until attached */

NTSTATUS WINAPI bridge_call(UINT32 id, void *params)
{
    if (init_status) return init_status;
    if (id >= BRIDGE_CALL_COUNT) return 0xC000000D; /* STATUS_INVALID_PARAMETER */
    return __wine_unix_call_dispatcher(__wine_unixlib_handle, id, params);
}

/* 0 when the unix library and GnuTLS are usable, else why not. */
NTSTATUS WINAPI bridge_available(void)
{
    return init_status;
}

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, void *reserved)
{
    if (reason == DLL_PROCESS_ATTACH)
    {
        DisableThreadLibraryCalls(instance);
        init_status = __wine_init_unix_call();
        if (!init_status)
            init_status = __wine_unix_call_dispatcher(__wine_unixlib_handle, BRIDGE_PROCESS_ATTACH, NULL);
    }
    return TRUE;
}
