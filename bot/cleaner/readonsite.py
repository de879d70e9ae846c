"""A page's link to its own site by name: an AMP or app copy of a story heads it with "Read on the
website NAME" ("View on NAME's site", "Open in the NAME website"). The name is the publisher's, printed
by the page itself, so it beats a fallback on the URL's domain (an agency's domain abbreviates its name:
"Read on the website Larkfield Herald" on lfherald.example). A database's closing note says the same:
"This is an article from NAME, a service of OWNER that ..." names the service the page is on."""

from __future__ import annotations

import re

from bot.cleaner.pagelines import Found, PageLines

__all__ = ["read_on_site"]

_LONGEST = 80  # not a threshold: a link line's length; a longer line is prose the patterns cannot match

_READ_ON = re.compile(
    r"^(?i:(?:read|view|open|see)(?: (?:this|the|full) (?:article|story|version))?"
    r" (?:on|at|in) (?:the )?(?:(?:full )?(?:web)?site|web version)(?: of)?)"
    r" (?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})$"
)
_ON_NAMES_SITE = re.compile(
    r"^(?i:(?:read|view|open|see)(?: (?:this|the|full) (?:article|story|version))?"
    r" (?:on|at|in)) (?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})(?:'s|’s)? (?:web)?site$"
)

_SERVICE_NOTE = re.compile(
    r"^(?i:this is an? (?:article|story|item|document|record) from) "
    r"(?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3}),? (?i:an? (?:service|product|database) of)\b"
)


def read_on_site(page: PageLines) -> Found | None:
    """The name a line linking to the page's own site gives ("Read on the website NAME"), or a closing
    note naming the service the page is on ("This is an article from NAME, a service of ...")."""
    for line in page.lines:
        if not line.text[:1].isalpha():  # the cheap test first
            continue
        short = len(line.text) <= _LONGEST
        match = (short and (_READ_ON.match(line.text) or _ON_NAMES_SITE.match(line.text))) or (
            _SERVICE_NOTE.match(line.text) if line.text[:5].lower() == "this " else None
        )
        if match:
            name = page.table.canonical(match.group("name"))
            return Found(name, f"{line.text} (the page's link to its own site)")
    return None
