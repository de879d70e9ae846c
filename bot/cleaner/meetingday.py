"""The day the configured people meet, stated without a year: the event of an undated brief.

A wire brief announcing a meeting ("X is to meet Y on Sept. 28") may name no word of the event it
previews (no place, no series, no year) and carry no date of its own. The day it states is still a clue:
a paragraph naming `event_day_people_min` configured people and a month-and-day that falls inside one
event's own days (its start to its end, not the slack after it) and no other's, on a page naming no year
(a year would place the day in another edition), is that event's coverage; the lede counts the people
its headline names (it tells what the headline says). A caption's day beside one
person ("chairs a meeting on Sept. 24") is no meeting of the people, so it is not read.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable, Sequence

from bot.cleaner.dates import LEAP_YEAR, YEAR, find_partial_date
from bot.cleaner.eventclues import people_named
from bot.config import Config

__all__ = ["meeting_day_event"]

_YEAR = re.compile(rf"(?<!\d){YEAR}(?!\d)")


def meeting_day_event(texts: Sequence[str], config: Config, count: Callable[[str, str], int]) -> str | None:
    """The one event whose own days hold the yearless day a paragraph naming enough configured people
    states, when the page names no year and every such day agrees on it."""
    if any(_YEAR.search(text) for text in texts):
        return None
    found: set[str] = set()
    headline = texts[0] if texts else ""
    for n, text in enumerate(texts):
        partial = find_partial_date(text)
        # the lede tells what its headline names: "Obama, Putin discuss Syria" over "They agreed on Monday,
        # September 28 ..." (the headline's people are the lede's; further down a paragraph stands alone)
        told = f"{headline}\n{text}" if n == 1 else text
        if partial is None or people_named(told, config, count) < config.cleaner.event_day_people_min:
            continue
        day = dt.date(LEAP_YEAR, partial.month, partial.day)
        inside = {e.id for e in config.events if _holds(e.start, e.end, day)}
        if len(inside) != 1:
            return None
        found |= inside
    return found.pop() if len(found) == 1 else None


def _holds(start: dt.date, end: dt.date, day: dt.date) -> bool:
    """True when the month-and-day falls within start..end, whatever their years (a window may cross
    a new year)."""
    first, last = (dt.date(LEAP_YEAR, d.month, d.day) for d in (start, end))
    return first <= day <= last if first <= last else day >= first or day <= last
