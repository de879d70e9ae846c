"""The cleaner's fourteenth round of general rules (issue 9), on small pages written for these tests (no real
page's text): a repost's source credited by a known outlet in the lede's dateline brackets or on a credit
line; a story citing several outlets names no wire; readers' comment lists and more chrome kinds; a
breadcrumb glued over a title printed twice; a station's site on its network's host."""

from __future__ import annotations

import pytest

from bot.config import Config
from tests.test_cleaner_kinds import HEADLINE
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean

ELSEWHERE = "https://www.harbourclassifieds.com/politics/leaders-talk/"


def test_a_known_outlets_dateline_credit_on_another_site_names_the_wire(config: Config) -> None:
    lede = "New York (Fox News)The two leaders met for an hour on Monday, officials said."
    page = f"{HEADLINE}\n\n{lede}\n\n{SECOND}\n"
    assert clean(page, config, url=ELSEWHERE).wire == "Fox News"


def test_the_same_credit_on_the_outlets_own_site_names_none(config: Config) -> None:
    lede = "New York (Fox News) -- The two leaders met for an hour on Monday, officials said."
    page = f"{HEADLINE}\n\n{lede}\n\n{SECOND}\n"
    article = clean(page, config, url="https://www.foxnews.com/politics/leaders-talk")
    assert article.outlet == "Fox News" and article.wire is None


@pytest.mark.parametrize(
    ("line", "wire"),
    [
        ("Source: Ninety Minutes and No Truce – The Guardian", "The Guardian"),
        ("Source The Hindu", "The Hindu"),
        ("[Al Jazeera]", "Al Jazeera"),
    ],
)
def test_a_credit_line_after_the_story_naming_a_known_outlet_is_the_wire(
    config: Config, line: str, wire: str
) -> None:
    article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{line}\n", config, url=ELSEWHERE)
    assert article.wire == wire and line not in article.text


def test_an_unknown_name_in_brackets_is_no_wire(config: Config) -> None:
    article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n[Harbour Notes]\n", config, url=ELSEWHERE)
    assert article.wire is None


def test_a_from_credit_under_the_headline_names_the_wire(config: Config) -> None:
    page = f"{HEADLINE}\n\nFrom Al Jazeera\n\n{LEDE}\n\n{SECOND}\n"
    assert clean(page, config, url=ELSEWHERE).wire == "Al Jazeera"


def test_a_story_citing_two_outlets_as_reporting_names_no_wire(config: Config) -> None:
    one = "The leaders met for an hour on the sidelines of the summit, The Guardian reported."
    two = "They did not agree on a truce for Syria, the Washington Post reported."
    assert clean(f"{HEADLINE}\n\n{one}\n\n{two}\n", config, url=ELSEWHERE).wire is None
    assert clean(f"{HEADLINE}\n\n{one}\n\n{SECOND}\n", config, url=ELSEWHERE).wire == "The Guardian"


def test_a_blogs_indented_comment_list_after_the_post_is_chrome(config: Config) -> None:
    comment = "Good post, but the summit was never going to settle a war that both capitals see as a test."
    reply = "The ministers will meet again next week and the same arguments will be made all over again."
    page = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n\n  1. {comment}\n\n    {reply}\n"
    article = clean(page, config)
    assert SECOND in article.text and comment not in article.text and reply not in article.text


def test_a_numbered_list_at_the_storys_margin_is_kept(config: Config) -> None:
    item = "1. The defence ministers will keep talking about the air war over Syria every week."
    article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{item}\n\n{SECOND}\n", config)
    assert item in article.text


@pytest.mark.parametrize(
    "line",
    [
        "Press {{ keys }} + D to bookmark this page.",
        "Watch live as the leaders address the General Assembly.",
        "See photos from the General Assembly:",
        "Begin typing your search above and press return to search.",
    ],
)
def test_more_chrome_kinds_are_chrome(config: Config, line: str) -> None:
    article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{line}\n\n{SECOND}\n", config)
    assert line not in article.text and SECOND in article.text


def test_a_blog_posts_footer_ends_the_post(config: Config) -> None:
    footer = "This entry was posted in World by Peace Watch. Bookmark the permalink."
    article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{footer}\n", config)
    assert SECOND in article.text and footer not in article.text


def test_a_watch_live_kicker_on_a_headline_is_no_pointer(config: Config) -> None:
    title = "WATCH LIVE: Leaders meet on the sidelines of the assembly"
    assert clean(f"{title}\n\n{LEDE}\n\n{SECOND}\n", config).title == title


