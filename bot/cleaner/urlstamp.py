"""Two dates a URL's path states in shapes that are as often something else, read only where an event's
window vouches for the day (round forty-one, issue 9):
- a compact timestamp ending the path, date and clock to the second ("/articles/20160907180935"): a
  fourteen-digit counter may open with digits that only look like a date and a clock;
- a day-first date in three folders ("/politics/28/09/2015/"): day and month folders are as often a
  month-first date ("/09/28/2015/") or a section's numbers, so a date is read only when exactly one
  reading of the two falls in a window.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

__all__ = ["folder_date", "timestamp_date"]

Window = tuple[dt.date, dt.date]

_TIMESTAMP = re.compile(
    r"[/_-](?P<y>(?:19|20)\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"
    r"(?:[01]\d|2[0-3])[0-5]\d[0-5]\d(?=[/_.-]|$)"
)
_DAY_MONTH_YEAR = re.compile(r"/(?P<a>\d{1,2})/(?P<b>\d{1,2})/(?P<y>(?:19|20)\d{2})(?=/|$)")


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _inside(day: dt.date | None, windows: Sequence[Window]) -> bool:
    return day is not None and any(start <= day <= end for start, end in windows)


def timestamp_date(path: str, windows: Sequence[Window]) -> tuple[dt.date, str] | None:
    """The date of a YYYYMMDDhhmmss stamp in the path (a valid clock after a valid date), in a window."""
    for match in _TIMESTAMP.finditer(path):
        made = _day(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        if made is not None and _inside(made, windows):
            return made, match.group(0).strip("/_-")
    return None


def folder_date(path: str, windows: Sequence[Window]) -> tuple[dt.date, str] | None:
    """/DD/MM/YYYY/ (or /MM/DD/YYYY/): the one reading that falls in a window, if exactly one does."""
    match = _DAY_MONTH_YEAR.search(path)
    if match is None:
        return None
    a, b, year = (int(match.group(k)) for k in ("a", "b", "y"))
    inside = {d for d in (_day(year, b, a), _day(year, a, b)) if d is not None and _inside(d, windows)}
    return (inside.pop(), match.group(0).strip("/")) if len(inside) == 1 else None
