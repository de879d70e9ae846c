"""The cleaner on the labelled fixture pages of tests/fixtures/pages/ meets floor figures, set by set.

The floors are below what python -m bot.evaluation.corpus_eval prints today, so that a rule change that
loses ground on pages in styles the rules were not written from fails here.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bot.config import Config
from bot.evaluation.pages_eval import FIELDS, evaluate_set

PAGES = Path(__file__).resolve().parent / "fixtures" / "pages"
SETS = sorted(p.name for p in PAGES.iterdir() if p.is_dir())

# Floors every set meets. batch3 arrived blind (1 of 12 pages passed every check); after one round of
# general rules it passes all 12. batch4 arrived blind after that round (0 of 10 passed; line P/R
# 0.85/0.875, chrome share 0.107, outlet/date/headline 6/10, wire 7/10); after the next round of general
# rules (issue 9, round four) it passes 10 of 10. Their figures are training figures now, held here with
# the others; another blind set is needed to measure the rules again.
FLOORS = {
    "line_recall": 0.95,
    "line_precision": 0.9,
    "html_contain": 0.95,
    "chrome_share": 0.05,
    "field": 0.8,
}

# batch5 arrived blind after round four (2 of 12 passed; line P/R 0.917/0.985, HTML must_contain 0.941,
# chrome share 0.067, outlet 8/12, date 10/12, headline 10/12, wire 9/12) and was held to those arrival
# figures; after round five's general rules it passes 11 of 12 and is held to the common floors: its figures
# are training figures now. Its Helsinki pages need that summit's event, given as the measuring command
# gives it (--events tests/fixtures/pages/other_summit/event.yaml).
EXTRA = {
    "batch5": [PAGES / "other_summit" / "event.yaml"],
    "batch6": [PAGES / "other_summit" / "event.yaml"],
    "batch7": [PAGES / "other_summit" / "event.yaml"],
    "batch8": [PAGES / "other_summit" / "event.yaml"],
    "batch9": [PAGES / "other_summit" / "event.yaml"],
    "batch10": [PAGES / "other_summit" / "event.yaml"],
    "batch11": [PAGES / "other_summit" / "event.yaml"],
    "batch12": [PAGES / "other_summit" / "event.yaml"],
    "batch13": [PAGES / "other_summit" / "event.yaml"],
    "batch14": [PAGES / "other_summit" / "event.yaml"],
    "batch15": [PAGES / "other_summit" / "event.yaml"],
    "batch16": [PAGES / "other_summit" / "event.yaml"],
    "batch17": [PAGES / "other_summit" / "event.yaml"],
    "batch18": [PAGES / "other_summit" / "event.yaml"],
}

# batch6 arrived blind and was measured once on main f184ad3's rules (3 of 12 pages passed every check; line
# P/R 0.676/0.893, HTML must_contain 0.950 / must_not_contain 0.933, chrome share 0.2095, outlet 8/12, date
# 11/12, updated 11/12, headline 9/12, wire 10/12, event 11/12) and was held to those arrival figures; after
# batch6's round of general rules (mirror pages, markup read by kind, more chrome kinds) it passes 12 of 12
# and is held to the common floors: its figures are training figures now.
#
# batch7 arrived blind and was measured once on main fff0740's rules (2 of 12 pages passed every check; line
# P/R 0.829/0.978, HTML must_contain 1.000 / must_not_contain 1.000, chrome share 0.1721, outlet 8/12, date
# 12/12, updated 12/12, headline 7/12, wire 8/12, event 12/12: blind arrival figures) and was held to them;
# after batch7's round of general rules (envelopes: mail shares, feed readers, wire portals, bulletins;
# credit lines; a site's name in its footer and <title>) it passes 12 of 12 and is held to the common
# floors: its figures are training figures now. A blind set that arrives below the common floors is held to
# its arrival figures here until a round of rules lifts it.
#
# batch8 arrived blind and was measured once on main 60b8558's rules (3 of 12 pages passed every check; line
# P/R 0.671/0.826, HTML must_contain 1.000 / must_not_contain 1.000, chrome share 0.2703, outlet 9/12, date
# 8/12, updated 12/12, headline 12/12, wire 9/12, event 12/12: blind arrival figures) and was held to them;
# after batch8's round of general rules (forum threads, live blogs, end and syndicate tags, foot and
# date-then-name stamps, a <time> element's local date) it passes 12 of 12 and is held to the common
# floors: its figures are training figures now.
#
# batch9 arrived blind and was measured once on main b5701ad's rules (2 of 12 pages passed every check; line
# P/R 0.681/0.954, HTML must_contain 0.895 / must_not_contain 1.000, chrome share 0.2981, outlet 5/12, date
# 7/12, updated 12/12, headline 7/12, wire 10/12, event 12/12: blind arrival figures) and was held to them;
# after batch9's round of general rules (forum topics with link previews and topic maps, PDF documents'
# footnotes, notices and wrapped titles, "Write:" and CJK date stamps, news cards, publisher hosts, URL-slug
# headlines, end tags with initials after a dash) it passes 12 of 12 and is held to the common floors: its
# figures are training figures now.
#
# batch10 arrived blind and was measured once on main 5c94a15's rules (2 of 12 pages passed every check; line
# P/R 0.975/1.000, HTML must_contain 0.947 / must_not_contain 0.980, chrome share 0.0435, outlet 6/12, date
# 10/12, updated 11/12, headline 10/12, wire 6/12, event 11/12: blind arrival figures) and was held to them;
# after batch10's round of general rules (a paper on its owner group's subdomain, agency credits in a
# section label, a rights line, a stamp line and an aggregator's publisher field, split forum stamps and
# cards, date rows and full-width CJK dates, a print headline joined with its deck) it passes 12 of 12 and
# is held to the common floors: its figures are training figures now.
#
# batch11 arrived blind and was measured once on main 9a97397's rules (3 of 12 pages passed every check; line
# P/R 0.844/0.867, HTML must_contain 0.947 / must_not_contain 1.000, chrome share 0.111, outlet 8/12, date
# 10/12, updated 12/12, headline 12/12, wire 8/12, event 11/12: blind arrival figures) and was held to them;
# after batch11's round of general rules (a share bar one button a line, subtitle cues under timecodes, a
# broadcaster's own programme, bracketed and author-card credits, a body's site on its parent's host, a
# call sign spelled out and a title in an "About" link, a "Posted:" stamp's local date, a lead caption in a
# sidebar) it passes 12 of 12 and is held to the common floors: its figures are training figures now.
# batch12 arrived blind and was measured once on 0cc1ea3 (round eighteen's first fixes; the same report as
# main 8585f85's: 4 of 12 pages passed every check, line P/R 0.589/0.987, HTML must_contain 0.688 /
# must_not_contain 1.000, chrome share 0.349, outlet 9/12, date 10/12, updated 11/12, wire 10/12, headline and
# event 12/12); after batch12's round of general rules (a board's guillemet stamps and replies, a news
# database's record fields, a photo story's slide captions, an acronym masthead, a signed piece's disclaimer,
# programme notes) it meets the common floors: its figures are training figures now.
#
# batch14 arrived blind and was measured once on main 45b1435 and once on 7ba3a80 (2 of 12 pages passed
# every check both times; line P/R 0.793/0.972, chrome share 0.203, outlet 11/12, date 10/12, updated
# 11/12, headline 12/12, wire 9/12, event 11/12); after round twenty-one's general rules (a contents box, a
# rating widget, a feed's footer, a newsgroup archive's replies, a later page looking back to a summit,
# sign-offs and credits naming the wire, a local weekday's stamp, a first publication by its clock) it
# passes 10 of 12 and meets the common floors: its figures are training figures now.
#
# batch15 arrived blind (wt-blind15 0209d9b) and was measured once on 219707d, round twenty-two's probe
# rules, before any rule was written for it (the same report as main d379c25: 4 of 12 pages passed every
# check; line P/R 0.810/0.927, HTML must_contain 0.944 / must_not_contain 0.952, chrome share 0.165,
# outlet 11/12, date 11/12, updated 12/12, headline 10/12, wire 9/12, event 11/12); after round twenty-two's
# general rules for its misses (a board's quote box closed by "Click to expand...", datelines and credit
# lines of new shapes, captions credited in capitals, a date under the story, appeals and offers) it
# passes 11 of 12 and meets the common floors: its figures are training figures now.
#
# batch16 arrived blind (wt-blind16 2509ef3) and was measured once on f09a508, session twelve's first rules,
# before any rule was written for it: 4 of 12 pages passed every check; line P/R 0.884/0.924, HTML
# must_contain 0.867 / must_not_contain 1.000, chrome share 0.133, outlet 11/12, date 10/12, updated 12/12,
# headline 9/12, wire 9/12, event 11/12; after round twenty-seven's general rules for its misses (a
# bulleted summary under the headline, in text or as an HTML list, a post's row of controls and a story
# pasted into a post at its wire dateline, a label counting its stories, datelines with a full stop or a
# bar, a yearless dateline's year from the page's frame, a later meeting elsewhere looking back; data: an
# agency's initials, its own table entry) it passes 12 of 12 and meets the common floors: its figures are
# training figures now.
#
# batch17 arrived blind (wt-blind17 3fee24b) and was measured once on a17c5d4, session thirteen's first
# rules, before any rule was written for it: 4 of 12 pages passed every check; line P/R 0.849/1.000, HTML
# must_contain 1.000 / must_not_contain 1.000, chrome share 0.148, outlet 12/12, date 11/12, updated 12/12,
# headline 11/12, wire 10/12, event 11/12; after round twenty-nine's general rules for its misses (a
# dateline closed by a stop and a dash, an "AGENCY, PLACE, Country" credit line, a breadcrumb's title that
# speaks to the reader, an HTML byline's agency in an element of its own, a tag list's bare heading, a
# comment section's count and moderation notice, a clip's introduction over its player, a paper's plea for
# support, a bracketed remark after the story) it passes 11 of 12 and meets the common floors: its figures
# are training figures now (round thirty's yearly-meeting rule gives its Moscow page no event: 12 of 12).
#
# batch18 arrived blind (wt-blind18 2594b58) and was measured once on 3bd8856, session fourteen's first
# rules, before any rule was written for it: 4 of 12 pages passed every check; line P/R 0.800/0.987, HTML
# must_contain 1.000 / must_not_contain 1.000, chrome share 0.1905 (most of it a forum's reply rows), outlet
# 12/12, date 10/12, updated 12/12, headline 11/12, wire 9/12, event 12/12; after round thirty-two's
# general rules for its misses (a board's posters counted in brackets over stamps with no post number and
# its reply headers, a syndicated story's not-edited note, a quoted line the story prints unquoted, a
# related header printed twice, an agency's writers credited under the story, a place-and-date dateline
# with the agency's bare name, a bulleted summary above a bare agency credit, a zoned <time> printing its
# local day against a UTC stamp) it passes 11 of 12 and meets the common floors: its figures are training
# figures now (left: a paragraph pasted twice, its repeat labelled as body).
#
# batch19 arrived blind (wt-blind19 1381632) and was measured once on ef6ff16, session fifteen's first rules,
# before any rule was written for it: 2 of 12 pages passed every check; line P/R 0.800/0.960, HTML
# must_contain 1.000 / must_not_contain 1.000, chrome share 0.2167 (a forum's rows, an archive's and a
# content farm's chrome), outlet 9/12, date 9/12, updated 10/12, headline 11/12, wire 10/12, event 12/12.
# After round thirty-six's general rules for its misses (a board's stamp split from its post number, a
# labelled bare link, an archive's reuse notice and an editor's bracketed note, an icon's clock word needing
# a clock, a date row split by double slashes with its agency the wire, a sponsor's teaser, a slug's
# six-digit id read as a date where vouched for, update words of other languages as config data, "© AGENCY
# / NAME" in any script and the picture's link under it, a byline-and-date row between a summary's two
# copies, a topic box's counted name) it passes 6 of 12: line P/R 0.990/0.980, chrome share 0.0104, date,
# updated, headline, wire and event 12/12. Its outlet stayed 9/12 until round thirty-seven's general rules
# for the outlet (a service's name under its parent's logo, an owner's possessive opening a site's name
# line, a holding company's "Publishing Company") lifted it to 12/12 and 9 of 12 pages: it meets the
# common floors, and its figures are training figures now.
#
# batch20 arrived blind (wt-blind20 34d901e) and was measured once on 2fe8f6f, session sixteen's first rules,
# before any rule was written for it: 3 of 12 pages passed every check; line P/R 0.837/0.967, HTML
# must_contain 1.000 / must_not_contain 1.000, chrome share 0.1765, outlet 11/12, date 6/12, updated 12/12,
# headline 11/12, wire 11/12, event 11/12. Round thirty-nine (dates and furniture words of other languages),
# written without it, lifted it to 4 of 12: line P/R 0.906/0.967, chrome share 0.1075, date 8/12, headline
# and event 12/12. Round forty's general rules for its misses (a date opening a short URL id where an event
# window vouches, a dateline's place with its land in brackets, a clock's word beside a two-digit-year date,
# a teletext header row's live clock, a player's timecode row and download word, a most-read label and a
# download word of other languages as config data, a '--' signature, a summary box's label over bullets)
# lift it to 8 of 12: line P/R 0.967/0.967, chrome share 0.0460, outlet 11/12, date, updated, headline, wire
# and event 12/12. It meets the common floors, and its figures are training figures now (left: the Usenet
# group as outlet, which batch14 labels the archive's name; a poster's remark over the paste; a caption
# dropped; two paragraphs printed twice, their repeats labelled as body; a teaser ending in "?").
#
# batch21 arrived blind (wt-blind21 918ad07) and was measured once on 5322ad8, session seventeen's first
# rules, before any rule was written for it: 5 of 12 pages passed every check; line P/R 0.800/0.968, HTML
# must_contain 0.923 / must_not_contain 1.000, chrome share 0.2321 (most of it a mailing digest's contents
# list and footer), outlet 11/12, date 11/12, updated 12/12, headline 9/12, wire 9/12, event 11/12. Round
# forty-three's general rules for its misses (a mailing digest's items, a board's "source ^ | date | names"
# row, a dateline's land in brackets before the agency's, check-mark points, a labelled date line over an
# HTML page's lead caption, a time-only update stamp, comment furniture and a text copy's picture label of
# other languages, a row of an article's tools) lift it to 8 of 12: line P/R 1.000/0.968, HTML must_contain
# 1.000, chrome share 0.0000, outlet 11/12, date, updated, headline and wire 12/12, event 11/12. It meets
# the common floors, and its figures are training figures now (left: the Chinese portal's outlet as its
# own script prints it, a content farm's paragraph printed twice, the UNGA 2016 page's event). Round
# forty-five's rule for a site's name in its own script (its title bar's and its chrome's) lifts its outlet
# to 12/12 and 9 of 12 pages.
# Round forty-seven's glued-copyright caption cue lifts its line recall to 0.979.
#
# batch22 arrived blind (wt-blind22 ae211be) and was measured once on a1e1285, session eighteen's first
# rules, before any rule was written for it: 2 of 12 pages passed every check; line P/R 0.937/0.937, HTML
# must_contain 0.929 / must_not_contain 1.000, chrome share 0.0612, outlet 9/12, date 10/12, updated 12/12,
# headline 11/12, wire 12/12, event 12/12. It is held out through session eighteen: no rule is fitted to it.
# Round forty-six took it (with probe38) as training material: its rules lift it to 6 of 12, line P/R
# 0.967/0.937, HTML must_contain 0.929, chrome share 0.0316, outlet 11/12, date 12/12, headline 12/12; its
# line recall and HTML must_contain are still under the common floors, so it keeps its arrival floors.
# Round forty-seven (a caption with its copyright glued to its last word kept, an HTML lead caption put
# back above a lede reprinting the standfirst): 8 of 12, line P/R 0.968/0.947, HTML must_contain 1.000,
# chrome share 0.0309; its recall is still under the floor (four second copies of a paragraph
# printed twice and a lone "PLACE, Land:" line, labelled as the labels' convention elsewhere does not).
#
# batch23 arrived blind (wt-blind23 0cc6605) and was measured once on a32f389, session nineteen's first
# rules, before any rule was written for it: 2 of 12 pages passed every check; line P/R 0.860/0.896, HTML
# must_contain 0.909 / must_not_contain 0.875, chrome share 0.1682 (most of it a Spanish service's rail of
# other stories' titles kept as body), outlet 11/12, date 11/12, updated 12/12, headline 12/12, wire 11/12,
# event 12/12. It is held out through session nineteen: no rule is fitted to it.
# A set that arrives below the common floors is held here to its arrival figures until it meets them.
ARRIVAL_FLOORS: dict[str, dict[str, float]] = {
    "batch22": {
        "line_recall": 0.93,
        "line_precision": 0.9,
        "html_contain": 0.92,
        "chrome_share": 0.07,
        "field": 0.75,
    },
    "batch23": {
        "line_recall": 0.89,
        "line_precision": 0.85,
        "html_contain": 0.9,
        "chrome_share": 0.17,
        "field": 0.9,
    },
}


def test_the_fixture_sets_are_present() -> None:
    assert "batch1" in SETS, f"no fixture set in {PAGES}"


@pytest.mark.parametrize("name", SETS)
def test_fixture_set_meets_the_floors(config: Config, name: str) -> None:
    result = evaluate_set(PAGES / name, config, EXTRA.get(name))
    floors = ARRIVAL_FLOORS.get(name, FLOORS)
    n = result["pages"]
    assert n >= 5
    assert result["line_recall"] >= floors["line_recall"], result["misses"]
    assert result["line_precision"] >= floors["line_precision"], result["misses"]
    assert result["html_contain"] >= floors["html_contain"], result["misses"]
    assert result["chrome_share"] <= floors["chrome_share"], result["misses"]
    for field in FIELDS:
        assert result["metadata"][field] >= floors["field"] * n, (field, result["misses"])
