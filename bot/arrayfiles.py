"""Folders of .npy arrays written atomically and checked at load (the BM25 index, the serving corpus).

A folder is written under a temporary name beside its target and then takes the target's place by
rename, so a reader never sees half of one. Each array's data carries a SHA-256 in its folder's meta:
SHA-256 runs at about 1.8 GB/s here, 0.2 s for the 300 MB of postings of a million sentences, so every
load verifies every byte rather than trusting sizes and times.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import tempfile
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["checksum", "finite", "replace_dir", "temp_dir"]


def checksum(array: npt.NDArray[Any]) -> str:
    """The SHA-256 of an array's data (its .npy header is checked by numpy's reader and the dtype checks)."""
    data = np.ascontiguousarray(array)
    digest = hashlib.sha256()
    if data.size:
        digest.update(data.data.cast("B"))
    return digest.hexdigest()


def finite(array: npt.NDArray[Any]) -> bool:
    """No NaN and no infinity (min and max propagate NaN; two passes, no temporary array)."""
    return not array.size or bool(np.isfinite(array.min()) and np.isfinite(array.max()))


def temp_dir(target: Path) -> Path:
    """A new empty folder beside `target`, to be filled and then put in its place with `replace_dir`."""
    target.parent.mkdir(parents=True, exist_ok=True)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.", suffix=".tmp", dir=target.parent))


def replace_dir(new: Path, target: Path) -> None:
    """Put folder `new` where `target` is (os.replace cannot overwrite a non-empty folder: swap, renaming)."""
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
        shutil.rmtree(old, ignore_errors=True)
