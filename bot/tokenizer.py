"""One tokenizer for the index and the query: normalisation, case folding, stemming, stopwords, aliases.

Entity names from config (ISIS = ISIL = IS = Daesh; Kiev = Kyiv; the Russian president = Putin ...) add one
shared entity token, ``@islamic_state``, beside the words themselves, so a question naming ISIS finds a
sentence about Daesh without losing the exact-word match. Dotted and hyphenated forms are folded
(U.S. = US, G-20 = G20). Stemming is Snowball English through PyStemmer (a C extension, see README).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import cached_property, lru_cache
from itertools import chain, pairwise
from typing import TypeVar, cast

import Stemmer

from bot.config import Entity
from bot.frozen import frozen_dataclass as dataclass
from bot.regex_cache import compiled
from bot.text import normalize

__all__ = [
    "ENTITY_PREFIX",
    "HAVE_WORDSCAN",
    "STOPWORDS",
    "SYNONYM_PREFIX",
    "Tokenizer",
    "ascii_apart",
    "entity_token",
    "person_tokens",
]

ENTITY_PREFIX = "@"
SYNONYM_PREFIX = "~"

# Definitions, not tuning (the index's tokens depend on them, so they are part of its format):
_ACRONYM_MIN = 2  # an acronym is two or more capitals ("US", "UN"); "I" and "A" are words
_LETTER_NUMBER_PARTS = 2  # "G-20", "F-16": one letter, a hyphen, a number
_DOTTED_ACRONYM_MAX = 4  # an all-capitals alias this short is an acronym that may be dotted (US = U.S.)

# A standard English stopword list (the Snowball/NLTK list plus a few question and reporting fillers).
STOPWORDS: frozenset[str] = frozenset(
    """
    a about above after again against all also am an and any are aren't as at be because been before being
    below between both but by can cannot could couldn't did didn't do does doesn't doing don't down during
    each few for from further had hadn't has hasn't have haven't having he he'd he'll he's her here here's
    hers herself him himself his how how's i i'd i'll i'm i've if in into is isn't it it's its itself let's
    me more most mustn't my myself no nor not of off on once only or other ought our ours ourselves out over
    own same shan't she she'd she'll she's should shouldn't so some such than that that's the their theirs
    them themselves then there there's these they they'd they'll they're they've this those through to too
    under until up very was wasn't we we'd we'll we're we've were weren't what what's when when's where
    where's which while who who's whom why why's with won't would wouldn't you you'd you'll you're you've
    your yours yourself yourselves us s t d ll m re ve mr mrs ms just will shall may might must does anything
    something whether according
    """.split()
)

_WORD = compiled(
    r"(?:[A-Za-z]\.){2,}"  # dotted acronyms: U.S., U.N., U.S.A.
    r"|[^\W_]+(?:['-][^\W_]+)*",  # words, with inner apostrophes and hyphens
    re.UNICODE,
)
# PyStemmer's own cache is off: `_stem`'s lru_cache is the cache, and PyStemmer's, full at its default
# 10,000 words, purged itself on nearly every new word (a pair of words, a rare name): 2.3 µs a word
# against 0.27 µs without it. The stems are the same; only the time changes.
_STEMMER = Stemmer.Stemmer("english", 0)


try:  # built by `pip install -e .` (optional: without a compiler `_WORD` and `_pairs_of` serve)
    from bot import _wordscan  # type: ignore[attr-defined,unused-ignore]

    HAVE_WORDSCAN = True
except ImportError:  # pragma: no cover - depends on the install
    _wordscan = None
    HAVE_WORDSCAN = False
# The whole sentence's analysis compiled (`Tokenizer.tokens_and_terms` on ASCII text), when built, and
# the names' alternations (`entity_spans`)
_ANALYSE: Callable[..., object] | None = getattr(_wordscan, "analyse", None)
_NAMES: Callable[[str, tuple[tuple[bytes, ...], ...], bool], list[tuple[int, int]] | None] | None = getattr(
    _wordscan, "names", None
)

_TERMS_KEPT = 200_000
_FOLDS_KEPT = 10_000
_T = TypeVar("_T")
# A word's part in a sentence's analysis (`Tokenizer._entry`): its terms, their synonym tokens, and its
# part in the word pairs (its lower case when letters alone, None when not: it breaks a pair, False for a
# stopword: left out)
_Entry = tuple[tuple[str, ...], tuple[str, ...], str | bool | None]
_LETTERS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


def entity_token(name: str) -> str:
    """The shared token for an entity: '@' and its lower-cased name with underscores."""
    return ENTITY_PREFIX + re.sub(r"[^0-9a-z]+", "_", normalize(name).lower()).strip("_")


def person_tokens(entities: Sequence[Entity]) -> frozenset[str]:
    """The entity tokens of the people among `entities`."""
    return frozenset(entity_token(e.name) for e in entities if e.kind == "person")


@dataclass(frozen=True)
class _AliasPattern:
    """One alternation of entity names and the entity token of each name's folded form."""

    source: str  # the alternation's pattern text, compiled with `flags` on first use (`regex`)
    flags: int
    tokens: dict[str, str]  # folded surface form -> entity token
    # The same matches of a case-insensitive pattern of ASCII names, on a lower-cased ASCII text, without
    # IGNORECASE (a third of the time): ASCII letters fold only into each other, lower-casing an ASCII
    # text moves no character, and only the matched text's case differs (folded away by _fold_alias).
    lowered: re.Pattern[str] | None = None
    # The alternation as programs for the compiled matcher (`_wordscan.names`), by first character, for
    # the text this pattern is matched against on ASCII text (lower-cased with `lowered`); None where a
    # name's pattern is not one it reads, and with IGNORECASE but no `lowered`
    programs: tuple[tuple[bytes, ...], ...] | None = None
    grouped: bool = False  # whether the pattern starts with `\b`

    @cached_property
    def regex(self) -> re.Pattern[str]:
        """The pattern itself, compiled when first needed: with `lowered`, only a text outside ASCII
        needs it, and an ASCII question (`summitbot ask`) is spared a 200-name compile (about 5 ms)."""
        return compiled(self.source, self.flags)


