"""The outlet table, read for the cleaner: names, aliases, domains, agencies and templates.

Everything here is data from config (`outlets:`, the long table file `outlet_table:` names, and
`cleaner.platforms`); no outlet is named in code. A
URL's host is reduced to its registered domain by tldextract with its bundled public-suffix snapshot
(`suffix_list_urls=()`: it never fetches the live list).
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.cleaner.prefilter import lowered, may_match, needles
from bot.config import Config, OutletName, PlatformMark, load_outlet_table

__all__ = ["OutletTable", "all_outlets", "outlet_table", "registered_domain"]


@functools.cache
def _extractor() -> Any:
    """tldextract offline: the bundled suffix-list snapshot only, no cache folder, no network.
    Built on first use (the library is slow to import, and only a page with a URL needs it). The
    list's private part counts: a blog at NAME.blogspot.com is NAME.blogspot.com, not the platform."""
    import tldextract

    return tldextract.TLDExtract(
        suffix_list_urls=(), cache_dir=None, fallback_to_snapshot=True, include_psl_private_domains=True
    )


@functools.lru_cache(maxsize=4096)
def registered_domain(url: str) -> tuple[str, str] | None:
    """(registered domain, host) of a URL: ("bbc.co.uk", "www.bbc.co.uk"); None for an IP or junk. Kept
    by URL: the finders of one page ask for its URL's about thirty times."""
    parts = _extractor()(url)
    domain = parts.top_domain_under_public_suffix
    if not domain:
        return None
    return domain.lower(), parts.fqdn.lower()


@dataclass(frozen=True, slots=True)
class _Marks:
    outlet: str
    patterns: tuple[re.Pattern[str], ...]
    needles: tuple[tuple[str, ...] | None, ...] = ()  # each pattern's (bot/cleaner/prefilter.py)

    def match(self, raw: str, low: str) -> bool:
        """Every pattern matches the page (`low`: `prefilter.lowered(raw)`, to skip those that cannot)."""
        pairs = zip(self.patterns, self.needles, strict=True)
        return all(may_match(wanted, low) and p.search(raw) for p, wanted in pairs)


# a table name with its disambiguator, "NAME (PLACE)": the table's, not the reader's; the page's own domain
# answers to the bare NAME (other sites keep it: another paper may go by it)
_DISAMBIGUATED = re.compile(r"^(.+?)\s+\([^()]+\)$")


