"""Two shapes of line that look like a headline and are not one, or not all of one.

A line ending in a colon introduces what follows it ("Here's the translation:" over a quoted
statement, a forum poster's remark over a pasted text): it is a lead-in, never the page's title. A
document database prints its fields with bracketed labels ("[Title] TEXT", "[Date] ..."), a forum
archive's text-only view its thread's title after "View Full Version :": the title is the text after the
label.

A lead-in printed right over the story's first paragraph belongs to the story (a poster's "Here is the
readout they gave:" over the pasted text), even when the header pass took the lines above the story
for the page's header. A caption printed twice, the second time with the site's name after a dash
("TEXT - Site"), looks like a "Headline - Site" title and is none.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.cleaner.lines import Line, word_count
from bot.cleaner.page import Decision

__all__ = ["LEAD_IN_MIN_WORDS", "is_lead_in", "keep_lead_in", "repeats_caption", "without_field_label"]

_LEAD_IN = re.compile(r"[^:\s]\s*:$")
# a database's "[Title] TEXT"; a forum archive's text-only view, "View Full Version : THREAD TITLE"
_FIELD_LABEL = re.compile(r"^\s*(?:\[(?:title|headline|subject)\]|view full version\s*:)\s*", re.IGNORECASE)


def is_lead_in(text: str) -> bool:
    """A line that ends in a colon: it introduces the lines under it."""
    return _LEAD_IN.search(text.rstrip()) is not None


def without_field_label(title: str) -> str:
    """A title without a database's bracketed field label (or a forum archive's label) before it."""
    return _FIELD_LABEL.sub("", title, count=1) or title


LEAD_IN_MIN_WORDS = 3  # not a threshold: "Comments:", "Share this:" are labels, no lead-in


def keep_lead_in(lines: Sequence[Line], decisions: list[Decision]) -> None:
    """Keep (in place) a lead-in the header pass dropped right over the story's first paragraph."""
    first = next((i for i, d in enumerate(decisions) if d.kind == "body"), None)
    above = next((i for i in range(first - 1, -1, -1) if not lines[i].blank), None) if first else None
    if above is None or decisions[above] != Decision("drop", "page-header"):
        return
    text = lines[above].text
    # "United Nations, United States:" names only a place: a dateline set apart, no lead-in
    if is_lead_in(text) and word_count(text) >= LEAD_IN_MIN_WORDS and not _PLACE_ONLY.match(text.strip()):
        decisions[above] = Decision("body")


_NAME_WORDS = r"[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*)*"
_PLACE_ONLY = re.compile(rf"^{_NAME_WORDS}(?:, {_NAME_WORDS})+:$")


_SITE_SUFFIX = re.compile(r"\s+[-–—|]\s+[^-–—|]{2,60}$")
_REPEAT_MIN_WORDS = 3  # not a threshold: a two-word tail ("Day Two") is too common to tell a repeat


def repeats_caption(text: str, above: str) -> bool:
    """A line printing again the end of the line above it, with or without the site's name after a
    dash: a picture's caption given twice (its text after a credit, then as the image's title), never
    the headline."""
    core = _SITE_SUFFIX.sub("", text).strip()
    if word_count(core) < _REPEAT_MIN_WORDS or core == above.strip():
        return False
    return above.strip().endswith(core)
