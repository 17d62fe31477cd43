/*
 * Provider personalities as data.  One rsaenh.dll serves five provider names;
 * each personality is the list of capability rows whose mask names it, in
 * table order (which is also the PP_ENUMALGS order).  Where personalities
 * differ (Base's shorter keys, Schannel's protocol flags) a row has variants;
 * everything else is one row for all.
 */
#include "csp_private.h"

DEFAULT_DEBUG_CHANNEL(crypt);

/* [doc] names and types (reference §5.1). */
const struct csp_provider csp_providers[PERS_COUNT] =
{
    [PERS_BASE]     = { MS_DEF_PROV_A,             PROV_RSA_FULL },
    [PERS_STRONG]   = { MS_STRONG_PROV_A,          PROV_RSA_FULL },
    [PERS_ENHANCED] = { MS_ENHANCED_PROV_A,        PROV_RSA_FULL },
    [PERS_SCHANNEL] = { MS_DEF_RSA_SCHANNEL_PROV_A, PROV_RSA_SCHANNEL },
    [PERS_AES]      = { MS_ENH_RSA_AES_PROV_A,     PROV_RSA_AES },
    /* dssenh.dll's */
    [PERS_DSS]          = { MS_DEF_DSS_PROV_A,         PROV_DSS },
    [PERS_DSS_DH]       = { MS_DEF_DSS_DH_PROV_A,      PROV_DSS_DH },
    [PERS_DSS_ENHANCED] = { MS_ENH_DSS_DH_PROV_A,      PROV_DSS_DH },
    [PERS_DH_SCHANNEL]  = { MS_DEF_DH_SCHANNEL_PROV_A, PROV_DH_SCHANNEL },
};

BOOL provider_is_dss(enum csp_personality pers)
{
    return pers >= PERS_DSS && pers <= PERS_DH_SCHANNEL;
}

/* The DLL a provider name is registered with [doc, reference 5.1]. */
const char *provider_image(enum csp_personality pers)
{
    return provider_is_dss(pers) ? "dssenh.dll" : "rsaenh.dll";
}

/* Chosen from the provider name advapi32 passes in the VTableProvStruc, as
 * Wine's rsaenh does; an unknown name is the Strong provider [wine-impl]. */
enum csp_personality provider_from_name(const char *name, DWORD type)
{
    enum csp_personality pers;

    if (name)
    {
        if (!strcmp(name, MS_ENH_RSA_AES_PROV_XP_A)) return PERS_AES;
        for (pers = 0; pers < PERS_COUNT; pers++)
            if (!strcmp(name, csp_providers[pers].name)) return pers;
        return PERS_STRONG;
    }
    /* no name (a version 1 or 2 VTableProvStruc): the type's provider */
    if (type == PROV_RSA_AES) return PERS_AES;
    if (type == PROV_RSA_SCHANNEL) return PERS_SCHANNEL;
    if (type == PROV_DSS) return PERS_DSS;
    if (type == PROV_DSS_DH) return PERS_DSS_ENHANCED;   /* hypothesis: the type's default provider */
    if (type == PROV_DH_SCHANNEL) return PERS_DH_SCHANNEL;
    return PERS_STRONG;
}

#define B   (1u << PERS_BASE)
#define S   (1u << PERS_STRONG)
#define E   (1u << PERS_ENHANCED)
#define C   (1u << PERS_SCHANNEL)
#define A   (1u << PERS_AES)
#define ALL (B | S | E | C | A)
#define DB   (1u << PERS_DSS)
#define DD   (1u << PERS_DSS_DH)
#define DE   (1u << PERS_DSS_ENHANCED)
#define DS   (1u << PERS_DH_SCHANNEL)
#define DALL (DB | DD | DE | DS)

#define SCH_PROTOCOLS (CRYPT_FLAG_PCT1 | CRYPT_FLAG_SSL2 | CRYPT_FLAG_SSL3 | CRYPT_FLAG_TLS1)
#define SIGN_IPSEC    (CRYPT_FLAG_SIGNING | CRYPT_FLAG_IPSEC)

struct cap_row
{
    ALG_ID      algid;
    DWORD       def_bits, min_bits, max_bits;
    DWORD       protocols;
    BOOL        schannel_protocols;  /* Schannel adds SCH_PROTOCOLS */
    const char *name;
    const char *long_name;
    UINT        personalities;
};

