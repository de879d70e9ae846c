/* y = bf16(x) @ W + b, optionally GELU(y), with W kept in bfloat16 (bot/semantic/prepared.py,
 * bot/semantic/dense.py).
 *
 * A question's forward pass multiplies a dozen rows by each weight matrix, which is bound by arithmetic,
 * not by reading the weights: float32 fused multiply-adds peak at about 90 GFLOP/s on one core here,
 * which OpenBLAS already reached. AVX512_BF16's dot product (VDPBF16PS) does twice the multiplications
 * per instruction: it multiplies pairs of bfloat16 values exactly and sums them in float32. So the
 * weights are stored in bfloat16 and each product's input rows are rounded to bfloat16 (to nearest,
 * ties to even) before the product; every sum stays float32. The CPUs without it run the very same
 * products (of bfloat16 values, exact in float32) with float32 multiply-adds, so every path computes one
 * function up to the order of additions, and so does numpy's fallback (dense.py).
 *
 * Layout of W: panels of PANEL output columns; within a panel, for each pair of inputs (k, k + 1), the
 * PANEL columns' two weights side by side: an array (N / PANEL, K / 2, PANEL, 2) of uint16. A tile of up
 * to 12 rows of x is multiplied by one panel with its accumulators in registers.
 *
 * With `gelu`, the output is BERT's exact (erf) GELU of the product: erf by Abramowitz and Stegun 7.1.26
 * (within 1.5e-7) and exp by a Cephes polynomial, as the numpy path computes it (encoder.py's `_gelu_`).
 *
 * Paths are chosen at run time (`level()`): 3 = AVX-512F + AVX512_BF16, 2 = AVX-512F, 1 = AVX2 + FMA,
 * 0 = none (the caller uses numpy). Each has its own function-level target attribute, so the module is
 * built without global -m flags and loads on any x86-64; elsewhere it builds with no paths at all.
 *
 *   gemm(x float32[M*K], w uint16[N*K], bias float32[N], out float32[M*N], M, K, N, level, gelu)
 *
 * And the layers' residual add and layer normalisation in one pass over each row (`add_norm`, plain C:
 * numpy took 25-35 us a call for a question's rows, 13 calls a pass; with AVX-512F eight rows at a time,
 * the same bits: a row's running sums wait on each addition, eight rows' chains interleave), the rows'
 * rounding to bfloat16 sixteen values at a time (the same integer steps), and each text's attention over its
 * own rows (`attention`, AVX-512F only: numpy's twelve small products and softmax a text took 40 us a
 * layer for a 15-token question, this 19). And `forward`: every layer of a pass in one call, the same
 * steps in the same order as encoder.py's `_layer` (so the same bits), without its 42 Python calls a pass.
 * `forward` with int8=1 multiplies in int8 instead (_int8_kernels.h; `vnni()` says whether it can).
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "_halfgemm_kernels.h"
#include "_int8_kernels.h"

static int take(PyObject *obj, Py_buffer *view, Py_ssize_t itemsize, Py_ssize_t items, int writable,
                const char *name) {
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS | (writable ? PyBUF_WRITABLE : 0)) < 0)
        return -1;
    if (view->itemsize != itemsize || view->len != itemsize * items) {
        PyErr_Format(PyExc_ValueError, "%s: expected %zd items of %zd bytes, got %zd bytes", name, items,
                     itemsize, view->len);
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

static PyObject *py_gemm(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *ox, *ow, *ob, *oy;
    Py_ssize_t M, K, N;
    int level, gelu;
    if (!PyArg_ParseTuple(args, "OOOOnnnip", &ox, &ow, &ob, &oy, &M, &K, &N, &level, &gelu))
        return NULL;
    if (M < 0 || K <= 0 || K % 2 != 0 || N <= 0 || N % PANEL != 0) {
        PyErr_Format(PyExc_ValueError, "bad shape (%zd, %zd, %zd): K must be even, N a multiple of %d", M,
                     K, N, PANEL);
        return NULL;
    }
    if (level < 1 || level > best_level()) {
        PyErr_Format(PyExc_ValueError, "level %d is not available on this CPU", level);
        return NULL;
    }
    Py_buffer x, w, b, y;
    if (take(ox, &x, 4, M * K, 0, "x") < 0)
        return NULL;
    if (take(ow, &w, 2, N * K, 0, "w") < 0)
        goto fail_x;
    if (take(ob, &b, 4, N, 0, "bias") < 0)
        goto fail_w;
    if (take(oy, &y, 4, M * N, 1, "out") < 0)
        goto fail_b;
    uint16_t *rounded = malloc((size_t)(M * K + 1) * sizeof(uint16_t));
    if (rounded == NULL) {
        PyErr_NoMemory();
        goto fail_y;
    }
    Py_BEGIN_ALLOW_THREADS;
    round_rows((const float *)x.buf, M * K, rounded);
    gemm(level, rounded, M, K, (const uint16_t *)w.buf, N, (const float *)b.buf, (float *)y.buf, gelu);
    Py_END_ALLOW_THREADS;
    free(rounded);
    PyBuffer_Release(&y);
    PyBuffer_Release(&b);
    PyBuffer_Release(&w);
    PyBuffer_Release(&x);
    Py_RETURN_NONE;
fail_y:
    PyBuffer_Release(&y);
fail_b:
    PyBuffer_Release(&b);
fail_w:
    PyBuffer_Release(&w);
fail_x:
    PyBuffer_Release(&x);
    return NULL;
}

static PyObject *py_gelu(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *oy;
    int level;
    if (!PyArg_ParseTuple(args, "Oi", &oy, &level))
        return NULL;
    if (level < 1 || level > best_level()) {
        PyErr_Format(PyExc_ValueError, "level %d is not available on this CPU", level);
        return NULL;
    }
    Py_buffer y;
    if (PyObject_GetBuffer(oy, &y, PyBUF_C_CONTIGUOUS | PyBUF_WRITABLE | PyBUF_FORMAT) < 0)
        return NULL;
    if (y.itemsize != 4 || y.format == NULL || strcmp(y.format, "f") != 0) {
        PyErr_SetString(PyExc_ValueError, "gelu: expected float32");
        PyBuffer_Release(&y);
        return NULL;
    }
    Py_BEGIN_ALLOW_THREADS;
#if HAVE_X86
    if (level >= 2)
        gelu_512((float *)y.buf, y.len / 4);
    else
#endif
        gelu_scalar((float *)y.buf, y.len / 4);
    Py_END_ALLOW_THREADS;
    PyBuffer_Release(&y);
    Py_RETURN_NONE;
}

static PyObject *py_add_norm(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *ox, *ores, *ow, *ob;
    Py_ssize_t rows, width;
    float eps;
    int level = best_level();
    if (!PyArg_ParseTuple(args, "OOOOnnf|i", &ox, &ores, &ow, &ob, &rows, &width, &eps, &level))
        return NULL;
    if (rows < 0 || width <= 0) {
        PyErr_SetString(PyExc_ValueError, "bad shape");
        return NULL;
    }
    Py_buffer x, res = {0}, w, b;
    const int with_res = ores != Py_None;
    if (take(ox, &x, 4, rows * width, 1, "x") < 0)
        return NULL;
    if (with_res && take(ores, &res, 4, rows * width, 0, "residual") < 0)
        goto fail_x;
    if (take(ow, &w, 4, width, 0, "weight") < 0)
        goto fail_res;
    if (take(ob, &b, 4, width, 0, "bias") < 0)
        goto fail_w;
    Py_BEGIN_ALLOW_THREADS;
    add_norm(level, (float *)x.buf, with_res ? (const float *)res.buf : NULL, (const float *)w.buf,
             (const float *)b.buf, rows, width, eps);
    Py_END_ALLOW_THREADS;
    PyBuffer_Release(&b);
    PyBuffer_Release(&w);
    if (with_res)
        PyBuffer_Release(&res);
    PyBuffer_Release(&x);
    Py_RETURN_NONE;
fail_w:
    PyBuffer_Release(&w);
fail_res:
    if (with_res)
        PyBuffer_Release(&res);
fail_x:
    PyBuffer_Release(&x);
    return NULL;
}

static PyObject *py_attention(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *oqkv, *obounds, *octx;
    Py_ssize_t rows, hidden, heads, texts;
    if (!PyArg_ParseTuple(args, "OOOnnnn", &oqkv, &obounds, &octx, &rows, &hidden, &heads, &texts))
        return NULL;
    if (best_level() < 2 || rows < 0 || texts < 0 || heads <= 0 || hidden % heads != 0 ||
        (hidden / heads) % 16 != 0) {
        PyErr_SetString(PyExc_ValueError, "attention: no AVX-512F, or heads not a multiple of 16 wide");
        return NULL;
    }
    Py_buffer qkv, bounds, ctx;
    if (take(oqkv, &qkv, 4, rows * 3 * hidden, 0, "qkv") < 0)
        return NULL;
    if (take(obounds, &bounds, 8, texts + 1, 0, "bounds") < 0)
        goto fail_qkv;
    if (take(octx, &ctx, 4, rows * hidden, 1, "context") < 0)
        goto fail_bounds;
    const int64_t *at = (const int64_t *)bounds.buf;
    Py_ssize_t longest = 0;
    for (Py_ssize_t t = 0; t < texts; t++) {
        if (at[t] < 0 || at[t] >= at[t + 1] || at[t + 1] > rows) {
            PyErr_SetString(PyExc_ValueError, "attention: bounds must rise within the rows");
            goto fail_ctx;
        }
        if (at[t + 1] - at[t] > longest)
            longest = at[t + 1] - at[t];
    }
    const Py_ssize_t lanes = (longest + 15) / 16 * 16, size = hidden / heads;
    float *scratch = malloc((size_t)((size + 1) * lanes + 1) * sizeof(float));
    if (scratch == NULL) {
        PyErr_NoMemory();
        goto fail_ctx;
    }
    Py_BEGIN_ALLOW_THREADS;
#if HAVE_X86
    for (Py_ssize_t t = 0; t < texts; t++)
        attend_512((const float *)qkv.buf + at[t] * 3 * hidden, at[t + 1] - at[t], hidden, heads,
                   (float *)ctx.buf + at[t] * hidden, scratch, scratch + size * lanes);
#endif
    Py_END_ALLOW_THREADS;
    free(scratch);
    PyBuffer_Release(&ctx);
    PyBuffer_Release(&bounds);
    PyBuffer_Release(&qkv);
    Py_RETURN_NONE;
fail_ctx:
    PyBuffer_Release(&ctx);
fail_bounds:
    PyBuffer_Release(&bounds);
fail_qkv:
    PyBuffer_Release(&qkv);
    return NULL;
}

/* The weights of one layer, in this order, each a C-contiguous buffer (forward's `layers` items). */
enum { QKV_W, QKV_B, OUT_W, OUT_B, N1_W, N1_B, UP_W, UP_B, DOWN_W, DOWN_B, N2_W, N2_B, PARTS };

