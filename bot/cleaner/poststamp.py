"""The local date a page's "Posted:" stamp prints against the UTC date its markup states.

A US station's page prints "Posted: Sep 28, 2015 / 11:47 PM CDT" while its article:published_time
meta is the next day in UTC ("2015-09-29T04:47:00+00:00"): the clocks are the same, the dates a time
zone apart. The reader cites the date the page prints, so a visible publication stamp ("Posted:",
"Published:") a day off the stated date wins, as a `<time>` element's shown date does (`shown`); so does
a visible "Last updated" stamp a day off the markup's modification date.
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from bot.cleaner.dates import find_date, is_update_stamp, is_update_word

__all__ = ["posted_date"]

_POSTED = re.compile(r"^(?:posted|published|first published|created)\b\s*(?:on\b)?\s*:?\s*\S", re.IGNORECASE)
_NODES = "//body//*[self::span or self::div or self::p or self::li or self::time or self::small]"
_STAMP_MAX_CHARS = 80  # not a threshold: a stamp is one short line, not a paragraph that says "published"
_ZONE_DAYS = 1  # not a threshold: a time zone moves a clock's date by at most one day


def posted_date(tree: Any, stated: tuple[str, str], *, update: bool = False) -> tuple[str, str]:
    """The stated (day, evidence), or the day a visible publication stamp (with `update`, a visible "Last
    updated" stamp against the markup's modification date) shows a time zone away."""
    try:
        day = dt.date.fromisoformat(stated[0])
    except ValueError:
        return stated
    for node in tree.xpath(_NODES):
        shown = " ".join(node.text_content().split())
        kind = is_update_stamp(shown) if update else _POSTED.match(shown) and not is_update_word(shown)
        if len(shown) > _STAMP_MAX_CHARS or not kind:
            continue
        found = find_date(shown)
        if found is None:
            continue
        if 0 < abs((found.date - day).days) <= _ZONE_DAYS:
            return found.date.isoformat(), f"{shown} ({stated[1]})"
        return stated
    return stated
