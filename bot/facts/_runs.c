/* A plain text's letter runs, for bot/facts/words.py's cheap tests (the facts stage of the index build).
 *
 * plain_runs(text) is the Python path's `plain_runs`: None unless every character of `text` is ASCII or
 * one of the marks without case (curly quotation marks, the dashes, the ellipsis, the guillemets, the
 * no-break space); else the frozenset of the maximal runs of a-z of `text.lower()`. On such a text
 * lower-casing changes A-Z alone and moves no character, so those runs are its maximal runs of A-Z and a-z,
 * lower-cased: what this scan collects, without the regex and the lower-cased copy.
 * has_digit(text): whether `text` holds an ASCII digit 0-9 (the figures reader's first cue).
 *
 * set_vocabulary(words) (None: every run again) names the only runs the callers look for (every word of their tests); from then
 * on plain_runs gives the runs of a plain text that are among them, found by a hash of the run's letters
 * in a table of their own, so that no string is made for the other runs (most of a text's words). Every
 * test of the form `runs.isdisjoint(keys)`, keys among those words, reads the same.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_plain.h"
#include <stdint.h>
#include <string.h>

static PyObject **vocab;       /* open addressing: a slot holds one of the words (a reference), or NULL */
static uint64_t *vocab_hashes; /* each slot's word's hash */
static size_t vocab_mask;      /* slots - 1 (a power of two less one); 0 with no vocabulary */

static uint64_t fnv(const char *run, Py_ssize_t length) {
    uint64_t h = 1469598103934665603ULL;
    for (Py_ssize_t i = 0; i < length; i++) h = (h ^ (unsigned char)run[i]) * 1099511628211ULL;
    return h;
}

static void drop_vocabulary(void) {
    if (vocab != NULL) {
        for (size_t i = 0; i <= vocab_mask; i++) Py_XDECREF(vocab[i]);
    }
    PyMem_Free(vocab);
    PyMem_Free(vocab_hashes);
    vocab = NULL;
    vocab_hashes = NULL;
    vocab_mask = 0;
}

/* The slot of a run (lower-cased a-z), or -1 when it is no word of the vocabulary. */
static Py_ssize_t find_word(const char *run, Py_ssize_t length, uint64_t h) {
    for (size_t i = h & vocab_mask;; i = (i + 1) & vocab_mask) {
        PyObject *word = vocab[i];
        if (word == NULL) return -1;
        if (vocab_hashes[i] == h && PyUnicode_GET_LENGTH(word) == length &&
            memcmp(PyUnicode_1BYTE_DATA(word), run, (size_t)length) == 0)
            return (Py_ssize_t)i;
    }
}

static PyObject *set_vocabulary(PyObject *self, PyObject *words) {
    (void)self;
    if (words == Py_None) { /* every run again */
        drop_vocabulary();
        Py_RETURN_NONE;
    }
    PyObject *seq = PySequence_Fast(words, "set_vocabulary expects a sequence of str or None");
    if (seq == NULL) return NULL;
    Py_ssize_t n = PySequence_Fast_GET_SIZE(seq);
    size_t slots = 16;
    while (slots < 4 * (size_t)n) slots *= 2;
    drop_vocabulary();
    vocab = PyMem_Calloc(slots, sizeof *vocab);
    vocab_hashes = PyMem_Calloc(slots, sizeof *vocab_hashes);
    if (vocab == NULL || vocab_hashes == NULL) {
        drop_vocabulary();
        Py_DECREF(seq);
        return PyErr_NoMemory();
    }
    vocab_mask = slots - 1;
    for (Py_ssize_t k = 0; k < n; k++) {
        PyObject *word = PySequence_Fast_GET_ITEM(seq, k);
        if (!PyUnicode_Check(word) || !PyUnicode_IS_ASCII(word) || PyUnicode_GET_LENGTH(word) == 0)
            continue; /* no run is anything but a-z */
        const char *data = (const char *)PyUnicode_1BYTE_DATA(word);
        Py_ssize_t length = PyUnicode_GET_LENGTH(word), i;
        for (i = 0; i < length && data[i] >= 'a' && data[i] <= 'z'; i++) {
        }
        if (i < length) continue;
        uint64_t h = fnv(data, length);
        if (find_word(data, length, h) >= 0) continue;
        size_t slot = h & vocab_mask;
        while (vocab[slot] != NULL) slot = (slot + 1) & vocab_mask;
        Py_INCREF(word);
        vocab[slot] = word;
        vocab_hashes[slot] = h;
    }
    Py_DECREF(seq);
    Py_RETURN_NONE;
}

