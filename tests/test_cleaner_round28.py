"""The cleaner's round-twenty-eight rules (issue 9: the kinds probe26's real pages missed), on small pages
written for these tests (no real page's text), and pages that only look like them."""

from __future__ import annotations

import pytest

from bot.cleaner.labelname import label_name
from bot.cleaner.owncreditname import spells_own_site
from bot.config import Config
from tests.test_cleaner_rules import _clean as clean

URL = "https://www.lagooncourier.com/world/leaders-talk-on-the-margins/"
HEAD = "Leaders talk on the margins of the summit"
MEETING = "President Barack Obama met President Vladimir Putin for ninety minutes at the {where} on Monday."
MINISTERS = "The talks followed a meeting of John Kerry and Sergei Lavrov that ended without a deal."
NO_MINISTERS = "The talks followed a meeting of the two foreign ministers that ended without a deal."
LATER = "Aides on both sides said the diplomats would keep working on the text in the coming days."


def _page(*paragraphs: str) -> str:
    return "\n\n".join([HEAD, *paragraphs]) + "\n"


@pytest.mark.parametrize(
    "series", ["Group of 20 summit here", "G20 summit", "Group of Twenty summit", "G20 summit in September"]
)
def test_an_undated_page_naming_the_series_and_the_leaders_is_the_events_coverage(
    config: Config, series: str
) -> None:
    page = _page(MEETING.format(where=series), MINISTERS, LATER)
    assert clean(page, config, url=URL).event == "g20-2016"


@pytest.mark.parametrize(
    "paragraphs",
    [
        # the series and the leaders, but two people only: another edition is as likely
        (MEETING.format(where="G20 summit"), NO_MINISTERS, LATER),
        # the leaders and their ministers, at a summit of the series placed elsewhere
        (MEETING.format(where="G20 summit in Brisbane"), MINISTERS, LATER),
        (MEETING.format(where="Group of 20 summit held in Brisbane"), MINISTERS, LATER),
        (MEETING.format(where="summit of the G20 in St. Petersburg"), MINISTERS, LATER),
    ],
)
def test_a_series_page_without_its_people_or_placed_elsewhere_gets_no_event(
    config: Config, paragraphs: tuple[str, ...]
) -> None:
    assert clean(_page(*paragraphs), config, url=URL).event is None


def test_a_dated_series_page_outside_the_window_gets_no_event(config: Config) -> None:
    page = _page(MEETING.format(where="G20 summit"), MINISTERS, LATER)
    assert clean(page, config, url="https://www.lagooncourier.com/2014/11/16/leaders-talk/").event is None


LEDE = (
    "The American and Russian presidents met on Monday on the margins of the General Assembly in New"
    " York and went over the war in Syria, their aides said."
)
SECOND = "Both sides said the two militaries would keep talking about their planes over Syria."
THIRD = "Neither side announced any agreement on the future of the Syrian government."


def _kept(page: str, config: Config) -> set[str]:
    return {s.text for s in clean(page, config, url=URL).sentences}


@pytest.mark.parametrize("heading", ["Check Also", "Also see", "Check out also", "Similar stories"])
def test_a_check_also_box_and_a_name_signing_the_story_off_are_chrome(config: Config, heading: str) -> None:
    box = [
        "Jane Roe",
        heading,
        "Ministry says the ferry will sail again",
        "TARNBY - The ministry said …",
    ]
    kept = _kept(_page(LEDE, SECOND, *box), config)
    assert LEDE in kept and SECOND in kept
    assert not kept & set(box)


def test_a_subheading_with_paragraphs_under_it_stays(config: Config) -> None:
    kept = _kept(_page(LEDE, "What Comes Next", SECOND, THIRD), config)
    assert "What Comes Next" in kept


@pytest.mark.parametrize(
    ("line", "chrome"),
    [
        ("Harbour Radio's Dana Whitlock joined us from the White House.", True),
        ("Graphics: Who backs whom in the Syrian war", True),
        ("Interactive: The leaders' meetings since 2013", True),
        # a story's sentence: lower-case words before the verb, a full stop after the label's text
        ("Two of the foreign ministers joined us later in the evening for a briefing.", False),
        ("Graphics: the two sides disagree on the numbers. Officials said so on Monday.", False),
    ],
)
def test_a_guest_credit_and_a_media_labelled_link_are_chrome(config: Config, line: str, chrome: bool) -> None:
    article = clean(_page(LEDE, line, SECOND, THIRD), config, url=URL)
    kept = {s.line for s in article.sentences}
    assert (5 not in kept) is chrome
    assert {3, 7, 9} <= kept


def test_a_paragraph_ending_in_a_stray_backslash_is_still_the_storys(config: Config) -> None:
    last = '"We have not closed the gaps yet," he added.\\'
    assert last.removesuffix("\\") in _kept(_page(LEDE, SECOND, last), config)


def test_an_outlet_cited_for_one_detail_further_down_is_no_wire(config: Config) -> None:
    cited = "The hall was so full that diplomats called it a marathon, Sky News reports."
    assert clean(_page(LEDE, cited, THIRD), config, url=URL).wire is None


