"""A line introducing an embedded clip: "Correspondent NAME reports from PLACE:" right over a player's
strings ("Video", "Play", "2:18"). It tells the reader what the clip shows, so it goes with the player:
the clip's words are not on the page, and the line is no paragraph of the story."""

from __future__ import annotations

from bot.cleaner.lines import word_count
from bot.cleaner.page import Page

__all__ = ["mark_clip_intros"]

_PLAYER = "media-player"


def mark_clip_intros(page: Page) -> None:
    """Drop a short open line ending in a colon whose next line is a player's string."""
    for i, line in enumerate(page.lines):
        if not page.open(i) or not line.text.endswith(":"):
            continue
        following = page.next_filled(i)
        short = word_count(line.text) <= page.settings.subheading_max_words
        if short and following is not None and page.reason(following) == _PLAYER:
            page.set(i, "drop", _PLAYER)
