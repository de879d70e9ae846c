"""The cleaner's sixth round of general rules (issue 9), on small pages written for these tests (no real
page's text): kinds of chrome met on real pages of outlets not probed before (reader-funding appeals,
sign-offs, republished-story credits, live-blog furniture, search notices), headline choice over doubled
titles, decks and datelined intros, credits naming another outlet, and dates in new shapes."""

from __future__ import annotations

import pytest

from bot.cleaner.patterns import chrome_reason
from bot.config import Config
from tests.test_cleaner_kinds import HEADLINE
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean

CHROME_CASES = [
    ("No Widgets found in the Sidebar", "widget"),
    ("We need your help today", "donate"),
    ("We need your support.", "donate"),
    ("Gifts from listeners like you keep the Harbour Bulletin on the air.", "donate"),
    ("If you value our reporting, please give what you can so it stays free for everyone.", "donate"),
    ("Advertising revenue no longer covers our costs, so we ask you to support the site.", "donate"),
    ("We need your help to find the missing hikers, the police chief told reporters.", None),
    ("You can support the talks, the minister said, but our mission is peace.", "donate"),
    ("The minister said he would support the plan and fund the talks.", None),
    ("-- KELNA", "credits"),
    ("— AFP", "credits"),
    ("--Reuters/dpa", "credits"),
    ("-- said the minister, who left early", None),
    ("SUMMIT LEADERS HANDSHAKE PX-4 Jane Roe Jane Roe", "photo-credit"),
    ("Leaders met in the hall Jane Roe Jane Roe", None),
    ("This post appeared first on KELNA NEWS", "credits"),
    ("First published in the Harbour Bulletin.", "credits"),
    ("The treaty first appeared in draft form on Monday, and aides said more would follow.", None),
    ("Connect with us", "navigation"),
    ("Hi, what are you looking for?", "navigation"),
    ("What are you looking for in these talks, the minister asked?", None),
    ("Article continues after advertisement", "advertisement"),
    ("Story continues after the ad", "advertisement"),
    ("[Source: KELNA]", "source-credit"),
    ("Photo/Supplied", "photo-credit"),
    ("Watch the minister's arrival below.", "media-player"),
    ("Listen to the full interview here:", "media-player"),
    ("Watch for the minister's reply, officials said, because the vote is close.", None),
    ("Key events", "live-blog"),
    ("Updated at", "live-blog"),
    ("Photograph: Jane Roe/Reuters", "photo-credit"),
    ("Key events of the week were the talks and the vote, aides said.", None),
    ("No matches. Check your spelling and try again, or try other search terms.", "navigation"),
    ("The Harbour Post with inputs from Agencies", "credits"),
    ("No matches were found between the two sides, the minister said.", None),
]


@pytest.mark.parametrize(("text", "reason"), CHROME_CASES)
def test_round_six_chrome_kinds(config: Config, text: str, reason: str | None) -> None:
    """Each kind of chrome this round met is told from its line alone; a body sentence using the same
    words is not."""
    assert chrome_reason(text, config.cleaner) == reason


def test_an_appeal_above_the_story_is_never_the_headline(config: Config) -> None:
    appeal = (
        "We need your help now\n\nSupport from readers like you keeps the Harbour Bulletin going.\n\n"
        "If you have found value in our journalism, please contribute what you can.\n\n"
    )
    article = clean(f"{appeal}{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n", config)
    assert article.title == HEADLINE
    assert "help now" not in article.text and "contribute" not in article.text
    assert LEDE in article.text and SECOND in article.text


def test_a_sign_off_ends_the_story_and_its_boilerplate(config: Config) -> None:
    boiler = "KELNA provides news to subscribers via its wires, its television channel and its radio."
    page = f"{HEADLINE}\n{LEDE}\n{SECOND}\n-- KELNA\n{boiler}\nFollow us on social media :\n"
    article = clean(page, config)
    assert SECOND in article.text and "subscribers via" not in article.text


def test_a_yearless_dateline_takes_no_event_year_on_a_page_of_other_years(config: Config) -> None:
    about = "SEAPORT, Oct 1 (KELNA) -- The prime minister said the talks at the United Nations went well."
    other = "SEAPORT, Oct 1 (KELNA) -- The prime minister opened a new bridge over the river on Tuesday."
    later = "He will table the budget for 2026 on Friday; the bridge was first planned in 1976."
    assert clean(f"{HEADLINE}\n{about}\n{later}\n", config).date == "2015-10-01"  # names the event
    assert clean(f"{HEADLINE}\n{other}\n{SECOND}\n", config).date == "2015-10-01"  # names no year
    assert clean(f"{HEADLINE}\n{other}\n{later}\n", config).date is None


