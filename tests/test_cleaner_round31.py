"""The cleaner's round-thirty-one rules (issue 9: the kinds probe28's real pages missed), on small lines and
pages written for these tests (no real page's text), and lines that only look like them."""

from __future__ import annotations

import pytest

from bot.cleaner.bylines import pictures_the_lede
from bot.cleaner.dates import is_date_only
from bot.cleaner.eventvenue import datelined_elsewhere
from bot.cleaner.outlets import outlet_table
from bot.cleaner.patterns import TEASER_MARKERS
from bot.cleaner.reportsby import verb_first_credits
from bot.cleaner.transliterate import latin_letters
from bot.config import Config
from tests.test_cleaner_rules import _clean as clean

UNDATED = "https://www.lagooncourier.com/world/leaders-talk-on-the-margins/"
HEAD = "Leaders talk on the margins of the economic summit"
MEETING = (
    "{dateline}President Barack Obama met President Vladimir Putin for half an hour on Sunday on the"
    " sidelines of the Group of 20 economic summit."
)
MINISTERS = "The talks followed a meeting of John Kerry and Sergei Lavrov that ended without a deal."
LATER = "Aides on both sides said the diplomats would keep working on the text in the coming days."


def _series_page(dateline: str) -> str:
    return "\n\n".join([HEAD, MEETING.format(dateline=dateline), MINISTERS, LATER]) + "\n"


@pytest.mark.parametrize("dateline", ["TARNBY, Norland — ", "LAGOS, Nigeria (AP) -- "])
def test_an_undated_series_page_filed_from_another_land_gets_no_event(config: Config, dateline: str) -> None:
    assert clean(_series_page(dateline), config, url=UNDATED).event is None


@pytest.mark.parametrize("dateline", ["", "HANGZHOU, China — ", "BEIJING, China — ", "WASHINGTON — "])
def test_an_undated_series_page_filed_from_the_events_land_or_no_land_keeps_it(
    config: Config, dateline: str
) -> None:
    """The event's city or its country in the dateline, or a dateline naming no land: round 28's rule."""
    assert clean(_series_page(dateline), config, url=UNDATED).event == "g20-2016"


def test_a_dated_page_filed_from_elsewhere_keeps_its_windows_event(config: Config) -> None:
    url = "https://www.lagooncourier.com/2016/09/05/leaders-talk/"
    page = _series_page("TARNBY, Norland — ")
    assert clean(page, config, url=url).event == "g20-2016"


def test_a_dateline_is_read_from_a_line_opening_only(config: Config) -> None:
    event = next(e for e in config.events if e.id == "g20-2016")
    assert datelined_elsewhere(event, "TARNBY, Norland — The leaders met.")
    assert not datelined_elsewhere(event, "They met, said TARNBY, Norland — and left.")
    assert not datelined_elsewhere(event, "HANGZHOU, China — The leaders met.")


@pytest.mark.parametrize(
    ("line", "stamp"),
    [
        ("BDST: 0844 HRS, SEPT 25, 2015", True),  # a zone, a 24-hour clock in "HRS", the date
        ("2130 hrs, 28 September 2015", True),
        ("2015 HRS", False),  # a year alone is no date
        ("Troops arrived at 0844 HRS, SEPT 25, 2015, officials said", False),
        ("BDST: 2544 HRS, SEPT 25, 2015", False),  # no hour 25
    ],
)
def test_a_sign_off_stamp_with_a_24_hour_clock_is_a_date_line(line: str, stamp: bool) -> None:
    assert is_date_only(line) is stamp


def test_a_sign_off_stamp_under_the_story_dates_it_and_is_chrome(config: Config) -> None:
    lede = "TARNBY: The two leaders will meet on Monday in New York, officials from both capitals say."
    second = "The talks will take place on the sidelines of the UN General Assembly, an aide said."
    page = f"{lede}\n{second}\n{MINISTERS}\nTST: 0915 HRS, SEPT 26, 2015\nQK\n"
    article = clean(page, config, url="https://www.lagooncourier.com/english/world/news/81234.details")
    assert article.date == "2015-09-26"
    assert "0915" not in article.text


