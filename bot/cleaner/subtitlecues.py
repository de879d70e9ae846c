"""A video page's subtitle transcript: each cue under its bracketed timecode ("[00:00:11]").

The timecode lines are the player's chrome, the cue under each is what was said: body, speaker label
and all, short ones too ("REPORTER: Yes.") and the reporter's spoken sign-off ("NAME, NETWORK, PLACE."),
which is no sentence of prose and would otherwise fall after the story's end. A cue is the line right
under a timecode of a run (another timecode within two lines), so a lone bracketed time is only chrome.
"""

from __future__ import annotations

import re

from bot.cleaner.page import Page

__all__ = ["CUE_PATTERNS", "keep_subtitle_cues"]

_STAMP = r"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?"
CUE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("timecode", re.compile(rf"^\[{_STAMP}\]$")),
    ("timecode", re.compile(rf"^{_STAMP}\s*-->\s*{_STAMP}$")),  # a subtitle file's "00:00:03,000 --> ..."
)
_RUN_LINES = 2  # not a threshold: a cue is one line, so the next timecode is two lines on


def keep_subtitle_cues(page: Page, start: int, end: int) -> int:
    """Lay out the cue under each timecode of a run, from the body's start on, as body; the body's new
    last line (end itself when no cue lies past it)."""
    stamps = [i for i in range(start, len(page.lines)) if page.reason(i) == "timecode"]
    if not stamps:
        return end
    filled = [i for i in range(len(page.lines)) if not page.lines[i].blank]
    place = {i: n for n, i in enumerate(filled)}
    for n, stamp in enumerate(stamps):
        near = [s for s in stamps[max(0, n - 1) : n + 2] if s != stamp]
        if not any(abs(place[s] - place[stamp]) <= _RUN_LINES for s in near):
            continue
        cue = page.next_filled(stamp)
        decision = page.decisions[cue] if cue is not None else None
        if cue is None or page.reason(cue) == "timecode":
            continue
        if decision is None or decision.kind == "subheading":
            page.set(cue, "body")
            end = max(end, cue)
    return end
