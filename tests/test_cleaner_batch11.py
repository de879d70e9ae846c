"""The cleaner's eleventh-batch round of general rules (issue 9, batch11's kinds), on small pages written
for these tests (no real page's text): a share bar printed one button a line under the lead's byline
and dates, a subtitle transcript under bracketed timecodes, a clip's description between player strings,
a broadcaster crediting its own programme, a bracketed network credit, a content farm's lead-in to other
stories, a body's site on a path of its parent's host, an author card and a "by: NAME Wire" byline, a
"Posted:" stamp a time zone off the markup's date, a lead caption in a sidebar outside the story's
container, a call sign spelled out in the copyright and a title named by its "About" link on its owner
group's domain; and lines that only look like them."""

from __future__ import annotations

import pytest

from bot.cleaner.ampviewer import amp_viewer_url
from bot.cleaner.cardcredit import wire_service
from bot.cleaner.outlets import outlet_table
from bot.cleaner.patterns import chrome_reason
from bot.config import Config
from tests.test_cleaner_kinds import HEADLINE
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean

THIRD = "Both sides said the talks would go on at the level of their foreign ministers next week."
FOURTH = "Officials in Lakeview said they would welcome any step that lowered the tension between the two."
STANDFIRST = "The first meeting of the two presidents in a year ended with little common ground."
SHARE_BAR = ["Share Article", "Facebook", "Twitter", "Email", "Print"]


def test_a_share_bar_under_the_leads_byline_and_dates_ends_nothing(config: Config) -> None:
    page = [
        "THE HARBOUR DAILY",
        "World",
        HEADLINE,
        STANDFIRST,
        "Jane Roe",
        "LAKEVIEW,",
        "September 29, 2015 09:12 IST",
        "Updated: September 29, 2015 12:40 IST",
        *SHARE_BAR,
        LEDE,
        SECOND,
        THIRD,
        "Related Topics",
    ]
    article = clean("\n".join(page), config)
    assert [s.text for s in article.sentences] == [STANDFIRST, LEDE, SECOND, THIRD]
    assert article.date == "2015-09-29"


def test_a_share_bar_after_the_story_still_ends_it(config: Config) -> None:
    remark = "What a waste of time this whole meeting was, if you ask me anything at all."
    page = [HEADLINE, LEDE, SECOND, THIRD, *SHARE_BAR, remark]
    assert remark not in clean("\n".join(page), config).text


def _transcript(last_cue: str) -> str:
    cues = [
        ("[00:00:03]", "ANCHOR: The two presidents shook hands in Lakeview today, but little else."),
        ("[00:00:11]", "Our correspondent Jane Roe reports."),
        ("[00:00:15]", "REPORTER: It was a handshake for the cameras and not much more than that."),
        ("[00:00:27]", "They talked for ninety minutes, well beyond the time set aside for it."),
        ("[00:01:34]", last_cue),
    ]
    player = ["Play", "0:00 / 1:52", "Duration 1:52"]
    description = "The presidents of two rival powers have met for the first time in almost a year."
    top = ["Harbour News", "Video", HEADLINE, "Tuesday 29 September 2015 7:41pm AEST", *player]
    lines = [*top, description, "Show transcript", "Transcript"]
    for stamp, cue in cues:
        lines += [stamp, cue]
    return "\n".join([*lines, "Share", "More videos", "Pope ends his tour in the east", "1:54"])


