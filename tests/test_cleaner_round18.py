"""The cleaner's round-eighteen rules (issue 9: held-out rounds 65-67 and batch12's kinds), on small pages
and lines written for these tests (no real page's text): a question headline under a date line, a title
shaped "NAME in PLACE" over a lede that names its words, a forum archive's title label and link
placeholders, archive and newsletter notices, a hashtag-labelled post, a board's guillemet stamps, a news
database's record fields, an acronym masthead spelled by its copyright, a signed piece's disclaimer, a
programme's guest list, a role credit ("Text: AGENCY / Photo: AGENCY"), a visible "Last updated" stamp
a time zone off the markup, and a photo story's left-out captions; and lines that only look like them."""

from __future__ import annotations

import lxml.html
import pytest

from bot.cleaner.bylines import names_the_lede
from bot.cleaner.documentname import initials_holder
from bot.cleaner.initialsname import credits_software
from bot.cleaner.pagelines import Found
from bot.cleaner.patterns import chrome_reason
from bot.cleaner.poststamp import posted_date
from bot.cleaner.slidecaptions import with_slide_captions
from bot.cleaner.titlefields import without_field_label
from bot.config import Config
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean

THIRD = "Both sides said the talks would go on at the level of their foreign ministers next week."


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("You are reading an article from the archives. Minor quirks in layout are possible.", "notice"),
        ("Please, Log in or Register to view URLs content!", "notice"),
        ("#WATCH | Delegations arrive for the second day of talks", "embed"),
        ("Posted Updated", "date-line"),
        ("The views expressed in this commentary are the author's own.", "disclaimer"),
        ("You are receiving this because you signed up for Morning Notes at example.org.", "subscribe"),
        ("Publication title: The Lakeview Courier; Lakeview, Ore.", "record-field"),
        ("Copyright The Lakeview Courier Sep 29, 2015", "copyright"),
        ("« Reply #4 on: September 05, 2016, 04:17:31 PM »", "post-stamp"),
        ("Karma: +12/-3", "forum-chrome"),
        ("(The full interview is available in the audio above.)", "media-player"),
        ("Roe, J. (2016) After the summit: what changed. Lakeview Papers.", "citation"),
    ],
)
def test_lines_of_the_rounds_kinds_are_chrome(config: Config, line: str, reason: str) -> None:
    assert chrome_reason(line, config.cleaner) == reason


@pytest.mark.parametrize(
    "line",
    [
        "#1 seed wins the regional final after extra time",  # a number sign, no hashtag label
        "Posted in World on Monday",  # a stamp's label with its words
        "The views of the two presidents on Assad could not be further apart, officials said.",
        "« Older post Newer post »",  # a blog's post links stay navigation, no stamp
        "Please register to vote before the deadline, the mayor said.",
    ],
)
def test_lines_that_only_look_like_them_are_not_that_chrome(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) not in {
        "notice",
        "embed",
        "date-line",
        "disclaimer",
        "post-stamp",
    }


def test_a_question_under_a_date_line_is_the_headline(config: Config) -> None:
    page = ["5 Sep 2016", "", "Can the summit deliver on steel?", "", LEDE, "", SECOND]
    article = clean(
        "\n".join(page), config, url="https://www.thecoastalreport.com/blogs/steel"
    )  # a plain-words domain
    assert article.title == "Can the summit deliver on steel?"
    assert article.date == "2016-09-05"
    assert "Can the summit" not in article.text


def test_a_name_in_place_line_naming_the_ledes_words_is_a_title_not_a_byline(config: Config) -> None:
    lede = "The leaders of the two countries resumed talks in Lakeview on Sunday after a late dinner."
    assert names_the_lede("Leaders' Talks Resume in Lakeview", lede, config.cleaner)
    assert not names_the_lede("Jane Roe in Lakeview", lede, config.cleaner)  # a reporter's byline
    page = ["World News", "", "Leaders' Talks Resume in Lakeview", "", lede, "", SECOND, "", THIRD]
    assert clean("\n".join(page), config).title == "Leaders' Talks Resume in Lakeview"


def test_a_forum_archives_label_is_no_part_of_the_title() -> None:
    assert without_field_label("View Full Version : Leaders walk by the lake") == "Leaders walk by the lake"
    assert without_field_label("Full version of the talks") == "Full version of the talks"


