"""A page on another edition of a recurring meeting.

Some of an event's keywords name its series ("G20", "G-20"): every edition of the meeting is called so,
and a page on another year's summit names them as often as a page on this one. Without a date in the
event's window, a page whose only words for the event are its series' names (and a bare year) is about a
meeting the event's place and other words never name: it is given no event rather than this one, nor the
runner-up whose words it names less.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from bot.config import Event

__all__ = ["names_only_series"]


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
