"""A stamp row that opens with the story's date: "2016年9月6日 08:45 | SOURCE | Editor: NAME".

Sites print the date, the source and the editor on one row under the headline, split by bars; the row
is a byline (read by `bylines`), so its date is the story's, not a clock's. At least one field names its
role ("Editor:", "Source:", "Author:"), which a menu of section names never does.
"""

from __future__ import annotations

import re

from bot.cleaner.dates import find_date

__all__ = ["is_date_row"]

_CLOCK = re.compile(r"^,?\s*(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$", re.I)
_FIELD = re.compile(
    r"^(?:(?P<role>editor|source|author|reporter|writer)\s*[:：]\s*)?[^\W\d_][\w.'’ -]{0,40}$", re.I
)
_MOST_FIELDS = 4  # not a threshold: a date row names a source, an editor, a writer, a section at most


def is_date_row(text: str) -> bool:
    """A date opening the line, perhaps a clock, then bar-split short fields, one with a role label."""
    found = find_date(text) if "|" in text else None  # the bars first: most lines have none
    if found is None or text.find(found.source) > 1:
        return False
    head, *fields = (part.strip() for part in text[text.find(found.source) + len(found.source) :].split("|"))
    if not _CLOCK.match(head) or not 1 <= len(fields) <= _MOST_FIELDS:
        return False
    matches = [_FIELD.match(field) for field in fields]
    return all(matches) and any(m.group("role") for m in matches if m)
