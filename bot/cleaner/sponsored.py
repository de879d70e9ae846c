"""A sponsor's teaser under its label inside the story: "Sponsored Content" over "Doctors Can't Explain
Why This Simple Trick Works". The label is chrome by its words (`patterns`); the headline-shaped line
right under it (or the run of them), closing no sentence, is the paid link it labels, no subheading of
the story. A plain "Advertisement" label labels a slot, not a link: the line under it may be the story's."""

from __future__ import annotations

import re

from bot.cleaner.lines import ends_sentence, is_title_like
from bot.cleaner.page import Page

__all__ = ["mark_sponsored_teasers"]

_SPONSOR_LABEL = re.compile(
    r"^(?:sponsored(?: content| links?| stories| posts?)?|promoted(?: content| stories| links?)?"
    r"|paid (?:content|post)|partner content)\s*[:.]?$",
    re.IGNORECASE,
)


def mark_sponsored_teasers(page: Page) -> None:
    """The headline-shaped lines right under a sponsor's label are its teasers: chrome."""
    for i, line in enumerate(page.lines):
        if page.reason(i) != "advertisement" or not _SPONSOR_LABEL.match(line.text):
            continue
        under = page.next_filled(i)
        while under is not None and page.open(under) and _teaser(page, page.lines[under].text):
            page.set(under, "drop", "advertisement")
            under = page.next_filled(under)


def _teaser(page: Page, text: str) -> bool:
    return is_title_like(text, page.settings) and not ends_sentence(text)
