/*
 * Conformance tests for CryptoAPI key containers and RSA key pairs, as
 * applications reach them through advapi32, served by rsaenh.dll: container
 * life cycle and provider parameters, CryptGenKey(AT_KEYEXCHANGE /
 * AT_SIGNATURE), CryptGetUserKey, the container store, PRIVATEKEYBLOB and
 * PUBLICKEYBLOB, CryptDuplicateKey on key pairs.  SIMPLEBLOB, RSA
 * encryption and signatures are in csp_rsa_crypt.c; containers shared with
 * Wine's builtin rsaenh in csp_rsa_interop.c.
 *
 * Each assertion names its source:
 *   doc        Microsoft documentation
 *   wine-test  asserted by Wine's rsaenh/advapi32 tests, which pass on Windows
 *   wine-impl  what Wine's rsaenh does, not proven on Windows
 *   hypothesis what we expect Windows to do, not yet confirmed
 * Vectors are in csp_rsa_vectors.h, helpers in csp_rsa_test.h.
 */
#define WINETEST_MODULE "rsaenh.dll"
#include "winetest.h"
#include <wincrypt.h>
#include "csp_rsa_test.h"

/* ---- containers ---------------------------------------------------------------------- */

static void test_CryptAcquireContext_container_life_cycle(void)
{
    HCRYPTPROV prov, prov2;
    HCRYPTKEY key;
    char name[MAX_PATH];
    DWORD len;
    BOOL ret;

    delete_container(container, ENHANCED, 0);
    SetLastError(SEED_DWORD);
    ret = acquire_flags(&prov, container, ENHANCED, 0);
    expect_fail(ret, NTE_BAD_KEYSET);                                  /* wine-test */
    SetLastError(SEED_DWORD);
    ret = acquire_flags(&prov, container, ENHANCED, CRYPT_DELETEKEYSET);
    expect_fail(ret, NTE_BAD_KEYSET);                                  /* wine-test */
    SetLastError(SEED_DWORD);
    ret = acquire_flags(&prov, container, ENHANCED, CRYPT_VERIFYCONTEXT);
    expect_fail(ret, NTE_BAD_FLAGS);                                   /* wine-test */
    SetLastError(SEED_DWORD);
    ret = acquire_flags(&prov, container, ENHANCED, CRYPT_NEWKEYSET | CRYPT_DELETEKEYSET);
    expect_fail(ret, NTE_BAD_FLAGS);                                   /* wine-impl */

    ok(acquire_flags(&prov, container, ENHANCED, CRYPT_NEWKEYSET), "NEWKEYSET: %#lx\n", GetLastError()); /* wine-test */
    SetLastError(SEED_DWORD);
    ret = acquire_flags(&prov2, container, ENHANCED, CRYPT_NEWKEYSET);
    expect_fail(ret, NTE_EXISTS);                                      /* doc */
    /* a new container has no key pairs [wine-test] */
    SetLastError(SEED_DWORD);
    expect_fail(CryptGetUserKey(prov, AT_KEYEXCHANGE, &key), NTE_NO_KEY);
    SetLastError(SEED_DWORD);
    expect_fail(CryptGetUserKey(prov, AT_SIGNATURE, &key), NTE_NO_KEY);
    SetLastError(SEED_DWORD);
    todo_builtin expect_fail(CryptGetUserKey(prov, 3, &key), NTE_BAD_KEY);   /* doc: dwKeySpec not valid */

    len = sizeof(name);
    ok(CryptGetProvParam(prov, PP_CONTAINER, (BYTE *)name, &len, 0) && len == sizeof(container)
       && !strcmp(name, container), "PP_CONTAINER %s (%lu)\n", name, len);                    /* wine-test */
    ok(prov_dword(prov, PP_KEYSPEC) == (AT_KEYEXCHANGE | AT_SIGNATURE), "PP_KEYSPEC\n");      /* wine-test */
    ok(prov_dword(prov, PP_PROVTYPE) == PROV_RSA_FULL, "PP_PROVTYPE\n");                      /* wine-test */
    ok(prov_dword(prov, PP_KEYSET_TYPE) == 0, "PP_KEYSET_TYPE\n");                            /* wine-test */
    ok(prov_dword(prov, PP_KEYSTORAGE) & CRYPT_SEC_DESCR, "PP_KEYSTORAGE\n");                 /* wine-test */
    ok(CryptReleaseContext(prov, 0), "release: %#lx\n", GetLastError());

    ok(acquire_flags(&prov, container, ENHANCED, 0), "open: %#lx\n", GetLastError());          /* wine-test */
    ok(CryptReleaseContext(prov, 0), "release: %#lx\n", GetLastError());
    ok(acquire_flags(&prov, container, ENHANCED, CRYPT_SILENT), "CRYPT_SILENT: %#lx\n", GetLastError());  /* doc */
    ok(CryptReleaseContext(prov, 0), "release: %#lx\n", GetLastError());
    prov = SEED_DWORD;
    ok(acquire_flags(&prov, container, ENHANCED, CRYPT_DELETEKEYSET), "delete: %#lx\n", GetLastError());
    ok(!prov, "DELETEKEYSET left a context %p\n", (void *)prov);             /* wine-test */
    SetLastError(SEED_DWORD);
    expect_fail(acquire_flags(&prov, container, ENHANCED, 0), NTE_BAD_KEYSET);   /* wine-test */

    /* the machine's containers are separate [wine-test] */
    delete_container(container, ENHANCED, CRYPT_MACHINE_KEYSET);
    ok(acquire_flags(&prov, container, ENHANCED, CRYPT_NEWKEYSET | CRYPT_MACHINE_KEYSET), "machine: %#lx\n",
       GetLastError());
    SetLastError(SEED_DWORD);
    expect_fail(acquire_flags(&prov2, container, ENHANCED, 0), NTE_BAD_KEYSET);   /* hypothesis: not the user's */
    /* PP_KEYSET_SEC_DESCR sizing succeeds with ERROR_INSUFFICIENT_BUFFER [wine-test] */
    len = 0;
    SetLastError(SEED_DWORD);
    ret = CryptGetProvParam(prov, PP_KEYSET_SEC_DESCR, NULL, &len, OWNER_SECURITY_INFORMATION);
    ok(ret && GetLastError() == ERROR_INSUFFICIENT_BUFFER && len, "SEC_DESCR sizing: %d %#lx %lu\n", ret,
       GetLastError(), len);
    if (ret && len)
    {
        BYTE *sd = HeapAlloc(GetProcessHeap(), 0, len);
        ok(CryptGetProvParam(prov, PP_KEYSET_SEC_DESCR, sd, &len, OWNER_SECURITY_INFORMATION), "SEC_DESCR: %#lx\n",
           GetLastError());                                                                    /* wine-test */
        HeapFree(GetProcessHeap(), 0, sd);
    }
    ok(CryptReleaseContext(prov, 0), "release: %#lx\n", GetLastError());
    ok(acquire_flags(&prov, container, ENHANCED, CRYPT_MACHINE_KEYSET), "machine open: %#lx\n", GetLastError());
    ok(CryptReleaseContext(prov, 0), "release: %#lx\n", GetLastError());
    ok(acquire_flags(&prov, container, ENHANCED, CRYPT_DELETEKEYSET | CRYPT_MACHINE_KEYSET), "machine delete: %#lx\n",
       GetLastError());                                                                        /* wine-test */
    SetLastError(SEED_DWORD);
    expect_fail(acquire_flags(&prov, container, ENHANCED, CRYPT_MACHINE_KEYSET), NTE_BAD_KEYSET);   /* wine-test */
}

