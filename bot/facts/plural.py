"""People named by a plural group phrase: "the two leaders", "both men", "the US and Russian presidents".

A sentence may name the people of its article's meeting without writing their names. Two shapes are read:
- a pair by number ("the two leaders", "the two world leaders", "both presidents"): in an article, it can only
  mean the article's two configured people named in the most sentences, when those two lead the third;
- two roles' adjectives before one plural role ("the US and Russian presidents"): each adjective with the role
  ("the US president") is a configured alias, and so names its person without the article's help.
The words (what names a pair, the plural roles) are config data (`facts.pair_words`, `facts.group_nouns`);
bot.facts.builder adds the people found to the sentence's entities, which the answerer's people reads.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence

from bot.facts.lexicon import SpeakerLexicon

__all__ = ["GroupPhrases"]

_PAIR = 2  # the people a pair phrase names


def _words(words: Sequence[str]) -> str:
    """An alternation of `words` (spaces in them match any run of spaces), the longest first."""
    ordered = sorted({w.strip().lower() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(map(re.escape, w.split())) for w in ordered)


def _singular(noun: str) -> str:
    """A plural role's singular, as its aliases write it ("presidents" -> "president", "heads of state"
    -> "head of state"); a noun that is not a regular plural is left as it is."""
    head, _, rest = noun.partition(" ")
    if head.endswith("s") and not head.endswith("ss"):
        head = head[:-1]
    return f"{head} {rest}".strip()


class GroupPhrases:
    """The group phrases of `pair_words` and `group_nouns`, resolved against `lexicon`'s people."""

    def __init__(
        self, lexicon: SpeakerLexicon, pair_words: Sequence[str], group_nouns: Sequence[str]
    ) -> None:
        self.lexicon = lexicon
        self.people = frozenset(lexicon.people)
        nouns, pairs = _words(group_nouns), _words(pair_words)
        if not nouns or not pairs:
            self._pair = self._roles = None
            return
        # "the two leaders", "both men", "the two world leaders" (one modifier word at most)
        self._pair = re.compile(rf"\b(?:the\s+)?(?:{pairs})\s+(?:[a-z]+\s+)?(?:{nouns})\b", re.IGNORECASE)
        adjective = r"([A-Z][\w.'’-]*)"  # "US", "U.S.", "Russian": a capitalised word
        self._roles = re.compile(rf"\b{adjective}\s+and\s+{adjective}\s+((?i:{nouns}))\b")

    def in_article(
        self, texts: Sequence[str], entities: Sequence[Sequence[str]]
    ) -> dict[int, tuple[str, ...]]:
        """The people each sentence names by a group phrase (by its number in the article), given every
        sentence's `texts` and the configured `entities` each names; sentences without one are left out."""
        found: dict[int, tuple[str, ...]] = {}
        if self._pair is None or self._roles is None:
            return found
        pair: tuple[str, ...] | None = None
        for s, text in enumerate(texts):
            named: list[str] = []
            if self._pair.search(text):
                if pair is None:
                    pair = self.article_pair(entities)
                named.extend(pair)
            named.extend(self.by_roles(text))
            if named:
                found[s] = tuple(dict.fromkeys(named))
        return found

    def article_pair(self, entities: Sequence[Sequence[str]]) -> tuple[str, ...]:
        """The two people the article names in the most sentences, when they lead every other (else
        none: "the two leaders" cannot be told apart)."""
        counts = Counter(name for names in entities for name in set(names) if name in self.people)
        ranked = counts.most_common(_PAIR + 1)
        if len(ranked) < _PAIR or (len(ranked) > _PAIR and ranked[_PAIR][1] >= ranked[_PAIR - 1][1]):
            return ()
        return tuple(name for name, _ in ranked[:_PAIR])

    def by_roles(self, text: str) -> list[str]:
        """The people "the X and Y <roles>" names: each adjective with the singular role, when that is a
        configured alias ("the US and Russian presidents": the US president and the Russian president)."""
        if self._roles is None:
            return []
        named: list[str] = []
        for match in self._roles.finditer(text):
            role = _singular(" ".join(match.group(3).lower().split()))
            for adjective in match.group(1, 2):
                person = self.lexicon.canonical(f"the {adjective} {role}") or self.lexicon.canonical(
                    f"{adjective} {role}"
                )
                if person is not None:
                    named.append(person)
        return named
