"""The one same-statement test, figure-aware, and the groups and disagreements it gives.

Two statements are the same when their stemmed content words agree (a Dice overlap of at least `same_dice`,
or the smaller, of `min_contained` words or more, `same_contained` inside the other: an outlet that split
a remark in two) *and* no figure of theirs conflicts. Statements that differ on a figure are a
disagreement, never the same statement: "lasted 94 minutes" is not "also reported by" an outlet saying 90.

Two figures conflict when they measure the same thing (dimension and what they measure, with synonyms
folded by the tokenizer) in the same event, and differ by more than `figure_tolerance` of their size but
less than a factor `figure_ratio` (further apart, they are about different things).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from bot.config import FactsConfig
from bot.facts.figures import Figure

__all__ = ["Statement", "conflict", "figure_key", "group_statements", "same_statement"]


@dataclass(frozen=True, slots=True)
class Statement:
    """What the test compares: an article, its outlet and event, content stems and comparable figures."""

    doc: str
    outlet: str
    event: str | None
    terms: frozenset[str]
    figures: tuple[tuple[str, float], ...]  # (figure_key, value)


def figure_key(figure: Figure, fold: Callable[[str], str]) -> str | None:
    """What a figure measures, as a comparable key ('duration:~meet'), or None when it measures nothing known
    (an interval since something, a date, an unnamed length)."""
    if figure.dimension == "date" or not figure.measures or not figure.is_length:
        return None
    return f"{figure.dimension}:{fold(figure.measures)}"


def values_differ(a: float, b: float, config: FactsConfig) -> bool:
    """Different figures of one thing: apart by more than the tolerance, within the ratio."""
    low, high = sorted((abs(a), abs(b)))
    if high == 0 or low == 0:
        return high != low
    return high - low > config.figure_tolerance * high and high / low <= config.figure_ratio


def conflict(a: Statement, b: Statement, config: FactsConfig) -> bool:
    """Whether two statements of one event give different figures for the same thing."""
    if a.event != b.event:
        return False
    mine = dict(a.figures)
    return any(key in mine and values_differ(mine[key], value, config) for key, value in b.figures)


def same_statement(a: Statement, b: Statement, config: FactsConfig) -> bool:
    """The one same-statement test (see the module docstring)."""
    if not a.terms or not b.terms or conflict(a, b, config):
        return False
    shared = len(a.terms & b.terms)
    if 2 * shared / (len(a.terms) + len(b.terms)) >= config.same_dice:
        return True
    small = min(len(a.terms), len(b.terms))
    return small >= config.min_contained and shared / small >= config.same_contained


def group_statements(
    statements: Sequence[Statement], config: FactsConfig, *, keys: Sequence[str] | None = None
) -> list[int]:
    """A group number for each statement: same statements across articles (and outlets) share it.

    Candidates share one of a statement's rarest words; `keys` (a speaker, say) must also be equal.
    Groups are transitive but never join two statements whose figures conflict.
    """
    parent = list(range(len(statements)))
    members: dict[int, list[int]] = {i: [i] for i in range(len(statements))}

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    postings: dict[str, list[int]] = {}
    for i, statement in enumerate(statements):
        for term in statement.terms:
            postings.setdefault(term, []).append(i)
    freq = Counter({t: len(p) for t, p in postings.items()})
    for i, statement in enumerate(statements):
        rarest = sorted(statement.terms, key=lambda t: (freq[t], t))[: config.rarest_terms]
        candidates = {j for t in rarest if freq[t] <= config.max_postings for j in postings[t] if j > i}
        for j in sorted(candidates):
            other = statements[j]
            if other.doc == statement.doc or other.outlet == statement.outlet:
                continue
            if keys is not None and keys[i] != keys[j]:
                continue
            ri, rj = find(i), find(j)
            if ri == rj or not same_statement(statement, other, config):
                continue
            if any(conflict(statements[x], statements[y], config) for x in members[ri] for y in members[rj]):
                continue
            parent[rj] = ri
            members[ri].extend(members.pop(rj))
    return [find(i) for i in range(len(statements))]
