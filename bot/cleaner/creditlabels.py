"""A photo's credit under a label in the page's own language: "Derechos de autor de la imagen Getty
Images" is what "Image copyright Getty Images" is in English (`patterns` reads the English label). The
labels are config data (`cleaner.photo_credit_labels`); the credit after one is a name of a few words."""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence

__all__ = ["is_labelled_photo_credit"]

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
    alternatives = "|".join(re.escape(label) for label in sorted(labels, key=len, reverse=True))
    return re.compile(rf"^(?:{alternatives})\s*:?\s+", re.IGNORECASE)
