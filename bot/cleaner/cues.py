"""Cues read inside a line: a photo caption's marks (strong ones anywhere, weak ones above the body)
and a wire dateline opening a paragraph ("MOSCOW (AP) —", "Sept. 29 (UPI) --")."""

from __future__ import annotations

import re

from bot.cleaner.dates import MONTH_START
from bot.cleaner.prefilter import MatchCount, lowered

__all__ = ["STRONG_CAPTION_CUES", "WEAK_CAPTION_CUES", "caption_cues", "wire_dateline"]

_I = re.IGNORECASE

STRONG_CAPTION_CUES: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\((?:R|L|C|centre|center|left|right|front|back|(?:2nd|3rd|second|third) (?:[LR]|left|right))\)"
    ),
    # who is where in the photo: "(L-R, front)", "(from left)", "(L to R)"
    re.compile(r"\((?:[LR]\s*-\s*[LR]|[LR] to [LR]|from (?:left|right))\b[^)]{0,20}\)", _I),
    # (a bare "(Photos)" ending a line is a title's badge: "Leaders Meet In Hangzhou (Photos)")
    re.compile(
        r"\((?!see |view )(?!(?:photo|image|picture)s?\)\s*$)"
        r"(?:[A-Z][\w.]* )?(?:photo|image|picture|file)s?\b[^)]*\)",
        _I,
    ),
    re.compile(r"\b(?:photo|image|picture)\s*(?:credit)?\s*:", _I),
    # an agency's credit in square brackets closing the caption: "... remained over Syria [Agency]"
    re.compile(r"[a-z.”\"]\s\[[A-Z][A-Za-z]{1,20}(?:/[A-Z][A-Za-z]{1,20})?\]$"),
    # a credit after a slash: "Photo/Supplied", "Image/Jane Doe"
    re.compile(r"\b(?:Photo|Image|Picture)/[A-Z][a-z]"),
    # an agency credit inside the caption: "(AGENCY Photo/First Last)", "First Last/AGENCY"; not a
    # dateline's region between slashes before its comma ("PLACE /Some region/, September 24. /AGENCY/.")
    re.compile(r"\b[A-Z]{2,}(?: Photo)?\s*/\s*[A-Z][a-z]+(?![^/]{0,30}/,)"),
    re.compile(r"\b[A-Z][a-z]+ [A-Z][a-z]+\s*/\s*(?:[A-Z]{2,}|[A-Z][a-z]+ Images)\b"),
    # a photographer's credit glued to the caption's end: "... 2013.Jane Doe/The Daily Paper"
    re.compile(r"[.\s][A-Z][\w.-]+ [A-Z][\w.-]+/(?:The )?[A-Z][\w.]*(?: [A-Z][\w.]*){0,3}$"),
    re.compile(r"\bfile (?:photo|picture|image)\b", _I),
    # a photographer's credit after the caption's sentence, its label without a colon: "... in 2013. Credit
    # Jane Doe/The Daily Paper", "... Credit Jane Doe/Photo Agency, via Picture Library"
    re.compile(r"[a-z\d)]\.\s+Credit:?\s+[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}\s*/\s*[A-Z][^/]{1,60}$"),
    # the photo's credit in capitals after a bar closing the caption's sentence: "... on Monday. | AGENCY"
    re.compile(r"[a-z][.!?][\"'’”]?\s*\|\s*[A-Z][A-Z.&'’ /-]{1,30}$"),
    # an agency's name in capitals and "photo" closing the caption: "... in Antalya, Nov 15. AGENCY photo"
    re.compile(r"[.\s][A-Z]{2,}\s+(?i:photo|picture)s?$"),
    # a Creative Commons licence closing the photo's credit: "... / Official Website CC BY 4.0"
    re.compile(r"\b(?:CC BY|CC-BY)(?:[ -](?:SA|ND|NC)){0,2}[ -]\d\.\d\)?$", _I),
    # an agency's photo credit inside the caption: "AGENCY PHOTO/NAME", "(Photo credit should read ..."
    re.compile(r"\b[A-Z]{2,} PHOTO\s*/\s*[A-Z]|\b(?i:photo credit should read)\b"),
    # a photographer's and agencies' credit in brackets closing the caption: "(Jane Doe/Agency via AP)",
    # "(Jane Doe/Agency, Pool Photo via AP)"
    re.compile(r"\((?=[^()]*\w \w)[A-Z][\w.' -]{1,40}(?:/[\w.' -]{1,40}(?:, [\w.' -]{1,40})?)+\)$"),
    # a photographer's name in capitals and the agency in brackets after the caption: "... JANE DOE (AP)"
    re.compile(r"[a-z]\.\s+[A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+){1,3}\s*\([A-Z][\w.&-]{1,15}\)$"),
    # a photographer's name and two or three sources after slashes closing the caption's sentence, in
    # any case: "... on Monday. Jane Doe / Agency / AGENCY" (one slash may join a sentence's own words)
    re.compile(
        r"[a-z\d)]\.\s+[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}"
        r"(?:\s*/\s*[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2}){2,3}$"
    ),
    # the picture's copyright glued to the caption's last word, its agency and photographer after it:
    # "... at the summit in the city© Agency/ Jane Doe" (a rights line opens with its sign, never glued)
    re.compile(
        r"[a-z.](?<!opyright)©\s?[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2}"
        r"\s*/\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}$"
    ),
    # a credit in capitals glued after the caption: "... Obama.JANE DOE/AGENCY/POOL / EPA"
    re.compile(
        r"[.\s][A-Z][A-Z.'-]+(?: [A-Z][A-Z.'-]+)*(?:\s*/\s*[A-Z][A-Z.'&-]+(?: [A-Z][A-Z.'&-]+)*){1,4}$"
    ),
)
WEAK_CAPTION_CUES: tuple[re.Pattern[str], ...] = (
    re.compile(
        r",\s*(?:right|left|centre|center|second (?:left|right)|far (?:left|right)|top|bottom)\s*,", _I
    ),
    re.compile(
        r"\b(?:poses?|posing|pose for|pictured|gestures?|shake hands|shakes hands|look on|looks on)\b", _I
    ),
    # the photo's source glued after the caption's sentence: "... meet in the city. Press Office"
    re.compile(r"^.{40,}[a-z]\.\s+(?:[A-Z][\w'-]*\s+){1,3}[A-Z][\w'-]*$"),
)


