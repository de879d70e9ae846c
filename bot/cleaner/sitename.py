"""The site's own name where the page prints it beside the article: its footer's copyright line, its
masthead above an owner's copyright, and the suffix of a <title> (used by `html`, `metadata`, `article`).

- An HTML page's copyright line sits in the footer the text extractor leaves out: it is put back as the
  text's last line, where the line cleaner drops it as chrome and the outlet finders read its holder.
- A copyright held by a company ("NAME Holdings Ltd", "NAME Media Group") names the owner of the site,
  not the site: a masthead near the top that the outlet table knows is the site's name.
- A headline read from a <title> ("Headline - Site Name", "Site Name | Headline") keeps no site name:
  the part after (or before) a dash or a bar goes when it names the outlet found for the page; so does a
  mailing list's subject tag, the list's name in brackets before the subject ("[List-Name] Subject").
"""

from __future__ import annotations

import re
from typing import Any

from bot.cleaner.outlets import OutletTable
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["copyright_text", "is_owner_name", "masthead_over_owner", "without_outlet_suffix"]

_COPYRIGHT = re.compile(
    r"^(?:©|\(c\)|copyright)\s*©?\s*(?:copyright\s*)?(?:19|20)\d{2}\b|\ball rights reserved\b", re.I
)
_MAX_CHARS = 300  # not a threshold: a longer text is a paragraph that mentions copyright, not the line


_FOOTER_TEXTS = (
    "(//footer | //*[contains(@class, 'footer') or contains(@id, 'footer') or contains(@class, 'copyright')"
    " or contains(@id, 'colophon')])//text()[contains(., '©') or contains(., 'opyright')"
    " or contains(., 'OPYRIGHT')]"
)


def copyright_text(tree: Any) -> str | None:
    """The page's copyright line ("© 2015 NAME · Privacy"), as one text of the footer's markup (a photo's
    "© 2016 NAME" credit elsewhere on the page is no copyright of the site)."""
    nodes = tree.xpath(_FOOTER_TEXTS)
    for node in nodes:
        text = " ".join(str(node).split()).rstrip(" ·•|–—-")  # the separator before the footer's links
        if len(text) <= _MAX_CHARS and _COPYRIGHT.search(text):
            return text
    return None


# a company's form: "Singapore Press Holdings Ltd", "NAME Media Group", "NAME Corporation"
_OWNER = re.compile(r"\b(?:holdings?|group|corporation|corp|plc|inc|ltd|limited|llc|gmbh)\b\.?", re.I)


def is_owner_name(name: str) -> bool:
    """A company's name ("NAME Media Group", "NAME Holdings Ltd"): a site's owner, not the site."""
    return bool(_OWNER.search(name))


def masthead_over_owner(page: PageLines) -> Found | None:
    """A known outlet's name on a line of chrome near the top, when the copyright is held by a company."""
    owned = any(_OWNER.search(line.text) for line in page.dropped_as("copyright"))
    if not owned:
        return None
    for line, decision in list(page.pairs())[: page.settings.site_name_lines]:
        if decision.kind == "drop" and page.table.known(line.text) and not page.table.is_agency(line.text):
            return Found(
                page.table.canonical(line.text), f"{line.text} (the masthead over an owner's copyright)"
            )
    return None


_SEPARATOR = re.compile(r"\s+[|–—-]\s+")
_TAG = re.compile(r"^\[(?P<name>[^\[\]]{2,60})\]\s+(?=\S)")  # a subject tag: "[NAME] "


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


_TWO_PARTS = 2  # not a threshold: a headline and the site's label


def without_outlet_suffix(title: str, outlet: str | None, table: OutletTable | None = None) -> str:
    """ "Headline - Site Name" (or "Site Name | Headline") without the site's name when that is the
    outlet: spelled as found, or (with the outlet table) any name the table gives that outlet, or a
    last part opening with the outlet's whole name ("Headline | Site Name English Archive")."""
    tag = _TAG.match(title)
    if tag and outlet and _squash(tag.group("name")) == _squash(outlet):  # "[List-Name] Subject"
        return title[tag.end() :]
    parts = _SEPARATOR.split(title)
    if not outlet or len(parts) == 1:
        return title

    def names_outlet(part: str) -> bool:
        same = _squash(part) == _squash(outlet)
        return same or (
            table is not None and table.known(part) and table.canonical(part) == table.canonical(outlet)
        )

    # a last part that opens with the outlet's whole name is the site's label ("| SITE English Archive")
    name_words = outlet.casefold().split()
    # (a title of two parts only: a longer one's last part may be a section)
    opens = parts[-1].casefold().split()[: len(name_words)] == name_words and len(parts) == _TWO_PARTS
    if names_outlet(parts[-1]) or opens:
        return title[: title.rfind(parts[-1])].rstrip(" |–—-")
    if names_outlet(parts[0]):
        return title[len(parts[0]) :].lstrip(" |–—-")
    return title
