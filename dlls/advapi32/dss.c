/*
 * dssenh.dll's keys: DSS (DSA) key pairs, Diffie-Hellman key pairs and the
 * keys two DH pairs agree on.  dssenh.dll is this CSP built a second time
 * (Makefile.in); its export table (dssenh.def) points the entry points that
 * meet these keys here, and each hands every other request on to the shared
 * entry point, so session keys and hashes behave as in rsaenh.dll.
 *
 * A key keeps the bridge's canonical blob in csp_key.rsa: "DSPB"/"DSPV"
 * (BCRYPT_DSA_KEY_BLOB: Count, Seed, q, then p, g, y [, x]) or "DHPB"/"DHPV"
 * (BCRYPT_DH_KEY_BLOB: p, g, y [, x]), numbers big-endian.  CryptoAPI's
 * blobs carry the same numbers little-endian [doc: DSS and Diffie-Hellman
 * provider key BLOBs]; this file converts between the two.
 */
#include "csp_private.h"

DEFAULT_DEBUG_CHANNEL(crypt);

#define DSS1_MAGIC 0x31535344u   /* "DSS1": public, version 2 [doc] */
#define DSS2_MAGIC 0x32535344u   /* "DSS2": private, version 2 */
#define DSS3_MAGIC 0x33535344u   /* "DSS3": public, version 3 */
#define DH1_MAGIC  0x31484400u   /* "\0DH1": public [doc] */
#define DH2_MAGIC  0x32484400u   /* "\0DH2": private */
#define DH3_MAGIC  0x33484400u   /* "\0DH3": public, version 3 */

#define CANON_DSA_PUBLIC  0x42505344u   /* "DSPB" */
#define CANON_DSA_PRIVATE 0x56505344u   /* "DSPV" */
#define CANON_DH_PUBLIC   0x42504844u   /* "DHPB" */
#define CANON_DH_PRIVATE  0x56504844u   /* "DHPV" */
#define CANON_DH_PARAMS   0x4d504844u   /* "DHPM" */

#define Q_LEN   20   /* q and x of a DSS key: 160 bits [doc, FIPS 186-2] */
#define SIG_LEN 40   /* r and s [doc, wine-test] */

struct canon_dsa { UINT32 magic, cb_key; BYTE count[4], seed[20], q[Q_LEN]; };   /* p, g, y [, x] follow */
struct canon_dh  { UINT32 magic, cb_key; };                                      /* p, g, y [, x] follow */
struct capi_hdr  { BLOBHEADER hdr; DWORD magic, bitlen; };                       /* DSSPUBKEY / DHPUBKEY */
struct capi_v3   { BLOBHEADER hdr; DSSPUBKEY_VER3 v3; };                         /* p, q, g, j, y follow */

enum dss_kind { KIND_OTHER, KIND_DSA, KIND_DH, KIND_AGREED };

static enum dss_kind dss_kind(const struct csp_key *key)
{
    switch (key->cipher->algid)
    {
    case CALG_DSS_SIGN:      return KIND_DSA;
    case CALG_DH_SF:
    case CALG_DH_EPHEM:      return KIND_DH;
    case CALG_AGREEDKEY_ANY: return KIND_AGREED;
    default:                 return KIND_OTHER;
    }
}

/* dst (width bytes, big-endian) := src (len bytes, little-endian, zero-extended). */
static void be_from_le(BYTE *dst, DWORD width, const BYTE *src, DWORD len)
{
    DWORD i;

    for (i = 0; i < width; i++) dst[width - 1 - i] = i < len ? src[i] : 0;
}

/* dst (width bytes, little-endian) := src (width bytes, big-endian). */
static void le_from_be(BYTE *dst, const BYTE *src, DWORD width)
{
    DWORD i;

    for (i = 0; i < width; i++) dst[i] = src[width - 1 - i];
}

static BYTE *blob_alloc(DWORD len)
{
    BYTE *blob = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, len);

    if (!blob) SetLastError(NTE_NO_MEMORY);
    return blob;
}

/* The field of a canonical blob: 0 p, 1 g, 2 y, 3 x. */
static BYTE *canon_num(const struct csp_key *key, int index)
{
    DWORD hdr = dss_kind(key) == KIND_DSA ? sizeof(struct canon_dsa) : sizeof(struct canon_dh);
    return key->rsa + hdr + index * key->key_len;
}

/* A key object owning blob (taken over, also on failure). */
static struct csp_key *asym_key(struct csp_prov *prov, ALG_ID algid, DWORD flags, DWORD key_len, BYTE *blob,
                                DWORD blob_len, BOOL private)
{
    struct csp_key *key = key_alloc(prov, cipher_from_algid(algid), flags);

    if (!key)
    {
        glue_blob_free(blob, blob_len);
        return NULL;
    }
    key->key_len = key_len;
    key->rsa = blob;
    key->rsa_len = blob_len;
    key->rsa_private = private;
    return key;
}

/* A request dssenh.dll does not serve yet: the Windows error for it, and a FIXME. */
static BOOL not_done(const char *what, DWORD error)
{
    FIXME("%s is not implemented in the DSS providers\n", what);
    return csp_fail(error);
}

/* The personality's row for algid: missing NTE_BAD_ALGID [wine-test: Base DSS has no DH]. */
static BOOL dss_row(const struct csp_prov *prov, ALG_ID algid, PROV_ENUMALGS_EX *info)
{
    return provider_alg(prov->pers, algid, info) ? TRUE : csp_fail(NTE_BAD_ALGID);
}