class Tokenizer:
    """Turns text into BM25 terms; the same object must tokenise the corpus and the questions."""

    def __init__(self, entities: Sequence[Entity] = (), synonyms: Sequence[Sequence[str]] = ()) -> None:
        self._aliases = _compile_aliases(entities)
        self._synonyms = _compile_synonyms(synonyms)
        self._related = {
            entity_token(e.name): frozenset(
                t
                for word in e.related
                for stem in self.content_words(word)
                for t in (stem, self.synonym(stem))
                if t
            )
            for e in entities
            if e.related
        }
        self._entries: _Remembered[_Entry] = _Remembered(self._entry, _TERMS_KEPT)

    def tokenize(self, text: str) -> list[str]:
        """Terms of `text`: stemmed content words and their synonym-group tokens, then entity tokens."""
        normal = normalize(text)
        spans = self.entity_spans(normal)
        if _ANALYSE is not None:  # the same tokens, compiled (ASCII text)
            found = _ANALYSE(normal, spans, self._entries, self._synonyms, None)
            if found is not None:
                return cast(list[str], found)
        return self._tokens(_content(_words(normal)), spans)

    def tokens_and_terms(self, text: str) -> tuple[list[str], set[str]]:
        """`(tokenize(text), names_and_words(text))`, normalising the text and finding its names once
        (the index build needs both of every sentence). On ASCII text the rest is one compiled call
        (bot/_wordscan.c's `analyse`, built from `_entry`), which gives what `_tokens_and_terms` gives
        (tests/test_wordscan.py); `_tokens_and_terms` defines it and serves any other text."""
        normal = normalize(text)
        spans = self.entity_spans(normal)
        if _ANALYSE is not None:
            found = _ANALYSE(normal, spans, self._entries, self._synonyms, _STEMMER.stemWords)
            if found is not None:
                return cast(tuple[list[str], set[str]], found)
        return self._tokens_and_terms(normal, spans)

    def _entry(self, word: str) -> _Entry:
        """What the compiled analysis needs of a word (see `_Entry`), from the definitions below: its
        terms (`_terms_of`), their synonym tokens, and its part in `_pairs_of`."""
        terms = _terms_of(word)
        low = word.lower()
        part = False if low in STOPWORDS else low if low.isalpha() else None
        return terms, tuple(filter(None, map(self._synonyms.get, terms))), part

    def _tokens_and_terms(self, normal: str, spans: list[tuple[int, int, str]]) -> tuple[list[str], set[str]]:
        """`tokens_and_terms` of normalised text and its name spans, in Python: the definition."""
        words = _words(normal)
        content = _content(words)
        tokens = self._tokens(content, spans)
        if spans or not normal.isascii():
            return tokens, self._names_and_words(normal, spans)
        return tokens, self._found(set(content), words)  # no name taken out: the same words

    def _tokens(self, content: list[str], spans: list[tuple[int, int, str]]) -> list[str]:
        """The content words' terms, their synonym tokens, then the names' entity tokens."""
        terms = list(content)
        terms.extend(filter(None, map(self._synonyms.get, content)))
        terms.extend(token for _, _, token in spans)
        return terms

    def related(self, entity: str) -> frozenset[str]:
        """Terms that speak of an entity without naming it ('terrorist' for Islamic State), stemmed."""
        return self._related.get(entity, frozenset())

    def synonym(self, term: str) -> str | None:
        """The token of the synonym group a stemmed word belongs to ('~cooper' for 'collabor'), if any."""
        return self._synonyms.get(term)

    def entities(self, text: str, *, normalized: bool = False) -> list[str]:
        """The entity tokens of the names in `text`, one per mention, in order."""
        return [token for _, _, token in self.entity_spans(text if normalized else normalize(text))]

    def entity_spans(self, text: str) -> list[tuple[int, int, str]]:
        """(start, end, entity token) of every name in already normalised `text`, in order."""
        spans = []
        lower = text.lower() if text.isascii() else None
        for pattern in self._aliases:
            if lower is not None and pattern.lowered is not None:
                subject, found = lower, _matches(pattern, pattern.lowered, lower)
            else:
                subject, found = text, _matches(pattern, None, text)
            for start, end in found:
                token = pattern.tokens.get(_FOLDED[subject[start:end]])
                if token:
                    spans.append((start, end, token))
        return sorted(spans)

    def names_and_words(self, text: str) -> set[str]:
        """Entity tokens, plus the content words outside the names ('United States' is not 'state'),
        and the stems of adjacent content words written as one ('cease fire' as 'ceasefire')."""
        normal = normalize(text)
        spans = self.entity_spans(normal)
        if _ANALYSE is not None:  # compiled on ASCII text, as in `tokens_and_terms`
            found = _ANALYSE(normal, spans, self._entries, self._synonyms, _STEMMER.stemWords)
            if found is not None:
                return cast(tuple[list[str], set[str]], found)[1]
        return self._names_and_words(normal, spans)

    def _names_and_words(self, normal: str, spans: list[tuple[int, int, str]]) -> set[str]:
        rest = _blanked(normal, spans)
        words = _words(rest)
        # normalize(rest) only folds the blanked runs of spaces when rest is ASCII: the same words
        content = words if rest.isascii() else _words(normalize(rest))
        found = self._found(set(_content(content)), words)
        found.update(token for _, _, token in spans)
        return found

    def _found(self, found: set[str], words: list[str]) -> set[str]:
        """`found` (the content words' terms) with the stems of adjacent words written as one and the
        synonym tokens of them all."""
        # most pairs are new (no cache holds them): stemmed in one call
        found.update(_STEMMER.stemWords(_pairs(words)))
        found.update(filter(None, map(self._synonyms.get, list(found))))  # each one's synonym group
        return found

    def content_words(self, text: str) -> list[str]:
        """The stemmed content words alone (no entity tokens)."""
        return _content(_words(normalize(text)))

    def words_terms(self, words: Sequence[str]) -> list[list[str]]:
        """`content_words(w)` of each of `words`; those written in lower-case ASCII letters alone (a
        typo's hundreds of one-edit neighbours, each seen once) are stemmed in one call and not kept in
        the word cache: such a word is one word whose terms are its stem, or none for a stopword."""
        joined = "".join(words)  # one test for a list of such words (a typo's neighbours), else each
        simple = joined.isascii() and joined.isalpha() and joined.islower()
        plain = [
            w
            for w in words
            if w and (simple or (w.isascii() and w.isalpha() and w.islower())) and w not in STOPWORDS
        ]
        stems = dict(zip(plain, _STEMMER.stemWords(plain), strict=True))
        return [[stems[w]] if w in stems else [] if w in STOPWORDS else self.content_words(w) for w in words]


