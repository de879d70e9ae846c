"""Who could be speaking: mentions of people in a stretch of text, and the speech verbs that attribute quotes.

A mention is a configured person under any of their aliases (an alias such as "the foreign minister" is
that person), a pronoun (resolved later from context), a bare role ("the president", also resolved from
context), a described source ("A US official") or a person's name the config does not know ("Anna Novak").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from functools import lru_cache
from typing import Any, NamedTuple

from bot.config import Entity, FactsConfig
from bot.facts.words import keyed, letter_runs, plain_runs, python_plain_runs, run_keys
from bot.tokenizer import ascii_apart

try:
    from bot.facts import _aliases  # type: ignore[attr-defined,unused-ignore]
except ImportError:  # pragma: no cover - the extension is optional
    _aliases = None

__all__ = ["SPEECH_VERB", "UNKNOWN", "Mention", "SpeakerLexicon", "Verb", "speech_verbs"]

UNKNOWN = "unknown"
_FOLDS_KEPT = 4096  # names and words whose folded form is remembered (the same few recur in every article)
_MENTIONS_KEPT = 256  # texts whose mentions a lexicon remembers (an article's paragraphs and sentences)

_SPEECH_WORDS = (
    r"said|says|say|saying|told|tells|telling|added|adds|adding|noted|notes|noting|stressed|stresses"
    r"|stressing|warned|warns|warning|urged|urges|urging|called|calls|calling|described|describes|describing"
    r"|insisted|insists|insisting|asked|asks|asking|argued|argues|arguing|explained|explains|explaining"
    r"|declared|declares|stated|states|announced|announces|remarked|replied|responded|commented|claimed"
    r"|claims|reiterated|reiterates|recalled|acknowledged|admitted|emphasi[sz]ed|emphasi[sz]ing|wrote|writes"
    r"|continued|concluded|quipped|branded|branding|mentioned|pointed\s+out|suggested|suggests|believes|thinks"
    r"|tweeted|tweets|posted"
)
# Each of _SPEECH_WORDS as written ("[sz]" spelt both ways), as its characters and gaps ("\s+").
_SPEECH_SPELT = tuple(
    tuple(re.findall(r"\\s\+|.", spelt))
    for verb in _SPEECH_WORDS.split("|")
    for spelt in dict.fromkeys((verb.replace("[sz]", "s"), verb.replace("[sz]", "z")))
)


def _trie(words: Iterable[Sequence[str]]) -> str:
    """An alternation of `words` (each a sequence of regex atoms) that shares their common starts
    ("sa(?:id|y(?:s|ing)?)"): the same matches as `a|b|...` wherever at most one word can match at a
    place (as whole words do), tried several times faster than word after word."""
    root: dict[str, Any] = {}
    for word in words:
        node = root
        for atom in word:
            node = node.setdefault(atom, {})
        node[""] = {}

    def emit(node: dict[str, Any]) -> str:
        alternatives = [atom + emit(child) for atom, child in node.items() if atom]
        if not alternatives:
            return ""
        if len(alternatives) == 1 and "" not in node:
            return alternatives[0]
        return f"(?:{'|'.join(alternatives)}){'?' if '' in node else ''}"

    return emit(root)


SPEECH_VERB = re.compile(rf"\b{_trie(_SPEECH_SPELT)}\b")  # the words of _SPEECH_WORDS, whole
# Every SPEECH_VERB match starts with one of these words (whole): a plain text without any has none.
SPEECH_KEYS = keyed("".join(spelt).split(r"\s+")[0] for spelt in _SPEECH_SPELT)
# The same words for bot/facts/_aliases.c (1 for a `\s+`), whose edges are then SPEECH_VERB's `\b`.
_SPEECH_TABLE = tuple(
    "".join("\x01" if atom == r"\s+" else atom for atom in s).encode() for s in _SPEECH_SPELT
)


class Verb(NamedTuple):
    """Where a speech verb is, read as its `re.Match` would be."""

    begin: int
    finish: int

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def span(self) -> tuple[int, int]:
        return self.begin, self.finish


def speech_verbs(text: str, plain: bool) -> tuple[Verb, ...]:
    """Where SPEECH_VERB matches `text` (`plain`: whether it is plain, bot/facts/words.py)."""
    return tuple(Verb(start, end) for start, end in _whole_words(text, plain, _SPEECH_TABLE, SPEECH_VERB))


def _whole_words(
    text: str, plain: bool, table: tuple[bytes, ...], pattern: re.Pattern[str]
) -> list[tuple[int, int]]:
    """Where `pattern`, `\\b(?:a|b|...)\\b` of distinct words, matches `text`: by bot/facts/_aliases.c
    (`table`: the words) on a plain text where it is built (the same words, whole, in the same places),
    else by the pattern."""
    found = _aliases.spans(text, table, False, True) if plain and _aliases is not None else None
    if found is None:
        return [m.span() for m in pattern.finditer(text)]
    return [(start, end) for start, end, _, _ in found]


_FULL_NAME_WORDS = (
    2  # a definition: an unknown person is named by two or more words (a lone word may be anything)
)
_PRONOUN = re.compile(r"\b(?:he|she|He|She)\b")
_PRONOUN_TABLE = (b"he", b"she", b"He", b"She")  # the same, for bot/facts/_aliases.c
_PRONOUN_WORDS = keyed({"he", "she"})
# The nouns a role ("the foreign minister") and an institution ("the Russian Foreign Ministry") end in: the
# patterns below and their cheap word test (_ROLE_WORDS, _INSTITUTION_WORDS) are both made from these lists.
_ROLE_NOUNS = (
    "president leader minister prime_minister foreign_minister chancellor secretary premier spokesman"
    " spokeswoman"
).split()
_INSTITUTION_NOUNS = (
    "ministry department office agency embassy government presidency commission secretariat police army"
).split()
_INSTITUTION_NAMES = ("White_House", "Kremlin", "Pentagon")  # written with their capitals only


def _phrases(nouns: Iterable[str]) -> str:
    """An alternation of `nouns`, a "_" standing for the space between a phrase's words."""
    return "|".join(n.replace("_", r"\s+") for n in nouns)