/* ---- CryptoAPI blobs -> canonical blobs ---------------------------------------------------- */

/* Length in bits within the personality's row, else NTE_BAD_DATA [hypothesis]. */
static BOOL import_bits_ok(const struct csp_prov *prov, ALG_ID algid, DWORD bits)
{
    PROV_ENUMALGS_EX info;

    if (!dss_row(prov, algid, &info)) return FALSE;
    if (bits < info.dwMinLen || bits > info.dwMaxLen) return csp_fail(NTE_BAD_DATA);
    return TRUE;
}

/*
 * PUBLICKEYBLOB / PRIVATEKEYBLOB of a DSS key.  Version 2: DSSPUBKEY, p, q
 * (20), g, y or x (20), DSSSEED; version 3 (public): DSSPUBKEY_VER3 with
 * the seed, then p, q, g, j, y [doc].  The seed is little-endian like the
 * numbers [wine-test data, see dlls/bcrypt/dsa.c]; a private key's y is
 * computed by the bridge, which also checks the group and the seed.
 */
static BOOL dsa_canon(const struct csp_prov *prov, const BYTE *data, DWORD len, BOOL private, BYTE **out,
                      DWORD *out_len, DWORD *bits)
{
    const struct capi_hdr *h = (const struct capi_hdr *)data;
    const BYTE *p, *q, *g, *y, *x = NULL;
    const DSSSEED *seed;
    DWORD size, q_len = Q_LEN, canon_len;
    struct canon_dsa *c;
    BYTE *canon;
    BOOL ret;

    if (len < sizeof(*h)) return csp_fail(NTE_BAD_DATA);
    if (h->hdr.bVersion == 3 && !private && h->magic == DSS3_MAGIC && len >= sizeof(struct capi_v3))
    {
        const DSSPUBKEY_VER3 *v3 = &((const struct capi_v3 *)data)->v3;

        size = v3->bitlenP / 8;
        q_len = v3->bitlenQ / 8;
        if (q_len != Q_LEN || !size || v3->bitlenP % 8
            || len < sizeof(struct capi_v3) + 3 * size + q_len + (v3->bitlenJ + 7) / 8)
            return csp_fail(NTE_BAD_DATA);   /* hypothesis: CNG's FIPS 186-2 keys only */
        p = data + sizeof(struct capi_v3);
        q = p + size;
        g = q + q_len;
        y = g + size + (v3->bitlenJ + 7) / 8;
        seed = &v3->DSSSeed;
    }
    else
    {
        if (h->hdr.bVersion != CUR_BLOB_VERSION || h->magic != (private ? DSS2_MAGIC : DSS1_MAGIC) || h->bitlen % 8)
            return csp_fail(NTE_BAD_DATA);   /* hypothesis */
        size = h->bitlen / 8;
        if (len < sizeof(*h) + 2 * size + Q_LEN + (private ? Q_LEN : size) + sizeof(DSSSEED))
            return csp_fail(NTE_BAD_DATA);
        p = data + sizeof(*h);
        q = p + size;
        g = q + Q_LEN;
        y = private ? NULL : g + size;
        if (private) x = g + size;
        seed = (const DSSSEED *)(g + size + (private ? Q_LEN : size));
    }
    *bits = size * 8;
    if (!import_bits_ok(prov, CALG_DSS_SIGN, *bits)) return FALSE;

    canon_len = sizeof(*c) + 3 * size + (private ? Q_LEN : 0);
    if (!(canon = blob_alloc(canon_len))) return FALSE;
    c = (struct canon_dsa *)canon;
    c->magic = private ? CANON_DSA_PRIVATE : CANON_DSA_PUBLIC;
    c->cb_key = size;
    be_from_le(c->count, 4, (const BYTE *)&seed->counter, 4);
    be_from_le(c->seed, sizeof(c->seed), seed->seed, sizeof(seed->seed));
    be_from_le(c->q, Q_LEN, q, Q_LEN);
    be_from_le(canon + sizeof(*c), size, p, size);
    be_from_le(canon + sizeof(*c) + size, size, g, size);
    if (y) be_from_le(canon + sizeof(*c) + 2 * size, size, y, size);
    if (x) be_from_le(canon + sizeof(*c) + 3 * size, Q_LEN, x, Q_LEN);
    ret = glue_asym_complete(BRIDGE_ASYM_DSA, canon, canon_len, out, out_len);
    glue_blob_free(canon, canon_len);
    return ret;
}

