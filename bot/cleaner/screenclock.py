"""A screen's running header row: a teletext page's number, its service's name, the day and a clock to
the second ("125 SERVICE Mo 05.09.16 17:48:03").

A teletext viewer saves the screen as it was shown: its top row is the service's live clock, ticking at
the second the page was read, not the day the story was written. Such a row is chrome (a page clock),
never a dateline or a dated byline; a page that prints no other date states none.
"""

from __future__ import annotations

import re

from bot.cleaner.page import Page

__all__ = ["is_screen_clock", "mark_screen_clocks"]

# a page number of three digits (teletext numbers its pages 100 to 899), a name of a word or a few, a
# weekday perhaps, a numeric date, and a clock with its seconds closing the row
_SCREEN_CLOCK = re.compile(
    r"^\s*[1-8]\d{2}\s+[^\W\d_][^\d]{0,30}?\s+\d{1,2}([./])\d{1,2}\1(?:\d{2}|\d{4})\s+"
    r"(?:[01]?\d|2[0-3]):[0-5]\d:[0-5]\d\s*$"
)


def is_screen_clock(text: str) -> bool:
    """True for a screen's header row: a page number, a name, a date and a clock to the second."""
    return bool(_SCREEN_CLOCK.match(text))


def mark_screen_clocks(page: Page, start: int) -> None:
    """Drop (as the page's clock) each screen header row above the body's `start`."""
    for i in range(start):
        if page.open(i) and is_screen_clock(page.lines[i].text):
            page.set(i, "drop", "page-clock")
