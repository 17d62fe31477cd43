/* DllMain: refuse to load without the bridge, so failure is loud and early. */
#include "bcrypt_private.h"

DEFAULT_DEBUG_CHANNEL(bcrypt);

BOOL WINAPI DllMain(HINSTANCE instance, DWORD reason, void *reserved)
{
    NTSTATUS status;

    if (reason != DLL_PROCESS_ATTACH) return TRUE;
    DisableThreadLibraryCalls(instance);
    if ((status = bridge_available()))
    {
        ERR("cryptbridge's unix library is not available (status %#lx): is WINEDLLPATH set, or the bridge "
            "installed system-wide? See README.md\n", status);
        return FALSE;
    }
    return TRUE;
}
