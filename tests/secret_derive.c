/*
 * Conformance tests for BCryptDeriveKey: the KDFs over a secret agreement
 * (reference windows-crypto-behavior.md §4.9).
 *
 * Secrets come from BCryptSecretAgreement over fixed key pairs (Wine's test
 * keys, RFC 5903); while the ECDH or DH family cannot agree yet, each vector
 * of that agreement is skipped with a note.  The handle rules need no secret
 * and always run.
 *
 * Expected bytes: "wine-test" values were recorded on Windows by Wine's
 * tests; "offline" values were computed on the host with Python's hashlib and
 * hmac from the agreement's shared secret (checked against the Wine values
 * and the RFC 5903 results), following the KDF's specification.  Every KDF
 * but TRUNCATE is fed the secret big-endian: Wine's HASH values fit only that
 * order (wine-test); for HMAC, TLS_PRF and SP800_56A_CONCAT it is a
 * hypothesis.
 */
#include "winetest.h"
#include "cng_test.h"

#define SEED_64 "000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f" \
                "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f"

/* ------------------------------------------------------------------ */
/* fixed agreements                                                    */
/* ------------------------------------------------------------------ */

enum agreement_id { AG_ECDH_W, AG_RFC_P256, AG_RFC_P384, AG_DH512, AG_DH1024, AG_COUNT };

struct agreement
{
    const char *name;
    const WCHAR *alg;
    const WCHAR *private_type, *public_type;
    const char *private_blob, *public_blob;   /* hex; no public blob: the key agrees with itself */
};

static const struct agreement agreements[AG_COUNT] =
{
    [AG_ECDH_W] = { "ECDH P-256 (Wine's key pair)", BCRYPT_ECDH_P256_ALGORITHM, BCRYPT_ECCPRIVATE_BLOB, BCRYPT_ECCPUBLIC_BLOB,
        "45434b3220000000"
        "fbbd3d201b6d66b37c9f89f3e44116a5685277acab55b26cb02355cb9614fd0b1cefdf076d31af39ce8c8f9d75d07bea"
        "81dc40211f58225f7255fc588aeb885d020990d2e336acfe83136c881aab9bddaa8aee699a6a62866a136988b7d5a3cd",
        "45434b3120000000"
        "07619d49636b9694d18fd148cccf724dff43f4970fa38a72e9e0ba876dc36215ae65dd3151fc3bc959a10a92172b6455"
        "033e621dac3e37406a4cb6213f735cf5" },
    [AG_RFC_P256] = { "ECDH P-256 (RFC 5903 8.1)", BCRYPT_ECDH_P256_ALGORITHM, BCRYPT_ECCPRIVATE_BLOB, BCRYPT_ECCPUBLIC_BLOB,
        "45434b3220000000"
        "dad0b65394221cf9b051e1feca5787d098dfe637fc90b9ef945d0c37725811805271a0461cdb8252d61f1c456fa3e59a"
        "b1f45b33accf5f58389e0577b8990bb3c88f01f510d9ac3f70a292daa2316de544e9aab8afe84049c62a9c57862d1433",
        "45434b3120000000"
        "d12dfb5289c8d4f81208b70270398c342296970a0bccb74c736fc7554494bf6356fbf3ca366cc23e8157854c13c58d6a"
        "ac23f046ada30f8353e74f33039872ab" },
    [AG_RFC_P384] = { "ECDH P-384 (RFC 5903 8.2)", BCRYPT_ECDH_P384_ALGORITHM, BCRYPT_ECCPRIVATE_BLOB, BCRYPT_ECCPUBLIC_BLOB,
        "45434b3430000000"
        "667842d7d180ac2cde6f74f37551f55755c7645c20ef73e31634fe72b4c55ee6de3ac808acb4bdb4c88732aee95f41aa"
        "9482ed1fc0eeb9cafc4984625ccfc23f65032149e0e144ada024181535a0f38eeb9fcff3c2c947dae69b4c634573a81c"
        "099f3c7034d4a2c699884d73a375a67f7624ef7c6b3c0f160647b67414dce655e35b538041e649ee3faef896783ab194",
        "45434b3330000000"
        "e558dbef53eecde3d3fccfc1aea08a89a987475d12fd950d83cfa41732bc509d0d1ac43a0336def96fda41d0774a3571"
        "dcfbec7aacf3196472169e838430367f66eebe3c6e70c416dd5f0c68759dd1fff83fa40142209dff5eaad96db9e6386c" },
    [AG_DH512] = { "DH 512 (Wine's key pair)", BCRYPT_DH_ALGORITHM, BCRYPT_DH_PRIVATE_BLOB, BCRYPT_DH_PUBLIC_BLOB,
        "4448505640000000"
        "cf18e9a9b39759ae0dacf09939dcd2fe1ef3fc2c49df7689ff1357c7e6bdeda742c0c3d78e84a8dfcd525081738a3360"
        "de6d56ebd5ec1f9f9fd62ce48fab580b5fc5509adef6844839a9a7b1730c56d428bb1293514433dfa6e77f0b3fe941ef"
        "3280cd8e2b3885494d0ccc74020792d3e43e3784271fa3ad948cc1c2229936f022af98ebd9c4b5bde1ab191be33620ca"
        "ffe86c30963c90770ee096aeb147d1522cc3655e9b419aa6feab54a0f071ab6cd00e01085b66e562d2e55dae9c60b2c6"
        "000000000000000000000000000000000000000000000000000000000000000000000000000000000000000097713e82"
        "8bea1177c4b462c74dff0f63d9e2daab",
        "4448504240000000"
        "cf18e9a9b39759ae0dacf09939dcd2fe1ef3fc2c49df7689ff1357c7e6bdeda742c0c3d78e84a8dfcd525081738a3360"
        "de6d56ebd5ec1f9f9fd62ce48fab580b5fc5509adef6844839a9a7b1730c56d428bb1293514433dfa6e77f0b3fe941ef"
        "3280cd8e2b3885494d0ccc74020792d3e43e3784271fa3ad948cc1c2229936f022af98ebd9c4b5bde1ab191be33620ca"
        "ffe86c30963c90770ee096aeb147d1522cc3655e9b419aa6feab54a0f071ab6cd00e01085b66e562d2e55dae9c60b2c6" },
    [AG_DH1024] = { "DH 1024 with itself (Wine's key)", BCRYPT_DH_ALGORITHM, BCRYPT_DH_PRIVATE_BLOB, NULL,
        "4448505680000000"
        "9cf6cac427dbb4575f13f73686a6cb5c19887bc3b2c9351dcfa107bb1b1c5d0c10cb9ac7bbdadf31b9022e7045b3fa1e"
        "74802a269876df5e30c69d9b934bc3138b92bcac8ced9eb7e9dc1374801252a595e6d8889f2610a319577cca5b770ccd"
        "f22c6e9a515c239e2db69df42424e7285ada444a8d26983de32b4d8ee6444e25557ea618a1132e57a81cf846b9c931c3"
        "d43dfef85a9e888afd05056c21a197bd67bd2ded8efa9ef387c2f9366cfabbf6ad421e460e17dc172edc02c0a4d91348"
        "b8ab6f0b60189e6ad9cba8a85d6bedb7234db3abfde1fbf21edf7086e6a47fba129703f7308f44942e810ce17619313e"
        "c472ddcf8fa9bebdd640a5c9576d6489333bb67ab6e9a1039b7a7f94eb9ee55a05eb121d925d423fbac628e0c9dd90bf"
        "5af554b5b688eb7a5f3a444a1151b3ba0c8ac78282d48d29b17c93022edc4cc9eb10b0592b0abc3be0fe45d8dbd0c104"
        "24948c0cb2d4af1cd9aea79a8684476ad71f84a80af4efbfc5bcd78f7789b23b55799a2be4d25ca557d66a1b21df7c06"
        "2069f3061b0e28630f937df1a8746ea06f3a3b460745462a82a9f8937d0a628f112da3edd4a6069788e5dc3346c4a175"
        "67b58a04faaa35d71c7c6f801a65b9dcb4f3ac26c91cf945fce60d2a0c3dc0f3aae0aef536afea3e61eecc1883a7fa83"
        "50522b4b22eaccf44b71c05ac62b0b3fce131b48a70e0412edbbe066671a8e15",
        NULL },
};

