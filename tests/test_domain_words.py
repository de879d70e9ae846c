"""An unknown site's domain read as words (bot/cleaner/domainwords.py): names of invented sites, never a
real page's text. A split is trusted only when every piece is a common word; otherwise the domain stays."""

from __future__ import annotations

import dataclasses

import pytest

from bot.cleaner.domainwords import domain_words, dotted_name, printed_domain
from bot.config import CleanerConfig, Config
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean

SETTINGS = CleanerConfig()


@pytest.mark.parametrize(
    ("label", "expected"),
    [
        ("theharbourgazette", "The Harbour Gazette"),  # run-together words, a leading "The" kept
        ("coastal-morning-star", "Coastal Morning Star"),  # hyphens split first
        ("voiceoftheisland", "Voice of the Island"),  # small words in lower case inside a name
        ("zambiaweeklyherald", "Zambia Weekly Herald"),  # a country's name is a common word
        ("qxvnews", None),  # an acronym: not a common word
        ("harbour247", None),  # a digit: no word
        ("gazette", None),  # one word is no split: the domain says more
        ("", None),
    ],
)
def test_domain_words_splits_only_common_words(label: str, expected: str | None) -> None:
    assert domain_words(label, SETTINGS) == expected


def test_domain_words_limits_come_from_config() -> None:
    strict = dataclasses.replace(SETTINGS, domain_word_min_count=1e11)
    assert domain_words("zambiaweeklyherald", strict) is None  # the place no longer counts as common
    assert domain_words("theharbourgazette", strict) == "The Harbour Gazette"  # dictionary words do


def test_dotted_name_drops_the_suffix_only_from_the_whole_domain_in_capitals() -> None:
    assert dotted_name("HarbourPoint.com", "harbourpoint.com") == "HarbourPoint"
    assert dotted_name("HarbourPoint.Com", "harbourpoint.com") == "HarbourPoint.Com"  # a capital: the brand's
    assert dotted_name("harbourpoint.com", "harbourpoint.com") == "harbourpoint.com"  # no capitals: as is
    assert dotted_name("Harbour Point", "harbourpoint.com") == "Harbour Point"
    assert printed_domain(["Read more on HarbourPoint.com today"], "harbourpoint.com") == "HarbourPoint"
    assert printed_domain(["mail us at desk@harbourpoint.com"], "harbourpoint.com") is None


def test_an_unknown_site_that_never_prints_its_name_is_cited_by_its_words(config: Config) -> None:
    article = clean(
        f"{LEDE}\n\n{SECOND}\n", config, url="https://www.theharbourgazette.com/2015/09/29/talks/"
    )
    assert article.outlet == "The Harbour Gazette"
    assert "read as words" in article.evidence["outlet"]


def test_an_acronym_domain_is_read_out_and_a_platform_blog_reads_its_label(config: Config) -> None:
    acronym = clean(f"{LEDE}\n\n{SECOND}\n", config, url="https://www.qxvz.com/story/1")
    assert acronym.outlet == "QXVZ"  # round 26: a name-less site by its label, letters read out
    # an acronym beside a common word is read as both (round eight, bot/cleaner/acronymdomain.py)
    beside = clean(f"{LEDE}\n\n{SECOND}\n", config, url="https://www.qxvnews.com/story/1")
    assert beside.outlet == "QXV News"
    blog = clean(
        f"{LEDE}\n\n{SECOND}\n", config, url="https://harbourgazette.blogspot.com/2015/09/talks.html"
    )
    # the blog's own label is the site, read as words like any other (cleaner24; a label of no words
    # keeps the host: tests/test_cleaner_round24.py)
    assert blog.outlet == "Harbour Gazette"


def test_a_run_together_web_token_is_no_common_word() -> None:
    # the web corpus counts "knownsite" often and keeps it whole, but it is two dictionary words run
    # together: its count proves nothing
    assert domain_words("knownsitedaily", SETTINGS) is None
    # hyphens are the site's own word marks: its parts are taken as it wrote them, no split guessed
    assert domain_words("knownsite-daily", SETTINGS) == "Knownsite Daily"
    assert domain_words("known-site-daily", SETTINGS) == "Known Site Daily"
    assert domain_words("e-knownsite", SETTINGS) is None
