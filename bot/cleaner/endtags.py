"""A story's end tag: the credits a desk prints under the last paragraph, and the wire they name.

Kinds read (never one site's): agencies joined by slashes with the editors' initials after them,
"(PNA/Xinhua) SCS/EBP" (a re-publisher's own acronym first, then the source agency), "Reuters/ts" (the
agency and an editor's initials in lower case), "Site / Agency - ab-CD" (initials after a dash); and a
syndicate's tag, "©2015 NAME / Visit the NAME at ... / Distributed by SYNDICATE", whose copyright names
the story's original source, not the distributor.
Such lines are chrome (`END_TAG_PATTERNS`, credits: after them nothing of the article follows); `tagwire`
reads the wire they name.
"""

from __future__ import annotations

import re
from typing import Any

from bot.cleaner.page import Page

__all__ = [
    "END_TAG_PATTERNS",
    "ORIGINAL_VERSION",
    "OWNER",
    "SYNDICATE",
    "TAG",
    "mark_syndicate_tags",
    "syndicated_credit",
]

_NAME = r"[A-Z][A-Za-z]{1,15}"
# "(PNA/Xinhua) SCS/EBP", "PNA/Xinhua SCS/EBP": credits in brackets or joined by slashes, then the
# editors' initials in capitals; "Reuters/ts", "AFP/dpa/jw": initials in lower case after a slash
_INITIALS = r"[A-Z]{2,4}(?:/[A-Z]{2,4})*"  # in capitals: "Obama/Putin talks" is no tag
# "teleSUR / EFE - ja-MH": the outlet and the agency, a dash, then the writer's and editor's initials
_CREDIT = r"[A-Za-z][A-Za-z]{1,15}(?: [A-Z][A-Za-z]{1,15})?"
TAG = re.compile(
    rf"^(?:\((?P<bracketed>{_NAME}(?:\s?/\s?{_NAME})*)\)\s+{_INITIALS}"
    rf"|(?P<slashed>{_NAME}(?:\s?/\s?{_NAME})+)\s+{_INITIALS}"
    rf"|(?P<tagged>{_NAME}(?:/{_NAME})*)/[a-z]{{1,4}}(?:/[a-z]{{1,4}})*"
    rf"|(?P<dashed>{_CREDIT}(?:\s?/\s?{_CREDIT})+)\s[-–]\s(?:[a-z]{{1,4}}|[A-Z]{{1,4}})-[A-Z]{{1,4}})$"
)
SYNDICATE = re.compile(r"^distributed by\b.{2,80}$", re.IGNORECASE)
OWNER = re.compile(
    r"^(?:©|\(c\)|copyright)\s*(?:(?:19|20)\d{2})?\s*(?P<name>[A-Z][\w&.'’ -]{1,60}?)\.?$", re.I
)

# a syndicated story's pointer to its original: "For the original version ... visit http://paper.com/..."
ORIGINAL_VERSION = re.compile(
    r"^for the original (?:version|story|article)\b.{0,80}\bvisit\s+(?P<url>(?:https?://|www\.)\S+?)\.?$",
    re.I,
)

END_TAG_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("credits", TAG),
    ("credits", SYNDICATE),
    ("credits", ORIGINAL_VERSION),
    ("credits", re.compile(r"^visit (?:the )?[A-Z][\w&.'’ -]{1,60} (?:at|on) \S+\.\w{2,}\S*$", re.I)),
)


def mark_syndicate_tags(page: Page) -> None:
    """The copyright line of a syndicate's tag (just above its "Distributed by" line) credits the story's
    original paper: a credit, not the page's own copyright footer."""
    tags = [i for i, d in enumerate(page.decisions) if d is not None and d.reason == "credits"]
    for i in tags:
        if not SYNDICATE.match(page.lines[i].text):
            continue
        for j in range(max(0, i - 3), i):
            if page.reason(j) == "copyright" and OWNER.match(page.lines[j].text):
                page.set(j, "drop", "credits")


def syndicated_credit(tree: Any) -> tuple[str, str] | None:
    """In an HTML page, the paper a syndicate's tag names by its copyright line ("©2015 PAPER" beside
    "Distributed by ..."), whether or not the extractor kept the tag: (name, evidence)."""
    for text in tree.xpath("//body//text()[contains(., 'istributed by')]"):
        node = text.getparent()
        node = node.getparent() if text.is_tail and node is not None else node  # text after a <br>
        lines = (
            [" ".join(part.split()) for part in node.itertext() if part.strip()] if node is not None else []
        )
        if not any(SYNDICATE.match(line) for line in lines):
            continue
        owner = next((m for line in lines if (m := OWNER.match(line))), None)
        if owner is not None:
            return owner.group("name").strip(), " / ".join(lines)
    return None
