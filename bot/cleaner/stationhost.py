"""A radio or TV station's site on its network's host ("wxyz1180.network.com"): the outlet is the station
the subdomain names, by its call letters or brand and its frequency ("WXYZ 1180", "Talk 1370"), never the
network (issue 9, round fourteen). The networks are data: `cleaner.station_network_domains`."""

from __future__ import annotations

import re

from bot.cleaner.outlets import registered_domain
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["station_name"]

# a station's label: letters, then its frequency ("wham1180", "talk1370", "kfi640", "z100"); a label
# without one ("news", "www") is the network's own section
_STATION = re.compile(r"(?P<letters>[a-z]{1,20})(?P<frequency>\d{2,4}(?:-\d)?)")
# not thresholds: a North American call sign is at most four letters, after an ITU prefix of the region
# ("WHAM", "KFI", "CFRB"); any other label is the station's brand ("talk1370" is "Talk 1370")
_CALL_LETTERS = 4
_CALL_PREFIXES = "kwc"


def station_name(page: PageLines) -> Found | None:
    """The station a network's subdomain names, when the URL is on one of the configured networks."""
    site = registered_domain(page.url) if page.url else None
    if site is None or site[0] not in page.settings.station_network_domains or site[1] == site[0]:
        return None
    label = site[1].removesuffix("." + site[0]).split(".")[-1]
    match = _STATION.fullmatch(label)
    if match is None:
        return None
    letters = match.group("letters")
    called = len(letters) <= _CALL_LETTERS and letters[0] in _CALL_PREFIXES
    name = letters.upper() if called else letters.capitalize()
    named = f"{name} {match.group('frequency').replace('-', '.')}"
    return Found(named, f"URL host {site[1]} (a station on its network's host)")
