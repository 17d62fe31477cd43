/* dsa keys on GnuTLS (nettle/hogweed where GnuTLS has no API): not written yet. */
#include "unix_private.h"

const struct asym_ops dsa_ops = { 0 };
