"""Two shapes of line that look like a headline and are not one, or not all of one.

A line ending in a colon introduces what follows it ("Here's the translation:" over a quoted
statement, a forum poster's remark over a pasted text): it is a lead-in, never the page's title. A
document database prints its fields with bracketed labels ("[Title] TEXT", "[Date] ..."): the title is
the text after the label.
"""

from __future__ import annotations

import re

__all__ = ["is_lead_in", "without_field_label"]

_LEAD_IN = re.compile(r"[^:\s]\s*:$")
_FIELD_LABEL = re.compile(r"^\s*\[(?:title|headline|subject)\]\s*", re.IGNORECASE)


def is_lead_in(text: str) -> bool:
    """A line that ends in a colon: it introduces the lines under it."""
    return _LEAD_IN.search(text.rstrip()) is not None


def without_field_label(title: str) -> str:
    """A title without a database's bracketed field label before it."""
    return _FIELD_LABEL.sub("", title, count=1) or title
