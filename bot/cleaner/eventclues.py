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
import functools
import re
from collections.abc import Callable, Sequence

from bot.cleaner.lines import is_unspaced
from bot.cleaner.prefilter import lowered
from bot.cleaner.transliterate import latin_letters
from bot.config import Config

__all__ = [
    "event_clues",
    "event_windows",
    "is_common_word",
    "mentions",
    "names_only_region",
    "people_in_window",
    "people_named",
]


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
    """How many of the configured people the text names (by name or alias, or in Cyrillic by a surname
    in any of its cases: "Путина", "Обамы")."""
    words = _cyrillic_words(text)
    return sum(
        1
        for entity in config.entities
        if entity.kind == "person"
        and (
            any(count(n, text) for n in (entity.name, *entity.aliases))
            or any(_declined(n, words, config.cleaner.case_endings) for n in (entity.name, *entity.aliases))
        )
    )


_STEM_LETTERS = 5  # not tuned: a shorter surname's stem ("Ban", "Modi") is a common word's as often
_CYRILLIC_RUN = re.compile(r"[\u0400-\u04ff]+")


@functools.lru_cache(maxsize=8)
def _cyrillic_words(text: str) -> frozenset[str]:
    """The text's Cyrillic words in Latin letters (none for a text in another script)."""
    return frozenset(latin_letters(word) for word in _CYRILLIC_RUN.findall(text))


def _declined(name: str, words: frozenset[str], endings: Sequence[str]) -> bool:
    """A one-word surname of five letters or more, its last vowel dropped, alone or with a case ending
    among the words (the endings are config data: `cleaner.case_endings`, in Latin letters)."""
    if not words or " " in name or len(name) < _STEM_LETTERS or not name.isalpha():
        return False
    low = name.casefold()
    stem = low[:-1] if low[-1] in "aeiouy" else low
    return stem in words or any(stem + ending in words for ending in endings)


def event_windows(config: Config) -> list[tuple[dt.date, dt.date]]:
    """Every event's date window, widened by the cleaner's slack after its end."""
    slack = dt.timedelta(days=config.cleaner.event_slack_days)
    return [(e.start, e.end + slack) for e in config.events]


def event_clues(config: Config) -> dict[str, list[str]]:
    """Each event's keywords but the names of people: a person attends many meetings, so a name that an
    event's keywords list ("Putin") is no evidence of that event over another."""
    people = {n.casefold() for e in config.entities if e.kind == "person" for n in (e.name, *e.aliases)}
    return {
        event.id: [k for k in event.keywords if k.casefold() not in people and not is_common_word(k)]
        for event in config.events
    }


@functools.lru_cache(maxsize=256)
def mentions(keyword: str, text: str) -> int:
    """Whole-word mentions; acronyms and numbers ("UN", "G20", "2015") must match their case exactly.
    Kept (a page's text is counted for the same keyword up to three times), and a keyword the text does
    not hold is not searched for (see bot/cleaner/prefilter.py for the lower-cased test). A keyword in a
    script written without spaces (Chinese "紐約") has no word edges to look for: every occurrence counts."""
    if is_unspaced(keyword):
        return text.count(keyword)
    flags = 0 if keyword.upper() == keyword else re.IGNORECASE
    spelled = re.escape(keyword)
    dotted = keyword.isalpha() and keyword.isupper() and len(keyword) > 1  # "UN" is also written "U.N."
    if flags == 0 and keyword not in text and not (dotted and ".".join(keyword) + "." in text):
        return 0
    if flags and keyword.isascii() and (low := _lowered_text(text)) and keyword.lower() not in low:
        return 0
    if dotted:
        spelled += "|" + r"\.".join(keyword) + r"\."
    return len(re.findall(rf"(?<![\w-])(?:{spelled})(?![\w-])", text, flags))


@functools.lru_cache(maxsize=8)
def _lowered_text(text: str) -> str:
    return lowered(text)