def test_a_release_numbered_copyright_credits_software_not_the_site() -> None:
    assert credits_software("SMF 2.0.15 | SMF © 2017, Simple Machines")
    assert not credits_software("© 2015 The Lakeview Courier. All rights reserved.")
    assert not credits_software("Copyright © 2016 Web 2.0 Media Ltd")  # a two-part number is no release


def test_an_acronym_masthead_yields_to_the_holder_its_initials_spell() -> None:
    holders = [("Lakeview Institute for Policy Studies", "© 2016 Lakeview Institute for Policy Studies")]
    assert (
        initials_holder(Found("LIPS", "masthead"), holders).value == "Lakeview Institute for Policy Studies"
    )
    assert initials_holder(Found("LPS", "masthead"), holders).value == "LPS"
    assert initials_holder(Found("Lakeview", "masthead"), holders).value == "Lakeview"


BOARD = [
    "Leaders meet on the summit's sidelines",
    "Welcome, Guest. Please login or register.",
    "News: Please keep threads to one story each.",
    "Home",
    "Login",
    "Lakeview Politics Board » World » Leaders meet on the summit's sidelines",
    "Topic: Leaders meet on the summit's sidelines  (Read 90 times)",
    "0 Members and 1 Guest are viewing this topic.",
    "harbourwatch",
    "Sr. Member",
    "Posts: 902",
    "Karma: +55/-8",
    "Leaders meet on the summit's sidelines",
    "« on: September 05, 2016, 10:15:40 AM »",
    "The agency has this one:",
    "Quote",
    f"LAKEVIEW (AFP) - {LEDE}",
    SECOND,
    "http://www.example.com/news/leaders-meet",
    "Not holding my breath on this one.",
    "Logged",
    "driftwood",
    "Posts: 3",
    "Re: Leaders meet on the summit's sidelines",
    "« Reply #1 on: September 05, 2016, 11:02:13 AM »",
    "They always say the ministers will keep talking, and they never do.",
    "Logged",
    "SMF 2.0.15 | SMF © 2017, Simple Machines",
]


def test_a_boards_quoted_story_is_the_text_and_the_posters_words_are_not(config: Config) -> None:
    article = clean("\n".join(BOARD), config, url="https://www.lakeviewpolitics.org/index.php?topic=12.0")
    assert article.text.startswith("LAKEVIEW (AFP)")
    assert SECOND in article.text
    for chrome in ("Welcome, Guest", "holding my breath", "never do", "Members and 1 Guest"):
        assert chrome not in article.text
    assert (article.date, article.wire) == ("2016-09-05", "AFP")
    assert article.outlet == "Lakeview Politics Board"  # the breadcrumb's first item, not the software


def test_without_a_quote_block_the_board_keeps_its_posts(config: Config) -> None:
    # (round 27: a story pasted with its wire dateline and no box is a quoted story too, so this page
    # without a box has no dateline either)
    page = [line.replace("LAKEVIEW (AFP) - ", "") for line in BOARD if line != "Quote"]
    article = clean("\n".join(page), config, url="https://www.lakeviewpolitics.org/index.php?topic=12.0")
    assert "never do" in article.text  # no quoted story: the replies are not cut as a repost's chrome
    pasted = [line for line in BOARD if line != "Quote"]  # the wire's dateline opens a pasted story
    article = clean("\n".join(pasted), config, url="https://www.lakeviewpolitics.org/index.php?topic=12.0")
    assert "never do" not in article.text and article.text.startswith("LAKEVIEW (AFP)")


RECORD = [
    "NewsVault",
    "Back to results",
    "Leaders discuss the war in Lakeview",
    "Roe, Jane.",
    "",
    LEDE,
    "",
    SECOND,
    "",
    "Credit: Jane Roe, The Lakeview Courier; staff and wire reports",
    "Details",
    "Publication title: The Lakeview Courier; Lakeview, Ore.",
    "Publication date: Sep 29, 2015",
    "Source type: Newspapers",
    "Database: NewsVault Papers",
]


def test_a_database_record_names_the_paper_and_its_date(config: Config) -> None:
    article = clean("\n".join(RECORD), config, url="https://www.newsvault.com/docview/1/fulltext")
    assert (article.outlet, article.date) == ("The Lakeview Courier", "2015-09-29")
    assert "Publication" not in article.text and "staff and wire" not in article.text


