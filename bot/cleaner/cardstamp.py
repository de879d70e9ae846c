"""A news card's credit line: a "by NAME" credit, a slash or a bar, then the card's stamp, "short by Jane
Roe / 10:58 pm on 16 Jul 2018,Monday" (a summary app's card, a feed's item): a byline that dates the page
(read by `bylines`)."""

from __future__ import annotations

import re

from bot.cleaner.dates import is_date_only

__all__ = ["is_card_credit"]

# an optional lowercase word before "by" ("short by", "posted by"), then one to four capitalised words
_CREDIT = re.compile(
    r"^(?:[a-z]+\s+)?by\s+(?P<name>[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){0,3})\s+[/|]\s+(?P<stamp>.+)$",
    re.IGNORECASE,
)


def is_card_credit(text: str) -> bool:
    """A "by NAME" credit whose part after a slash or a bar is a date stamp and nothing else."""
    match = _CREDIT.match(text.strip())
    return bool(
        match
        and all(word[0].isupper() for word in match.group("name").split())
        and is_date_only(match.group("stamp"))
    )
