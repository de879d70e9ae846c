"""Bylines in shapes the other readers do not take (read by `bylines`, and by `wire` for the credit): a
date and a clock before the writer's name, "29-09-2015 15:11 | Jane Roe"; a writer's name with the
agency's acronym glued after it by a scraper that lost the space, "Jane RoeAAP"; the name glued to the
day of the date under it, "Jane Roe5 September 2016"."""

from __future__ import annotations

import re

from bot.cleaner.dates import MONTH_START, DateMatch, find_date

__all__ = ["glued_credit", "glued_date", "is_dated_credit"]

# after the date: a clock, then a bar or a dash, then one to four capitalised words (a writer's name)
_AFTER = re.compile(
    r"^,?\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?\s*[|/•·–—-]\s*"
    r"(?P<name>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3})$",
    re.IGNORECASE,
)


def is_dated_credit(text: str, found: DateMatch | None = None) -> bool:
    """A date opening the line, perhaps a clock, then a bar and a capitalised name (`found`: the line's
    date when the caller has read it)."""
    found = found or find_date(text)
    if found is None or text.find(found.source) > 1:
        return False
    after = _AFTER.match(text[text.find(found.source) + len(found.source) :])
    return after is not None and all(word[0].isupper() for word in after.group("name").split())


# two or three capitalised words, the last glued to a run of capitals: "Jane RoeAAP" (a name, then "AAP")
_GLUED = re.compile(r"^[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,1} [A-Z][a-z'’-]*[a-z](?P<credit>[A-Z]{2,6})$")


def glued_credit(text: str) -> str | None:
    """The acronym glued after a writer's name on a byline line ("Jane RoeAAP" gives "AAP"), or None."""
    glued = _GLUED.match(text)
    return glued.group("credit") if glued else None


# two or three capitalised words, the last glued to a day, a month and a year: "Jane Roe5 September 2016"
_GLUED_DATE = re.compile(
    rf"^[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){{1,2}}"
    rf"(?P<date>\d{{1,2}}\s+(?i:{MONTH_START}),?\s+(?:19|20)\d{{2}})$"
)


def glued_date(text: str) -> str | None:
    """The date glued after a writer's name on a byline line ("Jane Roe5 September 2016" gives "5
    September 2016"), or None."""
    glued = _GLUED_DATE.match(text)
    return glued.group("date") if glued else None
