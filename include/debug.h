/*
 * Wine-style debug channels for our native PE DLLs.  Wine's ntdll exports
 * the channel machinery (__wine_dbg_*); we look it up at run time so the DLL
 * also loads where it is absent, and then logs nothing.
 *   WINEDEBUG=+bcrypt  prints every call with its arguments.
 */
#ifndef DROPIN_DEBUG_H
#define DROPIN_DEBUG_H

#include <windef.h>

enum debug_class { DBG_FIXME, DBG_ERR, DBG_WARN, DBG_TRACE };

/* Same layout as Wine's struct __wine_debug_channel: ntdll fills in flags. */
struct debug_channel
{
    unsigned char flags;
    char name[15];
};

#define DEFAULT_DEBUG_CHANNEL(ch) static struct debug_channel __attribute__((unused)) debug_channel_default = { 0xff, #ch }

BOOL debug_enabled(struct debug_channel *channel, enum debug_class cls);
void debug_log(struct debug_channel *channel, enum debug_class cls, const char *func,
               const char *fmt, ...) __attribute__((format(printf, 4, 5)));
const char *debugstr_w(const WCHAR *str);
const char *debugstr_hex(const void *data, ULONG len);
const char *debugstr_u64(ULONGLONG value);

#define DEBUG_LOG(cls, ...) \
    do { if (debug_enabled(&debug_channel_default, cls)) \
        debug_log(&debug_channel_default, cls, __func__, __VA_ARGS__); } while (0)

#define TRACE(...) DEBUG_LOG(DBG_TRACE, __VA_ARGS__)
#define WARN(...)  DEBUG_LOG(DBG_WARN, __VA_ARGS__)
#define FIXME(...) DEBUG_LOG(DBG_FIXME, __VA_ARGS__)
#define ERR(...)   DEBUG_LOG(DBG_ERR, __VA_ARGS__)

#endif
