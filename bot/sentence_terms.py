"""Every sentence's and headline's analysed terms (`Tokenizer.names_and_words`), computed when the index is
built and saved beside it, so an answer reads them instead of tokenising its candidates again.

At a million sentences, tokenising the 40 candidates of a question, the sentence before each and their
headlines, all met for the first time, was 60 % of a whole answer (bench/README.md). Read back, a
sentence's terms cost one slice of a memory-mapped byte array and a split.

Folder layout (written atomically and checked at load like the BM25 index: bot/arrayfiles.py)::

    meta.json      format, version, stamp (the index fingerprint), counts, checksums and file stamps
    text.npy       uint8: each sentence's terms, sorted, UTF-8, separated by single spaces, end to end
    ptr.npy        int64, sentences + 1: where each sentence's terms start
    title.npy      uint8: each article's headline terms, the same way
    title_ptr.npy  int64, articles + 1

A term never holds whitespace (words are matched without it, entity and group tokens join with '_'),
so the space is a safe separator; `build` refuses a term that would break that.
"""

from __future__ import annotations

import logging
import zlib
from collections.abc import Callable, Iterable
from dataclasses import field
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt

from bot.arrayfiles import ByteStream, load_checked, offsets, read_meta, save_folder
from bot.frozen import dataclass
from bot.tokenizer import Tokenizer

__all__ = [
    "FORMAT",
    "VERSION",
    "EncodedTerms",
    "SentenceTerms",
    "encode_terms",
    "load_or_build_terms",
    "load_or_save_found",
]

log = logging.getLogger(__name__)

try:  # built by `pip install -e .` (optional: `encode_terms`'s Python form is the definition)
    from bot._wordscan import encode as _ENCODE  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - depends on the install
    _ENCODE = None

FORMAT = "summitbot-sentence-terms"
VERSION = 1
META = "meta.json"
_ARRAYS = {"text": np.uint8, "ptr": np.int64, "title": np.uint8, "title_ptr": np.int64}
_EMPTY: frozenset[str] = frozenset()
_SPACE = ord(" ")


class SentenceTerms:
    """Terms by sentence position and by article position, decoded on demand (nothing is cached here)."""

    def __init__(self, arrays: dict[str, npt.NDArray[Any]]) -> None:
        self._text, self._ptr = arrays["text"], arrays["ptr"]
        self._title, self._title_ptr = arrays["title"], arrays["title_ptr"]
        self.arrays = arrays
        # Read a few at a time for every answer's candidates: memoryviews give bytes and Python ints
        # without numpy's cost per item (about 1 µs).
        self._views = tuple(arrays[k].data for k in ("text", "ptr", "title", "title_ptr"))

    @classmethod
    def build(
        cls, tokenizer: Tokenizer, sentences: Iterable[str], titles: Iterable[str | None]
    ) -> SentenceTerms:
        """The terms of every sentence and every article's headline (None or empty: no terms)."""
        text, ptr = _encode(tokenizer, sentences)
        title, title_ptr = _encode(tokenizer, titles)
        return cls({"text": text, "ptr": ptr, "title": title, "title_ptr": title_ptr})

    def __len__(self) -> int:
        return len(self._ptr) - 1

    def articles(self) -> int:
        return len(self._title_ptr) - 1

    def of(self, position: int) -> frozenset[str]:
        """A sentence's terms."""
        return _decode(self._views[0], self._views[1], position)

    def title_of(self, article: int) -> frozenset[str]:
        """An article's headline terms."""
        return _decode(self._views[2], self._views[3], article)

    def span_has(self, start: int, end: int, words: Iterable[str]) -> bool:
        """True when one of `words` is a term of a sentence at positions start..end-1: one slice of the
        saved text for a whole article, searched for each word as a whole term (its ends at a space or at
        a sentence's edge), instead of a set per sentence."""
        text, ptr = self._views[0], self._views[1]
        low, high = ptr[start], ptr[end]
        raw = text[low:high].tobytes()
        edges: set[int] | None = None  # where one sentence's terms end and the next's begin
        for word in words:
            key = word.encode("utf-8")
            at = raw.find(key) if key else -1
            while at >= 0:
                stop = at + len(key)
                if edges is None:
                    edges = set((self._ptr[start : end + 1] - low).tolist())
                if (at in edges or raw[at - 1] == _SPACE) and (stop in edges or raw[stop] == _SPACE):
                    return True
                at = raw.find(key, at + 1)
        return False


