/* The rest of bot/_wordscan (see bot/_wordscan.c): the names' matcher and two helpers of the index build.
 *
 *   names(text, buckets, boundary)
 *                              The (start, end) of every match of an alias alternation (bot/name_patterns.py)
 *                              in an ASCII text, as `finditer` finds them: `buckets[c]` holds, in the
 *                              alternation's order, the programs of the names that may start with
 *                              character c, each the name's pattern (`alias_regex`) as ops: b'L' and a
 *                              character (that literal), b'D' (`\.?`), b'P' (`[\s\-]+`), b'Q' (`[\s\-]?`),
 *                              matched greedily with backtracking as the regex engine does, then
 *                              `(?![\w])`; a match starts where `(?<![\w.])` holds (and `\b`, with
 *                              `boundary`). None outside ASCII.
 *   number(tokens, words, ids) `ChunkIds.add`'s numbering: each token's number in `words` (a token not seen
 *                              before gets the next number, len(words)), appended to `ids` (a bytearray)
 *                              as a native int32.
 *   encode(terms)              `encode_terms`: the terms sorted, joined by single spaces, as bytes; None
 *                              when a term is outside ASCII, empty or holds whitespace (the Python
 *                              definition then serves, and refuses the last two).
 */
#include "_wordscan.h"
PyObject *wordscan_number(PyObject *self, PyObject *args) {
    PyObject *tokens, *words, *ids;
    if (!PyArg_ParseTuple(args, "O!O!O!", &PyList_Type, &tokens, &PyDict_Type, &words, &PyByteArray_Type, &ids))
        return NULL;
    Py_ssize_t n = PyList_GET_SIZE(tokens), at = PyByteArray_GET_SIZE(ids), k;
    if (PyByteArray_Resize(ids, at + n * (Py_ssize_t)sizeof(int32_t)) < 0) return NULL;
    for (k = 0; k < n; k++) {
        PyObject *token = PyList_GET_ITEM(tokens, k);
        PyObject *found = PyDict_GetItemWithError(words, token); /* borrowed */
        long value;
        if (found != NULL) {
            value = PyLong_AsLong(found);
            if (value == -1 && PyErr_Occurred()) return NULL;
        } else {
            if (PyErr_Occurred()) return NULL;
            value = (long)PyDict_GET_SIZE(words);
            PyObject *next = PyLong_FromLong(value);
            if (next == NULL) return NULL;
            int failed = PyDict_SetItem(words, token, next);
            Py_DECREF(next);
            if (failed) return NULL;
        }
        if (value > INT32_MAX) {
            PyErr_SetString(PyExc_OverflowError, "more distinct tokens than int32 numbers");
            return NULL;
        }
        int32_t v = (int32_t)value;
        memcpy(PyByteArray_AS_STRING(ids) + at + k * (Py_ssize_t)sizeof(int32_t), &v, sizeof v);
    }
    Py_RETURN_NONE;
}

static inline int is_space(Py_UCS1 c) { return c == ' ' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f); }

PyObject *wordscan_encode(PyObject *self, PyObject *found) {
    PyObject *terms = PySequence_List(found);
    if (terms == NULL) return NULL;
    Py_ssize_t n = PyList_GET_SIZE(terms), size = n > 0 ? n - 1 : 0, k, j;
    for (k = 0; k < n; k++) {
        PyObject *term = PyList_GET_ITEM(terms, k);
        if (!PyUnicode_Check(term) || !PyUnicode_IS_ASCII(term) || PyUnicode_GET_LENGTH(term) == 0) goto decline;
        const Py_UCS1 *t = PyUnicode_1BYTE_DATA(term);
        for (j = 0; j < PyUnicode_GET_LENGTH(term); j++)
            if (is_space(t[j])) goto decline;
        size += PyUnicode_GET_LENGTH(term);
    }
    if (PyList_Sort(terms) < 0) {
        Py_DECREF(terms);
        return NULL;
    }
    PyObject *out = PyBytes_FromStringAndSize(NULL, size);
    if (out == NULL) {
        Py_DECREF(terms);
        return NULL;
    }
    char *at = PyBytes_AS_STRING(out);
    for (k = 0; k < n; k++) {
        PyObject *term = PyList_GET_ITEM(terms, k);
        if (k > 0) *at++ = ' ';
        memcpy(at, PyUnicode_1BYTE_DATA(term), (size_t)PyUnicode_GET_LENGTH(term));
        at += PyUnicode_GET_LENGTH(term);
    }
    Py_DECREF(terms);
    return out;
decline:
    Py_DECREF(terms);
    Py_RETURN_NONE;
}