/* Imports the pair and agrees; NULL (after a skip) while the family cannot. */
static BCRYPT_SECRET_HANDLE make_secret(enum agreement_id id)
{
    const struct agreement *ag = &agreements[id];
    BCRYPT_KEY_HANDLE private_key = NULL, public_key = NULL;
    BCRYPT_SECRET_HANDLE secret = NULL;
    BCRYPT_ALG_HANDLE alg = NULL;
    UCHAR blob[600];
    ULONG len;
    NTSTATUS status;

    if ((status = BCryptOpenAlgorithmProvider(&alg, ag->alg, NULL, 0))) goto done;
    len = hex_to_bytes(ag->private_blob, blob, sizeof(blob));
    if ((status = BCryptImportKeyPair(alg, NULL, ag->private_type, &private_key, blob, len, 0))) goto done;
    if (ag->public_blob)
    {
        len = hex_to_bytes(ag->public_blob, blob, sizeof(blob));
        if ((status = BCryptImportKeyPair(alg, NULL, ag->public_type, &public_key, blob, len, 0))) goto done;
    }
    status = BCryptSecretAgreement(private_key, public_key ? public_key : private_key, &secret, 0);
done:
    if (status)
    {
        skip("%s: no secret agreement yet (%#lx); its vectors are skipped\n", ag->name, status);
        secret = NULL;
    }
    if (public_key) BCryptDestroyKey(public_key);
    if (private_key) BCryptDestroyKey(private_key);
    if (alg) BCryptCloseAlgorithmProvider(alg, 0);
    return secret;
}

static void free_secret(BCRYPT_SECRET_HANDLE secret)
{
    NTSTATUS status;

    if (!secret) return;
    status = BCryptDestroySecret(secret);
    ok(status == STATUS_SUCCESS, "destroying the secret: got %#lx\n", status);
}

/* ------------------------------------------------------------------ */
/* parameter lists                                                     */
/* ------------------------------------------------------------------ */

