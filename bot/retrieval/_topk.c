/* Exact top-k over BM25 postings with block-max MaxScore pruning (see bot/retrieval/pruned.py).
 *
 * Documents are visited in ascending order, so a later document never wins a tie: it must score strictly
 * above the k-th best to enter, and ties keep going to the lower index, as the exhaustive path orders them.
 * Bounds only decide what is skipped; every score that is kept is summed in the question's token order, the
 * way rank-bm25 sums it, so the scores are rank-bm25's to the bit. Built with -ffp-contract=off.
 *
 * Arguments (all buffers, C-contiguous):
 *   doc_ids int32[P], weights float64[P]    the index's postings
 *   starts, ends int64[n]                   each distinct query term's slice of the postings
 *   block_starts int64[n]                   each term's first entry in block_max
 *   block_max float64[*]                    the largest weight of each block of BLOCK postings
 *   tops float64[n]                         each term's largest weight
 *   absent float64[n]                       what a term adds to a sentence without it (BM25+: idf * delta)
 *   counts int32[n]                         how often each distinct term occurs in the question
 *   seq int32[L]                            the question's tokens, as indices into the n terms
 *   allowed uint8[N] or an empty buffer     a mask over the sentences, or none
 *   k, block                                how many hits; postings per block
 *   out_ids int32[k], out_scores float64[k], stats int64[2] (postings read, candidates scored)
 * Returns the number of hits written, best first.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    const int32_t *ids;
    const double *w;
    int64_t pos, start, end;
    const double *bmax;
    double absent, ub;
    int32_t count;
    int32_t orig; /* the caller's index of this term */
    int32_t present;
    double weight;
} Cursor;

typedef struct {
    double score;
    int32_t doc;
} Entry;

/* a is worse than b: lower score, or the same score and a higher index */
static inline int worse(const Entry *a, const Entry *b) {
    return a->score < b->score || (a->score == b->score && a->doc > b->doc);
}

static void sift_down(Entry *h, int64_t n, int64_t i) {
    for (;;) {
        int64_t l = 2 * i + 1, r = l + 1, m = i;
        if (l < n && worse(&h[l], &h[m])) m = l;
        if (r < n && worse(&h[r], &h[m])) m = r;
        if (m == i) return;
        Entry t = h[i]; h[i] = h[m]; h[m] = t;
        i = m;
    }
}

static void sift_up(Entry *h, int64_t i) {
    while (i > 0) {
        int64_t p = (i - 1) / 2;
        if (!worse(&h[i], &h[p])) return;
        Entry t = h[i]; h[i] = h[p]; h[p] = t;
        i = p;
    }
}

static int cmp_best(const void *x, const void *y) {
    const Entry *a = x, *b = y;
    if (worse(a, b)) return 1;
    if (worse(b, a)) return -1;
    return 0;
}

static int cmp_ub(const void *x, const void *y) {
    const Cursor *a = x, *b = y;
    return (a->ub > b->ub) - (a->ub < b->ub);
}

/* Move c to its first posting with an id >= d, skipping whole blocks by their last id. */
static inline void seek(Cursor *c, int32_t d, int64_t block, int64_t *read) {
    while (c->pos < c->end) {
        int64_t block_end = c->start + ((c->pos - c->start) / block + 1) * block;
        if (block_end > c->end) block_end = c->end;
        (*read)++;
        if (c->ids[block_end - 1] < d) {
            c->pos = block_end;
            continue;
        }
        int64_t lo = c->pos, hi = block_end - 1; /* ids[hi] >= d */
        while (lo < hi) {
            int64_t mid = (lo + hi) / 2;
            (*read)++;
            if (c->ids[mid] < d) lo = mid + 1; else hi = mid;
        }
        c->pos = lo;
        return;
    }
}

static inline double block_bound(const Cursor *c, int64_t block) {
    double bm = c->bmax[(c->pos - c->start) / block] - c->absent;
    return bm > 0 ? c->count * bm : 0.0;
}

