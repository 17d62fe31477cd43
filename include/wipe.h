/* Wiping secrets, shared by every DLL we ship (dlls/common/wipe.c). */
#ifndef DROPIN_WIPE_H
#define DROPIN_WIPE_H

#include <basetsd.h>

void secure_wipe(void *data, SIZE_T len);

#endif