static inline int is_sep(Py_UCS1 c) { /* `[\s\-]` on str: ASCII whitespace as `re` reads it, or a hyphen */
    return c == ' ' || c == '-' || (c >= '\t' && c <= '\r') || (c >= 0x1c && c <= 0x1f);
}

/* The end of the match of program p[0:m] at t[i], or -1 (see `names`). */
static Py_ssize_t run(const char *p, Py_ssize_t m, const Py_UCS1 *t, Py_ssize_t n, Py_ssize_t i) {
    while (m > 0) {
        if (p[0] == 'L') {
            if (m < 2 || i >= n || t[i] != (Py_UCS1)p[1]) return -1;
            p += 2, m -= 2, i++;
        } else if (p[0] == 'D' || p[0] == 'Q') { /* greedy `?`: with the character first, then without */
            if (i < n && (p[0] == 'D' ? t[i] == '.' : is_sep(t[i]))) {
                Py_ssize_t end = run(p + 1, m - 1, t, n, i + 1);
                if (end >= 0) return end;
            }
            p++, m--;
        } else if (p[0] == 'P') { /* greedy `+`: the longest run first, then shorter ones */
            Py_ssize_t k = 0;
            while (i + k < n && is_sep(t[i + k])) k++;
            for (; k >= 1; k--) {
                Py_ssize_t end = run(p + 1, m - 1, t, n, i + k);
                if (end >= 0) return end;
            }
            return -1;
        } else {
            return -1;
        }
    }
    return (i < n && is_word(t[i])) ? -1 : i; /* (?![\w]) */
}

PyObject *wordscan_names(PyObject *self, PyObject *args) {
    PyObject *text, *buckets;
    int boundary;
    if (!PyArg_ParseTuple(args, "UO!p", &text, &PyTuple_Type, &buckets, &boundary)) return NULL;
    if (PyTuple_GET_SIZE(buckets) != 128) {
        PyErr_SetString(PyExc_ValueError, "names() takes 128 buckets");
        return NULL;
    }
    if (!PyUnicode_IS_ASCII(text)) Py_RETURN_NONE;
    const Py_UCS1 *t = PyUnicode_1BYTE_DATA(text);
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), i = 0;
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    while (i < n) {
        Py_ssize_t end = -1, k;
        int starts = i == 0 || !(is_word(t[i - 1]) || t[i - 1] == '.'); /* (?<![\w.]) */
        if (starts && boundary) starts = is_word(t[i]);                 /* \b after a non-word */
        PyObject *bucket = starts ? PyTuple_GET_ITEM(buckets, t[i]) : NULL;
        if (bucket != NULL && !PyTuple_Check(bucket)) {
            Py_DECREF(out);
            PyErr_SetString(PyExc_TypeError, "a bucket is a tuple of bytes");
            return NULL;
        }
        for (k = 0; bucket != NULL && k < PyTuple_GET_SIZE(bucket) && end < 0; k++) {
            PyObject *program = PyTuple_GET_ITEM(bucket, k);
            if (!PyBytes_Check(program)) {
                Py_DECREF(out);
                PyErr_SetString(PyExc_TypeError, "a program is bytes");
                return NULL;
            }
            end = run(PyBytes_AS_STRING(program), PyBytes_GET_SIZE(program), t, n, i);
        }
        if (end > i) {
            if (append_new(out, Py_BuildValue("(nn)", i, end)) < 0) {
                Py_DECREF(out);
                return NULL;
            }
            i = end;
        } else {
            i++;
        }
    }
    return out;
}
