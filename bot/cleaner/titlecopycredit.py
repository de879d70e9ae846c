"""A video or story page that prints its header twice: after the description, the title again and under it
the credit line the header lacked ("By AGENCY DATE"). That credit, below the story's end, is the story's
byline: it dates the page and names whose copy it is.

Evidence that combines: the line is shaped as a byline opening "By", the line right above it repeats the
headline (a second copy of the story's header, dropped as a duplicate), and the layout left it in the
footer. A "By NAME" line under any other line keeps its footer reason (a related story's credit).
"""

from __future__ import annotations

from bot.cleaner.bylines import is_byline
from bot.cleaner.page import Page

__all__ = ["mark_credit_under_title_copy"]


def mark_credit_under_title_copy(page: Page, after: int) -> None:
    """Mark as the byline a footer's "By ..." credit (past line `after`) right under a headline's copy."""
    for i in range(after + 1, len(page.lines)):
        text = page.lines[i].text
        if page.reason(i) != "footer" or not text.startswith("By ") or not is_byline(text, page.settings):
            continue
        above = page.previous_filled(i)
        original = page.copy_of.get(above)
        decision = page.decisions[original] if original is not None else None
        if decision is not None and decision.kind == "headline":
            page.set(i, "byline")
            return
