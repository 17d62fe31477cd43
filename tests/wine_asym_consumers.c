/*
 * Wine's own DLLs that reach asymmetric CNG keep working on the bcrypt.dll
 * under test (issue 4):
 *
 *   crypt32   certificate signatures: ECDSA through BCryptImportKeyPair +
 *             BCryptVerifySignature (RSA goes through the CAPI provider in
 *             Wine, so it is checked for the round trip only), and
 *             CryptImportPublicKeyInfoEx2, which hands out a BCrypt key;
 *   ncrypt    the software KSP is a thin layer over bcrypt in Wine: import,
 *             sign, verify, export;
 *   dssenh    the DSS/DH CSP keeps its DSA keys in bcrypt.
 *
 * Every expected value is what Windows does, so the exe is meant to be green
 * there too.  Where Wine's consumer DLL itself lacks a feature (it fails the
 * same way on Wine's builtin bcrypt), the check is skipped with a note that
 * names the Wine version; that is not a bcrypt failure.  Keys and
 * certificates are in wine_asym_consumers_data.h.
 */
#include "winetest.h"
#include <wincrypt.h>
#include <bcrypt.h>
#include <ncrypt.h>
#include "cng_compat.h"
#include "wine_asym_consumers_data.h"

static const BYTE message[] = "Wine's consumers of asymmetric CNG";

static const char *wine_version(void)
{
    const char *(CDECL *get)(void) = (void *)GetProcAddress(GetModuleHandleA("ntdll.dll"), "wine_get_version");
    return get ? get() : "?";
}

/*
 * The last error after a rejected signature: NTE_BAD_SIGNATURE on Windows
 * (doc for CryptVerifySignature; hypothesis for the certificate calls).  Where
 * a Wine 8 consumer DLL loses the status on its own side (the value
 * wine_value, the same on every bcrypt), the check is skipped with a note.
 */
#define check_sig_error(error, wine_value, what) check_sig_error_(__FILE__, __LINE__, error, wine_value, what)
static void check_sig_error_(const char *file, int line, DWORD error, DWORD wine_value, const char *what)
{
    if (winetest_on_wine() && error == wine_value)
        skip_(file, line)("Wine %s: %s reports %#lx, not NTE_BAD_SIGNATURE\n", wine_version(), what, error);
    else ok_(file, line)(error == (DWORD)NTE_BAD_SIGNATURE, "%s: got error %#lx\n", what, error);
}

static void reverse_copy(BYTE *dst, const BYTE *src, DWORD len)
{
    DWORD i;
    for (i = 0; i < len; i++) dst[i] = src[len - 1 - i];
}

static ULONG hash_bytes(BCRYPT_ALG_HANDLE alg, const BYTE *data, ULONG len, BYTE *out, ULONG out_len)
{
    NTSTATUS status = BCryptHash(alg, NULL, 0, (UCHAR *)data, len, out, out_len);
    ok(status == STATUS_SUCCESS, "BCryptHash: got %#lx\n", status);   /* doc */
    return status ? 0 : out_len;
}

/* The CNG public blobs of the two carried private keys. */
static ULONG rsa_public_blob(BYTE *buf)
{
    BCRYPT_RSAKEY_BLOB *hdr = (BCRYPT_RSAKEY_BLOB *)buf;
    hdr->Magic = BCRYPT_RSAPUBLIC_MAGIC;
    hdr->BitLength = sizeof(rsa_n) * 8;
    hdr->cbPublicExp = sizeof(rsa_e);
    hdr->cbModulus = sizeof(rsa_n);
    hdr->cbPrime1 = hdr->cbPrime2 = 0;
    memcpy(buf + sizeof(*hdr), rsa_e, sizeof(rsa_e));
    memcpy(buf + sizeof(*hdr) + sizeof(rsa_e), rsa_n, sizeof(rsa_n));
    return sizeof(*hdr) + sizeof(rsa_e) + sizeof(rsa_n);
}

static ULONG rsa_private_blob(BYTE *buf)
{
    BCRYPT_RSAKEY_BLOB *hdr = (BCRYPT_RSAKEY_BLOB *)buf;
    ULONG len = rsa_public_blob(buf);
    hdr->Magic = BCRYPT_RSAPRIVATE_MAGIC;
    hdr->cbPrime1 = sizeof(rsa_p);
    hdr->cbPrime2 = sizeof(rsa_q);
    memcpy(buf + len, rsa_p, sizeof(rsa_p));
    memcpy(buf + len + sizeof(rsa_p), rsa_q, sizeof(rsa_q));
    return len + sizeof(rsa_p) + sizeof(rsa_q);
}

static ULONG p256_blob(BYTE *buf, ULONG magic, BOOL private)
{
    BCRYPT_ECCKEY_BLOB *hdr = (BCRYPT_ECCKEY_BLOB *)buf;
    hdr->dwMagic = magic;
    hdr->cbKey = 32;
    memcpy(buf + sizeof(*hdr), p256_x, 32);
    memcpy(buf + sizeof(*hdr) + 32, p256_y, 32);
    if (private) memcpy(buf + sizeof(*hdr) + 64, p256_d, 32);
    return sizeof(*hdr) + (private ? 96 : 64);
}

/* ------------------------------------------------------------------ */
/* crypt32                                                            */
/* ------------------------------------------------------------------ */

struct cert_case
{
    const char *name;
    const BYTE *der;
    DWORD der_len;
    const BYTE *sig;          /* the signature value, big-endian (r||s for ECDSA) */
    ULONG sig_len;
    BCRYPT_ALG_HANDLE hash;   /* the signature's digest */
    const WCHAR *hash_name;
    ULONG hash_len;
    ULONG key_bits;
    BOOL rsa;
};

static const struct cert_case certs[] =
{
    { "RSA-2048/SHA-256", cert_rsa2048, sizeof(cert_rsa2048), sig_rsa2048, sizeof(sig_rsa2048),
      BCRYPT_SHA256_ALG_HANDLE, BCRYPT_SHA256_ALGORITHM, 32, 2048, TRUE },
    { "P-256/SHA-256", cert_p256, sizeof(cert_p256), sig_p256, sizeof(sig_p256),
      BCRYPT_SHA256_ALG_HANDLE, BCRYPT_SHA256_ALGORITHM, 32, 256, FALSE },
    { "P-384/SHA-384", cert_p384, sizeof(cert_p384), sig_p384, sizeof(sig_p384),
      BCRYPT_SHA384_ALG_HANDLE, BCRYPT_SHA384_ALGORITHM, 48, 384, FALSE },
};

