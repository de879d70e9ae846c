"""Chrome kinds round fourteen's probes met that no other pattern list names (issue 9), each told from a
line alone (appended to `patterns.CHROME_PATTERNS`):

- a template's placeholder left unfilled inside a hint ("Press {{ keys }} + D to bookmark this page");
- a pointer to a live or embedded video ("Watch live as the leaders hold a press conference."), a player's
  tab labels run together ("Subtitles section Play video");
- a blog's post footer ("This entry was posted in NEWS by NAME. Bookmark the permalink.");
- a photo gallery's lead-in and its count ("See images from the summit:", "23 PHOTOS", "See Gallery");
- a search box's hint ("Begin typing your search above and press return to search."), an icon font's
  ligature names left in the text ("access_time DATE" by a sidebar's story, "Homechevron_rightWorld...");
- a label in brackets alone on its line ("[NAME]", "[Full text]"): a reposted story's source among them is
  read as the wire by `sourcecredit`.
"""

from __future__ import annotations

import re

__all__ = ["POST_CHROME_PATTERNS"]

_I = re.IGNORECASE

POST_CHROME_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # an unfilled placeholder in a short line of page furniture (a story is never a template)
    ("template", re.compile(r"^[^{}]{0,100}\{\{\s*[\w.]{1,40}\s*\}\}[^{}]{0,100}$")),
    # a sentence pointing at a video (a "WATCH LIVE: TITLE" kicker or a title without its stop is none)
    (
        "media-player",
        re.compile(
            r"^watch (?:it )?live (?:as|while|when)\s.{5,160}\.$|"
            r"^watch (?:the )?(?:full |live )?(?:video|stream|broadcast|livestream) (?:of|as)\s.{5,160}\.$",
            _I,
        ),
    ),
    # a player's tab labels run together: "Subtitles section Play video"
    (
        "media-player",
        re.compile(
            r"^(?:subtitles?|captions?|transcript)(?: section)?\s+(?:play|watch) (?:the )?(?:video|audio)$",
            _I,
        ),
    ),
    ("credits", re.compile(r"^this (?:entry|post) was posted (?:in|on|by)\b.{0,300}$", _I)),
    ("credits", re.compile(r"^bookmark the permalink\.?$", _I)),
    ("gallery", re.compile(r"^see (?:more )?(?:images|photos|pictures) (?:from|of)\s.{3,100}:$", _I)),
    ("gallery", re.compile(r"^(?:see|view) (?:the )?(?:full )?gallery$", _I)),
    ("gallery", re.compile(r"^\d{1,3}\s+(?:photos|images|pictures)$", _I)),
    # (a bracketed label ends nothing: "[Full text]" or "[Video]" may sit between paragraphs)
    ("bracket-label", re.compile(r"^\[[A-Z][\w&.'’ -]{1,40}\]$")),
    ("navigation", re.compile(r"^begin typing your search\b.{0,80}$", _I)),
    # an icon font's ligature names left in the text: "access_time 2016-09-05T...", "Homechevron_rightWorld";
    # the clock's ligature is followed by a time or a date, a digit soon ("schedule had allowed." is prose)
    (
        "page-clock",
        re.compile(r"^(?:access_time|schedule|calendar_today|update|today)\s+(?=\D{0,12}\d)\S.{0,40}$"),
    ),
    ("breadcrumb", re.compile(r"(?:chevron_right|keyboard_arrow_right|navigate_next|arrow_forward_ios)")),
)
