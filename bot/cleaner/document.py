"""A document printed to text from a PDF (a research note, a briefing paper): its footnotes, its legal
notice that ends in the issuer's copyright, and its numbered section headings. Read by kind:

- a footnote is a line opening with a superscript number ("¹ Statement by ...") - chrome;
- a paragraph that ends in a copyright, "... should not be relied on as legal advice. © NAME 2015", is the
  issuer's notice - chrome, and its holder the issuer's full name (`notice_holder`, read by `metadata`:
  a masthead that only ends that name, "PARLIAMENTARY LIBRARY", yields to it: `documentname`);
- the first numbered section heading ("1 Purpose") right above the text, when the text carries the next
  numbers' headings ("2 The meeting"), is a subheading like them, not the page's header.
"""

from __future__ import annotations

import re

from bot.cleaner.page import Page

__all__ = ["DOCUMENT_PATTERNS", "mark_first_section", "mark_notices", "notice_holder"]

_I = re.IGNORECASE
# "... legal advice. © New Zealand Parliamentary Library 2015": the holder between the mark and the year
_NOTICE = re.compile(r"[.!?]\s+©\s*(?P<name>[A-Z][\w&.'’ -]{2,80}?)\s+(?:19|20)\d{2}\.?$", _I)

DOCUMENT_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("footnote", re.compile(r"^[¹²³⁴⁵⁶⁷⁸⁹⁰]+\s*\S.{0,400}$")),
)
_NOTICE_MAX_CHARS = 800  # not tuned: a longer paragraph that ends in a copyright is no notice


def mark_notices(page: Page) -> None:
    """A paragraph ending in its issuer's copyright is the document's notice (chrome). Lines without the
    mark are passed over without a search: most lines are prose."""
    for i, line in enumerate(page.lines):
        text = line.text
        if "©" in text and len(text) <= _NOTICE_MAX_CHARS and page.open(i) and _NOTICE.search(text):
            page.set(i, "drop", "copyright")


_SECTION = re.compile(r"^(?P<n>\d{1,2})\s+[A-Z][\w'’-]*(?:\s+[\w'’-]+){0,6}$")


def mark_first_section(page: Page, start: int) -> None:
    """The numbered heading right above the text's first paragraph is a subheading when the text holds
    the heading numbered next."""
    above = page.previous_filled(start)
    heading = _SECTION.match(page.lines[above].text) if above != start and page.open(above) else None
    if heading is None:
        return
    following = str(int(heading.group("n")) + 1)
    if any((m := _SECTION.match(line.text)) and m.group("n") == following for line in page.lines[start:]):
        page.set(above, "subheading")


def notice_holder(text: str) -> str | None:
    """The holder a notice's closing copyright names, or None."""
    match = _NOTICE.search(text)
    return match.group("name").strip() if match else None
