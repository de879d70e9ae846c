"""The cleaner's round-thirty-three rules (issue 9: the kinds probe29's pages missed), on small lines and
pages written for these tests (no real page's text), and lines that only look like them."""

from __future__ import annotations

import pytest

from bot.cleaner.cues import caption_cues, wire_dateline
from bot.cleaner.inlineheadline import is_inline_headline
from bot.cleaner.labelname import label_name
from bot.cleaner.outlets import outlet_table
from bot.cleaner.patterns import chrome_reason
from bot.config import Config
from tests.test_cleaner_rules import _clean as clean

PARAGRAPH = (
    "The two presidents met on the margins of the assembly on Monday for ninety minutes and parted still"
    " divided over the war in Syria, officials on both sides said afterwards."
)
SECOND = "Both men had set out opposing plans for the country in their speeches earlier in the day."


@pytest.mark.parametrize(
    "label",
    [
        "vreports",  # one letter run into one common word: a prefix, as a hyphened "e-"
        "kpictures",
        "zkqim",  # voiced letters opening with two consonants no word opens with: unsayable
    ],
)
def test_a_label_no_reader_can_say_as_a_name_keeps_its_domain(config: Config, label: str) -> None:
    assert label_name(label, config.cleaner) is None


@pytest.mark.parametrize(
    ("label", "name"),
    [
        ("quorvanta", "Quorvanta"),  # a coined name a reader says: cited capitalised, as before
        ("sofrep", "Sofrep"),  # a letter before more than one word is a coined name's letters
        ("kxlp", "KXLP"),  # no vowel: letters read out
        ("ngkora", "Ngkora"),  # a rare but real opening ("ng")
        ("tarnwirehub", "Tarn Wire Hub"),
    ],
)
def test_a_sayable_label_is_still_cited_by_its_name(config: Config, label: str, name: str) -> None:
    assert label_name(label, config.cleaner) == name


def test_a_nameless_site_with_an_unsayable_label_is_cited_by_its_domain_as_written(config: Config) -> None:
    article = clean(f"{PARAGRAPH}\n\n{SECOND}", config, url="https://www.vreports.me/content/talks")
    assert article.outlet == "vreports.me"


def test_the_table_reads_each_new_entry_by_its_printed_name(config: Config) -> None:
    table = outlet_table(config)
    herald = "http://www.heraldnet.com/article/20150924/NEWS02/1/x"
    assert table.by_domain("www.heraldnet.com") == "The Herald (Everett)"
    assert table.canonical("The Herald", herald) == "The Herald (Everett)"  # its own pages' name
    assert table.canonical("The Herald") != "The Herald (Everett)"  # elsewhere another paper's
    assert table.by_domain("www.streetinsider.com") == "StreetInsider.com"
    assert table.by_domain("www.oananews.org") == "OANA"
    assert not table.is_agency("OANA")  # a consortium reposting its members' copy is no wire


def test_a_dateline_region_between_slashes_is_no_photo_credit() -> None:
    lede = "KOVROV /Vladimir region/, September 24. /TASS/. President Vladimir Putin will meet Barack Obama."
    assert caption_cues(lede)[0] == 0
    assert wire_dateline(lede) == ("KOVROV /Vladimir region/, September 24. /TASS/.", "TASS")
    for caption in (
        "The leaders shake hands in New York. (AP Photo/Jane Doe)",
        "The leaders at the summit. REUTERS/Jane Doe/File Photo",
        "The leaders at the summit, Sept. 28. AFP / Jane Doe",
    ):
        assert caption_cues(caption)[0] >= 1, caption


def test_a_reposted_agency_copy_with_a_slashed_region_credits_its_agency(config: Config) -> None:
    text = "\n".join(
        [
            "Kremlin confirms the meeting in New York",
            "",
            "KOVROV /Vladimir region/, September 24. /TASS/. President Vladimir Putin will meet Barack Obama"
            " at the United Nations General Assembly next week, the Kremlin said on Thursday."
            " The two men last held formal talks nearly a year ago. Read more",
            "",
            "X",
        ]
    )
    article = clean(text, config, url="https://www.tarnwirehub.org/node/1")
    assert article.wire == "TASS"
    assert any("Kremlin said on Thursday" in s.text for s in article.sentences)


