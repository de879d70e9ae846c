"""The cleaner's general rules on small pages written for these tests: dates, credits, chrome, headlines
and sentence splitting (no real page's text)."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.cleaner import clean_article
from bot.cleaner.dates import find_date, find_partial_date, url_date
from bot.cleaner.patterns import chrome_reason
from bot.cleaner.sentences import sentence_spans
from bot.config import CleanerConfig, Config
from bot.models import ArticleHints

LEDE = (
    "The two leaders met for an hour on the sidelines of the General Assembly in New York on Monday,"
    " officials from both governments said."
)
SECOND = "They agreed that their defence ministers should keep talking about the air war over Syria."


def _clean(text: str, config: Config, url: str | None = None):
    return clean_article(text, doc_id="t", config=config, hints=ArticleHints(url=url))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Posted 29/09/2015 at noon", dt.date(2015, 9, 29)),
        ("05.09.2016 | 15:40", dt.date(2016, 9, 5)),
        ("Updated 9/29/15", dt.date(2015, 9, 29)),
        ("2016-09-05T10:22:00+08:00", dt.date(2016, 9, 5)),
        ("Tuesday 29 Sep 2015", dt.date(2015, 9, 29)),
    ],
)
def test_dates_in_common_styles(text: str, expected: dt.date) -> None:
    found = find_date(text)
    assert found is not None and found.date == expected


def test_ambiguous_numeric_date_is_settled_by_an_event_window() -> None:
    window = [(dt.date(2016, 8, 28), dt.date(2016, 9, 25))]
    assert find_date("09/05/2016", window).date == dt.date(2016, 9, 5)  # type: ignore[union-attr]
    assert find_date("2 hours ago") is None


def test_partial_and_url_dates() -> None:
    assert find_partial_date("ROME, Sept. 28 (dpa) -")[:2] == (9, 28)  # type: ignore[index]
    assert url_date("https://a.example/world/2015/09/29/slug/").date == dt.date(2015, 9, 29)  # type: ignore[union-attr]
    assert url_date("https://a.example/2016-09/05/c_1.htm").date == dt.date(2016, 9, 5)  # type: ignore[union-attr]
    assert url_date("https://a.example/2015/09/") is None


def test_yearless_wire_dateline_takes_its_year_from_the_url(config: Config) -> None:
    page = f"Leaders meet in New York\n\nNEW YORK, Sept. 28 (UPI) -- {LEDE}\n{SECOND}\n"
    article = _clean(page, config, url="https://www.upi.com/World/2015/09/28/leaders/123/")
    assert (article.date, article.wire, article.outlet) == ("2015-09-28", "UPI", "UPI")
    assert article.evidence["outlet"] == "URL domain upi.com"


def test_update_stamp_is_kept_apart_from_the_publication_date(config: Config) -> None:
    page = (
        f"Leaders meet in New York for the first time\nReuters | Updated: Sep 29, 2015, 10:42 IST\n\n{LEDE}\n"
    )
    article = _clean(page, config)
    assert article.date is None and article.updated == "2015-09-29" and article.wire == "Reuters"


def test_a_published_and_updated_line_gives_both_dates(config: Config) -> None:
    stamp = "Published: 10:17 BST, 29 September 2015 | Updated: 11:05 BST, 30 September 2015"
    article = _clean(f"Leaders meet in New York for the first time\n{stamp}\n\n{LEDE}\n", config)
    assert (article.date, article.updated) == ("2015-09-29", "2015-09-30")
    assert article.title == "Leaders meet in New York for the first time"


def test_source_line_and_lone_agency_credit_name_the_wire(config: Config) -> None:
    assert (
        _clean(f"Talks end without a deal\n\n{LEDE}\n{SECOND}\n/ Source: Reuters\n", config).wire == "Reuters"
    )
    assert _clean(f"Talks end without a deal\n\n{LEDE}\n{SECOND}\n(dpa/NAN)\n", config).wire == "dpa"
    assert (
        _clean(f"Talks end without a deal\n\nNEW YORK (CNN) {LEDE}\n", config).wire is None
    )  # not an agency


def test_place_and_agency_line_and_a_source_url_name_the_wire(config: Config) -> None:
    article = _clean(f"Talks end without a deal\nMoscow / AFP\n{LEDE}\n", config)
    assert (article.wire, article.title) == ("AFP", "Talks end without a deal")
    source = "Source: http://www.example-news.co.uk/world/talks-123.html"
    assert _clean(f"Talks end without a deal\n\n{LEDE}\n{source}\n", config).wire == "example-news.co.uk"
    with_help = _clean(f"Talks end without a deal\n\n{LEDE}\nWith reporting by AFP and Reuters\n", config)
    assert with_help.wire is None and len(with_help.sentences) == 1


def test_outlet_from_copyright_without_legal_form(config: Config) -> None:
    footer = "© 2015 Lakeside Courier Newspapers Ltd. All rights reserved."
    page = f"Talks end without a deal\n\n{LEDE}\n{SECOND}\n{footer}\n"
    assert _clean(page, config).outlet == "Lakeside Courier"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Your browser does not support the video tag.", "browser-notice"),
        ("We use cookies to give you the best experience on our site.", "browser-notice"),
        ("Sign up for our daily briefing", "subscribe"),
        ("Get the headlines delivered to your inbox every morning.", "subscribe"),
        ("0:00 / 2:31", "media-player"),
        ("This is a modal window.", "media-player"),
        ("Advertisement", "advertisement"),
        ("Story continues below advertisement", "advertisement"),
        ("https://cdn.example.com/images/summit-1200x630.jpg", "url"),
        ("Follow us on Twitter and Facebook", "share"),
        ("18:05 (IST)", "timestamp"),
        ("Getty Images", "photo-credit"),
    ],
)
def test_chrome_is_known_by_its_kind(line: str, reason: str) -> None:
    assert chrome_reason(line, CleanerConfig()) == reason


def test_author_bio_and_related_list_leave_the_body(config: Config) -> None:
    page = (
        f"Talks end without a deal\n\n{LEDE}\n{SECOND}\n"
        "Jane Marsh is a diplomatic correspondent for the paper and has covered the Kremlin since 2010.\n"
        "Most read\nMarkets rally after rate decision\nStorm hits the coast\n"
    )
    article = _clean(page, config)
    assert [s.text for s in article.sentences] == [LEDE, SECOND]


@pytest.mark.parametrize(
    "header",
    [
        "By\nJane Marsh",  # a byline split over two lines
        "Jane Marsh",  # a lone name
        "Video: the leaders arrive",  # a video label
        "World News",  # a section label
    ],
)
def test_headline_is_never_a_byline_name_or_label(config: Config, header: str) -> None:
    page = f"Leaders trade warnings at the summit\n{header}\n\n{LEDE}\n"
    assert _clean(page, config).title == "Leaders trade warnings at the summit"


def test_no_headline_when_the_page_has_none(config: Config) -> None:
    assert _clean(f"World News\n\n{LEDE}\n{SECOND}\n", config).title is None


@pytest.mark.parametrize(
    "paragraph",
    [
        "The U.S. State Department said the talks would go on. Nothing was signed.",
        "The meeting ended at 3 p.m. ET on Monday, aides said. Nothing was signed.",
        "Martin Luther King Jr. was quoted by the speaker. Nothing was signed.",
        "Officials at No. 10 Downing Street and in St. Petersburg agreed. Nothing was signed.",
        "Censor.NET reported that the talks had failed. Nothing was signed.",
    ],
)
def test_abbreviations_stay_inside_one_sentence(paragraph: str) -> None:
    spans = sentence_spans(paragraph)
    assert [paragraph[a:b] for a, b in spans][-1] == "Nothing was signed."
    assert len(spans) == 2


def test_lone_surrogate_does_not_crash_and_offsets_stay_verbatim() -> None:
    paragraph = "A broken \ud800 byte sat here. The next sentence follows."
    spans = sentence_spans(paragraph)
    assert [paragraph[a:b] for a, b in spans] == [
        "A broken \ud800 byte sat here.",
        "The next sentence follows.",
    ]


def test_hard_wrapped_columns_are_joined_into_paragraphs(config: Config) -> None:
    page = (
        "P4 | THE LAKESIDE COURIER | MONDAY, SEPTEMBER 28, 2015\n"
        "TWO LEADERS TALK FOR AN HOUR\n"
        "Syria and Ukraine on the agenda\n"
        "STAFF REPORTER\n"
        "NEW YORK — The two presi-\n"
        "dents met for an hour at the\n"
        "United Nations on Monday and\n"
        "talked about the war in Syria.\n"
        "Continued on Page 9\n"
    )
    article = _clean(page, config)
    assert [s.text for s in article.sentences] == [
        "NEW YORK — The two presidents met for an hour at the United Nations on Monday and talked about"
        " the war in Syria."
    ]
    assert (article.sentences[0].line, article.sentences[0].last_line) == (5, 8)
    assert article.title == "TWO LEADERS TALK FOR AN HOUR"  # the deck under it is no headline
    assert (article.outlet, article.date) == ("The Lakeside Courier", "2015-09-28")  # from the folio
    assert {d.line for d in article.dropped} >= {9}


def test_a_pull_quote_repeating_the_text_is_dropped(config: Config) -> None:
    page = f"Talks end without a deal\n\n{LEDE}\n“{SECOND}”\n{SECOND} Officials said so.\n"
    article = _clean(page, config)
    assert [s.line for s in article.sentences].count(4) == 0
    assert {d.line: d.reason for d in article.dropped}[4] == "pull-quote"


def test_the_name_heading_the_page_is_its_outlet(config: Config) -> None:
    page = f"Office of the Lakeside Mayor\nNews\nEvents\nTalks end without a deal\n\n{LEDE}\n"
    assert _clean(page, config).outlet == "Office of the Lakeside Mayor"  # no URL, no other evidence
    # with a URL, its registered domain is the stronger evidence
    assert _clean(page, config, url="https://mayor.lakeside.gov.uk/events/1").outlet == "lakeside.gov.uk"


def test_caption_label_separator_and_contributor_note(config: Config) -> None:
    page = (
        "Talks end without a deal\n"
        "Image caption,\n"
        "The two leaders before their talks at the summit venue\n"
        f"{LEDE}\n{SECOND}\n___\n"
        "Staff writer Jane Marsh in Washington contributed to this report.\n"
    )
    article = _clean(page, config)
    assert [(s.role, s.text) for s in article.sentences] == [
        ("caption", "The two leaders before their talks at the summit venue"),
        ("body", LEDE),
        ("body", SECOND),
    ]


@pytest.mark.parametrize(
    ("footer", "outlet"),
    [
        ("© 2004-2015 Example.NET. Reproduction is allowed with a link.", "Example.NET"),
        ("© 2016 Lakeside Media Group Ltd or its affiliated companies. All rights reserved.", "Lakeside"),
        ("All rights reserved. When quoting, a link to Lakeside Radio is required.", None),
    ],
)
def test_copyright_holder_shapes(config: Config, footer: str, outlet: str | None) -> None:
    assert _clean(f"Talks end without a deal\n\n{LEDE}\n{SECOND}\n{footer}\n", config).outlet == outlet
