/*
 * BCryptDeriveKey: the key derivation functions over a secret agreement
 * (reference §4.9).  One row per KDF: its name, a check that reads its
 * parameters and gives its natural output size, and a derive function that
 * writes exactly the bytes asked for.
 *
 * The secret is stored big-endian.  Every KDF consumes it in that order;
 * only TRUNCATE hands it out byte-reversed [doc].  The HASH vectors of Wine's
 * tests, recorded on Windows for ECDH and DH, match SHA-1 over the
 * big-endian bytes and not over the reversed ones [wine-test].
 *
 * Digests and HMACs use the bridge's hash calls on a state of our own, the
 * same calls hash.c makes; every state and intermediate is wiped.
 */
#include <wchar.h>
#include "bcrypt_private.h"

DEFAULT_DEBUG_CHANNEL(bcrypt);

#define MAX_DIGEST_LEN   64
#define TLS_PRF_LEN      48   /* "always 48 bytes" [doc] */
#define TLS_SEED_LEN     64   /* "must be 64 bytes long" [doc] */
#define HASH_NAME_CHARS  32

/* ---- digests over the bridge ----------------------------------------------------- */

struct digest
{
    const struct alg_row *row;
    struct bridge_hash_state state;
};

/* HMAC when key is not NULL (an empty key is a key); hash.c's bridge wrappers do the work. */
static NTSTATUS digest_init(struct digest *d, const struct alg_row *row, const UCHAR *key, ULONG key_len)
{
    memset(d, 0, sizeof(*d));
    d->row = row;
    return hash_state_init(&d->state, row, key != NULL, key, key ? key_len : 0);
}

static NTSTATUS digest_update(struct digest *d, const UCHAR *data, ULONG len)
{
    return hash_state_update(&d->state, data, len);
}

/* Writes row->hash_len bytes; the state returns to its initial (keyed) value. */
static NTSTATUS digest_final(struct digest *d, UCHAR *output)
{
    return hash_state_finish(&d->state, d->row, output);
}

/* ---- parameters ---------------------------------------------------------------- */

struct blob
{
    const UCHAR *data;
    ULONG len;
    BOOL present;
};

enum { CONCAT_ALGORITHMID, CONCAT_PARTYUINFO, CONCAT_PARTYVINFO, CONCAT_SUPPPUBINFO, CONCAT_SUPPPRIVINFO,
       CONCAT_COUNT };

enum tls_prf { TLS_PRF_SSL3, TLS_PRF_TLS10, TLS_PRF_TLS12 };

struct kdf_params
{
    const struct secret *secret;
    const BCryptBuffer *buffers;     /* prepend/append are read in list order [doc] */
    ULONG count;
    const struct alg_row *hash;      /* KDF_HASH_ALGORITHM, or NULL */
    struct blob hmac_key, label, seed, protocol;
    struct blob concat[CONCAT_COUNT];
    BOOL secret_as_hmac_key;
    enum tls_prf prf;                /* TLS_PRF: from KDF_TLS_PRF_PROTOCOL */
};

/* Buffer types with one value: where each goes (the last one given wins [hypothesis]). */
static struct blob *param_slot(struct kdf_params *p, ULONG type)
{
    switch (type)
    {
    case KDF_HMAC_KEY:         return &p->hmac_key;
    case KDF_TLS_PRF_LABEL:    return &p->label;
    case KDF_TLS_PRF_SEED:     return &p->seed;
    case KDF_TLS_PRF_PROTOCOL: return &p->protocol;
    case KDF_ALGORITHMID:      return &p->concat[CONCAT_ALGORITHMID];
    case KDF_PARTYUINFO:       return &p->concat[CONCAT_PARTYUINFO];
    case KDF_PARTYVINFO:       return &p->concat[CONCAT_PARTYVINFO];
    case KDF_SUPPPUBINFO:      return &p->concat[CONCAT_SUPPPUBINFO];
    case KDF_SUPPPRIVINFO:     return &p->concat[CONCAT_SUPPPRIVINFO];
    default:                   return NULL;
    }
}

/* A hash named by KDF_HASH_ALGORITHM: unknown names and non-hashes ("RNG")
 * are STATUS_NOT_SUPPORTED [wine-test]. */
