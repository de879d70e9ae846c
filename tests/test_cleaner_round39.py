"""The cleaner's round-thirty-nine rules (issue 9, the misses every held-out round left, by kind), on small
lines and pages written for these tests (no real page's text), and lines that only look like them.

Dates and furniture words of other languages are read as English's own: the month's and weekday's names,
a clock's word and the furniture's words are config data (`cleaner.month_names`, `weekday_names`,
`clock_words`, `chrome_words`); the page is laid out from a reading copy in English's words, and its
sentences keep the page's own.
"""

from __future__ import annotations

import pytest

from bot.cleaner.cues import wire_dateline
from bot.cleaner.dates import find_date, is_date_only
from bot.cleaner.lines import split_lines
from bot.cleaner.localwords import english_chrome, english_date, own_lines, own_words, reading_lines
from bot.cleaner.unwrap import unwrap
from bot.config import CleanerConfig, Config, parse_config
from bot.errors import ConfigError
from tests.test_cleaner_rules import _clean as clean

AGENCIES = ("dpa", "AFP")
LEDE_DE = (
    "New York (dpa) - Der amerikanische Präsident und der russische Staatschef haben am Rande der "
    "UN-Vollversammlung zum ersten Mal seit Monaten wieder lange miteinander gesprochen."
)
SECOND_DE = "Bei der Frage nach der Zukunft der syrischen Regierung blieben beide Seiten weit auseinander."


def _known(name: str) -> bool:
    return name in AGENCIES


@pytest.fixture(scope="module")
def settings(config: Config) -> CleanerConfig:
    return config.cleaner


# -- dates written in other languages
@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("24 de septiembre de 2015", "24 September 2015"),
        ("Montag, 28. September 2015, 22:15 Uhr", "Monday, 28 September 2015, 22:15"),
        ("5 сентября 2016 г., 14:20", "5 September 2016, 14:20"),
        ("Publié le 1er octobre 2015 à 08h40", "Publié le 1 October 2015 à 08:40"),
        ("martes, 29 de septiembre de 2015", "Tuesday, 29 September 2015"),
        ("5 settembre 2016", "5 September 2016"),
        ("5 de setembro de 2016", "5 September 2016"),
        ("5 września 2016", "5 September 2016"),
        ("5 вересня 2016 року, 14:20", "5 September 2016, 14:20"),
        ("5 Eylül 2016", "5 September 2016"),
        ("5 Agustus 2016", "5 August 2016"),
    ],
)
def test_a_date_of_another_language_is_read_as_english_writes_it(
    settings: CleanerConfig, text: str, english: str
) -> None:
    assert english_date(text, settings) == english


@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("МОСКВА, 29 сентября. /ТАСС/.", "МОСКВА, 29 September. /ТАСС/."),
        ("Nueva York, 28 de septiembre (EFE).-", "Nueva York, 28 September (EFE).-"),
        ("le 29 septembre, à New York", "le 29 September, à New York"),
    ],
)
def test_a_day_and_a_foreign_months_name_without_a_year_is_read_too(
    settings: CleanerConfig, text: str, english: str
) -> None:
    assert english_date(text, settings) == english


def test_a_wire_datelines_day_without_a_year_takes_the_events_year(config: Config) -> None:
    page = (
        "Obama y Putin se reúnen en Nueva York\n\nNueva York, 28 de septiembre (EFE).- Los presidentes de "
        "Estados Unidos y Rusia se reunieron este lunes al margen de la Asamblea General de la ONU durante "
        "hora y media.\n\nAmbos hablaron sobre Siria y Ucrania, según fuentes oficiales."
    )
    article = clean(page, config, "https://www.diario-ejemplo.com.ar/mundo/obama-putin")
    assert (article.date, article.wire, article.event) == ("2015-09-28", "EFE", "unga-2015")


