"""An article's metadata read from its own text: outlet, wire or original source, date and event.

Each finder returns the value with the raw text it came from (kept as `Article.evidence`). Only kept
lines and the page's template count as evidence: never a photo caption's date or a dropped line's,
except the copyright and credit lines, which exist to say who published the page.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.cleaner.dates import find_date
from bot.cleaner.layout import Decision
from bot.cleaner.lines import Line
from bot.cleaner.sites import PLATFORMS, SITE_SIGNATURES, WIRE_AGENCIES, match_signature
from bot.config import Config

__all__ = [
    "Found",
    "canonical_outlet",
    "find_article_date",
    "find_event",
    "find_outlet",
    "find_wire",
    "wire_dateline",
]


@dataclass(frozen=True, slots=True)
class Found:
    """A metadata value and the raw text it was read from."""

    value: str
    evidence: str


_COPYRIGHT_NAME = re.compile(
    r"^(?:©|\(c\)|copyright)?\s*©?\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)?\s*"
    r"(?P<name>.*?)[\s.,]*(?:all rights reserved\.?)?$",
    re.IGNORECASE,
)
_HOLDER_END = re.compile(r"\.\s|\s[|–—-]\s|\s*\|", re.IGNORECASE)
_MEDIA_WORDS = frozenset(
    "news times post journal telegraph guardian herald tribune agency press tv television radio "
    "broadcasting channel daily gazette wire online review observer independent".split()
)
_DESK = re.compile(r"^(?P<name>.{2,40}?)\s+(?:desk|staff|bureau|newsroom)$", re.IGNORECASE)
# "MOSCOW (Agency) -" or "MOSCOW, Sept 28 (Agency) —" at the start of the first paragraph.
_WIRE_DATELINE = re.compile(
    r"^(?P<dateline>[A-Z][A-Z .'/-]{1,40}(?:,\s*[A-Z][\w.]*(?:\s+[\w.]+){0,2})?\s*"
    r"\((?P<agency>[^()]{2,40})\)\s*[-–—]+)\s"
)
# "..., Sky News reports." / "— the Agency reported."
_REPORTS = re.compile(
    r"(?:^|[,;–—]\s*)(?:the\s+)?(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+report(?:s|ed)\s*[.:]"
)


def canonical_outlet(name: str, config: Config) -> str:
    """The config's canonical outlet name for a name or alias (any case), else the name as found."""
    wanted = name.strip().casefold()
    for outlet in config.outlets:
        if wanted in {outlet.name.casefold(), *(a.casefold() for a in outlet.aliases)}:
            return outlet.name
    return name.strip()


def _copyright_holder(text: str) -> str:
    """The holder named by a copyright line: "© 2016 Name. Powered by ..." gives "Name"."""
    match = _COPYRIGHT_NAME.match(text)
    name = match.group("name") if match else ""
    return _HOLDER_END.split(name, maxsplit=1)[0].strip(" .,")


def _is_media_name(name: str, config: Config) -> bool:
    """An outlet or agency ("Sky News reports"), not any subject ("the Kremlin reported")."""
    last = name.rsplit(maxsplit=1)[-1].casefold()
    return _known_outlet(name, config) or name in WIRE_AGENCIES or last in _MEDIA_WORDS


def _known_outlet(name: str, config: Config) -> bool:
    return canonical_outlet(name, config) != name.strip() or any(
        o.name == name.strip() for o in config.outlets
    )


def find_outlet(
    lines: Sequence[Line], decisions: Sequence[Decision], raw: str, config: Config
) -> Found | None:
    """Copyright footer, then a site signature, a desk byline, then a photo credit naming a known outlet."""
    for line, decision in zip(lines, decisions, strict=True):
        if decision.reason == "copyright":
            name = _copyright_holder(line.text)
            if name:
                return Found(canonical_outlet(name, config), line.text)
    signature = match_signature(raw, SITE_SIGNATURES)
    if signature is not None:
        return Found(canonical_outlet(signature.name, config), f"page template: {signature.note}")
    for line, decision in zip(lines, decisions, strict=True):
        desk = _DESK.match(line.text) if decision.kind == "byline" else None
        if desk:
            return Found(canonical_outlet(desk.group("name"), config), line.text)
    credit = _outlet_credit(lines, decisions, config)
    if credit is not None:
        return credit
    first = next((line.text for line, d in zip(lines, decisions, strict=True) if d.kind == "body"), "")
    dateline = _WIRE_DATELINE.match(first)
    if dateline:
        return Found(canonical_outlet(dateline.group("agency"), config), dateline.group("dateline"))
    return None


