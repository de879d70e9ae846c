"""A story's date stamp split over two lines: the month and day on one ("September 22"), its clock and
year on the next ("16:55 2015"). The pair is one full date, the story's own (a page-header clock above
the headline is then the site's); the layout marks the first line a dateline and the second chrome."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.cleaner.dates import is_yearless_date_only

__all__ = ["stamp_year"]

# nothing but a clock and a year, or a year alone: "16:55 2015", "4:05 pm 2016", "2015"
_CLOCK_YEAR = re.compile(
    r"^(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s+)?(?P<year>(?:19|20)\d{2})$", re.IGNORECASE
)


def stamp_year(texts: Sequence[str], i: int) -> int | None:
    """The year of the yearless date line texts[i], when the next filled line holds only a clock and a
    year; None otherwise."""
    if not is_yearless_date_only(texts[i]):
        return None
    following = next((text.strip() for text in texts[i + 1 :] if text.strip()), "")
    match = _CLOCK_YEAR.match(following)
    return int(match.group("year")) if match else None
