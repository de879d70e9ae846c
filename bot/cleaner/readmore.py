"""A summary's link to the story it sums up, "read more at NAME" under a news card's paragraph (an app's
card, an aggregator's digest): NAME, a site the outlet table knows, is the original source (read by
`wire`). Another site's name only: a link back to the page's own site credits nobody."""

from __future__ import annotations

import re

from bot.cleaner.ownsite import after_story, own_outlet
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["read_more_source"]

_READ_MORE = re.compile(
    r"^(?:read (?:more|the full (?:story|article))|full (?:story|article)|continue reading)\s+(?:at|on)\s+"
    r"(?P<name>[^\W\d_][\w.&'’ -]{1,50}?)\s*\.?$",
    re.IGNORECASE,
)


def read_more_source(page: PageLines) -> Found | None:
    """The known site a closing "read more at NAME" line names, if it is not the page's own."""
    own = own_outlet(page)
    for text in (line.text for line in after_story(page)):
        match = _READ_MORE.match(text.strip())
        name = match.group("name") if match else ""
        if name and page.table.known(name) and page.table.canonical(name, page.url) != own:
            return Found(page.table.canonical(name), text)
    return None
