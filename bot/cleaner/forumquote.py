"""A forum thread without numbered post stamps (MyBB and kin) whose first post quotes a story.

Such a thread prints its rating widget above the thread's title ("Thread Rating:", "0 Vote(s) - 0
Average", the stars' numbers), then the poster's own remarks, then the story behind "Quote:" on the
quote's first line. The story is the text; the poster's remarks between the title and the quote are
chrome (as on a stamped thread, `forum`), and so is the widget. Without the widget the page is read as
any other: a "Quote:" line alone does not make a thread.
"""

from __future__ import annotations

import re

from bot.cleaner.page import Page

__all__ = ["mark_quoted_post"]

_I = re.IGNORECASE
_RATING = re.compile(
    r"^(?:thread rating\s*:?|rate this thread|[•*·-]?\s*\d+ vote\(s\) - [\d.]+ average)$", _I
)
_STAR = re.compile(r"^[•*·-]?\s*\d$")
_QUOTE_OPENS = re.compile(r"^quote\s*:\s*\S", _I)
_WIDGET_LINES = 12  # not a threshold: a rating widget is the first thing a thread page prints


def mark_quoted_post(page: Page) -> None:
    """On a thread under a rating widget: the widget, and the poster's remarks between the thread's title
    and a "Quote: ..." line, are chrome."""
    top = range(min(len(page.lines), _WIDGET_LINES))
    widget = [i for i in top if _RATING.match(page.lines[i].text.strip())]
    if not widget:
        return
    last = widget[-1]
    while last + 1 < len(page.lines) and _STAR.match(page.lines[last + 1].text.strip()):
        last += 1
    quote = next(
        (j for j in range(last + 1, len(page.lines)) if _QUOTE_OPENS.match(page.lines[j].text)), None
    )
    if quote is None:
        return
    for i in range(widget[0], last + 1):
        if page.open(i):
            page.set(i, "drop", "forum-chrome")
    title = page.next_filled(last)
    for j in range((title if title is not None else quote) + 1, quote):
        if page.open(j):
            page.set(j, "drop", "forum-chrome")
