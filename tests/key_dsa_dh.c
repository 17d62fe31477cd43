/*
 * DSA and DH keys: blobs (CNG and CryptoAPI DSS), FIPS DSA signature vectors,
 * generation with and without domain parameters, agreement vectors.
 * Every assertion states Windows behaviour; the tag says where it comes from.
 */
#include "winetest.h"
#include "cng_test.h"

/* Windows data [wine-test]: a 512-bit public key made by Windows (Count 0x8f and Seed are its
 * FIPS 186-2 seed: q and p follow from them), a SHA-1 digest and its signature */
static const char wine_dsa_public[] =
    "44535042400000000000008fd292bb92b900c5ed52cc484a441dd374fb75d17eb6249b5d570a8ac45dab9c2686c62516"
    "20f9a971bc1d30c4ef8cc4df1aaf96df90d8859df92c868c91396c6d114e53632a2b26a7f9767451bf08876fe0719124"
    "8ac2842d849c5f94aa38537784babcff493a080f38b5915c0615a427f4a559aa1c41a3a0bbf73286fb9441ffcded69eb"
    "c65eb6a815823b601e9155d52ca5745a658fc656c43f4ee33a71b26366a40d0df9dd1e4881e9bf8fbb8547816811b591"
    "6bc405efa3c7bf26534fc410fdfaed6164d62ead043e82edb22276d044adc14cde33a36155ec24e57945cf9439929fd8"
    "24ce85b9";

static const char wine_dsa_hash[] =
    "7ee374e7c50b6b70dbab326d1d51d674798e5b4b";

static const char wine_dsa_signature[] =
    "5f951f081944a5ab28115168829be4c3041bc9dc412a89d44a8b86af982c590bd288f6e829138449";

/* a CryptoAPI DSS version 2 private key (1024 bits, counter 0x1f1) [wine-test] */
static const char wine_dss_private[] =
    "0702000000220000445353320004000001d1fc7a7053b2487023191f3ce126147e9f0f7f335e2bf7ca01748cb4fdf644"
    "953556aa4d6248e2d1a27e6eebd6cc7ce8fd219aa2fd7a9d1a386987395a91c0522b9f2a547837829a7057abec938eac"
    "7304e853727232c6cbef47983c564962cbbbe73484a6723abe264686cacb35624f19180bb078aed542df26db85637785"
    "013b32be5cf805c8de177fb90382faf19e3273fa8deaa33048e2df5acb833dff56e9c094f86db3af4a97b9430ed42898"
    "572e3acade6f450dfb58ec78342e464dfe9802bbef071a13b6c22c06d90cc4b04c3afc0163b55a5d2d9c47046751f252"
    "f58236eb6e66584c102c29724a6f6b6ce0933142f6dafa5b22439b1a9871e74174e912a41f270a639449d7ada5c45cc3"
    "c970b37b16b61dd409c49a462d0e7507317bed45cd998414f101000093d5a3e43405eb983b5f2f11a4a5c4fffb227c54";

/* RFC 5114 A.1. */
static const char rfc5114_1024_p[] =
    "b10b8f96a080e01dde92de5eae5d54ec52c99fbcfb06a3c69a6a9dca52d23b616073e28675a23d189838ef1e2ee652c0"
    "13ecb4aea906112324975c3cd49b83bfaccbdd7d90c4bd7098488e9c219a73724effd6fae5644738faa31a4ff55bccc0"
    "a151af5f0dc8b4bd45bf37df365c1a65e68cfda76d4da708df1fb2bc2e4a4371";

static const char rfc5114_1024_g[] =
    "a4d1cbd5c3fd34126765a442efb99905f8104dd258ac507fd6406cff14266d31266fea1e5c41564b777e690f5504f213"
    "160217b4b01b886a5e91547f9e2749f4d7fbd7d3b9a92ee1909d0d2263f80a76a6a24c087a091f531dbf0a0169b6a28a"
    "d662a4d18e73afa32d779d5918d08bc8858f4dcef97c2a24855e6eeb22b3b2e5";

static const char rfc5114_1024_xa[] =
    "b9a3b3ae8fefc1a2930496507086f8455d48943e";

static const char rfc5114_1024_ya[] =
    "2a853b3d92197501b9015b2deb3ed84f5e021dcc3e52f109d3273d2b7521281cbabe0e76ff5727fa8acce26956ba9a1f"
    "ca26f20228d8693feb10841d84a7360054ece5a7f5b7a61ad3dfb3c60d2e43106d8727da37df9cce95b478755d06bcea"
    "8f9d45965f75a5f3d1df3701165fc9e50c4279ceb07f989540ae96d5d88ed776";

static const char rfc5114_1024_xb[] =
    "9392c9f9eb6a7a6a9022f7d83e7223c6835bbdda";

static const char rfc5114_1024_yb[] =
    "717a6cb053371ff4a3b932941c1e5663f861a1d6ad34ae66576dfb98f6c6cbf9ddd5a56c7833f6bcfdff095582ad868e"
    "440e8d09fd769e3ceccdc3d3b1e4cfa057776caaf9739b6a9fee8e7411f8d6dac09d6a4edb46cc2b5d5203090eae6126"
    "311e53fd2c14b574e6a3109a3da1be41bdceaa186f5ce06716a2b6a07b3c33fe";

static const char rfc5114_1024_z[] =
    "5c804f454d30d9c4df85271f93528c91df6b48ab5f80b3b59caac1b28f8acba9cd3e39f3cb614525d9521d2e644c53b8"
    "07b810f340062f257d7d6fbfe8d5e8f072e9b6e9afda9413eafb2e8b0699b1fb5a0caceddeaead7e9cfbb36ae2b42083"
    "5bd83a19fb0b5e96bf8fa4d09e345525167ecd9155416f46f408ed31b63c6e6d";

/* RFC 5114 A.3. */
static const char rfc5114_2048_p[] =
    "87a8e61db4b6663cffbbd19c651959998ceef608660dd0f25d2ceed4435e3b00e00df8f1d61957d4faf7df4561b2aa30"
    "16c3d91134096faa3bf4296d830e9a7c209e0c6497517abd5a8a9d306bcf67ed91f9e6725b4758c022e0b1ef4275bf7b"
    "6c5bfc11d45f9088b941f54eb1e59bb8bc39a0bf12307f5c4fdb70c581b23f76b63acae1caa6b7902d52526735488a0e"
    "f13c6d9a51bfa4ab3ad8347796524d8ef6a167b5a41825d967e144e5140564251ccacb83e6b486f6b3ca3f7971506026"
    "c0b857f689962856ded4010abd0be621c3a3960a54e710c375f26375d7014103a4b54330c198af126116d2276e11715f"
    "693877fad7ef09cadb094ae91e1a1597";

static const char rfc5114_2048_g[] =
    "3fb32c9b73134d0b2e77506660edbd484ca7b18f21ef205407f4793a1a0ba12510dbc15077be463fff4fed4aac0bb555"
    "be3a6c1b0c6b47b1bc3773bf7e8c6f62901228f8c28cbb18a55ae31341000a650196f931c77a57f2ddf463e5e9ec144b"
    "777de62aaab8a8628ac376d282d6ed3864e67982428ebc831d14348f6f2f9193b5045af2767164e1dfc967c1fb3f2e55"
    "a4bd1bffe83b9c80d052b985d182ea0adb2a3b7313d3fe14c8484b1e052588b9b7d2bbd2df016199ecd06e1557cd0915"
    "b3353bbb64e0ec377fd028370df92b52c7891428cdc67eb6184b523d1db246c32f63078490f00ef8d647d148d4795451"
    "5e2327cfef98c582664b4c0f6cc41659";

static const char rfc5114_2048_xa[] =
    "0881382cdb87660c6dc13e614938d5b9c8b2f248581cc5e31b35454397fce50e";

static const char rfc5114_2048_ya[] =
    "2e9380c8323af97545bc4941deb0ec3742c62fe0ece824a6abdbe66c59bee0242911bfb967235ceba35ae13e4ec752be"
    "630b92dc4bde2847a9c62cb8152745421fb7eb60a63c0fe9159fcce726ce7cd8523d7450667ef840e4919121eb5f01c8"
    "c9b0d3d648a93bfb75689e8244ac134af544711ce79a02dcc34226684780dddcb498594106c37f5bc79856487af5ab02"
    "2a2e5e42f09897c1a85a11ea0212af04d9b4cebc937c3c1a3e15a8a0342e337615c84e7fe3b8b9b87fb1e73a15af12a3"
    "0d746e06dfc34f290d797ce51aa13aa785bf6658aff5e4b093003cbeaf665b3c2e113a3a4e905269341dc0711426685f"
    "4ef37e868a8126ff3f2279b57ca67e29";

