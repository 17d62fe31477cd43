/*
 * BCryptKeyDerivation (Windows 8+): derives bytes from a key that
 * BCryptGenerateSymmetricKey made on a key-derivation algorithm
 * (SP800_108_CTR_HMAC, SP800_56A_CONCAT, PBKDF2, CAPI_KDF).  The key holds
 * the raw secret (key.c); each algorithm row in algs.c points at one
 * struct kdf_ops here: the parameters it requires, the flags it takes, and
 * a derive function that fills the whole output.
 *
 * Digests go through hash.c's hash_state_* wrappers and PBKDF2 through the
 * bridge's PBKDF2 call; every intermediate is wiped.
 */
#include <wchar.h>
#include "bcrypt_private.h"

DEFAULT_DEBUG_CHANNEL(bcrypt);

#define MAX_DIGEST_LEN         64
#define HASH_NAME_CHARS        32
#define PBKDF2_ITERATIONS      10000   /* when KDF_ITERATION_COUNT is absent [doc] */

/* The BCryptBuffer types a KDF reads; other types are ignored [hypothesis, as BCryptDeriveKey]. */
enum param_slot
{
    P_HASH, P_LABEL, P_CONTEXT, P_SALT, P_ITERATIONS, P_GENERIC,
    P_ALGORITHMID, P_PARTYUINFO, P_PARTYVINFO, P_SUPPPUBINFO, P_SUPPPRIVINFO, P_COUNT
};
#define PBIT(p) (1u << (p))

static const ULONG param_types[P_COUNT] =
{
    [P_HASH] = KDF_HASH_ALGORITHM,   [P_LABEL] = KDF_LABEL,                 [P_CONTEXT] = KDF_CONTEXT,
    [P_SALT] = KDF_SALT,             [P_ITERATIONS] = KDF_ITERATION_COUNT,  [P_GENERIC] = KDF_GENERIC_PARAMETER,
    [P_ALGORITHMID] = KDF_ALGORITHMID, [P_PARTYUINFO] = KDF_PARTYUINFO,     [P_PARTYVINFO] = KDF_PARTYVINFO,
    [P_SUPPPUBINFO] = KDF_SUPPPUBINFO, [P_SUPPPRIVINFO] = KDF_SUPPPRIVINFO,
};

/* A present parameter may be empty, with or without a pointer (.NET passes NULL, 0). */
struct param
{
    const UCHAR *data;
    ULONG len;
    BOOL present;
};

struct kdf_input
{
    const UCHAR *secret;             /* the KDF key's secret */
    ULONG secret_len;
    const struct alg_row *hash;      /* KDF_HASH_ALGORITHM */
    struct param p[P_COUNT];         /* the last of each type wins [hypothesis] */
    ULONG flags;
};

struct kdf_ops
{
    ULONG required;       /* PBIT set: parameters that must be present [doc: BCryptKeyDerivation] */
    ULONG generic_for;    /* PBIT set that KDF_GENERIC_PARAMETER stands in for [doc] */
    ULONG flags;          /* dwFlags this KDF accepts */
    NTSTATUS (*derive)(const struct kdf_input *in, UCHAR *output, ULONG len);
};

/* ---- parameters ---------------------------------------------------------------- */

/* KDF_HASH_ALGORITHM: a hash name, NUL-terminated or not; anything but a hash
 * is STATUS_NOT_SUPPORTED, as for BCryptDeriveKey [wine-test, hypothesis here]. */
static NTSTATUS param_hash(const struct param *param, const struct alg_row **row)
{
    const WCHAR *text = (const WCHAR *)param->data;
    WCHAR name[HASH_NAME_CHARS];
    ULONG chars = param->len / sizeof(WCHAR), i;

    if (chars >= HASH_NAME_CHARS) chars = HASH_NAME_CHARS - 1;
    for (i = 0; i < chars && text[i]; i++) name[i] = text[i];
    name[i] = 0;
    *row = alg_find_by_name(name);
    if (*row && (*row)->kind == ALG_KIND_HASH) return STATUS_SUCCESS;
    WARN("hash %s not supported\n", debugstr_w(name));
    return STATUS_NOT_SUPPORTED;
}

static NTSTATUS params_parse(const BCryptBufferDesc *desc, struct kdf_input *in)
{
    ULONG i, slot;

    if (!desc || !desc->cBuffers) return STATUS_SUCCESS;
    if (!desc->pBuffers) return STATUS_INVALID_PARAMETER;
    for (i = 0; i < desc->cBuffers; i++)
    {
        const BCryptBuffer *buffer = &desc->pBuffers[i];

        if (buffer->cbBuffer && !buffer->pvBuffer) return STATUS_INVALID_PARAMETER;   /* [hypothesis] */
        for (slot = 0; slot < P_COUNT; slot++) if (param_types[slot] == buffer->BufferType) break;
        if (slot == P_COUNT) continue;
        in->p[slot].data = buffer->pvBuffer;
        in->p[slot].len = buffer->cbBuffer;
        in->p[slot].present = TRUE;
    }
    if (!in->p[P_HASH].present) return STATUS_SUCCESS;
    if (!in->p[P_HASH].len) return STATUS_INVALID_PARAMETER;
    return param_hash(&in->p[P_HASH], &in->hash);
}

