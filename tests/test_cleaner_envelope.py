"""The cleaner on stories read inside another frame, and on credit lines in new shapes (issue 9, batch7's
round), on small pages written for these tests (no real page's and no fixture's text): a news app's
e-mail share, a feed reader's item view, a wire agency's subscriber portal, a bulletin of numbered
items from a PDF, "AGENCY, Place" / "OUTLET/AGENCY" / wide-spaced "Source:" credits, and an HTML page
whose site name is only in its footer's copyright line and its <title>."""

from __future__ import annotations

import pytest

from bot.cleaner.outlets import outlet_table
from bot.cleaner.patterns import chrome_reason
from bot.cleaner.sitename import without_outlet_suffix
from bot.config import Config
from tests.test_cleaner_kinds import HEADLINE
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean

CHROME_CASES = [
    ("From: Harbour Bulletin <no-reply@harbour.example.org>", "mail-header"),
    ("To: reader.one@example.com", "mail-header"),
    ("Subject: A story from the Harbour Bulletin", "mail-header"),
    ("From the minister's office came a short statement on the talks.", None),
    ("Jane Roe shared this story with you from the Harbour Bulletin app.", "share-note"),
    ("The ministry sent a story to reporters about the talks on Monday.", None),
    ("Read the full article with pictures on harbour.example.org", "app-promo"),
    ("Open in app", "app-promo"),
    ("Don't have our app? Download it for free today.", "app-promo"),
    ("Read later", "reader-button"),
    ("Mark as unread", "reader-button"),
    ("Visit website", "reader-button"),
    ("Slug: SUMMIT TALKS", "wire-field"),
    ("Priority: 1 - Flash", "wire-field"),
    ("Word count: 640", "wire-field"),
    ("Embargoed: until 0900 GMT", "wire-field"),
    ("EDITORS: Adds quotes from the minister in paragraph four.", "editor-note"),
    ("Editors said the talks would go on, aides added.", None),
    ("2. Statement on the air war ............ 4", "contents"),
    ("Annex on the ceasefire .... 12", "contents"),
    ("* * *", "separator"),
    ("To unsubscribe, please e-mail the press office.", "subscribe"),
    ("Sponsored by Harbour Motors", "advertisement"),
    ("Presented by the minister, the plan was welcomed.", None),
    ("You are here: Home > World > Talks", "breadcrumb"),
    ("News > World > Europe", "breadcrumb"),
    ("Sales rose > 5% > forecast, the minister said of the three quarters", None),
    ("In partnership with Harbour Motors", "advertisement"),
    ("You have 3 free articles left this month. Subscribe now", "subscribe"),
    ("You have three options, the minister told the leaders.", None),
    ("Sent from my iPhone", "mail-header"),
]


@pytest.mark.parametrize(("text", "reason"), CHROME_CASES)
def test_envelope_chrome_kinds(config: Config, text: str, reason: str | None) -> None:
    """Each kind of envelope is told from its line alone; a body sentence using the same words is not."""
    assert chrome_reason(text, config.cleaner) == reason


def test_an_app_share_email_gives_the_story_not_its_envelope(config: Config) -> None:
    page = (
        "From: Harbour Bulletin app <share@harbour.example.org>\n"
        "To: reader.two@example.com\n"
        "Date: Tue, 29 Sep 2015 09:12:40 +0100\n"
        f"Subject: Jane Roe sent you a story: {HEADLINE}\n\n"
        "Jane Roe shared this article with you from the Harbour Bulletin app.\n"
        'Her message: "Worth a read before Friday\'s seminar."\n\n'
        f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n"
        "Read the full story on harbour.example.org\nOpen in the app\n"
    )
    article = clean(page, config)
    assert article.title == HEADLINE
    assert article.date == "2015-09-29"
    assert LEDE in article.text and SECOND in article.text
    for chrome in ("From:", "Subject", "shared this", "seminar", "Open in"):
        assert chrome not in article.text


def test_a_portal_record_above_the_story_leaves_the_headline_over_the_byline(config: Config) -> None:
    page = (
        "Newswire Desk | Client area\n\nSearch wires\nBack to results\n\n"
        "Priority: 2 - Urgent\nSlug: Summit talks\nVersion: 1st Lead\nWord count: 420\n"
        "Transmitted: 29/09/2015 06:40 GMT\n\n"
        "EDITORS: Adds the ministers' meeting.\n\n"
        f"{HEADLINE}\n\nBy Jane Roe, Diplomatic Correspondent\n\n{LEDE}\n\n{SECOND}\n\nENDS\n"
    )
    article = clean(page, config)
    assert article.title == HEADLINE
    assert article.date == "2015-09-29"
    assert "EDITORS" not in article.text and "Slug" not in article.text
    assert LEDE in article.text and SECOND in article.text


def test_a_feed_readers_buttons_are_chrome(config: Config) -> None:
    page = (
        "Feeds\nAll\n212\nHarbour Bulletin\n12\n\n"
        f"{HEADLINE}\nHarbour Bulletin\nTue, 29 Sep 2015 07:05:00 +0000\n"
        "Read later\nShare\n\n"
        f"{LEDE}\n\n{SECOND}\n\nMark as read\nVisit website\n"
    )
    article = clean(page, config)
    assert article.title == HEADLINE
    assert "Read later" not in article.text and "Mark as read" not in article.text
    assert LEDE in article.text and SECOND in article.text


