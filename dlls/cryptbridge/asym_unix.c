/* Asymmetric calls: pick the key family's row, then let it do the work. */
#include <stddef.h>
#include "unix_private.h"

static const struct asym_ops *const families[BRIDGE_ASYM_COUNT] =
{
    [BRIDGE_ASYM_RSA]   = &rsa_ops,
    [BRIDGE_ASYM_ECDSA] = &ecc_ops,
    [BRIDGE_ASYM_ECDH]  = &ecc_ops,
    [BRIDGE_ASYM_DSA]   = &dsa_ops,
    [BRIDGE_ASYM_DH]    = &dh_ops,
};

static const struct asym_ops *family(const void *params)
{
    uint32_t asym = params ? *(const uint32_t *)params : BRIDGE_ASYM_COUNT;  /* every params struct starts with asym */
    return asym < BRIDGE_ASYM_COUNT ? families[asym] : NULL;
}

#define DISPATCH(name, type) \
    bridge_status asym_##name(void *args) \
    { \
        const struct asym_ops *ops = family(args); \
        if (!ops) return BRIDGE_INVALID_PARAMETER; \
        return ops->name ? ops->name((type *)args) : BRIDGE_NOT_SUPPORTED; \
    }

DISPATCH(generate, struct asym_generate_params)
DISPATCH(complete, struct asym_complete_params)
DISPATCH(sign, struct asym_sign_params)
DISPATCH(verify, struct asym_sign_params)
DISPATCH(crypt, struct asym_crypt_params)
DISPATCH(agree, struct asym_agree_params)
