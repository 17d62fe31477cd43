/* NIST SP 800-38A appendix F test vectors (AES), shared by the CNG key tests. */
#ifndef NIST_SP800_38A_H
#define NIST_SP800_38A_H

static const char nist_key128[] = "2b7e151628aed2a6abf7158809cf4f3c";
static const char nist_key192[] = "8e73b0f7da0e6452c810f32b809079e562f8ead2522c6b7b";
static const char nist_key256[] = "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4";
static const char nist_iv[] = "000102030405060708090a0b0c0d0e0f";
/* the four-block plaintext, and its first 18 bytes for CFB8 */
static const char nist_pt[] =
    "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
    "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";
static const char nist_pt18[] = "6bc1bee22e409f96e93d7e117393172aae2d";
/* F.1.1 ECB-AES128.Encrypt */
static const char nist_ecb128[] =
    "3ad77bb40d7a3660a89ecaf32466ef97f5d3d58503b9699de785895a96fdbaaf"
    "43b1cd7f598ece23881b00e3ed0306887b0c785e27e8ad3f8223207104725dd4";
/* F.1.5 ECB-AES256.Encrypt */
static const char nist_ecb256[] =
    "f3eed1bdb5d2a03c064b5a7e3db181f8591ccb10d410ed26dc5ba74a31362870"
    "b6ed21b99ca6f4f9f153e7b1beafed1d23304b7a39f9f3ff067d8d8f9e24ecc7";
/* F.2.1 CBC-AES128.Encrypt */
static const char nist_cbc128[] =
    "7649abac8119b246cee98e9b12e9197d5086cb9b507219ee95db113a917678b2"
    "73bed6b8e3c1743b7116e69e222295163ff1caa1681fac09120eca307586e1a7";
/* F.3.7 CFB8-AES128.Encrypt (18 bytes) */
static const char nist_cfb8_128[] = "3b79424c9c0dd436bace9e0ed4586a4f32b9";
/* F.3.13 CFB128-AES128.Encrypt */
static const char nist_cfb128_128[] =
    "3b3fd92eb72dad20333449f8e83cfb4ac8a64537a0b3a93fcde3cdad9f1ce58b"
    "26751f67a3cbb140b1808cf187a4f4dfc04b05357c5d1c0eeac4c66f9ff7f2e6";

#endif
