"""A page on another edition of a recurring meeting.

Some of an event's keywords name its series ("G20", "G-20"): every edition of the meeting is called so,
and a page on another year's summit names them as often as a page on this one. Without a date in the
event's window, a page whose only words for the event are its series' names (and a bare year) is about a
meeting the event's place and other words never name: it is given no event rather than this one, nor the
runner-up whose words it names less. Unless it names the event's people: an undated page that names the
series alone but `event_people_min` of the configured people (the leaders the coverage is about, and
theirs), and places no summit of the series anywhere ("the G20 summit in Brisbane") nor is datelined
in another place and land ("ANTALYA, Turkey —"), is the event's
coverage, its words the event's keywords (no other edition is named to be about).

A yearly meeting's next edition falls on the same days a year later (an annual assembly opens each
September): a page dated inside the event's own days of a later year reports that year's edition, the
event's words naming the meeting of its own day, unless it names the event's year (a look back says
when). Nor is such a page another event's because it is dated in that one's window and names its people
(`people_in_window`): naming none of that event's words, it reports the people meeting again at the
yearly meeting's next edition.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping, Sequence

from bot.cleaner.eventclues import people_named
from bot.cleaner.eventvenue import datelined_elsewhere, places_series_elsewhere
from bot.config import Config, Event

__all__ = ["later_edition_day", "meets_at_later_edition", "names_only_series", "series_of_its_people"]


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
    `event_people_min` configured people, places no summit of the series elsewhere and is filed from no
    other place and land (asked only of an
    undated page: a date outside the window has already ruled the event out)."""
    enough = people_named(text, config, count) >= config.cleaner.event_people_min
    elsewhere = places_series_elsewhere(event, text, config.events) or datelined_elsewhere(event, text)
    return enough and not elsewhere


def later_edition_day(event: Event, day: dt.date, text: str, count: Callable[[str, str], int]) -> bool:
    """True when the day falls inside the event's own days of a later year and the text never names the
    event's year: the page reports that year's edition of the meeting."""
    years = range(event.start.year + 1, day.year + 1)
    inside = any(_shifted(event.start, y) <= day <= _shifted(event.end, y) for y in years)
    return inside and not count(str(event.start.year), text)


def _shifted(day: dt.date, year: int) -> dt.date:
    """The same month and day in another year (Feb. 29 falls back to Feb. 28)."""
    try:
        return day.replace(year=year)
    except ValueError:
        return day.replace(year=year, day=28)


def meets_at_later_edition(
    event_id: str,
    day: dt.date,
    text: str,
    *,
    count: Callable[[str, str], int],
    events: Sequence[Event],
    clues: Mapping[str, Sequence[str]],
) -> bool:
    """True when the text names none of the event's words (no year) but another event's, and the day
    is inside that other event's own days of a later year: its next edition, not this event."""

    def names(other: str) -> bool:
        return any(count(k, text) for k in clues[other] if not k.isdigit())

    return not names(event_id) and any(
        e.id != event_id and names(e.id) and later_edition_day(e, day, text, count) for e in events
    )
