/*
 * winetest.h - a small, header-only, Wine-style conformance test harness.
 *
 * Written for this project; it mimics the output format and the semantics of
 * Wine's test harness so that results read the same way, but shares no code.
 *
 * Usage (one test exe per file):
 *
 *     #define WINETEST_MODULE "bcrypt.dll"   (optional, this is the default)
 *     #include "winetest.h"
 *     #include <bcrypt.h>
 *     #include "cng_compat.h"
 *
 *     START_TEST(key_duplicate) { ok(1 == 1, "math is broken\n"); }
 *
 * Include this header before anything that pulls in <windows.h>: it does the
 * WIN32_NO_STATUS dance and includes <ntstatus.h> for the STATUS_* codes.
 *
 * main() runs every START_TEST block in file order, or only those named on the
 * command line ("all" = every test, "--list" prints the names).  An unknown
 * name prints a message and exits with 1.  The exit code is otherwise the total
 * number of failures, capped at 255.
 *
 * Reporting:
 *   ok(cond, fmt, ...)            check; messages end in "\n" like Wine's
 *   ok_(file, line)(cond, ...)    same, with a forwarded location (helpers)
 *   broken(cond)                  cond on real Windows, 0 on Wine
 *   skip(fmt, ...)                counts a skip
 *   win_skip(fmt, ...)            skip on Windows, failure on Wine
 *   trace(fmt, ...)               informational line (hidden if WINETEST_DEBUG=0)
 *   winetest_push_context(fmt, ...) / winetest_pop_context()
 *   todo_builtin <stmt>           todo only when the module under test is
 *                                 Wine's builtin DLL; inert on Windows and on
 *                                 our own DLL.  todo_builtin_if(cond) too.
 *   todo_if(cond)                 unconditional todo (when cond is true).
 *   winetest_hex(buf, len), winetest_wstr(wstr)  strings for messages
 *                                 (8 rotating static buffers each).
 *   winetest_dll_kind(), winetest_on_wine()  see enum winetest_dll_kind.
 *
 * Threads: the counters are LONGs updated with Interlocked*; the location,
 * the context stack and the todo state are per thread (__thread), so a
 * helper thread starts with no context and no todo.  Each line is formatted
 * completely and written with a single fputs + fflush, so lines from
 * different threads do not interleave.
 */
#ifndef WINETEST_H
#define WINETEST_H

#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#ifndef _WINDOWS_
#define WIN32_NO_STATUS
#include <windows.h>
#undef WIN32_NO_STATUS
#include <ntstatus.h>
#else
#include <windows.h>
#endif

#ifndef WINETEST_MODULE
#define WINETEST_MODULE "bcrypt.dll"
#endif

#ifndef ARRAY_SIZE
#define ARRAY_SIZE(a) (sizeof(a) / sizeof((a)[0]))
#endif

#define WINETEST_UNUSED __attribute__((unused))
#define WINETEST_PRINTF(f, a) __attribute__((format(__MINGW_PRINTF_FORMAT, f, a)))

enum winetest_dll_kind
{
    WINETEST_DLL_WINDOWS = 0, /* not running on Wine */
    WINETEST_DLL_BUILTIN = 1, /* on Wine, module image marked "Wine builtin DLL" */
    WINETEST_DLL_OURS    = 2, /* on Wine, unmarked (native) module */
};

/* ------------------------------------------------------------------ */
/* state                                                              */
/* ------------------------------------------------------------------ */

#define WINETEST_MAX_TESTS    64
#define WINETEST_MAX_CONTEXTS 16
#define WINETEST_CONTEXT_LEN  160
#define WINETEST_LINE_LEN     4096

struct winetest_test
{
    const char *name;
    void (*func)(void);
    const char *file;
    int line;
};

static struct winetest_test winetest_tests[WINETEST_MAX_TESTS] WINETEST_UNUSED;
static int winetest_test_count WINETEST_UNUSED;

static LONG winetest_successes WINETEST_UNUSED;
static LONG winetest_failures WINETEST_UNUSED;
static LONG winetest_todos WINETEST_UNUSED;
static LONG winetest_skips WINETEST_UNUSED;
static int winetest_debug WINETEST_UNUSED = 1;

