"""The cleaner's round-twenty-four metadata rules (issue 9: outlet, date and wire kinds met on real pages
probed by cleaner24), on small lines and pages written for these tests (no real page's text), and lines
that only look like them."""

from __future__ import annotations

import pytest

from bot.cleaner.bylineshapes import glued_date
from bot.config import Config
from tests.test_cleaner_rules import _clean as clean

STORY = (
    "Presidents Barack Obama and Vladimir Putin met for ninety minutes on the sidelines of the G20 summit"
    " in Hangzhou on Monday, aides said."
)
MORE = "Both delegations said their ministers would keep talking about a ceasefire in Syria."
LATER = "The White House said the talk had been candid and businesslike, like the ones before it."
LAST = "The Kremlin's spokesman told reporters that a deal could still be reached within days."


@pytest.mark.parametrize(
    ("line", "date"),
    [
        ("Jane Roeburn5 September 2016", "5 September 2016"),
        ("Ana Maria Costa28 Sep, 2015", "28 Sep, 2015"),
    ],
)
def test_a_date_glued_to_the_writers_name_is_read_apart(line: str, date: str) -> None:
    assert glued_date(line) == date


@pytest.mark.parametrize(
    "line",
    [
        "Route5 September 2016",  # one word: no writer's name
        "jane roe5 September 2016",  # not a name's capitals
        "Jane Roe 5 September 2016",  # not glued: the ordinary date readers take it
        "Jane Roe5 Septembers",
    ],
)
def test_lines_that_only_look_like_a_glued_byline_date(line: str) -> None:
    assert glued_date(line) is None


def test_a_blog_on_a_private_suffix_is_cited_by_its_labels_words(config: Config) -> None:
    article = clean(f"{STORY}\n\n{MORE}\n", config, url="https://coldwarwatcher.blogspot.com/2016/09/p.html")
    assert article.outlet == "Cold War Watcher"


def test_a_blog_label_of_no_words_is_cited_whole(config: Config) -> None:
    article = clean(f"{STORY}\n\n{MORE}\n", config, url="https://qxvzktbr.blogspot.com/2016/09/p.html")
    # round 26: a name-less site is cited by its label, letters with no vowel read out in capitals
    assert article.outlet == "QXVZKTBR"


def test_a_staff_credit_is_no_part_of_the_sites_name(config: Config) -> None:
    page = f"Leaders meet at the summit\n\nHarbour Ledger / News Desk\n\n{STORY}\n\n{MORE}\n"
    article = clean(page, config, url="https://www.harbourledger.com/news/leaders-meet-h1.html")
    assert article.outlet == "Harbour Ledger"


def test_a_header_clock_after_the_update_stamp_is_no_publication_date(config: Config) -> None:
    page = (
        f"Feb 14, 2017-Tuesday\n\nLeaders meet at the summit\n\nUpdated: Sep 05, 2016 21:10 IST\n\n{STORY}\n"
    )
    article = clean(page, config, url="https://www.morningcourier.in/world/leaders-meet-h1.html")
    assert (article.date, article.updated) == (None, "2016-09-05")


def test_a_publication_date_before_the_update_stays(config: Config) -> None:
    page = f"Leaders meet at the summit\n\nSep 05, 2016\n\nUpdated: Sep 06, 2016 09:10 IST\n\n{STORY}\n"
    article = clean(page, config, url="https://www.morningcourier.in/world/leaders-meet-h1.html")
    assert (article.date, article.updated) == ("2016-09-05", "2016-09-06")


def test_an_agency_alone_between_paragraphs_is_no_wire(config: Config) -> None:
    page = f"Leaders meet at the summit\n\n{STORY}\n{MORE}\n(AAP)\n{LATER}\n{LAST}\n"
    article = clean(page, config, url="https://www.harbourseven.com.au/world/leaders-meet-p3")
    assert article.wire is None


def test_an_agency_alone_closing_the_story_is_its_wire(config: Config) -> None:
    page = f"Leaders meet at the summit\n\n{STORY}\n\n{MORE}\n\n(AAP)\n"
    article = clean(page, config, url="https://www.harbourseven.com.au/world/leaders-meet-p3")
    assert article.wire == "AAP"


def test_an_outlets_link_line_is_no_wire_but_an_agencys_is(config: Config) -> None:
    for source, wire in (("CBS News", None), ("Reuters", "Reuters")):
        link = f"{source}: Obama and Putin meet in China as Syria divides them"
        page = f"Leaders Meet At The Summit\n\n{link}\n\n{STORY}\n\n{MORE}\n"
        article = clean(page, config, url="https://borderwatchdaily.com/2016/09/leaders-meet.html")
        assert article.wire == wire, source


def test_an_alt_title_over_its_caption_is_no_headline(config: Config) -> None:
    caption = "Barack Obama and Vladimir Putin hold talks at the G20 summit in Hangzhou Jane Roe/Reuters"
    page = f"Obama Putin talks G20 summit\n{caption}\n\n{STORY}\n\n{MORE}\n\n{LATER}\n"
    article = clean(page, config, url="https://www.meridianbusinessweekly.com/talks-1520001")
    assert article.title is None
    assert clean(page.replace("talks G20 summit", "clash over Aleppo"), config).title is not None