def test_a_bulletin_of_numbered_items_has_its_title_and_its_items(config: Config) -> None:
    page = (
        "PERMANENT MISSION OF THE REPUBLIC OF EXAMPLE\n"
        "12-14 Harbour Road, Port Example\nTel.: +00 1 234 5678\n\n"
        "PRESS BULLETIN\nNo. 12\n30 September 2015\n\n"
        "CONTENTS\n"
        "1. The leaders' meeting in New York on the air war ........ 1\n"
        "2. Consular notice ........ 2\n\n"
        "1. The leaders' meeting in New York on the air war over\n"
        "Syria\n\n"
        f"{LEDE}\n\n"
        "2. Consular notice\n\n"
        "The consular section will be closed on Friday for a public holiday, the mission said.\n\n"
        "* * *\n"
    )
    article = clean(page, config)
    assert article.title == "PRESS BULLETIN"
    assert article.outlet == "Permanent Mission of the Republic of Example"
    assert LEDE in article.text and "consular section will be closed" in article.text
    assert "........" not in article.text
    assert {13, 14} <= {s.line for s in article.sentences if s.role == "subheading"}  # the wrapped heading


@pytest.mark.parametrize(
    ("credit", "where", "wire"),
    [
        ("Reuters, Geneva", "above", "Reuters"),
        ("Harbour Bulletin, Geneva", "above", None),  # a paper and a place: no agency
        ("HB/AFP", "below", "AFP"),
        ("Jane Roe/AFP", "below", None),  # a photographer's credit names no wire
        ("AFP/Reuters", "below", None),  # two agencies sign off a compiled report
        ("2015-09-29 08:14    来源: 新华网    Source: Xinhua    Editor: Li Wen", "above", "Xinhua"),
    ],
)
def test_credit_lines_in_new_shapes_name_the_wire(
    config: Config, credit: str, where: str, wire: str | None
) -> None:
    above, below = (f"{credit}\n\n", "") if where == "above" else ("", f"{credit}\n")
    article = clean(f"{HEADLINE}\n\n{above}{LEDE}\n\n{SECOND}\n\n{below}", config)
    assert article.wire == wire
    assert credit not in article.text


_HTML = """<!DOCTYPE html><html><head><title>{headline} - Harbour Evening Courier</title></head><body>
<div class="masthead"><a href="/"><img src="/logo.gif" alt="Harbour Evening Courier - Your town, your paper,
every evening since 1901"></a></div>
<div class="storybyline">By Press Association</div>
<div class="storytext"><p>{lede}</p><p>{second}</p>
<p class="caption">Leaders at the table. &copy; 2015 Example Images</p></div>
<div id="footer">&copy; Copyright 2001-2015 Harbour Evening Courier, a Example Counties publication. All
rights reserved.<br><a href="/terms/">Terms</a></div></body></html>"""


def test_an_html_footer_names_the_site_and_its_title_loses_the_suffix(config: Config) -> None:
    page = _HTML.format(headline=HEADLINE, lede=LEDE, second=SECOND)
    article = clean(page, config, url="http://www.harbourcourier.example.co.uk/news/12345.story/")
    assert article.outlet == "Harbour Evening Courier"
    assert article.title == HEADLINE
    assert article.wire == "PA Media"
    assert LEDE in article.text and "Copyright" not in article.text


def test_a_known_masthead_beats_an_owner_companys_copyright(config: Config) -> None:
    page = (
        f"THE KOREA HERALD\n\nWorld\n\n{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n"
        "Copyright 2015 Example Media Holdings Ltd. All rights reserved.\n"
    )
    assert clean(page, config).outlet == "The Korea Herald"


@pytest.mark.parametrize(
    ("title", "outlet", "expected"),
    [
        (f"{HEADLINE} - Harbour Evening Courier", "Harbour Evening Courier", HEADLINE),
        (f"Harbour Evening Courier | {HEADLINE}", "Harbour Evening Courier", HEADLINE),
        (f"{HEADLINE} | Straits Times", "The Straits Times", HEADLINE),  # an alias the table gives it
        (f"{HEADLINE} - analysis", "Harbour Evening Courier", f"{HEADLINE} - analysis"),
    ],
)
def test_a_title_loses_the_outlets_name_only(config: Config, title: str, outlet: str, expected: str) -> None:
    assert without_outlet_suffix(title, outlet, outlet_table(config)) == expected


def test_the_footers_first_copyright_line_names_the_site(config: Config) -> None:
    page = (
        f"{HEADLINE}\n\n{LEDE}\n\nLeaders at the table. © 2015 Example Images\n\n{SECOND}\n\n"
        "© 2015 Harbour Evening Courier\n"
        "Copyright © 2015 Example Counties Publishing. All rights reserved.\n"
    )
    assert clean(page, config).outlet == "Harbour Evening Courier"
