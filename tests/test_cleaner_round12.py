"""The cleaner's twelfth round of general rules (issue 9), on small pages written for these tests (no real
page's text): a last paragraph the scrape cut off mid-sentence is kept; a page naming a recurring meeting
only by its series' name ("G20"), with no date, is given no event."""

from __future__ import annotations

import pytest

from bot.config import Config
from tests.test_cleaner_kinds import HEADLINE
from tests.test_cleaner_rules import LEDE, SECOND
from tests.test_cleaner_rules import _clean as clean

CUT = "The two delegations then moved to a smaller room where the ministers of defence were wait"


def test_a_last_paragraph_cut_mid_sentence_is_kept(config: Config) -> None:
    article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{CUT}\n", config)
    assert CUT in article.text


def test_a_pointer_or_a_title_on_the_last_line_is_not(config: Config) -> None:
    for last in ("Read the whole report at the Harbour Ledger", "Leaders Leave The Summit Without A Deal"):
        article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{last}\n", config)
        assert last not in article.text, last


def test_a_cut_line_after_a_comment_prompt_is_not_the_storys(config: Config) -> None:
    page = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\nLeave a comment\n\n{CUT}\n"
    assert CUT not in clean(page, config).text


ELSEWHERE = (
    "Leaders of the G20 met in a resort on the coast on Sunday, and the two presidents spoke for half an"
    " hour before lunch, officials said."
)


def test_a_page_naming_only_the_series_of_a_meeting_gets_no_event(config: Config) -> None:
    article = clean(
        f"Leaders talk at G20 lunch\n\n{ELSEWHERE}\n\nThe G20 leaders then posed for a photo.\n", config
    )
    assert article.event is None


def test_the_series_with_the_events_place_or_date_still_names_it(config: Config) -> None:
    placed = ELSEWHERE.replace("a resort on the coast", "Hangzhou")
    assert clean(f"Leaders talk at G20 lunch\n\n{placed}\n", config).event == "g20-2016"
    dated = clean(f"Leaders talk at G20 lunch\n\nSeptember 5, 2016\n\n{ELSEWHERE}\n", config)
    assert (dated.date, dated.event) == ("2016-09-05", "g20-2016")


@pytest.mark.parametrize(
    "line",
    [
        "Trending: Why the Harbour Ledger's Editors Changed Their Minds",
        "Image result for leaders agree to keep talking about the air war",
        "{{item.published_date}}",
    ],
)
def test_teasers_image_alt_texts_and_placeholders_are_chrome(config: Config, line: str) -> None:
    article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{line}\n\n{SECOND}\n", config)
    assert line not in article.text and SECOND in article.text


@pytest.mark.parametrize(
    "prompt",
    [
        "Comment Below",
        "Join the conversation!",
        "This entry passed through a feed service - if this is yours",
    ],
)
def test_a_comment_prompt_or_a_feed_notice_ends_the_story(config: Config, prompt: str) -> None:
    comment = "I think both of them knew the talks would go nowhere, but it was worth a try anyway."
    article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{prompt}\n\n{comment}\n", config)
    assert SECOND in article.text and comment not in article.text


def test_a_masthead_images_alt_text_names_the_site_without_its_word(config: Config) -> None:
    page = f"Harbour Ledger masthead\n\n{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config, url="https://www.harbourledger.com/story/leaders-talk/")
    assert article.outlet == "Harbour Ledger"


def test_a_date_row_of_dotted_fields_gives_the_date(config: Config) -> None:
    page = f"{HEADLINE}\n  ·  2016-09-06  ·   Source: Web Exclusive\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config)
    assert article.date == "2016-09-06" and "Web Exclusive" not in article.text


def test_a_transcripts_speaker_label_is_kept_each_time_the_speaker_speaks(config: Config) -> None:
    turns = [
        ("ANNA HOST:", "Tonight the two presidents met in New York for the first time in two years."),
        ("PETER REPORTER:", "They spoke for ninety minutes, aides from both sides said afterwards."),
        ("ANNA HOST:", "And what did they agree on, if anything at all, by the end of the evening?"),
        ("PETER REPORTER:", "Mostly that their defence ministers should keep talking about the air wa"),
    ]
    page = f"{HEADLINE}\n\nRead the Full Transcript\n\n" + "\n\n".join(
        f"  • {a}\n\n    {b}" for a, b in turns
    )
    kept = clean(page + "\n", config).text
    assert kept.count("ANNA HOST:") == 2 and kept.count("PETER REPORTER:") == 2
    assert turns[-1][1] in kept


def test_a_titles_photos_badge_is_no_caption_cue(config: Config) -> None:
    title = "Leaders Trade Cold Looks At The Summit In China (Photos)"
    assert clean(f"{title}\n\n{LEDE}\n\n{SECOND}\n", config).title == title


