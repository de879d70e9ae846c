"""A text's words as the facts' cheap tests read them: the maximal runs of a-z of its lower-cased text.

A pattern that can only match where one of a few literal words stands whole (a speech verb, a person's
alias, a pronoun, a role's noun, a number word) need not scan a text none of whose runs is such a word:
its result is empty either way. The runs are computed once per text (an article's sentence is read by the
speakers' search, then by the figures reader) and kept for the latest texts.

`plain_runs` gives them only for a plain text: ASCII but for marks that have no case (curly quotation
marks, dashes, the ellipsis, the no-break space). There lower-casing changes A-Z alone and moves no
character, and every character a pattern's word boundary (`\\b`, `(?<![\\w-])`) stands on stays a
non-letter, so a word a pattern matches whole, in any case, is one of the runs. Any other text gets None:
its callers then run every pattern.

Both run in C where the extension bot/facts/_runs.c is built (several times faster on the index build's
millions of sentences); the regex definitions below are the reference and the fallback. The C scan keeps
only the runs that are *looked for*: the words of the key sets made with `keyed` (or `run_keys`), which are
all the tests ask about, so it makes no string for a text's other words. A test `runs.isdisjoint(keys)`,
keys made so, reads the same on either set.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import lru_cache

__all__ = [
    "HAVE_KERNEL",
    "has_digit",
    "keyed",
    "letter_runs",
    "looked_for",
    "may_end",
    "plain_runs",
    "run_keys",
    "starts_word",
]

try:
    from bot.facts import _runs  # type: ignore[attr-defined,unused-ignore]

    HAVE_KERNEL = True
except ImportError:  # pragma: no cover - the extension is optional
    _runs = None
    HAVE_KERNEL = False

_LETTERS = re.compile(r"[a-z]+")
# a character that is neither ASCII nor a quotation mark, dash, ellipsis or no-break space (none has a case)
_UNCASED = re.compile(r"[^\x00-\x7f‘’“”–—…«»\u00a0]")
_DIGIT = re.compile(r"[0-9]")
_KEPT = 512  # texts whose runs are kept: an article's sentences, paragraphs and their masked forms


@lru_cache(maxsize=_KEPT)
def letter_runs(text: str) -> frozenset[str]:
    """The maximal runs of a-z in `text.lower()`."""
    runs = plain_runs(text)  # a plain text's are those, often remembered already
    return runs if runs is not None else python_letter_runs(text)


@lru_cache(maxsize=_KEPT)
def plain_runs(text: str) -> frozenset[str] | None:
    """`letter_runs(text)` for a plain text (see the module docstring), else None."""
    return _runs.plain_runs(text) if _runs is not None else python_plain_runs(text)


def has_digit(text: str) -> bool:
    """Whether `text` holds an ASCII digit."""
    return _runs.has_digit(text) if _runs is not None else python_has_digit(text)


def starts_word(text: str, names: tuple[str, ...]) -> bool | None:
    """For an ASCII text, whether one of `names` (ASCII letters) is written at a word's start, perhaps of a
    longer word: whether `\\b(?:name|...)` matches it. None for another text, or without the extension."""
    return _runs.starts_word(text, names) if _runs is not None else None


def python_letter_runs(text: str) -> frozenset[str]:
    """`letter_runs` without the extension (the reference)."""
    return frozenset(_LETTERS.findall(text.lower()))


def python_plain_runs(text: str) -> frozenset[str] | None:
    """`plain_runs` without the extension (the reference)."""
    return python_letter_runs(text) if _UNCASED.search(text) is None else None


def python_has_digit(text: str) -> bool:
    """`has_digit` without the extension (the reference)."""
    return _DIGIT.search(text) is not None


_LOOKED_FOR: set[str] = set()  # every word of every key set made with `keyed`


def keyed(words: Iterable[str]) -> frozenset[str]:
    """`words` (lower-case runs of a-z) as a key set the runs are tested against: the C scan keeps them
    from now on (the runs remembered so far are forgotten, as they may lack them)."""
    keys = frozenset(words)
    if not keys <= _LOOKED_FOR:
        _LOOKED_FOR.update(keys)
        if _runs is not None:
            _runs.set_vocabulary(sorted(_LOOKED_FOR))
        plain_runs.cache_clear()
        letter_runs.cache_clear()
    return keys


def looked_for() -> frozenset[str]:
    """Every word of the key sets made so far."""
    return frozenset(_LOOKED_FOR)


def run_keys(words: Iterable[str]) -> frozenset[str] | None:
    """One run of each of `words` (its longest, lower-cased): a plain text in which one of them matches,
    whole and in any case, holds that run. None when a word has no run of a-z (nothing to test by)."""
    keys = set()
    for word in words:
        runs = _LETTERS.findall(word.lower())
        if not runs:
            return None
        keys.add(max(runs, key=len))
    return keyed(keys)


def may_end(text: str, words: tuple[str, ...], *, spaced: bool = True) -> bool:
    """Whether a pattern anchored at the text's end, every match of which ends with one of `words` (lower
    case; matched in any case) and then white space (or, not `spaced`, maybe none), may match `text`: an
    ASCII text that ends otherwise cannot, and need not be searched (a search from every position costs
    more than this test). Any other text may."""
    if not text.isascii():
        return True
    stripped = text.rstrip()
    if spaced and len(stripped) == len(text):
        return False
    longest = _LONGEST.get(words)
    if longest is None:  # the callers' few word tuples: each one's longest word is measured once
        if len(_LONGEST) >= _KEPT:
            _LONGEST.clear()
        longest = _LONGEST[words] = max(map(len, words), default=0)
    return stripped[-longest - 1 :].lower().endswith(words)


_LONGEST: dict[tuple[str, ...], int] = {}