def _outlet_credit(lines: Sequence[Line], decisions: Sequence[Decision], config: Config) -> Found | None:
    """A photo credit ("© SPUTNIK") that names an outlet the config knows."""
    for line, decision in zip(lines, decisions, strict=True):
        if decision.reason != "photo-credit":
            continue
        name = re.sub(
            r"^(?:©|\(c\)|photo|image|picture|credit)s?\s*:?\s*", "", line.text, flags=re.IGNORECASE
        )
        if name and _known_outlet(name, config):
            return Found(canonical_outlet(name, config), line.text)
    return None


def wire_dateline(first_paragraph: str) -> tuple[str, str] | None:
    """A wire dateline opening the first paragraph: (the dateline, the agency), or None."""
    match = _WIRE_DATELINE.match(first_paragraph)
    return (match.group("dateline"), match.group("agency").strip()) if match else None


def find_wire(
    lines: Sequence[Line], decisions: Sequence[Decision], raw: str, outlet: Found | None, config: Config
) -> Found | None:
    """The agency in the byline or wire dateline, a "..., NAME reports." credit, or a repost's original."""
    for line, decision in zip(lines, decisions, strict=True):
        if decision.kind == "byline":
            for agency in WIRE_AGENCIES:
                if re.search(rf"(?<![\w-]){re.escape(agency)}(?![\w-])", line.text):
                    return Found(canonical_outlet(agency, config), line.text)
    body = [line.text for line, d in zip(lines, decisions, strict=True) if d.kind == "body"]
    dateline = wire_dateline(body[0]) if body else None
    if dateline is not None:
        return Found(canonical_outlet(dateline[1], config), dateline[0])
    for text in body:
        for reports in _REPORTS.finditer(text):
            if _is_media_name(reports.group("name"), config):
                return Found(canonical_outlet(reports.group("name"), config), reports.group(0).strip(" ,;–—"))
    reposted = match_signature(raw, PLATFORMS)
    if reposted is not None and outlet is not None and outlet == _outlet_credit(lines, decisions, config):
        return Found(outlet.value, f"{outlet.evidence} (original source of a {reposted.name} repost)")
    return None


def find_article_date(lines: Sequence[Line], decisions: Sequence[Decision]) -> Found | None:
    """The date of the dateline, else of the byline; None when the page gives none."""
    for kind in ("dateline", "byline"):
        for line, decision in zip(lines, decisions, strict=True):
            found = find_date(line.text) if decision.kind == kind else None
            if found is not None:
                return Found(found.date.isoformat(), line.text)
    return None


def find_event(date: str | None, texts: Sequence[str], config: Config) -> Found | None:
    """The event whose date window holds the date, else the one whose keywords the text names most."""
    if date:
        day = dt.date.fromisoformat(date)
        for event in config.events:
            if event.start <= day <= event.end:
                return Found(event.id, f"date {date} within {event.start}..{event.end}")
    text = "\n".join(texts)
    scores = {event.id: sum(_count(keyword, text) for keyword in event.keywords) for event in config.events}
    ranked = sorted(scores.items(), key=lambda item: item[1], reverse=True)
    if not ranked or ranked[0][1] == 0 or (len(ranked) > 1 and ranked[1][1] == ranked[0][1]):
        return None
    return Found(ranked[0][0], f"keywords: {ranked[0][1]} mentions")


def _count(keyword: str, text: str) -> int:
    """Whole-word mentions; acronyms and numbers ("UN", "G20", "2015") must match their case exactly."""
    flags = 0 if keyword.upper() == keyword else re.IGNORECASE
    return len(re.findall(rf"(?<![\w-]){re.escape(keyword)}(?![\w-])", text, flags))