/* CryptVerifyCertificateSignatureEx on an encoded certificate against a public key. */
static BOOL verify_blob(const BYTE *der, DWORD len, CERT_PUBLIC_KEY_INFO *spki, DWORD *error)
{
    CRYPT_DATA_BLOB blob = { len, (BYTE *)der };
    BOOL ret;

    SetLastError(0xdeadbeef);
    ret = CryptVerifyCertificateSignatureEx(0, X509_ASN_ENCODING, CRYPT_VERIFY_CERT_SIGN_SUBJECT_BLOB, &blob,
                                            CRYPT_VERIFY_CERT_SIGN_ISSUER_PUBKEY, spki, 0, NULL);
    *error = GetLastError();
    return ret;
}

static NTSTATUS verify_hash(BCRYPT_KEY_HANDLE key, const struct cert_case *c, const BYTE *hash, const BYTE *sig)
{
    BCRYPT_PKCS1_PADDING_INFO pad = { c->hash_name };
    return BCryptVerifySignature(key, c->rsa ? &pad : NULL, (UCHAR *)hash, c->hash_len, (UCHAR *)sig,
                                 c->sig_len, c->rsa ? BCRYPT_PAD_PKCS1 : 0);
}

/* The decoded certificate's to-be-signed part, hashed with the signature's digest. */
static BOOL hash_tbs(const BYTE *der, DWORD len, const struct cert_case *c, BYTE *hash,
                     CERT_SIGNED_CONTENT_INFO **info)
{
    DWORD size = 0;
    BOOL ret = CryptDecodeObjectEx(X509_ASN_ENCODING, X509_CERT, der, len, CRYPT_DECODE_ALLOC_FLAG, NULL,
                                   info, &size);
    ok(ret, "decoding X509_CERT: %#lx\n", GetLastError());   /* doc */
    if (!ret) return FALSE;
    return hash_bytes(c->hash, (*info)->ToBeSigned.pbData, (*info)->ToBeSigned.cbData, hash, c->hash_len) != 0;
}

static void test_carried_cert(const struct cert_case *c)
{
    BYTE *copy, hash[64], sig[512], reversed[512];
    CERT_SIGNED_CONTENT_INFO *info = NULL;
    BCRYPT_KEY_HANDLE key = NULL;
    PCCERT_CONTEXT cert;
    ULONG bits, size;
    DWORD error, i;
    NTSTATUS status;
    BOOL ret;

    cert = CertCreateCertificateContext(X509_ASN_ENCODING, c->der, c->der_len);
    ok(cert != NULL, "CertCreateCertificateContext: %#lx\n", GetLastError());   /* doc */
    if (!cert) return;

    SetLastError(0xdeadbeef);
    ret = CryptVerifyCertificateSignatureEx(0, X509_ASN_ENCODING, CRYPT_VERIFY_CERT_SIGN_SUBJECT_CERT, (void *)cert,
                                            CRYPT_VERIFY_CERT_SIGN_ISSUER_CERT, (void *)cert, 0, NULL);
    ok(ret, "self-signed signature rejected: %#lx\n", GetLastError());   /* doc */
    ret = verify_blob(c->der, c->der_len, &cert->pCertInfo->SubjectPublicKeyInfo, &error);
    ok(ret, "subject blob + issuer public key: rejected, %#lx\n", error);   /* doc */

    /* One flipped bit in the signature (the last byte of the DER), then in the signed name. */
    copy = HeapAlloc(GetProcessHeap(), 0, c->der_len);
    memcpy(copy, c->der, c->der_len);
    copy[c->der_len - 1] ^= 0x01;
    ret = verify_blob(copy, c->der_len, &cert->pCertInfo->SubjectPublicKeyInfo, &error);
    ok(!ret, "a flipped signature byte was accepted\n");   /* doc */
    /* Wine 8's crypt32 passes bcrypt's STATUS_INVALID_SIGNATURE through
     * RtlNtStatusToDosError, which does not map it (ERROR_MR_MID_NOT_FOUND). */
    check_sig_error(error, ERROR_MR_MID_NOT_FOUND, "crypt32, flipped signature");
    memcpy(copy, c->der, c->der_len);
    for (i = 0; i + 9 <= c->der_len; i++)
        if (!memcmp(copy + i, "consumers", 9)) { copy[i] ^= 0x20; break; }   /* "Consumers": still valid DER */
    ok(i + 9 <= c->der_len, "no subject name found\n");
    ret = verify_blob(copy, c->der_len, &cert->pCertInfo->SubjectPublicKeyInfo, &error);
    ok(!ret, "a changed subject name was accepted\n");   /* doc */
    check_sig_error(error, ERROR_MR_MID_NOT_FOUND, "crypt32, changed subject");
    HeapFree(GetProcessHeap(), 0, copy);

    /* crypt32 hands out a BCrypt key for the certificate's public key (Windows 7+ [doc]). */
    ret = CryptImportPublicKeyInfoEx2(X509_ASN_ENCODING, &cert->pCertInfo->SubjectPublicKeyInfo, 0, NULL, &key);
    ok(ret, "CryptImportPublicKeyInfoEx2: %#lx\n", GetLastError());   /* doc */
    if (ret)
    {
        bits = 0;
        status = BCryptGetProperty(key, BCRYPT_KEY_LENGTH, (UCHAR *)&bits, sizeof(bits), &size, 0);
        todo_builtin   /* doc: the key's size in bits; Wine 8: STATUS_NOT_IMPLEMENTED on asymmetric keys */
        ok(!status && bits == c->key_bits, "BCRYPT_KEY_LENGTH: got %#lx, %lu\n", status, bits);
    }
    if (key && hash_tbs(c->der, c->der_len, c, hash, &info))
    {
        CRYPT_BIT_BLOB stored = info->Signature;

        status = verify_hash(key, c, hash, c->sig);
        ok(status == STATUS_SUCCESS, "BCryptVerifySignature: got %#lx\n", status);   /* doc */
        memcpy(sig, c->sig, c->sig_len);
        sig[c->sig_len / 2] ^= 0x80;
        status = verify_hash(key, c, hash, sig);
        ok(status == STATUS_INVALID_SIGNATURE, "flipped signature: got %#lx\n", status);   /* wine-test */
        hash[0] ^= 0x01;
        status = verify_hash(key, c, hash, c->sig);
        ok(status == STATUS_INVALID_SIGNATURE, "other hash: got %#lx\n", status);   /* wine-test */

        /* crypt32 keeps a certificate's signature BIT STRING byte-reversed;
         * the built certificates below rely on it.  hypothesis (Wine's cert.c
         * reverses it back before use) */
        if (c->rsa)
        {
            reverse_copy(reversed, stored.pbData, min(stored.cbData, sizeof(reversed)));
            ok(stored.cbData == c->sig_len && !memcmp(reversed, c->sig, c->sig_len),
               "stored signature (%lu bytes) is not the reversed value\n", stored.cbData);
        }
        LocalFree(info);
    }
    status = key ? BCryptDestroyKey(key) : STATUS_SUCCESS;
    ok(status == STATUS_SUCCESS, "BCryptDestroyKey: got %#lx\n", status);   /* doc */
    CertFreeCertificateContext(cert);
}

