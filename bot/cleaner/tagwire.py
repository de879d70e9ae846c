"""The wire a story's end tag names (the tags' shapes are in `endtags`): the first agency in a tag that
is not the page's own outlet ("(PNA/Xinhua) SCS/EBP" on the first agency's site is the second's copy), or
the original a syndicate's tag names by its copyright line above "Distributed by ..."."""

from __future__ import annotations

import re

from bot.cleaner.endtags import ORIGINAL_VERSION, OWNER, SYNDICATE, TAG
from bot.cleaner.outlets import registered_domain
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["end_tag_wire"]


def end_tag_wire(page: PageLines) -> Found | None:
    """The agency an end tag credits (the page's own outlet skipped), or the original a syndicate's tag
    names by its copyright line above "Distributed by ..."; only lines dropped as credits are read."""
    if not any(d.reason == "credits" for d in page.decisions):
        return None
    site = registered_domain(page.url) if page.url else None
    own = page.table.by_domain(site[1]) if site else None
    previous: list[str] = []
    for line, decision in page.pairs():
        if decision.reason == "credits":
            found = _tag_credit(page, line.text, previous, own)
            if found is not None:
                return found
        if not line.blank:
            previous.append(line.text)
    return None


def _tag_credit(page: PageLines, text: str, previous: list[str], own: str | None) -> Found | None:
    tag = TAG.match(text)
    names = next(filter(None, tag.group("bracketed", "slashed", "tagged", "dashed")), "") if tag else ""
    for name in re.split(r"\s?/\s?", names) if names else ():
        if page.table.is_agency(name) and page.table.canonical(name) != own:
            return Found(page.table.canonical(name), text)
    if SYNDICATE.match(text):
        owner = next((m for line in reversed(previous[-2:]) if (m := OWNER.match(line))), None)
        name = owner.group("name").strip() if owner else ""
        if owner and name and page.table.known(name) and page.table.canonical(name) != own:
            return Found(page.table.canonical(name), f"{owner.group(0)} / {text}")
    pointer = ORIGINAL_VERSION.match(text)
    site = registered_domain(pointer.group("url")) if pointer else None
    if site is not None and page.table.by_domain(site[1]) != own:
        return Found(page.table.by_domain(site[1]) or site[0], text)
    return None
