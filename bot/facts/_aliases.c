/* The configured people's aliases found in a plain text, for bot/facts/lexicon.py's mention search (the
 * facts stage of the index build).
 *
 * spans(text, alternatives, lower) gives what `finditer` of lexicon.py's `_alternation` pattern gives on
 * `text` (on `text.lower()` when `lower`) as a list of (start, end, the alternative's index, whether
 * `_is_possessive(text, end)`), or None when `text` is not plain
 * (bot/facts/words.py: ASCII but for the marks without case); the caller then runs the pattern.
 * `alternatives` are the pattern's alternatives in its order, each a bytes of ASCII literals with two
 * codes: 1 for `\s+` (between words) and 2 for `['’]`. The pattern is
 * `(?<![\w-])(?:a|b|...)(?![\w-])`: at each position not after a word character or "-", the first
 * alternative that matches and is not followed by one. On a plain text `\w` is [A-Za-z0-9_] (no mark is a
 * word character), `\s` the ASCII white space, \x1c-\x1f and the no-break space, and lower-casing changes
 * A-Z alone and moves no character. A `\s+` is always followed by a literal that is no white space, so
 * its greedy run is the only one that can match. With a fourth argument true the edges are `\b` instead
 * (no word character before or after; a dash is none): lexicon.py's speech verbs and pronouns, whole
 * words of which at most one matches at a place.
 *
 * names(text) gives where lexicon.py's `_NAME` (capitalised words: an unknown person's name) matches a
 * plain text, as [(start, end)], or None for another text.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>

#include "_plain.h"

static int word(Py_UCS4 c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}


/* What a match may not start after or end before: a word character, or a dash too unless `words_only`. */
static inline int edge(Py_UCS4 c, int words_only) { return word(c) || (!words_only && c == '-'); }

static int space(Py_UCS4 c) { return (c >= 9 && c <= 13) || (c >= 28 && c <= 32) || c == 0xA0; }

/* lexicon.py's `_is_possessive`: `^['’]s?\b|^['’](?=\s)` matches text[end:end + 3]; on a plain text,
 * an apostrophe followed by a word character (`\b` after it) or by white space. */
static int possessive(int kind, const void *data, Py_ssize_t n, Py_ssize_t end) {
    if (end + 1 >= n) return 0;
    Py_UCS4 c = PyUnicode_READ(kind, data, end), next = PyUnicode_READ(kind, data, end + 1);
    if (c != '\'' && c != 0x2019) return 0;
    return space(next) || word(next);
}

/* `span` (a new reference, or NULL) appended to `out`; on failure `out` is released and 0 returned. */
static int appended(PyObject *out, PyObject *span) {
    if (span == NULL || PyList_Append(out, span) < 0) {
        Py_XDECREF(span);
        Py_DECREF(out);
        return 0;
    }
    Py_DECREF(span);
    return 1;
}

/* The end of `alt` matched at `pos`, or -1. */
static Py_ssize_t match_at(int kind, const void *data, Py_ssize_t n, Py_ssize_t pos, const char *alt,
                           Py_ssize_t length, int lower) {
    for (Py_ssize_t k = 0; k < length; k++) {
        char a = alt[k];
        if (pos >= n) return -1;
        Py_UCS4 c = PyUnicode_READ(kind, data, pos);
        if (a == 1) {
            if (!space(c)) return -1;
            while (pos < n && space(PyUnicode_READ(kind, data, pos))) pos++;
            continue;
        }
        if (a == 2) {
            if (c != '\'' && c != 0x2019) return -1;
        } else {
            if (lower && c >= 'A' && c <= 'Z') c += 'a' - 'A';
            if (c != (Py_UCS4)(unsigned char)a) return -1;
        }
        pos++;
    }
    return pos;
}

#define BUCKETS 129 /* a chain per ASCII character, and one for every character above ASCII */

