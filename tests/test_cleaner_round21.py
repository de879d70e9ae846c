"""The cleaner's round-twenty-one rules (issue 9: blind batch14's misses, by kind), on small pages written
for these tests (no real page's text), and pages that only look like them: a contents box listing the
headings printed below it; a star-rating widget; a feed's "appeared first on" footer; an audio clip's
download row; a newsgroup archive's later messages; a later page that only looks back to a summit; an
agency's sign-off after a dash; a "Source:" credit with an editor's initials; a "PLACE, AGENCY- "
dateline; a date under a weekday in another language and a local zone; a first publication by its clock
alone."""

from __future__ import annotations

import pytest

from bot.cleaner.cues import wire_dateline
from bot.cleaner.dates import is_date_only
from bot.cleaner.patterns import chrome_reason
from bot.config import Config
from tests.test_cleaner_rules import _clean as clean

SUMMIT = (
    "Presidents Barack Obama and Vladimir Putin met for ninety minutes on the sidelines of the G20 meeting"
    " in Hangzhou on Monday, aides said."
)
MORE = "Both delegations said their foreign ministers would meet again within days."
THIRD = "Neither side offered details of what a ceasefire in Syria would look like in practice."


def _kept(article: object) -> str:
    return " ".join(s.text for s in article.sentences)  # type: ignore[attr-defined]


def _guide(label: str, entries: list[str]) -> str:
    return "\n".join(
        [
            "Obama and Putin in Hangzhou: the questions answered",
            "September 6, 2016",
            SUMMIT,
            label,
            "Toggle",
            *entries,
            "Who was in the room?",
            MORE,
            "What comes next?",
            THIRD,
        ]
    )


def test_a_contents_box_over_the_headings_it_lists_is_chrome(config: Config) -> None:
    page = _guide("Table of Contents", ["1. Who was in the room?", "2. What comes next?"])
    article = clean(page, config, url="https://www.explainerhub.com/g20-questions/")
    kept = _kept(article)
    assert "1. Who was in the room?" not in kept
    assert "Toggle" not in kept
    assert "Table of Contents" not in kept
    assert "Who was in the room?" in kept  # the heading in the body stays
    assert "What comes next?" in kept
    assert MORE in kept and THIRD in kept


def test_a_list_under_a_contents_label_that_the_page_never_repeats_stays(config: Config) -> None:
    page = _guide("Contents", ["1. Trade rules were on the agenda too", "2. Climate pledges were signed"])
    kept = _kept(clean(page, config, url="https://www.explainerhub.com/g20-questions/"))
    assert "Trade rules were on the agenda too" in kept or "Climate pledges were signed" in kept


def test_a_star_rating_widget_and_a_feed_footer_are_chrome(config: Config) -> None:
    settings = config.cleaner
    assert chrome_reason("Rate this post", settings) == "rating-widget"
    assert chrome_reason("Click on a star to rate it!", settings) == "rating-widget"
    footer = "The post Leaders trade warnings over Syria appeared first on Daily Ridge News."
    assert chrome_reason(footer, settings) == "feed-footer"
    assert chrome_reason("The post office in Hangzhou opened early on Monday, aides said.", settings) is None
    assert chrome_reason("Download: Ogg MP3", settings) == "media-player"
    assert chrome_reason("Download the full communique from the summit site", settings) is None


def _thread(reply_marker: str) -> str:
    return "\n".join(
        [
            "alt.news.world",
            "Obama and Putin talk in Hangzhou",
            "Dana Whitlow",
            "unread,",
            "Sep 5, 2016, 6:02:11 AM",
            "to",
            SUMMIT,
            MORE,
            "Kit Ambrose",
            reply_marker,
            "Sep 5, 2016, 9:40:03 AM",
            "to",
            "> Both delegations said",
            "Ninety minutes and nothing to show for it, as usual in my view.",
        ]
    )


def test_a_newsgroup_archives_later_message_is_chrome(config: Config) -> None:
    article = clean(_thread("unread,"), config)
    kept = _kept(article)
    assert SUMMIT in kept and MORE in kept
    assert "nothing to show for it" not in kept
    assert "Kit Ambrose" not in kept