/* Rows a hidden row of each part holds (times hidden or ffn below), and its item size. */
static int part_shape(int part, Py_ssize_t h, Py_ssize_t f, int int8, Py_ssize_t *items) {
    const Py_ssize_t sizes[PARTS] = {3 * h * h, 3 * h, h * h, h, h, h, f * h, f, h * f, h, h, h};
    const Py_ssize_t bytes[PARTS] = {int8_bytes(h, 3 * h), 0, int8_bytes(h, h), 0, 0, 0, int8_bytes(h, f), 0,
                                     int8_bytes(f, h), 0, 0, 0};
    const int matrix = part == QKV_W || part == OUT_W || part == UP_W || part == DOWN_W;
    *items = matrix && int8 ? bytes[part] : sizes[part];
    return matrix ? (int8 ? 1 : 2) : 4;
}

/* y = x @ W + b (GELU if asked) by `level`'s bfloat16 path, or in int8 (`rounded` then holds the bytes). */
static void product(int level, int int8, const float *x, Py_ssize_t M, Py_ssize_t K, const void *w,
                    Py_ssize_t N, const float *b, float *y, int gelu, uint16_t *rounded) {
    if (int8) {
        uint8_t *q = (uint8_t *)rounded;
        float *scales = (float *)(q + (M * K + 3) / 4 * 4);
#if HAVE_X86
        if (K % 16 == 0)
            quantise_512(x, M, K, q, scales);
        else
#endif
            quantise_rows(x, M, K, q, scales);
        gemm_int8(q, scales, M, K, w, N, b, y, gelu);
        return;
    }
    round_rows(x, M * K, rounded);
    gemm(level, rounded, M, K, w, N, b, y, gelu);
}