enum param_set
{
    P_NONE, P_SHA1, P_SHA256, P_SHA384, P_FRAMED, P_HMAC_KEY, P_TLS10, P_TLS12, P_TLS12_SHA384, P_SSL3,
    P_CONCAT, P_CONCAT_SHA512,
};

struct param_list
{
    BCryptBufferDesc desc;
    BCryptBuffer buffers[8];
    UCHAR seed[64];
    ULONG protocol;
};

static void add_param(struct param_list *list, ULONG type, const void *data, ULONG len)
{
    BCryptBuffer *buffer = &list->buffers[list->desc.cBuffers++];

    buffer->BufferType = type;
    buffer->pvBuffer = (void *)data;
    buffer->cbBuffer = len;
}

#define ADD_STRING(list, type, s) add_param(list, type, s, sizeof(s) - 1)
#define ADD_HASH(list, name) add_param(list, KDF_HASH_ALGORITHM, name, sizeof(name))

/* Builds a parameter list; returns NULL for P_NONE (no list at all). */
static BCryptBufferDesc *make_params(struct param_list *list, enum param_set set)
{
    memset(list, 0, sizeof(*list));
    list->desc.ulVersion = BCRYPTBUFFER_VERSION;
    list->desc.pBuffers = list->buffers;
    hex_to_bytes(SEED_64, list->seed, sizeof(list->seed));
    switch (set)
    {
    case P_NONE: return NULL;
    case P_SHA1: ADD_HASH(list, BCRYPT_SHA1_ALGORITHM); break;
    case P_SHA256: ADD_HASH(list, BCRYPT_SHA256_ALGORITHM); break;
    case P_SHA384: ADD_HASH(list, BCRYPT_SHA384_ALGORITHM); break;
    case P_FRAMED:
        /* The remarks' example: prepends 0405 20212223, appends 01 101112 [doc]. */
        ADD_HASH(list, BCRYPT_SHA256_ALGORITHM);
        ADD_STRING(list, KDF_SECRET_APPEND, "\x01");
        ADD_STRING(list, KDF_SECRET_PREPEND, "\x04\x05");
        ADD_STRING(list, KDF_SECRET_APPEND, "\x10\x11\x12");
        ADD_STRING(list, KDF_SECRET_PREPEND, "\x20\x21\x22\x23");
        break;
    case P_HMAC_KEY:
        ADD_HASH(list, BCRYPT_SHA256_ALGORITHM);
        ADD_STRING(list, KDF_HMAC_KEY, "hmac key");
        ADD_STRING(list, KDF_SECRET_PREPEND, "pre");
        ADD_STRING(list, KDF_SECRET_APPEND, "app");
        break;
    case P_TLS10: case P_TLS12: case P_TLS12_SHA384: case P_SSL3:
        ADD_STRING(list, KDF_TLS_PRF_LABEL, "master secret");
        add_param(list, KDF_TLS_PRF_SEED, list->seed, sizeof(list->seed));
        if (set == P_TLS10) break;
        list->protocol = set == P_SSL3 ? 0x0300 : 0x0303;   /* SSL3_, TLS1_2_PROTOCOL_VERSION [doc] */
        add_param(list, KDF_TLS_PRF_PROTOCOL, &list->protocol, sizeof(list->protocol));
        if (set == P_TLS12_SHA384) ADD_HASH(list, BCRYPT_SHA384_ALGORITHM);
        break;
    case P_CONCAT: case P_CONCAT_SHA512:
        ADD_STRING(list, KDF_ALGORITHMID, "A256GCM");
        ADD_STRING(list, KDF_PARTYUINFO, "Alice");
        ADD_STRING(list, KDF_PARTYVINFO, "Bob");
        ADD_STRING(list, KDF_SUPPPUBINFO, "\x00\x00\x01\x00");
        if (set == P_CONCAT_SHA512) ADD_HASH(list, BCRYPT_SHA512_ALGORITHM);
        break;
    }
    return &list->desc;
}

/* ------------------------------------------------------------------ */
/* vectors                                                             */
/* ------------------------------------------------------------------ */

enum kdf_id { K_RAW, K_HASH, K_HMAC, K_TLS, K_CONCAT };

static const WCHAR *const kdf_names[] =
{
    BCRYPT_KDF_RAW_SECRET, BCRYPT_KDF_HASH, BCRYPT_KDF_HMAC, BCRYPT_KDF_TLS_PRF, BCRYPT_KDF_SP80056A_CONCAT,
};

struct vector
{
    enum agreement_id agreement;
    enum kdf_id kdf;
    enum param_set params;
    ULONG flags;
    ULONG size;           /* what a NULL output reports */
    const char *expect;   /* asked for in full: as many bytes as the hex has */
};

/* Sizes: HASH/HMAC = digest length, TRUNCATE = secret length [wine-test];
 * TLS_PRF 48 [doc]; SP800_56A_CONCAT one digest [hypothesis], and it fills
 * a longer buffer block by block [hypothesis: SP 800-56A keydatalen]. */