@dataclass(slots=True)
class EncodedTerms:
    """Terms encoded as they are found, in order (the index build fills one where it tokenises each
    sentence, on every core): the sentences' bytes end to end, each piece's length, and the same for
    the headlines. `pack` compresses the sentences' bytes so far (a chunk's, in the worker that found
    them): a million sentences' terms take about 280 MB as text, which the build would otherwise hold
    from its first article to its end."""

    text: bytearray = field(default_factory=bytearray)
    lengths: list[int] = field(default_factory=list)
    title: bytearray = field(default_factory=bytearray)
    title_lengths: list[int] = field(default_factory=list)
    packed: list[bytes] = field(default_factory=list)  # earlier sentences' bytes, zlib-compressed

    def add(self, found: Iterable[str]) -> None:
        """The next sentence's terms."""
        piece = encode_terms(found)
        self.text += piece
        self.lengths.append(len(piece))

    def add_title(self, found: Iterable[str]) -> None:
        """The next article's headline terms."""
        piece = encode_terms(found)
        self.title += piece
        self.title_lengths.append(len(piece))

    def pack(self) -> None:
        """Compress the sentences' bytes found so far."""
        if self.text:
            self.packed.append(zlib.compress(self.text, 1))
            self.text = bytearray()

    def extend(self, other: EncodedTerms) -> None:
        """`other`'s terms after these."""
        self.pack()
        other.pack()
        self.packed.extend(other.packed)
        self.lengths.extend(other.lengths)
        self.title += other.title
        self.title_lengths.extend(other.title_lengths)

    def save(self, directory: Path, stamp: str) -> SentenceTerms:
        """Save `terms()` as `save_terms` does (the same files), the sentences' text written from its
        compressed pieces instead of assembled in memory first (at a million sentences 280 MB, the
        build's last peak), and return the saved terms, memory-mapped."""
        self.pack()
        text = ByteStream(sum(self.lengths), lambda: map(zlib.decompress, self.packed))
        title = np.frombuffer(self.title, np.uint8)
        arrays: dict[str, npt.NDArray[Any] | ByteStream] = {
            "text": text,
            "title": title,
            "ptr": offsets(self.lengths),
            "title_ptr": offsets(self.title_lengths),
        }
        counts = {"sentences": len(self.lengths), "articles": len(self.title_lengths)}
        save_folder(directory, arrays, {"format": FORMAT, "version": VERSION, "stamp": stamp} | counts)
        return load_terms(directory, stamp, (counts["sentences"], counts["articles"]))

    def terms(self) -> SentenceTerms:
        """The terms as the saved arrays."""
        self.pack()
        text = np.empty(sum(self.lengths), dtype=np.uint8)
        at = 0
        for blob in self.packed:
            piece = zlib.decompress(blob)
            text[at : at + len(piece)] = np.frombuffer(piece, dtype=np.uint8)
            at += len(piece)
        assert at == len(text), "the packed terms do not match their lengths"
        arrays: dict[str, npt.NDArray[Any]] = {"text": text, "title": np.frombuffer(self.title, np.uint8)}
        arrays["ptr"], arrays["title_ptr"] = offsets(self.lengths), offsets(self.title_lengths)
        return SentenceTerms(arrays)


def _decode(text: memoryview, ptr: memoryview, i: int) -> frozenset[str]:
    start, end = ptr[i], ptr[i + 1]
    if start == end:
        return _EMPTY
    return frozenset(str(text[start:end], "utf-8").split(" "))


def _encode(
    tokenizer: Tokenizer, texts: Iterable[str | None]
) -> tuple[npt.NDArray[np.uint8], npt.NDArray[Any]]:
    data = bytearray()  # grown in place: one copy of the text in memory, not a list of pieces and a join
    lengths = []
    for text in texts:
        piece = encode_terms(tokenizer.names_and_words(text)) if text else b""
        data += piece
        lengths.append(len(piece))
    return np.frombuffer(data, dtype=np.uint8), offsets(lengths)


