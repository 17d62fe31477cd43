/*
 * BCryptEncrypt / BCryptDecrypt for symmetric keys.  Sizes, padding and the
 * IV rules are decided here; the bytes cross to the bridge in one call per
 * BCryptEncrypt/BCryptDecrypt whatever the length.
 */
#include "bcrypt_private.h"

DEFAULT_DEBUG_CHANNEL(bcrypt);

struct crypt_args
{
    struct key *key;
    UCHAR *input;
    ULONG input_len;
    void *padding_info;
    UCHAR *iv;
    ULONG iv_len;
    UCHAR *output;
    ULONG output_len;
    ULONG *result;
    ULONG flags;
    BOOL encrypt;
};

static NTSTATUS bridge_crypt(struct key *key, const UCHAR *in, UCHAR *out, ULONG len, BOOL encrypt)
{
    struct key_crypt_params params = { BRIDGE_PTR(&key->state), BRIDGE_PTR(in), BRIDGE_PTR(out), len, encrypt };
    return len ? bridge_call(BRIDGE_KEY_CRYPT, &params) : STATUS_SUCCESS;
}

/* ---- ECB, CBC, CFB, RC4 ---------------------------------------------------- */

static NTSTATUS check_iv(const struct crypt_args *a)
{
    const struct mode_row *mode = &mode_rows[a->key->mode];

    if (!a->iv) return STATUS_SUCCESS;
    if (!mode->uses_iv) return STATUS_INVALID_PARAMETER;            /* ECB rejects any IV [wine-test] */
    if (a->iv_len != a->key->state.block_len) return STATUS_INVALID_PARAMETER;  /* [doc] */
    return STATUS_SUCCESS;
}

static NTSTATUS encrypt_plain(struct crypt_args *a)
{
    ULONG block = a->key->state.block_len, size = a->input_len;
    BOOL pad = a->flags & BCRYPT_BLOCK_PADDING;
    NTSTATUS status;

    if (pad) size = (a->input_len / block + 1) * block;   /* always adds 1..block bytes [wine-test] */
    else if (key_whole_blocks(a->key) && size % block)
    {
        *a->result = a->input_len;
        return STATUS_INVALID_BUFFER_SIZE;                 /* [wine-test] */
    }
    *a->result = size;
    if ((status = check_iv(a))) return status;
    if (!a->output) return STATUS_SUCCESS;
    if (a->output_len < size) return STATUS_BUFFER_TOO_SMALL;

    if (a->iv) memcpy(a->key->state.chain, a->iv, block);
    if (pad)
    {
        /* Pad in the output buffer, then encrypt it in place in one call. */
        memmove(a->output, a->input, a->input_len);
        memset(a->output + a->input_len, size - a->input_len, size - a->input_len);
        status = bridge_crypt(a->key, a->output, a->output, size, TRUE);
    }
    else status = bridge_crypt(a->key, a->input, a->output, size, TRUE);
    if (!status && a->iv) memcpy(a->iv, a->key->state.chain, block);
    return status;
}

/* PKCS#7 padding check; the pad count on success. */
static ULONG pad_length(const UCHAR *last_block, ULONG block)
{
    ULONG i, n;

    if (!block || block > BRIDGE_MAX_BLOCK_LEN) return 0;
    n = last_block[block - 1];
    if (!n || n > block) return 0;
    for (i = block - n; i < block; i++) if (last_block[i] != n) return 0;
    return n;
}

