"""The issuer's full name from a document's closing notice ("... legal advice. © New Zealand Parliamentary
Library 2015", dropped as copyright by `document`'s patterns): a name read elsewhere that the outlet table
does not know and that only ends that holder's name (a masthead "PARLIAMENTARY LIBRARY") yields to it."""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.cleaner.document import notice_holder
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["fuller_holder", "initials_holder", "name_initials"]


def fuller_holder(page: PageLines, found: Found) -> Found:
    """A name the outlet table does not know that only ends the holder a notice names ("Parliamentary
    Library" in "© New Zealand Parliamentary Library 2015"): the holder's full name."""
    if page.table.known(found.value):
        return found
    tail = found.value.casefold().split()
    for line in page.dropped_as("copyright"):
        holder = notice_holder(line.text)
        words = holder.casefold().split() if holder else []
        if len(words) > len(tail) and words[-len(tail) :] == tail:
            return Found(holder or found.value, line.text)
    return found


def initials_holder(found: Found, holders: Sequence[tuple[str, str]]) -> Found:
    """A masthead's acronym that a copyright holder's initials spell ("BCSS" over "© 2016 Baltic Centre
    for Strategic Studies"): the holder's full name, as a reader cites the body."""
    if not _ACRONYM.match(found.value):
        return found
    for holder, line in holders:
        if holder and name_initials(holder) == found.value:
            return Found(holder, f"{line} (its initials are the masthead's {found.value})")
    return found


_ACRONYM = re.compile(r"^[A-Z]{2,6}$")
_LINKING = frozenset({"for", "of", "and", "the", "on", "in", "&"})


def name_initials(name: str) -> str:
    """The initials of a name's capitalised words ("Centre for Strategic Studies" is "CSS")."""
    return "".join(word[0] for word in name.split() if word.casefold() not in _LINKING and word[0].isupper())
