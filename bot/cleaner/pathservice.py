"""A broadcaster's language service under a path of its parent's domain ("parent.com/mundo/..."), whose
logo prints the parent's name and the service's on two lines ("Parent News" over "Mundo"). A reader
cites the service, as its logo reads: the parent's name and the service's ("Parent Mundo"), not the
parent the domain's table entry gives. The path's first segment must be the printed line, and no word
of the dictionary (a "/politics/" or "/world/" section is the parent's). Nothing is named in code."""

from __future__ import annotations

from itertools import pairwise
from urllib.parse import urlsplit

from bot.cleaner.domainwords import is_dictionary_word
from bot.cleaner.lines import squashed
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["path_service"]


def path_service(page: PageLines, known: str) -> Found | None:
    """The service the logo names under the parent's name (`known`, the domain's outlet) when the line
    under it spells the URL's first path segment."""
    path = urlsplit(page.url or "").path.strip("/").split("/")
    segment = path[0].lower() if len(path) > 1 else ""
    if not segment.isalpha() or len(segment) < page.settings.site_name_min_chars:
        return None
    shown = [text for line in page.lines if (text := line.text.strip())]
    for above, line in pairwise(shown):
        if squashed(line) == segment and page.table.canonical(above) == known:
            if is_dictionary_word(segment):  # asked last: the word data loads only for such a page
                return None
            return Found(f"{known} {line}", f"{above} / {line} (the service's name under its parent's logo)")
    return None
