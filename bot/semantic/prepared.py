"""The encoder's matrices in the layout its products read (bot/semantic/dense.py): transposed to (in, out),
the query, key and value projections side by side with the query's scaled by 1 / sqrt(head size), rounded
once to bfloat16 (to nearest, ties to even), and cut into panels of `PANEL` output columns; within a
panel, each pair of inputs (k, k + 1) holds the PANEL columns' two weights side by side, the operand
layout of AVX512_BF16's dot product (bot/semantic/_halfgemm.c).

bfloat16 keeps 8 significant bits. With the products' inputs rounded the same way and every sum in
float32, the vectors stay within cosine 0.9999 of the float32 pass (tests/test_semantic_load.py,
`python -m bench.embed`). Every path multiplies these same rounded weights: the compiled kernel reads
them as they are, numpy widens them to float32 once. Making them costs 40-100 ms, too much for every
`summitbot ask`, so they are derived data kept beside the index (`FILE`, one .npy of 21 MB,
memory-mapped: the answer processes share its pages), made again when missing or changed. Its record
(`RECORD`) holds the model's digest they were made from, `FORMAT`, and the file's stamp
(bot/arrayfiles.py): a file whose stamp is unchanged since it was written is the one written; anything
else is made again from the checked weights.
"""

from __future__ import annotations

import io
import json
import logging
from pathlib import Path

import numpy as np

from bot.arrayfiles import file_stamp, unchanged
from bot.corpus_journal import atomic_write
from bot.frozen import frozen_dataclass as dataclass

__all__ = [
    "FILE",
    "FORMAT",
    "INT8",
    "PANEL",
    "RECORD",
    "PreparedWeights",
    "int8_matrix",
    "int8_weights",
    "panels_of",
    "prepared_weights",
    "to_bfloat16",
    "widened",
]

log = logging.getLogger(__name__)

FILE = "model.prepared.npy"
RECORD = "model.prepared.json"
FORMAT = 3  # bump when the layout, the precision or the scaling changes (3: bfloat16 paired panels)
PANEL = 32  # output columns per panel: bot/semantic/_halfgemm.c's PANEL
# The int8 matrices (`int8_weights`): their file, its record, their format, their item type.
INT8: tuple[str, str, int, type] = ("model.int8.npy", "model.int8.json", 1, np.uint8)


@dataclass(frozen=True)
class PreparedWeights:
    """Per layer, the panels of the query-key-value, attention output, up and down projections: bfloat16
    bits (uint16) shaped (out / PANEL, in / 2, PANEL, 2), or (1, in / 2, out, 2) for a matrix whose width
    PANEL does not divide (an odd `in` gets a zero last input)."""

    qkv: list[np.ndarray]
    out: list[np.ndarray]
    up: list[np.ndarray]
    down: list[np.ndarray]
    query_scale: np.float32

    @classmethod
    def from_tensors(cls, tensors: dict[str, np.ndarray], layers: int, head_size: int) -> PreparedWeights:
        """Prepared in memory from the model's tensors (no folder to keep them in)."""
        return cls.from_flat(_flat(tensors, layers, head_size), tensors, layers, head_size)

    @classmethod
    def from_flat(
        cls, flat: np.ndarray, tensors: dict[str, np.ndarray], layers: int, head_size: int
    ) -> PreparedWeights:
        """Views of one flat uint16 array holding every layer's panels in order (`_shapes`)."""
        views: list[np.ndarray] = []
        start = 0
        for shape in _shapes(tensors, layers):
            size = int(np.prod(_paneled(shape)))
            views.append(flat[start : start + size].reshape(_paneled(shape)))
            start += size
        return cls(views[0::4], views[1::4], views[2::4], views[3::4], _scale(head_size))


def panels_of(matrix: np.ndarray) -> np.ndarray:
    """An (in, out) float32 matrix as bfloat16 panels (`PreparedWeights`)."""
    count, pairs, width, _ = _paneled(matrix.shape)
    rounded = np.zeros((2 * pairs, matrix.shape[1]), dtype=np.uint16)
    rounded[: matrix.shape[0]] = to_bfloat16(matrix)
    return np.ascontiguousarray(rounded.reshape(pairs, 2, count, width).transpose(2, 0, 3, 1))


def to_bfloat16(values: np.ndarray) -> np.ndarray:
    """float32 values rounded to bfloat16 (to nearest, ties to even; finite values), as uint16 bits."""
    bits = np.ascontiguousarray(values, dtype=np.float32).view(np.uint32)
    return ((bits + (np.uint32(0x7FFF) + ((bits >> 16) & 1))) >> 16).astype(np.uint16)


def widened(panels: np.ndarray) -> np.ndarray:
    """Panels back to the (in, out) float32 matrix of their bfloat16 values, exactly (an odd `in`'s zero
    last row included)."""
    count, pairs, width, _ = panels.shape
    bits = panels.transpose(1, 3, 0, 2).reshape(2 * pairs, count * width).astype(np.uint32) << 16
    return bits.view(np.float32)


def prepared_weights(
    tensors: dict[str, np.ndarray], layers: int, head_size: int, sha256: str, folder: Path | None
) -> PreparedWeights:
    """The prepared matrices: memory-mapped from `folder` when kept there for this model, otherwise made
    from `tensors` (already checked against `sha256`) and, with a `folder`, kept there."""
    if folder is None:
        return PreparedWeights.from_tensors(tensors, layers, head_size)
    size = sum(int(np.prod(_paneled(shape))) for shape in _shapes(tensors, layers))
    flat = _kept(folder, sha256, size)
    if flat is None:
        flat = _flat(tensors, layers, head_size)
        _keep(folder, sha256, flat)
    return PreparedWeights.from_flat(flat, tensors, layers, head_size)


