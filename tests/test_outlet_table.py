"""The shipped outlet table (config.yaml `outlets:`) and platform marks are valid data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from bot.cleaner.outlets import OutletTable, all_outlets, outlet_table
from bot.config import Config, OutletName, load_config, load_outlet_table
from bot.errors import ConfigError
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean


def test_every_pattern_compiles_and_every_domain_is_a_bare_host(config: Config) -> None:
    for outlet in all_outlets(config):
        for pattern in outlet.page_marks:
            re.compile(pattern)
        for domain in outlet.domains:
            assert re.fullmatch(r"[a-z0-9-]+(?:\.[a-z0-9-]+)+", domain), (outlet.name, domain)
    for platform in config.cleaner.platforms:
        for pattern in platform.patterns:
            re.compile(pattern)


def test_names_and_domains_are_unique(config: Config) -> None:
    """A name is one outlet's, except a brand two outlets really share ("ABC News"), and then each of
    them has domains, so that a page's URL tells which one it is."""
    owners: dict[str, set[str]] = {}
    for outlet in all_outlets(config):
        for name in (outlet.name, *outlet.aliases):  # case variants ("REUTERS") may repeat one outlet
            owners.setdefault(name.casefold(), set()).add(outlet.name)
    domains_of = {o.name: o.domains for o in all_outlets(config)}
    for name, outlets in owners.items():
        assert len(outlets) == 1 or all(domains_of[o] for o in outlets), name
    assert len(owners) > sum(len(o) for o in owners.values()) - 5  # shared names stay rare
    domains = [d for o in all_outlets(config) for d in o.domains]
    assert len(domains) == len(set(domains))
    assert sum(o.wire for o in all_outlets(config)) >= 20  # a broad table of news agencies


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


def test_a_shared_name_is_read_in_the_context_of_the_url_domain() -> None:
    table = OutletTable(
        [
            OutletName(name="Channel One", aliases=("Channel News",), domains=("channel-one-news.org",)),
            OutletName(name="Channel Two", aliases=("Channel News",), domains=("channel-two-news.org",)),
        ],
        [],
    )
    assert table.canonical("Channel News") == "Channel One"
    assert table.canonical("channel news", "https://www.channel-two-news.org/a/1") == "Channel Two"
    assert table.canonical("Channel News", "https://elsewhere-news.org/") == "Channel One"


def test_every_configured_domain_resolves_to_its_own_outlet(config: Config) -> None:
    """A page's URL names the outlet whose domain it is, on any host under it: no domain of the table
    is shadowed by another entry's (a paper's section site under a portal's domain keeps its own name)."""
    table = outlet_table(config)
    for outlet in all_outlets(config):
        for domain in outlet.domains:
            assert table.by_domain(domain) == outlet.name, domain
            assert table.by_domain(f"www.{domain}") == outlet.name, domain
            assert table.canonical(domain) == outlet.name, domain


def test_no_outlet_goes_by_the_name_of_a_configured_entity(config: Config) -> None:
    """A page's topic tags ("NATO", "Vladimir Putin") are dropped lines: were one of them an outlet's
    name, a known-name line would credit that outlet with the page."""
    entity_names = {n.casefold() for e in config.entities for n in (e.name, *e.aliases)}
    for outlet in all_outlets(config):
        for name in (outlet.name, *outlet.aliases):
            assert name.casefold() not in entity_names, (outlet.name, name)


def test_agencies_are_known_by_every_name_they_are_credited_by(config: Config) -> None:
    table = outlet_table(config)
    wires = [o for o in all_outlets(config) if o.wire]
    assert len(wires) >= 100  # national agencies of many countries
    for outlet in wires:
        for name in (outlet.name, *outlet.aliases):
            assert table.is_agency(name) and table.canonical(name) == outlet.name, name


def test_the_long_table_is_read_by_the_cleaner_only(config: Config) -> None:
    """config.yaml's own list stays short (it is parsed at every ask's start); the table file adds
    hundreds of outlets that the cleaner's lookups know."""
    assert config.outlet_table is not None and config.outlet_table.is_file()
    assert len(all_outlets(config)) > len(config.outlets) + 500
    table = outlet_table(config)
    long_only = [o for o in all_outlets(config)[len(config.outlets) :] if o.domains]
    assert all(table.by_domain(o.domains[0]) == o.name for o in long_only)


