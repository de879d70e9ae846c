/* The compute of bot/semantic/_halfgemm.c (included there once, after Python.h): the tiles of each path,
 * the GELU, the residual add with layer norm, the run-time choice of path and the gemm driver. See the
 * module's comment for the layout and the numerics.
 */
#ifndef SUMMITBOT_HALFGEMM_KERNELS_H
#define SUMMITBOT_HALFGEMM_KERNELS_H

#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#define PANEL 32
#define MR_WIDE 12 /* rows a tile at most, AVX-512: 24 accumulators */
#define MR_AVX2 2  /* AVX2: 8 accumulators in 16 registers */

/* float32 -> bfloat16, to nearest, ties to even (finite values). */
static inline uint16_t to_bf16(float f) {
    uint32_t u;
    memcpy(&u, &f, 4);
    u += 0x7FFFu + ((u >> 16) & 1u);
    return (uint16_t)(u >> 16);
}

static void round_rows_scalar(const float *x, Py_ssize_t n, uint16_t *out) {
    for (Py_ssize_t i = 0; i < n; i++)
        out[i] = to_bf16(x[i]);
}

/* The GELU's scalar form (the tails of the vector paths, and AVX2's). */
static const float ERF_P = 0.3275911f;
static const float ERF_A[5] = {0.254829592f, -0.284496736f, 1.421413741f, -1.453152027f, 1.061405429f};

static float gelu1(float h) {
    const float z = h * 0.70710678118654752f, a = fabsf(z);
    const float t = 1.0f / (1.0f + ERF_P * a);
    float q = ERF_A[4] * t;
    for (int i = 3; i >= 0; i--)
        q = (q + ERF_A[i]) * t;
    q *= expf(-a * a);                       /* 1 - erf(|z|) */
    const float phi = z >= 0.0f ? 1.0f - 0.5f * q : 0.5f * q;
    return h * phi;
}

static void gelu_scalar(float *y, Py_ssize_t n) {
    for (Py_ssize_t i = 0; i < n; i++)
        y[i] = gelu1(y[i]);
}

#if defined(__GNUC__) && defined(__x86_64__)
#define HAVE_X86 1
#include <immintrin.h>

#define T_BF16 __attribute__((target("avx512f,avx512bf16")))
#define T_512 __attribute__((target("avx512f")))
#define T_AVX2 __attribute__((target("avx2,fma")))

/* A 512-bit tile's MR x 2 accumulators, started from the panel's bias, and their store into y. */
#define OPEN_512(MR)                                                                                     \
    __m512 a0[MR], a1[MR];                                                                               \
    const __m512 b0 = _mm512_loadu_ps(b), b1 = _mm512_loadu_ps(b + 16);                                 \
    _Pragma("GCC unroll 16") for (int r = 0; r < MR; r++) {                                              \
        a0[r] = b0;                                                                                      \
        a1[r] = b1;                                                                                      \
    }
#define CLOSE_512(MR)                                                                                    \
    _Pragma("GCC unroll 16") for (int r = 0; r < MR; r++) {                                              \
        _mm512_storeu_ps(y + r * N, a0[r]);                                                              \
        _mm512_storeu_ps(y + r * N + 16, a1[r]);                                                         \
    }

