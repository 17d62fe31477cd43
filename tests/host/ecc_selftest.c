/*
 * Host self-test of ecc_unix.c (the ECDSA/ECDH row), called through
 * unix_main.c's call table exactly as Wine would dispatch.  Built by the
 * Makefile against all bridge unix sources.  Vectors: RFC 5903 section 8
 * (ECDH on P-256/384/521) and NIST CAVP FIPS 186-4 SigVer.rsp records
 * (digests precomputed from their Msg).
 *
 * Prints "N passed, N failed"; exits non-zero on any failure.
 */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include "unix_private.h"
#include "selftest.h"

typedef bridge_status (*unixlib_entry)(void *args);
extern const unixlib_entry __wine_unix_call_funcs[];


static bridge_status call(enum bridge_call id, void *params)
{
    return __wine_unix_call_funcs[id](params);
}

#define U64(p) ((uint64_t)(uintptr_t)(p))
#define HDR 8

static const uint32_t lens[BRIDGE_CURVE_COUNT] = { 0, 32, 48, 66 };

static size_t unhex(const char *hex, uint8_t *out)
{
    size_t len = 0;
    unsigned int v;
    while (hex[0] && hex[1] && sscanf(hex, "%2x", &v) == 1) { out[len++] = (uint8_t)v; hex += 2; }
    return len;
}

/* A canonical blob: header (magic is the caller's), then the given hex parts. */
static uint32_t make_blob(uint8_t *blob, uint32_t magic, enum bridge_curve curve, const char *x, const char *y,
                          const char *d)
{
    uint32_t len = lens[curve], size = HDR;
    memcpy(blob, &magic, 4);
    memcpy(blob + 4, &len, 4);
    if (x) size += unhex(x, blob + size); else { memset(blob + size, 0, len); size += len; }
    if (y) size += unhex(y, blob + size); else { memset(blob + size, 0, len); size += len; }
    if (d) size += unhex(d, blob + size);
    return size;
}

static bridge_status complete(uint32_t asym, enum bridge_curve curve, const uint8_t *in, uint32_t in_len,
                              uint8_t *out, uint32_t *out_len)
{
    struct asym_complete_params p = { asym, curve, U64(in), U64(out), in_len, *out_len };
    bridge_status status = call(BRIDGE_ASYM_COMPLETE, &p);
    *out_len = p.output_len;
    return status;
}

static bridge_status agree(enum bridge_curve curve, const uint8_t *priv, uint32_t priv_len, const uint8_t *pub,
                           uint32_t pub_len, uint8_t *out, uint32_t *out_len)
{
    struct asym_agree_params p = { BRIDGE_ASYM_ECDH, curve, U64(priv), U64(pub), U64(out), priv_len, pub_len, *out_len };
    bridge_status status = call(BRIDGE_ASYM_AGREE, &p);
    *out_len = p.output_len;
    return status;
}

static bridge_status sign(enum bridge_curve curve, const uint8_t *key, uint32_t key_len, const uint8_t *digest,
                          uint32_t digest_len, uint8_t *sig, uint32_t *sig_len, int verify)
{
    struct asym_sign_params p = { BRIDGE_ASYM_ECDSA, curve, BRIDGE_PAD_NONE, BRIDGE_HASH_NONE, 0, key_len,
                                  U64(key), U64(digest), U64(sig), digest_len, *sig_len };
    bridge_status status = call(verify ? BRIDGE_ASYM_VERIFY : BRIDGE_ASYM_SIGN, &p);
    *sig_len = p.signature_len;
    return status;
}

