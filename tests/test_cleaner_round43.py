"""The cleaner's round-forty-three rules (issue 9, probe36's and batch21's misses, by kind), on small lines
and pages written for these tests (no real page's text), and lines that only look like them.
"""

from __future__ import annotations

import pytest

from bot.cleaner.cues import wire_dateline
from bot.cleaner.daterow import is_date_row
from bot.cleaner.outlets import outlet_table
from bot.cleaner.patterns import chrome_reason
from bot.cleaner.reportsby import verb_first_credits
from bot.config import Config
from tests.cleaner_body import SECOND, THIRD
from tests.test_cleaner_rules import _clean as clean


# -- wire: a credit in the lede's words, its verbs and phrases of other languages config data
@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("Двамата президенти разговаряха повече от час в Ханджоу, предаде БТА.", "BTA"),
        ('Президенты проговорили больше часа на полях саммита в Китае, передает "Интерфакс".', "Interfax"),
        ("Президенты проговорили больше часа на полях саммита, передает «Интерфакс».", "Interfax"),
    ],
)
def test_an_agency_credited_verb_first_in_another_language(config: Config, text: str, agency: str) -> None:
    found = verb_first_credits(text, outlet_table(config), config.cleaner.credit_verbs)
    assert [credit.value for credit in found] == [agency]


def test_a_verb_first_credit_of_no_agency_is_none(config: Config) -> None:
    text = "Президенты проговорили больше часа на полях саммита, передает наш корреспондент."
    assert list(verb_first_credits(text, outlet_table(config), config.cleaner.credit_verbs)) == []


def test_a_lede_crediting_its_copy_with_a_phrase_names_the_wire(config: Config) -> None:
    page = "\n\n".join(
        [
            "Leaders walk together at the Pacific summit",
            "The two presidents walked side by side to the group photograph on Saturday at the resort.",
            "Channel Nine reports citing Reuters that the pair had also shaken hands at a dinner the night "
            "before the summit's main session.",
            SECOND,
        ]
    )
    article = clean(page, config, url="https://channelnine.example/news/123")
    assert article.wire == "Reuters"


def test_a_line_of_its_own_crediting_the_copy_names_the_wire(config: Config) -> None:
    page = "\n".join(
        [
            "Los presidentes de los dos países pidieron a sus ministros que sigan negociando un alto "
            "el fuego en Siria durante un largo encuentro en la cumbre.",
            "Según fuentes oficiales, ambos líderes aclararon los puntos pendientes de las discusiones y "
            "pidieron a sus delegaciones seguir reunidas en los próximos días.",
            "Con información de EFE",
        ]
    )
    article = clean(page, config, url="https://noticiasdeldia.example/presidentes-piden-alto-el-fuego")
    assert article.wire == "EFE"


def test_a_phrase_naming_no_agency_is_no_wire(config: Config) -> None:
    page = "\n".join(
        [
            "Los presidentes de los dos países pidieron a sus ministros que sigan negociando un alto "
            "el fuego en Siria durante un largo encuentro en la cumbre.",
            "Con información de nuestros corresponsales",
        ]
    )
    article = clean(page, config, url="https://noticiasdeldia.example/presidentes-piden-alto-el-fuego")
    assert article.wire is None


def test_an_agency_credited_in_a_live_page_entry_is_no_wire(config: Config) -> None:
    page = "\n\n".join(
        [
            "UPDATE: 9:10 p.m. EDT -- The meeting was described as businesslike by a senior official, a "
            "correspondent travelling with the president reported.",
            SECOND,
            "UPDATE: 7:40 p.m. EDT -- After the two leaders met for the first time in two years, the Russian "
            "leader said he would not send ground troops, the Associated Press reported. He called the talks "
            "frank.",
        ]
    )
    article = clean(page, config, url="https://dailywire.example/leaders-meet-2117524")
    assert article.wire is None


def test_the_same_credit_closing_an_ordinary_story_is_its_wire(config: Config) -> None:
    page = "\n\n".join(
        [
            "The two leaders met for ninety minutes on Monday and agreed their ministers would keep talking.",
            SECOND,
            "The Russian leader said he would not send ground troops into the war, the Associated Press "
            "reported.",
        ]
    )
    article = clean(page, config, url="https://dailywire.example/leaders-meet-2117524")
    assert article.wire == "AP"