static const struct vector vectors[] =
{
    { AG_ECDH_W, K_RAW, P_NONE, 0,  32, /* wine-test */
      "48b011db694eb4f4f53ee19bca0004c89b69afd1af1fc2d7830ab7f84f24328e" },
    { AG_ECDH_W, K_HASH, P_SHA1, 0,  20, /* wine-test */
      "1be7bf0f651ed007f9f477484839d0f8f3cefc89" },
    { AG_ECDH_W, K_HASH, P_NONE, 0,  20, /* wine-test: SHA-1 by default */
      "1be7bf0f651ed007f9f477484839d0f8f3cefc89" },
    { AG_ECDH_W, K_HASH, P_FRAMED, 0,  32, /* offline: doc remarks order */
      "ef4fc5a6078708530091b075a065a6b7fcb886574c23ca21e00a80597300229d" },
    { AG_ECDH_W, K_HASH, P_SHA1, 1,  20, /* hypothesis: the flag is ignored by HASH (.NET passes it) */
      "1be7bf0f651ed007f9f477484839d0f8f3cefc89" },
    { AG_ECDH_W, K_HMAC, P_HMAC_KEY, 0,  32, /* offline: doc HMAC(key, prepend||Z||append) */
      "b3ed3c2d3cc40886cdd73219f08ac74d4d8be557f5aa3f94bf36ad2a48521af3" },
    { AG_ECDH_W, K_HMAC, P_SHA384, 1,  48, /* offline: doc, key = Z (big-endian, hypothesis) */
      "79d7757fd1825959e260ace4177c42193618b77ba951bef0cd804bf4c7ddd0f7"
      "b78ae2eecbf46b64bb20cacb5c0f76f3" },
    { AG_ECDH_W, K_TLS, P_TLS10, 0,  48, /* offline: RFC 2246 PRF, Z big-endian (hypothesis) */
      "45f8b0ab31bd0a68844ee4bec2a95fe0bca136ffe325c40eb4963078cfdd9395"
      "aebdb3136c9dc682ed4c98e9f231e877" },
    { AG_ECDH_W, K_TLS, P_TLS12, 0,  48, /* offline: RFC 5246 PRF, SHA-256 default (doc) */
      "65b0e9863bbe9382017f4ef06c99ea0b2d7762772479811996726d0934c07ad1"
      "84c261b4867ceaea4c93b8159ee98939" },
    { AG_ECDH_W, K_TLS, P_TLS12_SHA384, 0,  48, /* offline: RFC 5246 PRF with SHA-384 (doc) */
      "f7544bd82a1830723deff41216d2514b13eacc39200bba0427792507b1c54c7b"
      "8e8df2010dad25a56376d61b03dd523e" },
    { AG_ECDH_W, K_TLS, P_SSL3, 0,  48, /* offline: RFC 6101 master secret (hypothesis) */
      "c967bd3ccfe841c0f682c560c34bb351faa91afe5f9d07fe0a6fd5951c3c0e33"
      "681c9ddccd0de222c72e026744f0d378" },
    { AG_ECDH_W, K_CONCAT, P_CONCAT, 0,  32, /* offline: SP 800-56A, SHA-256 for P-256 (doc) */
      "0d537e1d02016c63babac94bff157d8f62bdca561b21efc698757807cc4f5eab"
      "619316fe9964269264601015c5672e0f5d99693d732bf818d31bdbca349a0941" },
    { AG_ECDH_W, K_CONCAT, P_CONCAT_SHA512, 0,  64, /* offline: SP 800-56A, named hash (hypothesis) */
      "a32d342bd445b7c86ef938a22f9985534e41943aca0ac58d2636a2212bb4d546"
      "dfaa3525e456389adee57ee553c9eff3e4ebce37208dcc08abded817d865ab1c" },
    { AG_RFC_P256, K_RAW, P_NONE, 0,  32, /* RFC 5903 8.1, little-endian (doc) */
      "de42944bd064248103ce7dce9e8eef2f206525e1e01631d1afedf6426b0f84d6" },
    { AG_RFC_P256, K_HASH, P_FRAMED, 0,  32, /* offline: doc remarks order */
      "03323175aea7415009abba34d3cd9876864dc811e13c65c2052d33b591b2c243" },
    { AG_RFC_P256, K_TLS, P_TLS12, 0,  48, /* offline: RFC 5246 PRF */
      "fcec41958d926bb98b391e7cf40ae8d81f8b443441f7eaaefdd31ac869bf03ce"
      "516a5b618cd3eb6d6f91152b4f2f22e6" },
    { AG_RFC_P256, K_CONCAT, P_CONCAT, 0,  32, /* offline: SP 800-56A, SHA-256 for P-256 (doc) */
      "50e72dba8e7ad31ef88beb583025478145b42f6a12c9f3efa74d64a418180ff5"
      "ae507f4cc761fa88b03685fd5026bec5aa6634e75eea4cd8868ba0865eb293c9" },
    { AG_RFC_P384, K_RAW, P_NONE, 0,  48, /* RFC 5903 8.2, little-endian (doc) */
      "4697f570a2d4f59cd0e9b969551303d6c4c556717e28217518472e426f920a9d"
      "cb92d53f2404d6932d9679c231731811" },
    { AG_RFC_P384, K_HMAC, P_HMAC_KEY, 0,  32, /* offline: doc */
      "bde47459378b117ee0ff4986a526feeaca84bdaa90dbe44e88d10bf51b4ca466" },
    { AG_RFC_P384, K_TLS, P_TLS10, 0,  48, /* offline: RFC 2246 PRF */
      "4482f2ff0db96a3ebea8dcf3feb80bbac3de7038ae29da117cb59d1258f77ee6"
      "efdb71c283ced0af69e0c28bb66d0958" },
    { AG_RFC_P384, K_CONCAT, P_CONCAT, 0,  48, /* offline: SP 800-56A, SHA-384 for P-384 (doc) */
      "869827c1f9a4a8a3bad605833f53c17f2a1eb1b35823b86c28096614809407f5"
      "c064fb1ecbac7792288f43f1cbbd2712806cb10e668455bd64bc50e66a012a40" },
    { AG_DH512, K_RAW, P_NONE, 0,  64, /* wine-test */
      "738462c19a9cc2919fc1c2940ca82f58ac50cdd52943418e5dca73554d4650e5"
      "b734a9cb3a18689930ef5826d303610217b7ba01bcaedf3fb5b54ab008e5eac3" },
    { AG_DH512, K_HASH, P_SHA1, 0,  20, /* wine-test */
      "a7fcff21b3d146b8213dc6d4e361975eb50afe8f" },
    { AG_DH512, K_CONCAT, P_CONCAT, 0,  32, /* offline: SP 800-56A, SHA-256 for DH (hypothesis) */
      "37a640ab2484d6f2c369f15842227a594b9fd57c5ae75953add8b4a11109718d"
      "16fe55a8fec49619d9e4ee2873ccef37f30d52073663f25ce30893e8f7b4045e" },
    { AG_DH1024, K_RAW, P_NONE, 0, 128, /* wine-test */
      "b5895d3770c2a93582bac5fb6930eb09b06509d5f710e5ac31871e981561a780"
      "48d386f3dfb817caec840e0b6e751ff820fa3050713b110379e8b797ae5f9b89"
      "993291e6760027093a81bc3970f03ede3a5bad65a44b7c2bf98ec986affe3632"
      "f753023eddd289043d9a6697ca2f2450b1ec4a5d5f802dcfffaf5822cd920e75" },
    { AG_DH1024, K_HASH, P_NONE, 0,  20, /* wine-test */
      "9cbaab0bbdacde0b7465e304cd4d50ddb08dd80c" },
    { AG_DH1024, K_HASH, P_SHA256, 0,  32, /* wine-test */
      "5bdb13320b25c88cabea29c809379300a90a1668201e9ffbe66823f9eb188e2b" },
    { AG_DH1024, K_TLS, P_TLS12, 0,  48, /* offline: RFC 5246 PRF */
      "e023c9de20da48b403f2c3cb2de9eb108244aa12f3aab052a96bdfa9a2b27a71"
      "cc8839183d90121b556bf214cfa1f065" },
    { AG_DH1024, K_TLS, P_TLS10, 0,  48, /* offline: RFC 2246 PRF */
      "edf84ec740374e6bc5b86eb97ad586f19d3f1488ae5cf6630d4c8f6994536898"
      "40538d51bcf20d5f807cccb3da2875c5" },
};

