"""A network's copy credited by its name in brackets on another site's page.

- Content farms and aggregators that run a network's or an agency's story print its name in square
  brackets on a line of its own above the story (or right under it) and nowhere else: "[NBC NEWS]". The
  bracketed name is the copy's source when the outlet table knows it and it is not the page's own
  outlet; a bracketed word the table does not know (a section, "[VIDEO]") credits nothing.
- A local station running a network's story keeps the network's dateline credit: "UNITED NATIONS (CNN)
  —". On the network's own site the credit names the site itself; on a page whose URL is another site's,
  a known outlet in the dateline's brackets (an agency is read as the wire already) is the copy's source.
"""

from __future__ import annotations

import re

from bot.cleaner.cues import wire_dateline
from bot.cleaner.lines import squashed
from bot.cleaner.outlets import registered_domain
from bot.cleaner.ownsite import after_story, own_outlet
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["bracket_credit", "network_dateline"]

_BRACKETED = re.compile(r"^\[\s*(?P<name>[^\[\]]{2,40}?)\s*\]$")


def bracket_credit(page: PageLines) -> Found | None:
    """The known outlet a bracketed line above the story's first paragraph, or right after its last,
    names."""
    body = page.of_kind("body")
    if not body:
        return None
    above = [line for line in page.lines if line.number < body[0].number]
    own = own_outlet(page)
    for line in (*above, *after_story(page)):
        match = _BRACKETED.match(line.text) if line.text.startswith("[") else None
        if match is None or not page.table.known(match.group("name")):
            continue
        name = page.table.canonical(match.group("name"), page.url)
        if name != own:
            return Found(name, line.text)
    return None


# a credit opening the lede without a place: "(CNN) -- The two leaders ..."
_LEDE_CREDIT = re.compile(r"^\((?P<name>[A-Z][\w.&'’ -]{1,40})\)\s*[-–—]{1,2}\s")


def network_dateline(page: PageLines) -> Found | None:
    """The known outlet the lede's dateline credits ("PLACE (NAME) —", "(NAME) --"), on a page whose
    URL is neither that outlet's domain nor spelled by its name."""
    site = registered_domain(page.url) if page.url else None
    lede = page.first_body()
    dateline = wire_dateline(lede)
    opening = _LEDE_CREDIT.match(lede) if dateline is None else None
    name = dateline[1] if dateline else opening.group("name") if opening else ""
    if site is None or not name or not page.table.known(name):
        return None
    canonical = page.table.canonical(name, page.url)
    label = site[0].split(".")[0].casefold()
    if canonical == own_outlet(page) or squashed(name) == label:
        return None
    return Found(canonical, f"{dateline[0]} ({name})" if dateline else lede[: len(name) + 2])