def test_a_subtitle_transcripts_cues_are_body_and_its_timecodes_chrome(config: Config) -> None:
    article = clean(_transcript("Jane Roe, Harbour News, Lakeview."), config)
    assert "[00:00" not in article.text
    assert "REPORTER: It was a handshake" in article.text
    assert article.text.rstrip().endswith("Jane Roe, Harbour News, Lakeview.")  # the spoken sign-off
    assert "have met for the first time in almost a year." in article.text  # the clip's description
    assert "Pope ends his tour" not in article.text


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("[00:01:34]", "timecode"),
        ("[1:05]", "timecode"),
        ("00:00:03,000 --> 00:00:05,500", "timecode"),
        ("[Updated]", "bracket-label"),  # no timecode: round fourteen's lone bracketed label (ends nothing)
        ("[NBC NEWS]", "bracket-label"),
        ("Before you go, check out the stories everyone is talking about today!", "related-teaser"),
        ("Don't go yet: here are the week's most shared videos", "related-teaser"),
        ("Check out these photos of the leaders' awkward handshakes!", "related-teaser"),
        ("Before the talks, the two leaders shook hands for the cameras.", None),
        ("Check out the summit's final communique, officials told reporters.", None),
    ],
)
def test_timecodes_and_teaser_lead_ins_are_chrome(config: Config, text: str, reason: str | None) -> None:
    assert chrome_reason(text, config.cleaner) == reason


def test_a_lone_bracketed_time_under_the_story_is_no_cue(config: Config) -> None:
    page = [HEADLINE, LEDE, SECOND, THIRD, "Most watched", "[12:30]", "Lakeview fair opens its gates"]
    assert "Lakeview fair" not in clean("\n".join(page), config).text


def _programme_page(source: str, label: str = "Program: Harbour Evening News") -> str:
    return "\n".join(["Harbour TV", label, HEADLINE, "29 September 2015", source, LEDE, SECOND])


@pytest.mark.parametrize(
    ("source", "url", "wire"),
    [
        ("Source: HarbourTV Evening Bulletin", "https://www.harbourtv.com/news/video/1/", None),
        ("Source: Harbour Evening News", None, None),  # the page labels it its programme
        ("Source: Reuters", "https://www.harbourtv.com/news/video/1/", "Reuters"),
        (
            "Source: Lakeview Herald Tribune",
            "https://www.harbourtv.com/news/video/1/",
            "Lakeview Herald Tribune",
        ),
    ],
)
def test_a_broadcasters_own_programme_is_no_wire(
    config: Config, source: str, url: str | None, wire: str | None
) -> None:
    assert clean(_programme_page(source), config, url=url).wire == wire


def _farm_page(credit: str) -> str:
    top = ["HOME", "NEWS", "WORLD", HEADLINE, "Posted by Newsdesk", "September 29, 2015", credit]
    return "\n".join([*top, LEDE, SECOND, THIRD, "© 2015 Buzz Harbour. All Rights Reserved."])


@pytest.mark.parametrize(
    ("credit", "wire"), [("[NBC NEWS]", "NBC News"), ("[ Reuters ]", "Reuters"), ("[VIDEO]", None)]
)
def test_a_bracketed_outlet_alone_on_a_line_credits_the_copy(
    config: Config, credit: str, wire: str | None
) -> None:
    url = "https://buzzharbour.com/world/story/"
    assert clean(_farm_page(credit), config, url=url).wire == wire


def _mission_page(masthead: str, copyright_line: str, extra: str = "") -> str:
    top = [masthead, "Home", "About Us", "Consular Services", "Home > News"]
    return "\n".join([*top, HEADLINE, "2016/09/06", LEDE, SECOND, THIRD, extra, copyright_line])


def test_a_bodys_site_on_a_path_of_its_parents_host_is_cited_by_its_masthead(config: Config) -> None:
    url = "http://www.fmprc.gov.cn/ce/cglk/eng/xw/t1.htm"
    owner = outlet_table(config).by_domain("fmprc.gov.cn")
    mission = "Consulate General of Harbouria in Lakeview"
    page = _mission_page(mission, f"Copyright © {mission}. All Rights Reserved")
    assert clean(page, config, url=url).outlet == mission
    # a masthead the copyright does not repeat, or a page that prints its owner's name, keeps the owner
    other = _mission_page(mission, "Copyright © Lakeview Web Services")
    assert clean(other, config, url=url).outlet == owner
    printed = _mission_page(mission, f"Copyright © {mission}", extra=f"A site of the {owner}")
    assert clean(printed, config, url=url).outlet == owner


