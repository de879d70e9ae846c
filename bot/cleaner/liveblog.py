"""A live blog: timestamped entries, each with its title, text, poster and share button.

Read by kind: the blog's controls ("Auto-refresh", "ON", "OFF", "Latest first", "PINNED") are chrome by
their own shape (`LIVE_BLOG_PATTERNS`). On a page of several entry stamps ("13:58 SAST"), an entry's
"Posted by NAME" and share line are the entry's furniture, not the end of the article: the entries after
them are the story too. A "Key points" heading over sentences (a pinned entry) is that entry's title; over
a list of links it stays chrome.
"""

from __future__ import annotations

import re

from bot.cleaner.bylines import is_byline
from bot.cleaner.lines import is_prose
from bot.cleaner.page import Page

__all__ = ["LIVE_BLOG_PATTERNS", "mark_live_blog"]

_I = re.IGNORECASE

LIVE_BLOG_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "live-blog",
        re.compile(
            r"^(?:auto-?refresh(?: (?:on|off))?|on|off|(?:latest|newest|oldest) first|pinned|"
            r"load (?:more|earlier|older|newer) (?:updates|posts|entries)|\d+ new (?:updates?|posts?))$",
            _I,
        ),
    ),
)

_ENTRY_FURNITURE = frozenset({"share", "footer", "duplicate", "live-blog", ""})
_KEY_HEADING = re.compile(r"^key (?:events|moments|points)$", _I)


def mark_live_blog(page: Page) -> None:
    """On a page with several entry stamps: the posters' bylines and share lines between entries are
    entry furniture, and a key-points heading over prose is a pinned entry's title."""
    stamps = [i for i, d in enumerate(page.decisions) if d is not None and d.reason == "timestamp"]
    if len(stamps) < page.settings.live_blog_min_entries:
        return
    for i in range(stamps[0], stamps[-1]):
        text = page.lines[i].text
        if page.lines[i].blank:
            continue
        if page.reason(i) == "share" or (
            page.reason(i) in _ENTRY_FURNITURE and is_byline(text, page.settings)
        ):
            page.set(i, "drop", "live-blog")
    for i in range(stamps[0]):
        following = page.next_filled(i)
        heading = page.reason(i) == "live-blog" and _KEY_HEADING.match(page.lines[i].text)
        if heading and following is not None and is_prose(page.lines[following].text, page.settings):
            page.set(i, "subheading")
