"""Page controls and footer notices known by their own shape (joined into `patterns.CHROME_PATTERNS`).

- a text-size switcher printed as lone letters ("A", "A+", "A-"): no article line is one letter;
- a combined share-and-print label ("Share/Print:", "Print | Email");
- a government or public site's notice that its content is in the public domain.
"""

from __future__ import annotations

import re

__all__ = ["PAGE_CONTROL_PATTERNS"]

_I = re.IGNORECASE
_BUTTON = r"(?:share|print|email|e-mail|tweet|save)"

PAGE_CONTROL_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("font-size", re.compile(r"^[A-Za-z][+-]?$")),
    ("share", re.compile(rf"^{_BUTTON}(?:\s*[/|&]\s*{_BUTTON})+\s*:?$", _I)),
    (
        "copyright",
        re.compile(
            r"^(?:all )?(?:content|material|text|articles?)\b.{0,40}\bin the public domain\b.{0,60}$", _I
        ),
    ),
)
