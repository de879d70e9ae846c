"""The cleaner's round-thirty-eight rules (issue 9, probe32's misses by kind), on small lines and pages
written for these tests (no real page's text), and lines that only look like them.

A CDN's or a machine-named host names no outlet; a URL's reference number far from every event, its year
printed nowhere, is no publication date; a kicker glued to its headline by a colon is cut off; a text
table's rule and empty rows are no text; the event's Arabic names are config data.
"""

from __future__ import annotations

import pytest

from bot.cleaner.headline import glued_kicker, headline_shaped, headline_text, table_cell
from bot.cleaner.machinehost import machine_host
from bot.cleaner.patterns import chrome_reason
from bot.cleaner.tablerows import TABLE_ROW_PATTERNS
from bot.config import CleanerConfig, Config
from tests.test_cleaner_rules import _clean as clean

SETTINGS = CleanerConfig(machine_host_suffixes=("cloudfront.net", "amazonaws.com"))
LEDE = (
    "The two presidents met for about ninety minutes on Monday on the sidelines of the United Nations "
    "General Assembly in New York and agreed on little beyond the need to keep talking about Syria."
)
SECOND = "An official said the leaders would ask their foreign ministers to carry on the talks this week."
THIRD = "Neither side announced any new step on the conflict in the east of the country."


# -- the outlet: a host that names no outlet
@pytest.mark.parametrize(
    "host",
    ["d8kq7xtrvbnw4.cloudfront.net", "bucket-7.s3.amazonaws.com", "www.d8kq7xtrvbnw4.example.com"],
)
def test_a_cdn_or_machine_named_host_names_no_outlet(host: str) -> None:
    assert machine_host(host, SETTINGS)


@pytest.mark.parametrize(
    "host",
    ["actv7news.com", "ibile9ja.com", "tn8.tv", "24newslanka.com", "kxlp.com", "cloudfront.example.org"],
)
def test_a_brand_with_a_number_is_a_name(host: str) -> None:
    assert not machine_host(host, SETTINGS)


def test_a_page_on_a_cdn_mirror_takes_no_outlet_from_its_host(config: Config) -> None:
    text = "\n\n".join([LEDE, SECOND, THIRD])
    mirrored = clean(text, config, url="https://d8kq7xtrvbnw4.cloudfront.net/amp/leaders-meet/1234.html")
    own = clean(text, config, url="https://harbourtimes.com/world/leaders-meet/1234.html")
    assert mirrored.outlet is None
    assert own.outlet == "Harbour Times"


# -- the date: an agency's reference number in the URL
_URN_URL = "https://www.zeitung.example.de/politik/treffen-dpa.urn-newsml-dpa-com-20090101-150929-99-00388"


def test_a_url_reference_number_far_from_every_event_is_no_date(config: Config) -> None:
    article = clean("\n\n".join([LEDE, SECOND, THIRD]), config, url=_URN_URL)
    assert article.date is None
    assert article.event == "unga-2015"


def test_a_far_url_date_whose_year_the_page_prints_stays(config: Config) -> None:
    earlier = "The two men last met in Moscow in 2009, when both were new to the job."
    text = "\n\n".join([LEDE, earlier, THIRD])
    assert clean(text, config, url=_URN_URL).date == "2009-01-01"


def test_a_url_date_near_an_event_stays(config: Config) -> None:
    url = "https://www.zeitung.example.de/politik/treffen-dpa.urn-newsml-dpa-com-20150928-150929-99-00388"
    assert clean("\n\n".join([LEDE, SECOND, THIRD]), config, url=url).date == "2015-09-28"


# -- the headline: a kicker glued on by a colon
@pytest.mark.parametrize(
    ("line", "kicker"),
    [
        ("Gipfeltreffen:Die Präsidenten sprechen in New York über Syrien", "Gipfeltreffen"),
        ("Diplomacy:Leaders meet at last and talk about the war", "Diplomacy"),
        ("Portal:Current events/2016 September 5", None),  # a wiki page's path
        ("Category:Presidents of the United States", None),  # a wiki page's name: "of the" alone
        ("Talk:Barack Obama", None),
        ("Diplomacy: Leaders meet at last and talk about the war", None),  # spaced: no glue
    ],
)
def test_a_kicker_glued_by_a_colon(line: str, kicker: str | None) -> None:
    assert glued_kicker(line) == kicker


def test_the_headline_text_loses_its_glued_kicker() -> None:
    line = "Diplomacy:Leaders meet at last and talk about the war"
    assert headline_text(line, CleanerConfig()) == "Leaders meet at last and talk about the war"


def test_a_page_headed_by_a_glued_kicker_line(config: Config) -> None:
    text = "\n\n".join(["Diplomacy:Leaders meet at last and talk about the war", LEDE, SECOND, THIRD])
    assert clean(text, config).title == "Leaders meet at last and talk about the war"


# -- the chrome: a text table's scaffolding
def _kind(line: str) -> str | None:
    return next((kind for kind, pattern in TABLE_ROW_PATTERNS if pattern.match(line)), None)