def _html(body: str, head: str = "") -> str:
    return f"<!doctype html><html><head><title>T</title>{head}</head><body>{body}</body></html>"


_PARAGRAPHS = "".join(f"<p>{text}</p>" for text in (LEDE, SECOND, THIRD, FOURTH))


@pytest.mark.parametrize(("name", "wire"), [("AFP", "AFP"), ("Jane Roe", None)])
def test_an_author_card_naming_an_agency_credits_the_copy(
    config: Config, name: str, wire: str | None
) -> None:
    card = f"<div class='author-card'><span class='author-name'>{name}</span><a>More by this Author</a></div>"
    page = _html(f"<main><h1>{HEADLINE}</h1><div class='story-body'>{_PARAGRAPHS}</div>{card}</main>")
    assert clean(page, config, url="https://www.harbourdaily.com/news/1").wire == wire


@pytest.mark.parametrize(
    ("text", "name"),
    [("by: CNN Wire", "CNN"), ("By NBC News Wire", "NBC News"), ("By Jane Roe", None), ("Wire", None)],
)
def test_a_wire_services_byline_names_its_network(text: str, name: str | None) -> None:
    assert wire_service(text) == name


def test_a_wire_services_byline_credits_the_copy(config: Config) -> None:
    meta = "<div class='article-meta'><span class='author'>by: CNN Wire</span></div>"
    page = _html(f"<article><h1>{HEADLINE}</h1>{meta}{_PARAGRAPHS}</article>")
    assert clean(page, config, url="https://www.harbourtv9.com/news/1").wire == "CNN"
    text_page = "\n".join([HEADLINE, "by: CNN Wire", "September 28, 2015", LEDE, SECOND, THIRD])
    assert clean(text_page, config).wire == "CNN"


@pytest.mark.parametrize(
    ("posted", "date"),
    [("Posted: Sep 28, 2015 / 11:47 PM CDT", "2015-09-28"), ("Posted: Sep 25, 2015", "2015-09-29")],
)
def test_a_posted_stamp_a_time_zone_off_the_markup_dates_the_page(
    config: Config, posted: str, date: str
) -> None:
    head = "<meta property='article:published_time' content='2015-09-29T04:47:00+00:00'>"
    stamp = f"<div class='article-meta'><span class='posted'>{posted}</span></div>"
    page = _html(f"<article><h1>{HEADLINE}</h1>{stamp}{_PARAGRAPHS}</article>", head)
    assert clean(page, config).date == date


def test_a_lead_caption_in_a_sidebar_between_headline_and_story_is_kept(config: Config) -> None:
    caption = "The two leaders shake hands before their talks in Lakeview on Monday. PHOTO | AFP"
    later = "A farmer walks past the summit's venue on Tuesday."
    sidebar = (
        "<aside><h4>RELATED STORIES</h4><ul><li><a>Lakeview fair opens its gates</a></li></ul>"
        f"<div class='photo'><img src='a.jpg' alt=''><p class='caption'>{caption}</p></div></aside>"
    )
    more = f"<section><h3>MORE</h3><p class='caption'>{later}</p></section>"
    body = (
        f"<main class='story'><h1>{HEADLINE}</h1>{sidebar}<div class='story-body'>{_PARAGRAPHS}</div></main>"
    )
    text = clean(_html(body + more), config).text
    assert "shake hands before their talks in Lakeview on Monday." in text
    assert text.index("shake hands") < text.index(LEDE[:30])
    assert later not in text
    assert "Lakeview fair" not in text


def _station_page(copyright_line: str) -> str:
    top = ["Skip to main content", "KLPR 90.1 FM", "Your public radio station", "Donate", "News"]
    return "\n".join([*top, HEADLINE, "By Jane Roe", "Published July 16, 2018", LEDE, SECOND, copyright_line])


