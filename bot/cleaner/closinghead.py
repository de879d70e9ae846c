"""A paragraph's lead-in or a subheading where a saved excerpt of a page stops.

A page saved as an excerpt may stop right after a paragraph's lead-in to what follows it ("Below is a
list of the meetings:", "Our correspondent joins us from New York:"), perhaps with the subheading it
leads to, the text under them left out. Right under the story's last paragraph, with nothing after them
but blank lines, they belong to the story: the lead-in is running text ending in a colon (no pointer to
more, no caption), the subheading under it a short line with no sentence's end (round forty-seven).
A short line alone under the story is taken only in a story set under subheadings of its own (one at
least above its last paragraph): the page's excerpt stops on the next one. Elsewhere a page's excerpt ends
as often on one line of chrome ("Popular Posts", "Back to news list") as on a subheading, and nothing in
its shape tells them apart (taking every such line kept 33 lines of chrome over the training rounds).
"""

from __future__ import annotations

import re

from bot.cleaner.cues import caption_cues
from bot.cleaner.cutline import POINTER
from bot.cleaner.lines import ends_sentence, lowercase_share, word_count
from bot.cleaner.page import Decision, Page
from bot.cleaner.patterns import READ_ALSO, RELATED_HEADER, TEASER_MARKERS

_READ_ALSO = re.compile(rf"^(?:{READ_ALSO})\b", re.IGNORECASE)

__all__ = ["keep_closing_heading"]

_MOST = 2  # not a threshold: the lead-in and the subheading under it


def keep_closing_heading(page: Page, start: int, end: int) -> int:
    """Keep the open lines that end the page right under the story's last paragraph when they are a
    lead-in, perhaps with a subheading under it, or a subheading alone in a story that has subheadings
    of its own; the body's new last line (end itself when they are not)."""
    decision = page.decisions[end] if 0 <= end < len(page.lines) else None
    if decision is None or decision.kind != "body":
        return end
    rest = [j for j in range(end + 1, len(page.lines)) if not page.lines[j].blank]
    if not rest or len(rest) > _MOST or not all(page.open(j) for j in rest):
        return end
    if len(rest) == 1 and _heading(page, rest[0]) and _has_subheadings(page, start, end):
        page.set(rest[0], "subheading")
        return rest[0]
    if not _lead_in(page, rest[0]) or (len(rest) > 1 and not _heading(page, rest[-1])):
        return end
    page.set(rest[0], "body")
    if len(rest) > 1:
        page.set(rest[-1], "subheading")
    return rest[-1]


def _has_subheadings(page: Page, start: int, end: int) -> bool:
    """The story's paragraphs are set under subheadings of their own (one at least above its end)."""
    return any(page.decisions[i] == Decision("subheading") for i in range(start, end))


def _pointer(text: str) -> bool:
    """A pointer to more ("Read the rest on ...:"), a teaser's or a related list's label, or a caption:
    no line of the story."""
    return (
        POINTER.search(text) is not None
        or TEASER_MARKERS.search(text) is not None
        or _READ_ALSO.search(text) is not None
        or RELATED_HEADER.search(text) is not None
        or caption_cues(text)[0] > 0
    )


def _lead_in(page: Page, j: int) -> bool:
    """Line j is running text ending in a colon: a paragraph's lead-in to what follows."""
    text = page.lines[j].text.rstrip()
    settings = page.settings
    return (
        text.endswith(":")
        and word_count(text) >= settings.prose_min_words
        and lowercase_share(text) >= settings.prose_min_lowercase
        and not _pointer(text)
    )


def _heading(page: Page, j: int) -> bool:
    """Line j is a subheading's shape: a few words, no sentence's end, no colon closing it."""
    text = page.lines[j].text.strip()
    return (
        1 < word_count(text) <= page.settings.subheading_max_words
        and not ends_sentence(text)
        and not text.endswith(":")
        and not _pointer(text)
    )