/* PRIVATEKEYBLOB of a DH key: DHPUBKEY "DH2", p, g, x, each bitlen / 8 bytes [doc]. */
static BOOL dh_canon_private(const struct csp_prov *prov, const BYTE *data, DWORD len, BYTE **out, DWORD *out_len,
                             DWORD *bits)
{
    const struct capi_hdr *h = (const struct capi_hdr *)data;
    DWORD size, canon_len;
    struct canon_dh *c;
    BYTE *canon;
    BOOL ret;

    if (len < sizeof(*h) || h->hdr.bVersion != CUR_BLOB_VERSION || h->magic != DH2_MAGIC || !h->bitlen
        || h->bitlen % 8 || len < sizeof(*h) + 3 * (h->bitlen / 8))
        return csp_fail(NTE_BAD_DATA);   /* hypothesis */
    size = h->bitlen / 8;
    *bits = h->bitlen;
    if (!import_bits_ok(prov, h->hdr.aiKeyAlg, *bits)) return FALSE;
    canon_len = sizeof(*c) + 4 * size;
    if (!(canon = blob_alloc(canon_len))) return FALSE;
    c = (struct canon_dh *)canon;
    c->magic = CANON_DH_PRIVATE;
    c->cb_key = size;
    be_from_le(canon + sizeof(*c), size, data + sizeof(*h), size);                  /* p */
    be_from_le(canon + sizeof(*c) + size, size, data + sizeof(*h) + size, size);    /* g */
    be_from_le(canon + sizeof(*c) + 3 * size, size, data + sizeof(*h) + 2 * size, size);   /* x; y by the bridge */
    ret = glue_asym_complete(BRIDGE_ASYM_DH, canon, canon_len, out, out_len);
    glue_blob_free(canon, canon_len);
    return ret;
}

/* A DSS or DH key pair from a PRIVATEKEYBLOB, not installed anywhere (also for containers). */
static struct csp_key *dss_key_from_private(struct csp_prov *prov, const BYTE *data, DWORD len, DWORD flags)
{
    const BLOBHEADER *hdr = (const BLOBHEADER *)data;
    DWORD bits, canon_len;
    BYTE *canon;

    if (!(hdr->aiKeyAlg == CALG_DSS_SIGN ? dsa_canon(prov, data, len, TRUE, &canon, &canon_len, &bits)
                                         : dh_canon_private(prov, data, len, &canon, &canon_len, &bits)))
        return NULL;
    return asym_key(prov, hdr->aiKeyAlg, flags, bits / 8, canon, canon_len, TRUE);
}

static BOOL is_dss_algid(ALG_ID algid)
{
    return algid == CALG_DSS_SIGN || algid == CALG_DH_SF || algid == CALG_DH_EPHEM;
}

struct csp_key *asym_key_from_private(struct csp_prov *prov, const BYTE *data, DWORD len, DWORD flags)
{
    if (len >= sizeof(BLOBHEADER) && is_dss_algid(((const BLOBHEADER *)data)->aiKeyAlg))
        return dss_key_from_private(prov, data, len, flags);
    return rsa_key_from_private(prov, data, len, flags);
}

/* Which container pair a key is: DSS signs, the store-and-forward DH key
 * exchanges; an ephemeral DH key belongs to no container [doc: "ephemeral"]. */
static void dss_install(struct csp_key *key)
{
    if (key->cipher->algid == CALG_DSS_SIGN) container_install(key->prov, PAIR_SIGNATURE, key);
    else if (key->cipher->algid == CALG_DH_SF) container_install(key->prov, PAIR_EXCHANGE, key);
}

/*
 * A peer's DH PUBLICKEYBLOB ("DH1": y; "DH3": p, q, g, j, y [doc]) with our
 * own DH private key: the agreed key, CALG_AGREEDKEY_ANY until KP_ALGID
 * names a session cipher [doc].  The peer's y goes into a blob with our p
 * and g; the bridge refuses a y outside the group (NTE_BAD_DATA).
 */
/* The peer's y in a DH1 or DH3 blob of our length, or NULL. */
static const BYTE *peer_y(const BYTE *data, DWORD len, DWORD size)
{
    const struct capi_hdr *h = (const struct capi_hdr *)data;
    const DSSPUBKEY_VER3 *v3 = &((const struct capi_v3 *)data)->v3;
    DWORD q_len, j_len;

    if (len < sizeof(*h)) return NULL;
    if (h->hdr.bVersion == CUR_BLOB_VERSION && h->magic == DH1_MAGIC && h->bitlen == size * 8)
        return len >= sizeof(*h) + size ? data + sizeof(*h) : NULL;
    if (h->hdr.bVersion != 3 || h->magic != DH3_MAGIC || len < sizeof(struct capi_v3) || v3->bitlenP != size * 8)
        return NULL;
    q_len = (v3->bitlenQ + 7) / 8;
    j_len = (v3->bitlenJ + 7) / 8;
    if (len < sizeof(struct capi_v3) + 3 * size + q_len + j_len) return NULL;
    return data + sizeof(struct capi_v3) + 2 * size + q_len + j_len;
}

static BOOL dh_agree(struct csp_prov *prov, HCRYPTPROV owner, const BYTE *data, DWORD len, HCRYPTKEY hPubKey,
                     DWORD flags, HCRYPTKEY *handle)
{
    struct csp_key *own, *key;
    DWORD size, peer_len;
    const BYTE *y = NULL;
    BYTE *peer = NULL, *secret = NULL;
    BOOL ret = FALSE;

    if (!hPubKey) return csp_fail(NTE_BAD_KEY);   /* hypothesis: a DH public key alone is of no use */
    if (!(own = key_get(hPubKey))) return FALSE;
    size = own->key_len;
    if (dss_kind(own) != KIND_DH || !own->rsa_private) SetLastError(NTE_BAD_KEY);
    else if (!(y = peer_y(data, len, size))) SetLastError(NTE_BAD_DATA);   /* hypothesis */

    peer_len = sizeof(struct canon_dh) + 3 * size;
    if (y && (peer = blob_alloc(peer_len)) && (secret = blob_alloc(size)))
    {
        struct canon_dh *c = (struct canon_dh *)peer;

        c->magic = CANON_DH_PUBLIC;
        c->cb_key = size;
        memcpy(peer + sizeof(*c), canon_num(own, 0), 2 * size);   /* p, g */
        be_from_le(peer + sizeof(*c) + 2 * size, size, y, size);
        if (glue_dh_agree(own, peer, peer_len, secret, size))
        {
            BYTE *le = blob_alloc(size);

            /* kept little-endian, the CryptoAPI order KP_ALGID takes key bytes from */
            if (le) le_from_be(le, secret, size);
            if (le && (key = asym_key(prov, CALG_AGREEDKEY_ANY, flags, size, le, size, TRUE)))
                ret = key_publish(key, owner, handle);
        }
    }
    glue_blob_free(peer, peer_len);
    glue_blob_free(secret, size);
    key_put(own);
    return ret;
}