@pytest.mark.parametrize(
    ("source", "wire"),
    [
        ("Source: Harbour Policy Institute", None),  # an institution's analysis
        ("Source: Atlantic Council", None),  # a known think tank, in the table
        ("Source: Council on Foreign Relations", None),
        ("Source: Reuters", "Reuters"),  # an agency still is a wire
        ("Source: Harbour News Center", "Harbour News Center"),  # a newsroom's name, a media word in it
    ],
)
def test_an_institution_named_as_source_is_no_wire(config: Config, source: str, wire: str | None) -> None:
    text = f"Talks in New York\n\n{PARAGRAPH}\n\n{source}\n\nShare this post"
    assert clean(text, config, url="https://www.harbourdigest.com/x/").wire == wire


def test_an_update_label_alone_on_its_line_dates_the_next_line(config: Config) -> None:
    head = "Leaders meet in New York but stay apart on Syria"
    text = f"{head}\n\nHarbour Digest\n9/29/2015\nUpdated:\n9/30/2015\n\n{PARAGRAPH}\n\n{SECOND}"
    article = clean(text, config, url="https://www.harbourdigest.com/x/")
    assert (article.date, article.updated) == ("2015-09-29", "2015-09-30")


def test_a_label_line_over_no_date_is_no_update(config: Config) -> None:
    text = f"Talks in New York\n\nTopics:\nSyria, Russia\n\n{PARAGRAPH}\n\n{SECOND}"
    assert clean(text, config, url="https://www.harbourdigest.com/x/").updated is None


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("88213[/relatedposts]", "widget"),  # a shortcode left in the text, an id glued to it
        ('[gallery ids="12,13"]', "widget"),
        ("google play market apple app store закрытьX", "app-badges"),
        ("Get it on Google Play Download on the App Store", "app-badges"),
        ("He said [the talks] went well and that both sides would meet again soon.", None),
        ("The app is on Google Play and the App Store, the company said on Monday in a statement.", None),
    ],
)
def test_shortcode_residue_and_app_badges_are_chrome(config: Config, line: str, reason: str | None) -> None:
    assert chrome_reason(line, config.cleaner) == reason


@pytest.mark.parametrize(
    ("line", "other"),
    [
        ("President Jane Roe warns about 'deep divisions' over how to end the war in Syria", True),
        ("Beijing keeps the summit's focus on trade, but a war far away crowds the agenda", True),
        ("The two presidents spoke briefly on the margins of the meeting, officials said", False),  # past
        ("Russia wants guarantees", False),  # a crosshead's few words
        ("President Jane Roe warns about deep divisions over how to end the war in Syria.", False),  # a stop
        ("US officials and their counterparts met for hours on the margins of the summit in Hangzhou", False),
        ("Several papers called it a snub. A former envoy agreed. He told the paper:", False),
        ("Following is the gist of the leaders' talks on the margins of the General Assembly:", False),
    ],
)
def test_another_storys_headline_is_read_by_length_and_headline_grammar(
    config: Config, line: str, other: bool
) -> None:
    assert is_inline_headline(line, config.cleaner) is other


def test_another_storys_headline_between_paragraphs_is_dropped(config: Config) -> None:
    other = "Prime Minister Jane Roe warns about 'deep divisions' over how to end the fighting in Syria"
    text = f"Leaders agree to keep talking on a truce\n\n{PARAGRAPH}\n\n{other}\n\n{SECOND}"
    article = clean(text, config, url="https://www.harbourfeeds.com/x")
    kept = " ".join(s.text for s in article.sentences)
    assert "deep divisions" not in kept and "opposing plans" in kept
