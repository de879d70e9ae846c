"""Page controls and footer notices known by their own shape, and the chrome tables of the forum, live
blog and end tag readers, joined as `PAGE_KINDS` into `patterns.CHROME_PATTERNS`.

- a text-size switcher printed as lone letters ("A", "A+", "A-"): no article line is one letter;
- a combined share-and-print label ("Share/Print:", "Print | Email");
- a government or public site's notice that its content is in the public domain;
- a contributors' line naming several writers and where each filed from ("Agency writers NAME in PLACE and
  NAME in PLACE contributed to this report.");
- a syndicated story's note that the site has not edited it and publishes it from a feed.
"""

from __future__ import annotations

import re

from bot.cleaner.document import DOCUMENT_PATTERNS
from bot.cleaner.endtags import END_TAG_PATTERNS
from bot.cleaner.forum import FORUM_PATTERNS
from bot.cleaner.liveblog import LIVE_BLOG_PATTERNS
from bot.cleaner.postcount import POSTER_PATTERNS

__all__ = ["PAGE_CONTROL_PATTERNS", "PAGE_KINDS"]

_I = re.IGNORECASE
_BUTTON = r"(?:share|print|email|e-mail|tweet|save)"

PAGE_CONTROL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("font-size", re.compile(r"^[A-Za-z][+-]?$")),
    ("share", re.compile(rf"^{_BUTTON}(?:\s*[/|&]\s*{_BUTTON})+\s*:?$", _I)),
    # "Send by email", "Share via e-mail", "Send to a friend": a button sending the page on
    ("share", re.compile(r"^(?:send|share|forward)\s+(?:by|via|to)\s+(?:an?\s+)?(?:e-?mail|friend)$", _I)),
    ("credits", re.compile(r"^[^.]{0,160}\bcontributed to this (?:report|story)\.?$", _I)),
    # "Information for this article was contributed by NAME and NAME of The Agency."
    (
        "credits",
        re.compile(
            r"^(?:information|reporting|material) for this (?:article|report|story) was"
            r" (?:contributed|provided|gathered) by\b.{3,240}$",
            _I,
        ),
    ),
    # a syndicated story's note that the site has not edited it: "(Except for the headline, this story has
    # not been edited by our staff and is published from a syndicated feed.)"
    (
        "syndication-note",
        re.compile(
            r"^\(?(?:except for the headline,?\s+)?this (?:story|article|report) (?:has not been edited by"
            r"|was not edited by|is (?:auto-?)?(?:generated|published) from an? (?:syndicated|agency|wire)"
            r" (?:news )?feed)\b.{0,160}$",
            _I,
        ),
    ),
    (
        "copyright",
        re.compile(
            r"^(?:all )?(?:content|material|text|articles?)\b.{0,40}\bin the public domain\b.{0,60}$", _I
        ),
    ),
)

PAGE_KINDS = (
    *FORUM_PATTERNS,
    *POSTER_PATTERNS,
    *LIVE_BLOG_PATTERNS,
    *END_TAG_PATTERNS,
    *PAGE_CONTROL_PATTERNS,
    *DOCUMENT_PATTERNS,
)