@pytest.mark.parametrize(
    ("url", "date"),
    [
        ("https://www.lagooncourier.com/english/world/news/81234.details", "2015-09-26"),  # the window's year
        ("https://www.lagooncourier.com/2016/world/81234.details", "2016-09-26"),  # the URL's year first
    ],
)
def test_a_yearless_sign_off_stamp_takes_its_year_by_the_existing_rules(
    config: Config, url: str, date: str
) -> None:
    lede = "TARNBY: The two leaders will meet on Monday in New York, officials from both capitals say."
    second = "The talks will take place on the sidelines of the UN General Assembly, an aide said."
    page = f"{lede}\n{second}\n{MINISTERS}\nTST: 0915 HRS, SEPT 26\nQK\n"
    article = clean(page, config, url=url)
    assert article.date == date
    assert "0915" not in article.text


def test_a_timelines_day_heading_without_a_clock_stays(config: Config) -> None:
    """A month and day alone between paragraphs heads a timeline's entry; only a clock makes it a stamp."""
    first = "The two leaders met at the General Assembly in New York, aides from both sides said."
    entry = "They spoke again by telephone about the ceasefire in Syria, the Kremlin said."
    page = f"{HEAD}\n\n{first}\n\n28 September\n\n{entry}\n\n{MINISTERS}\n"
    assert "28 September" in clean(page, config, url=UNDATED).text


GLUED = (
    "{date} Russian President Vladimir Putin sat down for talks with the UN Secretary-General on the"
    " sidelines of the General Assembly, his aides said."
)


@pytest.mark.parametrize(("date", "iso"), [("Sep 30, 2015", "2015-09-30"), ("30 Sept 2015", "2015-09-30")])
def test_a_full_date_glued_to_the_lede_dates_the_page(config: Config, date: str, iso: str) -> None:
    page = "\n".join([HEAD, GLUED.format(date=date), MINISTERS, LATER]) + "\n"
    article = clean(page, config, url="https://lagoontv.com/putin-meets-un-chief-on-terrorism")
    assert article.date == iso
    assert article.text.startswith(date)  # the lede's line stays the story's


def test_a_lede_opening_with_a_month_and_day_only_takes_no_year(config: Config) -> None:
    page = "\n".join([HEAD, GLUED.format(date="Sep 30"), MINISTERS, LATER]) + "\n"
    assert clean(page, config, url="https://lagoontv.com/putin-meets-un-chief-on-terrorism").date is None


@pytest.mark.parametrize(
    ("paragraph", "credited"),
    [
        ("Лидеры встретились на полях саммита, передает ТАСС.", ["TASS"]),
        ("The leaders met on the margins, reports Reuters. Aides agreed.", ["Reuters"]),
        ("Officials from both countries say, reports the BBC.", []),  # a broadcaster: a claim's source
        ("He met them, reports Lagoon. Then he left.", []),  # unknown to the table
        ("Reuters reports that the leaders met.", []),  # the verb after the name is read elsewhere
    ],
)
def test_an_agency_credited_after_its_verb(config: Config, paragraph: str, credited: list[str]) -> None:
    found = [
        credit.value
        for credit in verb_first_credits(paragraph, outlet_table(config), config.cleaner.credit_verbs)
    ]
    assert found == credited


def test_a_state_broadcasters_lede_crediting_an_agency_in_its_own_script_names_the_wire(
    config: Config,
) -> None:
    lede = "Президенты России и США завершили встречу на полях саммита G20 в Ханчжоу, передает ТАСС."
    second = "По словам пресс-секретаря, встреча продолжалась больше запланированного времени."
    page = f"11:28 05/09/2016\n\nПутин и Обама обсудили Сирию\n\n{lede}\n\n{second}\n"
    assert clean(page, config, url="https://lagoon24.tv/news/14912").wire == "TASS"


@pytest.mark.parametrize(
    ("line", "link"),
    [
        ("ЧИТАЙТЕ ТАКЖЕ: Россия на саммите: большая политика", True),
        ("Lesen Sie auch: Der Gipfel in Hangzhou", True),
        ("READ ALSO: Leaders to meet next week", True),
        ("Читайте, что сказал президент на встрече с журналистами.", False),
    ],
)
def test_read_also_labels_in_the_coverages_languages_mark_a_link(line: str, link: bool) -> None:
    assert (TEASER_MARKERS.search(line) is not None) is link