static const char rfc5114_2048_xb[] =
    "7d62a7e3ef36de617b13d1afb82c780d83a23bd4ee6705645121f371f546a53d";

static const char rfc5114_2048_yb[] =
    "575f0351bd2b1b817448bdf87a6c362c1e289d3903a30b9832c5741fa250363e7acbc7f77f3dacbc1f131add8e03367e"
    "ff8fbbb3e1c5784424809b25afe4d2262a1a6fd2fab64105ca30a674e07f7809852088632fc049233791ad4edd083a97"
    "8b883ee618bc5e0dd047415f2d95e683cf14826b5fbe10d3ce41c6c120c78ab20008c698bf7f0bcab9d7f407bed0f43a"
    "fb2970f57f8d12043963e66ddd320d599ad9936c8f44137c08b180ec5e985cebe186f3d549677e80607331ee17af3380"
    "a725b0782317d7dd43f59d7af9568a9bb63a84d365f92244ed120988219302f42924c7ca90b89d24f71b0ab697823d7d"
    "eb1aff5b0e8e4a45d49f7f53757e1913";

static const char rfc5114_2048_z[] =
    "86c70bf8d0bb81bb01078a17219cb7d27203db2a19c877f1d1f19fd7d77ef22546a68f005ad52dc84553b78fc60330be"
    "51ea7c0672cac1515e4b35c047b9a551b88f39dc26da14a09ef74774d47c762dd177f9ed5bc2f11e52c879bd95098504"
    "cd9eecd8a8f9b3efbd1f008ac5853097d9d1837f2b18f77cd7be01af80a7c7b5ea3ca54cc02d0c116fee3f95bb873993"
    "85875d7e86747e676e728938acbff7098e05be4dcfb24052b83aeffb14783f029adbde7f53fae92084224090e007cee9"
    "4d4bf2bace9ffd4b57d2af7c724d0caa19bf0501f6f17b4aa10f425e3ea76080b4b9d6b3cefea115b2ceb8789bb8a3b0"
    "ea87febe63b6c8f846ec6db0c26c5d7c";

/* Windows agreement of a 512-bit key with itself: x is 160 bits; the raw secret is little-endian [wine-test] */
static const char wine_dh_p[] =
    "cf18e9a9b39759ae0dacf09939dcd2fe1ef3fc2c49df7689ff1357c7e6bdeda742c0c3d78e84a8dfcd525081738a3360"
    "de6d56ebd5ec1f9f9fd62ce48fab580b";

static const char wine_dh_g[] =
    "5fc5509adef6844839a9a7b1730c56d428bb1293514433dfa6e77f0b3fe941ef3280cd8e2b3885494d0ccc74020792d3"
    "e43e3784271fa3ad948cc1c2229936f0";

static const char wine_dh_y[] =
    "22af98ebd9c4b5bde1ab191be33620caffe86c30963c90770ee096aeb147d1522cc3655e9b419aa6feab54a0f071ab6c"
    "d00e01085b66e562d2e55dae9c60b2c6";

static const char wine_dh_x[] =
    "97713e828bea1177c4b462c74dff0f63d9e2daab";

static const char wine_dh_secret_le[] =
    "738462c19a9cc2919fc1c2940ca82f58ac50cdd52943418e5dca73554d4650e5b734a9cb3a18689930ef5826d3036102"
    "17b7ba01bcaedf3fb5b54ab008e5eac3";

