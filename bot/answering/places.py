"""What the config's people say of its places: who speaks for a country ("Russia's top diplomat" for
Russia) and the adjective a country is written as ("Russian", "American"), both read from the people's
aliases once per index (the config does not change; no word list of its own)."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.answering.cache import PerIndex
from bot.answering.evidence import name_token
from bot.search import CorpusIndex
from bot.text import normalize
from bot.tokenizer import STOPWORDS

__all__ = ["place_adjectives", "spokespeople", "with_adjectives"]

_WORD = re.compile(r"[\w.-]+")
_POSSESSIVE = re.compile(r"['’]s\b")


def _words(text: str) -> list[str]:
    """The words as written, less possessive endings ("Russia's president" -> Russia, president)."""
    return _WORD.findall(_POSSESSIVE.sub("", normalize(text)))


def _alias_words(alias: str) -> list[str]:
    """An alias's words as written, less stop words."""
    return [w for w in _words(alias) if w.lower() not in STOPWORDS]


def _places(index: CorpusIndex) -> frozenset[str]:
    return frozenset(name_token(e.name) for e in index.config.entities if e.kind == "place")


def _spokespeople(index: CorpusIndex) -> dict[str, frozenset[str]]:
    places = [
        (name_token(e.name), [_lower(n) for n in (e.name, *e.aliases)])
        for e in index.config.entities
        if e.kind == "place"
    ]
    found: dict[str, set[str]] = {}
    for entity in (e for e in index.config.entities if e.kind == "person"):
        aliases = [_lower(a) for a in entity.aliases]
        for place, names in places:
            if any(_writes(alias, name) for alias in aliases for name in names if name):
                found.setdefault(place, set()).add(name_token(entity.name))
    return {place: frozenset(people) for place, people in found.items()}


def _lower(text: str) -> list[str]:
    return [w.lower() for w in _words(text)]


def _writes(words: Sequence[str], name: Sequence[str]) -> bool:
    """`name`'s words stand one after another in `words` (and are not all of them: the place itself)."""
    n = len(name)
    return len(words) > n and any(list(words[i : i + n]) == list(name) for i in range(len(words) - n + 1))


def _adjectives(index: CorpusIndex) -> dict[str, frozenset[str]]:
    places = _places(index)
    tokenizer = index.tokenizer
    found: dict[str, set[str]] = {}
    for entity in (e for e in index.config.entities if e.kind == "person"):
        aliases = [_alias_words(a) for a in entity.aliases]
        for one in aliases:
            for other in aliases:
                differ = [i for i, (a, b) in enumerate(zip(one, other, strict=False)) if a != b]
                if len(one) != len(other) or len(differ) != 1:
                    continue
                word, place_word = one[differ[0]], other[differ[0]]
                place = set(tokenizer.entities(place_word)) & places
                if place and not tokenizer.entities(word):
                    for stem in tokenizer.content_words(word):
                        found.setdefault(stem, set()).update(place)
    return {stem: frozenset(found_places) for stem, found_places in found.items()}


_SPOKESPEOPLE: PerIndex[dict[str, frozenset[str]]] = PerIndex(_spokespeople)
_ADJECTIVES: PerIndex[dict[str, frozenset[str]]] = PerIndex(_adjectives)


def spokespeople(index: CorpusIndex) -> dict[str, frozenset[str]]:
    """Each configured place's entity token -> the configured people one of whose aliases names it
    ("Russia's top diplomat", "the Kremlin spokesman", "the US president"): a country's words and
    reactions are said by them ("did Russia say ...?" is answered where Lavrov speaks)."""
    return _SPOKESPEOPLE.of(index)


def place_adjectives(index: CorpusIndex) -> dict[str, frozenset[str]]:
    """The stem of each adjective a configured place is written as -> that place's entity token, read
    from two aliases of one person that differ in that word alone, one of them naming the place ("the
    Russian president" and "Russia's president": "russian" is Russia; "the American president" and "the
    US president": "american" is the United States)."""
    return _ADJECTIVES.of(index)


def with_adjectives(index: CorpusIndex, terms: Sequence[str] | frozenset[str]) -> frozenset[str]:
    """`terms` with the adjectives of the places among them ("Moscow" is written "Russian" too)."""
    table = place_adjectives(index)
    return frozenset(terms).union(stem for stem, places in table.items() if not places.isdisjoint(terms))
