"""A publication stamp printed only at the foot of the page ("Published: Tuesday, 29 September 2015
02:10" under the story's links and share buttons): a labelled date line, read wherever it sits when the
page's head, its lede and its URL state no date. Other stories' dates in a list are no labelled line.
So is a bare date line right under the story's last paragraph ("November/16/2015" over the share bar): the
story's own stamp, set at its foot."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from bot.cleaner.dates import find_date, is_date_only, is_update_stamp, is_yearless_date_only
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["foot_published", "stamp_under_story", "under_story"]

_LABEL = re.compile(r"^(?:first\s+)?(?:published|posted)(?:\s+on)?\s*:?\s", re.IGNORECASE)


def foot_published(page: PageLines, windows: Sequence[tuple[dt.date, dt.date]]) -> Found | None:
    """The date of the first line that is a "Published: DATE" stamp and nothing more."""
    for line in page.lines:
        text = line.text
        if not _LABEL.match(text) or is_update_stamp(text) or not is_date_only(text):
            continue
        found = find_date(text, windows)
        if found is not None:
            return Found(found.date.isoformat(), text)
    return None


def under_story(page: PageLines, windows: Sequence[tuple[dt.date, dt.date]]) -> Found | None:
    """The date of a line that is a date and nothing more, the first line under the story's last
    paragraph."""
    body = page.of_kind("body")
    if not body:
        return None
    last = body[-1].number
    below = next((line for line in page.lines if line.number > last and line.text.strip()), None)
    if below is None or is_update_stamp(below.text) or not is_date_only(below.text):
        return None
    found = find_date(below.text, windows)
    return Found(found.date.isoformat(), below.text) if found is not None else None


def stamp_under_story(page: PageLines) -> str | None:
    """The first line under the story's last paragraph when it is a month and day and nothing more (a
    sign-off stamp, "ZONE: 0844 HRS, SEPT 25"): its year is the `when` rules' to find."""
    body = page.of_kind("body")
    last = body[-1].number if body else None
    below = next((ln for ln in page.lines if last is not None and ln.number > last and ln.text.strip()), None)
    return below.text if below is not None and is_yearless_date_only(below.text) else None
