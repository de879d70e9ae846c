"""The serving form of the cleaned corpus: every article in a few numpy arrays and one JSON, loaded in O(1).

`corpus/clean/*.json` stay the source of truth. Parsing all of them costs seconds at a million sentences, so
the first start after they change writes this compact form into the index folder, and every later start
reads it instead: the arrays are memory-mapped and an article is decoded only when it is used (an answer
touches a few; `show` one). Layout of ``INDEX/serving/``::

    meta.json        format, version, the clean folder's stat key and content fingerprint, article metadata
                     (id, outlet, date, title, ...), the drop reasons, and each array's size and SHA-256
    text.npy         uint8, every article's text in UTF-8, one after another
    text_ptr.npy     int64, articles + 1: byte offsets into text
    sent_ptr.npy     int64, articles + 1: each article's first sentence in the flat sentence table
    sent_start.npy, sent_end.npy, sent_paragraph.npy, sent_line.npy, sent_last_line.npy (-1: none)
                     int32, sentences
    sent_role.npy    uint8, sentences: an index into models.ROLES
    drop_text.npy    uint8, drop_ptr.npy int64 (dropped + 1), drop_first.npy int64 (articles + 1),
    drop_line.npy    int32, drop_reason.npy int32 (an index into meta's reasons)

Each file's stamp (bot/arrayfiles.py) is kept beside its checksum: an unchanged file is trusted and
mapped, any other is hashed in full. Freshness: the stat key digests every clean file's name, size and
modification time (a listing of 20,000 files takes 0.1-0.3 s here); when it differs, the form is
rebuilt from the JSON files, whose contents also give the fingerprint the BM25 index is keyed on.
Per-sentence facts are persisted by the facts layer beside this folder, keyed on the same fingerprint.
Written atomically and checked at load like the BM25 index (bot/retrieval/store.py): a missing, corrupt
or mismatched file is rebuilt, with one log line saying why.
"""

from __future__ import annotations

import dataclasses
import itertools
import logging
import os
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any, overload

import numpy as np
import numpy.typing as npt

from bot.arrayfiles import load_checked, read_meta, save_folder
from bot.corpus import CorpusStore
from bot.digest import blake2b
from bot.errors import CorpusError
from bot.models import ROLES, Article, DroppedLine, Sentence
from bot.serving_build import FIELDS, NO_LINE, read_form

__all__ = [
    "ArticleTable",
    "MemoryArticles",
    "StoredArticles",
    "load_articles",
    "load_or_build_articles",
    "stat_key",
]

log = logging.getLogger(__name__)

FORMAT = "summitbot-serving-corpus"
VERSION = 2  # 2: updated, stated and Sentence.last_line
META = "meta.json"
_INT32 = (
    "sent_start",
    "sent_end",
    "sent_paragraph",
    "sent_line",
    "sent_last_line",
    "drop_line",
    "drop_reason",
)
_INT64 = ("text_ptr", "sent_ptr", "drop_ptr", "drop_first")
_UINT8 = ("text", "sent_role", "drop_text")


class ArticleTable(Sequence[Article]):
    """The articles in id order, as a sequence, plus what the index needs without decoding them all."""

    fingerprint: str = ""

    def ids(self) -> list[str]:
        """Every article's id, in order."""
        raise NotImplementedError

    def sentence_counts(self) -> npt.NDArray[np.int64]:
        """How many sentences each article has, in order."""
        raise NotImplementedError

    def sentence_texts(self) -> Iterator[str]:
        """Every sentence's text, article after article (what the BM25 index tokenises)."""
        raise NotImplementedError

    @overload
    def __getitem__(self, i: int) -> Article: ...
    @overload
    def __getitem__(self, i: slice) -> Sequence[Article]: ...
    def __getitem__(self, i: int | slice) -> Article | Sequence[Article]:
        if isinstance(i, slice):
            return tuple(self.article(j) for j in range(*i.indices(len(self))))
        if i < 0:
            i += len(self)
        if not 0 <= i < len(self):
            raise IndexError(i)
        return self.article(i)

    def article(self, i: int) -> Article:
        raise NotImplementedError

    def article_once(self, i: int) -> Article:
        """Article i, not kept decoded once dropped: a pass over every article (the index build) would
        otherwise keep them all."""
        return self.article(i)


class MemoryArticles(ArticleTable):
    """Articles already in memory (tests, benchmarks, an explicit list)."""

    def __init__(self, articles: Sequence[Article], fingerprint: str = "") -> None:
        self._articles = tuple(articles)
        self.fingerprint = fingerprint

    def __len__(self) -> int:
        return len(self._articles)

    def article(self, i: int) -> Article:
        return self._articles[i]

    def ids(self) -> list[str]:
        return [a.id for a in self._articles]

    def sentence_counts(self) -> npt.NDArray[np.int64]:
        return np.fromiter((len(a.sentences) for a in self._articles), dtype=np.int64, count=len(self))

    def sentence_texts(self) -> Iterator[str]:
        return (s.text for a in self._articles for s in a.sentences)


