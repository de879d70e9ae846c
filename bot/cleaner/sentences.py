"""Sentence splitting for news English with sentencex, mapped back to verbatim character offsets.

sentencex splits well on most news prose; a few of its splits are then undone where the full stop
belongs to an abbreviation that carries on into the same sentence: "3 p.m. ET", "the U.S. State
Department", "Martin Luther King Jr. said", "No. 10", "St. Petersburg", a dotted site name such as
"Censor.NET" or "RT.com", and any split before a word in lower case.
"""

from __future__ import annotations

import logging
import re

import sentencex

from bot.cleaner.lines import STOPWORDS

__all__ = ["sentence_spans"]

log = logging.getLogger(__name__)

_SURROGATE = re.compile(r"[\ud800-\udfff]")
# Abbreviations after which a capitalised word usually goes on with the same sentence.
_TITLE_ABBREVIATION = re.compile(
    r"(?:^|[\s(\"“])(?:Jr|Sr|St|Ste|Mt|Ft|No|Nos|Nr|Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|Capt|Cmdr|Adm|Gov|Sen|Rep|"
    r"Pres|Prof|Rev|Hon|Amb|vs|Vol|Art|Fig|Ch|Sec|Dept|approx|ca|est)\.$"
)
_INITIALISM = re.compile(r"(?:^|[\s(\"“])(?:[A-Z]\.){2,}$")  # U.S. U.N. U.K. E.U.
_CLOCK = re.compile(r"\b[ap]\.m\.$", re.IGNORECASE)
# after "p.m." the sentence goes on with a time zone: "ET", "UTC", "local time", "Moscow time"
_ZONE = re.compile(r"^(?:[A-Z]{1,3}T|UTC|GMT|local\b|[A-Z][a-z]+ time)\b")
# a short credit or end mark closing the paragraph belongs to its last sentence: "... (AFP)", "(end)"
_CLOSING_MARK = re.compile(
    r"^(?:\([^()]{1,60}\)|(?:photo|image|picture)s?\s*(?:credit\s*:|by|:)\s*[^.!?]{1,60}"
    r"|(?-i:[A-Z]{2,}) PHOTO\s*/[^.!?]{1,80})\s*$",
    re.IGNORECASE,
)  # "... (AFP)", "... Photo: AFP", "... AGENCY PHOTO/NAME (Photo credit should read"
# a wire dateline cut up at its full stops: "MOSCOW, August 30." + "/AGENCY/." + the story
_SLASHED_CREDIT = re.compile(r"^/[^/\s][^/]{0,30}/\.?(?:\s|$)")
_DATELINE_ONLY = re.compile(r"^[A-Z][A-Z .'’-]{1,40}, [A-Z][a-z]+\.? \d{1,2}\.(?:\s*/[^/\s][^/]{0,30}/\.)?$")
_DOTTED_NAME = re.compile(r"\w\.$")
_DOMAIN_TAIL = re.compile(r"^(?:[A-Z]{2,}|[a-z]{2,6})\b")  # Censor.NET, RT.com
# a brand in mixed capitals before a capitalised tail: "PanSITE.Net" (not "... power.Their")
_BRAND_TAIL = re.compile(r"\b[A-Za-z]*[A-Z][a-z]*[A-Z]\w*\.$")
_CAPITAL_TAIL = re.compile(r"^[A-Z][a-z]{1,5}\b")


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the paragraph's sentences; paragraph[start:end] is each one verbatim.

    Whitespace (including U+00A0) at a sentence's edges is left out of its span. Text with a lone
    surrogate (undecodable input) is split as if the surrogate were U+FFFD; offsets are unchanged.
    """
    text = _SURROGATE.sub("\ufffd", paragraph)
    spans = _sentencex_spans(text)
    merged: list[tuple[int, int]] = []
    for span in spans:
        if merged and _carries_on(text[merged[-1][0] : merged[-1][1]], text, merged[-1][1], span[0]):
            merged[-1] = (merged[-1][0], span[1])
        else:
            merged.append(span)
    return merged


def _sentencex_spans(text: str) -> list[tuple[int, int]]:
    spans: list[tuple[int, int]] = []
    cursor = 0
    for segment in sentencex.segment("en", text):
        piece = segment.strip()
        if not piece:
            continue
        at = text.find(piece, cursor)
        if at < 0:
            # sentencex changed the text; keep the rest of the paragraph as one sentence, verbatim.
            log.warning("sentence not found verbatim in its paragraph: %r", piece[:60])
            rest = text[cursor:]
            stripped = rest.strip()
            if stripped:
                begin = cursor + rest.index(stripped)
                spans.append((begin, begin + len(stripped)))
            return spans
        spans.append((at, at + len(piece)))
        cursor = at + len(piece)
    return spans


def _carries_on(before: str, text: str, end: int, start: int) -> bool:
    """True when the split between text[:end] and text[start:] falls inside one sentence."""
    after = text[start:]
    first = after.split(maxsplit=1)[0] if after.strip() else ""
    if not first:
        return False
    if first[0].islower() or _CLOSING_MARK.match(after):
        return True
    if _SLASHED_CREDIT.match(after) or _DATELINE_ONLY.match(before):  # "MOSCOW, August 30. /TASS/. ..."
        return True
    if start == end and _DOTTED_NAME.search(before) and _DOMAIN_TAIL.match(after):
        return True
    if start == end and _BRAND_TAIL.search(before) and _CAPITAL_TAIL.match(after):
        return True
    if _CLOCK.search(before):
        return bool(_ZONE.match(after)) or first[0].isdigit()
    bare = first.strip("\"'“”‘’(").lower()
    if _TITLE_ABBREVIATION.search(before):
        return first[0].isdigit() or (first[0].isupper() and bare not in STOPWORDS)
    if _INITIALISM.search(before):
        return first[0].isupper() and bare not in STOPWORDS and bare not in _STARTERS
    return False


# Capitalised words that usually open a new sentence after "... in the U.S."
_STARTERS = frozenset("but however yet still meanwhile now then there here some many most".split())
