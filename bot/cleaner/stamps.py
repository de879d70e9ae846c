"""An update stamp that also gives the first publication: "Updated: DATE | Created: DATE" dates the page
by the part after its publication word; the stamp's own date stays the `updated` one."""

from __future__ import annotations

import re

from bot.cleaner.dates import is_update_stamp

__all__ = ["published_part"]

_PUBLISHED = re.compile(r"\b(?:created|published|posted)\b\s*:?\s*(?:on\s+)?", re.IGNORECASE)


def published_part(text: str) -> str | None:
    """The text after the publication word of an update stamp line, or None for any other line."""
    word = _PUBLISHED.search(text) if is_update_stamp(text) else None
    return text[word.end() :] if word else None