/* DER INTEGER of a big-endian unsigned number. */
static DWORD der_uint(BYTE *out, const BYTE *num, DWORD len)
{
    DWORD pad;
    while (len > 1 && !num[0]) { num++; len--; }
    pad = (num[0] & 0x80) ? 1 : 0;
    out[0] = 0x02;
    out[1] = (BYTE)(len + pad);
    out[2] = 0;
    memcpy(out + 2 + pad, num, len);
    return 2 + pad + len;
}

/* ECDSA-Sig-Value (RFC 5480 2.2.3) of r||s; field sizes up to 48 bytes. */
static DWORD der_ecdsa_sig(BYTE *out, const BYTE *rs, DWORD rs_len)
{
    DWORD len = 2;
    len += der_uint(out + len, rs, rs_len / 2);
    len += der_uint(out + len, rs + rs_len / 2, rs_len / 2);
    out[0] = 0x30;
    out[1] = (BYTE)(len - 2);
    return len;
}

static const BYTE name_built[] =   /* CN=built */
    { 0x30, 0x10, 0x31, 0x0e, 0x30, 0x0c, 0x06, 0x03, 0x55, 0x04, 0x03, 0x0c, 0x05, 'b', 'u', 'i', 'l', 't' };
static const BYTE oid_p256[] = { 0x06, 0x08, 0x2a, 0x86, 0x48, 0xce, 0x3d, 0x03, 0x01, 0x07 };   /* RFC 5480 */
static const BYTE oid_p384[] = { 0x06, 0x05, 0x2b, 0x81, 0x04, 0x00, 0x22 };
static const BYTE der_null[] = { 0x05, 0x00 };

/*
 * A certificate signed by a key that lives in the bcrypt.dll under test
 * (generated ECDSA keys, the imported RSA key), checked by crypt32.
 */