def int8_matrix(matrix: np.ndarray) -> np.ndarray:
    """An (in, out) float32 matrix as the int8 kernel's byte buffer (bot/semantic/_int8_kernels.h): each
    output column quantised by its own scale (max |w| / 127, to nearest) in (out / PANEL, in / 4, PANEL, 4)
    panels, then the out float32 scales, then the out int32 column sums."""
    inner, out = matrix.shape
    scales = (np.abs(matrix).max(axis=0) / np.float32(127)).astype(np.float32)
    scales[scales == 0] = 1
    q = np.clip(np.rint(matrix / scales), -127, 127).astype(np.int8)
    panels = q.reshape(inner // 4, 4, out // PANEL, PANEL).transpose(2, 0, 3, 1)
    sums = q.sum(axis=0, dtype=np.int32)
    return np.concatenate(
        [np.ascontiguousarray(panels).ravel().view(np.uint8), scales.view(np.uint8), sums.view(np.uint8)]
    )


def int8_weights(
    tensors: dict[str, np.ndarray], layers: int, head_size: int, sha256: str, folder: Path | None
) -> list[np.ndarray] | None:
    """Every matrix as `int8_matrix`'s buffer, in `_shapes`'s order: mapped from `folder` when kept there
    for this model (`INT8`), else made (about a second) and kept there. None when a matrix's inputs are
    not a multiple of 4 or its outputs of PANEL (the kernel's layout)."""
    shapes = _shapes(tensors, layers)
    if any(inner % 4 or out % PANEL for inner, out in shapes):
        return None
    sizes = [inner * out + 8 * out for inner, out in shapes]
    flat = None if folder is None else _kept(folder, sha256, sum(sizes), INT8)
    if flat is None:
        matrices = _matrices(tensors, layers, head_size)
        flat = np.concatenate([int8_matrix(np.asarray(m, dtype=np.float32)) for m in matrices])
        if folder is not None:
            _keep(folder, sha256, flat, INT8)
    ends = np.cumsum(sizes)
    return [flat[end - size : end] for size, end in zip(sizes, ends, strict=True)]


def _scale(head_size: int) -> np.float32:
    return np.float32(1.0 / np.sqrt(head_size))


def _paneled(shape: tuple[int, ...]) -> tuple[int, int, int, int]:
    """The panels' shape of an (in, out) matrix (one panel when PANEL does not divide its width)."""
    inner, out = int(shape[0]), int(shape[1])
    width = PANEL if out % PANEL == 0 else out
    return (out // width, (inner + 1) // 2, width, 2)


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
    """Every layer's matrices, transposed, rounded to bfloat16 and cut into panels, in one flat array in
    `_shapes`'s order (the query's projection scaled before it is rounded)."""
    parts = _matrices(tensors, layers, head_size)
    return np.concatenate([panels_of(np.asarray(m, dtype=np.float32)).ravel() for m in parts])


def _matrices(tensors: dict[str, np.ndarray], layers: int, head_size: int) -> list[np.ndarray]:
    """Every layer's (in, out) matrices in `_shapes`'s order, the query's projection scaled."""
    parts = []
    scale = _scale(head_size)
    for i in range(layers):
        p = f"encoder.layer.{i}."
        names = ("query", "key", "value")
        qkv = np.concatenate([tensors[p + f"attention.self.{n}.weight"].T for n in names], axis=1)
        qkv[:, : qkv.shape[1] // 3] *= scale
        parts.append(qkv)
        for name in ("attention.output.dense", "intermediate.dense", "output.dense"):
            parts.append(tensors[p + name + ".weight"].T)
    return parts


def _kept(
    folder: Path, sha256: str, size: int, kind: tuple[str, str, int, type] = (FILE, RECORD, FORMAT, np.uint16)
) -> np.ndarray | None:
    """The flat array kept in `folder` for this model and format, mapped read-only; None when there is
    none, it was made from another model or format, or the file changed since it was written. `kind`:
    the file, its record, the format and the item type (the bfloat16 panels', or `INT8`'s)."""
    name, record_name, form, dtype = kind
    path = folder / name
    try:
        record = json.loads((folder / record_name).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return None
    if not isinstance(record, dict) or record.get("sha256") != sha256.lower():
        return None
    if record.get("format") != form or not unchanged(path, record.get("stamp")):
        return None
    try:
        flat = np.load(path, mmap_mode="r", allow_pickle=False)
    except (OSError, ValueError) as exc:
        log.warning("%s: unreadable (%s); preparing the weights again", path, exc)
        return None
    if flat.dtype != dtype or flat.shape != (size,):
        return None
    return np.asarray(flat)


def _keep(
    folder: Path,
    sha256: str,
    flat: np.ndarray,
    kind: tuple[str, str, int, type] = (FILE, RECORD, FORMAT, np.uint16),
) -> None:
    """Write the flat array and its record atomically; a folder that cannot be written only costs the
    next process the preparation."""
    name, record_name, form, _ = kind
    try:
        data = io.BytesIO()
        np.save(data, flat, allow_pickle=False)
        atomic_write(folder / name, data.getvalue(), sync=False)
        record = {"sha256": sha256.lower(), "format": form, "stamp": file_stamp(folder / name)}
        atomic_write(folder / record_name, json.dumps(record).encode("utf-8"), sync=False)
    except OSError as exc:
        log.debug("cannot keep the prepared weights in %s (%s)", folder, exc)
