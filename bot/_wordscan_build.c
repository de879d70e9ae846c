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
 *   postings(ptr, terms, bounds, ids)
 *                              Each term's rows, ascending, by a counting sort: the order a stable argsort
 *                              of `terms` gives, in one pass instead of a sort (the same-statement
 *                              grouping's postings, BM25's). Row i's terms are terms[ptr[i]:ptr[i+1]]
 *                              (ptr: int64, n+1; every term in [0, V)); fills bounds (int64, V+1: term t's
 *                              rows are ids[bounds[t]:bounds[t+1]], a row once per use) and ids. `terms`
 *                              and `ids` are native int32 or int64 each (told by their sizes). ValueError,
 *                              and nothing filled, when a term is out of range or the sizes disagree.
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

/* Reads item k of a buffer of native int32 or int64 (wide: 8 bytes). */
static inline int64_t item_at(const char *buf, int wide, int64_t k) {
    if (wide) {
        int64_t v;
        memcpy(&v, buf + k * 8, 8);
        return v;
    }
    int32_t v;
    memcpy(&v, buf + k * 4, 4);
    return v;
}

static int width_of(Py_ssize_t len, int64_t m, int *wide) {
    if (m == 0) {
        *wide = 1;
        return len == 0;
    }
    *wide = len == m * 8;
    return len == m * 8 || len == m * 4;
}

static void count_sort(const int64_t *p, int64_t n, const char *w, int wide_terms, int64_t v, int64_t *next,
                       char *out, int wide_ids) {
    int64_t i, k;
    for (k = 0; k < p[n]; k++) next[item_at(w, wide_terms, k) + 1]++;
    for (k = 0; k < v; k++) next[k + 1] += next[k];
    for (i = 0; i < n; i++)
        for (k = p[i]; k < p[i + 1]; k++) {
            int64_t at = next[item_at(w, wide_terms, k)]++;
            if (wide_ids) {
                memcpy(out + at * 8, &i, 8);
            } else {
                int32_t row = (int32_t)i;
                memcpy(out + at * 4, &row, 4);
            }
        }
}

PyObject *wordscan_postings(PyObject *self, PyObject *args) {
    Py_buffer ptr, terms, bounds, ids;
    if (!PyArg_ParseTuple(args, "y*y*w*w*", &ptr, &terms, &bounds, &ids)) return NULL;
    PyObject *result = NULL;
    const int64_t *p = ptr.buf;
    int64_t n = (int64_t)(ptr.len / 8) - 1, v = (int64_t)(bounds.len / 8) - 1, m = n >= 0 ? p[n] : -1, k;
    int wide_terms = 1, wide_ids = 1;
    if (n < 0 || v < 0 || m < 0 || !width_of(terms.len, m, &wide_terms) || !width_of(ids.len, m, &wide_ids) ||
        (!wide_ids && n > INT32_MAX)) {
        PyErr_SetString(PyExc_ValueError, "postings: inconsistent tables");
        goto done;
    }
    for (k = 0; k < m; k++) {
        int64_t t = item_at(terms.buf, wide_terms, k);
        if (t < 0 || t >= v) {
            PyErr_SetString(PyExc_ValueError, "postings: a term out of range");
            goto done;
        }
    }
    int64_t *next = calloc((size_t)v + 1, sizeof(int64_t));
    if (next == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    count_sort(p, n, terms.buf, wide_terms, v, next, ids.buf, wide_ids);
    /* next[t] is now where term t's rows end: its start was the end of the term before */
    ((int64_t *)bounds.buf)[0] = 0;
    memcpy((int64_t *)bounds.buf + 1, next, (size_t)v * sizeof(int64_t));
    free(next);
    result = Py_None;
    Py_INCREF(result);
done:
    PyBuffer_Release(&ptr);
    PyBuffer_Release(&terms);
    PyBuffer_Release(&bounds);
    PyBuffer_Release(&ids);
    return result;
}
