"""A name-less site cited by its domain's label, as a reader who finds no name on the page cites it:
"ghanamma.com" is "Ghanamma", "24newslanka.com" "24 News Lanka", a blog at "kestrelnotes.wordpress.com"
"Kestrel Notes".

Asked when the label reads as no words (`domainwords`, `acronymdomain`, `domainnames` give nothing for
it whole). A run of digits is a word of its own ("24", "2016"): the label is cut at the digits, and each
run of letters is read as words where one of those readers reads it, or else kept whole. A run kept
whole is capitalised ("Uproxx"), or written in capitals when it has no vowel (letters read out: a
station's call sign, "kxlp" is "KXLP"); digits between such a run and more letters are that run's, one
brand ("actv7news" is "Actv7 News", as "ABC7 News" is written), while digits opening or closing the label
stand apart ("24 News Lanka", "KXYZ 7"), as do digits after a word. A label that is one dictionary word
keeps its domain ("news.cn" is no "News": the suffix is what makes it a name), and so does a label with
hyphens (the site marked words the readers did not take), and a label whose letters are broken by
numbers more than once ("ab5cd1efg": letters and digits mixed as a machine mixes them). So does a
run kept whole that a reader cannot say as one name: one letter run into common words ("cimages" is "c"
and "images": the letter is a prefix, as the hyphened "e-" of `domainwords`, and no reader knows how the
site writes it), or letters with a vowel that open with two consonants no dictionary word opens with
("nkqom": neither a word to say nor letters to read out); the reader cites the domain as it is written then.
"""

from __future__ import annotations

import re

from bot.cleaner.acronymdomain import acronym_words
from bot.cleaner.domainnames import name_words
from bot.cleaner.domainwords import (
    MINOR_WORDS,
    common_pieces,
    dictionary_openings,
    domain_words,
    is_dictionary_word,
    segment,
)
from bot.config import CleanerConfig

__all__ = ["label_name", "run_words"]

_RUNS = re.compile(r"[a-z]+|[0-9]+")
_VOWELS = frozenset("aeiou")  # not "y": "kxyz" is letters read out
_OPENING = 2  # not a threshold: a word's first two letters, where an unsayable name shows
_PREFIXED = 2  # not a threshold: a letter and the one word it is run into ("c|images")
_MIXED = 2  # not a threshold: one number inside letters is a brand's ("actv7news"), two a machine's


def run_words(run: str, settings: CleanerConfig, country: str = "") -> str | None:
    """A run of letters read as words by the domain readers, or None when none reads it."""
    return (
        domain_words(run, settings)
        or acronym_words(run, settings, country)
        or name_words(run, settings, country)
    )


def label_name(label: str, settings: CleanerConfig, country: str = "") -> str | None:
    """The label cited as a name-less site's name, or None when the bare domain stays (a hyphen, one
    dictionary word, no letters)."""
    low = label.lower()
    if not low.isalnum() or not low.isascii() or low.isdigit() or is_dictionary_word(low):
        return None
    runs = _RUNS.findall(low)
    inner = [n for n in range(1, len(runs) - 1) if runs[n].isdigit()]
    if len(inner) >= _MIXED:
        return None  # letters and digits mixed again and again ("ab5cd1efg"): a machine's label, no name
    written = [_written(run, settings, country) for run in runs]
    whole = (run for run, word in zip(runs, written, strict=True) if word == _whole(run))
    if any(_unsayable(run, settings) for run in whole):
        return None  # no name a reader can say: the bare domain is cited
    out: list[str] = []
    for n, (run, word) in enumerate(zip(runs, written, strict=True)):
        # a number between coined letters kept whole (no word) and more letters is their brand's:
        # "actv7news" is "Actv7 News"; after a word it stands apart ("harbour7news": "Harbour 7 News")
        glued = run.isdigit() and 0 < n < len(runs) - 1 and _coined(runs[n - 1], written[n - 1])
        if glued:
            out[-1] += word
        else:
            out.append(word)
    return " ".join(out)


def _written(run: str, settings: CleanerConfig, country: str) -> str:
    if run.isdigit():
        return run
    read = run_words(run, settings, country)
    if read is not None:
        return read
    return _whole(run)


def _coined(run: str, written: str) -> bool:
    """The run was kept whole and is no dictionary word: initials or a coined brand."""
    return written == _whole(run) and not is_dictionary_word(run)


def _whole(run: str) -> str:
    """A run of letters no reader reads as words, kept whole: capitalised, or in capitals without a vowel."""
    if len(run) > 1 and not _VOWELS.intersection(run):
        return run.upper()
    return run.capitalize()


def _unsayable(run: str, settings: CleanerConfig) -> bool:
    """A run kept whole that is no name a reader can say: one letter that is no little word run into
    one common word ("c|images"; "s|of|rep" is a coined name's letters), or voiced letters opening with
    two consonants no dictionary word of the segmenter opens with ("nk|qom")."""
    pieces = segment(run)
    prefixed = len(pieces) == _PREFIXED and len(pieces[0]) == 1 and pieces[0] not in MINOR_WORDS
    if prefixed and pieces[1] not in MINOR_WORDS and common_pieces(pieces[1], settings) is not None:
        return True
    opening = run[:_OPENING]
    voiced = bool(_VOWELS.intersection(run))
    consonants = len(opening) == _OPENING and not _VOWELS.union("y").intersection(opening)
    return voiced and consonants and opening not in dictionary_openings()