/* A NULL name is the logged-on user's container [doc, wine-test]. */
static void test_CryptAcquireContext_default_container(void)
{
    char name[MAX_PATH], user[MAX_PATH];
    DWORD len = sizeof(user);
    HCRYPTPROV prov;
    HCRYPTKEY key;

    delete_container(NULL, ENHANCED, 0);
    SetLastError(SEED_DWORD);
    expect_fail(acquire_flags(&prov, NULL, ENHANCED, 0), NTE_BAD_KEYSET);              /* wine-test */
    if (!(prov = verify_ctx(ENHANCED))) return;                                        /* wine-test */
    SetLastError(SEED_DWORD);
    expect_fail(CryptGetUserKey(prov, AT_KEYEXCHANGE, &key), NTE_NO_KEY);             /* wine-test */
    CryptReleaseContext(prov, 0);
    if (!(prov = new_container(NULL, ENHANCED, 0))) return;                            /* wine-test */
    GetUserNameA(user, &len);
    len = sizeof(name);
    ok(CryptGetProvParam(prov, PP_CONTAINER, (BYTE *)name, &len, 0) && !strcmp(name, user),
       "default container %s, user %s\n", name, user);                                 /* doc */
    CryptReleaseContext(prov, 0);
    delete_container(NULL, ENHANCED, 0);
}

