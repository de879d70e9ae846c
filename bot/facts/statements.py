"""The one same-statement test, figure-aware, and the groups and disagreements it gives.

Two statements are the same when their stemmed content words agree (a Dice overlap of at least `same_dice`,
or the smaller, of `min_contained` words or more, `same_contained` inside the other: an outlet that split
a remark in two) *and* no figure of theirs conflicts. Statements that differ on a figure are a
disagreement, never the same statement: "lasted 94 minutes" is not "also reported by" an outlet saying 90.

Two figures conflict when they measure the same thing (dimension and what they measure, with words
measured alike folded together: config `facts.measured_alike`) in the same event, and differ by more
than `figure_tolerance` of their size but less than a factor `figure_ratio` (further apart, they are
about different things). A bound ("more than an hour") conflicts only with a figure beyond it. Within
the same-statement test a length whose subject is unknown ("for 95 minutes") conflicts too.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any, NamedTuple

from bot.config import FactsConfig
from bot.facts.figures import Figure

__all__ = [
    "Measured",
    "Statement",
    "conflict",
    "figure_key",
    "same_statement",
    "values_differ",
]

UNKNOWN_SUBJECT = "?"


class Measured(NamedTuple):
    """A comparable figure: what it measures ('duration:meet'), its value and its bound ('min', 'max', '')."""

    key: str
    value: float
    bound: str


@dataclass(frozen=True, slots=True)
class Statement:
    """What the test compares: an article, its outlet and event, content stems and comparable figures."""

    doc: str
    outlet: str
    event: str | None
    terms: tuple[str, ...]  # distinct, in no particular order (a tuple is a quarter of a set's memory)
    figures: tuple[Measured, ...]
    known: tuple[Measured, ...] = ()  # the figures whose subject is known: a disagreement is about these

    def __reduce__(self) -> tuple[Callable[..., Statement], tuple[Any, ...]]:
        """Pickled (from the build's workers) as its fields in order: the parent unpickles a million
        statements, several times faster so than through a frozen dataclass's state."""
        return (_unpickled, ((self.doc, self.outlet, self.event, self.terms, self.figures, self.known),))

    @classmethod
    def of(
        cls, doc: str, outlet: str, event: str | None, terms: frozenset[str], figures: tuple[Measured, ...]
    ) -> Statement:
        known = tuple(m for m in figures if not m.key.endswith(UNKNOWN_SUBJECT)) if figures else ()
        return cls(doc, outlet, event, tuple(terms), figures, known)


def _unpickled(
    fields: tuple[str, str, str | None, tuple[str, ...], tuple[Measured, ...], tuple[Measured, ...]],
) -> Statement:
    """A statement as received from a build's worker, its words and names interned: one pickle shares a
    string among its statements, but each chunk of articles brought its own copy of every word, and the
    parent holds a million statements while it groups them (the build's peak)."""
    doc, outlet, event, terms, figures, known = fields
    intern = sys.intern
    terms = tuple(map(intern, terms))
    return Statement(
        intern(doc), intern(outlet), event if event is None else intern(event), terms, figures, known
    )


def figure_key(figure: Figure, fold: Callable[[str], str]) -> str | None:
    """What a figure measures, as a comparable key ('duration:meet', 'duration:?' for a length of
    something unnamed), or None for what is never compared (an interval since something, a date)."""
    if figure.dimension == "date" or (figure.dimension == "duration" and not figure.is_length):
        return None
    if not figure.measures:
        return f"{figure.dimension}:{UNKNOWN_SUBJECT}" if figure.dimension == "duration" else None
    return f"{figure.dimension}:{fold(figure.measures)}"


def values_differ(a: Measured, b: Measured, config: FactsConfig) -> bool:
    """Different figures of one thing: apart by more than the tolerance, within the ratio, and neither a
    bound the other respects ("more than an hour" and "90 minutes" agree)."""
    slack = config.figure_tolerance
    for bound, other in ((a, b), (b, a)):
        if (bound.bound == "min" and other.value >= bound.value * (1 - slack)) or (
            bound.bound == "max" and other.value <= bound.value * (1 + slack)
        ):
            return False
    low, high = sorted((abs(a.value), abs(b.value)))
    if high == 0 or low == 0:
        return high != low
    return high - low > slack * high and high / low <= config.figure_ratio


def conflict(a: Statement, b: Statement, config: FactsConfig, *, strict: bool = False) -> bool:
    """Whether two statements of one event give different figures for the same thing; `strict` counts
    lengths of something unnamed as the same thing (within the same-statement test)."""
    if a.event != b.event:
        return False
    mine, theirs = (a.figures, b.figures) if strict else (a.known, b.known)
    return any(_comparable(x.key, y.key) and values_differ(x, y, config) for x in mine for y in theirs)


def _comparable(a: str, b: str) -> bool:
    if a == b:
        return True
    (dim_a, what_a), (dim_b, what_b) = a.split(":", 1), b.split(":", 1)
    return dim_a == dim_b and UNKNOWN_SUBJECT in (what_a, what_b)


def same_statement(
    a: Statement, b: Statement, config: FactsConfig, a_terms: frozenset[str] | None = None
) -> bool:
    """The one same-statement test (see the module docstring); `a_terms`, when given, is
    `frozenset(a.terms)` (made once for a statement tested against many)."""
    if not a.terms or not b.terms or conflict(a, b, config, strict=True):
        return False
    shared = len((frozenset(a.terms) if a_terms is None else a_terms).intersection(b.terms))
    if 2 * shared / (len(a.terms) + len(b.terms)) >= config.same_dice:
        return True
    small = min(len(a.terms), len(b.terms))
    return small >= config.min_contained and shared / small >= config.same_contained