def test_a_first_appeared_credit_names_the_original_source(config: Config) -> None:
    page = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\nThis post appeared first on Harbour Bulletin\n"
    assert clean(page, config, url="https://farm.example.com/2016/09/05/a").wire == "Harbour Bulletin"


def test_truncated_teasers_under_a_related_header_are_chrome(config: Config) -> None:
    teaser = "Harbour Bulletin — A group of publishers have started a legal challenge against the new..."
    page = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\nYou May Also Like\n\nBusiness\n\n{teaser}\n\nBusiness\n"
    article = clean(page, config)
    assert SECOND in article.text and "legal challenge" not in article.text


def test_a_site_name_closed_by_a_dash_opens_the_lede(config: Config) -> None:
    page = f"{HEADLINE}\n\nKELNAWIRE- {LEDE}\n\n{SECOND}\n"
    assert clean(page, config, url="https://en.kelnawire.com/1234/talks/").outlet == "KELNAWIRE"


def test_the_opening_paragraph_dates_the_day_it_reports(config: Config) -> None:
    lede = "Ministers met in Geneva on Thursday (10 Mar 2022) and made no progress on a ceasefire."
    assert clean(f"{HEADLINE}\n\n{lede}\n\n{SECOND}\n", config).date == "2022-03-10"
    vague = "Ministers met in Geneva on Thursday and said talks would resume on 10 March 2023."
    assert clean(f"{HEADLINE}\n\n{vague}\n\n{SECOND}\n", config).date is None


def test_a_bracketed_source_line_names_the_wire(config: Config) -> None:
    page = f"[Source: Harbour Radio]\n\n{LEDE}\n\n{SECOND}\n"
    assert clean(page, config).wire == "Harbour Radio"


def test_a_place_and_an_agency_acronym_after_a_comma_is_a_wire_dateline(config: Config) -> None:
    lede = (
        "SEAPORT, KNA - The two leaders met for an hour on the sidelines of the General Assembly on Monday."
    )
    assert clean(f"{HEADLINE}\n\n{lede}\n\n{SECOND}\n", config).wire == "KNA"


def test_a_lede_credit_naming_the_site_itself_is_no_wire(config: Config) -> None:
    page = f"(KelnaWorld) - {LEDE}\n{SECOND}\n"
    article = clean(page, config, url="https://kelnaworld.com/en/news/talks-123.html")
    assert article.wire is None and article.outlet == "KelnaWorld"


def test_a_caption_printed_again_with_its_credit_is_a_repeat(config: Config) -> None:
    caption = "The foreign minister arrives for talks in the capital"
    page = f"{HEADLINE}\n\n{LEDE}\n\n{caption}\n\n{caption} Photo: Supplied\n\n{SECOND}\n"
    article = clean(page, config)
    assert article.text.count(caption) == 1 and SECOND in article.text


def test_a_headline_printed_twice_over_its_standfirst(config: Config) -> None:
    standfirst = (
        "Seaport - The two leaders met for an hour on the sidelines of the assembly in New York on Monday."
    )
    page = f"{HEADLINE}\n\n{HEADLINE}\n\n{standfirst}\n\nBy Agencies\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config)
    assert article.title == HEADLINE and standfirst in article.text


def test_a_datelined_intro_is_no_headline_and_the_deck_under_the_title_is_not_either(config: Config) -> None:
    title = "WATCH LIVE: Leaders meet on the sidelines of the assembly in New York"
    deck = "President expected to address leaders Monday morning at the hall"
    intro = "NEW YORK – Here's the latest on the talks at the General Assembly (all times local):"
    article = clean(f"{title}\n\n{deck}\n\n{intro}\n\n10:05 a.m.\n\n{LEDE}\n\n{SECOND}\n", config)
    assert article.title == title and intro in article.text and deck not in article.text


def test_an_outlet_named_under_a_reporter_on_another_site_is_the_source(config: Config) -> None:
    page = f"18:59 BST\nJane Roe\nBBC News\n\n{LEDE}\n{SECOND}\n"
    article = clean(page, config, url="https://www.harbourmirror.com/2332387")
    assert article.wire == "BBC" and article.outlet != "BBC"


def test_a_reporter_s_name_before_a_dashed_date_is_a_dated_byline(config: Config) -> None:
    page = f"{HEADLINE}\n\nJane Roe Apr - 03 - 2024 , 07:07\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config)
    assert article.date == "2024-04-03" and "Jane Roe" not in article.text


def test_a_source_line_naming_the_site_itself_is_no_wire(config: Config) -> None:
    page = f"{HEADLINE}\n\nSource: www.harbourmirror.com\n\n{LEDE}\n\n{SECOND}\n"
    assert clean(page, config, url="https://www.harbourmirror.com/news/a-1").wire is None


