"""The cleaner's round-forty rules (issue 9, probe33's and batch20's misses, by kind), on small lines and
pages written for these tests (no real page's text), and lines that only look like them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.cleaner.cues import wire_dateline
from bot.cleaner.dates import url_date
from bot.cleaner.localwords import english_date
from bot.cleaner.patterns import chrome_reason
from bot.cleaner.screenclock import is_screen_clock
from bot.config import Config
from tests.cleaner_body import SECOND
from tests.test_cleaner_rules import _clean as clean

UNGA = [(dt.date(2015, 9, 20), dt.date(2015, 10, 15))]
G20 = [(dt.date(2016, 8, 28), dt.date(2016, 9, 25))]
LEDE = (
    "The two presidents talked for ninety minutes on the sidelines of the summit about the war in Syria "
    "and the ceasefire that their ministers have tried to agree for weeks."
)


# -- dates: an article id opened by a date and a short counter
@pytest.mark.parametrize(
    ("url", "windows", "expected"),
    [
        ("https://news.example/world/aipl/201609050027.aspx", G20, dt.date(2016, 9, 5)),
        ("https://tv.example/monde/rencontre-au-siege_AV-201509280105.html", UNGA, dt.date(2015, 9, 28)),
    ],
)
def test_a_date_opening_a_short_id_is_read_inside_an_event_window(
    url: str, windows: list[tuple[dt.date, dt.date]], expected: dt.date
) -> None:
    found = url_date(url, windows)
    assert found is not None and found.date == expected


@pytest.mark.parametrize(
    ("url", "windows"),
    [
        ("https://news.example/world/aipl/201609050027.aspx", UNGA),  # no window vouches for it
        ("https://news.example/world/aipl/201609050027.aspx", []),
        ("https://news.example/world/201613450027.aspx", G20),  # no month 13: a counter
        ("https://news.example/world/20160905.aspx", []),  # a bare date still reads without a window
    ],
)
def test_a_short_id_no_window_vouches_for_is_no_date(
    url: str, windows: list[tuple[dt.date, dt.date]]
) -> None:
    found = url_date(url, windows)
    assert found is None or found.source == "20160905"


# -- dates: a dateline whose place has its land in brackets, and a yearless day
def test_a_dateline_with_the_places_land_in_brackets_credits_its_agency() -> None:
    lede = "Naciones Unidas (EEUU), 28 sep (EFE).- Los presidentes se reunieron hoy durante hora y media."
    assert wire_dateline(lede) == ("Naciones Unidas (EEUU), 28 sep (EFE).-", "EFE")
    assert wire_dateline("MOSCOW (Agency), Sept 28 - The talks went on.") is None  # a credit, then a comma


def test_a_yearless_bracketed_land_dateline_gives_the_day_and_the_wire(config: Config) -> None:
    page = "\n".join(
        [
            "Mundo",
            "Los presidentes hablan de Siria durante hora y media en la ONU",
            "Nueva York (EEUU), 28 sep (EFE).- Los presidentes de los dos países se reunieron hoy durante "
            "unos noventa minutos en la sede de la ONU para tratar la guerra de Siria.",
            "La reunión se celebró a puerta cerrada y ninguno respondió a las preguntas de la prensa.",
        ]
    )
    article = clean(page, config, url="https://agencia.example/mundo/los-presidentes-hablan/20000012-2723916")
    assert article.date == "2015-09-28"
    assert article.wire == "EFE"


# -- dates: a clock's word beside a numeric date with a two-digit year
def test_a_clock_word_beside_a_two_digit_year_date_is_put_in_english(config: Config) -> None:
    assert english_date("05.09.16, 16:32 Uhr", config.cleaner) == "05.09.16, 16:32"
    assert english_date("Linie 16:32 Uhr", config.cleaner) == "Linie 16:32 Uhr"  # no date beside it


def test_a_date_line_with_a_two_digit_year_and_a_clock_word_dates_the_story(config: Config) -> None:
    page = "\n".join(
        [
            "Politik",
            "Die Präsidenten sprechen über Syrien - aber ohne Ergebnis",
            "05.09.16, 16:32 Uhr",
            "Hangzhou (dpa) - Am Rande des Gipfels haben sich die beiden Präsidenten am Montag zu einem "
            "Gespräch getroffen, das deutlich länger dauerte als geplant.",
            "Eine Einigung auf eine Feuerpause gab es jedoch nicht, sagten Diplomaten beider Seiten.",
        ]
    )
    assert clean(page, config).date == "2016-09-05"


# -- dates: a teletext screen's header row is a live clock, no date
@pytest.mark.parametrize(
    ("text", "screen"),
    [
        (" 125 SENDERtext Mo 05.09.16 17:48:03", True),
        ("301 Newsline 28/09/2015 09:02:45", True),
        ("05.09.16, 16:32 Uhr", False),  # a stamp: no page number, no seconds
        ("125 Main Street 05.09.16", False),  # no clock
        ("2016-09-05 17:48:03", False),  # a stamp to the second, no page number
    ],
)
def test_a_screen_header_row_is_told_by_its_page_number_and_running_clock(text: str, screen: bool) -> None:
    assert is_screen_clock(text) is screen


def test_a_teletext_page_whose_only_date_is_its_header_clock_states_none(config: Config) -> None:
    page = "\n".join(
        [
            "SENDER Text",
            " 125 SENDERtext Mo 05.09.16 17:48:03",
            " SENDER Text         Ausland",
            " ",
            " Präsidenten ohne Syrien-Einigung",
            " ",
            " Am Rande des Gipfels in Hangzhou haben",
            " die beiden Präsidenten rund anderthalb",
            " Stunden miteinander gesprochen.",
        ]
    )
    article = clean(page, config, url="https://text.example/index.php?page=125")
    assert article.date is None
    assert "125 SENDERtext" in " ".join(d.text for d in article.dropped)


# -- chrome: a broadcast station's block and inline "SEE MORE:" links
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        (
            "Persons with disabilities who need assistance accessing KXYZ's FCC public files, please write",
            "site-notice",
        ),
        ("Play Live Radio", "media-player"),
        ("Listen Live", "media-player"),
        ("Next Up:", "media-player"),
        ("Support local reporting and keep public media strong with a donation today!", "donate"),
        ("Become a sustaining member now", "donate"),
    ],
)
def test_a_stations_block_and_see_more_links_are_chrome(config: Config, text: str, reason: str) -> None:
    assert chrome_reason(text, config.cleaner) == reason


@pytest.mark.parametrize(
    "text",
    [
        "The charity asked supporters to give a donation today, and many did.",  # a story's sentence
        '"Support us with a donation today," the appeal read.',  # a quoted plea
        "The regulator said it would review the station's filings next year.",
        "We will see more talks between the ministers next week, the official said.",
    ],
)
def test_sentences_that_only_look_like_a_stations_block_stay(config: Config, text: str) -> None:
    assert chrome_reason(text, config.cleaner) is None


def test_a_headline_under_a_stations_block_is_found(config: Config) -> None:
    page = "\n".join(
        [
            "© 2025 Valley Public Radio",
            "Persons with disabilities who need assistance accessing the station's FCC public files, please "
            "contact the station's office.",
            "Play Live Radio",
            "Next Up:",
            "Support essential local news and protect public media with a donation today!",
            "",
            "Presidents Talk Syria For Ninety Minutes At Summit",
            "",
            LEDE,
            "",
            SECOND,
        ]
    )
    article = clean(page, config, url="https://radio.example/2015-09-29/after-their-meeting")
    assert article.title == "Presidents Talk Syria For Ninety Minutes At Summit"
    assert "FCC" not in article.text and "donation" not in article.text


def test_see_more_links_between_paragraphs_are_dropped(config: Config) -> None:
    rows = [
        "The president said on Monday that gaps in trust between the two countries kept them from a deal.",
        "The two leaders met at the summit in an effort to reach a ceasefire but came away without one.",
        "SEE MORE: How Aid Groups Are Helping Families Leave The City",
        "The two countries back different sides in the war, which has gone on for five years.",
        "SEE MORE: Ministers Deny Any Link Between The Leak And The Talks",
        "Calls for a truce have grown louder as the fighting around the northern city goes on.",
    ]
    article = clean("\n".join(rows), config)
    assert "SEE MORE" not in article.text
    assert [d.reason for d in article.dropped] == ["related-teaser", "related-teaser"]
    assert rows[3] in article.text and rows[5] in article.text


# -- chrome and headline: a most-read rail, titles with their view counts under them
def _railed(titles: list[str], counts: list[str]) -> list[str]:
    rows: list[str] = []
    for title, count in zip(titles, counts, strict=True):
        rows += [title, "", count, ""]
    return rows


RAIL = ["Crash On The Ring Road: Two Hurt", "Is The Old Market Hall Closing?", "Heatwave Returns This Week"]


def test_a_rail_of_titles_with_view_counts_is_chrome_and_the_story_keeps_its_headline(config: Config) -> None:
    headline = "Military Action In Syria: No Deal Between The Presidents"
    page = "\n".join([*_railed(RAIL, ["28.867", "1.290", "3,477"]), headline, "", LEDE, "", SECOND])
    article = clean(page, config)
    assert article.title == headline
    assert {d.text for d in article.dropped if d.reason == "trending"} == set(RAIL)


def test_two_counted_titles_or_titles_without_counts_are_no_rail(config: Config) -> None:
    two = "\n".join([*_railed(RAIL[:2], ["28.867", "1.290"]), "Military Action In Syria: No Deal", "", LEDE])
    assert not [d for d in clean(two, config).dropped if d.reason == "trending"]
    plain = "\n".join([*RAIL, "", LEDE, "", SECOND])
    assert not [d for d in clean(plain, config).dropped if d.reason == "trending"]


# -- chrome: a player's timecodes and download button, a most-read label, in other languages too
@pytest.mark.parametrize("text", ["0:00 0:02:37 0:00", "1:12 4:05", "Download"])
def test_a_players_timecode_row_and_download_button_are_chrome(config: Config, text: str) -> None:
    assert chrome_reason(text, config.cleaner) == "media-player"


@pytest.mark.parametrize(
    "text", ["The talks began at 10:30 and ended at 12:00.", "Download the full report here"]
)
def test_lines_that_only_mention_clocks_or_downloads_stay(config: Config, text: str) -> None:
    assert chrome_reason(text, config.cleaner) is None


def test_a_players_download_word_and_a_most_read_label_of_another_language_are_chrome(config: Config) -> None:
    lede = (
        "Президенты двух стран встретились в Нью-Йорке и полтора часа обсуждали ситуацию в Сирии и на "
        "Украине, сообщили журналистам представители обеих делегаций."
    )
    second = "Стороны договорились продолжить контакты на уровне министров иностранных дел в ближайшие дни."
    teaser = "Начнет ли Россия воздушную операцию?"
    rows = ["Президенты обсудили Сирию и Украину", "0:00 0:02:37 0:00", "Скачать", lede, second]
    rows += ["Самое популярное", teaser, "Папа Римский завершил визит", "Главное за неделю", "Комментарии"]
    article = clean("\n".join(rows), config)
    reasons = {d.text: d.reason for d in article.dropped}
    assert reasons["Скачать"] == "media-player"
    assert reasons["Самое популярное"] == reasons[teaser] == "related-teaser"
    assert lede in article.text and second in article.text


# -- chrome: a poster's signature under the "--" delimiter
def test_a_signature_under_the_delimiter_is_chrome(config: Config) -> None:
    reply = (
        "A reply that quotes nothing and adds that the talks will go on next week at the ministers' level."
    )
    page = "\n".join([LEDE, "", SECOND, "", "--", "Ivan", '"Slow and steady wins the race."', "", reply])
    article = clean(page, config)
    assert [d.text for d in article.dropped if d.reason == "signature"] == [
        "Ivan",
        '"Slow and steady wins the race."',
    ]
    assert SECOND in article.text


def test_a_long_run_under_a_delimiter_is_no_signature(config: Config) -> None:
    long_run = [f"Point {n}: the ministers will meet again to settle the terms." for n in range(1, 7)]
    page = "\n".join([LEDE, "", "--", *long_run, "", SECOND])
    assert not [d for d in clean(page, config).dropped if d.reason == "signature"]
    prose = "\n".join([LEDE, "", "--", SECOND + " " + SECOND, "", LEDE])  # a paragraph, not a short line
    assert not [d for d in clean(prose, config).dropped if d.reason == "signature"]


# -- chrome: a summary box's label over its bullet points
def test_a_short_label_over_bullet_points_is_chrome_and_the_points_stay(config: Config) -> None:
    points = [
        "• The two presidents met for ninety minutes on the sidelines of the summit.",
        "• No agreement on a ceasefire was reached, officials on both sides said.",
    ]
    page = "\n".join(
        ["Presidents Talk Syria For Ninety Minutes At Summit", "Key points in brief:", *points, LEDE, SECOND]
    )
    article = clean(page, config)
    assert [d.text for d in article.dropped if d.reason == "summary-label"] == ["Key points in brief:"]
    assert all(point in article.text for point in points)


@pytest.mark.parametrize(
    "label",
    [
        "The ministers set out three demands:",  # a sentence introducing its list: longer than a label
        "Key points:\n",  # a blank line between: no box
    ],
)
def test_a_sentence_over_a_list_or_a_label_apart_from_it_stays(config: Config, label: str) -> None:
    points = ["• A ceasefire in the north by the end of the month.", "• Aid convoys let through every week."]
    page = "\n".join([LEDE, label, *points, SECOND])
    assert not [d for d in clean(page, config).dropped if d.reason == "summary-label"]