_STRONG = MatchCount(STRONG_CAPTION_CUES)
_WEAK = MatchCount(WEAK_CAPTION_CUES)


def caption_cues(text: str) -> tuple[int, int]:
    """How many strong and weak photo-caption cues a line holds."""
    low = lowered(text)
    return _STRONG(text, low), _WEAK(text, low)


# "MOSCOW (Agency) -", "MOSCOW, Sept 28 (Agency) —", "Sept. 29 (UPI) --" opening the first paragraph;
# "PLACE. Sept 28 (Agency) –" (a full stop after the place), "Place, Nov. 20 (AGENCY). The ..." (a full
# stop after the credit, a capital after it), "Place, Sep 28 (AGENCY).- The ..." (a stop and a dash),
# "Place (Land), 28 sep (AGENCY).- ..." (the place's land in brackets before the comma)
# a place's capital and letters in the Latin or the Cyrillic alphabet ("НЬЮ-ЙОРК, 28 сентября. /AGENCY/.")
_CAPITAL = "A-ZА-ЯЁ"
_LETTER = "A-Za-zА-Яа-яЁё"


def _wire_dateline(land: str) -> re.Pattern[str]:
    """The wire dateline's pattern, with `land` (a pattern, perhaps empty) read after the place."""
    return re.compile(  # "PLACE, Land, (CREDIT) -"
        rf"^(?P<dateline>(?:[{_CAPITAL}][{_LETTER} .'/-]{{1,40}}{land}"
        r"(?:(?:,|\.(?=\s+[A-Z][a-z]{2,8}\.?\s+\d))\s*[\w.]+"
        r"(?:\s+[\w.]+){0,2}){0,3}|[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?),?\s*"
        r"(?:\((?P<agency>[^()]{2,60})\)\s*(?:[-–—:]+|\.[-–—]{1,2}(?=\s)|\.\s+(?=[A-Z])|\s)"
        r"|[.,]?\s*/(?P<slashed>[^/\s][^/]{0,30})/\.?\s))\s*"
    )


_WIRE_DATELINE = _wire_dateline("")
# the place's land in brackets before the comma ("Place (Land),"), tried only where the opening holds one
_LAND_DATELINE = _wire_dateline(rf"\s*\([{_CAPITAL}][{_LETTER} .]{{1,30}}\)(?=,|\s\()")
_LAND_CLOSE = "), "  # what a bracketed land before the comma needs
_LAND_BEFORE_CREDIT = ") ("  # or before the agency's brackets
_LAND_REACH = 80  # a place of forty, its land of thirty, in the opening's first characters


