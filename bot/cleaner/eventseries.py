"""A page on another edition of a recurring meeting.

Some of an event's keywords name its series ("G20", "G-20"): every edition of the meeting is called so,
and a page on another year's summit names them as often as a page on this one. Without a date in the
event's window, a page whose only words for the event are its series' names (and a bare year) is about a
meeting the event's place and other words never name: it is given no event rather than this one, nor the
runner-up whose words it names less. Unless it names the event's people: an undated page that names the
series alone but `event_people_min` of the configured people (the leaders the coverage is about, and
theirs), and places no summit of the series anywhere ("the G20 summit in Brisbane"), is the event's
coverage, its words the event's keywords (no other edition is named to be about).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.cleaner.eventclues import people_named
from bot.cleaner.eventvenue import places_series_elsewhere
from bot.config import Config, Event

__all__ = ["names_only_series", "series_of_its_people"]


def names_only_series(
    event: Event, clues: Sequence[str], text: str, count: Callable[[str, str], int]
) -> bool:
    """True when the event has series names and the text names it by nothing else (a year is no name)."""
    if not event.series:
        return False
    series = {name.casefold() for name in event.series}
    return not any(
        count(keyword, text)
        for keyword in clues
        if keyword.casefold() not in series and not keyword.isdigit()
    )


def series_of_its_people(event: Event, text: str, count: Callable[[str, str], int], config: Config) -> bool:
    """True when a page naming the event by its series alone is still its coverage: it names
    `event_people_min` configured people and places no summit of the series elsewhere (asked only of an
    undated page: a date outside the window has already ruled the event out)."""
    enough = people_named(text, config, count) >= config.cleaner.event_people_min
    return enough and not places_series_elsewhere(event, text, config.events)
