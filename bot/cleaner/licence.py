"""Two kinds of a page's terms of use and furniture, told by their shape.

- A site's licence notice under the story ("All content is published under the Creative Commons
  Attribution 3.0 licence. For republication, credit NAME.") is chrome: it speaks of the site's terms,
  not of the news (`LICENCE_PATTERNS`, appended to `patterns.CHROME_PATTERNS`).
- A photo caption on an HTML page may sit in a block whose class names it in the site's language
  ("caption", "legenda", "légende", "leyenda"): `CAPTION_CLASSES`, read by `html` where it puts the
  lead photo's caption back.
"""

from __future__ import annotations

import re

__all__ = ["CAPTION_CLASSES", "LICENCE_PATTERNS"]

LICENCE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "licence",
        re.compile(
            # what it licenses is the site's content, not a thing the news is about; "(?<!.)" holds it to the
            # line's start as "^" would, but lets the prefilter skip lines without "commons" or "cc"
            r"(?<!.)(?:all |the )?(?:content|contents|text|texts|materials?|articles?|stories|photos"
            r"|this (?:article|story|work|page|site|website|content)"
            r"|(?:[\w.]+ )?(?:site|website)(?:'s)? content)\b.{0,60}?"
            r"\b(?:published|licensed|available|distributed|released)\s+under\s+(?:an?\s+|the\s+)?"
            r"(?:creative commons|cc[ -]by)\b.{0,240}$",
            re.IGNORECASE,
        ),
    ),
)

CAPTION_CLASSES = ("caption", "legenda", "legende", "légende", "leyenda", "didascalia")