class StoredArticles(ArticleTable):
    """Articles in the serving form: decoded on first use and kept (sentences never change)."""

    def __init__(self, meta: dict[str, Any], arrays: dict[str, npt.NDArray[Any]]) -> None:
        self.stat_key: str = meta["stat_key"]
        self._meta = meta["articles"]
        self._reasons: list[str] = meta["reasons"]
        self._a = arrays
        self.fingerprint = meta["fingerprint"]
        self._cache: dict[int, Article] = {}

    def __len__(self) -> int:
        return len(self._meta)

    def ids(self) -> list[str]:
        return [m[0] for m in self._meta]

    def sentence_counts(self) -> npt.NDArray[np.int64]:
        return np.diff(self._a["sent_ptr"])

    def __iter__(self) -> Iterator[Article]:
        return (self.article(i) for i in range(len(self)))

    def _text(self, i: int) -> str:
        lo, hi = self._a["text_ptr"][i], self._a["text_ptr"][i + 1]
        return self._a["text"][lo:hi].tobytes().decode("utf-8")

    def sentence_texts(self) -> Iterator[str]:
        starts, ends, first = self._a["sent_start"], self._a["sent_end"], self._a["sent_ptr"]
        for i in range(len(self)):
            text, lo, hi = self._text(i), int(first[i]), int(first[i + 1])
            yield from (text[s:e] for s, e in zip(starts[lo:hi].tolist(), ends[lo:hi].tolist(), strict=True))

    def article(self, i: int) -> Article:
        cached = self._cache.get(i)
        if cached is None:
            cached = self._cache[i] = _LazyArticle.create(self, i, self._meta[i])
        return cached

    def article_once(self, i: int) -> Article:
        return self._cache.get(i) or _LazyArticle.create(self, i, self._meta[i])

    def decode_body(self, i: int) -> tuple[str, tuple[Sentence, ...], tuple[DroppedLine, ...]]:
        """Article i's text, sentences and dropped lines."""
        a, text = self._a, self._text(i)
        lo, hi = int(a["sent_ptr"][i]), int(a["sent_ptr"][i + 1])
        keys = ("sent_start", "sent_end", "sent_paragraph", "sent_line", "sent_last_line")
        columns = [a[k][lo:hi].tolist() for k in keys]
        roles = a["sent_role"][lo:hi].tolist()
        sentences = tuple(
            Sentence(
                text=text[s:e],
                paragraph=p,
                role=ROLES[r],
                line=line,
                start=s,
                end=e,
                last_line=None if last == NO_LINE else last,
            )
            for s, e, p, line, last, r in zip(*columns, roles, strict=True)
        )
        lo, hi = int(a["drop_first"][i]), int(a["drop_first"][i + 1])
        ptr = a["drop_ptr"][lo : hi + 1].tolist()
        blob = a["drop_text"][ptr[0] : ptr[-1]].tobytes() if hi > lo else b""
        base = ptr[0]
        pieces = [blob[p0 - base : p1 - base].decode("utf-8") for p0, p1 in itertools.pairwise(ptr)]
        lines, reasons = a["drop_line"][lo:hi].tolist(), a["drop_reason"][lo:hi].tolist()
        dropped = tuple(
            DroppedLine(line=line, text=piece, reason=self._reasons[r])
            for line, r, piece in zip(lines, reasons, pieces, strict=True)
        )
        return text, sentences, dropped


class _LazyArticle(Article):
    """An Article whose metadata is there at once and whose text, sentences and dropped lines are decoded
    at their first use: a table of every outlet over 20,000 articles decodes none of them."""

    __slots__ = ("_body", "_position", "_table")
    _body: tuple[str, tuple[Sentence, ...], tuple[DroppedLine, ...]] | None
    _position: int
    _table: StoredArticles

    @classmethod
    def create(cls, table: StoredArticles, position: int, meta: list[Any]) -> _LazyArticle:
        self = object.__new__(cls)
        for name, value in zip(FIELDS, meta, strict=False):
            object.__setattr__(self, name, value)
        object.__setattr__(self, "evidence", dict(meta[len(FIELDS)]))
        object.__setattr__(self, "stated", dict(meta[len(FIELDS) + 1]))
        for name, value in (("_table", table), ("_position", position), ("_body", None)):
            object.__setattr__(self, name, value)
        return self

    def _decoded(self) -> tuple[str, tuple[Sentence, ...], tuple[DroppedLine, ...]]:
        body = self._body
        if body is None:
            body = self._table.decode_body(self._position)
            object.__setattr__(self, "_body", body)
        return body

    @property
    def text(self) -> str:
        return self._decoded()[0]

    @property
    def sentences(self) -> tuple[Sentence, ...]:
        return self._decoded()[1]

    @property
    def dropped(self) -> tuple[DroppedLine, ...]:
        return self._decoded()[2]

    def __eq__(self, other: object) -> bool:
        """Equal to any Article with the same fields (the dataclass's own test wants the same class)."""
        if not isinstance(other, Article):
            return NotImplemented
        return all(getattr(self, f.name) == getattr(other, f.name) for f in dataclasses.fields(Article))

    __hash__ = Article.__hash__


