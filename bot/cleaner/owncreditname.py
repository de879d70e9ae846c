"""The name a site's own credit gives it: the outlet a reader cites, and its wire on its own page.

An agency credits its own copy in its dateline ("Tarnby, QNA –") or on a line of its own right above the
lede ("Quorva:"). When that credit spells the name of the site the page is on (its registered domain's
label, or the label's first hyphen-separated word: "QNA" on qna-news.org), it is the name the site goes by,
printed by the site itself: a reader cites it as printed, rather than the outlet table's longer form
("Quorva News Agency") or the domain's words ("Qna News"). A credit the table reads as the domain's own
outlet ("ANDINA" of Andina), or that is the initials of the outlet's name, which spells it out ("AA" of
Anadolu Agency), is left to the table; a credit naming any other site is another matter (the wire
finders').
"""

from __future__ import annotations

import re

from bot.cleaner.documentname import name_initials
from bot.cleaner.outlets import registered_domain
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["credit_line", "own_credit_name", "spells_own_site"]

_NOT_WORD = re.compile(r"[\W_]+")
_SHORTEST = 2  # not a threshold: one letter spells no site's name
# a name alone and a colon on its own line: "Quorva:" (no sentence, no field's value after it)
_CREDIT_LINE = re.compile(r"^(?P<name>[A-Z][\w.&'’ -]{1,40}?)\s*:$")


def spells_own_site(name: str, url: str | None) -> bool:
    """The name, letters and digits only, is the label of the URL's registered domain or its first
    hyphen-separated word ("QNA" on qna-news.org)."""
    site = registered_domain(url) if url else None
    if site is None:
        return False
    label = site[0].split(".")[0].casefold()
    key = _NOT_WORD.sub("", name).casefold()
    return len(key) >= _SHORTEST and key in {_NOT_WORD.sub("", label), label.split("-")[0]}


def credit_line(page: PageLines) -> Found | None:
    """A "NAME:" line right above the lede (dropped, the last filled line before it) that names the site
    the page is on or a news agency: the copy's credit."""
    body = page.of_kind("body")
    if not body:
        return None
    above = [(line, d) for line, d in page.pairs() if line.number < body[0].number and line.text]
    line, decision = above[-1] if above else (None, None)
    match = _CREDIT_LINE.match(line.text) if line is not None else None
    if line is None or match is None or decision is None or decision.kind != "drop":
        return None
    name = match.group("name")
    if spells_own_site(name, page.url) and not page.table.known(name):
        return Found(name, line.text)
    return Found(page.table.canonical(name), line.text) if page.table.is_agency(name) else None


def own_credit_name(page: PageLines, wire: Found | None, outlet: str) -> Found | None:
    """The wire credit as printed, when it spells the page's own site and the table does not read it as
    the outlet already found."""
    if wire is None or not spells_own_site(wire.value, page.url):
        return None
    if page.table.canonical(wire.value, page.url).casefold() == outlet.casefold():
        return None
    if name_initials(outlet).casefold() == _NOT_WORD.sub("", wire.value).casefold():
        return None  # "AA" on its site: the outlet's name spelled out ("Anadolu Agency") is read as well
    return Found(wire.value, f"{wire.evidence} (the site's own credit, as printed)")
