"""The cleaner's round-thirty-six rules (issue 9, batch19's misses by kind), on small lines and pages written
for these tests (no real page's text), and lines that only look like them.

A board's stamp split from its post number, a labelled bare link, an archive's reuse notice and an
editor's bracketed note after it, a date row split by double slashes (its agency the wire), a sponsor's
teaser under its label, a slug's six-digit id read as a date only where something vouches for it, update
words of other languages (config data), a photo credit "© AGENCY / NAME" in any script, the picture's link
under it, and a topic box's counted name.
"""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.cleaner.daterow import date_row_fields, is_date_row
from bot.cleaner.dates import find_update, is_update_word, url_date
from bot.cleaner.patterns import chrome_reason
from bot.config import Config
from tests.test_cleaner_rules import _clean as clean

LEDE = (
    "UNITED NATIONS (AP) — The two presidents met for about ninety minutes on Monday and agreed on little "
    "beyond the need to keep talking about the war."
)
SECOND = "An official said the leaders would ask their foreign ministers to carry on the talks this week."
THIRD = "Neither side announced any new step on the conflict in the east of the country."


def _kept(article) -> list[str]:  # type: ignore[no-untyped-def]
    return [s.text for s in article.sentences]


def _thread(config: Config) -> list[str]:
    page = "\n".join(
        [
            "Big Board > Politics",
            "Leaders meet at the assembly",
            "Old 09-28-2015, 09:52 PM",
            "#1",
            "river_otter",
            "Location: Duluth",
            "1,204 posts, read 88,001 times",
            "Leaders meet at the assembly",
            "Here it is, pasted in full:",
            "Quote:",
            LEDE,
            SECOND,
            "Link: apnews.com",
            "Old 09-28-2015, 10:07 PM",
            "#2",
            "granite_fox",
            "Location: Boise",
            "Ninety minutes of talking and nothing changed at all for anyone.",
        ]
    )
    return _kept(clean(page, config, "http://board.example.org/thread/42-leaders-meet.html"))


def test_a_stamp_over_its_post_number_on_a_line_of_its_own_is_a_post_stamp(config: Config) -> None:
    kept = _thread(config)
    assert any("ninety minutes on Monday" in text for text in kept)
    assert not any(text.startswith(("Old 09-28", "#2", "granite_fox", "Link:")) for text in kept)
    assert not any("nothing changed at all" in text for text in kept)  # the reply under the second stamp


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("Link: apnews.com", "url"),
        ("Source link: www.example.org/story/1", "url"),
        ("Link: the leaders did not agree on anything.", None),
    ],
)
def test_a_labelled_bare_link_is_a_url(config: Config, text: str, reason: str | None) -> None:
    assert chrome_reason(text, config.cleaner) == reason


def test_an_icon_ligature_needs_a_clock_or_date_after_it(config: Config) -> None:
    assert chrome_reason("schedule had allowed.", config.cleaner) is None  # a wrapped sentence's tail
    assert chrome_reason("schedule 10:45 AM", config.cleaner) == "page-clock"
    assert chrome_reason("access_time Sept 5, 2016", config.cleaner) == "page-clock"


@pytest.mark.parametrize(
    "text",
    [
        "Items are reproduced for study; copyright remains with the original publishers.",
        "Copyright in all material rests with the publisher. Reproduction prohibited.",
        "Reproduction is strictly forbidden without the editor's consent.",
    ],
)
def test_an_archive_reuse_notice_is_chrome(config: Config, text: str) -> None:
    assert chrome_reason(text, config.cleaner) == "reuse-notice"


def test_prose_about_copyright_is_no_reuse_notice(config: Config) -> None:
    text = "The copyright dispute between the two studios remains unresolved, lawyers said on Monday."
    assert chrome_reason(text, config.cleaner) is None


def test_an_editors_bracketed_note_before_a_reuse_notice_is_dropped(config: Config) -> None:
    page = "\n".join(
        [
            "Leaders talk at the assembly",
            LEDE,
            SECOND,
            "[Ed: see the previous issue for the speeches made that morning.]",
            "==========",
            "Archive pages are supplied for research. Copyright in all material rests with the publisher.",
        ]
    )
    kept = _kept(clean(page, config))
    assert any("foreign ministers" in text for text in kept)
    assert not any(text.startswith("[Ed:") or "rests with" in text for text in kept)


def test_a_date_between_two_copies_is_no_photographers_credit(config: Config) -> None:
    summary = "The two leaders talked for an hour in the city as their envoys failed to settle a truce."
    page = "\n".join(
        [
            "Leaders meet on the summit's sidelines, no truce yet",
            summary,
            "Jane Roe   |05.09.2016",
            "HANGZHOU, China",
            summary,
            SECOND,
            THIRD,
        ]
    )
    article = clean(page, config, "https://agency.example.com/en/world/leaders-meet/638412")
    assert str(article.date) == "2016-09-05"


def test_a_double_slash_date_row_gives_the_date_and_its_agency_the_wire(config: Config) -> None:
    row = "September 5, 2016 // Reuters // Photo: Getty Images/AFP"
    assert is_date_row(row)
    assert date_row_fields(row) == ["Reuters"]
    assert date_row_fields("Sections // World // Opinion") == []  # no date: no date row
    page = "\n".join(["Leaders Hold Talks But Reach No Deal", row, SECOND.replace("An", "A senior"), THIRD])
    article = clean(page, config, "https://farm.example.com/leaders-hold-talks/")
    assert (str(article.date), article.wire) == ("2016-09-05", "Reuters")
    assert not any(text.startswith("September 5") for text in _kept(article))