def test_a_read_also_line_between_paragraphs_is_chrome(config: Config) -> None:
    lede = "Президенты России и США завершили встречу на полях саммита G20 в Ханчжоу, передает ТАСС."
    second = "По словам пресс-секретаря, встреча продолжалась больше запланированного времени."
    third = "В конце встречи президенты договорились продолжить работу министров иностранных дел."
    link = "ЧИТАЙТЕ ТАКЖЕ: Россия на саммите G20: большая политика и личные отношения"
    page = f"Путин и Обама обсудили Сирию\n\n{lede}\n\n{second}\n\n{link}\n\n{third}\n"
    article = clean(page, config, url="https://lagoon24.tv/news/14912")
    assert "ЧИТАЙТЕ" not in article.text
    assert third in article.text


NAMED_LEDE = "NEW YORK: Barack Obama and Vladimir Putin met on Monday at the United Nations to discuss Syria."


@pytest.mark.parametrize(
    ("line", "lede", "caption"),
    [
        ("Barack Obama and Vladimir Putin", NAMED_LEDE, True),
        ("Vladimir Putin, Barack Obama", NAMED_LEDE, True),
        ("Jane Roe and John Doe", NAMED_LEDE, False),  # writers the lede does not tell of
        ("Barack Obama and Jane Roe", NAMED_LEDE, False),  # one name the lede does not tell of
        ("Barack Obama", NAMED_LEDE, False),  # one name: no list of the people who met
    ],
)
def test_a_line_of_names_the_lede_tells_of_pictures_them(
    config: Config, line: str, lede: str, caption: bool
) -> None:
    assert pictures_the_lede(line, lede, config.cleaner) is caption


def test_names_of_the_leaders_under_the_headline_are_a_caption_not_a_byline(config: Config) -> None:
    page = "\n\n".join([HEAD, "Barack Obama and Vladimir Putin", NAMED_LEDE, MINISTERS, LATER]) + "\n"
    article = clean(page, config, url="https://www.lagooncourier.com/2015/09/29/leaders-meet/")
    assert article.byline is None
    assert article.text.startswith("Barack Obama and Vladimir Putin")


def test_writers_names_under_the_headline_stay_the_byline(config: Config) -> None:
    page = "\n\n".join([HEAD, "Jane Roe and John Doe", NAMED_LEDE, MINISTERS, LATER]) + "\n"
    article = clean(page, config, url="https://www.lagooncourier.com/2015/09/29/leaders-meet/")
    assert article.byline == "Jane Roe and John Doe"


@pytest.mark.parametrize(
    ("text", "latin"),
    [
        ("МИР 24", "mir 24"),
        ("Щит-ТВ", "shchit-tv"),
        ("Подъезд", "podezd"),
        ("Їжак", "yizhak"),
        ("BBC", "bbc"),
    ],
)
def test_cyrillic_letters_read_in_latin(text: str, latin: str) -> None:
    assert latin_letters(text) == latin


RUSSIAN_PAGE = (
    "{masthead}\n\n14:05 05/09/2016\n\nПутин и Обама обсудили Сирию\n\n"
    "Президенты России и США завершили встречу на полях саммита G20 в Ханчжоу.\n\n"
    "По словам пресс-секретаря, встреча продолжалась больше запланированного времени.\n"
)


@pytest.mark.parametrize(
    ("masthead", "outlet"),
    [
        ("ЛАГУНА 24", "ЛАГУНА 24"),  # its logo text spells the domain in Cyrillic: the name as printed
        ("ПРИБОЙ 24", "Laguna 24"),  # another name: the domain's words
    ],
)
def test_a_name_printed_in_cyrillic_that_spells_the_domain_is_the_outlet(
    config: Config, masthead: str, outlet: str
) -> None:
    page = RUSSIAN_PAGE.format(masthead=masthead)
    assert clean(page, config, url="https://lite.laguna24.tv/amp/news/14912").outlet == outlet
