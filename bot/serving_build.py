"""Writing the serving form (bot/serving.py): every cleaned article read once, on every core.

At a million sentences the clean folder holds 20,000 JSON files; parsing and validating them was the
index build's longest serial step after the facts. Forked workers (bot/forkpool.py) each read a chunk
of the files in order: they digest each file's bytes (the corpus fingerprint) and parse them
(`CorpusStore.parse_clean`), and send back the chunk's arrays. Here the chunks are joined in order, their
offsets moved past the chunks before them and their drop reasons renumbered into the sorted union: the
arrays `serving_arrays` gives for all the articles at once (tested).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bot.arrayfiles import offsets
from bot.corpus import CorpusStore, corpus_digest
from bot.forkpool import chunks, fork_map
from bot.models import ROLES, Article

__all__ = ["FIELDS", "NO_LINE", "join_forms", "read_form", "serving_arrays"]

Arrays = dict[str, npt.NDArray[Any]]
FIELDS = (
    "id",
    "outlet",
    "date",
    "title",
    "wire",
    "event",
    "url",
    "byline",
    "dateline",
    "source_sha256",
    "updated",
)
NO_LINE = -1  # sent_last_line of a sentence from one raw line
_POINTERS = {"text_ptr": "text", "sent_ptr": "sent_start", "drop_ptr": "drop_text", "drop_first": "drop_line"}


def serving_arrays(articles: Sequence[Article]) -> tuple[Arrays, dict[str, Any]]:
    """The arrays and the metadata of the serving form of `articles`."""
    sentences = [s for a in articles for s in a.sentences]
    dropped = [d for a in articles for d in a.dropped]
    reasons = sorted({d.reason for d in dropped})
    reason_of = {r: i for i, r in enumerate(reasons)}
    texts = [a.text.encode("utf-8") for a in articles]
    drop_texts = [d.text.encode("utf-8") for d in dropped]

    def int32(values: Iterator[int]) -> npt.NDArray[np.int32]:
        return np.fromiter(values, dtype=np.int32)

    arrays: Arrays = {
        "text": np.frombuffer(b"".join(texts), dtype=np.uint8),
        "text_ptr": offsets(len(t) for t in texts),
        "sent_ptr": offsets(len(a.sentences) for a in articles),
        "sent_start": int32(s.start for s in sentences),
        "sent_end": int32(s.end for s in sentences),
        "sent_paragraph": int32(s.paragraph for s in sentences),
        "sent_line": int32(s.line for s in sentences),
        "sent_last_line": int32(NO_LINE if s.last_line is None else s.last_line for s in sentences),
        "sent_role": np.fromiter((ROLES.index(s.role) for s in sentences), dtype=np.uint8),
        "drop_text": np.frombuffer(b"".join(drop_texts), dtype=np.uint8),
        "drop_ptr": offsets(len(t) for t in drop_texts),
        "drop_first": offsets(len(a.dropped) for a in articles),
        "drop_line": int32(d.line for d in dropped),
        "drop_reason": int32(reason_of[d.reason] for d in dropped),
    }
    meta = {
        "articles": [[getattr(a, f) for f in FIELDS] + [dict(a.evidence), dict(a.stated)] for a in articles],
        "reasons": reasons,
    }
    return arrays, meta


def join_forms(parts: Sequence[tuple[Arrays, dict[str, Any]]]) -> tuple[Arrays, dict[str, Any]]:
    """The serving form of consecutive chunks of articles, from each chunk's."""
    if not parts:
        return serving_arrays(())
    reasons = sorted({r for _, meta in parts for r in meta["reasons"]})
    number = {r: i for i, r in enumerate(reasons)}
    joined: Arrays = {}
    for name in parts[0][0]:
        if name in _POINTERS:
            joined[name] = _joined_offsets([arrays[name] for arrays, _ in parts])
        elif name == "drop_reason":
            renumber = [np.asarray([number[r] for r in m["reasons"]], dtype=np.int32) for _, m in parts]
            joined[name] = np.concatenate([r[a[name]] for r, (a, _) in zip(renumber, parts, strict=True)])
        else:
            joined[name] = np.concatenate([arrays[name] for arrays, _ in parts])
    rows = [row for _, meta in parts for row in meta["articles"]]
    return joined, {"articles": rows, "reasons": reasons}


def _joined_offsets(pieces: Sequence[npt.NDArray[np.int64]]) -> npt.NDArray[np.int64]:
    moved, base = [], 0
    for piece in pieces:
        moved.append(piece[:-1] + base)
        base += int(piece[-1])
    moved.append(np.asarray([base], dtype=np.int64))
    return np.concatenate(moved).astype(np.int64)


def read_form(store: CorpusStore, workers: int, chunk: int = 500) -> tuple[Arrays, dict[str, Any], str]:
    """The serving form of every cleaned article of `store` and the corpus fingerprint, the files read
    in chunks of `chunk` on up to `workers` processes."""
    files = store.clean_files()
    parts = list(fork_map(_read_chunk, (store, files), chunks(len(files), chunk, workers=workers), workers))
    arrays, meta = join_forms([(a, m) for a, m, _ in parts])
    return arrays, meta, corpus_digest(d for _, _, digests in parts for d in digests)


def _read_chunk(
    state: tuple[CorpusStore, list[Path]], job: range
) -> tuple[Arrays, dict[str, Any], list[tuple[str, bytes]]]:
    import hashlib  # only a build hashes: an ask must not load OpenSSL (tests/test_startup.py)

    store, files = state
    articles, digests = [], []
    for path in files[job.start : job.stop]:
        data = store.read_clean(path)
        digests.append((path.name, hashlib.sha256(data).digest()))
        articles.append(store.parse_clean(path, data))
    return (*serving_arrays(articles), digests)
