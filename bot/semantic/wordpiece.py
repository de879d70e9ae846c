"""BERT's uncased WordPiece tokenizer (what the model was trained with), in plain Python.

Basic tokenisation: drop control characters, space out CJK ideographs, lower-case, strip accents, split
on whitespace and punctuation; then each word becomes its longest vocabulary pieces from the left, the
inner ones prefixed "##", or [UNK] when it cannot be spelled (or is longer than 100 characters).
"""

from __future__ import annotations

import functools
import re
import unicodedata
from collections.abc import Iterable
from pathlib import Path

__all__ = ["WordPiece", "piece_ids", "vocabulary"]

_MAX_WORD = 100


# BERT's own definitions (its BasicTokenizer), which the model's vocabulary was built with: ASCII
# symbols count as punctuation, and these blocks are CJK ideographs split one character a token.
_ASCII_PUNCTUATION = ((33, 47), (58, 64), (91, 96), (123, 126))
_CJK_BLOCKS = (
    (0x4E00, 0x9FFF),
    (0x3400, 0x4DBF),
    (0x20000, 0x2A6DF),
    (0x2A700, 0x2B73F),
    (0x2B740, 0x2B81F),
    (0x2B820, 0x2CEAF),
    (0xF900, 0xFAFF),
    (0x2F800, 0x2FA1F),
)
_CACHE_WORDS = 200_000  # words whose pieces are remembered before the memo starts again (bounded memory)


@functools.lru_cache(maxsize=4)
def vocabulary(path: Path) -> tuple[str, ...]:
    """A vocab.txt's pieces, one a line, read once per process: the encoder's WordPiece and the typo
    folder's dictionary (bot/semantic/words.py) share one read of the file."""
    lines = path.read_text(encoding="utf-8").split("\n")
    if lines and lines[-1] == "":
        lines.pop()
    return tuple(lines)


@functools.lru_cache(maxsize=4)
def piece_ids(path: Path) -> dict[str, int]:
    """A vocab.txt's pieces -> their ids (line numbers), built once per process and never changed: the
    encoder's WordPiece looks pieces up in it and the typo folder's dictionary (bot/semantic/words.py)
    tests words against it, without a set of its own (about 3 ms of a `summitbot ask`)."""
    pieces = vocabulary(path)
    return dict(zip(pieces, range(len(pieces)), strict=True))  # as enumerate's, twice as fast


def _is_punctuation(ch: str) -> bool:
    cp = ord(ch)
    if any(low <= cp <= high for low, high in _ASCII_PUNCTUATION):
        return True
    return unicodedata.category(ch).startswith("P")


def _is_cjk(cp: int) -> bool:
    return any(low <= cp <= high for low, high in _CJK_BLOCKS)


def _clean(text: str) -> str:
    out = []
    for ch in text:
        cp = ord(ch)
        if cp in (0, 0xFFFD):
            continue
        if ch in "\t\n\r" or unicodedata.category(ch) == "Zs":
            out.append(" ")
        elif unicodedata.category(ch).startswith("C"):
            continue
        elif _is_cjk(cp):
            out.append(f" {ch} ")
        else:
            out.append(ch)
    return "".join(out)


# ASCII text, the usual question, in two C calls: tab, newline and return become spaces and the other
# control characters go (`_clean`); no accents or ideographs can occur; every ASCII symbol is punctuation
# (`_ASCII_PUNCTUATION`), a token alone; the rest of a run between spaces is a word. The same words as
# the general path (tested on random ASCII).
_ASCII_CLEAN = {cp: None for cp in (*range(32), 127)} | {9: " ", 10: " ", 13: " "}
_ASCII_WORDS = re.compile(r"[!-/:-@\[-`{-~]|[^ !-/:-@\[-`{-~]+")


def basic_words(text: str) -> list[str]:
    """The words and punctuation marks BERT's basic tokenizer makes of `text`, lower-cased, unaccented."""
    if text.isascii():
        return _ASCII_WORDS.findall(text.translate(_ASCII_CLEAN).lower())
    return _basic_words(text)


def _basic_words(text: str) -> list[str]:
    """`basic_words` for any text."""
    folded = unicodedata.normalize("NFD", _clean(text).lower())
    folded = "".join(ch for ch in folded if unicodedata.category(ch) != "Mn")
    words: list[str] = []
    for chunk in folded.split():
        current = ""
        for ch in chunk:
            if _is_punctuation(ch):
                if current:
                    words.append(current)
                words.append(ch)
                current = ""
            else:
                current += ch
        if current:
            words.append(current)
    return words


class WordPiece:
    """Text to the model's token ids: [CLS] pieces... [SEP], at most `max_tokens` in all."""

    def __init__(self, vocabulary: Iterable[str] | dict[str, int], max_tokens: int = 256) -> None:
        """`vocabulary`: the pieces in id order, or already as piece -> id (`piece_ids`, read only)."""
        if isinstance(vocabulary, dict):
            self.vocab = vocabulary
        else:
            pieces = list(vocabulary)
            self.vocab = dict(zip(pieces, range(len(pieces)), strict=True))
        self.max_tokens = max_tokens
        self.unk, self.cls, self.sep = (self.vocab[t] for t in ("[UNK]", "[CLS]", "[SEP]"))
        self._cache: dict[str, tuple[int, ...]] = {}

    @classmethod
    def from_file(cls, path: Path, max_tokens: int = 256) -> WordPiece:
        return cls(piece_ids(path), max_tokens)

    def encode(self, text: str) -> list[int]:
        """The ids of `text`, truncated to max_tokens with [CLS] and [SEP] around them."""
        ids = [self.cls]
        for word in basic_words(text):
            ids.extend(self._pieces(word))
            if len(ids) >= self.max_tokens - 1:
                break
        return [*ids[: self.max_tokens - 1], self.sep]

    def _pieces(self, word: str) -> tuple[int, ...]:
        found = self._cache.get(word)
        if found is None:
            found = self._cache[word] = self._spell(word)
            if len(self._cache) > _CACHE_WORDS:
                self._cache.clear()
        return found

    def _spell(self, word: str) -> tuple[int, ...]:
        if len(word) > _MAX_WORD:
            return (self.unk,)
        pieces = []
        start = 0
        while start < len(word):
            end = len(word)
            while end > start:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.vocab:
                    pieces.append(self.vocab[piece])
                    break
                end -= 1
            else:
                return (self.unk,)
            start = end
        return tuple(pieces)