static void test_built_cert(const struct cert_case *c, BCRYPT_KEY_HANDLE key, const BYTE *param, DWORD param_len)
{
    BYTE pub[600], spki_key[600], hash[64], sig[512], der_sig[160], bits[600], one = 1, *tbs = NULL, *der = NULL;
    BCRYPT_PKCS1_PADDING_INFO pad = { c->hash_name };
    CERT_SIGNED_CONTENT_INFO signed_info;
    CERT_INFO info;
    SYSTEMTIME st = { 2024, 1, 1, 1, 0, 0, 0, 0 };
    DWORD tbs_len, der_len, error, spki_len = 0;
    ULONG pub_len, sig_len = 0;
    BYTE *capi_der = NULL;
    NTSTATUS status;
    BOOL ret;

    memset(&info, 0, sizeof(info));
    status = BCryptExportKey(key, NULL, c->rsa ? BCRYPT_RSAPUBLIC_BLOB : BCRYPT_ECCPUBLIC_BLOB, pub, sizeof(pub),
                             &pub_len, 0);
    ok(status == STATUS_SUCCESS, "BCryptExportKey: got %#lx\n", status);   /* doc */
    if (status) return;
    if (c->rsa)   /* SubjectPublicKeyInfo through crypt32's RSA_CSP_PUBLICKEYBLOB encoder */
    {
        const BCRYPT_RSAKEY_BLOB *hdr = (const BCRYPT_RSAKEY_BLOB *)pub;
        BLOBHEADER *bh = (BLOBHEADER *)spki_key;
        RSAPUBKEY *rk = (RSAPUBKEY *)(bh + 1);
        const BYTE *e = pub + sizeof(*hdr);
        DWORD k;

        bh->bType = PUBLICKEYBLOB; bh->bVersion = CUR_BLOB_VERSION; bh->reserved = 0; bh->aiKeyAlg = CALG_RSA_KEYX;
        rk->magic = 0x31415352; rk->bitlen = hdr->BitLength; rk->pubexp = 0;
        for (k = 0; k < hdr->cbPublicExp; k++) rk->pubexp = (rk->pubexp << 8) | e[k];
        reverse_copy((BYTE *)(rk + 1), e + hdr->cbPublicExp, hdr->cbModulus);
        ret = CryptEncodeObjectEx(X509_ASN_ENCODING, RSA_CSP_PUBLICKEYBLOB, spki_key, CRYPT_ENCODE_ALLOC_FLAG, NULL,
                                  &capi_der, &spki_len);
        ok(ret, "encoding RSA_CSP_PUBLICKEYBLOB: %#lx\n", GetLastError());   /* doc */
        if (!ret) return;
        info.SubjectPublicKeyInfo.Algorithm.pszObjId = (char *)szOID_RSA_RSA;
        info.SubjectPublicKeyInfo.PublicKey.pbData = capi_der;
        info.SubjectPublicKeyInfo.PublicKey.cbData = spki_len;
        info.SignatureAlgorithm.pszObjId = (char *)szOID_RSA_SHA256RSA;
        info.SubjectPublicKeyInfo.Algorithm.Parameters.pbData = (BYTE *)der_null;
        info.SubjectPublicKeyInfo.Algorithm.Parameters.cbData = sizeof(der_null);
    }
    else          /* uncompressed point, RFC 5480 */
    {
        const BCRYPT_ECCKEY_BLOB *hdr = (const BCRYPT_ECCKEY_BLOB *)pub;
        spki_key[0] = 0x04;
        memcpy(spki_key + 1, hdr + 1, 2 * hdr->cbKey);
        info.SubjectPublicKeyInfo.Algorithm.pszObjId = (char *)szOID_ECC_PUBLIC_KEY;
        info.SubjectPublicKeyInfo.Algorithm.Parameters.pbData = (BYTE *)param;
        info.SubjectPublicKeyInfo.Algorithm.Parameters.cbData = param_len;
        info.SubjectPublicKeyInfo.PublicKey.pbData = spki_key;
        info.SubjectPublicKeyInfo.PublicKey.cbData = 1 + 2 * hdr->cbKey;
        info.SignatureAlgorithm.pszObjId = (char *)(c->hash_len == 48 ? szOID_ECDSA_SHA384 : szOID_ECDSA_SHA256);
    }
    info.dwVersion = CERT_V3;
    info.SerialNumber.cbData = 1;
    info.SerialNumber.pbData = &one;
    info.Issuer.cbData = info.Subject.cbData = sizeof(name_built);
    info.Issuer.pbData = info.Subject.pbData = (BYTE *)name_built;
    SystemTimeToFileTime(&st, &info.NotBefore);
    st.wYear = 2099;
    SystemTimeToFileTime(&st, &info.NotAfter);
    ret = CryptEncodeObjectEx(X509_ASN_ENCODING, X509_CERT_TO_BE_SIGNED, &info, CRYPT_ENCODE_ALLOC_FLAG, NULL,
                              &tbs, &tbs_len);
    ok(ret, "encoding the certificate body: %#lx\n", GetLastError());   /* doc */
    if (!ret) goto done;

    hash_bytes(c->hash, tbs, tbs_len, hash, c->hash_len);
    status = BCryptSignHash(key, c->rsa ? &pad : NULL, hash, c->hash_len, NULL, 0, &sig_len,
                            c->rsa ? BCRYPT_PAD_PKCS1 : 0);
    todo_builtin_if(!c->rsa)   /* wine-test: r||s, 2 x field size; Wine 8 reports the field size */
    ok(status == STATUS_SUCCESS && sig_len == c->sig_len, "signature size: got %#lx, %lu\n", status, sig_len);
    status = BCryptSignHash(key, c->rsa ? &pad : NULL, hash, c->hash_len, sig, c->sig_len, &sig_len,
                            c->rsa ? BCRYPT_PAD_PKCS1 : 0);
    ok(status == STATUS_SUCCESS && sig_len == c->sig_len, "BCryptSignHash: got %#lx, %lu\n", status, sig_len);   /* doc */
    if (status) goto done;
    if (c->rsa) reverse_copy(bits, sig, sig_len);   /* stored byte-reversed, see test_carried_cert */
    else
    {
        sig_len = der_ecdsa_sig(der_sig, sig, sig_len);
        reverse_copy(bits, der_sig, sig_len);
    }
    signed_info.ToBeSigned.cbData = tbs_len;
    signed_info.ToBeSigned.pbData = tbs;
    signed_info.SignatureAlgorithm = info.SignatureAlgorithm;
    signed_info.Signature.cbData = sig_len;
    signed_info.Signature.pbData = bits;
    signed_info.Signature.cUnusedBits = 0;
    ret = CryptEncodeObjectEx(X509_ASN_ENCODING, X509_CERT, &signed_info, CRYPT_ENCODE_ALLOC_FLAG, NULL,
                              &der, &der_len);
    ok(ret, "encoding the certificate: %#lx\n", GetLastError());   /* doc */
    if (!ret) goto done;
    ret = verify_blob(der, der_len, &info.SubjectPublicKeyInfo, &error);
    ok(ret, "the certificate our key signed was rejected: %#lx\n", error);   /* doc */
    der[der_len - 1] ^= 0x01;
    ret = verify_blob(der, der_len, &info.SubjectPublicKeyInfo, &error);
    ok(!ret, "flipped: accepted\n");   /* doc */
    check_sig_error(error, ERROR_MR_MID_NOT_FOUND, "crypt32, flipped signature");
done:
    LocalFree(der);
    LocalFree(tbs);
    LocalFree(capi_der);
}

static void test_built_certs(void)
{
    static const struct { BCRYPT_ALG_HANDLE alg; ULONG bits; const BYTE *param; DWORD param_len; int row; } gen[] =
    {
        { BCRYPT_ECDSA_P256_ALG_HANDLE, 256, oid_p256, sizeof(oid_p256), 1 },
        { BCRYPT_ECDSA_P384_ALG_HANDLE, 384, oid_p384, sizeof(oid_p384), 2 },
    };
    BCRYPT_KEY_HANDLE key;
    BYTE blob[1024];
    NTSTATUS status;
    ULONG len, i;

    len = rsa_private_blob(blob);
    key = NULL;
    status = BCryptImportKeyPair(BCRYPT_RSA_ALG_HANDLE, NULL, BCRYPT_RSAPRIVATE_BLOB, &key, blob, len, 0);
    ok(status == STATUS_SUCCESS, "importing the RSA private key: got %#lx\n", status);   /* doc */
    SecureZeroMemory(blob, sizeof(blob));
    if (!status)
    {
        winetest_push_context("built %s", certs[0].name);
        test_built_cert(&certs[0], key, NULL, 0);
        BCryptDestroyKey(key);
        winetest_pop_context();
    }
    for (i = 0; i < ARRAY_SIZE(gen); i++)
    {
        winetest_push_context("built %s", certs[gen[i].row].name);
        key = NULL;
        status = BCryptGenerateKeyPair(gen[i].alg, &key, gen[i].bits, 0);
        ok(status == STATUS_SUCCESS, "BCryptGenerateKeyPair: got %#lx\n", status);   /* doc */
        if (!status)
        {
            status = BCryptFinalizeKeyPair(key, 0);
            ok(status == STATUS_SUCCESS, "BCryptFinalizeKeyPair: got %#lx\n", status);   /* doc */
            if (!status) test_built_cert(&certs[gen[i].row], key, gen[i].param, gen[i].param_len);
            BCryptDestroyKey(key);
        }
        winetest_pop_context();
    }
}

START_TEST(crypt32_signatures)
{
    ULONG i;

    for (i = 0; i < ARRAY_SIZE(certs); i++)
    {
        winetest_push_context("%s", certs[i].name);
        test_carried_cert(&certs[i]);
        winetest_pop_context();
    }
    test_built_certs();
}

/* ------------------------------------------------------------------ */
/* ncrypt (loaded at run time: the tests link no ncrypt import lib)   */
/* ------------------------------------------------------------------ */

