"""A standfirst printed under the headline's byline or date line rather than right under the headline
("HEADLINE / AGENCY, DATE / One long summary clause without a full stop"): the story's first paragraph
when it reads as one (long, longer than the headline, mostly lower case) and only the byline or the
date line sit between it and the headline (a "Story highlights" label between makes its lines bullets,
and right under the headline the headline's own standfirst rule decides)."""

from __future__ import annotations

from bot.cleaner.lines import is_prose, lowercase_share, word_count
from bot.cleaner.page import Page
from bot.config import CleanerConfig

__all__ = ["is_standfirst", "is_standfirst_under_meta"]

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


def is_standfirst(text: str, headline: str, settings: CleanerConfig) -> bool:
    """A summary printed under a headline of some length (not a tagline under a site name): longer than
    it, in lower case, and long or ending as a sentence does."""
    count = word_count(text)
    sentence = text.endswith(".") and is_prose(text, settings)  # a dek written as a full sentence
    return (
        word_count(headline) >= settings.standfirst_headline_words
        and (count >= settings.standfirst_min_words or sentence)
        and (count > word_count(headline) or count >= settings.standfirst_min_words)
        and lowercase_share(text) >= settings.standfirst_min_lowercase
    )