/* PP_ENUMCONTAINERS and PP_UNIQUE_CONTAINER [wine-test]. */
static void test_CryptGetProvParam_containers(void)
{
    char name[MAX_PATH + 2], guid[64] = "", expect[128];
    DWORD len, size = sizeof(guid);
    HCRYPTPROV prov;
    BOOL found = FALSE;
    HKEY key;

    if (!(prov = new_container(container, ENHANCED, 0))) return;
    len = 0;
    ok(CryptGetProvParam(prov, PP_ENUMCONTAINERS, NULL, &len, CRYPT_FIRST) && len == MAX_PATH + 1,
       "sizing: %lu\n", len);                                                        /* wine-test */
    len = sizeof(name);
    ok(CryptGetProvParam(prov, PP_ENUMCONTAINERS, (BYTE *)name, &len, CRYPT_FIRST) && len == sizeof(name),
       "first: %#lx len %lu\n", GetLastError(), len);   /* wine-test: a name that fits leaves the length */
    do
    {
        if (!strcmp(name, container)) found = TRUE;
        len = sizeof(name);
    } while (CryptGetProvParam(prov, PP_ENUMCONTAINERS, (BYTE *)name, &len, 0));
    ok(found && GetLastError() == ERROR_NO_MORE_ITEMS, "found %d, %#lx\n", found, GetLastError());   /* wine-test */

    /* MD5 of the name and its NUL as four DWORDs in hex, "_", MachineGuid [wine-test helper] */
    if (!RegOpenKeyExA(HKEY_LOCAL_MACHINE, "Software\\Microsoft\\Cryptography", 0, KEY_READ | KEY_WOW64_64KEY, &key))
    {
        RegQueryValueExA(key, "MachineGuid", NULL, NULL, (BYTE *)guid, &size);
        RegCloseKey(key);
    }
    /* MD5("csp_rsa_winetest" NUL) so, computed on the host; "winetest" gives the helper's 9d20fd8d... */
    snprintf(expect, sizeof(expect), "%s_%s", "874431ca8d4b4b15f429a03ff84712e9", guid);
    len = sizeof(name);
    ok(CryptGetProvParam(prov, PP_UNIQUE_CONTAINER, (BYTE *)name, &len, 0), "unique: %#lx\n", GetLastError());
    todo_builtin ok(len == strlen(expect) + 1 && !strcmp(name, expect), "PP_UNIQUE_CONTAINER %s, expected %s\n",
                    name, expect);
    CryptReleaseContext(prov, 0);
    delete_container(container, ENHANCED, 0);
}

/* ---- key pairs ------------------------------------------------------------------------- */

struct gen_row
{
    int prov;
    ALG_ID algid;
    DWORD default_bits;   /* [doc] for Base (512) and the others (1024) */
    ALG_ID key_algid;
};

static const struct gen_row gen_rows[] =
{
    { BASE,     AT_KEYEXCHANGE, 512,  CALG_RSA_KEYX },
    { BASE,     AT_SIGNATURE,   512,  CALG_RSA_SIGN },
    { STRONG,   AT_KEYEXCHANGE, 1024, CALG_RSA_KEYX },
    { ENHANCED, AT_SIGNATURE,   1024, CALG_RSA_SIGN },
    { ENHANCED, CALG_RSA_KEYX,  1024, CALG_RSA_KEYX },   /* wine-test: CALG_* make the pairs too */
    { ENHANCED, CALG_RSA_SIGN,  1024, CALG_RSA_SIGN },
    { AES,      AT_KEYEXCHANGE, 1024, CALG_RSA_KEYX },
    { SCHANNEL, AT_KEYEXCHANGE, 1024, CALG_RSA_KEYX },
};

