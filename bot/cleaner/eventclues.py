"""Which of an event's keywords are evidence for it, and the dated page that names only its people.

The wider region of an event's place (its country) is no clue alone either: a page naming only the host
country may be on anything its leader did.

A single lower-case word among an event's keywords ("summit", "talks") is a common noun every meeting's
coverage uses: alone it names no event, so it is no clue (a phrase such as "election meddling" or a
proper name is). People are no clue either (a person attends many meetings), but a page dated inside
one event's window that names three of the configured people is that event's coverage, though it never
names the place (two are too few: a state visit inside the window names its host and guest).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence

from bot.config import Config

__all__ = ["is_common_word", "names_only_region", "people_in_window", "people_named"]


def is_common_word(keyword: str) -> bool:
    """True for a one-word, all-lower-case keyword: a common noun, not a name of the event."""
    return keyword.islower() and keyword.isalpha()


def names_only_region(place: str, clues: Sequence[str], text: str, count: Callable[[str, str], int]) -> bool:
    """True when the only clues the text names are the wider region of the event's place ("China" of
    "Hangzhou, China"): a country hosts many meetings, and a page on its leader's speech elsewhere names
    it as often as one on the summit it hosted."""
    region = {part.strip().casefold() for part in place.split(",")[1:]}
    named = [k for k in clues if not k.isdigit() and count(k, text)]
    return bool(named) and all(k.casefold() in region for k in named)


def people_in_window(
    day: dt.date,
    windows: Sequence[tuple[dt.date, dt.date]],
    text: str,
    config: Config,
    count: Callable[[str, str], int],
) -> str | None:
    """The one event whose window holds the day, when the text names enough configured people."""
    inside = [e.id for e, (start, end) in zip(config.events, windows, strict=True) if start <= day <= end]
    if len(inside) != 1:
        return None
    return inside[0] if people_named(text, config, count) >= config.cleaner.event_people_min else None


def people_named(text: str, config: Config, count: Callable[[str, str], int]) -> int:
    """How many of the configured people the text names (by name or alias)."""
    return sum(
        1
        for entity in config.entities
        if entity.kind == "person" and any(count(n, text) for n in (entity.name, *entity.aliases))
    )
