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
"""

from __future__ import annotations

import re

from bot.cleaner.lines import is_prose
from bot.cleaner.page import Page

__all__ = ["mark_comment_list", "mark_named_comments"]

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
