"""The cleaner's round-twenty-nine rules (issue 9: the kinds batch17's blind-labelled pages missed), on
small lines and pages written for these tests (no real page's text), and lines that only look like them."""

from __future__ import annotations

import pytest

from bot.cleaner.cues import wire_dateline
from bot.cleaner.patterns import chrome_reason
from bot.config import Config
from tests.test_cleaner_rules import _clean as clean

TALK = (
    "US President Barack Obama and his Russian counterpart Vladimir Putin held a short conversation on"
    " Monday, on the margins of the assembly, aides said."
)
MORE = "Both delegations said their ministers would keep talking about a ceasefire in Syria."
LATER = "Aides on both sides said the tone had been businesslike and that no new meeting was set."
URL = "https://www.quorvanta.com/world/leaders-speak-771"


def test_a_wire_dateline_closed_by_a_stop_and_a_dash_names_its_agency() -> None:
    found = wire_dateline(f"Tarnby, Sep 28 (QUORVANTA).- {TALK}")
    assert found == ("Tarnby, Sep 28 (QUORVANTA).-", "QUORVANTA")
    # a stop glued to the next word opens nothing
    assert wire_dateline("Tarnby, Sep 28 (QUORVANTA).-the talks") is None


def test_a_yearless_dateline_closed_by_a_stop_and_a_dash_dates_the_page(config: Config) -> None:
    lede = f"United Nations, Sep 28 (Reuters).- {TALK}"
    page = f"Leaders speak briefly at the assembly\n\n{lede}\n\n{MORE}\n\n{LATER}\n"
    article = clean(page, config, url=URL)
    assert article.date == "2015-09-28"  # the year from the event the page names
    assert article.wire == "Reuters"


@pytest.mark.parametrize("label", ["Tags", "TAGS", "Keywords", "Filed under", "Tagged with"])
def test_a_tag_lists_bare_heading_is_a_tag_line(config: Config, label: str) -> None:
    assert chrome_reason(label, config.cleaner) == "tags"


@pytest.mark.parametrize("line", ["Tags of the trade are gone", "Keywords matter, he said."])
def test_a_sentence_opening_with_a_tag_word_is_no_tag_line(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) != "tags"


def test_the_tags_under_a_bare_tag_heading_end_the_story(config: Config) -> None:
    tags = "\n".join(["Tags", "Barack Obama", "Vladimir Putin", "Syria", "United Nations"])
    page = f"Leaders speak briefly at the assembly\n{TALK}\n{MORE}\n{LATER}\n{tags}\nAbout us\n"
    article = clean(page, config, url=URL)
    kept = {s.line for s in article.sentences}
    assert kept == {2, 3, 4}


@pytest.mark.parametrize(
    "line",
    [
        "Comments (12)",
        "comments (0)",
        "Comments are moderated and will appear after review. Please be civil.",
        "Comments will be moderated. Please stay on topic.",
    ],
)
def test_a_comment_sections_count_or_moderation_notice_is_a_comment_prompt(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) == "comment-prompt"


@pytest.mark.parametrize(
    "line",
    [
        "Comments (12) were made by the minister on Monday.",
        "Comments were moderated by the two leaders' aides, officials said.",
    ],
)
def test_a_sentence_about_comments_is_no_comment_prompt(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) is None


def test_a_moderation_notice_after_the_story_is_not_its_last_paragraph(config: Config) -> None:
    notice = "Comments will be moderated. Please keep to the topic and do not post advertising."
    page = f"Leaders speak briefly at the assembly\n{TALK}\n{MORE}\n{LATER}\nComments (3)\n{notice}\n"
    kept = {s.line for s in clean(page, config, url=URL).sentences}
    assert kept == {2, 3, 4}


DECK = "TALKS STALL: The two presidents spoke frankly about a ceasefire but said real gaps remained."
CAPTION = "US President Barack Obama, right, talks to Russian President Vladimir Putin in Tarnby on Monday."


@pytest.mark.parametrize(
    ("credit", "deck"),
    [
        ("AFP, TARNBY, China", DECK),
        ("AFP, Tarnby", DECK),
    ],
)
def test_an_agency_and_its_place_between_a_standfirst_and_the_story_credit_the_wire(
    config: Config, credit: str, deck: str
) -> None:
    page = "\n".join(["Leaders fail to agree a truce", deck, credit, CAPTION, TALK, MORE, LATER]) + "\n"
    article = clean(page, config, url=URL)
    assert article.wire == "AFP"
    assert 3 not in {s.line for s in article.sentences}  # the credit is no paragraph


@pytest.mark.parametrize(
    "credit",
    [
        "Quorvanta, TARNBY, China",  # no agency: a name and places
        "AFP, Reuters, China",  # a second outlet: a list of sources, no filing place
    ],
)
def test_a_place_list_naming_no_agency_or_two_outlets_credits_none(config: Config, credit: str) -> None:
    page = "\n".join(["Leaders fail to agree a truce", DECK, credit, CAPTION, TALK, MORE, LATER]) + "\n"
    assert clean(page, config, url=URL).wire is None


