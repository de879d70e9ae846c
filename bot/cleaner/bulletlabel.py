"""A summary box's label: a few words and a colon over the box's bullet points ("Key points:", "Das
Wichtigste in Kürze:").

The points are the story's own summary and stay; the label over them names the box, as a section's label
does, and says nothing of the news. A short line closed by a colon, with two bulleted lines at least right
under it (no blank line between), is that label. A sentence introducing a list ("The ministers set out
three demands:") is longer than a label.
"""

from __future__ import annotations

import re

from bot.cleaner.headline import LIST_MARK
from bot.cleaner.lines import word_count
from bot.cleaner.page import Page

__all__ = ["mark_bullet_labels"]

_LABEL = re.compile(r"^[^\W\d_][^\d:]*:$")
_LEAST_POINTS = 2  # not a threshold: a list has two items at least


def mark_bullet_labels(page: Page) -> None:
    """Drop (as a box's label) a short colon-closed line right over two bulleted lines at least."""
    most = page.settings.label_max_words
    for i in range(len(page.lines) - _LEAST_POINTS):
        text = page.lines[i].text
        if not text.endswith(":"):  # most lines: one character's test
            continue
        text = text.strip()
        if not _LABEL.match(text) or word_count(text) > most or not page.open(i):
            continue
        under = page.lines[i + 1 : i + 1 + _LEAST_POINTS]
        if all(not point.blank and LIST_MARK.match(point.text) for point in under):
            page.set(i, "drop", "summary-label")
