"""What a sentence offers as evidence for a question type, read from the index's facts (bot.facts) where the
facts hold it (figures, dates, speakers) and from the words for places and reasons."""

from __future__ import annotations

import re
from functools import lru_cache

from bot.answering.cache import FACTS_LIMIT, PerIndex
from bot.answering.question import BUILDING_NOUNS, asks_building
from bot.answering.ranker import people_of
from bot.regex_cache import compiled
from bot.search import CorpusIndex
from bot.tokenizer import Tokenizer, entity_token

__all__ = [
    "COUNTING",
    "asked_time",
    "asks_ordinal",
    "has_cause",
    "has_date",
    "has_duration",
    "has_number",
    "has_person",
    "has_place",
    "name_token",
    "named_in",
    "speakers",
]

COUNTING = ("count", "money", "percent")  # the figure dimensions that count something
_CAUSE = compiled(
    r"\b(because|due to|owing to|as a result|so that|in order to|thanks to|reason|caused by|because of|"
    r"led to|leading to|therefore|hence)\b",
    re.IGNORECASE,
)
_PLACE = compiled(
    r"\b(in|at|to|on the sidelines of|headquarters|outside|inside|near)\s+(the\s+)?[A-Z][a-z]|"
    r"\b(headquarters|sidelines|capital|city|summit)\b"
)
# a time of day or a meal, and an occasion ("during the luncheon", "ahead of the talks")
_TIME_OF_DAY = compiled(
    r"\b(morning|afternoon|evening|night|midnight|noon|midday|breakfast|lunch|luncheon|dinner|banquet|"
    r"o'clock|a\.m\.|p\.m\.)\b",
    re.IGNORECASE,
)
_OCCASION = compiled(
    r"\b(during|before|after|ahead of|at the (?:start|end|close) of)\s+(?:the|a|an|their|his|her|its)\s",
    re.IGNORECASE,
)
_PLACE_WORD = compiled(r"\b(headquarters|sidelines|capital|city|summit)\b")
_TITLED = compiled(r"(?:Mr|Mrs|Ms|Dr|President|Secretary|Minister|Prime|Foreign|Chancellor|Senator|Sir)\b")
_TWO_WORD_NAME = compiled(r"\b[A-Z][a-z]+ (?:[A-Z][a-z]+-)?[A-Z][a-z]+\b")
_ASKS_ORDINAL = compiled(r"\b(?:which|what) (?:\w+ )?numbered\b", re.IGNORECASE)
_ORDINAL = compiled(r"\b\d+(?:st|nd|rd|th)\b")
_BUILDING_NAME = compiled(rf"\b(?:{BUILDING_NOUNS})$", re.IGNORECASE)
_PLACE_NAME = compiled(r"\b(?:in|at|to|outside|inside|near)\s+(?:the\s+)?([A-Z][\w-]+(?:\s+[A-Z][\w-]+)*)")
# "on what date", "which day", "at what time of day": the unit of time a "when" question asks for
_ASKED_TIME = compiled(r"\b(?:what|which)\s+(?:[a-z]+\s+)?(date|day|year|month|time|hour)\b", re.IGNORECASE)
# "said Tuesday", "told reporters on Monday": the day it was said, not when the thing asked about happens
_REPORTED_ON = compiled(
    r"\b(?:said|says|told|announced|added|stated|reported|noted)\b(?:\s+\w+){0,2}\s+(?:on\s+)?$",
    re.IGNORECASE,
)
# "when are they meeting again?", "when will he visit?", "when are they due to meet?": a time to come is
# asked (not "when did he meet Kim again?"); it is answered only by a date the sentence puts ahead
_ASKS_AHEAD = compiled(
    r"\b(?:will|shall|going to|gonna|(?:due|scheduled|set|expected|planning|planned|supposed|slated) to)\b"
    r"|^(?:(?!\b(?:did|had|was|were|last|previous)\b).)*\b(?:next|again|upcoming)\b",
    re.IGNORECASE,
)
_AHEAD = compiled(
    r"\b(?:will|would|shall|going to|(?:due|scheduled|set|expected|planning|planned|slated|agreed|plans?) to|"
    r"upcoming|later this|next (?:week|month|year|summit|meeting|round))\b|'ll\b",
    re.IGNORECASE,
)
_SOON = compiled(r"\b(?:soon|shortly|may|might|could|hopes?|expects?)\b", re.IGNORECASE)
# "on which day did Putin talk about ...?", "what day did he make those comments?": the day the words were
# said is the one asked for
_ASKS_SAYING = compiled(
    r"\b(?:say|said|talk|talked|speak|spoke|comment|comments|commented|remarks|statement|tell|told)\b",
    re.IGNORECASE,
)


