"""The cleaner's round-thirty-two rules (issue 9: the kinds batch18's pages missed), on small lines and pages
written for these tests (no real page's text), and lines that only look like them."""

from __future__ import annotations

import lxml.html
import pytest

from bot.cleaner.cues import wire_dateline
from bot.cleaner.patterns import chrome_reason
from bot.cleaner.shown import shown_date
from bot.config import Config
from tests.test_cleaner_rules import _clean as clean

HEAD = "Leaders talk on the margins of the assembly, still apart on the war"
LEDE = (
    "UNITED NATIONS (AP) — The two presidents met for about an hour and a half on Monday, their first"
    " talks in months, and parted still divided over the war."
)
SECOND = "An aide said the two militaries would open a channel to keep their aircraft apart."
THIRD = "The Kremlin called the meeting frank and said further talks were likely."


def _board_page() -> str:
    return "\n".join(
        [
            "Harbour Board  Latest  Forums  Search  Login",
            HEAD,
            "quiet_heron (8,214 posts)",
            "Mon Sep 28, 2015, 09:52 PM",
            LEDE,
            SECOND,
            THIRD,
            "http://wire.example.org/article/leaders-talk-on-the-margins",
            "Good that they are talking at all, I suppose.",
            "Response to quiet_heron (Original post)",
            "Old Mill Lane (2,031 posts)",
            "1. An hour and a half is longer than anyone expected.",
            "Mon Sep 28, 2015, 10:05 PM",
            LEDE,
        ]
    )


def test_a_counted_posters_stamp_makes_a_thread_of_the_page(config: Config) -> None:
    article = clean(_board_page(), config, url="https://www.harbourboard.example/thread/1041")
    assert article.title == HEAD  # the poster's counted name is no part of the title
    assert article.date == "2015-09-28"  # the first post's stamp
    assert article.wire == "AP"
    assert article.text.split("\n\n") == [LEDE, SECOND, THIRD]  # the remark and the replies are chrome


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("quiet_heron (8,214 posts)", True),
        ("Old Mill Lane (37 messages)", True),
        ("Response to quiet_heron (Original post)", True),
        ("Reply to Old Mill Lane (Reply #3)", True),
        ("The delegation (40 people) left the hall after the speech.", False),
        ("Response to the crisis (an overview)", False),
    ],
)
def test_counted_names_and_reply_headers_are_chrome_by_shape(config: Config, line: str, chrome: bool) -> None:
    assert (chrome_reason(line, config.cleaner) == "forum-chrome") is chrome


def test_a_counted_name_with_no_stamp_makes_no_thread(config: Config) -> None:
    page = "\n".join([HEAD, "quiet_heron (8,214 posts)", LEDE, SECOND, THIRD, "A closing line of the story."])
    article = clean(page, config, url="https://www.harbourboard.example/thread/1042")
    assert "A closing line of the story." in article.text  # no stamp: nothing after the story is dropped


@pytest.mark.parametrize(
    ("line", "note"),
    [
        (
            "(Except for the headline, this story has not been edited by our staff and is published from a"
            " syndicated feed.)",
            True,
        ),
        ("This article is auto-generated from an agency feed.", True),
        ("This story was not edited by the site's editors.", True),
        (
            "The network said the speech was published from a syndicated feed and not edited by its staff.",
            False,
        ),
    ],
)
def test_a_syndicated_storys_note_is_chrome(config: Config, line: str, note: bool) -> None:
    assert (chrome_reason(line, config.cleaner) == "syndication-note") is note


PLAIN_LEDE = (
    "UNITED NATIONS -- The two presidents met for about an hour and a half on Monday, their first talks in"
    " months, and parted still divided over the war."
)


@pytest.mark.parametrize(
    ("credit", "wire"),
    [
        (
            "Information for this article was contributed by Ada Lenk and Piet Varg of The Associated Press.",
            "AP",
        ),
        ("Associated Press writers Ada Lenk in Moscow and Piet Varga contributed to this report.", "AP"),
        ("Agencies contributed to this report.", None),  # no writer, no one agency
        ("Information for this article was contributed by Ada Lenk of the Harbour Courier.", None),
    ],
)
def test_a_contributors_credit_naming_an_agencys_writers_gives_the_wire(
    config: Config, credit: str, wire: str | None
) -> None:
    page = "\n".join([HEAD, PLAIN_LEDE, SECOND, THIRD, credit])
    article = clean(page, config, url="https://www.harbourcourier.example/news/2015/sep/29/leaders-talk/")
    assert article.wire == wire
    assert "contributed" not in article.text


@pytest.mark.parametrize(
    ("opening", "found"),
    [
        ("HANGZHOU, China, Sept. 5 Kyodo - The leaders met.", ("HANGZHOU, China, Sept. 5", "Kyodo")),
        ("TARNBY, Sept 28 Harbour Wire — The leaders met.", ("TARNBY, Sept 28", "Harbour Wire")),
        ("HANGZHOU, China, Sept. 5 - The leaders met.", None),  # no credit: a place and a date
        ("HANGZHOU, Sept. 5 The leaders met - and parted.", None),  # no dash after a credit
    ],
)
def test_a_place_and_date_then_a_bare_agency_is_a_wire_dateline(
    opening: str, found: tuple[str, str] | None
) -> None:
    assert wire_dateline(opening) == found


