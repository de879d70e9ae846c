"""Read a safetensors file into numpy arrays without torch, after checking its sha256.

The format is simple: 8 bytes (little-endian u64) giving the length of a JSON header, the header (each
tensor's dtype, shape and byte offsets into the data that follows), then the data.
"""

from __future__ import annotations

import hashlib
import json
import struct
from pathlib import Path

import numpy as np

from bot.errors import ConfigError

__all__ = ["check_sha256", "file_sha256", "read_safetensors"]

_DTYPES = {"F32": np.float32, "F16": np.float16, "BF16": None, "I64": np.int64, "I32": np.int32}
_MAX_HEADER = 100_000_000


def file_sha256(path: Path) -> str:
    """The hex sha256 of a file, read in 1 MiB chunks."""
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


def read_safetensors(path: Path, sha256: str) -> dict[str, np.ndarray]:
    """Every tensor of `path` as a float32 (or integer) array; a file whose digest is not `sha256` is
    refused with a one-line ConfigError."""
    check_sha256(path, sha256, "the embedding model", "semantic.sha256")
    data = path.read_bytes()
    try:
        (length,) = struct.unpack("<Q", data[:8])
        if length > _MAX_HEADER:
            raise ValueError("header too long")
        header = json.loads(data[8 : 8 + length])
    except (struct.error, ValueError) as exc:
        raise ConfigError(f"{path}: not a safetensors file ({exc})") from None
    body = memoryview(data)[8 + length :]
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
