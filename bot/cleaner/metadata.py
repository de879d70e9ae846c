"""Who published a page and whose copy it carries: the outlet and the wire (original) source.

Each finder returns the value with the raw text it came from (kept as `Article.evidence`). The evidence
is of kinds every news page has: the URL's domain, a copyright or site-name line, a page template given
as data, a desk byline, a photo credit, a wire dateline ("MOSCOW (AP) —", "Sept. 29 (UPI) --"), a
"Source: Reuters" line, a closing "— Reuters" credit. Names and domains come from config's outlet table.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from bot.cleaner.layout import Decision
from bot.cleaner.lines import Line
from bot.cleaner.outlets import OutletTable, registered_domain

__all__ = ["Found", "PageLines", "find_outlet", "find_wire", "wire_dateline"]


@dataclass(frozen=True, slots=True)
class Found:
    """A metadata value and the raw text it was read from."""

    value: str
    evidence: str


@dataclass(frozen=True, slots=True)
class PageLines:
    """A laid-out page: its lines with their decisions, the whole page text and the URL it came from."""

    lines: Sequence[Line]
    decisions: Sequence[Decision]
    raw: str
    url: str | None
    table: OutletTable

    def pairs(self) -> Iterator[tuple[Line, Decision]]:
        return zip(self.lines, self.decisions, strict=True)

    def of_kind(self, kind: str) -> list[Line]:
        return [line for line, d in self.pairs() if d.kind == kind]

    def dropped_as(self, reason: str) -> list[Line]:
        return [line for line, d in self.pairs() if d.reason == reason]

    def first_body(self) -> str:
        return next((line.text for line in self.of_kind("body")), "")


_COPYRIGHT_NAME = re.compile(
    r"^(?:©|\(c\)|copyright)?\s*©?\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)?\s*"
    r"(?P<name>.*?)[\s.,]*(?:all rights reserved\.?)?$",
    re.IGNORECASE,
)
_HOLDER_END = re.compile(r"\.\s|\.(?=[A-Z])|\s[|–—-]\s|\s*\||,\s", re.IGNORECASE)
_MEDIA_WORDS = frozenset(
    "news times post journal telegraph guardian herald tribune agency press tv television radio "
    "broadcasting channel daily gazette wire online review observer independent".split()
)
_DESK = re.compile(r"^(?P<name>.{2,40}?)\s+(?:desk|staff|bureau|newsroom)$", re.IGNORECASE)
# "MOSCOW (Agency) -", "MOSCOW, Sept 28 (Agency) —", "Sept. 29 (UPI) --" opening the first paragraph.
_WIRE_DATELINE = re.compile(
    r"^(?P<dateline>(?:[A-Z][A-Za-z .'/-]{1,40}(?:,\s*[A-Z][\w.]*(?:\s+[\w.,]+){0,3})?|"
    r"[A-Z][a-z]{2,8}\.?\s+\d{1,2}(?:,\s*\d{4})?)\s*"
    r"\((?P<agency>[^()]{2,40})\)\s*(?:[-–—:]+|\s))\s*"
)
# "..., Sky News reports." / "— the Agency reported."
_REPORTS = re.compile(
    r"(?:^|[,;–—]\s*)(?:the\s+)?(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+report(?:s|ed)\s*[.:]"
)
_SOURCE_LINE = re.compile(
    r"(?:^|[/|•]\s*)(?:source|sources|via|credit)\s*:\s*(?P<name>[^,;|/]{2,60}?)\s*$", re.I
)
_CLOSING_CREDIT = re.compile(r"(?:^|\s)(?:[-–—]+\s*|\()(?P<name>[A-Z][\w.&' -]{1,40}?)\)?\s*$")


def _copyright_holder(text: str) -> str:
    """The holder named by a copyright line: "© 2016 Name. Powered by ..." gives "Name"."""
    match = _COPYRIGHT_NAME.match(text)
    name = match.group("name") if match else ""
    return _HOLDER_END.split(name, maxsplit=1)[0].strip(" .,")


def find_outlet(page: PageLines) -> Found | None:
    """The publisher: a known URL domain, a copyright or site-name line, a page template, a desk byline,
    a photo credit naming a known outlet, the URL's registered domain, and last a wire credit."""
    table = page.table
    site = registered_domain(page.url) if page.url else None
    known_site = table.by_domain(site[1]) if site else None
    if known_site is not None and site is not None:
        return Found(known_site, f"URL domain {site[0]}")
    holders = [(line, _copyright_holder(line.text)) for line in page.dropped_as("copyright")]
    for line, holder in holders:
        if holder and not table.is_agency(holder):
            return Found(table.canonical(holder), line.text)
    template = table.by_template(page.raw)
    if template is not None:
        return Found(*template)
    for line, decision in page.pairs():
        if (
            decision.kind == "drop"
            and line.text
            and table.known(line.text)
            and not table.is_agency(line.text)
        ):
            return Found(table.canonical(line.text), line.text)
    for line in page.of_kind("byline"):
        desk = _DESK.match(line.text)
        if desk:
            return Found(table.canonical(desk.group("name")), line.text)
    credit = _outlet_credit(page)
    if credit is not None:
        return credit
    if site is not None:
        return Found(site[0], f"URL domain {site[0]}")
    for line, holder in holders:
        if holder:
            return Found(table.canonical(holder), line.text)
    return find_wire(page)