/* RFC 5903, section 8: i, g^i, r, g^r, and the shared X coordinate. */
static const struct
{
    enum bridge_curve curve;
    const char *i, *gix, *giy, *r, *grx, *gry, *girx;
}
rfc5903[] =
{
    { BRIDGE_CURVE_P256,
      "C88F01F510D9AC3F70A292DAA2316DE544E9AAB8AFE84049C62A9C57862D1433",
      "DAD0B65394221CF9B051E1FECA5787D098DFE637FC90B9EF945D0C3772581180",
      "5271A0461CDB8252D61F1C456FA3E59AB1F45B33ACCF5F58389E0577B8990BB3",
      "C6EF9C5D78AE012A011164ACB397CE2088685D8F06BF9BE0B283AB46476BEE53",
      "D12DFB5289C8D4F81208B70270398C342296970A0BCCB74C736FC7554494BF63",
      "56FBF3CA366CC23E8157854C13C58D6AAC23F046ADA30F8353E74F33039872AB",
      "D6840F6B42F6EDAFD13116E0E12565202FEF8E9ECE7DCE03812464D04B9442DE" },
    { BRIDGE_CURVE_P384,
      "099F3C7034D4A2C699884D73A375A67F7624EF7C6B3C0F160647B67414DCE655E35B538041E649EE3FAEF896783AB194",
      "667842D7D180AC2CDE6F74F37551F55755C7645C20EF73E31634FE72B4C55EE6DE3AC808ACB4BDB4C88732AEE95F41AA",
      "9482ED1FC0EEB9CAFC4984625CCFC23F65032149E0E144ADA024181535A0F38EEB9FCFF3C2C947DAE69B4C634573A81C",
      "41CB0779B4BDB85D47846725FBEC3C9430FAB46CC8DC5060855CC9BDA0AA2942E0308312916B8ED2960E4BD55A7448FC",
      "E558DBEF53EECDE3D3FCCFC1AEA08A89A987475D12FD950D83CFA41732BC509D0D1AC43A0336DEF96FDA41D0774A3571",
      "DCFBEC7AACF3196472169E838430367F66EEBE3C6E70C416DD5F0C68759DD1FFF83FA40142209DFF5EAAD96DB9E6386C",
      "11187331C279962D93D604243FD592CB9D0A926F422E47187521287E7156C5C4D603135569B9E9D09CF5D4A270F59746" },
    { BRIDGE_CURVE_P521,
      "0037ADE9319A89F4DABDB3EF411AACCCA5123C61ACAB57B5393DCE47608172A095AA85A30FE1C2952C6771D937BA9777F5957B2639BAB072462F68C27A57382D4A52",
      "0015417E84DBF28C0AD3C278713349DC7DF153C897A1891BD98BAB4357C9ECBEE1E3BF42E00B8E380AEAE57C2D107564941885942AF5A7F4601723C4195D176CED3E",
      "017CAE20B6641D2EEB695786D8C946146239D099E18E1D5A514C739D7CB4A10AD8A788015AC405D7799DC75E7B7D5B6CF2261A6A7F1507438BF01BEB6CA3926F9582",
      "0145BA99A847AF43793FDD0E872E7CDFA16BE30FDC780F97BCCC3F078380201E9C677D600B343757A3BDBF2A3163E4C2F869CCA7458AA4A4EFFC311F5CB151685EB9",
      "00D0B3975AC4B799F5BEA16D5E13E9AF971D5E9B984C9F39728B5E5739735A219B97C356436ADC6E95BB0352F6BE64A6C2912D4EF2D0433CED2B6171640012D9460F",
      "015C68226383956E3BD066E797B623C27CE0EAC2F551A10C2C724D9852077B87220B6536C5C408A1D2AEBB8E86D678AE49CB57091F4732296579AB44FCD17F0FC56A",
      "01144C7D79AE6956BC8EDB8E7C787C4521CB086FA64407F97894E5E6B2D79B04D1427E73CA4BAA240A34786859810C06B3C715A3A8CC3151F2BEE417996D19F3DDEA" },
};