def test_a_fault_in_the_table_file_names_its_file_line_and_key(tmp_path: Path) -> None:
    table = tmp_path / "outlets.yaml"
    good = "  - {name: Good Paper, domains: [good.example]}\n"
    table.write_text(f"outlets:\n{good}  - {{name: Bad, wire: maybe}}\n")
    with pytest.raises(ConfigError, match=r"outlets\.yaml:3: outlets\[1\]\.wire: expected true or false"):
        load_outlet_table(table)
    table.write_text("outlets: []\nextra: 1\n")
    with pytest.raises(ConfigError, match="expected a mapping with one key, outlets"):
        load_outlet_table(table)
    (tmp_path / "config.yaml").write_text("outlet_table: missing.yaml\n")
    with pytest.raises(ConfigError, match=r"config\.yaml:1: outlet_table: no such file"):
        load_config(tmp_path / "config.yaml")


_CALL_LETTERS = re.compile(r"[KW][A-Z]{2,3}(?:-(?:TV|DT))?")


def _stations(config: Config) -> list[OutletName]:
    """Broadcasters known by call letters (a US or Canadian station), with a site of their own."""
    return [
        o for o in all_outlets(config) if o.domains and any(_CALL_LETTERS.fullmatch(a) for a in o.aliases)
    ]


def test_a_station_page_that_never_prints_its_name_is_cited_by_its_domain(config: Config) -> None:
    """A local station's story page carries no station name in its text; its URL's domain names it,
    and its call letters are one of its names."""
    stations = _stations(config)
    assert len(stations) >= 100
    table = outlet_table(config)
    for outlet in stations[:: len(stations) // 4]:
        article = clean(f"{LEDE}\n\n{SECOND}\n", config, url=f"https://www.{outlet.domains[0]}/news/talks/")
        assert article.outlet == outlet.name, outlet.domains[0]
        letters = next(a for a in outlet.aliases if _CALL_LETTERS.fullmatch(a))
        assert table.canonical(letters) == outlet.name and not table.is_agency(letters)


def test_a_station_credit_in_a_dateline_is_its_own_copy_not_a_wire(config: Config) -> None:
    """A "CITY (KXXX) --" dateline on a station's page credits the station itself: call letters the
    table knows are no agency's, where an unknown acronym in that place would be read as one."""
    outlet = _stations(config)[0]
    letters = next(a for a in outlet.aliases if _CALL_LETTERS.fullmatch(a))
    page = f"NEW YORK ({letters}) -- {LEDE}\n\n{SECOND}\n"
    article = clean(page, config, url=f"https://{outlet.domains[0]}/news/talks/")
    assert article.outlet == outlet.name
    assert article.wire is None


# what share bars and follow-us lists print on lines of their own
_SHARE_LABELS = (
    "Facebook", "Twitter", "WhatsApp", "Telegram", "LinkedIn", "Pinterest", "Tumblr", "Email", "Print",
    "Flipboard", "Google News", "Apple News", "SmartNews", "Digg", "Newsvine", "Fark", "Slashdot", "Quora",
    "Pocket", "Mix",
)  # fmt: skip


def test_no_share_or_follow_label_is_an_outlet_name(config: Config) -> None:
    """A line of chrome that is a known outlet's name credits that outlet with the page: a platform a
    share bar names ("Flipboard") is listed by its domain, so that its button is no outlet's name."""
    table = outlet_table(config)
    assert [label for label in _SHARE_LABELS if table.known(label)] == []
    assert table.by_domain("flipboard.com") == "Flipboard.com"
    page = f"{LEDE}\n\n{SECOND}\n\nShare\nFacebook\nFlipboard\nDigg\nFollow us on\nGoogle News\n"
    assert clean(page, config, url="https://www.theharbourgazette.com/2015/09/29/talks/").outlet == (
        "The Harbour Gazette"
    )
