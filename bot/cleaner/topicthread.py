"""A forum topic page that prints each post under its poster's name and age and over a like counter
("tapio_v" / "Jul 2018" / ... / "16 Likes"), then a topic map ("created" / "Jul 16 '18" / "last reply"
/ ... / "1.2k" / "views") and a list of suggested topics. Read by kind, never by board:

- a page with several like counters and a post's age stamp above the first, with the post's prose
  between them, is such a thread: after the first post's like counter everything is replies, the topic
  map and other topics (chrome);
- in the first post, a link preview (the linked site's bare domain, the linked story's title, its excerpt
  cut with "...") stands in for the link: its title is chrome, and so is the poster's own remark between
  the post's age stamp and the preview (the pasted story under it is the text);
- the topic map's "created" date is when the thread, and so the repost, was published (`topic_created`,
  read by `when` when the page states no other date; in `topicdate`).
"""

from __future__ import annotations

import re

from bot.cleaner.dates import MONTH_START
from bot.cleaner.lines import is_prose
from bot.cleaner.page import Page

__all__ = ["mark_topic_thread"]

_I = re.IGNORECASE
_LIKES = re.compile(r"^\d[\d.,]*k?\s+likes?$", _I)
# a post's age: "Jul 2018", "Jul 16", "3d", "5h"
_AGE = re.compile(rf"^(?:{MONTH_START}\s+(?:\d{{1,2}}|(?:19|20)\d{{2}})|\d{{1,2}}\s?[mhdwy])$", _I)
_DOMAIN = re.compile(r"^(?:[\w-]+\.)+[a-z]{2,}$", _I)
_CUT = re.compile(r"(?:\.\.\.|…)$")
_MIN_COUNTERS = 2  # a definition: a thread has posts, each over its counter


def mark_topic_thread(page: Page) -> None:
    """Replies, topic map and other topics after the first post; a link preview and the poster's remark
    over it in the first post: chrome."""
    counters = [i for i, line in enumerate(page.lines) if _LIKES.match(line.text)]
    if len(counters) < _MIN_COUNTERS:
        return
    first = counters[0]
    ages = [i for i in range(first) if _AGE.match(page.lines[i].text)]
    # a post between its age and its counter (counters at the top of a page are a share bar's)
    if not ages or not any(is_prose(page.lines[i].text, page.settings) for i in range(ages[-1], first)):
        return
    for i in range(first + 1, len(page.lines)):
        if page.open(i):
            page.set(i, "drop", "forum-chrome")
    preview = next((i for i in range(ages[-1] + 1, first) if _is_preview(page, i)), None)
    if preview is None:
        return
    page.set(preview + 1, "drop", "forum-chrome")  # the linked story's title
    for i in range(ages[-1] + 1, preview):
        if page.open(i):
            page.set(i, "drop", "forum-chrome")


def _is_preview(page: Page, i: int) -> bool:
    """Line i is a link preview's domain: a story's title follows, then its excerpt cut short."""
    if not _DOMAIN.match(page.lines[i].text) or i + 2 >= len(page.lines):
        return False
    title, excerpt = page.lines[i + 1].text, page.lines[i + 2].text
    return bool(title) and not is_prose(title, page.settings) and bool(_CUT.search(excerpt))