static NTSTATUS param_hash(const BCryptBuffer *buffer, const struct alg_row **row)
{
    WCHAR name[HASH_NAME_CHARS];
    ULONG chars = buffer->cbBuffer / sizeof(WCHAR), i;

    if (chars >= HASH_NAME_CHARS) chars = HASH_NAME_CHARS - 1;
    for (i = 0; i < chars && ((const WCHAR *)buffer->pvBuffer)[i]; i++) name[i] = ((const WCHAR *)buffer->pvBuffer)[i];
    name[i] = 0;
    *row = alg_find_by_name(name);
    if (!*row || (*row)->kind != ALG_KIND_HASH)
    {
        WARN("hash %s not supported\n", debugstr_w(name));
        return STATUS_NOT_SUPPORTED;
    }
    return STATUS_SUCCESS;
}

/* ulVersion is not checked [wine-test]; a buffer that claims bytes but has
 * no pointer is refused [hypothesis]; types a KDF does not use are ignored. */
static NTSTATUS params_parse(const BCryptBufferDesc *desc, ULONG flags, struct kdf_params *p)
{
    struct blob *slot;
    NTSTATUS status;
    ULONG i;

    p->secret_as_hmac_key = !!(flags & KDF_USE_SECRET_AS_HMAC_KEY_FLAG);
    if (!desc || !desc->cBuffers) return STATUS_SUCCESS;
    if (!desc->pBuffers) return STATUS_INVALID_PARAMETER;
    p->buffers = desc->pBuffers;
    p->count = desc->cBuffers;
    for (i = 0; i < p->count; i++)
    {
        const BCryptBuffer *buffer = &p->buffers[i];

        if (buffer->cbBuffer && !buffer->pvBuffer) return STATUS_INVALID_PARAMETER;
        if (buffer->BufferType == KDF_HASH_ALGORITHM)
        {
            if (!buffer->pvBuffer) return STATUS_INVALID_PARAMETER;
            if ((status = param_hash(buffer, &p->hash))) return status;
        }
        else if ((slot = param_slot(p, buffer->BufferType)))
        {
            slot->data = buffer->pvBuffer;
            slot->len = buffer->cbBuffer;
            slot->present = TRUE;
        }
    }
    return STATUS_SUCCESS;
}

static const struct alg_row *hash_or_default(const struct kdf_params *p, const WCHAR *name)
{
    return p->hash ? p->hash : alg_find_by_name(name);
}

/* Feeds the KDF_SECRET_PREPEND values, the secret, then the KDF_SECRET_APPEND
 * values, each group in list order [doc: remarks]. */
static NTSTATUS digest_framed_secret(struct digest *d, const struct kdf_params *p)
{
    static const ULONG order[2] = { KDF_SECRET_PREPEND, KDF_SECRET_APPEND };
    NTSTATUS status = STATUS_SUCCESS;
    ULONG pass, i;

    for (pass = 0; pass < 2 && !status; pass++)
    {
        if (pass == 1) status = digest_update(d, p->secret->data, p->secret->len);
        for (i = 0; i < p->count && !status; i++)
            if (p->buffers[i].BufferType == order[pass])
                status = digest_update(d, p->buffers[i].pvBuffer, p->buffers[i].cbBuffer);
    }
    return status;
}

/* ---- TRUNCATE: the raw secret, little-endian [doc, wine-test] ----------------------------- */

static NTSTATUS truncate_check(struct kdf_params *p, ULONG *size)
{
    *size = p->secret->len;
    return STATUS_SUCCESS;
}

static NTSTATUS truncate_derive(const struct kdf_params *p, UCHAR *output, ULONG len)
{
    ULONG i;

    for (i = 0; i < len; i++) output[i] = p->secret->data[p->secret->len - 1 - i];
    return STATUS_SUCCESS;
}

/* ---- HASH and HMAC: H(prepend || Z || append), SHA-1 by default [doc] ------------------------- */

static NTSTATUS hash_check(struct kdf_params *p, ULONG *size)
{
    p->hash = hash_or_default(p, BCRYPT_SHA1_ALGORITHM);
    *size = p->hash->hash_len;
    return STATUS_SUCCESS;
}

/* Without KDF_HMAC_KEY and without KDF_USE_SECRET_AS_HMAC_KEY_FLAG there is no
 * key to use [hypothesis: refused]; the flag wins over a key [hypothesis]. */
static NTSTATUS hmac_check(struct kdf_params *p, ULONG *size)
{
    if (!p->secret_as_hmac_key && !p->hmac_key.present) return STATUS_INVALID_PARAMETER;
    return hash_check(p, size);
}

