"""Lines the layout kept inside a story that the outlet table shows are its metadata or links, and a
headline the header pass could not place.

The layout keeps a short line between paragraphs as a subheading. Read with the outlet table, some are
not: a news agency's name alone on a line ("AGENCY" under a summary paragraph) or with the place it filed
from ("AGENCY, PLACE, Country" between a standfirst and the story) credits the copy, and a
line ending in a known outlet's name after a dash ("Update #2: TITLE -- OUTLET") links that outlet's
story. When no line is the headline: a page opening with a one-sentence standfirst has its headline on
the unfinished line right under it; a page opening with a short title in sentence words ("A Gift to
NAME", a lower-case little word inside) or with a title tagged "VIDEO:" right over the story has its
headline there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.cleaner.credits import AGENCY_CREDIT, placed_credit
from bot.cleaner.lines import Line, ends_sentence, word_count
from bot.cleaner.outlets import OutletTable, registered_domain
from bot.cleaner.page import Decision
from bot.cleaner.pagelines import Found, PageLines
from bot.cleaner.sentences import sentence_spans
from bot.config import CleanerConfig

__all__ = ["as_reported", "lead_agency", "refine_lead", "title_source"]

_CREDIT_TRIM = "()—–-:. "
# a link to another outlet's story: "TITLE -- OUTLET", "TITLE — OUTLET" (a spaced dash before the name)
# a blog's link to the story it quotes, under its headline: "OUTLET: Title of the Story"
_SOURCE_LINK = re.compile(r"^(?P<name>[A-Z][\w.&'’ -]{1,40}?):\s+\S+(?:\s+\S+){2,}$")
_OUTLET_LINK = re.compile(r"^(?P<title>\S+(?:\s+\S+){2,}?)\s+(?:--|—|–)\s+(?P<name>[^-–—]{2,40}?)\s*$")
# the little words of a title in sentence words: a section label ("World News") has none
_LITTLE_WORD = re.compile(r"\s(?:a|an|the|to|of|for|in|on|at|with|and|by|from)\s")


def refine_lead(
    lines: Sequence[Line],
    decisions: Sequence[Decision],
    table: OutletTable,
    settings: CleanerConfig,
    *,
    titled: bool = False,
) -> list[Decision]:
    """The layout's decisions with the table's corrections: agency credits and outlet links kept as
    subheadings are dropped, and a headline is placed when the layout found none and the markup stated
    none (`titled`: an HTML page's title)."""
    out = list(decisions)
    for i, (line, decision) in enumerate(zip(lines, out, strict=True)):
        if decision.kind not in ("subheading", "caption"):
            continue
        # a place after the agency tells its credit from a photo's ("AGENCY" alone may caption one)
        placed = placed_credit(line.text, table, settings.header_credit_max_words) is not None
        if placed or (decision.kind == "subheading" and table.is_agency(line.text.strip(_CREDIT_TRIM))):
            out[i] = Decision("drop", AGENCY_CREDIT)
        elif (link := _OUTLET_LINK.match(line.text)) and table.known(link.group("name")):
            out[i] = Decision("drop", "related-teaser")
    if not titled and not any(d.kind == "headline" for d in out):
        at = _headline_under_standfirst(lines, out, settings) or _short_title_over_story(lines, out, settings)
        if at is not None:
            out[at] = Decision("headline")
    return out


def _filled(lines: Sequence[Line]) -> list[int]:
    return [i for i, line in enumerate(lines) if not line.blank]


def _headline_under_standfirst(
    lines: Sequence[Line], decisions: Sequence[Decision], settings: CleanerConfig
) -> int | None:
    """The page opens with one kept sentence, then a title-cased subheading, then the story."""
    filled = _filled(lines)
    if len(filled) < len(("standfirst", "headline", "story")):
        return None
    first, second, third = filled[:3]
    one_sentence = decisions[first].kind == "body" and len(sentence_spans(lines[first].text)) == 1
    titled = decisions[second].kind == "subheading" and not ends_sentence(lines[second].text)
    shaped = settings.headline_min_words <= word_count(lines[second].text) <= settings.headline_max_words
    return second if one_sentence and titled and shaped and decisions[third].kind == "body" else None


def _short_title_over_story(
    lines: Sequence[Line], decisions: Sequence[Decision], settings: CleanerConfig
) -> int | None:
    """The page's first line over the story's first paragraph (only chrome between): a short title with
    a little word in lower case dropped as page header, or a title tagged "VIDEO:" dropped as a player's
    label."""
    filled = _filled(lines)
    kept = [i for i in filled[1:] if decisions[i].kind != "drop"]  # notices between are chrome
    if not filled or not kept or decisions[kept[0]].kind != "body":
        return None
    first, text = filled[0], lines[filled[0]].text
    if re.search(r"[|?!]", text):
        return None
    short = settings.headline_min_words <= word_count(text) <= settings.label_max_words
    worded = bool(_LITTLE_WORD.search(f" {text} ")) and text[:1].isupper() and not text.isupper()
    header = decisions[first] == Decision("drop", "page-header") and ":" not in text
    tagged = _TAGGED_TITLE.match(text) if decisions[first] == Decision("drop", "media-player") else None
    titled = tagged is not None and word_count(tagged.group("title")) >= settings.headline_min_words
    return first if (header and short and worded) or titled else None


# a story's title tagged as a video page's: "VIDEO: Leaders argue at the airport"
_TAGGED_TITLE = re.compile(r"^VIDEO:\s+(?P<title>[A-Z][^:]{10,200})$")


def lead_agency(page: PageLines) -> Found | None:
    """A news agency's name alone on a line above or under the story (between two of its paragraphs it
    credits a lost photo), or its sign-off ("— AGENCY") between
    entries of a live-updates page: the copy's credit. Else a news agency
    opening the line under the headline, "AGENCY: Its Title" (a blog's link to the wire story it quotes)."""
    signed = [line for line in page.dropped_as("credits") if line.text.startswith(("—", "–", "-"))]
    body = page.of_kind("body")
    alone = [line for line in page.dropped_as(AGENCY_CREDIT) if not _between(line, body)]
    line = next(iter([*alone, *signed]), None)
    if line is not None and page.table.is_agency(line.text.strip(_CREDIT_TRIM)):
        return Found(page.table.canonical(line.text.strip(_CREDIT_TRIM)), line.text)
    pairs = [(line, d) for line, d in page.pairs() if not line.blank]
    at = next((n for n, (_, d) in enumerate(pairs) if d.kind == "headline"), None)
    under = pairs[at + 1] if at is not None and at + 1 < len(pairs) else None
    source = _SOURCE_LINK.match(under[0].text) if under and under[1].kind == "drop" else None
    site = registered_domain(page.url) if page.url else None
    own = page.table.by_domain(site[1]) if site else None
    # a link to another paper's story is a reading tip, not a copy: only an agency's title names the wire
    if source is None or not page.table.is_agency(source.group("name")):
        return None
    name = page.table.canonical(source.group("name"), page.url)
    return None if name == own or under is None else Found(name, under[0].text)


def _between(line: Line, body: Sequence[Line]) -> bool:
    """The line sits between two of the story's paragraphs: an agency's name alone there is the credit
    of a photo the copy lost, not the story's."""
    return bool(body) and body[0].number < line.number < body[-1].number


# a title that keeps the name of the site it was taken from: "Leaders meet at the UN – OUTLET"
_TITLE_SOURCE = re.compile(r"^\S.{10,}?\s+[-–—|]\s+(?P<name>[^-–—|]{2,40}?)\s*$")


def title_source(page: PageLines) -> Found | None:
    """A news agency other than the page's own site named after the headline: a repost that kept the
    original's title whole names its source; a broadcaster's or a paper's name there is the linked or
    copied story's outlet, no wire (a wire is an agency the copy is credited to)."""
    headline = next(iter(page.of_kind("headline")), None)
    named = _TITLE_SOURCE.match(headline.text) if headline else None
    if headline is None or named is None or not page.table.is_agency(named.group("name")):
        return None
    site = registered_domain(page.url) if page.url else None
    own = page.table.by_domain(site[1]) if site else None
    name = page.table.canonical(named.group("name"), page.url)
    return None if own is not None and name == own else Found(name, headline.text)


# a story told on another outlet's word: "As AGENCY reports, ...", "as NAME reported on Monday"
_AS_REPORTED = re.compile(
    r"\b[Aa]s\s+(?:the\s+)?(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\s+report(?:s|ed)\b"
)


def as_reported(page: PageLines) -> Found | None:
    """A known outlet the story's first paragraphs say they report after ("As NAME reports"): the copy's
    source, as a closing "..., NAME reports." is."""
    for line in page.of_kind("body")[: page.settings.dateline_paragraphs]:
        for match in _AS_REPORTED.finditer(line.text):
            if page.table.known(match.group("name")):
                return Found(page.table.canonical(match.group("name"), page.url), match.group(0))
    return None
