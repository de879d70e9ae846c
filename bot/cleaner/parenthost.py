"""A body's own site on a path of its parent's host: a consulate's pages under its foreign ministry's
domain (`ministry.example/ce/cgsf/eng/...`), a school's under its university's.

The outlet table names the host's owner, but the pages are the mission's: its name heads the page as
its masthead and holds the footer's copyright, and the owner's name is printed nowhere. A reader cites
the body whose masthead and copyright the page carries. A paper on its own domain prints the table's
name (its masthead, its copyright) and keeps it; a masthead the copyright does not repeat proves
nothing, and so does a masthead that spells the host's own domain (the site's brand, shorter than the
table's name).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.cleaner.outlets import registered_domain
from bot.cleaner.pagelines import Found, PageLines
from bot.cleaner.spelling import spells

__all__ = ["hosted_body"]

_NOT_WORD = re.compile(r"[\W_]+")


def hosted_body(page: PageLines, owner: str, holders: Iterable[str]) -> Found | None:
    """The name heading the page and holding its copyright, when it is not the host's `owner` (the
    table's name for the URL's domain) and the page never prints the owner's name."""
    first = next(((line, d) for line, d in page.pairs() if line.text), None)
    if first is None or first[1].kind != "drop" or owner.casefold() in page.raw.casefold():
        return None
    masthead = first[0].text
    key = _NOT_WORD.sub("", masthead).casefold()
    capitalised = [w for w in masthead.split() if w[:1].isupper()]
    site = registered_domain(page.url) if page.url else None
    label = site[0].split(".")[0].casefold() if site else ""
    if len(capitalised) < page.settings.heading_name_min_words or not key or (label and spells(key, label)):
        return None  # a masthead that spells the domain ("Nation" on nation.co.ke) is the host's own brand
    if not any(_NOT_WORD.sub("", holder).casefold() == key for holder in holders):
        return None
    name = page.table.canonical(masthead)
    if name == owner:
        return None
    return Found(name, f"{masthead} (the masthead and copyright of a site on its parent's host)")