/* CAVP SigVer records: Q (X || Y), the SHA-2 digest of Msg, R || S, and the Result. */
static const struct
{
    enum bridge_curve curve;
    int valid;
    const char *q, *digest, *sig;
}
sigver[] =
{
    { BRIDGE_CURVE_P256, 1, "e424dc61d4bb3cb7ef4344a7f8957a0c5134e16f7a67c074f82e6e12f49abf3c970eed7aa2bc48651545949de1dddaf0127e5965ac85d1243d6f60e7dfaee927", "d1b8ef21eb4182ee270638061063a3f3c16c114e33937f69fb232cc833965a94", "bf96b99aa49c705c910be33142017c642ff540c76349b9dab72f981fd9347f4f17c55095819089c2e03b9cd415abdf12444e323075d98f31920b9e0f57ec871c" },
    { BRIDGE_CURVE_P256, 1, "e0fc6a6f50e1c57475673ee54e3a57f9a49f3328e743bf52f335e3eeaa3d28647f59d689c91e463607d9194d99faf316e25432870816dde63f5d4b373f12f22a", "b9336a8d1f3e8ede001d19f41320bc7672d772a3d2cb0e435fff3c27d6804a2c", "1d75830cd36f4c9aa181b2c4221e87f176b7f05b7c87824e82e396c88315c407cb2acb01dac96efc53a32d4a0d85d0c2e48955214783ecf50a4f0414a319c05a" },
    { BRIDGE_CURVE_P256, 0, "a849bef575cac3c6920fbce675c3b787136209f855de19ffe2e8d29b31a5ad86bf5fe4f7858f9b805bd8dcc05ad5e7fb889de2f822f3d8b41694e6c55c16b471", "640c13e290147a48c83e0ea75a0f92723cda125ee21a747e34c8d1b36f16cf2d", "25acc3aa9d9e84c7abf08f73fa4195acc506491d6fc37cb9074528a7db87b9d69b21d5b5259ed3f2ef07dfec6cc90d3a37855d1ce122a85ba6a333f307d31537" },
    { BRIDGE_CURVE_P256, 0, "69b7667056e1e11d6caf6e45643f8b21e7a4bebda463c7fdbc13bc98efbd0214d3f9b12eb46c7c6fda0da3fc85bc1fd831557f9abc902a3be3cb3e8be7d1aa2f", "d80e9933e86769731ec16ff31e6821531bcf07fcbad9e2ac16ec9e6cb343a870", "288f7a1cd391842cce21f00e6f15471c04dc182fe4b14d92dc18910879799790247b3c4e89a3bcadfea73c7bfd361def43715fa382b8c3edf4ae15d6e55e9979" },
    { BRIDGE_CURVE_P256, 0, "3dfb6f40f2471b29b77fdccba72d37c21bba019efa40c1c8f91ec405d7dcc5dff22f953f1e395a52ead7f3ae3fc47451b438117b1e04d613bc8555b7d6e6d1bb", "8a3e7ad7b9b1b0cdc48e58d1e651fe6d710fef1420addeb61582bdd982d2b44c", "548886278e5ec26bed811dbb72db1e154b6f17be70deb1b210107decb1ec2a5ae93bfebd2f14f3d827ca32b464be6e69187f5edbd52def4f96599c37d58eee75" },
    { BRIDGE_CURVE_P256, 0, "bf02cbcf6d8cc26e91766d8af0b164fc5968535e84c158eb3bc4e2d79c3cc682069ba6cb06b49d60812066afa16ecf7b51352f2c03bd93ec220822b1f3dfba03", "7c1048884558961c7e178b3a9b22583fca0d17f355a9887e2f96d363d2a776a3", "f5acb06c59c2b4927fb852faa07faf4b1852bbb5d06840935e849c4d293d1bad049dab79c89cc02f1484c437f523e080a75f134917fda752f2d5ca397addfe5d" },
    { BRIDGE_CURVE_P384, 1, "cb908b1fd516a57b8ee1e14383579b33cb154fece20c5035e2b3765195d1951d75bd78fb23e00fef37d7d064fd9af144cd99c46b5857401ddcff2cf7cf822121faf1cbad9a011bed8c551f6f59b2c360f79bfbe32adbcaa09583bdfdf7c374bb", "965b83f5d34f7443eb88e78fcc23479156c9cb0080dd68334dac0ad33ba8c774100e440063db28b40b51ac37705d4d70", "33f64fb65cd6a8918523f23aea0bbcf56bba1daca7aff817c8791dc92428d605ac629de2e847d43cee55ba9e4a0e83ba4428bb478a43ac73ecd6de51ddf7c28ff3c2441625a081714337dd44fea8011bae71959a10947b6ea33f77e128d3c6ae" },
    { BRIDGE_CURVE_P384, 0, "1f94eb6f439a3806f8054dd79124847d138d14d4f52bac93b042f2ee3cdb7dc9e09925c2a5fee70d4ce08c61e3b191601c4fd111f6e33303069421deb31e873126be35eeb436fe2034856a3ed1e897f26c846ee3233cd16240989a7990c19d8c", "8cf5e81c6858b8395421d8c913f1ac887e282b5818eab525fb79feb9bc64bca7eb98f94b9e48b705e6c28311bb0ca672", "3c15c3cedf2a6fbff2f906e661f5932f2542f0ce68e2a8182e5ed3858f33bd3c5666f17ac39e52cb004b80a0d4ba73cd9de879083cbb0a97973c94f1963d84f581e4c6541b7d000f9850deb25154b23a37dd72267bdd72665cc7027f88164fab" },
    { BRIDGE_CURVE_P384, 1, "86ac12dd0a7fe5b81fdae86b12435d316ef9392a3f50b307ab65d9c6079dd0d2d819dc09e22861459c2ed99fbab66faeac8444077aaed6d6ccacbe67a4caacee0b5a094a3575ca12ea4b4774c030fe1c870c9249023f5dc4d9ad6e333668cc38", "e3bcded61cbb0bf6ec20d59f91e8e73e532f15b082b89c984c1b51fb0d1db8a9", "798065f1d1cbd3a1897794f4a025ed47565df773843f4fa74c85fe4d30e3a394783ec5723b530fc5f57906f946ce15e8b57166044c57c7d9582066805b5885abc06e0bfc02433850c2b74973205ca357a2da94a65172086f5a1580baa697400b" },
    { BRIDGE_CURVE_P384, 0, "10a784abb3c549444a62c28df1c926b8aabb20c8d9aa4b1f7ca830258857cbe9718dbc9845fa9cbb78587a373baee80da1ad0c10b5ab6780cad49c8cd3eebd27de8f1b382ddd7a604458cef8e76ca632a7e44e1c63141a742426cec598029e2e", "f5b47101b4ff9baf64aca830b6afbc4f9620035d88a1d84a12cefa6f7f99faf2", "d9e52be2a3f7f566899cf6daaa38116d092473066f3a1bf91f3df44d81bca1deb438d9d25ce1632599c1d3576a30f1280cad30bce4b3d7f40b3eef762a21bb1a3bad77439838b13024b7b2c70316875a99e80723a74a9e7a404715ca06a5d673" },
    { BRIDGE_CURVE_P521, 1, "0153eb2be05438e5c1effb41b413efc2843b927cbf19f0bc9cc14b693eee26394a0d8880dc946a06656bcd09871544a5f15c7a1fa68e00cdc728c7cfb9c4480348670143ae8eecbce8fcf6b16e6159b2970a9ceb32c17c1d878c09317311b7519ed5ece3374e7929f338ddd0ec0522d81f2fa4fa47033ef0c0872dc049bb89233eef9bc1", "97ff5a81fc88f7ddd3bc58154ffd2695912fe50ce7c63b62bd798fb673c6aa49f54bc7301fb7bddc6edc51b7e0d0b4dec9f80851fff02a33671ad9a406bbabe5", "00dd633947446d0d51a96a0173c01125858abb2bece670af922a92dedcec067136c1fa92e5fa73d7116ac9c1a42b9cb642e4ac19310b049e48c53011ffc6e7461c3600efbdc6a414bb8d663bb5cdb7c586bccfe7589049076f98cee82cdb5d203fddb2e0ffb77954959dfa5ed0de850e42a86f5a63c5a6592e9b9b8bd1b40557b9cd0cc0" },
    { BRIDGE_CURVE_P521, 1, "00365388d9589c18ae608124b4cf746ff488183a912e07d26b6e867c5defb552a5a0df5a16b6342014dd1b0b6760072bcd60045d6a9a514fc74d16047c2e8765636d01a5319b26fd555f2a12e557418f6aa65a3461aeaea5c0c6d8698ceaa5495eed7a7d2fed0b76e77b5be11834f36e413d5288e47231c0eb0e9007d4b042bb7a1b6014", "f8e150be2f657c8266fadc9bdb04648fc5a51f3c3f7521022aaf58d24165f8af4ad66319d8aa2dab48fe8a2f773c8d0e6c8c4f732e0fdfbae4b91918530c1f91", "01d9ef377063a592cf81e27815a2c20789ff9b60f7f125e618b52d90b35abdd41cd7f437cfad337953ab0314fe8e79a2f2d27fa08597d4b28313358f714a737321fb00f01d4f150e0a174674a6a61a58a4ba781406024f6dd1b5252e04807b8a807a4ff8d52883eaa258286e506ef4b04ca890e6f81a79ed9a0cd5ed585094fea0bc5c43" },
    { BRIDGE_CURVE_P521, 0, "012a593f568ca2571e543e00066ecd3a3272a57e1c94fe311e5df96afc1b792e5862720fc730e62052bbf3e118d3a078f0144fc00c9d8baaaa8298ff63981d09d911017cea5ae75a74100ee03cdf2468393eef55ddabfe8fd5718e88903eb9fd241e8cbf9c68ae16f4a1db26c6352afcb1894a9812da6d32cb862021c86cd8aa483afc26", "7679eaaf0495725fa99c51a2dd0c35c8882b840e1c2340ba793013b1e2567471cba35c0dd6247cc2c2ca14f6556912a5687023fb2f0ee02114393bed4c598742", "01aac7692baf3aa94a97907307010895efc1337cdd686f9ef2fd8404796a74701e55b03ceef41f3e6f50a0eeea11869c4789a3e8ab5b77324961d081e1a3377ccc910009c1e7d93d056b5a97759458d58c49134a45071854b8a6b8272f9fe7e78e1f3d8097e8a6e731f7ab4851eb26d5aa4fdadba6296dc7af835fe3d1b6dba4b031d5f3" },
    { BRIDGE_CURVE_P521, 0, "01d6aef44370325a8a5882f4667c21172cdc8fa41d712562883ececff53883ac8ee276124e825088c79d6c9d96323cb7b8c0b7ea44d3f0026e2538f4b62d785bb1af0027203959a6e944b91fe6306debe74dc5dde9831fd0ec27e8be2d0b56807d63151b15f6495b8632e919e1e6b015f5ae5f2b6fb8cf75b5f848f00cf4ee457cebed3a", "b99c410653ce928e365d3613331b5df067020e92f634696279d5cee80f1f4a82f7d976a059e318b36eb25314b56f8765a81070d0944f4c86e8407d9c3e2aa7da", "004417ff74889dde6bb1820b5d13da5c81dcf9b0723ee89bb1ff0d3faa90d497685709f315b2cbe55481dee43ebb6d25b1501ae69494dd69e7bffb72f987d1573b9300fd7aa027c665458c7ac11d54d4f32cb4a1e727b499ce27b08d3d647c636cc3222a4f0a6057732249ddc22574d7cb80c3769c3ea9de3d33db3edd8ea90cb3f8dc8a" },
    { BRIDGE_CURVE_P521, 0, "01184b27a48e223891cbd1f4a0255747d078f82768157e5adcc8e78355a2ff17d8363dfa39bcdb48e2fae759ea3bd6a8909ce1b2e7c20653915b7cd7b94d8f110349003bd6e273ee4278743f1bb71ff7aefe1f2c52954d674c96f268f3985e69727f22adbe31e0dbe01da91e3e6d19baf8efa4dcb4d1cacd06a8efe1b617bd681839e6b9", "ee21776d7174103b7fb65f03fd5d78744d2706c6726ece81e3943cf90f60fad6d8978af6cae9bc059aee2412ef86d0600694447a10b9d21079b9ca77500634a9", "004c1d88d03878f967133eb56714945d3c89c3200fad08bd2d3b930190246bf8d43e453643c94fdab9c646c5a11271c800d5df25c11927c000263e785251d62acd59012e31766af5c605a1a67834702052e7e56bbd9e2381163a9bf16b579912a98bebabb70587da58bec621c1e779a8a21c193dda0785018fd58034f9a6ac3e297e3790" },
};

