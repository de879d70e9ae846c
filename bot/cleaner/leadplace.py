"""A dateline's place printed alone on its line, over the story's date: "NEW YORK," / "September 29,
2015 09:12 IST". The place in capitals with its comma is the dateline's first half (chrome), and a
writer's bare name right above it is the byline, as a name right over the date is (see `authors`).

Over the story's first paragraph, a place closed by a full stop ("New York.", set in bold in its own
paragraph as German papers print it) is the lede's dateline: the story's text, as "NEW YORK — ..."
opening the paragraph is."""

from __future__ import annotations

import re

from bot.cleaner.dates import is_date_only
from bot.cleaner.lines import is_prose
from bot.cleaner.page import Page

__all__ = ["PLACE_REASON", "is_lede_place", "mark_place_over_date"]

PLACE_REASON = "dateline-place"
_PLACE = re.compile(r"^[A-Z][A-Z.'’ -]{1,30},$")


def mark_place_over_date(page: Page) -> None:
    """Drop a place in capitals ending in a comma, alone on its line, right over a date-only line."""
    for i, line in enumerate(page.lines):
        if not (line.text.endswith(",") and _PLACE.match(line.text) and page.open(i)):
            continue
        following = page.next_filled(i)
        if following is not None and is_date_only(page.lines[following].text):
            page.set(i, "drop", PLACE_REASON)


# one to three capitalised words in lower case after their capital, closed by a full stop: "New York.",
# "Moskau." (a section's numeral, "I.", "IV.", is no place; "Rio de Janeiro." is too long a shape to tell
# from a kicker, and is left out)
_WORD = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][a-zß-öø-ÿа-яё]+"
_LEDE_PLACE = re.compile(rf"^{_WORD}(?:[ -]{_WORD}){{0,2}}\.$")


def is_lede_place(page: Page, i: int, start: int) -> bool:
    """Line i is a place closed by a full stop alone on its line, right over the story's first paragraph
    (line `start`, a paragraph of prose): the lede's dateline."""
    text = page.lines[i].text
    return (
        text.endswith(".")
        and _LEDE_PLACE.match(text) is not None
        and page.next_filled(i) == start
        and is_prose(page.lines[start].text, page.settings)
    )
