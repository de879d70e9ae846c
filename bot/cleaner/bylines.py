"""Bylines by their shape: "By NAME", "Author: NAME", "Posted on DATE by NAME", "NAME Desk", names joined
by "and" with their places ("Jane Roe in Kyiv and Tom Poe in Warsaw"), or a short credit and a date."""

from __future__ import annotations

import functools
import re

from bot.cleaner.bylineshapes import glued_credit, glued_date, is_dated_credit
from bot.cleaner.cardstamp import is_card_credit
from bot.cleaner.daterow import is_date_row
from bot.cleaner.dates import find_date, is_date_only
from bot.cleaner.lines import ends_sentence, word_count
from bot.config import CleanerConfig

__all__ = ["is_byline", "names_only", "names_the_lede", "pictures_the_lede"]


# a definition, not a threshold: "Jane Roe in Kyiv" splits into a name and a place
_NAME_AND_PLACE = 2
_HANDLE_OR_AGO = re.compile(r"\(?@\w+\)?|\b\d+\s+(?:seconds?|minutes?|mins?|hours?|hrs?|days?)\s+ago\b", re.I)
_CREDIT_LABEL = re.compile(r"^(?:author|authors|written by|words by|reporter|reported by|byline)\s*:", re.I)
# a place in capitals and the credited source after a dash, on a line of its own: "ANTALYA – Reuters"
_PLACE_CREDIT = re.compile(
    r"^[A-Z][A-Z.'’-]+(?: [A-Z][A-Z.'’-]+){0,2} [–—-] [A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,2}$"
)
# a broadcaster's credit in words before the date: "Jane Roe reported this story on Tuesday, DATE CLOCK"
_FILED_ON = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,3} (?:reported|presented|produced|filed|wrote) this "
    r"(?:story|report|segment|piece|article) on\s+"
)


def names_only(text: str, settings: CleanerConfig) -> bool:
    """A byline without "By": people's names (two or three capitalised words each) joined by "and",
    "&" or ",", each perhaps followed by "in PLACE" ("Jane Roe in Kyiv and Tom Poe in Warsaw")."""
    if any(c in text for c in ':;!?"“”'):
        return False
    parts = re.split(r"\s*(?:,|\s&\s|\sand\s)\s*", text.strip())
    people = [re.split(r"\s+in\s+", part, maxsplit=1) for part in parts]
    if len(people) == 1 and len(people[0]) != _NAME_AND_PLACE:  # one bare name is no byline
        return False
    low, high = settings.person_name_min_words, settings.person_name_max_words
    return all(
        _is_name(p[0], low, high) and (len(p) == 1 or _is_name(p[1], 1, settings.place_name_max_words))
        for p in people
    )


def _is_name(text: str, low: int, high: int) -> bool:
    tokens = text.split()
    return low <= len(tokens) <= high and all(
        t[0].isupper() and t.replace(".", "").replace("-", "").replace("'", "").isalpha() for t in tokens
    )


def is_byline(text: str, settings: CleanerConfig) -> bool:
    """A byline: "By NAME", "Posted on DATE by NAME", "NAME Desk", or a short credit and a date."""
    text = text.lstrip("-–—•· ")  # "- By NAME Agency" in a list of credits
    site, bar, credit = text.partition(" | ")  # "Site Name | By NAME, Place"
    if bar and word_count(site) <= settings.desk_byline_max_words and credit.startswith("By"):
        text = credit
    count = word_count(text)
    lowered = text.lower()
    if (_CREDIT_LABEL.match(text) and count <= settings.credit_byline_max_words) or names_only(
        text, settings
    ):
        return True
    glued = text.startswith("By") and text[2:3].isupper()  # "ByAGENCY News": the scraper lost the space
    if lowered.rstrip(": ") == "by" or (
        (lowered.startswith("by ") or glued)
        and count <= settings.by_byline_max_words
        and not ends_sentence(text)
    ):
        return True
    if ((filed := _FILED_ON.match(text)) and is_date_only(text[filed.end() :])) or _PLACE_CREDIT.match(text):
        return True
    if (
        lowered.startswith(("posted on ", "posted by ", "published by "))
        and count <= settings.credit_byline_max_words
    ):
        return True
    if count <= settings.desk_byline_max_words and lowered.rsplit(" ", 1)[-1] in {
        "desk",
        "staff",
        "bureau",
        "newsroom",
        "correspondent",
    }:
        return True
    if (
        glued_credit(text) or glued_date(text) or is_card_credit(text) or is_date_row(text)
    ):  # "Jane RoeAAP", "Jane Roe5 September 2016", "DATE | Editor: NAME"
        return True
    found = find_date(text)
    if found is None or is_date_only(text):
        return False
    if is_dated_credit(text, found):  # "29-09-2015 15:11 | NAME"
        return True
    before, _, after = text.partition(found.source)
    credit = _HANDLE_OR_AGO.sub(" ", before).strip(" ,|/-–—")  # "NAME (@handle) 1 minute ago DATE"
    return (
        1 <= word_count(credit) <= settings.dated_credit_max_words
        and is_date_only(found.source + after)
        and not ends_sentence(credit)
    )


_NAME_WORD = re.compile(r"[A-Z][a-z]+")
_LEDE_NAMES = 2  # a definition, not a threshold: two of a person's name words would be both his names
_JOINED = re.compile(r"\s(?:and|&)\s|,")  # names joined in a list: "NAME and NAME", "NAME, NAME"
_LETTERS = re.compile(r"[^\W\d_]+")  # a word's letters, in any script


@functools.lru_cache(maxsize=4)
def _and_pattern(words: tuple[str, ...]) -> re.Pattern[str] | None:
    return re.compile(rf"\s(?:{'|'.join(map(re.escape, words))})\s") if words else None


def _english_and(text: str, words: tuple[str, ...]) -> str:
    """The text with another language's word for "and" between spaces read as English's."""
    pattern = _and_pattern(words)
    return text if pattern is None else pattern.sub(" and ", text)


def names_the_lede(text: str, lede: str, settings: CleanerConfig) -> bool:
    """A "NAME in PLACE" line whose name words (two or more, hyphenated ones split) are names the lede
    under it tells of is a title ("Summit Talks Open in Helsinki" over "The leaders met in Helsinki for
    the summit talks ..."): a reporter's byline does not name what the story is about."""
    name, found, _place = text.partition(" in ")
    if not found or not names_only(text, settings):
        return False
    told = {word.casefold() for word in re.findall(r"[A-Za-z]+", lede)}
    return sum(word.casefold() in told for word in _NAME_WORD.findall(name)) >= _LEDE_NAMES


def pictures_the_lede(text: str, lede: str, settings: CleanerConfig) -> bool:
    """A line of two names or more ("NAME and NAME", "NAME и NAME": the word for "and" in other languages
    is config data, `cleaner.and_words`) every word of which the lede under it tells of: a photo's caption
    naming the people the lede says met. Writers sharing a byline are not the story's subjects, and a lede
    does not name them."""
    text = _english_and(text, settings.and_words)
    if " in " in text or not _JOINED.search(text) or not names_only(text, settings):
        return False
    told = {word.casefold() for word in _LETTERS.findall(lede)}
    words = [word for word in _LETTERS.findall(text) if word[0].isupper() and word[1:].islower()]
    return len(words) >= 2 * _LEDE_NAMES and all(word.casefold() in told for word in words)
