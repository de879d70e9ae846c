/* Same-statement candidate pairs and their word test, for bot/facts/statements.py's grouping.
 *
 * For each statement i in [lo, hi): its `rarest` rarest words (by rank), the statements after it that
 * share at least `need` of them among the words used by at most `max_postings` statements, the
 * `max_candidates` sharing most (ties to the lower index), in ascending order; of those, the ones of
 * another document and outlet (and the same key, when keys are given) whose words pass the Dice or
 * containment test. It is the Python path's `_candidates` and `same_statement`'s word test, step for
 * step; the figures' conflict test stays in Python. Arguments (C-contiguous int64 buffers):
 *   ptr[n+1], terms[*]          statement i's word ids are terms[ptr[i]:ptr[i+1]] (distinct)
 *   rank[V]                     each word's place in the order (statements using it, word): rarest first
 *   post_ptr[V+1], post_ids[*]  each word's statements, ascending
 *   doc[n], outlet[n], key[n]   codes; key may be empty (no keys)
 * Returns bytes: int64 (i, j) pairs, in order.
 * bot/_wordscan's `postings` builds post_ptr and post_ids from ptr and terms.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    int64_t id;
    int64_t count;
} Candidate;

static const int64_t *sort_rank; /* qsort's comparator reads the ranks through this (one call at a time) */

static int by_rank(const void *x, const void *y) {
    int64_t a = sort_rank[*(const int64_t *)x], b = sort_rank[*(const int64_t *)y];
    return (a > b) - (a < b);
}

static int by_count_then_id(const void *x, const void *y) {
    const Candidate *a = x, *b = y;
    if (a->count != b->count) return a->count > b->count ? -1 : 1;
    return (a->id > b->id) - (a->id < b->id);
}

static int by_id(const void *x, const void *y) {
    const Candidate *a = x, *b = y;
    return (a->id > b->id) - (a->id < b->id);
}

typedef struct {
    const int64_t *ptr, *terms, *rank, *post_ptr, *post_ids, *doc, *outlet, *key;
    int64_t n, vocabulary, rarest, max_postings, min_shared, max_candidates, min_contained;
    double same_dice, same_contained;
} Tables;

typedef struct {
    int32_t *count;   /* per statement: rare words shared with the current one (zero between uses) */
    int64_t *touched; /* the statements whose count is not zero */
    int64_t *mark;    /* per word: 1 + the statement whose words are marked */
    int64_t *rarest;  /* the current statement's words, by rank */
    Candidate *found;
    int64_t *out;
    int64_t out_len, out_cap;
} Scratch;

static int emit(Scratch *s, int64_t i, int64_t j) {
    if (s->out_len + 2 > s->out_cap) {
        int64_t cap = s->out_cap ? 2 * s->out_cap : 1024;
        int64_t *grown = realloc(s->out, (size_t)cap * sizeof(int64_t));
        if (!grown) return -1;
        s->out = grown;
        s->out_cap = cap;
    }
    s->out[s->out_len++] = i;
    s->out[s->out_len++] = j;
    return 0;
}

/* The later statements sharing `need` of i's rarest words, as _candidates chooses them; returns how many. */
static int64_t candidates(const Tables *t, Scratch *s, int64_t i) {
    int64_t lo = t->ptr[i], m = t->ptr[i + 1] - lo;
    if (m == 0) return 0;
    memcpy(s->rarest, t->terms + lo, (size_t)m * sizeof(int64_t));
    sort_rank = t->rank;
    qsort(s->rarest, (size_t)m, sizeof(int64_t), by_rank);
    int64_t r = m < t->rarest ? m : t->rarest, need = r < t->min_shared ? r : t->min_shared, touched = 0;
    for (int64_t k = 0; k < r; k++) {
        int64_t w = s->rarest[k], a = t->post_ptr[w], b = t->post_ptr[w + 1];
        if (b - a > t->max_postings) continue;
        while (a < b) { /* the first posting after i */
            int64_t mid = a + (b - a) / 2;
            if (t->post_ids[mid] <= i) a = mid + 1; else b = mid;
        }
        for (b = t->post_ptr[w + 1]; a < b; a++) {
            int64_t j = t->post_ids[a];
            if (s->count[j]++ == 0) s->touched[touched++] = j;
        }
    }
    int64_t kept = 0;
    for (int64_t k = 0; k < touched; k++) {
        int64_t j = s->touched[k];
        if (s->count[j] >= need) s->found[kept++] = (Candidate){j, s->count[j]};
        s->count[j] = 0;
    }
    if (kept > t->max_candidates) {
        qsort(s->found, (size_t)kept, sizeof(Candidate), by_count_then_id);
        kept = t->max_candidates;
    }
    qsort(s->found, (size_t)kept, sizeof(Candidate), by_id);
    return kept;
}

