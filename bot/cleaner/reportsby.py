"""A source credited after its verb, closing a sentence: "..., reports AGENCY." and its like in the
languages the coverage is written in ("..., передает ТАСС." is Russian for "..., reports TASS."; the
verbs of other languages are config data, `credit_verbs`). The verb-last form ("..., NAME reports.") is
read in `wire`; this is the other order. Only a news agency the outlet table knows counts: after a verb a
capitalised word may be anything, and a paper or broadcaster so credited ("..., reports the BBC.") is the
source of a claim the outlet's own writer retells, not a wire. The name may stand in quotes ("...,
передает "Интерфакс".").

A phrase crediting the copy (`credit_phrases`: "Con información de EFE", "Kanal24 reports citing Reuters")
names its source too: in the lede, or as a line of its own after the story."""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator, Sequence

from bot.cleaner.outlets import OutletTable
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["credit_phrase", "verb_first_credits"]

# English's verbs of a credit put before the source; other languages' come from config
_VERBS = ("reports", "reported")
_QUOTES = "\"'«»“”„"
# a known agency's name in up to four words, perhaps in quotes
_NAME = rf"[{_QUOTES}]?(?P<name>[^\W\d_][\w&'’-]*(?:\s+[^\W\d_][\w&'’-]*){{0,3}}?)[{_QUOTES}]?"


@functools.lru_cache(maxsize=8)
def _verb_first(verbs: tuple[str, ...]) -> re.Pattern[str]:
    """ "..., reports Agency." / "— сообщает ТАСС." closing a sentence."""
    alternatives = "|".join(re.escape(verb) for verb in sorted({*_VERBS, *verbs}, key=len, reverse=True))
    return re.compile(rf"[,;–—]\s*(?:{alternatives})\s+{_NAME}\s*[.!](?:\s|$)", re.IGNORECASE)


def verb_first_credits(text: str, table: OutletTable, verbs: Sequence[str] = ()) -> Iterator[Found]:
    """Each news agency a paragraph credits with its verb first, in order."""
    for credit in _verb_first(tuple(verbs)).finditer(text):
        name = credit.group("name").removeprefix("the ").removeprefix("The ")
        if name[:1].isupper() and table.is_agency(name):
            yield Found(table.canonical(name), credit.group(0).strip(" ,;–—"))


@functools.lru_cache(maxsize=8)
def _phrase(phrases: tuple[str, ...]) -> re.Pattern[str]:
    alternatives = "|".join(re.escape(phrase) for phrase in sorted(phrases, key=len, reverse=True))
    return re.compile(rf"(?<!\w)(?:{alternatives})\s+(?:the\s+)?{_NAME}(?=[\s.,;:)]|$)", re.IGNORECASE)


def credit_phrase(page: PageLines) -> Found | None:
    """A known agency the lede credits with a credit phrase ("Kanal24 reports citing Reuters that ..."),
    or a line of its own after the story's first paragraph that is such a credit ("Con información de
    EFE")."""
    phrases = page.settings.credit_phrases
    body = page.of_kind("body")
    if not phrases or not body:
        return None
    lines = [line for line in page.lines if line.number >= body[0].number]
    low = "\n".join(line.text for line in lines).casefold()
    folded = [phrase.casefold() for phrase in phrases]
    if not any(phrase in low for phrase in folded):
        return None  # most pages hold no credit phrase: no line is tried
    pattern = _phrase(tuple(phrases))
    lede = {line.number for line in body[: page.settings.dateline_paragraphs]}
    for line in lines:
        for match in pattern.finditer(line.text):
            name = _agency_in(match.group("name"), page.table)
            # a lede's phrase anywhere in it; after the lede, a line that is the credit alone
            if name and (line.number in lede or match.start() == 0):
                return Found(name, match.group(0).strip())
    return None


def _agency_in(name: str, table: OutletTable) -> str | None:
    """The longest run of the name's first words that is a known agency ("Reuters that" is Reuters)."""
    words = name.split()
    return next(
        (
            table.canonical(" ".join(words[:n]))
            for n in range(len(words), 0, -1)
            if table.is_agency(" ".join(words[:n]))
        ),
        None,
    )
