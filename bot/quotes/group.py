"""The same remark across outlets: one speaker, much the same content words (translations differ a little).

Two quotations are the same remark when they have the same speaker and their stemmed content words agree:
a Dice coefficient of at least DICE, or, for a remark another outlet split in two, one holding at least
CONTAINED of the other's words (with MIN_CONTAINED words or more, so short phrases only match closely).
Groups are transitive (union-find), so both halves of a split quotation join the whole.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from bot.quotes.speakers import UNKNOWN
from bot.results import Quotation
from bot.tokenizer import Tokenizer

__all__ = ["CONTAINED", "DICE", "MIN_CONTAINED", "group_quotes", "representative", "same_remark"]

DICE = 0.6
CONTAINED = 0.7
MIN_CONTAINED = 4


def same_remark(a: frozenset[str], b: frozenset[str]) -> bool:
    """Whether two sets of content stems are one remark (see the module docstring)."""
    if not a or not b:
        return False
    shared = len(a & b)
    if 2 * shared / (len(a) + len(b)) >= DICE:
        return True
    small = min(len(a), len(b))
    return small >= MIN_CONTAINED and shared / small >= CONTAINED


def group_quotes(quotes: Sequence[Quotation], tokenizer: Tokenizer) -> list[list[int]]:
    """Indices of `quotes` grouped by remark, each group in corpus order, groups by their first member."""
    stems = [frozenset(tokenizer.content_words(q.text)) for q in quotes]
    parent = list(range(len(quotes)))

    def find(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_speaker: dict[str, list[int]] = {}
    for i, quote in enumerate(quotes):
        if quote.speaker != UNKNOWN:
            by_speaker.setdefault(quote.speaker, []).append(i)
    for members in by_speaker.values():
        for n, i in enumerate(members):
            for j in members[n + 1 :]:
                if find(i) != find(j) and same_remark(stems[i], stems[j]):
                    parent[find(j)] = find(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(quotes)):
        groups.setdefault(find(i), []).append(i)
    return sorted(groups.values(), key=lambda g: g[0])


def representative(quotes: Sequence[Quotation], members: Sequence[int]) -> Quotation:
    """The most complete member (full before fragment, longest, earliest), with every outlet of the group."""
    best = min(
        members,
        key=lambda i: (quotes[i].kind != "full", -len(quotes[i].text), quotes[i].date or "9999", i),
    )
    outlets: list[str] = []
    for i in (best, *members):
        name = quotes[i].outlet or quotes[i].doc
        if name not in outlets:
            outlets.append(name)
    return replace(quotes[best], outlets=tuple(outlets))
