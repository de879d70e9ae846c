"""The encoder's matrices in the layouts its forward pass multiplies fastest: (in, out), contiguous
float32, the query, key and value projections side by side, the query's scaled by 1 / sqrt(head size);
and a second copy of each cut into contiguous column blocks (`BLOCKS`), for passes of a few rows.

The model file stores them (out, in). For a question's dozen rows the blocks take under half the time of
a product with the stored layout (`python -m bench.embed`), but making the copies costs 40-100 ms, too
much for every `summitbot ask`. So they are derived data kept beside the index (`FILE`, one .npy,
memory-mapped: the answer processes share its pages), made again when missing or changed. Its record
(`RECORD`) holds the model's digest it was made from, `FORMAT`, and the file's stamp (bot/arrayfiles.py):
a file whose stamp is unchanged since it was written is the one written; anything else is made again
from the checked weights.
"""

from __future__ import annotations

import io
import json
import logging
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.arrayfiles import file_stamp, unchanged
from bot.corpus_journal import atomic_write

__all__ = ["FILE", "FORMAT", "RECORD", "PreparedWeights", "prepared_weights"]

log = logging.getLogger(__name__)

FILE = "model.prepared.npy"
RECORD = "model.prepared.json"
FORMAT = 2  # bump when the layout or the scaling changes
# Columns per block of the blocked copies (query-key-value, attention output, up, down): a question's few
# rows multiply 1.6-1.9x faster by contiguous blocks this wide (OpenBLAS's small-matrix kernels, no
# packing) than by the whole matrix, and 5-15 % slower from about 120 rows (`python -m bench.embed`).
BLOCKS = (64, 64, 64, 32)


@dataclass(frozen=True)
class PreparedWeights:
    """Per layer, the (in, out) matrices (query-key-value, attention output, up and down projections),
    and each as blocks of its columns, (out / block, in, block), contiguous."""

    qkv: list[np.ndarray]
    out: list[np.ndarray]
    up: list[np.ndarray]
    down: list[np.ndarray]
    blocks: list[tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]  # per layer, in the same order
    query_scale: np.float32

    @classmethod
    def from_tensors(cls, tensors: dict[str, np.ndarray], layers: int, head_size: int) -> PreparedWeights:
        """Prepared in memory from the model's tensors (no folder to keep them in)."""
        return cls.from_flat(_flat(tensors, layers, head_size), tensors, layers, head_size)

    @classmethod
    def from_flat(
        cls, flat: np.ndarray, tensors: dict[str, np.ndarray], layers: int, head_size: int
    ) -> PreparedWeights:
        """Views of one flat array holding every layer's matrices in order (`_shapes`), then their blocks."""
        shapes = _shapes(tensors, layers)
        views: list[np.ndarray] = []
        start = 0
        for shape in shapes + [_blocked(shape, BLOCKS[i % 4]) for i, shape in enumerate(shapes)]:
            size = int(np.prod(shape))
            views.append(flat[start : start + size].reshape(shape))
            start += size
        plain, blocked = views[: len(shapes)], views[len(shapes) :]
        grouped = [
            (blocked[i], blocked[i + 1], blocked[i + 2], blocked[i + 3]) for i in range(0, len(blocked), 4)
        ]
        return cls(plain[0::4], plain[1::4], plain[2::4], plain[3::4], grouped, _scale(head_size))


def prepared_weights(
    tensors: dict[str, np.ndarray], layers: int, head_size: int, sha256: str, folder: Path | None
) -> PreparedWeights:
    """The prepared matrices: memory-mapped from `folder` when kept there for this model, otherwise made
    from `tensors` (already checked against `sha256`) and, with a `folder`, kept there."""
    if folder is None:
        return PreparedWeights.from_tensors(tensors, layers, head_size)
    size = 2 * sum(a * b for a, b in _shapes(tensors, layers))
    flat = _kept(folder, sha256, size)
    if flat is None:
        flat = _flat(tensors, layers, head_size)
        _keep(folder, sha256, flat)
    return PreparedWeights.from_flat(flat, tensors, layers, head_size)


def _scale(head_size: int) -> np.float32:
    return np.float32(1.0 / np.sqrt(head_size))


def _blocked(shape: tuple[int, int], width: int) -> tuple[int, int, int]:
    """The shape of an (in, out) matrix's column blocks, `width` wide (the whole matrix if that does not
    divide it)."""
    inner, out = shape
    width = width if out % width == 0 else out
    return (out // width, inner, width)


def _shapes(tensors: dict[str, np.ndarray], layers: int) -> list[tuple[int, int]]:
    """(in, out) of each matrix, layer by layer: qkv, out, up, down."""
    shapes = []
    for i in range(layers):
        p = f"encoder.layer.{i}."
        out, inner = tensors[p + "attention.self.query.weight"].shape
        shapes.append((int(inner), 3 * int(out)))
        for name in ("attention.output.dense", "intermediate.dense", "output.dense"):
            out, inner = tensors[p + name + ".weight"].shape
            shapes.append((int(inner), int(out)))
    return shapes


def _flat(tensors: dict[str, np.ndarray], layers: int, head_size: int) -> np.ndarray:
    """Every layer's matrices transposed into one contiguous float32 array, in `_shapes`'s order."""
    shapes = _shapes(tensors, layers)
    flat = np.empty(2 * sum(a * b for a, b in shapes), dtype=np.float32)
    views = PreparedWeights.from_flat(flat, tensors, layers, head_size)
    for i in range(layers):
        p = f"encoder.layer.{i}."
        qkv = views.qkv[i]
        hidden = qkv.shape[0]
        for j, name in enumerate(("query", "key", "value")):
            qkv[:, j * hidden : (j + 1) * hidden] = tensors[p + f"attention.self.{name}.weight"].T
        qkv[:, :hidden] *= views.query_scale
        views.out[i][...] = tensors[p + "attention.output.dense.weight"].T
        views.up[i][...] = tensors[p + "intermediate.dense.weight"].T
        views.down[i][...] = tensors[p + "output.dense.weight"].T
        for matrix, blocks in zip(
            (qkv, views.out[i], views.up[i], views.down[i]), views.blocks[i], strict=True
        ):
            blocks[...] = matrix.reshape(matrix.shape[0], blocks.shape[0], blocks.shape[2]).transpose(1, 0, 2)
    return flat


def _kept(folder: Path, sha256: str, size: int) -> np.ndarray | None:
    """The flat array kept in `folder` for this model and format, mapped read-only; None when there is
    none, it was made from another model or format, or the file changed since it was written."""
    path = folder / FILE
    try:
        record = json.loads((folder / RECORD).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("sha256") != sha256.lower():
        return None
    if record.get("format") != FORMAT or not unchanged(path, record.get("stamp")):
        return None
    try:
        flat = np.load(path, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError) as exc:
        log.warning("%s: unreadable (%s); preparing the weights again", path, exc)
        return None
    if flat.dtype != np.float32 or flat.shape != (size,):
        return None
    return np.asarray(flat)


def _keep(folder: Path, sha256: str, flat: np.ndarray) -> None:
    """Write the flat array and its record atomically; a folder that cannot be written only costs the
    next process the preparation."""
    try:
        data = io.BytesIO()
        np.save(data, flat, allow_pickle=False)
        atomic_write(folder / FILE, data.getvalue(), sync=False)
        record = {"sha256": sha256.lower(), "format": FORMAT, "stamp": file_stamp(folder / FILE)}
        atomic_write(folder / RECORD, json.dumps(record).encode("utf-8"), sync=False)
    except OSError as exc:
        log.debug("cannot keep the prepared weights in %s (%s)", folder, exc)