/* NIST CAVP DSA SigVer: digest = SHA(Msg); valid = the file's Result P [FIPS 186-2 / 186-3 CAVS] */
struct dsa_vector { const char *y, *digest, *r, *s; BOOL valid; };
/* DSA/FIPS_186-2/SigVer.rsp [mod = 1024] */
static const char fips186_2_p[] = "aa9a0d6116807cf74e0ee63cdc6f38110f873affc6db2d9ad854ae27a384230dd904f8a6ceb11bb2983973c0d819ccf02df04d82cc7926d61be78f5ad92a05b9308aca5a9ecd7461fc1b51da3e9d849fce5075d9c027f1afeb0ab7916df4a7b72b3bb00461f43542313c8b82354f88c542a48bfa73bcc1db4ffed329b2cc5cff";
static const char fips186_2_q[] = "f780e706db7e465dd0eeec3f1b929240157f476f";
static const char fips186_2_g[] = "3b80103191e0b2d6b949e1dbfb621c5c8fb45bb9f9db5a52372728045015b56975b56b3f8b97659600194442d075a8c5c8c1588ee01d848e7b42905edda807209e1395a130cf7fb2630c2bfcf46cc2f8cdc2e0a11eed9189b35d92b2619daff95ac18b0c0e2fd1c8e449e225f812b29815efd1d05d7bc1bf6efaa1766ec2a322";
static const struct dsa_vector fips186_2_vectors[] = {
    { "6e021271ddfbd351c2619df1e24afc199b1da21d65f6a4f97e26dcf138375ca4f4749b5a5ffacc2610f1a308d604eb3a14390104b7d43b056a40d9233d13fe3c79abf6ecaa17cef216d99cec3498e6ec8cff214ecc5e850b90152f1580687b5e8714e476e1ee56802486d3eca8ef68c62e4764a56da3166d2d667bbb22776755",
      "ca03ee154f099099c23f7c58a33a82ed60c6b6b7",
      "a5d2c4d7cc7537a4e38735f7e833d11d5715896e", "87bc066096185096a6a76b1cc08bd681e5040d8a", 0 },
    { "4029a121f6627127bc8aeb97bfeec2a80b0800ed015a91bcf39869187535e91b5db53ee840056529c1e4ccdbc21e64b813cc3d2c170c6030a0d195645bd3657256647bafc0623944e44f1c5f7c50318182e68966b9a16f46da9e343301db694d8f3b62052b66dae25222c53125a7893416994055a0284393f67c6b2e3bbf0cd4",
      "8d8aa0d59fc27ec84581f29f5374cc26620fc3a2",
      "6834f49ea079dd8bb89ce0f9698039a734ce286f", "146eee21b375df3812ddc7f7ce81908e571cbf8a", 1 },
    { "a1727ee2ba8f6db6dce7bf41e2fc09993a38165f3b0d0ed06611508bfa9d46c63d35e3a540a5411c1bca8bea22b2d2aa4c9fe635aff2562be57a66175c288bc0a39af18134d41b83d70f19904b59582eef365072f2dc330c2781ce0af6292f74a6e60f70cb61c8e4e2e7a69ce4b7a65ce3cd47dfbb12c67421b56cd0a8333374",
      "f7d2f361123248770894503539ddca1373ba46a8",
      "757cbbe8aeaa18ee68db320b4807520af98daa75", "4d17ce92dd5818d2750d3f8b7b203554b84ba0f0", 0 },
    { "a38a9ccf47acf707f1e312367d909693e3cc23045ac80358bae1d1cd4478fdc6a36d7b570d60fca9793cf708fd247728641e9a169dd1af2fb3cb23cdeaf732eaed56c9f0490777d723902530e0dc01097973cd6de22fe29efed8b87fb75cdc18ea532f320a5f4cba92de2a8554befde0e56da6059562fc08e6323e0ade19f0b1",
      "d59349bde7d38f53296c165b335313680d4d0b62",
      "74f1ed075bb3da28bbe805106872f852980d2bcb", "235e318f4085943bcc809f27a4e7c04907e2c958", 1 },
};
/* DSA/FIPS_186-3/SigVer.rsp [mod = L=2048, N=256, SHA-256] */
static const char fips186_3_p[] = "cdf428329e226cf715f18eed005e439a8c7b927edd24c866be6c1b370057059ea426d06f584f8e3c89f02fe8d4042604a2fe0db63a87ff018dfaec7790b88fd1da8396561ae62df6f18d3540992efc5ecce63068f5f595687b8bbeed5801d5b6c6bdf362dadebb80e190d719d144db693fc43cefbd72b149570a96282fd9441c397d98b15d73f8cfaa8f6514a16f5992a0a02fd7b6e4932b1e7e7ef2db717815b11e867e187aae26f9c16ca0a5ca434acf8f3356c3711765fe5e548b1edce381bdd843580f9a881d702f00a0719c3bfa8576304decb616b08ef8db6f8c3d48923a2a30b9b505ad737af1cbb0019558487400379738fd89c1ee01285e76e2d98b";
static const char fips186_3_q[] = "daf3ebd85f57a8731538596876e8a34e73c732bc69b4d64b010bd7d5b63a09ef";
static const char fips186_3_g[] = "6cb6a8c1b8ea97173e5ae1d2a2d530468fd932b81a4f3c3e11042d56a61a504b9c207da7cdca293c04f78583cf218e1cd2c1a92637ab4ff61d2eaa5e8e8221bfe17e6a741791f21c799221ae4c703262a6dc2e295e36939e248dacaaffe673071f6dc7a90d7ca3427556fb99fb1fdca9de3f745b5e56be5b5933ebcba4f0c60fef3798cdca519997ef74acd7000d3a286d01c7000a66fe0066be4381842aa040c3bf465306c38752d41c29162c4d294f2b1f7e9ad9232aadb469047f4050b085bafa06283def7d84958528a3f129a3bc81466c0ccd493fcaa87e805e7bd4450090ce55652dba15271234fbe0cfef66f3ed9d569e565bd1218f2856637a5b26a4";
static const struct dsa_vector fips186_3_vectors[] = {
    { "002cc1264427522aa6ff6c9e3beb23e1d1714e7a3cd3b592faa74ff44e8d81a18b416c887a97a6e2f4592529116090a6ec4f0e73a45a9984c483cf7206e302c7d77e27e5eb11ac581821bd2b91b9857764e155f850f5c25b909d6fe23c19595dde40750c7fb0e62d95c2944081c0d10767a11dbeb092c9b08d6d197dd34cdbd873f8db7c3d33987ed2fd2e395c86588edf131fadb936ef8085741f28c8f9d7848c65a709f9c44b8db85989732332d809544c8c5362b39f97331b66086af5d3dc703a2c30d96ef0763e13c171728d7b057b302c0c04642aa77b896c743da9f0d30349745e2e552bac2a4178591019af33058a1948ae4059c2efd7aa9f05df06bb",
      "59364c101fb422fc3199022cd48bd2f2d72ea5dbe0db3f3040d9150f6e432f6a",
      "59f9e094d7d55d3a3a362c6671542a92034e89f36354da25bd4f3efd65b430ef", "47a78ba3f773f398361c41266ce6c84d0443b9b233b52c7939b9dc6d69051e9c", 0 },
    { "1c3aa2f539438145b05dd13a17d666022944fe6e3dc2a14e41a32fbc85546e0da88b5b9d822a17f0c30ed317f4cc716f2847871c192ea4dda488aea291ec31fb5a73424d12b034b642e175f25b102217a0bf1de695923900c87f3f2911107ee06bb9f58cef4d18c29a016ebf63a4bea851c3a7e85a7c3d69e8896f59f9c7f1d77386c1e80391a1b9c4f82eaf59b6d72c7e8663b121fdd3b5510d5db5971658d233e25b646a27b1e1ae0c859dc73f7763b91fff6b3140e284c3a4650d17beeca2319c5c4a545f6de728137f5bbac6e3027e5588294ae5532891b8053dc9cbd0449a09e54f4e3ac4eaf7e1bd2a727de8f14a001db92870807898bb504f5f4389bc",
      "a80f1c17ed1963354fc9843d10b3a5eab20159e3ff9a49c84c3611c50f49e8ee",
      "96246546c49d2a00c5605cc5bcb18e229e272374c4d7fa6c8ace99eafc080342", "b77d5dd30b6daae84580cf2b3cf31eca713c884dd5659cf5307c91e525991487", 1 },
    { "4ea940b3dc8e2622114e1820e2fb96b0148088f99ab46bbadc0fa70d6a8f20bd27e7b12b13dfbb16d8a604b94ca03678e2d47cf0968c39cab9c300361033ffc2e2a4f37dfe1d9f16cd9b4031bc643a17c13c374cfcf398ce70934e7d7bdedb921c6ad84d8bd40ed3b0a752a66be1d1f6ca3b1609123d33ce1d02598b1e401f2404b01820a6b66d30e7f27eb975b6b5683335398ba40cc412341feb520d79048fd5507141c7b105462c868cd2f366f7887f25c6f221e4272d7fb05d5ded5c7b1be290a11c5b0ac7cf1e045a5b6cdf8912c4ca4085f064f2fcc95d45fdbe7d90d8d5e68aff9ca0df11e23fe2ea8be23456bd499dd4bff5309d3ec10d7607e5ee32",
      "245ec8422937a81833b845aa0edc5b63ef35c685c0a8cbf6e836456ddfa31674",
      "469b70a4a37fa58eb9aa7e110273d8304f7c3dcd7ba399d519e69815972d397e", "25b848bfd4f7712cabbf3596fbfe922d0337486186e8f8ea9133e55f5f7f30ea", 0 },
    { "abfe91c1e595bf644236da5c4b2d1e8d894da076a7060309c09fe3cc27b9be0630e53602401e41ff9e2dd86c3224db018004127b7088ee92498e6214a31c5733f9bac4bda83285a8cd87b8d55c3a92dd9ba7bc6f4c8ce1718578854495dbef8bf5f4d8ef7bfa5693300a02f25a8ebddb64f3b32ce179a2663b1ba618efee5d05f9de33b7ed49aea5286873963ea69974a1adc11fa734cc8d1655cc95be5c5a0c70883c3ad715b879807b575627e8e4c101aac7cbb1d1f11276caf8ae9c6500b4a2eb3b68fc3a76600ec34540d63134b07ef01324ddc33e1defb63ee20aa90b823696df2998b9613a4a1485fb6966d6fadeec6e78b21d6ab06c2b1bd8aa84921b",
      "bfb5f95b5e6de290069eec32377c0a948ad2bffd1b25adc5830bafe8eca925a6",
      "54961cfd862cbc6d1f378ad00cc786f64a6763cf248dd55a95f413111f4626cf", "54dd5f1064d8221ae2315d3106724a2c34ab1b4e1f95dbc1d74792a648e5d573", 0 },
};

#define DSS2_MAGIC 0x32535344

/* A buffer of hex bytes right-aligned in width bytes (left zero padding): big-endian numbers. */
static void put_hex(UCHAR *dst, ULONG width, const char *hex)
{
    UCHAR tmp[512];
    ULONG len = hex_to_bytes(hex, tmp, sizeof(tmp));
    memset(dst, 0, width);
    memcpy(dst + width - len, tmp, len);
}

/* BCRYPT_DSA_KEY_BLOB(_V2) public blob with no seed: Count and Seed all 0xff
 * [hypothesis: .NET's DSACng writes seedless keys so for CNG]. */
static ULONG make_dsa_public(UCHAR *blob, const char *p, const char *q, const char *g, const char *y)
{
    ULONG cb_key = strlen(p) / 2, cb_q = strlen(q) / 2;
    UCHAR *ptr;

    if (cb_key <= 128)
    {
        BCRYPT_DSA_KEY_BLOB *hdr = (BCRYPT_DSA_KEY_BLOB *)blob;
        hdr->dwMagic = BCRYPT_DSA_PUBLIC_MAGIC;
        hdr->cbKey = cb_key;
        memset(hdr->Count, 0xff, sizeof(hdr->Count) + sizeof(hdr->Seed));
        put_hex(hdr->q, 20, q);
        ptr = (UCHAR *)(hdr + 1);
    }
    else
    {
        BCRYPT_DSA_KEY_BLOB_V2 *hdr = (BCRYPT_DSA_KEY_BLOB_V2 *)blob;
        hdr->dwMagic = BCRYPT_DSA_PUBLIC_MAGIC_V2;
        hdr->cbKey = cb_key;
        hdr->hashAlgorithm = cb_q == 32 ? DSA_HASH_ALGORITHM_SHA256 : DSA_HASH_ALGORITHM_SHA1;
        hdr->standardVersion = DSA_FIPS186_3;
        hdr->cbSeedLength = hdr->cbGroupSize = cb_q;
        ptr = (UCHAR *)(hdr + 1);
        memset(hdr->Count, 0xff, 4);
        memset(ptr, 0xff, cb_q);
        put_hex(ptr + cb_q, cb_q, q);
        ptr += 2 * cb_q;
    }
    put_hex(ptr, cb_key, p);
    put_hex(ptr + cb_key, cb_key, g);
    put_hex(ptr + 2 * cb_key, cb_key, y);
    return ptr + 3 * cb_key - blob;
}

