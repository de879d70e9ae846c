"""A structural check of a corpus folder, without cleaning anything: is every write whole and in agreement?

It reads what is on disk only (no recovery), so a test or the kill benchmark can look at a corpus exactly as
an interrupted writer left it, after the next store open has recovered it.
"""

from __future__ import annotations

import json
from pathlib import Path

from bot.corpus import CorpusStore
from bot.corpus_files import MANIFEST, RAW_SUFFIXES, entry_hints, manifest_entries, sha256
from bot.corpus_journal import STATE_DIR
from bot.errors import CorpusError

__all__ = ["verify_store"]


def verify_store(store: CorpusStore) -> list[str]:
    """Every inconsistency found, one line each; an empty list means the corpus is whole."""
    faults = _leftovers(store)
    raw = {p.stem: p for suffix in RAW_SUFFIXES for p in store.raw_dir.glob(f"*{suffix}")}
    clean = {p.stem: p for p in store.clean_dir.glob("*.json")}
    faults += [f"raw without cleaned: {i}" for i in sorted(raw.keys() - clean.keys())]
    faults += [f"cleaned without raw: {i}" for i in sorted(clean.keys() - raw.keys())]
    try:
        entries = manifest_entries(store.manifest_path)
    except CorpusError as exc:
        return [*faults, str(exc)]
    for doc_id in sorted(raw.keys() & clean.keys()):
        data = json.loads(clean[doc_id].read_text(encoding="utf-8"))
        if data.get("source_sha256") != sha256(raw[doc_id].read_bytes()):
            faults.append(f"cleaned file of another raw text: {doc_id}")
        stated = data.get("stated") or {}
        entry = entries.get(doc_id)
        listed = entry_hints(entry, store.manifest_path, doc_id).stated() if entry is not None else {}
        if stated != listed:
            faults.append(f"{MANIFEST} disagrees with the cleaned article's stated metadata: {doc_id}")
    faults += [f"{MANIFEST} entry without an article: {i}" for i in sorted(entries.keys() - raw.keys())]
    return faults + _digest_faults(store, raw)


def _leftovers(store: CorpusStore) -> list[str]:
    state = store.root / STATE_DIR
    faults = [f"left over: {p}" for p in (state / "txn", state / "stage.tmp") if p.exists()]
    for folder in (store.raw_dir, store.clean_dir):
        faults += [f"stray temporary file: {p}" for p in folder.glob(".*.tmp")]
    faults += [f"stray temporary file: {p}" for p in store.root.glob(f".{MANIFEST}.*.tmp")]
    return faults


def _digest_faults(store: CorpusStore, raw: dict[str, Path]) -> list[str]:
    path = store.root / STATE_DIR / "digests.json"
    if not path.exists():
        return []
    files = json.loads(path.read_text(encoding="utf-8")).get("files", {})
    names = {p.name: p for p in raw.values()}
    faults = [f"digest index lists a missing file: {n}" for n in sorted(files.keys() - names.keys())]
    for name in sorted(files.keys() & names.keys()):
        stat = names[name].stat()
        same_stat = (files[name][1], files[name][2]) == (stat.st_size, stat.st_mtime_ns)
        if same_stat and files[name][0] != sha256(names[name].read_bytes()):
            faults.append(f"digest index has a wrong digest: {name}")
    return faults
