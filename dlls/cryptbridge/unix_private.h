/* Unix half of cryptbridge: entry points named after enum bridge_call. */
#ifndef CRYPTBRIDGE_UNIX_PRIVATE_H
#define CRYPTBRIDGE_UNIX_PRIVATE_H

#include <stdint.h>
#include "bridge_params.h"

typedef uint32_t bridge_status;

/* params pointers and uint64_t pointer fields are PE addresses in our address space */
#define BRIDGE_PTR(v) ((void *)(uintptr_t)(v))

bridge_status key_crypt(void *args);
bridge_status key_aead(void *args);
bridge_status key_release(void *args);
bridge_status hash_init(void *args);
bridge_status hash_update(void *args);
bridge_status hash_finish(void *args);
bridge_status random_fill(void *args);
bridge_status pbkdf2_derive(void *args);
bridge_status key_wrap(void *args);

/* The one map from GnuTLS errors to NTSTATUS; logs the GnuTLS text once per code. */
bridge_status status_from_gnutls(int err);

/* Prints "cryptbridge: ..." to stderr when WINEDEBUG names +bridge (or +all). */
void bridge_trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