/* Alternative `a` put at the end of chain `b`. */
static void chain(Py_ssize_t *head, Py_ssize_t *tail, Py_ssize_t *next, int b, Py_ssize_t a) {
    if (head[b] < 0) head[b] = a;
    else next[tail[b]] = a;
    tail[b] = a;
}

/* The matches from the start of the text, each position tried against the alternatives of its first
 * character's chain alone (in the pattern's order: the same first match). */
static PyObject *scan(PyObject *text, PyObject *alternatives, const Py_ssize_t *head, const Py_ssize_t *next,
                      int lower, int words_only) {
    Py_ssize_t n = PyUnicode_GET_LENGTH(text);
    int kind = PyUnicode_KIND(text);
    const void *data = PyUnicode_DATA(text);
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    int after_edge = 0; /* the character before `pos` is a word character (or a dash, unless words_only) */
    Py_ssize_t pos = 0;
    while (pos < n) {
        Py_UCS4 c = PyUnicode_READ(kind, data, pos);
        Py_ssize_t end = -1, which = -1;
        if (!after_edge) {
            Py_UCS4 first = lower && c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
            for (Py_ssize_t a = head[first < BUCKETS - 1 ? first : BUCKETS - 1]; a >= 0 && end < 0; a = next[a]) {
                PyObject *alt = PyTuple_GET_ITEM(alternatives, a);
                end = match_at(kind, data, n, pos, PyBytes_AS_STRING(alt), PyBytes_GET_SIZE(alt), lower);
                if (end >= 0 && end < n && edge(PyUnicode_READ(kind, data, end), words_only)) end = -1;
                which = a;
            }
        }
        if (end <= pos) { /* no match here (an alternative is never empty) */
            after_edge = edge(c, words_only);
            pos++;
            continue;
        }
        if (!appended(out, Py_BuildValue("(nnnO)", pos, end, which,
                                         possessive(kind, data, n, end) ? Py_True : Py_False)))
            return NULL;
        after_edge = edge(PyUnicode_READ(kind, data, end - 1), words_only);
        pos = end;
    }
    return out;
}

static PyObject *spans(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *text, *alternatives;
    int lower, words_only = 0;
    if (!PyArg_ParseTuple(args, "UO!p|p", &text, &PyTuple_Type, &alternatives, &lower, &words_only)) return NULL;
    Py_ssize_t count = PyTuple_GET_SIZE(alternatives);
    for (Py_ssize_t a = 0; a < count; a++) {
        PyObject *alt = PyTuple_GET_ITEM(alternatives, a);
        if (!PyBytes_Check(alt) || PyBytes_GET_SIZE(alt) == 0) {
            PyErr_SetString(PyExc_TypeError, "spans expects a tuple of non-empty bytes");
            return NULL;
        }
    }
    if (!is_plain(text)) Py_RETURN_NONE;
    /* Each alternative in the chain of the character it starts with (an ASCII literal; `['’]`: both marks'
     * chains; `\s+`, which no alternative starts with: every chain). */
    Py_ssize_t head[BUCKETS], tail[BUCKETS], *next = PyMem_New(Py_ssize_t, (size_t)count + 1);
    if (next == NULL) return PyErr_NoMemory();
    for (int b = 0; b < BUCKETS; b++) head[b] = tail[b] = -1;
    for (Py_ssize_t a = 0; a < count; a++) {
        unsigned char first = (unsigned char)PyBytes_AS_STRING(PyTuple_GET_ITEM(alternatives, a))[0];
        next[a] = -1;
        if (first > 2) {
            chain(head, tail, next, first < BUCKETS - 1 ? first : BUCKETS - 1, a);
        } else if (first == 2) {
            chain(head, tail, next, '\'', a);
            chain(head, tail, next, BUCKETS - 1, a);
        } else {
            for (int b = 0; b < BUCKETS; b++) chain(head, tail, next, b, a);
        }
    }
    PyObject *out = scan(text, alternatives, head, next, lower, words_only);
    PyMem_Free(next);
    return out;
}

