"""The cleaner's round-twenty rules (issue 9: the final held-out round's kinds, round 71's and blind
batch13's), on small pages written for these tests (no real page's text), and pages that only look like
them: a header clock long after the summit a page names is no date; a story's stamp split over two lines;
a social site's signed comment thread; a related list's summaries; a blog's tagline above its stamp and
title; a masthead's initials in the lede; an announcement stating the summit's dates; a series' summit
placed elsewhere."""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.cleaner.cues import caption_cues
from bot.config import Config
from bot.evaluation.pages_eval import FIELDS, evaluate_set
from tests.test_cleaner_rules import _clean as clean

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
SUMMIT = (
    "Presidents Barack Obama and Vladimir Putin met for ninety minutes on the sidelines of the G20 meeting"
    " in Hangzhou, aides said."
)
MORE = "Both delegations said their foreign ministers would meet again within days."


def _clocked(clock: str) -> str:
    return "\n".join([clock, "World", "Politics", "Leaders trade warnings over Syria", SUMMIT, MORE])


def test_a_header_clock_years_after_the_summit_is_no_date(config: Config) -> None:
    article = clean(_clocked("Friday, March 8, 2024"), config, url="https://www.ridgetimes.com/world/x")
    assert article.date is None
    assert article.event == "g20-2016"


def test_a_header_date_inside_the_window_stays_the_date(config: Config) -> None:
    article = clean(_clocked("Monday, September 5, 2016"), config, url="https://www.ridgetimes.com/world/x")
    assert article.date == "2016-09-05"
    assert article.event == "g20-2016"


def test_a_url_date_keeps_a_late_top_date_line_out_by_the_url_rule(config: Config) -> None:
    url = "https://www.ridgetimes.com/2016/09/05/leaders/"
    assert clean(_clocked("Friday, March 8, 2024"), config, url=url).date == "2016-09-05"


def test_a_stamp_split_over_two_lines_is_the_story_date(config: Config) -> None:
    lede = "Diplomats were arriving in New York for the General Assembly, with Syria expected to dominate."
    page = "\n".join(
        ["Sunday, October 1, 2023", "", "Envoys brace for a busy week", "September 21", "08:05 2015"]
    )
    article = clean(page + "\n\n" + lede + "\n\n" + MORE, config, url="https://www.post.ng/envoys")
    assert article.date == "2015-09-21"
    assert article.event == "unga-2015"


SIGNED = [
    "Tolliver Grange",
    "Tolliver Grange 2 years",
    "He said nothing about Ukraine that we had not heard before in the hall.",
    "quietharbour88 · 3 hours ago",
    "A coalition with Assad in it is not one most of Europe can join, and he knows it.",
]


def test_a_signed_comment_thread_is_chrome(config: Config) -> None:
    lede = "The Russian president used his General Assembly address to call for a broad coalition."
    article = clean("\n".join(["Putin's UN speech", "", lede, "", *SIGNED]), config)
    kept = " ".join(s.text for s in article.sentences)
    assert "coalition with Assad" not in kept and "Tolliver" not in kept
    assert "broad coalition" in kept


def test_lines_that_end_in_a_duration_are_no_signatures(config: Config) -> None:
    lines = [
        "The talks lasted 2 days",
        "Officials met for two more rounds, aides said.",
        "Visit lasted 3 days",
    ]
    article = clean("\n".join(["Leaders meet in New York", "", SUMMIT, "", *lines]), config)
    assert "two more rounds" in " ".join(s.text for s in article.sentences)


def test_a_related_list_item_summary_is_chrome(config: Config) -> None:
    page = "\n".join(
        [
            "Premier to fly to Hangzhou for the G20",
            "",
            SUMMIT,
            "",
            MORE,
            "",
            "MORE National STORIES",
            "",
            "Harbour bridge to close for repairs over the weekend",
            "",
            "Road crews will close both lanes of the harbour bridge from Saturday while joints are replaced.",
            "",
            "Council votes to keep the ferry r",
        ]
    )
    kept = " ".join(s.text for s in clean(page, config).sentences)
    assert "Road crews" not in kept
    assert "foreign ministers" in kept


BLOG = [
    "The Narrow Strait",
    "A blog about two capitals and the water between them.",
    "Home",
    "About",
    "MONDAY, SEPTEMBER 28, 2015",
    "Two speeches, one lunch, no deal",
    "by Hal Vasquez · 5 min read",
    "I watched both General Assembly speeches from a crowded café, and the contrast was sharp.",
    "Then came the lunch and ninety minutes behind closed doors, which produced little.",
]