static SECURITY_STATUS (WINAPI *pNCryptOpenStorageProvider)(NCRYPT_PROV_HANDLE *, const WCHAR *, DWORD);
static SECURITY_STATUS (WINAPI *pNCryptImportKey)(NCRYPT_PROV_HANDLE, NCRYPT_KEY_HANDLE, const WCHAR *,
                                                  NCryptBufferDesc *, NCRYPT_KEY_HANDLE *, BYTE *, DWORD, DWORD);
static SECURITY_STATUS (WINAPI *pNCryptExportKey)(NCRYPT_KEY_HANDLE, NCRYPT_KEY_HANDLE, const WCHAR *,
                                                  NCryptBufferDesc *, BYTE *, DWORD, DWORD *, DWORD);
static SECURITY_STATUS (WINAPI *pNCryptSignHash)(NCRYPT_KEY_HANDLE, void *, BYTE *, DWORD, BYTE *, DWORD, DWORD *, DWORD);
static SECURITY_STATUS (WINAPI *pNCryptVerifySignature)(NCRYPT_KEY_HANDLE, void *, BYTE *, DWORD, BYTE *, DWORD, DWORD);
static SECURITY_STATUS (WINAPI *pNCryptGetProperty)(NCRYPT_HANDLE, const WCHAR *, BYTE *, DWORD, DWORD *, DWORD);
static SECURITY_STATUS (WINAPI *pNCryptFreeObject)(NCRYPT_HANDLE);

static BOOL load_ncrypt(void)
{
    HMODULE mod = LoadLibraryA("ncrypt.dll");
    if (!mod) return FALSE;
#define GET(f) if (!(p##f = (void *)GetProcAddress(mod, #f))) return FALSE
    GET(NCryptOpenStorageProvider); GET(NCryptImportKey); GET(NCryptExportKey); GET(NCryptSignHash);
    GET(NCryptVerifySignature); GET(NCryptGetProperty); GET(NCryptFreeObject);
#undef GET
    return TRUE;
}

struct ncrypt_case
{
    const char *name;
    const WCHAR *private_type, *public_type;
    ULONG (*blob)(BYTE *buf, BOOL private);
    ULONG bits;
    BOOL rsa;
    const struct cert_case *cert;   /* its certificate: the same key signed it */
};

static ULONG rsa_blob(BYTE *buf, BOOL private) { return private ? rsa_private_blob(buf) : rsa_public_blob(buf); }
static ULONG ecc_blob(BYTE *buf, BOOL private)
{ return p256_blob(buf, private ? BCRYPT_ECDSA_PRIVATE_P256_MAGIC : BCRYPT_ECDSA_PUBLIC_P256_MAGIC, private); }

static const struct ncrypt_case ncrypt_cases[] =
{
    { "RSA-2048", BCRYPT_RSAPRIVATE_BLOB, BCRYPT_RSAPUBLIC_BLOB, rsa_blob, 2048, TRUE, &certs[0] },
    { "P-256", BCRYPT_ECCPRIVATE_BLOB, BCRYPT_ECCPUBLIC_BLOB, ecc_blob, 256, FALSE, &certs[1] },
};

static void test_ncrypt_key(NCRYPT_PROV_HANDLE prov, const struct ncrypt_case *c)
{
    BCRYPT_PKCS1_PADDING_INFO pad = { BCRYPT_SHA256_ALGORITHM };
    void *padding = c->rsa ? &pad : NULL;
    DWORD flags = c->rsa ? NCRYPT_PAD_PKCS1_FLAG : 0, size, bits;
    BYTE blob[1024], expect[1024], hash[32], sig[512];
    CERT_SIGNED_CONTENT_INFO *info = NULL;
    NCRYPT_KEY_HANDLE key = 0;
    SECURITY_STATUS ret;
    ULONG len;

    len = c->blob(blob, TRUE);
    ret = pNCryptImportKey(prov, 0, c->private_type, NULL, &key, blob, len, 0);
    SecureZeroMemory(blob, sizeof(blob));
    if (!c->rsa && winetest_on_wine() && ret == NTE_INVALID_PARAMETER)
    {
        /* Wine's NCryptImportKey knows only the RSA magics (dlls/ncrypt/main.c) */
        skip("Wine %s ncrypt does not import ECC key blobs\n", wine_version());
        return;
    }
    ok(ret == ERROR_SUCCESS, "NCryptImportKey: got %#lx\n", ret);   /* doc */
    if (ret) return;

    size = bits = 0;
    ret = pNCryptGetProperty(key, NCRYPT_LENGTH_PROPERTY, (BYTE *)&bits, sizeof(bits), &size, 0);
    ok(ret == ERROR_SUCCESS && bits == c->bits, "NCRYPT_LENGTH_PROPERTY: got %#lx, %lu\n", ret, bits);   /* doc */

    /* Sign a hash and verify it; then verify the certificate's signature made by OpenSSL. */
    if (hash_bytes(BCRYPT_SHA256_ALG_HANDLE, message, sizeof(message), hash, sizeof(hash)))
    {
        size = 0;
        ret = pNCryptSignHash(key, padding, hash, sizeof(hash), NULL, 0, &size, flags);
        ok(ret == ERROR_SUCCESS && size == c->cert->sig_len, "signature size: got %#lx, %lu\n", ret, size);   /* doc */
        ret = pNCryptSignHash(key, padding, hash, sizeof(hash), sig, sizeof(sig), &size, flags);
        ok(ret == ERROR_SUCCESS && size == c->cert->sig_len, "NCryptSignHash: got %#lx, %lu\n", ret, size);   /* doc */
        if (!ret)
        {
            ret = pNCryptVerifySignature(key, padding, hash, sizeof(hash), sig, size, flags);
            ok(ret == ERROR_SUCCESS, "NCryptVerifySignature: got %#lx\n", ret);   /* doc */
            sig[3] ^= 0x10;
            ret = pNCryptVerifySignature(key, padding, hash, sizeof(hash), sig, size, flags);
            ok(ret == NTE_BAD_SIGNATURE, "flipped signature: got %#lx\n", ret);   /* doc */
        }
    }
    if (hash_tbs(c->cert->der, c->cert->der_len, c->cert, hash, &info))
    {
        ret = pNCryptVerifySignature(key, padding, hash, sizeof(hash), (BYTE *)c->cert->sig, c->cert->sig_len, flags);
        ok(ret == ERROR_SUCCESS, "verifying the certificate's signature: got %#lx\n", ret);   /* doc */
        if (c->rsa)   /* PKCS #1 v1.5 is deterministic: the same bytes as OpenSSL's (RFC 8017 8.2.1) */
        {
            ret = pNCryptSignHash(key, padding, hash, sizeof(hash), sig, sizeof(sig), &size, flags);
            ok(ret == ERROR_SUCCESS && size == c->cert->sig_len && !memcmp(sig, c->cert->sig, size),
               "re-signing the certificate: got %#lx, %s\n", ret, winetest_hex(sig, ret ? 0 : 16));
        }
        LocalFree(info);
    }

    /* The public blob comes back exactly as CNG lays it out. */
    len = c->blob(expect, FALSE);
    size = 0;
    ret = pNCryptExportKey(key, 0, c->public_type, NULL, NULL, 0, &size, 0);
    ok(ret == ERROR_SUCCESS && size == len, "export size: got %#lx, %lu, expected %lu\n", ret, size, len);   /* doc */
    memset(blob, 0xcc, sizeof(blob));
    ret = pNCryptExportKey(key, 0, c->public_type, NULL, blob, sizeof(blob), &size, 0);
    ok(ret == ERROR_SUCCESS && size == len && !memcmp(blob, expect, len), "NCryptExportKey: got %#lx, %lu, %s\n",
       ret, size, winetest_hex(blob, size < 32 ? size : 32));   /* doc */

    ret = pNCryptFreeObject(key);
    ok(ret == ERROR_SUCCESS, "NCryptFreeObject (key): got %#lx\n", ret);   /* doc */
}

