/* One version for every DLL we ship. */
#define DROPIN_VERSION_STRING "0.1.0"
#define DROPIN_VERSION_BINARY 0,1,0,0
