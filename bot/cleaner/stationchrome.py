"""A broadcast station's furniture around a story, told from a line alone (appended to
`patterns.CHROME_PATTERNS`).

A public radio or TV station's page wraps the story in the station's own block: its regulator's notice
("Persons with disabilities who need assistance accessing the station's FCC public files, please
contact ..."), its live player's labels ("Play Live Radio", "Next Up:"), timecodes and download button,
and a pledge drive's appeal in the imperative ("Support local news and protect public media with a
donation today!"). None of it is the story; left in, the notice reads as the story's first paragraph
and the headline below it as a subheading.
"""

from __future__ import annotations

import re

__all__ = ["STATION_PATTERNS"]

_I = re.IGNORECASE

STATION_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # a broadcaster's regulator-mandated notice: its public inspection file and who to ask for access
    ("site-notice", re.compile(r"\b(?:FCC|regulator'?s?) public (?:inspection )?files?\b.{0,200}$", _I)),
    # a player's timecodes in one row ("0:00 0:02:37 0:00": position, length, buffer) and its download
    # button alone ("Download")
    ("media-player", re.compile(r"^(?:-?\d{1,2}:\d{2}(?::\d{2})?\s+){1,3}-?\d{1,2}:\d{2}(?::\d{2})?$")),
    ("media-player", re.compile(r"^download\W{0,3}$", _I)),
    # the live player's labels: "Play Live Radio", "Listen Live", "Next Up:"
    (
        "media-player",
        re.compile(
            r"^(?:play|listen|watch) live(?: (?:radio|tv|stream|audio|video))?\W{0,3}$|^next up\s*:?$", _I
        ),
    ),
    # a pledge drive's appeal in the imperative, asking for a gift ("... with a donation today!",
    # "Become a sustaining member today"): short, no quotation (a story may quote a charity's plea)
    (
        "donate",
        re.compile(
            r"^(?:support|protect|sustain|keep|help|become|join|give|donate|make)\b[^\"“”.?]{0,120}"
            r"\b(?:donation|donate|gift|contribution|sustaining member|member)\b[^\"“”.?]{0,20}"
            r"\b(?:today|now)\W{0,3}$",
            _I,
        ),
    ),
)