static NTSTATUS digest_kdf(const struct kdf_params *p, const UCHAR *key, ULONG key_len, UCHAR *output, ULONG len)
{
    UCHAR digest[MAX_DIGEST_LEN];
    struct digest d;
    NTSTATUS status;

    if (!(status = digest_init(&d, p->hash, key, key_len)) && !(status = digest_framed_secret(&d, p))
        && !(status = digest_final(&d, digest)))
        memcpy(output, digest, len);
    secure_wipe(&d, sizeof(d));
    secure_wipe(digest, sizeof(digest));
    return status;
}

static NTSTATUS hash_derive(const struct kdf_params *p, UCHAR *output, ULONG len)
{
    return digest_kdf(p, NULL, 0, output, len);
}

static NTSTATUS hmac_derive(const struct kdf_params *p, UCHAR *output, ULONG len)
{
    static const UCHAR empty;

    if (p->secret_as_hmac_key) return digest_kdf(p, p->secret->data, p->secret->len, output, len);
    return digest_kdf(p, p->hmac_key.len ? p->hmac_key.data : &empty, p->hmac_key.len, output, len);
}

/* ---- TLS_PRF: RFC 2246 / RFC 5246 §5 and the SSL 3.0 master secret ------------------------------ */

/* KDF_TLS_PRF_PROTOCOL values [doc]; absent means the TLS 1.0/1.1 PRF, which
 * is what .NET's DeriveKeyTls gets by passing none [doc: .NET]. */
static const struct { ULONG protocol; enum tls_prf prf; } tls_protocols[] =
{
    { 0x0300, TLS_PRF_SSL3 },  { 0x0301, TLS_PRF_TLS10 }, { 0x0302, TLS_PRF_TLS10 },
    { 0xfeff, TLS_PRF_TLS10 }, { 0x0303, TLS_PRF_TLS12 }, { 0xfefd, TLS_PRF_TLS12 },
};

static NTSTATUS tls_prf_check(struct kdf_params *p, ULONG *size)
{
    ULONG protocol = 0x0301, i;

    /* Label and a 64-byte seed are required [doc]. */
    if (!p->label.present || !p->seed.present || p->seed.len != TLS_SEED_LEN) return STATUS_INVALID_PARAMETER;
    if (p->protocol.present)
    {
        if (p->protocol.len != sizeof(ULONG)) return STATUS_INVALID_PARAMETER;
        memcpy(&protocol, p->protocol.data, sizeof(protocol));
    }
    for (i = 0; i < ARRAYSIZE(tls_protocols); i++) if (tls_protocols[i].protocol == protocol) break;
    if (i == ARRAYSIZE(tls_protocols))
    {
        FIXME("TLS PRF for protocol %#lx not supported\n", protocol);
        return STATUS_NOT_SUPPORTED;   /* SSL 2.0 and unknown versions [hypothesis] */
    }
    p->prf = tls_protocols[i].prf;
    if (p->prf == TLS_PRF_TLS12)
    {
        /* SHA-256 by default, SHA-384 on request [doc]; other hashes [hypothesis]. */
        p->hash = hash_or_default(p, BCRYPT_SHA256_ALGORITHM);
        if (p->hash->hash_len != 32 && p->hash->hash_len != 48) return STATUS_INVALID_PARAMETER;
    }
    *size = TLS_PRF_LEN;
    return STATUS_SUCCESS;
}

/* P_hash(key, label || seed) XORed into (or copied to) output [RFC 5246 §5]. */
static NTSTATUS tls_p_hash(const struct alg_row *row, const UCHAR *key, ULONG key_len, const struct kdf_params *p,
                           UCHAR *output, ULONG len, BOOL xor)
{
    UCHAR a[MAX_DIGEST_LEN], block[MAX_DIGEST_LEN];
    ULONG done = 0, n, i, hash_len = row->hash_len;
    struct digest d;
    NTSTATUS status;

    /* A(1) = HMAC(key, label || seed) */
    if (!(status = digest_init(&d, row, key, key_len)) && !(status = digest_update(&d, p->label.data, p->label.len))
        && !(status = digest_update(&d, p->seed.data, p->seed.len)))
        status = digest_final(&d, a);
    while (!status && done < len)
    {
        if ((status = digest_update(&d, a, hash_len)) || (status = digest_update(&d, p->label.data, p->label.len))
            || (status = digest_update(&d, p->seed.data, p->seed.len)) || (status = digest_final(&d, block)))
            break;
        n = min(hash_len, len - done);
        for (i = 0; i < n; i++) output[done + i] = xor ? output[done + i] ^ block[i] : block[i];
        done += n;
        if (done < len && !(status = digest_update(&d, a, hash_len))) status = digest_final(&d, a);   /* A(i+1) */
    }
    secure_wipe(&d, sizeof(d));
    secure_wipe(a, sizeof(a));
    secure_wipe(block, sizeof(block));
    return status;
}

