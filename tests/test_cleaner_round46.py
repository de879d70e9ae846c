"""The cleaner's round-forty-six rules (issue 9: probe38's and batch22's misses by kind), on small lines and
pages written for these tests (no real page's text), and lines that only look like them.
"""

from __future__ import annotations

import pytest

from bot.cleaner.dates import is_date_only
from bot.cleaner.eventclues import mentions, people_named
from bot.cleaner.lines import Line
from bot.cleaner.outlets import outlet_table
from bot.cleaner.ownscript import cyrillic_spelling
from bot.cleaner.pagelines import Found, PageLines
from bot.cleaner.patterns import chrome_reason
from bot.cleaner.sitename import without_outlet_suffix
from bot.cleaner.when import _lone_dateline
from bot.config import Config
from tests.cleaner_body import LEDE, SECOND, THIRD
from tests.test_cleaner_rules import _clean as clean


# -- a credit row of a date and credits is never a name
def test_a_credit_row_of_a_date_and_credits_is_no_outlet(config: Config) -> None:
    page = "\n\n".join(["Leaders talk briefly in Lima", "Nov 21, 2016 // Agencies // Web Desk", LEDE, SECOND])
    article = clean(page, config, url="https://www.quillpulsewire.com/leaders-talk-briefly-in-lima/")
    assert article.outlet is not None
    assert "//" not in article.outlet


def test_a_desk_byline_naming_the_site_still_names_it(config: Config) -> None:
    page = "\n\n".join(["Leaders talk briefly in Lima", "By Quill Pulse Wire Staff", LEDE, SECOND])
    article = clean(page, config, url="https://www.quillpulsewire.com/leaders-talk-briefly-in-lima/")
    assert article.outlet == "Quill Pulse Wire"


# -- a dateline crediting several agencies: a compiled report, no single wire's
def test_a_dateline_crediting_several_agencies_is_no_wire(config: Config) -> None:
    page = "\n\n".join(["Leaders part with no deal", f"Hangzhou (APA/dpa/Reuters) - {LEDE}", SECOND])
    article = clean(page, config, url="https://www.quilltal.example/politik/leaders-part-1234")
    assert article.wire is None


def test_a_dateline_crediting_one_agency_is_its_wire(config: Config) -> None:
    page = "\n\n".join(["Leaders part with no deal", f"Hangzhou (Reuters) - {LEDE}", SECOND])
    article = clean(page, config, url="https://www.quilltal.example/politik/leaders-part-1234")
    assert article.wire == "Reuters"


# -- a mailing list's subject tag: the list's name in brackets before the subject
def test_the_lists_subject_tag_is_no_part_of_the_headline() -> None:
    title = "[Quill-Digest] Leaders part with no deal"
    assert without_outlet_suffix(title, "Quill-Digest") == "Leaders part with no deal"


def test_a_bracketed_word_that_is_not_the_sites_name_stays() -> None:
    title = "[Video] Leaders part with no deal"
    assert without_outlet_suffix(title, "Quill-Digest") == title


# -- the Latin name found, as the page prints it in Cyrillic
def _page(config: Config, texts: list[str]) -> PageLines:
    lines = [Line(number=n + 1, raw=text, text=text) for n, text in enumerate(texts)]
    return PageLines(lines, [], "\n".join(texts), None, outlet_table(config), config.cleaner)


def test_the_cyrillic_words_that_read_as_the_name_found_are_the_name(config: Config) -> None:
    page = _page(config, ["Президенты встретились", "Подписывайтесь на КВЛ: Новости | Видео"])
    found = cyrillic_spelling(page, Found("KVL", "URL domain kvl.example"))
    assert found is not None
    assert found.value == "КВЛ"


def test_two_cyrillic_words_that_read_as_a_two_word_name(config: Config) -> None:
    page = _page(config, ["Волжская газета", "Президенты встретились"])
    found = cyrillic_spelling(page, Found("Volzhskaya Gazeta", "URL domain"))
    assert found is not None
    assert found.value == "Волжская газета"


def test_an_inflected_form_or_another_word_is_not_the_name(config: Config) -> None:
    page = _page(config, ["Как сообщала «Волжской газеты» редакция", "Президенты встретились"])
    assert cyrillic_spelling(page, Found("Volzhskaya Gazeta", "URL domain")) is None
    assert cyrillic_spelling(page, Found("Квл", "printed")) is None  # a name not in Latin letters


# -- the word for "at" between a full date and its clock, in other languages
def test_a_date_line_with_a_foreign_at_before_its_clock_is_the_date(config: Config) -> None:
    page = "\n\n".join(
        [
            "Presidentes conversam durante a cúpula",
            "Da Redação",
            "Publicado em 5 de setembro de 2016 às 10h36.",
            "O presidente americano conversou com o colega russo durante quase uma hora nesta segunda-feira.",
            "Os dois lados disseram que as conversas entre os ministros vão continuar na próxima semana.",
        ]
    )
    article = clean(page, config, url="https://quillrevista.example/mundo/presidentes-conversam/")
    assert str(article.date) == "2016-09-05"
    assert all("Publicado" not in s.text for s in article.sentences)


# -- a writer's bio closes the story; a person of the story opening its last paragraph does not
def test_a_last_paragraph_on_a_person_the_story_names_is_no_bio(config: Config) -> None:
    last = "Jane Roe is leaning away from the other leader, which may show dislike for Mr. Doe or unease."
    page = "\n\n".join(["Leaders shake hands", f"Jane Roe met John Doe on Monday. {LEDE}", SECOND, last])
    article = clean(page, config, url="https://quillbody.example/2015/10/leaders-shake-hands/")
    assert any(s.text.startswith("Jane Roe is leaning") for s in article.sentences)