static void test_CryptGenKey_pairs(void)
{
    HCRYPTKEY key, user, other;
    HCRYPTPROV prov;
    BYTE blob[2100];
    DWORD i, len, spec, other_spec;
    BOOL ret;

    for (i = 0; i < ARRAY_SIZE(gen_rows); i++)
    {
        const struct gen_row *row = &gen_rows[i];

        winetest_push_context("row %lu", i);
        spec = row->key_algid == CALG_RSA_SIGN ? AT_SIGNATURE : AT_KEYEXCHANGE;
        other_spec = spec == AT_SIGNATURE ? AT_KEYEXCHANGE : AT_SIGNATURE;
        if ((prov = new_container(container, row->prov, 0)))
        {
            ok(CryptGenKey(prov, row->algid, 0, &key), "CryptGenKey: %#lx\n", GetLastError());
            ok(key_dword(key, KP_ALGID) == row->key_algid, "KP_ALGID\n");                       /* wine-test */
            ok(key_dword(key, KP_KEYLEN) == row->default_bits, "KP_KEYLEN\n");                 /* doc */
            ok(key_dword(key, KP_BLOCKLEN) == row->default_bits, "KP_BLOCKLEN\n");             /* wine-test */
            ok(key_dword(key, KP_PERMISSIONS) == PERMS_DEFAULT, "KP_PERMISSIONS\n");           /* wine-test */
            ok(CryptGetUserKey(prov, spec, &user), "CryptGetUserKey: %#lx\n", GetLastError());  /* wine-test */
            ok(same_public(key, user), "the user key is another key\n");
            SetLastError(SEED_DWORD);
            expect_fail(CryptGetUserKey(prov, other_spec, &other), NTE_NO_KEY);                 /* wine-test */
            /* the public part exports, the private one not even by size [wine-test] */
            len = export_blob(user, PUBLICKEYBLOB, blob, sizeof(blob));
            ok(len == 20 + row->default_bits / 8 && blob[0] == PUBLICKEYBLOB && *(ALG_ID *)(blob + 4) == row->key_algid
               && *(DWORD *)(blob + 8) == 0x31415352u, "PUBLICKEYBLOB %lu\n", len);            /* doc */
            len = 0;
            SetLastError(SEED_DWORD);
            expect_fail(CryptExportKey(user, 0, PRIVATEKEYBLOB, 0, NULL, &len), NTE_BAD_KEY_STATE);
            SetLastError(SEED_DWORD);
            len = 0;
            ok(!CryptGetKeyParam(user, KP_SALT, NULL, &len, 0)
               && ((HRESULT)GetLastError() == NTE_BAD_KEY || (HRESULT)GetLastError() == NTE_NOT_FOUND), "KP_SALT %#lx\n",
               GetLastError());                                                                  /* wine-test */
            CryptDestroyKey(user);
            CryptDestroyKey(key);
            CryptReleaseContext(prov, 0);
        }
        winetest_pop_context();
    }

    if (!(prov = new_container(container, ENHANCED, 0))) return;
    /* CRYPT_EXPORTABLE adds CRYPT_EXPORT, and the private blob exports [wine-test] */
    ok(CryptGenKey(prov, AT_KEYEXCHANGE, CRYPT_EXPORTABLE | (768 << 16), &key), "768 bits: %#lx\n", GetLastError());
    ok(key_dword(key, KP_PERMISSIONS) == (PERMS_DEFAULT | CRYPT_EXPORT), "KP_PERMISSIONS\n");
    ok(key_dword(key, KP_KEYLEN) == 768, "KP_KEYLEN\n");                                         /* doc */
    len = 0;
    ok(CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, NULL, &len) && len == 20 + 2 * 96 + 5 * 48, "private %lu\n", len);
    /* a second pair replaces the first [wine-impl] */
    ok(CryptGenKey(prov, AT_KEYEXCHANGE, 0, &other), "again: %#lx\n", GetLastError());
    ok(CryptGetUserKey(prov, AT_KEYEXCHANGE, &user), "CryptGetUserKey: %#lx\n", GetLastError());
    ok(same_public(user, other) && !same_public(user, key), "not the newest pair\n");
    CryptDestroyKey(user);
    CryptDestroyKey(other);
    CryptDestroyKey(key);
    /* lengths: 384 to 16384 bits in steps of 8 [doc]; others fail */
    ret = CryptGenKey(prov, AT_SIGNATURE, 392 << 16, &key);
    ok(ret, "392 bits: %#lx\n", GetLastError());
    if (ret) CryptDestroyKey(key);
    SetLastError(SEED_DWORD);
    ok(!CryptGenKey(prov, AT_SIGNATURE, 1028 << 16, &key), "1028 bits\n");                    /* doc */
    SetLastError(SEED_DWORD);
    ok(!CryptGenKey(prov, AT_SIGNATURE, 376 << 16, &key), "376 bits\n");                      /* doc */
    CryptReleaseContext(prov, 0);

    /* a verify context makes key pairs too, kept in memory [doc: ephemeral keys] */
    if (!(prov = verify_ctx(ENHANCED))) return;
    ok(CryptGenKey(prov, AT_SIGNATURE, 0, &key), "verify context: %#lx\n", GetLastError());
    CryptDestroyKey(key);
    CryptReleaseContext(prov, 0);
    delete_container(container, ENHANCED, 0);
}

