/* The Snowball stemmer PyStemmer wraps, called directly (bot/tokenizer.py: the word pairs' stems).
 *
 *   stemmer(path, language)    a handle on Snowball's stemmer for `language` from the library at `path`
 *                              (PyStemmer's own module, already loaded: its exported sb_stemmer_* functions,
 *                              the same code `Stemmer.Stemmer(language).stemWord` runs), or None where it
 *                              cannot be found (the caller then stems through PyStemmer)
 *   stem(handle, word)         one ASCII word's stem through the handle (None outside ASCII): what
 *                              PyStemmer's `stemWord` gives (tests/test_wordscan_stem.py)
 *
 * `analyse` (bot/_wordscan.c) takes a handle in place of `stem_words` and stems each word pair from its
 * two words' bytes: no pair str, no list, no UTF-8 round trip through Python objects. A handle is used
 * under the GIL only (Snowball's stemmer keeps its state in the handle).
 */
#include "_wordscan.h"
#include <dlfcn.h>
#include <limits.h>

struct sb_stemmer;
typedef struct sb_stemmer *(*sb_new_fn)(const char *, const char *);
typedef const unsigned char *(*sb_stem_fn)(struct sb_stemmer *, const unsigned char *, int);
typedef int (*sb_length_fn)(struct sb_stemmer *);
typedef void (*sb_delete_fn)(struct sb_stemmer *);

typedef struct {
    struct sb_stemmer *stemmer;
    sb_stem_fn stem;
    sb_length_fn length;
    sb_delete_fn free;
    void *library; /* dlopen's handle, held while the stemmer lives */
} Handle;

static const char CAPSULE[] = "bot._wordscan.stemmer";

static void handle_free(PyObject *capsule) {
    Handle *h = PyCapsule_GetPointer(capsule, CAPSULE);
    if (h == NULL) return;
    h->free(h->stemmer);
    dlclose(h->library);
    PyMem_Free(h);
}

PyObject *wordscan_stemmer(PyObject *self, PyObject *args) {
    const char *path, *language;
    if (!PyArg_ParseTuple(args, "ss", &path, &language)) return NULL;
    void *library = dlopen(path, RTLD_NOW | RTLD_LOCAL);
    if (library == NULL) Py_RETURN_NONE;
    sb_new_fn create = (sb_new_fn)dlsym(library, "sb_stemmer_new");
    Handle found = {NULL, (sb_stem_fn)dlsym(library, "sb_stemmer_stem"),
                    (sb_length_fn)dlsym(library, "sb_stemmer_length"),
                    (sb_delete_fn)dlsym(library, "sb_stemmer_delete"), library};
    if (create != NULL && found.stem != NULL && found.length != NULL && found.free != NULL)
        found.stemmer = create(language, "UTF_8");
    if (found.stemmer == NULL) {
        dlclose(library);
        Py_RETURN_NONE;
    }
    Handle *h = PyMem_Malloc(sizeof *h);
    if (h == NULL) {
        found.free(found.stemmer);
        dlclose(library);
        return PyErr_NoMemory();
    }
    *h = found;
    PyObject *capsule = PyCapsule_New(h, CAPSULE, handle_free);
    if (capsule == NULL) {
        found.free(found.stemmer);
        dlclose(library);
        PyMem_Free(h);
    }
    return capsule;
}

int wordscan_is_stemmer(PyObject *obj) { return PyCapsule_IsValid(obj, CAPSULE); }

/* The stem of the ASCII bytes a[0:na] + b[0:nb] (b may be empty), a new str; NULL on error. */
PyObject *wordscan_stem_ascii(PyObject *stemmer, const char *a, Py_ssize_t na, const char *b, Py_ssize_t nb) {
    Handle *h = PyCapsule_GetPointer(stemmer, CAPSULE);
    if (h == NULL) return NULL;
    unsigned char local[128], *word = local;
    Py_ssize_t n = na + nb;
    if (n > INT_MAX) return PyErr_NoMemory();
    if (n > (Py_ssize_t)sizeof local && (word = PyMem_Malloc((size_t)n)) == NULL) return PyErr_NoMemory();
    memcpy(word, a, (size_t)na);
    if (nb > 0) memcpy(word + na, b, (size_t)nb);
    const unsigned char *stem = h->stem(h->stemmer, word, (int)n);
    if (word != local) PyMem_Free(word);
    if (stem == NULL) return PyErr_NoMemory();
    return PyUnicode_DecodeUTF8((const char *)stem, h->length(h->stemmer), "strict");
}

PyObject *wordscan_stem(PyObject *self, PyObject *args) {
    PyObject *stemmer, *word;
    if (!PyArg_ParseTuple(args, "OU", &stemmer, &word)) return NULL;
    if (!wordscan_is_stemmer(stemmer)) {
        PyErr_SetString(PyExc_TypeError, "stem() takes a handle from stemmer()");
        return NULL;
    }
    if (!PyUnicode_IS_ASCII(word)) Py_RETURN_NONE;
    return wordscan_stem_ascii(stemmer, (const char *)PyUnicode_1BYTE_DATA(word), PyUnicode_GET_LENGTH(word), "", 0);
}
