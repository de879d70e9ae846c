"""A known outlet's name on a line of chrome (a logo's text) as the page's publisher: not an agency's,
nor the outlet its reporters wrote for, nor a share button's, nor, on another outlet's domain, a name
under the story (a repost's credit to its source)."""

from __future__ import annotations

from bot.cleaner.outlets import registered_domain
from bot.cleaner.pagelines import Found, PageLines
from bot.cleaner.reportercredit import reporter_credit

__all__ = ["known_name_line"]


def known_name_line(page: PageLines) -> Found | None:
    """A line of chrome that is a known outlet's name (a logo's text), not an agency's, nor the outlet a
    reporter named above it filed for, nor a share bar's button ("Share:" over "Facebook", "Reddit")."""
    credit = reporter_credit(page)
    body = page.of_kind("body")
    site = registered_domain(page.url) if page.url else None
    for line, decision in page.pairs():
        if credit is not None and page.table.canonical(line.text) == credit.value:
            continue
        # under the story on another outlet's domain: a repost's credit to its source, not a logo
        below = bool(body) and line.number > body[-1].number
        if below and site is not None and page.table.by_domain(site[1]) != page.table.canonical(line.text):
            continue
        if decision.reason == "share":
            continue
        if decision.kind == "drop" and page.table.known(line.text) and not page.table.is_agency(line.text):
            return Found(page.table.canonical(line.text), line.text)
    return None