def test_a_before_you_go_lead_in_and_the_title_under_it_are_chrome(config: Config) -> None:
    teaser = "Pope Addresses The General Assembly"
    page = f"{HEADLINE}\n\nBefore you go, we thought you'd like these...\n{teaser}\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config)
    assert article.title == HEADLINE and teaser not in article.text


def test_a_breadcrumb_glued_over_a_title_printed_twice_gives_the_title(config: Config) -> None:
    page = f"Home WORLD {HEADLINE}\n\n{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n"
    assert clean(page, config).title == HEADLINE


def test_icon_ligature_names_mark_a_breadcrumb_and_a_stamp(config: Config) -> None:
    search = "Begin typing your search above and press return to search."
    crumb = "Homechevron_rightWorldchevron_rightLeaders agree..."
    sidebar = "Ministers agree on steel at last\naccess_time 2022-03-01T10:15:00+05:30"
    page = f"{search}\n{sidebar}\n{crumb}\n\n{HEADLINE}\n\n{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config)
    assert article.title == HEADLINE and article.text.startswith(LEDE)


@pytest.mark.parametrize(
    ("host", "outlet"),
    [("kxyz1290.iheart.com", "KXYZ 1290"), ("talk1370.radio.com", "Talk 1370")],
)
def test_a_stations_site_on_its_networks_host_is_the_station(config: Config, host: str, outlet: str) -> None:
    article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n", config, url=f"https://{host}/content/leaders/")
    assert article.outlet == outlet


def test_a_networks_own_section_is_no_station(config: Config) -> None:
    article = clean(
        f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n", config, url="https://news.iheart.com/content/leaders/"
    )
    assert article.outlet != "NEWS"


CUT = "The two delegations then moved to a smaller room where the ministers of defence were wait"


def test_a_cut_last_paragraph_is_kept_over_a_closing_source_line(config: Config) -> None:
    article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{CUT}\n\nSource: NNA\n", config)
    assert CUT in article.text and "NNA" not in article.text


def test_a_cut_last_paragraph_is_kept_under_a_dashed_crosshead(config: Config) -> None:
    crosshead = "– Talks go on –"
    article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{crosshead}\n\n{CUT}\n", config)
    assert crosshead in article.text and CUT in article.text


def test_a_remark_under_a_source_line_is_kept_when_as_much_prose_came_before(config: Config) -> None:
    remark = "I sense that readers on both sides will find something to agree with in this analysis."
    page = f"{HEADLINE}\n\n{LEDE}\n\nSource: Leaders Meet Again – The Guardian\n\n{remark}\n"
    article = clean(page, config, url=ELSEWHERE)
    assert remark in article.text and article.wire == "The Guardian"


def test_a_page_of_named_comments_under_a_comment_count_is_chrome(config: Config) -> None:
    comments = (
        "Dana Roe (Oslo)\nThe two presidents will never agree on this war, whatever the aides say.\n"
        "harbourfan (USA)\nAt least they talked for an hour and a half, which is more than last year."
    )
    page = f"{HEADLINE}\n\nSep 29, 2015 · 212 comments\n{comments}\n"
    article = clean(page, config)
    assert "whatever the aides say" not in article.text and "which is more" not in article.text


def test_a_named_line_without_a_comment_count_is_kept(config: Config) -> None:
    page = f"{HEADLINE}\n\n{LEDE}\n\nDana Roe (Oslo)\n{SECOND}\n"
    assert SECOND in clean(page, config).text


def test_an_agency_closing_the_ledes_first_sentence_names_the_wire(config: Config) -> None:
    lede = LEDE.replace("officials from both governments said.", "according to Reuters.")
    assert clean(f"{HEADLINE}\n\n{lede}\n\n{SECOND}\n", config, url=ELSEWHERE).wire == "Reuters"
    paper = LEDE.replace("officials from both governments said.", "according to The Guardian.")
    assert clean(f"{HEADLINE}\n\n{paper}\n\n{SECOND}\n", config, url=ELSEWHERE).wire is None


def test_a_live_pages_header_over_its_view_all_link_is_chrome(config: Config) -> None:
    header = (
        "Live updates: The latest from the summit\n\n"
        "The prime minister was promised support on trade as she met a counterpart at the summit.\n\n"
        "Key developments so far:\n\n"
        "  • The leaders met for an hour on the sidelines\n  • Their ministers will meet again next week\n"
        "View all 12 updates ›"
    )
    article = clean(f"{header}\n\n{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n", config)
    assert article.title == HEADLINE and "Key developments" not in article.text
    assert "promised support" not in article.text and article.text.startswith(LEDE)