def _outlet_credit(page: PageLines) -> Found | None:
    """A photo credit ("© SPUTNIK") that names an outlet the config knows."""
    for line in page.dropped_as("photo-credit"):
        name = re.sub(
            r"^(?:©|\(c\)|photo|image|picture|credit)s?\s*:?\s*", "", line.text, flags=re.IGNORECASE
        )
        if name and page.table.known(name):
            return Found(page.table.canonical(name), line.text)
    return None


def wire_dateline(first_paragraph: str) -> tuple[str, str] | None:
    """A wire dateline opening the first paragraph: (the dateline, the agency), or None."""
    match = _WIRE_DATELINE.match(first_paragraph)
    return (match.group("dateline").strip(), match.group("agency").strip()) if match else None


def _agency_in(text: str, table: OutletTable) -> str | None:
    """The first news agency (any of its names) written as a whole word in the text."""
    for name, canonical in table.agencies.items():
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            return canonical
    return None


def _credit_name(name: str, table: OutletTable) -> str:
    """An agency credit "dpa/NAN" or "AP Photo" gives the known agency in it, else the credit as written."""
    for part in re.split(r"\s*/\s*|\s*,\s*", name):
        if table.is_agency(part):
            return table.canonical(part)
    return table.canonical(name)


def find_wire(page: PageLines) -> Found | None:
    """The agency in the byline or wire dateline, a "Source:" line, a closing credit, a "..., NAME
    reports." credit, or the original of a platform repost."""
    table = page.table
    for line in page.of_kind("byline"):
        agency = _agency_in(line.text, table)
        if agency is not None:
            return Found(agency, line.text)
    dateline = wire_dateline(page.first_body())
    if dateline is not None:
        return Found(_credit_name(dateline[1], table), f"{dateline[0]} ({dateline[1]})")
    stated = _stated_source(page)
    if stated is not None:
        return stated
    for text in (line.text for line in page.of_kind("body")):
        for reports in _REPORTS.finditer(text):
            name = reports.group("name")
            if table.known(name) or name.rsplit(maxsplit=1)[-1].casefold() in _MEDIA_WORDS:
                return Found(table.canonical(name), reports.group(0).strip(" ,;–—"))
    platform = table.platform(page.raw)
    credit = _outlet_credit(page)
    if platform is not None and credit is not None:
        return Found(credit.value, f"{credit.evidence} (original source of a {platform} repost)")
    return None


def _stated_source(page: PageLines) -> Found | None:
    """ "Source: Reuters" anywhere on the page, or an agency credit closing the body ("— AFP", "(AP)")."""
    for line in page.lines:
        match = _SOURCE_LINE.search(line.text)
        if match and page.table.known(match.group("name")):
            return Found(_credit_name(match.group("name"), page.table), line.text)
    body = page.of_kind("body")
    tail = [body[-1].text] if body else []
    after = [
        line.text for line, d in page.pairs() if d.kind == "drop" and body and line.number > body[-1].number
    ]
    for text in [*tail, *after[:3]]:
        match = _CLOSING_CREDIT.search(text)
        if match and page.table.is_agency(_credit_name(match.group("name"), page.table)):
            return Found(_credit_name(match.group("name"), page.table), text)
        if page.table.is_agency(text.strip("()—–- ")):
            return Found(page.table.canonical(text.strip("()—–- ")), text)
    return None
