/* rsa keys for the asymmetric family table: not written yet. */
#include "bcrypt_private.h"

const struct asym_family rsa_family = { 0 };
