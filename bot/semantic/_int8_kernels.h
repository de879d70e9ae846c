/* The int8 products of bot/semantic/_halfgemm.c's `forward` (its `int8` mode; included there after
 * _halfgemm_kernels.h): y = dequantised(u8(x) . s8(W)) + b, then GELU if asked, with AVX512_VNNI's
 * VPDPBUSD (four u8 x s8 products summed into each int32 lane: twice bfloat16's multiplications an
 * instruction).
 *
 * W (bot/semantic/prepared.py's `int8_matrix`) is one byte buffer per matrix: the weights quantised per
 * output column (scale = max |w| / 127, rounded to nearest) as (N / PANEL, K / 4, PANEL, 4) int8, then N
 * float32 scales, then N int32 column sums. Each row of x is quantised at run time (scale = max |x| / 127)
 * and offset by 128 to make it unsigned; the column sums take the offset back out: sum (q + 128) w =
 * sum q w + 128 sum w. Exact int32 sums (255 * 127 * K stays far below 2^31 for K up to 65,000).
 */
#ifndef SUMMITBOT_INT8_KERNELS_H
#define SUMMITBOT_INT8_KERNELS_H

#define MR_INT8 12 /* rows a tile at most: 24 accumulators */

/* Bytes a matrix of N outputs over K inputs takes in its int8 buffer. */
static Py_ssize_t int8_bytes(Py_ssize_t K, Py_ssize_t N) { return N * K + 8 * N; }

/* Each row of x (M, K) to unsigned bytes (q + 128, q = round(x / scale) in [-127, 127]) and its scale. */
static void quantise_rows(const float *x, Py_ssize_t M, Py_ssize_t K, uint8_t *q, float *scales) {
    for (Py_ssize_t m = 0; m < M; m++) {
        const float *row = x + m * K;
        float most = 0.0f;
        for (Py_ssize_t k = 0; k < K; k++)
            most = fmaxf(most, fabsf(row[k]));
        const float scale = most > 0.0f ? most / 127.0f : 1.0f, inv = 1.0f / scale;
        for (Py_ssize_t k = 0; k < K; k++)
            q[m * K + k] = (uint8_t)(lrintf(row[k] * inv) + 128);
        scales[m] = scale;
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
        const __m512i off = _mm512_set1_epi32(128);                                                          \
        const __m512i s0 = _mm512_mullo_epi32(off, _mm512_loadu_si512(sums));                                \
        const __m512i s1 = _mm512_mullo_epi32(off, _mm512_loadu_si512(sums + 16));                           \
        const __m512 c0 = _mm512_loadu_ps(ws), c1 = _mm512_loadu_ps(ws + 16);                                \
        const __m512 b0 = _mm512_loadu_ps(b), b1 = _mm512_loadu_ps(b + 16);                                  \
        _Pragma("GCC unroll 16") for (int r = 0; r < MR; r++) {                                              \
            const __m512 row = _mm512_set1_ps(xs[r]);                                                        \
            const __m512 v0 = _mm512_cvtepi32_ps(_mm512_sub_epi32(a0[r], s0));                               \
            const __m512 v1 = _mm512_cvtepi32_ps(_mm512_sub_epi32(a1[r], s1));                               \
            _mm512_storeu_ps(y + r * N, _mm512_fmadd_ps(v0, _mm512_mul_ps(c0, row), b0));                   \
            _mm512_storeu_ps(y + r * N + 16, _mm512_fmadd_ps(v1, _mm512_mul_ps(c1, row), b1));              \
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
INT8_TILE(9)
INT8_TILE(10)
INT8_TILE(11)
INT8_TILE(12)
typedef void (*int8_tile_fn)(const uint8_t *, const float *, Py_ssize_t, const int8_t *, const float *,
                             const int32_t *, const float *, float *, Py_ssize_t);
static const int8_tile_fn INT8_TILES[MR_INT8 + 1] = {NULL,     int8_1,  int8_2,  int8_3, int8_4,
                                                     int8_5,   int8_6,  int8_7,  int8_8, int8_9,
                                                     int8_10,  int8_11, int8_12};

/* quantise_rows with AVX-512 (K a multiple of 16): the same bytes (round to nearest even both ways). */
T_VNNI static void quantise_512(const float *x, Py_ssize_t M, Py_ssize_t K, uint8_t *q, float *scales) {
    const __m512i off = _mm512_set1_epi32(128);
    for (Py_ssize_t m = 0; m < M; m++) {
        const float *row = x + m * K;
        __m512 most = _mm512_setzero_ps();
        for (Py_ssize_t k = 0; k < K; k += 16)
            most = _mm512_max_ps(most, _mm512_abs_ps(_mm512_loadu_ps(row + k)));
        const float top = _mm512_reduce_max_ps(most);
        const float scale = top > 0.0f ? top / 127.0f : 1.0f;
        const __m512 inv = _mm512_set1_ps(1.0f / scale);
        for (Py_ssize_t k = 0; k < K; k += 16) {
            const __m512i v = _mm512_cvtps_epi32(_mm512_mul_ps(_mm512_loadu_ps(row + k), inv));
            _mm_storeu_si128((__m128i *)(q + m * K + k), _mm512_cvtepi32_epi8(_mm512_add_epi32(v, off)));
        }
        scales[m] = scale;
    }
}

static int has_vnni(void) {
    __builtin_cpu_init();
    return __builtin_cpu_supports("avx512f") && __builtin_cpu_supports("avx512bw") &&
           __builtin_cpu_supports("avx512vnni");
}

/* y (M, N) = the int8 product of x's quantised rows q (scales xs) and W's buffer, + bias, GELU if asked. */
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
            INT8_TILES[mr](q + row * K, xs + row, K, w + p * K * PANEL, ws + p * PANEL, sums + p * PANEL,
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
