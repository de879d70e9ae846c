"""One update of a live page, shown on its own page (issue 9, round fourteen): the live page's title, its
summary and its "Key developments" bullets sit over a "View all N updates" link, and the update's own
title and text come under it. Everything above the link is the live page's header: chrome."""

from __future__ import annotations

import re

from bot.cleaner.page import Page

__all__ = ["mark_live_page_header"]

_VIEW_ALL = re.compile(r"^(?:view|see|show) all \d{1,4} (?:updates|posts|entries)\b.{0,10}$", re.IGNORECASE)


def mark_live_page_header(page: Page) -> None:
    """Drop the live page's header over a "View all N updates" link (the link included)."""
    link = next((i for i, line in enumerate(page.lines) if _VIEW_ALL.match(line.text)), None)
    if link is None:
        return
    for i in range(link + 1):
        if page.open(i):
            page.set(i, "drop", "live-blog")