static void be32(UCHAR *out, ULONG value)
{
    out[0] = value >> 24; out[1] = value >> 16; out[2] = value >> 8; out[3] = value;
}

/*
 * PRF(1 || parts) || PRF(2 || parts) || ..., the counter a 32-bit big-endian
 * number before the fixed data; PRF is HMAC keyed with key when hmac is set,
 * else the bare hash.  SP 800-108 §5.1 (HMAC) and SP 800-56A §5.8.1 (hash).
 */
static NTSTATUS counter_kdf(const struct alg_row *row, BOOL hmac, const UCHAR *key, ULONG key_len,
                            const struct param *parts, ULONG count, UCHAR *output, ULONG len)
{
    struct bridge_hash_state state;
    UCHAR block[MAX_DIGEST_LEN], counter[4];
    ULONG i = 1, done = 0, n, j;
    NTSTATUS status;

    if ((status = hash_state_init(&state, row, hmac, key, key_len))) return status;
    for (; !status && done < len; i++)
    {
        be32(counter, i);
        status = hash_state_update(&state, counter, sizeof(counter));
        for (j = 0; j < count && !status; j++) status = hash_state_update(&state, parts[j].data, parts[j].len);
        if (status || (status = hash_state_finish(&state, row, block))) break;
        n = min(row->hash_len, len - done);
        memcpy(output + done, block, n);
        done += n;
    }
    secure_wipe(&state, sizeof(state));
    secure_wipe(block, sizeof(block));
    return status;
}

/* ---- SP800_108_CTR_HMAC: HMAC(K, [i]2 || Label || 0x00 || Context || [L]2) [doc, SP 800-108] ---- */

static NTSTATUS sp800108_derive(const struct kdf_input *in, UCHAR *output, ULONG len)
{
    static const UCHAR zero;
    const struct param separator = { &zero, 1, TRUE };
    struct param parts[4];
    UCHAR bits[4];
    ULONG count = 0;

    /* L is the output length in bits, a 32-bit number [SP 800-108 §5] */
    if (len > MAXDWORD / 8) return STATUS_INVALID_PARAMETER;
    be32(bits, len * 8);
    if (in->p[P_GENERIC].present) parts[count++] = in->p[P_GENERIC];   /* = Label || 0x00 || Context [doc] */
    else
    {
        parts[count++] = in->p[P_LABEL];
        parts[count++] = separator;
        parts[count++] = in->p[P_CONTEXT];
    }
    parts[count].data = bits;
    parts[count].len = sizeof(bits);
    parts[count++].present = TRUE;
    return counter_kdf(in->hash, TRUE, in->secret, in->secret_len, parts, count, output, len);
}

const struct kdf_ops kdf_sp800108 =
{
    PBIT(P_HASH) | PBIT(P_LABEL) | PBIT(P_CONTEXT), PBIT(P_LABEL) | PBIT(P_CONTEXT), 0, sp800108_derive,
};

/* ---- SP800_56A_CONCAT: H([i]2 || Z || OtherInfo) [doc, SP 800-56A §5.8.1] ------------------------ */

static NTSTATUS sp80056a_derive(const struct kdf_input *in, UCHAR *output, ULONG len)
{
    static const enum param_slot other_info[] = { P_ALGORITHMID, P_PARTYUINFO, P_PARTYVINFO, P_SUPPPUBINFO, P_SUPPPRIVINFO };
    struct param parts[1 + ARRAYSIZE(other_info)];
    ULONG count = 0, i;

    parts[count].data = in->secret;
    parts[count++].len = in->secret_len;
    if (in->p[P_GENERIC].present) parts[count++] = in->p[P_GENERIC];   /* the whole OtherInfo [doc] */
    else for (i = 0; i < ARRAYSIZE(other_info); i++) parts[count++] = in->p[other_info[i]];
    return counter_kdf(in->hash, FALSE, NULL, 0, parts, count, output, len);
}

const struct kdf_ops kdf_sp80056a =
{
    PBIT(P_HASH) | PBIT(P_ALGORITHMID) | PBIT(P_PARTYUINFO) | PBIT(P_PARTYVINFO),
    PBIT(P_ALGORITHMID) | PBIT(P_PARTYUINFO) | PBIT(P_PARTYVINFO), 0, sp80056a_derive,
};

/* ---- PBKDF2: the secret is the password [doc, RFC 8018] ---------------------------------------- */

