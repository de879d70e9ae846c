"""The publication date a reader sees against the one the markup states for machines.

A page's `<time datetime="2015-09-29T02:14:00Z">September 28, 2015 10:14 PM</time>` prints its local date
while the attribute (and the JSON-LD and meta tags, written from the same clock) give UTC: the day differs
by the time zone. The date printed on the page is the publication date a reader would cite, so when a
`<time>` element's visible date is a day off its own machine stamp's, the visible one is taken; so too
when the element's stamp carries its zone's offset, its instant falls on the stated UTC day, and it prints
its own local day (the JSON-LD in UTC on the 29th, the `<time>` at 22:14 -04:00 on the 28th).
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

from bot.cleaner.dates import find_date, is_update_word

__all__ = ["shown_date"]

_ISO_DAY = re.compile(r"\s*(\d{4}-\d{2}-\d{2})")
_ZONE_DAYS = 1  # not a threshold: a time zone moves a clock's date by at most one day


def shown_date(tree: Any, stated: tuple[str, str]) -> tuple[str, str]:
    """The stated (day, evidence), or the day a `<time>` element shows beside the same machine stamp."""
    for node in tree.xpath("//body//time[@datetime]"):
        stamp = _ISO_DAY.match(node.get("datetime") or "")
        shown = " ".join(node.text_content().split())
        if stamp is None or not shown or is_update_word(shown):
            continue
        if stamp.group(1) != stated[0]:
            local = _local_day(node.get("datetime") or "", stated[0], shown)
            if local is not None:
                return local, f"<time> shows {shown} ({stated[1]})"
            continue
        found = find_date(shown)
        if found is None:
            return stated
        try:
            gap = abs((found.date - dt.date.fromisoformat(stamp.group(1))).days)
        except ValueError:
            return stated
        if 0 < gap <= _ZONE_DAYS:
            return found.date.isoformat(), f"<time> shows {shown} ({stated[1]})"
        return stated
    return stated


def _local_day(stamp: str, stated: str, shown: str) -> str | None:
    """A `<time>` stamp with its zone's offset ("2015-09-28T22:14:00-04:00") whose instant falls on the stated
    UTC day, printing its own local day: that local day (the page's clock, as a reader sees it)."""
    try:
        moment = dt.datetime.fromisoformat(stamp.strip())
    except ValueError:
        return None
    if moment.tzinfo is None or moment.astimezone(dt.UTC).date().isoformat() != stated:
        return None
    found = find_date(shown)
    return found.date.isoformat() if found is not None and found.date == moment.date() else None
