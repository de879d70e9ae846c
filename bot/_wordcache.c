/* A cache of ASCII words to their entries, in C (bot/_wordscan.c's `analyse`; see bot/tokenizer.py).
 *
 *   WordCache(entries, limit=131072)
 *                              Holds `entries` (a dict whose __missing__ computes a word's entry,
 *                              `Tokenizer._entry`) and remembers, for words of up to WORD_MAX bytes, the
 *                              entry it gave, keyed on the word's bytes: a word met again is found by a hash
 *                              of its bytes and one probe, without a str made for it nor a dict looked up.
 *                              An entry is a pure function of the word, so what the cache gives equals what
 *                              `entries[word]` gives. Emptied when it holds `limit` words (as `entries` is).
 *
 * `analyse(text, spans, cache, ...)` takes a WordCache where it takes the dict (wordscan_entry below).
 */
#include "_wordscan.h"

#define WORD_MAX 19 /* longer words go to the dict (few): a slot is 32 bytes */

typedef struct {
    uint32_t hash;
    uint8_t len; /* 0: empty */
    char key[WORD_MAX];
    PyObject *entry; /* strong */
} Slot;

typedef struct {
    PyObject_HEAD
    PyObject *entries;
    Slot *slots;
    Py_ssize_t mask, count, limit;
} WordCache;

static uint32_t hash_bytes(const Py_UCS1 *t, Py_ssize_t n) {
    uint64_t h = 0x9E3779B97F4A7C15ull ^ (uint64_t)n;
    Py_ssize_t k = 0;
    for (; k + 8 <= n; k += 8) {
        uint64_t v;
        memcpy(&v, t + k, 8);
        h = (h ^ v) * 0xBF58476D1CE4E5B9ull;
        h ^= h >> 31;
    }
    if (k < n) {
        uint64_t v = 0;
        memcpy(&v, t + k, (size_t)(n - k));
        h = (h ^ v) * 0x94D049BB133111EBull;
        h ^= h >> 29;
    }
    h *= 0xBF58476D1CE4E5B9ull;
    return (uint32_t)(h >> 32);
}

static void clear_slots(WordCache *c) {
    Py_ssize_t k;
    if (c->slots == NULL) return;
    for (k = 0; k <= c->mask; k++) Py_CLEAR(c->slots[k].entry);
    memset(c->slots, 0, sizeof(Slot) * (size_t)(c->mask + 1));
    c->count = 0;
}

