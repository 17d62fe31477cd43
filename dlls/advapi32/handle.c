/*
 * A typed, refcounted handle table.  A handle is a slot index plus one, so 0
 * is never valid, and a stale or foreign handle finds an empty slot or an
 * object of another type: an error, never a crash.  The table holds one
 * reference per entry; handle_get() hands out another one, so an object
 * stays alive while an entry point uses it even if another thread closes
 * its handle meanwhile.  Knows nothing about crypto.
 */
#include "csp_private.h"

DEFAULT_DEBUG_CHANNEL(crypt);

#define TABLE_GROWTH 32

struct entry
{
    struct csp_object *obj;      /* NULL: free slot */
    ULONG_PTR          owner;    /* the context a key or hash belongs to */
    DWORD              next_free;
};

static SRWLOCK table_lock = SRWLOCK_INIT;
static struct entry *table;
static DWORD table_size, first_free;   /* first_free == table_size: none free */

void *csp_object_alloc(SIZE_T size, enum csp_type type, void (*destroy)(struct csp_object *))
{
    struct csp_object *obj = HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, size);

    if (!obj) return NULL;
    obj->type = type;
    obj->refs = 1;
    obj->destroy = destroy;
    return obj;
}

void csp_object_addref(struct csp_object *obj)
{
    InterlockedIncrement(&obj->refs);
}

void csp_object_release(struct csp_object *obj)
{
    if (obj && !InterlockedDecrement(&obj->refs)) obj->destroy(obj);
}

static BOOL table_grow(void)
{
    DWORD i, size = table_size + TABLE_GROWTH;
    struct entry *grown;

    grown = table ? HeapReAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, table, size * sizeof(*table))
                  : HeapAlloc(GetProcessHeap(), HEAP_ZERO_MEMORY, size * sizeof(*table));
    if (!grown) return FALSE;
    for (i = table_size; i < size; i++) grown[i].next_free = i + 1;
    table = grown;
    first_free = table_size;
    table_size = size;
    return TRUE;
}

/* Takes over the caller's reference; on failure the object is released. */
ULONG_PTR handle_insert(struct csp_object *obj, ULONG_PTR owner)
{
    DWORD index;

    AcquireSRWLockExclusive(&table_lock);
    if (first_free == table_size && !table_grow())
    {
        ReleaseSRWLockExclusive(&table_lock);
        csp_object_release(obj);
        return 0;
    }
    index = first_free;
    first_free = table[index].next_free;
    table[index].obj = obj;
    table[index].owner = owner;
    ReleaseSRWLockExclusive(&table_lock);
    return index + 1;
}

static struct entry *entry_find(ULONG_PTR handle, enum csp_type type)
{
    if (!handle || handle > table_size) return NULL;
    if (!table[handle - 1].obj || table[handle - 1].obj->type != type) return NULL;
    return &table[handle - 1];
}

struct csp_object *handle_get(ULONG_PTR handle, enum csp_type type)
{
    struct csp_object *obj = NULL;
    struct entry *entry;

    AcquireSRWLockShared(&table_lock);
    if ((entry = entry_find(handle, type)))
    {
        obj = entry->obj;
        csp_object_addref(obj);
    }
    ReleaseSRWLockShared(&table_lock);
    return obj;
}

BOOL handle_valid(ULONG_PTR handle, enum csp_type type)
{
    BOOL valid;

    AcquireSRWLockShared(&table_lock);
    valid = entry_find(handle, type) != NULL;
    ReleaseSRWLockShared(&table_lock);
    return valid;
}

static void entry_free(DWORD index)
{
    table[index].obj = NULL;
    table[index].owner = 0;
    table[index].next_free = first_free;
    first_free = index;
}

BOOL handle_close(ULONG_PTR handle, enum csp_type type)
{
    struct csp_object *obj = NULL;
    struct entry *entry;

    AcquireSRWLockExclusive(&table_lock);
    if ((entry = entry_find(handle, type)))
    {
        obj = entry->obj;
        entry_free(handle - 1);
    }
    ReleaseSRWLockExclusive(&table_lock);
    csp_object_release(obj);   /* outside the lock: destructors release other objects */
    return obj != NULL;
}

/* Closes every key and hash of a context being released, so none leaks. */
void handle_close_owned(ULONG_PTR owner)
{
    DWORD i;

    for (;;)
    {
        struct csp_object *obj = NULL;

        AcquireSRWLockExclusive(&table_lock);
        for (i = 0; i < table_size && !obj; i++)
        {
            if (!table[i].obj || table[i].owner != owner) continue;
            obj = table[i].obj;
            entry_free(i);
        }
        ReleaseSRWLockExclusive(&table_lock);
        if (!obj) return;
        TRACE("closing object %p of context %Iu\n", obj, owner);
        csp_object_release(obj);
    }
}
