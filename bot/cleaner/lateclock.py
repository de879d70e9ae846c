"""A site's clock at the top of the page, long after the meeting the page reports.

Many sites print the day the page is shown in their header, above the headline ("Wednesday, April 24,
2024" over a story on a 2016 summit). With no date in the URL to expose it (see `clock`), the clock is
told by evidence that combines: it is a line of nothing but a date (or a line of chrome that carries one:
a weather widget's "DATE-Weekday", a sidebar's dated teaser), it sits above the headline, and it
falls at least `top_clock_after_event_days` after the window of the one event the page's own words name
(or, when they name no one event for sure, of the latest event whose keywords they name).
Such a date is no publication date: the page is undated, and its event comes from its words.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from bot.cleaner.dates import is_date_only, url_date
from bot.cleaner.layout import KEPT_KINDS
from bot.cleaner.pagelines import Found, PageLines
from bot.config import Config

__all__ = ["late_top_clock"]


def late_top_clock(
    date: Found | None,
    page: PageLines,
    config: Config,
    named_event: Callable[[], Found | None],
) -> Found | None:
    """The publication date, or None when it was read from a bare date line above the headline that
    falls long after the window of the event the page names (`named_event`: the event its words name,
    read without a date)."""
    if date is None or (page.url and url_date(page.url) is not None):
        return date
    headline = next((line.number for line in page.of_kind("headline")), None)
    # the date's line: nothing but a date, or chrome carrying one (a widget's "DATE-Weekday", a sidebar's
    # "TITLE - DATE" teaser) that the story's lines never keep
    top = [
        line
        for line, decision in list(page.pairs())[: (headline or 1) - 1]
        if line.text.strip() == date.evidence.strip()
        and (is_date_only(line.text) or decision.kind not in KEPT_KINDS)
    ]
    if headline is None or not top:
        return date
    event = named_event()
    window = next((e for e in config.events if event is not None and e.id == event.value), None)
    if window is None:
        return date
    gap = dt.timedelta(days=config.cleaner.event_slack_days + config.cleaner.top_clock_after_event_days)
    return None if dt.date.fromisoformat(date.value) >= window.end + gap else date
