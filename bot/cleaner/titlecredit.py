"""A headline that opens with an agency's name and a colon ("Associated Press: Leaders to meet on
Monday") credits the story to that agency: a portal's archive of agency copy prints the credit so. The
name must be one the outlet table knows as an agency: "Kremlin: ..." or "Analysis: ..." open headlines
with a speaker's or a genre's name, not a source."""

from __future__ import annotations

import re

from bot.cleaner.outlets import OutletTable
from bot.cleaner.pagelines import Found

__all__ = ["title_agency"]

_PREFIX = re.compile(r"^(?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}):\s+\S")


def title_agency(headline: str, table: OutletTable) -> Found | None:
    """The agency a headline's "NAME: ..." prefix names, or None."""
    match = _PREFIX.match(headline)
    if match is None or not table.is_agency(match.group("name")):
        return None
    return Found(table.canonical(match.group("name")), f"{headline} (the agency heading the title)")