def stat_key(clean_dir: Path) -> str:
    """A digest of the clean files' names, sizes and modification times: any write changes it."""
    digest = blake2b(digest_size=32)
    entries = sorted((e.name, e.stat()) for e in os.scandir(clean_dir) if e.name.endswith(".json"))
    for name, st in entries:
        digest.update(f"{name}\0{st.st_size}\0{st.st_mtime_ns}\n".encode())
    return digest.hexdigest()[:32]


def load_or_build_articles(
    store: CorpusStore, directory: Path, workers: int = 1, chunk: int = 500
) -> StoredArticles:
    """The serving form of `store`'s cleaned articles: loaded if it matches the clean folder, else rebuilt
    (the files read `chunk` at a time on up to `workers` processes: bot/serving_build.py).

    If the folder cannot be written, the form is built in a temporary folder and used from there."""
    if not store.clean_dir.is_dir():
        raise CorpusError(f"{store.clean_dir}: no cleaned corpus; run `summitbot clean`")
    key = stat_key(store.clean_dir)
    if (directory / META).is_file():
        try:
            table = _load(directory)
        except CorpusError as exc:
            log.warning("rebuilding the serving corpus: %s", exc)
        else:
            if table.stat_key == key:
                return table
            log.info("the cleaned corpus changed; rebuilding the serving corpus in %s", directory)
    _save(store, directory, key, workers, chunk)
    return _load(directory)


def load_articles(clean_dir: Path, directory: Path) -> StoredArticles | None:
    """The serving form in `directory` if it is whole and matches `clean_dir`, else None; never writes.

    Safe without the writer lock: the form is written into a new folder that takes its place by rename,
    and every array is checked against its folder's meta (bot/arrayfiles.py), so a read racing a rebuild
    gets the old folder or the new one, or a mismatch (None: the caller then loads under the lock)."""
    if not clean_dir.is_dir():
        return None
    try:
        table = _load(directory)
    except CorpusError as exc:
        log.debug("the serving corpus cannot be loaded without the writer lock: %s", exc)
        return None
    return table if table.stat_key == stat_key(clean_dir) else None


def _save(store: CorpusStore, directory: Path, key: str, workers: int, chunk: int) -> None:
    """Read every cleaned article once (validated by the schema) and write the serving form."""
    arrays, meta, fingerprint = read_form(store, workers, chunk)
    meta |= {"format": FORMAT, "version": VERSION, "stat_key": key, "fingerprint": fingerprint}
    save_folder(directory, arrays, meta)
    log.info("wrote the serving corpus (%d articles) to %s", len(meta["articles"]), directory)


def _load(directory: Path) -> StoredArticles:
    meta_path = directory / META
    try:
        meta = read_meta(meta_path, FORMAT, VERSION)
    except ValueError as exc:
        raise CorpusError(str(exc)) from None
    arrays = {}
    for name in (*_INT32, *_INT64, *_UINT8):
        try:
            arrays[name] = load_checked(directory / f"{name}.npy", meta, name)  # see bot/arrayfiles.py
        except ValueError as exc:
            raise CorpusError(str(exc)) from None
    _check_shapes(directory, meta, arrays)
    return StoredArticles(meta, arrays)


def _check_shapes(directory: Path, meta: dict[str, Any], a: dict[str, npt.NDArray[Any]]) -> None:
    n = len(meta["articles"])
    sentences = len(a["sent_start"])
    good = (
        all(len(a[k]) == n + 1 for k in ("text_ptr", "sent_ptr", "drop_first"))
        and int(a["sent_ptr"][-1]) == sentences
        and all(
            len(a[k]) == sentences
            for k in ("sent_end", "sent_paragraph", "sent_line", "sent_last_line", "sent_role")
        )
        and int(a["text_ptr"][-1]) == len(a["text"])
        and len(a["drop_ptr"]) == len(a["drop_line"]) + 1
        and int(a["drop_ptr"][-1]) == len(a["drop_text"])
    )
    if not good:
        raise CorpusError(f"{directory / META}: the serving corpus's arrays do not match each other")
