"""Date stamps in shapes the other readers do not take: a date and a clock before the writer's name,
"29-09-2015 15:11 | Jane Roe" (a byline whose credit follows the date), read by `bylines`."""

from __future__ import annotations

import re

from bot.cleaner.dates import DateMatch, find_date

__all__ = ["is_dated_credit"]

# after the date: a clock, then a bar or a dash, then one to four capitalised words (a writer's name)
_AFTER = re.compile(
    r"^,?\s*(?:\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*(?:[A-Z]{2,4})?)?\s*[|/•·–—-]\s*"
    r"(?P<name>[^\W\d_][\w.'’-]*(?:\s+[^\W\d_][\w.'’-]*){0,3})$",
    re.IGNORECASE,
)


def is_dated_credit(text: str, found: DateMatch | None = None) -> bool:
    """A date opening the line, perhaps a clock, then a bar and a capitalised name (`found`: the line's
    date when the caller has read it)."""
    found = found or find_date(text)
    if found is None or text.find(found.source) > 1:
        return False
    after = _AFTER.match(text[text.find(found.source) + len(found.source) :])
    return after is not None and all(word[0].isupper() for word in after.group("name").split())
