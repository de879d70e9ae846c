/* The int8 products of bot/semantic/_halfgemm.c's `forward` (its `int8` mode; included there after
 * _halfgemm_kernels.h): y = dequantised(u8(x) . s8(W)) + b, then GELU if asked, with AVX512_VNNI's
 * VPDPBUSD (four u8 x s8 products summed into each int32 lane: twice bfloat16's multiplications an
 * instruction).
 *
 * W (bot/semantic/prepared.py's `int8_matrix`) is one byte buffer per matrix: the weights quantised per
 * output column (scale = max |w| / 127, rounded to nearest) as (N / PANEL, K / 4, PANEL, 4) int8, then N
 * float32 scales, then N int32 column sums. Each row of x is quantised at run time to unsigned bytes over
 * its own range (x ~ low + scale q, q in [0, 255], scale = (max - min) / 255: the GELU's outputs, nearly
 * all above zero, get all 256 steps), so sum x w ~ scale sum q w + low sum w, the column sums giving the
 * second term. Exact int32 sums (255 * 127 * K stays below 2^31 for K up to 66,000).
 */
#ifndef SUMMITBOT_INT8_KERNELS_H
#define SUMMITBOT_INT8_KERNELS_H

#define MR_INT8 8 /* rows a tile at most: 16 accumulators (10 and more ran at half speed here) */

/* Bytes a matrix of N outputs over K inputs takes in its int8 buffer. */
static Py_ssize_t int8_bytes(Py_ssize_t K, Py_ssize_t N) { return N * K + 8 * N; }

/* Each row of x (M, K) to unsigned bytes q = round((x - low) / scale), and its (scale, low) in `scales`. */
static void quantise_rows(const float *x, Py_ssize_t M, Py_ssize_t K, uint8_t *q, float *scales) {
    for (Py_ssize_t m = 0; m < M; m++) {
        const float *row = x + m * K;
        float low = row[0], high = row[0];
        for (Py_ssize_t k = 1; k < K; k++)
            low = fminf(low, row[k]), high = fmaxf(high, row[k]);
        const float scale = high > low ? (high - low) / 255.0f : 1.0f, inv = 1.0f / scale;
        for (Py_ssize_t k = 0; k < K; k++) {
            const long v = lrintf((row[k] - low) * inv);
            q[m * K + k] = (uint8_t)(v < 0 ? 0 : v > 255 ? 255 : v);
        }
        scales[2 * m] = scale, scales[2 * m + 1] = low;
    }
}

#if HAVE_X86
#define T_VNNI __attribute__((target("avx512f,avx512bw,avx512vnni")))

/* MR rows of q (stride K) times one panel: PANEL int32 sums a row in two registers, then dequantised
 * (row scale x column scale, the offset's column sums taken out) plus the bias into y (stride N). */
#define INT8_TILE(MR)                                                                                        \
    T_VNNI static void int8_##MR(const uint8_t *q, const float *xs, Py_ssize_t K, const int8_t *w,           \
                                 const float *ws, const int32_t *sums, const float *b, float *y,             \
                                 Py_ssize_t N) {                                                             \
        __m512i a0[MR], a1[MR];                                                                              \
        _Pragma("GCC unroll 16") for (int r = 0; r < MR; r++) a0[r] = a1[r] = _mm512_setzero_si512();      \
        for (Py_ssize_t k = 0; k < K; k += 4) {                                                              \
            const __m512i w0 = _mm512_loadu_si512(w + k * PANEL), w1 = _mm512_loadu_si512(w + k * PANEL + 64); \
            _Pragma("GCC unroll 16") for (int r = 0; r < MR; r++) {                                          \
                int32_t four;                                                                                \
                memcpy(&four, q + r * K + k, 4);                                                             \
                const __m512i v = _mm512_set1_epi32(four);                                                   \
                a0[r] = _mm512_dpbusd_epi32(a0[r], v, w0);                                                   \
                a1[r] = _mm512_dpbusd_epi32(a1[r], v, w1);                                                   \
            }                                                                                                \
        }                                                                                                    \
        const __m512 s0 = _mm512_cvtepi32_ps(_mm512_loadu_si512(sums));                                      \
        const __m512 s1 = _mm512_cvtepi32_ps(_mm512_loadu_si512(sums + 16));                                 \
        const __m512 c0 = _mm512_loadu_ps(ws), c1 = _mm512_loadu_ps(ws + 16);                                \
        const __m512 b0 = _mm512_loadu_ps(b), b1 = _mm512_loadu_ps(b + 16);                                  \
        _Pragma("GCC unroll 16") for (int r = 0; r < MR; r++) {                                              \
            const __m512 scale = _mm512_set1_ps(xs[2 * r]), low = _mm512_set1_ps(xs[2 * r + 1]);             \
            const __m512 v0 = _mm512_fmadd_ps(_mm512_cvtepi32_ps(a0[r]), scale, _mm512_mul_ps(s0, low));     \
            const __m512 v1 = _mm512_fmadd_ps(_mm512_cvtepi32_ps(a1[r]), scale, _mm512_mul_ps(s1, low));     \
            _mm512_storeu_ps(y + r * N, _mm512_fmadd_ps(v0, c0, b0));                                        \
            _mm512_storeu_ps(y + r * N + 16, _mm512_fmadd_ps(v1, c1, b1));                                   \
        }                                                                                                    \
    }
