"""A standfirst printed under the headline's byline or date line rather than right under the headline
("HEADLINE / AGENCY, DATE / One long summary clause without a full stop"): the story's first paragraph
when it reads as one (long, longer than the headline, mostly lower case) and only the byline or the
date line sit between it and the headline (a "Story highlights" label between makes its lines bullets,
and right under the headline the headline's own standfirst rule decides)."""

from __future__ import annotations

from bot.cleaner.lines import lowercase_share, word_count
from bot.cleaner.page import Page

__all__ = ["is_standfirst_under_meta"]

_BETWEEN = frozenset({"byline", "dateline"})


def is_standfirst_under_meta(page: Page, i: int, headline: int | None) -> bool:
    """Line i is a standfirst under the headline's byline or date line."""
    if headline is None or i <= headline:
        return False
    between = [page.decisions[j] for j in range(headline + 1, i) if not page.lines[j].blank]
    if not between or not all(d is not None and d.kind in _BETWEEN for d in between):
        return False
    text, title = page.lines[i].text, page.lines[headline].text
    count = word_count(text)
    settings = page.settings
    return (
        word_count(title) >= settings.standfirst_headline_words
        and count >= settings.standfirst_min_words
        and count > word_count(title)
        and lowercase_share(text) >= settings.standfirst_min_lowercase
    )