def test_a_headlines_footnote_mark_is_left_off(config: Config) -> None:
    title = "Build an Open and Inclusive World Economy"
    page = f"Nav Search\n\n{title}*\n\nSeptember 4, 2016\n\n{LEDE}\n\n{SECOND}\n"
    assert clean(page, config).title == title


def test_a_long_paragraph_listing_leaders_by_name_is_prose(config: Config) -> None:
    names = ", ".join(
        f"{title} {name} of {place}"
        for title, name, place in [
            ("President", "Anna Vell", "Arland"),
            ("Prime Minister", "Boris Tam", "Bexia"),
            ("President", "Carl Osei", "Corvina"),
            ("Chancellor", "Dana Lutz", "Drava"),
            ("King", "Emil Sarr", "Estova"),
            ("Prime Minister", "Fay Moro", "Fenland"),
        ]
    )
    listing = f"The spokesman said the leaders of the member states include {names}."
    article = clean(f"{HEADLINE}\n\n{LEDE}\n\n{listing}\n\n{SECOND}\n", config)
    assert listing in article.text


def test_a_stamp_closing_with_an_agency_names_the_wire_and_reads_a_glued_year(config: Config) -> None:
    page = f"App | Menu |\n\n{HEADLINE}\n\nUpdated: Sep 5,2016 9:09 AM     Xinhua\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config)
    assert (article.wire, article.updated) == ("Xinhua", "2016-09-05")


def test_a_menus_word_spelling_an_agencys_acronym_is_no_credit(config: Config) -> None:
    assert clean(f"App | Menu |\n\n{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n", config).wire is None


def test_a_clip_first_published_on_a_social_network_names_no_wire(config: Config) -> None:
    clip = "The handshake was seen in a 40-second video clip, which was first published on Facebook."
    assert clean(f"{HEADLINE}\n\n{LEDE}\n\n{clip}\n\n{SECOND}\n", config).wire is None


def test_a_caption_printed_twice_under_the_dek_is_kept_once(config: Config) -> None:
    dek = (
        "One leader insists the Syrian president must step down, while the other calls on the world to"
        " accept his army's central role in fighting the militants"
    )
    caption = "The two presidents trade barbs at the General Assembly"
    page = f"{HEADLINE}\n\n{dek}\n\n{caption}\n{caption}\n\n{LEDE}\n\n{SECOND}\n"
    article = clean(page, config)
    assert article.title == HEADLINE
    assert article.text.count(caption) == 1 and any(s.role == "caption" for s in article.sentences)


def test_a_headline_printed_twice_under_a_tagline_is_still_the_headline(config: Config) -> None:
    title = "Leaders Exchange A Few Words At The Summit"
    page = f"Harbour Holler\n\nRaw Coverage and Opinions\n\n{title}\n\n{title}\n\n{LEDE}\n\n{SECOND}\n"
    assert clean(page, config).title == title


def test_a_title_on_its_parents_subdomain_is_cited_by_its_own_name(config: Config) -> None:
    page = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n"
    titled = clean(page, config, url="http://theharbourpost.youm7.com/news/1/leaders")
    assert titled.outlet == "The Harbour Post"
    section = clean(page, config, url="http://worldnews.youm7.com/news/1/leaders")
    assert section.outlet == "Youm7"


def test_a_speechs_salutation_over_its_first_paragraph_is_kept(config: Config) -> None:
    first = "I declare the summit open, and I welcome you all to the city on behalf of its people."
    page = f"Nav Search\n\n{HEADLINE}\n\nDear colleagues,\n\n{first}\n\n{SECOND}\n"
    assert "Dear colleagues," in clean(page, config).text


def test_a_dek_without_its_full_stop_right_under_the_headline_is_kept(config: Config) -> None:
    dek = (
        "One leader insists the Syrian president must step down, while the other calls on the world to"
        " accept his army's central role in fighting the militants"
    )
    assert dek in clean(f"{HEADLINE}\n\n{dek}\n\n{LEDE}\n\n{SECOND}\n", config).text


def test_an_agencys_acronym_glued_after_the_last_paragraph_is_the_wire(config: Config) -> None:
    last = "Both leaders agreed that the conflict could be settled only by political means. PNA"
    prompt = "Please follow our commenting guidelines."
    page = f"{HEADLINE}\n\n{LEDE}\n\n{SECOND}\n\n{last}\n\n{prompt}\n\nNo comments yet.\n"
    article = clean(page, config)
    assert article.wire == "PNA" and last in article.text
    assert [s.text for s in article.sentences][-1] == last.removesuffix(" PNA")
    assert "commenting guidelines" not in article.text