def _matches(pattern: _AliasPattern, lowered: re.Pattern[str] | None, subject: str) -> list[tuple[int, int]]:
    """The spans of `pattern`'s matches in `subject` (lower-cased, matched by the `lowered` form, when that
    is given): compiled on ASCII text (`_wordscan.names`, the same spans: tests/test_wordscan.py) from the
    programs made for that subject, else by the regex (`pattern.regex` compiled only when needed)."""
    if _NAMES is not None and pattern.programs is not None and (lowered is not None) == bool(pattern.flags):
        found = _NAMES(subject, pattern.programs, pattern.grouped)
        if found is not None:
            return found
    return [match.span() for match in (lowered or pattern.regex).finditer(subject)]


def _words(text: str) -> list[str]:
    """`_WORD.findall(text)`: the words of a text, by the compiled scan on ASCII text when it is built
    (a sixth of the regex's time; the same words, tests/test_wordscan.py)."""
    if _wordscan is not None:
        found: list[str] | None = _wordscan.words(text)  # None outside ASCII
        if found is not None:
            return found
    return _WORD.findall(text)


def _pairs(words: list[str]) -> list[str]:
    """`_pairs_of(words)`, compiled for ASCII words when it is built."""
    if _wordscan is not None:
        found: list[str] | None = _wordscan.pairs(words, STOPWORDS)
        if found is not None:
            return found
    return _pairs_of(words)


