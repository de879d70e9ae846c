"""An agency credited on the page's stamp line: "Updated: Sep 6,2016 7:52 AM    Xinhua". Some portals
print the source after the date and clock with only spaces between, no "Source:" label; the name after
the stamp is the copy's source when the outlet table knows it (read by `html` as a byline credit, and by
`wire` on a text page's date or stamp line above the story, when the table knows it as an agency)."""

from __future__ import annotations

import re

from bot.cleaner.dates import find_date
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["stamp_credit", "stamp_line_wire"]

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


def stamp_line_wire(page: PageLines) -> Found | None:
    """The agency a date or stamp line above the story's first paragraph closes with."""
    body = page.of_kind("body")
    first = body[0].number if body else len(page.lines) + 1
    for line, decision in page.pairs():
        if line.number >= first:
            break
        if decision.kind in ("dateline", "byline") or decision.reason in ("page-clock", "page-header"):
            name = stamp_credit(line.text) if any(c.isdigit() for c in line.text) else None
            if name is not None and page.table.is_agency(name):
                return Found(page.table.canonical(name), f"{line.text} (an agency closing the stamp line)")
    return None
