"""A programme page's notes around its story: the list of guests under a "Guests:" label ("NAME, role"
one a line) and a note pointing at the player ("(The full interview is available in the audio above.)").

The guests' names and roles introduce the programme; they are no sentence of its report or transcript.
"""

from __future__ import annotations

import re

from bot.cleaner.page import Page

__all__ = ["PROGRAMME_PATTERNS", "mark_guest_list"]

_I = re.IGNORECASE
_GUESTS = re.compile(
    r"^(?:(?:studio |our )?guests?|panel(?:ists)?|participants|in this (?:episode|programme))\s*:$", _I
)
# "Wang Jun, researcher at the China Institute of International Studies": a name, a comma, a role
_GUEST = re.compile(r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}, (?:a |an |the )?[a-z][^.!?]{3,140}$")

PROGRAMME_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "media-player",
        re.compile(
            r"^\(?(?:the )?full (?:interview|episode|programme|program|conversation|discussion|show) is "
            r"available\b.{0,60}\)?$",
            _I,
        ),
    ),
)


def mark_guest_list(page: Page) -> None:
    """A "Guests:" label and the "NAME, role" lines right under it are chrome."""
    for i, line in enumerate(page.lines):
        if not _GUESTS.match(line.text) or not page.open(i):
            continue
        page.set(i, "drop", "programme-notes")
        for j in range(i + 1, len(page.lines)):
            if page.lines[j].blank:
                continue
            if not _GUEST.match(page.lines[j].text) or not page.open(j):
                break
            page.set(j, "drop", "programme-notes")
