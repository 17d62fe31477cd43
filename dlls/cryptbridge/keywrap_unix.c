/* RFC 3394 AES key wrap (BCRYPT_AES_WRAP_KEY_BLOB), on nettle's NIST key wrap. */
#include <string.h>
#include <nettle/aes.h>
#include <nettle/nist-keywrap.h>
#include "unix_private.h"

static const uint8_t default_iv[8] = { 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6, 0xa6 };

union aes_any
{
    struct aes128_ctx a128;
    struct aes192_ctx a192;
    struct aes256_ctx a256;
};

typedef void (*aes_setkey)(void *ctx, const uint8_t *key);

/* One row per AES key size: how to key it, and which block function wraps/unwraps. */
static const struct
{
    uint32_t key_len;
    aes_setkey set_encrypt, set_decrypt;
    nettle_cipher_func *encrypt, *decrypt;
}
aes_rows[] =
{
    { 16, (aes_setkey)aes128_set_encrypt_key, (aes_setkey)aes128_set_decrypt_key,
      (nettle_cipher_func *)aes128_encrypt, (nettle_cipher_func *)aes128_decrypt },
    { 24, (aes_setkey)aes192_set_encrypt_key, (aes_setkey)aes192_set_decrypt_key,
      (nettle_cipher_func *)aes192_encrypt, (nettle_cipher_func *)aes192_decrypt },
    { 32, (aes_setkey)aes256_set_encrypt_key, (aes_setkey)aes256_set_decrypt_key,
      (nettle_cipher_func *)aes256_encrypt, (nettle_cipher_func *)aes256_decrypt },
};

bridge_status key_wrap(void *args)
{
    struct key_wrap_params *params = args;
    struct bridge_cipher_state *state = params ? BRIDGE_PTR(params->state) : NULL;
    const uint8_t *input = params ? BRIDGE_PTR(params->input) : NULL;
    uint8_t *output = params ? BRIDGE_PTR(params->output) : NULL;
    bridge_status status = BRIDGE_SUCCESS;
    union aes_any ctx;
    size_t i;

    if (!state || !input || !output || state->cipher != BRIDGE_CIPHER_AES || params->len % 8
        || params->len < (params->wrap ? 16u : 24u))
        return BRIDGE_INVALID_PARAMETER;
    for (i = 0; i < sizeof(aes_rows) / sizeof(aes_rows[0]); i++)
        if (aes_rows[i].key_len == state->key_len) break;
    if (i == sizeof(aes_rows) / sizeof(aes_rows[0])) return BRIDGE_INVALID_PARAMETER;

    if (params->wrap)
    {
        aes_rows[i].set_encrypt(&ctx, state->key);
        nist_keywrap16(&ctx, aes_rows[i].encrypt, default_iv, params->len + 8, output, input);
    }
    else
    {
        aes_rows[i].set_decrypt(&ctx, state->key);
        if (!nist_keyunwrap16(&ctx, aes_rows[i].decrypt, default_iv, params->len - 8, output, input))
        {
            explicit_bzero(output, params->len - 8);   /* no half-checked key material left behind */
            status = BRIDGE_UNSUCCESSFUL;
        }
    }
    explicit_bzero(&ctx, sizeof(ctx));
    return status;
}
