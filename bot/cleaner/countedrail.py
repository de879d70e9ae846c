"""A most-read rail: story titles, each with its view count under it ("Title" over "28.867").

A portal's trending box prints other stories' titles, each followed by the number of times it was read,
often above the story's own headline. Each count alone is chrome by its shape (a bare number); the titles
are not, and the first of them, being headline-shaped and at the top, is taken for the page's headline.
A title with a bare count right under it (blank lines between at most), in a run of such pairs with no
other text between them (chrome such as an ad's label may sit there), is the rail's, never the story's.
"""

from __future__ import annotations

import re

from bot.cleaner.lines import word_count
from bot.cleaner.page import Page

__all__ = ["mark_counted_rail"]

_BARE_COUNT = re.compile(r"^\d{1,3}(?:[.,]\d{3})*$|^\d{1,7}$")  # "28.867", "1,290", "512"
_LEAST_PAIRS = 3  # not a threshold: a rail lists a few stories; one or two counts may be anything's


def mark_counted_rail(page: Page) -> None:
    """Drop (as a trending rail) each title in a run of titles with their bare counts under them."""
    counts = sum(1 for d in page.decisions if d is not None and d.reason == "counter")
    if counts < _LEAST_PAIRS:
        return  # most pages hold no such run: skip the walk
    run: list[int] = []
    for i in range(len(page.lines)):
        if page.lines[i].blank or page.reason(i) == "advertisement":
            continue
        if page.reason(i) == "counter" and _BARE_COUNT.match(page.lines[i].text):
            above = _title_above(page, i)
            if above is not None:
                run.append(above)
                continue
        elif _pairs_next(page, i):
            continue  # a title: its count follows
        _close(page, run)
        run = []
    _close(page, run)


def _title_above(page: Page, count: int) -> int | None:
    """The title right above a count (blank lines between at most): a short line no decision claimed."""
    above = page.previous_filled(count)
    if above == count or not page.open(above):  # nothing above, or a line a decision claimed
        return None
    return above if word_count(page.lines[above].text) <= page.settings.headline_max_words else None


def _pairs_next(page: Page, i: int) -> bool:
    """The line is open and the next filled line is a bare count: a title about to be paired."""
    after = page.next_filled(i)
    return (
        page.open(i)
        and after is not None
        and page.reason(after) == "counter"
        and bool(_BARE_COUNT.match(page.lines[after].text))
    )


def _close(page: Page, run: list[int]) -> None:
    if len(run) >= _LEAST_PAIRS:
        for i in run:
            page.set(i, "drop", "trending")
