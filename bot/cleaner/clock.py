"""A page's clock is no publication date: a date line well after the date in the page's URL.

A URL's path date is minted when the story is published and never moves; a page printed later carries
the day it was shown ("Saturday, February 17, 2018" over a 2016 story). A date read from the page that
falls more than `url_date_slack_days` after a full date in the URL's path is such a clock, and the URL's
date is the publication date. (An update stamp is read apart, as `updated`.)
"""

from __future__ import annotations

import datetime as dt

from bot.cleaner.dates import url_date
from bot.cleaner.pagelines import Found
from bot.config import CleanerConfig

__all__ = ["url_over_clock"]


def url_over_clock(found: Found | None, url: str | None, settings: CleanerConfig) -> Found | None:
    """The publication date read from the page, or the URL's date when the page's is a later clock."""
    in_url = url_date(url) if url and found is not None else None
    if found is None or in_url is None:
        return found
    slack = dt.timedelta(days=settings.url_date_slack_days)
    if dt.date.fromisoformat(found.value) > in_url.date + slack:
        return Found(
            in_url.date.isoformat(), f"URL path {in_url.source} (the page's {found.evidence!r} is later)"
        )
    return found
