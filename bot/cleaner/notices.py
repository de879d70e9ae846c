"""More kinds of page chrome told from a line alone (appended to `patterns.CHROME_PATTERNS`): a site's
notices about itself and the page, a live-updates page's entry heads and a licence credit under a photo.

- "This was published 7 years ago": an archive's age notice over an old story;
- "We're sorry, this feature is currently unavailable. ...": a broken widget's apology;
- "Updated 9:41 a.m.: Leader calls for a coalition": a live-updates entry's clock and title (its text
  follows as paragraphs; an agency's sign-off before the next entry ends nothing, see `layout`);
- "Air Force One (public domain)": a photo's title with its licence, "File photo: AGENCY" a file
  picture's credit;
- "Stay on top of the news with our NAME newsletter.": a newsletter's pitch;
- "« Title of the previous post Title of the next »": a blog's links to its neighbouring posts;
- "Join NAME today", "14-day free trial", "Choose your plan": a metered paywall's block in the story.
"""

from __future__ import annotations

import re

__all__ = ["LIVE_ENTRY", "NOTICE_PATTERNS"]

_I = re.IGNORECASE
_COUNT = r"(?:\d{1,3}|an?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve)"
LIVE_ENTRY = "live-entry"

NOTICE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "archive-notice",
        re.compile(
            rf"^this (?:\w+ )?was (?:first )?published (?:more than |over |about )?{_COUNT}"
            r" (?:years?|months?|weeks?|days?) ago\.?$",
            _I,
        ),
    ),
    (
        "site-notice",
        re.compile(
            r"^we['’]re sorry,? (?:but )?this (?:feature|content|service|video|page|widget) is "
            r"(?:currently |temporarily )?(?:unavailable|not available)\b.{0,160}$",
            _I,
        ),
    ),
    # the clock and the title of a live-updates entry, no sentence of its text: "Updated 8:07 a.m.: Title"
    (
        LIVE_ENTRY,
        re.compile(
            r"^(?:updated|posted)?\s*\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)(?:\s+[A-Z]{2,4})?\s*:\s+[^.!?]{3,140}$",
            _I,
        ),
    ),
    # a newsletter's pitch that does not say "subscribe": "Stay on top of the news with our NAME newsletter."
    (
        "subscribe",
        re.compile(
            r"^(?:stay|keep) (?:on top of|up to date|up-to-date|informed|in the know)\b"
            r".{0,100}\bnewsletters?\b.{0,40}$",
            _I,
        ),
    ),
    # a metered paywall's block inside a story, which goes on under it (no end of the story, unlike a
    # paywall's prompt): "Join NAME today", "14-day free trial", "Choose your plan"
    ("meter", re.compile(r"^join [A-Z]\S*(?: \S+){0,3} today[.!]?$", _I)),
    ("meter", re.compile(r"^.{0,80}\b\d{1,3}-day free trial\b.{0,40}$", _I)),
    ("meter", re.compile(r"^choose (?:your|a) (?:plan|subscription|package)\b.{0,30}$", _I)),
    (
        "meter",
        re.compile(r"^(?:\.\.\.|…)?\s*or subscribe as an? (?:group|team|organi[sz]ation)\b.{0,30}$", _I),
    ),
    # a blog's links to the previous and next posts: "« Title of one post Title of the next »"
    # (a board's post stamp in the same marks, "« Reply #2 on: DATE »", is read by `forum`)
    ("navigation", re.compile(r"^«\s+(?!(?:reply\s*#\s?\d{1,6}\s+)?on:)[^«»]{5,300}?\s+»$", _I)),
    # a file picture's credit on its own line: "File photo: AGENCY", "File image / NAME"
    ("photo-credit", re.compile(r"^file (?:photo|picture|image)s?\s*[:/|–-]\s*\S.{0,60}$", _I)),
    (
        "photo-credit",
        re.compile(
            r"^.{2,80}\((?:public domain|cc[ -]by(?:[ -][\w.-]+)*|creative commons[\w .-]{0,30})\)$", _I
        ),
    ),
)