static int add_run(PyObject *set, const char *run, Py_ssize_t length) {
    if (vocab != NULL) { /* only the words looked for */
        Py_ssize_t slot = find_word(run, length, fnv(run, length));
        return slot < 0 ? 0 : PySet_Add(set, vocab[slot]);
    }
    PyObject *word = PyUnicode_New(length, 127);
    if (word == NULL) return -1;
    memcpy(PyUnicode_1BYTE_DATA(word), run, (size_t)length);
    int failed = PySet_Add(set, word);
    Py_DECREF(word);
    return failed;
}

static PyObject *plain_runs(PyObject *self, PyObject *text) {
    (void)self;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "plain_runs expects a str");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    if (!is_plain(text)) Py_RETURN_NONE;
    PyObject *set = PyFrozenSet_New(NULL);
    if (set == NULL) return NULL;
    char run[256];
    Py_ssize_t length = 0, start = -1;
    for (Py_ssize_t i = 0; i <= n; i++) {
        Py_UCS4 c = i < n ? PyUnicode_READ(kind, data, i) : 0;
        int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (letter) {
            if (start < 0) start = i;
            if (length < (Py_ssize_t)sizeof run) run[length] = (char)(c <= 'Z' ? c + ('a' - 'A') : c);
            length++;
            continue;
        }
        if (start < 0) continue;
        if (length <= (Py_ssize_t)sizeof run) {
            if (add_run(set, run, length) < 0) goto fail;
        } else if (vocab == NULL) { /* a run longer than the buffer (no word looked for): read it again */
            PyObject *slice = PyUnicode_Substring(text, start, i);
            PyObject *lower = slice ? PyObject_CallMethod(slice, "lower", NULL) : NULL;
            Py_XDECREF(slice);
            if (lower == NULL || PySet_Add(set, lower) < 0) {
                Py_XDECREF(lower);
                goto fail;
            }
            Py_DECREF(lower);
        }
        start = -1;
        length = 0;
    }
    return set;
fail:
    Py_DECREF(set);
    return NULL;
}

static PyObject *has_digit(PyObject *self, PyObject *text) {
    (void)self;
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "has_digit expects a str");
        return NULL;
    }
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    for (Py_ssize_t i = 0; i < n; i++) {
        Py_UCS4 c = PyUnicode_READ(kind, data, i);
        if (c >= '0' && c <= '9') Py_RETURN_TRUE;
    }
    Py_RETURN_FALSE;
}

/* starts_word(text, names): for an ASCII text, whether `\b(?:name|...)` matches it (a name, of ASCII
 * letters, written at a word's start, perhaps the start of a longer word; `\b` there: no letter, digit or
 * "_" before it); None for any other text. */
static PyObject *starts_word(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *text, *names;
    if (!PyArg_ParseTuple(args, "UO!", &text, &PyTuple_Type, &names)) return NULL;
    Py_ssize_t count = PyTuple_GET_SIZE(names);
    for (Py_ssize_t k = 0; k < count; k++) {
        PyObject *name = PyTuple_GET_ITEM(names, k);
        if (!PyUnicode_Check(name) || PyUnicode_MAX_CHAR_VALUE(name) > 127 || PyUnicode_GET_LENGTH(name) == 0) {
            PyErr_SetString(PyExc_TypeError, "starts_word expects a tuple of non-empty ASCII str");
            return NULL;
        }
    }
    if (PyUnicode_MAX_CHAR_VALUE(text) > 127) Py_RETURN_NONE;
    const char *data = (const char *)PyUnicode_1BYTE_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    for (Py_ssize_t i = 0; i < n; i++) {
        char before = i ? data[i - 1] : ' ';
        if ((before >= 'a' && before <= 'z') || (before >= 'A' && before <= 'Z') ||
            (before >= '0' && before <= '9') || before == '_')
            continue;
        for (Py_ssize_t k = 0; k < count; k++) {
            PyObject *name = PyTuple_GET_ITEM(names, k);
            Py_ssize_t length = PyUnicode_GET_LENGTH(name);
            const char *chars = (const char *)PyUnicode_1BYTE_DATA(name);
            if (chars[0] == data[i] && i + length <= n && memcmp(data + i, chars, (size_t)length) == 0)
                Py_RETURN_TRUE;
        }
    }
    Py_RETURN_FALSE;
}

static PyMethodDef methods[] = {
    {"starts_word", starts_word, METH_VARARGS, "Whether one of the names starts a word of an ASCII text; None for another."},
    {"plain_runs", plain_runs, METH_O, "A plain text's maximal runs of a-z, lower-cased; None for another."},
    {"has_digit", has_digit, METH_O, "Whether a text holds an ASCII digit."},
    {"set_vocabulary", set_vocabulary, METH_O, "The only runs plain_runs gives from now on (a-z words)."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_runs", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__runs(void) { return PyModule_Create(&module); }