/* A pair is in the container as soon as it is made or imported: another
 * context sees it [wine-test], with its permissions, and a release keeps it. */
static void test_container_persistence(void)
{
    BYTE blob[1024], blob2[1024];
    HCRYPTPROV prov, prov2;
    HCRYPTKEY key, key2;
    DWORD len, len2;

    if (!dpapi_works())
    {
        skip("DPAPI does not work here (it needs the default provider's CryptDeriveKey)\n");
        return;
    }
    if (!(prov = new_container(container, ENHANCED, 0))) return;
    ok(CryptGenKey(prov, AT_SIGNATURE, CRYPT_EXPORTABLE, &key), "gen: %#lx\n", GetLastError());
    import_hex(prov, priv_exchange_1024, 0, 0, 0, &key2);
    ok(acquire_flags(&prov2, container, ENHANCED, 0), "second context: %#lx\n", GetLastError());
    ok(CryptGetUserKey(prov2, AT_SIGNATURE, &key2), "signature key: %#lx\n", GetLastError());   /* wine-test */
    ok(same_public(key, key2), "another signature key\n");
    ok(key_dword(key2, KP_PERMISSIONS) == (PERMS_DEFAULT | CRYPT_EXPORT), "permissions not kept\n");   /* hypothesis */
    len = export_blob(key, PRIVATEKEYBLOB, blob, sizeof(blob));
    len2 = export_blob(key2, PRIVATEKEYBLOB, blob2, sizeof(blob2));
    ok(len && len == len2 && !memcmp(blob, blob2, len), "private blobs differ\n");
    CryptDestroyKey(key2);
    ok(CryptGetUserKey(prov2, AT_KEYEXCHANGE, &key2), "exchange key: %#lx\n", GetLastError());  /* wine-test */
    SetLastError(SEED_DWORD);
    expect_fail(CryptExportKey(key2, 0, PRIVATEKEYBLOB, 0, NULL, &len), NTE_BAD_KEY_STATE);   /* imported without CRYPT_EXPORTABLE */
    CryptDestroyKey(key2);
    CryptReleaseContext(prov2, 0);
    CryptDestroyKey(key);
    CryptReleaseContext(prov, 0);
    /* and after every context is gone [wine-test] */
    ok(acquire_flags(&prov, container, ENHANCED, 0), "reopen: %#lx\n", GetLastError());
    ok(CryptGetUserKey(prov, AT_KEYEXCHANGE, &key), "exchange key: %#lx\n", GetLastError());
    CryptDestroyKey(key);
    CryptReleaseContext(prov, 0);
    delete_container(container, ENHANCED, 0);
}