static NTSTATUS decrypt_padded(struct crypt_args *a)
{
    ULONG block = a->key->state.block_len, head = a->input_len - block, n;
    UCHAR saved_chain[BRIDGE_MAX_BLOCK_LEN], last[BRIDGE_MAX_BLOCK_LEN];
    NTSTATUS status;

    memcpy(saved_chain, a->key->state.chain, sizeof(saved_chain));
    if (a->output_len >= a->input_len)
    {
        if ((status = bridge_crypt(a->key, a->input, a->output, a->input_len, FALSE))) goto done;
        memcpy(last, a->output + head, block);
    }
    else
    {
        /* The output need not hold the pad [wine-test]: the last block goes to a temporary. */
        memcpy(last, a->input + head, block);
        if (!(status = bridge_crypt(a->key, a->input, a->output, head, FALSE)))
            status = bridge_crypt(a->key, last, last, block, FALSE);
        if (status) goto done;
    }

    if (!(n = pad_length(last, block))) status = STATUS_DATA_ERROR;   /* [hypothesis: users report it] */
    else
    {
        *a->result = a->input_len - n;
        if (a->output_len < a->input_len - n) status = STATUS_BUFFER_TOO_SMALL;  /* true length [wine-test] */
        else memcpy(a->output + head, last, block - n);
    }
done:
    if (status) memcpy(a->key->state.chain, saved_chain, sizeof(saved_chain));  /* nothing consumed */
    secure_wipe(last, sizeof(last));
    return status;
}

static NTSTATUS decrypt_plain(struct crypt_args *a)
{
    ULONG block = a->key->state.block_len;
    BOOL pad = a->flags & BCRYPT_BLOCK_PADDING;
    NTSTATUS status;

    *a->result = a->input_len;
    if ((pad || key_whole_blocks(a->key)) && a->input_len % block)
        return STATUS_INVALID_BUFFER_SIZE;                 /* [wine-test] */
    if ((status = check_iv(a))) return status;
    if (!a->output) return STATUS_SUCCESS;
    if (pad && !a->input_len) return STATUS_INVALID_BUFFER_SIZE;  /* no pad block [hypothesis] */
    if (a->output_len < (pad ? a->input_len - block : a->input_len)) return STATUS_BUFFER_TOO_SMALL;

    if (a->iv) memcpy(a->key->state.chain, a->iv, block);
    status = pad ? decrypt_padded(a) : bridge_crypt(a->key, a->input, a->output, a->input_len, FALSE);
    if (!status && a->iv) memcpy(a->iv, a->key->state.chain, block);
    return status;
}

/* ---- GCM, CCM ---------------------------------------------------------------- */

static NTSTATUS crypt_aead(struct crypt_args *a)
{
    BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO *info = a->padding_info;
    const struct mode_row *mode = &mode_rows[a->key->mode];
    const BCRYPT_AUTH_TAG_LENGTHS_STRUCT *tags = &mode->tag_lengths;
    struct key_aead_params params;
    BOOL chained, started;
    NTSTATUS status;

    if (!info || info->cbSize < sizeof(*info) || info->dwInfoVersion != BCRYPT_AUTHENTICATED_CIPHER_MODE_INFO_VERSION)
        return STATUS_INVALID_PARAMETER;
    if (!info->pbNonce) return STATUS_INVALID_PARAMETER;
    /* GCM: 12-byte nonces only [hypothesis, reference §4.6]; CCM: 7..13 [doc: SP 800-38C]. */
    if (a->key->mode == MODE_GCM ? info->cbNonce != 12 : info->cbNonce < 7 || info->cbNonce > 13)
        return STATUS_INVALID_PARAMETER;
    if (!info->pbTag || info->cbTag < tags->dwMinLength || info->cbTag > tags->dwMaxLength
        || (info->cbTag - tags->dwMinLength) % tags->dwIncrement)
        return STATUS_INVALID_PARAMETER;
    if (a->flags & BCRYPT_BLOCK_PADDING)
    {
        /* Windows sizes the padded output first [wine-test]. */
        ULONG padded = (a->input_len / a->key->state.block_len + 1) * a->key->state.block_len;
        if (a->output && a->output_len < padded)
        {
            *a->result = padded;
            return STATUS_BUFFER_TOO_SMALL;
        }
        return STATUS_INVALID_PARAMETER;
    }

    chained = info->dwFlags & BCRYPT_AUTH_MODE_CHAIN_CALLS_FLAG;
    started = info->dwFlags & BCRYPT_AUTH_MODE_IN_PROGRESS_FLAG;
    if ((chained || started) && (!info->pbMacContext || info->cbMacContext < 16)) return STATUS_INVALID_PARAMETER;

    *a->result = a->input_len;
    if (a->input && !a->output) return STATUS_SUCCESS;   /* size query, tag untouched [wine-test] */
    if (a->output_len < a->input_len) return STATUS_BUFFER_TOO_SMALL;
    /* Only the last call of a chain may end inside a block [hypothesis]. */
    if (chained && a->input_len % a->key->state.block_len) return STATUS_INVALID_BUFFER_SIZE;

    memset(&params, 0, sizeof(params));
    params.state = BRIDGE_PTR(&a->key->state);
    params.input = BRIDGE_PTR(a->input);
    params.output = BRIDGE_PTR(a->output);
    params.len = a->input_len;
    params.nonce = BRIDGE_PTR(info->pbNonce);
    params.nonce_len = info->cbNonce;
    params.auth_data = BRIDGE_PTR(info->pbAuthData);
    params.auth_len = info->pbAuthData ? info->cbAuthData : 0;
    params.tag = BRIDGE_PTR(info->pbTag);
    params.tag_len = info->cbTag;
    params.mac_context = BRIDGE_PTR(info->pbMacContext);
    params.data_done = started ? info->cbData : 0;
    params.aad_done = started ? info->cbAAD : 0;
    params.encrypt = a->encrypt;
    params.flags = (chained ? BRIDGE_AEAD_CONTINUES : 0) | (started ? BRIDGE_AEAD_STARTED : 0);
    status = bridge_call(BRIDGE_KEY_AEAD, &params);

    if (!status && chained)
    {
        info->cbData = params.data_done;
        info->cbAAD = params.aad_done;
        info->dwFlags |= BCRYPT_AUTH_MODE_IN_PROGRESS_FLAG;
    }
    else if (!chained) info->dwFlags &= ~BCRYPT_AUTH_MODE_IN_PROGRESS_FLAG;
    return status;
}

