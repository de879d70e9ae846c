"""A discussion board that prints each poster with a post count and its stamps without post numbers.

Such a board prints the poster's name with a count of their posts in brackets ("NAME (11,402 posts)"), the
post's stamp with no "#N" after it ("Mon Sep 28, 2015, 09:52 PM", over the post or under it), and each
reply under a header naming whom it answers ("Response to NAME (Original post)"). Read by kind:

- a poster's counted name is chrome (by its shape), and the first line holding only a date in that post
  (before the next counted name) is the post's stamp (reason "post-stamp", which `forum` reads as a
  numbered stamp: the first post's stamp dates the thread, and the story pasted in it is the text up to
  its source link);
- a reply's header is chrome (by its shape).

A counted name alone never makes a thread: with no date line in its post the page is read as any other.
"""

from __future__ import annotations

import re

from bot.cleaner.dates import is_date_only
from bot.cleaner.page import Page

__all__ = ["POSTER_PATTERNS", "mark_counted_posters"]

_I = re.IGNORECASE
# "prairie_lantern (11,402 posts)", "Old Harbour Hand (37 messages)": a name of a few words and a count
POSTER_COUNT = re.compile(
    r"^\S(?:[^()]{0,38}\S)?\s\((?:\d{1,3}(?:[,.\s]\d{3})+|\d{1,7})\s(?:posts?|messages?)\)$", _I
)
# "Response to NAME (Original post)", "Reply to NAME (Reply #3)": whom a reply answers
REPLY_HEADER = re.compile(
    r"^(?:response|reply)\s+to\s+\S.{0,40}\s\((?:original post|reply\s*#\s?\d{1,6})\)$", _I
)
POSTER_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("forum-chrome", POSTER_COUNT),
    ("forum-chrome", REPLY_HEADER),
)


def mark_counted_posters(page: Page) -> None:
    """The date line in a counted poster's post is its stamp (the names and reply headers are chrome by
    their shape, `POSTER_PATTERNS`)."""
    cards = [i for i, line in enumerate(page.lines) if POSTER_COUNT.match(line.text)]
    for n, card in enumerate(cards):
        stamp = _post_stamp(page, card, cards, n)
        if stamp is not None:
            page.set(stamp, "drop", "post-stamp")


def _post_stamp(page: Page, card: int, cards: list[int], n: int) -> int | None:
    """The first line holding only a date after a counted name, before the next counted name."""
    end = cards[n + 1] if n + 1 < len(cards) else len(page.lines)
    return next((j for j in range(card + 1, end) if is_date_only(page.lines[j].text)), None)
