"""A credit under a label in the page's own language. A photo's: "Derechos de autor de la imagen Getty
Images" is what "Image copyright Getty Images" is in English (`patterns` reads the English label); the
credit after one is a name of a few words, alone on its line or in brackets closing a caption ("...
(圖片來源:Getty Images)", as "(Photo: Getty Images)" closes an English one). A source's: "來源:NAME" is what
"Source: NAME" is, and reads as it (`wire` reads the English label), a full-width colon as a colon. The
labels are config data (`cleaner.photo_credit_labels`, `cleaner.source_labels`)."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

__all__ = ["as_english_source", "ends_with_labelled_photo_credit", "is_labelled_photo_credit"]

_MOST_NAME_WORDS = 6  # not a threshold: an agency and a photographer, no sentence


def is_labelled_photo_credit(text: str, labels: Sequence[str]) -> bool:
    """True for a configured photo-credit label opening the line, then a short name."""
    if not labels or text[:1].lower() not in _first_letters(tuple(labels)):
        return False
    match = _labels_pattern(tuple(labels)).match(text)
    return match is not None and 0 < len(text[match.end() :].split()) <= _MOST_NAME_WORDS


@functools.lru_cache(maxsize=8)
def _first_letters(labels: tuple[str, ...]) -> frozenset[str]:
    return frozenset(label[:1].lower() for label in labels)


@functools.lru_cache(maxsize=8)
def _labels_pattern(labels: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = _alternatives(labels)
    return re.compile(rf"^(?:{alternatives})\s*:?\s+", re.IGNORECASE)


def as_english_source(text: str, labels: Sequence[str]) -> str:
    """The line with a configured source label and its colon written as "Source: " ("... | 來源:新華社"
    reads "... | Source: 新華社"); any other line as it is."""
    if not labels or not any(label in text for label in labels):
        return text
    return _source_pattern(tuple(labels)).sub("Source: ", text)


@functools.lru_cache(maxsize=8)
def _source_pattern(labels: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = _alternatives(labels)
    return re.compile(rf"(?<![^\W\d_])(?:{alternatives})\s*[:：]\s*", re.IGNORECASE)


def ends_with_labelled_photo_credit(text: str, labels: Sequence[str]) -> bool:
    """True for a line closed by a configured photo-credit label, its colon and a short name in brackets
    (half- or full-width): a caption's credit."""
    if not labels or not text.rstrip().endswith((")", "）")) or not any(label in text for label in labels):
        return False
    match = _closing_pattern(tuple(labels)).search(text)
    return match is not None and 0 < len(match.group("name").split()) <= _MOST_NAME_WORDS


@functools.lru_cache(maxsize=8)
def _closing_pattern(labels: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = _alternatives(labels)
    return re.compile(
        rf"[(（](?:{alternatives})\s*[:：]\s*(?P<name>[^()（）]{{2,60}})[)）]\s*$", re.IGNORECASE
    )


def _alternatives(labels: tuple[str, ...]) -> str:
    """The labels as a regex alternation, the longest first (a label opening a longer one never cuts it)."""
    return "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