# -- wire: a dateline whose place carries its land in brackets right before the agency's
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hangzhou (Chine) (AFP) - Les deux présidents", ("Hangzhou (Chine) (AFP) -", "AFP")),
        ("Lyon (France), 5 sept. (AFP) - Les deux", ("Lyon (France), 5 sept. (AFP) -", "AFP")),
        ("MOSCOW (Reuters) - The two", ("MOSCOW (Reuters) -", "Reuters")),
    ],
)
def test_a_land_in_brackets_before_the_agency(text: str, expected: tuple[str, str]) -> None:
    assert wire_dateline(text) == expected


def test_check_mark_points_never_open_the_story(config: Config) -> None:
    page = "\n".join(
        [
            "Leaders Talk For Ninety Minutes But Reach No Deal",
            "Key Points:",
            "✔ The two leaders met on the sidelines of the summit on Monday.",
            "✔ They failed to agree on a plan for the war.",
            "✔ Both sides say a deal could still come within days.",
            "HANGZHOU, China (AP) — The two presidents spent about ninety minutes together on Monday but "
            "could not close a deal, leaving their diplomats to keep working.",
            SECOND,
            THIRD,
        ]
    )
    article = clean(page, config, url="https://newsvortex.example/2016/09/05/leaders-talk/")
    assert article.wire == "AP"


# -- date and headline: a board's repost row, "Source ^ | DATE | NAMES", under the thread's title
def test_a_source_date_names_row_is_a_date_row() -> None:
    assert is_date_row("Agency ^ | 9/28/2015 | Jana Roe and Petr Novak")
    assert is_date_row("Daily Paper | 5 September 2016 | Jo Tarn")
    assert not is_date_row("Home | World | Politics")
    assert not is_date_row("Agency ^ | 9/28/2015 | read the full story here")


def test_the_repost_row_is_neither_glued_to_the_title_nor_undated(config: Config) -> None:
    page = "\n".join(
        [
            "Skip to comments.",
            "Leaders spar over the war, then talk for an hour at the assembly",
            "Agency ^ | 9/28/2015 | Jana Roe and Petr Novak",
            "Posted by a_reader_2015",
            "UNITED NATIONS (Reuters) - The two presidents sat down for",
            "roughly ninety minutes of talks on Monday, hours after the",
            "two men laid out sharply different plans for ending the war",
            "from the rostrum of the General Assembly in New York.",
        ]
    )
    article = clean(page, config, url="https://board.example/focus/news/3341234/posts")
    assert article.title == "Leaders spar over the war, then talk for an hour at the assembly"
    assert article.date == "2015-09-28"


# -- chrome: a mailing digest's masthead, contents, other items and subscription notice
DIGEST = [
    "The Eastern Letter",
    "2016-#77",
    "5 September 2016",
    "A project of a university's school of regional studies, sent to its readers",
    "by electronic mail every weekday.",
    "",
    "In this issue",
    "1. Leaders talk for ninety minutes at the summit.",
    "2. A columnist on the limits of the talks.",
    "",
    "#1",
    "Agency",
    "September 5, 2016",
    "Leaders hold sideline talks on the war",
    "",
    "HANGZHOU, September 5. The two presidents held a meeting on",
    "the sidelines of the summit on Monday that lasted about an hour",
    "and a half, the spokesman told reporters on the spot.",
    "",
    "The two leaders focused on the war and on the crisis in the",
    "east of the continent, the spokesman said after the talks.",
    "",
    "[return to Contents]",
    "",
    "#2",
    "A Daily Paper",
    "(Excerpt; link only for subscribers.)",
    "[return to Contents]",
    "-----",
    "To subscribe or unsubscribe, send a message with the word in",
    "the subject line. The letter is an independent list; views are",
    "those of their authors.",
]


def test_a_digest_keeps_only_its_item_of_prose(config: Config) -> None:
    article = clean("\n".join(DIGEST), config, url="https://eastern-letter.example/2016-77-2/")
    assert article.title == "Leaders hold sideline talks on the war"
    assert article.text.startswith("HANGZHOU, September 5. The two presidents")
    assert "In this issue" not in article.text and "subscribe" not in article.text
    assert "ninety minutes at the summit" not in article.text
    assert "independent list" not in article.text


