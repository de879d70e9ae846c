"""A transcript's speaker label on a line of its own: "JUDY WOODRUFF:", "• PRESIDENT BARACK OBAMA:".

Broadcast transcripts print each turn's speaker in capitals over the turn's paragraphs. The same label
comes back each time that speaker speaks again, so it is no repeat of a line to drop, and a label opens a
turn: it belongs to the transcript's body even after its last finished paragraph.
"""

from __future__ import annotations

import re

__all__ = ["is_speaker_label"]

_LABEL = re.compile(r"^(?:[•·*–-]\s*)?[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){0,5}(?:, [A-Z][A-Z .'’-]{1,30})?:$")


def is_speaker_label(text: str) -> bool:
    """True for a speaker's name in capitals and a colon, alone on its line (a bullet before it allowed)."""
    return bool(_LABEL.match(text.strip()))