def test_an_agencys_yearless_dateline_on_its_own_site_dates_and_credits_the_page(config: Config) -> None:
    lede = "HANGZHOU, China, Sept. 5 Kyodo - The two presidents met for about an hour on the sidelines."
    page = "\n".join(["Obama and Putin make no headway on truce", lede, SECOND, THIRD])
    article = clean(page, config, url="https://english.kyodonews.net/news/2016/09/a1b2-no-headway.html")
    assert article.date == "2016-09-05"  # the dateline's day, its year from the URL
    assert article.wire == "Kyodo News"  # the agency's own copy on its own site


def test_a_related_header_printed_again_still_heads_its_links(config: Config) -> None:
    page = "\n".join(
        [
            HEAD,
            PLAIN_LEDE,
            "Related coverage:",
            "Summit leaders pledge to resist protectionism",
            SECOND,
            "Related coverage:",
            "Ministers agree to meet again over island dispute",
            THIRD,
            "The president, who leaves office in January, heads next to Laos for a regional meeting.",
        ]
    )
    article = clean(page, config, url="https://www.harbourcourier.example/news/leaders-talk/")
    assert "island dispute" not in article.text
    assert "protectionism" not in article.text
    assert THIRD in article.text


def test_a_quoted_line_the_story_prints_unquoted_is_a_pull_quote(config: Config) -> None:
    said = "An official said Obama expressed regret for the death of the pilot and urged restraint."
    page = "\n".join(
        [HEAD, PLAIN_LEDE, said, '"Obama expressed regret for the death of the pilot"', SECOND, THIRD]
    )
    article = clean(page, config, url="https://www.harbourcourier.example/news/leaders-talk/")
    assert article.text.count("expressed regret") == 1


def test_a_quoted_phrase_heading_a_section_stays(config: Config) -> None:
    """A subheading quoting words the story quotes too ("'Gaps of trust'") is the section's heading."""
    quoted = 'He added that given the "gaps of trust" between the capitals, the talks were tough.'
    page = "\n".join([HEAD, PLAIN_LEDE, SECOND, "'Gaps of trust'", quoted, THIRD])
    article = clean(page, config, url="https://www.harbourcourier.example/news/leaders-talk/")
    assert "'Gaps of trust'" in article.text


def test_an_agency_credit_under_a_bulleted_summary_is_the_wire(config: Config) -> None:
    page = "\n".join(
        [
            "Leaders fail to seal a truce deal at the summit",
            "- The two presidents talked for about 90 minutes on Monday.",
            "- A lack of trust still blocks an agreement, one said.",
            "- The other hoped for a deal within days.",
            "Published: 14:20 September 5, 2016",
            "Reuters",
            "HANGZHOU: The two presidents failed on Monday to reach an agreement on a truce for the war.",
            SECOND,
            THIRD,
        ]
    )
    article = clean(page, config, url="https://www.gulfharbour.example/news/world/leaders-fail-1.1891")
    assert article.wire == "Reuters"


def _time_page(stamp: str, shown: str) -> lxml.html.HtmlElement:
    return lxml.html.fromstring(
        f'<html><body><div><time datetime="{stamp}">{shown}</time></div></body></html>'
    )


def test_a_zoned_time_stamp_of_the_same_instant_gives_its_local_day() -> None:
    tree = _time_page("2015-09-28T22:14:00-04:00", "Sep 28, 2015, 10:14 PM ET")
    stated = ("2015-09-29", "JSON-LD datePublished: 2015-09-29T02:14:00Z")
    assert shown_date(tree, stated)[0] == "2015-09-28"


@pytest.mark.parametrize(
    ("stamp", "shown"),
    [
        ("2015-09-27T22:14:00-04:00", "Sep 27, 2015, 10:14 PM ET"),  # another UTC day's instant
        ("2015-09-28T22:14:00", "Sep 28, 2015, 10:14 PM"),  # no zone: no instant to compare
        ("2015-09-28T22:14:00-04:00", "Sep 29, 2015"),  # prints a day other than its own
    ],
)
def test_other_time_stamps_leave_the_stated_day(stamp: str, shown: str) -> None:
    stated = ("2015-09-29", "JSON-LD datePublished: 2015-09-29T02:14:00Z")
    assert shown_date(_time_page(stamp, shown), stated) == stated


@pytest.mark.parametrize(
    ("line", "sign_off"),
    [("==Tarn Press", True), ("== Harbour Wire Service", True), ("--Reuters", True), ("==", False)],
)
def test_a_sign_off_after_equals_signs_is_a_credit(config: Config, line: str, sign_off: bool) -> None:
    assert (chrome_reason(line, config.cleaner) == "credits") is sign_off


def test_the_paragraph_over_the_sign_off_is_the_storys_not_a_teasers_summary(config: Config) -> None:
    last = "The president, who leaves office in January, heads next to Laos for a regional meeting."
    page = "\n".join(
        [
            HEAD,
            PLAIN_LEDE,
            SECOND,
            "Related coverage:",
            "Ministers agree to meet again over island dispute",
            last,
            "==Tarn Press",
            "Most Read",
            "Storm leaves thousands without power in the north",
        ]
    )
    assert clean(page, config, url="https://www.tarnpress.com/news/leaders-talk/").text.endswith(last)
