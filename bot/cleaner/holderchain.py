"""A copyright held by a chain of bodies, the smallest first: "© News Services Division, NAME Radio,
PARENT Corporation". The first is a unit (a division, a desk) of the next; the outlet a reader cites is
the one the outlet table knows in the chain, not the unit that runs the website (read by `metadata`)."""

from __future__ import annotations

import re

from bot.cleaner.outlets import OutletTable

__all__ = ["known_in_chain"]

_MARK = re.compile(
    r"^.*?(?:©|\(c\)|copyright)\s*©?\s*(?:(?:19|20)\d{2}(?:\s*[-–]\s*(?:19|20)\d{2})?)?\s*", re.I
)
_CHAIN = 2  # not a threshold: a chain is the holder and at least one more name
_END = re.compile(r"\.\s|\.?\s*all rights reserved|\s[|–—]\s", re.I)


def known_in_chain(text: str, holder: str, table: OutletTable) -> str | None:
    """The first name after the holder, in a comma-separated chain on the copyright line, that the table
    knows as an outlet (no agency), when the holder itself is unknown."""
    if table.known(holder):
        return None
    chain = _END.split(_MARK.sub("", text, count=1), maxsplit=1)[0]
    names = [name.strip(" .") for name in chain.split(",")]
    if len(names) < _CHAIN or names[0] != holder:
        return None
    return next((table.canonical(n) for n in names[1:] if table.known(n) and not table.is_agency(n)), None)