def test_a_known_paper_with_its_city_on_an_aggregator_is_the_source(config: Config) -> None:
    page = f"1 August 2017\n\nThe Guardian (London)\n\n{HEADLINE}\n\nBy Jane Roe\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config, url="https://www.harbourmirror.com/stories/201708010037.html")
    assert article.wire == "The Guardian" and article.outlet != "The Guardian"


def test_a_title_case_headline_naming_the_lead_is_kept_as_headline(config: Config) -> None:
    title = "Premier Visits Neighbouring President"
    lede = "The premier is in the neighbouring capital to see the president, his counterpart, aides said."
    article = clean(f"{title}\n\nPolitics World\n\n{lede}\n\n{SECOND}\n", config)
    assert article.title == title


def test_a_capitalised_call_to_action_after_the_last_sentence_keeps_the_paragraph(config: Config) -> None:
    last = "They agreed to meet again in the spring, the two delegations said. CLICK HERE TO READ MORE"
    article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{last}\n\nRelated Articles\n", config)
    assert "meet again in the spring" in article.text


def test_a_compiler_s_credit_names_the_source_and_a_bracketed_credit_marks_a_caption(config: Config) -> None:
    caption = "The minister described the talks as candid but said differences remained [Kelna]"
    page = f"{caption}\n{LEDE}\n{SECOND}\nThe Harbour Post with inputs from Agencies\nSource\n"
    article = clean(page, config, url="https://news.example-portal.com/content/talks")
    assert article.wire == "The Harbour Post" and article.title != caption


def test_a_teaser_copy_cut_short_beside_its_whole_paragraph_is_a_duplicate(config: Config) -> None:
    cut = LEDE[:60].rstrip() + "..."
    article = clean(f"{cut}\n{LEDE}\n{SECOND}\n", config)
    assert article.text.count(LEDE[:40]) == 1 and SECOND in article.text


def test_a_line_speaking_to_the_reader_about_nothing_in_the_story_is_no_headline(config: Config) -> None:
    page = f"Stay with us for more\n\n{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n"
    assert clean(page, config).title == HEADLINE
    alone = f"Stay with us for more\n\n{LEDE}\n\n{SECOND}\n"
    assert clean(alone, config).title is None
    about = "What you need to know about the air war talks"
    assert clean(f"{about}\n\n{LEDE}\n\n{SECOND}\n", config).title == about


def test_a_blog_on_a_hosting_platform_is_cited_by_its_own_label(config: Config) -> None:
    page = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config, url="https://harbournotes.wordpress.com/2015/09/29/talks/")
    assert article.outlet == "Harbour Notes"  # round 26: the blog's label, read as its words


def test_a_first_appeared_credit_naming_a_site_by_its_domain(config: Config) -> None:
    page = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\nThis post first appeared on thesun.co.uk\n"
    assert clean(page, config, url="https://farm.example-digest.com/a").wire == "The Sun"


def test_a_title_case_place_and_an_agency_acronym_before_an_en_dash(config: Config) -> None:
    lede = (
        "Seaport, KNA – The two leaders met for an hour on the sidelines of the General Assembly on Monday."
    )
    assert clean(f"{lede}\n\n{SECOND}\n", config).wire == "KNA"
    hyphen = "Meanwhile, NATO - The two leaders met for an hour on the sidelines of the assembly on Monday."
    assert clean(f"{hyphen}\n\n{SECOND}\n", config).wire is None


def test_a_title_with_the_site_glued_after_a_dash_is_a_copy_of_the_title(config: Config) -> None:
    page = f"{HEADLINE}-Kelna\n\n{HEADLINE}\n\nSource: Kelna\n\n{LEDE}\n\n{SECOND}\n"
    assert clean(page, config).title == HEADLINE


def test_a_paragraph_cut_before_a_continue_reading_link_is_kept(config: Config) -> None:
    cut = (
        "The statistics office said prices rose by one percent to 12.1 percent against the [continue reading]"
    )
    article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{cut}\n\n%d bloggers like this:\n", config)
    assert "prices rose by one percent" in article.text


def test_a_dated_line_under_the_headline_beats_one_above_it(config: Config) -> None:
    page = f"Broadcast 23-09-2020\n\n{HEADLINE}\n\nJaneroe 2020-09-17 12:09\n\n{LEDE}\n\n{SECOND}\n"
    assert clean(page, config).date == "2020-09-17"


def test_a_long_comment_disclaimer_is_chrome(config: Config) -> None:
    rules = "Disclaimer: All the comments will be moderated by the editors. " + "Please keep it civil. " * 20
    article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{rules.strip()}\n", config)
    assert "moderated" not in article.text