/* Every layer over the stacked rows x, in place: the very calls (and order) of encoder.py's `_layer`
 * (qkv product, each text's attention, output product, add + norm, up product with GELU, down product,
 * add + norm) on buffers made once, so the result is the same to the bit, with no Python call a step. */
static void run_layers(int level, int int8, float *x, const int64_t *at, Py_ssize_t texts, Py_ssize_t rows,
                       Py_ssize_t h, Py_ssize_t f, Py_ssize_t heads, float eps, Py_buffer *parts,
                       Py_ssize_t count, float *work, uint16_t *rounded, float *scratch, Py_ssize_t lanes) {
    float *qkv = work, *ctx = qkv + rows * 3 * h, *att = ctx + rows * h, *ffn = att + rows * h;
    const Py_ssize_t size = h / heads;
    for (Py_ssize_t l = 0; l < count; l++) {
        const Py_buffer *p = parts + l * PARTS;
#define W(i) ((const void *)p[i].buf)
#define F(i) ((const float *)p[i].buf)
        product(level, int8, x, rows, h, W(QKV_W), 3 * h, F(QKV_B), qkv, 0, rounded);
#if HAVE_X86
        for (Py_ssize_t t = 0; t < texts; t++)
            attend_512(qkv + at[t] * 3 * h, at[t + 1] - at[t], h, heads, ctx + at[t] * h, scratch,
                       scratch + size * lanes);
#endif
        product(level, int8, ctx, rows, h, W(OUT_W), h, F(OUT_B), att, 0, rounded);
        add_norm(level, att, x, F(N1_W), F(N1_B), rows, h, eps);
        product(level, int8, att, rows, h, W(UP_W), f, F(UP_B), ffn, 1, rounded);
        product(level, int8, ffn, rows, f, W(DOWN_W), h, F(DOWN_B), x, 0, rounded);
        add_norm(level, x, att, F(N2_W), F(N2_B), rows, h, eps);
#undef W
#undef F
    }
}

