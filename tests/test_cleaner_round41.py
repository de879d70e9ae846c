"""The cleaner's round-forty-one rules (issue 9, probe34's misses, by kind), on small lines and pages
written for these tests (no real page's text), and lines that only look like them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.cleaner.cues import caption_cues
from bot.cleaner.dates import url_date
from bot.cleaner.eventvenue import places_series_elsewhere
from bot.config import Config
from tests.cleaner_body import SECOND
from tests.test_cleaner_rules import _clean as clean

LEDE = (
    "The two presidents talked for ninety minutes on the sidelines of the summit about the war in Syria "
    "and the ceasefire that their ministers have tried to agree for weeks."
)
CAPTION = (
    "The American president listens to his Russian counterpart during their talks at the summit in "
    "the lakeside city on Monday. Jane Roe / Photo Agency / EPA"
)


# -- headline: a caption closed by a photographer's name and sources after slashes
@pytest.mark.parametrize(
    "text",
    [
        CAPTION,
        "Leaders pose before the dinner on 5 September 2016. Ivan Petrov / Wire Service / Pool",
        "Delegations arrive at the hall. Ana Silva / AGENCY / Picture Desk",
    ],
)
def test_a_sentence_closed_by_a_name_and_two_sources_after_slashes_is_a_caption(text: str) -> None:
    strong, _ = caption_cues(text)
    assert strong >= 1


@pytest.mark.parametrize(
    "text",
    [
        "Talks went on late into the night. Trade and energy / Analysis",  # one slash: a section's label
        "Leaders / Allies / Rivals",  # no sentence before the names
        "Ministers met on Monday. prices / costs / wages",  # no capitalised name
    ],
)
def test_slashes_without_a_photo_credit_are_no_caption_cue(text: str) -> None:
    strong, _ = caption_cues(text)
    assert strong == 0


def test_a_caption_printed_three_times_above_the_headline_is_not_the_headline(config: Config) -> None:
    page = "\n".join([CAPTION, CAPTION, CAPTION, "", "Leaders fail to agree on Syria", "", LEDE, "", SECOND])
    article = clean(page, config)
    assert article.title == "Leaders fail to agree on Syria"
    assert article.text.count("Jane Roe") <= 1  # the caption once at most, never the headline
    assert LEDE in article.text and SECOND in article.text


# -- headline: a caption printed again under itself with a credit label of another language
RU_HEADLINE = "Лидеры пожали друг другу руки"
RU_STANDFIRST = (
    "На приеме в штаб-квартире организации президенты двух стран обменялись рукопожатием, а после речи "
    "хозяина вечера подняли бокалы"
)
RU_CAPTION = "Президенты двух стран на приеме в штаб-квартире организации"
RU_LEDE = (
    "Президенты двух стран пожали друг другу руки на приеме, сообщила в своем блоге журналистка, "
    "которая была в зале во время речи."
)


def test_a_caption_printed_again_with_a_photo_label_credit_is_a_caption_both_times(config: Config) -> None:
    page = "\n".join(
        [
            "Новости",
            "",
            RU_HEADLINE,
            "",
            RU_STANDFIRST,
            RU_CAPTION,
            "",
            f"{RU_CAPTION}   (Фото: Getty Images)",
            "",
            RU_LEDE,
        ]
    )
    article = clean(page, config)
    assert article.title is not None and RU_CAPTION not in article.title
    assert "Getty Images" not in article.text  # the credited copy dropped, one caption kept
    assert RU_LEDE in article.text


def test_a_headline_over_a_longer_line_opening_with_its_words_stays_the_headline(config: Config) -> None:
    headline = "Leaders fail to agree on Syria"
    page = "\n".join(
        ["", headline, "", f"{headline}, the two sides said after the talks on Monday.", "", LEDE]
    )
    article = clean(page, config)
    assert article.title == headline


# -- dates: a compact timestamp and a day-first date in folders, read where an event's window vouches
UNGA = [(dt.date(2015, 9, 20), dt.date(2015, 10, 15))]
G20 = [(dt.date(2016, 8, 28), dt.date(2016, 9, 25))]


@pytest.mark.parametrize(
    ("url", "windows", "expected"),
    [
        ("https://paper.example/articles/20160907180935", G20, dt.date(2016, 9, 7)),
        ("https://paper.example/politics/28/09/2015/5a1b2c3d4e5f", UNGA, dt.date(2015, 9, 28)),
        ("https://paper.example/politics/09/28/2015/story", UNGA, dt.date(2015, 9, 28)),
        ("https://paper.example/politics/03/10/2015/story", UNGA, dt.date(2015, 10, 3)),  # not 10 March
    ],
)
def test_a_url_timestamp_or_day_first_folders_are_read_inside_an_event_window(
    url: str, windows: list[tuple[dt.date, dt.date]], expected: dt.date
) -> None:
    found = url_date(url, windows)
    assert found is not None and found.date == expected


@pytest.mark.parametrize(
    ("url", "windows"),
    [
        ("https://paper.example/articles/20160907180935", UNGA),  # outside every window
        ("https://paper.example/articles/20160907250935", G20),  # no clock: hour 25
        ("https://paper.example/politics/28/09/2015/story", []),  # no window vouches
    ],
)
def test_a_url_timestamp_or_folders_no_window_vouches_for_give_no_date(
    url: str, windows: list[tuple[dt.date, dt.date]]
) -> None:
    assert url_date(url, windows) is None


# -- recall: a standfirst printed again as the story's first paragraph
def test_a_standfirst_printed_again_as_the_first_paragraph_keeps_both_copies(config: Config) -> None:
    page = "\n".join(["Leaders fail to agree on Syria", LEDE, LEDE, SECOND])
    article = clean(page, config)
    assert article.title == "Leaders fail to agree on Syria"
    assert article.text.count(LEDE) == 2 and SECOND in article.text


def test_a_paragraph_printed_again_further_down_stays_a_duplicate(config: Config) -> None:
    page = "\n".join(["Leaders fail to agree on Syria", LEDE, SECOND, LEDE])
    article = clean(page, config)
    assert article.text.count(LEDE) == 1 and SECOND in article.text


# -- event: another year's summit of the same series, placed by the kind of place before its name
@pytest.mark.parametrize(
    ("text", "elsewhere"),
    [
        ("They met on the margins of a G20 summit in the Turkish resort of Antalya.", True),
        ("They met at the G20 summit in the city of Brisbane last year.", True),
        ("They met at the G20 summit in the eastern city of Hangzhou.", False),  # a lowercase adjective
        ("They met at the G20 summit in the Chinese city of Hangzhou.", False),  # the event's own place
    ],
)
def test_a_series_summit_in_the_kind_of_place_of_a_name_is_placed_there(
    config: Config, text: str, elsewhere: bool
) -> None:
    event = next(e for e in config.events if e.id == "g20-2016")
    assert places_series_elsewhere(event, text, config.events) is elsewhere
