"""A related-stories list whose items print a summary under each title: the summary is the item's.

Under a "More ... articles" header, the list's items are a title (no sentence of prose) and often a
one-paragraph summary of that other story. A prose line right under a teaser title the list already
dropped, with no prose after it but more of the list (another title, or the page's end), is that
item's summary, not the story's next paragraph (which has prose under it, or the agency's sign-off).
"""

from __future__ import annotations

from bot.cleaner.furniture import SIGN_OFF
from bot.cleaner.lines import is_prose
from bot.cleaner.page import Page

__all__ = ["is_teaser_summary"]


def is_teaser_summary(page: Page, i: int) -> bool:
    """Line i is a listed story's summary: under a dropped teaser title, and followed only by non-prose
    lines to the page's end or to the next such summary's title."""
    above = page.previous_filled(i)
    if above == i or page.reason(above) != "related-teaser":
        return False
    below = page.next_filled(i)
    while below is not None and not is_prose(page.lines[below].text, page.settings):
        if SIGN_OFF.match(page.lines[below].text):  # the agency's sign-off closes the story: i is its
            return False
        below = page.next_filled(below)
    return below is None
