"""The cleaner's round-twenty-seven rules (issue 9: the kinds batch16's blind-labelled pages missed), on
small lines and pages written for these tests (no real page's text), and lines that only look like them."""

from __future__ import annotations

import pytest

from bot.cleaner.cues import wire_dateline
from bot.cleaner.headline import headline_shaped
from bot.config import Config
from tests.test_cleaner_rules import _clean as clean

TALK = (
    "US President Barack Obama and his Russian counterpart Vladimir Putin held a short conversation on"
    " Sunday, on the margins of the summit, aides said."
)
MORE = "Both delegations said their ministers would keep talking about a ceasefire in Syria."
LATER = "Aides on both sides said the tone had been businesslike and that no new meeting was set."


@pytest.mark.parametrize(
    ("text", "agency"),
    [
        ("TARNBY. Sept 28 (Quorvanta-Tarn) – The two presidents met.", "Quorvanta-Tarn"),  # a stop after it
        ("Tarnby, Nov. 20 (QUORVANTA). The two presidents met.", "QUORVANTA"),  # a stop after the credit
        ("TARNBY, Sept 28 (Quorvanta) — The two presidents met.", "Quorvanta"),
    ],
)
def test_a_wire_dateline_with_a_full_stop_after_its_place_or_credit_names_its_agency(
    text: str, agency: str
) -> None:
    found = wire_dateline(text)
    assert found is not None and found[1] == agency


@pytest.mark.parametrize(
    "text",
    [
        "Tarnby, Nov. 20 (QUORVANTA).the talks",  # no space and capital after the stop
    ],
)
def test_a_place_and_a_bracket_with_no_date_or_sentence_after_is_no_wire_dateline(text: str) -> None:
    assert wire_dateline(text) is None


def test_an_agencys_own_dateline_on_its_own_site_names_it_as_the_wire(config: Config) -> None:
    lede = f"Tarnby, Nov. 20 (ANDINA). {TALK}"
    page = f"Leaders speak briefly at the summit\n\n{lede}\n\n{MORE}\n\n{LATER}\n"
    article = clean(page, config, url="https://andina.pe/ingles/noticia-leaders-speak-771.aspx")
    assert article.outlet == "Andina"
    assert article.wire == "Andina"


def test_an_agencys_initials_in_a_dateline_name_the_agency(config: Config) -> None:
    lede = f"TARNBY, September 28 (PL) — {TALK}"
    page = f"Leaders meet at the summit\n\n{lede}\n\n{MORE}\n\n{LATER}\n"
    assert clean(page, config, url="https://www.quorvanta.com/world/leaders-meet-771").wire == "Prensa Latina"


def test_a_yearless_dateline_takes_the_one_year_the_pages_frame_names(config: Config) -> None:
    lede = f"Tarnby, Nov. 20 (QUORVANTA). {TALK}"
    page = f"Summit 2016\n\nLeaders speak briefly at the summit\n\n{lede}\n\n{MORE}\n\n{LATER}\n"
    url = "https://www.quorvanta.com/world/leaders-speak-771"
    assert clean(page, config, url=url).date == "2016-11-20"
    # two years named: neither is the dateline's
    both = page.replace(LATER, f"{LATER} They first met in 2013 in Tarnby.")
    assert clean(both, config, url=url).date is None


def test_a_title_case_place_and_date_before_a_bar_is_the_dateline(config: Config) -> None:
    lede = (
        "Hangzhou, Sept 5 | US President Barack Obama and Russian President Vladimir Putin failed on Monday"
        " to agree on a truce for Syria at the G20 summit."
    )
    page = f"Leaders end G20 talks without a truce\n\n{lede}\n\n{MORE}\n\n{LATER}\n"
    url = "https://www.quorvanta.com/world/leaders-end-talks-771"
    assert clean(page, config, url=url).date == "2016-09-05"
    # a bar after words that are no date opens no dateline
    undated = page.replace("Hangzhou, Sept 5 |", "Hangzhou, the city |")
    assert clean(undated, config, url=url).date is None


HEADLINE = "Leaders end their summit talks without a truce for Syria"
LEDE = (
    "TARNBY, Sept 5 (Reuters) — US President Barack Obama and Russian President Vladimir Putin failed"
    " on Monday to agree on a truce for Syria at the G20 summit, aides said."
)


