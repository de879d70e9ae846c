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
 *   analyse(text, spans, entries, synonyms, stem_words)
 *                              `Tokenizer.tokens_and_terms` of an already normalised ASCII text whose names
 *                              are `spans` (`entity_spans`), in one call: the words scanned, each word's
 *                              entry read from `entries` (a dict whose __missing__ computes it in Python,
 *                              `Tokenizer._entry`: the word's terms, their synonym tokens, and the word's
 *                              part in the word pairs; or a WordCache of that dict, bot/_wordcache.c,
 *                              which finds a known word without making its str), the tokens and the saved terms assembled, and the
 *                              pairs stemmed in one call of `stem_words`, or each from its two words'
 *                              bytes when `stem_words` is a handle of bot/_wordscan_stem.c (the same
 *                              stems). With `stem_words` None, the tokens alone (`tokenize`). None
 *                              outside ASCII.
 *   names, number, encode, postings
 *                              in bot/_wordscan_build.c; stemmer, stem in bot/_wordscan_stem.c.
 */
#include "_wordscan.h"

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
        if (append_new(out, PyUnicode_Substring(text, i, end)) < 0) {
            Py_DECREF(out);
            return NULL;
        }
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
            if (append_new(out, PyUnicode_Concat(prev, low)) < 0) {
                Py_DECREF(low);
                goto fail;
            }
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

/* Appends to `seen` the entry of every word of t[0:n] (see `analyse`). */
static int scan_entries(const Py_UCS1 *t, Py_ssize_t n, PyObject *entries, PyObject *seen) {
    Py_ssize_t i = 0;
    while (i < n) {
        Py_ssize_t end = match_end(t, n, i);
        if (end == i) {
            i++;
            continue;
        }
        PyObject *entry = wordscan_entry(entries, t + i, end - i); /* a WordCache's, else the dict's */
        if (entry == NULL) return -1;
        if (!PyTuple_Check(entry) || PyTuple_GET_SIZE(entry) != 3 || !PyTuple_Check(PyTuple_GET_ITEM(entry, 0)) ||
            !PyTuple_Check(PyTuple_GET_ITEM(entry, 1))) {
            Py_DECREF(entry);
            PyErr_SetString(PyExc_TypeError, "a word's entry is (terms, synonyms, pair part)");
            return -1;
        }
        int failed = PyList_Append(seen, entry);
        Py_DECREF(entry);
        if (failed) return -1;
        i = end;
    }
    return 0;
}

/* Appends item `k` (a tuple) of every entry of `seen` to `out` (a list) or adds it to `out` (a set). */
static int gather(PyObject *seen, Py_ssize_t k, PyObject *out) {
    Py_ssize_t n = PyList_GET_SIZE(seen), e, j;
    for (e = 0; e < n; e++) {
        PyObject *items = PyTuple_GET_ITEM(PyList_GET_ITEM(seen, e), k);
        for (j = 0; j < PyTuple_GET_SIZE(items); j++) {
            PyObject *item = PyTuple_GET_ITEM(items, j);
            if ((PyList_Check(out) ? PyList_Append(out, item) : PySet_Add(out, item)) < 0) return -1;
        }
    }
    return 0;
}

/* Adds the span tokens (item 2 of each span) to `out`, a list or a set. */
static int span_tokens(PyObject *spans, PyObject *out) {
    Py_ssize_t n = PyList_GET_SIZE(spans), k;
    for (k = 0; k < n; k++) {
        PyObject *span = PyList_GET_ITEM(spans, k);
        if (!PyTuple_Check(span) || PyTuple_GET_SIZE(span) != 3) {
            PyErr_SetString(PyExc_TypeError, "a span is (start, end, token)");
            return -1;
        }
        PyObject *token = PyTuple_GET_ITEM(span, 2);
        if ((PyList_Check(out) ? PyList_Append(out, token) : PySet_Add(out, token)) < 0) return -1;
    }
    return 0;
}

/* The word pairs of the entries' pair parts (a str: a word of letters, lower-cased; None: a word that is
 * not letters alone, which breaks a pair; False: a stopword, left out), as `_pairs_of` makes them. */
