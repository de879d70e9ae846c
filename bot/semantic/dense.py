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

__all__ = ["LEVEL", "Dense", "kernel_level"]

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
            from bot.semantic.encoder import _gelu_

            _gelu_(out)
        return out

    def matrix(self) -> np.ndarray:
        """W as (in, out) float32: the bfloat16 weights widened, made once (the numpy path's)."""
        if self._matrix is None:
            self._matrix = np.ascontiguousarray(widened(self.panels))
        return self._matrix