START_TEST(ncrypt_keys)
{
    NCRYPT_PROV_HANDLE prov = 0;
    SECURITY_STATUS ret;
    ULONG i;

    if (!load_ncrypt())
    {
        win_skip("ncrypt.dll or one of its exports is missing\n");
        return;
    }
    ret = pNCryptOpenStorageProvider(&prov, MS_KEY_STORAGE_PROVIDER, 0);
    ok(ret == ERROR_SUCCESS && prov, "NCryptOpenStorageProvider: got %#lx\n", ret);   /* doc */
    if (ret) return;
    for (i = 0; i < ARRAY_SIZE(ncrypt_cases); i++)
    {
        winetest_push_context("%s", ncrypt_cases[i].name);
        test_ncrypt_key(prov, &ncrypt_cases[i]);
        winetest_pop_context();
    }
    ret = pNCryptFreeObject(prov);
    ok(ret == ERROR_SUCCESS, "NCryptFreeObject (provider): got %#lx\n", ret);   /* doc */
}

/* ------------------------------------------------------------------ */
/* dssenh                                                             */
/* ------------------------------------------------------------------ */

static const struct { const char *name; DWORD type; } dss_providers[] =
    { { MS_DEF_DSS_PROV_A, PROV_DSS }, { MS_ENH_DSS_DH_PROV_A, PROV_DSS_DH } };

/*
 * CAPI duplicates asymmetric keys (reference 3.3, wine-test).  Wine 8's
 * dssenh does it with BCryptDuplicateKey, which Windows and our bcrypt refuse
 * for asymmetric keys (STATUS_NOT_SUPPORTED, reference 2.2 step 5), and it
 * copies every key it generates that way.  So Wine's dssenh on our bcrypt
 * can neither generate nor duplicate a key: todo until issue 5 ships our own
 * dssenh (then the module is no longer Wine's builtin).
 */
static BOOL wine_dssenh_on_ours(void)
{
    static const char marker[] = "Wine builtin DLL";
    const char *base = (const char *)GetModuleHandleA("dssenh.dll");
    return winetest_dll_kind() == WINETEST_DLL_OURS && base && !memcmp(base + 0x40, marker, sizeof(marker) - 1);
}

static HCRYPTPROV acquire(const char *name, DWORD type)
{
    HCRYPTPROV prov = 0;
    BOOL ret = CryptAcquireContextA(&prov, NULL, name, type, CRYPT_VERIFYCONTEXT);
    ok(ret, "CryptAcquireContext(%s): %#lx\n", name, GetLastError());   /* wine-test */
    return ret ? prov : 0;
}

static HCRYPTHASH sha1_of_message(HCRYPTPROV prov)
{
    HCRYPTHASH hash = 0;
    BYTE digest[20];
    DWORD len;
    BOOL ret = CryptCreateHash(prov, CALG_SHA1, 0, 0, &hash);
    ok(ret, "CryptCreateHash: %#lx\n", GetLastError());   /* doc */
    if (!ret) return 0;
    ret = CryptHashData(hash, message, sizeof(message), 0);
    ok(ret, "CryptHashData: %#lx\n", GetLastError());   /* doc */
    /* Finishing the hash first is legal [doc], and Wine 8's dssenh verifies
     * only a finished hash (otherwise it reads a digest it never computed). */
    len = sizeof(digest);
    ret = CryptGetHashParam(hash, HP_HASHVAL, digest, &len, 0);
    ok(ret && len == 20 && !strcmp(winetest_hex(digest, len), "b401ab1f2d139ad8d013b02ebabba8a2e340cb27"),
       "HP_HASHVAL: %#lx, %s\n", GetLastError(), winetest_hex(digest, len));   /* FIPS 180 (sha1sum) */
    return hash;
}

/* Verifies the signature of message in prov with key; FALSE and the error if it does not hold. */
static BOOL dss_verify(HCRYPTPROV prov, HCRYPTKEY key, const BYTE *sig, DWORD len, DWORD *error)
{
    HCRYPTHASH hash = sha1_of_message(prov);
    BOOL ret;

    if (!hash) return FALSE;
    SetLastError(0xdeadbeef);
    ret = CryptVerifySignatureA(hash, sig, len, key, NULL, 0);
    *error = GetLastError();
    CryptDestroyHash(hash);
    return ret;
}

