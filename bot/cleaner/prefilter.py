"""A cheap test that rules a regular expression out before it is run over a line: the words it needs.

Most lines a page has are prose, and most chrome patterns fail on them only after trying every position
of a long line (an unanchored, case-insensitive "\\b(?:this is ...|...)" cannot use the engine's own
literal prefix scan). Every match of a pattern contains at least one of a few ASCII strings read off its
parse tree (a run of literal characters the match must contain, or one of each branch's), so a line whose
lower-case form contains none of them cannot match, and the pattern is not run. The test only skips
patterns that could not match: the first matching pattern is the same as without it.

Case: under IGNORECASE an ASCII letter of the pattern matches, besides its ASCII upper and lower case,
exactly four other characters (`CASE_TWINS`, tested against the engine over every code point). A line
holding one of them is tested by the patterns alone; on any other line, a match's ASCII characters are
the line's, so the lower-cased literal occurs in the lower-cased line.

A pattern anchored at the text's start can match only a line whose first character can open it: the
ASCII characters each opening item accepts are asked of the engine itself (each item compiled alone with
its flags), so a line opening with another ASCII character skips the pattern. A line opening with any
other character runs every pattern.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _compiler as sre_compile  # type: ignore[attr-defined]
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = ["CASE_TWINS", "FirstMatch", "MatchCount", "first_chars", "lowered", "may_match", "needles"]

# Non-ASCII characters that IGNORECASE matches with an ASCII letter: İ ı ſ K (i, i, s, k).
CASE_TWINS = frozenset("\u0130\u0131\u017f\u212a")
_TWIN = re.compile("[" + "".join(sorted(CASE_TWINS)) + "]")
_MIN_NEEDLE = 3  # shorter literals rule out too few lines to be worth a test...
# ...unless they hold a character prose seldom has ("/", "(", "[", "@"): then they rank below every longer one
_COMMON = frozenset("abcdefghijklmnopqrstuvwxyz0123456789 \t\n.,'\"-")


def needles(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """Lower-case ASCII strings one of which every match of `pattern` contains; None if none is known."""
    return _needles_of(list(sre_parse.parse(pattern.pattern, pattern.flags)))


def _needles_of(parsed: list[tuple[Any, Any]]) -> tuple[str, ...] | None:
    found = _of_sequence(parsed)
    return tuple(sorted(found)) if found else None


def _of_sequence(items: Sequence[tuple[Any, Any]]) -> frozenset[str] | None:
    """The best requirement of a sequence: its longest literal run, or a required part's requirement."""
    options: list[frozenset[str]] = []
    run: list[str] = []
    for op, arg in [*items, (None, None)]:
        if op is sre.LITERAL and chr(arg).isascii():
            run.append(chr(arg).lower())
            continue
        if len(run) >= _MIN_NEEDLE or not _COMMON.issuperset(run):
            options.append(frozenset({"".join(run)}))
        run = []
        inner = _of_item(op, arg)
        if inner is not None:
            options.append(inner)
    return max(options, key=lambda s: min(_rank(x) for x in s), default=None)


def _rank(needle: str) -> float:
    """How well a needle rules lines out: its length, a short one's (of rare characters) below any other."""
    return len(needle) if len(needle) >= _MIN_NEEDLE else len(needle) / _MIN_NEEDLE - 1


def _of_item(op: Any, arg: Any) -> frozenset[str] | None:
    """What one part of a sequence requires: a group's, a repeat's (at least once), or every branch's."""
    if op is sre.SUBPATTERN:
        return _of_sequence(list(arg[-1]))
    if op in (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT) and arg[0] >= 1:
        return _of_sequence(list(arg[2]))
    if op is sre.BRANCH:
        union: set[str] = set()
        for branch in arg[1]:
            each = _of_sequence(list(branch))
            if each is None:
                return None
            union |= each
        return frozenset(union)
    return None


def _worth_testing(pattern: re.Pattern[str]) -> tuple[str, ...] | None:
    """A pattern's needles when testing them costs less than the search: a search anchored at the start
    of the text fails at its first character, faster than a test of several needles (measured: 0.2 µs
    against 0.3 µs a needle on a 400-character line)."""
    parsed = list(sre_parse.parse(pattern.pattern, pattern.flags))
    found = _needles_of(parsed)
    first = parsed[0] if parsed else (None, None)
    starts = first[0] is sre.AT and first[1] in (sre.AT_BEGINNING, sre.AT_BEGINNING_STRING)
    anchored = starts and not pattern.flags & re.MULTILINE
    return None if anchored and found is not None and len(found) > 1 else found


