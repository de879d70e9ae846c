"""Dates written in article text: find one, parse it with python-dateutil, and tell a bare date line."""

from __future__ import annotations

import datetime as dt
import logging
import re
from typing import NamedTuple

from dateutil import parser as date_parser

__all__ = ["DateMatch", "find_date", "is_date_only"]

log = logging.getLogger(__name__)

_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_YEAR = r"(?:19|20)\d{2}"
_DATE = re.compile(
    rf"(?:{_WEEKDAY},?\s+)?(?:"
    rf"\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+{_YEAR}"  # 29 Sep 2015, 5 Sep, 2016
    rf"|{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+{_YEAR}"  # September 28, 2015
    rf"|{_YEAR}-\d{{2}}-\d{{2}}"  # 2015-09-28
    rf")\b",
    re.IGNORECASE,
)
# What may sit beside the date in a line that is only a date: a weekday, a clock, a zone, separators.
_DATE_LINE_REST = re.compile(
    rf"^(?:\s|[-–—,|/•·]|{_WEEKDAY}|\d{{1,2}}[:.]\d{{1,2}}(?::\d{{2}})?|[ap]\.?m\.?|gmt|utc|[a-z]{{1,2}}st|"
    r"[+-]\d{2}:?\d{2}|updated|published|posted|on|at|last)*$",
    re.IGNORECASE,
)


class DateMatch(NamedTuple):
    """A date found in a text and the words it was read from."""

    date: dt.date
    source: str


def find_date(text: str) -> DateMatch | None:
    """The first full date (with a year) written in the text, parsed by dateutil; None if there is none."""
    for match in _DATE.finditer(text):
        try:
            parsed = date_parser.parse(match.group(0), fuzzy=True)
        except (ValueError, OverflowError):
            log.debug("not a date: %r", match.group(0))
            continue
        return DateMatch(parsed.date(), match.group(0))
    return None


def is_date_only(text: str) -> bool:
    """True for a line that holds a date and nothing else but a weekday, a clock or separators."""
    match = _DATE.search(text)
    if match is None:
        return False
    rest = text[: match.start()] + " " + text[match.end() :]
    return bool(_DATE_LINE_REST.match(rest))
