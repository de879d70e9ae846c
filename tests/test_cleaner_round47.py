"""The cleaner's round-forty-seven rules (issue 9: body lines dropped), on small pages written for these tests
(no real page's text), and lines that only look like them; and the Cyrillic case endings read from config.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.cleaner.bylines import pictures_the_lede
from bot.cleaner.cues import caption_cues
from bot.cleaner.eventclues import mentions, people_named
from bot.cleaner.localwords import english_chrome
from bot.config import Config, parse_config
from bot.errors import ConfigError
from tests.cleaner_body import LEDE, SECOND, THIRD
from tests.test_cleaner_rules import _clean as clean

_TOP = "Harbour Ledger\nMonday, September 5, 2016\n\nTwo Leaders Meet at the Summit\n\n"
_LEAD_IN = "Our correspondent followed the day's meetings and sent this account of them:"


def _page(*tail: str) -> str:
    return _TOP + f"{LEDE}\n\n{SECOND}\n\n" + "\n\n".join(tail) + "\n"


def _kept(text: str, config: Config) -> set[str]:
    return {s.text for s in clean(text, config).sentences}


# -- an excerpt that stops on a paragraph's lead-in, perhaps with the subheading it leads to
def test_a_lead_in_ending_the_page_is_the_storys(config: Config) -> None:
    assert _LEAD_IN in _kept(_page(_LEAD_IN), config)


def test_a_lead_in_and_its_subheading_ending_the_page_are_the_storys(config: Config) -> None:
    article = clean(_page(_LEAD_IN, "The Morning Sessions"), config)
    kept = {s.text for s in article.sentences}
    assert _LEAD_IN in kept
    assert "The Morning Sessions" in kept


@pytest.mark.parametrize(
    "tail",
    [
        ("Popular Posts",),  # a short line alone under the story: chrome as often as a subheading
        ("Back to news list",),
        (_LEAD_IN, "Popular Posts", "Terms of Use"),  # more lines after it: chrome under the story
        ("Read more about the summit and the talks in our special report:",),  # a pointer to more
        ("Share:",),  # no running text
    ],
)
def test_lines_that_only_look_like_an_excerpts_end_stay_out(config: Config, tail: tuple[str, ...]) -> None:
    kept = _kept(_page(*tail), config)
    assert LEDE in kept and SECOND in kept
    assert not kept & set(tail)


def test_a_subheading_ending_a_story_set_under_subheadings_is_the_storys(config: Config) -> None:
    page = _TOP + f"{LEDE}\n\nA Shared Goal\n\n{SECOND}\n\nDifferences Remain Over Syria\n"
    kept = _kept(page, config)
    assert "A Shared Goal" in kept
    assert "Differences Remain Over Syria" in kept


def test_a_heading_ending_a_story_without_subheadings_stays_out(config: Config) -> None:
    assert "Differences Remain Over Syria" not in _kept(_page("Differences Remain Over Syria"), config)


# -- a Russian or Ukrainian surname in its cases: the endings are config data
def test_the_case_endings_are_read_from_config(config: Config) -> None:
    text = "Песков рассказал о встрече Путина и Обамы на саммите."
    assert people_named(text, config, mentions) == 3  # Peskov, Putin, Obama
    bare = dataclasses.replace(config, cleaner=dataclasses.replace(config.cleaner, case_endings=()))
    assert people_named(text, bare, mentions) == 1  # Peskov alone: Путина, Обамы need their endings


def test_a_bad_case_ending_names_the_file_and_key() -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config("cleaner:\n  case_endings: [a, '']\n", Path("x.yaml"))
    assert "x.yaml:2: cleaner.case_endings[1]: expected a non-empty string" in str(caught.value)


# -- a caption with the picture's copyright glued to its last word, right under the headline
@pytest.mark.parametrize(
    ("text", "strong"),
    [
        ("The two presidents at their talks in Hangzhou© Meridian Photo/ Jane Mole", 1),
        ("The two presidents at their talks in New York.© Agency/Jane Mole", 1),
        ("© 2016 Meridian Agency/ All rights reserved", 0),  # a rights line opens with its sign
        ("Copyright© Meridian/ Jane Mole", 0),
        ("The two presidents at their talks in Hangzhou © Meridian", 0),  # no credit after a slash
    ],
)
def test_a_glued_copyright_credit_is_a_caption_cue(text: str, strong: int) -> None:
    assert caption_cues(text)[0] == strong


def test_a_caption_with_a_glued_copyright_under_the_headline_is_no_deck(config: Config) -> None:
    caption = (
        "US President Barack Obama and Russian President Vladimir Putin at the Summit in Hangzhou"
        "© Meridian/ Jane Mole"
    )
    page = f"Obama, Putin Keep Talking on Syria After Long Meeting\n{caption}\n{LEDE}\n{SECOND}\n"
    article = clean(page, config)
    assert article.title == "Obama, Putin Keep Talking on Syria After Long Meeting"
    assert any(s.line == 2 for s in article.sentences)


# -- "NAME und NAME" over a lede telling of them: a caption, as "NAME and NAME" is
@pytest.mark.parametrize(
    ("text", "lede", "caption"),
    [
        ("Wladimir Putin und Barack Obama", "Wladimir Putin und Barack Obama sprachen am Montag.", True),
        ("Владимир Путин и Барак Обама", "Президенты Барак Обама и Владимир Путин встретились.", True),
        ("Jane Roe und Tom Poe", "Wladimir Putin und Barack Obama sprachen am Montag.", False),  # writers
        ("Putin und Obama in Hangzhou", "Putin und Obama trafen sich in Hangzhou.", False),  # a title's place
    ],
)
def test_names_joined_by_another_languages_and_picture_the_lede(
    config: Config, text: str, lede: str, caption: bool
) -> None:
    assert pictures_the_lede(text, lede, config.cleaner) is caption


def test_the_word_for_and_is_read_from_config(config: Config) -> None:
    bare = dataclasses.replace(config.cleaner, and_words=())
    lede = "Wladimir Putin und Barack Obama sprachen am Montag."
    assert not pictures_the_lede("Wladimir Putin und Barack Obama", lede, bare)


# -- HTML: a standfirst the lede prints again after its dateline is no first paragraph
_HTML = """<html><head><title>Leaders talk, no deal - Westbrook Gazette</title></head><body>
<header><div class="logo">Westbrook Gazette</div><nav><a href="/world">World</a></nav></header>
<main><article><h1>Leaders talk for ninety minutes, no deal</h1>
<p class="standfirst">{stand}</p>
<div class="share"><a href="#">Share on Facebook</a></div>
<figure><img src="/a.jpg" alt=""><figcaption>The two presidents at the start of their meeting in a hotel
room. <span class="credit">Photo Meridian</span></figcaption></figure>
<div class="article-body"><p>{lede}</p><p>{second}</p><p>{third}</p></div></article></main>
<footer><p>All rights reserved.</p></footer></body></html>"""
_CAPTION = "The two presidents at the start of their meeting in a hotel room."


def test_a_caption_above_a_lede_reprinting_the_standfirst_is_kept(config: Config) -> None:
    page = _HTML.format(stand=LEDE, lede="Hangzhou (Meridian) - " + LEDE, second=SECOND, third=THIRD)
    text = clean(page, config).text
    assert _CAPTION in text
    assert "Photo Meridian" not in text


# -- the byline's two writers joined by the word for "and": the same config list
def test_a_bylines_writers_are_joined_by_the_configured_words(config: Config) -> None:
    def unknown(name: str) -> bool:
        return False

    text = "Von Anna Berg und Jan Roth"
    assert english_chrome(text, config.cleaner, unknown) == "By Anna Berg und Jan Roth"
    bare = dataclasses.replace(config.cleaner, and_words=())
    assert english_chrome(text, bare, unknown) == text
    assert english_chrome("Von Anna Berg and Jan Roth", bare, unknown) == "By Anna Berg and Jan Roth"