def test_a_sponsors_teaser_under_its_label_is_chrome(config: Config) -> None:
    page = "\n".join(
        [
            "Leaders Hold Talks But Reach No Deal",
            LEDE,
            "Sponsored Content",
            "Doctors Cannot Explain This One Odd Habit",
            SECOND,
            "Advertisement",
            THIRD,
        ]
    )
    kept = _kept(clean(page, config))
    assert not any(text.startswith("Doctors") for text in kept)
    assert any(text.startswith("Neither side") for text in kept)  # a plain "Advertisement" labels a slot


WINDOW = [(dt.date(2015, 9, 20), dt.date(2015, 10, 15))]


@pytest.mark.parametrize(
    ("url", "windows", "expected"),
    [
        ("https://b.example.com/2015/09/150928_country_topic", [], dt.date(2015, 9, 28)),  # folders agree
        ("https://b.example.com/news/150928_country_topic", WINDOW, dt.date(2015, 9, 28)),  # in a window
        ("https://b.example.com/news/150928_country_topic", [], None),  # nothing vouches
        ("https://b.example.com/news/2016/09/150928_country_topic", [], None),  # the folder contradicts
        ("https://b.example.com/news/123456_story", WINDOW, None),  # no valid date (month 34)
        ("https://b.example.com/news/151332_story", WINDOW, None),  # no valid date (month 13)
        ("https://b.example.com/news/150928", WINDOW, None),  # a bare number is no slug
    ],
)
def test_a_slugs_six_digit_id_is_a_date_only_where_vouched_for(
    url: str, windows: list[tuple[dt.date, dt.date]], expected: dt.date | None
) -> None:
    found = url_date(url, windows)
    assert (found.date if found else None) == expected


def test_update_words_of_other_languages_are_config_data(config: Config) -> None:
    words = config.cleaner.update_words
    assert words and all(re.search(r"[^\W\d_]", word) for word in words)
    stamp = "00:47 29.09.2015 (обновлено: 03:12 30.09.2015)"
    assert find_update(stamp, 120) is None  # English's words alone do not read it
    found = find_update(stamp, 120, (), words)
    assert found is not None and found.date == dt.date(2015, 9, 30)
    assert is_update_word("Publié le 05-09-2016 • Modifié le 05-09-2016 à 15:47", words)
    assert not is_update_word("Publié le 05-09-2016", words)


def test_a_russian_stamp_with_its_update_and_the_credited_caption(config: Config) -> None:
    page = "\n".join(
        [
            "Агентство Север",
            "Политика",
            "10:05 29.09.2015 (обновлено: 12:40 29.09.2015)",
            "Лидеры двух стран встретились в Нью-Йорке и обсудили Сирию",
            "Президенты двух стран перед началом встречи в здании ООН в Нью-Йорке",
            "© Агентство Север / Иван Петров",
            "Открыть в фотобанке",
            "НЬЮ-ЙОРК, 29 сен — Агентство Север. Встреча лидеров двух стран продолжалась около полутора "
            "часов и прошла, по словам участников, в деловом ключе.",
            "Главной темой беседы стала ситуация в Сирии, сообщили журналисты после окончания встречи.",
            "Стороны также коротко обсудили ситуацию на востоке Украины и договорились продолжить контакты.",
        ]
    )
    article = clean(page, config, "https://sever.example.ru/20150929/123456.html")
    assert str(article.updated) == "2015-09-29"
    assert article.title == "Лидеры двух стран встретились в Нью-Йорке и обсудили Сирию"
    kept = _kept(article)
    assert kept[0].startswith("Президенты двух стран")  # the caption, kept as one
    assert not any(text.startswith(("©", "Открыть")) for text in kept)


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("© Агентство Север / Иван Петров", "photo-credit"),
        ("© Wire Service / Jane Doe", "photo-credit"),
        ("© 2016 Site / All rights", "copyright"),
    ],
)
def test_a_marked_agency_and_photographer_is_a_photo_credit(config: Config, text: str, reason: str) -> None:
    assert chrome_reason(text, config.cleaner) == reason


def test_a_counted_topic_under_its_label_is_chrome(config: Config) -> None:
    page = "\n".join(
        [
            "Leaders Talk Syria for 90 Minutes but Truce Still Pending",
            "Topic:",
            "Summit in the City (41)",
            LEDE,
            SECOND,
            "Scores (3)",  # a count with no label above it is left to the other rules
            THIRD,
        ]
    )
    kept = _kept(clean(page, config))
    assert not any(text.startswith(("Topic", "Summit in the City")) for text in kept)
    assert any(text.startswith("Neither side") for text in kept)


def _dateline_page(lede: str) -> str:
    return "\n".join(["Лидеры двух стран встретились в Ханчжоу", lede, SECOND, THIRD])


def test_a_local_dateline_credits_the_known_agency_after_its_dash(config: Config) -> None:
    lede = "ХАНЧЖОУ, 5 сен — ТАСС, Иван Петров. Лидеры двух стран провели переговоры на полях саммита."
    assert clean(_dateline_page(lede), config).wire == "TASS"


def test_a_local_dateline_naming_no_known_agency_credits_none(config: Config) -> None:
    lede = "Hangzhou, 5 Sept — Officials said, after the talks ended, that a deal was close. Nobody agreed."
    assert clean(_dateline_page(lede), config).wire is None
