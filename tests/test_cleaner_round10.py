"""The cleaner's tenth round of general rules (issue 9), on small pages written for these tests (no real
page's text): a domain that runs one proper name into common words is cited by them; a date row's
"Source:" field, a repost's "from NAME" line, a closing "Story by NAME News" and an agency credit under
a standfirst name the wire; a thread under a rating widget keeps the quoted story, not the poster's
remarks."""

from __future__ import annotations

import pytest

from bot.cleaner.creditfields import story_credit
from bot.cleaner.domainnames import name_words
from bot.cleaner.outlets import outlet_table
from bot.config import CleanerConfig, Config
from tests.test_cleaner_kinds import HEADLINE
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean

SETTINGS = CleanerConfig()
THIRD = "The talks ran past the hour set for them, aides said."


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("ashbournereport", "Ashbourne Report"),  # a place's name the word list does not count as common
        ("vantorellibrief", "Van Torelli Brief"),
        ("qzpmbulletin", "QZPM Bulletin"),  # vowel-less fragments rejoined: letters read out
        ("thewexleyherald", None),  # two unknown pieces ("w", "exley"): no name a reader reads off
        ("santhomalo", None),  # a two-letter word beside the name ("lo") is a wrong cut
        ("thebrindler", None),  # a one-letter fragment ("r") is no acronym
        ("pelmora", None),  # the unknown piece too short to be a name
    ],
)
def test_a_domain_running_a_name_into_common_words_reads_as_them(label: str, name: str | None) -> None:
    assert name_words(label, SETTINGS) == name


def test_an_unknown_sites_name_is_read_off_its_domain(config: Config) -> None:
    page = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config, url="https://www.ashbournereport.com/2015/09/30/leaders/")
    assert article.outlet == "Ashbourne Report"
    assert "read as words" in article.evidence["outlet"]


def test_a_date_rows_source_field_names_the_wire(config: Config) -> None:
    row = "Date of publication:2016-09-06 10:05:00 Source:State Council Information Office official website"
    page = f"{HEADLINE}\n\n{row}\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config, url="http://www.summitdesk2016.cn/english/news/t20160906_88.html")
    assert article.wire == "State Council Information Office"
    assert row not in article.text


def test_a_reposts_from_line_names_the_wire_and_keeps_its_title(config: Config) -> None:
    title = "What the Two Leaders Did Not Settle"
    page = f"{HEADLINE}\n\n{LEDE}\n\n{title}\nfrom Harbour Policy Review\n\n{SECOND}\n\n{THIRD}\n"
    article = clean(page, config, url="https://kestrelnotes.wordpress.com/2015/09/30/worth-reading/")
    assert (article.title, article.wire) == (HEADLINE, "Harbour Policy Review")
    assert title in article.text and "from Harbour" not in article.text


@pytest.mark.parametrize(
    ("line", "wire"),
    [
        ("Story by KBS News", "KBS News"),  # a known broadcaster's newsroom
        ("Story by Jane Roe", None),  # a reporter's byline
        ("Story by Harbour Weekly", None),  # neither known nor a newsroom's name
    ],
)
def test_a_closing_story_credit_names_a_newsroom_only(config: Config, line: str, wire: str | None) -> None:
    assert story_credit(line, outlet_table(config)) == wire


def test_an_agency_credit_under_a_standfirst_names_the_wire(config: Config) -> None:
    dek = "The host urged the group to act rather than talk"
    page = f"{HEADLINE}\n\n{dek}\n\nAFP | IANS Hangzhou\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config, url="https://www.coastalbusinessdaily.com/amp/article/leaders.html")
    assert article.wire == "AFP"


WIDGET = "Thread Rating:\n  • 2 Vote(s) - 3.5 Average\n  • 1\n  • 2\n  • 3\n  • 4\n  • 5"
REMARK = "Well that was a lot of flying for not much!"


def test_a_rated_threads_poster_remarks_over_the_quote_are_chrome(config: Config) -> None:
    page = f"{WIDGET}\n{HEADLINE}\n{REMARK}\n\nQuote: {LEDE}\n\n{SECOND}\n"
    article = clean(page, config, url="http://www.riverbankfans.com/showthread.php?tid=4411")
    assert article.title == HEADLINE
    assert REMARK not in article.text and LEDE in article.text and SECOND in article.text


def test_a_quote_line_without_a_threads_widget_changes_nothing(config: Config) -> None:
    page = f"{HEADLINE}\n\n{REMARK}\n\nQuote: {LEDE}\n\n{SECOND}\n"
    article = clean(page, config)
    assert REMARK in article.text


CAPTION = "The two leaders shake hands before their meeting in New York on September 28, 2015."


@pytest.mark.parametrize(
    ("page", "url", "outlet"),
    [  # a known outlet's credit between the paragraphs; an agency's credit over the story
        (
            f"{LEDE}\n\n© DR\n\n{SECOND}\n\n{THIRD}\n",
            "https://www.ashbournereport.com/a/",
            "Ashbourne Report",
        ),
        (
            f"{HEADLINE}\n\n{CAPTION}\nPHOTO: Reuters\n\n{LEDE}\n\n{SECOND}\n",
            "https://www.islandnewsportal.com/a/",
            "Island News Portal",
        ),
    ],
)
def test_a_photo_credit_that_credits_a_picture_does_not_name_the_site(
    config: Config, page: str, url: str, outlet: str
) -> None:
    assert clean(page, config, url=url).outlet == outlet


TURN = "President: The talks between our deputy ministers last month were useful."


@pytest.mark.parametrize(
    ("lead", "heading", "credit", "story"),
    [  # a blog's repost under its "from NAME" line; an embassy digest's section over a speaker's line
        (
            "Here is a piece that says most of what I would have said:",
            "What the Leaders Left Open",
            True,
            LEDE,
        ),
        (
            "Following is the gist of the leaders' meeting on the sidelines:",
            "Peace treaty talks",
            False,
            TURN,
        ),
    ],
)
def test_a_lead_in_over_a_heading_opens_the_story(
    config: Config, lead: str, heading: str, credit: bool, story: str
) -> None:
    under = "\nfrom Harbour Policy Review" if credit else ""
    page = f"{HEADLINE}\n\n{lead}\n\n{heading}{under}\n\n{story}\n\n{SECOND}\n"
    article = clean(page, config, url="https://kestrelnotes.wordpress.com/2015/09/30/worth-reading/")
    assert article.title == HEADLINE
    assert article.text.startswith(lead) and heading in article.text
    assert "from Harbour" not in article.text
