"""An agency's rights line under the story: "© Agence France-Presse. All rights reserved. Reproduction
... prohibited." printed right after the last paragraph, before the site's own footer, reserves the
agency's rights in the story above it: the copy is that agency's (read by `wire`). The site's own
copyright in its footer names the site, and an agency's copyright on its own site credits nothing."""

from __future__ import annotations

import re

from bot.cleaner.ownsite import after_story, own_outlet
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["rights_line_wire"]

# the mark, perhaps a year, then the holder up to its full stop or the rights clause
_RIGHTS = re.compile(
    r"^(?:©|\(c\)|copyright)\s*©?\s*(?:copyright\s*)?(?:(?:19|20)\d{2}\s*)?(?P<name>[A-Z][^.©|]{1,60}?)\s*"
    r"(?:\.|,|$|\s+all rights reserved)",
    re.IGNORECASE,
)


def rights_line_wire(page: PageLines) -> Found | None:
    """The agency holding the rights line printed within a few lines after the story's last paragraph."""
    for line in after_story(page):
        match = _RIGHTS.match(line.text)
        name = match.group("name").strip() if match else ""
        if name and page.table.is_agency(name) and page.table.canonical(name) != own_outlet(page):
            return Found(
                page.table.canonical(name), f"{line.text} (the agency's rights line under the story)"
            )
    return None
