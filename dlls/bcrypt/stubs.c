/*
 * Exports of Windows 10 bcrypt.dll that this release does not implement yet.
 * Each returns STATUS_NOT_IMPLEMENTED and says so once on the debug channel;
 * README.md lists them.  bcrypt.def maps the Windows names onto these.
 */
#include "bcrypt_private.h"

DEFAULT_DEBUG_CHANNEL(bcrypt);

#define NOT_IMPLEMENTED_EXPORT(name) \
    NTSTATUS WINAPI stub_##name(void) \
    { \
        static LONG warned; \
        if (!InterlockedExchange(&warned, 1)) FIXME("%s is not implemented\n", #name); \
        return STATUS_NOT_IMPLEMENTED; \
    }

NOT_IMPLEMENTED_EXPORT(BCryptAddContextFunction)
NOT_IMPLEMENTED_EXPORT(BCryptAddContextFunctionProvider)
NOT_IMPLEMENTED_EXPORT(BCryptConfigureContext)
NOT_IMPLEMENTED_EXPORT(BCryptConfigureContextFunction)
NOT_IMPLEMENTED_EXPORT(BCryptCreateContext)
NOT_IMPLEMENTED_EXPORT(BCryptDeleteContext)
NOT_IMPLEMENTED_EXPORT(BCryptEnumContextFunctionProviders)
NOT_IMPLEMENTED_EXPORT(BCryptEnumContextFunctions)
NOT_IMPLEMENTED_EXPORT(BCryptEnumContexts)
NOT_IMPLEMENTED_EXPORT(BCryptEnumProviders)
NOT_IMPLEMENTED_EXPORT(BCryptEnumRegisteredProviders)
NOT_IMPLEMENTED_EXPORT(BCryptQueryContextConfiguration)
NOT_IMPLEMENTED_EXPORT(BCryptQueryContextFunctionConfiguration)
NOT_IMPLEMENTED_EXPORT(BCryptQueryContextFunctionProperty)
NOT_IMPLEMENTED_EXPORT(BCryptQueryProviderRegistration)
NOT_IMPLEMENTED_EXPORT(BCryptRegisterConfigChangeNotify)
NOT_IMPLEMENTED_EXPORT(BCryptRegisterProvider)
NOT_IMPLEMENTED_EXPORT(BCryptRemoveContextFunction)
NOT_IMPLEMENTED_EXPORT(BCryptRemoveContextFunctionProvider)
NOT_IMPLEMENTED_EXPORT(BCryptResolveProviders)
NOT_IMPLEMENTED_EXPORT(BCryptSetAuditingInterface)
NOT_IMPLEMENTED_EXPORT(BCryptSetContextFunctionProperty)
NOT_IMPLEMENTED_EXPORT(BCryptUnregisterConfigChangeNotify)
NOT_IMPLEMENTED_EXPORT(BCryptUnregisterProvider)