static void test_BCryptDeriveKey_vectors(void)
{
    BCRYPT_SECRET_HANDLE secrets[AG_COUNT];
    struct param_list list;
    BCryptBufferDesc *params;
    UCHAR out[160], want[160];
    ULONG i, size, want_len;
    NTSTATUS status;

    for (i = 0; i < AG_COUNT; i++) secrets[i] = make_secret(i);
    for (i = 0; i < ARRAY_SIZE(vectors); i++)
    {
        const struct vector *v = &vectors[i];

        if (!secrets[v->agreement]) continue;
        winetest_push_context("row %lu (%s, %s)", i, agreements[v->agreement].name, winetest_wstr(kdf_names[v->kdf]));
        params = make_params(&list, v->params);
        want_len = hex_to_bytes(v->expect, want, sizeof(want));

        /* Wine 8's BCryptDeriveKey returns STATUS_INTERNAL_ERROR for everything */
        size = SEED_ULONG;
        status = BCryptDeriveKey(secrets[v->agreement], kdf_names[v->kdf], params, NULL, 0, &size, v->flags);
        todo_builtin ok(status == STATUS_SUCCESS, "size query: got %#lx\n", status);
        todo_builtin ok(size == v->size, "size query: got %lu, expected %lu\n", size, v->size);

        seed(out, sizeof(out));
        size = SEED_ULONG;
        status = BCryptDeriveKey(secrets[v->agreement], kdf_names[v->kdf], params, out, want_len, &size, v->flags);
        todo_builtin ok(status == STATUS_SUCCESS, "got %#lx\n", status);
        todo_builtin ok(size == want_len, "got size %lu, expected %lu\n", size, want_len);
        todo_builtin ok(!memcmp(out, want, want_len), "got %s\n", winetest_hex(out, want_len));
        ok(is_seeded_range(out, want_len, sizeof(out)), "wrote past the result\n");
        winetest_pop_context();
    }
    for (i = 0; i < AG_COUNT; i++) free_secret(secrets[i]);
}

/* ------------------------------------------------------------------ */
/* handles: no agreement needed                                        */
/* ------------------------------------------------------------------ */

/* A NULL secret -> STATUS_INVALID_HANDLE [wine-test]; the handle is checked
 * before the KDF name and pcbResult [hypothesis: wine-test passes both]. */
