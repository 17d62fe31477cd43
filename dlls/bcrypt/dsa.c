/* dsa keys for the asymmetric family table: not written yet. */
#include "bcrypt_private.h"

const struct asym_family dsa_family = { 0 };
