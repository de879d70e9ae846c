"""The outlet a story was written for, named under its reporters on another site's page ("Jane Roe" /
"NAME News", or "Source: Jane Roe and Tom Poe" / "The Paper" on a blog's repost), and whether a credit
names reporters rather than an agency (read by `wire` for the copy's source and by `metadata`, for which
such a line is no name of the page's own site)."""

from __future__ import annotations

import re

from bot.cleaner.bylines import names_only
from bot.cleaner.outlets import registered_domain
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["MEDIA_WORDS", "people_named", "reporter_credit", "reporters_named"]

MEDIA_WORDS = frozenset(
    "news times post journal telegraph guardian herald tribune agency press tv television radio "
    "broadcasting channel daily gazette wire online review observer independent".split()
)

# a reporter's name alone on a line: "Jane Roe"
_PERSON = re.compile(r"^[A-Z][a-z'’-]+(?: [A-Z]\.)?(?: [A-Z][a-z'’-]+){1,2}$")

# an original paper and its city on an aggregator's page: "Daily Paper (Capital)"
_PLACED = re.compile(r"^(?P<name>[A-Z][^()]{1,60}?)\s*\((?P<place>[A-Z][\w .'’-]{1,30})\)$")

# the label a repost's credit line puts before the reporters: "Source:", "By", "Written by:"
_LABEL = re.compile(r"^(?:sources?|credits?|by|written by|reported by)\b\s*:?\s*", re.IGNORECASE)
_JOINED = re.compile(r"\s*(?:,|\s&\s|\sand\s)\s*")


def people_named(text: str, page: PageLines) -> bool:
    """The line (after a "Source:" or "By" label) names people, two or more joined by "and", "&" or ","
    ("Jane Roe and Tom Poe"): two or three capitalised words each, none a media word ("Daily Globe and
    Evening Post" are papers) nor a name the outlet table knows. Reporters are no wire."""
    names = _LABEL.sub("", text.strip())
    if not names_only(names, page.settings):
        return False
    parts = _JOINED.split(names)
    return not any(page.table.known(part) or MEDIA_WORDS & set(part.lower().split()) for part in parts)


def reporters_named(text: str, page: PageLines) -> bool:
    """The credit names one reporter or several ("Jane Roe", "Jane Roe and Tom Poe"): a person's two or
    three capitalised words, no media word, no name the outlet table knows. A reporter is no wire."""
    name = _LABEL.sub("", text.strip())
    one = _PERSON.match(name) is not None and not name.startswith("The ") and not page.table.known(name)
    return people_named(name, page) or (one and not MEDIA_WORDS & set(name.lower().split()))


def reporter_credit(page: PageLines) -> Found | None:
    """A known outlet named under its reporters ("Jane Roe" / "NAME News", "Source: Jane Roe and Tom Poe"
    / "NAME"), or with its city in brackets ("Daily Paper (Capital)"), on another site's page (the URL's
    domain is not that outlet's): the outlet the story was written for, its source."""
    host = registered_domain(page.url) if page.url else None
    previous = ""
    for line, decision in page.pairs():
        if line.blank:
            continue
        text = line.text
        if decision.kind != "drop":
            previous = ""
            continue
        placed = _PLACED.match(text) if text.endswith(")") else None
        under = bool(previous) and (_PERSON.match(previous) is not None or people_named(previous, page))
        name = text if under else placed.group("name") if placed else ""
        if name and page.table.known(name):
            named = page.table.canonical(name)
            if host is not None and page.table.by_domain(host[0]) != named:
                return Found(named, f"{previous} / {text} (a credit for another outlet)")
        previous = text
    return None
