"""An agency named at the end of another line: a date stamp ("Updated: Aug 25,2016 9:09 AM     Xinhua") or
the story's last paragraph ("... by political means. PNA").

State portals and agency clients print the story's stamp and its source in one row, the source after
the clock with only spaces between them. The row is no "Source:" field and no byline, yet a reader reads
the agency off it. The name must be one the outlet table knows as an agency, written as the table spells
it (a menu's "App" is no agency's "APP").
"""

from __future__ import annotations

import re

from bot.cleaner.dates import find_date
from bot.cleaner.gluedcredit import GLUED_ACRONYM
from bot.cleaner.outlets import OutletTable
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["agency_as_written", "glued_acronym", "stamp_agency"]

# after the date: an optional clock and meridiem, then the name alone
_AFTER_DATE = re.compile(
    r"^\s*(?:\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:[AaPp]\.?[Mm]\.?)?)?\s+(?P<name>[A-Z][\w.&'’ -]{1,40})$"
)


def stamp_agency(page: PageLines) -> Found | None:
    """The agency closing a date stamp above the story, if the table knows it as one."""
    body = page.of_kind("body")
    first = body[0].number if body else len(page.lines) + 1
    for line, decision in page.pairs():
        if line.number >= first or decision.kind == "body":
            continue
        found = find_date(line.text)
        if found is None:
            continue
        after = _AFTER_DATE.match(line.text.partition(found.source)[2])
        agency = agency_as_written(page.table, after.group("name").strip()) if after else None
        if agency is not None:
            return Found(agency, line.text)
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
