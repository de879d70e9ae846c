"""Whether a name a page prints spells its site's name (both squashed: letters and digits, lower case)."""

from __future__ import annotations

__all__ = ["MEDIA_SUFFIX", "spells"]

# words a site's name may end with beyond the name a page prints: "SBS News" on sbs.com.au
MEDIA_SUFFIX = frozenset({"news", "online", "tv", "radio", "today", "daily"})


def spells(name: str, label: str) -> bool:
    """A squashed name spells a squashed site name: wholly, with more after it ("Radio Prague
    International" on radioprague...), or all but a media word at its end ("Ukraine Today" on
    /UkraineTodayNews/); a section label that is only its first word ("World" on worldnewsdose.com)
    does not."""
    return name.startswith(label) or (label.startswith(name) and label[len(name) :] in MEDIA_SUFFIX)
