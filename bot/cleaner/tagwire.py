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
    names by its copyright line above "Distributed by ..."."""
    site = registered_domain(page.url) if page.url else None
    own = page.table.by_domain(site[1]) if site else None
    previous: list[str] = []
    for line in page.lines:
        tag = TAG.match(line.text)
        names = (tag.group("bracketed") or tag.group("slashed") or tag.group("tagged")) if tag else ""
        for name in re.split(r"\s?/\s?", names) if names else ():
            if page.table.is_agency(name) and page.table.canonical(name) != own:
                return Found(page.table.canonical(name), line.text)
        if SYNDICATE.match(line.text):
            owner = next((m for text in reversed(previous[-2:]) if (m := OWNER.match(text))), None)
            name = owner.group("name").strip() if owner else ""
            if name and page.table.known(name) and page.table.canonical(name) != own:
                return Found(page.table.canonical(name), f"{owner.group(0) if owner else ''} / {line.text}")
        pointer = ORIGINAL_VERSION.match(line.text)
        site = registered_domain(pointer.group("url")) if pointer else None
        if site is not None and page.table.by_domain(site[1]) != own:
            return Found(page.table.by_domain(site[1]) or site[0], line.text)
        if not line.blank:
            previous.append(line.text)
    return None
