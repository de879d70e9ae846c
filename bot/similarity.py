"""Near-duplicate statements across outlets: the same remark in other words, or in another translation."""

from __future__ import annotations

from collections.abc import Collection

from bot.tokenizer import ENTITY_PREFIX, Tokenizer

__all__ = ["containment", "dice", "statement_terms"]


def statement_terms(tokenizer: Tokenizer, text: str) -> frozenset[str]:
    """The stemmed content words of a statement, without entity tokens (names weigh like any word)."""
    return frozenset(t for t in tokenizer.content_words(text) if not t.startswith(ENTITY_PREFIX))


def dice(a: Collection[str], b: Collection[str]) -> float:
    """Dice overlap of two term sets: 1.0 the same words, 0.0 none in common."""
    if not a or not b:
        return 0.0
    return 2 * len(set(a) & set(b)) / (len(a) + len(b))


def containment(part: Collection[str], whole: Collection[str]) -> float:
    """Share of `part`'s terms found in `whole` (a quote split in two in one outlet, whole in another)."""
    if not part:
        return 0.0
    return len(set(part) & set(whole)) / len(part)