def _pairs_of(words: list[str]) -> list[str]:
    """Each two adjacent words, stopwords left out, that are letters alone, lower-cased and written as one
    ('cease fire' gives 'ceasefire'): the word pairs a text's saved terms hold the stems of."""
    raw = [low for low in map(str.lower, words) if low not in STOPWORDS]
    return [a + b for a, b in pairwise(raw) if a.isalpha() and b.isalpha()]


def _blanked(text: str, spans: Sequence[tuple[int, int, str]]) -> str:
    """`text` with the spans' characters replaced by spaces (the names taken out, the offsets kept)."""
    if not spans:
        return text
    chars = list(text)
    for start, end, _ in spans:
        chars[start:end] = " " * (end - start)
    return "".join(chars)


def _content(words: Iterable[str]) -> list[str]:
    """The terms of words in order (`_terms_of` each), looked up and joined in C."""
    return list(chain.from_iterable(map(_TERMS.__getitem__, words)))


def _terms_of(word: str) -> tuple[str, ...]:
    """`_word_terms(word)`, remembered: a word's terms never change, and most words recur."""
    return _TERMS[word]


class _Remembered(dict[str, _T]):
    """A text -> `compute(text)`, computed on first use (a lookup is then one subscript, in C when
    mapped); emptied when it holds `kept` texts."""

    def __init__(self, compute: Callable[[str], _T], kept: int) -> None:
        super().__init__()
        self._compute = compute
        self._kept = kept

    def __missing__(self, text: str) -> _T:
        if len(self) >= self._kept:
            self.clear()
        value = self[text] = self._compute(text)
        return value