static inline int64_t block_last(const Cursor *c, int64_t block) {
    int64_t block_end = c->start + ((c->pos - c->start) / block + 1) * block;
    return block_end > c->end ? c->end - 1 : block_end - 1;
}

typedef struct {
    Cursor *cur;
    int n;
    const int32_t *seq;
    Py_ssize_t seq_len;
    const uint8_t *allowed;
    int64_t k, block;
    Entry *heap;
    int64_t size;
    int64_t read, scored;
} Search;

static double exact_score(const Search *s, const Cursor *byterm[]) {
    double score = 0.0;
    for (Py_ssize_t j = 0; j < s->seq_len; j++) {
        const Cursor *c = byterm[s->seq[j]];
        score += c->present ? c->weight : c->absent;
    }
    return score;
}

static void run(Search *s, const Cursor *byterm[], double base) {
    Cursor *cur = s->cur;
    int n = s->n, first = 0; /* terms [0, first) are non-essential */
    double *prefix = malloc(sizeof(double) * (n + 1));
    double theta = -INFINITY, tol = 0.0;
    prefix[0] = 0.0;
    for (int i = 0; i < n; i++) prefix[i + 1] = prefix[i] + cur[i].ub;
    tol = 1e-9 * (fabs(base) + prefix[n]) + 1e-300;
    for (;;) {
        int32_t d = INT32_MAX;
        for (int i = first; i < n; i++)
            if (cur[i].pos < cur[i].end && cur[i].ids[cur[i].pos] < d) d = cur[i].ids[cur[i].pos];
        if (d == INT32_MAX) break;
        if (s->size == s->k) { /* block-max: can anything up to the nearest block end beat the k-th? */
            double bound = base + prefix[first];
            int64_t edge = INT64_MAX;
            for (int i = first; i < n; i++) {
                if (cur[i].pos >= cur[i].end) continue;
                bound += block_bound(&cur[i], s->block);
                int64_t last = cur[i].ids[block_last(&cur[i], s->block)];
                if (last < edge) edge = last;
            }
            if (bound + tol <= theta) {
                for (int i = first; i < n; i++) seek(&cur[i], (int32_t)(edge + 1), s->block, &s->read);
                continue;
            }
        }
        double gain = 0.0;
        for (int i = 0; i < n; i++) cur[i].present = 0;
        for (int i = first; i < n; i++) {
            Cursor *c = &cur[i];
            if (c->pos < c->end && c->ids[c->pos] == d) {
                c->present = 1;
                c->weight = c->w[c->pos];
                gain += c->count * (c->weight - c->absent);
                c->pos++;
                s->read++;
            }
        }
        if (s->allowed && !s->allowed[d]) continue;
        int pruned = 0;
        for (int i = first - 1; i >= 0; i--) {
            Cursor *c = &cur[i];
            if (base + gain + prefix[i + 1] + tol <= theta) { pruned = 1; break; }
            if (c->pos >= c->end) continue;
            seek(c, d, s->block, &s->read);
            if (c->pos >= c->end) continue;
            if (base + gain + prefix[i] + block_bound(c, s->block) + tol <= theta) { pruned = 1; break; }
            if (c->ids[c->pos] == d) {
                c->present = 1;
                c->weight = c->w[c->pos];
                gain += c->count * (c->weight - c->absent);
                s->read++;
            }
        }
        if (pruned || base + gain + tol <= theta) continue;
        s->scored++;
        Entry e = {exact_score(s, byterm), d};
        if (s->size < s->k) {
            s->heap[s->size] = e;
            sift_up(s->heap, s->size++);
        } else if (e.score > theta) {
            s->heap[0] = e;
            sift_down(s->heap, s->size, 0);
        } else {
            continue;
        }
        if (s->size == s->k) {
            theta = s->heap[0].score;
            while (first < n && base + prefix[first + 1] + tol <= theta) first++;
        }
    }
    free(prefix);
}

