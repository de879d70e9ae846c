/* Exact top-k over BM25 postings with block-max MaxScore pruning (see bot/retrieval/topk.py).
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

#define BLOCK_SHIFT 6 /* postings per block: 1 << BLOCK_SHIFT, topk.BLOCK on the Python side */
#define BLOCK (1 << BLOCK_SHIFT)
typedef float acc_t; /* term at a time: partial sums only bound, so float32 (half the memory traffic) */
#define THETA_SAMPLE 8192 /* sentences a threshold check looks at (the first met: the rarest words') */
#define ACC_TOL 1e-5 /* relative: float32 sums of up to ~100 addends, and the bounds' own rounding */

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
static inline void seek(Cursor *c, int32_t d, int64_t *read) {
    while (c->pos < c->end) {
        int64_t block_end = c->start + ((((c->pos - c->start) >> BLOCK_SHIFT) + 1) << BLOCK_SHIFT);
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

static inline double block_bound(const Cursor *c) {
    double bm = c->bmax[(c->pos - c->start) >> BLOCK_SHIFT] - c->absent;
    return bm > 0 ? c->count * bm : 0.0;
}

static inline int64_t block_last(const Cursor *c) {
    int64_t block_end = c->start + ((((c->pos - c->start) >> BLOCK_SHIFT) + 1) << BLOCK_SHIFT);
    return block_end > c->end ? c->end - 1 : block_end - 1;
}

typedef struct {
    Cursor *cur;
    int n;
    const int32_t *seq;
    Py_ssize_t seq_len;
    const uint8_t *allowed;
    int64_t k;
    int64_t sort_limit; /* term at a time: look the running sentences up once there are this few */
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

/* Whether a sum `bound` of `n` non-negative addends, each at least the value it stands for, proves that no
 * sentence it bounds can beat `theta`. With three or more addends, rounding in another order could make a
 * computed sum, or a sentence's own score, differ from the exact one by n units in the last place, so a
 * margin is kept. One or two addends need none: x + 0 is exact, x + y = y + x, and rounded addition is
 * monotone, so a sentence's score can never exceed a bound built of the same two larger-or-equal values.
 * That keeps ties at the threshold prunable (common: BM25 weights repeat for every sentence of a length). */
static inline int cannot_beat(double bound, int n, double theta) {
    return bound + (n > 2 ? bound * n * 4.5e-16 : 0.0) <= theta;
}

static inline void take(Cursor *c, double *gain, int *n) {
    c->present = 1;
    c->weight = c->w[c->pos];
    *gain += c->count * (c->weight - c->absent);
    *n += c->count;
}

/* One essential list left: walk it in a tight loop to the next posting that could beat the k-th, skipping
 * whole blocks by their maxima and single postings by their weights; `rest` bounds the other terms. */
static void skip_single(Cursor *c, double rest, int rest_n, double theta, int64_t *read) {
    int n = rest_n + c->count;
    while (c->pos < c->end) {
        if (cannot_beat(rest + block_bound(c), n, theta)) {
            c->pos = block_last(c) + 1;
            continue;
        }
        (*read)++;
        if (!cannot_beat(rest + c->count * (c->w[c->pos] - c->absent), n, theta)) return;
        c->pos++;
    }
}

static void run(Search *s, const Cursor *byterm[], double base, int extra) {
    Cursor *cur = s->cur;
    int n = s->n, first = 0; /* terms [0, first) are non-essential */
    double *prefix = malloc(sizeof(double) * (n + 1));
    int *addends = malloc(sizeof(int) * (n + 1));
    double theta = -INFINITY;
    prefix[0] = base;
    addends[0] = extra; /* BM25+: every token adds its `absent` value, so no bound is a single addend */
    for (int i = 0; i < n; i++) {
        prefix[i + 1] = prefix[i] + cur[i].ub;
        addends[i + 1] = addends[i] + cur[i].count;
    }
    for (;;) {
        if (s->size == s->k && first == n - 1) skip_single(&cur[first], prefix[first], addends[first], theta,
                                                           &s->read);
        int32_t d = INT32_MAX;
        for (int i = first; i < n; i++)
            if (cur[i].pos < cur[i].end && cur[i].ids[cur[i].pos] < d) d = cur[i].ids[cur[i].pos];
        if (d == INT32_MAX) break;
        if (s->size == s->k) { /* block-max: can anything up to the nearest block end beat the k-th? */
            double bound = prefix[first];
            int na = addends[first];
            int64_t edge = INT64_MAX;
            for (int i = first; i < n; i++) {
                if (cur[i].pos >= cur[i].end) continue;
                bound += block_bound(&cur[i]);
                na += cur[i].count;
                int64_t last = cur[i].ids[block_last(&cur[i])];
                if (last < edge) edge = last;
            }
            if (cannot_beat(bound, na, theta)) {
                for (int i = first; i < n; i++) seek(&cur[i], (int32_t)(edge + 1), &s->read);
                continue;
            }
        }
        double gain = 0.0;
        int na = 0;
        for (int i = 0; i < first; i++) cur[i].present = 0;
        for (int i = first; i < n; i++) {
            Cursor *c = &cur[i];
            c->present = 0;
            if (c->pos < c->end && c->ids[c->pos] == d) {
                take(c, &gain, &na);
                c->pos++;
                s->read++;
            }
        }
        if (s->allowed && !s->allowed[d]) continue;
        int pruned = 0;
        for (int i = first - 1; i >= 0 && !pruned; i--) {
            Cursor *c = &cur[i];
            if (cannot_beat(prefix[i + 1] + gain, addends[i + 1] + na, theta)) { pruned = 1; break; }
            if (c->pos >= c->end) continue;
            seek(c, d, &s->read);
            if (c->pos >= c->end) continue;
            if (cannot_beat(prefix[i] + gain + block_bound(c), addends[i] + na + c->count, theta)) pruned = 1;
            else if (c->ids[c->pos] == d) {
                take(c, &gain, &na);
                s->read++;
            }
        }
        if (pruned || cannot_beat(prefix[0] + gain, addends[0] + na, theta)) continue;
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
            while (first < n && cannot_beat(prefix[first + 1], addends[first + 1], theta)) first++;
        }
    }
    free(prefix);
    free(addends);
}

/* ---- Term at a time, for questions of many words ------------------------------------------------------
 * Lists are added, highest bound first, into a dense accumulator of partial sums (any order: they only
 * bound). Once the k-th best partial sum exceeds what the lists not yet read could add to a sentence, no
 * sentence they alone hold can enter the top k: the rest is read only for the sentences still in the
 * running. The last candidates, those within a margin of the k-th best sum (ties all kept), get their exact
 * token-order scores and go through the same heap as the other path. */

static void heap_push_double(double *h, int64_t *size, int64_t k, double v) {
    if (*size < k) {
        int64_t i = (*size)++;
        h[i] = v;
        while (i > 0 && h[(i - 1) / 2] > h[i]) {
            double t = h[i]; h[i] = h[(i - 1) / 2]; h[(i - 1) / 2] = t;
            i = (i - 1) / 2;
        }
    } else if (v > h[0]) {
        int64_t i = 0;
        h[0] = v;
        for (;;) {
            int64_t l = 2 * i + 1, r = l + 1, m = i;
            if (l < k && h[l] < h[m]) m = l;
            if (r < k && h[r] < h[m]) m = r;
            if (m == i) break;
            double t = h[i]; h[i] = h[m]; h[m] = t;
            i = m;
        }
    }
}

/* The k-th largest acc[d] over the listed sentences (-inf if fewer than k). */
static double kth_largest(const acc_t *acc, const int32_t *list, int64_t m, int64_t k, double *scratch) {
    int64_t size = 0;
    for (int64_t i = 0; i < m; i++) heap_push_double(scratch, &size, k, acc[list[i]]);
    return size < k ? -INFINITY : scratch[0];
}

static int cmp_int32(const void *x, const void *y) {
    int32_t a = *(const int32_t *)x, b = *(const int32_t *)y;
    return (a > b) - (a < b);
}

/* Copy to `out` the listed sentences whose sum plus `rest` reaches theta - tol (`out` may be `list`: it is
 * compacted in place); returns how many, in list order. Branchless: most fail early on, most pass late. */
static int64_t keep_running(const acc_t *acc, const int32_t *list, int64_t m, int32_t *out, double rest,
                            double theta, double tol) {
    int64_t kept = 0;
    for (int64_t i = 0; i < m; i++) {
        int32_t d = list[i];
        out[kept] = d;
        kept += (double)acc[d] + rest >= theta - tol;
    }
    return kept;
}

static int64_t still_running(const acc_t *acc, int32_t *list, int64_t m, double rest, double theta, double tol) {
    return keep_running(acc, list, m, list, rest, theta, tol);
}

/* Add a list's weights into the accumulator, listing each sentence met for the first time (every weight is
 * > 0 on this path, so a zero sum means untouched). Branchless: the first-touch test is as likely as not for
 * a mid-frequency word, and a mispredicted branch cost more than the always-written slot; the accumulator
 * entries of postings PREFETCH ahead are fetched early, since their addresses are random. */
#define PREFETCH 16
static int64_t accumulate(const int32_t *ids, const double *w, int64_t start, int64_t end, double count,
                          acc_t *acc, int32_t *touched, int64_t m) {
    int64_t pos = start;
    for (; pos + PREFETCH < end; pos++) {
        __builtin_prefetch(&acc[ids[pos + PREFETCH]], 1, 1);
        int32_t d = ids[pos];
        acc_t before = acc[d];
        touched[m] = d;
        m += before == 0.0f;
        acc[d] = before + (acc_t)(count * w[pos]);
    }
    for (; pos < end; pos++) {
        int32_t d = ids[pos];
        acc_t before = acc[d];
        touched[m] = d;
        m += before == 0.0f;
        acc[d] = before + (acc_t)(count * w[pos]);
    }
    return m;
}

/* Add list c's weights to the running sentences (`sorted`: run is in ascending order, so few of them can be
 * looked up instead of reading the whole list). Reading the whole list, every sentence's sum is updated,
 * the running and the rest alike, as in the first phase (untested writes cost less than a test of each
 * posting's sentence); a sentence met for the first time joins `touched`, so the reset finds it. */
static void add_to_running(Cursor *c, acc_t *acc, int32_t *touched, int64_t *m_touched, const int32_t *run,
                           int64_t m, int sorted, int64_t *read) {
    if (!sorted || m * 8 > c->end - c->start) { /* many: one pass over the list */
        *m_touched = accumulate(c->ids, c->w, c->start, c->end, c->count, acc, touched, *m_touched);
        *read += c->end - c->start;
        return;
    }
    for (int64_t i = 0; i < m; i++) {
        seek(c, run[i], read);
        if (c->pos < c->end && c->ids[c->pos] == run[i])
            acc[run[i]] += (acc_t)(c->count * (c->w[c->pos] - c->absent));
    }
}

static void run_taat(Search *s, const Cursor *byterm[], double base, acc_t *acc, int32_t *touched) {
    Cursor *cur = s->cur;
    int n = s->n, j = n - 1;
    int64_t m = 0, checked_at = 0;
    double total = base, theta = -INFINITY;
    for (int i = 0; i < n; i++) total += cur[i].ub;
    double tol = ACC_TOL * (fabs(base) + total) + 1e-300, rest = total - base;
    double *scratch = malloc(sizeof(double) * s->k);
    for (; j >= 0; j--) { /* cursors are sorted by bound, ascending: read the highest first */
        Cursor *c = &cur[j];
        const int32_t *ids = c->ids;
        const double *w = c->w;
        double count = c->count;
        if (s->allowed) {
            for (int64_t pos = c->start; pos < c->end; pos++) {
                int32_t d = ids[pos];
                if (!s->allowed[d]) continue;
                if (acc[d] == 0.0f) touched[m++] = d; /* every weight is > 0 on this path */
                acc[d] += (acc_t)(count * w[pos]);
            }
        } else {
            m = accumulate(ids, w, c->start, c->end, count, acc, touched, m);
        }
        s->read += c->end - c->start;
        rest -= c->ub;
        if (j == 0 || m < s->k || rest > total - base - rest || m < 2 * checked_at) continue;
        checked_at = m;
        /* any subset gives a lower bound: the first touched (the highest-bound lists') carry the most */
        theta = base + kth_largest(acc, touched, m < THETA_SAMPLE ? m : THETA_SAMPLE, s->k, scratch);
        if (base + rest + tol < theta) { j--; break; } /* nothing unread can enter on its own */
    }
    /* the running are copied out of `touched`, which stays whole for the reset at the end */
    int32_t *running = malloc(sizeof(int32_t) * (m > 0 ? m : 1));
    int64_t r = m;
    if (j < 0) memcpy(running, touched, sizeof(int32_t) * m);
    else { /* the rest of the lists, for the sentences still in the running */
        r = keep_running(acc, touched, m, running, base + rest, theta, tol);
        int sorted = 0;
        for (; j >= 0; j--) {
            if (!sorted && r <= s->sort_limit) { /* few enough to look up: sorted, seeks move forward */
                qsort(running, r, sizeof(int32_t), cmp_int32);
                sorted = 1;
            }
            add_to_running(&cur[j], acc, touched, &m, running, r, sorted, &s->read);
            rest -= cur[j].ub;
            if (!sorted && j > 0) { /* the running shrink as the unread bound does */
                /* any subset bounds the k-th from below; the first running carry the most */
                double kth = base + kth_largest(acc, running, r < THETA_SAMPLE ? r : THETA_SAMPLE, s->k, scratch);
                if (kth > theta) theta = kth;
                r = still_running(acc, running, r, base + rest, theta, tol);
            }
        }
    }
    theta = base + kth_largest(acc, running, r, s->k, scratch);
    r = still_running(acc, running, r, base, theta, tol);
    qsort(running, r, sizeof(int32_t), cmp_int32);
    for (int i = 0; i < n; i++) cur[i].pos = cur[i].start;
    for (int64_t i = 0; i < r; i++) { /* exact scores, ascending ids: every seek moves forward */
        int32_t d = running[i];
        for (int t = 0; t < n; t++) {
            Cursor *c = &cur[t];
            seek(c, d, &s->read);
            c->present = c->pos < c->end && c->ids[c->pos] == d;
            if (c->present) c->weight = c->w[c->pos];
        }
        s->scored++;
        Entry e = {exact_score(s, byterm), d};
        if (s->size < s->k) {
            s->heap[s->size] = e;
            sift_up(s->heap, s->size++);
        } else if (worse(&s->heap[0], &e)) {
            s->heap[0] = e;
            sift_down(s->heap, s->size, 0);
        }
    }
    for (int64_t i = 0; i < m; i++) acc[touched[i]] = 0.0f;
    free(running);
    free(scratch);
}

static PyObject *topk(PyObject *self, PyObject *args) {
    Py_buffer ids, w, starts, ends, bstarts, bmax, tops, absent, counts, seq, allowed, out_ids, out_scores, stats;
    Py_buffer acc, touched;
    long long k, block, sort_limit;
    int by_term;
    if (!PyArg_ParseTuple(args, "y*y*y*y*y*y*y*y*y*y*y*LLw*w*w*pw*w*L", &ids, &w, &starts, &ends, &bstarts,
                          &bmax, &tops, &absent, &counts, &seq, &allowed, &k, &block, &out_ids, &out_scores,
                          &stats, &by_term, &acc, &touched, &sort_limit))
        return NULL;
    int n = (int)(starts.len / sizeof(int64_t));
    Cursor *cur = calloc(n > 0 ? n : 1, sizeof(Cursor));
    const Cursor **byterm = calloc(n > 0 ? n : 1, sizeof(Cursor *));
    Entry *heap = malloc(sizeof(Entry) * (k > 0 ? k : 1));
    Py_ssize_t written = 0;
    if (by_term && touched.len != acc.len) {
        PyErr_SetString(PyExc_ValueError, "scratch buffers: float32 and int32, one per sentence");
        goto done;
    }
    if (block != BLOCK) {
        PyErr_Format(PyExc_ValueError, "the kernel's blocks hold %d postings, not %lld", BLOCK, block);
        goto done;
    }
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
                allowed.len ? (const uint8_t *)allowed.buf : NULL, k, sort_limit, heap, 0, 0, 0};
    Py_BEGIN_ALLOW_THREADS
    if (by_term)
        run_taat(&s, byterm, base, (acc_t *)acc.buf, (int32_t *)touched.buf);
    else
        run(&s, byterm, base, base != 0.0 ? (int)s.seq_len + 2 * n : 0);
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
    PyBuffer_Release(&acc); PyBuffer_Release(&touched);
    if (PyErr_Occurred()) return NULL;
    return PyLong_FromSsize_t(written);
}

static PyMethodDef methods[] = {
    {"topk", topk, METH_VARARGS, "Exact top-k of BM25 postings with block-max MaxScore pruning."},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_topk", NULL, -1, methods};

PyMODINIT_FUNC PyInit__topk(void) { return PyModule_Create(&module); }
