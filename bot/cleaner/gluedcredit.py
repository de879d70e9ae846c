"""A paragraph with an agency's acronym glued after its final sentence: "... by political means. PNA",
"... to resist protectionism. — AFP" (after a dash), "... — AFP." (closed with a full stop).

Client sites paste an agency's story with the agency's sign-off left on the last paragraph's line. The
line no longer ends as a sentence does, yet it is the story's last paragraph (and the acronym its wire).
"""

from __future__ import annotations

import re

from bot.cleaner.lines import is_prose
from bot.config import CleanerConfig

__all__ = ["GLUED_ACRONYM", "is_prose_with_glued_credit", "is_sign_off"]

GLUED_ACRONYM = re.compile(r"[.!?][\"”’)]?\s+(?:[—–-]\s*)?(?P<name>[A-Z]{2,8})\.?\s*$")


def is_prose_with_glued_credit(text: str, settings: CleanerConfig) -> bool:
    """True when the text is prose once a capitals acronym after its final full stop is left off."""
    match = GLUED_ACRONYM.search(text)
    return match is not None and is_prose(text[: match.start("name")].rstrip(), settings)


def is_sign_off(text: str, start: int, end: int) -> bool:
    """True when text[start:end] is only the acronym glued after a paragraph's final sentence: no
    sentence of the story, so it is never indexed (the paragraph's text keeps it, offsets unchanged)."""
    match = GLUED_ACRONYM.search(text)
    return match is not None and text[start:end].strip() == match.group("name") and end >= match.end("name")