def _last_words(nouns: Iterable[str]) -> frozenset[str]:
    return frozenset(n.rsplit("_", 1)[-1].lower() for n in nouns)


# A pattern here that would open with `\b` and a word opens with the word's first character, then
# `(?<!\w[..])`, which is that `\b` (no word character before it): the same matches, but `re` searches a
# pattern that opens with a character set by skipping ahead to those characters (`\b` first, it tries the
# whole pattern at every position). `_THE` is `\b(?:the|The)`; tests/test_facts_build.py holds each to
# its `\b` form.
_THE = r"[Tt](?<!\w[Tt])he"
_ROLE = re.compile(rf"{_THE}\s+(?:{_phrases(_ROLE_NOUNS)})\b(?!['’]s)")
_SOURCE_NOUN_WORDS = tuple(
    "official diplomat spokesman spokeswoman spokesperson source aide adviser advisor analyst expert observer"
    " lawmaker senator commentator insider negotiator envoy representative journalist correspondent"
    " economist scientist researcher professor lawyer activist witness officer executive strategist trader"
    " captain coach director campaigner resident member".split()
)
_SOURCE_NOUNS = "|".join(_SOURCE_NOUN_WORDS)
# "(?!...)": "an official Tour Final ball" uses the noun as an adjective
_DESCRIBED = re.compile(
    rf"[AaOo](?<!\w[AaOo])(?:(?<=[Aa])n?|(?<=[Oo])ne)"  # \b(?:[Aa]n?|[Oo]ne)
    rf"\s+(?:[\w.’'-]+\s+){{0,3}}?(?:{_SOURCE_NOUNS})\b(?!s)(?!\s+[A-Z][a-z])"
)
# "the official", "the US official": a source described before, named again by its noun
_DEFINITE = re.compile(rf"{_THE}\s+(?:[\w.’'-]+\s+)?(?P<noun>{_SOURCE_NOUNS})\b(?!s)")
# "the ministry said in a statement", "the Russian Foreign Ministry said": an institution speaks
_ORGANISATION = re.compile(
    rf"{_THE}\s+(?:[A-Z][\w.’'-]*\s+){{0,4}}(?:"
    + "|".join(f"[{n[0].upper()}{n[0]}]{n[1:]}" for n in _INSTITUTION_NOUNS)
    + rf"|{_phrases(_INSTITUTION_NAMES)})\b(?!['’]s)"
)
# The nouns _DESCRIBED and _DEFINITE, _ROLE and _ORGANISATION end in, as words (lower-cased): a cheap test
# that a text may hold a match, made from the same lists as the patterns.
_SOURCE_WORDS = keyed(_SOURCE_NOUN_WORDS)
_ROLE_WORDS = keyed(_last_words(_ROLE_NOUNS))
_INSTITUTION_WORDS = keyed(_last_words(_INSTITUTION_NOUNS) | _last_words(_INSTITUTION_NAMES))
_NAME = re.compile(r"\b[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?(?:\s+[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?){1,3}\b")
# Every match of _NAME holds one of this (its first word and the next word's start): a text without one
# skips the scan (a search from a character class runs several times faster than _NAME's from "\b").
_NAME_HINT = re.compile(r"[A-Z][a-z]+(?:-[A-Za-z][a-z]+)?\s+[A-Z][a-z]")
_TITLES = frozenset(
    "Mr Mrs Ms Dr President Prime Minister Senator Secretary General Foreign Former Chancellor Ambassador"
    " Spokesman Professor Prof Analyst Political Deputy Vice Sir Lord Lady Dame King Queen Prince".split()
)
_NOT_PEOPLE = frozenset(
    "News Times Post Journal Agency Ministry Council Assembly Nations States Union House Department"
    " Office Party Television TV Channel Street Press Today Online Center Centre Committee Organization"
    " Organisation Group Force Forces Army Company Bank University Institute Foundation Summit Session"
    " Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April May June July"
    " August September October November December Breaking Home Leave Reply Comment Middle East West North"
    " South Sea Coalition Agreement Agreements Federation Republic State".split()
)
_DETERMINED = re.compile(
    r"\b(?:a|an|the|this|that|these|those|its|his|her|their|our)\s+(?:[a-z][\w-]*\s+){0,2}$"
)
_NOUN_AFTER = re.compile(rf"\s+(?!(?:{_SPEECH_WORDS})\b)[a-z]")  # "... Tour Final match", not "said"
_WORD = re.compile(r"\S+")
_FOLDED_OUT = re.compile(r"[\s.\-'’]+")  # what a name's canonical key leaves out
_POSSESSIVE = re.compile(r"^['’]s?\b|^['’](?=\s)")