static void test_rfc5903(void)
{
    uint8_t in[256], pub[256], priv_i[256], priv_r[256], secret[80];
    uint32_t in_len, pub_len, i_len, r_len, len;
    uint8_t expect[80];
    size_t n, k;

    for (n = 0; n < sizeof(rfc5903) / sizeof(rfc5903[0]); n++)
    {
        enum bridge_curve curve = rfc5903[n].curve;
        uint32_t cb = lens[curve];

        /* private key with X = Y = 0: the bridge computes g^i */
        in_len = make_blob(in, 0, curve, NULL, NULL, rfc5903[n].i);
        i_len = sizeof(priv_i);
        ok(!complete(BRIDGE_ASYM_ECDH, curve, in, in_len, priv_i, &i_len), "%zu: complete i", n);
        ok(i_len == HDR + 3 * cb, "%zu: size %u", n, i_len);
        unhex(rfc5903[n].gix, expect);
        ok(!memcmp(priv_i + HDR, expect, cb), "%zu: g^i x", n);
        unhex(rfc5903[n].giy, expect);
        ok(!memcmp(priv_i + HDR + cb, expect, cb), "%zu: g^i y", n);
        ok(*(uint32_t *)priv_i == 0x324b4345u + (uint32_t)(curve - 1) * 0x02000000u, "%zu: magic %#x", n,
           *(uint32_t *)priv_i);

        /* the full private key r, and the public key g^r */
        in_len = make_blob(in, 0, curve, rfc5903[n].grx, rfc5903[n].gry, rfc5903[n].r);
        r_len = sizeof(priv_r);
        ok(!complete(BRIDGE_ASYM_ECDH, curve, in, in_len, priv_r, &r_len), "%zu: complete r", n);
        in_len = make_blob(in, 0, curve, rfc5903[n].grx, rfc5903[n].gry, NULL);
        pub_len = sizeof(pub);
        ok(!complete(BRIDGE_ASYM_ECDH, curve, in, in_len, pub, &pub_len), "%zu: complete g^r", n);
        ok(pub_len == HDR + 2 * cb, "%zu: public size %u", n, pub_len);

        k = unhex(rfc5903[n].girx, expect);
        len = sizeof(secret);
        ok(!agree(curve, priv_i, i_len, pub, pub_len, secret, &len), "%zu: agree", n);
        ok(len == k && !memcmp(secret, expect, k), "%zu: secret", n);
        len = sizeof(secret);   /* the other side, with g^i taken from i's blob */
        ok(!agree(curve, priv_r, r_len, priv_i, i_len, secret, &len), "%zu: agree back", n);
        ok(len == k && !memcmp(secret, expect, k), "%zu: secret back", n);

        len = cb - 1;
        ok(agree(curve, priv_i, i_len, pub, pub_len, secret, &len) == BRIDGE_BUFFER_TOO_SMALL && len == cb,
           "%zu: short output", n);
        ok(agree(curve, pub, pub_len, priv_i, i_len, secret, &len) == BRIDGE_INVALID_PARAMETER, "%zu: no d", n);

        /* g^r with a wrong d, and a point off the curve */
        in_len = make_blob(in, 0, curve, rfc5903[n].grx, rfc5903[n].gry, rfc5903[n].i);
        len = sizeof(pub);
        ok(complete(BRIDGE_ASYM_ECDH, curve, in, in_len, pub, &len) == BRIDGE_INVALID_PARAMETER, "%zu: mismatch", n);
        in_len = make_blob(in, 0, curve, rfc5903[n].grx, rfc5903[n].gix, NULL);
        len = sizeof(pub);
        ok(complete(BRIDGE_ASYM_ECDH, curve, in, in_len, pub, &len) == BRIDGE_INVALID_PARAMETER, "%zu: off curve", n);
    }

    /* keys of two curves do not agree */
    in_len = make_blob(in, 0, BRIDGE_CURVE_P256, NULL, NULL, rfc5903[0].i);
    i_len = sizeof(priv_i);
    ok(!complete(BRIDGE_ASYM_ECDH, BRIDGE_CURVE_P256, in, in_len, priv_i, &i_len), "P-256 key");
    in_len = make_blob(in, 0, BRIDGE_CURVE_P384, rfc5903[1].grx, rfc5903[1].gry, NULL);
    pub_len = sizeof(pub);
    ok(!complete(BRIDGE_ASYM_ECDH, BRIDGE_CURVE_P384, in, in_len, pub, &pub_len), "P-384 key");
    len = sizeof(secret);
    ok(agree(BRIDGE_CURVE_P256, priv_i, i_len, pub, pub_len, secret, &len) == BRIDGE_INVALID_PARAMETER, "mixed curves");
}

