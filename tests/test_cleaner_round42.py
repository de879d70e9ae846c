"""The cleaner's round-forty-two rules (issue 9, probe35's misses, by kind), on small lines and pages
written for these tests (no real page's text), and lines that only look like them.
"""

from __future__ import annotations

import pytest

from bot.cleaner.leadplace import is_lede_place
from bot.cleaner.lines import split_lines
from bot.cleaner.page import Page
from bot.cleaner.patterns import chrome_reason
from bot.cleaner.titlehost import printed_source_url, without_title_host
from bot.cleaner.twicecaption import named_tail_copy
from bot.config import Config
from tests.cleaner_body import SECOND
from tests.test_cleaner_rules import _clean as clean

LEDE = (
    "The two presidents talked for ninety minutes on the sidelines of the assembly about the war in Syria "
    "and the air strikes that their ministers have tried to keep apart for weeks."
)


# -- headline: a picture's placeholder notice, in English or (config data) another language
@pytest.mark.parametrize(
    "text",
    ["Image no longer available.", "Photo not available", "This image is unavailable", "Image unavailable."],
)
def test_an_image_placeholder_notice_is_chrome(config: Config, text: str) -> None:
    assert chrome_reason(text, config.cleaner) == "loading"


@pytest.mark.parametrize(
    "text",
    [
        "The image of the leaders is no longer available to the public, officials said.",
        "Photo opportunities were not available to reporters.",
        "Images",
    ],
)
def test_sentences_about_images_are_no_placeholder(config: Config, text: str) -> None:
    assert chrome_reason(text, config.cleaner) != "loading"


def test_a_placeholder_notice_in_another_language_is_never_the_headline(config: Config) -> None:
    caption = "Die beiden Präsidenten vor ihrem Gespräch im Hauptquartier der Organisation am Montag."
    page = "\n".join(
        [
            "Bild nicht mehr verfügbar.",
            "",
            caption,
            "",
            "Foto: AGENTUR/Jana Beispiel",
            "",
            "New York – Die beiden Präsidenten haben am Montag neunzig Minuten lang über den Krieg in Syrien "
            "gesprochen, ohne sich in der Frage der Zukunft des Landes anzunähern.",
        ]
    )
    article = clean(page, config, url="https://zeitung.example/story/1/praesidenten-sprechen")
    assert article.title is None
    assert "verfügbar" not in article.text
    assert any(d.text == "Bild nicht mehr verfügbar." and d.reason == "loading" for d in article.dropped)


# -- headline: a caption printed again with a stock agency's name glued onto its last word
@pytest.mark.parametrize(
    ("text", "repeats"),
    [
        ("Russian President Vladimir PutinThinkstock", "russian president vladimir putin"),
        ("Leaders arrive at the summitGetty Images", "leaders arrive at the summit"),
        ("The two presidents in New YorkAFP", "the two presidents in new york"),
    ],
)
def test_a_name_glued_onto_the_last_word_is_a_credit_tail(text: str, repeats: str) -> None:
    assert named_tail_copy(text) == repeats


@pytest.mark.parametrize(
    "text",
    ["Lunch at McDonald", "He bought an iPhone", "Talks in New York", "Talks at NATO", "Talks in YorkAFPx"],
)
def test_a_capital_inside_a_word_or_a_spaced_name_is_no_glued_tail(text: str) -> None:
    assert named_tail_copy(text) is None


def test_a_caption_printed_again_with_a_glued_credit_is_no_headline(config: Config) -> None:
    page = "\n".join(
        ["Two Presidents At The Assembly", "Two Presidents At The AssemblyStockPhotos", "", LEDE, "", SECOND]
    )
    article = clean(page, config)
    assert article.title is None
    assert article.text.startswith("Two Presidents At The Assembly")
    assert "StockPhotos" not in article.text


# -- headline: "US" in a line of mixed case is the country, not the reader's "us"
def test_a_headline_naming_the_us_in_capitals_is_found(config: Config) -> None:
    page = "\n".join(["Tensions grow between US & Russia", "", LEDE, "", SECOND])
    assert clean(page, config).title == "Tensions grow between US & Russia"


def test_a_line_speaking_to_the_reader_is_still_no_headline(config: Config) -> None:
    page = "\n".join(["Help us stay independent today", "Grim faces at the lunch", "", LEDE, "", SECOND])
    assert clean(page, config).title == "Grim faces at the lunch"


