"""Dates written in article text and URLs: find one, parse it, and tell a bare date line or an update stamp.

Styles read: "29 Sep 2015", "September 28, 2015", "Sept. 29, 2015", "2015-09-28", "2016年9月5日" (in
full-width digits too),
numeric "29/09/2015", "09/29/2015", "29.09.2015" and "03/10/16" (an ambiguous day/month order is settled
by the windows given, else read day first, as most of the world writes it), a month and day without a
year ("Sept. 29") whose year comes from elsewhere, and dates in URL paths. Relative dates ("2 hours ago")
are never dates. E-mail and archive stamps ("Tue Sep 29 08:14:22 EDT 2015") are read too.
"""

from __future__ import annotations

import datetime as dt
import functools
import logging
import re
from collections.abc import Sequence
from typing import NamedTuple

from dateutil import parser as date_parser

from bot.cleaner.urlstamp import (
    CENTURY_START,
    YEAR,
    Found,
    folder_date,
    id_date,
    short_folder_date,
    timestamp_date,
)

__all__ = [
    "CENTURY_START",
    "LEAP_YEAR",
    "MONTHS",
    "MONTH_START",
    "YEAR",
    "DateMatch",
    "PartialDate",
    "find_date",
    "find_partial_date",
    "find_update",
    "is_date_only",
    "is_update_stamp",
    "is_update_word",
    "is_yearless_date_only",
    "url_date",
    "without_category_stamps",
    "without_update_words",
]

log = logging.getLogger(__name__)

