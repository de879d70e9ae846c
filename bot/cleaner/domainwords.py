"""A site's name read from its domain's words, for a site the outlet table does not know and whose page
never prints its name: "theborneopost.com" is cited as "The Borneo Post", "daily-sun.com" as "Daily Sun".

A domain's name with hyphens is split at them: the site marked its own words ("larkfield-front.com" is
"Larkfield Front", "larkfield-24.com" "Larkfield 24") when one of them is a common word; a one-letter
part, "e-larkfield", is a prefix and keeps the domain. Run-together words are split by `wordsegment`
(English word segmentation over a web corpus's unigram and bigram counts), and that guessed split is
trusted only when every piece is a common word: a word of its dictionary, or a word of at least
`domain_word_min_letters` letters that the corpus counts at least `domain_word_min_count` times (places
and peoples: "Borneo", "Zambia"). An acronym ("fbc", "vom"), a digit, a rare word are not: the bare
domain is kept then. A page that prints the domain with its own capitals ("UrduPoint.com") gives the
name those capitals, suffix dropped. A language tag hyphened last ("freenews-en") marks an edition, not
a word: the name is the label before it, its run-together words one word of the site's ("Freenews").
The word data (about 10 MB) loads on first use, only where pages are cleaned.
"""

from __future__ import annotations

import functools
import logging
import re

from bot.cleaner.prefilter import lowered
from bot.config import CleanerConfig

__all__ = [
    "MINOR_WORDS",
    "common_pieces",
    "dictionary_openings",
    "domain_words",
    "dotted_name",
    "is_cut_piece",
    "is_dictionary_word",
    "printed_domain",
    "segment",
    "web_count",
]

log = logging.getLogger(__name__)


@functools.cache
def _words() -> tuple[dict[str, float], frozenset[str]]:
    """wordsegment's unigram counts and dictionary words, loaded once."""
    import wordsegment  # deferred: its data loads only when a page's outlet needs it

    wordsegment.load()
    log.debug("loaded %d unigrams for domain-word splits", len(wordsegment.UNIGRAMS))
    return wordsegment.UNIGRAMS, frozenset(wordsegment.WORDS)


def _common(piece: str, settings: CleanerConfig) -> bool:
    counts, dictionary = _words()
    if not piece.isalpha():
        return False
    if piece in dictionary:
        return True
    long_enough = len(piece) >= settings.domain_word_min_letters
    frequent = long_enough and counts.get(piece, 0.0) >= settings.domain_word_min_count
    return frequent and not _run_together(piece, dictionary)


_SHORTEST_HALF = 3  # not a threshold: two-letter dictionary words ("as", "ma") end too many names


def _run_together(piece: str, dictionary: frozenset[str]) -> bool:
    """A token the web counts that is two dictionary words run together ("knownsite"): a site's or a
    handle's own spelling, not a word of the language."""
    ends = range(_SHORTEST_HALF, len(piece) - _SHORTEST_HALF + 1)
    return any(piece[:end] in dictionary and piece[end:] in dictionary for end in ends)


# title case's minor words, in lower case inside a name ("Voice of the Island", but "Europe Says")
MINOR_WORDS = frozenset("a an and as at but by for from in into nor of on or the to with".split())
_FEWEST_WORDS = 2  # not a threshold: a split into one piece is no split
_SHORTEST_PART = 2  # not a threshold: a one-letter part ("e-news") is a prefix, not a word


def domain_words(label: str, settings: CleanerConfig) -> str | None:
    """The name a domain's name spells in common words, title-cased ("theborneopost" -> "The Borneo
    Post"), or None when a piece is not a common word."""
    import wordsegment

    parts = [part for part in label.lower().split("-") if part]
    if len(parts) >= _FEWEST_WORDS and parts[-1] in _LANGUAGE_TAGS:
        return _edition_of(parts[:-1], settings)
    # a number the site set apart by a hyphen is a word of its name: "headlines-24" is "Headlines 24"
    if not parts or not all(part.isalpha() or (len(parts) > 1 and part.isdigit()) for part in parts):
        return None
    _words()
    if len(parts) >= _FEWEST_WORDS:  # the site's own hyphens mark its words: no split is guessed,
        # and one common word among them shows a name, not a string of letters ("qxv-zkt")
        whole = all(len(part) >= _SHORTEST_PART for part in parts)
        pieces = parts if whole and any(_common(part, settings) for part in parts) else []
    else:
        pieces = wordsegment.segment(parts[0])
        # one word is no name: "news.cn" is not "News", and the domain says more than the word; a
        # two-letter word that is no little word is a wrong cut ("bidexmedia" is no "Bid Ex Media")
        if not all(_common(piece, settings) and not is_cut_piece(piece) for piece in pieces):
            return None
    if len(pieces) < _FEWEST_WORDS:
        return None
    return " ".join(
        piece if n and piece in MINOR_WORDS else piece.capitalize() for n, piece in enumerate(pieces)
    )