/* Doubles the table (its words kept); -1 on error. */
static int grow(WordCache *c) {
    Py_ssize_t size = (c->mask + 1) * 2, k;
    Slot *slots = PyMem_Calloc((size_t)size, sizeof(Slot));
    if (slots == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    for (k = 0; k <= c->mask; k++) {
        Slot *s = &c->slots[k];
        if (s->len == 0) continue;
        Py_ssize_t at = s->hash & (size - 1);
        while (slots[at].len != 0) at = (at + 1) & (size - 1);
        slots[at] = *s;
    }
    PyMem_Free(c->slots);
    c->slots = slots;
    c->mask = size - 1;
    return 0;
}

/* A new reference to the entry of the word t[0:n] (looked up in the dict on a miss); NULL on error. */
static PyObject *dict_entry(PyObject *entries, const Py_UCS1 *t, Py_ssize_t n) {
    PyObject *word = PyUnicode_New(n, 127);
    if (word == NULL) return NULL;
    memcpy(PyUnicode_1BYTE_DATA(word), t, (size_t)n);
    PyObject *entry = PyDict_GetItemWithError(entries, word); /* borrowed */
    if (entry != NULL) {
        Py_INCREF(entry);
    } else if (!PyErr_Occurred()) {
        entry = PyObject_GetItem(entries, word); /* __missing__ computes and keeps it */
    }
    Py_DECREF(word);
    return entry;
}

static PyTypeObject WordCacheType;

int wordscan_is_cache(PyObject *entries) { return Py_TYPE(entries) == &WordCacheType; }

PyObject *wordscan_entry(PyObject *entries, const Py_UCS1 *t, Py_ssize_t n) {
    if (Py_TYPE(entries) != &WordCacheType) return dict_entry(entries, t, n);
    WordCache *c = (WordCache *)entries;
    if (c->entries == NULL) {
        PyErr_SetString(PyExc_ValueError, "a WordCache without its entries");
        return NULL;
    }
    if (n > WORD_MAX) return dict_entry(c->entries, t, n);
    uint32_t hash = hash_bytes(t, n);
    Py_ssize_t at = hash & c->mask;
    for (;;) {
        Slot *s = &c->slots[at];
        if (s->len == 0) break;
        if (s->hash == hash && s->len == n && memcmp(s->key, t, (size_t)n) == 0) {
            Py_INCREF(s->entry);
            return s->entry;
        }
        at = (at + 1) & c->mask;
    }
    PyObject *entry = dict_entry(c->entries, t, n);
    if (entry == NULL) return NULL;
    if (c->count >= c->limit) {
        clear_slots(c);
    } else if ((c->count + 1) * 2 > c->mask + 1 && grow(c) < 0) {
        Py_DECREF(entry);
        return NULL;
    }
    at = hash & c->mask; /* a free slot (the table may have changed) */
    while (c->slots[at].len != 0) at = (at + 1) & c->mask;
    Slot *s = &c->slots[at];
    s->hash = hash;
    s->len = (uint8_t)n;
    memcpy(s->key, t, (size_t)n);
    Py_INCREF(entry);
    s->entry = entry;
    c->count++;
    return entry;
}

static int cache_init(WordCache *c, PyObject *args, PyObject *kwds) {
    static char *names[] = {"entries", "limit", NULL};
    PyObject *entries;
    Py_ssize_t limit = 131072;
    if (!PyArg_ParseTupleAndKeywords(args, kwds, "O!|n", names, &PyDict_Type, &entries, &limit)) return -1;
    if (limit < 1) {
        PyErr_SetString(PyExc_ValueError, "a WordCache's limit is at least 1");
        return -1;
    }
    clear_slots(c);
    PyMem_Free(c->slots);
    c->slots = PyMem_Calloc(64, sizeof(Slot));
    if (c->slots == NULL) {
        PyErr_NoMemory();
        return -1;
    }
    c->mask = 63;
    c->count = 0;
    c->limit = limit;
    Py_INCREF(entries);
    Py_XSETREF(c->entries, entries);
    return 0;
}

static int cache_traverse(WordCache *c, visitproc visit, void *arg) {
    Py_ssize_t k;
    Py_VISIT(c->entries);
    if (c->slots != NULL)
        for (k = 0; k <= c->mask; k++) Py_VISIT(c->slots[k].entry);
    return 0;
}

static int cache_clear(WordCache *c) {
    clear_slots(c);
    Py_CLEAR(c->entries);
    return 0;
}

static void cache_dealloc(WordCache *c) {
    PyObject_GC_UnTrack(c);
    cache_clear(c);
    PyMem_Free(c->slots);
    Py_TYPE(c)->tp_free((PyObject *)c);
}

static Py_ssize_t cache_len(WordCache *c) { return c->count; }

static PyObject *cache_entries(WordCache *c, void *closure) {
    PyObject *entries = c->entries ? c->entries : Py_None;
    Py_INCREF(entries);
    return entries;
}

static PyObject *cache_get(WordCache *c, PyObject *word) {
    if (!PyUnicode_Check(word) || !PyUnicode_IS_ASCII(word)) {
        PyErr_SetString(PyExc_TypeError, "a WordCache is read with an ASCII str");
        return NULL;
    }
    return wordscan_entry((PyObject *)c, PyUnicode_1BYTE_DATA(word), PyUnicode_GET_LENGTH(word));
}

static PySequenceMethods cache_sequence = {.sq_length = (lenfunc)cache_len};
static PyMethodDef cache_methods[] = {
    {"get", (PyCFunction)cache_get, METH_O, "The entry of an ASCII word (remembered here, else from the dict)."},
    {NULL, NULL, 0, NULL},
};
static PyGetSetDef cache_getset[] = {
    {"entries", (getter)cache_entries, NULL, "The dict whose entries are remembered.", NULL},
    {NULL, NULL, NULL, NULL, NULL},
};

static PyTypeObject WordCacheType = {
    PyVarObject_HEAD_INIT(NULL, 0).tp_name = "bot._wordscan.WordCache",
    .tp_basicsize = sizeof(WordCache),
    .tp_flags = Py_TPFLAGS_DEFAULT | Py_TPFLAGS_HAVE_GC,
    .tp_doc = "ASCII words to their entries (a dict's), remembered in C.",
    .tp_new = PyType_GenericNew,
    .tp_init = (initproc)cache_init,
    .tp_dealloc = (destructor)cache_dealloc,
    .tp_traverse = (traverseproc)cache_traverse,
    .tp_clear = (inquiry)cache_clear,
    .tp_as_sequence = &cache_sequence,
    .tp_methods = cache_methods,
    .tp_getset = cache_getset,
};

int wordscan_add_cache(PyObject *module) {
    if (PyType_Ready(&WordCacheType) < 0) return -1;
    Py_INCREF(&WordCacheType);
    if (PyModule_AddObject(module, "WordCache", (PyObject *)&WordCacheType) < 0) {
        Py_DECREF(&WordCacheType);
        return -1;
    }
    return 0;
}
