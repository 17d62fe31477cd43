/* Which copy of a DLL answers: ours (VERSIONINFO ProductName), Wine's builtin
 * (the marker Wine puts at offset 0x40 of its builtins' images), or another. */
#ifndef DEMO_LOADED_DLL_H
#define DEMO_LOADED_DLL_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <windows.h>

static void show_loaded_dll(const char *name)
{
    HMODULE module = GetModuleHandleA(name);
    char path[MAX_PATH] = "?", product[64] = "";
    DWORD size, handle;
    void *info, *value;
    UINT len;

    if (!module)
    {
        printf("%s: not loaded\n\n", name);
        return;
    }
    GetModuleFileNameA(module, path, sizeof(path));
    if ((size = GetFileVersionInfoSizeA(path, &handle)) && (info = malloc(size)))
    {
        if (GetFileVersionInfoA(path, 0, size, info)
            && VerQueryValueA(info, "\\StringFileInfo\\040904B0\\ProductName", &value, &len))
            snprintf(product, sizeof(product), "%s", (char *)value);
        free(info);
    }
    if (!memcmp((char *)module + 0x40, "Wine builtin DLL", 16))
        printf("%s: Wine's builtin (%s)\n\n", name, path);
    else
        printf("%s: %s (%s)\n\n", name, product[0] ? product : "native", path);
}

#endif