static void test_dss_signature(const char *name, DWORD type)
{
    BYTE sig[64], sig2[64], blob[1024];
    HCRYPTPROV prov, prov2;
    HCRYPTKEY key = 0, pub = 0;
    HCRYPTHASH hash;
    DWORD len, len2, blob_len, error = 0;
    BOOL ret;

    if (!(prov = acquire(name, type))) return;
    SetLastError(0xdeadbeef);
    ret = CryptGenKey(prov, AT_SIGNATURE, (1024 << 16) | CRYPT_EXPORTABLE, &key);
    todo_if(wine_dssenh_on_ours())   /* see wine_dssenh_on_ours */
    ok(ret, "CryptGenKey(AT_SIGNATURE, 1024): %#lx\n", GetLastError());   /* wine-test: 512..1024 */
    if (!ret) goto done;

    /* Two signatures of one SHA-1 hash: 40 bytes each, different (random k, FIPS 186), both valid. */
    if (!(hash = sha1_of_message(prov))) goto done;
    len = 0;
    ret = CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, NULL, &len);
    ok(ret && len == 40, "signature size: %d, %lu, %#lx\n", ret, len, GetLastError());   /* doc */
    len = sizeof(sig);
    ret = CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, sig, &len);
    ok(ret && len == 40, "CryptSignHash: %d, %lu, %#lx\n", ret, len, GetLastError());   /* doc */
    len2 = sizeof(sig2);
    ret = ret && CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, sig2, &len2);
    ok(ret && len2 == 40 && memcmp(sig, sig2, 40), "second signature: %d, %lu\n", ret, len2);   /* FIPS 186 */
    CryptDestroyHash(hash);
    if (!ret) goto done;

    ret = dss_verify(prov, key, sig, len, &error);
    ok(ret, "CryptVerifySignature: %#lx\n", error);   /* doc */
    ret = dss_verify(prov, key, sig2, len2, &error);
    ok(ret, "CryptVerifySignature (second): %#lx\n", error);   /* doc */
    sig2[5] ^= 0x04;
    ret = dss_verify(prov, key, sig2, len2, &error);
    ok(!ret, "a flipped signature was accepted\n");   /* doc */
    check_sig_error(error, 0xdeadbeef, "dssenh, flipped signature");   /* Wine 8 dssenh sets no error */

    /* The public key travels as a PUBLICKEYBLOB: "DSS1", p, q, g, y, DSSSEED.
     * dssenh asks bcrypt for a LEGACY_DSA_V2_PUBLIC_BLOB ("a form that can be
     * imported by using CryptoAPI" [doc]); Wine 8's bcrypt hands back its
     * BCRYPT_DSA_PUBLIC_BLOB instead, so the blob checks are todo there. */
    blob_len = sizeof(blob);
    ret = CryptExportKey(key, 0, PUBLICKEYBLOB, 0, blob, &blob_len);
    ok(ret, "CryptExportKey(PUBLICKEYBLOB): %#lx\n", GetLastError());   /* doc */
    if (ret)
    {
        const BLOBHEADER *bh = (const BLOBHEADER *)blob;
        const DSSPUBKEY *dk = (const DSSPUBKEY *)(bh + 1);

        todo_builtin
        ok(bh->bType == PUBLICKEYBLOB && bh->aiKeyAlg == CALG_DSS_SIGN && dk->magic == 0x31535344
           && dk->bitlen == 1024, "header: %u %#x %#lx %lu\n", bh->bType, bh->aiKeyAlg, dk->magic, dk->bitlen);   /* doc */
        todo_builtin
        ok(blob_len == sizeof(*bh) + sizeof(*dk) + 3 * 128 + 20 + sizeof(DSSSEED), "blob size %lu\n", blob_len);   /* doc */
        if ((prov2 = acquire(name, type)))
        {
            ret = CryptImportKey(prov2, blob, blob_len, 0, 0, &pub);
            todo_builtin
            ok(ret, "CryptImportKey(PUBLICKEYBLOB): %#lx\n", GetLastError());   /* doc */
            if (ret)
            {
                ret = dss_verify(prov2, pub, sig, len, &error);
                ok(ret, "verifying with the imported key: %#lx\n", error);   /* doc */
                ret = dss_verify(prov2, pub, sig2, len2, &error);
                ok(!ret, "imported key: a flipped signature was accepted\n");   /* doc */
                check_sig_error(error, 0xdeadbeef, "dssenh, imported key, flipped signature");
                CryptDestroyKey(pub);
            }
            CryptReleaseContext(prov2, 0);
        }
    }

done:
    if (key) CryptDestroyKey(key);
    CryptReleaseContext(prov, 0);
}

/* A public key and signature made elsewhere (OpenSSL): import, verify, duplicate. */
static void test_dss_carried_key(const char *name, DWORD type)
{
    HCRYPTKEY pub = 0, dup = 0;
    BYTE sig[40];
    DWORD error = 0;
    HCRYPTPROV prov;
    BOOL ret;

    if (!(prov = acquire(name, type))) return;
    ret = CryptImportKey(prov, dss_public_blob, sizeof(dss_public_blob), 0, 0, &pub);
    ok(ret, "CryptImportKey(PUBLICKEYBLOB): %#lx\n", GetLastError());   /* doc */
    if (!ret) goto done;
    memcpy(sig, dss_signature, sizeof(sig));
    ret = dss_verify(prov, pub, sig, sizeof(sig), &error);
    if (!ret && winetest_on_wine())
    {
        /* Wine 8's dssenh hands CAPI signatures to bcrypt unswapped; if the
         * big-endian r||s form holds, bcrypt is right and dssenh is at fault. */
        reverse_copy(sig, dss_signature, 20);
        reverse_copy(sig + 20, dss_signature + 20, 20);
        if ((ret = dss_verify(prov, pub, sig, sizeof(sig), &error)))
            skip("Wine %s dssenh reads DSS signatures as big-endian r||s\n", wine_version());
        else memcpy(sig, dss_signature, sizeof(sig));
    }
    /* r then s, 20 bytes each, little-endian like every CryptoAPI number
     * (hypothesis; Wine's later dssenh swaps them for its Windows-made tests) */
    ok(ret, "OpenSSL's signature rejected: %#lx\n", error);
    sig[30] ^= 0x01;
    ret = dss_verify(prov, pub, sig, sizeof(sig), &error);
    ok(!ret, "a flipped signature was accepted\n");   /* doc */
    check_sig_error(error, 0xdeadbeef, "dssenh, flipped signature");
    sig[30] ^= 0x01;

    SetLastError(0xdeadbeef);
    ret = CryptDuplicateKey(pub, NULL, 0, &dup);
    todo_if(wine_dssenh_on_ours())   /* see wine_dssenh_on_ours */
    ok(ret, "CryptDuplicateKey: %#lx\n", GetLastError());   /* wine-test */
    if (ret)
    {
        ret = dss_verify(prov, dup, sig, sizeof(sig), &error);
        ok(ret, "verifying with the duplicate: %#lx\n", error);   /* doc */
        CryptDestroyKey(dup);
    }
    CryptDestroyKey(pub);
done:
    CryptReleaseContext(prov, 0);
}

