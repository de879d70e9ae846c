"""Near-duplicate statements across outlets: the same remark in other words, or in another translation."""

from __future__ import annotations

from collections.abc import Collection, Sequence

from bot.tokenizer import ENTITY_PREFIX, SYNONYM_PREFIX, Tokenizer

__all__ = ["containment", "dice", "entity_tokens", "statement_terms", "terms_and_entities", "terms_of_tokens"]


def statement_terms(tokenizer: Tokenizer, text: str) -> frozenset[str]:
    """The stemmed content words of a statement, without entity tokens (names weigh like any word)."""
    return frozenset(t for t in tokenizer.content_words(text) if not t.startswith(ENTITY_PREFIX))


def terms_of_tokens(tokens: Sequence[str]) -> frozenset[str]:
    """`statement_terms` of a text from its `Tokenizer.tokenize` tokens, without tokenising it again: they
    are its content words, then their synonym tokens and its entity tokens, which alone carry a prefix
    (tests/test_facts_build.py holds the tokenizer to that)."""
    return frozenset(t for t in tokens if not t.startswith((ENTITY_PREFIX, SYNONYM_PREFIX)))


def entity_tokens(tokens: Sequence[str]) -> list[str]:
    """`Tokenizer.entities` of a text from its `Tokenizer.tokenize` tokens (see `terms_of_tokens`)."""
    return [t for t in tokens if t.startswith(ENTITY_PREFIX)]


_PREFIXES = (ENTITY_PREFIX, SYNONYM_PREFIX)


def terms_and_entities(tokens: Sequence[str]) -> tuple[frozenset[str], Sequence[str]]:
    """`(terms_of_tokens(tokens), entity_tokens(tokens))` in one look at the few prefixed tokens (the index
    build asks both of every sentence): the prefixed ones trail the content words, so the terms are the
    tokens before them, put in the set in the same order (the same set, iterated alike)."""
    k = len(tokens)
    while k and tokens[k - 1].startswith(_PREFIXES):
        k -= 1
    if k == len(tokens):
        return frozenset(tokens), ()
    return frozenset(tokens[:k]), [t for t in tokens[k:] if t.startswith(ENTITY_PREFIX)]


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
