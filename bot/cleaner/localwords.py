"""A page's lines as an English reader of its furniture reads them: dates and chrome words of other
languages put in English, so that every finder written for English shapes reads them too.

A German, Spanish, French, Russian, Italian or Portuguese page prints its date with the month's own name
("24 de septiembre de 2015", "5. September 2016", "5 сентября 2016 г.") and its furniture in its own
words ("Kommentare", "Foto: NAME", "Von dpa"). The names are config data (`cleaner.month_names`: twelve
rows, one a month; `cleaner.chrome_words`: rows of an English word and its equals in other languages).
The cleaner lays out and reads metadata from this reading copy; the story's sentences keep the page's
own words (`clean_article` takes them from the page's lines, never from the copy).

What is put in English:
- a full date (day, month's name, year; a weekday may open it), the day first as these languages write
  it, with their little words ("de", "del", "di") and marks (the German day's dot, Russian's "г.");
- a line that is a furniture word alone, perhaps with a colon or a count ("Kommentare (3)");
- a furniture word opening a line before a colon ("Foto: NAME", "Kommentare:") or closing a sentence's
  line as a credit label (" Foto: NAME" after a caption);
- a byline's word ("Von", "Por", "Par") before a known agency's or outlet's name, or a writer's name or
  two, alone on its line: before anything else it may open a headline ("Por qué ...", "Von Putin
  enttäuscht").
"""

from __future__ import annotations

import dataclasses
import functools
import re
from collections.abc import Callable, Iterable, Sequence
from typing import NamedTuple

from bot.cleaner.dates import find_date
from bot.cleaner.lines import Line
from bot.cleaner.unwrap import joined_lines
from bot.config import CleanerConfig

__all__ = ["english_chrome", "english_date", "own_lines", "own_words", "reading_lines"]

_MONTHS_EN = "January February March April May June July August September October November December".split()
_WEEKDAYS_EN = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
_BYLINE_WORD = "by"  # the English word a byline's own word is read as
_YEAR = r"(?:19|20)\d{2}"


_YEAR_DIGITS = re.compile(_YEAR)  # what a foreign date needs before its pattern is tried
# a numeric date whose year has two digits ("05.09.16"): a clock beside it is a stamp's as beside a full one
_SHORT_YEAR_DATE = re.compile(r"(?<![\d.])\d{1,2}([./])\d{1,2}\1\d{2}(?![\d.])")
_DAY_DIGITS = re.compile(r"\d[\s.eº°]")  # what a day before a month's name needs
_MONTHS_EN_LOW = frozenset(month.lower() for month in _MONTHS_EN)
_DAY_ONLY_LETTERS = 5  # not a threshold: "mars", "juin", "mayo" are spelt as English words or kept apart
# a day without a year is read where a dateline or a date line holds it: in a line's first characters
# (a place of forty, its comma, the day and the month's name)
_DAY_ONLY_REACH = 64


class _Dates(NamedTuple):
    """The foreign full date's pattern, the weekday's before it, each month name's month and each weekday
    name's day, and the clock's pattern."""

    pattern: re.Pattern[str]
    weekday: re.Pattern[str] | None
    months: dict[str, int]
    weekdays: dict[str, int]
    clock: re.Pattern[str]
    clock_hint: re.Pattern[str]
    clock_at: re.Pattern[str] | None  # "2016 às 10:36": the word for "at" between a date and its clock
    day_only: re.Pattern[str] | None  # a day and a month's name, no year ("29 сентября", "28. September")


def _alternation(words: Iterable[str]) -> str:
    return "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))


_WEEKDAY_REACH = 20  # not a threshold: the longest weekday's name, its comma and a space