def _word_terms(word: str) -> Iterable[str]:
    if "." in word:  # U.S. -> us (an acronym, so not the stopword 'us')
        yield word.replace(".", "").lower()
        return
    if word.endswith(("'s", "'S")):
        word = word[:-2]
    if (
        word.isalpha() and word.isupper() and len(word) >= _ACRONYM_MIN
    ):  # US, IS, UN: acronyms keep their letters, stopword or not
        yield word.lower()
        return
    lower = word.lower()
    if lower in STOPWORDS:
        return
    if "-" in lower:
        parts = [p for p in lower.split("-") if p]
        if len(parts) == _LETTER_NUMBER_PARTS and len(parts[0]) == 1 and parts[1].isalnum():
            yield _stem(lower.replace("-", ""))  # G-20 -> g20, F-16 -> f16
        for part in parts:
            if part not in STOPWORDS and len(part) > 1:
                yield _stem(part)
        return
    yield _stem(lower.replace("'", ""))


def _compile_synonyms(groups: Sequence[Sequence[str]]) -> dict[str, str]:
    """Stem -> group token; a group is named after its first word's stem, with the '~' prefix."""
    table: dict[str, str] = {}
    for group in groups:
        heads = [_WORD.findall(normalize(phrase))[-1:] for phrase in group]  # a phrase by its head word
        stems = [t for head in heads for word in head for t in _word_terms(word)]
        if stems:
            token = SYNONYM_PREFIX + stems[0]
            table.update((stem, token) for stem in stems)
    return table


def _fold_alias(surface: str) -> str:
    return _ALIAS_FOLD.sub("", surface.lower())


_ALIAS_FOLD = compiled(r"[\s.\-']+")
_TERMS: _Remembered[tuple[str, ...]] = _Remembered(lambda word: tuple(_word_terms(word)), _TERMS_KEPT)
# A name as written in a text -> its folded form: the same few spellings recur in every article
_FOLDED: _Remembered[str] = _Remembered(_fold_alias, _FOLDS_KEPT)


def _compile_aliases(entities: Sequence[Entity]) -> tuple[_AliasPattern, ...]:
    """Two alternations, longest first; acronyms that spell a stopword (US, IS) match case-sensitively."""
    exact: dict[str, str] = {}
    folded: dict[str, str] = {}
    for entity in entities:
        token = entity_token(entity.name)
        for written in (entity.name, *entity.aliases):
            name = normalize(written)
            bare = name.replace(".", "")
            if bare.isupper() and bare.lower() in STOPWORDS:
                exact[name] = token
            else:
                folded[name] = token
    patterns = []
    for names, flags in ((exact, 0), (folded, re.IGNORECASE)):
        if not names:
            continue
        ordered = sorted(names, key=len, reverse=True)
        body, grouped = _alternation(ordered, ignore_case=bool(flags & re.IGNORECASE))
        # A grouped match starts with a letter or digit (a word character) after none and no dot: at a word
        # boundary, which the engine tests in one step at each position before the lookbehind (the same
        # matches, in half the time)
        boundary = r"\b" if grouped else ""
        source = rf"{boundary}(?<![\w.])(?:{body})(?![\w])"
        # the lowered form's pattern text only: _alias_regex writes no escape that is an upper-case letter
        lowered = source.lower() if flags and ascii_apart(names) else None
        folds = {_fold_alias(n): t for n, t in names.items()}
        # matched on the lower-cased text with a lowered form, as written without IGNORECASE, else not at all
        programs = _programs(ordered, lower=bool(flags)) if lowered or not flags else None
        regex = None if lowered is None else compiled(lowered)
        patterns.append(_AliasPattern(source, flags, folds, regex, programs, grouped))
    return tuple(patterns)


_OPS = ((r"[\s\-]+", b"P"), (r"[\s\-]?", b"Q"), (r"\.?", b"D"))  # `_alias_regex`'s pieces, as ops


