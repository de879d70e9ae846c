"""What a sentence offers as evidence: numbers, durations, dates, places, reasons, and who is speaking."""

from __future__ import annotations

import re

from bot.search import CorpusIndex
from bot.text import normalize
from bot.tokenizer import Tokenizer

__all__ = ["has_cause", "has_date", "has_duration", "has_number", "has_person", "has_place", "speakers"]

_NUMBER_WORDS = (
    r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|fifteen|twenty|thirty|forty|fifty|"
    r"sixty|hundred|hundreds|thousand|thousands|million|millions|billion|dozen|dozens|half|quarter|a few|"
    r"several|single|double|once|twice"
)
_NUMBER = re.compile(rf"\b(\d[\d,.]*|{_NUMBER_WORDS})\b", re.IGNORECASE)
_UNIT = r"(second|minute|hour|day|week|month|year|decade|century)s?"
_DURATION = re.compile(
    rf"\b(\d[\d,.]*|{_NUMBER_WORDS}|an?|several|few)[\s-]+(and a half[\s-]+)?{_UNIT}\b"
    rf"|\b{_UNIT}[\s-]long\b|\bfor (?:the first time in )?(?:a|one|two|three|four|five|ten) {_UNIT}\b",
    re.IGNORECASE,
)
_DATE = re.compile(
    r"\b(monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|tomorrow|"
    r"january|february|march|april|may|june|july|august|september|october|november|december|"
    r"jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)\b\.?|\b(19|20)\d\d\b|"
    r"\b(next|coming|following|past|last|few|several)\s+(few\s+)?(days?|weeks?|months?|years?)\b|"
    r"\b(shortly|soon|later|earlier|immediately)\b",
    re.IGNORECASE,
)
_CAUSE = re.compile(
    r"\b(because|due to|owing to|as a result|so that|in order to|thanks to|reason|caused by|because of|"
    r"led to|leading to|therefore|hence)\b",
    re.IGNORECASE,
)
_SPEECH_VERB = (
    r"said|says|say|told|tells|added|adding|noted|stressed|warned|urged|called|described|insisted|asked|"
    r"argued|claimed|stated|explained|announced|declared|replied|reiterated|believes|thinks|branding|saying|"
    r"pointed out|remarked|according to"
)
_SPEECH = re.compile(rf"\b({_SPEECH_VERB})\b", re.IGNORECASE)
_PRONOUN_SPEAKER = re.compile(
    rf"\b(he|she)\s+(?:\w+\s+){{0,2}}({_SPEECH_VERB})\b|^\W*(he|she)\b", re.IGNORECASE
)
_BEFORE = 30  # characters between a speaker's name and the speech verb after it ("Putin on Monday said")
_AFTER = 2  # ... and between a speech verb and the name right after it ("said the Russian President")


def has_number(text: str) -> bool:
    """A count or amount: not 'the two presidents' or 'first', which name rather than count."""
    return any(not text[: m.start()].lower().endswith("the ") for m in _NUMBER.finditer(text))


_RELATIVE = re.compile(r"\s*(earlier|later|before|after|ago|beforehand)\b", re.IGNORECASE)


def has_duration(text: str) -> bool:
    """A length of time ('one hour', '90-minute', 'two years'), not a point in time ('a day earlier')."""
    normal = normalize(text)
    return any(not _RELATIVE.match(normal, m.end()) for m in _DURATION.finditer(normal))


def has_date(text: str) -> bool:
    return bool(_DATE.search(text))


_PLACE = re.compile(
    r"\b(in|at|to|on the sidelines of|headquarters|outside|inside|near)\s+(the\s+)?[A-Z][a-z]|"
    r"\b(headquarters|sidelines|capital|city|summit)\b"
)


def has_place(text: str) -> bool:
    return bool(_PLACE.search(text))


def has_cause(text: str) -> bool:
    return bool(_CAUSE.search(text))


def has_person(text: str, tokenizer: Tokenizer, persons: frozenset[str]) -> bool:
    """True when the sentence names a known person, or a capitalised two-word name."""
    if any(t in persons for t in tokenizer.entities(text)):
        return True
    return bool(re.search(r"\b[A-Z][a-z]+ (?:[A-Z][a-z]+-)?[A-Z][a-z]+\b", text[1:]))


_QUOTED = re.compile(r'"[^"]*"')


def outside_quotes(text: str) -> str:
    """The reporter's words only: quoted passages blanked out (a name inside a quote is not a speaker)."""
    return _QUOTED.sub(lambda m: " " * len(m.group(0)), text)


def named_speakers(text: str, tokenizer: Tokenizer, persons: frozenset[str]) -> set[str]:
    """People a sentence gives as speaking: a name right before or after a speech verb, outside quotes."""
    normal = outside_quotes(normalize(text))
    verbs = [
        (m.start(), m.end()) for m in _SPEECH.finditer(normal) if not normal[: m.start()].endswith("to ")
    ]
    found = set()
    for start, end, token in tokenizer.entity_spans(normal):
        if token not in persons:
            continue
        for v_start, v_end in verbs:
            if 0 <= v_start - end <= _BEFORE or 0 <= start - v_end <= _AFTER:
                found.add(token)
    return found


def speakers(index: CorpusIndex, position: int, persons: frozenset[str], depth: int = 3) -> frozenset[str]:
    """Who speaks in a sentence: named beside a speech verb, or carried from the sentences before it
    when it speaks through a pronoun ('he said') or is a bare quotation. Cached per sentence."""
    cache: dict[int, frozenset[str]] = index.derived("speakers", dict)
    found = cache.get(position)
    if found is None:
        found = cache[position] = frozenset(_speakers(index, position, persons, depth))
    return found


def named_in(index: CorpusIndex, position: int, persons: frozenset[str]) -> set[str]:
    """The speakers a sentence names itself (no pronoun carried from before)."""
    return _named(index, position, persons)


def _named(index: CorpusIndex, position: int, persons: frozenset[str]) -> set[str]:
    cache: dict[int, frozenset[str]] = index.derived("named_speakers", dict)
    found = cache.get(position)
    if found is None:
        _, sentence = index.locate(position)
        found = cache[position] = frozenset(named_speakers(sentence.text, index.tokenizer, persons))
    return set(found)


def _speakers(index: CorpusIndex, position: int, persons: frozenset[str], depth: int) -> set[str]:
    named = _named(index, position, persons)
    if named:
        return named
    _, sentence = index.locate(position)
    text = normalize(sentence.text)
    if not (_PRONOUN_SPEAKER.search(text) or text.startswith('"')):
        return set()
    for back in range(1, depth + 1):
        previous = index.neighbour(position, -back)
        if previous is None:
            break
        earlier = _named(index, position - back, persons)
        if earlier:
            return earlier
        mentioned = [t for t in index.tokenizer.entities(previous.text) if t in persons]
        if mentioned:
            return {mentioned[0]}
    return set()