static void test_BCryptDeriveKey_null_handle(void)
{
    UCHAR out[20];
    ULONG size = SEED_ULONG;
    NTSTATUS status;

    status = BCryptDeriveKey(NULL, BCRYPT_KDF_HASH, NULL, NULL, 0, &size, 0);
    ok(status == STATUS_INVALID_HANDLE, "got %#lx\n", status);
    ok(size == SEED_ULONG, "size written: %lu\n", size);   /* hypothesis */
    status = BCryptDeriveKey(NULL, NULL, NULL, NULL, 0, &size, 0);
    ok(status == STATUS_INVALID_HANDLE, "NULL KDF: got %#lx\n", status);
    status = BCryptDeriveKey(NULL, BCRYPT_KDF_HASH, NULL, out, sizeof(out), NULL, 0);
    ok(status == STATUS_INVALID_HANDLE, "NULL pcbResult: got %#lx\n", status);
}

/* Key handles are not secrets -> STATUS_INVALID_HANDLE [wine-test with an
 * ECDH key]; an AES key, a provider and a hash handle too [hypothesis]. */
static void test_BCryptDeriveKey_foreign_handles(void)
{
    static const UCHAR aes_secret[16] = { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16 };
    BCRYPT_ALG_HANDLE aes, ecdh;
    BCRYPT_HASH_HANDLE hash = NULL;
    BCRYPT_KEY_HANDLE key = NULL;
    ULONG size = SEED_ULONG;
    NTSTATUS status;

    if ((aes = open_alg(BCRYPT_AES_ALGORITHM, NULL)))
    {
        status = BCryptGenerateSymmetricKey(aes, &key, NULL, 0, (UCHAR *)aes_secret, sizeof(aes_secret), 0);
        ok(status == STATUS_SUCCESS, "AES key: got %#lx\n", status);
        status = BCryptDeriveKey(key, BCRYPT_KDF_HASH, NULL, NULL, 0, &size, 0);
        ok(status == STATUS_INVALID_HANDLE, "AES key: got %#lx\n", status);
        status = BCryptDeriveKey(aes, BCRYPT_KDF_HASH, NULL, NULL, 0, &size, 0);
        ok(status == STATUS_INVALID_HANDLE, "provider: got %#lx\n", status);
        if (key) BCryptDestroyKey(key);
        close_alg(aes);
    }
    status = BCryptCreateHash(BCRYPT_SHA1_ALG_HANDLE, &hash, NULL, 0, NULL, 0, 0);
    ok(status == STATUS_SUCCESS, "hash: got %#lx\n", status);
    status = BCryptDeriveKey(hash, BCRYPT_KDF_HASH, NULL, NULL, 0, &size, 0);
    ok(status == STATUS_INVALID_HANDLE, "hash: got %#lx\n", status);
    if (hash) BCryptDestroyHash(hash);
    ok(size == SEED_ULONG, "size written: %lu\n", size);

    key = NULL;
    if ((ecdh = open_alg(BCRYPT_ECDH_P256_ALGORITHM, NULL)))
    {
        status = BCryptGenerateKeyPair(ecdh, &key, 256, 0);
        if (!status) status = BCryptFinalizeKeyPair(key, 0);
        if (status) skip("no ECDH P-256 key pair yet (%#lx)\n", status);
        else
        {
            status = BCryptDeriveKey(key, BCRYPT_KDF_HASH, NULL, NULL, 0, &size, 0);
            ok(status == STATUS_INVALID_HANDLE, "ECDH key: got %#lx\n", status);
        }
        if (key) BCryptDestroyKey(key);
        close_alg(ecdh);
    }
}

/* ------------------------------------------------------------------ */
/* rules on a live secret                                              */
/* ------------------------------------------------------------------ */

#define derive(s, kdf, set, out, len, size, flags) derive_(s, kdf, set, out, len, size, flags)
static NTSTATUS derive_(BCRYPT_SECRET_HANDLE secret, const WCHAR *kdf, enum param_set set, UCHAR *out, ULONG len,
                        ULONG *size, ULONG flags)
{
    struct param_list list;
    return BCryptDeriveKey(secret, kdf, make_params(&list, set), out, len, size, flags);
}

/* kdf NULL or pcbResult NULL -> STATUS_INVALID_PARAMETER [wine-test]. */
static void test_BCryptDeriveKey_null_arguments(BCRYPT_SECRET_HANDLE secret)
{
    UCHAR out[20];
    ULONG size = SEED_ULONG;
    NTSTATUS status;

    status = BCryptDeriveKey(secret, NULL, NULL, NULL, 0, &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL KDF: got %#lx\n", status);
    status = derive(secret, BCRYPT_KDF_HASH, P_SHA1, out, sizeof(out), NULL, 0);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "NULL pcbResult: got %#lx\n", status);
    status = derive(secret, BCRYPT_KDF_HASH, P_SHA1, NULL, 0, NULL, 0);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "NULL pcbResult, size query: got %#lx\n", status);  /* hypothesis */
}

/* A short buffer gets the first bytes and *pcbResult = its size; a long one
 * gets the whole key and the rest stays untouched [doc, wine-test]. */