def encode_terms(found: Iterable[str]) -> bytes:
    """One text's terms as saved (`_encoded`), in C when bot/_wordscan.c is built and every term is ASCII,
    neither empty nor holding whitespace: the same bytes (tests/test_wordscan.py)."""
    terms = list(found)
    if _ENCODE is not None:
        encoded: bytes | None = _ENCODE(terms)
        if encoded is not None:
            return encoded
    return _encoded(terms)


def _encoded(found: Iterable[str]) -> bytes:
    """One text's terms as saved: sorted, UTF-8, separated by single spaces."""
    terms = sorted(found)
    joined = " ".join(terms)
    if joined.split() != terms:  # a term holding whitespace, or an empty one, does not come back whole
        raise ValueError(f"a term holds whitespace or is empty: {terms!r}")
    return joined.encode("utf-8")


def save_terms(terms: SentenceTerms, directory: Path, stamp: str) -> None:
    """Write `terms` into `directory` (replacing it in one rename), under `stamp`."""
    meta = {"format": FORMAT, "version": VERSION, "stamp": stamp}
    save_folder(directory, terms.arrays, meta | {"sentences": len(terms), "articles": terms.articles()})


def load_terms(directory: Path, stamp: str, counts: tuple[int, int] | None = None) -> SentenceTerms:
    """The saved terms, memory-mapped; ValueError saying why when they are missing, stale or damaged, or
    hold another number of (sentences, articles) than `counts`."""
    meta = read_meta(directory / META, FORMAT, VERSION)
    if meta.get("stamp") != stamp:
        raise ValueError(f"{directory}: made for another corpus or tokenizer")
    if counts is not None and (meta.get("sentences"), meta.get("articles")) != counts:
        raise ValueError(f"{directory}: made for {meta.get('sentences')} sentences, not {counts[0]}")
    arrays = {}
    for name, dtype in _ARRAYS.items():
        array = load_checked(directory / f"{name}.npy", meta, name)
        if array.dtype != np.dtype(dtype):
            raise ValueError(f"{directory / name}.npy: expected {np.dtype(dtype)}, got {array.dtype}")
        arrays[name] = array
    for text, ptr, count in (("text", "ptr", "sentences"), ("title", "title_ptr", "articles")):
        p = arrays[ptr]
        if (
            len(p) != meta.get(count, -1) + 1
            or p[0] != 0
            or p[-1] != len(arrays[text])
            or np.any(p[1:] < p[:-1])
        ):
            raise ValueError(f"{directory / ptr}.npy: does not match {text}.npy")
    return SentenceTerms(arrays)


def load_or_build_terms(
    directory: Path,
    stamp: str,
    build: Callable[[], SentenceTerms],
    counts: tuple[int, int] | None = None,
    *,
    found: EncodedTerms | None = None,
) -> SentenceTerms:
    """The terms saved in `directory` under `stamp` (for `counts` sentences and articles, when given), else
    built (and saved if the folder can be written); terms `found` by the index build are saved from
    their compressed pieces (`EncodedTerms.save`) instead."""
    if found is not None:
        saved = load_or_save_found(directory, stamp, found, counts)
        if saved is not None:
            return saved
    else:
        try:
            return load_terms(directory, stamp, counts)
        except ValueError as exc:
            if (directory / META).exists():
                log.warning("rebuilding the sentence terms: %s", exc)
    terms = build()
    try:
        save_terms(terms, directory, stamp)
    except OSError as exc:
        log.warning("the sentence terms could not be saved to %s (%s)", directory, exc)
    return terms


def load_or_save_found(
    directory: Path, stamp: str, found: EncodedTerms, counts: tuple[int, int] | None = None
) -> SentenceTerms | None:
    """The terms saved in `directory` under `stamp` (as `load_or_build_terms` loads them), else `found`
    saved there and loaded; None, logged, when they could not be saved (the caller then builds them)."""
    try:
        return load_terms(directory, stamp, counts)
    except ValueError as exc:
        if (directory / META).exists():
            log.warning("rebuilding the sentence terms: %s", exc)
    try:
        return found.save(directory, stamp)
    except (OSError, ValueError) as exc:
        log.warning("the sentence terms could not be saved to %s (%s)", directory, exc)
    return None