def test_a_writers_bio_under_the_story_is_still_dropped(config: Config) -> None:
    bio = "Mary Major is a correspondent for the Quill Body Review based in Geneva."
    page = "\n\n".join(["Leaders shake hands", LEDE, SECOND, THIRD, bio])
    article = clean(page, config, url="https://quillbody.example/2015/10/leaders-shake-hands/")
    assert all("Mary Major" not in s.text for s in article.sentences)


# -- "Read:" before a linked title, in Russian, is a teaser
def test_a_russian_read_label_before_a_title_is_a_teaser(config: Config) -> None:
    page = "\n\n".join(
        [
            "Президенты договорились встретиться отдельно",
            "Президенты двух стран договорились о короткой встрече на полях саммита, сообщил помощник.",
            "Читайте: На саммите случился скандал с трапом самолета",
            "Встреча пройдет в понедельник, добавили в делегациях обеих стран после переговоров.",
        ]
    )
    article = clean(page, config, url="https://quillobzor.example/abroad/12345-prezidenty.htm")
    assert all("Читайте" not in s.text for s in article.sentences)


# -- the URL's slug spells a title printed in Cyrillic
def test_a_slug_in_latin_letters_spells_a_cyrillic_title(config: Config) -> None:
    page = "\n\n".join(
        [
            "Facebook Квилпрес Telegram Квилпрес",
            "Президент провів зустріч з колегою",
            "У Нью-Йорку відбулася зустріч двох президентів на полях сесії Генеральної Асамблеї ООН",
            "Про це повідомив постійний представник країни при ООН у своєму мікроблозі у понеділок.",
            "Розмова президентів тривала довше, ніж планувалося, повідомили джерела в делегації.",
        ]
    )
    url = "https://kvilpres.example/news/prezident_proviv_zustrich_z_kolegoyu_140926.html"
    article = clean(page, config, url=url)
    assert article.title == "Президент провів зустріч з колегою"


# -- an "Updated DATE; Posted DATE" stamp: a semicolon separates two stamps on a date line
def test_a_stamp_line_of_two_dates_split_by_a_semicolon_is_a_date_line() -> None:
    assert is_date_only("Updated Sep 28, 2015; Posted Sep 28, 2015")
    assert not is_date_only("Leaders met on Sep 28, 2015; they disagreed")


# -- an affiliate-link disclosure and a list's reuse notice are chrome
@pytest.mark.parametrize(
    "text",
    [
        "If you purchase a product through one of the links on our site, we may receive compensation.",
        "If you buy something through our links, we may earn a commission.",
    ],
)
def test_an_affiliate_links_disclosure_is_chrome(config: Config, text: str) -> None:
    assert chrome_reason(text, config.cleaner) == "disclosure"


@pytest.mark.parametrize(
    "text",
    [
        "Forwarding for the list. Posted for educational and research purposes only; please do not repost.",
        "Reproduced here for non-commercial discussion purposes.",
    ],
)
def test_a_lists_reuse_notice_is_chrome(config: Config, text: str) -> None:
    assert chrome_reason(text, config.cleaner) == "reuse-notice"


@pytest.mark.parametrize(
    "text",
    [
        "If you purchase a ticket, the museum says, the links between the two halls are open all day.",
        "The talks were posted for the record by officials who said the purposes differed.",
    ],
)
def test_sentences_that_only_share_those_words_are_not(config: Config, text: str) -> None:
    assert chrome_reason(text, config.cleaner) is None


# -- a lone place-and-date line the layout took for a caption still dates the page
def test_a_lone_yearless_dateline_read_as_a_caption_dates_the_page(config: Config) -> None:
    html = (
        "<html><head><title>Leaders talk for ninety minutes</title></head><body><article>"
        "<h1>Leaders talk for ninety minutes</h1>"
        "<figure><img src='/a.jpg' alt='x'><figcaption>The two presidents during their meeting on the"
        " sidelines of the G20 summit in Hangzhou. AP/PTI</figcaption></figure>"
        "<p>Hangzhou (China), September 5</p>"
        f"<p>{LEDE}</p><p>{SECOND}</p><p>{THIRD} &mdash; PTI</p>"
        "</article></body></html>"
    )
    article = clean(html, config, url="https://www.quilltribune.com/news/world/leaders-talk/291244.html")
    assert str(article.date) == "2016-09-05"


def test_a_caption_sentence_is_no_dateline() -> None:
    assert not _lone_dateline("The two presidents met in Hangzhou, China, on Monday")
    assert _lone_dateline("Hangzhou (China), September 5")


# -- the configured people named in Cyrillic, a surname in any of its cases
def test_surnames_in_cyrillic_in_their_cases_name_the_people(config: Config) -> None:
    text = "Песков рассказал о встрече Путина и Обамы на саммите."
    assert people_named(text, config, mentions) == 3  # Peskov, Putin, Obama


def test_a_short_surnames_stem_or_a_latin_text_names_no_one_in_cyrillic(config: Config) -> None:
    assert people_named("В бане было жарко, а мода меняется.", config, mentions) == 0  # "Ban", "Modi"
    assert people_named("Putina and Obamy are no English words.", config, mentions) == 0
