"""Which configured event a page covers: the one whose window holds its date and whose name or place it
mentions, else the one whose keywords it names most, with the guards against another edition of the same
meeting, a later page looking back, and a meeting placed elsewhere.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence

from bot.cleaner.dates import without_category_stamps
from bot.cleaner.eventclues import (
    event_clues,
    event_windows,
    mentions,
    names_only_region,
    people_in_window,
)
from bot.cleaner.eventseries import (
    later_edition_day,
    meets_at_later_edition,
    names_only_series,
    series_of_its_people,
)
from bot.cleaner.eventvenue import names_other_venue
from bot.cleaner.meetingday import meeting_day_event
from bot.cleaner.pagelines import Found
from bot.cleaner.statedwindow import states_date_within
from bot.config import Config

__all__ = ["find_event", "latest_named_event"]


def find_event(
    date: str | None, texts: Sequence[str], config: Config, url: str | None = None
) -> Found | None:
    """The event whose date window holds the date and whose name or place the text mentions at least
    once, else the one whose keywords the text names most (a page on another subject has neither), never
    one that began well after the page was published, nor one that ended before it unless the page names
    its place. Without a date, the month in the URL's path (/2013/09/) bounds when it was published."""
    text = "\n".join(texts)
    clues = event_clues(config)
    if date:
        day = dt.date.fromisoformat(date)
        for event, (start, end) in zip(config.events, event_windows(config), strict=True):
            named = any(mentions(k, text) for k in clues[event.id] if not k.isdigit())
            if start <= day <= end and named:
                return Found(event.id, f"date {date} within {event.start}..{event.end}")
        dated = people_in_window(day, event_windows(config), text, config, mentions)
        if dated is not None and not meets_at_later_edition(
            dated, day, text, count=mentions, events=config.events, clues=clues
        ):
            return Found(dated, f"date {date} in its window, naming its people")
    span = _published_span(date, url)
    lead = dt.timedelta(days=config.cleaner.event_preview_days)
    scores = {
        event.id: sum(mentions(keyword, text) for keyword in clues[event.id])
        for event, (_, end) in zip(config.events, event_windows(config), strict=True)
        if any(mentions(k, text) for k in clues[event.id] if not k.isdigit())  # a year alone is no clue
        and not names_only_region(event.place, clues[event.id], text, mentions)
        # well before it began (a preview is not, nor an announcement stating its days)
        and not (span and span[1] + lead < event.start and not states_date_within(text, event.start, end))
        # after it: its generic keywords ("G20", "summit") may name a later edition; its place may not,
        # unless the headline is of another meeting and names none of its clues (a look back)
        and not (span and span[0] > end and not _names_it_after(event.place, clues[event.id], texts))
        and not (date and span and later_edition_day(event, span[0], text, mentions))  # next year's edition
    }
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    ranked = _headline_first(ranked, texts[0] if texts else "", config)
    if not ranked and date is None and span is None:  # no event's words: perhaps the day its people meet
        met = meeting_day_event(texts, config, mentions)
        return Found(met, "the day its people meet, in its days") if met else None
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    top = next(event for event in config.events if event.id == ranked[0][0])
    if names_only_series(top, clues[top.id], text, mentions) and not (
        date is None and series_of_its_people(top, text, mentions, config)
    ):  # another edition of the meeting
        return None
    if names_other_venue(
        top, text, mentions, config.events
    ):  # "the G20 summit in Osaka" first, Helsinki later
        return None
    return Found(ranked[0][0], f"keywords: {ranked[0][1]} mentions")


def _names_it_after(place: str, clues: list[str], texts: Sequence[str]) -> bool:
    """A page published after an event (its window past) is about it when it names its place in its
    headline or lede, or names it further down under a headline naming one of its clues: a later page on
    something else that names the place only further down looks back to it. The first text is the
    headline, "" when the page has none (a lede naming a clue is no headline naming it). A headline
    placing the page's meeting elsewhere, named more often than the event's city, is on another meeting."""
    city = place.split(",", maxsplit=1)[0].strip()
    everything = "\n".join(texts)
    if not mentions(city, everything):
        return False
    heading = texts[0] if texts else ""
    if _meeting_elsewhere(heading, city, clues, everything):
        return False  # "... since New York in September": the event's city named as a look back
    return any(mentions(city, text) for text in texts[:2]) or any(
        mentions(k, heading) for k in clues if not k.isdigit()
    )


def _meeting_elsewhere(heading: str, city: str, clues: list[str], text: str) -> bool:
    """The headline places the page's meeting somewhere that is none of the event's clues, and the page
    names that place more often than the event's city."""
    at = _MEETING_AT.search(heading)  # "... talks at Paris climate summit"
    place = at.group("place") if at else ""
    own = any(place.casefold() == k.casefold() for k in clues)
    return bool(place) and not own and mentions(place, text) > mentions(city, text)


# a headline placing its meeting: "talks at Paris climate summit", "meet in Lima at APEC forum"
_MEETING_AT = re.compile(
    r"\b(?:at|in)\s+(?P<place>[A-Z][\w'’-]+)\b[^.]{0,30}?\b(?:summit|conference|meeting|forum)\b"
)


def _headline_first(ranked: list[tuple[str, int]], heading: str, config: Config) -> list[tuple[str, int]]:
    """Events tied for the most mentions: the one the headline (the first text) names, when it names
    one alone by a word of its own (no year, no series name every edition shares), is the page's
    subject, put first with one mention more."""
    clues = event_clues(config)
    series = {e.id: {name.casefold() for name in e.series} for e in config.events}
    tied = [event for event, score in ranked if score == ranked[0][1]]
    named = [
        e
        for e in tied
        if any(mentions(k, heading) for k in clues[e] if not k.isdigit() and k.casefold() not in series[e])
    ]
    if len(tied) < 2 or len(named) != 1:  # noqa: PLR2004 - a tie is two or more
        return ranked
    return [(named[0], ranked[0][1] + 1), *((e, s) for e, s in ranked if e != named[0])]


def latest_named_event(texts: Sequence[str], config: Config) -> Found | None:
    """Of the events whose keywords the text names (a year alone is no clue), the one that ended last:
    a page on another edition of a meeting (another year's G20) names the series, never one edition."""
    text = "\n".join(texts)
    clues = event_clues(config)
    named = [e for e in config.events if any(mentions(k, text) for k in clues[e.id] if not k.isdigit())]
    latest = max(named, key=lambda e: e.end, default=None)
    return Found(latest.id, f"keywords of {latest.id}, the latest edition named") if latest else None


_URL_MONTH = re.compile(r"/((?:19|20)\d{2})[/-](0[1-9]|1[0-2])(?=[/-])")


def _published_span(date: str | None, url: str | None) -> tuple[dt.date, dt.date] | None:
    """The first and last day the page may have been published: its date, else the URL's month."""
    if date:
        day = dt.date.fromisoformat(date)
        return day, day
    month = _URL_MONTH.search(without_category_stamps(url or ""))
    if month is None:
        return None
    first = dt.date(int(month.group(1)), int(month.group(2)), 1)
    following = dt.date(first.year + first.month // 12, first.month % 12 + 1, 1)
    return first, following - dt.timedelta(days=1)
