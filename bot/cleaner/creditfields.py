"""Three more ways a page credits the copy's source, each read where a reader looks for it.

- A "Source:" field on the page's date row ("Date of publication:2016-09-09 14:27:00 Source:NAME"):
  the row's fields run on after the time without a separator. A source named as its website ("NAME
  official website", "the NAME website") is NAME, the institution that published the text.
- A repost's "from NAME" line right under the reposted piece's title, above the story's second
  paragraph ("LEAKED: ..." / "from International Observer"): the blogger credits where the piece came
  from. NAME is a proper name of one to four words.
- A closing "Story by NAME" / "Report by NAME" line after the story, NAME a source the outlet table
  knows or a newsroom's name ("... News"): a broadcaster crediting its sister newsroom. A person's name
  there is a byline, no wire.
"""

from __future__ import annotations

import re

from bot.cleaner.outlets import OutletTable, registered_domain
from bot.cleaner.pagelines import Found, PageLines
from bot.cleaner.repostheading import FROM_CREDIT

__all__ = ["date_row_source", "repost_from_line", "story_credit"]

_NAME = r"[A-Z][\w.&'’-]*(?: (?:of|the|for|and|on|[A-Z][\w.&'’-]*)){0,6}"
# "...14:27:00 Source:NAME" / "... 2016 | Source: NAME"
_ROW_SOURCE = re.compile(rf"\d\s+source\s*:\s*(?P<name>{_NAME})\s*$", re.IGNORECASE)
_WEBSITE = re.compile(r"(?:'s)?\s+(?:official\s+)?(?:web\s?site|web portal|portal)$", re.IGNORECASE)
_STORY_BY = re.compile(
    r"^(?i:story|report|text)\s+by\s+(?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})\.?$"
)
_NEWSROOM = re.compile(r"\b(?:News|Radio|TV|Television|Agency|Press|Wire)$")


def date_row_source(page: PageLines) -> Found | None:
    """The source named on a date row's "Source:" field, a website cited as its owner."""
    for line, decision in page.pairs():
        if decision.kind == "body":
            continue
        match = _ROW_SOURCE.search(line.text)
        if match is None:
            continue
        name = _WEBSITE.sub("", match.group("name")).removeprefix("the ").strip()
        if name and not _own(name, page):
            return Found(page.table.canonical(name), line.text)
    return None


_LEAD_AND_LEDE = 2  # not a threshold: a lead-in and the story's first paragraph


def repost_from_line(page: PageLines) -> Found | None:
    """The "from NAME" credit under a reposted piece's title, above the story's second paragraph."""
    body = page.of_kind("body")
    if len(body) < _LEAD_AND_LEDE:
        return None
    pairs = list(page.pairs())
    for n, (line, decision) in enumerate(pairs):
        if line.number >= body[1].number:
            break
        match = FROM_CREDIT.match(line.text)
        above = next((p for p in reversed(pairs[:n]) if p[0].text.strip()), None)
        # the reposted title, read so by layout, or the page's headline right over the credit
        titled = above is not None and above[1].kind in ("subheading", "headline")
        if match and decision.kind != "body" and titled and not _own(match.group("name"), page):
            return Found(page.table.canonical(match.group("name")), line.text)
    return None


def story_credit(text: str, table: OutletTable) -> str | None:
    """The source a closing "Story by NAME" line names: a known source or a newsroom, not a person."""
    match = _STORY_BY.match(text.strip())
    name = match.group("name") if match else ""
    first = name.split()[0] if name else ""
    if name and (table.known(name) or (table.known(first) and _NEWSROOM.search(name))):
        return table.canonical(name)
    return None


def _own(name: str, page: PageLines) -> bool:
    """The name is the page's own outlet by the table (a site crediting itself)."""
    site = registered_domain(page.url) if page.url else None
    own = page.table.by_domain(site[1]) if site else None
    return own is not None and page.table.canonical(name) == own
