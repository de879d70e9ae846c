"""One tokenizer for the index and the query: normalisation, case folding, stemming, stopwords, aliases.

Entity names from config (ISIS = ISIL = IS = Daesh; Kiev = Kyiv; the Russian president = Putin ...) add one
shared entity token, ``@islamic_state``, beside the words themselves, so a question naming ISIS finds a
sentence about Daesh without losing the exact-word match. Dotted and hyphenated forms are folded
(U.S. = US, G-20 = G20). Stemming is Snowball English through PyStemmer (a C extension, see README).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Sequence
from functools import lru_cache
from itertools import chain, pairwise
from typing import TypeVar, cast

import Stemmer

from bot.config import Entity
from bot.name_patterns import AliasPattern, alternation, ascii_apart, matches, programs
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
_LANGUAGE = "english"
_STEMMER = Stemmer.Stemmer(_LANGUAGE, 0)


try:  # built by `pip install -e .` (optional: without a compiler `_WORD` and `_pairs_of` serve)
    from bot import _wordscan  # type: ignore[attr-defined,unused-ignore]

    HAVE_WORDSCAN = True
except ImportError:  # pragma: no cover - depends on the install
    _wordscan = None
    HAVE_WORDSCAN = False
# The whole sentence's analysis compiled (`Tokenizer.tokens_and_terms` on ASCII text), when built
_ANALYSE: Callable[..., object] | None = getattr(_wordscan, "analyse", None)

_TERMS_KEPT = 200_000
_FOLDS_KEPT = 10_000
_T = TypeVar("_T")
# A word's part in a sentence's analysis (`Tokenizer._entry`): its terms, their synonym tokens, and its
# part in the word pairs (its lower case when letters alone, None when not: it breaks a pair, False for a
# stopword: left out)
_Entry = tuple[tuple[str, ...], tuple[str, ...], str | bool | None]
# Its cache of ASCII words to their entries (bot/_wordcache.c), when built
_CACHE: Callable[[dict[str, _Entry], int], object] | None = getattr(_wordscan, "WordCache", None)


def _pair_stemmer() -> object:
    """What `_ANALYSE` stems the word pairs with: a handle on the Snowball stemmer `_STEMMER` runs, found in
    PyStemmer's own library and called from C on each pair's bytes (bot/_wordscan_stem.c: the same stems
    without a str, a list and a UTF-8 round trip a pair), else `_STEMMER.stemWords` on a list of them."""
    found = None
    if hasattr(_wordscan, "stemmer") and Stemmer.__file__:
        found = _wordscan.stemmer(Stemmer.__file__, _LANGUAGE)
    return found if found is not None else _STEMMER.stemWords


_PAIR_STEMS = _pair_stemmer()


@lru_cache(maxsize=200_000)
def _stem(word: str) -> str:
    return str(_STEMMER.stemWord(word))


def entity_token(name: str) -> str:
    """The shared token for an entity: '@' and its lower-cased name with underscores."""
    return ENTITY_PREFIX + re.sub(r"[^0-9a-z]+", "_", normalize(name).lower()).strip("_")


def person_tokens(entities: Sequence[Entity]) -> frozenset[str]:
    """The entity tokens of the people among `entities`."""
    return frozenset(entity_token(e.name) for e in entities if e.kind == "person")


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
        # What the compiled analysis reads the entries from: a C cache of the dict (a known word found by
        # its bytes, no str made nor dict probed for it; the same entries), or the dict where not built
        self._read_entries: object = (
            _CACHE(self._entries, _TERMS_KEPT) if _CACHE is not None else self._entries
        )

    def tokenize(self, text: str) -> list[str]:
        """Terms of `text`: stemmed content words and their synonym-group tokens, then entity tokens."""
        normal = normalize(text)
        spans = self.entity_spans(normal)
        if _ANALYSE is not None:  # the same tokens, compiled (ASCII text)
            found = _ANALYSE(normal, spans, self._read_entries, self._synonyms, None)
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
            found = _ANALYSE(normal, spans, self._read_entries, self._synonyms, _PAIR_STEMS)
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
                subject, found = lower, matches(pattern, pattern.lowered, lower)
            else:
                subject, found = text, matches(pattern, None, text)
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
            found = _ANALYSE(normal, spans, self._read_entries, self._synonyms, _PAIR_STEMS)
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

    def plain_terms(self, words: Sequence[str]) -> list[str] | None:
        """The one term of each of `words` (`content_words(w) == [term]`) when every one is a content word
        written in lower-case ASCII letters alone (a typo's hundreds of one-edit neighbours, each seen once:
        stemmed in one call, not kept in the word cache); None when any is not, or is a stopword."""
        if not _lower_ascii_letters("".join(words)) or not all(words):
            return None
        if not STOPWORDS.isdisjoint(words):
            return None
        return cast(list[str], _STEMMER.stemWords(words))

    def words_terms(self, words: Sequence[str]) -> list[list[str]]:
        """`content_words(w)` of each of `words`; those written in lower-case ASCII letters alone (a
        typo's hundreds of one-edit neighbours, each seen once) are stemmed in one call and not kept in
        the word cache: such a word is one word whose terms are its stem, or none for a stopword."""
        simple = _lower_ascii_letters("".join(words))  # one test for a list (a typo's neighbours), else each
        plain = [w for w in words if w and (simple or _lower_ascii_letters(w)) and w not in STOPWORDS]
        stems = dict(zip(plain, _STEMMER.stemWords(plain), strict=True))
        return [[stems[w]] if w in stems else [] if w in STOPWORDS else self.content_words(w) for w in words]


def _lower_ascii_letters(text: str) -> bool:
    """Written in lower-case ASCII letters alone: one word the stemmer takes as it is."""
    return text.isascii() and text.isalpha() and text.islower()


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


def _compile_aliases(entities: Sequence[Entity]) -> tuple[AliasPattern, ...]:
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
        body, grouped = alternation(ordered, ignore_case=bool(flags & re.IGNORECASE))
        # A grouped match starts with a letter or digit (a word character) after none and no dot: at a word
        # boundary, which the engine tests in one step at each position before the lookbehind (the same
        # matches, in half the time)
        boundary = r"\b" if grouped else ""
        source = rf"{boundary}(?<![\w.])(?:{body})(?![\w])"
        # the lowered form's pattern text only: alias_regex writes no escape that is an upper-case letter
        lowered = source.lower() if flags and ascii_apart(names) else None
        folds = {_fold_alias(n): t for n, t in names.items()}
        # matched on the lower-cased text with a lowered form, as written without IGNORECASE, else not at all
        ops = programs(ordered, lower=bool(flags)) if lowered or not flags else None
        regex = None if lowered is None else compiled(lowered)
        patterns.append(AliasPattern(source, flags, folds, regex, ops, grouped))
    return tuple(patterns)