static PyObject *entry_pairs(PyObject *seen) {
    PyObject *out = PyList_New(0), *prev = NULL; /* prev: borrowed from an entry `seen` holds */
    if (out == NULL) return NULL;
    Py_ssize_t n = PyList_GET_SIZE(seen), e;
    for (e = 0; e < n; e++) {
        PyObject *part = PyTuple_GET_ITEM(PyList_GET_ITEM(seen, e), 2);
        if (part == Py_False) continue;
        if (!PyUnicode_Check(part)) {
            prev = NULL;
            continue;
        }
        if (prev != NULL) {
            if (append_new(out, PyUnicode_Concat(prev, part)) < 0) {
                Py_DECREF(out);
                return NULL;
            }
        }
        prev = part;
    }
    return out;
}

/* Adds `stem` and its synonym group, if any, to `found`: 0, or -1 on error. */
static int add_stem(PyObject *found, PyObject *synonyms, PyObject *stem) {
    if (PySet_Add(found, stem) < 0) return -1;
    PyObject *group = PyDict_GetItemWithError(synonyms, stem);
    if (group == NULL) return PyErr_Occurred() ? -1 : 0;
    return PyObject_IsTrue(group) == 1 && PySet_Add(found, group) < 0 ? -1 : 0;
}

/* Adds the stems of the entries' word pairs (`entry_pairs`), each stemmed from its two words' bytes by a
 * handle of bot/_wordscan_stem.c, and their synonym groups to `found`: 0, or -1 on error. */
static int add_pair_stems(PyObject *seen, PyObject *stemmer, PyObject *synonyms, PyObject *found) {
    PyObject *prev = NULL; /* borrowed from an entry `seen` holds */
    Py_ssize_t n = PyList_GET_SIZE(seen), e;
    for (e = 0; e < n; e++) {
        PyObject *part = PyTuple_GET_ITEM(PyList_GET_ITEM(seen, e), 2);
        if (part == Py_False) continue;
        if (!PyUnicode_Check(part) || !PyUnicode_IS_ASCII(part)) {
            prev = NULL;
            continue;
        }
        if (prev != NULL) {
            PyObject *stem = wordscan_stem_ascii(stemmer, (const char *)PyUnicode_1BYTE_DATA(prev),
                                                 PyUnicode_GET_LENGTH(prev), (const char *)PyUnicode_1BYTE_DATA(part),
                                                 PyUnicode_GET_LENGTH(part));
            if (stem == NULL) return -1;
            int failed = add_stem(found, synonyms, stem);
            Py_DECREF(stem);
            if (failed) return -1;
        }
        prev = part;
    }
    return 0;
}

/* Adds the stems of the entries' word pairs, stemmed in one call of `stem_words`, and their synonym groups
 * to `found`: 0, or -1 on error. */
static int add_pairs_stemmed(PyObject *seen, PyObject *stem_words, PyObject *synonyms, PyObject *found) {
    PyObject *pairs = entry_pairs(seen), *stems = NULL, *seq = NULL;
    int failed = -1;
    if (pairs == NULL || (stems = PyObject_CallOneArg(stem_words, pairs)) == NULL ||
        (seq = PySequence_Fast(stems, "stem_words gives a sequence")) == NULL)
        goto done;
    Py_ssize_t k;
    for (k = 0; k < PySequence_Fast_GET_SIZE(seq); k++)
        if (add_stem(found, synonyms, PySequence_Fast_GET_ITEM(seq, k)) < 0) goto done;
    failed = 0;
done:
    Py_XDECREF(pairs);
    Py_XDECREF(stems);
    Py_XDECREF(seq);
    return failed;
}

/* The saved terms (`_names_and_words` / `_found`) from the entries of the words outside the names; the
 * pairs stemmed by `stem_words`, a function of a list or a handle of bot/_wordscan_stem.c. */
static PyObject *saved_terms(PyObject *rest, PyObject *spans, PyObject *synonyms, PyObject *stem_words) {
    PyObject *found = PySet_New(NULL);
    if (found == NULL || gather(rest, 0, found) < 0 || gather(rest, 1, found) < 0) goto fail;
    if ((wordscan_is_stemmer(stem_words) ? add_pair_stems(rest, stem_words, synonyms, found)
                                         : add_pairs_stemmed(rest, stem_words, synonyms, found)) < 0)
        goto fail;
    if (span_tokens(spans, found) < 0) goto fail;
    return found;
fail:
    Py_XDECREF(found);
    return NULL;
}