@pytest.mark.parametrize(
    "text",
    [
        "3 out of 5 voters",  # a short name English spells alike is read only beside a year
        "3 mars sont arrivés",
        "29 Sep 2015",  # English's own reader reads it: it stays as printed
        "am 28. September trafen sie sich",  # no year: no full date
        "Seit 2015 streiten beide Seiten",
        "The 24h race",
    ],
)
def test_text_that_is_no_foreign_date_stays_as_printed(settings: CleanerConfig, text: str) -> None:
    assert english_date(text, settings) == text


def test_a_foreign_date_line_is_a_date_line_once_read(settings: CleanerConfig) -> None:
    line = "lunes, 28 de septiembre de 2015 - 12:30 hs"
    assert not is_date_only(line)
    read = english_date(line, settings)
    assert is_date_only(read)
    found = find_date(read)
    assert found is not None and found.date.isoformat() == "2015-09-28"


def test_no_month_names_read_nothing() -> None:
    assert english_date("24 de septiembre de 2015", CleanerConfig()) == "24 de septiembre de 2015"


# -- furniture words of other languages
@pytest.mark.parametrize(
    ("text", "english"),
    [
        ("Kommentare", "Comments"),
        ("Commentaires (4)", "Comments (4)"),
        ("Поделиться", "Share"),
        ("Komentarze (12)", "Comments (12)"),
        ("Baca juga: Judul berita yang lain", "Read more: Judul berita yang lain"),
        ("Lea también: Otro título de la misma página", "Read more: Otro título de la misma página"),
        ("Diese Diskussion ist geschlossen.", "Comments are closed."),
        ("Von dpa", "By dpa"),
        ("Von Anna Berg und Jan Roth", "By Anna Berg und Jan Roth"),
        ("Por María Pérez", "By María Pérez"),
        (
            "Eine Bildunterschrift zum Treffen. Foto: Max Muster / Pool",
            "Eine Bildunterschrift zum Treffen. Photo: Max Muster / Pool",
        ),
        ("Publicado el 5 September 2016", "Published 5 September 2016"),
    ],
)
def test_a_furniture_word_of_another_language_is_read_as_english(
    settings: CleanerConfig, text: str, english: str
) -> None:
    assert english_chrome(text, settings, _known) == english


@pytest.mark.parametrize(
    "text",
    [
        "Von Putin enttäuscht",  # a byline's word before anything but a name may open a headline
        "Von Krise zu Krise",
        "Par Avion",
        "Por qué Obama y Putin no se entienden",
        "Von 2015 an gab es keine Treffen mehr",  # a byline's word before a number is prose
        "Kommentare von Lesern sind willkommen, sagte der Redakteur",  # the word opens a sentence
        "Das Foto zeigt beide Präsidenten beim Handschlag.",
    ],
)
def test_prose_that_opens_like_furniture_stays_as_printed(settings: CleanerConfig, text: str) -> None:
    assert english_chrome(text, settings, _known) == text


# -- the reading copy and the page's own words
def test_the_reading_copy_is_the_page_itself_when_nothing_is_foreign(settings: CleanerConfig) -> None:
    lines = split_lines("A headline of the story\n\nThe first paragraph of the story.")
    assert reading_lines(lines, settings, _known) is lines


def test_a_paragraph_joined_in_the_reading_copy_keeps_the_pages_words(settings: CleanerConfig) -> None:
    raw = (
        "Die beiden Präsidenten trafen sich\nam 28. September 2015 in New York,\n"
        "sagte ein Sprecher der Delegation\nam späten Abend vor den Reportern\n"
        "im Hauptquartier der Vereinten\nNationen nach dem langen Treffen."
    )
    own_split = split_lines(raw)
    read_split = reading_lines(own_split, settings, _known)
    read = unwrap(read_split, settings)
    own = own_lines(read, own_split, read_split)
    assert len(read) == 1 and read[0].last == len(own_split)  # one wrapped paragraph
    assert [line.number for line in own] == [line.number for line in read]
    assert "am 28. September 2015 in New York" in own[0].text
    assert "am 28 September 2015 in New York" in read[0].text
    assert own_words(read[0].text, own, read) == own[0].text