_Table = tuple[tuple[bytes, ...], tuple["str | None", ...]]  # an alternation's, for bot/facts/_aliases.c


class Mention(NamedTuple):
    """A possible speaker at [start, end) of the searched text (a named tuple: the facts build makes
    millions, several times faster than a frozen dataclass's)."""

    start: int
    end: int
    kind: str  # "person", "pronoun", "role", "described", "definite", "organisation" or "name"
    name: str | None  # the canonical or written name (a definite's noun); None for pronouns and roles
    possessive: bool = False


class SpeakerLexicon:
    """The configured people and their aliases, and the names of everything that is not a person."""

    def __init__(self, entities: Sequence[Entity], *, max_gap_words: int = FactsConfig.max_gap_words) -> None:
        self.max_gap_words = max_gap_words  # between a speaker's name and its speech verb, at most
        people = [e for e in entities if e.kind == "person"]
        self.people: tuple[str, ...] = tuple(e.name for e in people)
        self._canonical: dict[str, str] = {}
        exact: list[str] = []
        folded: list[str] = []
        for person in people:
            for alias in (person.name, *person.aliases):
                self._canonical[_fold(alias)] = person.name
                (folded if " " in alias.strip() else exact).append(alias)
        self._exact = _alternation(exact, 0)
        self._folded = _alternation(folded, re.IGNORECASE)
        self._exact_table = _kernel_table(exact, self._canonical)  # the same, for bot/facts/_aliases.c
        # The same matches on a lower-cased text, found twice as fast without IGNORECASE, when the text is
        # plain (bot/facts/words.py: ASCII but for marks without case): there an ASCII name's letters match
        # exactly their lower-cased selves, and lower-casing moves no character; a name's other letters match
        # nothing there in either pass, unless one folds into ASCII (the Kelvin sign: `ascii_apart`).
        plain = ascii_apart(folded)
        self._folded_lower = _alternation([n.lower() for n in folded], 0) if plain else None
        self._folded_table = _kernel_table([n.lower() for n in folded], self._canonical) if plain else None
        # A plain text none of whose words (bot/facts/words.py) is one of a name's skips its scan.
        self._folded_keys = run_keys(folded)
        self._exact_keys = run_keys(exact)
        self._found = lru_cache(maxsize=_MENTIONS_KEPT)(self._mentions)
        self._named = lru_cache(maxsize=_FOLDS_KEPT)(self._name_in)  # the same names recur in every article
        self._things = frozenset(
            _fold(a) for e in entities if e.kind != "person" for a in (e.name, *e.aliases)
        )

    def canonical(self, name: str) -> str | None:
        """The configured person a name or alias refers to (any case), or None."""
        return self._canonical.get(_fold(name))

    def mentions(self, text: str) -> list[Mention]:
        """Every possible speaker in `text`, by position; a longer or configured mention wins an overlap."""
        return list(self._found(text))  # an article's paragraph or sentence is often searched again

    def _mentions(self, text: str) -> tuple[Mention, ...]:
        found: list[Mention] = []
        plain = plain_runs(text)  # a plain text's words, which the scans below need (or None)
        if self._folded_lower is not None and plain is not None:
            if _may_hold(plain, self._folded_keys):
                found.extend(self._people(text, self._folded_lower, self._folded_table, lower=True))
        elif self._folded is not None:
            found.extend(self._person(text, m.start(), m.end()) for m in self._folded.finditer(text))
        if self._exact is not None and _may_hold(plain, self._exact_keys):
            found.extend(self._people(text, self._exact, self._exact_table, lower=False))
        _nouns(text, found)
        if _may_hold(plain, _PRONOUN_WORDS):
            pronouns = _whole_words(text, plain is not None, _PRONOUN_TABLE, _PRONOUN)
            found.extend(Mention(start, end, "pronoun", None) for start, end in pronouns)
        found.extend(self._names(text, plain is not None))
        return tuple(_without_overlaps(found)) if len(found) > 1 else tuple(found)

    def _people(
        self, text: str, pattern: re.Pattern[str], table: _Table | None, *, lower: bool
    ) -> list[Mention]:
        """The people `pattern` (an `_alternation`, on `text.lower()` when `lower`) finds in `text`: by
        bot/facts/_aliases.c on a plain text where the extension is built, else by the pattern."""
        found = _aliases.spans(text, table[0], lower) if table is not None and _aliases is not None else None
        if table is None or found is None:
            return [self._person(text, *m.span()) for m in pattern.finditer(text.lower() if lower else text)]
        names = table[1]  # a match of an alternative folds as its name does: the same canonical name
        return [Mention(start, end, "person", names[k], possessive) for start, end, k, possessive in found]

    def _person(self, text: str, start: int, end: int) -> Mention:
        name = self._canonical.get(_fold(text[start:end]))  # the fold lower-cases: either text's slice
        return Mention(start, end, "person", name, _is_possessive(text, end))

    def _names(self, text: str, plain: bool) -> Iterable[Mention]:
        for begin, end in _name_spans(text, plain):
            named = self._named(text[begin:end])
            if named is None:
                continue
            offset, name = named
            start = begin + offset
            if _NOUN_AFTER.match(text, end) and _DETERMINED.search(text, 0, start):
                continue  # "an official Tour Final match ball": a thing's name, not a person's
            yield Mention(start, end, "name", name, _is_possessive(text, end))

    def _name_in(self, surface: str) -> tuple[int, str] | None:
        """The person's name a match of _NAME writes (where it starts in it, the name: titles dropped),
        or None if it names no person (a lone word after titles, a word of no person, a thing's name)."""
        words = list(_WORD.finditer(surface))
        while words and words[0].group(0) in _TITLES:
            words.pop(0)
        if len(words) < _FULL_NAME_WORDS or any(
            w.group(0) in _NOT_PEOPLE or _fold(w.group(0)) in self._things for w in words
        ):
            return None
        name = " ".join(w.group(0) for w in words)
        return None if _fold(name) in self._things else (words[0].start(), name)


