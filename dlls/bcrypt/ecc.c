/* ecc keys for the asymmetric family table: not written yet. */
#include "bcrypt_private.h"

const struct asym_family ecc_family = { 0 };