/* Level 3: MR rows of bf16 x (stride K) by one panel, into MR rows of y (stride N), from the bias. */
#define TILE_BF16(MR)                                                                                    \
    T_BF16 static void bf16_##MR(const uint16_t *x, Py_ssize_t K, const uint16_t *w, const float *b,     \
                                 float *y, Py_ssize_t N) {                                                \
        OPEN_512(MR);                                                                                    \
        for (Py_ssize_t k = 0; k < K; k += 2) {                                                          \
            const uint16_t *line = w + k * PANEL;                                                        \
            const __m512bh w0 = (__m512bh)_mm512_loadu_si512(line);                                     \
            const __m512bh w1 = (__m512bh)_mm512_loadu_si512(line + PANEL);                              \
            _Pragma("GCC unroll 16") for (int r = 0; r < MR; r++) {                                      \
                int32_t pair;                                                                            \
                memcpy(&pair, x + r * K + k, 4);                                                         \
                const __m512bh v = (__m512bh)_mm512_set1_epi32(pair);                                    \
                a0[r] = _mm512_dpbf16_ps(a0[r], v, w0);                                                  \
                a1[r] = _mm512_dpbf16_ps(a1[r], v, w1);                                                  \
            }                                                                                            \
        }                                                                                                \
        CLOSE_512(MR);                                                                                   \
    }

/* Level 2: the same products as float32 multiply-adds, the weights widened from bfloat16 by shifts. */
#define BF16_AT(x, i) _mm512_castsi512_ps(_mm512_set1_epi32((int32_t)((uint32_t)(x)[i] << 16)))
#define TILE_512(MR)                                                                                     \
    T_512 static void f32_##MR(const uint16_t *x, Py_ssize_t K, const uint16_t *w, const float *b,       \
                               float *y, Py_ssize_t N) {                                                  \
        OPEN_512(MR);                                                                                    \
        const __m512i high = _mm512_set1_epi32((int32_t)0xFFFF0000u);                                    \
        for (Py_ssize_t k = 0; k < K; k += 2) {                                                          \
            const uint16_t *line = w + k * PANEL;                                                        \
            const __m512i v0 = _mm512_loadu_si512(line), v1 = _mm512_loadu_si512(line + PANEL);          \
            const __m512 e0 = _mm512_castsi512_ps(_mm512_slli_epi32(v0, 16));                            \
            const __m512 o0 = _mm512_castsi512_ps(_mm512_and_si512(v0, high));                           \
            const __m512 e1 = _mm512_castsi512_ps(_mm512_slli_epi32(v1, 16));                            \
            const __m512 o1 = _mm512_castsi512_ps(_mm512_and_si512(v1, high));                           \
            _Pragma("GCC unroll 16") for (int r = 0; r < MR; r++) {                                      \
                const __m512 s = BF16_AT(x + r * K, k), t = BF16_AT(x + r * K, k + 1);                   \
                a0[r] = _mm512_fmadd_ps(t, o0, _mm512_fmadd_ps(s, e0, a0[r]));                           \
                a1[r] = _mm512_fmadd_ps(t, o1, _mm512_fmadd_ps(s, e1, a1[r]));                           \
            }                                                                                            \
        }                                                                                                \
        CLOSE_512(MR);                                                                                   \
    }

#define CASES(PREFIX)                                                                                    \
    switch (mr) {                                                                                        \
    case 1: PREFIX##_1(x, K, w, b, y, N); break;                                                         \
    case 2: PREFIX##_2(x, K, w, b, y, N); break;                                                         \
    case 3: PREFIX##_3(x, K, w, b, y, N); break;                                                         \
    case 4: PREFIX##_4(x, K, w, b, y, N); break;                                                         \
    case 5: PREFIX##_5(x, K, w, b, y, N); break;                                                         \
    case 6: PREFIX##_6(x, K, w, b, y, N); break;                                                         \
    case 7: PREFIX##_7(x, K, w, b, y, N); break;                                                         \
    case 8: PREFIX##_8(x, K, w, b, y, N); break;                                                         \
    case 9: PREFIX##_9(x, K, w, b, y, N); break;                                                         \
    case 10: PREFIX##_10(x, K, w, b, y, N); break;                                                       \
    case 11: PREFIX##_11(x, K, w, b, y, N); break;                                                       \
    default: PREFIX##_12(x, K, w, b, y, N); break;                                                       \
    }

#define EACH_MR(TILE) TILE(1) TILE(2) TILE(3) TILE(4) TILE(5) TILE(6) TILE(7) TILE(8) TILE(9) TILE(10) \
    TILE(11) TILE(12)
