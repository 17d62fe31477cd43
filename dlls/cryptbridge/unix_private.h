/* Unix half of cryptbridge: entry points named after enum bridge_call. */
#ifndef CRYPTBRIDGE_UNIX_PRIVATE_H
#define CRYPTBRIDGE_UNIX_PRIVATE_H

#include <stddef.h>
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
bridge_status asym_generate(void *args);
bridge_status asym_complete(void *args);
bridge_status asym_sign(void *args);
bridge_status asym_verify(void *args);
bridge_status asym_crypt(void *args);
bridge_status asym_agree(void *args);

/* One family of asymmetric keys (rsa_unix.c, ecc_unix.c, dsa_unix.c, dh_unix.c).
 * asym_unix.c checks the family index and NULL entries (-> BRIDGE_NOT_SUPPORTED);
 * each entry validates the rest of its params itself. */
struct asym_ops
{
    bridge_status (*generate)(struct asym_generate_params *params);
    bridge_status (*complete)(struct asym_complete_params *params);
    bridge_status (*sign)(struct asym_sign_params *params);
    bridge_status (*verify)(struct asym_sign_params *params);
    bridge_status (*crypt)(struct asym_crypt_params *params);
    bridge_status (*agree)(struct asym_agree_params *params);
};

extern const struct asym_ops rsa_ops, ecc_ops, dsa_ops, dh_ops;

/* The one map from GnuTLS errors to NTSTATUS; logs the GnuTLS text once per code. */
bridge_status status_from_gnutls(int err);

/* A nettle_random_func on GnuTLS's key-grade generator.  ctx may be NULL or a
 * struct bridge_rng, whose failed flag is set when GnuTLS fails (the bytes are
 * then not random: callers that pass one must check it). */
struct bridge_rng { int failed; };
void bridge_random(void *ctx, size_t len, uint8_t *dst);

/* Prints "cryptbridge: ..." to stderr when WINEDEBUG names +bridge (or +all). */
void bridge_trace(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

#endif