# not thresholds: a year written in two digits ("29.09.15") is below 100, and read in the 2000s
_TWO_DIGITS = 100
LEAP_YEAR = 2000  # any leap year: a month and day is real when it is a day of some year ("Feb. 29")
_MONTH = (
    r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|"
    r"sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
)
# a month's abbreviation and any letters after it, as forum and topic stamps print them ("Jul", "Sept.")
MONTH_START = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|oct|nov|dec)[a-z]{0,6}\.?"
_WEEKDAY = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
_DAY = r"\d{1,2}(?:st|nd|rd|th)?"
_CJK_YEAR = rf"{YEAR}|[１２][０-９]{{3}}"  # a CJK date's year, perhaps in full-width digits: ２０１６年
_DATE = re.compile(
    rf"(?<![\w/.])(?<!\w-)(?:{_WEEKDAY},?\s+)?(?:"  # a dash opens a date only after a space: "APP -5th Sep"
    rf"{_DAY}(?:\s+|-){_MONTH}(?:,\s*|\s+|-){YEAR}"  # 29 Sep 2015, 5 Sep, 2016, 05-Sep-2016, 5th Sep,2016
    rf"|{_MONTH}\s+{_DAY}(?:,\s*|\s+){YEAR}"  # September 28, 2015; Aug 25,2016
    rf"|{_MONTH}\s+-\s+{_DAY}\s+-\s+{YEAR}"  # Apr - 03 - 2024
    rf"|{_MONTH}/{_DAY}/{YEAR}"  # November/16/2015
    rf"|{_MONTH}\s+{_DAY}\s+\d{{1,2}}:\d{{2}}(?::\d{{2}})?\s+(?:[A-Z]{{2,5}}\s+)?{YEAR}"  # e-mail
    rf"|(?P<iso>{YEAR})[-/.](?P<im>\d{{1,2}})[-/.](?P<id>\d{{1,2}})"  # 2015-09-28, 2015/09/28
    rf"|(?P<a>\d{{1,2}})(?P<sep>[/.-])(?P<b>\d{{1,2}})(?P=sep)(?P<y>{YEAR}|\d{{2}})"  # 29/09/2015, 9/29/15
    rf"|(?P<cy>{_CJK_YEAR})\s*年\s*(?P<cm>\d{{1,2}})\s*月\s*(?P<cd>\d{{1,2}})\s*日"  # 2016年9月5日 (CJK)
    rf")(?!\d)(?![/-]\d)",
    re.IGNORECASE,
)
_DIGIT = re.compile(r"\d")  # what \d matches includes full-width digits: every alternative of _DATE needs one
_PARTIAL = re.compile(
    rf"(?<![\w/])(?:{_WEEKDAY},?\s+)?(?:(?P<md>{_MONTH})\s+(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?"
    rf"|(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\s+(?:of\s+)?(?P<dm>{_MONTH}))(?![\w])(?!,?\s+{YEAR})",
    re.IGNORECASE,
)
# What may sit beside the date in a line that is only a date: a weekday, a clock ("0844 HRS" too), a zone,
# separators.
_DATE_LINE_REST = re.compile(
    rf"^(?:\s|[-–—,;|/•·:().\[\]]|{_WEEKDAY}|\d{{1,2}}[:.]\d{{1,2}}(?::\d{{2}})?|(?:[01]\d|2[0-3])[0-5]\d\s*hrs\b|\d{{1,2}}(?=\s*[ap]\.?m\b)|[ap]\.?m\.?|gmt|utc|[a-z]{{1,2}}st|"
    r"\(?(?-i:[A-Z]{1,3}T)\)?|"  # a zone abbreviation in capitals: most end in T ("BJT", "HKT", "AEDT")
    r"[^\W\d_](?=\s+\d{1,2}[:.]\d{2})|"  # a one-letter word before a clock ("à 15:06": "at")
    r"(?:utc|gmt)?[+-]\d{1,2}(?::?\d{2})?|\d+\s+(?:minutes?|hours?|days?)\s+ago|\(?(?:ist|bst|cet|cest|edt|est|pdt|pst|msk|hkt|jst|kst|et|pt|ct)\)?|update[ds]?|published|posted|created|write|written|on|at|last|first|modified|date|(?:read|views?|hits)\s*:?\s*\d[\d,]*|\d[\d,]*\s+comments?|(?:adjust\s+)?(?:font|text)\s+size)*$",
    re.IGNORECASE,
)
_UPDATE_WORD = re.compile(
    r"\b(?:last\s+)?(?:updated?|modified|edited|revised)\b\s*:?\s*(?:on\s+|at\s+)?", re.I
)
_UPDATE = re.compile(r"^\W*(?:last\s+)?(?:updated?|modified|edited|revised)\b", re.IGNORECASE)
# /2015/09/29/, /2015-09-29-, /20150929/, a slug's -20180716-, a date opening an id: /201702101050540470-,
# or opening an object id, the date then a hash in hex digits (a 64-bit hash's 16 at least): _20150929a1b2...
_URL_DATE = re.compile(
    rf"[/_-](?P<y>{YEAR})[/-]?(?P<m>0[1-9]|1[0-2])[/-]?(?P<d>0[1-9]|[12]\d|3[01])"
    rf"(?=[/_.-]|$|\d{{6,}}[/_.-]|[\da-f]{{16,}}[/_.-])"
)
# a month by name in a URL's path: /2016/sep/05/, /2016_September_5, /04-Sep-2016/
_URL_NAMED_DATE = re.compile(
    rf"/(?:(?P<y>{YEAR})[/_-](?P<m>[a-z]{{3,9}})[/_-](?P<d>\d{{1,2}})"
    rf"|(?P<d2>\d{{1,2}})[_-](?P<m2>[a-z]{{3,9}})[_-](?P<y2>{YEAR}))(?=[/_.-]|$)",
    re.IGNORECASE,
)
# folders with a one-digit month or day, slashes on both sides: /2015/9/28/ (never a dash or glued run,
# where one-digit parts would read dates out of ids)
_URL_SLASH_DATE = re.compile(rf"/(?P<y>{YEAR})/(?P<m>0?[1-9]|1[0-2])/(?P<d>0?[1-9]|[12]\d|3[01])/")
# a folder named by a date and a clock to the second (/2012-11-25-08-44-50/): a CMS's alias of a category
# whose title has no Latin letters (Joomla names it by when it was made), not the day of the page under it
_CATEGORY_STAMP = re.compile(rf"/{YEAR}-\d{{2}}-\d{{2}}-\d{{2}}-\d{{2}}-\d{{2}}(?=/[^/])")
MONTHS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
# a slug's compact day, month's abbreviation and two-digit year: /obama-putin-05sep16/
_URL_COMPACT_DATE = re.compile(
    rf"(?<=[/_-])(?P<d>0?[1-9]|[12]\d|3[01])(?P<m>{'|'.join(MONTHS)})(?P<y>\d{{2}})(?=[/_.-]|$)",
    re.IGNORECASE,
)