static PyObject *py_forward(PyObject *self, PyObject *args) {
    (void)self;
    PyObject *ox, *obounds, *olayers;
    Py_ssize_t rows, h, f, heads, texts;
    int level, int8 = 0;
    float eps;
    if (!PyArg_ParseTuple(args, "OOOnnnnnif|p", &ox, &obounds, &olayers, &rows, &h, &f, &heads, &texts, &level,
                          &eps, &int8))
        return NULL;
    if (level < 2 || level > best_level() || (int8 && (!has_vnni() || h % 4 != 0)) || rows <= 0 || texts <= 0 || heads <= 0 || h % heads != 0 ||
        (h / heads) % 16 != 0 || h % PANEL != 0 || f % PANEL != 0) {
        PyErr_SetString(PyExc_ValueError, "forward: needs AVX-512F, heads 16-wide, widths in panels");
        return NULL;
    }
    PyObject *layers = PySequence_Fast(olayers, "forward: layers must be a sequence");
    if (layers == NULL)
        return NULL;
    const Py_ssize_t count = PySequence_Fast_GET_SIZE(layers);
    Py_buffer x, bounds, *parts = calloc((size_t)(count * PARTS + 1), sizeof(Py_buffer));
    Py_ssize_t taken = 0;
    PyObject *result = NULL;
    float *work = NULL, *scratch = NULL;
    uint16_t *rounded = NULL;
    if (parts == NULL) {
        Py_DECREF(layers);
        return PyErr_NoMemory();
    }
    if (take(ox, &x, 4, rows * h, 1, "x") < 0)
        goto done_parts;
    if (take(obounds, &bounds, 8, texts + 1, 0, "bounds") < 0)
        goto done_x;
    for (Py_ssize_t l = 0; l < count; l++) {
        PyObject *layer = PySequence_Fast(PySequence_Fast_GET_ITEM(layers, l), "forward: a layer is a sequence");
        if (layer == NULL)
            goto done;
        if (PySequence_Fast_GET_SIZE(layer) != PARTS) {
            PyErr_Format(PyExc_ValueError, "forward: a layer has %d parts", PARTS);
            Py_DECREF(layer);
            goto done;
        }
        for (int i = 0; i < PARTS; i++) {
            Py_ssize_t items;
            const int itemsize = part_shape(i, h, f, int8, &items);
            if (take(PySequence_Fast_GET_ITEM(layer, i), &parts[taken], itemsize, items, 0, "layer part") < 0) {
                Py_DECREF(layer);
                goto done;
            }
            taken++;
        }
        Py_DECREF(layer);
    }
    const int64_t *at = (const int64_t *)bounds.buf;
    Py_ssize_t longest = 0;
    for (Py_ssize_t t = 0; t < texts; t++) {
        if (at[t] < 0 || at[t] >= at[t + 1] || at[t + 1] > rows || (t == 0 && at[0] != 0)) {
            PyErr_SetString(PyExc_ValueError, "forward: bounds must rise within the rows");
            goto done;
        }
        if (at[t + 1] - at[t] > longest)
            longest = at[t + 1] - at[t];
    }
    const Py_ssize_t lanes = (longest + 15) / 16 * 16, widest = f > h ? f : h;
    work = malloc((size_t)(rows * (5 * h + f)) * sizeof(float));
    rounded = malloc((size_t)(rows * widest + 1) * sizeof(uint16_t));
    scratch = malloc((size_t)((h / heads + 1) * lanes + 1) * sizeof(float));
    if (work == NULL || rounded == NULL || scratch == NULL) {
        PyErr_NoMemory();
        goto done;
    }
    Py_BEGIN_ALLOW_THREADS;
    run_layers(level, int8, (float *)x.buf, at, texts, rows, h, f, heads, eps, parts, count, work, rounded, scratch,
               lanes);
    Py_END_ALLOW_THREADS;
    result = Py_None;
    Py_INCREF(result);
done:
    free(work);
    free(rounded);
    free(scratch);
    for (Py_ssize_t i = 0; i < taken; i++)
        PyBuffer_Release(&parts[i]);
    PyBuffer_Release(&bounds);
done_x:
    PyBuffer_Release(&x);
done_parts:
    free(parts);
    Py_DECREF(layers);
    return result;
}

