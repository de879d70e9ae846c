"""A line the layout placed as the headline that is not the story's title (issue 9, round twenty-four):
an image's alt title over its caption ("Leaders meeting UN General Assembly" on the line right above
"Leaders meet at the United Nations General Assembly in New York NAME/AGENCY"): every word of it is a
word the caption under it says, so it names the photo, not the story.

Tried and dropped: a teaser of the lede cut off mid-sentence above the full lede. A real headline may be
the lede's first words too ("Leaders meet" over "Leaders meet in New York on Monday ..."), and the
bench's generated articles are built that way: nothing on such a page tells the two apart.
"""

from __future__ import annotations

import re

from bot.cleaner.pagelines import PageLines

__all__ = ["not_the_headline"]

_WORD = re.compile(r"[^\W\d_]{3,}")
_STEM = 4  # not a threshold: "meeting" and "meet" share a stem of four letters, as alt titles shorten


def not_the_headline(page: PageLines) -> bool:
    """The headline line is an image's alt title over its caption."""
    headline = next(iter(page.of_kind("headline")), None)
    if headline is None:
        return False
    return _alt_title(page, headline.number)


def _alt_title(page: PageLines, number: int) -> bool:
    """The title sits right on top of a caption (no blank between) that says every word of it."""
    under = page.lines[number] if number < len(page.lines) else None  # numbers count from 1
    if under is None or page.decisions[number].kind != "caption":
        return False
    said = {word[:_STEM].casefold() for word in _WORD.findall(under.text)}
    words = [word[:_STEM].casefold() for word in _WORD.findall(page.lines[number - 1].text)]
    return bool(words) and all(word in said for word in words)
