"""The corpus words a typo may be folded onto, indexed once per loaded index: an unknown word's one-edit
neighbours among them are found by a few lookups instead of making and stemming its ~500 neighbours.

A typo is folded onto a neighbour the corpus *writes* (casual.py's `_written`: the neighbour found at the
start of a word, case aside, in a sentence), so every neighbour that can be chosen is a prefix of a word of
the corpus's text. Those prefixes are gathered once, kept when their stem is a term some sentence holds
(what casual.py weighs them by), and keyed by themselves and each of their one-letter deletions (a
symmetric-delete map): a word's neighbours one edit away share one of those keys with it, and an exact test
keeps only them. casual.py then weighs and checks them exactly as before, so the fold is the same.
"""

from __future__ import annotations

import re
import string
from collections.abc import Iterable
from functools import lru_cache

from bot.search import CorpusIndex
from bot.tokenizer import STOPWORDS

__all__ = ["EXPECTED_TYPOS", "NearWords", "TypoTargets", "WrittenWords", "one_edit"]

_RUN = re.compile(r"\b\w+")  # a word of a text as `\b` sees it: where a written neighbour can start
_ASCII_LETTERS = re.compile(r"[A-Za-z]*")
# a word searched without the written words indexed (~0.3 ms) costs about what indexing this many sentences
# does (~12 us each): they are indexed once the searches made would have paid for it
_SENTENCES_A_SEARCH = 25
# the typos a long-running answerer (the Discord bot's answer processes) counts on before its first user: it
# indexes the written words at its start when they would pay for that many (the seed corpus's, 8 ms; not a
# 200,000-sentence corpus's, 2.5 s and ~70 MB, which waits until its own typos pay as a one-shot answer's do)
EXPECTED_TYPOS = 2_000
_SWAPPED = 2  # the places two words differ at when two neighbouring letters are swapped


class NearWords:
    """Words keyed by themselves and each of their one-letter deletions, to find those one edit away."""

    def __init__(self, words: Iterable[str]) -> None:
        self._by_key: dict[str, list[str]] = {}
        for word in words:
            for key in _deletions(word) | {word}:
                self._by_key.setdefault(key, []).append(word)

    def one_edit_from(self, word: str) -> list[str]:
        """The words one deletion, transposition, substitution or insertion from `word` (a word of
        lower-case ASCII letters; the kept words are too), in no set order."""
        found: set[str] = set()
        for key in _deletions(word) | {word}:
            found.update(self._by_key.get(key, ()))
        return [w for w in found if one_edit(word, w)]


class TypoTargets:
    """The corpus-written words a typo may become: each with its stem and how many sentences hold it."""

    def __init__(self, index: CorpusIndex) -> None:
        least = index.config.decision.typo_min_target
        written = written_prefixes(index.articles.sentence_texts(), least)
        prefixes = sorted(written - STOPWORDS)
        stems = index.tokenizer.plain_terms(prefixes) if prefixes else []
        vocabulary = index.bm25.vocabulary
        self.used: dict[str, tuple[int, str]] = {}  # a candidate -> (sentences holding its stem, its stem)
        for prefix, stem in zip(prefixes, stems or (), strict=True):
            freq = index.bm25.doc_freq(stem) if stem in vocabulary else 0
            if freq > 0:
                self.used[prefix] = (freq, stem)
        self.words = NearWords(self.used)
        self.stopwords = NearWords(w for w in STOPWORDS if len(w) >= least and _lower_ascii_letters(w))


class WrittenWords:
    """An index's `TypoTargets`, made once the words searched without them would have paid for making them
    (at once for a small corpus; a large one's first few typos are searched as before)."""

    def __init__(self) -> None:
        self._searches = 0
        self._targets: TypoTargets | None = None

    def when_worth(self, index: CorpusIndex, searches: int = 1) -> TypoTargets | None:
        """The targets, or None while searching without them is still the cheaper, `searches` more counted
        (made here once they pay; two threads may both make them: the same value)."""
        if self._targets is None:
            self._searches += searches
            if self._searches * _SENTENCES_A_SEARCH >= len(index):
                self._targets = TypoTargets(index)
        return self._targets


def written_prefixes(texts: Iterable[str], least: int) -> set[str]:
    """Every string of at least `least` lower-case ASCII letters that a case-insensitive `\\b` + string
    pattern can match in one of `texts`: the prefixes of each word, its letters read as the pattern reads
    them (a letter matches its capital, and a few other characters: the Kelvin sign matches k)."""
    runs = {run for text in texts for run in _RUN.findall(text)}
    found: set[str] = set()
    for run in runs:
        letters = _as_letters(run)
        found.update(letters[:end] for end in range(least, len(letters) + 1))
    return found


def one_edit(word: str, other: str) -> bool:
    """Whether `other` is one deletion, adjacent transposition, substitution or insertion from `word` (and
    not `word` itself): membership of casual.py's `_edits(word)` for words of lower-case ASCII letters."""
    if len(word) == len(other):
        diff = [i for i, (a, b) in enumerate(zip(word, other, strict=True)) if a != b]
        if len(diff) == 1:
            return True
        if len(diff) != _SWAPPED:
            return False
        i, j = diff
        return j == i + 1 and word[i] == other[j] and word[j] == other[i]
    if abs(len(word) - len(other)) != 1:
        return False
    short, long = (word, other) if len(word) < len(other) else (other, word)
    i = 0
    while i < len(short) and short[i] == long[i]:
        i += 1
    return short[i:] == long[i + 1 :]


def _deletions(word: str) -> set[str]:
    return {word[:i] + word[i + 1 :] for i in range(len(word))}


def _as_letters(run: str) -> str:
    """The longest start of `run` whose characters each match an ASCII letter case-insensitively, as those
    lower-case letters."""
    if run.isascii():
        start = _ASCII_LETTERS.match(run)
        return start.group(0).lower() if start else ""
    letters = []
    for char in run:
        letter = _letter_of(char)
        if letter is None:
            break
        letters.append(letter)
    return "".join(letters)


@lru_cache(maxsize=4096)
def _letter_of(char: str) -> str | None:
    """The lower-case ASCII letter a case-insensitive pattern matches `char` with, if any (one at most:
    case folding maps a character to one letter)."""
    return next((c for c in string.ascii_lowercase if re.fullmatch(c, char, re.IGNORECASE)), None)


def _lower_ascii_letters(word: str) -> bool:
    return word.isascii() and word.isalpha() and word.islower()
