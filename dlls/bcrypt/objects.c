/*
 * The registry of live objects and the object-buffer rules shared by keys
 * and hashes.  A handle is only dereferenced after the registry has
 * confirmed that it is one of ours and still alive.
 */
#include "bcrypt_private.h"

DEFAULT_DEBUG_CHANNEL(bcrypt);

/* Open-addressing set of object pointers; TOMBSTONE marks a removed slot. */
#define TOMBSTONE ((struct object *)1)
#define INITIAL_SLOTS 1024

static SRWLOCK registry_lock = SRWLOCK_INIT;
static struct object **slots;
static SIZE_T slot_count, used_count;   /* used_count includes tombstones */

static SIZE_T slot_hash(const void *ptr, SIZE_T count)
{
    UINT64 v = (UINT64)(ULONG_PTR)ptr;
    v ^= v >> 33; v *= 0xff51afd7ed558ccdull; v ^= v >> 33;
    return (SIZE_T)v & (count - 1);
}

static SIZE_T registry_find(const void *ptr)
{
    SIZE_T i;

    if (!slot_count) return (SIZE_T)-1;
    for (i = slot_hash(ptr, slot_count);; i = (i + 1) & (slot_count - 1))
    {
        if (!slots[i]) return (SIZE_T)-1;
        if (slots[i] == ptr) return i;
    }
}

static BOOL registry_grow(void)
{
    SIZE_T i, j, new_count = slot_count ? slot_count * 2 : INITIAL_SLOTS;
    struct object **new_slots = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, new_count * sizeof(*new_slots));

    if (!new_slots) return FALSE;
    used_count = 0;
    for (i = 0; i < slot_count; i++)
    {
        if (!slots[i] || slots[i] == TOMBSTONE) continue;
        for (j = slot_hash(slots[i], new_count); new_slots[j]; j = (j + 1) & (new_count - 1)) ;
        new_slots[j] = slots[i];
        used_count++;
    }
    HeapFree(GetProcessHeap(), 0, slots);
    slots = new_slots;
    slot_count = new_count;
    return TRUE;
}

BOOL object_register(struct object *obj)
{
    SIZE_T i;
    BOOL ret = TRUE;

    AcquireSRWLockExclusive(&registry_lock);
    if ((used_count + 1) * 2 > slot_count) ret = registry_grow();
    if (ret)
    {
        for (i = slot_hash(obj, slot_count); slots[i] && slots[i] != TOMBSTONE; i = (i + 1) & (slot_count - 1)) ;
        if (!slots[i]) used_count++;
        slots[i] = obj;
    }
    ReleaseSRWLockExclusive(&registry_lock);
    return ret;
}

void object_unregister(struct object *obj)
{
    SIZE_T i;

    AcquireSRWLockExclusive(&registry_lock);
    if ((i = registry_find(obj)) != (SIZE_T)-1) slots[i] = TOMBSTONE;
    ReleaseSRWLockExclusive(&registry_lock);
}

struct object *object_lookup(const void *handle, ULONG magic)
{
    struct object *obj = NULL;

    if (!handle) return NULL;
    AcquireSRWLockShared(&registry_lock);
    if (registry_find(handle) != (SIZE_T)-1 && ((struct object *)handle)->magic == magic)
        obj = (struct object *)handle;
    ReleaseSRWLockShared(&registry_lock);
    return obj;
}

/* Windows' order: NULL with a length is invalid, then the router minimum, then the real size. */
NTSTATUS object_buffer_check(UCHAR *buffer, ULONG len, ULONG needed)
{
    if (!buffer && len) return STATUS_INVALID_PARAMETER;
    if (!buffer) return STATUS_SUCCESS;
    if (len < ROUTER_MIN_OBJECT_LEN || len < needed) return STATUS_BUFFER_TOO_SMALL;
    return STATUS_SUCCESS;
}

/* The object starts at the first 16-byte boundary of the caller's buffer
 * (alg_object_len() reserves the slack), or in a heap block of ours. */
void *object_place(UCHAR *buffer, ULONG size, void **allocation)
{
    *allocation = NULL;
    if (!buffer)
    {
        if (!(buffer = HeapAlloc(GetProcessHeap(), 0, size + 15))) return NULL;
        *allocation = buffer;
    }
    buffer = (UCHAR *)(((ULONG_PTR)buffer + 15) & ~(ULONG_PTR)15);
    memset(buffer, 0, size);
    return buffer;
}

void object_free(struct object *obj, ULONG size, void *allocation)
{
    object_unregister(obj);
    secure_wipe(obj, size);
    if (allocation) HeapFree(GetProcessHeap(), 0, allocation);
}

