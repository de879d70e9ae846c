"""A discussion thread whose post stamps and poster cards are split over lines (XenForo and kin).

Such a thread prints a post's date on one line and its number ("#1") on the next, and each poster card
field as a label line over its value ("Joined" / "Mar 12, 2014", "Messages" / "4,318"). Read by kind:

- a date line right above a lone "#N" is that post's stamp (reason "post-stamp", which `forum` reads as
  a numbered stamp: the first post's stamp dates the thread), the "#N" is chrome;
- a card label alone on a line, and the short value under it, are chrome (a join date is no story's date);
- in the first post, a remark above the pasted story's title (the thread's title printed again) is the
  poster's own, as a remark above a quote block is: chrome.
"""

from __future__ import annotations

import re

from bot.cleaner.dates import is_date_only
from bot.cleaner.headline import is_control_row
from bot.cleaner.page import Page

__all__ = ["mark_remark_over_title", "mark_split_stamps"]

_I = re.IGNORECASE
_POST_NUMBER = re.compile(r"^#\s?\d{1,6}$")
_CARD_LABEL = re.compile(
    r"^(?:joined|join date|messages|posts|reaction score|likes received|points|trophies|location|country"
    r"|thread starter|start date)$",
    _I,
)
_VALUE_WORDS = 4  # not a threshold: a card's value is a date, a count or a place of a few words


def mark_split_stamps(page: Page) -> None:
    """Post stamps split from their numbers, and card labels over their values, are chrome (the stamps
    kept apart as "post-stamp")."""
    stamps = [
        (page.previous_filled(i), i)
        for i, line in enumerate(page.lines)
        if _POST_NUMBER.match(line.text) and is_date_only(page.lines[page.previous_filled(i)].text)
    ]
    if not stamps:
        return
    for stamp, number in stamps:
        page.set(stamp, "drop", "post-stamp")
        page.set(number, "drop", "forum-chrome")
    for i, line in enumerate(page.lines):
        if not _CARD_LABEL.match(line.text) or page.reason(i) == "post-stamp":
            continue
        page.set(i, "drop", "forum-chrome")
        value = page.next_filled(i)
        short = value is not None and len(page.lines[value].text.split()) <= _VALUE_WORDS
        if value is not None and short and page.reason(value) != "post-stamp":
            page.set(value, "drop", "forum-chrome")


def mark_remark_over_title(page: Page) -> None:
    """In a stamped thread's first post, the lines between its stamp and a copy of the thread's title
    (a pasted story's heading) are the poster's remark."""
    stamps = [i for i, d in enumerate(page.decisions) if d is not None and d.reason == "post-stamp"]
    if not stamps:
        return
    end = stamps[1] if len(stamps) > 1 else len(page.lines)
    copy = next(  # a card's label printed again in a later card, or a post's row of controls, is no title
        (
            j
            for j in range(stamps[0], end)
            if page.copy_of.get(j, stamps[0]) < stamps[0]
            and page.reason(j) != "forum-chrome"
            and not is_control_row(page, j)
        ),
        None,
    )
    if copy is None:
        return
    for j in range(stamps[0] + 1, copy):
        if page.decisions[j] is None and not page.lines[j].blank:
            page.set(j, "drop", "forum-chrome")
