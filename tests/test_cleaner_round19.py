"""The cleaner's round-nineteen rules (issue 9: held-out round 69's kinds), on small pages written for
these tests (no real page's text): a dateline's two-letter state code is no agency's credit, a known
agency's name opening the lede bare ("NAME - ...") credits the copy, and a channel's subdomain on a video
platform is cited by its own host; and pages that only look like them."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.config import Config
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean

TITLE = "Leaders meet after the morning's speeches"
URL = "https://www.eveningchannel.com/2015/09/29/leaders-meet/"


def _page(first: str) -> str:
    return "\n".join([TITLE, "", first, "", SECOND])


@pytest.mark.parametrize("opening", ["HOUSTON, TX – ", "NEW YORK, NY — ", "Albany, NY – "])
def test_a_dateline_with_a_state_code_credits_no_agency(config: Config, opening: str) -> None:
    article = clean(_page(opening + LEDE), config, url=URL)
    assert article.wire is None
    assert article.title == TITLE


@pytest.mark.parametrize(
    ("opening", "wire"),
    [
        ("AUCKLAND, AAP - ", "AAP"),  # an agency's acronym after the place still credits it
        ("MOSCOW (NY) — ", "NY"),  # bracketed, two capitals are a credit as before
        ("Kyodo News - ", "Kyodo News"),  # a known agency opening the lede bare
        ("Anadolu Agency – ", "Anadolu Agency"),
    ],
)
def test_credits_that_still_name_the_wire(config: Config, opening: str, wire: str) -> None:
    article = clean(_page(opening + LEDE), config, url=URL)
    assert article.wire == wire


@pytest.mark.parametrize("opening", ["Washington - ", "Lakeview Council - ", "Evening Channel - "])
def test_a_place_or_an_unknown_name_opening_the_lede_bare_is_no_credit(config: Config, opening: str) -> None:
    assert clean(_page(opening + LEDE), config, url=URL).wire is None


def test_a_channel_on_a_video_platform_is_cited_by_its_label(config: Config) -> None:
    page = "\n".join([TITLE, "", LEDE])
    hosted = clean(page, config, url="http://lakeviewclips.web.tv/video/leaders-meet__abc")
    assert hosted.outlet == "Lakeview Clips"  # its label's words (round 26: a name-less site by its label)
    # the platform's own pages, and a site merely named like it, are cited by their own domain
    assert clean(page, config, url="http://web.tv/about").outlet != "Lakeview Clips"
    assert clean(page, config, url="http://lakeviewclips.webtv.com/v/1").outlet != "Lakeview Clips"


CREDIT = " Photo: Lakeview Images"
CAPTION = "Leaders of the biggest economies posed for a group picture by the lake on Monday." + CREDIT
ALT = "Leaders of the biggest economies who posed for a group picture by the lake on Monday." + CREDIT


def _captioned(first: str, second: str) -> list[str]:
    return [TITLE, "", first, "", second, "", "HANGZHOU — " + LEDE, "", SECOND]


def test_a_credited_caption_printed_again_a_word_off_is_a_duplicate(config: Config) -> None:
    article = clean("\n".join(_captioned(CAPTION, ALT)), config, url=URL)
    assert "group picture" in article.text
    assert "who posed" not in article.text
    assert any(d.line == 5 and d.reason == "duplicate" for d in article.dropped)


@pytest.mark.parametrize(
    "second",
    [
        # another photo: the same credit, different people and day (more words changed than allowed)
        "The Russian president walks down the steps of his plane on Sunday. Photo: Lakeview Images",
        # the same words under another credit: no evidence it is the same picture
        ALT.replace("Lakeview Images", "Harbour Agency"),
        # three words off: a caption rewritten, not a copy
        CAPTION.replace("posed for", "had gathered for a").replace("Monday", "Sunday"),
    ],
)
def test_captions_that_are_not_copies_are_both_kept(config: Config, second: str) -> None:
    article = clean("\n".join(_captioned(CAPTION, second)), config, url=URL)
    assert not any(d.line == 5 and d.reason == "duplicate" for d in article.dropped)


def test_the_copy_limit_is_read_from_config(config: Config) -> None:
    strict = replace(config, cleaner=replace(config.cleaner, near_copy_max_word_edits=0))
    article = clean("\n".join(_captioned(CAPTION, ALT)), strict, url=URL)
    assert not any(d.line == 5 and d.reason == "duplicate" for d in article.dropped)


VIDEO = "Leaders Meet on the Lake Shore"
DESCRIPTION = "The two presidents walked along the water after their talks at the G20 summit in Hangzhou."


def _video(above_credit: str) -> str:
    lines = ["0:00/2:14", "", VIDEO, "", DESCRIPTION, "", "Summit Videos", "", above_credit, ""]
    return "\n".join([*lines, "By THE ASSOCIATED PRESS September 4, 2016", "", "Recent episodes"])


def test_a_credit_under_the_titles_second_copy_is_the_byline(config: Config) -> None:
    article = clean(_video(VIDEO), config, url="https://www.lakeviewmarkets.com/video/leaders-meet")
    assert article.wire == "AP"
    assert article.date == "2016-09-04"
    assert "ASSOCIATED PRESS" not in article.text


def test_a_credit_under_another_line_stays_footer(config: Config) -> None:
    article = clean(
        _video("Another Story From the Series"), config, url="https://www.lakeviewmarkets.com/v/1"
    )
    assert article.wire is None
    assert article.date is None


def test_a_papers_short_link_domain_is_the_paper(config: Config) -> None:
    page = "\n".join([TITLE, "", LEDE, "", SECOND])
    assert clean(page, config, url="http://nyti.ms/1AbCdEf").outlet == "The New York Times"
