"""A date row under a headline: the date among short fields set apart by dots or bars.

State media and magazines print the story's date in one row with its source or writer: "· 2016-10-10 ·
Source: Web Exclusive", "2016-09-05 | Author: NAME | Editor: NAME". The row is not a date alone, so it
is no dateline by that test, and it does not open with "Source:", so it is no credit line; yet a
reader reads the date off it. A row whose fields are a date and only labelled fields ("Source: ...",
"Author: ...", "By ...") is the story's date row. An update stamp is no such field: its date is kept
apart as `updated`.
"""

from __future__ import annotations

import re

from bot.cleaner.dates import is_date_only
from bot.cleaner.stamps import is_update_stamp

__all__ = ["is_date_row"]

_SEPARATOR = re.compile(r"\s*[·•|]\s*")
_LABELLED = re.compile(
    r"^(?:source|author|writer|editor|reporter|by|from|section|column)\b\s*:?\s*\S.{0,60}$", re.I
)


def is_date_row(text: str) -> bool:
    """True for a row of fields split by dots or bars: one a date alone, the others labelled fields."""
    if not _SEPARATOR.search(text) or is_update_stamp(text):
        return False
    fields = [field for field in _SEPARATOR.split(text.strip()) if field]
    dates = [field for field in fields if is_date_only(field)]
    others = [field for field in fields if field not in dates]
    return len(dates) == 1 and bool(others) and all(_LABELLED.match(field) for field in others)
