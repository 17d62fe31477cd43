/* Wiping secrets, shared by every DLL we ship. */
#include <string.h>
#include <windef.h>
#include "wipe.h"

/* memset at full speed; the empty asm with a memory clobber keeps the compiler from dropping it. */
void secure_wipe(void *data, SIZE_T len)
{
    memset(data, 0, len);
    __asm__ __volatile__("" : : "r"(data) : "memory");
}