# -- wire: an agency credited verb-first beside another so credited is one claim's source
RU_LEDE = (
    "Встреча президентов двух стран состоится на следующей неделе в штаб-квартире организации, сообщил "
    "источник, передает ТАСС."
)
RU_SECOND = "Пресс-секретарь президента пока не подтвердил встречу на полях сессии, передает РИА Новости."
RU_THIRD = "Ранее в Вашингтоне заявили, что считают необходимым продолжать диалог, несмотря на разногласия."


def test_two_agencies_credited_verb_first_name_no_wire(config: Config) -> None:
    page = "\n".join(
        ["Новости", "Президенты двух стран встретятся в Нью-Йорке", "", RU_LEDE, "", RU_SECOND, "", RU_THIRD]
    )
    assert clean(page, config).wire is None


def test_one_agency_credited_verb_first_is_the_wire(config: Config) -> None:
    page = "\n".join(["Новости", "Президенты двух стран встретятся в Нью-Йорке", "", RU_LEDE, "", RU_THIRD])
    assert clean(page, config).wire == "TASS"


# -- chrome: a line between two lines of a metered paywall's box is the box's
def test_a_line_inside_a_paywall_meter_box_is_chrome(config: Config) -> None:
    page = "\n".join(
        [
            "Leaders fail to agree on the future of Syria",
            LEDE,
            "Join Example Monitor today",
            "Become an insider on world affairs",
            "Get instant access to every article. 14-day free trial.",
            SECOND,
            "The talks are due to go on at the level of ministers later in the week, aides said.",
        ]
    )
    article = clean(page, config)
    assert "insider" not in article.text
    assert LEDE in article.text and SECOND in article.text


# -- outlet and headline: a text client's title line, "# site.de -- Headline", on a proxy's URL
@pytest.mark.parametrize(
    ("text", "headline"),
    [
        ("# zeitung.de -- Leaders fail to agree on Syria", "Leaders fail to agree on Syria"),
        ("## www.paper.example | Leaders fail to agree on Syria", "Leaders fail to agree on Syria"),
        ("paper.example - Leaders fail to agree", "Leaders fail to agree"),
        ("# Leaders fail to agree on Syria", "Leaders fail to agree on Syria"),
    ],
)
def test_a_title_lines_heading_marks_and_host_are_no_part_of_the_headline(text: str, headline: str) -> None:
    assert without_title_host(text) == headline


@pytest.mark.parametrize(
    "text",
    [
        "Leaders fail to agree on Syria",
        "#MeToo -- a movement grows",
        "U.S. - Russia talks fail",
        "3.5 - a score",
    ],
)
def test_a_headline_without_a_printed_host_is_kept_whole(text: str) -> None:
    assert without_title_host(text) == text


def test_a_proxied_page_is_the_site_its_title_line_prints(config: Config) -> None:
    page = "\n".join(["URI:", "   # taz.de -- Leaders fail to agree on Syria", "", LEDE, "", SECOND])
    url = "https://gopher.proxy.example/gopherproxy/?q=taz.de%2F1%2F%215236575"
    article = clean(page, config, url=url)
    assert article.title == "Leaders fail to agree on Syria"
    assert article.outlet == "taz"
    assert printed_source_url(url, page.splitlines()) == "http://taz.de/1/!5236575"


@pytest.mark.parametrize(
    "url",
    [
        "https://taz.de/1/!5236575",  # the site's own page prints its own host
        "https://gopher.proxy.example/gopherproxy/?q=other.de%2F1%2F42",  # the URL carries another host
        "https://gopher.proxy.example/?q=nottaz.de%2F1",  # nor a longer name ending in it
    ],
)
def test_a_printed_host_names_no_other_page_unless_the_url_carries_it(url: str) -> None:
    assert printed_source_url(url, ["# taz.de -- Leaders fail to agree on Syria"]) is None


