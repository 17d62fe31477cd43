/* Unix half of cryptbridge: the call table Wine dispatches into, and error mapping. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <gnutls/gnutls.h>
#include <gnutls/crypto.h>
#include "unix_private.h"

typedef bridge_status (*unixlib_entry)(void *args);

static bridge_status process_attach(void *args)
{
    (void)args;
    return gnutls_check_version("3.6.0") ? BRIDGE_SUCCESS : BRIDGE_NOT_SUPPORTED;
}

/* Wine looks this table up by name; the order is enum bridge_call. */
const unixlib_entry __wine_unix_call_funcs[] =
{
    process_attach,
    key_crypt,
    key_aead,
    key_release,
    hash_init,
    hash_update,
    hash_finish,
    random_fill,
    pbkdf2_derive,
    key_wrap,
    asym_generate,
    asym_complete,
    asym_sign,
    asym_verify,
    asym_crypt,
    asym_agree,
};
BRIDGE_STATIC_ASSERT(call_table, sizeof(__wine_unix_call_funcs) / sizeof(__wine_unix_call_funcs[0]) == BRIDGE_CALL_COUNT);

static int trace_enabled = -1;

void bridge_trace(const char *fmt, ...)
{
    va_list args;

    if (trace_enabled < 0)
    {
        const char *env = getenv("WINEDEBUG");
        trace_enabled = env && (strstr(env, "+bridge") || strstr(env, "+all"));
    }
    if (!trace_enabled) return;
    va_start(args, fmt);
    fputs("cryptbridge: ", stderr);
    vfprintf(stderr, fmt, args);
    va_end(args);
}

void bridge_random(void *ctx, size_t len, uint8_t *dst)
{
    if (gnutls_rnd(GNUTLS_RND_KEY, dst, len) >= 0) return;
    if (ctx) ((struct bridge_rng *)ctx)->failed = 1;
    memset(dst, 0x01, len);   /* never leave stale bytes behind */
}

static const struct { int err; bridge_status status; } gnutls_errors[] =
{
    { GNUTLS_E_MEMORY_ERROR,          BRIDGE_NO_MEMORY },
    { GNUTLS_E_INVALID_REQUEST,       BRIDGE_INVALID_PARAMETER },
    { GNUTLS_E_UNKNOWN_CIPHER_TYPE,   BRIDGE_NOT_SUPPORTED },
    { GNUTLS_E_UNWANTED_ALGORITHM,    BRIDGE_NOT_SUPPORTED },
    { GNUTLS_E_DECRYPTION_FAILED,     BRIDGE_AUTH_TAG_MISMATCH },
};

bridge_status status_from_gnutls(int err)
{
    size_t i;

    if (err >= 0) return BRIDGE_SUCCESS;
    bridge_trace("gnutls error %d: %s\n", err, gnutls_strerror(err));
    for (i = 0; i < sizeof(gnutls_errors) / sizeof(gnutls_errors[0]); i++)
        if (gnutls_errors[i].err == err) return gnutls_errors[i].status;
    return BRIDGE_INTERNAL_ERROR;
}
