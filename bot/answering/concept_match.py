"""How much of a question's concepts a candidate sentence covers: the shares answering.features reads.

A concept named counts in full; one only spoken of by related words ("terrorists" for ISIS), half. The
small C kernel (bot/answering/_match.c, built by `pip install -e .`) does the same sums in the same order;
without it this module's Python path is used, and the tests hold the two to the same numbers.
"""

from __future__ import annotations

from collections.abc import Sequence

__all__ = ["HAVE_KERNEL", "Pairs", "coverage", "covered_with", "py_coverage", "py_covered_with"]

Pairs = list[tuple[frozenset[str], frozenset[str]]]  # each concept's (terms, related)

try:
    from bot.answering import _match  # type: ignore[attr-defined]

    HAVE_KERNEL = True
except ImportError:  # no compiler at install time: the Python path below gives the same numbers
    _match = None
    HAVE_KERNEL = False


def _shares(pairs: Pairs, terms: frozenset[str], speakers: frozenset[str]) -> list[float]:
    if speakers:
        return [
            1.0
            if not (t.isdisjoint(terms) and t.isdisjoint(speakers))
            else 0.5
            if not (r.isdisjoint(terms) and r.isdisjoint(speakers))
            else 0.0
            for t, r in pairs
        ]
    return [1.0 if not t.isdisjoint(terms) else 0.5 if not r.isdisjoint(terms) else 0.0 for t, r in pairs]


def py_coverage(
    pairs: Pairs, weights: list[float], terms: frozenset[str], speakers: frozenset[str]
) -> tuple[list[float], float, float, bool]:
    """The concepts' shares of `terms` and `speakers` together; the weight they cover; the largest weight
    of a concept not matched at all (0 when none); whether every concept is named."""
    share = _shares(pairs, terms, speakers)
    covered = sum([w * m for w, m in zip(weights, share, strict=True)])
    unmatched = max([w for w, m in zip(weights, share, strict=True) if not m], default=0.0)
    return share, covered, unmatched, min(share, default=1.0) == 1.0


def py_covered_with(
    pairs: Pairs, weights: list[float], share: Sequence[float], more: frozenset[str]
) -> float:
    """The weight the sentence's terms and `more` together cover: a concept's share of both is the larger
    of its shares of each, so no joined set is built."""
    other = _shares(pairs, more, frozenset())
    return sum([w * (m if m >= n else n) for w, m, n in zip(weights, share, other, strict=True)])


coverage = py_coverage if _match is None else _match.coverage
covered_with = py_covered_with if _match is None else _match.covered_with
