"""A site crediting its own programme or desk: "Source: SBS World News" on sbs.com.au.

A broadcaster's video page names the programme the clip ran in as its source. The programme is the
site's own when its name opens with the words the URL's registered domain spells, or when the page
labels it a programme ("Program: NAME"), so the page credits no other outlet's copy: no wire. An agency
on its own site ("Source: Xinhua" on xinhuanet.com) still is one.
"""

from __future__ import annotations

import re

from bot.cleaner.outlets import registered_domain
from bot.cleaner.pagelines import PageLines

__all__ = ["names_own_programme"]

_NOT_WORD = re.compile(r"[\W_]+")
_PROGRAMME = re.compile(r"^(?:program(?:me)?|show|bulletin)\s*:\s*(?P<name>\S.{0,60})$", re.IGNORECASE)


def names_own_programme(name: str, page: PageLines) -> bool:
    """The credit names a programme the page labels so, or its first words (not all of them) spell the
    name of the site the page is on."""
    if page.table.is_agency(name):
        return False
    key = _NOT_WORD.sub("", name).casefold()
    for line in page.lines:
        labelled = _PROGRAMME.match(line.text) if ":" in line.text else None
        if labelled and _NOT_WORD.sub("", labelled.group("name")).casefold() == key:
            return True
    site = registered_domain(page.url) if page.url else None
    label = site[0].split(".")[0].casefold() if site else ""
    tokens = name.split()
    if not label[1:] or not tokens[1:]:  # a one-letter site, a one-word name
        return False
    return any(_NOT_WORD.sub("", "".join(tokens[:k])).casefold() == label for k in range(1, len(tokens)))
