"""A news database's record of one printed article: the story's text between the database's own chrome
and a "Details" block of labelled fields ("Publication title: NAME; Place.", "Publication date: Sep 29,
2015", "First page: A1", "Source type: Newspapers", "Database: NAME").

Read by kind, never by database:
- the record's field rows, its "Credit: NAME, PAPER; staff and wire reports" line and its lone tab and
  block labels ("Details", "Illustration", "Full text") are chrome;
- "Copyright NAME Sep 29, 2015", the paper's notice the record repeats under the story, is a copyright
  line (the copyright patterns read "© YEAR NAME" shapes);
- the record's "Publication title:" names the outlet: the paper whose article it is, not the database
  that serves it (the URL's site); its "Publication date:" is the article's date.
"""

from __future__ import annotations

import re

from bot.cleaner.dates import find_date
from bot.cleaner.pagelines import Found, PageLines
from bot.cleaner.recordrows import DATE_FIELD, TITLE_FIELD

__all__ = ["record_date", "record_publication"]


def _fields(page: PageLines, pattern: re.Pattern[str]) -> list[re.Match[str]]:
    return [match for line in page.dropped_as("record-field") if (match := pattern.match(line.text))]


def record_publication(page: PageLines) -> Found | None:
    """The paper a database record's "Publication title:" field names."""
    found = _fields(page, TITLE_FIELD)
    if not found:
        return None
    name = found[0].group("name").strip(" .,")
    return Found(page.table.canonical(name, page.url), f"{found[0].group(0)} (the record's publication)")


def record_date(page: PageLines) -> Found | None:
    """The article's date a database record's "Publication date:" field gives."""
    for match in _fields(page, DATE_FIELD):
        found = find_date(match.group("date"))
        if found is not None:
            return Found(found.date.isoformat(), match.group(0))
    return None