/* SSL 3.0: MD5(Z || SHA1("A" || Z || seed)) || MD5(Z || SHA1("BB" ...)) || ... [RFC 6101 §6.1]. */
static NTSTATUS ssl3_master(const struct kdf_params *p, UCHAR *output, ULONG len)
{
    const struct alg_row *md5 = alg_find_by_name(BCRYPT_MD5_ALGORITHM), *sha1 = alg_find_by_name(BCRYPT_SHA1_ALGORITHM);
    UCHAR salt[3], inner[20], block[16];
    struct digest d;
    NTSTATUS status = STATUS_SUCCESS;
    ULONG i, done = 0, n;

    for (i = 0; i < 3 && !status && done < len; i++)
    {
        memset(salt, 'A' + i, sizeof(salt));
        if ((status = digest_init(&d, sha1, NULL, 0)) || (status = digest_update(&d, salt, i + 1))
            || (status = digest_update(&d, p->secret->data, p->secret->len))
            || (status = digest_update(&d, p->seed.data, p->seed.len)) || (status = digest_final(&d, inner)))
            break;
        if ((status = digest_init(&d, md5, NULL, 0)) || (status = digest_update(&d, p->secret->data, p->secret->len))
            || (status = digest_update(&d, inner, sizeof(inner))) || (status = digest_final(&d, block)))
            break;
        n = min(sizeof(block), len - done);
        memcpy(output + done, block, n);
        done += n;
    }
    secure_wipe(&d, sizeof(d));
    secure_wipe(inner, sizeof(inner));
    secure_wipe(block, sizeof(block));
    return status;
}

static NTSTATUS tls_prf_derive(const struct kdf_params *p, UCHAR *output, ULONG len)
{
    const UCHAR *z = p->secret->data;
    ULONG half = (p->secret->len + 1) / 2;
    NTSTATUS status;

    switch (p->prf)
    {
    case TLS_PRF_SSL3:
        return ssl3_master(p, output, len);
    case TLS_PRF_TLS12:
        return tls_p_hash(p->hash, z, p->secret->len, p, output, len, FALSE);
    default:
        /* P_MD5 over the first half XOR P_SHA1 over the second, halves overlapping
         * by a byte when the length is odd [RFC 2246 §5]. */
        if ((status = tls_p_hash(alg_find_by_name(BCRYPT_MD5_ALGORITHM), z, half, p, output, len, FALSE)))
            return status;
        return tls_p_hash(alg_find_by_name(BCRYPT_SHA1_ALGORITHM), z + p->secret->len - half, half, p,
                          output, len, TRUE);
    }
}

/* ---- SP800_56A_CONCAT: H(counter || Z || OtherInfo) blocks [SP 800-56A §5.8.1] ----------------------- */

/* The hash matches the agreement's strength when none is named [doc: "ECDH
 * P-256 uses SHA256, ECDH P-384 uses SHA384"]; P-521 and DH [hypothesis]. */
static const struct { enum bridge_asym asym; ULONG max_secret_len; const WCHAR *hash; } concat_hashes[] =
{
    { BRIDGE_ASYM_ECDH, 32, BCRYPT_SHA256_ALGORITHM },
    { BRIDGE_ASYM_ECDH, 48, BCRYPT_SHA384_ALGORITHM },
    { BRIDGE_ASYM_ECDH, ~0u, BCRYPT_SHA512_ALGORITHM },
    { BRIDGE_ASYM_DH,   ~0u, BCRYPT_SHA256_ALGORITHM },
};

static NTSTATUS concat_check(struct kdf_params *p, ULONG *size)
{
    ULONG i;

    /* AlgorithmID, PartyUInfo and PartyVInfo are required (empty is allowed) [doc]. */
    for (i = CONCAT_ALGORITHMID; i <= CONCAT_PARTYVINFO; i++)
        if (!p->concat[i].present) return STATUS_INVALID_PARAMETER;
    for (i = 0; !p->hash && i < ARRAYSIZE(concat_hashes); i++)
        if (concat_hashes[i].asym == p->secret->alg->row->asym && p->secret->len <= concat_hashes[i].max_secret_len)
            p->hash = alg_find_by_name(concat_hashes[i].hash);
    if (!p->hash) return STATUS_NOT_SUPPORTED;
    *size = p->hash->hash_len;   /* size query [hypothesis]; longer outputs take more blocks */
    return STATUS_SUCCESS;
}