/* ---- canonical blobs -> CryptoAPI blobs -------------------------------------------------- */

static void capi_header(const struct csp_key *key, BYTE type, DWORD magic, BYTE *data)
{
    struct capi_hdr *h = (struct capi_hdr *)data;

    h->hdr.bType = type;
    h->hdr.bVersion = CUR_BLOB_VERSION;
    h->hdr.reserved = 0;
    h->hdr.aiKeyAlg = key->cipher->algid;
    h->magic = magic;
    h->bitlen = key->key_len * 8;
}

static DWORD capi_len(const struct csp_key *key, BOOL private)
{
    DWORD size = key->key_len;

    if (dss_kind(key) == KIND_DSA)
        return sizeof(struct capi_hdr) + 2 * size + Q_LEN + (private ? Q_LEN : size) + sizeof(DSSSEED);
    return sizeof(struct capi_hdr) + (private ? 3 : 1) * size;
}

/* Writes a DSS1/DSS2 or DH1/DH2 blob; data holds capi_len() bytes. */
static void capi_write(const struct csp_key *key, BOOL private, BYTE *data)
{
    DWORD size = key->key_len;
    BYTE *dst = data + sizeof(struct capi_hdr);

    if (dss_kind(key) == KIND_DSA)
    {
        const struct canon_dsa *c = (const struct canon_dsa *)key->rsa;
        DWORD counter = (DWORD)c->count[0] << 24 | c->count[1] << 16 | c->count[2] << 8 | c->count[3];

        capi_header(key, private ? PRIVATEKEYBLOB : PUBLICKEYBLOB, private ? DSS2_MAGIC : DSS1_MAGIC, data);
        le_from_be(dst, canon_num(key, 0), size);                 /* p */
        le_from_be(dst + size, c->q, Q_LEN);                      /* q */
        le_from_be(dst + size + Q_LEN, canon_num(key, 1), size);  /* g */
        dst += 2 * size + Q_LEN;
        if (private) le_from_be(dst, canon_num(key, 3), Q_LEN);   /* x */
        else le_from_be(dst, canon_num(key, 2), size);            /* y */
        dst += private ? Q_LEN : size;
        memcpy(dst, &counter, sizeof(counter));
        le_from_be(dst + sizeof(counter), c->seed, sizeof(c->seed));
        return;
    }
    capi_header(key, private ? PRIVATEKEYBLOB : PUBLICKEYBLOB, private ? DH2_MAGIC : DH1_MAGIC, data);
    if (!private)
    {
        le_from_be(dst, canon_num(key, 2), size);                 /* y */
        return;
    }
    le_from_be(dst, canon_num(key, 0), size);                     /* p */
    le_from_be(dst + size, canon_num(key, 1), size);              /* g */
    le_from_be(dst + 2 * size, canon_num(key, 3), size);          /* x */
}

static BOOL capi_export(const struct csp_key *key, BOOL private, BYTE *data, DWORD *len)
{
    DWORD size = capi_len(key, private);

    if (data && *len < size)
    {
        *len = size;
        return csp_fail(ERROR_MORE_DATA);
    }
    if (data) capi_write(key, private, data);
    *len = size;
    return TRUE;
}

/* force: the container's own store ignores CRYPT_EXPORT (container.c). */
static BOOL dss_export_private(const struct csp_key *key, BOOL force, BYTE *data, DWORD *len)
{
    enum dss_kind kind = dss_kind(key);

    if (kind != KIND_DSA && kind != KIND_DH) return csp_fail(NTE_BAD_KEY);
    if (!force && !(key->permissions & CRYPT_EXPORT)) return csp_fail(NTE_BAD_KEY_STATE);   /* as rsaenh [wine-test] */
    if (!key->rsa_private) return csp_fail(kind == KIND_DH ? NTE_BAD_KEY_STATE : NTE_BAD_KEY);   /* hypothesis */
    return capi_export(key, TRUE, data, len);
}

BOOL asym_export_private(const struct csp_key *key, BOOL force, BYTE *data, DWORD *len)
{
    if (dss_kind(key) != KIND_OTHER) return dss_export_private(key, force, data, len);
    return rsa_export_private(key, force, data, len);
}

/* ---- CPGenKey --------------------------------------------------------------------------- */

/* Lengths [wine-test]: outside the row NTE_BAD_FLAGS; inside but not a
 * multiple of 64, DSS STATUS_INVALID_PARAMETER (513 bits), DH NTE_BAD_FLAGS. */
