"""Read a safetensors file into numpy arrays without torch, after checking its sha256.

The format is simple: 8 bytes (little-endian u64) giving the length of a JSON header, the header (each
tensor's dtype, shape and byte offsets into the data that follows), then the data.

The file is memory-mapped, not copied: float32 tensors are read-only views of the mapping. Hashing its
90 MB costs about 70 ms, a third of a whole `summitbot ask`'s budget, so a successful check may be
remembered in a small stamp file (`VERIFIED_FILE`, in the index folder): the file's path, the digest it
was checked against and its stamp (size, modification and change times, inode; bot/arrayfiles.py). A
file whose stamp is unchanged was verified; any write to it changes its change time, which no user call
can set back, so a changed file is hashed again.
"""

from __future__ import annotations

import json
import logging
import mmap
import os
import struct
from pathlib import Path
from typing import Any

import numpy as np

from bot.arrayfiles import file_stamp, unchanged
from bot.errors import ConfigError

__all__ = ["VERIFIED_FILE", "check_sha256", "file_sha256", "read_safetensors"]

log = logging.getLogger(__name__)

VERIFIED_FILE = "model.verified.json"

_DTYPES = {"F32": np.float32, "F16": np.float16, "BF16": None, "I64": np.int64, "I32": np.int32}
_MAX_HEADER = 100_000_000


def file_sha256(path: Path) -> str:
    """The hex sha256 of a file, read in 1 MiB chunks."""
    import hashlib  # here: loading OpenSSL costs a start whose check is remembered (bot/digest.py)

    digest = hashlib.sha256()
    with path.open("rb") as handle:
        while chunk := handle.read(1 << 20):
            digest.update(chunk)
    return digest.hexdigest()


def check_sha256(path: Path, sha256: str, what: str, key: str) -> None:
    """Refuse, with a one-line ConfigError naming `what` and its config `key`, a file that cannot be read
    or whose digest is not `sha256`."""
    try:
        actual = file_sha256(path)
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read {what} ({exc.strerror})") from None
    if actual != sha256.lower():
        raise ConfigError(f"{path}: sha256 {actual[:16]}... is not the expected {sha256[:16]}... ({key})")


def read_safetensors(path: Path, sha256: str, *, verified_dir: Path | None = None) -> dict[str, np.ndarray]:
    """Every tensor of `path` as a float32 (or integer) array, float32 ones mapped read-only; a file whose
    digest is not `sha256` is refused with a one-line ConfigError. With `verified_dir`, a check is
    remembered there and a file whose stamp is unchanged since is not hashed again."""
    if not _verified(path, sha256, verified_dir):
        check_sha256(path, sha256, "the embedding model", "semantic.sha256")
        _remember(path, sha256, verified_dir)
    try:
        with path.open("rb") as handle:
            data = mmap.mmap(handle.fileno(), 0, access=mmap.ACCESS_READ)
    except (OSError, ValueError) as exc:  # ValueError: an empty file cannot be mapped
        raise ConfigError(f"{path}: cannot read the embedding model ({exc})") from None
    return _tensors(path, data)


def _tensors(path: Path, data: mmap.mmap) -> dict[str, np.ndarray]:
    try:
        (length,) = struct.unpack("<Q", data[:8])
        if length > _MAX_HEADER:
            raise ValueError("header too long")
        header = json.loads(data[8 : 8 + length])
    except (struct.error, ValueError) as exc:
        raise ConfigError(f"{path}: not a safetensors file ({exc})") from None
    body = memoryview(data)[8 + length :]  # the arrays keep the mapping open
    tensors = {}
    for name, spec in header.items():
        if name == "__metadata__":
            continue
        dtype = _DTYPES.get(spec["dtype"])
        if dtype is None:
            raise ConfigError(f"{path}: tensor {name} has unsupported dtype {spec['dtype']}")
        start, end = spec["data_offsets"]
        array = np.frombuffer(body[start:end], dtype=np.dtype(dtype).newbyteorder("<"))
        array = array.reshape(spec["shape"])
        tensors[name] = array.astype(np.float32, copy=False) if array.dtype.kind == "f" else array.copy()
    return tensors


def _record(path: Path, sha256: str) -> dict[str, Any]:
    return {"path": str(path.resolve()), "sha256": sha256.lower(), "stamp": file_stamp(path)}


def _verified(path: Path, sha256: str, verified_dir: Path | None) -> bool:
    """Whether `verified_dir` remembers `path` checked against `sha256` with its stamp as it is now."""
    if verified_dir is None:
        return False
    try:
        seen = json.loads((verified_dir / VERIFIED_FILE).read_text(encoding="utf-8"))
    except (OSError, UnicodeDecodeError, ValueError):
        return False
    if not isinstance(seen, dict) or seen.get("sha256") != sha256.lower():
        return False
    return seen.get("path") == str(path.resolve()) and unchanged(path, seen.get("stamp"))


def _remember(path: Path, sha256: str, verified_dir: Path | None) -> None:
    """Record a successful check (atomically; a folder that cannot be written only costs the next check)."""
    if verified_dir is None:
        return
    import tempfile  # here, not at the top: a start whose check is remembered writes nothing

    try:
        verified_dir.mkdir(parents=True, exist_ok=True)
        fd, temp = tempfile.mkstemp(prefix=f".{VERIFIED_FILE}.", suffix=".tmp", dir=verified_dir)
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            json.dump(_record(path, sha256), handle)
        os.replace(temp, verified_dir / VERIFIED_FILE)
    except OSError as exc:
        log.debug("cannot remember the model's check in %s (%s)", verified_dir, exc)
