"""bot.arrayfiles.map_array gives what numpy's own memory-mapped load gives, for every .npy it is handed."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.arrayfiles import map_array, plain


@pytest.mark.parametrize(
    "array",
    [
        np.arange(1000, dtype=np.int64),
        np.arange(7, dtype=np.int32) - 3,
        np.array([0.5, -1.25, np.inf], dtype=np.float32),
        np.array([1, 2, 3], dtype=np.float16),
        np.array([True, False, True]),
        np.arange(300, dtype=np.uint8),
        np.arange(5, dtype=">i8"),  # not the machine's byte order
        np.zeros(0, dtype=np.int64),  # nothing to map: numpy's path
        np.arange(12, dtype=np.int64).reshape(3, 4),  # not 1-D: numpy's path
        np.array(["ab", "c"]),  # not numbers: numpy's path
    ],
)
def test_same_array_as_numpy_mapped_load(tmp_path: Path, array: np.ndarray) -> None:
    path = tmp_path / "a.npy"
    np.save(path, array)
    ours = map_array(path)
    theirs = plain(np.load(path, mmap_mode="r", allow_pickle=False))
    assert type(ours) is np.ndarray and ours.dtype == theirs.dtype and ours.shape == theirs.shape
    assert np.array_equal(ours, theirs)
    assert not ours.flags.writeable and ours.flags.c_contiguous and ours.flags.aligned


def test_truncated_file_refused(tmp_path: Path) -> None:
    path = tmp_path / "a.npy"
    np.save(path, np.arange(100, dtype=np.int64))
    path.write_bytes(path.read_bytes()[:-8])
    with pytest.raises(ValueError, match="shorter"):
        map_array(path)


def test_garbled_header_left_to_numpy(tmp_path: Path) -> None:
    path = tmp_path / "a.npy"
    np.save(path, np.arange(10, dtype=np.int64))
    path.write_bytes(path.read_bytes().replace(b"'shape': (10,)", b"'shape': (9x,)"))
    with pytest.raises(ValueError):  # numpy's own complaint
        map_array(path)


def test_objects_never_loaded(tmp_path: Path) -> None:
    path = tmp_path / "a.npy"
    np.save(path, np.array([{"a": 1}], dtype=object), allow_pickle=True)
    with pytest.raises(ValueError, match="Python objects"):  # numpy refuses to map them
        map_array(path)
