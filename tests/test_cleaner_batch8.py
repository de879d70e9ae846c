"""The cleaner's eighth round of general rules (issue 9, batch8's kinds), on small pages written for these
tests (no real page's text): a discussion-board thread quoting a story, a live blog's entries and
controls, end tags and syndicate tags naming the wire, a date-then-name stamp, a "Published:" stamp at the
page's foot, a <time> element's local date against its UTC stamp, a byline's affiliation element, a
standfirst under the byline, and page controls known by their shape."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.cleaner.bylineshapes import glued_credit, is_dated_credit
from bot.cleaner.patterns import chrome_reason
from bot.cleaner.spelling import spells
from bot.config import Config
from bot.evaluation.pages_eval import config_with
from tests.test_cleaner_kinds import HEADLINE
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean

QUOTED = f"HARBOUR (AP) — {LEDE}"
PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"


def _thread(config: Config) -> str:
    return "\n".join(
        [
            f"{HEADLINE} - Harbour Boards",
            "Harbour Boards",
            HEADLINE,
            "If this is your first visit, be sure to check out the FAQ by clicking the link above.",
            "Thread Tools",
            "Linear Mode",
            "09-05-2016, 08:15 PM #1",
            "Harbour_Gull",
            "Senior Member",
            "Join Date: Mar 2012",
            "Posts: 2,311",
            HEADLINE,
            "Copy below for anyone who missed it. Long night at the harbour.",
            "Quote:",
            QUOTED,
            SECOND,
            "__________________",
            "Fair winds. - Harbour_Gull",
            "Reply With Quote",
            "09-06-2016, 07:02 AM #2",
            "Tern_77",
            "Quote:",
            "Originally Posted by Harbour_Gull",
            "Long night at the harbour.",
            "It was a long night for everyone who lives near the port, and for the ferries too.",
        ]
    )


def test_a_board_thread_keeps_the_quoted_story_and_dates_it_by_the_first_post(config: Config) -> None:
    article = clean(_thread(config), config, url="https://boards.harbour.example/showthread.php?12-leaders")
    assert article.title == HEADLINE
    assert QUOTED in article.text and SECOND in article.text
    for chrome in (
        "first visit",
        "Linear Mode",
        "Senior Member",
        "Join Date",
        "Copy below",
        "Quote:",
        "ferries",
    ):
        assert chrome not in article.text, chrome
    assert article.date == "2016-09-05"  # the first post's month-first stamp, not the reply's
    assert article.wire == "AP"


@pytest.mark.parametrize(
    ("line", "reason"),
    [
        ("07-16-2018, 09:48 PM #1", "post-stamp"),
        ("16.07.2018, 21:48 #12", "post-stamp"),
        ("Jul 16, 2018 #1", "post-stamp"),
        ("16 July 2018 at 21:48 #2", "post-stamp"),
        ("Click to expand...", "forum-chrome"),
        ("Originally Posted by Harbour_Gull", "forum-chrome"),
        ("Join Date: Feb 2011", "forum-chrome"),
        ("Switch to Hybrid Mode", "forum-chrome"),
        ("Auto-refresh", "live-blog"),
        ("OFF", "live-blog"),
        ("Oldest first", "live-blog"),
        ("(HNA/Xinhua) SCS/EBP", "credits"),
        ("Reuters/ts", "credits"),
        ("Distributed by Harbour Content Agency, LLC.", "credits"),
        (
            "Harbour writers Jane Roe in Seaport and John Doe in Rivertown contributed to this report.",
            "credits",
        ),
        ("A", "font-size"),
        ("A+", "font-size"),
        ("Share/Print:", "share"),
        ("Advertisements", "advertisement"),
        ("All content is in the public domain unless otherwise stated.", "copyright"),
    ],
)
def test_batch8_chrome_kinds_by_their_shape(config: Config, line: str, reason: str) -> None:
    assert chrome_reason(line, config.cleaner) == reason


@pytest.mark.parametrize(
    "line",
    [
        "Read more",
        "Obama/Putin talks",
        "Diplomats from twenty countries contributed to the report.",
        "On Monday the two leaders met.",
        "Moscow / AFP",
        "REUTERS/Jane Doe",
        "In 2016 the content was placed in the public domain by the archive, officials said when asked.",
    ],
)
def test_lines_that_only_look_like_those_kinds_are_left_to_the_layout(config: Config, line: str) -> None:
    assert chrome_reason(line, config.cleaner) not in {"credits", "post-stamp", "live-blog", "font-size"}


def _live_blog() -> str:
    entries = []
    for stamp, title, text in (
        ("13:58 CAT", "Leaders close the summit", LEDE),
        ("12:40 CAT", "Ministers keep talking", SECOND),
        (
            "10:15 CAT",
            "Harbour delegation arrives",
            "The harbour delegation arrived on Sunday night, its aides said.",
        ),
    ):
        entries += [stamp, title, text, "Posted by Jane Roe", "Share", ""]
    pinned = (
        "The leaders adopted a closing statement that commits them to keep their markets open, aides said."
    )
    head = [HEADLINE, "", "Auto-refresh", "ON", "OFF", "Latest first", "PINNED", "Key points", pinned, ""]
    return "\n".join([*head, *entries, "Load more updates", "Related Stories", "Harbour fair opens"])


def test_a_live_blogs_entries_are_all_kept_and_their_furniture_dropped(config: Config) -> None:
    article = clean(_live_blog(), config)
    assert LEDE in article.text and SECOND in article.text and "harbour delegation arrived" in article.text
    assert "closing statement" in article.text
    roles = {s.text: s.role for s in article.sentences}
    assert roles.get("Key points") == "subheading"  # the pinned entry's title
    assert roles.get("Ministers keep talking") == "subheading"
    for chrome in ("Posted by", "Auto-refresh", "Latest first", "PINNED", "Load more", "CAT", "Harbour fair"):
        assert chrome not in article.text, chrome


def test_an_end_tag_names_the_source_agency_not_the_reposting_agency(config: Config) -> None:
    page = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n(AFP/Xinhua) SCS/EBP\n"
    article = clean(page, config, url="https://www.afp.com/en/news/12345")
    assert article.wire == "Xinhua"
    assert "SCS" not in article.text
    tagged = clean(
        f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\nReuters/ts\n", config, url="https://harbour.example/a"
    )
    assert tagged.wire == "Reuters" and "Reuters/ts" not in tagged.text


def test_a_syndicate_tag_names_the_original_paper_not_the_distributor(config: Config) -> None:
    tag = (
        "©2015 Los Angeles Times\nVisit the Los Angeles Times at www.latimes.com\n"
        "Distributed by Harbour Content Agency, LLC."
    )
    article = clean(
        f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{tag}\n", config, url="https://www.harbourledger.com/a1"
    )
    assert article.wire == "Los Angeles Times"
    assert article.outlet != "Los Angeles Times"  # the tag's copyright credits the original, not the page
    assert "Distributed" not in article.text and "Visit the" not in article.text


def test_a_pointer_to_the_original_version_names_its_paper(config: Config) -> None:
    pointer = "For the original version including any photos or video, visit http://www.latimes.com/world/la-x-1.html"
    article = clean(
        f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{pointer}\n", config, url="https://harbour.example/a"
    )
    assert article.wire == "Los Angeles Times"
    assert "original version" not in article.text


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("29-09-2015 15:11 | Jane Roe", True),
        ("29-09-2015 | Tomáš Novák", True),
        ("29-09-2015 | the talks resumed", False),
        ("The talks, 29-09-2015 | Jane Roe", False),
    ],
)
def test_a_date_then_a_name_is_a_dated_credit(line: str, expected: bool) -> None:
    assert is_dated_credit(line) is expected


def test_a_date_then_name_stamp_under_the_headline_dates_the_page(config: Config) -> None:
    article = clean(f"{HEADLINE}\n29-09-2015 15:11 | Jane Roe\n\n{LEDE}\n\n{SECOND}\n", config)
    assert article.date == "2015-09-29"
    assert "Jane Roe" not in article.text


def test_a_published_stamp_at_the_foot_dates_an_otherwise_undated_page(config: Config) -> None:
    foot = (
        "More in World\nHarbour fair opens - 27 September 2015\n"
        "Published: Tuesday, 29 September 2015 02:10\nHits: 88"
    )
    article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\nShare\n{foot}\n", config)
    assert article.date == "2015-09-29"
    undated = clean(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\nShare\nMore in World\n", config)
    assert undated.date is None


def test_a_section_label_that_only_starts_the_domain_does_not_spell_the_site() -> None:
    assert spells("harbournewsdose", "harbournewsdose")
    assert spells("ukrainetoday", "ukrainetodaynews")  # all but a media word
    assert spells("radiopragueinternational", "radioprague")
    assert not spells("world", "worldnewsdose")


def test_a_copyright_owner_spelling_the_domain_is_the_outlet_not_a_menu_label(config: Config) -> None:
    owner = "© 2016 HarbourNewsDose Media Ltd. All Rights Reserved."
    page = f"Home\nWorld\nPolitics\n\n{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{owner}\n"
    article = clean(page, config, url="https://harbournewsdose.example/a-story/")
    assert article.outlet == "HarbourNewsDose"


def _html(time_tag: str, byline: str) -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in (LEDE, SECOND, SECOND.replace("Syria", "the region")))
    return (
        "<!doctype html><html><head><title>t</title>"
        '<meta property="article:published_time" content="2015-09-29T02:14:00Z"></head><body><main><article>'
        f'<h1>{HEADLINE}</h1><div class="byline">{byline}</div><div class="dates">{time_tag}</div>'
        f"{paragraphs}</article></main></body></html>"
    )


def test_a_time_elements_local_date_beats_its_utc_stamp(config: Config) -> None:
    byline = "<span>By Jane Roe</span>"
    local = '<time datetime="2015-09-29T02:14:00Z">September 28, 2015 10:14 PM</time>'
    assert clean(_html(local, byline), config).date == "2015-09-28"
    same = '<time datetime="2015-09-29T02:14:00Z">September 29, 2015 02:14 AM</time>'
    assert clean(_html(same, byline), config).date == "2015-09-29"


def test_a_bylines_affiliation_element_credits_that_outlets_copy(config: Config) -> None:
    stamp = '<time datetime="2015-09-29T02:14:00Z">September 29, 2015</time>'
    credited = '<span class="author">By Jane Roe</span>\n<span class="affiliation">Los Angeles Times</span>'
    assert clean(_html(stamp, credited), config).wire == "Los Angeles Times"
    assert clean(_html(stamp, '<span class="author">By Jane Roe</span>'), config).wire is None


def test_a_standfirst_clause_under_the_byline_is_the_first_paragraph(config: Config) -> None:
    standfirst = (
        "The two leaders met on the sidelines of the assembly in New York as their navies"
        " kept watch on each other in the eastern Mediterranean"
    )
    title = f"{HEADLINE} in the harbour city"
    page = f"{title}\nAFP , Tuesday 29 Sep 2015\n{standfirst}\nViews: 88\n{LEDE}\n{SECOND}\n"
    article = clean(page, config)
    assert article.text.startswith(standfirst)
    bullet = "The leaders met for about an hour at the harbour summit"
    bullets = f"{title}\nBy Jane Roe\nStory highlights\n{bullet}\n{LEDE}\n{SECOND}\n"
    assert "about an hour at the harbour" not in clean(bullets, config).text


def test_an_html_syndicate_tag_credits_the_paper_even_when_the_extractor_drops_it(config: Config) -> None:
    stamp = '<time datetime="2015-09-29T02:14:00Z">September 29, 2015</time>'
    tag = '<p class="tag">&copy;2015 Los Angeles Times<br>Distributed by Harbour Content Agency, LLC.</p>'
    page = _html(stamp, "<span>By Jane Roe</span>").replace("</article>", f"{tag}</article>")
    article = clean(page, config)
    assert article.wire == "Los Angeles Times"
    assert "Distributed" not in article.text


def test_a_lone_more_heads_a_related_box_and_does_not_end_the_story(config: Config) -> None:
    third = "Officials said the next round of talks would be held in the harbour city within a month."
    page = (
        f"{HEADLINE}\n\n{LEDE}\n\nMore\n\nHarbour summit?\n\n{SECOND}\n\n{third}\n\nMore\n\nPopular Stories\n"
    )
    article = clean(page, config)
    assert LEDE in article.text and SECOND in article.text and third in article.text
    assert "Harbour summit?" not in article.text and "Popular" not in article.text


def test_an_agency_acronym_glued_after_the_writers_name_names_the_wire(config: Config) -> None:
    assert glued_credit("Jane RoeAAP") == "AAP"
    assert glued_credit("Jane Roe") is None and glued_credit("Leaders Meet In NYC") is None
    article = clean(f"{HEADLINE}\n\nJane RoeAFP\n\n{LEDE}\n\n{SECOND}\n", config)
    assert article.wire == "AFP"
    assert "RoeAFP" not in article.text


def test_a_page_of_titled_entries_keeps_its_first_entrys_title_and_its_headline(config: Config) -> None:
    standfirst = (
        "Harbour - The Latest: ministers failed to reach a deal on the ferry dispute, officials said."
    )
    third = "Officials said the next round of talks would be held in the harbour city within a month."
    page = "\n".join(
        [
            f"{HEADLINE}\n\nTop Stories\n\n{HEADLINE}\n\n{standfirst}\n\nBy Agencies\n",
            "Published: Mon 5 Sep 2016, 10:12 AM\n",
            f"Ministers prepare to wrap up the talks\n{LEDE}\n{SECOND}",
            f"Leaders agree to keep talking\n{third}\n",
        ]
    )
    article = clean(page, config)
    assert article.title == HEADLINE
    roles = {s.text: s.role for s in article.sentences}
    assert roles.get("Ministers prepare to wrap up the talks") == "subheading"
    assert roles.get("Leaders agree to keep talking") == "subheading"
    assert roles.get(standfirst) == "body" and "By Agencies" not in article.text


def test_an_extra_event_file_keeps_the_cleaner_settings_a_sweep_gives(config: Config) -> None:
    """`corpus_eval --sweep` with `--events`: the merged config keeps the swept value, not the file's."""
    changed = dataclasses.replace(config, cleaner=dataclasses.replace(config.cleaner, headline_max_words=7))
    merged = config_with(changed, [PAGES / "other_summit" / "event.yaml"])
    assert merged.cleaner.headline_max_words == 7
    assert "helsinki-2018" in {event.id for event in merged.events}