static NTSTATUS concat_derive(const struct kdf_params *p, UCHAR *output, ULONG len)
{
    UCHAR block[MAX_DIGEST_LEN], counter_be[4];
    ULONG counter, done = 0, n, i;
    struct digest d;
    NTSTATUS status;

    if ((status = digest_init(&d, p->hash, NULL, 0))) return status;
    for (counter = 1; !status && done < len; counter++)
    {
        counter_be[0] = counter >> 24; counter_be[1] = counter >> 16; counter_be[2] = counter >> 8; counter_be[3] = counter;
        status = digest_update(&d, counter_be, sizeof(counter_be));
        if (!status) status = digest_update(&d, p->secret->data, p->secret->len);
        for (i = 0; i < CONCAT_COUNT && !status; i++) status = digest_update(&d, p->concat[i].data, p->concat[i].len);
        if (!status && !(status = digest_final(&d, block)))
        {
            n = min(p->hash->hash_len, len - done);
            memcpy(output + done, block, n);
            done += n;
        }
    }
    secure_wipe(&d, sizeof(d));
    secure_wipe(block, sizeof(block));
    return status;
}

/* ---- the table and the export ------------------------------------------------------ */

struct kdf_row
{
    const WCHAR *name;
    NTSTATUS (*check)(struct kdf_params *p, ULONG *size);       /* natural size of the output */
    NTSTATUS (*derive)(const struct kdf_params *p, UCHAR *output, ULONG len);
    BOOL any_length;                                            /* fills the whole output buffer */
};

static const struct kdf_row kdf_rows[] =
{
    { BCRYPT_KDF_RAW_SECRET,      truncate_check, truncate_derive },
    { BCRYPT_KDF_HASH,            hash_check,     hash_derive },
    { BCRYPT_KDF_HMAC,            hmac_check,     hmac_derive },
    { BCRYPT_KDF_TLS_PRF,         tls_prf_check,  tls_prf_derive },
    { BCRYPT_KDF_SP80056A_CONCAT, concat_check,   concat_derive, TRUE },
};

static const struct kdf_row *kdf_find(const WCHAR *name)
{
    ULONG i;

    for (i = 0; i < ARRAYSIZE(kdf_rows); i++) if (!wcscmp(kdf_rows[i].name, name)) return &kdf_rows[i];
    return NULL;
}

NTSTATUS WINAPI BCryptDeriveKey(BCRYPT_SECRET_HANDLE handle, const WCHAR *kdf, BCryptBufferDesc *parameters,
                                UCHAR *output, ULONG output_len, ULONG *result, ULONG flags)
{
    struct kdf_params params;
    const struct kdf_row *row;
    struct secret *secret;
    NTSTATUS status;
    ULONG size, len;

    TRACE("%p, %s, %p, %p, %lu, %p, %#lx\n", handle, debugstr_w(kdf), parameters, output, output_len, result, flags);

    /* A key or any other handle is INVALID_HANDLE; then kdf and pcbResult [wine-test]. */
    if (!(secret = secret_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if (!kdf || !result) return STATUS_INVALID_PARAMETER;
    if (flags & ~KDF_USE_SECRET_AS_HMAC_KEY_FLAG) return STATUS_INVALID_PARAMETER;   /* [hypothesis] */
    if (!(row = kdf_find(kdf)))
    {
        FIXME("KDF %s not supported\n", debugstr_w(kdf));
        return STATUS_NOT_SUPPORTED;
    }

    memset(&params, 0, sizeof(params));
    params.secret = secret;
    if ((status = params_parse(parameters, flags, &params)) || (status = row->check(&params, &size))) return status;

    /* No buffer: the size.  A short buffer gets the first bytes [doc, wine-test]. */
    if (!output)
    {
        *result = size;
        return STATUS_SUCCESS;
    }
    len = row->any_length ? output_len : min(output_len, size);
    if ((status = row->derive(&params, output, len)))
    {
        secure_wipe(output, len);
        return status;
    }
    *result = len;
    return STATUS_SUCCESS;
}
