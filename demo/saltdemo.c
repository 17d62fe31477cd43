/*
 * saltdemo: CryptDuplicateKey's documented use case.  One base key, three
 * duplicates, each given its own salt with CryptSetKeyParam(KP_SALT): each
 * encrypts the same message to a different ciphertext, the base key is
 * untouched, and a duplicate taken halfway through an RC4 stream continues
 * it.  Runs through advapi32, so it shows which rsaenh.dll served it.
 */
#include <stdio.h>
#include <string.h>
#include <windows.h>
#include <wincrypt.h>
#include "loaded_dll.h"

static const char message[] = "Attack at dawn";

static void show_hex(const char *label, const BYTE *data, DWORD len)
{
    DWORD i;

    printf("  %-38s", label);
    for (i = 0; i < len; i++) printf("%02x", data[i]);
    printf("\n");
}

/* Call as show_error(label, Call(...)): the call runs before GetLastError is read. */
static void show_error(const char *label, BOOL ret)
{
    DWORD error = GetLastError();
    printf("  %-46s %s, GetLastError %lu%s\n", label, ret ? "TRUE" : "FALSE", ret ? 0 : error,
           !ret && error == ERROR_INVALID_PARAMETER ? " (ERROR_INVALID_PARAMETER)" : "");
}

/* Encrypts the message with a copy of the key's current stream state (Final: the key restarts). */
static BOOL encrypt_message(HCRYPTKEY key, BYTE *out)
{
    DWORD len = sizeof(message) - 1;

    memcpy(out, message, len);
    return CryptEncrypt(key, 0, TRUE, 0, out, &len, len);
}

int main(void)
{
    BYTE base_out[16], dup_out[3][16], salt[11], piece1[16], rest_a[16], rest_b[16], one_shot[16];
    DWORD len, i;
    HCRYPTPROV prov;
    HCRYPTHASH hash;
    HCRYPTKEY base, dup[3], copy;
    int failures = 0;

    if (!CryptAcquireContextA(&prov, NULL, MS_DEF_PROV_A, PROV_RSA_FULL, CRYPT_VERIFYCONTEXT))
    {
        printf("CryptAcquireContext failed: %#lx\n", GetLastError());
        return 1;
    }
    show_loaded_dll("rsaenh.dll");

    /* A 40-bit RC4 key derived from a password: the Base provider salts such keys. */
    CryptCreateHash(prov, CALG_MD5, 0, 0, &hash);
    CryptHashData(hash, (const BYTE *)"password", 8, 0);
    if (!CryptDeriveKey(prov, CALG_RC4, hash, 40 << 16, &base))
    {
        printf("CryptDeriveKey failed: %#lx\n", GetLastError());
        return 1;
    }
    CryptDestroyHash(hash);

    printf("1. One base key, three duplicates, each with its own 11-byte KP_SALT:\n");
    encrypt_message(base, base_out);
    show_hex("base key (default zero salt):", base_out, sizeof(message) - 1);
    for (i = 0; i < 3; i++)
    {
        char label[40];
        if (!CryptDuplicateKey(base, NULL, 0, &dup[i]))
        {
            printf("CryptDuplicateKey failed: %#lx\n", GetLastError());
            return 1;
        }
        memset(salt, 0x11 * (i + 1), sizeof(salt));
        CryptSetKeyParam(dup[i], KP_SALT, salt, 0);
        encrypt_message(dup[i], dup_out[i]);
        snprintf(label, sizeof(label), "duplicate %lu (salt %02lx..):", i + 1, 0x11 * (i + 1));
        show_hex(label, dup_out[i], sizeof(message) - 1);
    }
    encrypt_message(base, one_shot);
    printf("  all different: %s; base key unchanged by its duplicates' salts: %s\n",
           memcmp(dup_out[0], dup_out[1], 14) && memcmp(dup_out[1], dup_out[2], 14) && memcmp(dup_out[0], base_out, 14)
           ? "yes" : "NO", memcmp(one_shot, base_out, 14) ? "NO" : "yes");
    failures += !memcmp(dup_out[0], dup_out[1], 14) + !!memcmp(one_shot, base_out, 14);

    printf("\n2. Duplicate halfway through an RC4 stream; both continue it:\n");
    memcpy(piece1, message, 7);
    len = 7;
    CryptEncrypt(base, 0, FALSE, 0, piece1, &len, 7);
    CryptDuplicateKey(base, NULL, 0, &copy);
    memcpy(rest_a, message + 7, 7);
    memcpy(rest_b, message + 7, 7);
    len = 7;
    CryptEncrypt(base, 0, TRUE, 0, rest_a, &len, 7);
    len = 7;
    CryptEncrypt(copy, 0, TRUE, 0, rest_b, &len, 7);
    show_hex("one shot (base key, earlier):", base_out, 14);
    memcpy(piece1 + 7, rest_a, 7);
    show_hex("first half + rest on the base key:", piece1, 14);
    memcpy(piece1 + 7, rest_b, 7);
    show_hex("first half + rest on the duplicate:", piece1, 14);
    printf("  both match the one-shot ciphertext: %s\n",
           !memcmp(rest_a, base_out + 7, 7) && !memcmp(rest_b, base_out + 7, 7) ? "yes" : "NO");
    failures += memcmp(rest_a, base_out + 7, 7) || memcmp(rest_b, base_out + 7, 7);

    SetLastError(0xdeadbeef);
    printf("\n3. Bad arguments: a status, not a crash:\n");
    show_error("CryptDuplicateKey(0, NULL, 0, &key):", CryptDuplicateKey(0, NULL, 0, &copy));
    show_error("CryptDuplicateKey(key, &reserved, 0, &key):", CryptDuplicateKey(base, &len, 0, &copy));
    show_error("CryptDuplicateKey(key, NULL, 0, NULL):", CryptDuplicateKey(base, NULL, 0, NULL));

    for (i = 0; i < 3; i++) CryptDestroyKey(dup[i]);
    CryptDestroyKey(base);
    CryptReleaseContext(prov, 0);
    printf("\n%s\n", failures ? "CryptDuplicateKey did NOT behave as on Windows." : "CryptDuplicateKey behaves as on Windows.");
    return failures;
}
