"""The wire a closing contributors' credit names: writers of one agency the table knows.

A story's last line may say who gathered it: "Information for this article was contributed by NAME, NAME
and NAME of The Agency." or "Agency writers NAME in PLACE and NAME in PLACE contributed to this report."
When the contributors are an agency's own writers, the copy is that agency's: the agency is the wire. A
bare "Agencies contributed to this report." names no writer and no one agency: no wire.
"""

from __future__ import annotations

import re

from bot.cleaner.pagelines import Found, PageLines

__all__ = ["contributors_wire"]

_WORK = r"(?:article|report|story)"
_OF_AGENCY = re.compile(r"\bcontributed by\s.{3,200}?\sof\s(?:the\s)?(?P<name>[A-Z][\w&.'’ -]{1,40}?)\.?$")
# "Agency writers NAME in PLACE and NAME contributed to this report."
_AGENCY_WRITERS = re.compile(
    rf"^(?:the\s)?(?P<name>[A-Z][\w&.'’ -]{{1,40}}?)\s(?:writers?|reporters?|correspondents?)\s.{{3,200}}"
    rf"\scontributed to this {_WORK}\.?$",
)


def contributors_wire(page: PageLines) -> Found | None:
    """The agency whose writers a contributors' credit names (lines dropped as credits, `pagecontrols`)."""
    for line in page.dropped_as("credits"):
        credit = _OF_AGENCY.search(line.text) or _AGENCY_WRITERS.match(line.text)
        if credit is not None and page.table.is_agency(credit.group("name")):
            return Found(page.table.canonical(credit.group("name")), line.text)
    return None
