"""The cleaner's round-thirty rules (issue 9: the kinds probe27's pages missed), on small lines and pages
written for these tests (no real page's text), and lines that only look like them."""

from __future__ import annotations

import pytest

from bot.cleaner.domainwords import domain_words
from bot.cleaner.patterns import chrome_reason
from bot.config import Config
from tests.test_cleaner_rules import _clean as clean

UNDATED = "https://archive.quorvanta.com/article/world/leaders-to-meet-558120.html"
MORE = "Both delegations said their ministers would keep talking about a ceasefire in Syria."
LATER = "Aides on both sides said the tone had been businesslike and that no new meeting was set."


def _brief(lede: str, caption: str = "") -> str:
    lines = [lede, "", "Quorvanta Press: leaders to meet next week", "", caption]
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize(
    ("day", "event"),
    [
        ("Sept. 29", "unga-2015"),  # inside the assembly's own days only
        ("Sept. 4", "g20-2016"),  # inside the summit's own days only
    ],
)
def test_an_undated_brief_on_the_day_its_people_meet_gets_that_events(
    config: Config, day: str, event: str
) -> None:
    lede = (
        f"TARNBY - Vladimir Putin's aide says the Russian leader will meet President Barack Obama on {day}."
    )
    caption = "Vladimir Putin chairs a meeting on farming in a southern region on Sept. 23."
    assert clean(_brief(lede, caption), config, url=UNDATED).event == event


@pytest.mark.parametrize(
    "lede",
    [
        # a year places the day in another edition
        "TARNBY - Vladimir Putin's aide says he will meet U.S. President Barack Obama on Sept. 29, 2017.",
        # one person: no meeting of the configured people
        "TARNBY - Vladimir Putin's aide says the Russian leader will visit the city on Sept. 29.",
        # a day inside no event's days (another meeting of the same leaders)
        "TARNBY - Vladimir Putin's aide says the Russian leader will meet Barack Obama on Nov. 15.",
    ],
)
def test_an_undated_brief_without_one_events_meeting_day_gets_none(config: Config, lede: str) -> None:
    assert clean(_brief(lede), config, url=UNDATED).event is None


NEXT_YEAR = "https://www.quorvanta.com/2016/09/21/ministers-fail-to-agree-at-un-a1234"
ASSEMBLY = (
    "Russian Foreign Minister Sergei Lavrov and U.S. Secretary of State John Kerry failed to agree on Tuesday"
    " how to save the truce, as the annual UN General Assembly opened in New York."
)
LOOK_BACK = (
    "Unlike last year, when he met Barack Obama in New York for ninety minutes, President Vladimir Putin"
    " stayed at home, leaving the talks to Lavrov."
)


def test_a_page_on_a_yearly_meetings_next_edition_is_neither_event(config: Config) -> None:
    """Dated in the summit's window and naming its people, but on the assembly a year on: no event."""
    page = "\n".join(["Ministers fail to agree at UN", "", ASSEMBLY, "", LOOK_BACK, "", MORE]) + "\n"
    assert clean(page, config, url=NEXT_YEAR).event is None


def test_a_page_dated_before_the_assembly_days_keeps_the_window_rule(config: Config) -> None:
    """The same page dated before the assembly's days of that year: its people in the summit's window."""
    url = NEXT_YEAR.replace("/09/21/", "/09/12/")
    lede = ASSEMBLY.replace("as the annual UN General Assembly opened in New York", "in Tarnby")
    page = (
        "\n".join(["Ministers fail to agree", "", lede, "", LOOK_BACK.replace(" in New York", ""), ""]) + "\n"
    )
    assert clean(page, config, url=url).event == "g20-2016"


def test_a_language_tag_after_a_domains_hyphen_is_no_word_of_its_name(config: Config) -> None:
    assert domain_words("quorvantanews-en", config.cleaner) == "Quorvantanews"  # the site's one word
    assert domain_words("daily-sun-en", config.cleaner) == "Daily Sun"
    assert domain_words("news-en", config.cleaner) is None  # one dictionary word is no name
    assert domain_words("daily-sun-ends", config.cleaner) != "Daily Sun"  # no tag: a word


def test_a_language_editions_domain_names_the_site_without_its_tag(config: Config) -> None:
    lede = "Vladimir Putin and Barack Obama talked for about ninety minutes in Hangzhou, officials said."
    page = f"Putin spoke about his talks with Obama\n\n{lede}\n\n{MORE}\n\n{LATER}\n"
    article = clean(page, config, url="http://quorvantanews-en.tk/2016/09/05/putin-spoke-about-the-talks/")
    assert article.outlet == "Quorvantanews"