/* KDF_ITERATION_COUNT is a ULONGLONG [doc: BCryptBuffer]; 0 is refused as by BCryptDeriveKeyPBKDF2 [wine-test]. */
static NTSTATUS pbkdf2_derive(const struct kdf_input *in, UCHAR *output, ULONG len)
{
    const struct param *salt = in->p[P_GENERIC].present ? &in->p[P_GENERIC] : &in->p[P_SALT];
    ULONGLONG iterations = PBKDF2_ITERATIONS;
    struct pbkdf2_params params;

    if (in->p[P_ITERATIONS].present)
    {
        if (in->p[P_ITERATIONS].len != sizeof(iterations)) return STATUS_INVALID_PARAMETER;
        memcpy(&iterations, in->p[P_ITERATIONS].data, sizeof(iterations));
        if (!iterations) return STATUS_INVALID_PARAMETER;
    }
    params.hash = in->hash->hash;
    params.password_len = in->secret_len;
    params.password = BRIDGE_PTR(in->secret);
    params.salt = BRIDGE_PTR(salt->data);
    params.salt_len = salt->len;
    params.iterations = iterations;
    params.output = BRIDGE_PTR(output);
    params.output_len = len;
    return bridge_call(BRIDGE_PBKDF2, &params);
}

const struct kdf_ops kdf_pbkdf2 = { PBIT(P_HASH) | PBIT(P_SALT), PBIT(P_SALT), 0, pbkdf2_derive };

/* ---- CAPI_KDF: CryptDeriveKey over H(secret) [doc; the input being hashed is hypothesis] ---------- */

/* SHA-2 digests are never double expanded [doc: CryptDeriveKey]. */
static const enum bridge_hash sha2_hashes[] = { BRIDGE_HASH_SHA256, BRIDGE_HASH_SHA384, BRIDGE_HASH_SHA512 };

static NTSTATUS capi_derive(const struct kdf_input *in, UCHAR *output, ULONG len)
{
    struct bridge_hash_state state;
    UCHAR digest[MAX_DIGEST_LEN];
    BOOL force = !!(in->flags & BCRYPT_CAPI_AES_FLAG);   /* AES keys are double expanded [doc] */
    NTSTATUS status;
    ULONG i;

    for (i = 0; i < ARRAYSIZE(sha2_hashes); i++) if (in->hash->hash == sha2_hashes[i]) force = FALSE;
    if (!(status = hash_state_init(&state, in->hash, FALSE, NULL, 0))
        && !(status = hash_state_update(&state, in->secret, in->secret_len))
        && !(status = hash_state_finish(&state, in->hash, digest)))
        status = capi_expand(in->hash, digest, output, len, force);
    secure_wipe(&state, sizeof(state));
    secure_wipe(digest, sizeof(digest));
    return status;
}

/* KDF_GENERIC_PARAMETER is not used [doc]. */
const struct kdf_ops kdf_capi = { PBIT(P_HASH), 0, BCRYPT_CAPI_AES_FLAG, capi_derive };

/* ---- the export ----------------------------------------------------------------------- */

/*
 * Order [hypothesis, after BCryptDeriveKey]: the key handle, then a key of a
 * KDF algorithm, the output pointers, flags, parameters, then what the KDF
 * requires.  There is no size query: every KDF fills cbDerivedKey bytes.
 */
NTSTATUS WINAPI BCryptKeyDerivation(BCRYPT_KEY_HANDLE handle, BCryptBufferDesc *parameters, UCHAR *output,
                                    ULONG output_len, ULONG *result, ULONG flags)
{
    const struct kdf_ops *ops;
    struct kdf_input in;
    struct key *key;
    NTSTATUS status;
    ULONG required, slot;

    TRACE("%p, %p, %p, %lu, %p, %#lx\n", handle, parameters, output, output_len, result, flags);

    if (!(key = key_from_handle(handle))) return STATUS_INVALID_HANDLE;
    if (key->alg->row->kind != ALG_KIND_KDF || !key->kdf_secret) return STATUS_NOT_SUPPORTED;
    ops = key->alg->row->kdf;
    if (!output || !output_len || !result) return STATUS_INVALID_PARAMETER;
    /* BCRYPT_CAPI_AES_FLAG is only valid with CAPI_KDF [doc] */
    if (flags & ~ops->flags) return STATUS_INVALID_PARAMETER;

    memset(&in, 0, sizeof(in));
    in.secret = key->kdf_secret;
    in.secret_len = key->secret_len;
    in.flags = flags;
    if ((status = params_parse(parameters, &in))) return status;
    required = ops->required;
    if (in.p[P_GENERIC].present) required &= ~ops->generic_for;
    for (slot = 0; slot < P_COUNT; slot++)
    {
        if (!(required & PBIT(slot)) || in.p[slot].present) continue;
        WARN("%s needs parameter type %lu\n", debugstr_w(key->alg->row->name), param_types[slot]);
        return STATUS_INVALID_PARAMETER;
    }

    if ((status = ops->derive(&in, output, output_len)))
    {
        secure_wipe(output, output_len);
        return status;
    }
    *result = output_len;
    return STATUS_SUCCESS;
}
