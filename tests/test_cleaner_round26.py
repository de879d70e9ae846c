"""The cleaner's round-twenty-six rules (issue 9: the kinds two held-out real-page rounds missed), on small
lines and pages written for these tests (no real page's text), and lines that only look like them."""

from __future__ import annotations

import dataclasses

import pytest

from bot.cleaner.labelname import label_name
from bot.cleaner.lines import without_glued_link
from bot.cleaner.sitename import without_outlet_suffix
from bot.cleaner.spelling import _spelled_name
from bot.cleaner.titlecaption import is_title_caption
from bot.cleaner.whichevent import latest_named_event
from bot.config import Config, OutletName
from tests.test_cleaner_rules import _clean as clean

STORY = (
    "Presidents Barack Obama and Vladimir Putin met for ninety minutes on the sidelines of the G20 summit"
    " in Hangzhou on Monday, aides said."
)
MORE = "Both delegations said their ministers would keep talking about a ceasefire in Syria."


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("quorvanta", "Quorvanta"),  # no split reads it: kept whole, capitalised
        ("7harbourwire", "7 Harbour Wire"),  # digits are a word; the letters read as words
        ("harbourwire7", "Harbour Wire 7"),
        ("kxlp", "KXLP"),  # no vowel: letters read out
        ("vanexmedia", "Vanex Media"),  # a two-letter cut joins the piece before it
    ],
)
def test_a_nameless_sites_label_is_cited_capitalised(config: Config, label: str, name: str) -> None:
    assert label_name(label, config.cleaner) == name


@pytest.mark.parametrize("label", ["exports", "news", "qxv-zkt", "2016", "café"])
def test_a_label_of_one_word_hyphens_or_no_letters_keeps_its_domain(config: Config, label: str) -> None:
    assert label_name(label, config.cleaner) is None


def test_a_nameless_site_and_a_platform_blog_are_cited_by_their_label(config: Config) -> None:
    page = f"Leaders meet at the summit\n\n{STORY}\n\n{MORE}\n"
    assert clean(page, config, url="https://www.quorvanta.com/2016/09/05/a/").outlet == "Quorvanta"
    assert clean(page, config, url="https://quorvanta.wordpress.com/2016/09/05/a/").outlet == "Quorvanta"
    # one dictionary word is no name: the suffix makes it one, so the bare domain stays
    assert clean(page, config, url="https://exports.gov.tr/news/1").outlet == "exports.gov.tr"


@pytest.mark.parametrize(
    ("line", "label", "name"),
    [
        ("Leaders meet at the summit | TarnWatch", "tarnwatch", "TarnWatch"),
        ("Leaders meet at the summit - Tarn Watch", "tarnwatch", "Tarn Watch"),
        ("Síguenos: RíoNoticias en Facebook", "rionoticias", "RíoNoticias"),
    ],
)
def test_a_printed_spelling_after_a_separator_or_with_accents_spells_the_label(
    line: str, label: str, name: str
) -> None:
    assert _spelled_name(line, label, 4) == name


@pytest.mark.parametrize(
    ("line", "label"),
    [
        ("Leaders Meet At The Summit TarnWatch", "tarnwatch"),  # runs on from a longer capitalised name
        ("More From TarnWatch Today", "tarnwatch"),
        ("RíoNoticias", "rionoticia"),  # more letters than the label: no spelling of it
    ],
)
def test_a_name_inside_a_longer_name_does_not_spell_the_label(line: str, label: str) -> None:
    assert _spelled_name(line, label, 4) is None


def test_a_title_suffix_spelling_is_the_outlet_and_leaves_the_headline(config: Config) -> None:
    page = f"Leaders meet at the summit | TarnWatch\n\n{STORY}\n\n{MORE}\n"
    article = clean(page, config, url="https://tarnwatch.com/world/leaders-meet")
    assert article.outlet == "TarnWatch"
    assert article.title == "Leaders meet at the summit"