@pytest.mark.parametrize(
    "line",
    [
        "Screen shot of AGENCY video via The Quorvanta Post",
        "Screenshot: Quorvanta TV",
        "Screengrab via YouTube",
    ],
)
def test_a_screen_shots_credit_is_a_photo_credit(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) == "photo-credit"


def test_a_sentence_about_screen_shots_is_no_credit(config: Config) -> None:
    line = (
        "Screenshots of the video were shared widely on Monday by officials of both governments, aides said."
    )
    assert chrome_reason(line, config.cleaner) != "photo-credit"


TITLE = "Putin and Obama shake hands like rivals made to make up"
STORY = (
    "Remember the warm hug two stars shared at a festival on Saturday? The handshake between the two"
    " presidents at the United Nations on Monday was nothing like that."
)


def test_a_sentence_case_first_line_over_its_pictures_credit_is_the_headline(config: Config) -> None:
    page = f"{TITLE}\n\nScreen shot of AGENCY video via The Quorvanta Post\n\n{STORY}\n\n{MORE}\n\n{LATER}\n"
    article = clean(page, config, url="https://quorvanta.com/leaders-shake-hands-1793")
    assert article.title == TITLE
    assert 1 not in {s.line for s in article.sentences}


def test_a_caption_closing_a_sentence_over_a_credit_stays_a_caption(config: Config) -> None:
    caption = "Putin and Obama shake hands at the assembly in New York on Monday."
    page = (
        f"{caption}\n\nScreen shot of AGENCY video via The Quorvanta Post\n\n{STORY}\n\n{MORE}\n\n{LATER}\n"
    )
    article = clean(page, config, url="https://quorvanta.com/leaders-shake-hands-1793")
    assert article.title != caption


def test_a_read_label_before_a_title_mid_story_is_a_link(config: Config) -> None:
    link = "Read: Leaders trade blows over Syria at the assembly"
    lede = "The Russian president stole the show at the UN General Assembly on Monday, diplomats said."
    page = "\n".join([lede, MORE, link, LATER]) + "\n"
    assert {s.line for s in clean(page, config, url=UNDATED).sentences} == {1, 2, 4}


@pytest.mark.parametrize(
    "line",
    [
        "Expand this story & watch video, tap here",
        "To play the video, click here",
        "Watch the clip: tap here",
    ],
)
def test_a_players_call_to_open_it_is_player_chrome(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) == "media-player"


def test_a_sentence_telling_readers_where_to_click_is_no_player(config: Config) -> None:
    line = "Officials said the video was real. Readers who want the full report can click here"
    assert chrome_reason(line, config.cleaner) != "media-player"


def test_a_caption_printed_twice_with_a_bracketed_source_is_a_caption(config: Config) -> None:
    caption = (
        "US President Barack Obama with Russian President Vladimir Putin at the summit in Tarnby (AGENCY)"
    )
    lede = (
        "US President Barack Obama and Russian President Vladimir Putin have agreed on first steps in Syria."
    )
    page = (
        "\n".join(["Obama and Putin agree on Syria steps", "", caption, caption, "", lede, "", MORE]) + "\n"
    )
    article = clean(page, config, url=UNDATED)
    assert article.title == "Obama and Putin agree on Syria steps"
    assert 3 in {s.line for s in article.sentences}  # the caption is kept as a caption, once


def test_a_headline_printed_twice_with_a_media_label_is_no_caption(config: Config) -> None:
    title = "Obama and Putin agree on Syria steps (VIDEO)"
    lede = (
        "US President Barack Obama and Russian President Vladimir Putin have agreed on first steps in Syria."
    )
    page = "\n".join([title, title, "", lede, "", MORE, "", LATER]) + "\n"
    article = clean(page, config, url=UNDATED)
    assert 1 not in {s.line for s in article.sentences}


BIO = "Fond of long walks and short bios."
AFTERNOON = "Two presidents and one awkward afternoon"


def test_a_short_line_set_apart_over_the_share_bar_is_the_writers_bio(config: Config) -> None:
    page = f"{AFTERNOON}\n\n{STORY}\n\n{MORE}\n\n{LATER}\n\n\n{BIO}\n\nShare This Story\n"
    kept = {s.line for s in clean(page, config, url=UNDATED).sentences}
    assert kept == {3, 5, 7}


@pytest.mark.parametrize(
    "tail",
    [
        f"\n{BIO}\n\nShare This Story\n",  # one blank line above it: the story's short last paragraph
        f"\n\n{BIO}\n",  # no end marker under it
    ],
)
def test_a_short_last_paragraph_not_set_apart_over_a_marker_is_kept(config: Config, tail: str) -> None:
    page = f"{AFTERNOON}\n\n{STORY}\n\n{MORE}\n\n{LATER}\n{tail}"
    kept = {s.line for s in clean(page, config, url=UNDATED).sentences}
    assert max(kept) > 7  # the bio's line, under the story's three paragraphs