EACH_MR(TILE_BF16)
EACH_MR(TILE_512)

T_BF16 static void tile_bf16(int mr, const uint16_t *x, Py_ssize_t K, const uint16_t *w, const float *b,
                             float *y, Py_ssize_t N) {
    CASES(bf16)
}

T_512 static void tile_512(int mr, const uint16_t *x, Py_ssize_t K, const uint16_t *w, const float *b,
                           float *y, Py_ssize_t N) {
    CASES(f32)
}

/* Level 1: a panel is four 8-float vectors of columns; two rows keep their accumulators in registers. */
#define TILE_AVX2(MR)                                                                                    \
    T_AVX2 static void avx2_##MR(const uint16_t *x, Py_ssize_t K, const uint16_t *w, const float *b,     \
                                 float *y, Py_ssize_t N) {                                                \
        __m256 a[MR][4];                                                                                 \
        const __m256i high = _mm256_set1_epi32((int32_t)0xFFFF0000u);                                    \
        for (int r = 0; r < MR; r++)                                                                     \
            for (int j = 0; j < 4; j++)                                                                  \
                a[r][j] = _mm256_loadu_ps(b + 8 * j);                                                    \
        for (Py_ssize_t k = 0; k < K; k += 2) {                                                          \
            const uint16_t *line = w + k * PANEL;                                                        \
            for (int j = 0; j < 4; j++) {                                                                \
                const __m256i v = _mm256_loadu_si256((const __m256i *)(line + 16 * j));                  \
                const __m256 e = _mm256_castsi256_ps(_mm256_slli_epi32(v, 16));                          \
                const __m256 o = _mm256_castsi256_ps(_mm256_and_si256(v, high));                         \
                for (int r = 0; r < MR; r++) {                                                           \
                    const __m256 s = _mm256_castsi256_ps(                                                \
                        _mm256_set1_epi32((int32_t)((uint32_t)x[r * K + k] << 16)));                     \
                    const __m256 t = _mm256_castsi256_ps(                                                \
                        _mm256_set1_epi32((int32_t)((uint32_t)x[r * K + k + 1] << 16)));                 \
                    a[r][j] = _mm256_fmadd_ps(t, o, _mm256_fmadd_ps(s, e, a[r][j]));                     \
                }                                                                                        \
            }                                                                                            \
        }                                                                                                \
        for (int r = 0; r < MR; r++)                                                                     \
            for (int j = 0; j < 4; j++)                                                                  \
                _mm256_storeu_ps(y + r * N + 8 * j, a[r][j]);                                            \
    }

TILE_AVX2(1)
TILE_AVX2(2)

T_AVX2 static void tile_avx2(int mr, const uint16_t *x, Py_ssize_t K, const uint16_t *w, const float *b,
                             float *y, Py_ssize_t N) {
    if (mr == 1)
        avx2_1(x, K, w, b, y, N);
    else
        avx2_2(x, K, w, b, y, N);
}

