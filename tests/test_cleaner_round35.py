"""The cleaner's round-thirty-five rules (issue 9: the outlet and the credit on pages the cleaner was not
fitted to), on small lines and pages written for these tests (no real page's text), and lines that only
look like them.

A logo line that is a name, a full stop and a tagline cites the name; reporters' names after "Source:"
are no wire, and the paper named under them is the story's source, not the page's publisher; on a
domain its table entry lists after its main one, the name the page prints for that domain wins over the
parent's.
"""

from __future__ import annotations

import pytest

from bot.cleaner.cues import caption_cues
from bot.cleaner.patterns import chrome_reason
from bot.cleaner.spelling import without_tagline
from bot.config import Config
from tests.test_cleaner_rules import _clean as clean

FIRST = (
    "The two presidents met for about an hour on the edge of the General Assembly in New York on Monday,"
    " officials from both sides said."
)
SECOND = "They agreed that their militaries should keep talking but remained apart on the future of Syria."
THIRD = "A spokesman said a further meeting was possible later in the year but that none had been set."
BODY = f"{FIRST}\n\n{SECOND}\n\n{THIRD}"
HEADLINE = "Presidents talk for an hour in New York"


@pytest.mark.parametrize(
    ("line", "labels", "name"),
    [
        ("Quillcast. Short News For Small Screens", {"quillcast"}, "Quillcast"),
        ("The Lantern. Stories Worth Your Evening", {"lantern"}, "The Lantern"),
        ("Quillcast Short News", {"quillcast"}, "Quillcast Short News"),  # no stop: as it is
        ("U.S. Ledger", {"usledger"}, "U.S. Ledger"),  # initials are no stop
        ("Quillcast. Short News", {"otherlabel"}, "Quillcast. Short News"),  # the head spells no site
        ("Quill. Cast News", {"quillcastnews"}, "Quill. Cast News"),  # the head spells only a part
        ("Quillcast: Short News For Small Screens", {"quillcast"}, "Quillcast"),  # after a colon
        ("Quillcast - Short News", {"quillcast"}, "Quillcast"),  # after a dash
        (
            "Quillcast News. Short Stories For Phones",
            {"quillcast"},
            "Quillcast News",
        ),  # a media word after it
        (
            "Quillcast Daily Digest. Short News",
            {"quillcast"},
            "Quillcast Daily Digest. Short News",
        ),  # not one
    ],
)
def test_a_tagline_after_the_site_name_and_a_full_stop_is_left_out(
    line: str, labels: set[str], name: str
) -> None:
    assert without_tagline(line, labels) == name


@pytest.mark.parametrize(
    "logo", ["Quillcast. Short News For Small Screens", "Quillcast: Short News For Small Screens Everywhere"]
)
def test_a_logo_line_with_a_tagline_cites_the_brand(config: Config, logo: str) -> None:
    text = f"{logo}\n\n{HEADLINE}\n\n{BODY}"
    article = clean(text, config, url="https://www.quillcast.com/news/talks/")
    assert article.outlet == "Quillcast"


REPOST = f"\n{FIRST}\n{SECOND}\n{THIRD}\nContinue reading the full story here\n"


@pytest.mark.parametrize(
    ("credit", "wire"),
    [
        ("SOURCE: Maria Holloway and Daniel Fenwick", None),
        ("Source: Maria Holloway, Tom Reed and Daniel Fenwick", None),
        ("Source: Tanjug", "Tanjug"),  # one proper name is still a source's
        ("Source: Daily Lantern and Evening Herald", "Daily Lantern and Evening Herald"),  # papers' names
    ],
)
def test_reporters_named_as_source_are_no_wire(config: Config, credit: str, wire: str | None) -> None:
    article = clean(f"{REPOST}{credit}\n", config, url="https://lanternpost.wordpress.com/2015/09/24/x/")
    assert article.wire == wire


def test_the_paper_named_under_its_reporters_is_the_source_not_the_publisher(config: Config) -> None:
    text = f"{REPOST}SOURCE: Maria Holloway and Daniel Fenwick\nLos Angeles Times\n"
    article = clean(text, config, url="https://lanternpost.wordpress.com/2015/09/24/x/")
    assert article.outlet != "Los Angeles Times"
    assert article.wire == "Los Angeles Times"


def test_a_known_paper_alone_on_a_line_of_chrome_is_still_the_publisher(config: Config) -> None:
    # no reporters above it: the paper's name is the page's own (a logo's text), as before
    text = f"Los Angeles Times\n\n{HEADLINE}\n\n{BODY}"
    assert clean(text, config, url="https://www.latimes.com/world/x").outlet == "Los Angeles Times"


@pytest.mark.parametrize(
    ("top", "tail", "outlet"),
    [
        ("VOA Indonesia", "", "VOA Indonesia"),  # the service's logo line
        ("", "© 2015 VOA Indonesia", "VOA Indonesia"),  # its copyright line
        ("", "", "Voice of America"),  # printing no name: the table's entry
        ("VOA Indonesia App Download", "", "Voice of America"),  # spells more than the domain
    ],
)
def test_a_service_on_a_secondary_domain_is_cited_by_the_name_it_prints(
    config: Config, top: str, tail: str, outlet: str
) -> None:
    text = f"{top}\n\n{HEADLINE}\n\n{BODY}\n\n{tail}\n"
    assert clean(text, config, url="https://www.voaindonesia.com/a/x/1.html").outlet == outlet


