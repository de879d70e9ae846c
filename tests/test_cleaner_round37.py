"""The cleaner's round-thirty-seven rules (issue 9, probe31's and batch19's remaining misses by kind), on
small lines and pages written for these tests (no real page's text), and lines that only look like them.

The outlet: a punycode domain cited in its own script, a domain's three-letter word no proof of a name
beside it, an owner's possessive opening a site's name line, a holding company's "Publishing Company", a
broadcaster's service whose logo prints the parent's name over the service's. The date: a URL's object id
opening with the date.
"""

from __future__ import annotations

import datetime as dt

import pytest

from bot.cleaner.company import company_name
from bot.cleaner.dates import url_date
from bot.cleaner.domainnames import name_words
from bot.cleaner.idnname import decoded_domain, idn_name, script_name
from bot.cleaner.labelname import label_name
from bot.config import CleanerConfig, Config
from tests.test_cleaner_rules import _clean as clean

SETTINGS = CleanerConfig()
LEDE = (
    "The two presidents met for about ninety minutes on Monday on the sidelines of the summit and agreed "
    "on little beyond the need to keep talking about the war."
)
SECOND = "An official said the leaders would ask their foreign ministers to carry on the talks this week."
THIRD = "Neither side announced any new step on the conflict in the east of the country."


# -- the outlet: a punycode domain, read as a browser shows it
def test_a_punycode_domain_is_decoded_and_its_hyphened_words_are_the_name() -> None:
    ace = "новости-города.рф".encode("idna").decode("ascii")
    assert ace.startswith("xn--")
    assert decoded_domain(ace) == "новости-города.рф"
    assert idn_name(ace) == "Новости Города"


def test_a_decoded_label_of_one_word_is_cited_as_the_decoded_domain() -> None:
    ace = "городок.рф".encode("idna").decode("ascii")
    assert script_name("городок.рф") is None  # no hyphens: no words the site marked
    assert idn_name(ace) == "городок.рф"


@pytest.mark.parametrize("domain", ["example.com", "larkfield-front.com", "xn--zz.com"])
def test_a_domain_with_no_decodable_punycode_label_is_left_alone(domain: str) -> None:
    assert idn_name(domain) is None  # ASCII labels, or one the codec refuses ("xn--zz")


def test_a_name_less_page_on_a_punycode_domain_cites_the_decoded_words(config: Config) -> None:
    ace = "новости-города.рф".encode("idna").decode("ascii")
    article = clean("\n".join([LEDE, SECOND, THIRD]), config, f"http://{ace}/leaders-meet/")
    assert article.outlet == "Новости Города"


# -- the outlet: a three-letter word beside an unknown piece is a cut of one name
@pytest.mark.parametrize(("label", "name"), [("bosrenna", "Bosrenna"), ("gumbrell", "Gumbrell")])
def test_a_short_word_beside_an_unknown_piece_shows_no_name(label: str, name: str) -> None:
    assert name_words(label, SETTINGS) is None
    assert label_name(label, SETTINGS) == name  # kept whole, as a coined name


@pytest.mark.parametrize(
    ("label", "name"),
    [("vantorellibrief", "Van Torelli Brief"), ("ashbournereport", "Ashbourne Report")],
)
def test_a_long_common_word_still_shows_the_name_beside_it(label: str, name: str) -> None:
    assert name_words(label, SETTINGS) == name


# -- the outlet: an owner's possessive opens the site's name
def _list_page(name_line: str, config: Config):  # type: ignore[no-untyped-def]
    page = "\n".join(["Home | Archives | Subscribe", name_line, "Issue 2015-#12", LEDE, SECOND, THIRD])
    return clean(page, config, "http://balticdigest.org/archives/issue-12-item-3/")


def test_a_possessive_opening_the_name_line_is_the_sites_name(config: Config) -> None:
    assert _list_page("Kowalski's Baltic Digest", config).outlet == "Kowalski's Baltic Digest"


def test_a_verb_before_the_name_is_no_part_of_it(config: Config) -> None:
    assert _list_page("Follow Baltic Digest", config).outlet == "Baltic Digest"


# -- the outlet: a holding company's legal name
@pytest.mark.parametrize(
    ("legal", "name"),
    [
        ("The Harbour Publishing Company", "The Harbour"),
        ("Kestrel Media Company", "Kestrel"),
        ("Fast Company", "Fast Company"),  # "Company" alone is a name's word
        ("Kestrel Radio Company", "Kestrel Radio Company"),  # a broadcaster's name
    ],
)
def test_a_holding_word_and_company_is_no_part_of_the_outlets_name(legal: str, name: str) -> None:
    assert company_name(legal) == name


