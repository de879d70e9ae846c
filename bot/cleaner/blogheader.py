"""A blog's header above its post: the masthead, a tagline (often a full sentence), a menu, then the
post's date stamp and only then its title.

The tagline is prose, but it is not the post's first paragraph: it sits above the post's own stamp. A
prose line near the page's top with, under it, only short lines (a second tagline line, the menu) down
to a line of nothing but a date, itself right over a headline-shaped line that a byline or prose
follows, is the site's header (the body starts under the title). The stamp is no update stamp, the
title a short line (a long unfinished line under a stamp is a paragraph cut short).
"""

from __future__ import annotations

from bot.cleaner.bylines import is_byline
from bot.cleaner.dates import is_date_only, is_update_stamp
from bot.cleaner.headline import headline_shaped
from bot.cleaner.lines import is_prose, word_count
from bot.cleaner.page import Page

__all__ = ["is_site_tagline"]

_HEADER_LINES = 12  # a definition: a blog header's tagline, menu items and stamp, a dozen lines at most


def is_site_tagline(page: Page, i: int) -> bool:
    """Line i (prose) sits above the post's date stamp and title: a tagline of the site's header."""
    j = page.next_filled(i)
    seen = 0
    while j is not None and seen < _HEADER_LINES:
        text = page.lines[j].text
        if is_date_only(text):
            return not is_update_stamp(text) and _title_under(page, j)
        if is_prose(text, page.settings):
            return False
        j, seen = page.next_filled(j), seen + 1
    return False


def _title_under(page: Page, stamp: int) -> bool:
    """The line under the stamp is headline-shaped, with a byline or prose right under it."""
    title = page.next_filled(stamp)
    if title is None or not headline_shaped(page.lines[title].text, page.settings):
        return False
    text = page.lines[title].text
    if is_prose(text, page.settings) or word_count(text) > page.settings.subheading_max_words:
        return False  # a post's title is a short line, not a paragraph
    below = page.next_filled(title)
    text = page.lines[below].text if below is not None else ""
    return is_byline(text, page.settings) or is_prose(text, page.settings)
