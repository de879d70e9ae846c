"""Every sentence's BM25 tokens as numbers, numbered where they are found (the index build's workers).

BM25 numbers its terms in order of first appearance (bot/retrieval/bm25.py). A worker numbers the tokens
of its chunk of sentences the same way within the chunk (`ChunkIds`) and sends the numbers and its list
of distinct tokens, not a million tuples of strings; `TokenIds.add` renumbers each chunk, in corpus
order, into the corpus's numbering. A token first seen in a chunk is numbered after every token of the
chunks before it and, within the chunk, in the order the chunk met it: the order of first appearance
over the whole corpus, so the index is the one the token lists give.
"""

from __future__ import annotations

from array import array
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import numpy.typing as npt

__all__ = ["ChunkIds", "TokenIds"]

try:  # built by `pip install -e .` (optional: the Python numbering below is the definition)
    from bot._wordscan import number as _NUMBER  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - depends on the install
    _NUMBER = None


class _Numbers(dict[str, int]):
    """Token -> its number, the next number given to a token not seen before (a lookup of a known token,
    most of them, is then one subscript in C: `map(numbers.__getitem__, tokens)`)."""

    def __missing__(self, token: str) -> int:
        number = self[token] = len(self)
        return number


@dataclass(slots=True)
class ChunkIds:
    """A chunk's tokens: its distinct tokens in order of first appearance, each token's number in that
    list (native int32s, end to end), and each sentence's number of tokens."""

    words: dict[str, int] = field(default_factory=_Numbers)
    ids: bytearray = field(default_factory=bytearray)
    lengths: array[int] = field(default_factory=lambda: array("q"))

    def add(self, tokens: Sequence[str]) -> None:
        """The next sentence's tokens (numbered in C when bot/_wordscan.c is built: the same numbers)."""
        if _NUMBER is not None and type(tokens) is list:
            _NUMBER(tokens, self.words, self.ids)
        else:
            self.ids += array("i", map(self.words.__getitem__, tokens)).tobytes()
        self.lengths.append(len(tokens))


@dataclass(slots=True)
class TokenIds:
    """The corpus's tokens: its distinct tokens in order of first appearance, and each sentence's."""

    words: dict[str, int] = field(default_factory=dict)
    _ids: list[npt.NDArray[np.int32]] = field(default_factory=list)  # int32: held until BM25 is built
    _lengths: list[npt.NDArray[np.int64]] = field(default_factory=list)

    def add(self, chunk: ChunkIds) -> None:
        """A chunk's sentences after those already here."""
        renumber = self._numbers(chunk.words)
        self._ids.append(renumber[np.frombuffer(chunk.ids, dtype=np.int32)])
        self._lengths.append(np.frombuffer(chunk.lengths, dtype=np.int64))

    def is_empty(self) -> bool:
        """Whether no sentence was added."""
        return not self._lengths

    def join(self, other: TokenIds) -> None:
        """`other`'s sentences after those already here (renumbered as `add` renumbers a chunk)."""
        renumber = self._numbers(other.words)
        self._ids.extend(renumber[piece] for piece in other._ids)
        self._lengths.extend(other._lengths)

    def _numbers(self, tokens: Iterable[str]) -> npt.NDArray[np.int32]:
        """Each of `tokens`' number here, numbering those not seen before on from the last."""
        words, number = self.words, self.words.setdefault
        if _NUMBER is not None:  # the same numbers, in C (`ChunkIds.add`'s numbering)
            numbers = bytearray()
            _NUMBER(list(tokens), words, numbers)
            return np.frombuffer(numbers, dtype=np.int32)
        listed = list(tokens)
        return np.fromiter((number(t, len(words)) for t in listed), np.int32, len(listed))

    def extend(self, sentences: Iterable[Sequence[str]]) -> None:
        """Sentences' token lists after those already here."""
        chunk = ChunkIds()
        for tokens in sentences:
            chunk.add(tokens)
        self.add(chunk)

    def arrays(self) -> tuple[list[str], npt.NDArray[np.int64], npt.NDArray[np.int64]]:
        """The distinct tokens, every token's number (sentence after sentence), each sentence's length."""
        ids = np.empty(sum(len(piece) for piece in self._ids), dtype=np.int64)
        if self._ids:
            np.concatenate(self._ids, out=ids)  # widened as copied: no int32 copy of them all
        lengths = np.concatenate(self._lengths) if self._lengths else np.zeros(0, dtype=np.int64)
        return list(self.words), ids, lengths

    def take(self) -> tuple[list[str], list[npt.NDArray[np.signedinteger[Any]]], npt.NDArray[np.int64]]:
        """The distinct tokens, every token's number in consecutive pieces (handed over: this object
        keeps none of them, so the one who takes them frees them), each sentence's length."""
        pieces: list[npt.NDArray[np.signedinteger[Any]]] = list(self._ids)
        self._ids.clear()
        lengths = np.concatenate(self._lengths) if self._lengths else np.zeros(0, dtype=np.int64)
        return list(self.words), pieces, lengths

    def lists(self) -> list[list[str]]:
        """Each sentence's tokens again (tests)."""
        words, ids, lengths = self.arrays()
        ends = np.cumsum(lengths).tolist()
        flat = [words[i] for i in ids.tolist()]
        return [flat[end - n : end] for end, n in zip(ends, lengths.tolist(), strict=True)]
