"""The headline the URL spells: a page whose address ends in the story's title as a slug
(/world/obama-putin-clash-over-assad-58213) prints that title above the story, whatever the layout took
for the headline (a ticker's or a menu's title of another story). The line whose words are the slug's,
above the story's first paragraph, is the headline."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from bot.cleaner.lines import Line
from bot.cleaner.page import Decision

__all__ = ["mark_slug_title"]

_MIN_WORDS = 5  # not tuned: a slug of fewer words ("world-news") spells a section as often as a title
_WORD = re.compile(r"[^\W_]+")


def _slug_words(url: str) -> list[str]:
    """The words of the URL's last path segment, without its extension and trailing ids."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    last = re.sub(r"\.\w{2,5}$", "", segments[-1]) if segments else ""
    words = [w.casefold() for w in re.split(r"[-_+]+", last) if w]
    while words and words[-1].isdigit():
        words.pop()
    return words


def _line_words(text: str) -> list[str]:
    return [w.casefold() for w in _WORD.findall(text.replace("'", "").replace("’", ""))]


def mark_slug_title(lines: Sequence[Line], decisions: list[Decision], url: str | None) -> None:
    """Make (in place) the header line the URL's slug spells the headline; the line taken before it
    was another story's title."""
    slug = _slug_words(url) if url else []
    if len(slug) < _MIN_WORDS:
        return
    body = next((i for i, d in enumerate(decisions) if d.kind == "body"), len(lines))
    headline = next((i for i, d in enumerate(decisions[:body]) if d.kind == "headline"), None)
    for i in range(body):
        if decisions[i].kind in ("drop", "headline") and _line_words(lines[i].text) == slug:
            if i != headline and headline is not None:
                decisions[headline] = Decision("drop", "related-teaser")
                decisions[i] = Decision("headline")
            return
