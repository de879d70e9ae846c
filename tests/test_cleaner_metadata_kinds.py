"""The cleaner's fourth round of general rules for metadata, on small pages written for these tests (no
real page's text): outlet names spelled by the page or shared between outlets, wire credits in datelines and
"Source:" lines, dates in datelines, stamps and URLs, and the event a page can be about."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.cleaner.dates import find_date, url_date
from bot.config import Config
from tests.test_cleaner_kinds import HEADLINE
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean


def test_an_unknown_acronym_in_a_wire_dateline_is_the_wire(config: Config) -> None:
    page = f"{HEADLINE}\n\nUNITED NATIONS, Sept 28 (ZNA) -- {LEDE}\n{SECOND}\n"
    article = clean(page, config)
    assert (article.wire, article.date) == ("ZNA", "2015-09-28")
    assert clean(f"{HEADLINE}\n\nNEW YORK (CNN) -- {LEDE}\n{SECOND}\n", config).wire is None


def test_a_footer_link_about_the_site_names_the_outlet(config: Config) -> None:
    page = f"{HEADLINE}\nSeptember 5, 2016 (Monday)\n{LEDE}\n{SECOND}\nPrivacy policy\nAbout Harbourwatch\n"
    article = clean(page, config, url="https://en.harbourwatch.org/wiki/Day")
    assert (article.outlet, article.date) == ("Harbourwatch", "2016-09-05")
    # not the footer's site: the URL's hyphenated domain in words, as no line names it
    assert clean(page, config, url="https://other-site.org/a").outlet == "Other Site"
    # on a site the link does not spell, the link is no evidence: the domain (no common words) stays
    assert clean(page, config, url="https://qxv-zkt.org/a").outlet == "qxv-zkt.org"


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("https://news.example.com/world/2016/sep/05/leaders-meet", dt.date(2016, 9, 5)),
        ("https://wiki.example.org/wiki/Portal:Events/2016_September_5", dt.date(2016, 9, 5)),
        ("https://news.example.com/2016/foo/05/", None),
    ],
)
def test_a_month_named_in_the_url_path(url: str, expected: dt.date | None) -> None:
    found = url_date(url)
    assert (found.date if found else None) == expected


def test_day_month_year_joined_by_hyphens() -> None:
    found = find_date("Posted 05-Sep-2016 10:22")
    assert found is not None and found.date == dt.date(2016, 9, 5)


@pytest.mark.parametrize(
    ("opening", "url", "expected"),
    [
        ("MOSCOW, September 29, 2015 - ", None, "2015-09-29"),
        ("HANGZHOU, China, Sept. 5 -- ", "https://paper.example.com/2016/world/leaders", "2016-09-05"),
        ("HANGZHOU, China -- ", None, None),
    ],
)
def test_a_place_and_date_dateline_without_an_agency(
    config: Config, opening: str, url: str | None, expected: str | None
) -> None:
    article = clean(f"{HEADLINE}\n\n{opening}{LEDE}\n{SECOND}\n", config, url=url)
    assert article.date == expected


def test_a_blog_on_a_hosting_platform_is_cited_by_its_labels_words(config: Config) -> None:
    # the blog's own label, not the platform, is the site, read as any name-less domain is (cleaner24)
    article = clean(
        f"{HEADLINE}\n{LEDE}\n{SECOND}\n", config, url="https://janemarsh.blogspot.com/2016/09/x.html"
    )
    assert article.outlet == "Jane Marsh"


def test_a_source_line_naming_an_agency_the_table_lacks(config: Config) -> None:
    page = f"{HEADLINE}\n\n{LEDE}\n\nSource: Kestrel\n\n{SECOND}\n{SECOND.replace('They', 'Both')}\n"
    assert clean(page, config).wire == "Kestrel"
    assert clean(page.replace("Kestrel", "Getty Images"), config).wire is None


def test_a_date_in_the_url_query() -> None:
    found = url_date("https://news.example.rs/eng/world.php?yyyy=2015&mm=09&dd=29&nav_id=1")
    assert found is not None and found.date == dt.date(2015, 9, 29)
    assert url_date("https://news.example.rs/world.php?id=2015&mm=09") is None


def test_source_lines_under_each_item_of_a_photo_story_end_nothing(config: Config) -> None:
    third = "The leaders kept their aides waiting nearly an hour before the talks began on Monday."
    page = (
        f"{HEADLINE}\n{LEDE}\n{SECOND}\nSources: Harbour Daily, Twitter\n"
        f"{LEDE.replace('two', 'both')}\nSource: Instagram\n{third}\n"
    )
    article = clean(page, config)
    assert article.wire is None
    assert [s.text for s in article.sentences][-1] == third


def test_a_dashed_byline_with_an_agency_names_the_wire(config: Config) -> None:
    page = (
        f"The Daily Ledger\n\n{HEADLINE}\n\n- By Jane Marsh Associated Press\n\nNEW YORK — {LEDE}\n{SECOND}\n"
    )
    assert clean(page, config).wire == "AP"


def test_a_page_published_long_before_an_event_is_not_about_it(config: Config) -> None:
    later = [e for e in config.events if e.start.year > 2015]
    assert later, "the shipped config has an event after 2015"
    # a keyword naming this edition: a series' name alone ("G20") names no edition (eventseries.py)
    keyword = next(k for k in later[0].keywords if not k.isdigit() and k not in later[0].series)
    text = f"The two presidents spoke about Syria for an hour, and the {keyword} came up twice."
    article = clean(f"{HEADLINE}\n\nWASHINGTON, Sept 29, 2015 - {text}\n{SECOND}\n", config)
    assert article.date == "2015-09-29" and article.event is None
    undated = clean(f"{HEADLINE}\n\n{text}\n{SECOND}\n", config)
    assert undated.event == later[0].id


def test_a_site_name_opening_the_lede_names_the_outlet_and_stays_one_sentence(config: Config) -> None:
    page = f"{HEADLINE}\n\nHarbourWatch.Net - {LEDE}\n\n{SECOND}\n"
    article = clean(page, config, url="https://www.harbourwatch.net/eng/news/1/")
    assert (
        article.outlet == "HarbourWatch.Net"
    )  # as the page prints it: a suffix with a capital is its brand's
    assert article.sentences[0].text == f"HarbourWatch.Net - {LEDE}"


def test_the_url_s_site_name_as_the_page_spells_it(config: Config) -> None:
    page = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\nFollow Harbour Post on social media\n"
    article = clean(page, config, url="https://www.harbourpost.com/world/leaders-123.html")
    assert article.outlet == "Harbour Post"
    assert "spells it" in article.evidence["outlet"]
    unprinted = clean(f"{HEADLINE}\n\n{LEDE}\n", config, url="https://www.harbourpost.com/a")
    assert unprinted.outlet == "Harbour Post"  # never printed: the domain's words, and it says so
    assert "read as words" in unprinted.evidence["outlet"]


def test_a_page_after_an_event_needs_its_place_to_be_about_it(config: Config) -> None:
    event = next(e for e in config.events if e.place)
    keyword = next(k for k in event.keywords if not k.isdigit() and k not in event.place)
    year = event.end.year + 1
    text = f"Leaders met at this year's {keyword} meeting in another city, officials said on Monday."
    page = f"{HEADLINE}\n\nWASHINGTON, March 3, {year} - {text}\n{SECOND}\n"
    assert clean(page, config).event is None
    place = event.place.split(",")[0]
    assert clean(page.replace("another city", place), config).event == event.id


def test_a_byline_with_a_handle_and_a_relative_time_and_a_credit_with_site_and_agency(config: Config) -> None:
    byline = "Jane Marsh (@janemarsh) 1 minute ago Wed 27th January 2021 | 04:06 PM"
    opening = "MOSCOW (Harbour News / Sputnik - 27th January, 2021) "
    article = clean(f"{HEADLINE}\n\n{byline}\n\n{opening}{LEDE}\n\n{SECOND}\n", config)
    assert (article.date, article.wire, article.byline) == ("2021-01-27", "Sputnik", byline)
    assert article.sentences[0].text.startswith("MOSCOW (Harbour News")


def test_the_url_s_month_bounds_the_event_of_an_undated_page(config: Config) -> None:
    event = next(e for e in config.events if e.place)
    keyword = next(k for k in event.keywords if not k.isdigit() and k not in event.place)
    page = f"{HEADLINE}\n\nLeaders met at the {keyword} meeting in another city, officials said on Monday.\n"
    earlier = f"https://news.example.com/archive/{event.start.year - 3}/09/leaders.html"
    assert clean(page, config, url=earlier).event is None
    assert clean(page, config, url="https://news.example.com/archive/leaders.html").event == event.id


def test_the_site_s_name_with_a_media_word_spells_a_short_domain(config: Config) -> None:
    page = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\nGet HBN News daily and direct to your inbox\n"
    assert clean(page, config, url="https://www.hbn.com.au/news/article/x").outlet == "HBN News"


def test_a_place_date_and_agency_after_a_comma_and_a_date_opening_an_article_id(config: Config) -> None:
    page = f"{HEADLINE}\n\nNew York, September 29, Interfax - {LEDE}\n\n{SECOND}\n"
    article = clean(page, config)
    assert (article.wire, article.date) == ("Interfax", "2015-09-29")
    assert clean(page.replace("Interfax", "Monday"), config).wire is None
    found = url_date("https://news.example.com/politics/201702101050540470-leaders/")
    assert found is not None and found.date == dt.date(2017, 2, 10)


def test_a_byline_glued_to_the_headline_and_a_date_in_the_slug(config: Config) -> None:
    glued = f"{HEADLINE}By Jane Marsh and John Roe, Harbour TV"
    caption = "The two leaders shake hands before their talks on Monday. Photo by Jane Doe/Wire"
    page = f"{glued}\n\n{caption}\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(
        page, config, url="https://www.harbour.com/news/politics/leaders-meet-20180716-story.html"
    )
    assert (article.title, article.date) == (HEADLINE, "2018-07-16")
    assert [s.text for s in article.sentences] == [caption, LEDE, SECOND]


def test_a_wrapped_wire_story_with_its_credit_left_out(config: Config) -> None:
    wrapped = (
        "GENEVA, Sept 10 The two leaders\n"
        "hailed a deal on Saturday to put the peace process back on\n"
        "track, including a ceasefire from sundown on Monday and joint\n"
        "targeting of armed groups, officials from both governments said.\n"
    )
    article = clean(wrapped, config)
    assert article.title is None and article.date == "2016-09-10"
    assert len(article.sentences) == 1 and article.sentences[0].text.startswith("GENEVA, Sept 10 The two")


def test_a_title_printed_with_and_without_the_site_s_name_and_a_dated_source(config: Config) -> None:
    page = (
        f"{HEADLINE} - Harbour Digest\n\n{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n"
        "Source: Washington Post September 08, 2016 21:22 UTC\n"
    )
    article = clean(page, config)
    assert (article.title, article.wire, article.date) == (HEADLINE, "The Washington Post", "2016-09-08")


def test_a_date_under_the_headline_is_no_clock_and_a_place_line_no_site_name(config: Config) -> None:
    page = (
        "An official website of the United States government\n\n"
        f"{HEADLINE}\nSeptember 10, 2016\n\nRemarks at a Press Availability\n\n"
        f"Jane Marsh\nGeneva, Switzerland\nSeptember 9, 2016\n\n{LEDE}\n\n{SECOND}\n"
    )
    article = clean(page, config, url="https://geneva.mission-example.gov/2016/09/10/remarks/")
    assert (article.title, article.date) == (HEADLINE, "2016-09-10")
    assert article.outlet != "Geneva, Switzerland"