# -- the outlet: a language service under its parent's logo
def _service_page(path: str, logo: list[str], config: Config):  # type: ignore[no-untyped-def]
    page = "\n".join(["Skip to content", *logo, "Menu", LEDE, SECOND, THIRD])
    return clean(page, config, f"https://www.bbc.com/{path}/news-12345678")


def test_a_service_printed_under_its_parents_name_is_the_outlet(config: Config) -> None:
    assert _service_page("afrique", ["BBC News", "Afrique"], config).outlet == "BBC Afrique"


@pytest.mark.parametrize(
    ("path", "logo"),
    [("sport", ["BBC News", "Sport"]), ("afrique", ["Weather", "Afrique"]), ("afrique", ["BBC News"])],
)
def test_a_section_or_an_unlogoed_segment_keeps_the_parent(
    path: str, logo: list[str], config: Config
) -> None:
    assert _service_page(path, logo, config).outlet == "BBC"


# -- the date: an object id opening with the date
def test_a_date_opening_a_hex_object_id_in_the_url_is_read() -> None:
    found = url_date("https://radio.example.es/noticias/leaders-meet_20150929a1b2c3d4e5f60718293a4b5c.html")
    assert found is not None and found.date == dt.date(2015, 9, 29)


@pytest.mark.parametrize(
    "url",
    [
        "https://radio.example.es/a/leaders_20150929abc.html",
        "https://x.example/a/b_20150929zz9988776655443322.html",
    ],
)
def test_a_short_or_non_hex_tail_after_eight_digits_is_no_date(url: str) -> None:
    assert url_date(url) is None


# -- the outlet: a Chinese-language site's own bracketed dateline
_CJK_LEDE = "兩國總統週一在峰會期間舉行會晤,雙方討論了敘利亞問題和烏克蘭局勢,會晤持續了大約九十分鐘。"
_CJK_MORE = [
    "雙方同意繼續就停火協議展開談判,並要求各自的工作組盡快再次商討。",
    "會晤結束後,兩國官員均未宣布任何新的措施。",
]


def _cjk_page(lede: str, config: Config, first: str = ""):  # type: ignore[no-untyped-def]
    lines = [first] if first else []
    return clean(
        "\n".join([*lines, lede, *_CJK_MORE]), config, "https://www.example-cn.org/news/2016/09/05/1234.html"
    )


def test_a_bracketed_dateline_names_the_sites_own_outlet(config: Config) -> None:
    article = _cjk_page(f"【山海報2016年09月05日訊】{_CJK_LEDE}", config)
    assert article.outlet == "山海報"


@pytest.mark.parametrize(
    "lede",
    [
        f"【新華社2016年09月05日訊】{_CJK_LEDE}",  # an agency's dateline names the wire, not the outlet
        f"【山海報】{_CJK_LEDE}",  # no date: a bracketed label, no dateline
        f"山海報2016年09月05日訊 {_CJK_LEDE}",  # no brackets
    ],
)
def test_an_agencys_or_an_undated_bracket_names_no_outlet(lede: str, config: Config) -> None:
    assert _cjk_page(lede, config).outlet != "山海報" and _cjk_page(lede, config).outlet != "新華社"


# -- the wire: a source label in the page's language (config data)
def test_a_source_label_of_another_language_reads_as_source(config: Config) -> None:
    stamp = "2016年09月05日 19:56 | 來源:新華社"
    article = _cjk_page(_CJK_LEDE, config, first=stamp)
    assert article.wire == "Xinhua"


def test_an_unconfigured_label_or_an_unknown_name_credits_no_wire(config: Config) -> None:
    assert _cjk_page(_CJK_LEDE, config, first="2016年09月05日 19:56 | 作者:新華社").wire is None
    assert _cjk_page(_CJK_LEDE, config, first="2016年09月05日 19:56 | 來源:山海報").wire is None


# -- the headline: a caption closed by a picture credit under a label of the page's language
def test_a_caption_first_closed_by_a_labelled_picture_credit_is_no_headline(config: Config) -> None:
    caption = "兩國總統週一在峰會期間握手。(圖片來源:Getty Images)"
    article = _cjk_page(f"【山海報2016年09月05日訊】{_CJK_LEDE}", config, first=caption)
    assert article.title is None
    assert {s.role for s in article.sentences if "圖片來源" in s.text} == {"caption"}


def test_a_line_closed_by_brackets_without_the_label_is_no_caption_by_this_rule(config: Config) -> None:
    from bot.cleaner.creditlabels import ends_with_labelled_photo_credit

    labels = config.cleaner.photo_credit_labels
    assert ends_with_labelled_photo_credit("兩國總統握手。(圖片來源:Getty Images)", labels)
    assert ends_with_labelled_photo_credit("兩國總統握手。（圖片來源：法新社）", labels)
    assert not ends_with_labelled_photo_credit("兩國總統握手。(會晤持續九十分鐘)", labels)


