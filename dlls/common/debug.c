/* Wine debug channels, resolved from ntdll at run time (see debug.h). */
#include <stdarg.h>
#include <stdio.h>
#include <windows.h>
#include "debug.h"

static unsigned char (CDECL *p_get_channel_flags)(struct debug_channel *);
static int (CDECL *p_header)(enum debug_class, struct debug_channel *, const char *);
static int (CDECL *p_output)(const char *);
static const char *(CDECL *p_strdup)(const char *);
static INIT_ONCE debug_init_once = INIT_ONCE_STATIC_INIT;

static BOOL CALLBACK debug_resolve(INIT_ONCE *once, void *param, void **context)
{
    HMODULE ntdll = GetModuleHandleA("ntdll.dll");

    p_get_channel_flags = (void *)GetProcAddress(ntdll, "__wine_dbg_get_channel_flags");
    p_header = (void *)GetProcAddress(ntdll, "__wine_dbg_header");
    p_output = (void *)GetProcAddress(ntdll, "__wine_dbg_output");
    p_strdup = (void *)GetProcAddress(ntdll, "__wine_dbg_strdup");
    if (!p_get_channel_flags || !p_header || !p_output || !p_strdup)
        p_get_channel_flags = NULL;
    return TRUE;
}

BOOL debug_enabled(struct debug_channel *channel, enum debug_class cls)
{
    if (channel->flags == 0xff)
    {
        InitOnceExecuteOnce(&debug_init_once, debug_resolve, NULL, NULL);
        channel->flags = p_get_channel_flags ? p_get_channel_flags(channel) : 0;
    }
    return (channel->flags >> cls) & 1;
}

void debug_log(struct debug_channel *channel, enum debug_class cls, const char *func,
               const char *fmt, ...)
{
    char buffer[1024];
    va_list args;

    if (p_header(cls, channel, func) == -1) return;
    va_start(args, fmt);
    vsnprintf(buffer, sizeof(buffer), fmt, args);
    va_end(args);
    p_output(buffer);
}

/* Strings handed to TRACE live in ntdll's per-thread debug buffer. */
const char *debugstr_w(const WCHAR *str)
{
    char buffer[256];

    if (!str) return "(null)";
    if (!((ULONG_PTR)str >> 16)) return "(id)";
    snprintf(buffer, sizeof(buffer), "L\"%.200ls\"", str);
    return p_strdup ? p_strdup(buffer) : "";
}

const char *debugstr_hex(const void *data, ULONG len)
{
    char buffer[200];
    const unsigned char *bytes = data;
    ULONG i, n = len < 64 ? len : 64;

    if (!data) return "(null)";
    for (i = 0; i < n; i++) sprintf(buffer + 2 * i, "%02x", bytes[i]);
    buffer[2 * n] = 0;
    return p_strdup ? p_strdup(buffer) : "";
}

const char *debugstr_u64(ULONGLONG value)
{
    char buffer[24];

    snprintf(buffer, sizeof(buffer), "%llu", value);
    return p_strdup ? p_strdup(buffer) : "";
}