static BOOL gen_bits(const PROV_ENUMALGS_EX *info, ALG_ID algid, DWORD *bits)
{
    if (!*bits) *bits = info->dwDefaultLen;
    if (*bits < info->dwMinLen || *bits > info->dwMaxLen) return csp_fail(NTE_BAD_FLAGS);
    if (*bits % 64) return csp_fail(algid == CALG_DSS_SIGN ? (DWORD)STATUS_INVALID_PARAMETER : NTE_BAD_FLAGS);
    return TRUE;
}

/*
 * CRYPT_PREGEN makes a DH key without numbers: KP_P and KP_G (and KP_Q)
 * name the group, then KP_X with NULL makes x and y [doc: Generating
 * Diffie-Hellman Keys].  Meanwhile the blob is a public one with zeros.
 */
static struct csp_key *dh_pregen(struct csp_prov *prov, ALG_ID algid, DWORD flags, DWORD bits)
{
    DWORD size = bits / 8, len = sizeof(struct canon_dh) + 3 * size;
    struct canon_dh *c;
    BYTE *blob;

    if (!(blob = blob_alloc(len))) return NULL;
    c = (struct canon_dh *)blob;
    c->magic = CANON_DH_PUBLIC;
    c->cb_key = size;
    return asym_key(prov, algid, flags, size, blob, len, FALSE);
}

BOOL WINAPI dss_gen_key(HCRYPTPROV hProv, ALG_ID Algid, DWORD dwFlags, HCRYPTKEY *phKey)
{
    ALG_ID algid = Algid == AT_SIGNATURE ? CALG_DSS_SIGN : Algid == AT_KEYEXCHANGE ? CALG_DH_SF : Algid;
    DWORD bits = HIWORD(dwFlags), len;
    PROV_ENUMALGS_EX info;
    struct csp_prov *prov;
    struct csp_key *key = NULL;
    BYTE *blob;

    if (!is_dss_algid(algid)) return CPGenKey(hProv, Algid, dwFlags, phKey);   /* session keys */
    TRACE("%Iu, %#x, %#lx, %p\n", hProv, Algid, dwFlags, phKey);

    if (!(prov = prov_get(hProv))) return FALSE;
    if (!phKey) SetLastError(ERROR_INVALID_PARAMETER);
    else if (dss_row(prov, algid, &info) && gen_bits(&info, algid, &bits))
    {
        if (algid != CALG_DSS_SIGN && (dwFlags & CRYPT_PREGEN)) key = dh_pregen(prov, algid, dwFlags, bits);
        else if (algid == CALG_DSS_SIGN ? glue_dsa_generate(bits, &blob, &len)
                                        : glue_dh_generate(bits, NULL, 0, &blob, &len))
            key = asym_key(prov, algid, dwFlags, bits / 8, blob, len, TRUE);
        if (key && key->rsa_private) dss_install(key);
    }
    prov_put(prov);
    return key ? key_publish(key, hProv, phKey) : FALSE;
}

/* ---- key parameters ---------------------------------------------------------------------- */

/* KP_P / KP_G / KP_Q of a CRYPT_PREGEN DH key: CRYPT_DATA_BLOBs, little-endian [doc]. */
static BOOL dh_set_group(struct csp_key *key, DWORD param, const CRYPT_DATA_BLOB *blob)
{
    DWORD size = key->key_len;

    if (key->rsa_private) return csp_fail(NTE_BAD_KEY_STATE);   /* hypothesis: the group is fixed once made */
    if (!blob->pbData && blob->cbData) return csp_fail(ERROR_INVALID_PARAMETER);
    switch (param)
    {
    case KP_P:   /* as long as the key [hypothesis; a short P fails with NTE_BAD_DATA (pages)] */
        if (blob->cbData != size) return csp_fail(NTE_BAD_DATA);
        be_from_le(canon_num(key, 0), size, blob->pbData, size);
        return TRUE;
    case KP_G:
        if (!blob->cbData || blob->cbData > size) return csp_fail(NTE_BAD_DATA);
        be_from_le(canon_num(key, 1), size, blob->pbData, blob->cbData);
        return TRUE;
    default:     /* KP_Q: the bridge's DH takes p and g only; q is checked for size and not kept */
        if (blob->cbData > size) return csp_fail(NTE_BAD_DATA);
        return TRUE;
    }
}

/* KP_X with NULL: x and y in the group KP_P and KP_G named [doc]. */
static BOOL dh_finish(struct csp_key *key)
{
    DWORD size = key->key_len, params_len = 3 * sizeof(UINT32) + 2 * size, len;
    UINT32 *params;
    BYTE *blob;
    BOOL ret;

    if (key->rsa_private) return csp_fail(NTE_BAD_KEY_STATE);   /* hypothesis */
    if (!(params = (UINT32 *)blob_alloc(params_len))) return FALSE;
    params[0] = params_len;
    params[1] = CANON_DH_PARAMS;
    params[2] = size;
    memcpy(params + 3, canon_num(key, 0), 2 * size);   /* p, g */
    if ((ret = glue_dh_generate(size * 8, (BYTE *)params, params_len, &blob, &len)))
    {
        glue_blob_free(key->rsa, key->rsa_len);
        key->rsa = blob;
        key->rsa_len = len;
        key->rsa_private = TRUE;
        dss_install(key);
    }
    HeapFree(GetProcessHeap(), 0, params);
    return ret;
}

/*
 * KP_ALGID turns an agreed key into a session key of that cipher, with the
 * personality's default length [doc].  Its key bytes are the first bytes of
 * the agreed secret, little-endian [hypothesis: no Windows vector recorded].
 */
