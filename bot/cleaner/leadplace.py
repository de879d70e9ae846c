"""A dateline's place printed alone on its line, over the story's date: "NEW YORK," / "September 29,
2015 09:12 IST". The place in capitals with its comma is the dateline's first half (chrome), and a
writer's bare name right above it is the byline, as a name right over the date is (see `authors`)."""

from __future__ import annotations

import re

from bot.cleaner.dates import is_date_only
from bot.cleaner.page import Page

__all__ = ["PLACE_REASON", "mark_place_over_date"]

PLACE_REASON = "dateline-place"
_PLACE = re.compile(r"^[A-Z][A-Z.'’ -]{1,30},$")


def mark_place_over_date(page: Page) -> None:
    """Drop a place in capitals ending in a comma, alone on its line, right over a date-only line."""
    for i, line in enumerate(page.lines):
        if not (line.text.endswith(",") and _PLACE.match(line.text) and page.open(i)):
            continue
        following = page.next_filled(i)
        if following is not None and is_date_only(page.lines[following].text):
            page.set(i, "drop", PLACE_REASON)
