/* A plain text's letter runs, for bot/facts/words.py's cheap tests (the facts stage of the index build).
 *
 * plain_runs(text) is the Python path's `plain_runs`: None unless every character of `text` is ASCII or
 * one of the marks without case (curly quotation marks, the dashes, the ellipsis, the guillemets, the
 * no-break space); else the frozenset of the maximal runs of a-z of `text.lower()`. On such a text
 * lower-casing changes A-Z alone and moves no character, so those runs are its maximal runs of A-Z and a-z,
 * lower-cased: what this scan collects, without the regex and the lower-cased copy.
 * has_digit(text): whether `text` holds an ASCII digit 0-9 (the figures reader's first cue).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static int uncased_mark(Py_UCS4 c) {
    switch (c) {
    case 0x2018: case 0x2019: case 0x201C: case 0x201D: /* ‘ ’ “ ” */
    case 0x2013: case 0x2014: case 0x2026:              /* – — … */
    case 0x00AB: case 0x00BB: case 0x00A0:              /* « » no-break space */
        return 1;
    default:
        return 0;
    }
}

static int add_run(PyObject *set, const char *run, Py_ssize_t length) {
    PyObject *word = PyUnicode_New(length, 127);
    if (word == NULL) return -1;
    Py_UCS1 *out = PyUnicode_1BYTE_DATA(word);
    for (Py_ssize_t i = 0; i < length; i++) {
        char c = run[i];
        out[i] = (Py_UCS1)(c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c);
    }
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
    if (kind != PyUnicode_1BYTE_KIND || PyUnicode_MAX_CHAR_VALUE(text) > 127) {
        for (Py_ssize_t i = 0; i < n; i++) {
            Py_UCS4 c = PyUnicode_READ(kind, data, i);
            if (c > 127 && !uncased_mark(c)) Py_RETURN_NONE;
        }
    }
    PyObject *set = PyFrozenSet_New(NULL);
    if (set == NULL) return NULL;
    char run[256];
    Py_ssize_t length = 0, start = -1;
    for (Py_ssize_t i = 0; i <= n; i++) {
        Py_UCS4 c = i < n ? PyUnicode_READ(kind, data, i) : 0;
        int letter = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (letter) {
            if (start < 0) start = i;
            if (length < (Py_ssize_t)sizeof run) run[length] = (char)c;
            length++;
            continue;
        }
        if (start < 0) continue;
        if (length <= (Py_ssize_t)sizeof run) {
            if (add_run(set, run, length) < 0) goto fail;
        } else { /* a run longer than the buffer: read it again from the text */
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

static PyMethodDef methods[] = {
    {"plain_runs", plain_runs, METH_O, "A plain text's maximal runs of a-z, lower-cased; None for another."},
    {"has_digit", has_digit, METH_O, "Whether a text holds an ASCII digit."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_runs", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__runs(void) { return PyModule_Create(&module); }
