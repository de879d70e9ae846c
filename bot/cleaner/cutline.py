"""A paragraph the scrape cut off mid-sentence at the end of the page.

A saved page often stops inside a paragraph ("... and the two leaders agreed to wo"): the last line has
no full stop, so it is no finished sentence, and when it is shorter than a long paragraph it is not taken
for prose, and the body ends above it. Right under the story's last paragraph, with nothing after it, a
line of running text in lower case (not a title, a label or a link) is that paragraph's cut start; a
source or credit line may close the page under it, and an agency's crosshead between dashes ("– Talks
go on –") may sit between it and the story (round fourteen).
"""

from __future__ import annotations

import re

from bot.cleaner.cues import caption_cues
from bot.cleaner.lines import ends_sentence, is_label, is_title_like, lowercase_share, word_count
from bot.cleaner.page import Page
from bot.cleaner.patterns import TEASER_MARKERS

__all__ = ["POINTER", "keep_cut_last_paragraph"]


def keep_cut_last_paragraph(page: Page, end: int) -> int:
    """Keep the page's last line as body when it is the story's last paragraph cut short; the body's new
    last line (end itself when the line is no such paragraph)."""
    last = next((j for j in range(len(page.lines) - 1, end, -1) if not _closing(page, j)), None)
    if last is None or not page.open(last):
        return end
    crosshead = page.previous_filled(last)
    if crosshead != end and not _crosshead_under(page, crosshead, end):
        return end
    decision = page.decisions[end]
    if decision is None or decision.kind not in ("body", "subheading"):
        return end
    text = page.lines[last].text
    if not _cut_running_text(page, text) or text.startswith(page.lines[end].text):  # a copy, credit glued
        return end
    if crosshead != end:
        page.set(crosshead, "subheading")
    page.set(last, "body")
    return last


# Lines that may follow a cut last paragraph (round fourteen): a source or credit line closing the story.
_CLOSING_REASONS = frozenset({"source-credit", "credits", "bracket-label"})
# an agency's crosshead between dashes: "– ‘Around the clock’ –"
_CROSSHEAD = re.compile(r"^[-–—]\s+\S.{0,50}\S\s+[-–—]$")


def _closing(page: Page, j: int) -> bool:
    """Line j is blank or a credit closing the story (so a cut paragraph above it is still the last)."""
    decision = page.decisions[j]
    return page.lines[j].blank or (decision is not None and decision.reason in _CLOSING_REASONS)


def _crosshead_under(page: Page, i: int, end: int) -> bool:
    """Line i is an open crosshead between dashes right under the story's last paragraph."""
    return (
        page.open(i) and page.previous_filled(i) == end and _CROSSHEAD.match(page.lines[i].text) is not None
    )


def _cut_running_text(page: Page, text: str) -> bool:
    """Running text stopped before its sentence ended: some words, mostly lower case, no title shape."""
    settings = page.settings
    return (
        not ends_sentence(text)
        and word_count(text) >= settings.prose_min_words
        and lowercase_share(text) >= settings.prose_min_lowercase
        and not is_title_like(text, settings)
        and not is_label(text, settings)
        and TEASER_MARKERS.search(text) is None
        and not text.rstrip().endswith(":")
        and POINTER.search(text) is None
        and not caption_cues(text)[0]
    )


# A pointer to more ("Read the full story at ...", "Update #1: ..."), a link's byline ("... short on
# details. By NAME") or its source after a dash ("... before the talks -- NAME News").
POINTER = re.compile(
    r"^(?i:read|see|watch|listen|click|continue|view|follow|download|subscribe|sign up|update)\b"
    r"|\sBy\s+[A-Z][a-z]|\s(?:--|[-–—])\s+[A-Z][\w.&'’]*(?: [A-Z][\w.&'’]*){0,4}$"
)