static BOOL agreed_to_session(struct csp_key *key, ALG_ID algid)
{
    struct csp_key *shape;

    if (!(shape = key_new(key->prov, algid, 0))) return FALSE;   /* NTE_BAD_ALGID and friends */
    if (shape->key_len > key->rsa_len)
    {
        key_put(shape);
        return csp_fail(NTE_BAD_KEY);   /* hypothesis: a secret shorter than the key */
    }
    memset(key->key, 0, sizeof(key->key));
    memcpy(key->key, key->rsa, shape->key_len);
    key->cipher = shape->cipher;
    key->key_len = shape->key_len;
    key->salt_len = shape->salt_len;
    key->mode = shape->mode;
    key->mode_bits = shape->mode_bits;
    key->effective_bits = 0;
    key_put(shape);
    glue_blob_free(key->rsa, key->rsa_len);
    key->rsa = NULL;
    key->rsa_len = 0;
    key->rsa_private = FALSE;
    glue_cipher_restart(key, TRUE);
    return TRUE;
}

#define is_group_param(p) ((p) == KP_P || (p) == KP_G || (p) == KP_Q || (p) == KP_X)

BOOL WINAPI dss_set_key_param(HCRYPTPROV hProv, HCRYPTKEY hKey, DWORD dwParam, BYTE *pbData, DWORD dwFlags)
{
    struct csp_key *key;
    enum dss_kind kind;
    BOOL ret;

    /* dssenh refuses the modes it cannot run when they are set (OFB: NTE_BAD_DATA [wine-test]) */
    if (dwParam == KP_MODE && pbData && handle_valid(hProv, CSP_TYPE_PROV) && !dwFlags && handle_valid(hKey, CSP_TYPE_KEY)
        && !glue_mode_supported(*(const DWORD *)pbData))
        return csp_fail(NTE_BAD_DATA);
    if (!is_group_param(dwParam) && dwParam != KP_ALGID) return CPSetKeyParam(hProv, hKey, dwParam, pbData, dwFlags);
    TRACE("%Iu, %Iu, %lu, %p, %#lx\n", hProv, hKey, dwParam, pbData, dwFlags);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (dwFlags) return csp_fail(NTE_BAD_FLAGS);
    if (!(key = key_get(hKey))) return FALSE;
    kind = dss_kind(key);
    if ((dwParam == KP_ALGID && kind != KIND_AGREED) || (is_group_param(dwParam) && kind != KIND_DH))
    {
        key_put(key);
        return CPSetKeyParam(hProv, hKey, dwParam, pbData, dwFlags);   /* its own answer (NTE_BAD_TYPE) */
    }
    if (dwParam == KP_X) ret = pbData ? not_done("setting x", NTE_BAD_DATA) : dh_finish(key);
    else if (!pbData) ret = csp_fail(ERROR_INVALID_PARAMETER);
    else if (dwParam == KP_ALGID) ret = agreed_to_session(key, *(const ALG_ID *)pbData);
    else ret = dh_set_group(key, dwParam, (const CRYPT_DATA_BLOB *)pbData);
    key_put(key);
    return ret;
}

/* KP_P, KP_Q (DSS), KP_G: the numbers little-endian [doc]. */
BOOL WINAPI dss_get_key_param(HCRYPTPROV hProv, HCRYPTKEY hKey, DWORD dwParam, BYTE *pbData, DWORD *pdwDataLen,
                              DWORD dwFlags)
{
    BYTE buf[512];
    struct csp_key *key;
    enum dss_kind kind;
    BOOL ret;

    if (dwParam != KP_P && dwParam != KP_G && dwParam != KP_Q)
        return CPGetKeyParam(hProv, hKey, dwParam, pbData, pdwDataLen, dwFlags);
    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (dwFlags) return csp_fail(NTE_BAD_FLAGS);
    if (!(key = key_get(hKey))) return FALSE;
    kind = dss_kind(key);
    if (!pdwDataLen) ret = csp_fail(ERROR_INVALID_PARAMETER);
    else if ((kind != KIND_DSA && kind != KIND_DH) || (kind == KIND_DH && dwParam == KP_Q) || key->key_len > sizeof(buf))
        ret = csp_fail(NTE_BAD_TYPE);   /* as for any parameter a key lacks [wine-impl] */
    else if (dwParam == KP_Q)
    {
        le_from_be(buf, ((const struct canon_dsa *)key->rsa)->q, Q_LEN);
        ret = copy_param(pbData, pdwDataLen, buf, Q_LEN);
    }
    else
    {
        le_from_be(buf, canon_num(key, dwParam == KP_P ? 0 : 1), key->key_len);
        ret = copy_param(pbData, pdwDataLen, buf, key->key_len);
    }
    key_put(key);
    return ret;
}

/* ---- CPImportKey / CPExportKey --------------------------------------------------------------- */

static BOOL dss_import_public(struct csp_prov *prov, HCRYPTPROV owner, const BYTE *data, DWORD len, DWORD flags,
                              HCRYPTKEY *handle)
{
    struct csp_key *key;
    DWORD bits, canon_len;
    BYTE *canon;

    if (!dsa_canon(prov, data, len, FALSE, &canon, &canon_len, &bits)) return FALSE;
    if (!(key = asym_key(prov, CALG_DSS_SIGN, flags, bits / 8, canon, canon_len, FALSE))) return FALSE;
    return key_publish(key, owner, handle);
}