static __thread const char *winetest_file WINETEST_UNUSED;
static __thread int winetest_line WINETEST_UNUSED;
static __thread unsigned int winetest_todo_level WINETEST_UNUSED;
static __thread int winetest_todo_do_loop WINETEST_UNUSED;
static __thread int winetest_context_count WINETEST_UNUSED;
static __thread char winetest_contexts[WINETEST_MAX_CONTEXTS][WINETEST_CONTEXT_LEN] WINETEST_UNUSED;

/* ------------------------------------------------------------------ */
/* environment: Wine or Windows, which module is loaded               */
/* ------------------------------------------------------------------ */

static inline int winetest_on_wine(void)
{
    static LONG cached = -1;
    if (cached < 0)
    {
        HMODULE ntdll = GetModuleHandleA("ntdll.dll");
        LONG on_wine = ntdll && GetProcAddress(ntdll, "wine_get_version") != NULL;
        InterlockedExchange(&cached, on_wine);
    }
    return cached;
}

static inline HMODULE winetest_module(void)
{
    HMODULE mod = GetModuleHandleA(WINETEST_MODULE);
    if (!mod) mod = LoadLibraryA(WINETEST_MODULE);
    return mod;
}

static inline int winetest_dll_kind(void)
{
    static LONG cached = -1;
    if (cached < 0)
    {
        static const char marker[] = "Wine builtin DLL";
        LONG kind = WINETEST_DLL_WINDOWS;
        if (winetest_on_wine())
        {
            const char *base = (const char *)winetest_module();
            kind = WINETEST_DLL_OURS;
            if (base && !memcmp(base + 0x40, marker, sizeof(marker) - 1))
                kind = WINETEST_DLL_BUILTIN;
        }
        InterlockedExchange(&cached, kind);
    }
    return cached;
}

static inline const char *winetest_dll_kind_name(int kind)
{
    switch (kind)
    {
    case WINETEST_DLL_WINDOWS: return "Windows";
    case WINETEST_DLL_BUILTIN: return "Wine builtin";
    case WINETEST_DLL_OURS:    return "ours (native on Wine)";
    }
    return "unknown";
}

/* ------------------------------------------------------------------ */
/* output                                                             */
/* ------------------------------------------------------------------ */

static inline const char *winetest_basename(const char *file)
{
    const char *p, *base = file;
    if (!file) return "";
    for (p = file; *p; p++) if (*p == '/' || *p == '\\') base = p + 1;
    return base;
}

/* Formats "file.c:LINE: ctx1: ctx2: <prefix><message>" and writes it in one go. */
static inline void winetest_vprint(const char *prefix, const char *fmt, va_list args)
{
    char buf[WINETEST_LINE_LEN];
    int len, i;

    len = snprintf(buf, sizeof(buf), "%s:%d: ", winetest_basename(winetest_file), winetest_line);
    for (i = 0; i < winetest_context_count && len < (int)sizeof(buf); i++)
        len += snprintf(buf + len, sizeof(buf) - len, "%s: ", winetest_contexts[i]);
    if (prefix && len < (int)sizeof(buf))
        len += snprintf(buf + len, sizeof(buf) - len, "%s", prefix);
    if (len < (int)sizeof(buf))
        vsnprintf(buf + len, sizeof(buf) - len, fmt, args);
    buf[sizeof(buf) - 1] = 0;
    fputs(buf, stdout);
    fflush(stdout);
}

static inline void winetest_set_location(const char *file, int line)
{
    winetest_file = file;
    winetest_line = line;
}

static inline int winetest_vok(int condition, const char *fmt, va_list args)
{
    if (winetest_todo_level)
    {
        if (condition)
        {
            winetest_vprint("Test succeeded inside todo block: ", fmt, args);
            InterlockedIncrement(&winetest_failures);
            return 0;
        }
        if (winetest_debug > 0) winetest_vprint("Test marked todo: ", fmt, args);
        InterlockedIncrement(&winetest_todos);
        return 1;
    }
    if (!condition)
    {
        winetest_vprint("Test failed: ", fmt, args);
        InterlockedIncrement(&winetest_failures);
        return 0;
    }
    InterlockedIncrement(&winetest_successes);
    return 1;
}

static inline WINETEST_PRINTF(2, 3) int winetest_ok(int condition, const char *fmt, ...)
{
    va_list args;
    int ret;
    va_start(args, fmt);
    ret = winetest_vok(condition, fmt, args);
    va_end(args);
    return ret;
}

static inline WINETEST_PRINTF(1, 2) void winetest_skip(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    winetest_vprint("Tests skipped: ", fmt, args);
    va_end(args);
    InterlockedIncrement(&winetest_skips);
}

