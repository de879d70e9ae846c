"""A page of titled entries ("Latest Updates": a title line right over each entry's paragraphs, no blank
between): the first entry's title sits right above where the body starts, so the header's pass takes it
for chrome. When the body's own entries have such titles (a subheading right over its paragraph), the
title-shaped line right over the body's first paragraph, below the headline, is the first entry's title."""

from __future__ import annotations

from bot.cleaner.lines import ends_sentence, is_prose, word_count
from bot.cleaner.page import Decision, Page

__all__ = ["mark_first_entry_title"]


def mark_first_entry_title(page: Page, start: int) -> None:
    """Make the line right over the body's first paragraph a subheading, on a page of titled entries."""
    above = start - 1
    if above < 1 or page.lines[above].blank or page.reason(above) != "page-header":
        return
    text = page.lines[above].text
    settings = page.settings
    shaped = settings.headline_min_words <= word_count(text) <= settings.subheading_max_words
    if not shaped or ends_sentence(text) or is_prose(text, settings):
        return
    if not any(page.decisions[i] == Decision("headline") for i in range(above)):
        return
    if page.reason(page.previous_filled(above)) == "photo-credit":
        return  # right under a picture's credit it is the picture's link ("to the photo bank"), no title
    titled = any(
        page.decisions[i] == Decision("subheading")
        and not page.lines[i + 1].blank
        and page.decisions[i + 1] == Decision("body")
        for i in range(start, len(page.lines) - 1)
    )
    if titled:
        page.set(above, "subheading")