def test_numbered_lines_without_return_links_are_no_digest(config: Config) -> None:
    lines = [line for line in DIGEST if "return to" not in line]
    article = clean("\n".join(lines), config, url="https://eastern-letter.example/2016-77-2/")
    assert not any(d.reason == "digest" for d in article.dropped)


# -- chrome: a text copy's picture label, an ad's report link, a time-only update stamp, comment furniture
@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[Image: leaders-meet-at-summit.jpg]", "image-label"),
        ("[Photo: two-presidents.png]", "image-label"),
        ("report this ad", "advertisement"),
        ("Updated at 14h35", "page-clock"),
    ],
)
def test_chrome_of_kind(config: Config, text: str, reason: str) -> None:
    assert chrome_reason(text, config.cleaner) == reason


@pytest.mark.parametrize(
    "text",
    [
        "[Image of the week: the two leaders shake hands before their talks on Monday.",
        "Report this story to us",
    ],
)
def test_lines_that_only_look_like_it(config: Config, text: str) -> None:
    assert chrome_reason(text, config.cleaner) is None


def test_french_comment_furniture_and_a_time_only_update_are_chrome(config: Config) -> None:
    page = "\n".join(
        [
            "G20 : les deux présidents se quittent sans accord",
            "Publié le lundi 5 septembre 2016 à 12h07",
            "Mis à jour à 14h35",
            "Hangzhou (Chine) (AFP) - Les deux présidents se sont entretenus pendant une heure et demie "
            "lundi en marge du sommet, sans parvenir à s'entendre sur une trêve.",
            "Le président américain a évoqué un manque de confiance entre les deux capitales, tout en "
            "jugeant les discussions franches et utiles.",
            "Vos commentaires",
            "Connectez-vous pour réagir à cet article.",
        ]
    )
    article = clean(page, config, url="https://journal.example/international/g20-les-deux-presidents")
    assert "14h35" not in article.text and "commentaires" not in article.text
    assert "Connectez-vous" not in article.text
    assert article.wire == "AFP"


def test_a_labelled_date_line_is_no_lead_paragraph_of_an_html_page(config: Config) -> None:
    html = (
        "<html><head><title>Ministers trade blame at the council</title></head><body><article>"
        "<h1>Ministers trade blame at the council</h1>"
        "<p>Originally Published: September 22, 2016 at 3:10 a.m.</p>"
        "<figure><img src='a.jpg' alt=''><figcaption>The two ministers listen to each other during a council "
        "meeting at the headquarters on Wednesday.</figcaption></figure>"
        "<p>UNITED NATIONS (AP) — The two foreign ministers accused each other's governments on Wednesday of "
        "letting the week-old truce collapse, in a sharp exchange at the council.</p>"
        "<p>One demanded that the other's warplanes be grounded over the aid routes after an attack on a "
        "convoy killed about twenty people on Monday.</p>"
        "<p>The other rejected the charge and said his counterpart had failed to keep the rebels apart from "
        "the fighters they sit alongside.</p>"
        "</article></body></html>"
    )
    article = clean(html, config, url="https://paper.example/news/2016/sep/22/ministers-trade-blame/")
    assert "during a council meeting at the headquarters" in article.text


# -- outlet and headline: a newsroom's credit row topping the page; event: the summit named in Arabic
ARABIC_LEDE = (
    "قال الرئيس في ختام قمة مجموعة العشرين إن هناك خلافات ما زالت قائمة بين البلدين حول الحرب وإن المحادثات "
    "ستستمر بين وزيري الخارجية في الأيام المقبلة."
)
ARABIC_SECOND = (
    "وأضاف أنه أكد لنظيره ضرورة إنهاء معاناة المدنيين وبحث معه طرق التوصل إلى وقف دائم لإطلاق النار."
)


def test_a_newsroom_row_is_no_headline_and_prints_the_outlet(config: Config) -> None:
    page = "\n\n".join(["قناة المثال | بكين – الصين( غرفة الاخبار )", ARABIC_LEDE, ARABIC_SECOND])
    article = clean(page, config, url="https://www.qanatalmithal.example/news/world/2016/09/05/story")
    assert article.title is None
    assert article.outlet == "قناة المثال"
    assert article.event == "g20-2016"