/* Entries of the words of `text` with the spans' characters as spaces (`_blanked`). */
static PyObject *blanked_entries(PyObject *text, PyObject *spans, PyObject *entries) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(text), k;
    Py_UCS1 *buffer = PyMem_Malloc((size_t)n + 1);
    if (buffer == NULL) return PyErr_NoMemory();
    memcpy(buffer, PyUnicode_1BYTE_DATA(text), (size_t)n);
    for (k = 0; k < PyList_GET_SIZE(spans); k++) {
        PyObject *span = PyList_GET_ITEM(spans, k);
        Py_ssize_t start = PyLong_AsSsize_t(PyTuple_GET_ITEM(span, 0));
        Py_ssize_t end = PyLong_AsSsize_t(PyTuple_GET_ITEM(span, 1));
        if (PyErr_Occurred()) {
            PyMem_Free(buffer);
            return NULL;
        }
        if (start < 0) start = 0;
        if (end > n) end = n;
        if (end > start) memset(buffer + start, ' ', (size_t)(end - start));
    }
    PyObject *seen = PyList_New(0);
    if (seen != NULL && scan_entries(buffer, n, entries, seen) < 0) Py_CLEAR(seen);
    PyMem_Free(buffer);
    return seen;
}

static PyObject *analyse(PyObject *self, PyObject *args) {
    PyObject *text, *spans, *entries, *synonyms, *stem_words;
    if (!PyArg_ParseTuple(args, "UO!OO!O", &text, &PyList_Type, &spans, &entries, &PyDict_Type, &synonyms,
                          &stem_words))
        return NULL;
    if (!PyDict_Check(entries) && !wordscan_is_cache(entries)) {
        PyErr_SetString(PyExc_TypeError, "analyse() reads the entries from a dict or a WordCache");
        return NULL;
    }
    if (!PyUnicode_IS_ASCII(text)) Py_RETURN_NONE;
    PyObject *seen = PyList_New(0), *tokens = NULL, *rest = NULL, *found = NULL;
    if (seen == NULL) return NULL;
    if (scan_entries(PyUnicode_1BYTE_DATA(text), PyUnicode_GET_LENGTH(text), entries, seen) < 0) goto fail;
    /* the words' terms, then their synonym tokens, then the names' tokens (`_tokens`) */
    tokens = PyList_New(0);
    if (tokens == NULL || gather(seen, 0, tokens) < 0 || gather(seen, 1, tokens) < 0 ||
        span_tokens(spans, tokens) < 0)
        goto fail;
    if (stem_words == Py_None) {
        Py_DECREF(seen);
        return tokens;
    }
    if (PyList_GET_SIZE(spans) > 0) { /* the words outside the names, scanned again */
        rest = blanked_entries(text, spans, entries);
        if (rest == NULL) goto fail;
    } else {
        rest = seen;
        Py_INCREF(rest);
    }
    found = saved_terms(rest, spans, synonyms, stem_words);
    if (found == NULL) goto fail;
    Py_DECREF(seen);
    Py_DECREF(rest);
    PyObject *out = PyTuple_Pack(2, tokens, found);
    Py_DECREF(tokens);
    Py_DECREF(found);
    return out;
fail:
    Py_XDECREF(seen);
    Py_XDECREF(tokens);
    Py_XDECREF(rest);
    return NULL;
}

static PyMethodDef methods[] = {
    {"words", words, METH_O, "_WORD.findall(text) for ASCII text; None for any other text."},
    {"pairs", pairs, METH_VARARGS,
     "Adjacent non-stopword words that are letters alone, lower-cased and joined; None outside ASCII."},
    {"analyse", analyse, METH_VARARGS,
     "(tokens, saved terms) of a normalised ASCII text and its name spans (tokens alone without a stemmer); "
     "None outside ASCII."},
    {"names", wordscan_names, METH_VARARGS, "Spans of an alias alternation's matches in an ASCII text; None outside ASCII."},
    {"number", wordscan_number, METH_VARARGS, "Each token's number in a dict (new ones numbered on), appended as int32."},
    {"encode", wordscan_encode, METH_O, "Terms sorted and joined by spaces, as bytes; None outside ASCII or when odd."},
    {"postings", wordscan_postings, METH_VARARGS, "Each term's rows, ascending, by a counting sort (int32 or int64)."},
    {"stemmer", wordscan_stemmer, METH_VARARGS, "A handle on Snowball's stemmer in PyStemmer's library, or None."},
    {"stem", wordscan_stem, METH_VARARGS, "An ASCII word's stem through a stemmer() handle; None outside ASCII."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_wordscan", NULL, -1, methods};

PyMODINIT_FUNC PyInit__wordscan(void) {
    PyObject *m = PyModule_Create(&module);
    if (m != NULL && wordscan_add_cache(m) < 0) Py_CLEAR(m);
    return m;
}