/* BCRYPT_DH_KEY_BLOB: p, g, y [, x] of cb_key bytes each. */
static ULONG make_dh(UCHAR *blob, ULONG cb_key, const char *p, const char *g, const char *y, const char *x)
{
    BCRYPT_DH_KEY_BLOB *hdr = (BCRYPT_DH_KEY_BLOB *)blob;
    UCHAR *ptr = (UCHAR *)(hdr + 1);

    hdr->dwMagic = x ? BCRYPT_DH_PRIVATE_MAGIC : BCRYPT_DH_PUBLIC_MAGIC;
    hdr->cbKey = cb_key;
    put_hex(ptr, cb_key, p);
    put_hex(ptr + cb_key, cb_key, g);
    put_hex(ptr + 2 * cb_key, cb_key, y);
    if (x) put_hex(ptr + 3 * cb_key, cb_key, x);
    return sizeof(*hdr) + cb_key * (x ? 4 : 3);
}

static BCRYPT_KEY_HANDLE import_pair(BCRYPT_ALG_HANDLE alg, const WCHAR *type, const UCHAR *blob, ULONG len)
{
    BCRYPT_KEY_HANDLE key = NULL;
    NTSTATUS status = BCryptImportKeyPair(alg, NULL, type, &key, (UCHAR *)blob, len, 0);
    ok(status == STATUS_SUCCESS, "import %s: %#lx\n", winetest_wstr(type), status);
    return status ? NULL : key;
}

/* Exports into a heap buffer after a size query; NULL on failure. */
static UCHAR *export_blob(BCRYPT_KEY_HANDLE key, const WCHAR *type, ULONG *len)
{
    NTSTATUS status;
    UCHAR *buf;

    *len = 0;
    status = BCryptExportKey(key, NULL, type, NULL, 0, len, 0);
    ok(status == STATUS_SUCCESS && *len, "size of %s: %#lx, %lu\n", winetest_wstr(type), status, *len);
    if (status || !*len || !(buf = malloc(*len))) return NULL;
    status = BCryptExportKey(key, NULL, type, buf, *len, len, 0);
    ok(status == STATUS_SUCCESS, "export %s: %#lx\n", winetest_wstr(type), status);
    if (!status) return buf;
    free(buf);
    return NULL;
}

static void destroy(BCRYPT_KEY_HANDLE key)
{
    if (key) ok(BCryptDestroyKey(key) == STATUS_SUCCESS, "destroy failed\n");
}

/* ---- DSA ------------------------------------------------------------------------ */

static void test_dsa_provider(BCRYPT_ALG_HANDLE alg)
{
    UCHAR buf[64];
    ULONG size;
    NTSTATUS status;
    BCRYPT_KEY_HANDLE key;

    status = BCryptGetProperty(alg, BCRYPT_PADDING_SCHEMES, buf, sizeof(buf), &size, 0);
    ok(status == STATUS_NOT_SUPPORTED, "PaddingSchemes: %#lx\n", status);   /* wine-test */

    memset(buf, 0, sizeof(buf));
    status = BCryptSetProperty(alg, BCRYPT_DSA_PARAMETERS, buf, sizeof(buf), 0);
    todo_builtin ok(status == STATUS_NOT_SUPPORTED, "DSAParameters on the provider: %#lx\n", status);  /* hypothesis: doc "for the key" */

    key = SEED_HANDLE;
    status = BCryptGenerateKeyPair(alg, &key, 448, 0);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "448 bits: %#lx\n", status);   /* hypothesis: below FIPS 186-2 */
    status = BCryptGenerateKeyPair(alg, &key, 1536, 0);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "1536 bits: %#lx\n", status);   /* hypothesis: not a FIPS 186-3 size */
    if (!status) destroy(key);
}

static void test_dsa_windows_blob(BCRYPT_ALG_HANDLE alg)
{
    UCHAR blob[244], hash[20], sig[40], out[300];
    BCRYPT_KEY_HANDLE key, dup;
    ULONG len, size;
    NTSTATUS status;

    len = hex_to_bytes(wine_dsa_public, blob, sizeof(blob));
    hex_to_bytes(wine_dsa_hash, hash, sizeof(hash));
    hex_to_bytes(wine_dsa_signature, sig, sizeof(sig));

    destroy(import_pair(alg, BCRYPT_PUBLIC_KEY_BLOB, blob, len));   /* by magic [wine-test] */
    if (!(key = import_pair(alg, BCRYPT_DSA_PUBLIC_BLOB, blob, len))) return;

    status = BCryptVerifySignature(key, NULL, hash, sizeof(hash), sig, sizeof(sig), 0);
    ok(status == STATUS_SUCCESS, "verify: %#lx\n", status);   /* wine-test */
    sig[5] ^= 1;
    status = BCryptVerifySignature(key, NULL, hash, sizeof(hash), sig, sizeof(sig), 0);
    ok(status == STATUS_INVALID_SIGNATURE, "changed r: %#lx\n", status);   /* doc */
    sig[5] ^= 1;
    status = BCryptVerifySignature(key, NULL, hash, sizeof(hash), sig, sizeof(sig) - 1, 0);
    ok(status == STATUS_INVALID_SIGNATURE, "short signature: %#lx\n", status);   /* hypothesis */
    status = BCryptVerifySignature(key, NULL, hash, 19, sig, sizeof(sig), 0);
    ok(status == STATUS_INVALID_PARAMETER, "19-byte digest: %#lx\n", status);   /* hypothesis: digest = q size */

    seed(out, sizeof(out));
    status = BCryptExportKey(key, NULL, BCRYPT_DSA_PUBLIC_BLOB, out, sizeof(out), &size, 0);
    ok(status == STATUS_SUCCESS && size == len, "export: %#lx, %lu\n", status, size);   /* wine-test */
    todo_builtin ok(!memcmp(out, blob, len), "exported blob differs\n");   /* Count and Seed kept [doc] */
    status = BCryptExportKey(key, NULL, BCRYPT_DSA_PUBLIC_BLOB, out, len - 1, &size, 0);
    todo_builtin ok(status == STATUS_BUFFER_TOO_SMALL && size == len, "short buffer: %#lx, %lu\n", status, size);   /* doc */
    status = BCryptExportKey(key, NULL, BCRYPT_DSA_PRIVATE_BLOB, out, sizeof(out), &size, 0);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "private export of a public key: %#lx\n", status);  /* wine-test */
    status = BCryptSignHash(key, NULL, hash, sizeof(hash), out, sizeof(out), &size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "signing with a public key: %#lx\n", status);   /* hypothesis: as RSA [wine-test] */

    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(key, &dup, NULL, 0, 0);
    todo_builtin ok(status == STATUS_NOT_SUPPORTED, "duplicate: %#lx\n", status);   /* reference 2.2 step 5 */
    if (!status) destroy(dup);
    destroy(key);

    /* a seed that does not produce q [hypothesis: CNG checks Count/Seed unless all 0xff, per .NET's DSACng] */
    blob[12] ^= 0x80;
    key = NULL;
    status = BCryptImportKeyPair(alg, NULL, BCRYPT_DSA_PUBLIC_BLOB, &key, blob, len, 0);
    todo_builtin ok(status == STATUS_INVALID_PARAMETER, "wrong seed: %#lx\n", status);
    if (!status) destroy(key);
    blob[12] ^= 0x80;
    status = BCryptImportKeyPair(alg, NULL, BCRYPT_DSA_PUBLIC_BLOB, &key, blob, len + 1, 0);
    todo_builtin ok(status != STATUS_SUCCESS, "longer blob accepted\n");   /* hypothesis: exact size, as DH [wine-test] */
    if (!status) destroy(key);
    status = BCryptImportKeyPair(alg, NULL, BCRYPT_DSA_PUBLIC_BLOB, &key, blob, 10, 0);
    ok(status == STATUS_INVALID_PARAMETER, "10 bytes: %#lx\n", status);   /* hypothesis */
    if (!status) destroy(key);
    ((ULONG *)blob)[0] = BCRYPT_DSA_PRIVATE_MAGIC;
    status = BCryptImportKeyPair(alg, NULL, BCRYPT_DSA_PUBLIC_BLOB, &key, blob, len, 0);
    ok(status != STATUS_SUCCESS, "private magic as a public blob accepted\n");   /* hypothesis */
    if (!status) destroy(key);
}

