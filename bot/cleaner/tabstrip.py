"""A tabbed box's tabs printed as bullets: "• Why it matters", "• Facts", "• Audio", each a short label
over its panel, the panel's lines indented deeper than the label (its first line perhaps the label again,
as the panel's heading).

The labels are the box's controls, as a menu's items are: chrome. A panel's heading that repeats its tab's
label is too; the panel's text stays. A list's items stand at one indent, so a bulleted label over lines
indented deeper is the shape told here; a bulleted sentence is a list's point, never a tab.
"""

from __future__ import annotations

from bot.cleaner.headline import LIST_MARK
from bot.cleaner.lines import folded, word_count
from bot.cleaner.page import Page

__all__ = ["mark_tab_labels"]

_BULLETS = "•●▪◦‣"  # what a tab's line opens with (a hyphen opens prose's dashes as often as a list)
_SENTENCE_MARKS = ".!?:;,"


def _indent(raw: str) -> int:
    first = raw.split("\n", 1)[0].expandtabs()
    return len(first) - len(first.lstrip())


def mark_tab_labels(page: Page) -> None:
    """Drop (as a tab) a bulleted short label whose next line is indented deeper, and that next line when
    it is the label again."""
    most = page.settings.label_max_words
    for i, line in enumerate(page.lines):
        if line.text[:1] not in _BULLETS or not LIST_MARK.match(line.text):  # most lines: one character
            continue
        label = LIST_MARK.sub("", line.text, count=1).strip()
        if not label or word_count(label) > most or label[-1] in _SENTENCE_MARKS or not page.open(i):
            continue
        under = page.next_filled(i)
        if under is None or _indent(page.lines[under].raw) <= _indent(line.raw):
            continue
        page.set(i, "drop", "tab-label")
        if folded(page.lines[under].text) == folded(label) and page.open(under):
            page.set(under, "drop", "tab-label")  # the panel's heading: the tab's label again