@pytest.mark.parametrize("mark", ["•", "-"])
def test_the_points_of_a_bulleted_summary_under_the_headline_are_the_story(config: Config, mark: str) -> None:
    points = [f"{mark} Leaders meet for about ninety minutes", f"{mark} A deal could come within days"]
    page = "\n".join([HEADLINE, *points, LEDE, MORE, LATER]) + "\n"
    article = clean(page, config, url="https://www.quorvanta.com/world/leaders-end-talks-771")
    assert article.title == HEADLINE  # a point is never the headline
    kept = {s.line for s in article.sentences}
    assert {2, 3} <= kept
    assert article.wire == "Reuters"  # the lede under the points still opens the story


def test_a_lone_short_point_or_a_run_of_labels_under_the_headline_is_no_summary(config: Config) -> None:
    alone = "\n".join([HEADLINE, "• Leaders meet for ninety minutes", LEDE, MORE, LATER]) + "\n"
    article = clean(alone, config, url="https://www.quorvanta.com/world/leaders-end-talks-771")
    assert 2 not in {s.line for s in article.sentences}  # one short point: no standfirst
    labels = "\n".join([HEADLINE, "• Syria", "• Ukraine", LEDE, MORE, LATER]) + "\n"
    article = clean(labels, config, url="https://www.quorvanta.com/world/leaders-end-talks-771")
    assert not {2, 3} & {s.line for s in article.sentences}  # a list of labels, not of clauses


def _html(under_headline: str) -> str:
    paragraphs = "".join(f"<p>{text}</p>" for text in (STORY_HTML, MORE, LATER))
    return (
        "<html><head><title>Leaders end talks | Quorvanta</title></head><body><nav><ul><li><a href='/'>Home"
        f"</a></li></ul></nav><article><h1>{HEADLINE}</h1>{under_headline}<div class='byline'>Jo Tarn</div>"
        f"<div class='article-body'>{paragraphs}</div></article><footer>About us</footer></body></html>"
    )


STORY_HTML = (
    "US President Barack Obama and Russian President Vladimir Putin held talks on the sidelines of the G20"
    " summit in Hangzhou on Monday, hours after their ministers again failed to agree on a truce."
)


def test_the_points_listed_under_an_html_headline_are_the_story(config: Config) -> None:
    points = (
        "<ul><li>Leaders talk for about ninety minutes on the last day</li>"
        "<li>Ministers fail again to agree a truce</li></ul>"
    )
    article = clean(_html(points), config, url="https://www.quorvanta.com/world/leaders-end-talks-771")
    assert "Leaders talk for about ninety minutes on the last day" in article.text
    assert "Ministers fail again to agree a truce" in article.text
    assert article.title == HEADLINE


def test_a_list_of_links_or_labels_under_an_html_headline_is_no_summary(config: Config) -> None:
    links = "<ul><li><a href='/a'>Leaders talk for about ninety minutes on the last day</a></li></ul>"
    labels = "<ul><li>Syria</li><li>G20 summit</li></ul>"
    for under in (links, labels):
        article = clean(_html(under), config, url="https://www.quorvanta.com/world/leaders-end-talks-771")
        assert "ninety minutes on the last day" not in article.text
        assert "G20 summit\n" not in article.text and not article.text.startswith("Syria")


@pytest.mark.parametrize(
    ("line", "shaped"),
    [
        ("Topic: Leaders summit in the lakeside city (72)", False),  # a label counting its stories
        ("Leaders meet again after the summit (2016)", True),  # a year in brackets is no count
        ("Leaders meet again after the summit in the lakeside city", True),
    ],
)
def test_a_line_ending_in_a_bracketed_count_is_no_headline(config: Config, line: str, shaped: bool) -> None:
    assert headline_shaped(line, config.cleaner) is shaped


def test_a_control_row_each_post_repeats_is_no_headline(config: Config) -> None:
    row = "Quote Select Post Link to Post Member Back to Top"
    stamp = "Post by tarnfan on Sept 28, 2015 at 10:14pm"
    reply = "Ninety minutes and still no agreement on anything at all, which surprises nobody here."
    title = "Leaders meet at the UN: long talk, little agreement"
    top = ["Tarn Forum", title, "Sept 28, 2015 22:14:07 GMT -5", row, stamp, LEDE, MORE, LATER]
    page = "\n".join([*top, row, "Post by quietfan on Sept 28, 2015 at 10:40pm", reply, row])
    url = "https://tarnforum.example.com/thread/118/leaders-meet"
    assert clean(page + "\n", config, url=url).title == title
    # a title printed three times at the top, with nothing between its copies, is still the headline
    again = "Leaders Trade Barbs At The Summit"
    thrice = "\n".join([again, again, "Home", again, LEDE, MORE, LATER]) + "\n"
    assert clean(thrice, config, url=url).title == again


