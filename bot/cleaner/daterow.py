"""A date row under a headline: the story's date among short fields set apart by dots or bars.

State media, magazines and portals print the story's date in one row with its source, writer or editor:
"· 2016-10-10 · Source: Web Exclusive", "2016-09-05 | Author: NAME | Editor: NAME", "2016年9月6日 08:45 |
SOURCE | Editor: NAME". The row is not a date alone, so it is no dateline by that test, and it does not
open with "Source:", so it is no credit line; yet a reader reads the date off it, and it is a byline, so
its date is the story's, not a clock's. Two shapes of the one kind:
- every field but the date is a labelled one ("Source: ...", "Author: ...", "By ...");
- the row opens with the date (perhaps a clock after it), then a few short bar-split fields, at least one
  naming its role, which a menu of section names never does;
- a board's repost row: the source's name (a link's caret after it), the date alone, then the writers'
  names ("Agency ^ | 9/28/2015 | NAME and NAME").
A Chinese site's row labels its fields ("发布时间:2015-11-30  来源:NAME  字体大小"): a publication-time label
and its date open it, whatever follows.
An update stamp is no such row: its date is kept apart as `updated`.
"""

from __future__ import annotations

import re

from bot.cleaner.dates import find_date, is_date_only
from bot.cleaner.stamps import is_update_stamp

__all__ = ["date_row_fields", "is_date_row"]

# dots, bars, or a spaced double slash ("September 5, 2016 // AGENCY // Photo: NAME")
_SEPARATOR = re.compile(r"\s*[·•|]\s*|\s+//\s+")
_BAR = re.compile(r"\s*\|\s*|\s+//\s+")
_LABELLED = re.compile(
    r"^(?:source|author|writer|editor|reporter|by|from|section|column)\b\s*:?\s*\S.{0,60}$", re.I
)
_CLOCK = re.compile(r"^,?\s*(?:\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s*[ap]\.?m\.?)?(?:\s*[A-Z]{2,4})?)?\s*$", re.I)
_FIELD = re.compile(
    r"^(?:(?P<role>editor|source|author|reporter|writer|photo|image)\s*[:：]\s*)?[^\W\d_][\w.'’/ -]{0,40}$",
    re.I,
)
# a Chinese row's publication-time label ("发布时间", "发表日期", "时间"; "更新时间" is an update's)
_CJK_DATE_LABEL = re.compile(r"^(?:发布|发表|出版)?(?:时间|日期)\s*[:：]\s*\d")
_MOST_FIELDS = 4  # not a threshold: a date row names a source, an editor, a writer, a section at most


def is_date_row(text: str) -> bool:
    """True for a row of fields split by dots or bars around the story's date (either shape above)."""
    if _CJK_DATE_LABEL.match(text) and find_date(text) is not None:
        return True
    if not _SEPARATOR.search(text) or is_update_stamp(text):
        return False
    return _labelled_fields(text) or _opening_date(text) or _source_date_names(text)


def _labelled_fields(text: str) -> bool:
    """One field is a date alone and every other field is a labelled one."""
    fields = [field for field in _SEPARATOR.split(text.strip()) if field]
    dates = [field for field in fields if is_date_only(field)]
    others = [field for field in fields if field not in dates]
    return len(dates) == 1 and bool(others) and all(_LABELLED.match(field) for field in others)


def _opening_date(text: str) -> bool:
    """A date opening the line, perhaps a clock, then bar-split short fields, one with a role label."""
    found = find_date(text) if _BAR.search(text) else None
    if found is None or text.find(found.source) > 1:
        return False
    rest = text[text.find(found.source) + len(found.source) :]
    head, *fields = (part.strip() for part in _BAR.split(rest))
    if not _CLOCK.match(head) or not 1 <= len(fields) <= _MOST_FIELDS:
        return False
    matches = [_FIELD.match(field) for field in fields]
    return all(matches) and any(m.group("role") for m in matches if m)


# a source's name of a few capitalised words, perhaps a link's caret after it ("Agency ^")
_SOURCE = re.compile(r"^[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}(?: \^)?$")
# writers' names: "NAME NAME", "NAME NAME and NAME NAME", "NAME NAME, NAME NAME"
_PERSON = r"[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,2}"
_NAMES = re.compile(rf"^{_PERSON}(?:(?:,| and| &) {_PERSON})*$")
_SOURCE_ROW_FIELDS = 3  # not a threshold: the shape's three fields


def _source_date_names(text: str) -> bool:
    """A source, the date alone, the writers: three bar-split fields."""
    fields = [field.strip() for field in _BAR.split(text.strip())]
    return (
        len(fields) == _SOURCE_ROW_FIELDS
        and is_date_only(fields[1])
        and bool(_SOURCE.match(fields[0]))
        and bool(_NAMES.match(fields[2]))
    )


def date_row_fields(text: str) -> list[str]:
    """The fields of a date row but its date and its labelled ones: the bare names a reader takes for
    the row's source ("AGENCY" in "DATE // AGENCY // Photo: NAME"); none when the line is no date row."""
    if not is_date_row(text):
        return []
    fields = (field.strip() for field in _SEPARATOR.split(text))
    return [field for field in fields if field and find_date(field) is None and ":" not in field]
