"""A text table's scaffolding told from a line alone (appended to `patterns.CHROME_PATTERNS`): a page
that prints a story inside a table (an archive's or a change tracker's side-by-side versions) keeps the
story's sentences in the table's cells, but its rule row and its rows of empty cells are no text.

- "---|---|", "| :--- | ---: |": a table's rule under its column labels, and the labels' row right above
  it ("Old text | New text |": see `mark_column_labels`);
- "(about 1 hour later) | |": a row whose cells are empty or hold only a bracketed note;
- "Previous version", "Next version": the links between a tracked story's versions.
"""

from __future__ import annotations

import re

from bot.cleaner.page import Decision, Page

__all__ = ["TABLE_ROW_PATTERNS", "mark_column_labels"]

_I = re.IGNORECASE
_RULE = "table-rule"
_ROW = re.compile(r"^\|?(?:[^|]+\|){2,}\s*[^|]*$")  # two cells at least, split by bars

TABLE_ROW_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (_RULE, re.compile(r"^\|?(?:\s*:?-{3,}:?\s*\|)+(?:\s*:?-{3,}:?\s*)?$")),
    ("table-row", re.compile(r"^\|?(?:\s*(?:\([^()|]{1,60}\))?\s*\|){2,}\s*$")),
    ("navigation", re.compile(r"^(?:previous|next|older|newer|earlier|later) versions?$", _I)),
)


def mark_column_labels(page: Page) -> None:
    """The row of cells right above a table's rule is the table's column labels, no text."""
    for i, decision in enumerate(page.decisions):
        above = page.previous_filled(i)
        if decision != Decision("drop", _RULE) or above == i or page.decisions[above] is not None:
            continue
        if _ROW.match(page.lines[above].text):
            page.set(above, "drop", "table-labels")
