"""A repost's closing link to the story it copied: "Read More: TITLE | SOURCE." (the source's own title
tag pasted as a link's text).

When the page prints that TITLE again on a line above the story, that line is the headline (a repost
keeps the copied title; the header pass may have placed it already), the link line is chrome, and
SOURCE, when the outlet table knows it, is the wire: the page carries SOURCE's copy.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.cleaner.lines import Line
from bot.cleaner.outlets import OutletTable
from bot.cleaner.page import Decision
from bot.cleaner.pagelines import Found, PageLines
from bot.text import normalize

__all__ = ["mark_source_link", "source_link"]

SOURCE_LINK = "source-link"
_LINK = re.compile(
    r"^(?:read more|source|via|originally published)\s*:\s*"
    r"(?P<title>.+?)\s+[|]\s+(?P<source>[^|]{2,60}?)\.?$",
    re.IGNORECASE,
)


def _title_line(lines: Sequence[Line], decisions: Sequence[Decision], title: str, before: int) -> int | None:
    """The first line above `before` that prints `title`: the headline, or a line not yet the story's
    when the page has no headline."""
    wanted = normalize(title).casefold()
    kinds = ("headline",) if any(d.kind == "headline" for d in decisions) else _UNPLACED
    for i in range(before):
        if normalize(lines[i].text).casefold() == wanted and decisions[i].kind in kinds:
            return i
    return None


_UNPLACED = ("body", "caption", "subheading", "drop")


def mark_source_link(lines: Sequence[Line], decisions: list[Decision], table: OutletTable) -> None:
    """Drop (in place) a source link crediting a known outlet whose title the page prints above it,
    and make that line the headline (what the page kept above it is the site's header)."""
    for i, line in enumerate(lines):
        link = _LINK.match(line.text.strip())
        if link is None or not table.known(link.group("source")):
            continue
        at = _title_line(lines, decisions, link.group("title"), i)
        if at is not None:
            for j in range(at):  # above the title a repost keeps, the site's own lines (a menu)
                if decisions[j].kind in _UNPLACED[:3]:
                    decisions[j] = Decision("drop", "page-header")
            decisions[at] = Decision("headline")
            decisions[i] = Decision("drop", SOURCE_LINK)
            return


def source_link(page: PageLines) -> Found | None:
    """The known outlet a dropped source link credits: the copy's wire."""
    for line in page.dropped_as(SOURCE_LINK):
        link = _LINK.match(line.text.strip())
        if link is not None:
            return Found(page.table.canonical(link.group("source")), line.text)
    return None