/* A key pair becomes the container's pair of its kind [wine-test: CryptSignHash then finds it]. */
static BOOL dss_import_private(struct csp_prov *prov, HCRYPTPROV owner, const BYTE *data, DWORD len, DWORD flags,
                               HCRYPTKEY *handle)
{
    struct csp_key *key;

    if (!(key = dss_key_from_private(prov, data, len, flags))) return FALSE;
    dss_install(key);
    return key_publish(key, owner, handle);
}

BOOL WINAPI dss_import_key(HCRYPTPROV hProv, const BYTE *pbData, DWORD dwDataLen, HCRYPTKEY hPubKey, DWORD dwFlags,
                           HCRYPTKEY *phKey)
{
    const BLOBHEADER *hdr = (const BLOBHEADER *)pbData;
    struct csp_prov *prov;
    BOOL ret = FALSE;

    if (!pbData || dwDataLen < sizeof(*hdr) || !phKey
        || (hdr->bType != PUBLICKEYBLOB && hdr->bType != PRIVATEKEYBLOB && hdr->bType != SIMPLEBLOB))
        return CPImportKey(hProv, pbData, dwDataLen, hPubKey, dwFlags, phKey);   /* plaintext keys, errors */
    TRACE("%Iu, %p, %lu, %Iu, %#lx, %p\n", hProv, pbData, dwDataLen, hPubKey, dwFlags, phKey);

    if (!(prov = prov_get(hProv))) return FALSE;
    if (hdr->reserved || (hdr->bVersion != CUR_BLOB_VERSION && hdr->bVersion != 3)) SetLastError(NTE_BAD_DATA);
    else if (hdr->bType == SIMPLEBLOB) not_done("SIMPLEBLOB", NTE_BAD_TYPE);
    else if (!is_dss_algid(hdr->aiKeyAlg)) SetLastError(NTE_BAD_ALGID);   /* an RSA blob [hypothesis] */
    else if (hdr->bType == PUBLICKEYBLOB && hdr->aiKeyAlg != CALG_DSS_SIGN)
        ret = dh_agree(prov, hProv, pbData, dwDataLen, hPubKey, dwFlags, phKey);
    else if (hdr->bType == PUBLICKEYBLOB) ret = dss_import_public(prov, hProv, pbData, dwDataLen, dwFlags, phKey);
    else if (hPubKey) not_done("an encrypted PRIVATEKEYBLOB", NTE_BAD_KEY);
    else ret = dss_import_private(prov, hProv, pbData, dwDataLen, dwFlags, phKey);
    prov_put(prov);
    return ret;
}

BOOL WINAPI dss_export_key(HCRYPTPROV hProv, HCRYPTKEY hKey, HCRYPTKEY hPubKey, DWORD dwBlobType, DWORD dwFlags,
                           BYTE *pbData, DWORD *pdwDataLen)
{
    struct csp_key *key;
    enum dss_kind kind;
    BOOL ret = FALSE;

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (!(key = key_get(hKey))) return FALSE;
    kind = dss_kind(key);
    if ((kind == KIND_OTHER && dwBlobType != SIMPLEBLOB)
        || (dwBlobType != PUBLICKEYBLOB && dwBlobType != PRIVATEKEYBLOB && dwBlobType != SIMPLEBLOB))
    {
        key_put(key);
        return CPExportKey(hProv, hKey, hPubKey, dwBlobType, dwFlags, pbData, pdwDataLen);
    }
    TRACE("%Iu, %Iu, %Iu, %lu, %#lx, %p, %p\n", hProv, hKey, hPubKey, dwBlobType, dwFlags, pbData, pdwDataLen);

    if (!pdwDataLen) SetLastError(ERROR_INVALID_PARAMETER);
    else if (dwBlobType == SIMPLEBLOB) not_done("SIMPLEBLOB", NTE_BAD_TYPE);
    else if (kind == KIND_AGREED) SetLastError(NTE_BAD_KEY);        /* hypothesis: a secret has no blob */
    else if (dwBlobType == PUBLICKEYBLOB)
    {
        if (hPubKey) SetLastError(NTE_BAD_KEY);                      /* as rsaenh [wine-impl] */
        else if (kind == KIND_DH && !key->rsa_private) SetLastError(NTE_BAD_KEY_STATE);   /* before KP_X */
        else ret = capi_export(key, FALSE, pbData, pdwDataLen);
    }
    else if (hPubKey) not_done("an encrypted PRIVATEKEYBLOB", NTE_BAD_KEY);
    else ret = dss_export_private(key, FALSE, pbData, pdwDataLen);
    key_put(key);
    return ret;
}

/* ---- signatures -------------------------------------------------------------------------- */

/* DSS signs SHA-1 hashes only [doc: "must be used for DSS signatures"]; others NTE_BAD_ALGID [hypothesis].
 * sDescription is hashed in, as rsaenh does [wine-impl]. */
static BOOL dss_digest(struct csp_hash *hash, LPCWSTR description)
{
    if (hash->algid != CALG_SHA1 || hash->hash_len != 20) return csp_fail(NTE_BAD_ALGID);
    if (description && !hash_update_data(hash, (const BYTE *)description, lstrlenW(description) * sizeof(WCHAR)))
        return FALSE;
    return hash_finish(hash);
}

