/*
 * dupdemo: BCryptDuplicateKey at work.  Encrypts a message in pieces with
 * AES-256-CBC, duplicates the key halfway, finishes the message on both keys
 * and compares them with a one-shot encryption; then duplicates into a
 * caller-supplied buffer and shows what a bad handle gets.
 */
#include <stdio.h>
#include <string.h>
#include <ntstatus.h>
#define WIN32_NO_STATUS
#include <windows.h>
#include <bcrypt.h>
#include "loaded_dll.h"

static const char message[] = "Sixty-four bytes of plaintext, to be encrypted in four pieces!!";

static void show_hex(const char *label, const UCHAR *data, ULONG len)
{
    ULONG i;

    printf("  %-28s", label);
    for (i = 0; i < len; i++) printf("%02x", data[i]);
    printf("\n");
}

static const char *status_name(NTSTATUS status)
{
    switch (status)
    {
    case STATUS_SUCCESS: return "STATUS_SUCCESS";
    case STATUS_INVALID_HANDLE: return "STATUS_INVALID_HANDLE";
    case STATUS_INVALID_PARAMETER: return "STATUS_INVALID_PARAMETER";
    case STATUS_BUFFER_TOO_SMALL: return "STATUS_BUFFER_TOO_SMALL";
    default: return "other";
    }
}

static NTSTATUS encrypt_piece(BCRYPT_KEY_HANDLE key, const UCHAR *in, UCHAR *out, ULONG len, UCHAR *iv)
{
    ULONG done;
    return BCryptEncrypt(key, (UCHAR *)in, len, NULL, iv, iv ? 16 : 0, out, len, &done, 0);
}

int main(void)
{
    UCHAR secret[32], iv[16] = {0}, one_shot[64], original[64], duplicate[64];
    BCRYPT_KEY_HANDLE key, copy, in_buffer, dummy = NULL;
    const UCHAR *plain = (const UCHAR *)message;
    BCRYPT_ALG_HANDLE alg;
    ULONG object_len, got, i;
    UCHAR *object;
    NTSTATUS status;
    int failures = 0;

    show_loaded_dll("bcrypt.dll");
    for (i = 0; i < sizeof(secret); i++) secret[i] = i;
    if ((status = BCryptOpenAlgorithmProvider(&alg, BCRYPT_AES_ALGORITHM, NULL, 0)))
    {
        printf("BCryptOpenAlgorithmProvider(AES) failed: %#lx\n", status);
        return 1;
    }

    printf("1. AES-256-CBC, the whole message in one call:\n");
    BCryptGenerateSymmetricKey(alg, &key, NULL, 0, secret, sizeof(secret), 0);
    encrypt_piece(key, plain, one_shot, 64, iv);
    show_hex("one shot:", one_shot, 64);
    BCryptDestroyKey(key);

    printf("\n2. The same message in 16-byte pieces; BCryptDuplicateKey after piece 2,\n"
           "   then pieces 3 and 4 on both keys (NULL IV = continue the key's chain):\n");
    memset(iv, 0, sizeof(iv));
    BCryptGenerateSymmetricKey(alg, &key, NULL, 0, secret, sizeof(secret), 0);
    encrypt_piece(key, plain, original, 16, iv);
    encrypt_piece(key, plain + 16, original + 16, 16, NULL);
    status = BCryptDuplicateKey(key, &copy, NULL, 0, 0);
    printf("  BCryptDuplicateKey(key, &copy, NULL, 0, 0) = %s\n", status_name(status));
    if (status) return 1;
    memcpy(duplicate, original, 32);
    for (i = 32; i < 64; i += 16)
    {
        encrypt_piece(key, plain + i, original + i, 16, NULL);
        encrypt_piece(copy, plain + i, duplicate + i, 16, NULL);
    }
    show_hex("original key:", original, 64);
    show_hex("duplicate key:", duplicate, 64);
    printf("  original == one shot: %s, duplicate == one shot: %s\n",
           memcmp(original, one_shot, 64) ? "NO" : "yes", memcmp(duplicate, one_shot, 64) ? "NO" : "yes");
    failures += !!memcmp(original, one_shot, 64) + !!memcmp(duplicate, one_shot, 64);

    printf("\n3. Duplicate into a buffer the caller owns (BCRYPT_OBJECT_LENGTH bytes):\n");
    BCryptGetProperty(alg, BCRYPT_OBJECT_LENGTH, (UCHAR *)&object_len, sizeof(object_len), &got, 0);
    object = malloc(object_len);
    status = BCryptDuplicateKey(copy, &in_buffer, object, object_len - 1, 0);
    printf("  with %lu bytes (one short):   %s\n", object_len - 1, status_name(status));
    status = BCryptDuplicateKey(copy, &in_buffer, object, object_len, 0);
    printf("  with %lu bytes:               %s, handle %s the buffer\n", object_len, status_name(status),
           (UCHAR *)in_buffer >= object && (UCHAR *)in_buffer < object + object_len ? "inside" : "OUTSIDE");
    BCryptDestroyKey(copy);   /* the copy in the buffer lives on without its source */
    memset(iv, 0, sizeof(iv));
    encrypt_piece(in_buffer, plain, duplicate, 64, iv);
    printf("  after destroying its source, it still encrypts to the one-shot result: %s\n",
           memcmp(duplicate, one_shot, 64) ? "NO" : "yes");
    failures += !!memcmp(duplicate, one_shot, 64);
    BCryptDestroyKey(in_buffer);
    free(object);

    printf("\n4. Bad arguments get a status, not a crash:\n");
    printf("  NULL key handle:        %s\n", status_name(BCryptDuplicateKey(NULL, &dummy, NULL, 0, 0)));
    printf("  algorithm handle:       %s\n", status_name(BCryptDuplicateKey((BCRYPT_KEY_HANDLE)alg, &dummy, NULL, 0, 0)));
    printf("  NULL phNewKey:          %s\n", status_name(BCryptDuplicateKey(key, NULL, NULL, 0, 0)));
    printf("  62-byte buffer:         %s\n", status_name(BCryptDuplicateKey(key, &dummy, (UCHAR *)one_shot, 62, 0)));
    printf("  dwFlags = 1:            %s\n", status_name(BCryptDuplicateKey(key, &dummy, NULL, 0, 1)));

    BCryptDestroyKey(key);
    BCryptCloseAlgorithmProvider(alg, 0);
    printf("\n%s\n", failures ? "Duplication did NOT behave as on Windows." : "Duplication behaves as on Windows.");
    return failures;
}
