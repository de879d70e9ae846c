"""A publisher's name without its company's legal form, as a reader would cite the outlet.

Copyright lines and JSON-LD publishers often give the owning company's legal name: a legal form before
it ("JSC "Daily Name"", "OOO Name") with the name in quotes, or after it ("Name Media Group, Inc.",
"NAME GmbH & Co. KG"), with the words a holding company adds ("Media Group", "Publishing", "Publishers"),
or a holding word and "Company" alone ("Name Publishing Company"). A
broadcaster's "Broadcasting Corporation" is its name, not a legal form.
"""

from __future__ import annotations

import re

__all__ = ["company_name"]

_LEADING_FORM = re.compile(
    r"^(?:(?:[OCP]?JSC|[OZP]?AO|OOO|LLC|joint[- ]stock company|publishing house)\s+)+", re.IGNORECASE
)
_QUOTED = re.compile(r"^[\"'«“„‘](?P<name>[^\"'«»“”„‘’]{2,60})[\"'»”“’]$")
_TRAILING_FORM = re.compile(
    r"(?:\s+(?:newspapers?|media|group|publishing|publications|publishers|holdings|communications|company|verlag))*"
    r"(?:\s*,?\s+(?:ltd|limited|inc|llc|plc|co|corp|corporation|gmbh|ag|kg|s\.?a|pty|pvt|jsc)\.?)+"
    r"(?:\s*&\s*co\.?\s*(?:kg|kgaa)?)?$",
    re.IGNORECASE,
)


# a holding word before "Company" with no legal form after it: "The Paper Publishing Company" (a
# name ending in "Company" alone, a magazine's, keeps it)
_HOLDING_COMPANY = re.compile(r"\s+(?:newspapers?|media|publishing|publications|printing)\s+company$", re.I)

# a broadcaster's name ends in its legal word: "British Broadcasting Corporation", "Radio Company"
_SERVICE_NAME = re.compile(r"\b(?:broadcasting|television|radio)\s+(?:corporation|company)\b", re.IGNORECASE)


def company_name(name: str) -> str:
    """The outlet's name in a company's legal name: 'JSC "Larkfield"' and "Larkfield Media Group, Inc."
    give "Larkfield"; a name without a legal form is returned as it is."""
    short = _LEADING_FORM.sub("", name.strip())
    quoted = _QUOTED.match(short)
    short = quoted.group("name") if quoted else short
    service = _SERVICE_NAME.search(short)  # "Kenya Broadcasting Corporation Ltd" ends at "Corporation"
    head, tail = (short[: service.end()], short[service.end() :]) if service else ("", short)
    short = (head + _TRAILING_FORM.sub("", tail)).strip(" ,.&")
    short = _HOLDING_COMPANY.sub("", short) if short == name.strip() else short
    return short if short and short != name.strip() and len(short) >= _SHORTEST else name.strip()


_SHORTEST = 2  # not a threshold: a name stripped to one letter was no name with a legal form
