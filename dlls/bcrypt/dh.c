/* dh keys for the asymmetric family table: not written yet. */
#include "bcrypt_private.h"

const struct asym_family dh_family = { 0 };
