"""The headline the URL spells: a page whose address ends in the story's title as a slug
(/world/obama-putin-clash-over-assad-58213) prints that title above the story, whatever the layout took
for the headline (a ticker's or a menu's title of another story). The line whose words are the slug's,
above the story's first paragraph, is the headline. A title in Cyrillic is spelled by its slug in Latin
letters (/poroshenko_proviv_zustrich_z_obamoyu_140926.html), read in the common romanisation."""

from __future__ import annotations

import re
from collections.abc import Sequence
from urllib.parse import urlsplit

from bot.cleaner.lines import Line
from bot.cleaner.page import Decision
from bot.cleaner.transliterate import latin_letters

__all__ = ["mark_slug_title"]

_MIN_WORDS = 5  # not tuned: a slug of fewer words ("world-news") spells a section as often as a title
_WORD = re.compile(r"[^\W_]+")
_ID = re.compile(r"[a-z]{0,6}\d{4,}|\d+")


def _slug_words(url: str) -> list[str]:
    """The words of the URL's last path segment, without its extension and trailing ids."""
    segments = [s for s in urlsplit(url).path.split("/") if s]
    last = re.sub(r"\.\w{2,5}$", "", segments[-1]) if segments else ""
    words = [w.casefold() for w in re.split(r"[-_+]+", last) if w]
    while words and _ID.fullmatch(words[-1]):  # an id: "58213", "msna691926" (never "g20")
        words.pop()
    return words


def _spells(slug: list[str], words: list[str]) -> bool:
    """The line's words are the slug's, or open with its first word and hold them all in order with no
    more words left out than the slug has (a slug drops a title's small words: "talks-frosty-start-un"
    for "talks off to a frosty start at UN")."""
    if not words or words[0] != slug[0]:  # a slug opens with its title's first word
        return False
    found = iter(words)
    return all(w in found for w in slug) and len(words) - len(slug) <= len(slug)


def _line_words(text: str) -> list[str]:
    return _WORD.findall(latin_letters(text.replace("'", "").replace("’", "")))


def mark_slug_title(lines: Sequence[Line], decisions: list[Decision], url: str | None) -> None:
    """Make (in place) the header line the URL's slug spells the headline; the line taken before it
    was another story's title."""
    slug = _slug_words(url) if url else []
    if len(slug) < _MIN_WORDS:
        return
    body = next((i for i, d in enumerate(decisions) if d.kind == "body"), len(lines))
    headline = next((i for i, d in enumerate(decisions[:body]) if d.kind == "headline"), None)
    open_lines = [i for i in range(body) if decisions[i].kind in ("drop", "headline")]
    exact = [i for i in open_lines if _line_words(lines[i].text) == slug]
    spelled = exact or [i for i in open_lines if _spells(slug, _line_words(lines[i].text))]
    settled = headline in (spelled[:1] if exact else spelled)  # the first exact copy, or any spelling
    if spelled and headline is not None and not settled:
        decisions[headline] = Decision("drop", "related-teaser")
        decisions[spelled[0]] = Decision("headline")