def test_a_name_read_off_the_domain_is_no_other_outlet_going_by_those_words(config: Config) -> None:
    other = OutletName(name="HARBOUR Gazette", aliases=(), domains=("harbour-gazette.net",))
    changed = dataclasses.replace(config, outlets=(*config.outlets, other))
    page = f"Leaders meet at the summit\n\n{STORY}\n\n{MORE}\n"
    article = clean(page, changed, url="https://www.harbourgazette.com/2016/09/05/a/")
    assert article.outlet == "Harbour Gazette"  # its own domain's words, not the known outlet's name
    assert clean(page, changed, url="https://harbour-gazette.net/a/").outlet == "HARBOUR Gazette"


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        ("neither side moved.http://site.example.com/a/b.html?x=1", "neither side moved."),
        ('he said "no."https://site.example.com/a', 'he said "no."'),
        ("Read it at http://site.example.com/a", "Read it at http://site.example.com/a"),  # not glued
        ("Source:http://site.example.com/a", "Source:http://site.example.com/a"),  # no sentence's stop
    ],
)
def test_a_link_glued_onto_a_sentences_stop_is_no_part_of_the_line(text: str, kept: str) -> None:
    assert without_glued_link(text) == kept


@pytest.mark.parametrize(
    "text",
    [
        "Presidents Barack Obama and Vladimir Putin of Russia.",  # who is pictured, with a stop
        "Leaders' Meeting at Summit Will Depend on Their Schedules. Reuters",  # a title and its source
        "Leaders Shake Hands Before Talks. Getty Images",
    ],
)
def test_a_title_with_a_stop_or_a_credit_after_it_is_a_caption(config: Config, text: str) -> None:
    assert is_title_caption(text, config.cleaner)


@pytest.mark.parametrize(
    "text",
    [
        "Obama to sit down with Putin at the UN on Monday",  # a headline: no stop
        "Leaders Shake Hands Before Talks",
        "Fernwood, Daniel.",  # a record's author: a name alone
        "The leaders met in Hangzhou.",  # a sentence, not a title
        "Obama Meets Putin. Syria Talks Go On. Reuters",  # two stops: no single title
    ],
)
def test_a_headline_a_name_or_a_sentence_is_no_title_caption(config: Config, text: str) -> None:
    assert not is_title_caption(text, config.cleaner)


def test_a_title_suffix_opening_with_the_outlets_name_is_the_sites_label() -> None:
    title = "Leaders Talk Without a Deal | COASTLINE HERALD English Archive 2004-2018"
    assert without_outlet_suffix(title, "Coastline Herald") == "Leaders Talk Without a Deal"
    # a suffix that does not open with the name stays
    kept = "Leaders Talk Without a Deal | Archive of the Coastline Herald"
    assert without_outlet_suffix(kept, "Coastline Herald") == kept


def test_the_latest_event_a_page_names_stands_for_a_series_it_names(config: Config) -> None:
    texts = ["", "The leaders met at the G20 summit in Brisbane and talked about Ukraine.", ""]
    series = [e for e in config.events if "G20" in e.keywords]
    assert series  # the config's events hold a G20 edition
    latest = latest_named_event(texts, config)
    assert latest is not None and latest.value == max(series, key=lambda e: e.end).id
    assert latest_named_event(["", "The leaders talked about trade and the weather.", ""], config) is None


def test_a_header_clock_long_after_every_edition_named_is_no_date(config: Config) -> None:
    story = "Presidents Obama and Putin spoke on the sidelines of the G20 summit in Brisbane on Saturday."
    more = "Aides said neither man had moved on Ukraine, and the hosts kept the summit on trade."
    page = f"Thursday 14 March 2019\n\nObama and Putin no nearer on Ukraine at G20\n\n{story}\n\n{more}\n"
    url = "https://www.quorvanta.com/world/obama-putin-g20-771"
    assert clean(page, config, url=url).date is None
    # the same line in a summit's window is the post's own date
    dated = page.replace("Thursday 14 March 2019", "Monday 5 September 2016").replace("Brisbane", "Hangzhou")
    assert clean(dated, config, url=url).date == "2016-09-05"


def test_a_lede_naming_an_events_clue_is_no_headline_naming_it(config: Config) -> None:
    lede = (
        "Obama and Putin met at the G20 summit in Turkey on Sunday, agreeing that the United Nations should"
        " oversee talks on Syria."
    )
    back = "They last met at the General Assembly in New York in September, when they disagreed over Syria."
    page = f"{lede}\n{back}\nOfficials called the new talk constructive and said it lasted half an hour.\n"
    url = "https://www.quorvanta.com/world/obama-putin-g20/2015/11/16/id/88120/"
    assert clean(page, config, url=url).event is None


