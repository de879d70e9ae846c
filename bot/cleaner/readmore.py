"""A summary's link to the story it sums up, "read more at NAME" under a news card's paragraph (an app's
card, an aggregator's digest): NAME, a site the outlet table knows, is the original source (read by
`wire`). Another site's name only: a link back to the page's own site credits nobody."""

from __future__ import annotations

import re

from bot.cleaner.outlets import registered_domain
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["read_more_source"]

_READ_MORE = re.compile(
    r"^(?:read (?:more|the full (?:story|article))|full (?:story|article)|continue reading)\s+(?:at|on)\s+"
    r"(?P<name>[^\W\d_][\w.&'’ -]{1,50}?)\s*\.?$",
    re.IGNORECASE,
)


def read_more_source(page: PageLines) -> Found | None:
    """The known site a closing "read more at NAME" line names, if it is not the page's own."""
    body = page.of_kind("body")
    if not body:
        return None
    after = [line.text for line, d in page.pairs() if d.kind == "drop" and line.number > body[-1].number]
    site = registered_domain(page.url) if page.url else None
    own = page.table.by_domain(site[1]) if site else None
    for text in after[: page.settings.closing_credit_lines]:
        match = _READ_MORE.match(text.strip())
        name = match.group("name") if match else ""
        if name and page.table.known(name) and page.table.canonical(name, page.url) != own:
            return Found(page.table.canonical(name), text)
    return None
