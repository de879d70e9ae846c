"""A bulletin of numbered items (an embassy's or a ministry's information bulletin, a press digest),
often saved from a PDF: its title in capitals under the letterhead is the headline, and its first
item's heading, hard-wrapped over two lines right above the item's text, is a subheading like the
headings of the later items (used by `header`).
"""

from __future__ import annotations

import re

from bot.cleaner.dates import find_date
from bot.cleaner.lines import is_prose, word_count
from bot.cleaner.page import Page

__all__ = ["bulletin_title", "mark_first_item_heading"]

_ITEM = re.compile(r"^\d{1,2}[.)]\s+\S")
_LEAST_ITEMS = 2  # not a threshold: one numbered heading is a story's subheading, two make a bulletin


def _first_heading(page: Page, start: int) -> list[int]:
    """The first item's heading right above the body: one numbered line, or one and its wrapped tail."""
    last = page.previous_filled(start)
    if last == start or not page.open(last) or is_prose(page.lines[last].text, page.settings):
        return []
    if _ITEM.match(page.lines[last].text):
        return [last]
    first = page.previous_filled(last)
    return [first, last] if first != last and page.open(first) and _ITEM.match(page.lines[first].text) else []


def _is_bulletin(page: Page, start: int) -> bool:
    later = sum(1 for i in range(start, len(page.lines)) if page.open(i) and _ITEM.match(page.lines[i].text))
    return bool(_first_heading(page, start)) and later + 1 >= _LEAST_ITEMS


def mark_first_item_heading(page: Page, start: int) -> None:
    """The first item's heading, wrapped over two lines, is a subheading like the later ones."""
    heading = _first_heading(page, start)
    if len(heading) > 1 and _is_bulletin(page, start):
        for i in heading:
            page.set(i, "subheading")


def bulletin_title(page: Page, header: list[int], headline: int | None, start: int, after: int) -> int | None:
    """With no headline chosen, a bulletin's title: the first short line in capitals under the letterhead's
    address (line `after`), that is not a date."""
    if headline is not None or start >= len(page.lines) or not _is_bulletin(page, start):
        return headline
    for i in header:
        text = page.lines[i].text
        short = 1 <= word_count(text) <= page.settings.label_max_words
        if i > after and page.open(i) and text.isupper() and short and find_date(text) is None:
            return i
    return None