# -- chrome: a tabbed box's bulleted tabs over panels indented deeper; a gallery's countdown
def test_bulleted_tabs_over_deeper_panels_are_chrome_and_their_text_stays(config: Config) -> None:
    point = "• The talks were the first between the two leaders in almost two years."
    page = "\n".join(
        [
            "Leaders fail to agree on the future of Syria",
            "",
            LEDE,
            "  • Background",
            "",
            "    Background",
            "",
            "    " + SECOND,
            "",
            "  • Key facts",
            "",
            "    " + point,
            "    • Their ministers have met four times since the spring and will meet again in October.",
            "",
            "The talks are due to go on at the level of ministers later in the week, aides said.",
        ]
    )
    article = clean(page, config)
    reasons = {d.text.strip(): d.reason for d in article.dropped}
    assert reasons.get("• Background") == "tab-label" and reasons.get("Background") == "tab-label"
    assert reasons.get("• Key facts") == "tab-label"
    assert SECOND in article.text and point in article.text


def test_a_list_of_short_items_at_one_indent_is_no_tab_strip(config: Config) -> None:
    page = "\n".join(
        [
            "Leaders fail to agree on the future of Syria",
            "",
            LEDE,
            "",
            "The leaders discussed:",
            "  • Syria",
            "  • Ukraine",
            "  • Trade",
            "",
            SECOND,
        ]
    )
    article = clean(page, config)
    assert not any(d.reason == "tab-label" for d in article.dropped)


@pytest.mark.parametrize(
    "text",
    [
        "The gallery will resume in 5 seconds",
        "The gallery will resume inseconds",
        "Video will play in 3 secs",
    ],
)
def test_a_gallerys_countdown_is_chrome(config: Config, text: str) -> None:
    assert chrome_reason(text, config.cleaner) == "gallery"


def test_a_sentence_about_a_gallery_reopening_is_no_countdown(config: Config) -> None:
    text = "The gallery will resume in two weeks after the summit, its director said."
    assert chrome_reason(text, config.cleaner) is None


# -- body: a place closed by a full stop in its own paragraph over the lede is the lede's dateline
DE_LEDE = (
    "Zum ersten Mal seit einem Jahr haben sich die beiden Präsidenten am Rande der Versammlung getroffen "
    "und neunzig Minuten lang über den Krieg in Syrien gesprochen."
)


def test_a_place_with_a_full_stop_over_the_lede_is_the_ledes_dateline(config: Config) -> None:
    article = clean("\n".join(["New York.", "", DE_LEDE, "", "Seite 3 Das Treffen"]), config)
    assert article.text.startswith("New York.")
    assert DE_LEDE in article.text


@pytest.mark.parametrize(
    "lines",
    [
        ["New York", "", DE_LEDE],  # no full stop: a label
        ["New York.", "", "Seite 3 Das Treffen", "", DE_LEDE],  # not right over the lede
        ["Mehr zum Thema bei uns.", "", DE_LEDE],  # a sentence, no place
    ],
)
def test_other_lines_over_the_lede_are_no_dateline_place(config: Config, lines: list[str]) -> None:
    page = Page(split_lines("\n".join(lines)), config.cleaner)
    start = next(i for i, line in enumerate(page.lines) if line.text == DE_LEDE)
    assert not is_lede_place(page, 0, start)


@pytest.mark.parametrize("text", ["I.", "IV.", "NEW YORK."])
def test_a_numeral_or_capitals_over_the_lede_are_no_place(config: Config, text: str) -> None:
    page = Page(split_lines("\n".join([text, "", DE_LEDE])), config.cleaner)
    assert not is_lede_place(page, 0, 2)


# -- headline: a title-cased sentence sharing a common word's stem with the lead, under a kicker
STANDFIRST = "The two powers cannot avoid talking about Syria any longer."
OPINION = (
    "When the two presidents meet at the assembly on Monday, they will have to admit a common interest in "
    "ending the war in Syria, whatever else divides them."
)


def test_a_title_cased_sentence_sharing_a_stem_with_the_lead_is_the_headline(config: Config) -> None:
    page = "\n".join(
        ["Syrian War", "", "Time to Talk Again", "", "Leaders Lunch Agency", STANDFIRST, "", OPINION]
    )
    assert clean(page, config).title == "Time to Talk Again"


@pytest.mark.parametrize(
    "label",
    [
        "Forwarded from Syria Today",  # shares a name only ("Syria"), as a channel's label does
        "Bank of England Notes",  # a name joined by "of"
        "Rain Clouds Over Harbour",  # shares no word with the lead
    ],
)
def test_other_title_cased_lines_are_no_headline_by_that_rule(config: Config, label: str) -> None:
    page = "\n".join(["Syrian War", "", label, "", STANDFIRST, "", OPINION])
    assert clean(page, config).title is None
