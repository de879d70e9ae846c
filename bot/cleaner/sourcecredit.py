"""A reposted story's source, credited in shapes the other wire finders do not read (issue 9, round
fourteen): a known outlet's name in the lede's dateline brackets on another outlet's site ("United
Nations (NAME)President ..."), a "Source:" line citing the original's title and then its outlet ("Source:
TITLE – NAME"), a "Source NAME" line without its colon, a "From NAME" line over the story (read as its
byline), and a news agency the lede's first sentence ends on ("..., according to AGENCY."): the story was
rewritten from that agency's copy. The outlet's name alone in brackets ("[NAME]") is bracketcredit's.

Every credit must name an outlet the table knows, other than the page's own (a site crediting itself
names no wire): an unknown name in such a shape is as likely a person, a title or a section.
"""

from __future__ import annotations

import re

from bot.cleaner.ownsite import own_outlet
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["is_institution", "reposted_source"]

# "PLACE (NAME)" opening the lede, the text perhaps glued to the bracket: "United Nations (NAME)President"
_DATELINE_CREDIT = re.compile(
    r"^[A-Z][A-Za-z .'’-]{1,40}\s\((?P<name>[A-Z][\w.&'’ -]{1,40})\)\s*(?:[-–—]{1,2}\s*)?[A-Z]"
)
# "Source: TITLE – NAME" / "Source: TITLE | NAME": the original's title, then its outlet
_TITLED_SOURCE = re.compile(
    r"^(?:source|via)\s*:\s*.{3,200}\s[–—|-]\s(?P<name>[^–—|]{2,60}?)\s*$", re.IGNORECASE
)
# "Source NAME" (no colon); "[NAME]" alone on a line is bracketcredit's
_BARE_SOURCE = re.compile(r"^(?i:source)\s+(?P<name>[A-Z][^:]{1,60}?)\s*$")

# "From NAME" / "Via NAME" over a reposted story
_FROM = re.compile(r"^(?i:from|via)\s+(?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})$")


def reposted_source(page: PageLines) -> Found | None:
    """The known outlet a repost credits as its source, by a dateline's brackets or a credit line."""
    credit = _dateline_credit(page)
    if credit is not None:
        return credit
    body = page.of_kind("body")
    start = body[0].number if body else 0
    for line, decision in page.pairs():
        if decision.kind == "body" or not line.text:
            continue
        match = _TITLED_SOURCE.match(line.text) or _BARE_SOURCE.match(line.text)
        if match is None and line.number < start:  # "From NAME" over the story
            match = _FROM.match(line.text)
        name = match.group("name") if match else ""
        if name and _others(name, page):
            return Found(page.table.canonical(name), line.text)
    return None


def _dateline_credit(page: PageLines) -> Found | None:
    first = page.first_body()
    match = _DATELINE_CREDIT.match(first)
    if match is not None and _others(match.group("name"), page):
        return Found(page.table.canonical(match.group("name")), match.group(0)[:-1].strip())
    sentence = first.split(". ", 1)[0]
    according = _ACCORDING.search(sentence if sentence != first else first)
    name = according.group("name").rstrip(".") if according else ""
    if name and page.table.is_agency(name) and _others(name, page):
        return Found(page.table.canonical(name), according.group(0).strip(" ,.") if according else name)
    return None


# the lede's first sentence ending on its source: "..., according to Reuters."
_ACCORDING = re.compile(
    r",\s+according to (?:the\s+)?(?P<name>[A-Z][\w&.'’-]*(?:\s+[A-Z][\w&.'’-]*){0,3})\.?$"
)


def _others(name: str, page: PageLines) -> bool:
    """The name is a known outlet and not the one whose domain the page is on."""
    if not page.url or not page.table.known(name):
        return False
    own = own_outlet(page)
    return own is None or page.table.canonical(name) != own


# an institution named as a text's source (a council, an institute, a foundation: a think tank, an
# academy) wrote an analysis, and is no news agency nor outlet whose copy the page carries
_INSTITUTION = re.compile(
    r"\b(?:council|institute|institution|foundation|endowment|center|centre|university|academy)"
    r"(?: (?:on|of|for) [\w ]+)?$",
    re.I,
)


def is_institution(name: str, media_words: frozenset[str]) -> bool:
    """An institution's name that holds none of the media words ("Harbour News Center" is a newsroom's):
    "Source: Atlantic Council" credits a think tank's analysis, no news copy."""
    media = any(word.casefold() in media_words for word in name.split())
    return not media and _INSTITUTION.search(name) is not None