class DateMatch(NamedTuple):
    """A date found in a text and the words it was read from."""

    date: dt.date
    source: str


class PartialDate(NamedTuple):
    """A month and day written without a year ("Sept. 29"), and the words they were read from."""

    month: int
    day: int
    source: str


Window = tuple[dt.date, dt.date]


def find_date(text: str, windows: Sequence[Window] = ()) -> DateMatch | None:
    """The first full date (with a year) written in the text; None if there is none."""
    if not _DIGIT.search(text):  # every date holds a digit (a year, a day or a CJK year)
        return None
    for match in _DATE.finditer(text):
        numeric = match.group("a") or match.group("iso") or match.group("cy")
        found = _numeric(match, windows) if numeric else _words(match)
        if found is not None:
            return DateMatch(found, match.group(0))
    return None


_GLUED_YEAR = re.compile(r",(?=\d{4})")


def _words(match: re.Match[str]) -> dt.date | None:
    try:
        spaced = _GLUED_YEAR.sub(", ", match.group(0))  # "Aug 25,2016": the parser needs the space
        spaced = spaced.replace("/", " ")  # "November/16/2015"
        return date_parser.parse(spaced, fuzzy=True, ignoretz=True).date()
    except (ValueError, OverflowError):
        log.debug("not a date: %r", match.group(0))
        return None


def _numeric(match: re.Match[str], windows: Sequence[Window]) -> dt.date | None:
    if match.group("iso"):
        return _make(int(match.group("iso")), int(match.group("im")), int(match.group("id")))
    if match.group("cy"):
        return _make(int(match.group("cy")), int(match.group("cm")), int(match.group("cd")))
    a, b, year = int(match.group("a")), int(match.group("b")), int(match.group("y"))
    year = year + CENTURY_START if year < _TWO_DIGITS else year
    day_first, month_first = _make(year, b, a), _make(year, a, b)
    if day_first is None or month_first is None:
        return day_first or month_first
    for start, end in windows:
        inside = [d for d in (day_first, month_first) if start <= d <= end]
        if len(inside) == 1:
            return inside[0]
    return day_first  # most of the world writes the day first


def _make(year: int, month: int, day: int) -> dt.date | None:
    try:
        return dt.date(year, month, day)
    except ValueError:
        return None


def find_partial_date(text: str) -> PartialDate | None:
    """The first month-and-day written without a year ("Sept. 29", "5 September")."""
    for match in _PARTIAL.finditer(text):
        name = (match.group("md") or match.group("dm")).lower()[:3]
        month = MONTHS.index(name) + 1
        day = int(match.group("d1") or match.group("d2"))
        if _make(LEAP_YEAR, month, day) is not None:
            return PartialDate(month, day, match.group(0))
    return None


_QUERY_PART = re.compile(r"[?&;](?P<key>[a-z]+)=(?P<value>\d{1,4})(?=[&;#]|$)", re.IGNORECASE)
_QUERY_KEYS = (("yyyy", "year", "yy", "y"), ("mm", "month", "m"), ("dd", "day", "d"))


def _query_date(url: str) -> DateMatch | None:
    """A date given as the URL's query parameters: ?yyyy=2015&mm=09&dd=29."""
    values = {m.group("key").lower(): m.group("value") for m in _QUERY_PART.finditer(url)}
    picked = [next((values[k] for k in keys if k in values), None) for keys in _QUERY_KEYS]
    if None in picked or len(picked[0] or "") != len("2015"):
        return None
    year, month, day = (int(v or 0) for v in picked)
    made = _make(year, month, day)
    return DateMatch(made, f"{picked[0]}-{picked[1]}-{picked[2]}") if made else None