def test_a_line_that_only_looks_like_a_read_marker_keeps_the_text_under_it(config: Config) -> None:
    kept = _kept(clean(_thread("Read on for the full story,"), config))
    assert "nothing to show for it" in kept


def _look_back(headline: str) -> str:
    return "\n".join(
        [
            headline,
            "November 21, 2016",
            "Presidents Barack Obama and Vladimir Putin spoke for four minutes before a session in Lima,"
            " officials said.",
            "The two last held long talks at the G20 summit in Hangzhou, China, in September.",
            MORE,
        ]
    )


def test_a_later_page_on_another_meeting_that_looks_back_gets_no_event(config: Config) -> None:
    assert clean(_look_back("Leaders speak briefly in Lima"), config).event is None


def test_a_later_page_whose_headline_names_the_summit_keeps_its_event(config: Config) -> None:
    assert clean(_look_back("What the Hangzhou G20 left undone"), config).event == "g20-2016"


def _story(last: str, *, credit: str = "") -> str:
    lines = ["Leaders trade warnings over Syria", "September 5, 2016", SUMMIT, MORE, last]
    return "\n".join([*lines, credit] if credit else lines)


@pytest.mark.parametrize("last", [f"{THIRD[:-1]}. — AFP", f"{THIRD[:-1]}. - AFP."])
def test_an_agency_sign_off_after_a_dash_names_the_wire(config: Config, last: str) -> None:
    article = clean(_story(last), config, url="https://www.ridgeherald.co.zw/leaders/")
    assert article.wire == "AFP"
    assert THIRD in _kept(article)


def test_a_dash_inside_a_paragraph_before_capitals_is_no_sign_off(config: Config) -> None:
    last = "Aides said the talks would resume soon - NATO was not consulted."
    assert clean(_story(last), config, url="https://www.ridgeherald.co.zw/leaders/").wire is None


def test_a_source_line_with_an_editors_initials_names_the_wire(config: Config) -> None:
    article = clean(_story(THIRD, credit="Source: Reuters/kt"), config, url="https://www.asiaview.tv/x")
    assert article.wire == "Reuters"


@pytest.mark.parametrize(
    ("lede", "expected"),
    [
        ("New Delhi, PTI- The two leaders met for an hour.", ("New Delhi", "PTI")),
        ("Izmir, MINA – The two leaders met for an hour.", ("Izmir", "MINA")),
        ("Obama, US - The two leaders met for an hour.", None),
        ("Obama, Putin- era diplomacy is over, aides said.", None),
    ],
)
def test_a_place_and_an_agency_with_a_glued_dash_open_a_wire_dateline(
    lede: str, expected: tuple[str, str] | None
) -> None:
    assert wire_dateline(lede) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Senin, 5 September 2016 22:18 WIB", True),
        ("Lundi, 5 septembre 2016", False),  # a month not in English is not read here
        ("Monday, 5 September 2016 22:18 BJT", True),
        ("Obama met Putin, 5 September 2016", False),
        ("Xinhua, September 6, 2016", False),  # an agency's credit and date, no stamp
        ("Reuters, 6 September 2016", False),
        ("5 September 2016 Hangzhou talks", False),
    ],
)
def test_a_local_weekday_and_zone_around_a_date_leave_a_date_line(text: str, expected: bool) -> None:
    assert is_date_only(text) is expected


def test_a_date_under_a_local_weekday_is_the_story_date(config: Config) -> None:
    page = "\n".join(["Leaders trade warnings over Syria", "Senin, 5 September 2016 22:18 WIB", SUMMIT, MORE])
    assert clean(page, config, url="https://www.kabarnews.id/en/leaders").date == "2016-09-05"


def _updated_page(stamp: str) -> str:
    return "\n".join(["Leaders trade warnings over Syria", "By Staff Reporters", stamp, SUMMIT, MORE])


def test_a_first_publication_by_its_clock_alone_is_on_the_updates_day(config: Config) -> None:
    article = clean(_updated_page("Updated September 6 2016 - 9:30am, first published 8:00am"), config)
    assert article.date == "2016-09-06"
    assert article.updated == "2016-09-06"


def test_an_update_stamp_alone_gives_no_publication_date(config: Config) -> None:
    assert clean(_updated_page("Updated September 6 2016 - 9:30am"), config).date is None
