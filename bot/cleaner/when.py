"""When a page was published (and last updated); which event it covers is bot/cleaner/whichevent.py.

The publication date comes from the dateline or a dated byline, a wire dateline opening the body, the
URL's path, and last a month-and-day without a year whose year the URL or one event window settles.
A page-header clock is dropped by the layout before this runs; an update stamp is kept apart as
`updated`; a relative date ("2 hours ago") is never read as a date.
"""

from __future__ import annotations

import datetime as dt
import itertools
import re
from collections.abc import Sequence

from bot.cleaner.bylineshapes import glued_date
from bot.cleaner.cues import wire_dateline
from bot.cleaner.dates import (
    find_date,
    find_partial_date,
    find_update,
    is_update_stamp,
    is_update_word,
    is_yearless_date_only,
    url_date,
)
from bot.cleaner.eventclues import event_clues, event_windows, mentions
from bot.cleaner.footstamp import foot_published, stamp_under_story, under_story
from bot.cleaner.headline import LIST_MARK
from bot.cleaner.pagelines import Found, PageLines
from bot.cleaner.recordfields import record_date
from bot.cleaner.splitstamp import stamp_year
from bot.cleaner.stamps import published_part
from bot.cleaner.topicdate import topic_created
from bot.config import Config

__all__ = ["find_article_date", "find_updated"]


def find_article_date(page: PageLines, config: Config) -> Found | None:
    """The publication date the page or its URL states; None when neither gives one."""
    windows = event_windows(config)
    headline = next((line.number for line in page.of_kind("headline")), 0)
    updates = _under_update_label(page)
    for kind in ("dateline", "byline", "source-credit", "post-stamp"):  # a thread's first post's stamp
        lines = page.dropped_as(kind) if kind in ("source-credit", "post-stamp") else page.of_kind(kind)
        # a stamp under the headline is the story's; one above it may be the site's ("Broadcast DATE")
        lines = sorted(lines, key=lambda line: line.number < headline)
        for line in lines:
            if line.number in updates:
                continue  # the date under an "Updated:" label alone is the update's
            # "Updated: DATE | Created: DATE"; "Jane Roe5 September 2016", the date glued to the name
            text = published_part(line.text) or glued_date(line.text) or line.text
            found = None if is_update_stamp(text) else find_date(text, windows)
            if found is not None and not is_update_word(text.partition(found.source)[0]):
                return Found(found.date.isoformat(), line.text)
    recorded = record_date(page)  # a news database's "Publication date:" field
    if recorded is not None:
        return recorded
    for opening in _openings(page):
        found = find_date(opening, windows)
        if found is not None:
            return Found(found.date.isoformat(), opening)
    in_url = url_date(page.url, windows) if page.url else None
    if in_url is not None and not _far_url_date(page, in_url.date, windows):
        return Found(in_url.date.isoformat(), f"URL path {in_url.source}")
    return (
        _first_published_that_day(page, windows)
        or foot_published(page, windows)
        or under_story(page, windows)
        or topic_created(page)
        or _weekday_date(page, windows)
        or _yearless_date(page, config)
    )


def _far_url_date(page: PageLines, date: dt.date, windows: Sequence[tuple[dt.date, dt.date]]) -> bool:
    """A URL's date far from every event's window (`url_date_far_days`) whose year the page never
    prints: an agency's reference number read as a date ("-20090101-150929-"), no publication date."""
    far = dt.timedelta(days=page.settings.url_date_far_days)
    if not windows or any(start - far <= date <= end + far for start, end in windows):
        return False
    return re.search(rf"(?<!\d){date.year}(?!\d)", page.raw) is None


# "Updated September 6 2016 - 9:30am, first published 8:00am": a first publication by its clock alone
_FIRST_CLOCK = re.compile(
    r"[,;|]\s*first published\s*:?\s*(?:at\s+)?\d{1,2}[:.]\d{2}\s*(?:[ap]\.?m\.?)?\s*$", re.IGNORECASE
)


def _first_published_that_day(page: PageLines, windows: Sequence[tuple[dt.date, dt.date]]) -> Found | None:
    """An update stamp whose first publication gives only a clock: the story was first published on the
    update's day."""
    for line in page.lines:
        clock = _FIRST_CLOCK.search(line.text)
        found = find_date(line.text[: clock.start()], windows) if clock else None
        if found is not None:
            return Found(found.date.isoformat(), line.text)
    return None