def test_a_blog_tagline_above_the_stamp_and_title_is_header(config: Config) -> None:
    article = clean("\n".join(BLOG), config, url="https://narrowstraitblog.net/two-speeches/")
    assert article.title == "Two speeches, one lunch, no deal"
    assert "two capitals" not in " ".join(s.text for s in article.sentences)
    assert article.outlet == "The Narrow Strait"


def test_a_masthead_initials_in_the_lede_credit_no_wire(config: Config) -> None:
    lede = "HANGZHOU (HOG) – President Xi Jinping closed the G20 summit in Hangzhou on Monday."
    page = "\n".join(
        ["Harbourside Online Gazette", "Xi closes the G20 with a call to open markets", lede, MORE]
    )
    assert clean(page, config, url="https://www.harboursidegazette.com/x").wire is None
    other = page.replace("Harbourside Online Gazette", "Lakeview Daily Courier")
    assert clean(other, config, url="https://www.lakeviewcourier.com/x").wire == "HOG"


def test_an_announcement_stating_the_summit_dates_is_about_it(config: Config) -> None:
    lede = "ANTALYA - China will host next year's G20 summit in Hangzhou on Sept 4-5, 2016, Xi Jinping said."
    page = "\n".join(["Host city named for next year's G20", "", lede, "", MORE])
    url = "https://www.orientgazette.com/nation/2015-11/17/content_5531.html"
    assert clean(page, config, url=url).event == "g20-2016"
    undated_days = page.replace(" on Sept 4-5, 2016", "")
    assert clean(undated_days, config, url=url).event is None


def test_a_series_summit_placed_elsewhere_gets_no_event(config: Config) -> None:
    lede = "The leaders of the United States and China met at the G20 summit in Buenos Aires for dinner."
    page = "\n".join(["Leaders talk trade at the G20 summit in Buenos Aires", "", lede, "", MORE])
    assert clean(page, config).event is None
    at_home = page.replace("Buenos Aires", "Hangzhou")
    assert clean(at_home, config).event == "g20-2016"


@pytest.mark.parametrize(
    ("credit", "wire"),
    [("Australian Associated Press, 31 Aug, 2016", "AAP"), ("Associated Press, 31 Aug, 2016", "AP")],
)
def test_the_longest_agency_name_in_a_credit_is_the_wire(config: Config, credit: str, wire: str) -> None:
    page = "\n".join(["Premier to fly to Hangzhou for the G20", credit, SUMMIT, MORE])
    assert clean(page, config).wire == wire


@pytest.mark.parametrize("name", ["probes16", "batch13"])
def test_round_twenty_sets_pass_every_check(config: Config, name: str) -> None:
    result = evaluate_set(PAGES / name, config, [PAGES / "other_summit" / "event.yaml"])
    assert result["passed"] == result["pages"], result["misses"]
    for field in FIELDS:
        assert result["metadata"][field] == result["pages"], (field, result["misses"])


def test_a_caption_whose_bracketed_credit_has_a_comma_is_no_headline(config: Config) -> None:
    caption = (
        "Two presidents talk before the session in Hangzhou, Monday, Sept. 5, 2016."
        " (Jane Roe/Lakeview, Palace Pool Photo via AP)"
    )
    assert caption_cues(caption)[0] >= 1  # a strong cue: never a headline, kept as a caption
    assert caption_cues("Leaders meet in Hangzhou (Agency)")[0] == 0
    page = "\n".join(["World leaders wrap up the G-20 meeting", "", caption, "", SUMMIT, "", MORE])
    article = clean(page, config)
    assert article.title == "World leaders wrap up the G-20 meeting"


def test_another_outlets_domain_in_a_credit_row_is_the_source(config: Config) -> None:
    page = "\n".join(
        ["Six things to know about the summit", "(chinadaily.com.cn) Updated : 2016-09-03", SUMMIT, MORE]
    )
    url = "https://www.provinceportal.gov.cn/2016-09/03/c_1.htm"
    assert clean(page, config, url=url).wire == "China Daily"
    own = page.replace("chinadaily.com.cn", "provinceportal.gov.cn")
    assert clean(own, config, url=url).wire is None  # the site crediting itself
    assert clean(page, config).wire is None  # no URL: its own domain cannot be told apart