@pytest.mark.parametrize(
    ("holder", "outlet"),
    [
        ("Kettle Lake Public Radio", "Kettle Lake Public Radio"),
        ("Kettle Lake Radio Partners", "KLPR 90.1 FM"),
    ],
)
def test_a_call_sign_spelled_out_in_the_copyright_names_the_station(
    config: Config, holder: str, outlet: str
) -> None:
    page = _station_page(f"© 2018 {holder}")
    assert clean(page, config, url="https://www.klpr.org/news/2018-07-16/story").outlet == outlet


def _group_domain_page(about: str) -> str:
    top = ["ledgermultimedia.com", "Home", "News", "World"]
    foot = [about, "Contact Us", "Copyright © 2016 Ledger Multimedia Group. All rights reserved."]
    return "\n".join([*top, HEADLINE, "September 06, 2016 1:00 am", LEDE, SECOND, THIRD, *foot])


@pytest.mark.parametrize(
    ("about", "outlet"),
    [("About The Ledger", "The Ledger"), ("About Us", "ledgermultimedia.com")],
)
def test_an_about_link_names_the_title_on_its_owner_groups_domain(
    config: Config, about: str, outlet: str
) -> None:
    url = "http://www.ledgermultimedia.com/world/story-30294422.html"
    assert clean(_group_domain_page(about), config, url=url).outlet == outlet


def test_a_broadcasters_native_brand_reads_as_its_english_name(config: Config) -> None:
    table = outlet_table(config)
    assert table.canonical("Radio Vaticana") == "Vatican Radio"
    assert table.by_domain("en.radiovaticana.va") == "Vatican Radio"


@pytest.mark.parametrize(
    ("url", "wire"),
    [
        ("https://www.harbourtv9.com/news/national/story/", "CNN"),  # a station running the network's copy
        ("https://edition.cnn.com/2015/09/28/politics/story/", None),  # the network on its own site
        (None, None),  # no URL: whose site it is cannot be told
    ],
)
def test_a_networks_dateline_credit_on_another_sites_page_names_the_wire(
    config: Config, url: str | None, wire: str | None
) -> None:
    lede = f"UNITED NATIONS (CNN) — {LEDE}"
    page = "\n".join(["Harbour TV 9", "News", HEADLINE, "Posted: Sep 28, 2015", lede, SECOND, THIRD])
    assert clean(page, config, url=url).wire == wire


@pytest.mark.parametrize(
    ("url", "shown"),
    [
        (
            "https://www.google.com/amp/s/www.harbourdaily.com/news/story-1.ece/amp/",
            "https://www.harbourdaily.com/news/story-1.ece/amp/",
        ),
        (
            "https://www-harbourdaily-com.cdn.ampproject.org/c/s/www.harbourdaily.com/2015/09/29/story/",
            "https://www.harbourdaily.com/2015/09/29/story/",
        ),
        ("https://www.harbourdaily.com/amp/s/story/", None),  # a site's own /amp/ path
        ("https://www.google.com/search?q=summit", None),
    ],
)
def test_an_amp_viewers_url_shows_the_publishers(url: str, shown: str | None) -> None:
    assert amp_viewer_url(url) == shown


def test_a_page_in_an_amp_viewer_is_dated_and_named_by_the_publishers_url(config: Config) -> None:
    url = "https://www.google.com/amp/s/www.harbourdaily.com/world/2015/09/29/leaders-talk/amp/"
    page = "\n".join(["×", "www.harbourdaily.com", "View original", HEADLINE, LEDE, SECOND, THIRD])
    article = clean(page, config, url=url)
    assert article.date == "2015-09-29"
    assert article.outlet is not None and "google" not in article.outlet.casefold()


def test_a_masthead_spelling_the_hosts_own_domain_keeps_the_tables_name(config: Config) -> None:
    table = outlet_table(config)
    owner = table.by_domain("nation.co.ke")
    assert owner is not None
    page = _mission_page("Nation Kenya", "Copyright © Nation Kenya. All Rights Reserved")
    assert clean(page, config, url="https://www.nation.co.ke/news/world/story").outlet == owner
