"""A station's brand as its page prints it: "FOX 17" for the table's "FOX 17 West Michigan" (issue 9, round
forty-five).

The outlet table names a local station by its brand, its channel and its market, as a list of stations must
to tell them apart; the station's own page prints the brand and channel alone ("Trouble tuning in to
NAME 17?"), which is how a reader cites it. The market is the table's, not the page's: when the page
prints the brand and channel and never the table's full name, the printed form is the outlet.
"""

from __future__ import annotations

import re

from bot.cleaner.pagelines import Found, PageLines

__all__ = ["station_brand"]


def station_brand(page: PageLines, known: str) -> Found | None:
    """The table's name `known` up to its channel's number ("NAME 17" of "NAME 17 Market Words"), when the
    page prints that and never the whole name; None for a name with no number before more words, or a
    brand the table holds as another outlet's name."""
    tokens = known.split()
    numbered = next((n for n, token in enumerate(tokens) if any(c.isdigit() for c in token)), None)
    if numbered is None or numbered + 1 >= len(tokens):
        return None
    brand = " ".join(tokens[: numbered + 1])
    if page.table.known(brand) or _printed(known, page.raw):
        return None
    market = tokens[numbered + 1]
    for line in page.lines:
        for match in re.finditer(rf"(?<![\w-]){re.escape(brand)}(?![\w-])", line.text):
            if not line.text[match.end() :].lstrip().startswith(market):
                return Found(brand, f"{line.text} (the station's brand and channel; the table's {known})")
    return None


def _printed(name: str, raw: str) -> bool:
    return re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", raw, re.IGNORECASE) is not None
