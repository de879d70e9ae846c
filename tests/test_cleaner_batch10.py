"""The cleaner's tenth-batch round of general rules (issue 9, batch10's kinds), on small pages written for
these tests (no real page's text): a date row "DATE | SOURCE | Editor: NAME" and CJK dates in full-width
digits, an agency's section label over the headline, an agency's own masthead, an agency's rights line
under the story, an aggregator's "Publisher:" field, "Source: agencies", a "(Photos)" tag, a hyphenated
domain with a number, a paper on its owner group's subdomain, a copyright held by a chain of bodies, a
stamp line with a glued credit, a thread with split post stamps and poster cards, a software credit and a
forum named by its domain's initials, a print headline joined with its deck, a licence notice, a caption
classed in the site's language and an app's promotion over the date."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.cleaner.cues import caption_cues
from bot.cleaner.daterow import is_date_row
from bot.cleaner.dates import find_date
from bot.cleaner.domainwords import domain_words
from bot.cleaner.holderchain import known_in_chain
from bot.cleaner.initialsname import credits_software
from bot.cleaner.lines import Line
from bot.cleaner.outlets import outlet_table
from bot.cleaner.patterns import chrome_reason
from bot.cleaner.stampcredit import stamp_credit
from bot.cleaner.wrappedtitle import without_deck
from bot.config import Config
from tests.test_cleaner_kinds import HEADLINE
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean

THIRD = "Both sides said the talks would go on at the level of their foreign ministers next week."


@pytest.mark.parametrize(
    ("text", "day"),
    [("２０１６年９月６日 08:45", dt.date(2016, 9, 6)), ("Sep 6,2016 7:52 AM", dt.date(2016, 9, 6))],
)
def test_full_width_cjk_dates_and_a_comma_without_a_space_are_read(text: str, day: dt.date) -> None:
    found = find_date(text)
    assert found is not None and found.date == day


@pytest.mark.parametrize(
    ("text", "row"),
    [
        ("２０１５年９月２９日 10:02 | Harbour Daily | Editor: Tom Poe", True),
        ("2016-09-05 21:14 | Source: Harbour Radio", True),
        ("2016-09-05 | Home | World | Sports", False),  # a menu under a date: no field names its role
        ("2016-09-05 Editor's picks | World", False),
    ],
)
def test_a_date_row_with_a_labelled_field_is_a_byline(text: str, row: bool) -> None:
    assert is_date_row(text) is row


def test_a_date_row_under_the_headline_dates_the_page_over_the_header_clock(config: Config) -> None:
    page = [
        "Wednesday, Sep 30, 2015",
        "Harbour Daily",
        "Home",
        "World",
        HEADLINE,
        "２０１５年９月２９日 10:02 | Harbour Daily | Editor: Tom Poe",
        LEDE,
        SECOND,
    ]
    assert clean("\n".join(page), config).date == "2015-09-29"


def _sectioned(label: str) -> str:
    return "\n".join(["The Lakeview Press", "Home", "News", "Sports", label, HEADLINE, LEDE, SECOND])


@pytest.mark.parametrize(
    ("label", "wire"), [("AFP World", "AFP"), ("Reuters Business", "Reuters"), ("World News", None)]
)
def test_an_agency_section_label_over_the_headline_names_the_wire(
    config: Config, label: str, wire: str | None
) -> None:
    assert clean(_sectioned(label), config).wire == wire


def _agency_page(credits: list[str]) -> str:
    return "\n".join(["AFP", "Search", "Photo stories", HEADLINE, *credits, LEDE, SECOND, THIRD])


def test_an_agencys_masthead_on_its_own_site_credits_nothing(config: Config) -> None:
    url = "https://www.afp.com/en/news/leaders-agree"
    assert clean(_agency_page([]), config, url=url).wire is None
    # its own photos credited on the page make the story its copy
    credited = clean(_agency_page(["AFP PHOTO / JANE ROE"]), config, url=url)
    assert credited.wire == "AFP"


@pytest.mark.parametrize(
    ("rights", "wire"),
    [
        ("© Reuters. All rights reserved. Reproduction is prohibited without written permission.", "Reuters"),
        ("© 2016 Agence France-Presse. All rights reserved.", "AFP"),
        ("© Copyright 2016 The Associated Press. All rights reserved. Not to be republished.", "AP"),
        ("© 2016 Harbour Daily. All rights reserved.", None),  # the site's own copyright
    ],
)
def test_an_agencys_rights_line_under_the_story_names_the_wire(
    config: Config, rights: str, wire: str | None
) -> None:
    page = ["Harbour Daily", "Home", "World", HEADLINE, LEDE, SECOND, THIRD, rights, "Related Stories"]
    assert clean("\n".join(page), config, url="https://www.harbourdaily.example/w/1").wire == wire


def test_a_rights_line_far_below_the_story_is_the_sites_footer(config: Config) -> None:
    footer = ["Related Stories", "Most Read", "About Us", "Contact Us", "© Reuters. All rights reserved."]
    page = ["Harbour Daily", "Home", HEADLINE, LEDE, SECOND, THIRD, *footer]
    assert clean("\n".join(page), config).wire is None


def _app_page(disclaimer: str) -> str:
    lines = ["NewsApp", "Open in app", "Harbour Daily", "+ Follow", HEADLINE, LEDE, SECOND, THIRD, disclaimer]
    return "\n".join([*lines, "Go to source", "© 2018 NewsApp Technologies Pvt. Ltd."])


@pytest.mark.parametrize(
    ("disclaimer", "wire"),
    [
        ("Disclaimer: This story was aggregated by a program. Publisher: Harbour Daily", "Harbour Daily"),
        ("Disclaimer: This story was aggregated by a program. Publisher: The Statesman", "The Statesman"),
        ("Disclaimer: This story was aggregated by a program. Publisher: Jane Roe", None),
    ],
)
def test_an_aggregators_publisher_field_names_the_original(
    config: Config, disclaimer: str, wire: str | None
) -> None:
    assert clean(_app_page(disclaimer), config, url="https://m.newsapp.example/s/1").wire == wire


@pytest.mark.parametrize(("source", "wire"), [("Source: agencies", None), ("Source: Tanjug", "Tanjug")])
def test_source_agencies_names_no_wire(config: Config, source: str, wire: str | None) -> None:
    page = ["Harbour Daily", "Home", HEADLINE, LEDE, SECOND, THIRD, source, "Tags: Obama Putin"]
    assert clean("\n".join(page), config).wire == wire


@pytest.mark.parametrize(
    ("text", "strong"),
    [
        ("Leaders Hold Tense Talks At The Summit (Photos)", 0),
        ("Leaders meet in the city. (Photo/Agencies)", 1),
        ("Leaders meet in the city (Photo: Jane Roe)", 1),
    ],
)
def test_a_bare_photos_tag_is_no_caption_cue(text: str, strong: int) -> None:
    assert min(caption_cues(text)[0], 1) == strong


@pytest.mark.parametrize(
    ("label", "words"), [("headlines-24", "Headlines 24"), ("news-365", "News 365"), ("qxv-12", None)]
)
def test_a_hyphenated_domain_with_a_number_reads_as_its_words(
    config: Config, label: str, words: str | None
) -> None:
    assert domain_words(label, config.cleaner) == words


def _group_page(copyright_line: str) -> str:
    top = ["Harbour Media Group", "Our newspapers", "Subscribe", "The Lakeview Press", "News", "World"]
    return "\n".join([*top, HEADLINE, LEDE, SECOND, THIRD, "Most Popular", copyright_line])


def test_a_paper_on_its_owner_groups_subdomain_is_cited_by_its_own_name(config: Config) -> None:
    url = "https://lakeview.harbourmediagroup.com/news/story.html"
    owned = clean(_group_page("© Copyright 2018 Harbour Media Group, 12 Main St."), config, url=url)
    assert owned.outlet == "The Lakeview Press"
    # a subdomain no line spells ("news.") keeps the group's name
    other = "https://news.harbourmediagroup.com/story.html"
    assert clean(_group_page("© 2018 Harbour Media Group"), config, url=other).outlet == "Harbour Media Group"


def test_a_copyright_held_by_a_chain_of_bodies_names_the_outlet_the_table_knows(config: Config) -> None:
    table = outlet_table(config)
    line = "Copyright © Digital Services Unit, Deutsche Welle, Bonn. All rights reserved."
    assert known_in_chain(line, "Digital Services Unit", table) == table.canonical("Deutsche Welle")
    assert (
        known_in_chain("© 2016 Harbour Unit, Harbour Daily. All rights reserved.", "Harbour Unit", table)
        is None
    )
    assert known_in_chain("© Deutsche Welle, Bonn. All rights reserved.", "Deutsche Welle", table) is None


@pytest.mark.parametrize(
    ("text", "credit"),
    [
        ("Updated: Sep 6,2016 7:52 AM    Xinhua", "Xinhua"),
        ("Updated: 2016-09-06 07:52 Harbour Radio", "Harbour Radio"),
        ("Updated: Sep 6, 2016 7:52 AM", None),
        ("Updated: Sep 6, 2016 by the desk", None),
    ],
)
def test_a_stamp_lines_glued_credit(text: str, credit: str | None) -> None:
    assert stamp_credit(text) == credit


def _thread(join_value: str, number: str) -> str:
    card = ["Jane_Roe", "Senior Member", "Joined", join_value, "Messages", "4,318", "Location"]
    top = ["Obama and Putin meet | HLT Forum", "Forums", "New posts", HEADLINE, "Start date Sep 5, 2016"]
    post = ["Sep 5, 2016", number, "Here is the wire copy.", HEADLINE, LEDE, SECOND, THIRD, "Like", "Reply"]
    return "\n".join([*top, *card, *post, "Forum software by XenForo® © 2010-2016 XenForo Ltd."])


def test_a_thread_with_split_stamps_is_dated_by_its_first_post(config: Config) -> None:
    url = "https://www.harbourlakestalk.net/threads/obama-and-putin-meet.1/"
    article = clean(_thread("Mar 12, 2014", "#1"), config, url=url)
    assert article.date == "2016-09-05"
    assert "Here is the wire copy." not in article.text  # the poster's remark over the pasted title
    assert LEDE in article.text


def test_a_number_under_a_line_that_is_no_date_makes_no_thread(config: Config) -> None:
    page = ["Top stories", "Leaders Hold Talks", "#1", HEADLINE, "Sep 5, 2016", LEDE, SECOND]
    assert clean("\n".join(page), config).date == "2016-09-05"


def test_a_forums_software_credit_names_no_outlet_and_its_initials_name_it(config: Config) -> None:
    assert credits_software("Forum software by XenForo® © 2010-2016 XenForo Ltd.")
    assert not credits_software("© 2016 Harbour Daily. All rights reserved.")
    url = "https://www.globalpolicytalk.net/threads/leaders.1/"
    page = _thread("Mar 12, 2014", "#1").replace("HLT Forum", "GPT Forum")
    assert clean(page, config, url=url).outlet == "GPT Forum"
    # initials that are not the domain's words do not name it
    assert clean(page.replace("GPT Forum", "XYZ Forum"), config, url=url).outlet != "XYZ Forum"


def _wrapped(parts: list[str]) -> Line:
    return Line(number=1, raw="\n".join(parts), text=" ".join(parts), last=len(parts), parts=tuple(parts))


def test_a_print_headline_joined_with_its_deck_keeps_its_own_lines(config: Config) -> None:
    parts = [
        "Leaders agree on little",
        "but keep their channels open",
        "The two presidents meet for the first",
        "time in a year and clash over the war in Syria",
    ]
    line = _wrapped(parts)
    assert (
        without_deck(line, line.text, config.cleaner)
        == "Leaders agree on little but keep their channels open"
    )
    short = _wrapped(["Leaders agree on little", "but keep channels open", "Says Kremlin"])
    assert without_deck(short, short.text, config.cleaner) == short.text  # no standfirst under it


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "All content is published under the Creative Commons Attribution 3.0 licence. Credit us.",
            "licence",
        ),
        ("This work is licensed under a Creative Commons Attribution 4.0 International License.", "licence"),
        ("The report was published under the auspices of the United Nations.", None),
        ("The White House released the photos under a Creative Commons licence on Monday.", None),
    ],
)
def test_a_licence_notice_is_chrome(config: Config, text: str, reason: str | None) -> None:
    assert chrome_reason(text, config.cleaner) == reason


def test_a_caption_classed_in_the_sites_language_is_kept(config: Config) -> None:
    paragraphs = "".join(
        f"<p>{text}</p>" for text in (LEDE, SECOND, THIRD, LEDE.replace("Monday", "Tuesday"))
    )
    html = (
        "<!doctype html><html><head><title>T</title></head><body><nav>Home</nav><article>"
        f"<h1>{HEADLINE}</h1><div class='foto'><div class='leyenda'>The two leaders shake hands before their"
        " talks in New York on Monday.</div><div class='credito'>Jane Roe/Agency</div></div>"
        f"<div class='cuerpo'>{paragraphs}</div></article><footer>© 2015 Harbour Daily</footer></body></html>"
    )
    text = clean(html, config).text
    assert "shake hands before their talks" in text
    assert "Jane Roe/Agency" not in text


def test_an_apps_promotion_over_the_date_is_no_byline(config: Config) -> None:
    page = ["Harbour Daily", "Harbour App Download", "Sep 5, 2016", "Home", HEADLINE, LEDE, SECOND]
    assert clean("\n".join(page), config).byline != "Harbour App Download"


@pytest.mark.parametrize(
    ("stamp", "wire"),
    [
        ("Updated: Sep 6,2016 7:52 AM    Xinhua", "Xinhua"),
        ("Updated: Sep 6,2016 7:52 AM    Harbour Daily", None),
    ],
)
def test_an_agency_closing_a_text_pages_stamp_line_names_the_wire(
    config: Config, stamp: str, wire: str | None
) -> None:
    page = ["Harbour Portal", "Home", "News", HEADLINE, stamp, "Font: A A A", LEDE, SECOND, THIRD]
    assert clean("\n".join(page), config).wire == wire
