"""Persisting a SparseBM25 without pickle: .npy arrays plus meta.json, written atomically, checked on load.

Layout of an index folder (the folder belongs to the index; `save` replaces it whole)::

    meta.json      format, version, fingerprint, sentences, avgdl, BM25 settings, vocabulary in term order,
                   and the size and SHA-256 of every array's data
    term_ptr.npy   int64, terms + 1
    doc_ids.npy    int32, postings
    weights.npy    float64, postings
    idf.npy        float64, terms
    block_ptr.npy  int64, terms + 1     each term's slice of block_max
    block_max.npy  float64, blocks      the largest weight of each block of postings (topk.BLOCK)
    term_max.npy   float64, terms       the largest weight of each term

Written atomically (bot/arrayfiles.py). Loading checks every array against its SHA-256 in meta.json, refuses
NaN and infinite weights, and checks the arrays against each other; anything missing, corrupt or
inconsistent is a CorpusError naming the file, and `load_or_build` answers it by rebuilding, with one log
line saying why.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bot.arrayfiles import checksum, file_stamp, finite, map_array, replace_dir, temp_dir, unchanged
from bot.config import RetrievalConfig
from bot.errors import CorpusError
from bot.retrieval.bm25 import SparseBM25
from bot.retrieval.topk import Blocks

__all__ = ["FORMAT", "META_FILE", "VERSION", "load_index", "load_or_build", "save_index"]

log = logging.getLogger(__name__)

FORMAT = "summitbot-sparse-bm25"
VERSION = 2  # 2: float64 weights with BM25+'s delta, block maxima, checksums
META_FILE = "meta.json"
_SCORING_FIELDS = ("variant", "k1", "b", "epsilon", "delta")  # the settings baked into the weights
_ARRAYS = {  # file stem -> the dtypes it may hold
    "term_ptr": ("int64",),
    "doc_ids": ("int32",),
    "weights": ("float64",),
    "idf": ("float64",),
    "block_ptr": ("int64",),
    "block_max": ("float64",),
    "term_max": ("float64",),
}
_FLOATS = ("weights", "idf", "block_max", "term_max")


def save_index(index: SparseBM25, directory: Path) -> None:
    """Write `index` into `directory`, replacing whatever was there in one rename."""
    directory = Path(directory)
    tmp = temp_dir(directory)
    try:
        arrays = {
            "term_ptr": index.term_ptr,
            "doc_ids": index.doc_ids,
            "weights": index.weights,
            "idf": index.idfs,
            "block_ptr": index.blocks.block_ptr,
            "block_max": index.blocks.block_max,
            "term_max": index.blocks.term_max,
        }
        checksums, stamps = {}, {}
        for stem, array in arrays.items():
            data = np.ascontiguousarray(array)
            np.save(tmp / f"{stem}.npy", data, allow_pickle=False)
            checksums[stem] = checksum(data)
            stamps[stem] = file_stamp(tmp / f"{stem}.npy")
        meta = {
            "format": FORMAT,
            "version": VERSION,
            "fingerprint": index.fingerprint,
            "n_docs": index.n_docs,
            "avgdl": index.avgdl,
            "config": {name: getattr(index.config, name) for name in _SCORING_FIELDS},
            "vocabulary": index.terms,
            "checksums": checksums,
            "stamps": stamps,
        }
        (tmp / META_FILE).write_text(json.dumps(meta, ensure_ascii=False), encoding="utf-8")
        replace_dir(tmp, directory)
    except BaseException:
        import shutil  # here: shutil loads the compressors, and a start that only loads never writes

        shutil.rmtree(tmp, ignore_errors=True)
        raise
    log.info("saved the BM25 index (%d sentences) to %s", index.n_docs, directory)


def load_index(directory: Path, *, mmap: bool = True) -> SparseBM25:
    """Read and check an index folder; `mmap` maps the arrays instead of reading them into memory.

    Files whose stamps match meta.json's are trusted; any other is hashed in full (bot/arrayfiles.py)."""
    directory = Path(directory)
    meta = _read_meta(directory / META_FILE)
    arrays = {stem: _read_array(directory / f"{stem}.npy", dtypes, mmap) for stem, dtypes in _ARRAYS.items()}
    stamps = meta.get("stamps") or {}
    verified = set()
    for stem, array in arrays.items():
        if unchanged(directory / f"{stem}.npy", stamps.get(stem)):
            continue
        if checksum(array) != meta["checksums"].get(stem):
            raise CorpusError(f"{directory / (stem + '.npy')}: its checksum does not match the index's meta")
        verified.add(stem)
    for stem in _FLOATS:  # the small ones always; the postings' weights when they were read anyway
        if (stem in verified or stem != "weights") and not finite(arrays[stem]):
            raise CorpusError(f"{directory / (stem + '.npy')}: holds NaN or infinite values")
    vocabulary: list[str] = meta["vocabulary"]
    _check_arrays(directory, arrays, len(vocabulary), meta["n_docs"], ids_read="doc_ids" in verified)
    config = RetrievalConfig(**meta["config"])
    return SparseBM25.from_arrays(
        config,
        terms=vocabulary,
        term_ptr=arrays["term_ptr"],
        doc_ids=arrays["doc_ids"],
        weights=arrays["weights"],
        idf=arrays["idf"],
        n_docs=meta["n_docs"],
        avgdl=meta["avgdl"],
        fingerprint=meta["fingerprint"],
        blocks=Blocks(arrays["block_ptr"], arrays["block_max"], arrays["term_max"]),
    )