def url_date(url: str, windows: Sequence[Window] = ()) -> DateMatch | None:
    """A date in a URL's path (/2015/09/29/, /2015-09-29-, /20150929/, /2016/sep/05/) or query
    (?yyyy=2015&mm=09&dd=29), or three two-digit folders (/09/08/16/) that one of the `windows` settles;
    None if it has none."""
    path = re.sub(r"^[a-z]+://[^/]*", "", url, flags=re.IGNORECASE).split("?", 1)[0]
    path = without_category_stamps(path)
    for match in _URL_DATE.finditer(path):
        made = _make(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        if made is not None:
            return DateMatch(made, match.group(0).strip("/"))
    for match in _URL_NAMED_DATE.finditer(path):
        name = (match.group("m") or match.group("m2")).lower()
        month = MONTHS.index(name[:3]) + 1 if re.fullmatch(_MONTH, name) else 0
        year, day = (int(match.group(k) or match.group(f"{k}2")) for k in ("y", "d"))
        made = _make(year, month, day) if month else None
        if made is not None:
            return DateMatch(made, match.group(0).strip("/"))
    return (
        _slash_date(path)
        or _query_date(url)
        or _compact_date(path)
        or _vouched(short_folder_date(path, windows))
        or _slug_id_date(path, windows)
        or _vouched(id_date(path, windows) or timestamp_date(path, windows) or folder_date(path, windows))
    )


def _vouched(found: Found | None) -> DateMatch | None:
    return DateMatch(*found) if found else None


def _compact_date(path: str) -> DateMatch | None:
    """A slug's day, month's abbreviation and two-digit year run together ("-29sep15/"), read in the
    2000s as a two-digit year is elsewhere."""
    for match in _URL_COMPACT_DATE.finditer(path):
        month = MONTHS.index(match.group("m").lower()) + 1
        made = _make(CENTURY_START + int(match.group("y")), month, int(match.group("d")))
        if made is not None:
            return DateMatch(made, match.group(0))
    return None


def without_category_stamps(path: str) -> str:
    """The URL or path without its folders named by a date and a clock to the second (see
    `_CATEGORY_STAMP`): they tell when a category was made, not when the page under it was."""
    return _CATEGORY_STAMP.sub("/", path)


def _slash_date(path: str) -> DateMatch | None:
    """/2015/9/28/: year, month and day folders, one-digit month or day allowed."""
    for match in _URL_SLASH_DATE.finditer(path):
        made = _make(int(match.group("y")), int(match.group("m")), int(match.group("d")))
        if made is not None:
            return DateMatch(made, match.group(0).strip("/"))
    return None


# a slug opened by a six-digit id that is a date, year first: /150928_country_topic_slug
_SLUG_ID_DATE = re.compile(r"/(?P<y>\d{2})(?P<m>0[1-9]|1[0-2])(?P<d>0[1-9]|[12]\d|3[01])(?=[_-][a-z])", re.I)
_YEAR_FOLDER = re.compile(rf"/(?P<y>{YEAR})/(?:(?P<m>0?[1-9]|1[0-2])/)?")


def _slug_id_date(path: str, windows: Sequence[Window]) -> DateMatch | None:
    """A slug's six-digit id read as YYMMDD ("/150928_..."), only where something else vouches for it:
    the path's own year (and month) folders say the same, or, with no such folder, the date falls in an
    event's window. Six digits are as often a story's number; a number that is no valid date, or one
    another folder or every window contradicts, is never read."""
    match = _SLUG_ID_DATE.search(path)
    made = (
        _make(CENTURY_START + int(match.group("y")), int(match.group("m")), int(match.group("d")))
        if match
        else None
    )
    if match is None or made is None:
        return None
    folder = _YEAR_FOLDER.search(path[: match.start() + 1])
    if folder is not None:
        month = folder.group("m")
        vouched = int(folder.group("y")) == made.year and (month is None or int(month) == made.month)
    else:
        vouched = any(start <= made <= end for start, end in windows)
    return DateMatch(made, match.group(0).strip("/")) if vouched else None


def is_date_only(text: str) -> bool:
    """True for a line that holds a date and nothing else but a weekday, a clock or separators."""
    if not _DIGIT.search(text) or _DATE.search(text) is None:  # every date holds a digit
        return False
    rest = _DATE.sub(" ", _LOCAL_ZONE.sub(r"\g<clock>", text))  # "Posted: DATE | Updated: DATE" too
    if _DATE_LINE_REST.match(rest):
        return True
    weekday = _LOCAL_WEEKDAY.match(text)  # "Senin, 5 September 2016 22:18": a stamp under a local weekday
    return weekday is not None and bool(_DATE_LINE_REST.match(rest[weekday.end("word") :]))


# a weekday in the page's own language before a stamp ("Senin, 5 September 2016 22:18"): one word and a
# comma opening the line, a day-first date and a clock right after it ("Xinhua, September 6, 2016" is an
# agency's credit, no stamp)
_LOCAL_WEEKDAY = re.compile(
    rf"^(?P<word>\s*[^\W\d_]{{3,10}}),\s+\d{{1,2}}\s+{_MONTH}\s+{YEAR}\s+\d{{1,2}}[:.]\d{{2}}", re.I
)
# a local zone's capitals after the clock closing the line ("22:18 WIB")
_LOCAL_ZONE = re.compile(r"(?P<clock>\d{1,2}[:.]\d{2})\s+(?-i:[A-Z]{2,4})\s*$")


def is_yearless_date_only(text: str) -> bool:
    """True for a line that is a month and day without a year and nothing else but a weekday, a clock or
    separators ("24 of September, 18:03"): a dateline whose year comes from the URL or an event."""
    partial = find_partial_date(text)
    return bool(partial and _DATE_LINE_REST.match(text.replace(partial.source, " ", 1)))


def find_update(
    text: str, max_chars: int, windows: Sequence[Window] = (), words: Sequence[str] = ()
) -> DateMatch | None:
    """The date after an "updated" / "last modified" word (or one of `words`, the update word of other
    languages, from the config) in a text of at most `max_chars` characters ("(updated 19:02 16.07.2018)",
    "(обновлено: 03:12 29.09.2015)"); when only a clock follows the word, the date before it on the same
    stamp ("15/11/15 à 15:06 - Mise à jour à 15:36": updated that day)."""
    word = _update_word(text, words) if len(text) <= max_chars else None  # a long line is not searched
    if word is None:
        return None
    after = find_date(text[word.end() :], windows)
    if after is None and _CLOCK_ONLY.match(text[word.end() :]):  # "DATE 15:06 - Updated at 15:36"
        return find_date(text[: word.start()], windows)  # a clock alone: the stamp's own day
    return after


# what follows an update word that gives only a clock: perhaps "at" (in a language's one or two letters)
_CLOCK_ONLY = re.compile(r"^\s*(?:[^\W\d_]{1,2}\s+)?\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?\s*$", re.IGNORECASE)


def is_update_word(text: str, words: Sequence[str] = ()) -> bool:
    """True when the text says "updated" / "modified" (or one of `words`) anywhere (the date after it is
    not the first one)."""
    return _update_word(text, words) is not None


def without_update_words(text: str, words: Sequence[str]) -> str:
    """The text with the configured update words of other languages blanked out: "01:15 29.09.2015
    (обновлено: 04:20 29.09.2015)" reads as a line of dates, as its English form does."""
    return _words_pattern(tuple(words)).sub(" ", text) if words else text


def _update_word(text: str, words: Sequence[str]) -> re.Match[str] | None:
    return _UPDATE_WORD.search(text) or (_words_pattern(tuple(words)).search(text) if words else None)


@functools.lru_cache(maxsize=8)
def _words_pattern(words: tuple[str, ...]) -> re.Pattern[str]:
    """The configured update words as one pattern: each a whole word, a colon and "on"/"at" after it
    skipped as English's are (longest first, so "mis à jour le" wins over "mis à jour")."""
    alternatives = "|".join(re.escape(word) for word in sorted(words, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})(?!\w)\s*:?\s*", re.IGNORECASE)


def is_update_stamp(text: str) -> bool:
    """A line that says when the page was last changed ("Updated: ...", "Last modified ...")."""
    return bool(_UPDATE.match(text))
