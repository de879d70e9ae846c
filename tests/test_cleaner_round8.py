"""The cleaner's eighth round of general rules (issue 9), on small pages written for these tests (no real
page's text): lead lines the outlet table explains (an agency's name alone, an agency's sign-off between
live entries, a blog's "OUTLET: title" source line, a "TITLE -- OUTLET" link), headlines the header
pass missed (under a standfirst, a short title, a "VIDEO:" title), an update stamp's "Created:" date,
"U.N." as the keyword UN, a logo's line, an acronym in an unknown domain and a broadcaster's
"Broadcasting Corporation"."""

from __future__ import annotations

import pytest

from bot.cleaner.acronymdomain import acronym_words
from bot.cleaner.company import company_name
from bot.cleaner.stamps import published_part
from bot.cleaner.whichevent import find_event
from bot.config import Config
from tests.test_cleaner_kinds import HEADLINE
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean

THIRD = "The talks ran past the hour set for them, aides said."


def test_an_agency_name_alone_under_a_summary_is_the_wire_and_chrome(config: Config) -> None:
    page = f"{HEADLINE}\n\n{LEDE}\n\nReuters\n\n{SECOND}\n\n{THIRD}\n"
    article = clean(page, config, url="https://www.example-digest.in/world/leaders-agree-1234")
    assert article.wire == "Reuters"
    assert "Reuters" not in article.text and SECOND in article.text


def test_a_created_date_in_an_update_stamp_dates_the_page(config: Config) -> None:
    stamp = "Updated: 30-09-2015 09:10 IST | Created: 29-09-2015 21:40 IST"
    page = f"{HEADLINE}\n\n{LEDE}\n\n{stamp}\n\n{SECOND}\n"
    article = clean(page, config)
    assert (article.date, article.updated) == ("2015-09-29", "2015-09-30")
    assert "Created" not in article.text


@pytest.mark.parametrize(
    ("line", "part"),
    [
        ("Updated: 30-09-2015 | Created: 29-09-2015", "29-09-2015"),
        ("Last updated on Sept. 30, 2015, first published Sept. 29, 2015", "Sept. 29, 2015"),
        ("Posted: Sept. 29, 2015 | Updated: Sept. 30, 2015", None),  # no update stamp: read as it is
        ("Updated: 30-09-2015", None),
    ],
)
def test_the_published_part_of_an_update_stamp(line: str, part: str | None) -> None:
    assert published_part(line) == part


def test_a_dotted_acronym_names_the_event(config: Config) -> None:
    text = "The two presidents toasted at the U.N. lunch and met for an hour in the afternoon."
    found = find_event(None, [text], config)
    assert found is not None and found.value == "unga-2015"
    assert find_event(None, ["The two presidents toasted at a lunch and met for an hour."], config) is None


def test_a_headline_under_an_opening_standfirst(config: Config) -> None:
    page = f"{LEDE}\nLeaders agree to keep talking\n{SECOND}\n{THIRD}\n"
    article = clean(page, config)
    assert article.title == "Leaders agree to keep talking"
    assert "Leaders agree to keep talking" not in article.text and LEDE in article.text


@pytest.mark.parametrize(
    ("first", "title"),
    [
        ("A Toast for Peace", "A Toast for Peace"),
        (
            "VIDEO: Leaders argue on the tarmac at the summit",
            "VIDEO: Leaders argue on the tarmac at the summit",
        ),
        ("World News Today", None),  # a section label: no little word in lower case
    ],
)
def test_a_first_line_right_over_the_story(first: str, title: str | None, config: Config) -> None:
    article = clean(f"{first}\n\n{LEDE}\n\n{SECOND}\n", config)
    assert article.title == title


def test_a_blog_source_line_and_update_links(config: Config) -> None:
    page = (
        f"Tuesday, September 29, 2015\n\n{HEADLINE}\n\nReuters: Leaders agree to talk again about Syria\n\n"
        f"{LEDE}\n\n{SECOND}\n\nUpdate #1: What the leaders said before the talks -- BBC News\n"
    )
    article = clean(page, config, url="http://harbourwatch.blogspot.com/2015/09/leaders.html")
    assert article.wire == "Reuters"
    assert "Update #1" not in article.text


