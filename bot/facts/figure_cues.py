"""Which of the figures reader's patterns can match a text, and from where (bot/facts/figures.py).

Each test reads literal words or characters every match of a pattern holds (a digit, a number word, a unit
of time, a date's word, a month's name): most sentences have none, so their scans are skipped, and a
figure-bearing sentence is scanned from its first possible match on. The figures are the same either way
(tests/test_facts_build.py runs every pattern from the start against it).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from bot.facts.numbers import NUMBER_WORDS, TIME_UNITS
from bot.facts.words import has_digit, keyed, letter_runs, starts_word
from bot.regex_cache import compiled

__all__ = [
    "LASTED_WORDS",
    "MONTHS",
    "MONTH_CAPITALS",
    "MONTH_START",
    "SINCE_WORDS",
    "FigureCues",
    "compiled_on_first_use",
    "tail_from",
]


def compiled_on_first_use(pattern: str, flags: int = 0) -> Callable[[], re.Pattern[str]]:
    """`pattern` compiled when first asked for (an answer reads no figures: only a facts build does)."""
    return functools.cache(lambda: compiled(pattern, flags))


MONTHS: tuple[str, ...] = tuple(
    "january february march april may june july august september october november december".split()
)
MONTH_CAPITALS: tuple[str, ...] = tuple(m.capitalize() for m in MONTHS)

# The words of FigureCues: a quantity's number word, fraction or unit of time; a date's weekday or relative
# word; a month's name, which the date pattern reads at a word's start (capitalised).
_NUMBER_WORDS = keyed({*NUMBER_WORDS, "half", "quarter", "third"})  # a number's or a fraction's
_TIME_WORDS = keyed({*TIME_UNITS, *(f"{unit}s" for unit in TIME_UNITS)})
_QUANTITY_WORDS = _NUMBER_WORDS | _TIME_WORDS
_DATE_WORDS = keyed(
    "monday tuesday wednesday thursday friday saturday sunday yesterday today tomorrow tonight soon shortly"
    " later earlier immediately week month year weekend night morning days weeks months years".split()
)
_PER = keyed({"per", "percent"})  # a percent's word ("per cent", "percent")
_FIGURE_WORDS = _QUANTITY_WORDS | _DATE_WORDS
# Every match of _SINCE holds one of these words whole; every match of _LASTED one of these.
SINCE_WORDS = keyed({"first", "last", "past"})
LASTED_WORDS = keyed("last lasted lasts lasting went go ran run took take takes".split())
_DATE_WORDS_BEFORE = 2  # a relative date starts at most two words before its word of _DATE_WORDS
_DIGIT = compiled_on_first_use(r"[0-9]")
MONTH_START = compiled_on_first_use(rf"\b(?:{'|'.join(MONTH_CAPITALS)})")
# each match of MONTH_START holds one of its names: a search without "\b" first skips to their capitals
_MONTH_NAMES = compiled_on_first_use("|".join(MONTH_CAPITALS))


class FigureCues:
    """Which of the figures' patterns can match a (folded) text at all, and where, from literal words every
    match of the pattern holds: most sentences have no digit, no number word and no word of time, so their
    scans are skipped and the figures are the same. Only a plain ASCII text is judged (for any other
    every pattern runs, from the start): there every word those patterns match as a whole (delimited by
    what is no letter) is one of its maximal runs of letters, lower-cased."""

    def __init__(self, folded: str) -> None:
        self.plain = folded.isascii()
        self.digit = not self.plain or has_digit(folded)
        self.money = not self.plain or "$" in folded
        self._folded = folded
        self._words: frozenset[str] | None = None

    def nothing(self) -> bool:
        """No pattern can match: no digit, no "$", no word of a quantity or a date, no month's name."""
        return (
            self.plain
            and not self.digit
            and not self.money
            and self._letter_runs().isdisjoint(_FIGURE_WORDS)
            and not self._month()
        )

    def percent(self) -> bool:
        """A number in digits, and "%" or the word "per" or "percent"."""
        return self.digit and (
            not self.plain or "%" in self._folded or not self._letter_runs().isdisjoint(_PER)
        )

    def quantity(self) -> bool:
        """A number in digits or words, a fraction, or "a" unit of time ("a day"; any other "a" thing
        is no figure)."""
        return self.digit or not self._letter_runs().isdisjoint(_QUANTITY_WORDS)

    def quantity_from(self) -> int:
        """Where the quantities' scan may start: at the first digit of a text without a number word or a
        fraction, and without a unit of time before that digit, else at its start. Before the digit a match
        is then "a" or "an" and a word that is no unit of time: no figure, and no digit in it, so the
        matches from the digit on are the same."""
        if not self.plain or not self._letter_runs().isdisjoint(_NUMBER_WORDS):
            return 0
        digit = _first_digit(self._folded)
        return digit if letter_runs(self._folded[:digit]).isdisjoint(_TIME_WORDS) else 0

    def date(self) -> bool:
        """A year (written with 19 or 20), a weekday, a relative time, or a month's name (which may start a
        longer word)."""
        folded = self._folded
        if not self.plain or (self.digit and ("19" in folded or "20" in folded)):
            return True
        return not self._letter_runs().isdisjoint(_DATE_WORDS) or self._month()

    def date_from(self) -> int:
        """Where the dates' scan may start: at the first digit, month's name or word of a date, or up to
        two words before that word ("last week", "the next few days"); anywhere for a text not plain."""
        folded = self._folded
        if not self.plain:
            return 0
        start = _first_digit(folded)
        month = _MONTH_NAMES().search(folded) if self._month() else None  # where one is first written
        if month is not None:
            start = min(start, month.start())
        words = self._letter_runs() & _DATE_WORDS
        if words:
            low = folded.lower()
            for word in words:  # the first place it is written, perhaps inside a longer word
                start = min(start, tail_from(low[: low.find(word)], _DATE_WORDS_BEFORE))
        return start

    def may_hold(self, keys: frozenset[str]) -> bool:
        """Whether the text may hold one of `keys` whole (a pattern that needs one of them may match)."""
        return not self.plain or not self._letter_runs().isdisjoint(keys)

    def _month(self) -> bool:
        """A month's name at a word's start (in C on an ASCII text where the extension is built)."""
        folded = self._folded
        found = starts_word(folded, MONTH_CAPITALS)
        if found is not None:
            return found
        # the scan only where a month's name is written (a string search is cheaper)
        return _MONTH_NAMES().search(folded) is not None and MONTH_START().search(folded) is not None

    def _letter_runs(self) -> frozenset[str]:
        if self._words is None:
            self._words = letter_runs(self._folded)  # a sentence's: often the speakers' search's already
        return self._words


def tail_from(text: str, words: int) -> int:
    """A position at or before the start of `text`'s last `words` words (split at white space, which is
    what `\\s` matches): a search for a pattern anchored at the end whose matches span at most that many
    words (each of them no white space) finds the same match from there."""
    parts = text.rsplit(None, words)
    return len(parts[0]) if len(parts) > words else 0


def _first_digit(text: str) -> int:
    """Where `text`'s first digit is (its length without one)."""
    found = _DIGIT().search(text)
    return found.start() if found is not None else len(text)