def _nouns(text: str, found: list[Mention]) -> None:
    """Add the described sources, roles, definite sources and institutions of `text` to `found`. Each
    of their patterns needs one of its nouns, a whole word: a text without any skips its scan."""
    words = letter_runs(text)
    sourced = not words.isdisjoint(_SOURCE_WORDS)
    if sourced:
        found.extend(
            Mention(m.start(), m.end(), "described", _described(m.group(0)))
            for m in _DESCRIBED.finditer(text)
        )
    if not words.isdisjoint(_ROLE_WORDS):
        found.extend(
            Mention(m.start(), m.end(), "role", None, _is_possessive(text, m.end()))
            for m in _ROLE.finditer(text)
        )
    if sourced:
        found.extend(Mention(m.start(), m.end(), "definite", m["noun"]) for m in _DEFINITE.finditer(text))
    if not words.isdisjoint(_INSTITUTION_WORDS):
        found.extend(
            Mention(m.start(), m.end(), "organisation", _institution(m.group(0)))
            for m in _ORGANISATION.finditer(text)
        )


def _name_spans(text: str, plain: bool) -> list[tuple[int, int]]:
    """Where _NAME matches `text`: by bot/facts/_aliases.c on a plain text where it is built, else by the
    pattern (only where its hint is found)."""
    found = _aliases.names(text) if plain and _aliases is not None else None
    if found is not None:
        return found
    if _NAME_HINT.search(text) is None:
        return []
    return [m.span() for m in _NAME.finditer(text)]