static void run_dsa_vectors(BCRYPT_ALG_HANDLE alg, const char *p, const char *q, const char *g,
                            const struct dsa_vector *v, unsigned int count, BOOL v2)
{
    UCHAR blob[1024], digest[32], sig[64];
    ULONG len, digest_len, sig_len;
    BCRYPT_KEY_HANDLE key;
    NTSTATUS status;
    unsigned int i;

    for (i = 0; i < count; i++)
    {
        winetest_push_context("%s vector %u", v2 ? "2048/256" : "1024/160", i);
        len = make_dsa_public(blob, p, q, g, v[i].y);
        digest_len = hex_to_bytes(v[i].digest, digest, sizeof(digest));
        sig_len = strlen(q) / 2;
        put_hex(sig, sig_len, v[i].r);
        put_hex(sig + sig_len, sig_len, v[i].s);
        key = NULL;
        status = BCryptImportKeyPair(alg, NULL, BCRYPT_DSA_PUBLIC_BLOB, &key, blob, len, 0);
        todo_builtin_if(v2) ok(status == STATUS_SUCCESS, "import: %#lx\n", status);   /* doc: V2 above 1024 bits */
        if (!status)
        {
            status = BCryptVerifySignature(key, NULL, digest, digest_len, sig, 2 * sig_len, 0);
            ok(status == (v[i].valid ? STATUS_SUCCESS : STATUS_INVALID_SIGNATURE), "verify: %#lx\n", status);  /* FIPS CAVS */
            destroy(key);
        }
        winetest_pop_context();
    }
}

/* Sign and verify with the key, a re-imported public blob and a re-imported private blob. */
static void sign_round_trip(BCRYPT_ALG_HANDLE alg, BCRYPT_KEY_HANDLE key, ULONG q_len)
{
    UCHAR hash[32], sig[64], sig2[64], *pub, *priv;
    BCRYPT_KEY_HANDLE pub_key, priv_key;
    ULONG len, pub_len, priv_len;
    NTSTATUS status;

    memset(hash, 0x5a, sizeof(hash));
    /* Wine 8 has no DSA > 1024 bits (FIPS 186-3, q_len 32) and exports no DSAPRIVATEBLOB of a generated key */
    len = 0;
    status = BCryptSignHash(key, NULL, hash, q_len, NULL, 0, &len, 0);
    todo_builtin ok(status == STATUS_SUCCESS && len == 2 * q_len, "size query: %#lx, %lu\n", status, len);   /* wine-test: 40 */
    status = BCryptSignHash(key, NULL, hash, q_len, sig, 2 * q_len - 1, &len, 0);
    todo_builtin_if(q_len == 32) ok(status == STATUS_BUFFER_TOO_SMALL, "short buffer: %#lx\n", status);   /* doc */
    status = BCryptSignHash(key, NULL, hash, q_len, sig, sizeof(sig), &len, 0);
    todo_builtin_if(q_len == 32) ok(status == STATUS_SUCCESS && len == 2 * q_len, "sign: %#lx, %lu\n", status, len);   /* wine-test */
    status = BCryptSignHash(key, NULL, hash, q_len == 20 ? 32 : 20, sig2, sizeof(sig2), &len, 0);
    todo_builtin_if(q_len == 32) ok(status == STATUS_INVALID_PARAMETER, "digest of the wrong size: %#lx\n", status);   /* hypothesis */
    status = BCryptVerifySignature(key, NULL, hash, q_len, sig, 2 * q_len, 0);
    todo_builtin_if(q_len == 32) ok(status == STATUS_SUCCESS, "verify: %#lx\n", status);

    todo_builtin_if(q_len == 32) pub = export_blob(key, BCRYPT_DSA_PUBLIC_BLOB, &pub_len);
    todo_builtin priv = export_blob(key, BCRYPT_DSA_PRIVATE_BLOB, &priv_len);
    if (!pub || !priv) goto done;
    ok(priv_len == pub_len + q_len, "private %lu, public %lu\n", priv_len, pub_len);   /* doc: x is q-sized */
    if ((pub_key = import_pair(alg, BCRYPT_DSA_PUBLIC_BLOB, pub, pub_len)))
    {
        status = BCryptVerifySignature(pub_key, NULL, hash, q_len, sig, 2 * q_len, 0);
        ok(status == STATUS_SUCCESS, "verify with the exported public key: %#lx\n", status);
        destroy(pub_key);
    }
    if ((priv_key = import_pair(alg, BCRYPT_PRIVATE_KEY_BLOB, priv, priv_len)))
    {
        status = BCryptSignHash(priv_key, NULL, hash, q_len, sig2, sizeof(sig2), &len, 0);
        ok(status == STATUS_SUCCESS, "sign with the imported private key: %#lx\n", status);
        status = BCryptVerifySignature(key, NULL, hash, q_len, sig2, 2 * q_len, 0);
        ok(status == STATUS_SUCCESS, "verify it with the original: %#lx\n", status);
        destroy(priv_key);
    }
done:
    free(pub);
    free(priv);
}