def test_a_german_page_is_laid_out_in_english_words_and_keeps_its_own(config: Config) -> None:
    closed = "Diese Diskussion ist geschlossen. Kommentieren ist nicht mehr möglich."
    page = (
        "Präsidenten sprechen in New York über Syrien\nMontag, 28. September 2015, 22:15 Uhr\n\n"
        f"{LEDE_DE}\n\nVon dpa\n\n{SECOND_DE}\n\nKommentare\n\n{closed}"
    )
    article = clean(page, config, "https://www.beispielbote.de/politik/artikel-1.html")
    assert article.date == "2015-09-28"
    assert article.wire == "dpa"
    assert [s.text for s in article.sentences][-1] == SECOND_DE
    assert all("Kommentar" not in s.text and "Comments" not in s.text for s in article.sentences)
    assert "Montag, 28. September 2015" in article.evidence["date"]  # quoted as the page prints it
    assert article.byline == "Von dpa"  # read as a byline, given as printed
    assert {"Kommentare", closed} <= {d.text for d in article.dropped}


# -- the config data's shape
@pytest.mark.parametrize("key", ["month_names", "weekday_names"])
def test_a_calendar_table_needs_a_row_for_each_of_its_units(config: Config, key: str) -> None:
    assert config.source is not None
    text = config.source.read_text(encoding="utf-8") + "\n"
    broken = text.replace(f"  {key}:\n    - [", f"  {key}:\n    - [extra]\n    - [", 1)
    with pytest.raises(ConfigError, match=key):
        parse_config(broken, config.source)


# -- a wire dateline's place in Cyrillic capitals
def test_a_state_agencys_dateline_in_cyrillic_gives_its_day_and_its_agency(config: Config) -> None:
    page = (
        "Путин и Обама встретились в Нью-Йорке\n\nНЬЮ-ЙОРК, 28 сентября. /ТАСС/. Президент России и "
        "президент США провели встречу на полях Генеральной Ассамблеи ООН, которая продлилась "
        "около полутора часов.\n\n"
        "Стороны обсудили положение в Сирии, сообщил журналистам пресс-секретарь."
    )
    article = clean(page, config, "https://novosti-primera.ru/politika/vstrecha")
    assert (article.date, article.wire, article.event) == ("2015-09-28", "TASS", "unga-2015")


def test_wire_dateline_reads_a_cyrillic_place_as_a_latin_one() -> None:
    cyrillic = wire_dateline("НЬЮ-ЙОРК, 28 сентября. /ТАСС/. Президент")
    latin = wire_dateline("MOSCOW, 28 September. /TASS/. The president")
    assert cyrillic is not None and latin is not None
    assert (cyrillic[0].split(",")[0], cyrillic[1]) == ("НЬЮ-ЙОРК", "ТАСС")
    assert (latin[0].split(",")[0], latin[1]) == ("MOSCOW", "TASS")
    assert wire_dateline("Президент России и президент США провели встречу") is None


def test_a_headline_holding_a_foreign_date_keeps_its_own_words(config: Config) -> None:
    headline = "Gipfeltreffen am 28. September 2015: Präsidenten sprechen über Syrien"
    article = clean(
        f"{headline}\n\n{LEDE_DE}\n\n{SECOND_DE}", config, "https://www.beispielbote.de/politik/1"
    )
    assert article.title == headline


def test_a_writers_byline_in_another_language_is_the_byline(config: Config) -> None:
    page = f"Präsidenten sprechen in New York über Syrien\nVon Anna Berg\n\n{LEDE_DE}\n\n{SECOND_DE}"
    article = clean(page, config, "https://www.beispielbote.de/politik/2")
    assert article.byline == "Von Anna Berg"
    assert all("Anna Berg" not in s.text for s in article.sentences)
