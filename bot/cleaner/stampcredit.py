"""An agency named at the end of another line: a date stamp ("Updated: Sep 6,2016 7:52 AM    Xinhua") or
the story's last paragraph ("... by political means. PNA").

State portals and agency clients print the story's stamp and its source in one row, the source after
the date and clock with only spaces between them, no "Source:" label. The row is no byline, yet a reader
reads the agency off it (`stamp_credit`, read by `html` as a byline credit and by `wire` on a text page's
lines above the story). The name must be one the outlet table knows as an agency, written as the table
spells it (a menu's "App" is no agency's "APP").
"""

from __future__ import annotations

import re

from bot.cleaner.daterow import date_row_fields
from bot.cleaner.dates import find_date
from bot.cleaner.gluedcredit import GLUED_ACRONYM
from bot.cleaner.outlets import OutletTable
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["agency_as_written", "glued_acronym", "stamp_agency", "stamp_credit"]

# after the date: perhaps a clock, then a name of one to four capitalised words closing the line
_AFTER = re.compile(
    r"^,?\s*(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[ap]\.?m\.?)?\s*(?:[A-Z]{2,4}\b)?)?\s+"
    r"(?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})$",
    re.IGNORECASE,
)

# the clock's own words are no name: "AM", "p.m.", a zone ("GMT", "JST")
_CLOCK_WORD = re.compile(r"^(?:[ap]\.?m\.?|[A-Z]{1,3}T|UTC)$", re.IGNORECASE)


def stamp_credit(text: str) -> str | None:
    """The name closing a stamp line after its date and clock, or None."""
    found = find_date(text)
    if found is None:
        return None
    after = _AFTER.match(text[text.find(found.source) + len(found.source) :])
    name = after.group("name") if after else ""
    return name if name[:1].isupper() and not _CLOCK_WORD.match(name) else None


def stamp_agency(page: PageLines) -> Found | None:
    """The agency closing a date stamp above the story, if the table knows it as one."""
    body = page.of_kind("body")
    first = body[0].number if body else len(page.lines) + 1
    for line, decision in page.pairs():
        if line.number >= first or decision.kind == "body":
            continue
        name = stamp_credit(line.text) if any(c.isdigit() for c in line.text) else None
        agency = agency_as_written(page.table, name) if name else None
        if agency is not None:
            return Found(agency, f"{line.text} (an agency closing the stamp line)")
        # a bare field of the story's date row: "DATE // AGENCY // Photo: NAME"
        field = next((f for f in date_row_fields(line.text) if agency_as_written(page.table, f)), None)
        if field is not None:
            return Found(
                agency_as_written(page.table, field) or field, f"{line.text} (an agency on the date row)"
            )
    return None


def agency_as_written(table: OutletTable, name: str) -> str | None:
    """The agency's canonical name when the table knows the name as an agency's, unless the name is the
    agency's acronym written as a word ("App" is no "APP")."""
    if not name or not table.is_agency(name):
        return None
    canonical = table.canonical(name)
    lowered = canonical.isupper() and name.casefold() == canonical.casefold() and not name.isupper()
    return None if lowered else canonical


def glued_acronym(text: str, table: OutletTable) -> str | None:
    """The agency whose acronym closes the story's last paragraph after its final full stop."""
    match = GLUED_ACRONYM.search(text)
    return agency_as_written(table, match.group("name")) if match else None