static inline WINETEST_PRINTF(1, 2) void winetest_win_skip(const char *fmt, ...)
{
    va_list args;
    va_start(args, fmt);
    if (winetest_on_wine())
        winetest_vok(0, fmt, args);
    else
    {
        winetest_vprint("Tests skipped: ", fmt, args);
        InterlockedIncrement(&winetest_skips);
    }
    va_end(args);
}

static inline WINETEST_PRINTF(1, 2) void winetest_trace(const char *fmt, ...)
{
    va_list args;
    if (winetest_debug <= 0) return;
    va_start(args, fmt);
    winetest_vprint(NULL, fmt, args);
    va_end(args);
}

static inline WINETEST_PRINTF(1, 2) void winetest_push_context(const char *fmt, ...)
{
    va_list args;
    int idx = winetest_context_count;
    if (idx >= WINETEST_MAX_CONTEXTS) idx = WINETEST_MAX_CONTEXTS - 1; /* overwrite the deepest */
    va_start(args, fmt);
    vsnprintf(winetest_contexts[idx], WINETEST_CONTEXT_LEN, fmt, args);
    va_end(args);
    winetest_contexts[idx][WINETEST_CONTEXT_LEN - 1] = 0;
    winetest_context_count = idx + 1;
}

static inline void winetest_pop_context(void)
{
    if (winetest_context_count > 0) winetest_context_count--;
}

static inline void winetest_start_todo(int is_todo)
{
    winetest_todo_level = (winetest_todo_level << 1) | (is_todo != 0);
    winetest_todo_do_loop = 1;
}

static inline int winetest_loop_todo(void)
{
    int do_loop = winetest_todo_do_loop;
    winetest_todo_do_loop = 0;
    return do_loop;
}

static inline void winetest_end_todo(void)
{
    winetest_todo_level >>= 1;
}

/* Hex dump for messages: up to 8 results may be alive at once (rotating). */
static inline const char *winetest_hex(const void *data, size_t len)
{
    static char bufs[8][1024];
    static LONG next;
    const unsigned char *p = data;
    char *buf = bufs[(InterlockedIncrement(&next) - 1) & 7];
    size_t i, max = (sizeof(bufs[0]) - 4) / 2;

    if (!p) return "(null)";
    for (i = 0; i < len && i < max; i++)
    {
        static const char digits[] = "0123456789abcdef";
        buf[2 * i] = digits[p[i] >> 4];
        buf[2 * i + 1] = digits[p[i] & 15];
    }
    buf[2 * i] = 0;
    if (i < len) strcpy(buf + 2 * i, "...");
    return buf;
}

/* Narrow copy of a wide string for messages, same rotation as winetest_hex. */
static inline const char *winetest_wstr(const WCHAR *str)
{
    static char bufs[8][256];
    static LONG next;
    char *buf = bufs[(InterlockedIncrement(&next) - 1) & 7];
    size_t i;

    if (!str) return "(null)";
    for (i = 0; str[i] && i < sizeof(bufs[0]) - 1; i++)
        buf[i] = (str[i] >= 0x20 && str[i] < 0x7f) ? (char)str[i] : '?';
    buf[i] = 0;
    return buf;
}

/* ------------------------------------------------------------------ */
/* public macros                                                      */
/* ------------------------------------------------------------------ */

#define ok_(file, line)    (winetest_set_location(file, line), winetest_ok)
#define skip_(file, line)  (winetest_set_location(file, line), winetest_skip)
#define win_skip_(file, line) (winetest_set_location(file, line), winetest_win_skip)
#define trace_(file, line) (winetest_set_location(file, line), winetest_trace)

#define ok       ok_(__FILE__, __LINE__)
#define skip     skip_(__FILE__, __LINE__)
#define win_skip win_skip_(__FILE__, __LINE__)
#define trace    trace_(__FILE__, __LINE__)

#define broken(cond) (!winetest_on_wine() && (cond))

#define todo_if(is_todo) \
    for (winetest_start_todo(is_todo); winetest_loop_todo(); winetest_end_todo())
#define todo_builtin_if(cond) todo_if(winetest_dll_kind() == WINETEST_DLL_BUILTIN && (cond))
#define todo_builtin todo_builtin_if(1)

/* ------------------------------------------------------------------ */
/* registration and main                                              */
/* ------------------------------------------------------------------ */