@functools.lru_cache(maxsize=8)
def _dates(
    month_names: tuple[tuple[str, ...], ...],
    weekday_names: tuple[tuple[str, ...], ...],
    clock_words: tuple[str, ...],
    clock_at_words: tuple[str, ...] = (),
) -> _Dates | None:
    """The patterns for these names (a weekday may open the date; a clock's word or its "h" follows).
    The date's pattern opens with its day's digits, so that the search skips a line's letters fast."""
    months = {name.casefold(): n for n, names in enumerate(month_names, start=1) for name in names}
    if not months:
        return None
    weekdays = {name.casefold(): n for n, names in enumerate(weekday_names) for name in names}
    weekday = (
        re.compile(rf"(?<![\w/.])(?P<weekday>{_alternation(weekdays)}),?\s+$", re.IGNORECASE)
        if weekdays
        else None
    )
    pattern = re.compile(
        rf"(?P<day>\d{{1,2}})(?:\.|er|º|°)?\s+(?:de\s+)?(?P<month>{_alternation(months)})"
        rf"\.?,?\s+(?:de\s+|del\s+|di\s+)?(?P<year>{_YEAR})(?!\d)(?:\s*(?:г\.|года|г\b|року|р\.))?",
        re.IGNORECASE,
    )
    # "10h12" (French, Spanish) and "18:42 Uhr": the clock as English prints it
    worded = rf"|(?P<hm>\d{{1,2}}[:.][0-5]\d)\s+(?:{_alternation(clock_words)})" if clock_words else ""
    clock = re.compile(rf"(?<![\w:.])(?:(?P<h>[01]?\d|2[0-3])h(?P<m>[0-5]\d){worded})(?!\w)", re.IGNORECASE)
    # what the clock's pattern needs, opening with a digit so that the search skips fast
    hint = rf"|\d\s+(?:{_alternation(clock_words)})" if clock_words else ""
    # a month's name without a year only where no English word is spelt alike: five letters at least, or
    # another script's ("3 out of 5", "3 Mars" are no dates)
    named = [name for name in months if (len(name) >= _DAY_ONLY_LETTERS or not name.isascii())]
    named = [name for name in named if name not in _MONTHS_EN_LOW]
    day_only = (
        re.compile(
            rf"(?P<day>\d{{1,2}})(?:\.|er|º|°)?\s+(?:de\s+)?(?P<month>{_alternation(named)})(?!\w)", re.I
        )
        if named
        else None
    )
    clock_hint = re.compile(rf"\dh[0-5]\d{hint}", re.IGNORECASE)
    clock_at = (
        re.compile(rf"(?<=\d)\s+(?:{_alternation(clock_at_words)})\s+(?=\d{{1,2}}[:.][0-5]\d(?!\d))", re.I)
        if clock_at_words
        else None
    )
    return _Dates(pattern, weekday, months, weekdays, clock, clock_hint, clock_at, day_only)


def english_date(text: str, settings: CleanerConfig) -> str:
    """The text with each full date written with another language's month name put as English writes
    it ("Montag, 28. September 2015" -> "Monday, 28 September 2015", "24 de septiembre de 2015" -> "24
    September 2015"), a day and a month's name without a year too, the first in a line's opening (a
    dateline's: "МОСКВА, 29 сентября." -> "МОСКВА, 29 September."; not a name English spells alike: "3
    mars"), and a clock in another language's way ("10h12", "18:42 Uhr")
    beside a full date (or a numeric one with a two-digit year: "05.09.16, 16:32 Uhr") as English's; any
    other text as it is."""
    return _english_date(text, _settings_dates(settings))


def _settings_dates(settings: CleanerConfig) -> _Dates | None:
    return _dates(settings.month_names, settings.weekday_names, settings.clock_words, settings.clock_at_words)


def _english_date(text: str, dates: _Dates | None) -> str:
    """See `english_date` (a clock is put in English beside a full date)."""
    if dates is None or not _DAY_DIGITS.search(text):
        return text
    year = _YEAR_DIGITS.search(text)
    if year:
        text = _english_days(text, dates)
    if dates.clock_hint.search(text) and (year or _SHORT_YEAR_DATE.search(text)):
        text = dates.clock.sub(_english_clock, text)
    if year and dates.clock_at is not None:  # "5 September 2016 às 10:36" is "... 2016 at 10:36"
        text = dates.clock_at.sub(" at ", text)
    found = dates.day_only.search(text, 0, _DAY_ONLY_REACH) if dates.day_only is not None else None
    if found is None or (
        found.start() and (text[found.start() - 1].isalnum() or text[found.start() - 1] in "_/.")
    ):
        return text
    month = _MONTHS_EN[dates.months[found.group("month").casefold()] - 1]
    return f"{text[: found.start()]}{int(found.group('day'))} {month}{text[found.end() :]}"


def _english_days(text: str, dates: _Dates) -> str:
    """The text with its foreign full dates (and the weekday before one) in English."""
    out: list[str] = []
    done = 0
    for match in dates.pattern.finditer(text):
        start = match.start()
        if start and (text[start - 1].isalnum() or text[start - 1] in "_/."):
            continue  # the day is part of a number or a path ("2015/24 de ...", "v1.24 de ...")
        opening = ""
        named = (
            dates.weekday.search(text, max(done, start - _WEEKDAY_REACH), start) if dates.weekday else None
        )
        if named is not None:
            start, opening = (
                named.start(),
                f"{_WEEKDAYS_EN[dates.weekdays[named.group('weekday').casefold()]]}, ",
            )
        elif find_date(match.group(0)) is not None:
            continue  # a date English's reader reads ("29 Sep 2015") stays as printed
        month = _MONTHS_EN[dates.months[match.group("month").casefold()] - 1]
        out += [text[done:start], f"{opening}{int(match.group('day'))} {month} {match.group('year')}"]
        done = match.end()
    return "".join([*out, text[done:]]) if out else text


def _english_clock(match: re.Match[str]) -> str:
    hours = match.group("h")
    return f"{hours}:{match.group('m')}" if hours else match.group("hm")


