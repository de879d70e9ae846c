"""A wire dateline in the style of agencies writing in other languages: the place, a day and the month's
short name, a dash, then the agency's name and perhaps its writer's ("ООН (Нью-Йорк), 29 сен — AGENCY,
NAME. ..."), read in any script. The shape alone is no credit (prose may open "Place, 5 Sept — Officials
said, ..."): the name must be one the outlet table knows as an agency; on the agency's own site the copy is
its own (its wire, as every agency's credit on its own site is)."""

from __future__ import annotations

import re

from bot.cleaner.pagelines import Found, PageLines

__all__ = ["local_dateline_agency"]

_LOCAL_DATELINE = re.compile(
    r"^(?P<dateline>[^\W\d_][^,—–]{1,40},\s*\d{1,2}\s+[^\W\d_]{3,9}\.?)\s+[—–]{1,2}\s+"
    r"(?P<agency>[^\W\d_][\w.&'’-]*(?:\s+[^\W\d_][\w.&'’-]*){0,3}?)(?:,\s*[^,.]{2,40})?\.\s"
)


_DASH_WITHIN = 60  # not a threshold: the place (40 characters at most), its day and month, then the dash


def local_dateline_agency(page: PageLines) -> Found | None:
    """The known agency credited by such a dateline opening the story's first paragraph."""
    first = page.first_body()
    dashed = "—" in first[:_DASH_WITHIN] or "–" in first[:_DASH_WITHIN]  # the cheap test first
    match = _LOCAL_DATELINE.match(first) if dashed else None
    if match is None or not page.table.is_agency(match.group("agency")):
        return None
    return Found(page.table.canonical(match.group("agency")), match.group(0).strip())