static NTSTATUS crypt_dispatch(struct crypt_args *a)
{
    if (!a->key) return STATUS_INVALID_HANDLE;
    if (a->key->asym)
        return asym_crypt(a->key, a->encrypt, a->input, a->input_len, a->padding_info, a->output, a->output_len,
                          a->result, a->flags);
    if (a->key->alg->row->kind != ALG_KIND_CIPHER) return STATUS_NOT_SUPPORTED;  /* KDF keys [hypothesis] */
    if (!a->result) return STATUS_INVALID_PARAMETER;
    if (a->flags & ~BCRYPT_BLOCK_PADDING)
    {
        FIXME("flags %#lx not supported\n", a->flags);
        return STATUS_INVALID_PARAMETER;
    }
    if (a->input_len && !a->input) return STATUS_INVALID_PARAMETER;
    if (mode_rows[a->key->mode].aead) return crypt_aead(a);
    if ((a->flags & BCRYPT_BLOCK_PADDING) && a->key->mode == MODE_NA) return STATUS_INVALID_PARAMETER;
    return a->encrypt ? encrypt_plain(a) : decrypt_plain(a);
}

NTSTATUS WINAPI BCryptEncrypt(BCRYPT_KEY_HANDLE handle, UCHAR *input, ULONG input_len, void *padding_info,
                              UCHAR *iv, ULONG iv_len, UCHAR *output, ULONG output_len, ULONG *result,
                              ULONG flags)
{
    struct crypt_args a = { key_from_handle(handle), input, input_len, padding_info, iv, iv_len,
                            output, output_len, result, flags, TRUE };

    TRACE("%p, %p, %lu, %p, %p, %lu, %p, %lu, %p, %#lx\n", handle, input, input_len, padding_info, iv,
          iv_len, output, output_len, result, flags);
    return crypt_dispatch(&a);
}

NTSTATUS WINAPI BCryptDecrypt(BCRYPT_KEY_HANDLE handle, UCHAR *input, ULONG input_len, void *padding_info,
                              UCHAR *iv, ULONG iv_len, UCHAR *output, ULONG output_len, ULONG *result,
                              ULONG flags)
{
    struct crypt_args a = { key_from_handle(handle), input, input_len, padding_info, iv, iv_len,
                            output, output_len, result, flags, FALSE };

    TRACE("%p, %p, %lu, %p, %p, %lu, %p, %lu, %p, %#lx\n", handle, input, input_len, padding_info, iv,
          iv_len, output, output_len, result, flags);
    return crypt_dispatch(&a);
}
