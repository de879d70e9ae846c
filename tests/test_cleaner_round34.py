"""The cleaner's round-thirty-four rules (issue 9: pages not in English), on small lines and pages
written for these tests (no real page's text), and lines that only look like them.

Word counts, sentence stops and the lower-case share read scripts by kind: a script written without
spaces (Chinese) counts a word for every two characters, an Indic word goes on through its vowel signs,
"。！？" and the danda "।" end sentences, and a word of a script without case is no capital. The
configured events carry the forms of their names other languages' pages print (config data).
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.cleaner.dates import url_date
from bot.cleaner.lines import (
    UNSPACED_CHARS_PER_WORD,
    ends_sentence,
    is_prose,
    is_unspaced,
    lowercase_share,
    word_count,
    words,
)
from bot.cleaner.sentences import sentence_spans
from bot.cleaner.whichevent import find_event
from bot.config import Config
from tests.test_cleaner_rules import _clean as clean

CHINESE = (
    "兩國領導人週一在紐約聯合國大會期間會面，會談持續約一個半小時，雙方就敘利亞局勢交換了意見。"
    "據官員介紹，兩人仍有分歧，但同意保持溝通。"
)
CHINESE_SECOND = "分析人士認為，兩國關係短期內難以明顯改善，但雙方都表示願意繼續對話。"
BENGALI = (
    "মঙ্গলবার নিউ ইয়র্কে জাতিসংঘের সাধারণ পরিষদের অধিবেশনের ফাঁকে দুই দেশের প্রেসিডেন্ট আলোচনা করেন। "
    "বৈঠকে দুই পক্ষের মধ্যে মতপার্থক্য থেকে যায়।"
)
BENGALI_SECOND = "একজন কর্মকর্তা জানান, আলোচনা ছিল খোলামেলা এবং দুই পক্ষই যোগাযোগ রাখতে রাজি হয়েছে।"
RUSSIAN = (
    "Президенты России и США встретились в понедельник на полях саммита «Группы двадцати» в Ханчжоу. "
    "Беседа продолжалась около полутора часов, рассказали журналисты."
)


def test_a_run_of_unspaced_script_counts_a_word_for_every_two_characters() -> None:
    clause = "兩國領導人週一會面"  # nine characters, no space: five words at two characters a word
    assert word_count(clause) == -(-len(clause) // UNSPACED_CHARS_PER_WORD)
    assert word_count(CHINESE) > 30  # a paragraph, no longer one "word" per clause


def test_a_number_written_with_unspaced_units_stays_one_word() -> None:
    assert words("2016年09月05日 21:40") == ["2016年09月05日", "21:40"]


def test_latin_words_beside_unspaced_script_stay_whole() -> None:
    assert words("G20峰會 Hangzhou") == ["G20", "峰會", "Hangzhou"]


def test_an_indic_word_goes_on_through_its_vowel_signs() -> None:
    sentence = "দুই নেতা কথা বলেন।"  # four words, each with a vowel sign or none
    assert words(sentence) == ["দুই", "নেতা", "কথা", "বলেন"]


@pytest.mark.parametrize(
    "text", [CHINESE, BENGALI, "他們同意繼續對話！", "會談何時恢復？", "「我們會繼續談。」"]
)
def test_the_stops_of_other_scripts_end_a_sentence(text: str) -> None:
    assert ends_sentence(text)


@pytest.mark.parametrize("text", ["兩國領導人週一會面，", "দুই নেতা কথা বলেন", "國際新聞"])
def test_a_clause_or_a_label_without_a_stop_ends_no_sentence(text: str) -> None:
    assert not ends_sentence(text)


def test_an_uncased_script_is_no_capital_for_prose_but_not_lower_case_either(config: Config) -> None:
    assert lowercase_share(BENGALI) == 0.0  # the headline and standfirst rules still see no lower case
    assert is_prose(BENGALI, config.cleaner)
    assert is_prose(CHINESE, config.cleaner)


@pytest.mark.parametrize("text", ["國際新聞", "首頁 新聞 國際", "来源: 新华网 Source: Xinhua 编辑: 陈晓燕"])
def test_a_short_label_or_a_field_row_in_an_uncased_script_is_no_prose(config: Config, text: str) -> None:
    assert not is_prose(text, config.cleaner)


@pytest.mark.parametrize("paragraph", [CHINESE, BENGALI, RUSSIAN])
def test_sentences_of_other_scripts_split_at_their_stops_verbatim(paragraph: str) -> None:
    spans = sentence_spans(paragraph)
    assert len(spans) == 2  # each paragraph holds two sentences
    assert all(paragraph[a:b].strip() == paragraph[a:b] and paragraph[a:b] for a, b in spans)
    assert paragraph[spans[1][0] : spans[1][1]] in paragraph


def test_a_chinese_page_without_headline_keeps_both_paragraphs(config: Config) -> None:
    article = clean(f"{CHINESE}\n\n{CHINESE_SECOND}\n", config)
    assert article.title is None
    assert [line.line for line in article.dropped] == [2]  # the blank line alone
    assert article.event == "unga-2015"


def test_a_bengali_page_of_danda_paragraphs_keeps_them_all(config: Config) -> None:
    article = clean(f"{BENGALI}\n{BENGALI_SECOND}\n", config)
    assert article.title is None
    assert not article.dropped
    assert article.event == "unga-2015"


def test_an_unspaced_keyword_counts_inside_a_run_of_its_script(config: Config) -> None:
    assert is_unspaced("紐約") and not is_unspaced("New York")
    found = find_event(None, ["", "兩人在紐約出席聯合國大會期間會面。"], config)
    assert found is not None and found.value == "unga-2015"


def test_an_unspaced_keyword_is_no_clue_where_it_is_absent(config: Config) -> None:
    assert find_event(None, ["", "兩國領導人週一會面，雙方交換了意見。"], config) is None


def test_an_event_named_in_cyrillic_only_is_found(config: Config) -> None:
    found = find_event(None, ["Путин и Обама поговорили", RUSSIAN], config)
    assert found is not None and found.value == "g20-2016"


def test_a_summit_series_named_in_cyrillic_alone_names_no_edition(config: Config) -> None:
    found = find_event(None, ["", "Президенты встретились на полях саммита «Группы двадцати»."], config)
    assert found is None  # every G20 is so named: no city, no date, no edition


@pytest.mark.parametrize(
    "url",
    [
        "https://regional.example.ru/2011-03-14-09-12-05/2011-03-14-09-15-40/story-slug",
        "https://regional.example.ru/2011-03-14-09-12-05/story-slug",
    ],
)
def test_a_folder_named_by_a_date_and_a_clock_is_no_date_of_the_page(url: str) -> None:
    assert url_date(url) is None


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://regional.example.ru/news/2016-09-05-10-20-30", dt.date(2016, 9, 5)),  # the page's own stamp
        ("https://regional.example.ru/news/2016-09-05-10-20-30.html", dt.date(2016, 9, 5)),
        ("https://news.example.com/2016-09-05/story-slug", dt.date(2016, 9, 5)),  # a date folder, no clock
    ],
)
def test_a_page_named_by_its_stamp_or_a_date_folder_keeps_its_date(url: str, day: dt.date) -> None:
    found = url_date(url)
    assert found is not None and found.date == day


def test_a_category_stamp_bounds_no_publication_month(config: Config) -> None:
    url = "https://regional.example.ru/2011-03-14-09-12-05/story-slug"
    found = find_event(None, ["Лидеры встретились в Ханчжоу", "Саммит G20 в Ханчжоу."], config, url)
    assert found is not None and found.value == "g20-2016"
    dated = "https://regional.example.ru/2011/03/story-slug"  # a month folder still bounds it: too early
    assert find_event(None, ["Лидеры встретились в Ханчжоу", "Саммит G20 в Ханчжоу."], config, dated) is None


@pytest.mark.parametrize(
    ("url", "day"),
    [
        ("https://service.example.org/a/leaders-talk-29sep15/2984.html", dt.date(2015, 9, 29)),
        ("https://service.example.org/a/leaders-talk-5SEP16.html", dt.date(2016, 9, 5)),
    ],
)
def test_a_slugs_compact_day_month_and_year_is_its_date(url: str, day: dt.date) -> None:
    found = url_date(url)
    assert found is not None and found.date == day


@pytest.mark.parametrize(
    "url",
    [
        "https://service.example.org/a/g20sep16/2984.html",  # no day: letters run into it
        "https://service.example.org/a/leaders-31feb16/2984.html",  # no such day
        "https://service.example.org/a/leaders-29sep2015x/2984.html",  # not closed by the slug's end
    ],
)
def test_a_run_that_is_no_compact_date_gives_none(url: str) -> None:
    assert url_date(url) is None