static void test_dsa_generate(BCRYPT_ALG_HANDLE alg, ULONG bits)
{
    BCRYPT_DSA_KEY_BLOB_V2 *v2;
    BCRYPT_KEY_HANDLE key, key2;
    UCHAR params[1024], *pub, *pub2;
    ULONG size, len, len2, q_len = bits <= 1024 ? 20 : 32;
    NTSTATUS status;

    winetest_push_context("%lu bits", bits);
    key = NULL;
    status = BCryptGenerateKeyPair(alg, &key, bits, 0);
    ok(status == STATUS_SUCCESS, "generate: %#lx\n", status);
    if (status) goto done;
    status = BCryptGetProperty(key, BCRYPT_DSA_PARAMETERS, params, sizeof(params), &size, 0);
    todo_builtin ok(status == STATUS_INVALID_HANDLE, "parameters before finalizing: %#lx\n", status);   /* hypothesis: as DH [wine-test] */
    status = BCryptFinalizeKeyPair(key, 0);
    ok(status == STATUS_SUCCESS, "finalize: %#lx\n", status);   /* doc */
    if (status) { destroy(key); goto done; }
    status = BCryptFinalizeKeyPair(key, 0);
    ok(status == STATUS_INVALID_HANDLE, "finalize twice: %#lx\n", status);   /* wine-test */
    todo_builtin ok(get_ulong(key, BCRYPT_KEY_LENGTH) == bits, "key length\n");   /* doc */

    sign_round_trip(alg, key, q_len);
    todo_builtin_if(bits > 1024) pub = export_blob(key, BCRYPT_DSA_PUBLIC_BLOB, &len);
    if (pub && bits > 1024)   /* FIPS 186-3 blob: SHA-256, q and seed of 32 bytes [doc; hypothesis: seed length] */
    {
        v2 = (BCRYPT_DSA_KEY_BLOB_V2 *)pub;
        ok(v2->dwMagic == BCRYPT_DSA_PUBLIC_MAGIC_V2 && v2->cbKey == bits / 8, "magic %#lx\n", v2->dwMagic);
        ok(v2->hashAlgorithm == DSA_HASH_ALGORITHM_SHA256 && v2->standardVersion == DSA_FIPS186_3, "hash %u\n",
           v2->hashAlgorithm);
        ok(v2->cbGroupSize == 32 && v2->cbSeedLength == 32, "group %lu seed %lu\n", v2->cbGroupSize, v2->cbSeedLength);
    }
    else if (pub)
    {
        ok(((BCRYPT_DSA_KEY_BLOB *)pub)->dwMagic == BCRYPT_DSA_PUBLIC_MAGIC, "magic\n");   /* wine-test */
        ok(len == sizeof(BCRYPT_DSA_KEY_BLOB) + 3 * bits / 8, "size %lu\n", len);   /* wine-test */
    }

    /* the parameters: header, [seed, q,] p, g of the key's export [doc] */
    size = 0;
    status = BCryptGetProperty(key, BCRYPT_DSA_PARAMETERS, NULL, 0, &size, 0);
    todo_builtin ok(status == STATUS_SUCCESS, "parameter size: %#lx\n", status);
    status = BCryptGetProperty(key, BCRYPT_DSA_PARAMETERS, params, sizeof(params), &size, 0);
    todo_builtin ok(status == STATUS_SUCCESS, "parameters: %#lx\n", status);   /* hypothesis: readable as DHParameters [wine-test] */
    if (!status && pub)
    {
        BCRYPT_DSA_PARAMETER_HEADER *hdr = (BCRYPT_DSA_PARAMETER_HEADER *)params;
        ULONG hdr_len = bits <= 1024 ? sizeof(BCRYPT_DSA_PARAMETER_HEADER) : sizeof(BCRYPT_DSA_PARAMETER_HEADER_V2);
        ULONG blob_hdr = bits <= 1024 ? sizeof(BCRYPT_DSA_KEY_BLOB) : sizeof(BCRYPT_DSA_KEY_BLOB_V2);
        ULONG numbers = size - hdr_len;
        ok(hdr->cbLength == size && hdr->cbKeyLength == bits / 8, "cbLength %lu\n", hdr->cbLength);
        ok(hdr->dwMagic == (bits <= 1024 ? BCRYPT_DSA_PARAMETERS_MAGIC : BCRYPT_DSA_PARAMETERS_MAGIC_V2), "magic\n");
        ok(!memcmp(params + hdr_len, pub + blob_hdr, numbers), "numbers differ from the key's\n");
        ok(!memcmp(params + (bits <= 1024 ? 12 : 28), pub + (bits <= 1024 ? 8 : 24), 4), "Count differs\n");

        /* the same parameters on a new key: same group, another y */
        key2 = NULL;
        status = BCryptGenerateKeyPair(alg, &key2, bits, 0);
        ok(status == STATUS_SUCCESS, "generate: %#lx\n", status);
        status = BCryptSetProperty(key2, BCRYPT_DSA_PARAMETERS, params, size - 1, 0);
        ok(status == STATUS_INVALID_PARAMETER, "cbLength mismatch: %#lx\n", status);   /* doc */
        status = BCryptSetProperty(key2, BCRYPT_DSA_PARAMETERS, params, size, 0);
        ok(status == STATUS_SUCCESS, "set parameters: %#lx\n", status);   /* doc */
        status = BCryptFinalizeKeyPair(key2, 0);
        ok(status == STATUS_SUCCESS, "finalize: %#lx\n", status);
        status = BCryptSetProperty(key2, BCRYPT_DSA_PARAMETERS, params, size, 0);
        ok(status == STATUS_INVALID_HANDLE, "set after finalizing: %#lx\n", status);   /* hypothesis */
        if ((pub2 = export_blob(key2, BCRYPT_DSA_PUBLIC_BLOB, &len2)))
        {
            ok(len2 == len && !memcmp(pub, pub2, len - bits / 8), "group differs\n");
            ok(memcmp(pub + len - bits / 8, pub2 + len - bits / 8, bits / 8), "same y\n");
            free(pub2);
        }
        destroy(key2);
    }
    free(pub);
    destroy(key);
done:
    winetest_pop_context();
}

/* CryptoAPI DSS blobs, as Wine's dssenh stores keys through bcrypt. */
static void test_dsa_capi(BCRYPT_ALG_HANDLE alg)
{
    UCHAR blob[336], *out, *pub, *priv, hash[20], sig[40];
    BCRYPT_KEY_HANDLE key, pub_key;
    ULONG len, size, pub_len, priv_len;
    NTSTATUS status;

    len = hex_to_bytes(wine_dss_private, blob, sizeof(blob));
    if (!(key = import_pair(alg, LEGACY_DSA_V2_PRIVATE_BLOB, blob, len))) return;   /* wine-test */
    if ((out = export_blob(key, LEGACY_DSA_V2_PRIVATE_BLOB, &size)))
    {
        ok(size == len && !memcmp(out, blob, len), "round trip differs (%lu)\n", size);   /* wine-test */
        free(out);
    }
    /* Count is the DSSSEED counter, Seed its reversed bytes: FIPS 186-2 q from that seed
     * is the key's q [wine-test data, FIPS 186-2] */
    if ((priv = export_blob(key, BCRYPT_DSA_PRIVATE_BLOB, &priv_len)))
    {
        BCRYPT_DSA_KEY_BLOB *hdr = (BCRYPT_DSA_KEY_BLOB *)priv;
        todo_builtin ok(hdr->dwMagic == BCRYPT_DSA_PRIVATE_MAGIC && hdr->cbKey == 128, "magic %#lx\n", hdr->dwMagic);
        todo_builtin ok(priv_len == sizeof(*hdr) + 3 * 128 + 20, "size %lu\n", priv_len);   /* doc */
        todo_builtin ok(!memcmp(hdr->Count, "\x00\x00\x01\xf1", 4), "Count %s\n", winetest_hex(hdr->Count, 4));
        todo_builtin ok(hdr->Seed[0] == blob[len - 1] && hdr->Seed[19] == blob[len - 20], "Seed %s\n",
                        winetest_hex(hdr->Seed, 20));
        todo_builtin destroy(import_pair(alg, BCRYPT_DSA_PRIVATE_BLOB, priv, priv_len));   /* its seed checks out */
        free(priv);
    }
    if ((pub = export_blob(key, LEGACY_DSA_V2_PUBLIC_BLOB, &pub_len)))
    {
        ok(pub_len == 16 + 3 * 128 + 20 + 24, "size %lu\n", pub_len);   /* doc: DSS public key blob */
        ok(pub[0] == PUBLICKEYBLOB && pub[1] == 2 && !memcmp(pub + 8, "DSS1", 4), "header %s\n", winetest_hex(pub, 16));
        ok(!memcmp(pub + pub_len - 24, blob + len - 24, 24), "DSSSEED differs\n");
        if ((pub_key = import_pair(alg, LEGACY_DSA_V2_PUBLIC_BLOB, pub, pub_len)))
        {
            memset(hash, 0x11, sizeof(hash));
            status = BCryptSignHash(key, NULL, hash, sizeof(hash), sig, sizeof(sig), &size, 0);
            ok(status == STATUS_SUCCESS, "sign: %#lx\n", status);
            status = BCryptVerifySignature(pub_key, NULL, hash, sizeof(hash), sig, sizeof(sig), 0);
            ok(status == STATUS_SUCCESS, "verify: %#lx\n", status);
            destroy(pub_key);
        }
        status = BCryptImportKeyPair(alg, NULL, LEGACY_DSA_V2_PRIVATE_BLOB, &pub_key, pub, pub_len, 0);
        ok(status != STATUS_SUCCESS, "public blob accepted as private\n");   /* doc: bType, magic */
        free(pub);
    }
    destroy(key);
}

START_TEST(key_dsa)
{
    BCRYPT_ALG_HANDLE alg = open_alg(BCRYPT_DSA_ALGORITHM, NULL);

    if (!alg) return;
    test_dsa_provider(alg);
    test_dsa_windows_blob(alg);
    run_dsa_vectors(alg, fips186_2_p, fips186_2_q, fips186_2_g, fips186_2_vectors, ARRAY_SIZE(fips186_2_vectors), FALSE);
    run_dsa_vectors(alg, fips186_3_p, fips186_3_q, fips186_3_g, fips186_3_vectors, ARRAY_SIZE(fips186_3_vectors), TRUE);
    test_dsa_generate(alg, 512);
    test_dsa_generate(alg, 1024);
    test_dsa_generate(alg, 2048);
    test_dsa_capi(alg);
    close_alg(alg);
}

/* ---- DH ------------------------------------------------------------------------ */

/* The raw secret through BCryptDeriveKey(TRUNCATE): little-endian, key-sized [wine-test].
 * FALSE (with a skip) while BCryptDeriveKey is not implemented here. */
static BOOL raw_secret(BCRYPT_SECRET_HANDLE secret, UCHAR *out, ULONG out_len, ULONG *len)
{
    NTSTATUS status = BCryptDeriveKey(secret, BCRYPT_KDF_RAW_SECRET, NULL, out, out_len, len, 0);
    if (status == STATUS_NOT_IMPLEMENTED)
    {
        skip("BCryptDeriveKey is not implemented yet\n");
        return FALSE;
    }
    ok(status == STATUS_SUCCESS, "TRUNCATE: %#lx\n", status);   /* wine-test */
    return !status;
}

