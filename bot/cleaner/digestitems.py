"""A mailing list's digest archived as one page (issue 9, round forty-three).

A digest prints a masthead (the list's name, its issue number and date, an address, its sponsor), a
contents list, then its items, each opened by a number marker alone on a line ("#1") over the item's
source, date and title, and closed by a link back to the contents ("[return to Contents]"); a
subscription notice closes the page. The page's story is the item that carries the most prose (the
others are excerpts or links); everything outside it, its marker included, is the digest's chrome.
Read by kind, never by list: the markers and the return links are the shape.
"""

from __future__ import annotations

import re

from bot.cleaner.lines import is_prose
from bot.cleaner.page import Page

__all__ = ["mark_digest_items"]

_MARKER = re.compile(r"^#\s?(?P<n>\d{1,3})$")
_RETURN = re.compile(r"^\[?\s*(?:return|back|go back) to (?:the )?(?:contents|index|top)\s*\]?\.?$", re.I)
_MIN_ITEMS = 2  # not a threshold: a digest of one item is no digest


def mark_digest_items(page: Page) -> None:
    """On a digest, drop every line outside the item with the most prose, that item's marker too."""
    numbered = [
        (i, m.group("n"))
        for i, line in enumerate(page.lines)
        if line.text[:1] == "#" and (m := _MARKER.match(line.text))  # most lines open otherwise
    ]
    markers = [i for i, _ in numbered]
    if len(markers) < _MIN_ITEMS or numbered[0][1] != "1":  # the items count from one
        return
    closes = [i for i, line in enumerate(page.lines) if _RETURN.match(line.text)]
    if len(closes) < _MIN_ITEMS:
        return
    items = [(start, _item_end(start, closes, len(page.lines))) for start in markers]
    start, end = max(items, key=lambda item: _prose_lines(page, *item))
    for i in range(len(page.lines)):
        if (i <= start or i >= end) and page.decisions[i] is None:
            page.set(i, "drop", "blank" if page.lines[i].blank else "digest")


def _item_end(start: int, closes: list[int], size: int) -> int:
    return next((i for i in closes if i > start), size)


def _prose_lines(page: Page, start: int, end: int) -> int:
    return sum(is_prose(page.lines[i].text, page.settings) for i in range(start + 1, end))