/* same_statement's word test: a Dice overlap, or the smaller statement contained in the other */
static int same_words(const Tables *t, Scratch *s, int64_t i, int64_t j) {
    int64_t mi = t->ptr[i + 1] - t->ptr[i], mj = t->ptr[j + 1] - t->ptr[j], shared = 0;
    if (mi == 0 || mj == 0) return 0;
    for (int64_t k = t->ptr[j]; k < t->ptr[j + 1]; k++) shared += s->mark[t->terms[k]] == i + 1;
    if ((double)(2 * shared) / (double)(mi + mj) >= t->same_dice) return 1;
    int64_t small = mi < mj ? mi : mj;
    return small >= t->min_contained && (double)shared / (double)small >= t->same_contained;
}

static int run(const Tables *t, Scratch *s, int64_t lo, int64_t hi) {
    for (int64_t i = lo; i < hi; i++) {
        int64_t found = candidates(t, s, i);
        if (found == 0) continue;
        for (int64_t k = t->ptr[i]; k < t->ptr[i + 1]; k++) s->mark[t->terms[k]] = i + 1;
        for (int64_t c = 0; c < found; c++) {
            int64_t j = s->found[c].id;
            if (t->doc[j] == t->doc[i] || t->outlet[j] == t->outlet[i]) continue;
            if (t->key && t->key[i] != t->key[j]) continue;
            if (same_words(t, s, i, j) && emit(s, i, j) < 0) return -1;
        }
    }
    return 0;
}

static int64_t longest(const int64_t *ptr, int64_t n) {
    int64_t most = 0;
    for (int64_t i = 0; i < n; i++)
        if (ptr[i + 1] - ptr[i] > most) most = ptr[i + 1] - ptr[i];
    return most;
}

static PyObject *pairs(PyObject *self, PyObject *args) {
    Py_buffer ptr, terms, rank, post_ptr, post_ids, doc, outlet, key;
    long long lo, hi, rarest, max_postings, min_shared, max_candidates, min_contained;
    double same_dice, same_contained;
    if (!PyArg_ParseTuple(args, "LLy*y*y*y*y*y*y*y*LLLLddL", &lo, &hi, &ptr, &terms, &rank, &post_ptr,
                          &post_ids, &doc, &outlet, &key, &rarest, &max_postings, &min_shared,
                          &max_candidates, &same_dice, &same_contained, &min_contained))
        return NULL;
    PyObject *result = NULL;
    Scratch s = {0};
    Tables t = {ptr.buf, terms.buf, rank.buf, post_ptr.buf, post_ids.buf, doc.buf, outlet.buf,
                key.len ? key.buf : NULL, (int64_t)(ptr.len / 8) - 1, (int64_t)(rank.len / 8), rarest,
                max_postings, min_shared, max_candidates, min_contained, same_dice, same_contained};
    if (t.n < 0 || post_ptr.len != (t.vocabulary + 1) * 8 || doc.len != t.n * 8 || outlet.len != t.n * 8 ||
        (t.key && key.len != t.n * 8) || lo < 0 || hi > t.n || lo > hi) {
        PyErr_SetString(PyExc_ValueError, "pairs: inconsistent tables");
        goto done;
    }
    int64_t most = longest(t.ptr, t.n);
    s.count = calloc((size_t)t.n + 1, sizeof(int32_t));
    s.touched = malloc(((size_t)t.n + 1) * sizeof(int64_t));
    s.mark = calloc((size_t)t.vocabulary + 1, sizeof(int64_t));
    s.rarest = malloc(((size_t)most + 1) * sizeof(int64_t));
    s.found = malloc(((size_t)t.n + 1) * sizeof(Candidate));
    if (!s.count || !s.touched || !s.mark || !s.rarest || !s.found || run(&t, &s, lo, hi) < 0) {
        PyErr_NoMemory();
        goto done;
    }
    result = PyBytes_FromStringAndSize((const char *)s.out, (Py_ssize_t)(s.out_len * 8));
done:
    free(s.count); free(s.touched); free(s.mark); free(s.rarest); free(s.found); free(s.out);
    PyBuffer_Release(&ptr); PyBuffer_Release(&terms); PyBuffer_Release(&rank); PyBuffer_Release(&post_ptr);
    PyBuffer_Release(&post_ids); PyBuffer_Release(&doc); PyBuffer_Release(&outlet); PyBuffer_Release(&key);
    return result;
}

static PyMethodDef methods[] = {
    {"pairs", pairs, METH_VARARGS, "Same-statement candidate pairs that pass the word test."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_pairs", NULL, -1, methods};

PyMODINIT_FUNC PyInit__pairs(void) { return PyModule_Create(&module); }
