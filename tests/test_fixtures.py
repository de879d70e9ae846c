"""Hand-written pages in the chrome of other kinds of sites: the cleaner has no rule written for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cleaner import clean_article
from bot.config import Config, load_config
from bot.models import Article

ROOT = Path(__file__).resolve().parents[1]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="module")
def config() -> Config:
    return load_config(ROOT / "config.yaml")


def clean(name: str, config: Config) -> Article:
    return clean_article((FIXTURES / name).read_text(encoding="utf-8"), doc_id=Path(name).stem, config=config)


def kept_text(article: Article) -> str:
    return article.text


def test_wordpress_repost(config: Config) -> None:
    article = clean("wordpress_repost.txt", config)
    assert article.title == "Obama and Putin Meet in New York as Syria Rift Deepens"
    assert article.date == "2015-09-30"
    assert article.outlet == "The Eastern Ledger"
    assert article.event == "unga-2015"
    assert article.byline == "Posted on September 30, 2015 by admin"
    for chrome in (
        "Skip to content",
        "Menu",
        "Share this",
        "Like Loading",
        "Leave a Reply",
        "Save my name",
        "Proudly powered",
        "Kerry and Lavrov to meet again",
        "Email *",
        "Home | World",
    ):
        assert chrome not in article.text
    roles = {s.line: s.role for s in article.sentences}
    assert roles[11] == "caption"
    assert roles[21] == "subheading"
    assert {roles[n] for n in (13, 15, 17, 19, 23, 25)} == {"body"}
    texts = [s.text for s in article.sentences]
    assert '"We discussed the situation frankly," Mr Putin told journalists after the talks.' in texts
    assert any(t.startswith("Gen. Joseph Dunford") for t in texts)
    assert any("by Sept. 30 at the latest" in t for t in texts)


def test_wire_story_with_dateline(config: Config) -> None:
    article = clean("wire_dateline.txt", config)
    assert article.title == "Putin says Obama talks in China were 'constructive'"
    assert article.date == "2016-09-05"  # from the dateline, not the caption's September 4
    assert article.outlet == "Newsline"
    assert article.wire is None  # a site crediting itself in its dateline is no wire unless it is an agency
    assert article.event == "g20-2016"
    assert article.byline == "By Anna Volkova, Pavel Orlov"
    assert article.dateline == "September 5, 2016 / 1:47 PM"
    reasons = {d.line: d.reason for d in article.dropped}
    assert {reasons[n] for n in (19, 20, 21)} == {"related-teaser"}
    for chrome in (
        "NEWSLINE",
        "Min Read",
        "Related Coverage",
        "Factbox",
        "Reporting by",
        "All quotes delayed",
        "All rights reserved",
        "Markets",
    ):
        assert chrome not in article.text
    roles = {s.line: s.role for s in article.sentences}
    assert roles[11] == "caption"
    assert {roles[n] for n in (13, 15, 17, 23, 25)} == {"body"}
    first = article.sentences[[s.line for s in article.sentences].index(13)]
    assert first.text.startswith("HANGZHOU, China (Newsline) - Russian President Vladimir Putin said")
    assert "U.S. President Barack Obama" in first.text
