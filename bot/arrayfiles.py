"""Folders of .npy arrays written atomically and checked at load (the BM25 index, the serving corpus).

A folder is written under a temporary name beside its target and then takes the target's place by
rename, so a reader never sees half of one. Each array's data carries a SHA-256 in its folder's meta, and
each file a stamp taken right after it was written: size, modification and change times and inode.

Verifying every byte at every start costs 0.5 s of CPU at a million sentences (about 300 MB of arrays
at 1.8 GB/s, hashed and therefore read in full), a third of the cold-start budget, and would forbid
memory-mapping. So a file whose stamp is unchanged is trusted and mapped: any write through the
filesystem (an edit, a copy over it, a truncation, flipped bits) changes its change time, which no user
call can set back (``os.utime`` sets only the other two), or its inode. Any other file is hashed in full
and must match. What a stamp cannot see is the disk corrupting data under an unchanged inode; the
loaders still check sizes, structure, and NaN and infinity in the small per-term arrays.
"""

from __future__ import annotations

import json
import mmap
import os
import re
from collections.abc import Callable, Iterable, Mapping
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bot.frozen import dataclass

__all__ = [
    "ByteStream",
    "checksum",
    "file_stamp",
    "finite",
    "load_checked",
    "map_array",
    "offsets",
    "plain",
    "read_meta",
    "replace_dir",
    "save_folder",
    "temp_dir",
    "unchanged",
]


def checksum(array: npt.NDArray[Any]) -> str:
    """The SHA-256 of an array's data (its .npy header is checked by numpy's reader and the dtype checks)."""
    import hashlib  # here: loading OpenSSL costs a start that only reads (bot/digest.py)

    data = np.ascontiguousarray(array)
    digest = hashlib.sha256()
    if data.size:
        digest.update(data.data.cast("B"))
    return digest.hexdigest()


def file_stamp(path: Path) -> list[int]:
    """Size, modification and change times (ns) and inode of a file, as stored in a folder's meta."""
    st = path.stat()
    return [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]


def unchanged(path: Path, stamp: Any) -> bool:
    """Whether `path` still has the stamp taken when it was written."""
    try:
        return isinstance(stamp, list) and file_stamp(path) == stamp
    except OSError:
        return False


def finite(array: npt.NDArray[Any]) -> bool:
    """No NaN and no infinity (min and max propagate NaN; two passes, no temporary array)."""
    return not array.size or bool(np.isfinite(array.min()) and np.isfinite(array.max()))


def temp_dir(target: Path) -> Path:
    """A new empty folder beside `target`, to be filled and then put in its place with `replace_dir`."""
    import tempfile  # here and below: writers' only, so a start that only loads skips its import

    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))


def replace_dir(new: Path, target: Path) -> None:
    """Put folder `new` where `target` is (os.replace cannot overwrite a non-empty folder: swap, renaming)."""
    import tempfile

    if not target.exists():
        os.replace(new, target)
        return
    old = Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".old", dir=target.parent))
    os.replace(target, old / target.name)
    try:
        os.replace(new, target)
    except OSError:
        os.replace(old / target.name, target)  # put the old folder back
        raise
    finally:
        import shutil  # here: shutil loads the compressors, and a start that only reads never writes

        shutil.rmtree(old, ignore_errors=True)


def save_folder(
    directory: Path, arrays: Mapping[str, npt.NDArray[Any] | ByteStream], meta: dict[str, Any]
) -> None:
    """Write each array as NAME.npy and `meta` (with every array's checksum and file stamp added) as
    meta.json into a new folder, which then replaces `directory` in one rename. A ByteStream is written
    piece by piece: the same file and checksum as the whole array's."""
    tmp = temp_dir(directory)
    meta = {**meta, "checksums": {}, "stamps": {}}
    for name, array in arrays.items():
        path = tmp / f"{name}.npy"
        if isinstance(array, ByteStream):
            meta["checksums"][name] = _write_stream(path, array)
        else:
            np.save(path, array, allow_pickle=False)
            meta["checksums"][name] = checksum(array)
        meta["stamps"][name] = file_stamp(path)
    (tmp / "meta.json").write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
    replace_dir(tmp, directory)


@dataclass(frozen=True)
class ByteStream:
    """A 1-D uint8 array of `size` bytes given as its pieces in order (`pieces()`), so that it is saved
    without ever being whole in memory (the index build's saved terms: 280 MB at a million sentences)."""

    size: int
    pieces: Callable[[], Iterable[bytes]]


