"""A site's clock at the top of the page, above its menu, and the story's own date stamp right above the
headline, in another format ("Wednesday, 07 Sep 2016" over the menu; "Tuesday, 6 Sep 2016 | 12:34 AM
MYT" over the title): the top one is the day the page was read, often a day after the story. The layout
otherwise keeps the first date line and drops the later ones as clocks (used by `header`)."""

from __future__ import annotations

from bot.cleaner.lines import word_count
from bot.cleaner.page import Decision, Page

__all__ = ["mark_top_clock"]

_MENU_ITEM_WORDS = 3  # a definition: a menu's item is a label of a few words
_NEAR = 2  # a definition: the story's stamp sits right above its headline (a label between at most)


def mark_top_clock(page: Page, header: list[int], headline: int | None) -> None:
    """Drop (as the page's clock) the first of two date lines above the headline when a menu of short
    lines parts it from the second and the second sits right above the headline."""
    if headline is None:
        return
    datelines = [i for i in header if i < headline and page.decisions[i] == Decision("dateline")]
    if len(datelines) < 2:  # noqa: PLR2004 - a clock and a stamp
        return
    top, stamp = datelines[0], datelines[-1]
    between = [i for i in range(top + 1, stamp) if not page.lines[i].blank]
    menu = [i for i in between if word_count(page.lines[i].text) <= _MENU_ITEM_WORDS]
    near = [i for i in range(stamp + 1, headline) if not page.lines[i].blank]
    if len(menu) >= page.settings.menu_min_items and len(near) <= _NEAR:
        page.set(top, "drop", "page-clock")