static PyObject *py_level(PyObject *self, PyObject *args) {
    (void)self, (void)args;
    return PyLong_FromLong(best_level());
}

static PyObject *py_vnni(PyObject *self, PyObject *args) {
    (void)self, (void)args;
    return PyBool_FromLong(has_vnni());
}

static PyMethodDef methods[] = {
    {"gemm", py_gemm, METH_VARARGS,
     "gemm(x, w, bias, out, M, K, N, level, gelu): out = bf16(x) @ W + bias, then GELU if gelu"},
    {"gelu", py_gelu, METH_VARARGS, "gelu(y, level): y = GELU(y) in place (float32)"},
    {"add_norm", py_add_norm, METH_VARARGS,
     "add_norm(x, residual or None, weight, bias, rows, width, eps[, level]): x = LayerNorm(x + residual); "
     "level below 2: the scalar path"},
    {"attention", py_attention, METH_VARARGS,
     "attention(qkv, bounds, context, rows, hidden, heads, texts): each text's attention (AVX-512F)"},
    {"forward", py_forward, METH_VARARGS,
     "forward(x, bounds, layers, rows, hidden, ffn, heads, texts, level, eps, int8=False): every layer over x"},
    {"vnni", py_vnni, METH_NOARGS, "vnni(): whether forward's int8 products run here (AVX512_VNNI)"},
    {"level", py_level, METH_NOARGS, "level(): 3 AVX512_BF16, 2 AVX-512F, 1 AVX2 + FMA, 0 none"},
    {NULL, NULL, 0, NULL},
};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_halfgemm", NULL, -1, methods, NULL, NULL, NULL,
                                    NULL};

PyMODINIT_FUNC PyInit__halfgemm(void) { return PyModule_Create(&module); }