def test_a_title_kept_whole_names_its_wire_only_when_an_agency_ends_it(config: Config) -> None:
    body = f"{STORY}\n\n{MORE}\n"
    url = "https://www.quorvanta.com/blog/leaders-meet/"
    agency = clean(f"Leaders meet on the sidelines of the summit – Reuters\n\n{body}", config, url=url)
    assert agency.wire == "Reuters"
    broadcaster = clean(f"Leaders meet on the sidelines of the summit – CBS News\n\n{body}", config, url=url)
    assert broadcaster.wire is None


CAPTION = "Presidents Obama and Putin at an earlier summit in the Russian city of Saint Petersburg."


def test_a_lone_name_between_a_caption_and_its_copy_is_the_photos_credit(config: Config) -> None:
    page = f"Leaders meet at the summit\n\n{CAPTION}\nEvan Castellano\n{CAPTION}\n\n{STORY}\n\n{MORE}\n"
    article = clean(page, config, url="https://www.quorvanta.com/a/")
    reasons = {d.line: d.reason for d in article.dropped}
    assert reasons.get(4) == "photo-credit" and reasons.get(5) == "duplicate"
    # a headline printed twice (no stop) with a name between: the name is no photo's credit
    title = "Leaders Meet At The Summit"
    twice = f"{title}\nEvan Castellano\n{title}\n\n{STORY}\n\n{MORE}\n"
    reasons = {d.line: d.reason for d in clean(twice, config, url="https://www.quorvanta.com/a/").dropped}
    assert reasons.get(2) != "photo-credit"


def test_a_credited_caption_after_a_place_and_date_label_is_the_same_caption(config: Config) -> None:
    credit = " (Photo by Mikhail Orlov/Harbour Pictures Agency via Lakeview Images)"
    label = "NEW YORK, USA. SEPTEMBER 28,:"
    first = f"{label} Presidents Putin and Obama greet each other at the U.S. talks.{credit}"
    second = f"Presidents Putin and Obama greet each other at the US talks.{credit}"
    page = f"Leaders meet at the summit\n\n{first}\n\n{second}\n\n{STORY}\n\n{MORE}\n"
    reasons = {d.line: d.reason for d in clean(page, config, url="https://www.quorvanta.com/a/").dropped}
    assert reasons.get(5) == "duplicate"
    other = f"Presidents Putin and Obama leave the hall after the talks in the evening.{credit}"
    page = f"Leaders meet at the summit\n\n{first}\n\n{other}\n\n{STORY}\n\n{MORE}\n"
    reasons = {d.line: d.reason for d in clean(page, config, url="https://www.quorvanta.com/a/").dropped}
    assert reasons.get(5) != "duplicate"


def test_a_prose_line_cut_on_a_word_that_needs_more_runs_into_the_name_under_it(config: Config) -> None:
    cut = "The two leaders agreed that any settlement in Syria should be led by Syrians, according to"
    page = f"{STORY}\n{cut}\nReuters.\n{MORE}\n"
    article = clean(page, config, url="https://www.quorvanta.com/a/2016/09/05/b/")
    assert any(s.text.endswith("according to Reuters.") for s in article.sentences)
    assert article.wire is None
    # a short line, or one ending on a word a sentence may end on, is left alone
    menu = clean(f"{STORY}\nSort by\nReuters\n{MORE}\n", config, url="https://www.quorvanta.com/a/")
    assert not any("Sort by Reuters" in s.text for s in menu.sentences)


@pytest.mark.parametrize(
    ("lead_in", "kept"),
    [
        ("Hangzhou, Zhejiang, China:", False),  # a place alone: a dateline set apart
        ("United Nations, United States:", False),
        ("The Kremlin said in a statement:", True),  # a lead-in introducing the lines under it
    ],
)
def test_a_place_line_with_a_colon_is_no_lead_in(config: Config, lead_in: str, kept: bool) -> None:
    page = f"{lead_in}\n{STORY}\n{MORE}\n"
    article = clean(page, config, url="https://www.quorvanta.com/a/")
    assert (1 in {s.line for s in article.sentences}) is kept