/* exp(u) for u <= 0 (Cephes expf: u = n ln 2 + r, a degree-5 polynomial in r, scaled by 2^n). */
T_512 static inline __m512 exp_512(__m512 u) {
    u = _mm512_max_ps(u, _mm512_set1_ps(-87.0f));
    const __m512 n = _mm512_roundscale_ps(_mm512_mul_ps(u, _mm512_set1_ps(1.44269504088896341f)),
                                          _MM_FROUND_TO_NEAREST_INT | _MM_FROUND_NO_EXC);
    __m512 r = _mm512_fnmadd_ps(n, _mm512_set1_ps(0.693359375f), u);
    r = _mm512_fnmadd_ps(n, _mm512_set1_ps(-2.12194440e-4f), r);
    __m512 p = _mm512_set1_ps(1.9875691500e-4f);
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.3981999507e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(8.3334519073e-3f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(4.1665795894e-2f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(1.6666665459e-1f));
    p = _mm512_fmadd_ps(p, r, _mm512_set1_ps(5.0000001201e-1f));
    p = _mm512_fmadd_ps(_mm512_mul_ps(p, r), r, _mm512_add_ps(r, _mm512_set1_ps(1.0f)));
    return _mm512_scalef_ps(p, n);
}

T_512 static void gelu_512(float *y, Py_ssize_t n) {
    Py_ssize_t i = 0;
    const __m512 one = _mm512_set1_ps(1.0f), half = _mm512_set1_ps(0.5f);
    const __m512i sign = _mm512_set1_epi32((int32_t)0x80000000u);
    for (; i + 16 <= n; i += 16) {
        const __m512 h = _mm512_loadu_ps(y + i);
        const __m512 z = _mm512_mul_ps(h, _mm512_set1_ps(0.70710678118654752f));
        const __m512 a = _mm512_castsi512_ps(_mm512_andnot_si512(sign, _mm512_castps_si512(z)));
        const __m512 t = _mm512_div_ps(one, _mm512_fmadd_ps(_mm512_set1_ps(ERF_P), a, one));
        __m512 q = _mm512_mul_ps(_mm512_set1_ps(ERF_A[4]), t);
        for (int j = 3; j >= 0; j--)
            q = _mm512_mul_ps(_mm512_add_ps(q, _mm512_set1_ps(ERF_A[j])), t);
        q = _mm512_mul_ps(q, exp_512(_mm512_sub_ps(_mm512_setzero_ps(), _mm512_mul_ps(a, a))));
        /* Phi = 0.5 + sign(z) * (0.5 - q / 2) */
        const __m512 m = _mm512_fnmadd_ps(q, half, half);
        const __m512 s = _mm512_castsi512_ps(_mm512_or_si512(
            _mm512_castps_si512(m), _mm512_and_si512(_mm512_castps_si512(z), sign)));
        _mm512_storeu_ps(y + i, _mm512_mul_ps(h, _mm512_add_ps(half, s)));
    }
    gelu_scalar(y + i, n - i);
}

/* One text's self-attention, head by head (AVX-512F): qkv holds its n rows (stride 3 * hidden: the query,
 * already scaled, the key, the value), context its n output rows (stride hidden). `kt` is scratch for
 * size * lanes floats (a head's keys transposed, so a query's n scores are multiply-adds across lanes;
 * lanes = n rounded up to 16) and `s` for lanes. The softmax subtracts its maximum, exponentiates (the
 * GELU's Cephes exp) and divides by the sum, as numpy's path does; the value rows are then summed with
 * those weights. */
T_512 static void attend_512(const float *qkv, Py_ssize_t n, Py_ssize_t hidden, Py_ssize_t heads,
                             float *context, float *kt, float *s) {
    const Py_ssize_t size = hidden / heads, lanes = (n + 15) / 16 * 16, stride = 3 * hidden;
    const __mmask16 tail = (__mmask16)((1u << (n % 16 ? n % 16 : 16)) - 1u);
    for (Py_ssize_t h = 0; h < heads; h++) {
        const float *q = qkv + h * size, *k = qkv + hidden + h * size, *v = qkv + 2 * hidden + h * size;
        for (Py_ssize_t d = 0; d < size; d++) {
            for (Py_ssize_t j = 0; j < n; j++)
                kt[d * lanes + j] = k[j * stride + d];
            for (Py_ssize_t j = n; j < lanes; j++)
                kt[d * lanes + j] = 0.0f;
        }
        for (Py_ssize_t i = 0; i < n; i++) {
            __m512 most = _mm512_set1_ps(-INFINITY);
            const float *qi = q + i * stride;
            for (Py_ssize_t c = 0; c < lanes; c += 16) {
                __m512 acc[4] = {_mm512_setzero_ps(), _mm512_setzero_ps(), _mm512_setzero_ps(),
                                 _mm512_setzero_ps()}; /* four chains: size is a multiple of 16 */
                for (Py_ssize_t d = 0; d < size; d += 4)
                    for (int u = 0; u < 4; u++)
                        acc[u] = _mm512_fmadd_ps(_mm512_set1_ps(qi[d + u]),
                                                 _mm512_loadu_ps(kt + (d + u) * lanes + c), acc[u]);
                acc[0] = _mm512_add_ps(_mm512_add_ps(acc[0], acc[1]), _mm512_add_ps(acc[2], acc[3]));
                _mm512_storeu_ps(s + c, acc[0]);
                most = _mm512_mask_max_ps(most, c + 16 < lanes ? (__mmask16)0xFFFF : tail, most, acc[0]);
            }
            const __m512 top = _mm512_set1_ps(_mm512_reduce_max_ps(most));
            __m512 total = _mm512_setzero_ps();
            for (Py_ssize_t c = 0; c < lanes; c += 16) {
                const __mmask16 m = c + 16 < lanes ? (__mmask16)0xFFFF : tail;
                const __m512 e = _mm512_maskz_mov_ps(m, exp_512(_mm512_sub_ps(_mm512_loadu_ps(s + c), top)));
                _mm512_storeu_ps(s + c, e);
                total = _mm512_add_ps(total, e);
            }
            const __m512 sum = _mm512_set1_ps(_mm512_reduce_add_ps(total));
            for (Py_ssize_t c = 0; c < lanes; c += 16)
                _mm512_storeu_ps(s + c, _mm512_div_ps(_mm512_loadu_ps(s + c), sum));
            for (Py_ssize_t d = 0; d < size; d += 16) {
                __m512 even = _mm512_setzero_ps(), odd = _mm512_setzero_ps(); /* two chains */
                Py_ssize_t j = 0;
                for (; j + 2 <= n; j += 2) {
                    even = _mm512_fmadd_ps(_mm512_set1_ps(s[j]), _mm512_loadu_ps(v + j * stride + d), even);
                    odd = _mm512_fmadd_ps(_mm512_set1_ps(s[j + 1]), _mm512_loadu_ps(v + (j + 1) * stride + d), odd);
                }
                if (j < n)
                    even = _mm512_fmadd_ps(_mm512_set1_ps(s[j]), _mm512_loadu_ps(v + j * stride + d), even);
                _mm512_storeu_ps(context + i * hidden + h * size + d, _mm512_add_ps(even, odd));
            }
        }
    }
}

static int detect(void) {
    __builtin_cpu_init();
    if (__builtin_cpu_supports("avx512f"))
        return __builtin_cpu_supports("avx512bf16") ? 3 : 2;
    if (__builtin_cpu_supports("avx2") && __builtin_cpu_supports("fma"))
        return 1;
    return 0;
}
#else
#define HAVE_X86 0
static int detect(void) { return 0; }
#endif

static int best_level(void) {
    static int found = -1;
    if (found < 0)
        found = detect();
    return found;
}

#if HAVE_X86
/* `to_bf16` sixteen values at a time: the same integer steps, so the same bits. */
T_512 static void round_rows_512(const float *x, Py_ssize_t n, uint16_t *out) {
    const __m512i half = _mm512_set1_epi32(0x7FFF), one = _mm512_set1_epi32(1);
    Py_ssize_t i = 0;
    for (; i + 16 <= n; i += 16) {
        const __m512i u = _mm512_loadu_si512(x + i);
        const __m512i odd = _mm512_and_si512(_mm512_srli_epi32(u, 16), one);
        const __m512i up = _mm512_add_epi32(u, _mm512_add_epi32(half, odd));
        _mm256_storeu_si256((__m256i *)(out + i), _mm512_cvtepi32_epi16(_mm512_srli_epi32(up, 16)));
    }
    round_rows_scalar(x + i, n - i, out + i);
}
#endif

/* x's n float32 values to bfloat16 (`to_bf16`), sixteen at a time where the CPU has AVX-512F. */
static void round_rows(const float *x, Py_ssize_t n, uint16_t *out) {
#if HAVE_X86
    if (best_level() >= 2) {
        round_rows_512(x, n, out);
        return;
    }
#endif
    round_rows_scalar(x, n, out);
}

/* Every panel, its row tiles split evenly (15 rows: 8 + 7, not 12 + 3), then the GELU if asked. */
static void gemm(int level, const uint16_t *x, Py_ssize_t M, Py_ssize_t K, const uint16_t *w, Py_ssize_t N,
                 const float *bias, float *y, int gelu) {
#if HAVE_X86
    const int most = level == 1 ? MR_AVX2 : MR_WIDE;
    const Py_ssize_t tiles = (M + most - 1) / most;
    for (Py_ssize_t p = 0; p < N / PANEL; p++) {
        const uint16_t *panel = w + p * K * PANEL;
        Py_ssize_t row = 0;
        for (Py_ssize_t t = 0; t < tiles; t++) {
            const Py_ssize_t left = tiles - t;
            const int mr = (int)((M - row + left - 1) / left);
            const uint16_t *xr = x + row * K;
            float *yr = y + row * N + p * PANEL;
            if (level == 3)
                tile_bf16(mr, xr, K, panel, bias + p * PANEL, yr, N);
            else if (level == 2)
                tile_512(mr, xr, K, panel, bias + p * PANEL, yr, N);
            else
                tile_avx2(mr, xr, K, panel, bias + p * PANEL, yr, N);
            row += mr;
        }
    }
    if (gelu) {
        if (level >= 2)
            gelu_512(y, M * N);
        else
            gelu_scalar(y, M * N);
    }
#else
    (void)level, (void)x, (void)M, (void)K, (void)w, (void)N, (void)bias, (void)y, (void)gelu;
#endif
}

/* Each row of x (rows, width): x += residual (when given), then layer normalisation in place. Sums in
 * double, four running ones (a single one waits on each addition's latency). The reference, and the path
 * below AVX-512F (`add_norm` dispatches). */
static void add_norm_scalar(float *x, const float *res, const float *w, const float *b, Py_ssize_t rows,
                            Py_ssize_t width, float eps) {
    for (Py_ssize_t r = 0; r < rows; r++) {
        float *row = x + r * width;
        if (res != NULL)
            for (Py_ssize_t i = 0; i < width; i++)
                row[i] += res[r * width + i];
        double s[4] = {0, 0, 0, 0}, v[4] = {0, 0, 0, 0};
        Py_ssize_t i = 0;
        for (; i + 4 <= width; i += 4)
            for (int j = 0; j < 4; j++)
                s[j] += row[i + j];
        for (; i < width; i++)
            s[0] += row[i];
        const float mean = (float)((s[0] + s[1] + s[2] + s[3]) / (double)width);
        for (i = 0; i < width; i++)
            row[i] -= mean;
        for (i = 0; i + 4 <= width; i += 4)
            for (int j = 0; j < 4; j++)
                v[j] += (double)row[i + j] * row[i + j];
        for (; i < width; i++)
            v[0] += (double)row[i] * row[i];
        const float scale = (float)(v[0] + v[1] + v[2] + v[3]) / (float)width + eps;
        const float inv = 1.0f / sqrtf(scale);
        for (i = 0; i < width; i++)
            row[i] = row[i] * inv * w[i] + b[i];
    }
}

#if HAVE_X86
#define NORM_ROWS 8 /* rows normalised together: their running sums are independent chains */

/* `add_norm_scalar`'s arithmetic, the same operations in the same order for every value, on up to
 * NORM_ROWS rows at once (width a multiple of 16): a row's four running double sums are the four lanes of
 * one 256-bit vector (lane j sums the elements j, j + 4, ...), as the scalar loop's s[j], and are added
 * lane 0 first as it adds them. Alone, a row's sum waits on each addition's latency; eight rows' chains
 * interleave, so the sums run at the adder's throughput. The squares are exact in double (products of two
 * floats), and contraction is off so no multiply and add are fused where the scalar code rounds twice. */
__attribute__((target("avx512f"), optimize("fp-contract=off"))) static void
norm_rows_512(float *x, const float *res, const float *w, const float *b, int count, Py_ssize_t width,
              float eps) {
    __m256d s[NORM_ROWS], v[NORM_ROWS];
    float mean[NORM_ROWS], inv[NORM_ROWS];
    for (int r = 0; r < count; r++) {
        s[r] = _mm256_setzero_pd();
        v[r] = _mm256_setzero_pd();
        if (res != NULL)
            for (Py_ssize_t i = 0; i < width; i += 16)
                _mm512_storeu_ps(x + r * width + i, _mm512_add_ps(_mm512_loadu_ps(x + r * width + i),
                                                                  _mm512_loadu_ps(res + r * width + i)));
    }
    for (Py_ssize_t i = 0; i < width; i += 4)
        for (int r = 0; r < count; r++)
            s[r] = _mm256_add_pd(s[r], _mm256_cvtps_pd(_mm_loadu_ps(x + r * width + i)));
    for (int r = 0; r < count; r++) {
        double l[4];
        _mm256_storeu_pd(l, s[r]);
        mean[r] = (float)((l[0] + l[1] + l[2] + l[3]) / (double)width);
        const __m512 m = _mm512_set1_ps(mean[r]);
        for (Py_ssize_t i = 0; i < width; i += 16)
            _mm512_storeu_ps(x + r * width + i, _mm512_sub_ps(_mm512_loadu_ps(x + r * width + i), m));
    }
    for (Py_ssize_t i = 0; i < width; i += 4)
        for (int r = 0; r < count; r++) {
            const __m256d d = _mm256_cvtps_pd(_mm_loadu_ps(x + r * width + i));
            v[r] = _mm256_add_pd(v[r], _mm256_mul_pd(d, d));
        }
    for (int r = 0; r < count; r++) {
        double l[4];
        _mm256_storeu_pd(l, v[r]);
        const float scale = (float)(l[0] + l[1] + l[2] + l[3]) / (float)width + eps;
        inv[r] = 1.0f / sqrtf(scale);
        const __m512 k = _mm512_set1_ps(inv[r]);
        float *row = x + r * width;
        for (Py_ssize_t i = 0; i < width; i += 16) {
            const __m512 scaled = _mm512_mul_ps(_mm512_mul_ps(_mm512_loadu_ps(row + i), k), _mm512_loadu_ps(w + i));
            _mm512_storeu_ps(row + i, _mm512_add_ps(scaled, _mm512_loadu_ps(b + i)));
        }
    }
}
#endif

/* `add_norm_scalar`, by `norm_rows_512` NORM_ROWS rows at a time where `level` has AVX-512F (2 and 3) and
 * the width is a multiple of 16: the same values, bit for bit (tests/test_semantic_load.py). */
static void add_norm(int level, float *x, const float *res, const float *w, const float *b, Py_ssize_t rows,
                     Py_ssize_t width, float eps) {
#if HAVE_X86
    if (level >= 2 && best_level() >= 2 && width % 16 == 0) {
        for (Py_ssize_t r = 0; r < rows; r += NORM_ROWS) {
            const int count = (int)(rows - r < NORM_ROWS ? rows - r : NORM_ROWS);
            norm_rows_512(x + r * width, res != NULL ? res + r * width : NULL, w, b, count, width, eps);
        }
        return;
    }
#endif
    (void)level;
    add_norm_scalar(x, res, w, b, rows, width, eps);
}

#endif
