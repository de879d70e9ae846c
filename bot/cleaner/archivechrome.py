"""Chrome of archive, digest and board pages, read by each line's own shape (after every other kind in
`patterns`, so a line another kind reads keeps that reason):

- an archive's or a mailing list's reuse notice under the item ("... copyright remains with the original
  publishers.", "Copyright in all material rests with the publisher. Reproduction prohibited.", "Posted for
  educational purposes only; please do not repost.");
- a picture's credit of the copyright mark, an agency and its photographer, in any script ("© AGENCY /
  Jane Doe");
- a labelled bare link under a pasted story ("Link: apnews.com", "Source link: www.site.org/story").
"""

from __future__ import annotations

import re

__all__ = ["ARCHIVE_PATTERNS"]

_I = re.IGNORECASE

ARCHIVE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    (
        "reuse-notice",
        re.compile(
            r"^.{0,200}\b(?:copyright\b.{0,40}\b(?:remains|rests|lies|stays) with"
            r"|reproduction (?:is )?(?:strictly )?(?:prohibited|forbidden)\b).{0,200}$",
            _I,
        ),
    ),
    (
        "reuse-notice",
        re.compile(
            r"^.{0,120}\b(?:posted|shared|forwarded|reproduced) (?:here )?for (?:[\w-]+ )?"
            r"(?:educational|research|non-?commercial|discussion)\b.{0,40}\bpurposes?\b.{0,200}$",
            _I,
        ),
    ),
    (
        "photo-credit",
        re.compile(r"^(?:©|\(c\))\s*[^\W\d_][\w.'’ -]{0,40}?\s*/\s*[^\W\d_][\w.'’ -]{0,40}$", _I),
    ),
    (
        "url",
        re.compile(r"^(?:source\s+)?link\s*:\s*(?:https?://|www\.)?(?:[a-z0-9-]+\.)+[a-z]{2,}(?:/\S*)?$", _I),
    ),
)