static void test_scalar_range(void)
{
    static const char n256[] = "ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551";
    static const char zero[] = "0000000000000000000000000000000000000000000000000000000000000000";
    uint8_t in[256], out[256];
    uint32_t in_len, len;

    in_len = make_blob(in, 0, BRIDGE_CURVE_P256, NULL, NULL, zero);
    len = sizeof(out);
    ok(complete(BRIDGE_ASYM_ECDSA, BRIDGE_CURVE_P256, in, in_len, out, &len) == BRIDGE_INVALID_PARAMETER, "d = 0");
    in_len = make_blob(in, 0, BRIDGE_CURVE_P256, NULL, NULL, n256);
    len = sizeof(out);
    ok(complete(BRIDGE_ASYM_ECDSA, BRIDGE_CURVE_P256, in, in_len, out, &len) == BRIDGE_INVALID_PARAMETER, "d = n");
    in_len = make_blob(in, 0, BRIDGE_CURVE_P256, NULL, NULL, NULL);
    len = sizeof(out);
    ok(complete(BRIDGE_ASYM_ECDSA, BRIDGE_CURVE_P256, in, in_len, out, &len) == BRIDGE_INVALID_PARAMETER, "zero point");
    ok(complete(BRIDGE_ASYM_ECDSA, BRIDGE_CURVE_P256, in, in_len - 1, out, &len) == BRIDGE_INVALID_PARAMETER, "length");
    ok(complete(BRIDGE_ASYM_ECDSA, BRIDGE_CURVE_P384, in, in_len, out, &len) == BRIDGE_INVALID_PARAMETER, "cbKey");
    ok(complete(BRIDGE_ASYM_ECDSA, BRIDGE_CURVE_NONE, in, in_len, out, &len) == BRIDGE_INVALID_PARAMETER, "no curve");
}

