/* The tokenizer's word scan and word pairs on ASCII text, compiled (see bot/tokenizer.py).
 *
 * bot/tokenizer.py defines both; these are the same definitions written out for ASCII text, where
 * `[^\W_]` is [A-Za-z0-9], lower case is ASCII lower case and a letter is [A-Za-z]. A text or word outside
 * ASCII gets None back, and the caller takes the Python path (tests/test_wordscan.py holds the two equal).
 *
 *   words(text)                `_WORD.findall(text)`: dotted acronyms `(?:[A-Za-z]\.){2,}` first, else a
 *                              word `[^\W_]+(?:['-][^\W_]+)*`, scanning on from each match's end.
 *   pairs(words, stopwords)    the words' lower cases, stopwords left out, and each two adjacent ones that
 *                              are both letters alone, written as one: `a + b for a, b in pairwise(raw)
 *                              if a.isalpha() and b.isalpha()`.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

static inline int is_alpha(Py_UCS1 c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }
static inline int is_alnum(Py_UCS1 c) { return is_alpha(c) || (c >= '0' && c <= '9'); }

/* The end of the match starting at i, or i when none starts there. */
static Py_ssize_t match_end(const Py_UCS1 *t, Py_ssize_t n, Py_ssize_t i) {
    Py_ssize_t j = i, pairs = 0;
    while (j + 1 < n && is_alpha(t[j]) && t[j + 1] == '.') { /* (?:[A-Za-z]\.){2,}, greedy */
        j += 2;
        pairs++;
    }
    if (pairs >= 2) return j;
    if (!is_alnum(t[i])) return i;
    j = i;
    for (;;) {
        while (j < n && is_alnum(t[j])) j++;
        if (j + 1 < n && (t[j] == '\'' || t[j] == '-') && is_alnum(t[j + 1])) {
            j++; /* an inner apostrophe or hyphen, then more letters or digits */
            continue;
        }
        return j;
    }
}

static PyObject *words(PyObject *self, PyObject *text) {
    if (!PyUnicode_Check(text)) {
        PyErr_SetString(PyExc_TypeError, "words() takes a str");
        return NULL;
    }
    if (!PyUnicode_IS_ASCII(text)) Py_RETURN_NONE;
    const Py_UCS1 *t = PyUnicode_1BYTE_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0;
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    while (i < n) {
        Py_ssize_t end = match_end(t, n, i);
        if (end == i) {
            i++;
            continue;
        }
        PyObject *word = PyUnicode_Substring(text, i, end);
        if (word == NULL || PyList_Append(out, word) < 0) {
            Py_XDECREF(word);
            Py_DECREF(out);
            return NULL;
        }
        Py_DECREF(word);
        i = end;
    }
    return out;
}

/* A new reference to the ASCII lower case of `word` (the word itself when it has no capital), and
 * whether it is letters alone. */
static PyObject *lower_ascii(PyObject *word, int *alpha) {
    const Py_UCS1 *t = PyUnicode_1BYTE_DATA(word);
    Py_ssize_t n = PyUnicode_GET_LENGTH(word), k;
    int upper = 0;
    *alpha = n > 0;
    for (k = 0; k < n; k++) {
        upper |= t[k] >= 'A' && t[k] <= 'Z';
        *alpha &= is_alpha(t[k]);
    }
    if (!upper) {
        Py_INCREF(word);
        return word;
    }
    PyObject *low = PyUnicode_New(n, 127);
    if (low == NULL) return NULL;
    Py_UCS1 *out = PyUnicode_1BYTE_DATA(low);
    for (k = 0; k < n; k++) out[k] = (t[k] >= 'A' && t[k] <= 'Z') ? (Py_UCS1)(t[k] + 32) : t[k];
    return low;
}

static PyObject *pairs(PyObject *self, PyObject *args) {
    PyObject *list, *stopwords;
    if (!PyArg_ParseTuple(args, "O!O!", &PyList_Type, &list, &PyFrozenSet_Type, &stopwords)) return NULL;
    Py_ssize_t n = PyList_GET_SIZE(list), k;
    for (k = 0; k < n; k++) {
        PyObject *word = PyList_GET_ITEM(list, k);
        if (!PyUnicode_Check(word) || !PyUnicode_IS_ASCII(word)) Py_RETURN_NONE;
    }
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    PyObject *prev = NULL; /* the last word kept, when it is letters alone */
    for (k = 0; k < n; k++) {
        int alpha, stop;
        PyObject *low = lower_ascii(PyList_GET_ITEM(list, k), &alpha);
        if (low == NULL) goto fail;
        stop = PySet_Contains(stopwords, low);
        if (stop < 0) {
            Py_DECREF(low);
            goto fail;
        }
        if (stop) {
            Py_DECREF(low);
            continue;
        }
        if (alpha && prev != NULL) {
            PyObject *pair = PyUnicode_Concat(prev, low);
            if (pair == NULL || PyList_Append(out, pair) < 0) {
                Py_XDECREF(pair);
                Py_DECREF(low);
                goto fail;
            }
            Py_DECREF(pair);
        }
        Py_XDECREF(prev);
        prev = NULL;
        if (alpha)
            prev = low;
        else
            Py_DECREF(low);
    }
    Py_XDECREF(prev);
    return out;
fail:
    Py_XDECREF(prev);
    Py_DECREF(out);
    return NULL;
}

static PyMethodDef methods[] = {
    {"words", words, METH_O, "_WORD.findall(text) for ASCII text; None for any other text."},
    {"pairs", pairs, METH_VARARGS,
     "Adjacent non-stopword words that are letters alone, lower-cased and joined; None outside ASCII."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_wordscan", NULL, -1, methods};

PyMODINIT_FUNC PyInit__wordscan(void) { return PyModule_Create(&module); }
