"""The issuer's full name from a document's closing notice ("... legal advice. © New Zealand Parliamentary
Library 2015", dropped as copyright by `document`'s patterns): a name read elsewhere that the outlet table
does not know and that only ends that holder's name (a masthead "PARLIAMENTARY LIBRARY") yields to it."""

from __future__ import annotations

from bot.cleaner.document import notice_holder
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["fuller_holder"]


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