# -- the date: a stamp with a one-letter "at" and an update given by its clock alone
def test_a_date_and_clock_joined_by_a_one_letter_word_is_a_date_line() -> None:
    from bot.cleaner.dates import is_date_only

    assert is_date_only("16/11/15 à 09:12")
    assert not is_date_only("16/11/15 x")  # a letter before no clock is text
    assert not is_date_only("16/11/15 par 09:12")  # a longer word is not read so


def test_an_update_with_only_a_clock_is_the_stamps_own_day(config: Config) -> None:
    from bot.cleaner.dates import find_update

    words = config.cleaner.update_words
    found = find_update("16/11/15 à 09:12 - Mise à jour à 10:40", 120, (), words)
    assert found is not None and found.date == dt.date(2015, 11, 16)
    assert find_update("Updated at 10:40", 120, (), words) is None  # no date on the stamp at all
    later = find_update("16/11/15 09:12 - Updated 17/11/15 08:00", 120, (), words)
    assert later is not None and later.date == dt.date(2015, 11, 17)  # a date after the word wins


def test_a_french_stamp_line_dates_the_page_and_its_update(config: Config) -> None:
    page = "\n".join(
        [
            "Les présidents se serrent la main au sommet",
            "",
            "16/11/15 à 09:12 - Mise à jour à 10:40",
            "",
            "Les deux présidents se sont serré la main lundi au sommet, malgré des relations tendues.",
            "",
            "Aucune rencontre bilatérale n'était prévue entre les deux dirigeants pendant ces deux jours.",
        ]
    )
    article = clean(page, config, "http://www.hebdo.example.be/actualite/international/article-1234.html")
    assert article.date == "2015-11-16" and article.updated == "2015-11-16"


# -- chrome: a source line under a label of another language, a segment page's guest label and air date
@pytest.mark.parametrize(
    "line", ["Источник: https://news.example.ru/2016/09/05/item/", "Fuente: Diario Ejemplo", "(Quelle: dpa)"]
)
def test_a_source_line_under_a_configured_label_is_a_source_credit(line: str, config: Config) -> None:
    from bot.cleaner.patterns import chrome_reason

    assert chrome_reason(line, config.cleaner) == "source-credit"


@pytest.mark.parametrize(
    "line", ["Источник сообщил, что встреча прошла спокойно.", "Fuente de la noticia y otros datos del día"]
)
def test_the_label_word_in_a_sentence_is_no_source_credit(line: str, config: Config) -> None:
    from bot.cleaner.patterns import chrome_reason

    assert chrome_reason(line, config.cleaner) is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Guest", "credits"),
        ("Hosts", "credits"),
        ("This segment aired on September 28, 2015.", "page-clock"),
        ("This episode was broadcast on 5 September 2016", "page-clock"),
    ],
)
def test_a_segment_pages_guest_label_and_air_date_are_chrome(line: str, reason: str, config: Config) -> None:
    from bot.cleaner.patterns import chrome_reason

    assert chrome_reason(line, config.cleaner) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Guests:",  # a list's heading: the names under it are read with it by another rule
        "Guest workers protested outside the summit venue.",
        "This segment aired on the same night the two presidents met, and it drew a large audience.",
    ],
)
def test_a_guests_heading_or_a_sentence_is_not_read_so(line: str, config: Config) -> None:
    from bot.cleaner.patterns import chrome_reason

    assert chrome_reason(line, config.cleaner) not in {"credits", "page-clock"}


# -- the event: an undated page's lede stating the day, its people named by the headline over it
_DAY_LEDE = "Russia and the United States agreed on Monday, September 28 to look for a way to end the war."
_NO_DAY = [
    "The talks lasted about ninety minutes, officials said after the meeting ended.",
    "Both delegations said their foreign ministers would meet again later in the week.",
]


def test_a_ledes_day_counts_the_people_its_headline_names(config: Config) -> None:
    page = "\n\n".join(["Obama and Putin discuss Syria, clash over its future", _DAY_LEDE, *_NO_DAY])
    assert clean(page, config, "https://www.example-news.am/eng/news/12345/").event == "unga-2015"


def test_without_the_headline_or_further_down_the_day_names_no_meeting(config: Config) -> None:
    bare = "\n\n".join([_DAY_LEDE, *_NO_DAY])
    assert clean(bare, config, "https://www.example-news.am/eng/news/12345/").event is None
    lower = "\n\n".join(["Obama and Putin discuss Syria, clash over its future", *_NO_DAY, _DAY_LEDE])
    assert clean(lower, config, "https://www.example-news.am/eng/news/12345/").event is None
