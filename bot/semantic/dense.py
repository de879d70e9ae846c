"""One dense layer of the encoder, `x @ W + b` (and BERT's GELU after the feed-forward's first), with W
the bfloat16 panels of bot/semantic/prepared.py.

The product runs in the compiled kernel (bot/semantic/_halfgemm.c) when it is built and this CPU has one
of its paths (`LEVEL`: 3 AVX512_BF16 dot products, 2 AVX-512F, 1 AVX2 + FMA): one call a matrix, the
input rows rounded to bfloat16, float32 sums, the bias (and the GELU) in the same call. Otherwise numpy
multiplies the same rounded rows by the same weights widened to float32 once (made on first use, kept by
the layer): products of bfloat16 values are exact in float32, so every path computes the same function up
to the order of float32 additions.
"""

from __future__ import annotations

import logging
import os

import numpy as np

from bot.semantic.prepared import PANEL, to_bfloat16, widened

__all__ = ["LEVEL", "PATHS", "Dense", "add_norm_", "gelu_", "kernel_level", "layer_norm_"]

log = logging.getLogger(__name__)

try:
    from bot.semantic import _halfgemm  # type: ignore[attr-defined]
except ImportError:  # built without a C compiler
    _halfgemm = None


def kernel_level() -> int:
    """The compiled path this process uses: 3 AVX512_BF16, 2 AVX-512F, 1 AVX2, 0 numpy (no kernel, or
    no path for this CPU). SUMMITBOT_HALFGEMM=N caps it at N, to measure or test the other paths."""
    if _halfgemm is None:
        return 0
    level = int(_halfgemm.level())
    cap = os.environ.get("SUMMITBOT_HALFGEMM", "")
    return min(level, int(cap)) if cap.isdigit() else level


LEVEL = kernel_level()
PATHS = {0: "numpy (float32 BLAS)", 1: "kernel, AVX2", 2: "kernel, AVX-512F", 3: "kernel, AVX512_BF16"}


class Dense:
    """`x @ W + bias` (then GELU with `gelu`) for float32 rows x, W kept as bfloat16 panels."""

    def __init__(self, panels: np.ndarray, bias: np.ndarray, *, gelu: bool = False) -> None:
        count, _, width, _ = panels.shape
        self.width = count * width
        self.panels = panels
        self.bias = np.ascontiguousarray(bias, dtype=np.float32)
        self.gelu = gelu
        self._matrix: np.ndarray | None = None

    def __call__(self, x: np.ndarray, out: np.ndarray, level: int | None = None) -> np.ndarray:
        """x (rows, in) float32, C-contiguous, into `out` (rows, out), which is returned; by `level`'s path
        (default: the module's `LEVEL`)."""
        level = LEVEL if level is None else level
        rows, inner = x.shape
        if level > 0 and self.panels.shape[2] == PANEL and inner % 2 == 0:
            _halfgemm.gemm(x, self.panels, self.bias, out, rows, inner, self.width, level, self.gelu)
            return out
        rounded = (to_bfloat16(x).astype(np.uint32) << 16).view(np.float32)
        np.matmul(rounded, self.matrix()[:inner], out=out)
        out += self.bias
        if self.gelu:
            gelu_(out)
        return out

    def matrix(self) -> np.ndarray:
        """W as (in, out) float32: the bfloat16 weights widened, made once (the numpy path's)."""
        if self._matrix is None:
            self._matrix = np.ascontiguousarray(widened(self.panels))
        return self._matrix


def add_norm_(
    x: np.ndarray, residual: np.ndarray | None, norm: tuple[np.ndarray, np.ndarray], eps: float
) -> None:
    """x <- LayerNorm(x + residual) in place (no residual: the norm alone); in one pass per row in the
    kernel when it is built and used (`LEVEL`), else by numpy."""
    if LEVEL > 0:
        _halfgemm.add_norm(x, residual, norm[0], norm[1], x.shape[0], x.shape[1], eps)
        return
    if residual is not None:
        x += residual
    layer_norm_(x, *norm, eps)


# Abramowitz and Stegun 7.1.26: erf within 1.5e-7, for BERT's exact (erf) GELU without scipy.
_ERF_P = np.float32(0.3275911)
_ERF_A = tuple(np.float32(a) for a in (0.254829592, -0.284496736, 1.421413741, -1.453152027, 1.061405429))
_SQRT_HALF = np.float32(0.7071067811865476)
_HALF = np.float32(0.5)
_SIGN_BIT = np.uint32(0x80000000)
_GELU_CHUNK = 32 * 1536  # values per chunk of the GELU: 32 rows of the feed-forward layer


def gelu_(h: np.ndarray) -> None:
    """h <- h * Phi(h) in place (BERT's exact, erf GELU), `_GELU_CHUNK` values at a time: the dozen
    temporaries of a chunk stay in the core's cache (a whole batch's did not: 4x slower)."""
    rows = max(1, _GELU_CHUNK // h.shape[-1])
    for start in range(0, h.shape[0], rows):
        _gelu_chunk(h[start : start + rows])


def _gelu_chunk(h: np.ndarray) -> None:
    """Phi(h) = 0.5 + sign(h) * (0.5 - q / 2), where q = 1 - erf(|h| / sqrt 2) is A&S 7.1.26's polynomial
    times its exponential; the sign is copied bitwise (np.copysign is not vectorised: 7x a product)."""
    z = h * _SQRT_HALF
    a = np.abs(z)
    t = a * _ERF_P
    t += 1.0
    np.reciprocal(t, out=t)
    q = t * _ERF_A[4]
    for coefficient in reversed(_ERF_A[:4]):
        q += coefficient
        q *= t
    np.square(a, out=a)
    np.negative(a, out=a)
    np.exp(a, out=a)
    q *= a
    q *= -_HALF
    q += _HALF  # >= 0: 1 - erf(|z|) <= 1
    bits = q.view(np.uint32)
    np.bitwise_or(bits, np.bitwise_and(z.view(np.uint32), _SIGN_BIT), out=bits)
    q += _HALF
    h *= q


def layer_norm_(x: np.ndarray, weight: np.ndarray, bias: np.ndarray, eps: float) -> None:
    """Layer normalisation of x's rows, in place."""
    x -= x.mean(axis=-1, keepdims=True)
    variance = np.einsum("ij,ij->i", x, x)[:, None]
    variance /= np.float32(x.shape[-1])
    variance += np.float32(eps)
    np.sqrt(variance, out=variance)
    x /= variance
    x *= weight
    x += bias
