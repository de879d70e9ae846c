"""The cleaner's ninth round of general rules (issue 9), on small pages written for these tests (no real
page's text): a line ending in a colon is no headline, a database's "[Title]" field label is no part of
the title, the links under a "READ MORE:" line are chrome, and a repost's "Read More: TITLE | SOURCE."
link places the headline and names the wire."""

from __future__ import annotations

import pytest

from bot.cleaner.titlefields import is_lead_in, repeats_caption, without_field_label
from bot.config import Config
from tests.test_cleaner_kinds import HEADLINE
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean

THIRD = "The talks ran past the hour set for them, aides said."


@pytest.mark.parametrize(
    ("line", "lead_in"),
    [
        ("Here is what he said:", True),
        ("The statement in full :", True),
        ("Leaders agree: talks go on", False),
        (HEADLINE, False),
        ("Time: 10:30", False),
    ],
)
def test_a_line_ending_in_a_colon_is_a_lead_in(line: str, lead_in: bool) -> None:
    assert is_lead_in(line) is lead_in


def test_a_posters_lead_in_is_not_the_headline_and_stays_in_the_post(config: Config) -> None:
    page = f"Here is what the two leaders said afterwards:\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config, url="https://www.example-traders-board.com/post/view?id=12")
    assert article.title != "Here is what the two leaders said afterwards:"


@pytest.mark.parametrize(
    ("title", "bare"),
    [
        ("[Title] Joint Statement of the Leaders", "Joint Statement of the Leaders"),
        ("[HEADLINE]Joint Statement", "Joint Statement"),
        ("[Update] Leaders meet", "[Update] Leaders meet"),
        (HEADLINE, HEADLINE),
    ],
)
def test_a_bracketed_field_label_is_no_part_of_the_title(title: str, bare: str) -> None:
    assert without_field_label(title) == bare


def test_a_document_databases_title_field_gives_the_headline(config: Config) -> None:
    page = f"[Title] {HEADLINE}\n\n[Place] New York\n[Date] September 28, 2015\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config, url="https://docs.example-archive.ac.jp/texts/20150928.html")
    assert article.title == HEADLINE


def test_the_links_under_a_read_more_line_are_chrome(config: Config) -> None:
    links = "Leaders trade barbs over the air war\nMinisters to meet again next month\nA summit of few smiles"
    page = f"{HEADLINE}\n\n{LEDE}\n\nREAD MORE:\n{links}\n\n{SECOND}\n\n{THIRD}\n"
    article = clean(page, config)
    assert "Ministers to meet again" not in article.text
    assert SECOND in article.text and THIRD in article.text


def test_a_reposts_source_link_places_the_headline_and_names_the_wire(config: Config) -> None:
    link = f"Read More: {HEADLINE} | Reuters."
    page = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{THIRD}\n\n{link}\n\nComments are closed.\n"
    article = clean(page, config, url="https://www.example-ministry.org/news/leaders-agree/")
    assert (article.title, article.wire) == (HEADLINE, "Reuters")
    assert "Read More" not in article.text and HEADLINE not in article.text


def test_a_source_link_naming_no_known_outlet_places_nothing(config: Config) -> None:
    link = f"Read More: {HEADLINE} | Some Neighbourhood Blog."
    page = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{link}\n"
    article = clean(page, config, url="https://www.example-ministry.org/news/leaders-agree/")
    assert article.wire is None


@pytest.mark.parametrize(
    "note",
    [
        "Ad Feedback",
        "(Jane Roe / Agence Wire/Stock Images)",
        "NEWSLETTER: Get the morning's main stories from our editors >>",
        "Leaders' meeting: In some copies of Tuesday's edition, and in an earlier online version, an article"
        " about the meeting misstated the day the two leaders last spoke. They spoke on a Friday.",
        "summit_handshake_large",
    ],
)
def test_a_site_note_between_paragraphs_is_chrome(config: Config, note: str) -> None:
    page = f"{HEADLINE}\n\n{LEDE}\n\n{note}\n\n{SECOND}\n\n{THIRD}\n"
    article = clean(page, config)
    assert note not in article.text
    assert SECOND in article.text and THIRD in article.text


@pytest.mark.parametrize(
    "line",
    [
        "(The two leaders met for an hour, aides said.)",
        "An earlier version of the plan was rejected by ministers, who said it misstated the war's costs.",
    ],
)
def test_prose_that_looks_like_a_site_note_stays(config: Config, line: str) -> None:
    page = f"{HEADLINE}\n\n{LEDE}\n\n{line}\n\n{SECOND}\n"
    article = clean(page, config)
    assert line in article.text


def test_a_lead_in_over_the_story_stays_with_it(config: Config) -> None:
    page = f"{HEADLINE}\nPost# of 4120\nHere is the readout:\n{LEDE}\n{SECOND}\n"
    article = clean(page, config, url="https://www.example-traders-board.com/post/view?id=12")
    assert article.text.startswith("Here is the readout:")
    assert "Post#" not in article.text


def test_a_label_ending_in_a_colon_over_the_story_stays_out(config: Config) -> None:
    page = f"{HEADLINE}\nShare:\n{LEDE}\n{SECOND}\n"
    article = clean(page, config)
    assert "Share:" not in article.text and LEDE in article.text


def test_a_menu_over_a_reposts_title_is_the_sites_header(config: Config) -> None:
    link = f"Read More: {HEADLINE} | Reuters."
    page = f"Menu  Watch  Give\n{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{link}\n"
    article = clean(page, config, url="https://www.example-ministry.org/news/leaders-agree/")
    assert article.title == HEADLINE
    assert "Menu" not in article.text and LEDE in article.text


@pytest.mark.parametrize(
    ("text", "above", "repeat"),
    [
        (
            "Leaders at the summit. Day Two - Example Site",
            "© Agency / Name / Go to the bankLeaders at the summit. Day Two",
            True,
        ),
        (
            "Leaders at the summit. Day Two",
            "© Agency / Name / Go to the bankLeaders at the summit. Day Two",
            True,
        ),
        ("Day Two - Example Site", "© Agency / Name / Day Two", False),  # too short to tell
        (HEADLINE, "World", False),
        (HEADLINE, HEADLINE, False),  # a line printed twice is the repeats rule's, not this one's
    ],
)
def test_a_caption_printed_again_is_no_headline_candidate(text: str, above: str, repeat: bool) -> None:
    assert repeats_caption(text, above) is repeat


def test_a_captions_repeat_with_the_site_name_is_not_taken_over_the_headline(config: Config) -> None:
    caption = "Leaders walk to the conference hall in the rain"
    page = (
        f"- Example Site\nWorld\n\n{HEADLINE}\n\n© Agency / Jane Roe / Go to the bank{caption}\n"
        f"{caption} - Example Site\nSubscribe\n\n{LEDE}\n\n{SECOND}\n"
    )
    article = clean(page, config, url="https://www.example-site.com/20150915/1027.html")
    assert article.title == HEADLINE