def has_number(index: CorpusIndex, position: int, asked: str = "") -> bool:
    """A count, an amount or a share (not 'the two presidents', which names rather than counts); for a
    question asking which numbered one ("which numbered session ...?"), an ordinal ("70th") too."""
    if any(f.dimension in COUNTING for f in index.facts.of(position).figures):
        return True
    return asks_ordinal(asked) and bool(_ORDINAL.search(index.locate(position)[1].text))


def asks_ordinal(asked: str) -> bool:
    """True when the question asks which numbered one ("Which numbered session ...?"): an ordinal answers."""
    return bool(_ASKS_ORDINAL.search(asked))


def has_duration(index: CorpusIndex, position: int) -> bool:
    """A stretch of time ('one hour', '90-minute', 'in two years'); not a point in time ('a day earlier').
    Whether it is a length or the interval since something (`Figure.is_length`) is for the question."""
    return any(f.dimension == "duration" for f in index.facts.of(position).figures)


# has_date's answers by (sentence position, _asked_date), as has_type_kept keeps a bare "when"'s
_DATED: PerIndex[dict[tuple[int, tuple[str, bool, bool]], bool]] = PerIndex(lambda index: {})


def has_date(index: CorpusIndex, position: int, asked: str = "") -> bool:
    """A date that is not merely the day the sentence's words were said ("Lavrov said Tuesday that ..."),
    or a time of day or an occasion ("at a luncheon", "ahead of the talks"): a bare "when" is answered by
    any. A question naming the unit it asks (`asked_time`) is answered only by that unit: "on what date"
    by a date named ("a day earlier" counts from another), the day of the words when it asks when something
    was said ("on which day did he talk about it?"), "at what time of day" by a time of day. A question
    asking a time to come is answered only by a sentence looking ahead (`_looks_ahead`). Kept per
    sentence and way of asking: a question naming its unit is asked of every candidate."""
    read = _asked_date(asked)
    kept = _DATED.of(index)
    found = kept.get((position, read))
    if found is None:
        if len(kept) >= FACTS_LIMIT:
            kept.clear()
        found = kept[(position, read)] = _dated(index, position, *read)
    return found


@lru_cache(maxsize=1024)
def _asked_date(asked: str) -> tuple[str, bool, bool]:
    """What has_date reads of a question: its unit (`asked_time`), whether it asks a time to come, and
    whether it asks the day some words were said."""
    unit = asked_time(asked)
    return unit, bool(_ASKS_AHEAD.search(asked)), unit == "calendar" and bool(_ASKS_SAYING.search(asked))


def _dated(index: CorpusIndex, position: int, unit: str, ahead: bool, saying: bool) -> bool:
    text = index.locate(position)[1].text
    if unit == "clock":
        return bool(_TIME_OF_DAY.search(text))
    # a day named (not counted from another, "a day earlier"), also the day of the words when those are asked
    dates = [
        f
        for f in index.facts.of(position).figures
        if f.dimension == "date" and (saying or not _REPORTED_ON.search(text[: f.start]))
    ]
    if unit == "calendar":  # "in the next few days" names no date
        found = any(f.unit != "relative" for f in dates)
    else:
        found = bool(dates) or bool(_TIME_OF_DAY.search(text) or _OCCASION.search(text))
    # (looking ahead read last: most sentences give no time at all)
    return found and (not ahead or _looks_ahead(text, loosely=unit == "ahead"))


