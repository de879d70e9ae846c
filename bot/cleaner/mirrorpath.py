"""A mirror site serving a known outlet's copy under a folder that names it (issue 9, round forty-three).

A mirror or cache on a domain of its own keeps each source's pages under a folder named for the source
("mirror.example/dw/en/story/a-123"): when that folder spells a known outlet's name or its domain's name,
and the page prints the outlet's name itself ("Skip to more NAME sites", a short link on its domain), the
copy is that outlet's. A folder alone is no evidence (a section may go by an outlet's letters), nor is a
printed name alone (a story may cite the outlet)."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bot.cleaner.outlets import registered_domain
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["mirror_folder_outlet"]

_FOLDER = re.compile(r"^[a-z][a-z0-9-]{1,30}$", re.IGNORECASE)


def mirror_folder_outlet(page: PageLines) -> Found | None:
    """The known outlet the URL's first folder names, on a domain the table does not know, when the page
    prints that outlet's name."""
    site = registered_domain(page.url) if page.url else None
    if site is None or page.table.by_domain(site[1]) is not None:
        return None
    folder = urlsplit(page.url or "").path.strip("/").split("/", 1)[0]
    if not _FOLDER.match(folder) or "/" not in urlsplit(page.url or "").path.strip("/"):
        return None
    outlet = (
        page.table.canonical(folder) if page.table.known(folder) else page.table.by_domain(f"{folder}.com")
    )
    if not outlet or page.table.is_agency(outlet):
        return None
    printed = re.search(rf"(?<!\w){re.escape(outlet)}(?!\w)", page.raw)
    return Found(outlet, f"URL folder /{folder}/ on a mirror; the page prints {outlet}") if printed else None
