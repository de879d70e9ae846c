"""The date a forum topic's map gives after its "created" label ("created" / "Jul 16 '18"): when the
thread, and so its repost, was published (read by `when` when the page states no other date; the
thread's other chrome is `topicthread`'s)."""

from __future__ import annotations

import datetime as dt
import re

from bot.cleaner.pagelines import Found, PageLines
from bot.cleaner.topicthread import MONTH

__all__ = ["topic_created"]

_I = re.IGNORECASE
_CREATED = re.compile(r"^created\s*(?P<rest>.*)$", _I)
_SHORT_YEAR = re.compile(
    rf"^(?P<m>{MONTH})\s+(?P<d>\d{{1,2}}),?\s+['’](?P<y>\d{{2}})\b", _I
)  # a joined "last reply" may follow
_MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_CENTURY = 2000  # not a threshold: a year written "'18" is read in the 2000s


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
    month = _MONTHS.index(match.group("m")[:3].lower()) + 1
    try:
        return dt.date(_CENTURY + int(match.group("y")), month, int(match.group("d")))
    except ValueError:
        return None