def _write_stream(path: Path, stream: ByteStream) -> str:
    """Write `stream` as `np.save` writes the array it stands for; returns its `checksum`."""
    import hashlib

    digest = hashlib.sha256()
    written = 0
    with path.open("wb") as file:
        header = {"descr": np.lib.format.dtype_to_descr(np.dtype(np.uint8)), "fortran_order": False}
        np.lib.format.write_array_header_1_0(file, header | {"shape": (stream.size,)})
        for piece in stream.pieces():
            file.write(piece)
            digest.update(piece)
            written += len(piece)
    if written != stream.size:
        raise ValueError(f"{path}: {written} bytes written for {stream.size}")
    return digest.hexdigest()


def plain(array: npt.NDArray[Any]) -> npt.NDArray[Any]:
    """A memory-mapped array as a plain ndarray view of the same mapping (kept open by the view):
    np.memmap's Python-level __getitem__ and __array_finalize__ cost about 6 µs a slice, which an answer
    at a million sentences paid some 400 times."""
    return array.view(np.ndarray) if isinstance(array, np.memmap) else array


# The header numpy writes for a 1-D array of plain numbers (its dict literal, padded with spaces to 64
# bytes): read with one match, not numpy's ast parse. Anything else (other dtypes, shapes) goes to np.load.
_NPY_V1 = b"\x93NUMPY\x01\x00"
_PLAIN_HEADER = re.compile(
    rb"\{'descr': '([<>|][bifu][1248])', 'fortran_order': False, 'shape': \((\d+),\), \} *\n"
)


def map_array(path: Path) -> npt.NDArray[Any]:
    """A .npy file as a read-only ndarray over a memory map of it: what `plain(np.load(path,
    mmap_mode="r", allow_pickle=False))` gives, without numpy's header parse and np.memmap's set-up
    (about 75 µs a file, of the 36 a `summitbot ask` opens) when the header is the plain 1-D one numpy
    writes for numbers; any other file is np.load's. OSError or ValueError when it cannot be read."""
    with path.open("rb") as handle:
        head = handle.read(256)
        length = int.from_bytes(head[8:10], "little")
        found = _PLAIN_HEADER.fullmatch(head, 10, 10 + length) if head.startswith(_NPY_V1) else None
        if found is not None and int(found[2]) > 0:  # an empty array is np.load's (nothing to map)
            dtype, count, start = np.dtype(found[1].decode("ascii")), int(found[2]), 10 + length
            if os.fstat(handle.fileno()).st_size < start + count * dtype.itemsize:
                raise ValueError(f"{path.name} is shorter than its header says (truncated?)")
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
            return np.frombuffer(data, dtype=dtype, count=count, offset=start)  # the array keeps the map
    return plain(np.load(path, mmap_mode="r", allow_pickle=False))


def load_checked(path: Path, meta: dict[str, Any], name: str) -> npt.NDArray[Any]:
    """The 1-D array `name` of a folder, memory-mapped: trusted when its file's stamp in `meta` is unchanged,
    else hashed in full against its checksum there. ValueError saying why when it cannot be used."""
    try:
        array = map_array(path)
    except (OSError, ValueError, EOFError) as exc:
        raise ValueError(f"{path}: cannot read ({exc})") from None
    if array.ndim != 1:
        raise ValueError(f"{path}: expected a 1-D array")
    trusted = unchanged(path, meta.get("stamps", {}).get(name))
    if not trusted and checksum(array) != meta.get("checksums", {}).get(name):
        raise ValueError(f"{path}: its checksum does not match its folder's meta")
    return array


def offsets(lengths: Iterable[int]) -> npt.NDArray[np.int64]:
    """Where each of a run of pieces of these lengths starts, and where the last one ends (n + 1)."""
    sizes = np.fromiter(lengths, dtype=np.int64)
    out = np.zeros(len(sizes) + 1, dtype=np.int64)
    np.cumsum(sizes, out=out[1:])
    return out


def read_meta(path: Path, kind: str, version: int) -> dict[str, Any]:
    """A folder's JSON meta, which must name its `kind` and `version`; ValueError saying why otherwise."""
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise ValueError(f"{path}: cannot read ({exc})") from None
    if not isinstance(meta, dict) or meta.get("format") != kind or meta.get("version") != version:
        raise ValueError(f"{path}: not a version {version} {kind}")
    return meta
