"""A newsroom's credit row topping the page: "NAME | PLACE – LAND (Newsroom)" (issue 9, round forty-three).

Broadcasters' sites print, over a story with no headline of its own, a row giving the outlet's name, then
the place the story was filed from and the desk that filed it in brackets. The row is a credit, never the
headline, and its first field is the outlet's name as the site prints it, in whatever script. The desk's
words in other languages are config data (`newsroom_words`; English's "newsroom", "news desk" are read as
such)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

from bot.cleaner.page import Page

__all__ = ["mark_newsroom_row", "newsroom_name"]

_ENGLISH = ("newsroom", "news desk", "news room")
_TOP_LINES = 3  # not a threshold: the row tops the page, over the story's first paragraph


@functools.lru_cache(maxsize=8)
def _row(words: tuple[str, ...]) -> re.Pattern[str]:
    desks = "|".join(re.escape(word) for word in sorted({*_ENGLISH, *words}, key=len, reverse=True))
    return re.compile(
        rf"^(?P<name>[^|()]{{2,40}}?)\s*\|\s*[^|()]{{2,60}}?\s*\(\s*(?:{desks})\s*\)\s*$", re.IGNORECASE
    )


def _match(text: str, words: Sequence[str]) -> re.Match[str] | None:
    return _row(tuple(words)).match(text) if "|" in text and "(" in text else None


def mark_newsroom_row(page: Page) -> None:
    """The row among the page's first lines is a byline (its credit), never the headline."""
    filled = [i for i, line in enumerate(page.lines) if not line.blank][:_TOP_LINES]
    for i in filled:
        if page.open(i) and _match(page.lines[i].text, page.settings.newsroom_words):
            page.set(i, "byline")


def newsroom_name(text: str, words: Sequence[str]) -> str | None:
    """The outlet's name as a newsroom's credit row prints it; None for any other line."""
    match = _match(text, words)
    return match.group("name").strip() if match is not None else None