def _looks_ahead(text: str, *, loosely: bool) -> bool:
    """The sentence puts something ahead ("they will meet in November", "due to start on Monday"); or,
    `loosely` (a bare "when are they ...?"), says it may come soon ("may reach a deal shortly")."""
    return bool(_AHEAD.search(text) or (loosely and _SOON.search(text)))


@lru_cache(maxsize=1024)
def asked_time(asked: str) -> str:
    """The unit of time a "when" question names: "clock" for a time of day ("at what time", "what hour"),
    "calendar" for a date ("on what date", "which day", "what year"), "ahead" for a bare "when" asking a
    time to come ("when are they meeting again?"), "" for a bare "when"."""
    match = _ASKED_TIME.search(asked)
    if match is None:
        return "ahead" if _ASKS_AHEAD.search(asked) else ""
    return "clock" if match.group(1).lower() in ("time", "hour") else "calendar"


def has_place(index: CorpusIndex, position: int, asked: str = "") -> bool:
    """A place the question does not already name ("in Hangzhou" for "where in China ...?"), or a word
    for one (headquarters, sidelines ...)."""
    text = index.locate(position)[1].text
    named = asked.lower()
    names = [m.group(1) for m in _PLACE_NAME.finditer(text)]
    places = [n for n in names if not _person_name(index, n)]
    if asks_building(asked):  # "which hotel ...?": a building's name, not the town's, answers
        return any(_BUILDING_NAME.search(n) and n.lower() not in named for n in places)
    if places:
        return any(name.lower() not in named for name in places)
    if names:  # only people after "to", "at" ("instructions to Secretary Kerry"): no place by name
        return bool(_PLACE_WORD.search(text))
    return bool(_PLACE.search(text))


def _is_person(name: str, tokenizer: Tokenizer, persons: frozenset[str]) -> bool:
    """A name that is a person's: led by a title ("Secretary Kerry") or a configured person's (`persons`:
    their entity tokens)."""
    return bool(_TITLED.match(name)) or not persons.isdisjoint(tokenizer.entities(name))


_PERSON_NAMES: PerIndex[dict[str, bool]] = PerIndex(lambda index: {})  # a place-like name -> a person's?
_NAMES_LIMIT = 65_536  # names kept before the cache starts over (a corpus's names recur: few reach it)


def _person_name(index: CorpusIndex, name: str) -> bool:
    """_is_person of a name, kept per index: the same names recur in the candidates of every "where"."""
    known = _PERSON_NAMES.of(index)
    found = known.get(name)
    if found is None:
        if len(known) >= _NAMES_LIMIT:
            known.clear()
        found = known[name] = _is_person(name, index.tokenizer, people_of(index))
    return found


def has_cause(index: CorpusIndex, position: int, asked: str = "") -> bool:
    return bool(_CAUSE.search(index.locate(position)[1].text))


def has_person(text: str, tokenizer: Tokenizer, persons: frozenset[str]) -> bool:
    """True when the sentence names a known person, or a capitalised two-word name."""
    if any(t in persons for t in tokenizer.entities(text)):
        return True
    return bool(_TWO_WORD_NAME.search(text[1:]))


@lru_cache(maxsize=65_536)
def name_token(name: str) -> str:
    """entity_token of a name in the facts, remembered: the same few names recur in every sentence."""
    return entity_token(name)


def speakers(index: CorpusIndex, position: int, persons: frozenset[str]) -> frozenset[str]:
    """The entity tokens of the configured people who speak in a sentence (its facts' speakers)."""
    return frozenset(t for name in index.facts.of(position).speakers if (t := name_token(name)) in persons)


def named_in(index: CorpusIndex, position: int, persons: frozenset[str]) -> frozenset[str]:
    """The speakers a sentence names itself (not carried from before by 'he said')."""
    if index.facts.of(position).speaker_carried:
        return frozenset()
    return speakers(index, position, persons)