def test_a_bar_row_without_a_newsroom_is_no_credit_row(config: Config) -> None:
    page = "\n\n".join(["قناة المثال | بكين – الصين", ARABIC_LEDE, ARABIC_SECOND])
    article = clean(page, config, url="https://www.qanatalmithal.example/news/world/2016/09/05/story")
    assert article.outlet != "قناة المثال"


def test_an_english_newsroom_row(config: Config) -> None:
    page = "\n\n".join(
        [
            "Channel Example | Beijing – China (Newsroom)",
            "The two presidents met for ninety minutes on the sidelines of the summit on Monday and agreed "
            "their ministers would keep talking about the war.",
            SECOND,
        ]
    )
    article = clean(page, config, url="https://www.channelexample.example/news/2016/09/05/story")
    assert (article.outlet, article.title) == ("Channel Example", None)


# -- date: day, month and year in one URL segment, where one reading falls in a window
def test_a_day_month_year_segment_of_the_url(config: Config) -> None:
    page = "\n\n".join(
        [
            "Спикер рассказал о встрече двух президентов",
            "Пресс-секретарь рассказал подробности встречи президентов на полях саммита в Китае, передает "
            '"Интерфакс".',
            "Переговоры прошли в выставочном центре и продолжались больше часа, сообщил он журналистам.",
        ]
    )
    article = clean(page, config, url="https://novosti.example/news/05-09-2016/o-vstreche-prezidentov")
    assert (article.date, article.wire) == ("2016-09-05", "Interfax")


# -- outlet: a logo printing the domain in capitals, written in mixed case by the story
def test_a_capitals_logo_of_the_domain_as_the_text_writes_it(config: Config) -> None:
    page = "\n".join(
        [
            "CHANNEL24.AZ",
            "Az En Ru",
            "",
            "Leaders chat at the Pacific summit",
            "",
            "The two presidents chatted on Saturday as they walked together to the group photograph at the "
            "summit of the region's leaders.",
            "",
            "Channel24 reports citing Reuters that the two also shook hands at a dinner on Friday evening.",
        ]
    )
    article = clean(page, config, url="https://channel24.az/?id=123&l=en")
    assert article.outlet == "Channel24"


# -- headline: a row of an article's tools is chrome, never the headline
@pytest.mark.parametrize(
    "text", ["Print  Email  Font size: A A A", "打印  纠错  字号：大 中 小", "Drucken  Schriftgröße A A"]
)
def test_a_toolbar_row_is_chrome(config: Config, text: str) -> None:
    assert chrome_reason(text, config.cleaner) == "toolbar"


@pytest.mark.parametrize(
    "text", ["Print edition", "A size to print", "Email the editor about this story today"]
)
def test_lines_with_a_tool_word_among_others_are_no_toolbar(config: Config, text: str) -> None:
    assert chrome_reason(text, config.cleaner) != "toolbar"


# -- outlet: a mirror's folder naming a known outlet whose name the page prints
MIRRORED = [
    "1. Skip to content",
    "  2. Skip to more DW sites",
    "",
    "Leaders to meet on the sidelines of the assembly",
    "",
    "September 24, 2015",
    "",
    "The Kremlin said on Thursday that the two presidents would meet on the sidelines of the General "
    "Assembly in New York next week, their first talks in nearly a year.",
    "",
    SECOND,
]


def test_a_mirror_folder_naming_a_known_outlet_the_page_prints(config: Config) -> None:
    article = clean("\n".join(MIRRORED), config, url="https://mirrorsite-web.net/dw/en/leaders-to-meet/a-123")
    assert article.outlet == "DW"


def test_a_folder_alone_or_a_known_domain_is_no_mirror(config: Config) -> None:
    unprinted = [line.replace("DW ", "") for line in MIRRORED]
    article = clean(
        "\n".join(unprinted), config, url="https://mirrorsite-web.net/dw/en/leaders-to-meet/a-123"
    )
    assert article.outlet != "DW"
    article = clean("\n".join(MIRRORED), config, url="https://www.reuters.com/dw/en/leaders-to-meet/a-123")
    assert article.outlet == "Reuters"