def test_a_publication_line_outside_a_record_field_names_nothing(config: Config) -> None:
    page = ["Leaders discuss the war in Lakeview", "", LEDE, "", "The publication title was changed in 2014."]
    article = clean("\n".join(page), config, url="https://www.lakeviewcourier.com/news/1")
    assert article.outlet != "changed in 2014"
    assert article.date is None


def test_a_programmes_guest_list_is_chrome_and_its_transcript_is_not(config: Config) -> None:
    page = [
        "Today",
        "Leaders meet at the UN: what now?",
        "2015-09-29 16:22:41",
        LEDE,
        "Guests:",
        "Jane Roe, researcher at the Lakeview Institute",
        "Tom Poe, former diplomat and visiting scholar",
        "HOST: Jane Roe, was anything agreed?",
        "ROE: Very little in public, though the two militaries will keep talking to each other.",
        "(The full interview is available in the audio above.)",
    ]
    article = clean("\n".join(page), config)
    assert "researcher at the Lakeview" not in article.text and "Guests" not in article.text
    assert "Very little in public" in article.text
    assert "full interview" not in article.text


def test_a_role_credit_names_the_texts_wire(config: Config) -> None:
    page = ["Leaders discuss the war", "", LEDE, "", SECOND, "", "Text: AFP / Photo: Reuters"]
    assert clean("\n".join(page), config, url="https://www.lakeviewcourier.com/n/1").wire == "AFP"
    names = ["Leaders discuss the war", "", LEDE, "", SECOND, "", "Text: Jane Roe / Photo: Tom Poe"]
    assert clean("\n".join(names), config, url="https://www.lakeviewcourier.com/n/1").wire is None


def test_a_visible_update_stamp_a_zone_away_is_the_update_date() -> None:
    tree = lxml.html.fromstring(
        "<html><body><p>Published Monday, Sep. 28, 2015 8:14PM EDT</p>"
        "<p>Last updated Monday, Sep. 28, 2015 10:02PM EDT</p></body></html>"
    )
    assert posted_date(tree, ("2015-09-29", "JSON-LD"), update=True)[0] == "2015-09-28"
    far = lxml.html.fromstring("<html><body><p>Last updated Oct. 2, 2015</p></body></html>")
    assert posted_date(far, ("2015-09-29", "JSON-LD"), update=True)[0] == "2015-09-29"


def _gallery(captions: int) -> str:
    slides = "".join(
        f'<div class="slide"><p class="caption">Slide {n}: leaders meet at the summit in Lakeview.</p>'
        '<p class="credit">Image: AFP</p></div>'
        for n in range(1, captions + 1)
    )
    return f"<html><body><article><p>The introduction.</p>{slides}</article></body></html>"


def test_a_photo_storys_left_out_captions_are_put_back_without_credits() -> None:
    text = with_slide_captions(lxml.html.fromstring(_gallery(3)), "The introduction.", 3)
    assert text.splitlines()[1:] == [f"Slide {n}: leaders meet at the summit in Lakeview." for n in (1, 2, 3)]
    assert "Image: AFP" not in text
    assert (
        with_slide_captions(lxml.html.fromstring(_gallery(2)), "The introduction.", 3) == "The introduction."
    )


def test_a_closing_paragraph_that_introduces_a_cut_quote_is_the_storys(config: Config) -> None:
    closing = "Several papers called it a snub. A former ambassador agreed. He told the paper:"
    page = ["Leaders discuss the war", "", LEDE, "", SECOND, "", closing, "", "“Th"]
    article = clean("\n".join(page), config)
    assert closing in article.text
    menu = ["Leaders discuss the war", "", LEDE, "", SECOND, "", "Follow us on:", "", "Facebook"]
    assert "Follow us" not in clean("\n".join(menu), config).text  # a label, no sentence before its colon


def test_numbered_picture_names_over_captions_are_chrome_and_numbered_subheadings_are_not(
    config: Config,
) -> None:
    caption = "The two leaders shake hands before their talks in Lakeview on Monday."
    pictures = [
        "Leaders discuss the war",
        "",
        LEDE,
        "",
        "Lakeview 1",
        caption,
        "",
        SECOND,
        "",
        "Lakeview 2",
        caption,
    ]
    text = clean("\n".join(pictures), config).text
    assert "Lakeview 1" not in text and "Lakeview 2" not in text
    parts = ["Leaders discuss the war", "", LEDE, "", "Part 1", "", SECOND, "", "Part 2", "", THIRD]
    text = clean("\n".join(parts), config).text
    assert "Part 1" in text and "Part 2" in text