/* Lengths: reference §5.4 ([doc] for session ciphers, [wine-impl] for the rest);
 * names and flags as Wine's table lists them [wine-impl]. */
static const struct cap_row cap_rows[] =
{
    { CALG_RC2,        40,  40,    56, 0, FALSE, "RC2", "RSA Data Security's RC2", B },
    { CALG_RC2,       128,  40,   128, 0, TRUE,  "RC2", "RSA Data Security's RC2", S | E | C | A },
    { CALG_RC4,        40,  40,    56, 0, FALSE, "RC4", "RSA Data Security's RC4", B },
    { CALG_RC4,       128,  40,   128, 0, TRUE,  "RC4", "RSA Data Security's RC4", S | E | C | A },
    { CALG_DES,        56,  56,    56, 0, TRUE,  "DES", "Data Encryption Standard (DES)", ALL },
    { CALG_3DES_112,  112, 112,   112, 0, TRUE,  "3DES TWO KEY", "Two Key Triple DES", S | E | C | A },
    { CALG_3DES,      168, 168,   168, 0, TRUE,  "3DES", "Three Key Triple DES", S | E | C | A },
    { CALG_AES,       128, 128,   128, 0, FALSE, "AES", "Advanced Encryption Standard (AES)", A },
    { CALG_AES_128,   128, 128,   128, 0, FALSE, "AES-128", "Advanced Encryption Standard (AES-128)", A },
    { CALG_AES_192,   192, 192,   192, 0, FALSE, "AES-192", "Advanced Encryption Standard (AES-192)", A },
    { CALG_AES_256,   256, 256,   256, 0, FALSE, "AES-256", "Advanced Encryption Standard (AES-256)", A },
    { CALG_SHA1,      160, 160,   160, CRYPT_FLAG_SIGNING, TRUE, "SHA-1", "Secure Hash Algorithm (SHA-1)", ALL },
    { CALG_SHA_256,   256, 256,   256, CRYPT_FLAG_SIGNING, FALSE, "SHA-256", "Secure Hash Algorithm (SHA-256)", A },
    { CALG_SHA_384,   384, 384,   384, CRYPT_FLAG_SIGNING, FALSE, "SHA-384", "Secure Hash Algorithm (SHA-384)", A },
    { CALG_SHA_512,   512, 512,   512, CRYPT_FLAG_SIGNING, FALSE, "SHA-512", "Secure Hash Algorithm (SHA-512)", A },
    { CALG_MD2,       128, 128,   128, CRYPT_FLAG_SIGNING, FALSE, "MD2", "Message Digest 2 (MD2)", B | S | E | A },
    { CALG_MD4,       128, 128,   128, CRYPT_FLAG_SIGNING, FALSE, "MD4", "Message Digest 4 (MD4)", B | S | E | A },
    { CALG_MD5,       128, 128,   128, CRYPT_FLAG_SIGNING, TRUE, "MD5", "Message Digest 5 (MD5)", ALL },
    { CALG_SSL3_SHAMD5, 288, 288, 288, 0, FALSE, "SSL3 SHAMD5", "SSL3 SHAMD5", ALL },
    { CALG_MAC,         0,   0,     0, 0, FALSE, "MAC", "Message Authentication Code", ALL },
    { CALG_RSA_SIGN,  512, 384, 16384, SIGN_IPSEC, FALSE, "RSA_SIGN", "RSA Signature", B },
    { CALG_RSA_SIGN, 1024, 384, 16384, SIGN_IPSEC, FALSE, "RSA_SIGN", "RSA Signature", S | E | A },
    { CALG_RSA_SIGN, 1024, 384, 16384, CRYPT_FLAG_SIGNING, TRUE, "RSA_SIGN", "RSA Signature", C },
    { CALG_RSA_KEYX,  512, 384,  1024, SIGN_IPSEC, FALSE, "RSA_KEYX", "RSA Key Exchange", B },
    { CALG_RSA_KEYX, 1024, 384, 16384, SIGN_IPSEC, FALSE, "RSA_KEYX", "RSA Key Exchange", S | E | A },
    { CALG_RSA_KEYX, 1024, 384, 16384, CRYPT_FLAG_SIGNING, TRUE, "RSA_KEYX", "RSA Key Exchange", C },
    { CALG_HMAC,        0,   0,     0, 0, FALSE, "HMAC", "Hugo's MAC (HMAC)", ALL },
    { CALG_PCT1_MASTER, 128, 128, 128, CRYPT_FLAG_PCT1, FALSE, "PCT1 MASTER", "PCT1 Master", C },
    { CALG_SSL2_MASTER,  40,  40, 192, CRYPT_FLAG_SSL2, FALSE, "SSL2 MASTER", "SSL2 Master", C },
    { CALG_SSL3_MASTER, 384, 384, 384, CRYPT_FLAG_SSL3, FALSE, "SSL3 MASTER", "SSL3 Master", C },
    { CALG_TLS1_MASTER, 384, 384, 384, CRYPT_FLAG_TLS1, FALSE, "TLS1 MASTER", "TLS1 Master", C },
    { CALG_SCHANNEL_MASTER_HASH, 0, 0, ~0u, 0, FALSE, "SCH MASTER HASH", "SChannel Master Hash", C },
    { CALG_SCHANNEL_MAC_KEY,     0, 0, ~0u, 0, FALSE, "SCH MAC KEY", "SChannel MAC Key", C },
    { CALG_SCHANNEL_ENC_KEY,     0, 0, ~0u, 0, FALSE, "SCH ENC KEY", "SChannel Encryption Key", C },
    { CALG_TLS1PRF,              0, 0, ~0u, 0, FALSE, "TLS1 PRF", "TLS1 Pseudo Random Function", C },

    /* dssenh.dll: Base DSS (DB) signs and hashes only; Base DSS/DH (DD) has the
     * Base lengths; Enhanced (DE) and DH Schannel (DS) the long ones.  Order
     * and default lengths [doc: provider algorithm tables]; DSS 512..1024,
     * DH 512..1024 (Base) or 512..4096 [wine-test]; names of the DSS row
     * [wine-impl], of the DH and CYLINK rows a hypothesis. */
    { CALG_CYLINK_MEK,  40,  40,    40, 0, FALSE, "CYLINK MEK", "Cylink MEK", DD | DE | DS },
    { CALG_RC2,         40,  40,    56, 0, FALSE, "RC2", "RSA Data Security's RC2", DD },
    { CALG_RC2,        128,  40,   128, 0, FALSE, "RC2", "RSA Data Security's RC2", DE | DS },
    { CALG_RC4,         40,  40,    56, 0, FALSE, "RC4", "RSA Data Security's RC4", DD },
    { CALG_RC4,        128,  40,   128, 0, FALSE, "RC4", "RSA Data Security's RC4", DE | DS },
    { CALG_DES,         56,  56,    56, 0, FALSE, "DES", "Data Encryption Standard (DES)", DD | DE | DS },
    /* the Base DSS/DH provider makes 3DES keys of agreed keys too [wine-test] */
    { CALG_3DES_112,   112, 112,   112, 0, FALSE, "3DES TWO KEY", "Two Key Triple DES", DD | DE | DS },
    { CALG_3DES,       168, 168,   168, 0, FALSE, "3DES", "Three Key Triple DES", DD | DE | DS },
    { CALG_SHA1,       160, 160,   160, CRYPT_FLAG_SIGNING, FALSE, "SHA-1", "Secure Hash Algorithm (SHA-1)", DALL },
    { CALG_MD5,        128, 128,   128, 0, FALSE, "MD5", "Message Digest 5 (MD5)", DALL },
    { CALG_DSS_SIGN,  1024, 512,  1024, CRYPT_FLAG_SIGNING, FALSE, "DSA_SIGN", "Digital Signature Algorithm", DALL },
    { CALG_DH_SF,      512, 512,  1024, 0, FALSE, "DH_KEYX", "Diffie-Hellman Key Exchange Algorithm", DD },
    { CALG_DH_SF,     1024, 512,  4096, 0, FALSE, "DH_KEYX", "Diffie-Hellman Key Exchange Algorithm", DE | DS },
    { CALG_DH_EPHEM,   512, 512,  1024, 0, FALSE, "DH_KEYX", "Diffie-Hellman Key Exchange Algorithm", DD },
    { CALG_DH_EPHEM,  1024, 512,  4096, 0, FALSE, "DH_KEYX", "Diffie-Hellman Key Exchange Algorithm", DE | DS },
};