static void test_sigver(void)
{
    uint8_t key[256], q[256], digest[64], sig[140];
    uint32_t key_len, q_len, digest_len, sig_len;
    size_t n;

    for (n = 0; n < sizeof(sigver) / sizeof(sigver[0]); n++)
    {
        enum bridge_curve curve = sigver[n].curve;
        uint32_t cb = lens[curve];
        bridge_status status;

        q_len = unhex(sigver[n].q, q + HDR) + HDR;
        memcpy(q + 4, &cb, 4);
        key_len = sizeof(key);
        ok(!complete(BRIDGE_ASYM_ECDSA, curve, q, q_len, key, &key_len), "%zu: import Q", n);
        digest_len = unhex(sigver[n].digest, digest);
        sig_len = unhex(sigver[n].sig, sig);
        status = sign(curve, key, key_len, digest, digest_len, sig, &sig_len, 1);
        ok(status == (sigver[n].valid ? BRIDGE_SUCCESS : BRIDGE_INVALID_SIGNATURE), "%zu: got %#x", n, status);
        sig_len--;
        ok(sign(curve, key, key_len, digest, digest_len, sig, &sig_len, 1) == BRIDGE_INVALID_PARAMETER,
           "%zu: short signature", n);
    }
}

/* Generated keys sign and verify digests of any length; a public key cannot sign. */
static void test_generate_sign(void)
{
    static const uint32_t digest_lens[] = { 1, 20, 31, 32, 48, 64, 66, 80 };
    uint8_t key[256], pub[256], digest[80], sig[140];
    uint32_t key_len, sig_len, i;
    int curve;

    for (i = 0; i < sizeof(digest); i++) digest[i] = (uint8_t)(i * 7 + 1);
    for (curve = BRIDGE_CURVE_P256; curve < BRIDGE_CURVE_COUNT; curve++)
    {
        uint32_t cb = lens[curve];
        struct asym_generate_params gen = { BRIDGE_ASYM_ECDSA, curve, 0, 0, 0, U64(key), 10 };

        ok(call(BRIDGE_ASYM_GENERATE, &gen) == BRIDGE_BUFFER_TOO_SMALL && gen.output_len == HDR + 3 * cb,
           "curve %d: size query %u", curve, gen.output_len);
        gen.bits = cb * 8 + 1;
        ok(call(BRIDGE_ASYM_GENERATE, &gen) == BRIDGE_INVALID_PARAMETER, "curve %d: wrong bits", curve);
        gen.bits = curve == BRIDGE_CURVE_P521 ? 521 : cb * 8;
        gen.output_len = sizeof(key);
        ok(!call(BRIDGE_ASYM_GENERATE, &gen), "curve %d: generate", curve);
        key_len = gen.output_len;
        ok(key_len == HDR + 3 * cb, "curve %d: key size %u", curve, key_len);
        ok(*(uint32_t *)key == 0x32534345u + (uint32_t)(curve - 1) * 0x02000000u, "curve %d: magic", curve);
        sig_len = sizeof(pub);
        ok(!complete(BRIDGE_ASYM_ECDSA, curve, key, key_len, pub, &sig_len), "curve %d: generated key is valid", curve);
        memcpy(pub, key, HDR + 2 * cb);

        for (i = 0; i < sizeof(digest_lens) / sizeof(digest_lens[0]); i++)
        {
            sig_len = sizeof(sig);
            ok(!sign(curve, key, key_len, digest, digest_lens[i], sig, &sig_len, 0) && sig_len == 2 * cb,
               "curve %d: sign %u bytes", curve, digest_lens[i]);
            ok(!sign(curve, pub, HDR + 2 * cb, digest, digest_lens[i], sig, &sig_len, 1),
               "curve %d: verify %u bytes", curve, digest_lens[i]);
            sig[3] ^= 1;
            ok(sign(curve, pub, HDR + 2 * cb, digest, digest_lens[i], sig, &sig_len, 1) == BRIDGE_INVALID_SIGNATURE,
               "curve %d: tampered %u bytes", curve, digest_lens[i]);
        }
        sig_len = 2 * cb - 1;
        ok(sign(curve, key, key_len, digest, 32, sig, &sig_len, 0) == BRIDGE_BUFFER_TOO_SMALL && sig_len == 2 * cb,
           "curve %d: short buffer", curve);
        sig_len = sizeof(sig);
        ok(sign(curve, pub, HDR + 2 * cb, digest, 32, sig, &sig_len, 0) == BRIDGE_INVALID_PARAMETER,
           "curve %d: public key signs", curve);
        ok(sign(curve, key, key_len, digest, 0, sig, &sig_len, 0) == BRIDGE_INVALID_PARAMETER,
           "curve %d: empty digest", curve);
    }
}

int main(void)
{
    test_rfc5903();
    test_scalar_range();
    test_sigver();
    test_generate_sign();
    return selftest_finish();
}
