/* Shared by bot/_wordscan.c and bot/_wordscan_build.c: ASCII classes and the functions the module exposes. */
#ifndef SUMMITBOT_WORDSCAN_H
#define SUMMITBOT_WORDSCAN_H
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

static inline int is_alpha(Py_UCS1 c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static inline int is_alnum(Py_UCS1 c) { return is_alpha(c) || (c >= '0' && c <= '9'); }

/* Appends `item` (a new reference, or NULL after an error) to `list` and releases it: 0, or -1 on error. */
static inline int append_new(PyObject *list, PyObject *item) {
    if (item == NULL) return -1;
    int failed = PyList_Append(list, item);
    Py_DECREF(item);
    return failed;
}
static inline int is_word(Py_UCS1 c) { return is_alnum(c) || c == '_'; }

PyObject *wordscan_number(PyObject *self, PyObject *args);
PyObject *wordscan_encode(PyObject *self, PyObject *found);
PyObject *wordscan_names(PyObject *self, PyObject *args);
PyObject *wordscan_postings(PyObject *self, PyObject *args);
/* bot/_wordcache.c: a word's entry from a dict or a WordCache (a new reference, NULL on error) */
PyObject *wordscan_entry(PyObject *entries, const Py_UCS1 *t, Py_ssize_t n);
int wordscan_is_cache(PyObject *entries);
int wordscan_add_cache(PyObject *module);
/* bot/_wordscan_stem.c: Snowball's stemmer called directly */
PyObject *wordscan_stemmer(PyObject *self, PyObject *args);
PyObject *wordscan_stem(PyObject *self, PyObject *args);
int wordscan_is_stemmer(PyObject *obj);
PyObject *wordscan_stem_ascii(PyObject *stemmer, const char *a, Py_ssize_t na, const char *b, Py_ssize_t nb);

#endif