def _programs(ordered: Sequence[str], *, lower: bool) -> tuple[tuple[bytes, ...], ...] | None:
    """The names' patterns (`_alias_regex`, lower-cased with `lower`) as programs of bot/_wordscan.c's
    `names`, in order, by their first character (a literal); None when one is not such a program."""
    programs = []
    for name in ordered:
        pattern = _alias_regex(name)
        program = _program(pattern.lower() if lower else pattern)
        if program is None:
            return None
        programs.append(program)  # b"" for a name that no ASCII text holds: in no bucket
    return tuple(tuple(p for p in programs if p[1:2] == bytes([c])) for c in range(128))


def _program(pattern: str) -> bytes | None:
    """A name's pattern as ops (see bot/_wordscan.c): ASCII literals (escaped or plain) and `_OPS`; b""
    when it holds a literal outside ASCII (it matches no ASCII text); None for anything else, or when it
    does not start with a literal."""
    out, i = bytearray(), 0
    while i < len(pattern):
        op = next((code for text, code in _OPS if pattern.startswith(text, i)), None)
        if op is not None:
            out += op
            i += len(next(text for text, code in _OPS if code == op))
            continue
        escaped = pattern[i] == "\\"
        char = pattern[i + 1 : i + 2] if escaped else pattern[i]
        if char and not char.isascii():
            return b""
        if not char or (escaped and char.isalnum()) or (not escaped and char in _SPECIAL):
            return None
        out += b"L" + char.encode()
        i += 2 if escaped else 1
    return bytes(out) if out[:1] == b"L" else None


_SPECIAL = frozenset(".^$*+?{}[]\\|()")


def ascii_apart(names: Iterable[str]) -> bool:
    """Whether no character of `names` outside ASCII matches an ASCII text in any case (the Kelvin sign
    matches 'k', 'ſ' matches 's'), lower-cased or not: a lower-cased pattern then finds on an ASCII text
    what the case-insensitive one finds."""
    odd = {c for name in names for c in name if not c.isascii()}
    return not any(
        any(x.isascii() for x in c.lower())
        or any(re.fullmatch(re.escape(c), a, re.IGNORECASE) for a in _LETTERS)
        for c in odd
    )


def _alternation(ordered: Sequence[str], *, ignore_case: bool) -> tuple[str, bool]:
    """The names' patterns as one alternation, tried in the given order (longest first), and whether it
    is grouped (every match then starts with an ASCII letter or digit).

    When every name starts with an ASCII letter or digit, the alternatives are grouped by that character
    (its case folded with `ignore_case`): the group is that character, written once, then its names'
    patterns without it. At a position, the regex engine skips a group whose literal first character is
    not there with one comparison, instead of trying every name (or a lookahead per group): 5.5 against
    11 µs a sentence for config.yaml's 200 names on lower-cased text. The matches are the same: a name's
    pattern starts with its first character as a literal (`_alias_regex` escapes no letter or digit), a
    group's literal matches exactly what its names' first characters match (with `ignore_case`, the two
    cases of an ASCII letter fold alike), alternatives keep their order within a group, and no character
    is the first of two groups (ASCII letters and digits fold only into their own group), so at any
    position the first alternative to match is the one the plain alternation would find."""
    patterns = [_alias_regex(n) for n in ordered]
    if not all(n[:1].isascii() and n[:1].isalnum() for n in ordered):
        return "|".join(patterns), False
    groups: dict[str, list[str]] = {}
    for name, pattern in zip(ordered, patterns, strict=True):
        groups.setdefault(name[0].lower() if ignore_case else name[0], []).append(pattern[1:])
    return "|".join(f"{first}(?:{'|'.join(rests)})" for first, rests in groups.items()), True


def _alias_regex(name: str) -> str:
    """A name's pattern: any run of spaces between words, optional dots after letters (U.S. = US)."""
    out = []
    for ch in name:
        if ch == " ":
            out.append(r"[\s\-]+")
        elif ch == ".":
            out.append(r"\.?")
        elif ch == "-":
            out.append(r"[\s\-]?")
        else:
            out.append(re.escape(ch))
    text = "".join(out)
    if name.isupper() and "." not in name and len(name) <= _DOTTED_ACRONYM_MAX:  # US also matches U.S.
        text = r"\.?".join(re.escape(c) for c in name) + r"\.?"
    return text