@pytest.mark.parametrize(
    ("line", "kind"),
    [
        ("---|---|", "table-rule"),
        ("| :--- | ---: |", "table-rule"),
        ("(two hours later) | |", "table-row"),
        ("| | |", "table-row"),
        ("Older version", "navigation"),
        ("Version 1 | Version 2 |", None),
        (f"{SECOND} | |", None),  # a cell holding a sentence is the story's
        ("---", None),  # a rule alone is a section break, read elsewhere
    ],
)
def test_a_text_tables_scaffolding(line: str, kind: str | None) -> None:
    assert _kind(line) == kind


def test_a_story_in_a_table_keeps_its_cells_and_drops_the_scaffolding(config: Config) -> None:
    rows = [LEDE, "Version 1 | Version 2 |", "---|---|", "(an hour later) | |", f"{SECOND} | |", THIRD]
    article = clean("\n".join(rows), config)
    assert {(d.text, d.reason) for d in article.dropped} >= {
        ("---|---|", "table-rule"),
        ("(an hour later) | |", "table-row"),
    }
    assert "ninety minutes" in article.text
    assert "foreign ministers" in article.text


def test_the_column_labels_over_a_tables_rule_are_no_text(config: Config) -> None:
    rows = [LEDE, "", "Old text | New text |", "---|---|", f"{SECOND} | |", THIRD]
    reasons = {d.text: d.reason for d in clean("\n".join(rows), config).dropped}
    assert reasons["Old text | New text |"] == "table-labels"


def test_a_row_of_cells_without_a_rule_under_it_stays(config: Config) -> None:
    rows = [LEDE, "", "Old text | New text |", SECOND, THIRD]
    reasons = {d.text: d.reason for d in clean("\n".join(rows), config).dropped}
    assert reasons.get("Old text | New text |") != "table-labels"


@pytest.mark.parametrize(
    ("line", "title"),
    [
        ("Leaders to meet | Leaders to meet |", "Leaders to meet"),
        ("Leaders may meet | Leaders to meet next week |", "Leaders to meet next week"),
        ("Leaders to meet | Harbour Times", "Leaders to meet | Harbour Times"),  # a site suffix
        ("Leaders to meet | |", "Leaders to meet | |"),  # one filled cell: no row of versions
    ],
)
def test_a_headline_in_a_tables_row_is_its_latest_cell(line: str, title: str) -> None:
    assert table_cell(line) == title


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("This story has changed 4 times since we first saw it. Subscribe to its changes.", "notice"),
        ("The article was last seen a month ago and won't be checked again for changes.", "notice"),
        ("The story has not changed since it was first seen on the site.", "notice"),
        ("The article has changed the way officials speak about the war, one diplomat said.", None),
    ],
)
def test_a_change_trackers_notice(line: str, reason: str | None) -> None:
    assert chrome_reason(line, CleanerConfig()) == reason


# -- the event: its names in Arabic (config data)
def test_an_arabic_paragraph_names_the_assembly(config: Config) -> None:
    text = (
        "التقى الرئيسان الأمريكي والروسي يوم الاثنين على هامش اجتماعات الجمعية العامة للأمم المتحدة "
        "وتحدثا عن الحرب في سوريا دون أن يعلنا أي اتفاق جديد."
    )
    assert clean(text, config).event == "unga-2015"


# -- the chrome: a list of links under labels in capitals between paragraphs
def test_bulleted_links_under_capital_labels_between_paragraphs_are_chrome(config: Config) -> None:
    links = ["- WATCH: The president's speech to the assembly", "- ANALYSIS: What the meeting means"]
    rows = [LEDE, *links, SECOND]
    article = clean("\n\n".join(rows), config)
    assert "speech to the assembly" not in article.text
    assert "What the meeting means" not in article.text
    assert "foreign ministers" in article.text


def test_a_bulleted_point_in_lower_case_stays(config: Config) -> None:
    point = "- Watch: the two leaders agreed to keep talking, officials said on Monday."
    article = clean("\n\n".join([LEDE, point, SECOND]), config)
    assert "agreed to keep talking" in article.text


# -- the headline: a tag archive's title and its tag's name
@pytest.mark.parametrize(
    ("line", "shaped"),
    [
        ('Home Tags Posts tagged with "leaders meeting"', False),
        ("Tag Archives: leaders meeting", False),
        ("Articles tagged: summit in New York", False),
        ("Leaders tagged as rivals meet at last in New York", True),  # a headline using the word
    ],
)
def test_a_tag_archives_title_is_no_headline(line: str, shaped: bool) -> None:
    assert headline_shaped(line, CleanerConfig()) is shaped


def test_the_tag_name_under_a_tag_archives_title_is_no_headline(config: Config) -> None:
    text = "\n\n".join(['Home Tags Posts tagged with "leaders meeting"', "leaders meeting", LEDE, SECOND])
    assert clean(text, config).title is None
