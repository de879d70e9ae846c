"""A video page's notes about the video: a link to the whole programme ("Watch the Full Episode") and a
credit for the pictures it used ("This video includes visuals from C-SPAN."). Neither is the story's
text (read by `patterns`)."""

from __future__ import annotations

import re

__all__ = ["VIDEO_NOTE_PATTERNS"]

_I = re.IGNORECASE

VIDEO_NOTE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "media-player",
        re.compile(r"^(?:watch|listen to) (?:the )?full (?:episode|show|program(?:me)?|interview)$", _I),
    ),
    (
        "photo-credit",
        re.compile(
            r"^this (?:video|clip|report|story) (?:includes?|contains?|features?|uses?) (?:\w+ )?"
            r"(?:visuals|images|footage|clips|video|pictures|material)\s+(?:from|by|courtesy of)\b.{1,60}$",
            _I,
        ),
    ),
)
