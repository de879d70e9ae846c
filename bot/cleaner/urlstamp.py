"""Dates a URL's path states in shapes that are as often something else, read only where an event's window
vouches for the day (`url_date` in bot/cleaner/dates.py calls them after the shapes that need no window):
- an id opened by a date and a short counter ("/201609050027.aspx", "_AV-201509280105.html"): an id of that
  length may open with digits that only look like a date (round forty);
- a compact timestamp, date and clock to the second ("/articles/20160907180935"): a fourteen-digit counter
  may open with digits that only look like a date and a clock (round forty-one);
- day, month and year folders, the year's two digits ("/09/28/15/") or four ("/28/09/2015/"), or the
  three in one segment ("/05-09-2016/"): such folders are as often another order or a section's numbers,
  so a date is read only when exactly one reading of them falls in a window.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence

__all__ = ["CENTURY_START", "YEAR", "folder_date", "id_date", "short_folder_date", "timestamp_date"]

Window = tuple[dt.date, dt.date]
Found = tuple[dt.date, str]  # the day and the URL's text that gave it

CENTURY_START = 2000  # a two-digit year's century (read by bot/cleaner/dates.py too)
YEAR = r"(?:19|20)\d{2}"  # a year's four digits (read by bot/cleaner/dates.py too)
_MONTH_DAY = r"(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])"
_ID = re.compile(rf"[/_-](?P<y>{YEAR}){_MONTH_DAY}\d{{2,5}}(?=[/_.-]|$)")
_TIMESTAMP = re.compile(rf"[/_-](?P<y>{YEAR}){_MONTH_DAY}(?:[01]\d|2[0-3])[0-5]\d[0-5]\d(?=[/_.-]|$)")
# "/28/09/2015/", or one segment split by dashes or dots, "/05-09-2016/"
_FOLDERS = re.compile(rf"/(?P<a>\d{{1,2}})(?P<s>[/.-])(?P<b>\d{{1,2}})(?P=s)(?P<y>{YEAR})(?=/|$)")
_SHORT_FOLDERS = re.compile(r"/(?P<a>\d{2})/(?P<b>\d{2})/(?P<c>\d{2})/")


def _day(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def _inside(day: dt.date | None, windows: Sequence[Window]) -> bool:
    return day is not None and any(start <= day <= end for start, end in windows)


def _first_inside(pattern: re.Pattern[str], path: str, windows: Sequence[Window]) -> Found | None:
    """The first match of `pattern` (groups y, m, d) whose day is valid and in a window."""
    for match in pattern.finditer(path):
        made = _day(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        if _inside(made, windows):
            assert made is not None
            return made, match.group(0).strip("/_-")
    return None


def _one_inside(readings: Iterable[dt.date | None], text: str, windows: Sequence[Window]) -> Found | None:
    """The day when exactly one of the readings is valid and in a window."""
    inside = {d for d in readings if d is not None and _inside(d, windows)}
    return (inside.pop(), text.strip("/")) if len(inside) == 1 else None


def id_date(path: str, windows: Sequence[Window]) -> Found | None:
    """The date opening an id of ten to thirteen digits ("201609050027": the day and its story number)."""
    return _first_inside(_ID, path, windows)


def timestamp_date(path: str, windows: Sequence[Window]) -> Found | None:
    """The date of a YYYYMMDDhhmmss stamp in the path (a valid clock after a valid date)."""
    return _first_inside(_TIMESTAMP, path, windows)


def folder_date(path: str, windows: Sequence[Window]) -> Found | None:
    """/DD/MM/YYYY/ or /MM/DD/YYYY/ (or /DD-MM-YYYY/, /MM.DD.YYYY/)."""
    match = _FOLDERS.search(path)
    if match is None:
        return None
    a, b, year = (int(match.group(k)) for k in ("a", "b", "y"))
    return _one_inside((_day(year, b, a), _day(year, a, b)), match.group(0), windows)


def short_folder_date(path: str, windows: Sequence[Window]) -> Found | None:
    """/MM/DD/YY/, /DD/MM/YY/ or /YY/MM/DD/."""
    match = _SHORT_FOLDERS.search(path)
    if match is None:
        return None
    a, b, c = (int(match.group(k)) for k in "abc")
    readings = (_day(CENTURY_START + c, a, b), _day(CENTURY_START + c, b, a), _day(CENTURY_START + a, b, c))
    return _one_inside(readings, match.group(0), windows)
