"""A line that leads the reader on to other stories: "Before you go, check out the stories everyone is
talking about today!", "Don't go yet: ...", "Check out these stories ...".

Content farms print such a lead-in, a sentence of prose, between the story and the grid of other
stories' links; it is chrome of the grid it introduces, never the story's last paragraph.
"""

from __future__ import annotations

import re

__all__ = ["LEAD_IN_PATTERNS", "LIKE_THESE"]

_I = re.IGNORECASE

# "(we thought) you'd like these...": the words that head a list of other stories (patterns.RELATED_HEADER)
LIKE_THESE = r"(?:we (?:think|thought)\s+)?you(?:['’]d| would) (?:also )?like (?:these|this)(?:\.{3}|…)?"

LEAD_IN_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "related-teaser",
        re.compile(
            r"^(?:before you (?:go|leave)|don'?t (?:go|leave) (?:yet|just yet))\b"
            # "Before you go, we thought you'd like these..." heads a list: patterns.RELATED_HEADER's
            rf"(?!,?\s*{LIKE_THESE}\s*:?$)"
            r".{0,160}$",
            _I,
        ),
    ),
    (
        "related-teaser",
        re.compile(
            r"^(?:check out|take a look at|scroll down (?:to|for)) (?:these|the|our|more)\b.{0,80}"
            r"\b(?:stories|articles|photos|videos|posts|galleries)\b(?: [\w' ]{0,40})?[.!:]?$",
            _I,
        ),
    ),
)
