"""A group's name its desks print, on a domain the outlet table names with an edition's letters.

The table names a site by its brand on the URL: a group's name and the letters of its edition or bureau
that the domain adds ("Example DC" on exampledc.com). A page of that site that never prints the brand,
but credits its staff and its bureau under the group's name alone ("Example Foreign Staff", "Example
Washington Bureau"), is cited as it prints itself: by the group's name. The rule asks that the brand
spell the domain's name and the group's name begin it, so a table name that merely starts with a common
word ("Times of ..." on another domain) is never cut.
"""

from __future__ import annotations

import re

from bot.cleaner.lines import squashed
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["group_desk_name"]

# a desk's or a bureau's word after the group's name and at most one more capitalised word (a beat or a
# city): "Foreign Staff", "Washington Bureau"; a byline may run into the date ("StaffSeptember 6")
_DESK_AFTER = r"\s+(?:[A-Z][a-z]+\s+)?(?:Staff|Bureau|Desk|Newsroom)(?![a-z])"
_GROUP_AND_EDITION = 2  # not a threshold: a brand of one word has no group's name inside it


def group_desk_name(page: PageLines, known: str, domain: str) -> Found | None:
    """The group's name the page's desk credits print, where the table's `known` name for the site is
    printed nowhere and is that group's name and the domain's added letters ("Example DC" on
    exampledc.com), else None."""
    label = squashed(domain.split(".", maxsplit=1)[0])
    words = known.split()
    if len(words) < _GROUP_AND_EDITION or squashed(known) != label or known.casefold() in page.raw.casefold():
        return None
    for k in range(len(words) - 1, 0, -1):
        group = " ".join(words[:k])
        desk = re.compile(rf"(?<!\w){re.escape(group)}{_DESK_AFTER}")
        credit = next((line.text for line in page.lines if desk.search(line.text)), None)
        if credit is not None:
            return Found(group, f"{credit} (the group's name its desks print; {known} printed nowhere)")
    return None