/* Known agreement: private (p, g, ya, xa) with public (p, g, yb) gives z (big-endian). */
static void test_dh_vector(BCRYPT_ALG_HANDLE alg, ULONG cb_key, const char *p, const char *g, const char *ya,
                           const char *xa, const char *yb, const char *xb, const char *z, BOOL z_little_endian)
{
    UCHAR blob[8 + 4 * 256], expect[256], got[256];
    BCRYPT_KEY_HANDLE priv, pub, priv_b = NULL;
    BCRYPT_SECRET_HANDLE secret;
    ULONG len, i;
    NTSTATUS status;

    len = make_dh(blob, cb_key, p, g, ya, xa);
    if (!(priv = import_pair(alg, BCRYPT_DH_PRIVATE_BLOB, blob, len))) return;
    len = make_dh(blob, cb_key, p, g, yb, NULL);
    if (!(pub = import_pair(alg, BCRYPT_DH_PUBLIC_BLOB, blob, len))) { destroy(priv); return; }
    if (xb)
    {
        len = make_dh(blob, cb_key, p, g, yb, xb);
        priv_b = import_pair(alg, BCRYPT_DH_PRIVATE_BLOB, blob, len);
    }
    put_hex(expect, cb_key, z);
    if (!z_little_endian)
        for (i = 0; i < cb_key / 2; i++) { UCHAR t = expect[i]; expect[i] = expect[cb_key - 1 - i]; expect[cb_key - 1 - i] = t; }

    status = BCryptSecretAgreement(priv, pub, &secret, 0);
    ok(status == STATUS_SUCCESS, "agreement: %#lx\n", status);   /* wine-test */
    if (!status)
    {
        if (raw_secret(secret, got, sizeof(got), &len))
            ok(len == cb_key && !memcmp(got, expect, cb_key), "secret %s\n", winetest_hex(got, len));  /* RFC 5114 / wine-test */
        BCryptDestroySecret(secret);
    }
    if (priv_b)   /* the other side, from the public half of A's private key */
    {
        BCRYPT_KEY_HANDLE pub_a;
        len = make_dh(blob, cb_key, p, g, ya, NULL);
        if ((pub_a = import_pair(alg, BCRYPT_DH_PUBLIC_BLOB, blob, len)))
        {
            status = BCryptSecretAgreement(priv_b, pub_a, &secret, 0);
            ok(status == STATUS_SUCCESS, "agreement B: %#lx\n", status);
            if (!status)
            {
                if (raw_secret(secret, got, sizeof(got), &len))
                    ok(len == cb_key && !memcmp(got, expect, cb_key), "B's secret %s\n", winetest_hex(got, len));
                BCryptDestroySecret(secret);
            }
            destroy(pub_a);
        }
        destroy(priv_b);
    }
    destroy(pub);
    destroy(priv);
}

static void test_dh_blobs(BCRYPT_ALG_HANDLE alg)
{
    UCHAR blob[8 + 4 * 64 + 1], *out;
    BCRYPT_KEY_HANDLE key;
    ULONG len, size;
    NTSTATUS status;

    len = make_dh(blob, 64, wine_dh_p, wine_dh_g, wine_dh_y, wine_dh_x);
    key = NULL;
    status = BCryptImportKeyPair(alg, NULL, BCRYPT_DH_PRIVATE_BLOB, &key, blob, len + 1, 0);
    ok(status == STATUS_INVALID_PARAMETER, "longer blob: %#lx\n", status);   /* wine-test */
    status = BCryptImportKeyPair(alg, NULL, BCRYPT_DH_PRIVATE_BLOB, &key, blob, len - 1, 0);
    ok(status == STATUS_INVALID_PARAMETER, "shorter blob: %#lx\n", status);   /* hypothesis: exact size */
    status = BCryptImportKeyPair(alg, NULL, BCRYPT_DH_PUBLIC_BLOB, &key, blob, len, 0);
    ok(status != STATUS_SUCCESS, "private blob as public accepted\n");   /* hypothesis */
    if (!status) destroy(key);

    if ((key = import_pair(alg, BCRYPT_PRIVATE_KEY_BLOB, blob, len)))   /* by magic [wine-test: PUBLICBLOB] */
    {
        if ((out = export_blob(key, BCRYPT_DH_PRIVATE_BLOB, &size)))
        {
            ok(size == len && !memcmp(out, blob, len), "private round trip differs\n");   /* wine-test */
            free(out);
        }
        if ((out = export_blob(key, BCRYPT_DH_PUBLIC_BLOB, &size)))
        {
            ok(size == 8 + 3 * 64 && ((BCRYPT_DH_KEY_BLOB *)out)->dwMagic == BCRYPT_DH_PUBLIC_MAGIC
               && !memcmp(out + 8, blob + 8, 3 * 64), "public export differs\n");   /* wine-test */
            destroy(import_pair(alg, BCRYPT_PUBLIC_KEY_BLOB, out, size));
            free(out);
        }
        destroy(key);
    }
    /* y that is not g^x [hypothesis: a third-party measurement saw INVALID_PARAMETER] */
    blob[8 + 2 * 64 + 10] ^= 1;
    status = BCryptImportKeyPair(alg, NULL, BCRYPT_DH_PRIVATE_BLOB, &key, blob, len, 0);
    ok(status == STATUS_INVALID_PARAMETER, "wrong y: %#lx\n", status);
    if (!status) destroy(key);
    memset(blob + 8 + 2 * 64, 0, 64);
    status = BCryptImportKeyPair(alg, NULL, BCRYPT_DH_PRIVATE_BLOB, &key, blob, len, 0);
    ok(status == STATUS_INVALID_PARAMETER, "y left zero: %#lx\n", status);
    if (!status) destroy(key);

    len = make_dh(blob, 64, wine_dh_p, wine_dh_g, wine_dh_y, NULL);
    if ((key = import_pair(alg, BCRYPT_DH_PUBLIC_BLOB, blob, len)))
    {
        status = BCryptExportKey(key, NULL, BCRYPT_DH_PRIVATE_BLOB, NULL, 0, &size, 0);
        ok(status == STATUS_INVALID_PARAMETER, "private export of a public key: %#lx\n", status);   /* hypothesis */
        destroy(key);
    }
}