def _may_hold(plain: frozenset[str] | None, keys: frozenset[str] | None) -> bool:
    """Whether a text whose plain words are `plain` (None: not plain) may hold a match of a pattern whose
    every match holds one of `keys` whole (None: keys unknown)."""
    return plain is None or keys is None or not plain.isdisjoint(keys)


@lru_cache(maxsize=_FOLDS_KEPT)
def _fold(name: str) -> str:
    return _FOLDED_OUT.sub("", name.lower())


def _ordered(names: list[str]) -> list[str]:
    """An alternation's names in its order: the longest first."""
    return sorted(sorted(set(names)), key=len, reverse=True)


def _kernel_table(names: list[str], canonical: dict[str, str]) -> _Table | None:
    """`_alternation(names, 0)`'s alternatives for bot/facts/_aliases.c (each name's ASCII characters, 1
    for the `\\s+` between its words, 2 for an apostrophe: `['’]`) and each one's canonical name, less the
    names that hold a character no plain text holds (they match none); None without the extension or
    names, or with a name of a control character or an uncased mark (no code for them)."""
    if _aliases is None or not names:
        return None
    kept = [n for n in _ordered(names) if python_plain_runs(n) is not None]
    if not all(n.isascii() and n.isprintable() for n in kept):
        return None
    alternatives = tuple("\x01".join(w.replace("'", "\x02") for w in n.split()).encode() for n in kept)
    return alternatives, tuple(canonical.get(_fold(n)) for n in kept)


def _alternation(names: list[str], flags: int) -> re.Pattern[str] | None:
    if not names:
        return None
    parts = []
    for name in _ordered(names):
        words = [re.escape(w).replace("'", "['’]") for w in name.split()]
        parts.append(r"\s+".join(words))
    # Every match starts with one of these: the lookahead rejects other positions before the alternatives
    # are tried one by one (the same matches, found several times faster).
    firsts = {c for name in names for c in (name.split()[0][0], "’" if name.split()[0][0] == "'" else "")}
    lead = "".join(sorted(re.escape(c) for c in firsts if c))
    return re.compile(rf"(?<![\w-])(?=[{lead}])(?:{'|'.join(parts)})(?![\w-])", flags)


def _is_possessive(text: str, end: int) -> bool:
    return bool(_POSSESSIVE.match(text[end : end + 3]))


def _institution(surface: str) -> str:
    """'The Russian Foreign Ministry' -> 'the Russian Foreign Ministry'."""
    return "the " + " ".join(surface.split()[1:])


def _described(surface: str) -> str:
    """'A US official' -> 'a US official': the article lower-cased, the rest as written."""
    first, _, rest = surface.partition(" ")
    return f"{first.lower()} {' '.join(rest.split())}"


def _without_overlaps(mentions: list[Mention]) -> list[Mention]:
    # "A senior Novak administration official" is the official, not Novak: a described source wins
    rank = {"described": 0, "person": 1, "organisation": 2, "role": 3, "name": 4, "definite": 5, "pronoun": 6}
    ordered = sorted(mentions, key=lambda m: (rank[m.kind], -(m.end - m.start), m.start))
    kept: list[Mention] = []
    for mention in ordered:
        if all(mention.end <= k.start or mention.start >= k.end for k in kept):
            kept.append(mention)
    return sorted(kept, key=lambda m: m.start)