/* RFC 2409 6.2, the 1024-bit MODP group, generator 2 */
static const char oakley2_p[] =
    "ffffffffffffffffc90fdaa22168c234c4c6628b80dc1cd129024e088a67cc74020bbea63b139b22514a08798e3404dd"
    "ef9519b3cd3a431b302b0a6df25f14374fe1356d6d51c245e485b576625e7ec6f44c42e9a637ed6b0bff5cb6f406b7ed"
    "ee386bfb5a899fa5ae9f24117c4b1fe649286651ece65381ffffffffffffffff";

/* One side of a CAPI Diffie-Hellman exchange: an ephemeral key in a given group. */
static HCRYPTKEY dh_key(HCRYPTPROV prov, const BYTE *p_le, const BYTE *g_le, DWORD *error)
{
    CRYPT_DATA_BLOB p = { 128, (BYTE *)p_le }, g = { 128, (BYTE *)g_le };
    HCRYPTKEY key = 0;

    SetLastError(0xdeadbeef);
    if (!CryptGenKey(prov, CALG_DH_EPHEM, (1024 << 16) | CRYPT_EXPORTABLE | CRYPT_PREGEN, &key))
    {
        *error = GetLastError();
        return 0;
    }
    if (!CryptSetKeyParam(key, KP_P, (BYTE *)&p, 0) || !CryptSetKeyParam(key, KP_G, (BYTE *)&g, 0)
        || !CryptSetKeyParam(key, KP_X, NULL, 0))
    {
        *error = GetLastError();
        if (key) CryptDestroyKey(key);
        return 0;
    }
    return key;
}

static void test_dh_exchange(void)
{
    HCRYPTPROV prov[2];
    HCRYPTKEY priv[2] = { 0 }, agreed[2] = { 0 };
    BYTE p_be[128], p_le[128], g_le[128] = { 2 }, pub[2][600], data[2][sizeof(message)];
    DWORD pub_len[2], len, error = 0, i;
    ALG_ID rc4 = CALG_RC4;
    BOOL ret;

    for (i = 0; i < 128; i++) sscanf(oakley2_p + 2 * i, "%2hhx", &p_be[i]);
    reverse_copy(p_le, p_be, 128);   /* CAPI numbers are little-endian */
    prov[0] = acquire(MS_ENH_DSS_DH_PROV_A, PROV_DSS_DH);
    prov[1] = acquire(MS_ENH_DSS_DH_PROV_A, PROV_DSS_DH);
    if (!prov[0] || !prov[1]) goto done;

    for (i = 0; i < 2; i++)
    {
        priv[i] = dh_key(prov[i], p_le, g_le, &error);
        if (!priv[i] && winetest_on_wine() && error == 0xdeadbeef)
        {
            /* CryptGenKey(CALG_DH_EPHEM) fails with no error in Wine 8's dssenh
             * ("unhandled algorithm"), whatever bcrypt is loaded. */
            skip("Wine %s dssenh has no Diffie-Hellman keys\n", wine_version());
            goto done;
        }
        if (!priv[i] && winetest_on_wine() && error == ERROR_INVALID_PARAMETER)
        {
            /* Wine's advapi32 refuses CryptSetKeyParam(KP_X, NULL) before any CSP sees it */
            skip("Wine %s advapi32 does not pass KP_X with NULL data to the CSP\n", wine_version());
            goto done;
        }
        ok(priv[i] != 0, "DH key %lu: %#lx\n", i, error);   /* doc: CRYPT_PREGEN, KP_P, KP_G, KP_X */
        if (!priv[i]) goto done;
        pub_len[i] = sizeof(pub[i]);
        ret = CryptExportKey(priv[i], 0, PUBLICKEYBLOB, 0, pub[i], &pub_len[i]);
        ok(ret, "exporting DH key %lu: %#lx\n", i, GetLastError());   /* doc */
        if (!ret) goto done;
    }
    for (i = 0; i < 2; i++)   /* each side imports the other's public key with its private key */
    {
        ret = CryptImportKey(prov[i], pub[1 - i], pub_len[1 - i], priv[i], 0, &agreed[i]);
        ok(ret, "agreement %lu: %#lx\n", i, GetLastError());   /* doc */
        if (!ret) goto done;
        ret = CryptSetKeyParam(agreed[i], KP_ALGID, (BYTE *)&rc4, 0);
        ok(ret, "KP_ALGID CALG_RC4 %lu: %#lx\n", i, GetLastError());   /* doc */
        if (!ret) goto done;
        memcpy(data[i], message, sizeof(message));
        len = sizeof(message);
        ret = CryptEncrypt(agreed[i], 0, TRUE, 0, data[i], &len, sizeof(data[i]));
        ok(ret && len == sizeof(message), "RC4 encrypt %lu: %#lx\n", i, GetLastError());   /* doc */
    }
    ok(!memcmp(data[0], data[1], sizeof(message)) && memcmp(data[0], message, sizeof(message)),
       "the two sides do not agree: %s / %s\n", winetest_hex(data[0], 16), winetest_hex(data[1], 16));   /* doc */
    len = sizeof(message);
    ret = CryptDecrypt(agreed[1], 0, TRUE, 0, data[0], &len);
    ok(ret && !memcmp(data[0], message, sizeof(message)), "RC4 decrypt: %#lx\n", GetLastError());   /* doc */
done:
    for (i = 0; i < 2; i++)
    {
        if (agreed[i]) CryptDestroyKey(agreed[i]);
        if (priv[i]) CryptDestroyKey(priv[i]);
        if (prov[i]) CryptReleaseContext(prov[i], 0);
    }
}

START_TEST(dssenh_keys)
{
    ULONG i;

    for (i = 0; i < ARRAY_SIZE(dss_providers); i++)
    {
        winetest_push_context("%s", dss_providers[i].name);
        test_dss_carried_key(dss_providers[i].name, dss_providers[i].type);
        test_dss_signature(dss_providers[i].name, dss_providers[i].type);
        winetest_pop_context();
    }
    test_dh_exchange();
}
