"""A page that states the dates of a meeting it precedes: an announcement is about that meeting.

A page published long before an event began is no coverage of it (`cleaner.event_preview_days`), unless
the page itself states a full date inside the event's window ("during Sept 4-5, 2016", "on 4 September
2016"): the host's announcement of next year's summit names its days. A day range counts by its first
day ("Sept 4-5, 2016" is 4 September 2016).
"""

from __future__ import annotations

import datetime as dt
import re

from bot.cleaner.dates import MONTH_START, MONTHS

__all__ = ["states_date_within"]

_RANGE = r"(?:\s*[-–]\s*\d{1,2})?"
_STATED = re.compile(
    rf"\b(?:(?P<m1>{MONTH_START})\s+(?P<d1>\d{{1,2}}){_RANGE},?\s+(?P<y1>(?:19|20)\d{{2}})"
    rf"|(?P<d2>\d{{1,2}}){_RANGE}\s+(?P<m2>{MONTH_START}),?\s+(?P<y2>(?:19|20)\d{{2}}))\b",
    re.IGNORECASE,
)


def states_date_within(text: str, start: dt.date, end: dt.date) -> bool:
    """True when the text writes a full date (a day range counts by its first day) from start to end."""
    for match in _STATED.finditer(text):
        month = (match.group("m1") or match.group("m2")).lower()[:3]
        if month not in MONTHS:
            continue
        try:
            day = dt.date(
                int(match.group("y1") or match.group("y2")),
                MONTHS.index(month) + 1,
                int(match.group("d1") or match.group("d2")),
            )
        except ValueError:
            continue
        if start <= day <= end:
            return True
    return False