INT8_TILE(1)
INT8_TILE(2)
INT8_TILE(3)
INT8_TILE(4)
INT8_TILE(5)
INT8_TILE(6)
INT8_TILE(7)
INT8_TILE(8)
typedef void (*int8_tile_fn)(const uint8_t *, const float *, Py_ssize_t, const int8_t *, const float *,
                             const int32_t *, const float *, float *, Py_ssize_t);
static const int8_tile_fn INT8_TILES[MR_INT8 + 1] = {NULL, int8_1, int8_2, int8_3, int8_4,
                                                     int8_5, int8_6, int8_7, int8_8};

/* quantise_rows with AVX-512 (K a multiple of 16): the same bytes (round to nearest even both ways). */
T_VNNI static void quantise_512(const float *x, Py_ssize_t M, Py_ssize_t K, uint8_t *q, float *scales) {
    for (Py_ssize_t m = 0; m < M; m++) {
        const float *row = x + m * K;
        __m512 low = _mm512_loadu_ps(row), high = low;
        for (Py_ssize_t k = 16; k < K; k += 16) {
            const __m512 v = _mm512_loadu_ps(row + k);
            low = _mm512_min_ps(low, v), high = _mm512_max_ps(high, v);
        }
        const float lo = _mm512_reduce_min_ps(low), hi = _mm512_reduce_max_ps(high);
        const float scale = hi > lo ? (hi - lo) / 255.0f : 1.0f;
        const __m512 inv = _mm512_set1_ps(1.0f / scale), base = _mm512_set1_ps(lo);
        for (Py_ssize_t k = 0; k < K; k += 16) {
            const __m512 v = _mm512_mul_ps(_mm512_sub_ps(_mm512_loadu_ps(row + k), base), inv);
            const __m512i n = _mm512_max_epi32(_mm512_cvtps_epi32(v), _mm512_setzero_si512());
            _mm_storeu_si128((__m128i *)(q + m * K + k), _mm512_cvtusepi32_epi8(n));
        }
        scales[2 * m] = scale, scales[2 * m + 1] = lo;
    }
}

static int has_vnni(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vnni");
}

/* y (M, N) = the int8 product of x's quantised rows q (xs: each row's scale, low) and W's buffer, + bias, GELU if asked. */
static void gemm_int8(const uint8_t *q, const float *xs, Py_ssize_t M, Py_ssize_t K, const uint8_t *buffer,
                      Py_ssize_t N, const float *bias, float *y, int gelu) {
    const int8_t *w = (const int8_t *)buffer;
    const float *ws = (const float *)(buffer + N * K);
    const int32_t *sums = (const int32_t *)(buffer + N * K + 4 * N);
    const Py_ssize_t tiles = (M + MR_INT8 - 1) / MR_INT8;
    for (Py_ssize_t p = 0; p < N / PANEL; p++) {
        Py_ssize_t row = 0;
        for (Py_ssize_t t = 0; t < tiles; t++) {
            const Py_ssize_t left = tiles - t;
            const int mr = (int)((M - row + left - 1) / left);
            INT8_TILES[mr](q + row * K, xs + 2 * row, K, w + p * K * PANEL, ws + p * PANEL, sums + p * PANEL,
                           bias + p * PANEL, y + row * N + p * PANEL, N);
            row += mr;
        }
    }
    if (gelu)
        gelu_512(y, M * N);
}
#else
static int has_vnni(void) { return 0; }
static void gemm_int8(const uint8_t *q, const float *xs, Py_ssize_t M, Py_ssize_t K, const uint8_t *buffer,
                      Py_ssize_t N, const float *bias, float *y, int gelu) {
    (void)q, (void)xs, (void)M, (void)K, (void)buffer, (void)N, (void)bias, (void)y, (void)gelu;
}
#endif

#endif