/* ---- PRIVATEKEYBLOB / PUBLICKEYBLOB ------------------------------------------------------ */

static void test_CryptImportKey_private(void)
{
    BYTE blob[1024], out[1024];
    HCRYPTPROV prov;
    HCRYPTKEY key, user;
    DWORD len, n;

    /* an exchange blob makes the exchange pair, not the signature pair [wine-test] */
    if (!(prov = new_container(container, ENHANCED, 0))) return;
    import_hex(prov, priv_exchange_1024, 0, 0, 0, &key);
    ok(key_dword(key, KP_PERMISSIONS) == PERMS_DEFAULT, "KP_PERMISSIONS\n");                       /* wine-test */
    SetLastError(SEED_DWORD);
    expect_fail(CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, NULL, &len), NTE_BAD_KEY_STATE);         /* wine-test */
    ok(CryptGetUserKey(prov, AT_KEYEXCHANGE, &user) && same_public(key, user), "exchange pair: %#lx\n",
       GetLastError());
    CryptDestroyKey(user);
    SetLastError(SEED_DWORD);
    expect_fail(CryptGetUserKey(prov, AT_SIGNATURE, &user), NTE_NO_KEY);
    /* a public key leaves the container alone [wine-test] */
    import_hex(prov, pub_exchange_512, 0, 0, 0, &user);
    CryptDestroyKey(user);
    ok(CryptGetUserKey(prov, AT_KEYEXCHANGE, &user) && same_public(key, user), "the public key was installed\n");
    CryptDestroyKey(user);
    CryptDestroyKey(key);
    CryptReleaseContext(prov, 0);

    if (!(prov = new_container(container, ENHANCED, 0))) return;
    import_hex(prov, priv_sign_512, 0, 0, 0, &key);
    SetLastError(SEED_DWORD);
    expect_fail(CryptGetUserKey(prov, AT_KEYEXCHANGE, &user), NTE_NO_KEY);                       /* wine-test */
    ok(CryptGetUserKey(prov, AT_SIGNATURE, &user), "signature pair: %#lx\n", GetLastError());     /* wine-test */
    CryptDestroyKey(user);
    CryptDestroyKey(key);

    /* an exportable pair exports exactly what was imported [wine-test] */
    n = hex_to_bytes(priv_sign_1024, blob, sizeof(blob));
    import_hex(prov, priv_sign_1024, 0, 0, CRYPT_EXPORTABLE, &key);
    len = 0;
    ok(CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, NULL, &len) && len == n, "sizing %lu\n", len);
    len = n - 1;
    SetLastError(SEED_DWORD);
    expect_fail(CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, out, &len), ERROR_MORE_DATA);            /* doc */
    ok(len == n, "required %lu\n", len);
    len = sizeof(out);
    ok(CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, out, &len) && len == n && !memcmp(out, blob, n),
       "export %lu: %s\n", len, winetest_hex(out, 32));
    CryptDestroyKey(key);

    /* the private exponent may be cut short, anywhere [wine-test] */
    n = hex_to_bytes(priv_exchange_1024, blob, sizeof(blob));
    for (len = 20 + 1024 / 2; len < n; len++)
    {
        if (!CryptImportKey(prov, blob, len, 0, 0, &key))
        {
            ok(0, "truncated to %lu: %#lx\n", len, GetLastError());
            break;
        }
        CryptDestroyKey(key);
    }
    SetLastError(SEED_DWORD);
    expect_fail(CryptImportKey(prov, blob, 20 + 128 + 5 * 64 - 1, 0, 0, &key), NTE_BAD_DATA);     /* wine-impl */
    blob[8] = '3';
    SetLastError(SEED_DWORD);
    expect_fail(CryptImportKey(prov, blob, n, 0, 0, &key), NTE_BAD_DATA);                         /* wine-impl: magic */
    blob[8] = 'R';
    blob[1] = 3;
    SetLastError(SEED_DWORD);
    expect_fail(CryptImportKey(prov, blob, n, 0, 0, &key), NTE_BAD_DATA);                         /* wine-impl: version */
    CryptReleaseContext(prov, 0);

    /* a public blob round-trips [wine-test] */
    if (!(prov = verify_ctx(ENHANCED))) return;
    n = hex_to_bytes(pub_sign_1024, blob, sizeof(blob));
    import_hex(prov, pub_sign_1024, 0, 0, 0, &key);
    ok(key_dword(key, KP_ALGID) == CALG_RSA_SIGN && key_dword(key, KP_PERMISSIONS) == PERMS_DEFAULT, "params\n");
    len = export_blob(key, PUBLICKEYBLOB, out, sizeof(out));
    ok(len == n && !memcmp(out, blob, n), "public blob %lu\n", len);
    SetLastError(SEED_DWORD);
    expect_fail(CryptExportKey(key, 0, PRIVATEKEYBLOB, 0, NULL, &len), NTE_BAD_KEY_STATE);        /* hypothesis */
    CryptDestroyKey(key);
    CryptReleaseContext(prov, 0);
    delete_container(container, ENHANCED, 0);
}

