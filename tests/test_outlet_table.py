"""The shipped outlet table (config.yaml `outlets:`) and platform marks are valid data."""

from __future__ import annotations

import re

from bot.cleaner.outlets import OutletTable, outlet_table
from bot.config import Config, OutletName


def test_every_pattern_compiles_and_every_domain_is_a_bare_host(config: Config) -> None:
    for outlet in config.outlets:
        for pattern in outlet.page_marks:
            re.compile(pattern)
        for domain in outlet.domains:
            assert re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", domain), (outlet.name, domain)
    for platform in config.cleaner.platforms:
        for pattern in platform.patterns:
            re.compile(pattern)


def test_names_and_domains_are_unique(config: Config) -> None:
    owners: dict[str, str] = {}
    for outlet in config.outlets:
        for name in (outlet.name, *outlet.aliases):  # case variants ("REUTERS") may repeat one outlet
            assert owners.setdefault(name.casefold(), outlet.name) == outlet.name, name
    domains = [d for o in config.outlets for d in o.domains]
    assert len(domains) == len(set(domains))
    assert sum(o.wire for o in config.outlets) >= 20  # a broad table of news agencies


def test_lookups_by_name_domain_and_agency(config: Config) -> None:
    table = outlet_table(config)
    assert table.canonical("associated press") == "AP" and table.is_agency("Associated Press")
    assert table.by_domain("www.bbc.co.uk") == "BBC" and table.by_domain("bbc.co.uk.example") is None
    assert table.canonical("Some Unknown Weekly ") == "Some Unknown Weekly"


def test_the_longest_configured_domain_wins() -> None:
    table = OutletTable(
        [OutletName("Parent", domains=("example.com",)), OutletName("Child", domains=("news.example.com",))],
        [],
    )
    assert table.by_domain("www.news.example.com") == "Child"
    assert table.by_domain("www.example.com") == "Parent"
