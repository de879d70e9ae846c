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
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any

__all__ = ["CASE_TWINS", "FirstMatch", "MatchCount", "lowered", "may_match", "needles"]

# Non-ASCII characters that IGNORECASE matches with an ASCII letter: İ ı ſ K (i, i, s, k).
CASE_TWINS = frozenset("\u0130\u0131\u017f\u212a")
_TWIN = re.compile("[" + "".join(sorted(CASE_TWINS)) + "]")
_MIN_NEEDLE = 3  # shorter literals rule out too few lines to be worth a test


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
        if len(run) >= _MIN_NEEDLE:
            options.append(frozenset({"".join(run)}))
        run = []
        inner = _of_item(op, arg)
        if inner is not None:
            options.append(inner)
    return max(options, key=lambda s: min(len(x) for x in s), default=None)


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


class FirstMatch:
    """The first (label, pattern) whose pattern searches a text successfully, prefiltered by needles."""

    def __init__(self, table: Sequence[tuple[str, re.Pattern[str]]]) -> None:
        self._table = [(label, pattern, _worth_testing(pattern)) for label, pattern in table]

    def __call__(self, text: str) -> str | None:
        low = lowered(text)
        for label, pattern, wanted in self._table:
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

    def __call__(self, text: str, low: str) -> int:
        """The count for `text`; `low` is `lowered(text)`."""
        return sum(1 for pattern, wanted in self._table if may_match(wanted, low) and pattern.search(text))