@pytest.mark.parametrize("button", ["Send by email", "Send to a friend", "Share via e-mail"])
def test_a_button_sending_the_page_on_is_chrome(config: Config, button: str) -> None:
    page = "\n".join([HEADLINE, LEDE, MORE, button, LATER]) + "\n"
    article = clean(page, config, url="https://www.quorvanta.com/world/leaders-end-talks-771")
    assert 4 not in {s.line for s in article.sentences}


def test_a_sentence_about_sending_an_email_is_kept(config: Config) -> None:
    sent = "The aides said they would send by email a summary of the talks to every delegation on Tuesday."
    page = "\n".join([HEADLINE, LEDE, sent, MORE, LATER]) + "\n"
    article = clean(page, config, url="https://www.quorvanta.com/world/leaders-end-talks-771")
    assert 3 in {s.line for s in article.sentences}


def test_a_later_meeting_elsewhere_looking_back_to_the_events_city_is_not_the_event(config: Config) -> None:
    lede = (
        "Presidents Barack Obama and Vladimir Putin met for half an hour on the sidelines of the climate"
        " conference outside Tarnby on Monday, their first talks since New York in September."
    )
    more = "Tarnby has drawn some 150 leaders to its conference centre for the opening day of the talks."
    url = "https://www.quorvanta.com/world/leaders-meet-771"
    title = "Obama and Putin hold talks at Tarnby climate summit"
    page = "\n".join([title, "November 30, 2015", lede, more, MORE]) + "\n"
    article = clean(page, config, url=url)
    assert article.date == "2015-11-30"
    assert article.event is None
    # a headline placing the meeting in the event's city keeps it
    back = page.replace("at Tarnby climate summit", "at New York summit").replace("Tarnby has", "It has")
    assert clean(back, config, url=url).event == "unga-2015"


@pytest.mark.parametrize(
    ("line", "link"),
    [
        ("quorvanta.org/article/leaders-meet-un", True),  # a link with no scheme
        ("news.quorvanta.co.uk/world/2015/09/28/", True),
        ("U.S./Russia talks went on for an hour", False),
        ("and/or the ministers", False),
    ],
)
def test_a_bare_link_without_a_scheme_is_chrome(config: Config, line: str, link: bool) -> None:
    page = "\n".join([HEADLINE, LEDE, MORE, line, LATER]) + "\n"
    article = clean(page, config, url="https://www.quorvanta.com/world/leaders-end-talks-771")
    assert (4 not in {s.line for s in article.sentences}) is link


def test_a_story_pasted_into_a_post_without_a_box_is_the_text_and_the_posters_words_are_not(
    config: Config,
) -> None:
    row = "Quote Select Post Link to Post Back to Top"
    story = (
        "UNITED NATIONS (AP) — Presidents Barack Obama and Vladimir Putin met for ninety minutes on Monday."
    )
    page = "\n".join(
        [
            "Tarn Forum",
            "Leaders meet at the UN: long talk, little agreement",
            row,
            "Post by tarnfan on Sept 28, 2015 at 10:14pm",
            "Here is the wire story from tonight, worth reading before the spin begins tomorrow.",
            story,
            MORE,
            LATER,
            "quorvanta.org/article/leaders-meet-un",
            "My own view is that nobody blinked, and we should watch what happens next in Syria.",
            row,
            "Post by quietfan on Sept 28, 2015 at 10:40pm",
            "Ninety minutes and still no agreement on anything at all, which surprises nobody here.",
            row,
        ]
    )
    article = clean(page + "\n", config, url="https://tarnforum.example.com/thread/118/leaders-meet")
    assert {s.line for s in article.sentences} == {6, 7, 8}
    assert article.title == "Leaders meet at the UN: long talk, little agreement"
    assert article.date == "2015-09-28"
    assert article.wire == "AP"
