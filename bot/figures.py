"""Figures in sentences (durations, counts, money, shares) and the disagreements between outlets' figures.

`quantities("their 90-minute meeting")` finds 90 minutes; "approximately one hour" is 60 minutes, "a quarter
of a million lives" is 250,000 lives. Durations are normalised to minutes; a count's unit is the stem of
the noun after it, so only counts of the same thing are compared. Relative times ("a day earlier") and
years of dates are not figures.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import Stemmer

from bot.results import Claim, Disagreement
from bot.text import normalize
from bot.tokenizer import STOPWORDS

__all__ = [
    "Quantity",
    "Statement",
    "asked_dimension",
    "asking_words",
    "disagreements",
    "format_quantity",
    "quantities",
]

_SMALL = {
    w: i
    for i, w in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen"
        " sixteen seventeen eighteen nineteen twenty".split()
    )
}
_TENS = {w: 10 * (i + 3) for i, w in enumerate("thirty forty fifty sixty seventy eighty ninety".split())}
_SCALES = {"hundred": 100, "thousand": 1_000, "million": 1_000_000, "billion": 1_000_000_000}
_FRACTIONS = {"half": 0.5, "quarter": 0.25, "third": 1 / 3}
_MINUTES = {
    "second": 1 / 60,
    "minute": 1,
    "hour": 60,
    "day": 1440,
    "week": 10080,
    "month": 43800,
    "year": 525600,
}
_WORD = "|".join(sorted([*_SMALL, *_TENS, *_SCALES], key=len, reverse=True))
_NUMBER = rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}))*|an?)"
_FRACTION = (
    r"(?:an?\s+)?(?:half|quarter|third)\s+(?:of\s+)?an?\s+(?:million|billion|thousand|hundred|hour|day)"
)
_QUANTITY = re.compile(
    rf"(?<![\w.,-])(?P<num>{_FRACTION}|{_NUMBER})(?:\s+(?P<scale>million|billion|thousand))?"
    rf"(?P<sep>[\s-]+)(?P<unit>[a-z]+)",
    re.IGNORECASE,
)
_RELATIVE = re.compile(r"\s+(?:earlier|later|ago|before|after|from\s+now|previously)\b", re.IGNORECASE)
_MONEY = re.compile(
    r"(?P<cur>[$€£])\s?(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>million|billion|thousand|bn|m)?"
)
_ASKS = {
    "duration": re.compile(r"\bhow\s+long\b|\blast(?:ed|s|ing)?\b|\bduration\b|\blength\b", re.IGNORECASE),
    "count": re.compile(r"\bhow\s+many\b|\bnumber\s+of\b|\btoll\b", re.IGNORECASE),
    "money": re.compile(r"\bhow\s+much\b|\bcost\b|\bprice\b", re.IGNORECASE),
}
_STEMMER = Stemmer.Stemmer("english")


@dataclass(frozen=True, slots=True)
class Quantity:
    """A figure: its value (minutes for durations), its dimension and unit, and the words that state it."""

    value: float
    dimension: str  # "duration", "count", "money" or "percent"
    unit: str  # "minute" for durations; the counted noun's stem for counts; the currency for money
    text: str


@dataclass(frozen=True, slots=True)
class Statement:
    """A sentence an outlet gave on a topic, with the event it reports."""

    outlet: str
    event: str | None
    sentence: str


def quantities(text: str) -> list[Quantity]:
    """Every figure stated in `text`, in order."""
    text = normalize(text)
    found: list[Quantity] = [
        Quantity(_parse_number(m["num"]) * _scale(m["scale"]), "money", m["cur"], m.group(0))
        for m in _MONEY.finditer(text)
    ]
    for match in _QUANTITY.finditer(text):
        quantity = _quantity(text, match)
        if quantity is not None:
            found.append(quantity)
    return found


def asked_dimension(topic: str) -> str | None:
    """The kind of figure a topic asks for ("how long the meeting lasted" asks for a duration), or None."""
    return next((dim for dim, regex in _ASKS.items() if regex.search(topic)), None)


def asking_words(topic: str) -> set[str]:
    """The words of a topic that only ask for a figure ("how", "long", "lasted"), lower-cased."""
    words: set[str] = set()
    for regex in _ASKS.values():
        for match in regex.finditer(topic):
            words.update(w.lower() for w in match.group(0).split())
    return words


def format_quantity(quantity: Quantity) -> str:
    """A readable figure: '1 hour', '90 minutes', '250,000 life'."""
    if quantity.dimension == "duration":
        for unit in ("year", "month", "week", "day", "hour"):
            size = _MINUTES[unit]
            if quantity.value >= size and quantity.value % size == 0:
                n = int(quantity.value // size)
                return f"{n} {unit}{'s' if n != 1 else ''}"
        return f"{quantity.value:g} minutes"
    if quantity.dimension == "money":
        return f"{quantity.unit}{quantity.value:,.0f}"
    return f"{quantity.value:,g} {quantity.unit}"


def disagreements(statements: Sequence[Statement], dimension: str | None = None) -> list[Disagreement]:
    """Where outlets reporting the same event give different figures of one kind (within a factor of ten).

    Each outlet's first figure of a kind counts (statements come best first); values within 10% agree.
    """
    firsts: dict[tuple[str | None, str, str], dict[str, tuple[Quantity, str]]] = {}
    for statement in statements:
        for quantity in quantities(statement.sentence):
            if dimension is not None and quantity.dimension != dimension:
                continue
            key = (statement.event, quantity.dimension, quantity.unit)
            firsts.setdefault(key, {}).setdefault(statement.outlet, (quantity, statement.sentence))
    out = []
    for (_event, dim, _unit), by_outlet in firsts.items():
        values = sorted({round(q.value, 6) for q, _ in by_outlet.values()})
        if len(values) < 2 or values[0] <= 0 or values[-1] / values[0] > 10 or values[-1] / values[0] < 1.1:
            continue
        shown: list[str] = []
        for quantity, _ in by_outlet.values():
            label = format_quantity(quantity)
            if label not in shown:
                shown.append(label)
        claims = tuple(Claim(outlet, sentence) for outlet, (_, sentence) in by_outlet.items())
        out.append(Disagreement(about=f"{dim}: {' vs '.join(shown)}", claims=claims))
    return out


def _quantity(text: str, match: re.Match[str]) -> Quantity | None:
    number, unit = match["num"], match["unit"].lower()
    if _RELATIVE.match(text, match.end()):
        return None
    singular = unit[:-1] if unit.endswith("s") and unit[:-1] in _MINUTES else unit
    if singular in _MINUTES:
        if number.lower() in ("a", "an") and match["sep"].strip() == "-":
            return None
        value = _parse_number(number) * _scale(match["scale"])
        return Quantity(value * _MINUTES[singular], "duration", "minute", match.group(0))
    if number.lower() in ("a", "an") or unit in STOPWORDS or re.fullmatch(r"(?:19|20)\d\d", number):
        return None
    if unit in ("percent", "per"):
        return Quantity(_parse_number(number), "percent", "%", match.group(0))
    if not match["unit"][0].islower() or unit in _SCALES:
        return None
    value = _parse_number(number) * _scale(match["scale"])
    return Quantity(value, "count", str(_STEMMER.stemWord(unit)), match.group(0))


def _scale(word: str | None) -> float:
    if not word:
        return 1.0
    return {"bn": 1e9, "m": 1e6}.get(word.lower(), _SCALES.get(word.lower(), 1))


def _parse_number(text: str) -> float:
    """'90' -> 90, 'one' -> 1, 'twenty-five' -> 25, 'a quarter of a million' -> 250000, 'an' -> 1."""
    words = re.split(r"[\s-]+", text.lower().replace(",", ""))
    fraction = next((_FRACTIONS[w] for w in words if w in _FRACTIONS), None)
    if fraction is not None:
        scale = next((_SCALES[w] for w in words if w in _SCALES), 1)
        unit = next((w for w in words if w in _MINUTES), None)
        return fraction * (scale if unit is None else 1)
    total, current = 0.0, 0.0
    for word in words:
        if re.fullmatch(r"\d+(?:\.\d+)?", word):
            current += float(word)
        elif word in _SMALL:
            current += _SMALL[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word in ("a", "an"):
            current += 1
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _SCALES:
            total += max(current, 1) * _SCALES[word]
            current = 0
    return total + current