# the opening paragraph's day of the news with its full date: "on Thursday (10 Mar 2022)",
# "on Thursday, March 10, 2022,"
_WEEKDAY_DATE = re.compile(
    r"\b(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day\s*(?:\(\s*(?P<inner>[^)]{6,30})\)|,\s*(?P<after>[^;]{6,30}))"
)


def _weekday_date(page: PageLines, windows: Sequence[tuple[dt.date, dt.date]]) -> Found | None:
    """A full date the opening paragraph gives next to the day of the week it reports."""
    first = page.first_body()
    for match in _WEEKDAY_DATE.finditer(first):
        stated = match.group("inner") or match.group("after")
        found = find_date(stated, windows)
        if found is not None and stated.find(found.source) <= 1:
            return Found(found.date.isoformat(), match.group(0))
    return None


# A place-and-date dateline opening the story without an agency: "MOSCOW, September 29, 2015 -",
# "HANGZHOU, China, Sept. 5 --".
_PLACE_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z .'’-]{1,40}(?:,\s*[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,2})?,\s*"
    r"(?:[A-Za-z]{3,9}\.?\s+\d{1,2}(?:st|nd|rd|th)?(?:,?\s+\d{4})?|\d{1,2}\s+[A-Za-z]{3,9}\.?(?:,?\s+\d{4})?"
    r"|\d{1,4}[./-]\d{1,2}[./-]\d{1,4}))\.?\s*(?:[-–—]{1,2}|:)\s"
)
# a wire's dateline whose credit the page left out: "GENEVA, Sept 10 The two ..." (the place in capitals)
_BARE_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z .'’-]{2,40},\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)"
    r"(?:,?\s+\d{4})?)\s+(?=[A-Z])"
)

# a place in title case and its date, then a bar: "Hangzhou, Sept 5 | US President ..."
_BAR_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][a-z'’-]+(?: [A-Z][a-z'’-]+){0,2},\s*(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}"
    r"|\d{1,2}\s+[A-Z][a-z]{2,8}\.?)(?:,?\s+\d{4})?)\s*\|\s+(?=[A-Z])"
)

# a site's own credit and date in brackets opening the story: "(Site.net — September 25, 2015) — ..."
_DATED_CREDIT = re.compile(r"^\([^()]{2,60}?\s[-–—]{1,2}\s(?P<dateline>[^()]{6,40})\)\s*[-–—]{1,2}\s")
# the site's full date run into the lede, no place, no dash: "Oct 01, 2015 Russian President ..."
_GLUED_DATE = re.compile(
    r"^(?P<dateline>(?:[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:st|nd|rd|th)?|\d{1,2}\s+[A-Z][a-z]{2,8}\.?),?\s+\d{4})"
    r"\s+(?=[A-Z][a-z])"
)
_OPENING_DATELINES = (_PLACE_DATELINE, _BARE_DATELINE, _BAR_DATELINE, _DATED_CREDIT, _GLUED_DATE)


def _openings(page: PageLines) -> list[str]:
    """The story's opening dateline: a wire dateline, else a place and a date before a dash."""
    first = page.first_body()
    wire = wire_dateline(first)
    if wire:  # "MOSCOW (Site / Agency - 27th January, 2021)": the date may sit in the credit
        return [wire[0], wire[1]]
    # the lede may sit under a caption the layout kept ("Photo/NAME." over "NEW YORK, Sep 26 – ...")
    openers = [line.text for line in page.of_kind("body") if not LIST_MARK.match(line.text)]
    openers = openers[: page.settings.dateline_paragraphs]
    for text in dict.fromkeys([first, *openers]):
        place = next((m for rx in _OPENING_DATELINES if (m := rx.match(text))), None)
        if place:
            return [place.group("dateline")]
    return []


# a place (and its land in brackets) and a date alone on a line: "Hangzhou (China), September 5"
_PLACE_AND_DATE = re.compile(
    r"^[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){0,2}(?: \([A-Z][\w .'’-]+\))?,\s*(?P<date>.{3,24})$"
)


def _lone_dateline(text: str) -> bool:
    """A place and a yearless date alone on a line, which the layout took for a caption (a picture's
    caption is a sentence, no place and date)."""
    found = _PLACE_AND_DATE.match(text)
    return found is not None and is_yearless_date_only(found.group("date"))


