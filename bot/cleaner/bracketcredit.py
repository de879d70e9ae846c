"""A source credited by its name alone in square brackets on a line of its own: "[NBC NEWS]".

Content farms and aggregators that run a network's or an agency's story print its name in brackets
above the story (or right under it) and nowhere else. The bracketed name is the copy's source when the
outlet table knows it and it is not the page's own outlet; a bracketed word the table does not know (a
section, "[VIDEO]") credits nothing.
"""

from __future__ import annotations

import re

from bot.cleaner.ownsite import after_story, own_outlet
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["bracket_credit"]

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