def lowered(text: str) -> str:
    """The text in lower case for `may_match`; "" (test nothing, run every pattern) if it holds a twin."""
    return "" if _TWIN.search(text) else text.lower()


def may_match(wanted: tuple[str, ...] | None, low: str) -> bool:
    """False only when the pattern whose needles are `wanted` cannot match the text `low` was made of."""
    return not (wanted and low) or any(needle in low for needle in wanted)


_ASCII = tuple(chr(c) for c in range(128))
_ONE_CHARACTER = frozenset({sre.LITERAL, sre.NOT_LITERAL, sre.IN, sre.ANY})
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)
_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_Opening = tuple[frozenset[str], bool]  # (ASCII characters a match can open with, whether it can be empty)


def first_chars(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """The ASCII characters a match of a pattern anchored at the text's start can open with; None when
    the pattern is not so anchored, can match an empty text, or opens with an item not read here."""
    parsed = list(sre_parse.parse(pattern.pattern, pattern.flags))
    starts = bool(parsed) and parsed[0] in ((sre.AT, sre.AT_BEGINNING), (sre.AT, sre.AT_BEGINNING_STRING))
    if not starts or pattern.flags & re.MULTILINE:
        return None
    opening = _opening(parsed[1:], pattern.flags)
    return opening[0] if opening is not None and not opening[1] else None


def _opening(items: Sequence[tuple[Any, Any]], flags: int) -> _Opening | None:
    chars: set[str] = set()
    for op, arg in items:
        each = _opening_of(op, arg, flags)
        if each is None:
            return None
        chars |= each[0]
        if not each[1]:
            return frozenset(chars), False
    return frozenset(chars), True


def _opening_of(op: Any, arg: Any, flags: int) -> _Opening | None:
    if op in _ONE_CHARACTER:  # asked of the engine: the item alone, compiled with the flags in force
        state = sre_parse.State()
        alone = sre_compile.compile(sre_parse.SubPattern(state, [(op, arg)]), flags)
        return frozenset(a for a in _ASCII if alone.match(a)), False
    if op is sre.SUBPATTERN:  # (group, flags added, flags removed, items)
        return _opening(list(arg[3]), (flags | arg[1]) & ~arg[2])
    if op in _REPEATS:
        inner = _opening(list(arg[2]), flags)
        return None if inner is None else (inner[0], inner[1] or arg[0] == 0)
    if op is sre.BRANCH:
        branches = [_opening(list(branch), flags) for branch in arg[1]]
        if any(b is None for b in branches):
            return None
        known = [b for b in branches if b is not None]
        return frozenset().union(*(b[0] for b in known)), any(b[1] for b in known)
    if op in _ZERO_WIDTH:
        return frozenset(), True
    return None


class _ByFirst:
    """A table's entries split by the ASCII character a line opens with (built at first use)."""

    def __init__(self, table: list[Any], patterns: Sequence[re.Pattern[str]]) -> None:
        self._all = table
        self._patterns = patterns
        self._split: dict[str, list[Any]] = {}

    def entries(self, text: str) -> list[Any]:
        if not self._split:
            opens = [first_chars(p) for p in self._patterns]
            self._split = {
                a: [e for e, o in zip(self._all, opens, strict=True) if o is None or a in o] for a in _ASCII
            }
        return self._split.get(text[:1], self._all)


class FirstMatch:
    """The first (label, pattern) whose pattern searches a text successfully, prefiltered by needles."""

    def __init__(self, table: Sequence[tuple[str, re.Pattern[str]]]) -> None:
        self._table = [(label, pattern, _worth_testing(pattern)) for label, pattern in table]
        self._by_first = _ByFirst(self._table, [pattern for _, pattern in table])

    def __call__(self, text: str) -> str | None:
        low = lowered(text)
        for label, pattern, wanted in self._by_first.entries(text):
            if wanted and low:  # `may_match` inlined: this runs for every pattern of every line
                for needle in wanted:
                    if needle in low:
                        break
                else:
                    continue
            if pattern.search(text):
                return label
        return None


class MatchCount:
    """How many of a set of patterns search a text successfully, those that cannot match not run."""

    def __init__(self, patterns: Sequence[re.Pattern[str]]) -> None:
        self._table = [(pattern, _worth_testing(pattern)) for pattern in patterns]
        self._by_first = _ByFirst(self._table, patterns)

    def __call__(self, text: str, low: str) -> int:
        """The count for `text`; `low` is `lowered(text)`."""
        entries = self._by_first.entries(text)
        return sum(1 for pattern, wanted in entries if may_match(wanted, low) and pattern.search(text))
