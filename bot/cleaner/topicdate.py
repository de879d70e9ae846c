"""The date a forum topic's map gives after its "created" label ("created" / "Jul 16 '18"): when the
thread, and so its repost, was published (read by `when` when the page states no other date; the
thread's other chrome is `topicthread`'s)."""

from __future__ import annotations

import datetime as dt
import re

from bot.cleaner.dates import CENTURY_START, MONTH_START, MONTHS
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["topic_created"]

_I = re.IGNORECASE
_CREATED = re.compile(r"^created\s*(?P<rest>.*)$", _I)
_SHORT_YEAR = re.compile(
    rf"^(?P<m>{MONTH_START})\s+(?P<d>\d{{1,2}}),?\s+['’](?P<y>\d{{2}})\b", _I
)  # a joined "last reply" may follow


def topic_created(page: PageLines) -> Found | None:
    """The date after a topic map's "created" label ("created" / "Jul 16 '18"), on its line or the next."""
    filled = [line for line in page.lines if line.text]
    for n, line in enumerate(filled):
        label = _CREATED.match(line.text)
        if label is None:
            continue
        stated = label.group("rest") or (filled[n + 1].text if n + 1 < len(filled) else "")
        date = _short_year_date(stated)
        if date is not None:
            return Found(date.isoformat(), f"{line.text} {stated}".strip())
    return None


def _short_year_date(text: str) -> dt.date | None:
    match = _SHORT_YEAR.match(text.strip())
    if match is None:
        return None
    month = MONTHS.index(match.group("m")[:3].lower()) + 1
    try:
        return dt.date(CENTURY_START + int(match.group("y")), month, int(match.group("d")))
    except ValueError:
        return None