def test_the_main_domain_keeps_the_table_name_over_a_printed_one(config: Config) -> None:
    # on the entry's first domain the table's name stands whatever the page prints
    text = f"VOA News\n\n{HEADLINE}\n\n{BODY}\n"
    assert clean(text, config, url="https://www.voanews.com/a/x/1.html").outlet == "Voice of America"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("Click here to continue reading…", "read-more"),
        ("Tap here to read the rest of the article →", "read-more"),
        ("Continue reading the full story here", "read-more"),
        ("Read the whole post", "read-more"),
        ("Read", None),  # a bare verb: no link's shape
        ("Continue reading the story of his life, he said.", None),  # a sentence
    ],
)
def test_a_link_to_the_rest_of_a_reposted_story_is_chrome(
    config: Config, line: str, reason: str | None
) -> None:
    assert chrome_reason(line, config.cleaner) == reason


@pytest.mark.parametrize(
    ("text", "outlet"),
    [
        (f"{REPOST}The Boston Globe\nLeave a Reply\n", "North Quay Notes"),  # under the story: a credit
        (f"The Boston Globe\n\n{BODY}\n", "The Boston Globe"),  # above it: the page's logo
    ],
)
def test_a_known_papers_name_under_the_story_on_another_domain_is_no_publisher(
    config: Config, text: str, outlet: str
) -> None:
    article = clean(text, config, url="https://northquaynotes.com/2016/09/05/x/")
    assert article.outlet == outlet
    assert article.wire is None


APPENDED = "  • Why did the talks on Syria stall again?"
POINT = "  • Both sides keep their militaries in contact."


@pytest.mark.parametrize(
    ("tail", "kept"),
    [
        (f"\n\n{APPENDED}\n", False),  # alone, set apart under the last paragraph: an appended link
        (f"\n{APPENDED}\n", True),  # right under the paragraph: read with it
        (f"\n\n{POINT}\n{APPENDED}\n", True),  # a list of points
    ],
)
def test_a_lone_list_item_appended_under_the_story_is_a_link(config: Config, tail: str, kept: bool) -> None:
    article = clean(f"{HEADLINE}\n\n{BODY}{tail}", config, url="https://www.harbourdigest.com/x/")
    assert ("stall again" in article.text) is kept
    assert POINT.strip() in article.text or POINT not in tail
    assert THIRD in article.text


@pytest.mark.parametrize(
    ("line", "strong"),
    [
        (
            "The two leaders in Hangzhou in 2016. Credit Lena Marsh/Harbour Photo Service, via Northwind",
            1,
        ),
        ("The two leaders at the summit on Monday. Credit: Lena Marsh/Northwind Images", 1),
        ("The bank raised its forecast. Credit Harbour said the outlook had improved.", 0),  # a sentence
    ],
)
def test_a_credit_label_without_a_colon_closing_a_caption_is_a_cue(line: str, strong: int) -> None:
    assert (caption_cues(line)[0] > 0) is bool(strong)


CARD = "Harbour Chronicle - 3 hours ago"
LINKS = "Ministers Told to Keep Working on Syria Truce\nSummit Closes With Pledge on Open Trade\n"


def test_the_story_copy_of_a_paragraph_is_the_one_among_its_paragraphs(config: Config) -> None:
    # a reader's card (source and age, the lede, other stories' links), then the story: lede again and more
    text = f"{HEADLINE}\n\n{CARD}\nHANGZHOU - {FIRST}\n{LINKS}HANGZHOU — {FIRST}\n{SECOND}\n{THIRD}\n"
    article = clean(text, config, url="https://tidewaterjottings.blogspot.com/2016/09/x.html")
    copies = [d for d in article.dropped if d.reason == "duplicate" and d.text.startswith("HANGZHOU")]
    assert [d.line for d in copies] == [4]  # the card's copy goes, the story's stays
    assert SECOND in article.text


def test_a_repeated_paragraph_among_the_story_keeps_its_first_copy(config: Config) -> None:
    # no card around the first copy: the second is the repeat, as before
    text = f"{HEADLINE}\n\n{FIRST}\n\n{SECOND}\n\n{FIRST}\n\n{THIRD}\n"
    article = clean(text, config, url="https://www.harbourdigest.com/x/")
    assert [d.line for d in article.dropped if d.reason == "duplicate"] == [7]


@pytest.mark.parametrize(
    ("credit", "wire"),
    [
        ("Maria Holloway with inputs from agencies", None),  # a reporter compiled it: no wire
        ("Maria Holloway and Tom Reed with inputs from agencies", None),
        ("The Harbour Post with inputs from Agencies", "The Harbour Post"),  # a paper's compiled copy
    ],
)
def test_a_reporters_compiled_credit_is_no_wire(config: Config, credit: str, wire: str | None) -> None:
    article = clean(f"{REPOST}{credit}\n", config, url="https://news.example-portal.com/content/talks")
    assert article.wire == wire


@pytest.mark.parametrize(
    ("url", "title", "outlet"),
    [
        ("https://kestrelhub.mirrorweave.org/x/@a/talks", f"{HEADLINE} — Kestrelhub", "Kestrelhub"),
        ("https://kestrelhub.mirrorweave.org/x/@a/talks", HEADLINE, "Mirror Weave"),  # printing no name
        ("https://world.mirrorweave.org/x/talks", f"{HEADLINE} | World", "Mirror Weave"),  # a section's word
    ],
)
def test_a_mirror_is_cited_by_the_name_its_subdomain_spells_after_a_title(
    config: Config, url: str, title: str, outlet: str
) -> None:
    article = clean(f"{title}\n\n{BODY}\n", config, url=url)
    assert article.outlet == outlet
    assert article.title == HEADLINE or outlet == "Mirror Weave"
