"""The line patterns of a news database's record (read by `recordfields`; appended to the chrome patterns,
which `recordfields` cannot import without a cycle)."""

from __future__ import annotations

import re

__all__ = ["DATE_FIELD", "RECORD_PATTERNS", "TITLE_FIELD"]

_I = re.IGNORECASE

_FIELD_LABELS = (
    r"publication (?:title|date|year|subject|info)|place of publication|country of publication"
    r"|language of publication|first page|source type|document type|document id|proquest document id"
    r"|database|section|document url|accession number"
)
_FIELD = re.compile(rf"^(?:{_FIELD_LABELS})\s*:\s*\S.{{0,200}}$", _I)
TITLE_FIELD = re.compile(r"^publication title\s*:\s*(?P<name>[^;\[]{2,80}?)\s*(?:[;\[]|\.?$)", _I)
DATE_FIELD = re.compile(r"^publication date\s*:\s*(?P<date>.{6,40})$", _I)

RECORD_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("record-field", _FIELD),
    ("record-field", re.compile(r"^credit\s*:\s*[^.]{2,80};\s*(?:staff|wire|staff and wire)\b.{0,40}$", _I)),
    ("record-field", re.compile(r"^(?:details|illustration|abstract/details)$", _I)),
    (
        "copyright",
        re.compile(
            r"^[Cc]opyright\s+(?!©)[A-Z][^.©]{1,80}?\s+(?:[A-Z][a-z]{2,8}\.? \d{1,2}, )?(?:19|20)\d{2}\.?$"
        ),
    ),
)