static void test_BCryptDeriveKey_output_sizes(BCRYPT_SECRET_HANDLE secret)
{
    static const char sha1_w[] = "1be7bf0f651ed007f9f477484839d0f8f3cefc89";      /* wine-test */
    static const char raw_w[] = "48b011db694eb4f4f53ee19bca0004c89b69afd1af1fc2d7830ab7f84f24328e";
    UCHAR out[128], want[32];
    ULONG size;
    NTSTATUS status;

    /* Wine 8's BCryptDeriveKey returns STATUS_INTERNAL_ERROR for everything */
    hex_to_bytes(sha1_w, want, sizeof(want));
    seed(out, sizeof(out));
    status = derive(secret, BCRYPT_KDF_HASH, P_SHA1, out, 10, &size, 0);
    todo_builtin ok(status == STATUS_SUCCESS && size == 10, "HASH into 10: got %#lx, size %lu\n", status, size);
    todo_builtin ok(!memcmp(out, want, 10) && is_seeded_range(out, 10, sizeof(out)), "got %s\n", winetest_hex(out, 20));

    seed(out, sizeof(out));
    status = derive(secret, BCRYPT_KDF_HASH, P_SHA1, out, sizeof(out), &size, 0);
    todo_builtin ok(status == STATUS_SUCCESS && size == 20, "HASH into 128: got %#lx, size %lu\n", status, size);
    todo_builtin ok(!memcmp(out, want, 20) && is_seeded_range(out, 20, sizeof(out)), "got %s\n", winetest_hex(out, 24));

    /* TRUNCATE keeps the little-endian order when cut short [doc]. */
    hex_to_bytes(raw_w, want, sizeof(want));
    seed(out, sizeof(out));
    status = derive(secret, BCRYPT_KDF_RAW_SECRET, P_NONE, out, 16, &size, 0);
    todo_builtin ok(status == STATUS_SUCCESS && size == 16, "TRUNCATE into 16: got %#lx, size %lu\n", status, size);
    todo_builtin ok(!memcmp(out, want, 16) && is_seeded_range(out, 16, sizeof(out)), "got %s\n", winetest_hex(out, 20));

    /* A zero-length buffer: nothing to write [hypothesis]. */
    seed(out, sizeof(out));
    size = SEED_ULONG;
    status = derive(secret, BCRYPT_KDF_HASH, P_SHA1, out, 0, &size, 0);
    todo_builtin ok(status == STATUS_SUCCESS && size == 0, "HASH into 0: got %#lx, size %lu\n", status, size);
    ok(is_seeded(out, sizeof(out)), "wrote into a zero-length buffer\n");
}

/* ulVersion is not checked [wine-test]. */
static void test_BCryptDeriveKey_version_unchecked(BCRYPT_SECRET_HANDLE secret)
{
    struct param_list list;
    BCryptBufferDesc *params = make_params(&list, P_SHA1);
    ULONG size = SEED_ULONG;
    NTSTATUS status;

    params->ulVersion = 0xdeadbeef;
    status = BCryptDeriveKey(secret, BCRYPT_KDF_HASH, params, NULL, 0, &size, 0);
    ok(status == STATUS_SUCCESS && size == 20, "got %#lx, size %lu\n", status, size);
}

/* An unknown hash name or a non-hash ("RNG") -> STATUS_NOT_SUPPORTED
 * [wine-test]; so is a cipher name [hypothesis]. */
static void test_BCryptDeriveKey_bad_hash(BCRYPT_SECRET_HANDLE secret)
{
    static const WCHAR *const names[] = { L"INVALID", BCRYPT_RNG_ALGORITHM, BCRYPT_AES_ALGORITHM };
    struct param_list list;
    ULONG i, size;
    NTSTATUS status;

    for (i = 0; i < ARRAY_SIZE(names); i++)
    {
        make_params(&list, P_NONE);
        add_param(&list, KDF_HASH_ALGORITHM, names[i], (ULONG)((wcslen(names[i]) + 1) * sizeof(WCHAR)));
        status = BCryptDeriveKey(secret, BCRYPT_KDF_HASH, &list.desc, NULL, 0, &size, 0);
        ok(status == STATUS_NOT_SUPPORTED, "%s: got %#lx\n", winetest_wstr(names[i]), status);
    }
}

