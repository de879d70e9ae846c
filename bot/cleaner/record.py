"""A story shown under a record of its fields (a wire portal's slug, priority and transmission stamp, a
feed item's date): the headline sits under the record, right above the byline (used by `header`).

The header's rule takes the last headline-shaped line before the first date line or byline. Above a
record, that is the portal's or reader's own title bar; the story's headline is the headline-shaped
line right above the byline, under the record's date line; unless its words only repeat some of the
title's above the record (a platform's article prints its title, the account's stamp, then a shorter
heading of its own over the byline: that heading is a subheading).
"""

from __future__ import annotations

import re
from collections.abc import Callable

from bot.cleaner.dates import find_date
from bot.cleaner.page import Decision, Page
from bot.config import CleanerConfig

__all__ = ["headline_under_record"]

_WORD = re.compile(r"[^\W_]+")


def _repeats_title(under: str, title: str) -> bool:
    """Every word of the line under the record is a word of the title above it, which says more: an
    article's heading repeating its title (a portal's title bar names none of the story's words)."""
    words, titled = ({w.casefold() for w in _WORD.findall(t)} for t in (under, title))
    return bool(words) and words < titled


_META = (Decision("dateline"), Decision("byline"))  # a stamp line may read as either


def headline_under_record(
    page: Page, header: list[int], chosen: int | None, shaped: Callable[[str, CleanerConfig], bool]
) -> int | None:
    """The line right above the byline when a dated stamp sits between it and the line chosen above."""
    if chosen is None:
        return None
    for i in reversed(header):
        following = page.next_filled(i)
        if i <= chosen or following is None or page.decisions[following] != Decision("byline"):
            continue
        if page.decisions[i] is not None or not shaped(page.lines[i].text, page.settings):
            continue
        dated = any(
            page.decisions[j] in _META and find_date(page.lines[j].text) is not None
            for j in range(chosen + 1, i)
        )
        if dated and _repeats_title(page.lines[i].text, page.lines[chosen].text):
            page.set(i, "subheading")  # the title's words again, shorter: the story's own heading
            return chosen
        return i if dated else chosen
    return chosen
