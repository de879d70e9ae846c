"""The one figures reader: durations, counts, money, shares and dates, each with what it measures.

`read_figures("The meeting lasted ninety minutes.")` gives 90 minutes measuring "meet" (the stem of the noun
it is the length of). "Their first meeting in two years" gives two years measuring the *interval* since the
last meeting, never a meeting length; "a two-year gap" measures a gap. Durations are normalised to minutes; a
count's unit is the stem of the noun after it, so only counts of the same thing are compared. Relative times
("a day earlier", "two years ago", "hours after the speeches") are offsets: durations measuring OFFSET, the
time between two things, never a length of one ("a day earlier" is also read as a date). Offsets are the
sentence's own, so a figure can be cited verbatim.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Mapping

import Stemmer

from bot.facts.figure_cues import (
    LASTED_WORDS,
    MONTH_CAPITALS,
    MONTHS,
    SINCE_WORDS,
    FigureCues,
    compiled_on_first_use,
    tail_from,
)
from bot.facts.numbers import NUMBER_WORDS, SCALES, TIME_UNITS, parse_number, scale_of
from bot.facts.words import may_end
from bot.frozen import dataclass
from bot.regex_cache import compiled
from bot.tokenizer import STOPWORDS

__all__ = [
    "DIMENSIONS",
    "INTERVAL",
    "OFFSET",
    "Figure",
    "asked_dimension",
    "asked_span",
    "asking_words",
    "format_figure",
    "read_figures",
]

DIMENSIONS = ("duration", "count", "money", "percent", "date")
INTERVAL = "interval"  # what a duration measures when it is the time since something last happened
OFFSET = "offset"  # ... when it is the time between two things: "a day earlier", "hours after the talks"

_FOLD = str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", "…": ".", "\u00a0": " "})
_WORD = "|".join(sorted(NUMBER_WORDS, key=len, reverse=True))
_NUMBER = (
    rf"(?:\d{{1,3}}(?:,\d{{3}})+|\d+(?:\.\d+)?|(?:{_WORD})(?:[\s-]+(?:and[\s-]+)?(?:{_WORD}))*"
    rf"|an?(?![\s-]+(?:{_WORD}|\d)\b))"
)
_FRACTION = (
    r"(?:an?\s+)?(?:half|quarter|third)\s+(?:of\s+)?an?\s+(?:million|billion|thousand|hundred|hour|day)"
)


_QUANTITY = compiled_on_first_use(  # an answer reads no figures: only a facts build needs these
    rf"(?<![\w.,-])(?P<num>{_FRACTION}|{_NUMBER})(?:\s+(?P<scale>million|billion|thousand))?"
    rf"(?P<sep>[\s-]+)(?:(?P<half>and\s+a\s+half)[\s-]+)?(?P<unit>[A-Za-z]+)(?P<half2>\s+and\s+a\s+half\b)?",
    re.IGNORECASE,
)
# the words that make a time a point or an offset rather than a length: "a day earlier", "two years ago"
_RELATIVE_WORDS = r"(?:earlier|later|ago|before|after|from\s+now|previously)\b"
_RELATIVE = compiled_on_first_use(rf"\s+{_RELATIVE_WORDS}", re.IGNORECASE)
# "hours after the speeches", "days later": a time between two things without a number (at least two)
_BARE_OFFSET = compiled_on_first_use(
    rf"(?<![\w-])(?P<unit>(?:{'|'.join(TIME_UNITS)})s)(?=\s+{_RELATIVE_WORDS})",
    re.IGNORECASE,
)
# "talked for an hour before lunch", "lasted two hours after ...": a length all the same
_LENGTH_LEAD = compiled_on_first_use(
    r"\b(?:for|last(?:ed|s|ing)?|took|spent)\s+(?:(?:about|around|nearly|almost|some|just|over|only)\s+)?$",
    re.IGNORECASE,
)
_MONEY = compiled_on_first_use(
    r"(?P<cur>[$€£])\s?(?P<num>\d[\d,]*(?:\.\d+)?)\s*(?P<scale>million|billion|thousand|bn|m)?\b"
)
_PERCENT = compiled_on_first_use(r"(?<![\w.])(?P<num>\d+(?:\.\d+)?)\s?(?:%|per\s?cent\b)", re.IGNORECASE)
_DATE = compiled_on_first_use(
    rf"\b(?:(?P<day1>\d{{1,2}})\s+)?(?P<month>{'|'.join(MONTH_CAPITALS)})"
    rf"(?:\s+(?P<day2>\d{{1,2}})\b)?(?:,?\s+(?P<year1>(?:19|20)\d\d)\b)?"
    r"|\b(?P<year2>(?:19|20)\d\d)\b"
    r"|\b(?P<weekday>Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b"
    r"|\b(?P<relative>(?i:yesterday|today|tomorrow|tonight|(?:last|next|this|previous|coming)\s+"
    r"(?:week|month|year|weekend|night|morning)|soon|shortly|later|earlier|immediately|"
    r"(?:next|coming|following|past|last)\s+(?:few\s+|several\s+)?(?:days|weeks|months|years)))\b"
)
# "... lasted ninety minutes", "the talks went on for an hour": the length of the noun before the verb.
_LASTED = compiled_on_first_use(
    r"\b(?:last(?:ed|s|ing)?|went\s+on|go\s+on|ran|run|took|take|takes)\s+(?:for\s+)?"
    r"(?:(?:about|around|approximately|roughly|nearly|almost|some|just|over|under|more\s+than|less\s+than|"
    r"only|barely|a\s+little|up\s+to)\s+)*$",
    re.IGNORECASE,
)
# "their first meeting in two years", "for the first time in a decade", "in the last two years"
_SINCE = compiled_on_first_use(
    r"\b(?:first|last)\b[^,;.]{0,60}\b(?:in|for)\s+(?:(?:the|a)\s+)?(?:(?:last|past|more\s+than|over|nearly|"
    r"almost|about)\s+)*$|\b(?:in|for|over)\s+(?:the\s+)?(?:last|past)\s+$",
    re.IGNORECASE,
)
# "they met for 95 minutes", "the two talked for an hour": the verb names what the figure measures.
# The words (config facts.measured_alike) name it: "met face-to-face for", "sat down one-on-one for".
# (The search's first match starts after no [\w-]: one starting after one would start there too. The
# lookbehind says so, and the search then skips the inside of every word at once.)
_FOR_TAIL = compiled_on_first_use(
    r"(?<![\w-])(?P<lead>(?:[\w-]+\s+){1,4})for\s+(?:[\w-]+\s+){0,2}$", re.IGNORECASE
)
# "more than an hour" is a lower bound, "up to 250,000" an upper one: neither contradicts a figure beyond it
_AT_LEAST = compiled_on_first_use(
    r"\b(?:more\s+than|over|at\s+least|longer\s+than|upwards\s+of|in\s+excess\s+of)\s+$", re.I
)
_AT_MOST = compiled_on_first_use(
    r"\b(?:less\s+than|under|up\s+to|at\s+most|no\s+more\s+than|fewer\s+than)\s+$", re.I
)
# The words every match of those patterns ends with (then white space, the text's end): on an ASCII text,
# a text that ends otherwise is not searched (bot/facts/words.py's `may_end`).
_AT_LEAST_ENDS = ("than", "over", "least", "of")
_AT_MOST_ENDS = ("than", "under", "to", "most")
_SINCE_ENDS = ("in", "for", "the", "a", "last", "past", "than", "over", "nearly", "almost", "about")
_LASTED_ENDS = tuple(
    "last lasted lasts lasting on ran run took take takes for about around approximately roughly nearly"
    " almost some just over under than only barely little to".split()
)
_CLAUSE = compiled_on_first_use(r"[,.;:()]|\b(?:that|which|who|when|while|and|but)\b", re.IGNORECASE)
_PREPOSITION = compiled_on_first_use(r"\b(?:between|of|with|in|at|on|for|from|among)\b", re.IGNORECASE)
_OF_NOUN = compiled_on_first_use(r"\s+of\s+(?:(?:the|their|his|her|its)\s+)?(?P<noun>[a-z]+)", re.IGNORECASE)
_NOUN_AFTER = compiled_on_first_use(r"[\s-]+(?:long\s+)?(?P<noun>[a-z]+)", re.IGNORECASE)
_SUPERLATIVE_NOUN = compiled_on_first_use(r"\s+(?P<noun>[a-z]+)")
_SUBJECT_WORDS = compiled_on_first_use(r"[A-Za-z]+")
_YEAR = compiled_on_first_use(r"(?:19|20)\d\d")
_STEMMER = Stemmer.Stemmer("english")
_FOR_TAIL_WORDS = 7  # a match of _FOR_TAIL spans at most 4 + 1 + 2 words
_BOUND_WORDS = 3  # a match of _AT_LEAST or _AT_MOST at most 3 ("in excess of", "no more than")
_NOT_NOUNS = STOPWORDS | {"long", "old", "later", "earlier", "ago", "lasting", "time", "period"}


@dataclass(frozen=True, slots=True)
class Figure:
    """A figure stated in a sentence: value (minutes for durations), unit, dimension, what it measures, span.

    `measures` is the stemmed noun the figure is about ("meet" for "a 90-minute meeting", "live" for "a
    quarter of a million lives"), INTERVAL for the time since something last happened, or "" when unknown.
    `start`/`end` are offsets into the sentence text. `bound` is "min" for "more than an hour", "max" for
    "up to a quarter of a million", "" for a figure given as such (or roughly: "approximately one hour").
    """

    value: float
    unit: str
    dimension: str
    measures: str
    start: int
    end: int
    text: str
    bound: str = ""

    @property
    def is_length(self) -> bool:
        """A duration that is a length of something (not the interval since it last happened, nor the
        offset between two things)."""
        return self.dimension == "duration" and self.measures not in (INTERVAL, OFFSET)


def read_figures(text: str, measured: Mapping[str, str] | None = None) -> list[Figure]:
    """Every figure stated in `text`, in order of position. `measured` maps words (lower case) to what a
    length "for" them measures ({"met": "meet"}): "they met for 95 minutes" is a meeting's length."""
    folded = text if text.isascii() else text.translate(_FOLD)  # every folded mark is outside ASCII
    cues = FigureCues(folded)
    if cues.nothing():  # most sentences: no pattern can match
        return []
    found: list[Figure] = []
    for m in _MONEY().finditer(folded) if cues.money else ():
        value = float(m["num"].replace(",", "")) * scale_of(m["scale"])
        found.append(_figure(text, m, value, m["cur"], "money", measures=""))
    for m in _PERCENT().finditer(folded) if cues.percent() else ():
        found.append(_figure(text, m, float(m["num"]), "%", "percent", measures=""))
    taken = [(f.start, f.end) for f in found]
    for m in _QUANTITY().finditer(folded, cues.quantity_from()) if cues.quantity() else ():
        if any(a <= m.start() < b for a, b in taken):
            continue
        figure = _quantity(text, folded, m, measured or {}, cues)
        if figure is not None:
            found.append(figure)
    taken = [(f.start, f.end) for f in found]
    for m in _BARE_OFFSET().finditer(folded) if cues.quantity() else ():
        if not any(a <= m.start() < b for a, b in taken):
            found.append(_bare_offset(text, m))
    taken = [(f.start, f.end) for f in found]
    dates = _dates(text, folded, cues.date_from()) if cues.date() else ()
    found.extend(f for f in dates if not any(a <= f.start < b for a, b in taken))
    return sorted(found, key=lambda f: f.start)


def format_figure(figure: Figure) -> str:
    """A readable figure: '1 hour', '90 minutes', '250,000 live', '$2,500,000,000'."""
    if figure.dimension == "duration":
        for unit in ("year", "month", "week", "day", "hour"):
            size = TIME_UNITS[unit]
            if figure.value >= size and figure.value % size == 0:
                n = int(figure.value // size)
                return f"{n} {unit}{'s' if n != 1 else ''}"
        return f"{figure.value:g} minutes"
    if figure.dimension == "money":
        return f"{figure.unit}{figure.value:,.0f}"
    if figure.dimension in ("percent", "date"):
        return figure.text
    return f"{figure.value:,g} {figure.unit}"


def _figure(text: str, m: re.Match[str], value: float, unit: str, dimension: str, *, measures: str) -> Figure:
    before = text[: m.start()]
    before = before if before.isascii() else before.translate(_FOLD)  # it folds no ASCII character
    if may_end(before, _AT_LEAST_ENDS) and _AT_LEAST().search(before, tail_from(before, _BOUND_WORDS)):
        bound = "min"
    elif may_end(before, _AT_MOST_ENDS) and _AT_MOST().search(before, tail_from(before, _BOUND_WORDS)):
        bound = "max"
    else:
        bound = ""
    return Figure(value, unit, dimension, measures, m.start(), m.end(), text[m.start() : m.end()], bound)


def _quantity(
    text: str, folded: str, m: re.Match[str], measured: Mapping[str, str], cues: FigureCues
) -> Figure | None:
    number, unit = m["num"], m["unit"].lower()
    relative = _RELATIVE().match(folded, m.end()) is not None  # "a day earlier", "two years ago"
    singular = unit[:-1] if unit.endswith("s") and unit[:-1] in TIME_UNITS else unit
    if singular in TIME_UNITS:
        if number.lower() in ("a", "an") and m["sep"].strip() == "-":
            return None  # "a-day" is not a figure
        value = parse_number(number) * scale_of(m["scale"]) + (0.5 if m["half"] or m["half2"] else 0.0)
        offset = relative and not _LENGTH_LEAD().search(folded, tail_from(folded[: m.start()], 3), m.start())
        measures = OFFSET if offset else _measured(folded, m, measured, cues)
        return _figure(text, m, value * TIME_UNITS[singular], "minute", "duration", measures=measures)
    if (
        relative
        or number.lower() in ("a", "an")
        or unit in STOPWORDS
        or _YEAR().fullmatch(number)
        or not m["unit"][0].islower()
        or unit in SCALES
        or folded[: m.start()].lower().endswith("the ")  # "the two presidents" names, it does not count
    ):
        return None
    value = parse_number(number) * scale_of(m["scale"])
    superlative = _SUPERLATIVE_NOUN().match(folded, m.end()) if unit.endswith("est") else None
    noun = measure_stem(superlative["noun"] if superlative else unit)  # "20 largest economies"
    return _figure(text, m, value, noun, "count", measures=noun)


def _bare_offset(text: str, m: re.Match[str]) -> Figure:
    """An offset written as a plural unit alone ("hours after"): at least two of the unit."""
    value = 2.0 * TIME_UNITS[m["unit"].lower()[:-1]]
    return Figure(value, "minute", "duration", OFFSET, m.start(), m.end(), text[m.start() : m.end()], "min")


def _measured(folded: str, m: re.Match[str], measured: Mapping[str, str], cues: FigureCues) -> str:
    """What a duration is the length of: the noun it qualifies, the subject of 'lasted', or an interval.
    (The text's words are the words of `before` too: a figure starts after no letter.)"""
    before = folded[: m.start()]
    if may_end(before, _SINCE_ENDS) and cues.may_hold(SINCE_WORDS) and _SINCE().search(before):
        return INTERVAL
    if m["sep"].strip() == "-" or folded[m.end() : m.end() + 5].lower().startswith("-long"):
        noun = _NOUN_AFTER().match(folded, m.end())  # "a 90-minute meeting", "an hour-long talk"
        if noun and noun["noun"].lower() not in _NOT_NOUNS:
            return measure_stem(noun["noun"])
    of = _OF_NOUN().match(folded, m.end())  # "95 minutes of talks"
    if of and of["noun"].lower() not in _NOT_NOUNS:
        return measure_stem(of["noun"])
    may_tail = may_end(before, ("",)) and (not before.isascii() or "for" in before.lower())
    tail = _FOR_TAIL().search(before, tail_from(before, _FOR_TAIL_WORDS)) if may_tail else None
    if tail:
        named = [measured[w.lower()] for w in tail["lead"].split() if w.lower() in measured]
        if named:
            return named[-1]
    if may_end(before, _LASTED_ENDS) and cues.may_hold(LASTED_WORDS) and _LASTED().search(before):
        return _subject_head(_LASTED().sub("", before))
    return ""


def _subject_head(before: str) -> str:
    """The head noun of a verb's subject ('Talks between the two' -> talk; 'the war, which' -> war)."""
    pieces = [p for p in _CLAUSE().split(before) if p is not None]
    for piece in reversed(pieces):
        phrase = _PREPOSITION().split(piece)[0]
        words = [w for w in _SUBJECT_WORDS().findall(phrase) if w.lower() not in _NOT_NOUNS]
        words = [w for w in words if w.lower() not in NUMBER_WORDS]
        if words:
            return measure_stem(words[-1])
    return ""


def measure_stem(word: str) -> str:
    """The stem `Figure.measures` uses for a word ('meetings' -> 'meet')."""
    return str(_STEMMER.stemWord(word.lower()))


def _dates(text: str, folded: str, start: int) -> list[Figure]:
    out = []
    for m in _DATE().finditer(folded, start):
        if m["relative"]:
            out.append(_figure(text, m, 0.0, "relative", "date", measures=""))
        elif m["weekday"]:
            out.append(_figure(text, m, 0.0, "weekday", "date", measures=""))
        elif m["year2"]:
            out.append(_figure(text, m, float(m["year2"]), "year", "date", measures=""))
        else:
            month = MONTHS.index(m["month"].lower()) + 1
            day = int(m["day1"] or m["day2"] or 0)
            if m["month"] == "May" and not (day or m["year1"]):
                continue  # the verb "may"
            year = int(m["year1"] or 0)
            out.append(_figure(text, m, float(year * 10000 + month * 100 + day), "day", "date", measures=""))
    return out


_ASKS = {
    "duration": compiled(r"\bhow\s+long\b|\blast(?:ed|s|ing)?\b|\bduration\b|\blength\b", re.IGNORECASE),
    "count": compiled(r"\bhow\s+many\b|\bnumber\s+of\b|\btoll\b", re.IGNORECASE),
    "money": compiled(r"\bhow\s+much\b|\bcost\b|\bprice\b", re.IGNORECASE),
}


def asked_dimension(topic: str) -> str | None:
    """The kind of figure a topic asks for ("how long the meeting lasted" asks for a duration), or None."""
    return next((dim for dim, regex in _ASKS.items() if regex.search(topic)), None)


# "how long had it been since ...", "how long ago": the time since something last happened
_ASKS_SINCE = compiled(r"\bsince\b|\bhow long (?:had|has) it been\b|\bhow long ago\b", re.IGNORECASE)
# "how long after the speeches", "how many days before the summit", "how much later", "how many hours
# passed between the clash and the talks": the time between two things
_ASKS_OFFSET = compiled(
    r"\bhow\s+(?:long|soon|much\s+(?:time|later|earlier)|many\s+[a-z]+)\s+(?:after|before|later|earlier|"
    r"(?:had\s+)?(?:passed|elapsed|went\s+by)\s+between)\b",
    re.IGNORECASE,
)


@functools.lru_cache(maxsize=1024)
def asked_span(question: str) -> str:
    """What time a question asks besides a length: INTERVAL for the time since something ("how long had
    it been", answered by "their first meeting in two years"), OFFSET for the time between two things
    ("how long after the speeches", answered by "hours after"), "" for neither."""
    if _ASKS_SINCE.search(question):
        return INTERVAL
    return OFFSET if _ASKS_OFFSET.search(question) else ""


def asking_words(topic: str) -> set[str]:
    """The words of a topic that only ask for a figure ("how", "long", "lasted"), lower-cased."""
    words: set[str] = set()
    for regex in _ASKS.values():
        for match in regex.finditer(topic):
            words.update(w.lower() for w in match.group(0).split())
    return words
