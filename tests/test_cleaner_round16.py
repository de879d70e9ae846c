"""The cleaner's sixteenth round of general rules (issue 9), on small pages written for these tests (no
real page's text): a reader-funding appeal box in the story's column is chrome, and its paragraphs are not
the lead a headline is matched against; an archive's notice, a "NAME via Agency Images" credit and a
line left in raw inline markup are chrome; a Chinese date row gives the story's date; ", The Agency
reported." credits the wire when it is the story's only credit."""

from __future__ import annotations

from bot.cleaner.daterow import is_date_row
from bot.config import Config
from tests.test_cleaner_kinds import HEADLINE
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean

THIRD = "The talks ran past the hour set for them, aides said."
STANDFIRST = "The two ministers are due to talk again about the air war later this week"
APPEAL = [
    "Your gift keeps our reporters in the field",
    "From town halls to summits, the Harbour Courier is there when news breaks. We know how much it "
    "matters to get the facts first.",
    "Right now we need more people on the ground. Every pound you give sends another of our reporters out.",
    "Your support makes every story possible.",
]
URL = "https://www.harbour-courier.example/news/leaders-talk"


def test_a_funding_appeal_box_is_chrome_and_the_headline_stays_over_its_standfirst(config: Config) -> None:
    page = "\n\n".join([HEADLINE, STANDFIRST, "Jane Roe", "Monday 28 September 2015", *APPEAL, LEDE, SECOND])
    article = clean(page + "\n", config, url=URL)
    assert article.title == HEADLINE
    assert not any(word in article.text for word in ("field", "facts first", "pound", "possible"))
    assert LEDE.split()[0] in article.text and SECOND in article.text


def test_paragraphs_between_appeal_lines_not_in_the_first_person_are_kept(config: Config) -> None:
    page = "\n\n".join(
        [HEADLINE, LEDE, "Your gift keeps the lights on", SECOND, "Your support makes it possible.", THIRD]
    )
    article = clean(page + "\n", config, url=URL)
    assert SECOND in article.text and THIRD in article.text
    assert "lights on" not in article.text


def test_lone_appeal_lines_are_chrome(config: Config) -> None:
    page = "\n\n".join([HEADLINE, LEDE, "Support our journalism", SECOND, "Make a contribution", THIRD])
    article = clean(page + "\n", config, url=URL)
    assert "journalism" not in article.text and "contribution" not in article.text
    assert THIRD in article.text


def test_an_archive_notice_a_via_credit_and_raw_markup_are_chrome(config: Config) -> None:
    caption = "The two ministers walk to the talks."
    notice = "This is an archived story and its details may be out of date. Check the time stamp."
    page = "\n\n".join(
        [
            HEADLINE,
            notice,
            LEDE,
            f"<strong>{caption}</strong>\n{caption}\nJANE ROE via Harbour Images",
            SECOND,
        ]
    )
    article = clean(page + "\n", config, url=URL)
    assert "archived" not in article.text
    assert "<strong>" not in article.text and "via Harbour Images" not in article.text
    assert caption in article.text and SECOND in article.text


def test_a_chinese_date_row_dates_the_story(config: Config) -> None:
    row = "发布时间:2015-09-28  来源:Harbour TV  字体大小[ ]"
    assert is_date_row(row)
    assert not is_date_row("更新时间:2015-09-28")  # an update's time is no publication date
    page = "\n\n".join([HEADLINE, row, LEDE, SECOND])
    article = clean(page + "\n", config, url=URL)
    assert article.date == "2015-09-28"
    assert article.title == HEADLINE


def test_the_agency_reported_credits_the_wire_when_alone(config: Config) -> None:
    credited = SECOND[:-1] + ", The Press Association reported."
    page = "\n\n".join([HEADLINE, LEDE, THIRD, credited])  # closing the story (round 28: mid-story it
    assert clean(page + "\n", config, url=URL).wire == "PA Media"  # is one claim's source, no wire)
    two = "\n\n".join([HEADLINE, LEDE, credited, "The talks ran late, the Associated Press reported."])
    assert clean(two + "\n", config, url=URL).wire is None