static PyObject *topk(PyObject *self, PyObject *args) {
    Py_buffer ids, w, starts, ends, bstarts, bmax, tops, absent, counts, seq, allowed, out_ids, out_scores, stats;
    long long k, block;
    if (!PyArg_ParseTuple(args, "y*y*y*y*y*y*y*y*y*y*y*LLw*w*w*", &ids, &w, &starts, &ends, &bstarts, &bmax,
                          &tops, &absent, &counts, &seq, &allowed, &k, &block, &out_ids, &out_scores, &stats))
        return NULL;
    int n = (int)(starts.len / sizeof(int64_t));
    Cursor *cur = calloc(n > 0 ? n : 1, sizeof(Cursor));
    const Cursor **byterm = calloc(n > 0 ? n : 1, sizeof(Cursor *));
    Entry *heap = malloc(sizeof(Entry) * (k > 0 ? k : 1));
    Py_ssize_t written = 0;
    if (!cur || !byterm || !heap) {
        PyErr_NoMemory();
        goto done;
    }
    double base = 0.0;
    for (int i = 0; i < n; i++) {
        Cursor *c = &cur[i];
        c->ids = (const int32_t *)ids.buf;
        c->w = (const double *)w.buf;
        c->start = c->pos = ((const int64_t *)starts.buf)[i];
        c->end = ((const int64_t *)ends.buf)[i];
        c->bmax = (const double *)bmax.buf + ((const int64_t *)bstarts.buf)[i];
        c->absent = ((const double *)absent.buf)[i];
        c->count = ((const int32_t *)counts.buf)[i];
        c->orig = i;
        double top = ((const double *)tops.buf)[i];
        c->ub = top - c->absent > 0 ? c->count * (top - c->absent) : 0.0;
        base += c->count * c->absent;
    }
    /* Sort by bound; seq indexes the caller's order, so keep a map from the caller's index to the cursor. */
    qsort(cur, n, sizeof(Cursor), cmp_ub);
    for (int i = 0; i < n; i++) byterm[cur[i].orig] = &cur[i];
    Search s = {cur, n, (const int32_t *)seq.buf, seq.len / (Py_ssize_t)sizeof(int32_t),
                allowed.len ? (const uint8_t *)allowed.buf : NULL, k, block, heap, 0, 0, 0};
    Py_BEGIN_ALLOW_THREADS
    run(&s, byterm, base);
    qsort(heap, s.size, sizeof(Entry), cmp_best);
    Py_END_ALLOW_THREADS
    for (int64_t i = 0; i < s.size; i++) {
        ((int32_t *)out_ids.buf)[i] = heap[i].doc;
        ((double *)out_scores.buf)[i] = heap[i].score;
    }
    ((int64_t *)stats.buf)[0] = s.read;
    ((int64_t *)stats.buf)[1] = s.scored;
    written = s.size;
done:
    free(cur);
    free(byterm);
    free(heap);
    PyBuffer_Release(&ids); PyBuffer_Release(&w); PyBuffer_Release(&starts); PyBuffer_Release(&ends);
    PyBuffer_Release(&bstarts); PyBuffer_Release(&bmax); PyBuffer_Release(&tops);
    PyBuffer_Release(&absent);
    PyBuffer_Release(&counts); PyBuffer_Release(&seq); PyBuffer_Release(&allowed);
    PyBuffer_Release(&out_ids); PyBuffer_Release(&out_scores); PyBuffer_Release(&stats);
    if (PyErr_Occurred()) return NULL;
    return PyLong_FromSsize_t(written);
}

static PyMethodDef methods[] = {
    {"topk", topk, METH_VARARGS, "Exact top-k of BM25 postings with block-max MaxScore pruning."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_topk", NULL, -1, methods};

PyMODINIT_FUNC PyInit__topk(void) { return PyModule_Create(&module); }
