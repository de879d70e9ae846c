"""A publisher's name without its company's legal form, as a reader would cite the outlet.

Copyright lines and JSON-LD publishers often give the owning company's legal name: a legal form before
it ("JSC "Daily Name"", "OOO Name") with the name in quotes, or after it ("Name Media Group, Inc.",
"NAME GmbH & Co. KG"), with the words a holding company adds ("Media Group", "Publishing").
"""

from __future__ import annotations

import re

from bot.cleaner.outlets import registered_domain
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["company_name", "domain_words"]

_LEADING_FORM = re.compile(
    r"^(?:(?:[OCP]?JSC|[OZP]?AO|OOO|LLC|joint[- ]stock company|publishing house)\s+)+", re.IGNORECASE
)
_QUOTED = re.compile(r"^[\"'«“„‘](?P<name>[^\"'«»“”„‘’]{2,60})[\"'»”“’]$")
_TRAILING_FORM = re.compile(
    r"(?:\s+(?:newspapers?|media|group|publishing|publications|holdings|communications|company|verlag))*"
    r"(?:\s*,?\s+(?:ltd|limited|inc|llc|plc|co|corp|corporation|gmbh|ag|kg|s\.?a|pty|pvt|jsc)\.?)+"
    r"(?:\s*&\s*co\.?\s*(?:kg|kgaa)?)?$",
    re.IGNORECASE,
)


def company_name(name: str) -> str:
    """The outlet's name in a company's legal name: 'JSC "Larkfield"' and "Larkfield Media Group, Inc."
    give "Larkfield"; a name without a legal form is returned as it is."""
    short = _LEADING_FORM.sub("", name.strip())
    quoted = _QUOTED.match(short)
    short = quoted.group("name") if quoted else short
    short = _TRAILING_FORM.sub("", short).strip(" ,.&")
    return short if short and short != name.strip() and len(short) >= _SHORTEST else name.strip()


_SHORTEST = 2  # not a threshold: a name stripped to one letter was no name with a legal form


_SHORTEST_WORD = 2  # not a threshold: a one-letter part ("e-news") is a prefix, not a word


def domain_words(page: PageLines) -> Found | None:
    """A site the page never names, whose registered domain spells its name in words split by hyphens:
    "news-front.info" is "News Front" (a domain without hyphens gives no words: it stays the domain)."""
    site = registered_domain(page.url) if page.url else None
    parts = site[0].split(".")[0].split("-") if site else []
    if len(parts) < _SHORTEST_WORD or not all(p.isalpha() and len(p) >= _SHORTEST_WORD for p in parts):
        return None
    name = " ".join(p.capitalize() for p in parts)
    return Found(name, f"URL domain {site[0]} (the words of its name)") if site else None
