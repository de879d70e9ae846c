"""Two readings the credit finders share: the page's own outlet (the outlet table's name for the URL's
domain: a site naming itself credits no copy) and the lines right after the story (where closing
credits, rights lines and "read more at" links sit)."""

from __future__ import annotations

from bot.cleaner.lines import Line
from bot.cleaner.outlets import registered_domain
from bot.cleaner.pagelines import PageLines

__all__ = ["after_story", "own_outlet"]


def own_outlet(page: PageLines) -> str | None:
    """The outlet the table gives the page's URL domain, if any."""
    site = registered_domain(page.url) if page.url else None
    return page.table.by_domain(site[1]) if site else None


def after_story(page: PageLines) -> list[Line]:
    """The first few dropped lines after the story's last paragraph (`closing_credit_lines` of them)."""
    body = page.of_kind("body")
    if not body:
        return []
    after = [line for line, d in page.pairs() if d.kind == "drop" and line.number > body[-1].number]
    return after[: page.settings.closing_credit_lines]