def test_a_sign_off_between_live_entries_ends_nothing(config: Config) -> None:
    page = (
        f"{HEADLINE}\n\nUpdated 9:41 a.m.: Leaders meet at last\n\n{LEDE}\n\n— AP\n\n"
        f"Updated 8:07 a.m.: Talks are set for the evening\n\n{SECOND}\n\n{THIRD}\n"
    )
    article = clean(page, config)
    assert article.wire == "AP"
    assert SECOND in article.text and "9:41" not in article.text and "— AP" not in article.text


@pytest.mark.parametrize(
    "line",
    [
        "This was published 7 years ago",
        "We're sorry, this feature is currently unavailable. We're working to restore it.",
        "Presidential jet on the apron (public domain)",
        "File photo: Harbour Photo Agency",
        "Stay on top of the news with our Morning Brief newsletter.",
        "« Refugees reach the islands Ministers meet on trade »",
    ],
)
def test_site_notices_and_licence_credits_are_chrome(line: str, config: Config) -> None:
    article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{line}\n\n{SECOND}\n", config)
    assert line not in article.text and SECOND in article.text


def test_a_logo_line_names_the_site_it_echoes(config: Config) -> None:
    url = "https://harbourtonarchives.com/news/2015/sep/28/leaders/"
    article = clean(f"Harbourton Sentinel Logo\n\n{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n", config, url=url)
    assert article.outlet == "Harbourton Sentinel"
    shared = clean(f"Facebook logo\n\n{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n", config, url=url)
    assert shared.outlet not in (None, "Facebook")  # a share bar's logo is no site's name


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("uaposition", "UA Position"),
        ("radionz", "Radio NZ"),
        ("kktv", None),  # no word beside the letters
        ("calderdale", None),  # a place's name cut into short pieces
        ("news", None),  # a word's domain
        ("hanflor", None),  # "han" is a spoken syllable, no acronym
    ],
)
def test_an_acronym_beside_common_words(label: str, name: str | None, config: Config) -> None:
    assert acronym_words(label, config.cleaner, "nz") == name


def test_a_broadcasting_corporation_keeps_its_name() -> None:
    assert company_name("Harbour Broadcasting Corporation Ltd.") == "Harbour Broadcasting Corporation"
    assert company_name("Harbour Daily Media Group, Inc.") == "Harbour Daily"


def test_a_repost_title_keeping_its_source_names_the_wire_when_an_agency(config: Config) -> None:
    title = "Syria talks: Handshake but no smiles as leaders meet – BBC News"
    page = f"{title}\n\n{LEDE}\n\n{SECOND}\n\n{THIRD}\n"
    article = clean(page, config, url="http://gadgetdeals.example.com/blog/leaders-shake-hands/")
    assert article.title == title
    # round 26: a broadcaster kept after the title is the copied story's outlet, no wire (an agency is)
    assert article.wire is None
    agency = clean(page.replace("BBC News", "Reuters"), config, url="http://gadgetdeals.example.com/blog/x/")
    assert agency.wire == "Reuters"
    own = clean(page, config, url="https://www.bbc.com/news/world-123")
    assert own.wire is None  # the site's own name after its title is no source


def test_as_an_outlet_reports_names_the_source(config: Config) -> None:
    lede = "The two leaders walked by the lake after dinner. As CCTV reports, they spoke for an hour."
    article = clean(f"{HEADLINE}\n\n{lede}\n\n{SECOND}\n", config, url="http://harbourportal.example.com/x/")
    assert article.wire == "CCTV"
    plain = clean(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n", config, url="http://harbourportal.example.com/x/")
    assert plain.wire is None


def test_a_metered_paywall_block_inside_the_story_ends_nothing(config: Config) -> None:
    block = (
        "Join Harbour Post today\nGet every article and the archive. 14-day free trial.\nChoose your plan\n"
    )
    article = clean(f"{HEADLINE}\n\n{LEDE}\n{block}{SECOND}\n\n{THIRD}\n", config)
    assert SECOND in article.text and THIRD in article.text
    assert "free trial" not in article.text and "Choose your plan" not in article.text


def test_a_subscribe_prompt_under_a_cut_paragraph_ends_the_story(config: Config) -> None:
    cut = "The leaders met for an hour on Monday, and officials said the talks had risked embarrassing..."
    pitch = "Support our award-winning journalism for a small sum each month, with no advertising at all."
    more = "There has never been a better time to read us."
    page = f"{cut}\n\nSubscribe now to unlock this article.\n\n{pitch}\n\n{more}\n"
    article = clean(page, config)
    assert cut in article.text and "award-winning" not in article.text