class _Chrome(NamedTuple):
    """The furniture words' patterns (see `_chrome`) and each foreign word's English."""

    opening: re.Pattern[str]
    dated: re.Pattern[str]
    closing: re.Pattern[str]
    english: dict[str, str]
    heads: frozenset[str]  # every foreign word's first word: a line opening otherwise opens with none
    writers: re.Pattern[str]  # a writer's name or two alone after a byline's word


@functools.lru_cache(maxsize=8)
def _chrome(chrome_words: tuple[tuple[str, ...], ...], and_words: tuple[str, ...]) -> _Chrome | None:
    """A line that is one word alone or opens with it before a colon, a stop or a count; a label before a
    date or a clock ("Publié le 5 ..."; no byline's word: "Von 2015 an" is prose); a label after a
    sentence's end or a field's separator, before a colon."""
    english = {word.casefold(): row[0] for row in chrome_words for word in row[1:]}
    if not english:
        return None
    labels = [word for word in english if english[word].casefold() != _BYLINE_WORD]
    words, dated = (
        "|".join(re.escape(word) for word in sorted(found, key=len, reverse=True))
        for found in (english, labels)
    )
    return _Chrome(
        re.compile(rf"^(?P<word>{words})(?=\s*(?:$|[:：.!]|\(\d+\)$|\d+$))", re.IGNORECASE),
        re.compile(rf"^(?P<word>{dated})(?=\s+\d)", re.IGNORECASE),
        re.compile(rf"(?P<mark>[.!?”\"|/·•])\s+(?P<word>{words})(?=\s*[:：])", re.IGNORECASE),
        english,
        frozenset(_first_word(word) for word in english),
        re.compile(rf"{_NAME}(?:\s+(?:{'|'.join(map(re.escape, ('and', *and_words)))})\s+{_NAME})?"),
    )


_WORD = re.compile(r"[^\W\d_]+")
# a writer's name or two alone after a byline's word: two or three capitalised words each, two names
# joined by the word for "and" (config `cleaner.and_words`, and English's: "Von Anna Berg und Jan Roth"); a
# headline runs on in lower case ("Von Putin enttäuscht", "Por qué ...")
_NAME = r"[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]+(?:\s+[A-ZÀ-ÖØ-ÞА-ЯЁ][\w'’.-]+){1,2}"


def _first_word(text: str) -> str:
    found = _WORD.match(text)
    return found.group(0).casefold() if found else ""


def english_chrome(text: str, settings: CleanerConfig, known: Callable[[str], bool]) -> str:
    """The line with its furniture words of other languages put in English (see the module's list);
    `known`: whether a name is a known agency's or outlet's."""
    return _english_chrome(text, _chrome(settings.chrome_words, settings.and_words), known)


def _english_chrome(text: str, chrome: _Chrome | None, known: Callable[[str], bool]) -> str:
    if chrome is None or not text:
        return text
    if _first_word(text) in chrome.heads:
        match = chrome.opening.match(text) or chrome.dated.match(text)
        if match is not None:
            return chrome.english[match.group("word").casefold()] + text[match.end() :]
        head, _, rest = text.partition(" ")
        byline = chrome.english.get(head.casefold(), "").casefold() == _BYLINE_WORD
        if byline and rest and (known(rest) or chrome.writers.fullmatch(rest)):
            return f"{chrome.english[head.casefold()]} {rest}"
    if ":" not in text and "：" not in text:
        return text
    return chrome.closing.sub(
        lambda m: f"{m.group('mark')} {chrome.english[m.group('word').casefold()]}", text
    )


def reading_lines(lines: list[Line], settings: CleanerConfig, known: Callable[[str], bool]) -> list[Line]:
    """The lines as an English reader reads them (each line that changes is a copy; the others are the
    page's own): the very list given when none changes."""
    dates = _settings_dates(settings)
    chrome = _chrome(settings.chrome_words, settings.and_words)
    out = []
    changed = False
    for line in lines:
        text = _english_chrome(_english_date(line.text, dates), chrome, known)
        if text == line.text:
            out.append(line)
        else:
            out.append(dataclasses.replace(line, text=text))
            changed = True
    return out if changed else lines


def own_lines(read: list[Line], own_split: Sequence[Line], read_split: Sequence[Line]) -> list[Line]:
    """The page's own lines laid out as `read` (the reading copy's raw lines, unwrapped): a paragraph
    holding a line put in English is joined again from the page's own raw lines."""
    if read_split is own_split:
        return read
    out = []
    for line in read:
        span = range(line.number - 1, line.last or line.number)
        same = all(read_split[n] is own_split[n] for n in span)
        out.append(line if same else joined_lines([own_split[n] for n in span]))
    return out


def own_words(evidence: str, own: Sequence[Line], read: Sequence[Line]) -> str:
    """Evidence quoted from the reading copy, in the page's own words again (a line put in English is
    quoted as the page prints it)."""
    if read is own:
        return evidence
    for mine, seen in zip(own, read, strict=True):
        if mine is not seen and seen.text in evidence:
            evidence = evidence.replace(seen.text, mine.text)
    return evidence