static inline void winetest_register(const char *name, void (*func)(void), const char *file, int line)
{
    if (winetest_test_count >= WINETEST_MAX_TESTS)
    {
        fprintf(stdout, "winetest: too many START_TEST blocks (max %d)\n", WINETEST_MAX_TESTS);
        fflush(stdout);
        exit(1);
    }
    winetest_tests[winetest_test_count].name = name;
    winetest_tests[winetest_test_count].func = func;
    winetest_tests[winetest_test_count].file = file;
    winetest_tests[winetest_test_count].line = line;
    winetest_test_count++;
}

/* Constructors run in an unspecified order; main() sorts by line, which is
 * file order since every exe is built from one file. */
#define START_TEST(name) \
    static void func_##name(void); \
    static void __attribute__((constructor)) winetest_register_##name(void) \
    { winetest_register(#name, func_##name, __FILE__, __LINE__); } \
    static void func_##name(void)

static const char *winetest_current_name WINETEST_UNUSED;

static LONG WINAPI winetest_exception_filter(EXCEPTION_POINTERS *ptrs)
{
    printf("%04lx:%s: unhandled exception %08lx at %p\n", GetCurrentProcessId(),
           winetest_current_name ? winetest_current_name : "?",
           ptrs->ExceptionRecord->ExceptionCode, ptrs->ExceptionRecord->ExceptionAddress);
    fflush(stdout);
    ExitProcess(255);
    return EXCEPTION_EXECUTE_HANDLER;
}

static int winetest_run(const struct winetest_test *test)
{
    HMODULE mod;
    char path[MAX_PATH];
    LONG failures;

    winetest_successes = winetest_failures = winetest_todos = winetest_skips = 0;
    winetest_current_name = test->name;
    winetest_context_count = 0;
    winetest_todo_level = 0;

    mod = winetest_module();
    path[0] = 0;
    if (mod) GetModuleFileNameA(mod, path, sizeof(path));
    winetest_set_location(test->file, test->line);
    winetest_trace("%s: %s DLL loaded from %s\n", WINETEST_MODULE,
                   winetest_dll_kind_name(winetest_dll_kind()), mod ? path : "(failed to load)");

    test->func();

    failures = winetest_failures;
    printf("%04lx:%s: %d tests executed (%d marked as todo, 0 as flaky, %d failure%s), %d skipped.\n",
           GetCurrentProcessId(), test->name,
           (int)(winetest_successes + winetest_failures + winetest_todos),
           (int)winetest_todos, (int)failures, failures == 1 ? "" : "s", (int)winetest_skips);
    fflush(stdout);
    return (int)failures;
}

int main(int argc, char **argv)
{
    int i, j, total = 0, run_all = (argc < 2);
    const char *env = getenv("WINETEST_DEBUG");

    if (env) winetest_debug = atoi(env);
    SetUnhandledExceptionFilter(winetest_exception_filter);

    /* stable insertion sort by line: file order */
    for (i = 1; i < winetest_test_count; i++)
    {
        struct winetest_test t = winetest_tests[i];
        for (j = i; j > 0 && winetest_tests[j - 1].line > t.line; j--)
            winetest_tests[j] = winetest_tests[j - 1];
        winetest_tests[j] = t;
    }

    for (i = 1; i < argc; i++)
    {
        if (!strcmp(argv[i], "all")) { run_all = 1; continue; }
        if (!strcmp(argv[i], "--list"))
        {
            for (j = 0; j < winetest_test_count; j++) printf("    %s\n", winetest_tests[j].name);
            fflush(stdout);
            return 0;
        }
        for (j = 0; j < winetest_test_count; j++)
            if (!strcmp(argv[i], winetest_tests[j].name)) break;
        if (j == winetest_test_count)
        {
            printf("%s: no test named '%s'; valid names:", winetest_basename(argv[0]), argv[i]);
            for (j = 0; j < winetest_test_count; j++) printf(" %s", winetest_tests[j].name);
            printf("\n");
            fflush(stdout);
            return 1;
        }
    }

    if (run_all)
    {
        for (j = 0; j < winetest_test_count; j++) total += winetest_run(&winetest_tests[j]);
    }
    else
    {
        for (i = 1; i < argc; i++)
            for (j = 0; j < winetest_test_count; j++)
                if (!strcmp(argv[i], winetest_tests[j].name)) total += winetest_run(&winetest_tests[j]);
    }
    return total > 255 ? 255 : total;
}

#endif /* WINETEST_H */