/* Rules from the doc's parameter tables; the statuses are [hypothesis]. */
static void test_BCryptDeriveKey_missing_parameters(BCRYPT_SECRET_HANDLE secret)
{
    struct param_list list;
    ULONG size, i, keep;
    NTSTATUS status;

    /* HMAC needs KDF_HMAC_KEY or KDF_USE_SECRET_AS_HMAC_KEY_FLAG [doc]. */
    status = derive(secret, BCRYPT_KDF_HMAC, P_SHA256, NULL, 0, &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "HMAC without a key: got %#lx\n", status);

    /* TLS_PRF: label and seed are required, the seed is 64 bytes [doc]. */
    for (i = 0; i < 2; i++)
    {
        make_params(&list, P_TLS10);
        list.desc.cBuffers = 1;                     /* label only */
        if (i) { list.desc.cBuffers = 2; list.buffers[1].cbBuffer = 63; }
        status = BCryptDeriveKey(secret, BCRYPT_KDF_TLS_PRF, &list.desc, NULL, 0, &size, 0);
        ok(status == STATUS_INVALID_PARAMETER, "TLS_PRF %s: got %#lx\n", i ? "63-byte seed" : "no seed", status);
    }
    /* TLS 1.2 takes SHA-256 or SHA-384 only [doc]. */
    make_params(&list, P_TLS12);
    ADD_HASH(&list, BCRYPT_SHA1_ALGORITHM);
    status = BCryptDeriveKey(secret, BCRYPT_KDF_TLS_PRF, &list.desc, NULL, 0, &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "TLS 1.2 with SHA-1: got %#lx\n", status);

    /* SP800_56A_CONCAT: AlgorithmID, PartyUInfo and PartyVInfo are required [doc]. */
    for (i = 0; i < 3; i++)
    {
        make_params(&list, P_CONCAT);
        keep = list.buffers[i].BufferType;
        list.buffers[i].BufferType = KDF_SECRET_APPEND;   /* ignored by this KDF */
        status = BCryptDeriveKey(secret, BCRYPT_KDF_SP80056A_CONCAT, &list.desc, NULL, 0, &size, 0);
        ok(status == STATUS_INVALID_PARAMETER, "CONCAT without type %lu: got %#lx\n", keep, status);
    }
}

/* Lists that point nowhere get a status, never a crash [hypothesis: INVALID_PARAMETER];
 * TLS_PRF protocols: a DWORD [doc], SSL 2.0 has no such PRF [hypothesis]. */
static void test_BCryptDeriveKey_malformed_lists(BCRYPT_SECRET_HANDLE secret)
{
    struct param_list list;
    ULONG size;
    NTSTATUS status;

    make_params(&list, P_SHA1);
    list.desc.pBuffers = NULL;
    status = BCryptDeriveKey(secret, BCRYPT_KDF_HASH, &list.desc, NULL, 0, &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL pBuffers: got %#lx\n", status);

    make_params(&list, P_SHA1);
    list.buffers[0].pvBuffer = NULL;
    status = BCryptDeriveKey(secret, BCRYPT_KDF_HASH, &list.desc, NULL, 0, &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL hash name: got %#lx\n", status);

    make_params(&list, P_FRAMED);
    list.buffers[2].pvBuffer = NULL;
    status = BCryptDeriveKey(secret, BCRYPT_KDF_HASH, &list.desc, NULL, 0, &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "NULL prepend with a length: got %#lx\n", status);

    make_params(&list, P_TLS12);
    list.buffers[2].cbBuffer = 2;
    status = BCryptDeriveKey(secret, BCRYPT_KDF_TLS_PRF, &list.desc, NULL, 0, &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "2-byte protocol: got %#lx\n", status);

    make_params(&list, P_TLS12);
    list.protocol = 0x0002;   /* SSL2_PROTOCOL_VERSION */
    status = BCryptDeriveKey(secret, BCRYPT_KDF_TLS_PRF, &list.desc, NULL, 0, &size, 0);
    ok(status == STATUS_NOT_SUPPORTED, "SSL 2.0: got %#lx\n", status);

    /* An empty list is no list [hypothesis]. */
    make_params(&list, P_NONE);
    size = SEED_ULONG;
    status = BCryptDeriveKey(secret, BCRYPT_KDF_HASH, &list.desc, NULL, 0, &size, 0);
    ok(status == STATUS_SUCCESS && size == 20, "empty list: got %#lx, size %lu\n", status, size);
}

/* Only KDF_USE_SECRET_AS_HMAC_KEY_FLAG is a flag; unknown KDFs are refused [hypothesis]. */
static void test_BCryptDeriveKey_flags_and_names(BCRYPT_SECRET_HANDLE secret)
{
    ULONG size;
    NTSTATUS status;

    status = derive(secret, BCRYPT_KDF_HASH, P_SHA1, NULL, 0, &size, 2);
    ok(status == STATUS_INVALID_PARAMETER, "flags 2: got %#lx\n", status);
    status = derive(secret, L"NOT_A_KDF", P_NONE, NULL, 0, &size, 0);
    ok(status == STATUS_NOT_SUPPORTED, "unknown KDF: got %#lx\n", status);
}

static void test_BCryptDeriveKey_rules(void)
{
    BCRYPT_SECRET_HANDLE secret = make_secret(AG_ECDH_W);

    if (!secret) return;
    test_BCryptDeriveKey_null_arguments(secret);
    test_BCryptDeriveKey_output_sizes(secret);
    /* Wine 8's BCryptDeriveKey returns STATUS_INTERNAL_ERROR for everything */
    todo_builtin
    {
        test_BCryptDeriveKey_version_unchecked(secret);
        test_BCryptDeriveKey_bad_hash(secret);
        test_BCryptDeriveKey_missing_parameters(secret);
        test_BCryptDeriveKey_malformed_lists(secret);
        test_BCryptDeriveKey_flags_and_names(secret);
    }
    free_secret(secret);
}

START_TEST(secret_derive)
{
    test_BCryptDeriveKey_null_handle();
    test_BCryptDeriveKey_foreign_handles();
    test_BCryptDeriveKey_rules();
    test_BCryptDeriveKey_vectors();
}
