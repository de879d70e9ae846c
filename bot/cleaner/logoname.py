"""A site's name from its logo's alternative text near the top of the page ("NAME Logo", "Logo of
NAME"), which a scraper copies as a line of its own.

A page shows other logos too: a share bar's, an app store's, an advertiser's. The site's own logo
echoes its address, so with a URL the name must begin as the registered domain's name does (its first
`logo_domain_letters` letters, a leading "The" aside: "Vindicator Logo" on vindyarchives.com), or the
domain's name must be the name's initials, as many letters at least ("Indus Plus News Logo" on ipn.com.pk).
"""

from __future__ import annotations

import re

from bot.cleaner.outlets import registered_domain
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["logo_name"]

_LOGO = re.compile(
    r"^(?:(?P<before>[A-Z][^|:]{1,50}?)\s+logo|logo\s*(?:of|for|[-–—:])?\s+(?P<after>[A-Z][^|:]{1,50}?))\s*$",
    re.IGNORECASE,
)
_NOT_LETTER = re.compile(r"[\W_\d]+")


def logo_name(page: PageLines) -> Found | None:
    """The name on a logo's line among the first lines, when it names the page's own site."""
    site = registered_domain(page.url) if page.url else None
    label = _NOT_LETTER.sub("", site[0].split(".")[0]).casefold() if site else ""
    letters = page.settings.logo_domain_letters
    for line in page.lines[: page.settings.site_name_lines]:
        match = _LOGO.match(line.text.strip())
        if match is None:
            continue
        name = (match.group("before") or match.group("after")).strip()
        if not name[:1].isupper() or len(name.split()) > page.settings.site_name_max_words:
            continue
        squashed = _NOT_LETTER.sub("", re.sub(r"^the\s+", "", name, flags=re.IGNORECASE)).casefold()
        initials = "".join(word[0] for word in _NOT_LETTER.sub(" ", name).split()).casefold()
        echoes = (
            not site
            or (len(squashed) >= letters and label[:letters] == squashed[:letters])
            or (len(initials) >= letters and label == initials)  # "Indus Plus News Logo" on ipn.com.pk
        )
        if echoes and not page.table.is_agency(name):
            return Found(page.table.canonical(name, page.url), f"{line.text} (the site's logo)")
    return None
