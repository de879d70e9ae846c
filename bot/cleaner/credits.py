"""Credit lines that name whose copy a page carries, in shapes `wire` does not read (used by it).

- An agency and the place it filed from, under the headline instead of a byline: "AFP, Hangzhou", or
  with the place's country after it ("AGENCY, PLACE, Country"), between a standfirst and the story.
- A slash-joined sign-off after the story, the outlet and its source: "OUTLET/AGENCY". Every part is
  an outlet's name or an acronym, so a photographer's credit ("Jane Roe/AGENCY") is never read as one.
- A date-and-source line of fields split by wide spaces: "DATE   Source: AGENCY   Editor: NAME" (the
  source field may repeat in another script before it).
"""

from __future__ import annotations

import re

from bot.cleaner.outlets import OutletTable
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["AGENCY_CREDIT", "credit_lines", "placed_credit"]

# the drop reason of a short line inside the story that credits an agency (`leadlines` sets it)
AGENCY_CREDIT = "agency-credit"
_PLACE = r"[A-Z][\w.'’ -]{1,30}"
_PLACED = re.compile(rf"^(?P<name>[A-Z][\w.&'’ -]{{1,40}}?),\s*(?P<place>{_PLACE}(?:,\s*{_PLACE})?)$")


def placed_credit(text: str, table: OutletTable, max_words: int) -> str | None:
    """The agency of an "AGENCY, Place" or "AGENCY, PLACE, Country" credit line (no more than
    `max_words` words; no place part an outlet's name), else None."""
    match = _PLACED.match(text)
    if match is None or len(text.split()) > max_words or not table.is_agency(match.group("name")):
        return None
    places = [part.strip() for part in match.group("place").split(",")]
    return None if any(table.known(place) for place in places) else table.canonical(match.group("name"))


def placed_agency(page: PageLines) -> Found | None:
    """ "AGENCY, Place" on a short line above the story, or set apart as a credit between a standfirst and
    the story: the agency's credit with its filing place."""
    body = page.of_kind("body")
    # above the story's first paragraph, or under a standfirst kept above it (as `wire` reads "AFP")
    start = body[min(1, len(body) - 1)].number if body else len(page.lines) + 1
    for line, decision in page.pairs():
        above = line.number < start and decision.kind == "drop"
        if not above and decision.reason != AGENCY_CREDIT:
            continue
        name = placed_credit(line.text, page.table, page.settings.header_credit_max_words)
        if name is not None:
            return Found(name, line.text)
    return None


_ACRONYM = re.compile(r"[A-Z]{2,6}")
_SLASHED = re.compile(
    r"^[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2}(?:\s*/\s*[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2}){1,3}$"
)


def slashed_signoff(page: PageLines) -> Found | None:
    """ "OUTLET/AGENCY" closing the story: the agency among outlets' names and acronyms."""
    body = page.of_kind("body")
    if not body:
        return None
    after = [line.text for line, d in page.pairs() if d.kind == "drop" and line.number > body[-1].number]
    for text in after[: page.settings.closing_credit_lines]:
        if not _SLASHED.match(text):
            continue
        parts = [part.strip() for part in text.split("/")]
        if not all(page.table.known(part) or _ACRONYM.fullmatch(part) for part in parts):
            continue
        agencies = [part for part in parts if page.table.is_agency(part)]
        if len(agencies) == 1:  # "AGENCY/AGENCY" signs off a report compiled from both: no one wire
            return Found(page.table.canonical(agencies[0]), text)
    return None


_FIELD_SPLIT = re.compile(r"\s{2,}|\t")
_SOURCE_FIELD = re.compile(r"^(?:source|sources|来源|來源)\s*[:：]\s*(?P<name>\S.{0,40})$", re.IGNORECASE)


def source_field(page: PageLines) -> Found | None:
    """A "Source: NAME" field of a line of fields split by wide spaces, naming an outlet the table knows."""
    for line in page.lines:
        fields = _FIELD_SPLIT.split(line.raw.strip()) if "  " in line.raw or "\t" in line.raw else []
        for part in fields if len(fields) > 1 else ():
            match = _SOURCE_FIELD.match(part.strip())
            if match and page.table.known(match.group("name").strip()):
                return Found(page.table.canonical(match.group("name").strip()), line.text)
    return None


def credit_lines(page: PageLines) -> Found | None:
    """The first of the credits above that the page has."""
    finders = (placed_agency, source_field, slashed_signoff)
    return next((found for finder in finders if (found := finder(page)) is not None), None)