/* CPSignHash of dssenh.dll: 40 bytes with the container's DSS key; NULL asks the length [wine-test]. */
BOOL WINAPI dss_sign_hash(HCRYPTPROV hProv, HCRYPTHASH hHash, DWORD dwKeySpec, LPCWSTR sDescription, DWORD dwFlags,
                          BYTE *pbSignature, DWORD *pdwSigLen)
{
    struct csp_key *key = NULL;
    struct csp_prov *prov;
    struct csp_hash *hash;
    BOOL ret = FALSE;

    TRACE("%Iu, %Iu, %lu, %p, %#lx, %p, %p\n", hProv, hHash, dwKeySpec, sDescription, dwFlags, pbSignature,
          pdwSigLen);

    if (!(prov = prov_get(hProv))) return FALSE;
    if (!(hash = hash_get(hHash)))
    {
        prov_put(prov);
        return FALSE;
    }
    if (dwFlags) SetLastError(NTE_BAD_FLAGS);   /* hypothesis: CRYPT_NOHASHOID has no meaning for DSS */
    else if (!pdwSigLen) SetLastError(ERROR_INVALID_PARAMETER);
    else if (dwKeySpec != AT_KEYEXCHANGE && dwKeySpec != AT_SIGNATURE) SetLastError(NTE_BAD_ALGID);   /* [doc] */
    else if (!(key = container_key(prov, dwKeySpec == AT_SIGNATURE ? PAIR_SIGNATURE : PAIR_EXCHANGE)))
        SetLastError(NTE_NO_KEY);   /* [doc] */
    else if (dss_kind(key) != KIND_DSA) SetLastError(NTE_BAD_KEY);   /* a DH key does not sign [hypothesis] */
    else if (!pbSignature)
    {
        *pdwSigLen = SIG_LEN;
        ret = TRUE;
    }
    else if (*pdwSigLen < SIG_LEN)
    {
        *pdwSigLen = SIG_LEN;
        SetLastError(ERROR_MORE_DATA);
    }
    else if (dss_digest(hash, sDescription) && glue_dsa_sign(key, hash->value, pbSignature))
    {
        *pdwSigLen = SIG_LEN;
        ret = TRUE;
    }
    if (key) key_put(key);
    hash_put(hash);
    prov_put(prov);
    return ret;
}

/* A signature of another length than 40 bytes is NTE_BAD_SIGNATURE, as in rsaenh [hypothesis]. */
BOOL WINAPI dss_verify_signature(HCRYPTPROV hProv, HCRYPTHASH hHash, const BYTE *pbSignature, DWORD dwSigLen,
                                 HCRYPTKEY hPubKey, LPCWSTR sDescription, DWORD dwFlags)
{
    struct csp_hash *hash;
    struct csp_key *key;
    BOOL ret = FALSE;

    TRACE("%Iu, %Iu, %p, %lu, %Iu, %p, %#lx\n", hProv, hHash, pbSignature, dwSigLen, hPubKey, sDescription, dwFlags);

    if (!handle_valid(hProv, CSP_TYPE_PROV)) return csp_fail(NTE_BAD_UID);
    if (!(hash = hash_get(hHash))) return FALSE;
    if (!(key = key_get(hPubKey)))
    {
        hash_put(hash);
        return FALSE;
    }
    if (dwFlags) SetLastError(NTE_BAD_FLAGS);
    else if (dss_kind(key) != KIND_DSA) SetLastError(NTE_BAD_KEY);
    else if (dwSigLen != SIG_LEN) SetLastError(NTE_BAD_SIGNATURE);
    else if (!pbSignature) SetLastError(ERROR_INVALID_PARAMETER);
    else if (dss_digest(hash, sDescription)) ret = glue_dsa_verify(key, hash->value, pbSignature);
    key_put(key);
    hash_put(hash);
    return ret;
}

/* ---- CPEncrypt / CPDecrypt --------------------------------------------------------------- */

/* DSS and DH keys, and agreed keys before KP_ALGID, encrypt nothing: NTE_BAD_KEY [hypothesis]. */
static BOOL refuses_data(HCRYPTPROV hProv, HCRYPTKEY hKey)
{
    struct csp_key *key;
    BOOL refuse;

    if (!handle_valid(hProv, CSP_TYPE_PROV) || !(key = key_get(hKey))) return FALSE;
    refuse = dss_kind(key) != KIND_OTHER;
    key_put(key);
    return refuse;
}

BOOL WINAPI dss_encrypt(HCRYPTPROV hProv, HCRYPTKEY hKey, HCRYPTHASH hHash, BOOL Final, DWORD dwFlags, BYTE *pbData,
                        DWORD *pdwDataLen, DWORD dwBufLen)
{
    if (refuses_data(hProv, hKey)) return csp_fail(NTE_BAD_KEY);
    return CPEncrypt(hProv, hKey, hHash, Final, dwFlags, pbData, pdwDataLen, dwBufLen);
}

BOOL WINAPI dss_decrypt(HCRYPTPROV hProv, HCRYPTKEY hKey, HCRYPTHASH hHash, BOOL Final, DWORD dwFlags, BYTE *pbData,
                        DWORD *pdwDataLen)
{
    if (refuses_data(hProv, hKey)) return csp_fail(NTE_BAD_KEY);
    return CPDecrypt(hProv, hKey, hHash, Final, dwFlags, pbData, pdwDataLen);
}
