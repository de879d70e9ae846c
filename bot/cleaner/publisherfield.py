"""An aggregator's "Publisher: NAME" field: an app or portal that republishes partners' stories names the
one it carries in a labelled field, often at the end of its disclaimer ("This story is auto-aggregated
... Publisher: NAME"). NAME, when it is not the page's own site, is the copy's original source (read by
`wire`): a publisher the outlet table knows, or one the page also prints as a line of its own (the
partner's name over a "Follow" button)."""

from __future__ import annotations

import re

from bot.cleaner.ownsite import own_outlet
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["publisher_field"]

_FIELD = re.compile(
    r"(?:^|[.|•]\s+)(?i:publisher|published by|original publisher)\s*:\s*"
    r"(?P<name>[A-Z][\w.&'’-]*(?: (?:of|the|and|[A-Z][\w.&'’-]*)){0,5})\s*\.?$"
)


def publisher_field(page: PageLines) -> Found | None:
    """The publisher a chrome line's closing "Publisher: NAME" field names, other than the site itself."""
    for line, decision in page.pairs():
        match = _FIELD.search(line.text) if decision.kind == "drop" and ":" in line.text else None
        name = match.group("name") if match else ""
        if not name or page.table.canonical(name) == own_outlet(page):
            continue
        printed = any(other.text.casefold() == name.casefold() for other in page.lines if other is not line)
        if page.table.known(name) or printed:
            return Found(page.table.canonical(name), f"{line.text} (the aggregator's publisher field)")
    return None
