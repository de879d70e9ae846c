"""The cleaner's seventh round of general rules (issue 9), on small pages written for these tests (no real
page's text): date shapes met on real pages of outlets not probed before (a date line with a read
counter, a yearless "24 of September" line, a site's dated credit opening the lede, a day-first month
name in the URL, a scraper's date stamp glued before the page), a "PLACE. AGENCY -" dateline, a
"Source:" line naming an institution, and "SEE:" / "WATCH:" teasers inside the story."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.cleaner.dates import is_date_only, is_yearless_date_only, url_date
from bot.config import Config
from tests.test_cleaner_kinds import HEADLINE
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("  14 March 2021    Read: 1,204", True),
        ("14 March 2021 | Views 88", True),
        ("Mar. 14, 2021  |     |  0 comments", True),
        ("14 March 2021, read the minister's letter", False),
    ],
)
def test_a_date_line_may_carry_a_read_counter(line: str, expected: bool) -> None:
    assert is_date_only(line) is expected


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("24 of September, 18:03", True),
        ("Sept. 29", True),
        ("Monday, 5 September", True),
        ("September", False),
        ("24 of September the talks resumed", False),
    ],
)
def test_a_yearless_date_line(line: str, expected: bool) -> None:
    assert is_yearless_date_only(line) is expected


def test_a_yearless_date_line_takes_the_year_of_the_event_the_page_names(config: Config) -> None:
    """Both events' windows hold 24 September; the page names only the General Assembly's keywords."""
    page = f"HARBOUR.example\n24 of September, 18:03\n\n{HEADLINE}\n{LEDE}\n{SECOND}\n"
    article = clean(page, config)
    assert article.date == "2015-09-24"
    assert LEDE in article.text and "18:03" not in article.text


def test_a_date_line_with_a_read_counter_dates_the_page(config: Config) -> None:
    page = f"{HEADLINE}\n\n  28 September 2015    Read: 512\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config)
    assert article.date == "2015-09-28"
    assert "Read:" not in article.text


def test_a_sites_dated_credit_opening_the_lede_dates_the_page(config: Config) -> None:
    lede = f"(Harbourwire.net — September 27, 2015) — {LEDE}"
    article = clean(f"{HEADLINE}\n\n{lede}\n\n{SECOND}\n", config, url="https://harbourwire.net/?p=12")
    assert article.date == "2015-09-27"
    assert article.wire is None


def test_a_day_first_month_name_in_the_url_path_dates_the_page() -> None:
    found = url_date("http://www.radio.example/05-Sep-2016/leaders-meet-in-hangzhou")
    assert found is not None and found.date.isoformat() == "2016-09-05"
    assert url_date("http://www.radio.example/section-Sep-2016/leaders") is None


def test_a_scrapers_date_stamp_is_the_date_only_when_the_page_states_none(config: Config) -> None:
    lede = "SEAPORT – The two leaders met for an hour on Monday, officials from both governments said."
    page = f" date 2016-09-05 {lede}\n\n{SECOND}\n"
    article = clean(page, config)
    assert article.date == "2016-09-05"
    assert article.text.startswith("SEAPORT –")  # the stamp is no part of the story
    source = "Source: Harbour Office of the Premier"
    dated = f" date 2016-09-09 {source}\n\n6 September 2016\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(dated, config)
    assert article.date == "2016-09-06"
    assert article.wire == "Harbour Office of the Premier"


def test_a_place_a_full_stop_and_an_agency_in_capitals_is_a_wire_dateline(config: Config) -> None:
    lede = "SEAPORT. KNA – The two leaders met for an hour on the sidelines on Monday, aides said."
    assert clean(f"{HEADLINE}\n\n{lede}\n\n{SECOND}\n", config).wire == "KNA"
    plain = "SEAPORT. The two leaders met for an hour on the sidelines on Monday, aides said."
    assert clean(f"{HEADLINE}\n\n{plain}\n\n{SECOND}\n", config).wire is None


@pytest.mark.parametrize("label", ["SEE", "WATCH"])
def test_a_labelled_teaser_inside_the_story_is_chrome(config: Config, label: str) -> None:
    page = f"{HEADLINE}\n\n{LEDE}\n\n{label}: Harbour summit: last preparations\n\n{SECOND}\n"
    article = clean(page, config)
    assert LEDE in article.text and SECOND in article.text
    assert "last preparations" not in article.text


def test_a_skip_link_with_a_full_stop_is_never_the_headline(config: Config) -> None:
    page = f"Harbour Forum\nNews/Activism\n\nSkip to comments.\n\n{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n"
    assert clean(page, config).title == HEADLINE


def test_an_agency_byline_glued_after_a_space_leaves_the_headline_and_names_the_wire(config: Config) -> None:
    glued = f"{HEADLINE} By JANE ROE and JOHN DOE, Associated Press Writers"
    article = clean(f"{glued}\n\n{LEDE}\n\n{SECOND}\n", config)
    assert article.title == HEADLINE
    assert article.wire == "AP"
    own_by = "Leaders Stand By Their Pledge, Officials Say"  # a headline's own "By" stays
    assert clean(f"{own_by}\n\n{LEDE}\n\n{SECOND}\n", config).title == own_by


def test_a_list_of_other_stories_under_a_most_recent_header_is_chrome(config: Config) -> None:
    items = "Most recent headlines\n01/01/2026\nHarbour council opens a new ferry line to the isles and...\n"
    article = clean(f"{HEADLINE}\n{LEDE}\n{SECOND}\n{items}", config)
    assert SECOND in article.text and "ferry" not in article.text and "2026" not in article.text


def test_a_photo_pages_story_links_and_their_dates_are_chrome(config: Config) -> None:
    caption = "Leaders pose at the summit venue on Monday, Sept. 5, 2016. (Jane Roe, Pool Photo via AP)"
    links = f"Stories this photo appears in:\n\n{HEADLINE}\nSeptember 5, 2016 10 a.m.\n"
    article = clean(f"{caption}\n\n{links}", config, url="https://paper.example/photos/2016/sep/05/1/")
    assert "Leaders pose" in article.text
    assert HEADLINE not in article.text and "10 a.m." not in article.text


def test_an_about_heading_naming_an_agency_names_the_releases_wire(config: Config) -> None:
    about = "About AP\nThe Associated Press is a news agency founded in the nineteenth century."
    assert clean(f"{HEADLINE}\n{LEDE}\n{SECOND}\n{about}\n", config).wire == "AP"
    other = "About Harbour Relief\nHarbour Relief is a charity founded in 2013."
    assert clean(f"{HEADLINE}\n{LEDE}\n{SECOND}\n{other}\n", config).wire is None


def test_two_digit_folders_in_the_url_date_the_page_when_an_event_window_settles_them(config: Config) -> None:
    windows = [(dt.date(2016, 8, 28), dt.date(2016, 10, 5))]
    found = url_date("http://news.example.com/news/09/08/16/leaders-skip-talks", windows)
    assert found is not None and found.date == dt.date(2016, 9, 8)
    assert url_date("http://news.example.com/news/09/08/16/leaders-skip-talks") is None
    assert url_date("http://news.example.com/news/03/04/11/leaders-skip-talks", windows) is None
    page = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n"
    assert clean(page, config, url="http://news.example.com/news/09/08/16/leaders").date == "2016-09-08"


def test_a_site_name_before_a_glued_by_credit_is_a_byline(config: Config) -> None:
    page = f"{HEADLINE}\n\nHarbour Times | ByJane Roe, Seaport\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config)
    assert "Harbour Times" not in article.text and LEDE in article.text


def test_the_sites_host_printed_with_its_capitals_names_it(config: Config) -> None:
    page = f"<a href=NEWS.harbourportal.ru'> NEWS.harbourportal.ru\n\n{HEADLINE}\n{LEDE}\n{SECOND}\n"
    url = "http://news.harbourportal.ru/eng/news_text/1/"
    assert clean(page, config, url=url).outlet == "NEWS.harbourportal.ru"
    other = f"WORLD.otherportal.ru\n\n{HEADLINE}\n{LEDE}\n{SECOND}\n"  # another site's host names nothing
    assert clean(other, config, url=url).outlet != "WORLD.otherportal.ru"


def test_a_source_line_naming_the_site_itself_names_no_wire(config: Config) -> None:
    page = f"{HEADLINE}\n\nSource : Newsday\n\n{LEDE}\n\n{SECOND}\n"
    assert clean(page, config, url="https://harbour.example.org/a/1").wire == "Newsday"
    assert clean(page, config, url="https://www.newsday.com/news/a-1.5").wire is None
