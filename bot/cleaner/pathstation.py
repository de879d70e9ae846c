"""A local station's page on its network's domain, under a path that names the station's market
("network.com/miami/news/..."): the story's dateline credits the station itself, "PLACE (NETMiami) --",
the network's name and the path's market run together. That credit, not the network the domain's table
entry gives, is the outlet: "NET Miami". Nothing is named in code; the evidence is the page's own."""

from __future__ import annotations

from urllib.parse import urlsplit

from bot.cleaner.cues import wire_dateline
from bot.cleaner.outlets import registered_domain
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["path_station"]


def path_station(page: PageLines) -> Found | None:
    """The station a dateline's own credit names when it is the domain's name followed by a segment of
    the URL's path ("(NETMiami)" on net.com/miami/...), read apart at that seam."""
    site = registered_domain(page.url) if page.url else None
    dateline = wire_dateline(page.first_body())
    if site is None or dateline is None or page.table.is_agency(dateline[1]):
        return None
    credit = dateline[1]
    label = site[0].split(".")[0]
    least = page.settings.site_name_min_chars
    path = urlsplit(page.url or "").path.lower()
    for segment in (s for s in path.split("/") if s.isalpha() and len(s) >= least):
        head, tail = credit[: -len(segment)], credit[-len(segment) :]
        if tail.lower() == segment and head and head.isalpha() and label.startswith(head.lower()):
            return Found(f"{head} {tail}", f"{dateline[0]} (the station its network's path names)")
    return None