# ISO 639-1 codes a site hyphens after its name for one language's edition ("site-en", "site-ru")
_LANGUAGE_TAGS = frozenset("en ru fr de es it pt ar zh ja ko uk tr fa ur hi pl nl".split())


def _edition_of(parts: list[str], settings: CleanerConfig) -> str | None:
    """A language edition's label ("freenews-en"): the tag is no word of the name, and the parts before
    it are the site's own words as it hyphenated them (run-together words are one word of its name:
    "Freenews"), unless the name is one dictionary word (no name: the domain stays)."""
    if len(parts) >= _FEWEST_WORDS:
        return domain_words("-".join(parts), settings)
    if not parts or not parts[0].isalpha() or is_dictionary_word(parts[0]):
        return None
    return parts[0].capitalize()


_CUT_LETTERS = 2  # not a threshold: a two-letter piece that is no little word ("ex", "si", "it")


def is_cut_piece(piece: str) -> bool:
    """A piece the segmenter cut off a longer name: two letters, no little word ("bid|ex", "cuba|si")."""
    return len(piece) == _CUT_LETTERS and piece not in MINOR_WORDS


def segment(run: str) -> list[str]:
    """wordsegment's split of a run of letters into words (its data loaded on first use)."""
    import wordsegment

    _words()
    return list(wordsegment.segment(run.lower()))


def web_count(piece: str) -> float:
    """How often wordsegment's web corpus counts a token (its data loaded on first use)."""
    return _words()[0].get(piece.lower(), 0.0)


@functools.cache
def dictionary_openings() -> frozenset[str]:
    """The first two letters of every dictionary word of three letters or more: how the language's
    words may open (a name opening otherwise, "nkqom", is no word a reader can say)."""
    return frozenset(word[:2] for word in _words()[1] if len(word) > _CUT_LETTERS)


def is_dictionary_word(piece: str) -> bool:
    """A word of wordsegment's dictionary (loaded on first use)."""
    return piece.lower() in _words()[1]


def common_pieces(run: str, settings: CleanerConfig) -> list[str] | None:
    """A run of letters split into title-cased common words ("dailynews" -> ["Daily", "News"]), one word
    included, or None when a piece is no common word."""
    import wordsegment

    _words()
    pieces = wordsegment.segment(run.lower()) if run.isalpha() else []
    if not pieces or not all(_common(piece, settings) for piece in pieces):
        return None
    return [piece if n and piece in MINOR_WORDS else piece.capitalize() for n, piece in enumerate(pieces)]


def printed_domain(lines: list[str], domain: str) -> str | None:
    """The domain's name with the capitals a page prints it in ("UrduPoint.com" -> "UrduPoint"), when
    the page prints the whole domain with a capital letter."""
    low = lowered("\n".join(lines)) if domain.isascii() else ""  # see bot/cleaner/prefilter.py
    if low and domain.lower() not in low:  # a page that does not print the domain is not searched
        return None
    label, _, suffix = domain.partition(".")
    pattern = re.compile(rf"(?<![\w.-])({re.escape(label)})\.{re.escape(suffix)}(?![\w-])", re.IGNORECASE)
    for text in lines:
        for match in pattern.finditer(text):
            name = match.group(1)
            if name != name.lower():
                return name
    return None


def dotted_name(name: str, domain: str) -> str:
    """A site name printed as its whole domain with its own capitals, cited without the suffix
    ("UrduPoint.com" on urdupoint.com is "UrduPoint"), unless the name alone is one common word: then the
    suffix is what makes it a name ("Newswire.net", as "news.cn" is no "News"), or the page writes the
    suffix with a capital, a word of its brand ("HarbourWatch.Net", not a logo all in capitals); any other
    name as it is."""
    label, _, suffix = domain.partition(".")
    whole = name.casefold() == domain and name != name.lower()
    # ".Net": the site's own capital (a logo in capitals, "SITE24.AZ", has none of its own)
    branded = name[len(label) + 1 : len(label) + 2].isupper() and not name.isupper()
    return name[: len(label)] if whole and suffix and not branded and not is_dictionary_word(label) else name
