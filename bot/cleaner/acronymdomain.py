"""A domain's name that runs an acronym into common words: "uaposition.com" is "UA Position",
"fbcnews.com.fj" "FBC News", "radionz.co.nz" "Radio NZ".

Asked when the domain's words (`domainwords`) give nothing because one piece is no word. The name is
read as an acronym of two to `domain_acronym_max_letters` letters that is no dictionary word, before or
after a run of dictionary words (one will do; a two-letter piece only if it is a little word such as
"of"), both where wordsegment's split of the whole name cuts them; a spoken syllable ("han" in
"hanflor") is no acronym; the
acronym is written in capitals. Only a name with exactly one such reading is given: "ippreview" reads
as "IP Preview" and as "IPP Review", so it keeps its domain.
Letters after the words are read only when they are the domain's country code ("radionz.co.nz" is
"Radio NZ"): otherwise a tail of letters beside a word ("filmov", "hotsrq") is what the segmenter leaves
over when the name is no words at all, and the bare domain is cited (see `trailing_letters`).
"""

from __future__ import annotations

import re

from bot.cleaner.domainwords import common_pieces, is_dictionary_word, segment
from bot.config import CleanerConfig

__all__ = ["acronym_words"]

_SHORTEST_ACRONYM = 2  # not a threshold: one letter is a prefix ("e-", "i")
_SHORTEST_PIECE = 3  # not a threshold: a word beside the acronym; a shorter one is a little word or a cut
_LITTLE = frozenset({"of", "on", "in", "to", "at"})
# a spoken syllable, consonant-vowel-consonant ("han", "kim"), is a name's piece, not letters read out
_SYLLABLE = re.compile(r"[^aeiouy][aeiouy][^aeiouy]")


def acronym_words(label: str, settings: CleanerConfig, country: str = "") -> str | None:
    """The domain's name as an acronym and common words, or None when there is no single reading
    (`country`: the domain's two-letter country suffix, "" when it has none)."""
    if not label.isalpha() or is_dictionary_word(label):  # "news.by" is a word's domain, no acronym's
        return None
    pieces = segment(label)
    readings: list[str] = []
    for cut in range(1, len(pieces)):
        for acronym, rest, before in (
            ("".join(pieces[:cut]), pieces[cut:], True),
            ("".join(pieces[-cut:]), pieces[:-cut], False),
        ):
            words = _words_beside(acronym, rest, settings)
            if words is not None and (before or acronym == country):
                readings.append(" ".join([acronym.upper(), *words] if before else [*words, acronym.upper()]))
    return readings[0] if len(set(readings)) == 1 else None


def _words_beside(acronym: str, rest: list[str], settings: CleanerConfig) -> list[str] | None:
    """The title-cased words beside an acronym, or None when the acronym is no acronym's shape (a word,
    too long or short) or a piece beside it is no common word of three letters or more (a little word
    aside: a two-letter piece is too often a wrong cut, "calder da le")."""
    size = _SHORTEST_ACRONYM <= len(acronym) <= settings.domain_acronym_max_letters
    if not size or is_dictionary_word(acronym) or _SYLLABLE.fullmatch(acronym):
        return None
    words = common_pieces("".join(rest), settings)
    if words is None or len(words) != len(rest) or not all(is_dictionary_word(w) for w in words):
        return None
    return None if any(len(w) < _SHORTEST_PIECE and w.lower() not in _LITTLE for w in words) else words
