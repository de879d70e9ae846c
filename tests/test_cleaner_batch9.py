"""The cleaner's ninth-batch round of general rules (issue 9, batch9's kinds), on small pages written for
these tests (no real page's text): stamps labelled "Write:" and CJK dates, a news card's credit and its
"read more at" source, an end tag with initials after a dash, a <title>'s section part, a disambiguated
table name, a newsstand's page of a paper, a logo named by the domain's initials, a desk byline, the
headline a URL slug spells, a site clock above the menu, a credit glued after the last sentence, a
heading repeating the title under a record, a forum topic with a link preview and a topic map, and a
PDF document's footnotes, notice, section headings and wrapped title."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.cleaner.cardstamp import is_card_credit
from bot.cleaner.dates import find_date, is_date_only
from bot.cleaner.lines import ends_sentence
from bot.cleaner.outlets import outlet_table
from bot.cleaner.patterns import chrome_reason
from bot.cleaner.titlesection import without_section
from bot.config import Config
from tests.test_cleaner_kinds import HEADLINE
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean


@pytest.mark.parametrize(
    ("text", "day"),
    [("2015年9月28日 08:10", dt.date(2015, 9, 28)), ("发布于 2016年 9月 5日", dt.date(2016, 9, 5))],
)
def test_a_cjk_date_is_read(text: str, day: dt.date) -> None:
    found = find_date(text)
    assert found is not None and found.date == day


@pytest.mark.parametrize(
    ("text", "only"),
    [
        ("Write: 2015-09-29 08:00:11 / Update: 2015-09-29 09:30:00", True),
        ("Written 29 Sep 2015 | Updated 30 Sep 2015", True),
        ("2016年9月5日 23:16", True),
        ("Write to us at 2015-09-29 about the summit", False),
    ],
)
def test_stamps_labelled_write_and_update_are_date_lines(text: str, only: bool) -> None:
    assert is_date_only(text) is only


def _stamped(stamp: str) -> str:
    return "\n".join(["Harbour Radio World", "Home", "News", HEADLINE, stamp, "Print", LEDE, SECOND])


def test_a_write_stamp_dates_the_page_and_its_update_stays_apart(config: Config) -> None:
    article = clean(_stamped("Write: 2015-09-28 17:20:11 / Update: 2015-09-29 08:02:33"), config)
    assert (article.date, article.updated) == ("2015-09-28", "2015-09-29")


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("short by Jane Roe / 10:58 pm on 16 Jul 2018,Monday", True),
        ("posted by Tom Poe | 08:15 am on 29 Sep 2015, Tuesday", True),
        ("short by Jane Roe / yesterday", False),
        ("by the river / 2016 was a year of floods", False),
    ],
)
def test_a_news_cards_credit_is_a_byline(text: str, credit: bool) -> None:
    assert is_card_credit(text) is credit


def _card(source: str) -> str:
    return "\n".join(
        [
            "Briefly",
            "Stay informed in a minute",
            "Top Stories",
            "World",
            HEADLINE,
            "short by Jane Roe / 09:41 pm on 28 Sep 2015,Monday",
            LEDE + " " + SECOND,
            source,
            "Tap to read more",
        ]
    )


def test_a_news_card_is_dated_by_its_credit_and_sourced_by_its_read_more_link(config: Config) -> None:
    article = clean(_card("read more at The Guardian"), config, url="https://briefly.example/en/news/x")
    assert (article.title, article.date, article.wire) == (HEADLINE, "2015-09-28", "The Guardian")


def test_a_read_more_link_to_the_pages_own_site_credits_nobody(config: Config) -> None:
    article = clean(_card("read more at The Guardian"), config, url="https://www.theguardian.com/world/x")
    assert article.wire is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Harbour TV / AFP - rt-KL", "credits"),
        ("teleVISTA / EFE - ja-MH", "credits"),
        ("Obama / Putin - face-off", None),
        ("¹ Statement by the Press Secretary, 28 September 2015.", "footnote"),
    ],
)
def test_end_tags_footnotes_and_notices_are_chrome(config: Config, line: str, reason: str | None) -> None:
    assert chrome_reason(line, config.cleaner) == reason


def test_an_end_tag_with_initials_after_a_dash_names_the_agency(config: Config) -> None:
    page = "\n".join([HEADLINE, LEDE, SECOND, "Harbour TV / AFP - rt-KL", "Related"])
    article = clean(page, config, url="https://harbourtv.example/news/x")
    assert article.wire == "AFP"
    assert "rt-KL" not in article.text


@pytest.mark.parametrize(
    ("title", "url", "expected"),
    [
        (f"{HEADLINE} | News", "https://site.example/news/leaders-agree-20150929.html", HEADLINE),
        (f"{HEADLINE} | World", "https://site.example/world/2015/x.html", HEADLINE),
        (f"{HEADLINE} | Analysis", "https://site.example/news/x.html", f"{HEADLINE} | Analysis"),
    ],
)
def test_a_titles_section_part_goes_when_the_url_has_its_folder(title: str, url: str, expected: str) -> None:
    assert without_section(title, url) == expected


def test_a_disambiguated_table_name_answers_to_its_bare_name_on_its_own_domain(config: Config) -> None:
    table = outlet_table(config)
    assert table.canonical("The Star", "https://www.thestar.com.my/news/x") == "The Star (Malaysia)"
    assert table.canonical("The Star", "https://www.example.com/x") == "The Star"


def _newsstand() -> str:
    return "\n".join(
        [
            "PressReader",
            "Catalog",
            "Sign in",
            "Harbour Gazette",
            HEADLINE,
            "Harbour Gazette · 29 Sep 2015 · A12",
            LEDE,
            SECOND,
            "This article was printed in",
            "Copyright © 2015 Harbour Gazette. All rights reserved.",
            "Powered by PressReader",
        ]
    )


def test_a_newsstands_page_is_cited_by_the_paper_it_names(config: Config) -> None:
    url = "https://www.pressreader.com/harbour/harbour-gazette/20150929/281603830012417"
    assert clean(_newsstand(), config, url=url).outlet == "Harbour Gazette"


def test_an_app_platforms_page_is_cited_by_the_known_account_it_names(config: Config) -> None:
    page = "\n".join([HEADLINE, "原创", "China Daily 中国日报", "2015年9月29日 08:16", LEDE, SECOND])
    article = clean(page, config, url="https://mp.weixin.qq.com/s/AbCdEf123")
    assert (article.outlet, article.date) == ("China Daily", "2015-09-29")


def _ticker_page(logo: str, byline: str) -> str:
    return "\n".join(
        [
            logo,
            "Home",
            "World",
            "Sports",
            "Breaking",
            "Mayor opens the new harbour bridge to traffic",
            "World",
            HEADLINE,
            byline,
            "29 Sep, 2015 | 08:12 AM PST",
            LEDE,
            SECOND,
        ]
    )


def test_the_line_the_url_slug_spells_is_the_headline_and_a_logo_may_spell_the_domains_initials(
    config: Config,
) -> None:
    url = "https://www.hvn.com.pk/world/leaders-agree-to-keep-talking-about-the-air-war-58213"
    article = clean(_ticker_page("Harbour Valley News logo", "Web Desk"), config, url=url)
    assert (article.title, article.outlet) == (HEADLINE, "Harbour Valley News")


def test_a_slug_of_other_words_leaves_the_headline_alone(config: Config) -> None:
    url = "https://www.hvn.com.pk/world/mayor-opens-the-new-harbour-bridge-to-traffic-58213"
    article = clean(_ticker_page("Harbour Valley News logo", "Web Desk"), config, url=url)
    assert article.title == "Mayor opens the new harbour bridge to traffic"


def test_a_clock_above_the_menu_yields_to_the_stamp_over_the_headline(config: Config) -> None:
    page = "\n".join(
        [
            "Subscribe",
            "Wednesday, 30 Sep 2015",
            "News",
            "Business",
            "Sport",
            "Metro",
            "World",
            "Tuesday, 29 Sep 2015 | 12:34 AM MYT",
            HEADLINE,
            LEDE,
            SECOND + " - Reuters",
        ]
    )
    article = clean(page, config)
    assert (article.date, article.wire) == ("2015-09-29", "Reuters")
    assert SECOND in article.text


@pytest.mark.parametrize(
    ("text", "ends"),
    [("the Kremlin said. - Reuters", True), ("he said. —AP", True), ("Obama - Putin", False)],
)
def test_a_credit_glued_after_the_last_sentence_keeps_it_prose(text: str, ends: bool) -> None:
    assert ends_sentence(text) is ends


def test_a_heading_repeating_the_titles_words_under_a_record_is_a_subheading(config: Config) -> None:
    title = "Mayor hosts guests as " + HEADLINE.lower()
    page = "\n".join(
        [title, "Original", "Harbour Daily", "2015-09-29 08:16", HEADLINE, "By Jane Roe in Harbour", LEDE]
    )
    article = clean(page, config)
    assert article.title == title
    assert HEADLINE in article.text


def _topic(excerpt: str) -> str:
    return "\n".join(
        [
            f"{HEADLINE} - World - Harbour Community",
            "Harbour Community",
            HEADLINE,
            "World",
            "gull_77",
            "Sep 2015",
            "Pasting this for the people without a login. Be civil below, please.",
            "apnews.example",
            "Leaders meet for an hour in New York and agree to keep talking",
            excerpt,
            LEDE,
            SECOND,
            "12 Likes",
            "tern_4",
            "Sep 2015",
            "An hour is long for these two. I wonder what the readouts will say tomorrow.",
            "3 Likes",
            "created",
            "Sep 29 '15",
            "last reply",
            "Oct 1 '15",
            "Suggested Topics",
        ]
    )


def test_a_forum_topic_keeps_the_pasted_story_only_and_is_dated_by_its_topic_map(config: Config) -> None:
    article = clean(_topic("The two leaders met for an hour on the sidelines of the..."), config)
    assert article.text.split("\n\n") == [LEDE, SECOND]
    assert article.date == "2015-09-29"


def test_a_forum_topic_without_a_cut_excerpt_has_no_link_preview(config: Config) -> None:
    article = clean(_topic("The two leaders met for an hour on the sidelines in New York."), config)
    assert "Pasting this" in article.text  # no preview: the remark is the poster's text


def _document() -> str:
    return "\n".join(
        [
            "HARBOUR LIBRARY",
            "BRIEFING NOTE",
            "Number 2015/7                                              30 September 2015",
            "The leaders of two powers at the General",
            "Assembly: what was said and what was not",
            "Contents",
            "1 Purpose ..................................................... 1",
            "2 The meeting ................................................. 1",
            "1 Purpose",
            "This note sums up what was reported about the meeting of the two",
            "presidents at the General Assembly in New York on 28 September.",
            "2 The meeting",
            "The two presidents met for about an hour after both had addressed",
            "the General Assembly that morning, and agreed to keep talking.¹",
            "¹ Statement by the press office, 28 September 2015.",
            "This note was prepared for members. It is not a statement of",
            "policy. © South Harbour Library 2015",
        ]
    )


def test_a_pdf_documents_title_headings_footnotes_and_notice(config: Config) -> None:
    article = clean(_document(), config)
    title = "The leaders of two powers at the General Assembly: what was said and what was not"
    assert article.title == title
    assert article.text.startswith("1 Purpose")
    assert "Statement by the press office" not in article.text
    assert "prepared for members" not in article.text
    assert article.outlet == "South Harbour Library"


def test_like_counters_over_the_story_are_no_forum_thread(config: Config) -> None:
    page = "\n".join(["Harbour Social", "gull_77", "Sep 2015", "12 Likes", HEADLINE, LEDE, SECOND, "3 Likes"])
    article = clean(page, config)
    assert LEDE in article.text and SECOND in article.text


def test_a_hosts_own_copyright_does_not_name_the_paper_on_its_page(config: Config) -> None:
    page = _newsstand().replace("This article was printed in", "© 2015 PressReader.com")
    url = "https://www.pressreader.com/harbour/harbour-gazette/20150929/281603830012417"
    assert clean(page, config, url=url).outlet == "Harbour Gazette"