# "New York, September 29, Interfax - ...": a place and a date, then the agency after a comma
_COMMA_CREDIT = re.compile(
    r"^(?P<dateline>[A-Z][A-Za-z .'-]{1,40},\s*(?:[A-Za-z]{3,9}\.?\s+\d{1,2}|\d{1,2}\s+[A-Za-z]{3,9}\.?)"
    r"(?:,?\s+\d{4})?),\s*(?P<agency>[A-Z][\w.&'-]*(?:\s+[A-Z][\w.&'-]*){0,2})\s+[-–—]{1,2}\s"
)


# "AUCKLAND, AAP - ...": a place in capitals, then an agency's acronym after a comma
_COMMA_ACRONYM = re.compile(r"^(?P<dateline>[A-Z][A-Z .'-]{1,40}),\s*(?P<agency>[A-Z]{2,6})\s+[-–—]{1,2}\s")
# "Izmir, MINA – ...": a place in title case, an agency's acronym, then an en or em dash (not a hyphen
# spaced off: "Obama, US - ..." is no credit); "New York, SANA- ...": a dash glued to the acronym
_TITLE_ACRONYM = re.compile(
    r"^(?P<dateline>[A-Z][a-z'-]+(?: [A-Z][a-z'-]+){0,2}),\s*(?P<agency>[A-Z]{2,6})(?:\s+[–—]|[-–—])\s"
)

# "ASTANA. KAZINFORM – ...": a place in capitals and a full stop, then an agency's name in capitals
_DOT_ACRONYM = re.compile(r"^(?P<dateline>[A-Z][A-Z '-]{1,40})\.\s+(?P<agency>[A-Z]{3,12})\s+[-–—]{1,2}\s")
# "(Larkfield News Agency, Sept. 4, 2016. Complete text:) PLACE - ...": a database's credit of the copy it
# reproduces, the agency and its date in one parenthesis glued before the text
_PAREN_CREDIT = re.compile(
    r"^\((?P<agency>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,4}), "
    r"(?P<dateline>[A-Z][a-z]{2,8}\.? \d{1,2}, (?:19|20)\d{2})\.?(?: [^()]{0,40})?\)\s*\S"
)
# "(AGENCY) - New York, September 28 - ...": the agency in brackets before the place and its date, each
# followed by a spaced dash
_AGENCY_FIRST = re.compile(
    r"^\((?P<agency>[A-Z][\w.&'’-]{1,20}(?: [A-Z][\w.&'’-]*){0,2})\)\s+[-–—]{1,2}\s+"
    r"(?P<dateline>[A-Z][A-Za-z.'-]*(?: [A-Z][A-Za-z.'-]*){0,3}"
    r"(?:,\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,?\s+\d{4})?)?)\s+[-–—]{1,2}\s"
)
# "HANGZHOU, China, Sept. 5 Kyodo - ...": a place in capitals (and its land), a month and day, then the
# agency's name (a word or two) with no bracket or comma before the dash
_DATE_AGENCY = re.compile(
    r"^(?P<dateline>[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})?,\s*"
    rf"(?i:{MONTH_START})\s+\d{{1,2}}(?:,?\s+\d{{4}})?)\s+"
    r"(?P<agency>[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*)?)\s+[-–—]{1,2}\s"
)
_CREDIT_DATELINES = (
    _COMMA_CREDIT,
    _COMMA_ACRONYM,
    _TITLE_ACRONYM,
    _DOT_ACRONYM,
    _PAREN_CREDIT,
    _AGENCY_FIRST,
    _DATE_AGENCY,
)


def wire_dateline(first_paragraph: str) -> tuple[str, str] | None:
    """A wire dateline opening the first paragraph: (the dateline, the agency), or None."""
    # "Place (Land) (AFP) -": the land's brackets before the agency's are the place's, tried first
    land = first_paragraph.find(_LAND_BEFORE_CREDIT, 0, _LAND_REACH) != -1
    match = (_LAND_DATELINE.match(first_paragraph) if land else None) or _WIRE_DATELINE.match(first_paragraph)
    if match is None and first_paragraph.find(_LAND_CLOSE, 0, _LAND_REACH) != -1:
        match = _LAND_DATELINE.match(first_paragraph)
    if match is None:
        comma = next((m for rx in _CREDIT_DATELINES if (m := rx.match(first_paragraph))), None)
        return (comma.group("dateline").strip(), comma.group("agency").strip()) if comma else None
    return match.group("dateline").strip(), (match.group("agency") or match.group("slashed")).strip()
