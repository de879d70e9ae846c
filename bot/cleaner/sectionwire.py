"""Agency names in the page's header that are not credits: the agency's own masthead on its own site,
and an agency's name heading a section ("AP National") that does credit the story under it.

- On an agency's own site, its name printed above the headline is the site's masthead (its logo's text),
  not a credit for the story: the page's own outlet by its URL's domain credits no copy by being printed
  (unless the story's photos are credited to it too: a photo story of the agency's own pictures).
- A section label right above the headline that is an agency's name and a section word ("AP National",
  "Reuters World", "AFP Business") files the story in the agency's feed: the story is that agency's copy.
"""

from __future__ import annotations

import re

from bot.cleaner.lines import Line
from bot.cleaner.ownsite import own_outlet
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["own_masthead", "section_wire"]

# the words of a news section that an agency's feed is filed under
_SECTION_WORDS = frozenset(
    "national world international business politics sports entertainment technology tech health science"
    " top news us u.s. europe asia africa americas latin america middle east financial markets economy"
    " lifestyle oddities".split()
)
_MOST_WORDS = 4  # not a threshold: an agency's name and a section of a word or two


def own_masthead(page: PageLines, line: Line, name: str) -> bool:
    """The agency `name` on `line` above the headline is the page's own outlet by its URL's domain."""
    headline = next((h.number for h in page.of_kind("headline")), None)
    own = own_outlet(page)
    above = headline is not None and line.number < headline
    if not above or own is None or page.table.canonical(name) != own:
        return False
    # the story's own photos credited to the agency ("AGENCY PHOTO / NAME") make it the agency's copy
    printed = re.compile(rf"(?<![\w-]){re.escape(name)}(?![\w-])")
    return not any(printed.search(credit.text) for credit in page.dropped_as("photo-credit"))


def section_wire(page: PageLines) -> Found | None:
    """The agency whose section label ("AP National") sits right above the headline."""
    headline = next((h.number for h in page.of_kind("headline")), None)
    if headline is None:
        return None
    above = next((line for line in reversed(page.lines[: headline - 1]) if not line.blank), None)
    tokens = above.text.split() if above is not None else []
    if above is None or not 1 < len(tokens) <= _MOST_WORDS:
        return None
    for cut in range(1, len(tokens)):
        agency, section = " ".join(tokens[:cut]), tokens[cut:]
        if page.table.is_agency(agency) and all(t.casefold() in _SECTION_WORDS for t in section):
            return Found(
                page.table.canonical(agency), f"{above.text} (an agency's section over the headline)"
            )
    return None