/* ---- CryptDuplicateKey on key pairs ------------------------------------------------------------- */

/* CAPI duplicates asymmetric keys: an exportable private key's copy exports
 * the same PRIVATEKEYBLOB [wine-test (dssenh's DSS keys); hypothesis for RSA],
 * and lives on when the original is destroyed [doc]. */
static void test_CryptDuplicateKey_pairs(void)
{
    BYTE a[1024], b[1024], sig[128];
    HCRYPTKEY key, dup;
    HCRYPTPROV prov;
    HCRYPTHASH hash;
    DWORD la, lb, len;

    if (!(prov = new_container(container, ENHANCED, 0))) return;
    import_hex(prov, priv_sign_1024, 0, 0, CRYPT_EXPORTABLE, &key);
    ok(CryptDuplicateKey(key, NULL, 0, &dup), "duplicate: %#lx\n", GetLastError());
    la = export_blob(key, PRIVATEKEYBLOB, a, sizeof(a));
    CryptDestroyKey(key);
    lb = export_blob(dup, PRIVATEKEYBLOB, b, sizeof(b));
    ok(la == 596 && la == lb && !memcmp(a, b, la), "blobs %lu %lu\n", la, lb);
    ok(key_dword(dup, KP_ALGID) == (DWORD)CALG_RSA_SIGN
       && key_dword(dup, KP_PERMISSIONS) == (PERMS_DEFAULT | CRYPT_EXPORT),
       "parameters\n");
    /* the container's own pair signs; the duplicate verifies */
    hash = wine_rocks_hash(prov, CALG_MD5);
    len = sizeof(sig);
    ok(CryptSignHashA(hash, AT_SIGNATURE, NULL, 0, sig, &len), "sign: %#lx\n", GetLastError());
    ok(CryptVerifySignatureA(hash, sig, len, dup, NULL, 0), "the duplicate does not verify: %#lx\n", GetLastError());
    CryptDestroyHash(hash);
    CryptDestroyKey(dup);

    /* a non-exportable pair stays so in its copy */
    ok(CryptGenKey(prov, AT_KEYEXCHANGE, 0, &key), "gen: %#lx\n", GetLastError());
    ok(CryptDuplicateKey(key, NULL, 0, &dup), "duplicate: %#lx\n", GetLastError());
    SetLastError(SEED_DWORD);
    expect_fail(CryptExportKey(dup, 0, PRIVATEKEYBLOB, 0, NULL, &len), NTE_BAD_KEY_STATE);
    ok(same_public(key, dup), "another public key\n");
    CryptDestroyKey(dup);
    CryptDestroyKey(key);
    CryptReleaseContext(prov, 0);
    delete_container(container, ENHANCED, 0);
}

START_TEST(csp_container)
{
    test_CryptAcquireContext_container_life_cycle();
    test_CryptAcquireContext_default_container();
    test_CryptGetProvParam_containers();
    test_container_persistence();
}

START_TEST(csp_rsa_keys)
{
    test_CryptGenKey_pairs();
    test_CryptImportKey_private();
    test_CryptDuplicateKey_pairs();
}
