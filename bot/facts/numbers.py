"""Numbers in words or digits: 'ninety' -> 90, 'twenty-five' -> 25, 'a quarter of a million' -> 250000."""

from __future__ import annotations

import re

__all__ = ["NUMBER_WORDS", "SCALES", "TIME_UNITS", "parse_number", "scale_of"]

_SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
        " sixteen seventeen eighteen nineteen twenty".split()
    )
}
_TENS = {w: 10 * (i + 3) for i, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split())}
SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
TIME_UNITS = {  # in minutes
    "second": 1 / 60,
    "minute": 1,
    "hour": 60,
    "day": 1440,
    "week": 10080,
    "month": 43800,
    "year": 525600,
    "decade": 5256000,
}
NUMBER_WORDS = frozenset([*_SMALL, *_TENS, *SCALES])
_DIGITS = re.compile(r"\d+(?:\.\d+)?")
_SPACES = re.compile(r"[\s-]+")


def scale_of(word: str | None) -> float:
    """The multiplier a scale word gives ('million' -> 1e6, 'bn' -> 1e9); 1 without one."""
    if not word:
        return 1.0
    return float({"bn": 1e9, "m": 1e6}.get(word.lower(), SCALES.get(word.lower(), 1)))


def parse_number(text: str) -> float:
    """'90' -> 90, 'one' -> 1, 'twenty-five' -> 25, 'a quarter of a million' -> 250000, 'an' -> 1."""
    words = _SPACES.split(text.lower().replace(",", ""))
    fraction = next((_FRACTIONS[w] for w in words if w in _FRACTIONS), None)
    if fraction is not None:
        scale = next((SCALES[w] for w in words if w in SCALES), 1)
        unit = next((w for w in words if w in TIME_UNITS), None)
        return fraction * (scale if unit is None else 1)
    total, current = 0.0, 0.0
    for word in words:
        if _DIGITS.fullmatch(word):
            current += float(word)
        elif word in _SMALL:
            current += _SMALL[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in ("a", "an"):
            current += 1
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in SCALES:
            total += max(current, 1) * SCALES[word]
            current = 0
    return total + current
