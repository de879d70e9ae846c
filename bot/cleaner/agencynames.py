"""Which news agency a credit line names.

- A byline or a credit may hold several of the table's agency names, one inside another ("Australian
  Associated Press" holds "Associated Press"): the longest is the one written.
- A place-and-date line closed by an agency's name ("New York, September 29, AZERTAC") credits it: a state
  agency's page prints it under the headline, often as a second date line under the story's stamp (the
  layout drops that one as a clock, so both kinds are read).
- A credit row opening with another known outlet's domain in brackets, then the page's stamp
  ("(chinadaily.com.cn) Updated : DATE" on a provincial portal), names the copy's source; the page's own
  domain so printed is the site crediting itself.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.cleaner.bylineshapes import glued_credit
from bot.cleaner.outlets import OutletTable, registered_domain
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["agency_in", "byline_agency", "credited_domain", "dateline_agency", "line_credit"]


def agency_in(text: str, table: OutletTable, acronym_chars: int) -> str | None:
    """The news agency (any of its names) written as a whole word in the text; of several, the longest
    name ("Australian Associated Press" holds "Associated Press": it is the one written)."""
    found: tuple[int, str] | None = None
    for name, canonical in table.agencies.items():
        flags = 0 if len(name) <= acronym_chars else re.IGNORECASE  # "AP" and "AFP" only in capitals
        longer = found is None or len(name) > found[0]
        if longer and re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text, flags):
            found = (len(name), canonical)
    return found[1] if found else None


def byline_agency(texts: Iterable[str], table: OutletTable, acronym_chars: int) -> Found | None:
    """The agency the first crediting line names (a name glued to the reporter's read apart)."""
    for text in texts:
        glued = glued_credit(text)  # "Jane RoeAAP"
        agency = agency_in(glued or text, table, acronym_chars)
        if agency is not None:
            return Found(agency, text)
    return None


# a place and a date line closed by the agency's name: "New York, September 29, AZERTAC"
_DATELINE_AGENCY = re.compile(
    r"^[A-Z][\w.'’ -]{1,40},\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)"
    r"(?:,?\s+\d{4})?,\s*"
    r"(?P<name>[A-Z][\w&'’-]*(?: [A-Z][\w&'’-]*){0,3})$"
)


def dateline_agency(page: PageLines) -> Found | None:
    """A known agency closing a place-and-date line ("New York, September 29, AZERTAC"), kept as a date
    line or dropped as a second one under the story's stamp."""
    for line in (*page.of_kind("dateline"), *page.dropped_as("page-clock")):
        credit = _DATELINE_AGENCY.match(line.text)
        if credit and page.table.is_agency(credit.group("name")):
            return Found(page.table.canonical(credit.group("name")), line.text)
    return None


# "(chinadaily.com.cn) Updated : 2016-09-03": a domain in brackets over a stamp
_DOMAIN_ROW = re.compile(
    r"^\((?P<domain>[a-z0-9-]+(?:\.[a-z0-9-]+)+)\)\s*(?:updated|posted|published|source)\b", re.IGNORECASE
)


def credited_domain(page: PageLines) -> Found | None:
    """The known outlet whose domain opens a credit row in brackets, when it is not the page's own."""
    own = registered_domain(page.url) if page.url else None
    if own is None:  # without the page's own domain, its own credit cannot be told apart
        return None
    for line in page.lines:
        row = _DOMAIN_ROW.match(line.text)
        if row is None:
            continue
        name = page.table.by_domain(row.group("domain"))
        theirs = registered_domain(f"http://{row.group('domain')}/")
        if name is not None and (theirs is None or theirs[0] != own[0]):
            return Found(name, line.text)
    return None


def line_credit(page: PageLines) -> Found | None:
    """A credit line's source: a dateline's closing agency, else another outlet's domain in brackets."""
    return dateline_agency(page) or credited_domain(page)
