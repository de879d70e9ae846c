"""Readers' comments copied from a blog's comment list under the post, or from a page of a story's
comments (issue 9, round fourteen).

A blog's comment list is an ordered list: copied as text, its first comment opens with an indented "1."
and every paragraph of the thread is indented deeper than the post's own paragraphs, which start at the
margin. Such a run, from the first comment to the page's end, after at least one paragraph of the post at
the margin, is chrome ("comment"); a story's own numbered list sits at the story's margin, or has no
unindented paragraph above it.

A page of a story's comments counts them ("Sep 29, 2015 · 623 comments") and prints each under its
writer's name and place ("NAME (PLACE)"), the text right under it: with the count above and two such
names at least, every line from the first name on is a comment.

A social site's comment thread prints each comment under its writer's handle and how long ago it was
written ("Avi Khait 1 year", "plumer · 3 hours ago", "NAME 12 points 2 days ago"), often with the handle
alone on the line above (an avatar's name) and "Reply" / "Permalink" labels under it. Two such signature
lines at least, below a paragraph of the story: every line from the first signature (and the handle
over it) to the page's end is a comment.

A newsgroup's web archive heads each message of a thread with its poster's name, a read-state marker
("unread,") and the message's stamp: under two such headers with the first message's prose between them,
every line from the second poster's name to the page's end is a reply (chrome).
"""

from __future__ import annotations

import re

from bot.cleaner.dates import find_date
from bot.cleaner.lines import is_prose
from bot.cleaner.page import Page

__all__ = ["mark_archive_replies", "mark_comment_list", "mark_named_comments", "mark_stamped_comments"]

# the first comment: "  1. NAME makes good points but ..."
_FIRST_COMMENT = re.compile(r"^[ \t]+1\.[ \t]+\S")
_INDENTED = re.compile(r"^[ \t]+\S")


def mark_comment_list(page: Page) -> None:
    """Drop an indented comment list that runs from its first comment to the page's end."""
    lines = page.lines
    first = next((i for i, line in enumerate(lines) if _FIRST_COMMENT.match(line.raw)), None)
    if first is None or not is_prose(lines[first].text, page.settings):
        return
    above = [line for line in lines[:first] if line.text]
    if not any(not _INDENTED.match(line.raw) and is_prose(line.text, page.settings) for line in above):
        return
    if not all(_INDENTED.match(line.raw) for line in lines[first:] if line.text):
        return
    for i in range(first, len(lines)):
        if page.open(i):
            page.set(i, "drop", "comment")


# a comment's writer and place: "Tony Silver (Copenhagen)", "rangerluna (USA)"
_WRITER = re.compile(r"^[\w.'’ -]{1,40} \([\w.'’ ,-]{1,30}\)$")
_COUNT = re.compile(r"\b\d[\d,.]*\s+comments?\b", re.IGNORECASE)
_LEAST_WRITERS = 2  # not a threshold: one "NAME (PLACE)" line is as often a photo's subject


def mark_named_comments(page: Page) -> None:
    """Drop a page of comments: from the first writer's line on, under a comment count."""
    lines = page.lines
    writers = [
        i
        for i in range(len(lines) - 1)
        if _WRITER.match(lines[i].text) and lines[i + 1].text and not _WRITER.match(lines[i + 1].text)
    ]
    if len(writers) < _LEAST_WRITERS or not any(_COUNT.search(line.text) for line in lines[: writers[0]]):
        return
    for i in range(writers[0], len(lines)):
        if page.open(i):
            page.set(i, "drop", "comment")


# a comment's signature: a handle (one to five words), perhaps its points, and how long ago it was written
_SIGNATURE = re.compile(
    r"^(?P<handle>[^\s·|•]+(?:\s[^\s·|•]+){0,3}?)(?:\s+|\s*[·|•]\s*)(?:\d[\d,]*\s+points?\s*(?:[·|•]\s*)?)?"
    r"\d{1,3}\s*(?:years?|yrs?|y|months?|mo|weeks?|wks?|w|days?|d|hours?|hrs?|h|minutes?|mins?|m)"
    r"(?:\s+ago)?$",
    re.IGNORECASE,
)

# a page's own stamp is no signature: "Updated 3 hours ago", "Posted 2 days ago"
_STAMP_WORD = re.compile(r"^(?:last\s+)?(?:updated?|posted|published|edited|modified|added|created)\b", re.I)


def mark_stamped_comments(page: Page) -> None:
    """Drop a comment thread: from the first "HANDLE N units ago" signature (with the handle printed
    alone right above it) to the page's end, when two signatures at least, each over a comment, sit below a
    prose paragraph."""
    lines = page.lines
    signatures = [
        i for i, line in enumerate(lines) if _SIGNATURE.match(line.text) and not _STAMP_WORD.match(line.text)
    ]
    if sum(1 for i in signatures if _comment_under(page, i)) < _LEAST_WRITERS:
        return
    first = signatures[0]
    if not any(is_prose(line.text, page.settings) for line in lines[:first]):
        return
    handle = _SIGNATURE.match(lines[first].text)
    above = page.previous_filled(first) if first else None
    if handle and above is not None and lines[above].text == handle.group("handle").strip():
        first = above
    for i in range(first, len(lines)):
        if page.open(i):
            page.set(i, "drop", "comment")


def _comment_under(page: Page, i: int) -> bool:
    """A signature over its comment: the next filled line is prose (a next writer's handle skipped)."""
    below = page.next_filled(i)
    if below is not None and _SIGNATURE.match(page.lines[below].text):
        return False
    after = page.next_filled(below) if below is not None else None
    if below is not None and after is not None and _SIGNATURE.match(page.lines[after].text):
        below = page.next_filled(after)  # "NAME" / "NAME 1 year": the next writer's avatar and signature
    return below is not None and is_prose(page.lines[below].text, page.settings)


_READ_STATE = re.compile(r"^(?:unread|read|new)\s*,?$", re.IGNORECASE)


def mark_archive_replies(page: Page) -> None:
    """Drop a newsgroup thread's replies: from the second message's poster to the page's end."""
    headers = [i for i, line in enumerate(page.lines) if _READ_STATE.match(line.text) and _stamped(page, i)]
    if len(headers) < _LEAST_WRITERS:
        return
    first, second = headers[0], headers[1]
    if not any(is_prose(page.lines[i].text, page.settings) for i in range(first, second)):
        return
    start = page.previous_filled(second) if second else second
    for i in range(max(start, first + 1), len(page.lines)):
        if page.open(i) or page.reason(i) == "date-line":
            page.set(i, "drop", "comment")


def _stamped(page: Page, i: int) -> bool:
    """The line under a read-state marker is the message's stamp."""
    below = page.next_filled(i)
    return below is not None and find_date(page.lines[below].text) is not None