def _yearless_date(page: PageLines, config: Config) -> Found | None:
    """A dateline's or sign-off stamp's "Sept. 29" (or a lone place-and-date line's, read as a caption) with
    its year from the URL's path, else from the one window it falls in, else the one year the page's frame
    names."""
    raw = [line.text for line in page.lines]
    stamps = [(line.text, stamp_year(raw, line.number - 1)) for line in page.of_kind("dateline")]
    stamps += [(line.text, None) for line in page.of_kind("caption") if _lone_dateline(line.text)]
    signed = stamp_under_story(page)
    texts = [*stamps, *((text, None) for text in [*_openings(page), *([signed] if signed else [])])]
    year_in_url = re.search(r"/((?:19|20)\d{2})(?=[/_-])", page.url or "")
    for text, year in texts:
        partial = find_partial_date(text)
        if partial is None:
            continue
        if year:  # "September 22" over "16:55 2015"
            return Found(
                dt.date(year, partial.month, partial.day).isoformat(), f"{text} (year on the next line)"
            )
        if year_in_url:
            day = dt.date(int(year_in_url.group(1)), partial.month, partial.day)
            return Found(day.isoformat(), f"{text} (year from the URL)")
        for windows in (_named_windows(page, config, named_only=True), _named_windows(page, config)):
            fits = _fitting_days(partial.month, partial.day, windows)
            if len(fits) == 1:
                return Found(fits.pop().isoformat(), f"{text} (year from the event window)")
        framed = _frame_year(page)
        if framed is not None:
            return Found(
                dt.date(framed, partial.month, partial.day).isoformat(), f"{text} (the page's one year)"
            )
    return None


def _frame_year(page: PageLines) -> int | None:
    """The one year the page's frame names (a menu's "SUMMIT 2016", a copyright line) when the story names
    no other: the site's frame is of its day, while a story may name any year (a budget, a founding)."""
    story = {line.number for line in page.of_kind("body")}
    framed = {int(y) for line in page.lines if line.number not in story for y in _YEAR.findall(line.text)}
    told = {int(y) for line in page.lines if line.number in story for y in _YEAR.findall(line.text)}
    return framed.pop() if len(framed) == 1 and told <= framed else None


def _fitting_days(month: int, day: int, windows: list[tuple[dt.date, dt.date]]) -> set[dt.date]:
    years = {y for start, end in windows for y in range(start.year, end.year + 1)}
    return {
        dt.date(y, month, day) for y in years if any(s <= dt.date(y, month, day) <= e for s, e in windows)
    }


def _named_windows(
    page: PageLines, config: Config, named_only: bool = False
) -> list[tuple[dt.date, dt.date]]:
    """The windows that may give a yearless date its year: an event's the page names (a keyword other
    than a year or a person), or (unless `named_only`) any event's when the page names no year far from
    it (a page that speaks only of a budget a decade later and a founding decades earlier was not
    written then)."""
    clues = event_clues(config)
    years = {int(y) for y in _YEAR.findall(page.raw)}
    return [
        (e.start, e.end)
        for e in config.events
        if any(mentions(k, page.raw) for k in clues[e.id] if not k.isdigit())
        or not (named_only or (years and all(abs(y - e.start.year) > 1 for y in years)))
    ]


_YEAR = re.compile(r"(?<![\w/.-])((?:19|20)\d{2})(?![\w/.-])")


def find_updated(page: PageLines, config: Config) -> Found | None:
    """The date of an "Updated ..." / "Last modified ..." stamp, kept apart from the publication date."""
    windows = event_windows(config)
    texts = [line.text for line in page.lines]
    for n, text in enumerate(texts):
        # a label alone on its line ("Updated:") stamps the date on the next printed line
        after = next((t for t in texts[n + 1 :] if t.strip()), "") if _LABEL_ALONE.match(text) else ""
        stamp = f"{text.strip()} {after.strip()}" if after else text
        found = find_update(
            stamp, config.cleaner.update_stamp_max_chars, windows, config.cleaner.update_words
        )
        if found is not None:
            return Found(found.date.isoformat(), stamp)
    return None


# a field label with no date on its line: letters and a closing colon ("Updated:", "Last modified:")
_LABEL_ALONE = re.compile(r"^\s*[A-Za-z][A-Za-z ]{0,24}:\s*$")


def _under_update_label(page: PageLines) -> set[int]:
    """The numbers of the lines printed right under an update's label alone on its line ("Updated:")."""
    printed = [line for line in page.lines if line.text.strip()]
    return {
        below.number
        for above, below in itertools.pairwise(printed)
        if _LABEL_ALONE.match(above.text) and is_update_word(above.text, page.settings.update_words)
    }
