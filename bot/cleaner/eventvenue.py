"""A page on a meeting held somewhere else: the event it names by its topic is not the one it reports.

An event's keywords include words other meetings share (a series' name, a topic phrase such as "election
meddling", the leaders' names). A page chosen for an event by such words alone (no date in its window)
that places a summit of a configured series elsewhere ("the G20 summit in Osaka") and names that place
more often than the event's city (Helsinki, named once as their last meeting's place) is about that
other meeting: it is given no event.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from bot.config import Event

__all__ = ["names_other_venue", "places_series_elsewhere"]

# where a summit of a series was held: "G20 summit in Osaka", "G-20 summit held at Hangzhou"
_VENUE = re.compile(
    r"(?P<series>[\w-]+)\s+summits?\s+(?:held\s+|taking place\s+)?(?:in|at)\s+(?P<place>[A-Z][\w'’-]+)"
)
_LEAST_MENTIONS = 2  # a definition: named once, a place may be the last meeting's; twice, it is the page's


def names_other_venue(
    event: Event, text: str, count: Callable[[str, str], int], events: Sequence[Event]
) -> bool:
    """True when a summit of a configured series (any of `events`') the text places elsewhere ("G20
    summit in PLACE", neither the event's city nor its region) is named twice at least, and more often
    than the event's city."""
    series = {name.casefold() for each in events for name in each.series}
    parts = [part.strip() for part in event.place.split(",") if part.strip()]
    own = count(parts[0], text) if parts else 0
    venues = {
        match.group("place") for match in _VENUE.finditer(text) if match.group("series").casefold() in series
    } - set(parts)
    return any(count(venue, text) >= max(own + 1, _LEAST_MENTIONS) for venue in venues)


def places_series_elsewhere(event: Event, text: str, events: Sequence[Event]) -> bool:
    """True when the text places a summit of a configured series anywhere but the event's place, even
    once ("G20 summit in Brisbane")."""
    series = {name.casefold() for each in events for name in each.series}
    parts = {part.strip() for part in event.place.split(",") if part.strip()}
    return any(
        match.group("place") not in parts
        for match in _VENUE.finditer(text)
        if match.group("series").casefold() in series
    )
