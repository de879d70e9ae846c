"""The cleaner's round-forty-five rules (issue 9: which printed name a reader cites for the outlet), on small
lines and pages written for these tests (no real page's text), and lines that only look like them.
"""

from __future__ import annotations

import pytest

from bot.cleaner.lines import Line
from bot.cleaner.outlets import outlet_table
from bot.cleaner.ownscript import own_script_name
from bot.cleaner.page import Decision
from bot.cleaner.pagelines import PageLines
from bot.cleaner.selfcredit import dateline_credit_name, lede_credit_name
from bot.cleaner.stationbrand import station_brand
from bot.config import Config
from tests.cleaner_body import LEDE, SECOND, THIRD
from tests.test_cleaner_rules import _clean as clean


# -- the site's own credit: its name glued to the lede by a colon, or a dateline line "Name, day month."
@pytest.mark.parametrize(
    ("lede", "name"),
    [
        ("Quillpost:President Putin said on Monday that talks would go on.", "Quillpost"),
        ("Quillpost: President Putin said on Monday that talks would go on.", "Quillpost"),
        ("Quill.Net - President Putin said on Monday that talks would go on.", "Quill.Net"),
        ("President Putin said on Monday, after the talks, that they would go on.", None),
    ],
)
def test_the_name_opening_a_lede(lede: str, name: str | None) -> None:
    assert lede_credit_name(lede) == name


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Quillpost, 29 September.", "Quillpost"),
        ("Quill Media, September 29, 2015", "Quill Media"),
        ("Geneva, Switzerland", None),
        ("Quillpost, the paper of the valley", None),
    ],
)
def test_a_dateline_line_of_a_name_and_a_date(text: str, name: str | None) -> None:
    assert dateline_credit_name(text) == name


def test_a_name_glued_to_the_lede_by_a_colon_is_the_site(config: Config) -> None:
    page = "\n\n".join([f"Quillpost:{LEDE}", SECOND, THIRD])
    article = clean(page, config, url="https://www.quillpost.com/world/12345-leaders-talk")
    assert article.outlet == "Quillpost"


def test_a_place_glued_to_the_lede_by_a_colon_is_no_site(config: Config) -> None:
    page = "\n\n".join([f"GENEVA:{LEDE}", SECOND, THIRD])
    article = clean(page, config, url="https://www.quillpost.com/world/12345-leaders-talk")
    assert article.outlet != "GENEVA"


def test_a_dateline_line_in_the_sites_own_script_names_it(config: Config) -> None:
    page = "\n\n".join(
        [
            "Новости",
            "Встреча президентов прошла в спокойной обстановке",
            "29 сентября 2015 11:22",
            "Волгамедиа, 29 сентября.",
            "Президенты двух стран говорили почти два часа, сообщили помощники после переговоров.",
            "Следующая встреча министров назначена на будущую неделю, добавили в делегациях.",
        ]
    )
    article = clean(page, config, url="https://www.volgamedia.ru/news/politics/item/4321/")
    assert article.outlet == "Волгамедиа"


def test_a_place_and_a_date_on_a_dateline_line_is_no_site(config: Config) -> None:
    page = "\n\n".join(["Leaders part with no deal", "Geneva, 29 September.", LEDE, SECOND])
    article = clean(page, config, url="https://www.quillmedia.com/news/item/4321/")
    assert article.outlet != "Geneva"


# -- a station's brand and channel as its page prints them, against the table's name with its market
def _page(config: Config, texts: list[str]) -> PageLines:
    lines = [Line(number=n + 1, raw=text, text=text) for n, text in enumerate(texts)]
    return PageLines(lines, [], "\n".join(texts), None, outlet_table(config), config.cleaner)


def test_the_brand_and_channel_printed_alone_is_the_station(config: Config) -> None:
    page = _page(config, ["Can't get KQZV 9 on your set? Read this:", "Leaders part with no deal", LEDE])
    found = station_brand(page, "KQZV 9 Harbour Valley")
    assert found is not None
    assert found.value == "KQZV 9"


@pytest.mark.parametrize(
    ("texts", "known"),
    [
        # the table's whole name is printed: it stays
        (["KQZV 9 Harbour Valley", "Watch KQZV 9 tonight", LEDE], "KQZV 9 Harbour Valley"),
        # the brand is printed only before the market's words
        (["KQZV 9 Harbour weather", LEDE], "KQZV 9 Harbour Valley"),
        # no channel's number before more words
        (["Watch KQZV tonight", LEDE], "KQZV Harbour Valley"),
        (["Watch KQZV 9 tonight", LEDE], "KQZV 9"),
        # the brand not printed at all
        (["Leaders part with no deal", LEDE], "KQZV 9 Harbour Valley"),
    ],
)
def test_no_station_brand_otherwise(config: Config, texts: list[str], known: str) -> None:
    assert station_brand(_page(config, texts), known) is None


# -- a site's name in its own script, ending its title bar and printed again in its chrome
def _decided(config: Config, rows: list[tuple[str, str]]) -> PageLines:
    lines = [Line(number=n + 1, raw=text, text=text) for n, (text, _) in enumerate(rows)]
    decisions = [Decision(kind) for _, kind in rows]
    texts = [text for text, _ in rows]
    return PageLines(lines, decisions, "\n".join(texts), None, outlet_table(config), config.cleaner)


STORY = "两国元首在纽约会晤，双方同意继续保持沟通。"


def test_a_title_bars_name_in_its_own_script_printed_again_in_chrome(config: Config) -> None:
    page = _decided(
        config,
        [
            ("会晤结束--国际--河川网", "drop"),
            ("河川网 >> 国际", "drop"),
            (STORY, "body"),
            ("河川网版权所有", "drop"),
        ],
    )
    found = own_script_name(page, "River Net")
    assert found is not None
    assert found.value == "河川网"


@pytest.mark.parametrize(
    ("rows", "known"),
    [
        # printed again only in the story: a place or a word ending the headline, no site's name
        ([("会晤结束--纽约", "drop"), ("两国元首在纽约会晤。", "body")], "River Net"),
        # the title bar's name is in Latin letters: the table's name stands
        ([("会晤结束--River Net", "drop"), ("River Net >> 国际", "drop"), (STORY, "body")], "River Net"),
        # the table's own name is not in Latin letters
        ([("会晤结束--河川网", "drop"), ("河川网 >> 国际", "drop"), (STORY, "body")], "河川新闻"),
        # no separator in the first line: no title bar
        ([("河川网", "drop"), ("河川网 >> 国际", "drop"), (STORY, "body")], "River Net"),
    ],
)
def test_no_own_script_name_otherwise(config: Config, rows: list[tuple[str, str]], known: str) -> None:
    assert own_script_name(_decided(config, rows), known) is None
