"""Lines the layout placed as the headline that are not the story's title (issue 9, round twenty-four):
- a teaser of the lede cut off mid-sentence ("Leaders wrapped up their final talks Monday confronting
  two of his"), printed above the full paragraph it cuts: the page has no headline of its own;
- an image's alt title over its caption ("Leaders meeting UN General Assembly" on the line right above
  "Leaders meet at the United Nations General Assembly in New York NAME/AGENCY"): every word of it is a
  word the caption under it says, so it names the photo, not the story.
"""

from __future__ import annotations

import re

from bot.cleaner.pagelines import PageLines
from bot.text import normalize

__all__ = ["not_the_headline"]

_WORD = re.compile(r"[^\W\d_]{3,}")
_STEM = 4  # not a threshold: "meeting" and "meet" share a stem of four letters, as alt titles shorten


def not_the_headline(page: PageLines) -> bool:
    """The headline line is a cut-off teaser of the lede or an image's alt title over its caption."""
    headline = next(iter(page.of_kind("headline")), None)
    if headline is None:
        return False
    return _lede_teaser(headline.text, page.first_body()) or _alt_title(page, headline.number)


def _lede_teaser(title: str, lede: str) -> bool:
    """The title is the lede's opening, cut off before the sentence ends (a lowercase word follows)."""
    head, body = normalize(title).strip(), normalize(lede)
    rest = body[len(head) :]
    return bool(head) and body.startswith(head) and re.match(r"\s+[a-z]", rest) is not None


def _alt_title(page: PageLines, number: int) -> bool:
    """The title sits right on top of a caption (no blank between) that says every word of it."""
    under = page.lines[number] if number < len(page.lines) else None  # numbers count from 1
    if under is None or page.decisions[number].kind != "caption":
        return False
    said = {word[:_STEM].casefold() for word in _WORD.findall(under.text)}
    words = [word[:_STEM].casefold() for word in _WORD.findall(page.lines[number - 1].text)]
    return bool(words) and all(word in said for word in words)
