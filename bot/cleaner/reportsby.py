"""A source credited after its verb, closing a sentence: "..., reports AGENCY." and its like in the
languages the coverage is written in ("..., передает ТАСС." is Russian for "..., reports TASS."). The
verb-last form ("..., NAME reports.") is read in `wire`; this is the other order. Only a news agency the
outlet table knows counts: after a verb a capitalised word may be anything, and a paper or broadcaster so
credited ("..., reports the BBC.") is the source of a claim the outlet's own writer retells, not a wire."""

from __future__ import annotations

import re
from collections.abc import Iterator

from bot.cleaner.outlets import OutletTable
from bot.cleaner.pagelines import Found

__all__ = ["verb_first_credits"]

# the verbs of a credit put before the source ("reports", "передает"/"передаёт", "сообщает")
_VERBS = r"reports|reported|передает|передаёт|сообщает|сообщил|сообщила|сообщило"
# "..., reports Agency." / "— сообщает ТАСС." closing a sentence (the name in up to four words)
_VERB_FIRST = re.compile(
    rf"[,;–—]\s*(?:{_VERBS})\s+(?P<name>[^\W\d_][\w&'’-]*(?:\s+[^\W\d_][\w&'’-]*){{0,3}}?)\s*[.!](?:\s|$)",
    re.IGNORECASE,
)


def verb_first_credits(text: str, table: OutletTable) -> Iterator[Found]:
    """Each news agency a paragraph credits with its verb first, in order."""
    for credit in _VERB_FIRST.finditer(text):
        name = credit.group("name").removeprefix("the ").removeprefix("The ")
        if name[:1].isupper() and table.is_agency(name):
            yield Found(table.canonical(name), credit.group(0).strip(" ,;–—"))