@pytest.mark.parametrize(
    "title",
    [
        "Leaders Meet At The Assembly: What We Know So Far",  # speaks to the reader ("We")
        "Leaders Meet At The Assembly But Keep Their Distance",
    ],
)
def test_the_title_a_breadcrumb_ends_with_is_the_headline(config: Config, title: str) -> None:
    lede = "► The two presidents talked for about ninety minutes in the city on Monday."
    page = "\n".join(["Home", "World", "Search", f"Home » World » {title}", title, "By admin", lede, MORE])
    assert clean(page + "\n", config, url=URL).title == title


def test_a_title_under_a_breadcrumb_ending_otherwise_is_no_crumb_title(config: Config) -> None:
    title = "Leaders Meet At The Assembly: What We Know So Far"
    lede = "► The two presidents talked for about ninety minutes in the city on Monday."
    page = "\n".join(["Home", "World", "Home » World » Politics", title, "By admin", lede, MORE])
    assert clean(page + "\n", config, url=URL).title != title  # the reader-talk filter still holds


def _bylined_html(byline: str) -> str:
    story = (
        "TARNBY – President Barack Obama and Russian President Vladimir Putin sat down together on Monday for"
        " the first time in two years and spent about ninety minutes debating Syria."
    )
    paragraphs = "".join(f"<p>{text}</p>" for text in (story, MORE, LATER))
    return (
        "<html><head><title>Leaders meet at last | Quorvanta</title></head><body><article>"
        f"<h1>Leaders meet at last</h1><div class='byline'>{byline}</div>{paragraphs}</article></body></html>"
    )


def test_an_html_bylines_agency_in_an_element_after_the_writers_names_is_the_wire(config: Config) -> None:
    html = _bylined_html("By Jo Tarn and Ade Quill <span class='org'>Associated Press</span>")
    assert clean(html, config, url=URL).wire == "AP"


@pytest.mark.parametrize(
    "byline",
    [
        "By Jo Tarn and Ade Quill <span class='role'>Staff Writers</span>",  # no outlet
        "By <a href='/staff/jo'>Jo Tarn</a>",  # the writer alone, linked
    ],
)
def test_an_html_bylines_element_naming_no_outlet_credits_none(config: Config, byline: str) -> None:
    assert clean(_bylined_html(byline), config, url=URL).wire is None


def test_a_line_introducing_a_clip_over_a_players_strings_goes_with_the_player(config: Config) -> None:
    player = ["Video", "Play", "2:18"]
    intro = "Our correspondent Jo Tarn reports from Tarnby:"
    page = "\n".join(["Leaders fail to agree a truce", TALK, MORE, intro, *player, LATER]) + "\n"
    kept = {s.line for s in clean(page, config, url=URL).sentences}
    assert kept == {2, 3, 8}
    # a line ending in a colon over a paragraph introduces the paragraph's quote: it stays
    quoted = "\n".join(["Leaders fail to agree a truce", TALK, "Obama told reporters:", MORE, LATER]) + "\n"
    assert 3 in {s.line for s in clean(quoted, config, url=URL).sentences}


def test_a_paragraph_closed_by_the_papers_plea_for_support_is_the_appeal(config: Config) -> None:
    plea = (
        "The Daily Quill has reported on the region for thirty years. We rely on your support to keep going."
    )
    page = "\n".join(["Leaders fail to agree a truce", TALK, MORE, LATER, plea, "Contribute today"]) + "\n"
    assert 5 not in {s.line for s in clean(page, config, url=URL).sentences}


def test_a_quoted_plea_for_support_in_the_story_stays(config: Config) -> None:
    quoted = 'The aid group said: "We rely on your support to keep our convoys moving into Aleppo."'
    page = "\n".join(["Leaders fail to agree a truce", TALK, quoted, MORE, LATER]) + "\n"
    assert 3 in {s.line for s in clean(page, config, url=URL).sentences}


def test_a_bracketed_remark_after_the_storys_last_paragraph_is_no_part_of_it(config: Config) -> None:
    remark = "[Ninety minutes of talk and nothing to show. As ever.]"
    page = "\n".join(["Leaders fail to agree a truce", TALK, MORE, LATER, remark, "TOPICS: World"]) + "\n"
    assert {s.line for s in clean(page, config, url=URL).sentences} == {2, 3, 4}
    # a bracketed paragraph with the story going on after it is kept where it stands
    inside = "\n".join(["Leaders fail to agree a truce", TALK, remark, MORE, LATER]) + "\n"
    assert 3 in {s.line for s in clean(inside, config, url=URL).sentences}


def test_a_check_also_box_after_the_story_is_a_related_list(config: Config) -> None:
    box = [
        "Check Also",
        "Ministers meet again in Geneva on Syria ceasefire",
        "TARNBY, AGENCY-Ministers from both countries met again on Friday to discuss the ceasefire for …",
    ]
    page = "\n".join(["Leaders fail to agree a truce", TALK, MORE, LATER, *box]) + "\n"
    assert {s.line for s in clean(page, config, url=URL).sentences} == {2, 3, 4}


@pytest.mark.parametrize("label", ["Graphics", "Interactive", "Photo gallery"])
def test_a_graphics_or_gallery_label_before_a_title_between_paragraphs_is_a_link(
    config: Config, label: str
) -> None:
    link = f"{label}: In Syria, a friend of a friend may be an enemy"
    page = "\n".join(["Leaders fail to agree a truce", TALK, MORE, link, LATER]) + "\n"
    assert {s.line for s in clean(page, config, url=URL).sentences} == {2, 3, 5}