/* The personality's view of a row, as PROV_ENUMALGS_EX.  Lengths count the NUL. */
static void row_fill(const struct cap_row *row, enum csp_personality pers, PROV_ENUMALGS_EX *out)
{
    memset(out, 0, sizeof(*out));
    out->aiAlgid      = row->algid;
    out->dwDefaultLen = row->def_bits;
    out->dwMinLen     = row->min_bits;
    out->dwMaxLen     = row->max_bits;
    out->dwProtocols  = row->protocols | (pers == PERS_SCHANNEL && row->schannel_protocols ? SCH_PROTOCOLS : 0);
    lstrcpynA(out->szName, row->name, sizeof(out->szName));
    out->dwNameLen = strlen(out->szName) + 1;
    lstrcpynA(out->szLongName, row->long_name, sizeof(out->szLongName));
    out->dwLongNameLen = strlen(out->szLongName) + 1;
}

/* PP_ENUMALGS(_EX) row number index of the personality. */
BOOL provider_enum_alg(enum csp_personality pers, DWORD index, PROV_ENUMALGS_EX *out)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(cap_rows); i++)
    {
        if (!(cap_rows[i].personalities & (1u << pers))) continue;
        if (!index--)
        {
            row_fill(&cap_rows[i], pers, out);
            return TRUE;
        }
    }
    return FALSE;
}

