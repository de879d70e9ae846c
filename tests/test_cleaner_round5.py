"""The cleaner's fifth round of general rules (issue 9), on small pages written for these tests (no real
page's text): a site's name spelled with "The" or by its initials, a subdomain's menu label, an account's
name over its follower count, production cues and a columnist's tagline."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

import pytest

from bot.cleaner.cues import caption_cues
from bot.cleaner.patterns import AUTHOR_BIO, chrome_reason
from bot.config import Config, Event
from tests.test_cleaner_kinds import HEADLINE
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean


def test_a_site_name_with_a_leading_the_spells_the_url(config: Config) -> None:
    page = f"The Larkfield Sentinel\nOpinion\n{HEADLINE}\n{LEDE}\n{SECOND}\n© 2015 Some Features Syndicate\n"
    assert clean(page, config, url="https://www.larkfieldsentinel.com/opinion/a.html").outlet == (
        "The Larkfield Sentinel"
    )


def test_a_name_whose_initials_are_the_domain_beats_a_subdomain_menu_label(config: Config) -> None:
    page = f"QRB\nQuillon Radio Bureau\nHome\nTranscripts\n{HEADLINE}\n{LEDE}\n{SECOND}\n"
    article = clean(page, config, url="https://transcripts.qrb.com/show/a")
    assert article.outlet == "Quillon Radio Bureau"
    menu_first = f"Home\nTranscripts\nQualnet\n{HEADLINE}\n{LEDE}\n{SECOND}\n"
    assert clean(menu_first, config, url="https://transcripts.qualnet.com/a").outlet == "Qualnet"


def test_an_account_name_over_its_follower_count_is_the_outlet(config: Config) -> None:
    channel = "Fernbrook Evening News\nVerified\n2.31M subscribers\nSubscribe"
    page = f"Sign in\n{HEADLINE}\n{channel}\n{LEDE}\n{SECOND}\n"
    assert clean(page, config, url="https://video.example.com/watch?v=abc").outlet == "Fernbrook Evening News"
    bare = page.replace("2.31M subscribers\n", "")
    assert clean(bare, config, url="https://video.example.com/watch?v=abc").outlet != "Fernbrook Evening News"


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("(BEGIN VIDEO CLIP)", "production-cue"),
        ("(COMMERCIAL BREAK)", "production-cue"),
        ("(CROSSTALK)", "production-cue"),
        ("(Begin video clip of the talks, which were long)", None),
        ("Visit Larkwire for Journalists for releases, photos and customized feeds.", "promo"),
        ("Visit the museum, officials said, and see the treaty for yourself.", None),
        ("English version by Jane Roe.", "credits"),
        ("Translated from Spanish by Jane Roe", "credits"),
        ("The speech was translated by aides into six languages.", None),
        ("Get the latest news from around the world, live coverage, features and analysis.", "promo"),
        ("Get the latest figures, the minister told parliament on Monday.", None),
    ],
)
def test_production_cues_and_site_pointers_are_chrome(config: Config, text: str, reason: str | None) -> None:
    assert chrome_reason(text, config.cleaner) == reason


def test_a_columnists_closing_tagline_is_an_author_bio() -> None:
    assert AUTHOR_BIO.match("Jane Roe writes about the world. Her column is distributed by Some Features.")
    assert not AUTHOR_BIO.match("Jane Roe reports that a column of tanks was seen near the border on Monday.")


def test_a_slashed_dateline_credit_and_a_bracketed_lede_credit_name_the_wire(config: Config) -> None:
    slashed = f"{HEADLINE}\n\nNEW YORK, Sept. 28, 2015 /Quillwire-Release/ -- {LEDE}\n{SECOND}\n"
    assert clean(slashed, config).wire == "Quillwire-Release"
    bracketed = f"{HEADLINE}\n\n(Marketline) - {LEDE}\n{SECOND}\n"
    assert clean(bracketed, config).wire == "Marketline"
    assert clean(f"{HEADLINE}\n\n(Sky News) - {LEDE}\n{SECOND}\n", config).wire is None  # a known non-agency


def test_a_known_domain_beats_the_markups_publisher_name(config: Config) -> None:
    title = "Leaders agree to keep talking"
    publisher = '{"@type": "Organization", "name": "Sky Broadcasting Holdings Ltd"}'
    page = (
        f'<html><head><meta property="og:title" content="{title}">'
        f'<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{title}",'
        f' "publisher": {publisher}}}</script></head>'
        f"<body><article><h1>{title}</h1><p>{LEDE}</p><p>{SECOND}</p></article></body></html>"
    )
    assert clean(page, config, url="https://news.sky.com/story/a").outlet == "Sky News"
    # on a domain the table lacks, the markup's publisher, without its company's legal form (batch6's round)
    assert clean(page, config, url="https://unknown-site.example/a").outlet == "Sky Broadcasting"


def test_a_republished_storys_original_publisher_is_its_source(config: Config) -> None:
    credit = (
        "This story was originally published by The Larkfield Sentinel and is republished with permission."
    )
    page = f"{HEADLINE}\n{LEDE}\n{SECOND}\n{credit}\n"
    assert clean(page, config, url="https://reader.example/story/1").wire == "The Larkfield Sentinel"
    based = (
        '"isBasedOn": {"@type": "NewsArticle", "publisher": {"@type": "Organization", "name": "Larkfield"}}'
    )
    html = (
        f'<html><head><script type="application/ld+json">{{"@type": "NewsArticle", {based}}}</script></head>'
        f"<body><article><h1>{HEADLINE}</h1><p>{LEDE}</p><p>{SECOND}</p></article></body></html>"
    )
    assert clean(html, config, url="https://reader.example/story/1").wire == "Larkfield"
    assert clean(html.replace(based, '"x": 1'), config, url="https://reader.example/story/1").wire is None


def test_a_photographers_name_in_capitals_and_an_agency_in_brackets_is_a_caption_cue() -> None:
    strong, _ = caption_cues("The two presidents at the start of their meeting on Monday. JANE ROE (AP)")
    assert strong >= 1
    assert caption_cues("The two presidents met on Monday in the city of NEW YORK (AP)") == (0, 0)


def test_a_column_of_briefs_is_titled_by_its_name_and_its_items_are_subheadings(config: Config) -> None:
    items = [
        ("Leaders end talks without a deal", "HANGZHOU, China — " + LEDE),
        (
            "Storm closes the port for a day",
            "MANILA, Philippines — Heavy rain closed the port on Monday, officials said.",
        ),
        (
            "Court delays a ruling on the vote",
            "LIBREVILLE, Gabon — The court said it would rule later in the week.",
        ),
    ]
    body = "\n".join(f"{head}\n{text}" for head, text in items)
    article = clean(f"Home\nNews\nSport\nWorld briefs\nTuesday, September 6, 2016\n{body}\n", config)
    assert article.title == "World briefs"
    assert article.sentences[0].text.startswith("Leaders end talks")
    single = clean(f"Home\nNews\nWorld briefs\n{items[0][0]}\n{items[0][1]}\n{SECOND}\n", config)
    assert single.title == items[0][0]  # one datelined story is no column of briefs


def test_a_persons_name_among_an_events_keywords_is_no_evidence_of_it(config: Config) -> None:
    later = Event(
        id="later-summit",
        name="A later summit",
        start=dt.date(2018, 7, 10),
        end=dt.date(2018, 7, 31),
        place="Turku",
        keywords=("Turku", "summit", "Putin", "Obama"),
    )
    config = replace(config, events=(*config.events, later))
    page = (
        "Putin will meet Obama at the G20 summit in China\n\n"
        "Putin and Obama will meet at the summit, Putin's spokesman said. Obama agreed, and Putin said so.\n"
        "The G20 meeting in China will be the place for Putin and Obama to talk about the summit agenda.\n"
    )
    assert clean(page, config).event == "g20-2016"


def test_a_site_name_line_ending_in_a_colon_names_the_outlet_without_it(config: Config) -> None:
    page = f"Quillon:\n{HEADLINE}\n{LEDE}\n{SECOND}\n"
    assert clean(page, config, url="https://en.quillon.az/world/1.html").outlet == "Quillon"


def test_a_line_opening_with_a_copyright_mark_is_no_headline(config: Config) -> None:
    credit = "© Agency / Jane Roe / Go to the photo bankThe two presidents meet before the talks"
    article = clean(f"{credit}\n{HEADLINE}\n{LEDE}\n{SECOND}\n", config)
    assert article.title == HEADLINE
    assert clean(f"{HEADLINE}\n{credit}\n{LEDE}\n{SECOND}\n", config).title == HEADLINE


def test_an_agency_header_of_a_place_and_a_yearless_date_dates_the_page(config: Config) -> None:
    page = f"Baku, Azerbaijan, Sept. 5\nReuters:\n{LEDE}\n{SECOND}\n"
    article = clean(page, config)
    assert (article.date, article.wire) == ("2016-09-05", "Reuters")
    dated_credit = clean(f"{HEADLINE}\nXinhua, September 6, 2016\n{LEDE}\n{SECOND}\n", config)
    assert (dated_credit.date, dated_credit.wire) == ("2016-09-06", "Xinhua")


def test_a_lede_sentence_ending_with_its_attribution_and_a_day_is_no_headline(config: Config) -> None:
    lede = (
        "Russian President Ivan Roe will meet U.S. President John Doe in Paris, Aide Jan Kos said Thursday."
    )
    article = clean(f"{lede}\n{LEDE}\n{SECOND}\n", config)
    assert article.title is None
    assert article.sentences[0].text == lede
