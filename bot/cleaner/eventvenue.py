"""A page on a meeting held somewhere else: the event it names by its topic is not the one it reports.

An event's keywords include words other meetings share (a series' name, a topic phrase such as "election
meddling", the leaders' names). A page chosen for an event by such words alone (no date in its window)
that places a summit of a configured series elsewhere ("the G20 summit in Osaka") and names that place
more often than the event's city (Helsinki, named once as their last meeting's place) is about that
other meeting: it is given no event. So is a page whose lede is datelined in a place and land that are
neither the event's ("ANTALYA, Turkey —" on a page naming the summit only by its series).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence

from bot.config import Event

__all__ = ["datelined_elsewhere", "names_other_venue", "places_series_elsewhere"]

# where it was held, after the summit's words: " held in Osaka", " at Hangzhou" (a place is capitalised),
# " in the Turkish resort of Antalya", " in the city of Brisbane" (the kind of place, perhaps its land's
# adjective, before "of")
_HELD_IN = (
    r"\s+(?:held\s+|taking place\s+)?(?:in|at)\s+"
    r"(?:the\s+(?:[A-Z][\w'’-]+\s+)?(?:resort|city|town|port|capital)\s+of\s+)?(?P<place>[A-Z][\w'’-]+)"
)
# where a summit of a series was held: "G20 summit in Osaka", "G-20 summit held at Hangzhou"
_VENUE = re.compile(rf"(?P<series>[\w-]+)\s+summits?{_HELD_IN}")
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
    once ("G20 summit in Brisbane", "Group of 20 summit held in Brisbane", "summit of the G20 in
    Brisbane")."""
    names = sorted({name for each in events for name in each.series}, key=len, reverse=True)
    if not names:
        return False
    parts = {part.strip() for part in event.place.split(",") if part.strip()}
    pattern = _series_venue("|".join(re.escape(name) for name in names))
    places = (re.sub(r"['’]s$", "", match.group("place")) for match in pattern.finditer(text))
    return any(place not in parts and place.casefold() not in _CALENDAR for place in places)


def datelined_elsewhere(event: Event, text: str) -> bool:
    """True when the text's first dateline ("PLACE, Land —", the place in capitals, an agency's credit
    in brackets perhaps) names neither the event's place nor its land: the story was filed from
    another meeting's city (a page naming its summit by the series alone reports that one)."""
    dateline = _DATELINE.search(text)
    if dateline is None:
        return False
    parts = {part.strip().casefold() for part in event.place.split(",") if part.strip()}
    named = {dateline.group("place").strip().casefold(), dateline.group("land").strip(" .").casefold()}
    return not named & parts


# "ANTALYA, Turkey —", "BRISBANE, Australia (AP) --" opening a line
_DATELINE = re.compile(
    r"^(?P<place>[A-Z][A-Z.'’ -]{1,30}),\s+(?P<land>[A-Z][\w.'’ -]{1,30}?)\s*(?:\([^()\n]{1,40}\)\s*)?"
    r"(?:[—–]|--)\s",
    re.MULTILINE,
)


# a summit "in September" or "at Monday's session" is placed in time, not elsewhere
_CALENDAR = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)


@functools.lru_cache(maxsize=4)
def _series_venue(names: str) -> re.Pattern[str]:
    """Where a summit of one of the series (an alternation of their names) was held."""
    return re.compile(rf"(?i:\b(?:{names})\s+summits?|\bsummits?\s+of\s+(?:the\s+)?(?:{names})){_HELD_IN}")