static void test_dh_generate(BCRYPT_ALG_HANDLE alg)
{
    UCHAR buf[1100], params[12 + 256], hash[20] = {0}, *pub;
    BCRYPT_DH_PARAMETER_HEADER *hdr = (BCRYPT_DH_PARAMETER_HEADER *)buf;
    BCRYPT_KEY_HANDLE key, key2, dup;
    BCRYPT_SECRET_HANDLE secret, secret2;
    UCHAR s1[128], s2[128];
    ULONG size, len, len2;
    NTSTATUS status;

    key = SEED_HANDLE;
    status = BCryptGenerateKeyPair(alg, &key, 256, 0);
    ok(status == STATUS_INVALID_PARAMETER, "256 bits: %#lx\n", status);   /* wine-test */
    status = BCryptGenerateKeyPair(alg, &key, 4160, 0);
    ok(status == STATUS_INVALID_PARAMETER, "4160 bits: %#lx\n", status);   /* hypothesis: KeyLengths maximum */

    key = NULL;
    status = BCryptGenerateKeyPair(alg, &key, 512, 0);
    ok(status == STATUS_SUCCESS, "generate: %#lx\n", status);   /* wine-test */
    if (status) return;
    status = BCryptGetProperty(key, BCRYPT_DH_PARAMETERS, buf, sizeof(buf), &size, 0);
    ok(status == STATUS_INVALID_HANDLE, "parameters before finalizing: %#lx\n", status);   /* wine-test */
    status = BCryptExportKey(key, NULL, BCRYPT_DH_PUBLIC_BLOB, buf, sizeof(buf), &size, 0);
    ok(status == STATUS_INVALID_HANDLE, "export before finalizing: %#lx\n", status);   /* wine-test */
    status = BCryptFinalizeKeyPair(key, 0);   /* no parameters set: Windows makes a group [wine-test] */
    todo_builtin ok(status == STATUS_SUCCESS, "finalize: %#lx\n", status);
    if (status) { destroy(key); return; }
    status = BCryptFinalizeKeyPair(key, 0);
    ok(status == STATUS_INVALID_HANDLE, "finalize twice: %#lx\n", status);   /* wine-test */

    size = SEED_ULONG;
    status = BCryptGetProperty(key, BCRYPT_DH_PARAMETERS, NULL, sizeof(buf), &size, 0);
    ok(status == STATUS_SUCCESS && size == sizeof(*hdr) + 2 * 64, "size query: %#lx, %lu\n", status, size);  /* wine-test */
    status = BCryptGetProperty(key, BCRYPT_DH_PARAMETERS, buf, 28, &size, 0);
    ok(status == STATUS_BUFFER_TOO_SMALL && size == sizeof(*hdr) + 2 * 64, "28 bytes: %#lx\n", status);   /* wine-test */
    status = BCryptGetProperty(key, BCRYPT_DH_PARAMETERS, buf, sizeof(buf), &size, 0);
    ok(status == STATUS_SUCCESS, "parameters: %#lx\n", status);   /* wine-test */
    ok(hdr->cbLength == size && hdr->dwMagic == BCRYPT_DH_PARAMETERS_MAGIC && hdr->cbKeyLength == 64,
       "header %lu %#lx %lu\n", hdr->cbLength, hdr->dwMagic, hdr->cbKeyLength);   /* wine-test */
    if ((pub = export_blob(key, BCRYPT_DH_PUBLIC_BLOB, &len)))
    {
        ok(len == 8 + 3 * 64 && ((BCRYPT_DH_KEY_BLOB *)pub)->cbKey == 64, "size %lu\n", len);   /* wine-test */
        ok(!memcmp(pub + 8, buf + sizeof(*hdr), 2 * 64), "p, g differ from DHParameters\n");
        free(pub);
    }
    if ((pub = export_blob(key, BCRYPT_DH_PRIVATE_BLOB, &len)))
    {
        ok(len == 8 + 4 * 64 && ((BCRYPT_DH_KEY_BLOB *)pub)->dwMagic == BCRYPT_DH_PRIVATE_MAGIC, "size %lu\n", len);
        free(pub);
    }
    status = BCryptSignHash(key, NULL, hash, sizeof(hash), NULL, 0, &size, 0);
    ok(status == STATUS_NOT_SUPPORTED, "SignHash: %#lx\n", status);   /* wine-test */
    status = BCryptEncrypt(key, NULL, 0, NULL, NULL, 0, NULL, 0, &size, 0);
    ok(status == STATUS_NOT_SUPPORTED, "Encrypt: %#lx\n", status);   /* wine-test */
    dup = SEED_HANDLE;
    status = BCryptDuplicateKey(key, &dup, NULL, 0, 0);
    todo_builtin ok(status == STATUS_NOT_SUPPORTED, "duplicate: %#lx\n", status);   /* reference 2.2 step 5 */
    if (!status) destroy(dup);

    /* a second key on the first one's group: both sides agree [wine-test] */
    memcpy(params, buf, size);
    key2 = NULL;
    status = BCryptGenerateKeyPair(alg, &key2, 512, 0);
    ok(status == STATUS_SUCCESS, "generate: %#lx\n", status);
    ((BCRYPT_DH_PARAMETER_HEADER *)params)->dwMagic ^= 1;
    status = BCryptSetProperty(key2, BCRYPT_DH_PARAMETERS, params, size, 0);
    ok(status == STATUS_INVALID_PARAMETER, "wrong magic: %#lx\n", status);   /* hypothesis */
    ((BCRYPT_DH_PARAMETER_HEADER *)params)->dwMagic ^= 1;
    status = BCryptSetProperty(key2, BCRYPT_DH_PARAMETERS, params, size, 0);
    ok(status == STATUS_SUCCESS, "set parameters: %#lx\n", status);   /* wine-test */
    status = BCryptFinalizeKeyPair(key2, 0);
    ok(status == STATUS_SUCCESS, "finalize: %#lx\n", status);   /* wine-test */
    if ((pub = export_blob(key2, BCRYPT_DH_PUBLIC_BLOB, &len)))
    {
        todo_builtin ok(!memcmp(pub + 8, params + sizeof(*hdr), 2 * 64), "parameters not used\n");   /* wine-test */
        free(pub);
    }
    status = BCryptSecretAgreement(key, key2, &secret, 0);
    ok(status == STATUS_SUCCESS, "agreement: %#lx\n", status);
    status = BCryptSecretAgreement(key2, key, &secret2, 0);
    ok(status == STATUS_SUCCESS, "agreement: %#lx\n", status);
    if (raw_secret(secret, s1, sizeof(s1), &len) && raw_secret(secret2, s2, sizeof(s2), &len2))
        ok(len == 64 && len2 == 64 && !memcmp(s1, s2, len), "secrets differ\n");   /* wine-test */
    BCryptDestroySecret(secret);
    BCryptDestroySecret(secret2);
    destroy(key2);
    destroy(key);
}

static void test_dh_provider(BCRYPT_ALG_HANDLE alg)
{
    UCHAR params[12 + 128] = {0};
    BCRYPT_DH_PARAMETER_HEADER *hdr = (BCRYPT_DH_PARAMETER_HEADER *)params;
    BCRYPT_KEY_HANDLE key;
    NTSTATUS status;

    hdr->cbLength = sizeof(params);
    hdr->dwMagic = BCRYPT_DH_PARAMETERS_MAGIC;
    hdr->cbKeyLength = 64;
    put_hex(params + 12, 64, wine_dh_p);
    put_hex(params + 12 + 64, 64, wine_dh_g);
    status = BCryptSetProperty(alg, BCRYPT_DH_PARAMETERS, params, sizeof(params), 0);
    ok(status == STATUS_NOT_SUPPORTED, "on the provider: %#lx\n", status);   /* hypothesis: third-party measurement */

    key = NULL;   /* parameters of another length than the key's [doc] */
    status = BCryptGenerateKeyPair(alg, &key, 1024, 0);
    ok(status == STATUS_SUCCESS, "generate: %#lx\n", status);
    status = BCryptSetProperty(key, BCRYPT_DH_PARAMETERS, params, sizeof(params), 0);
    ok(status == STATUS_INVALID_PARAMETER, "512-bit parameters on a 1024-bit key: %#lx\n", status);
    destroy(key);
    key = NULL;
    status = BCryptGenerateKeyPair(alg, &key, 512, 0);
    ok(status == STATUS_SUCCESS, "generate: %#lx\n", status);
    hdr->cbKeyLength = 0x80000040;   /* * 8 wraps to 512, * 2 + 12 to the buffer's length */
    status = BCryptSetProperty(key, BCRYPT_DH_PARAMETERS, params, sizeof(params), 0);
    ok(status == STATUS_INVALID_PARAMETER, "wrapping cbKeyLength: %#lx\n", status);   /* doc */
    status = BCryptSetProperty(key, BCRYPT_DH_PARAMETERS, params, 8, 0);
    ok(status == STATUS_INVALID_PARAMETER, "8 bytes: %#lx\n", status);   /* doc */
    destroy(key);
}

START_TEST(key_dh)
{
    BCRYPT_ALG_HANDLE alg;

    /* Wine 8 has no DH provider */
    todo_builtin alg = open_alg(BCRYPT_DH_ALGORITHM, NULL);
    if (!alg) return;
    test_dh_provider(alg);
    test_dh_blobs(alg);
    winetest_push_context("wine-test 512");
    test_dh_vector(alg, 64, wine_dh_p, wine_dh_g, wine_dh_y, wine_dh_x, wine_dh_y, NULL, wine_dh_secret_le, TRUE);
    winetest_pop_context();
    winetest_push_context("RFC 5114 A.1");
    test_dh_vector(alg, 128, rfc5114_1024_p, rfc5114_1024_g, rfc5114_1024_ya, rfc5114_1024_xa, rfc5114_1024_yb,
                   rfc5114_1024_xb, rfc5114_1024_z, FALSE);
    winetest_pop_context();
    winetest_push_context("RFC 5114 A.3");
    test_dh_vector(alg, 256, rfc5114_2048_p, rfc5114_2048_g, rfc5114_2048_ya, rfc5114_2048_xa, rfc5114_2048_yb,
                   rfc5114_2048_xb, rfc5114_2048_z, FALSE);
    winetest_pop_context();
    test_dh_generate(alg);
    close_alg(alg);
}
