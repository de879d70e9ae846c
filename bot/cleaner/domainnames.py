"""A domain's name that runs one proper name into common words: "wentworthreport.com" is "Wentworth
Report", "thebengalsboard.com" "The Bengals Board", "cgtnamerica.com" "CGTN America".

Asked when neither the domain's words (`domainwords`: every piece a common word) nor an acronym beside
dictionary words (`acronymdomain`) read the name. A reader who sees such a domain reads the common words
it holds and takes the rest for the site's own name, so the name is read as exactly one piece that is no
common word beside at least one that is (a leading "the" will do; another little word alone will not, nor
a word shorter than `domain_word_min_letters`: "sau|ress" is a cut of one name, "Sauress", not "Sau
Ress"). The segmenter cuts a name it does not know into fragments ("trend|ler", "cgt|n"): a fragment
shorter than `domain_word_min_letters` that is no common word is rejoined to the piece before it when it
has a vowel ("trend|ler"), unless that piece is a little word, and so is a two-letter word that is no
little word after another short piece (the segmenter chopped a coined name into short words:
"bid|ex|media" is "Bidex Media"; after a longer piece it is a wrong cut); vowel-less ones are joined to
one another ("cgt|n" is "cgtn"), letters read out beside the words. The name piece is written as a name
("Trendler") when it has a vowel and at least `domain_word_min_letters` letters, in capitals when it has
none ("CGTN": letters read out) and stands first or is the domain's country code (letters after the words
are the segmenter's leftover: "hotsrq" is no "Hot SRQ"); any other piece keeps the bare domain. Two
unknown pieces, or none known, are no name a reader could read off the domain either, and a two-letter
word that is no little word ("lo", "be") shows a wrong cut ("prothomalo" is no "Pro Thoma Lo").
"""

from __future__ import annotations

from bot.cleaner.domainwords import MINOR_WORDS as _MINOR
from bot.cleaner.domainwords import common_pieces, is_cut_piece, is_dictionary_word, segment, web_count
from bot.config import CleanerConfig

__all__ = ["name_words"]

_VOWELS = frozenset("aeiouy")
_SHORTEST_ACRONYM = 2  # not a threshold: one letter is a stray cut ("the brindle r")
_FEWEST_PIECES = 2  # not a threshold: a name and a word beside it
_SHORTEST_WORD = 3  # not a threshold: as in `acronymdomain`, a shorter word is a little word or a cut
_ARTICLE = "the"  # a masthead's leading article: "The Trendler" shows a name as a common word would


def name_words(label: str, settings: CleanerConfig, country: str = "") -> str | None:
    """The domain's name as one proper name beside common words, or None when it is not read so
    (`country`: the domain's two-letter country suffix, "" when it has none)."""
    if not label.isalpha():
        return None
    pieces = _rejoined(segment(label), settings)
    if len(pieces) < _FEWEST_PIECES:
        return None
    known = [_is_common(piece, settings) for piece in pieces]
    if known.count(False) != 1 or any(
        k and len(p) < _SHORTEST_WORD and p not in _MINOR for p, k in zip(pieces, known, strict=True)
    ):
        return None  # a two-letter word beside a name is a wrong cut ("prothomalo" is no "pro thoma lo")
    # the common word that shows a name is a word a reader reads as one: a leading "the", or one of
    # `domain_word_min_letters` letters; a shorter one is as likely a cut of the name ("sau|ress")
    if not any(
        k
        and (
            (piece not in _MINOR and len(piece) >= settings.domain_word_min_letters)
            or (n == 0 and piece == _ARTICLE)
        )
        for n, (piece, k) in enumerate(zip(pieces, known, strict=True))
    ):
        return None
    name = pieces[known.index(False)]
    if name == pieces[-1] and _abbreviation(name, settings):
        written = name.upper()
    elif not _VOWELS.intersection(name) and len(name) >= _SHORTEST_ACRONYM:
        if known.index(False) and name != country:  # letters after a word: a leftover, not a name
            return None
        written = name.upper()
    elif len(name) >= settings.domain_word_min_letters:
        written = name.capitalize()
    else:
        return None
    return " ".join(
        written if not k else piece if n and piece in _MINOR else piece.capitalize()
        for n, (piece, k) in enumerate(zip(pieces, known, strict=True))
    )


def _is_common(piece: str, settings: CleanerConfig) -> bool:
    words = common_pieces(piece, settings)
    return words is not None and len(words) == 1


def _abbreviation(piece: str, settings: CleanerConfig) -> bool:
    """Letters a reader knows as an abbreviation ("usa", "uk"): no longer than an acronym, no dictionary
    word, and counted by the web corpus at least `domain_abbreviation_min_count` times."""
    short = _SHORTEST_ACRONYM <= len(piece) <= settings.domain_acronym_max_letters
    known = web_count(piece) >= settings.domain_abbreviation_min_count
    return short and known and not is_dictionary_word(piece)


def _rejoined(pieces: list[str], settings: CleanerConfig) -> list[str]:
    """The segmenter's pieces with each short unknown fragment rejoined: one with a vowel to the piece
    before it ("trend|ler"), unless that is a little word; a run of ones without ("cgt|n") to one
    another, letters read out beside the words ("news|nation|tv" keeps "tv" apart)."""
    out: list[str] = []
    carry = ""
    for n, piece in enumerate(pieces):
        fragment = len(piece) < settings.domain_word_min_letters and not _is_common(piece, settings)
        # a two-letter word that is no little word after another short piece: the segmenter chopped one
        # name into short words ("bid|ex|media"); after a longer piece it is a wrong cut ("thoma|lo")
        short_before = bool(out) and len(out[-1]) < settings.domain_word_min_letters
        fragment = fragment or (is_cut_piece(piece) and short_before)
        # a known abbreviation closing the name stands apart ("morning|news|usa")
        fragment = fragment and not (n + 1 == len(pieces) and n and _abbreviation(piece, settings))
        voiced = bool(_VOWELS.intersection(piece))
        # one consonant between two pieces is no word nor acronym: "darpa|n|magazine" (at the end, "r" of
        # "the|brindle|r" may be a cut of anything)
        lone = len(piece) == 1 and not voiced and n + 1 < len(pieces)
        if fragment and (voiced or lone) and out and out[-1] not in _MINOR and not carry:
            out[-1] += piece
        elif fragment:
            carry += piece
        else:
            out.extend([carry, piece] if carry else [piece])
            carry = ""
    return [*out, carry] if carry else out