def test_an_outlet_credited_at_the_end_of_the_lede_is_the_wire(config: Config) -> None:
    lede = LEDE.removesuffix(", their aides said.") + ", Sky News reports."
    assert clean(_page(lede, SECOND, THIRD), config, url=URL).wire == "Sky News"


@pytest.mark.parametrize(
    ("name", "url", "spells"),
    [
        ("QORVA", "http://www.qorva-news.com/en/?p=1", True),  # the hyphenated label's first word
        ("Quorvanta", "https://en.quorvanta.com/world/1.html", True),  # the label, a subdomain aside
        ("Qorva News", "http://qorvanews.com/a", True),  # spaces aside
        ("News", "http://www.qorva-news.com/a", False),  # a later word of the label
        ("QORVA", "http://www.harbourledger.com/a", False),
        ("QORVA", None, False),
    ],
)
def test_a_credit_spells_the_site_by_its_domains_label_or_first_word(
    name: str, url: str | None, spells: bool
) -> None:
    assert spells_own_site(name, url) is spells


def test_an_agencys_dateline_credit_on_its_own_site_is_the_outlet_as_printed(config: Config) -> None:
    page = _page(f"Hangzhou, QORVA – {LEDE}", SECOND, THIRD)
    article = clean(page, config, url="http://www.qorva-news.com/en/?p=88213")
    assert (article.outlet, article.wire) == ("QORVA", "QORVA")


def test_a_credit_naming_another_site_leaves_the_outlet_to_the_domain(config: Config) -> None:
    page = _page(f"Hangzhou, QORVA – {LEDE}", SECOND, THIRD)
    article = clean(page, config, url="http://www.stonebaytribune.com/world/1")
    assert (article.outlet, article.wire) == ("Stone Bay Tribune", "QORVA")


def test_a_table_name_of_the_domains_outlet_is_cited_by_the_table(config: Config) -> None:
    page = _page(f"Tarnby, Nov. 20 (ANDINA). {LEDE}", SECOND, THIRD)
    article = clean(page, config, url="https://andina.pe/ingles/noticia-leaders-771.aspx")
    assert (article.outlet, article.wire) == ("Andina", "Andina")


def test_an_agencys_credit_line_over_the_lede_is_its_wire_over_an_agency_the_lede_cites(
    config: Config,
) -> None:
    lede = LEDE.removesuffix(", their aides said.") + ", Interfax reported."
    page = f"Tarnby, Tarnland, Sept. 28\nQuorvanta:\n{lede}\n{SECOND}\n{THIRD}\n"
    article = clean(page, config, url="https://en.quorvanta.com/world/other/2281934.html")
    assert (article.outlet, article.wire) == ("Quorvanta", "Quorvanta")


def test_a_credit_line_of_a_name_that_is_neither_the_site_nor_an_agency_credits_nothing(
    config: Config,
) -> None:
    page = f"Tarnby, Tarnland, Sept. 28\nHighlights:\n{LEDE}\n{SECOND}\n{THIRD}\n"
    assert clean(page, config, url="https://en.quorvanta.com/world/other/2281934.html").wire is None


def test_an_outlet_credited_at_the_end_of_the_story_is_the_wire(config: Config) -> None:
    last = THIRD.removesuffix(".") + ", Sky News reports."
    assert clean(_page(LEDE, SECOND, last), config, url=URL).wire == "Sky News"


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("actv7news", "Actv7 News"),  # coined letters, a number, a word: one brand and the word
        ("kxyz7", "KXYZ 7"),  # the number closes the label: apart
        ("7harbourwire", "7 Harbour Wire"),  # the number opens it: apart
        ("harbour7news", "Harbour 7 News"),  # after a word: apart
    ],
)
def test_a_number_between_coined_letters_and_a_word_belongs_to_the_letters(
    config: Config, label: str, name: str
) -> None:
    assert label_name(label, config.cleaner) == name


@pytest.mark.parametrize(
    ("url", "outlet"),
    [
        ("https://post.bhaskar.com/world/leaders-meet-1443517760", "Bhaskar Post"),  # a masthead word
        ("https://www.bhaskar.com/world/leaders-meet-1443517760", "Dainik Bhaskar"),
        ("https://news.bhaskar.com/world/leaders-meet-1443517760", "Dainik Bhaskar"),  # a section's
    ],
)
def test_a_masthead_word_as_a_known_groups_subdomain_names_a_title_of_its_own(
    config: Config, url: str, outlet: str
) -> None:
    assert clean(_page(LEDE, SECOND, THIRD), config, url=url).outlet == outlet


def test_an_agencys_initials_on_its_own_site_leave_the_tables_spelled_out_name(config: Config) -> None:
    page = _page(f"ANKARA (AA) - {LEDE}", SECOND, THIRD)
    article = clean(page, config, url="https://www.aa.com.tr/en/world/leaders-meet/771")
    assert article.outlet == "Anadolu Agency"