/* The personality's row for algid; FALSE means NTE_BAD_ALGID. */
BOOL provider_alg(enum csp_personality pers, ALG_ID algid, PROV_ENUMALGS_EX *out)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(cap_rows); i++)
    {
        if (cap_rows[i].algid != algid || !(cap_rows[i].personalities & (1u << pers))) continue;
        row_fill(&cap_rows[i], pers, out);
        return TRUE;
    }
    return FALSE;
}

/* Session ciphers CryptGenKey makes.  CALG_AES itself is listed but not a key
 * type (CryptGenKey(CALG_AES) fails with NTE_BAD_ALGID [wine-test]).  Storage
 * lengths: DES 64 bits for 56 named, 3DES_112 128 for 112, 3DES 192 for 168 [wine-impl]. */
static const struct csp_cipher ciphers[] =
{
    { CALG_RC2,      BRIDGE_CIPHER_RC2,  8,   0,   0, TRUE },
    { CALG_RC4,      BRIDGE_CIPHER_RC4,  0,   0,   0, TRUE },
    { CALG_DES,      BRIDGE_CIPHER_DES,  8,  64,  56, FALSE },
    { CALG_3DES_112, BRIDGE_CIPHER_3DES, 8, 128, 112, FALSE },
    { CALG_3DES,     BRIDGE_CIPHER_3DES, 8, 192, 168, FALSE },
    { CALG_AES_128,  BRIDGE_CIPHER_AES, 16,   0,   0, FALSE },
    { CALG_AES_192,  BRIDGE_CIPHER_AES, 16,   0,   0, FALSE },
    { CALG_AES_256,  BRIDGE_CIPHER_AES, 16,   0,   0, FALSE },
    /* public keys only so far (rsa.c) */
    { CALG_RSA_KEYX, BRIDGE_CIPHER_NONE, 0,   0,   0, FALSE, TRUE },
    { CALG_RSA_SIGN, BRIDGE_CIPHER_NONE, 0,   0,   0, FALSE, TRUE },
    /* dssenh.dll's key pairs and agreed DH keys (dss.c) */
    { CALG_DSS_SIGN, BRIDGE_CIPHER_NONE, 0,   0,   0, FALSE, TRUE },
    { CALG_DH_SF,    BRIDGE_CIPHER_NONE, 0,   0,   0, FALSE, TRUE },
    { CALG_DH_EPHEM, BRIDGE_CIPHER_NONE, 0,   0,   0, FALSE, TRUE },
    { CALG_AGREEDKEY_ANY, BRIDGE_CIPHER_NONE, 0, 0, 0, FALSE, TRUE },
};

const struct csp_cipher *cipher_from_algid(ALG_ID algid)
{
    size_t i;

    for (i = 0; i < ARRAY_SIZE(ciphers); i++)
        if (ciphers[i].algid == algid) return &ciphers[i];
    return NULL;
}
