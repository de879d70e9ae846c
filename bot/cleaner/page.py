"""A page being laid out: its lines, the decision taken on each so far, and the photo-caption test."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.cleaner.creditlabels import ends_with_labelled_photo_credit
from bot.cleaner.cues import caption_cues
from bot.cleaner.lines import Line, ends_sentence, is_title_like, word_count
from bot.config import CleanerConfig

__all__ = ["Decision", "Page", "is_caption"]


@dataclass(frozen=True, slots=True)
class Decision:
    """What a line is: "drop" (with a reason), a metadata line, or a kept paragraph of some role."""

    kind: str
    reason: str = ""


class Page:
    """The lines of one page and the decisions taken on them so far."""

    def __init__(self, lines: list[Line], settings: CleanerConfig) -> None:
        self.lines = lines
        self.settings = settings
        self.decisions: list[Decision | None] = [None] * len(lines)
        self.repeated = [False] * len(lines)
        self.copy_of: dict[int, int] = {}  # a duplicate line -> the line it repeats

    def open(self, i: int) -> bool:
        return self.decisions[i] is None and not self.lines[i].blank

    def set(self, i: int, kind: str, reason: str = "") -> None:
        self.decisions[i] = Decision(kind, reason)

    def reason(self, i: int) -> str:
        decision = self.decisions[i]
        return decision.reason if decision is not None else ""

    def previous_filled(self, i: int) -> int:
        """The last non-blank line before i (i itself when there is none)."""
        return next((j for j in range(i - 1, -1, -1) if not self.lines[j].blank), i)

    def next_filled(self, i: int) -> int | None:
        """The next non-blank line after i, if any."""
        return next((j for j in range(i + 1, len(self.lines)) if not self.lines[j].blank), None)


def is_caption(page: Page, i: int, *, header: bool) -> bool:
    """A photo caption: a strong cue anywhere, or a photo credit on the next line; above the body,
    weaker cues or being printed twice, unless the line is in title case (a headline: "Leaders Shake
    Hands At The Summit")."""
    text = page.lines[i].text
    strong, weak = caption_cues(text)
    credited = i + 1 < len(page.lines) and page.reason(i + 1) == "photo-credit"
    credited = credited and word_count(text) > page.settings.caption_above_credit_words
    labelled = page.reason(page.previous_filled(i)) == "caption-label"  # "Image caption," above it
    credited = credited or labelled
    # a picture's credit closing the line under a label of the page's language: "... (圖片來源:NAME)"
    strong = strong or ends_with_labelled_photo_credit(text, page.settings.photo_credit_labels)
    if strong or credited:
        return True
    if not header or _headline_case(text, page.settings) or _titles_its_picture(page, i):
        return False
    return weak >= page.settings.weak_caption_cues or (
        weak >= 1 and (page.repeated[i] or not ends_sentence(text))
    )


def _titles_its_picture(page: Page, i: int) -> bool:
    """The page's first line, closing no sentence, over its picture's credit: a headline in sentence case
    ("Leaders shake hands like rivals after a feud"), its weak cues no caption's (the picture it heads
    is credited under it, and no strong cue says the line describes it)."""
    first = all(page.lines[j].blank for j in range(i))
    under = page.next_filled(i)
    return (
        first
        and under is not None
        and page.reason(under) == "photo-credit"
        and not ends_sentence(page.lines[i].text)
    )


_SENTENCE_END = re.compile(r"[a-z]{2}[.!?]\s")


def _headline_case(text: str, settings: CleanerConfig) -> bool:
    """A headline in title case ("Leaders Shake Hands At The Summit"): one phrase, no sentence ending
    inside it (a caption of names with a credit after it, "... meet in the city. Press Office", has one)."""
    return is_title_like(text, settings) and not _SENTENCE_END.search(text)