def _read_meta(path: Path) -> dict[str, Any]:
    try:
        meta = json.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise CorpusError(f"{path}: the index's meta file is missing") from None
    except (OSError, UnicodeDecodeError, json.JSONDecodeError) as exc:
        raise CorpusError(f"{path}: cannot read the index's meta file ({exc})") from None
    if not isinstance(meta, dict) or meta.get("format") != FORMAT:
        raise CorpusError(f"{path}: not a {FORMAT} index")
    if meta.get("version") != VERSION:
        raise CorpusError(f"{path}: index version {meta.get('version')!r}, this program reads {VERSION}")
    expected: dict[str, type | tuple[type, ...]] = {
        "fingerprint": str,
        "n_docs": int,
        "avgdl": (int, float),
        "config": dict,
        "vocabulary": list,
        "checksums": dict,
    }
    for key, kind in expected.items():
        if not isinstance(meta.get(key), kind):
            raise CorpusError(f"{path}: {key!r} is missing or of the wrong type")
    config = meta["config"]
    if sorted(config) != sorted(_SCORING_FIELDS) or config["variant"] not in ("okapi", "plus", "l"):
        raise CorpusError(f"{path}: bad BM25 settings {config!r}")
    if not all(isinstance(t, str) for t in meta["vocabulary"]):
        raise CorpusError(f"{path}: the vocabulary must be a list of strings")
    return meta


def _read_array(path: Path, dtypes: tuple[str, ...], mmap: bool) -> npt.NDArray[Any]:
    try:
        array = map_array(path) if mmap else np.load(path, allow_pickle=False)
    except FileNotFoundError:
        raise CorpusError(f"{path}: index file is missing") from None
    except (OSError, ValueError, EOFError) as exc:  # a truncated or garbled .npy
        raise CorpusError(f"{path}: cannot read the index file, it may be truncated ({exc})") from None
    if not isinstance(array, np.ndarray) or array.ndim != 1 or array.dtype.name not in dtypes:
        raise CorpusError(f"{path}: expected a 1-D array of {' or '.join(dtypes)}")
    return array


def _check_arrays(
    directory: Path, arrays: dict[str, npt.NDArray[Any]], n_terms: int, n_docs: int, *, ids_read: bool
) -> None:
    """The arrays must agree with each other and with meta.json, so a search can never index out of range
    (the sentence ids are checked when they were read in full, that is when their file is not as written)."""
    term_ptr, doc_ids = arrays["term_ptr"], arrays["doc_ids"]
    problems = {
        "term_ptr": len(term_ptr) != n_terms + 1
        or term_ptr[0] != 0
        or term_ptr[-1] != len(doc_ids)
        or bool(np.any(np.diff(term_ptr) < 0)),
        "idf": len(arrays["idf"]) != n_terms,
        "weights": len(arrays["weights"]) != len(doc_ids),
        "doc_ids": ids_read and len(doc_ids) > 0 and (int(doc_ids.min()) < 0 or int(doc_ids.max()) >= n_docs),
        "block_ptr": len(arrays["block_ptr"]) != n_terms + 1
        or arrays["block_ptr"][-1] != len(arrays["block_max"]),
        "term_max": len(arrays["term_max"]) != n_terms,
    }
    for stem, bad in problems.items():
        if bad:
            raise CorpusError(f"{directory / (stem + '.npy')}: does not match the rest of the index")


def load_or_build(
    index_dir: str | os.PathLike[str],
    fingerprint: str,
    build_fn: Callable[[], SparseBM25],
    *,
    config: RetrievalConfig | None = None,
    mmap: bool = True,
) -> SparseBM25:
    """The persisted index if its fingerprint (and BM25 settings, if `config` is given) match, else a new one.

    A new index is saved for next time; if the folder cannot be written, a warning is logged and the
    in-memory index is used all the same.
    """
    directory = Path(index_dir)
    if (directory / META_FILE).is_file():
        try:
            index = load_index(directory, mmap=mmap)
        except CorpusError as exc:
            log.warning("rebuilding the BM25 index: %s", exc)
        else:
            if index.fingerprint == fingerprint and _same_scoring(index.config, config):
                log.info("loaded the BM25 index from %s", directory)
                return index if config is None else _with_config(index, config)
            log.info("the BM25 index in %s is out of date; rebuilding", directory)
    index = build_fn()
    index.fingerprint = fingerprint
    try:
        save_index(index, directory)
    except OSError as exc:
        log.warning("cannot save the BM25 index to %s (%s); using it from memory", directory, exc)
    return index


def _same_scoring(stored: RetrievalConfig, wanted: RetrievalConfig | None) -> bool:
    return wanted is None or all(getattr(stored, f) == getattr(wanted, f) for f in _SCORING_FIELDS)


def _with_config(index: SparseBM25, config: RetrievalConfig) -> SparseBM25:
    """Carry the caller's non-scoring settings (such as `candidates`) on the loaded index."""
    index.config = config
    return index