/* lexicon.py's `_NAME`, `\b[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?){1,3}\b`,
 * on a plain text, tried as `re` tries it. A word's [a-z]+ runs are greedy, and a shorter run leaves a
 * lower-case letter next, which neither `\s+`, "-" nor `\b` accepts: a word ends after its hyphened part
 * (tried first) or before it. `{1,3}` is greedy: another word first, else `\b` here. */
static int upper(Py_UCS4 c) { return c >= 'A' && c <= 'Z'; }
static int lower_letter(Py_UCS4 c) { return c >= 'a' && c <= 'z'; }

typedef struct {
    int kind;
    const void *data;
    Py_ssize_t n;
} Text;

static Py_UCS4 at(const Text *t, Py_ssize_t i) { return i < t->n ? PyUnicode_READ(t->kind, t->data, i) : 0; }

/* The ends a name's word starting at `i` (an upper-case letter) may have, in the order tried: 0-2. */
static int word_ends(const Text *t, Py_ssize_t i, Py_ssize_t ends[2]) {
    Py_ssize_t j = i + 1;
    while (lower_letter(at(t, j))) j++;
    if (j == i + 1) return 0;
    int count = 0;
    Py_UCS4 a = at(t, j + 1);
    if (at(t, j) == '-' && (upper(a) || lower_letter(a)) && lower_letter(at(t, j + 2))) {
        Py_ssize_t k = j + 2;
        while (lower_letter(at(t, k))) k++;
        ends[count++] = k;
    }
    ends[count++] = j;
    return count;
}

/* The end of the name whose `words` words (after the first) end at `end`, or -1. */
static Py_ssize_t name_rest(const Text *t, Py_ssize_t end, int words) {
    if (words < 3) {
        Py_ssize_t q = end;
        while (q < t->n && space(at(t, q))) q++;
        Py_ssize_t ends[2];
        int count = q > end && upper(at(t, q)) ? word_ends(t, q, ends) : 0;
        for (int k = 0; k < count; k++) {
            Py_ssize_t found = name_rest(t, ends[k], words + 1);
            if (found >= 0) return found;
        }
    }
    return words >= 1 && !word(at(t, end)) ? end : -1;
}

static PyObject *names(PyObject *self, PyObject *arg) {
    (void)self;
    if (!PyUnicode_Check(arg)) {
        PyErr_SetString(PyExc_TypeError, "names expects a str");
        return NULL;
    }
    if (!is_plain(arg)) Py_RETURN_NONE;
    Text t = {PyUnicode_KIND(arg), PyUnicode_DATA(arg), PyUnicode_GET_LENGTH(arg)};
    PyObject *out = PyList_New(0);
    if (out == NULL) return NULL;
    Py_ssize_t pos = 0;
    while (pos < t.n) {
        Py_ssize_t end = -1, ends[2];
        if (upper(at(&t, pos)) && (pos == 0 || !word(at(&t, pos - 1)))) {
            int count = word_ends(&t, pos, ends);
            for (int k = 0; k < count && end < 0; k++) end = name_rest(&t, ends[k], 0);
        }
        if (end < 0) {
            pos++;
            continue;
        }
        if (!appended(out, Py_BuildValue("(nn)", pos, end))) return NULL;
        pos = end;
    }
    return out;
}

static PyMethodDef methods[] = {
    {"names", names, METH_O, "Where lexicon.py's _NAME matches a plain text: [(start, end)]; None for another."},
    {"spans", spans, METH_VARARGS,
     "The aliases' matches in a plain text: (start, end, index, possessive); None for another. With a fourth "
     "argument true, the edges are `\\b` (a word character) rather than a word character or a dash."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_aliases", NULL, -1, methods, NULL, NULL, NULL, NULL};

PyMODINIT_FUNC PyInit__aliases(void) { return PyModule_Create(&module); }
