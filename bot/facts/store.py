"""The saved facts of a corpus: a folder of .npy arrays and a JSON meta, opened in constant time.

Arrays (all 1-D, n sentences): `lines` (uint8) each sentence's facts as compact UTF-8 JSON, concatenated,
cut by `offsets` (int64, n + 1); `group` (int64) and `article` (int32) per sentence; `group_order` (int64)
the positions sorted by group (stably) and `group_keys` their groups, so a same-statement group is a
binary-search range; `quoted` (int64) the positions whose sentence holds a quotation; the disagreements as
CSR: `disagree_at` (positions, ascending), `disagree_ptr` (one more) and `disagree_to` (their targets).

The meta holds the format, the fingerprint, n, and each array's checksum and file stamp: as for the BM25
index and the serving corpus (bot/arrayfiles.py), an unchanged file is trusted and memory-mapped, any other
is hashed in full and must match. A sentence's line is decoded only when its facts are asked for.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bot.arrayfiles import checksum, file_stamp, load_checked, offsets, read_meta, replace_dir, temp_dir

__all__ = [
    "FACTS_FORMAT",
    "Arrays",
    "Disagreements",
    "StaleFacts",
    "index_arrays",
    "line_arrays",
    "load_facts",
    "save_facts",
]

FACTS_FORMAT = 3  # 3: a sentence's group only in `group`, not in its line
_KIND = "summitbot-facts"
META = "meta.json"
_DTYPES: dict[str, type[np.generic]] = {
    "lines": np.uint8,
    "offsets": np.int64,
    "group": np.int64,
    "article": np.int32,
    "group_order": np.int64,
    "group_keys": np.int64,
    "quoted": np.int64,
    "disagree_at": np.int64,
    "disagree_ptr": np.int64,
    "disagree_to": np.int64,
}
log = logging.getLogger(__name__)
Arrays = dict[str, npt.NDArray[Any]]
Disagreements = dict[int, tuple[int, ...]]  # a position: the positions disagreeing with it


class StaleFacts(ValueError):
    """Saved facts that cannot be used (missing, unreadable, corrupt or of another fingerprint)."""


def index_arrays(
    groups: Sequence[int],
    article_of: Sequence[int],
    quoted: Sequence[int],
    disagree: dict[int, tuple[int, ...]],
) -> Arrays:
    """Every array but the lines: groups, articles, the group order, quotations and disagreements."""
    group = np.asarray(groups, dtype=np.int64)
    order = np.argsort(group, kind="stable").astype(np.int64)
    at = sorted(disagree)
    return {
        "group": group,
        "article": np.asarray(article_of, dtype=np.int32),
        "group_order": order,
        "group_keys": group[order],
        "quoted": np.asarray(quoted, dtype=np.int64),
        "disagree_at": np.asarray(at, dtype=np.int64),
        "disagree_ptr": offsets(len(disagree[p]) for p in at),
        "disagree_to": np.fromiter((q for p in at for q in disagree[p]), dtype=np.int64),
    }


def line_arrays(lines: Iterable[bytes]) -> Arrays:
    """`lines` and `offsets` from each sentence's encoded facts."""
    encoded = list(lines)
    return {
        "lines": np.frombuffer(b"".join(encoded), dtype=np.uint8),
        "offsets": offsets(len(line) for line in encoded),
    }


def save_facts(directory: Path, arrays: Arrays, fingerprint: str) -> None:
    """Write the folder beside `directory`, then put it in its place (a reader never sees half of one)."""
    meta: dict[str, Any] = {
        "format": _KIND,
        "version": FACTS_FORMAT,
        "fingerprint": fingerprint,
        "sentences": len(arrays["group"]),
        "checksums": {},
        "stamps": {},
    }
    tmp = temp_dir(directory)
    for name, dtype in _DTYPES.items():
        array = np.ascontiguousarray(arrays[name], dtype=dtype)
        np.save(tmp / f"{name}.npy", array, allow_pickle=False)
        meta["checksums"][name] = checksum(array)
        meta["stamps"][name] = file_stamp(tmp / f"{name}.npy")
    (tmp / META).write_text(json.dumps(meta), encoding="utf-8")
    replace_dir(tmp, directory)


def load_facts(directory: Path, fingerprint: str) -> Arrays:
    """The arrays saved in `directory`, memory-mapped; StaleFacts saying why when they cannot be used."""
    meta_path = directory / META
    try:
        meta = read_meta(meta_path, _KIND, FACTS_FORMAT)
    except ValueError as exc:
        raise StaleFacts(str(exc)) from None
    if meta.get("fingerprint") != fingerprint:
        raise StaleFacts(f"{meta_path}: built for another corpus, config or code")
    arrays = {name: _load_array(directory, name, dtype, meta) for name, dtype in _DTYPES.items()}
    _check_shapes(meta_path, meta.get("sentences"), arrays)
    return arrays


def _load_array(
    directory: Path, name: str, dtype: type[np.generic], meta: dict[str, Any]
) -> npt.NDArray[Any]:
    try:
        array = load_checked(directory / f"{name}.npy", meta, name)  # see bot/arrayfiles.py
    except ValueError as exc:
        raise StaleFacts(str(exc)) from None
    if array.dtype != np.dtype(dtype):
        raise StaleFacts(f"{directory / name}.npy: expected {np.dtype(dtype)}, found {array.dtype}")
    return array


def _check_shapes(meta_path: Path, n: object, a: Arrays) -> None:
    good = (
        isinstance(n, int)
        and all(len(a[k]) == n for k in ("group", "article", "group_order", "group_keys"))
        and len(a["offsets"]) == n + 1
        and (n == 0 or int(a["offsets"][-1]) == len(a["lines"]))
        and len(a["disagree_ptr"]) == len(a["disagree_at"]) + 1
        and int(a["disagree_ptr"][-1]) == len(a["disagree_to"])
        and len(a["quoted"]) <= n
    )
    if not good:
        raise StaleFacts(f"{meta_path}: the facts' arrays do not match each other")
