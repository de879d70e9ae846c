"""Still more kinds of page chrome told from a line alone (appended to `patterns.CHROME_PATTERNS`).

Each pattern is a kind of widget many sites print: an archive's banner over its capture, reading-time
estimates ("5–6 minutes", "· 18 min read"), a paywall's offer block, a newsletter platform's closing
pitch and sign-up prompts, a forum's menu of sections split by dashes, an illustrator's credit and a
magazine's print-edition note. None is the wording of one page.
"""

from __future__ import annotations

import re

__all__ = ["ARCHIVE_BANNER", "POST_BUTTONS", "WIDGET_END_REASONS", "WIDGET_PATTERNS"]

_I = re.IGNORECASE

# The banner an archive prints above its capture: "NAME - https://archive/<stamp>/http://site/...", or
# the archived page's URL after a label ("Saved from https://site/...", "Original URL: https://site/...").
ARCHIVE_BANNER = re.compile(
    r"^(?:.{0,60}?\s[-–—:]\s*)?(?P<url>https?://[^/\s]+/\S*?https?:/{1,2}\S+)$"
    r"|^(?:saved from|original url|archived from)\s*:?\s*\|?\s*(?P<saved>https?://\S+)$",
    _I,
)

_ITEM = r"[\w&'’]+(?: [\w&'’]+)?"

WIDGET_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("mirror-banner", ARCHIVE_BANNER),
    ("mirror-banner", re.compile(r"^[\d,]+ captures?$", _I)),
    # Reading-time estimates: "5–6 minutes", "4 min", "· 18 min read".
    ("counter", re.compile(r"^[·•|]?\s*\d{1,3}(?:\s*[–-]\s*\d{1,3})?\s*min(?:ute)?s?\.?(?:\s+read)?$", _I)),
    # A paywall's offer block under its prompt (the prompt, "Subscribe to unlock this article", is a
    # subscribe line already): "Try unlimited access", "Only $1 for 4 weeks", "Then $65 per month. ...".
    ("paywall", re.compile(r"^(?:only |then |just )?[$€£]\s?\d[\d.,]*\s*(?:for|per|a|/)\s.{0,160}$", _I)),
    ("paywall", re.compile(r"^try (?:unlimited|full|premium|digital) access\b.{0,30}$", _I)),
    ("paywall", re.compile(r"^check whether you (?:already )?have access\b.{0,80}$", _I)),
    # A newsletter platform's closing pitch and a site's sign-up prompt.
    ("subscribe", re.compile(r"^thanks for reading\b.{0,80}\bsubscribe\b.{0,120}$", _I)),
    ("subscribe", re.compile(r"^.{0,20}\blog ?in or sign ?up\b.{0,30}$", _I)),
    # A menu of sections split by dashes or bars: "popular - all - random - users | news - pics - ...".
    ("navigation", re.compile(rf"^(?:{_ITEM}(?: - | \| )){{4,}}{_ITEM}$")),
    # A forum's clock footer.
    ("forum-chrome", re.compile(r"^all times are (?:gmt|utc)\b.{0,80}$", _I)),
    # An illustrator's or photographer's credit line, and a magazine's note on its print edition.
    ("photo-credit", re.compile(r"^(?:illustrations?|artwork|graphics?|photographs?) by \w.{0,60}$", _I)),
    (
        "print-note",
        re.compile(
            r"^(?:a version of )?this (?:article|story|essay) (?:appears|appeared|was published)\b"
            r".{0,60}\b(?:edition|issue)\b.{0,160}$",
            _I,
        ),
    ),
)

# A paywall's prompt ends the story: nothing of the article follows it.
WIDGET_END_REASONS = frozenset({"paywall", "print-note"})

# A forum post's buttons under its text: after them only other posts follow (read by `mirror`, which
# makes them a comment prompt whatever other chrome a line of them looked like).
POST_BUTTONS = re.compile(r"^(?:reply with quote|multi-?quote this message|quote this post)$", _I)
