"""One dense layer of the encoder, `x @ W + b` (and BERT's GELU after the feed-forward's first), with W
the bfloat16 panels of bot/semantic/prepared.py.

The product runs in the compiled kernel (bot/semantic/_halfgemm.c) when it is built and this CPU has one
of its paths (`LEVEL`: 3 AVX512_BF16 dot products, 2 AVX-512F, 1 AVX2 + FMA): one call a matrix, the
input rows rounded to bfloat16, float32 sums, the bias (and the GELU) in the same call. The kernel sums
each row alike whatever the rows beside it, so a question's vector is the same alone or packed with
others. Otherwise numpy multiplies the float32 rows by the same weights widened to float32 (made on
first use, kept by the layer; a few rows by column blocks, as OpenBLAS multiplies those without packing).
It does not round the rows: BLAS may sum in another order for another row count, and a sum near a
bfloat16 boundary would then round the other way, so packed and alone would differ by 1e-4, not 1e-7.
Every path stays within cosine 0.99998 of the float32 pass and of the others (`python -m bench.embed`).
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence

import numpy as np

from bot.semantic.prepared import PANEL, widened

__all__ = [
    "LEVEL",
    "PATHS",
    "VNNI",
    "Dense",
    "add_norm_",
    "attend_",
    "gelu_",
    "kernel_level",
    "layer_norm_",
    "layers_",
]

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
_BLOCKED_ROWS = 64  # numpy's path multiplies passes of at most this many rows by column blocks
_BLOCK_WIDTH = 64
_LONG_INPUT = 1024  # inputs from which the blocks are half as wide
_ATTENTION_LEVEL = 2  # the kernel's attention needs AVX-512F
# The int8 products of the kernel's `forward` (AVX512_VNNI, bot/semantic/_int8_kernels.h) run here;
# SUMMITBOT_HALFGEMM below 2 turns them off with the rest of the kernel's forward pass.
VNNI = LEVEL >= _ATTENTION_LEVEL and bool(getattr(_halfgemm, "vnni", lambda: False)())
_BUILT_WITH_ATTENTION = hasattr(_halfgemm, "attention")  # a module built before it had none
_ATTENTION_LANES = 16  # ...and heads a multiple of its 16 lanes wide (MiniLM's are 32)
_BUILT_WITH_FORWARD = hasattr(_halfgemm, "forward")  # every layer in one call (a module built before: none)
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
        self._blocks: np.ndarray | None = None

    def __call__(self, x: np.ndarray, out: np.ndarray, level: int | None = None) -> np.ndarray:
        """x (rows, in) float32, C-contiguous, into `out` (rows, out), which is returned; by `level`'s path
        (default: the module's `LEVEL`)."""
        level = LEVEL if level is None else level
        rows, inner = x.shape
        if level > 0 and self.panels.shape[2] == PANEL and inner % 2 == 0:
            _halfgemm.gemm(x, self.panels, self.bias, out, rows, inner, self.width, level, self.gelu)
            return out
        if rows > _BLOCKED_ROWS or inner != self.panels.shape[1] * 2:
            np.matmul(x, self.matrix()[:inner], out=out)
        else:  # numpy multiplies each block in turn, in one call
            blocks = self.blocks()
            parts = np.matmul(x, blocks)  # (blocks, rows, block width)
            out.reshape(rows, blocks.shape[0], blocks.shape[2])[...] = parts.transpose(1, 0, 2)
        out += self.bias
        if self.gelu:
            gelu_(out)
        return out

    def matrix(self) -> np.ndarray:
        """W as (in, out) float32: the bfloat16 weights widened, made once (the numpy path's)."""
        if self._matrix is None:
            self._matrix = np.ascontiguousarray(widened(self.panels))
        return self._matrix

    def blocks(self) -> np.ndarray:
        """W's columns in contiguous blocks (one block if the width does not divide them), (blocks, in,
        width), float32, made once: for a few rows OpenBLAS multiplies these 1.6-2x faster than the whole
        matrix (no packing), and 5-15 % slower from about 120 rows. 64 columns wide, 32 for a long input
        (the feed-forward's down projection: 179 against 397 us at 15 rows)."""
        if self._blocks is None:
            matrix = self.matrix()
            width = _BLOCK_WIDTH if len(matrix) < _LONG_INPUT else _BLOCK_WIDTH // 2
            width = width if self.width % width == 0 else self.width
            count = self.width // width
            self._blocks = np.ascontiguousarray(matrix.reshape(len(matrix), count, width).transpose(1, 0, 2))
        return self._blocks


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


def attend_(qkv: np.ndarray, bounds: np.ndarray, context: np.ndarray, heads: int) -> bool:
    """Each text's attention over its own rows (bounds[i] to bounds[i + 1], int64) of qkv (rows, 3 *
    hidden, the query already scaled) into `context` (rows, hidden), by the kernel's AVX-512 code (`LEVEL`
    2 and 3); False, `context` untouched, where it is not used (the encoder then runs numpy's). One call
    a layer instead of a dozen numpy calls a text: 19 against 40 us a layer for a 15-token question, 387
    against 1,087 us for 16 questions (`python -m bench.embed`, load 6). Its vectors are as close to the
    float32 pass as numpy's (cosine 0.99998 or more on every gold question)."""
    rows, hidden = context.shape
    if LEVEL < _ATTENTION_LEVEL or not _BUILT_WITH_ATTENTION or (hidden // heads) % _ATTENTION_LANES != 0:
        return False
    _halfgemm.attention(qkv, bounds, context, rows, hidden, heads, len(bounds) - 1)
    return True


def layers_(
    x: np.ndarray,
    bounds: np.ndarray,
    layers: Sequence[Sequence[np.ndarray]],
    heads: int,
    eps: float,
    *,
    int8: bool = False,
) -> bool:
    """x (rows, hidden) <- every layer over it, in place, in ONE kernel call (`forward`), where the
    kernel's products and attention are both used (`LEVEL` 2 and 3); False, x untouched, elsewhere (the
    encoder then runs them call by call). `layers` holds each layer's weights as `Encoder` stacks them.
    The kernel makes the same calls in the same order as the encoder's `_layer`, so the vectors are the
    same to the bit (tested); it saves the pass's 42 Python calls (about 0.2 ms a question). With `int8`
    (only where `VNNI`), `layers` holds the int8 buffers in place of the panels and the products are int8."""
    rows, hidden = x.shape
    if (
        LEVEL < _ATTENTION_LEVEL
        or not _BUILT_WITH_FORWARD
        or not layers
        or (hidden // heads) % _ATTENTION_LANES != 0
        or hidden % PANEL != 0
    ):
        return False
    ffn = len(layers[0][7])  # the up product's bias
    if int8 and not VNNI:
        return False
    _halfgemm.forward(x, bounds, layers, rows, hidden, ffn, heads, len(bounds) - 1, LEVEL, eps, int8)
    return True


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