class OutletTable:
    """Lookups over the configured outlets: by any name, by domain, agencies, templates and platforms."""

    def __init__(self, outlets: Iterable[OutletName], platforms: Iterable[PlatformMark]) -> None:
        self._by_name: dict[str, str] = {}
        self._names: dict[str, set[str]] = {}  # an outlet -> every name it goes by, case-folded
        self._by_domain: dict[str, str] = {}
        self._home: dict[str, str] = {}  # an outlet -> the first domain its entry lists
        self.agencies: dict[str, str] = {}  # any name of a news agency -> its canonical name
        self._marks: list[_Marks] = []
        for outlet in outlets:
            for name in (outlet.name, *outlet.aliases):
                self._by_name.setdefault(name.strip().casefold(), outlet.name)
                self._names.setdefault(outlet.name, set()).add(name.strip().casefold())
                if outlet.wire:
                    self.agencies.setdefault(name.strip(), outlet.name)
            if bare := _DISAMBIGUATED.match(outlet.name):  # "The Star (Malaysia)": "The Star" on its domain
                self._names[outlet.name].add(bare.group(1).casefold())
            if outlet.domains:
                self._home.setdefault(outlet.name, outlet.domains[0].strip().lower().lstrip("."))
            for domain in outlet.domains:
                self._by_domain.setdefault(domain.strip().lower().lstrip("."), outlet.name)
            if outlet.page_marks:
                patterns = tuple(re.compile(p, re.MULTILINE) for p in outlet.page_marks)
                self._marks.append(_Marks(outlet.name, patterns, tuple(needles(p) for p in patterns)))
        self._platforms = [
            (p.name, tuple(re.compile(x, re.MULTILINE) for x in p.patterns)) for p in platforms
        ]

    def canonical(self, name: str, url: str | None = None) -> str:
        """The canonical name for a name or alias (any case) or a domain ("whitehouse.gov" as a site
        name), else the name as found, stripped. A name two outlets go by ("ABC News") is read as the
        outlet of the page's URL domain when that outlet goes by it."""
        site = registered_domain(url) if url else None
        own = self.by_domain(site[1]) if site else None
        if own is not None and name.strip().casefold() in self._names.get(own, ()):
            return own
        known = self._by_name.get(name.strip().casefold())
        if known is None and re.fullmatch(r"(?:[\w-]+\.)+[a-z]{2,}", name.strip(), re.IGNORECASE):
            known = self.by_domain(name.strip())
        return known or name.strip()

    def known(self, name: str) -> bool:
        return name.strip().casefold() in self._by_name

    def is_agency(self, name: str) -> bool:
        return self.canonical(name) in self.agencies.values()

    def by_domain(self, host: str) -> str | None:
        """The outlet whose configured domain is the host or one of its parents (the longest wins)."""
        host = host.lower().strip(".")
        labels = host.split(".")
        site = registered_domain(f"http://{host}/")
        # never above the registered domain: a council's site under gov.uk is not GOV.UK itself
        floor = len(site[0].split(".")) if site else 2
        names = [".".join(labels[i:]) for i in range(len(labels) - floor + 1)]
        names += [host.removeprefix("www.")] if host.startswith("www.") else []
        return next((self._by_domain[name] for name in names if name in self._by_domain), None)

    def home_domain(self, outlet: str) -> str | None:
        """The first domain the outlet's entry lists (its main site; the others are its services' and
        mirrors'), None for an outlet listed without one."""
        return self._home.get(outlet)

    def by_template(self, raw: str) -> tuple[str, str] | None:
        """(outlet, evidence) for the first outlet whose every page mark occurs in the page."""
        low = lowered(raw) if self._marks else ""
        for marks in self._marks:
            if marks.match(raw, low):
                shown = "; ".join(p.pattern for p in marks.patterns)
                return marks.outlet, f"page template: {shown}"
        return None

    def platform(self, raw: str) -> str | None:
        """The publishing platform whose chrome the page prints, if any."""
        return next((name for name, pats in self._platforms if any(p.search(raw) for p in pats)), None)


@functools.lru_cache(maxsize=8)
def _table(outlets: tuple[OutletName, ...], platforms: tuple[PlatformMark, ...]) -> OutletTable:
    return OutletTable(outlets, platforms)


def all_outlets(config: Config) -> tuple[OutletName, ...]:
    """config.yaml's outlets, then those of its long table file (read once a process)."""
    return (*config.outlets, *_table_file_of(config))


def _table_file_of(config: Config) -> tuple[OutletName, ...]:
    return _table_file(config.outlet_table) if config.outlet_table is not None else ()


@functools.lru_cache(maxsize=4)
def _table_file(path: Path) -> tuple[OutletName, ...]:
    return load_outlet_table(path)


_last: list[tuple[tuple[OutletName, ...], tuple[OutletName, ...], tuple[PlatformMark, ...], OutletTable]] = []


def outlet_table(config: Config) -> OutletTable:
    """The (cached) table for a config's outlets, its table file's and its platforms. The last one is
    found again by the identity of its (immutable) tuples, which it holds: hashing them, as the cache's
    key does, costs a hash of every outlet, and the cleaner asks for the table several times a page."""
    outlets, extra, platforms = config.outlets, _table_file_of(config), config.cleaner.platforms
    if _last and _last[0][0] is outlets and _last[0][1] is extra and _last[0][2] is platforms:
        return _last[0][3]
    table = _table((*outlets, *extra), platforms)
    _last[:] = [(outlets, extra, platforms, table)]
    return table
