"""Where each raw line belongs: page chrome, headline, dateline, byline, caption, subheading or body.

The page is read in passes. Lines that are chrome by their own shape go first (see `patterns`), then
repeats (see `repeats`). The first paragraph of prose that is not a photo caption starts the body; a
comment form, a share bar or a wire footer after the prose ends it (see `bodybounds`). Above the body
sit the headline, dateline, byline and captions; inside it, runs of short lines with no prose between
them are related-story teasers.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable

from bot.cleaner.appeal import mark_appeal_boxes
from bot.cleaner.authors import mark_author_over_date
from bot.cleaner.bodybounds import body_end, body_start
from bot.cleaner.bulletlabel import mark_bullet_labels
from bot.cleaner.bylines import is_byline
from bot.cleaner.clipintro import mark_clip_intros
from bot.cleaner.closinghead import keep_closing_heading
from bot.cleaner.commentlist import (
    mark_archive_replies,
    mark_comment_list,
    mark_named_comments,
    mark_stamped_comments,
)
from bot.cleaner.countedrail import mark_counted_rail
from bot.cleaner.cues import caption_cues
from bot.cleaner.cutline import keep_cut_last_paragraph
from bot.cleaner.dates import find_date, is_date_only, is_yearless_date_only
from bot.cleaner.digestitems import mark_digest_items
from bot.cleaner.document import mark_first_section, mark_notices
from bot.cleaner.endtags import mark_syndicate_tags
from bot.cleaner.entries import mark_first_entry_title
from bot.cleaner.envelope import mark_share_notes
from bot.cleaner.forum import mark_forum_thread
from bot.cleaner.forumquote import mark_quoted_post
from bot.cleaner.gluedcredit import is_prose_with_glued_credit
from bot.cleaner.guestlist import mark_guest_list
from bot.cleaner.header import lay_out_header
from bot.cleaner.imagelabels import mark_numbered_image_labels
from bot.cleaner.inlineheadline import is_inline_headline
from bot.cleaner.lines import InLonger, Line, folded, is_label, is_prose, is_title_like, word_count
from bot.cleaner.liveblog import mark_live_blog
from bot.cleaner.liveupdate import mark_live_page_header
from bot.cleaner.mirror import mark_mirror_page
from bot.cleaner.nearcopy import mark_credited_copies
from bot.cleaner.newsroomrow import mark_newsroom_row
from bot.cleaner.page import Decision, Page, is_caption
from bot.cleaner.patterns import READ_ALSO, RELATED_HEADER, TEASER_MARKERS, chrome_reason
from bot.cleaner.postcount import mark_counted_posters
from bot.cleaner.repeats import (
    TRUNCATED,
    keep_standfirst_copy,
    mark_contents_box,
    mark_credit_between_copies,
    mark_cut_copies,
    mark_repeats,
    mark_story_copy,
    restore_body_repeats,
)
from bot.cleaner.repostheading import mark_repost_heading, mark_repost_heading_above
from bot.cleaner.sigblock import mark_signature_blocks
from bot.cleaner.splitpost import mark_remark_over_title, mark_split_stamps
from bot.cleaner.sponsored import mark_sponsored_teasers
from bot.cleaner.subtitlecues import keep_subtitle_cues
from bot.cleaner.tablerows import mark_column_labels
from bot.cleaner.tabstrip import mark_tab_labels
from bot.cleaner.teaserquestion import mark_appended_link, mark_inserted_question
from bot.cleaner.teasersummary import is_teaser_summary
from bot.cleaner.titlecopycredit import mark_credit_under_title_copy
from bot.cleaner.topiccount import mark_topic_counts
from bot.cleaner.topicthread import mark_topic_thread
from bot.config import CleanerConfig

__all__ = ["KEPT_KINDS", "META_KINDS", "Decision", "is_byline", "is_caption", "lay_out"]

log = logging.getLogger(__name__)

KEPT_KINDS = frozenset({"body", "caption", "subheading"})
META_KINDS = frozenset({"headline", "dateline", "byline"})
_CREDIT_REASONS = frozenset({"photo-credit"})


def lay_out(lines: list[Line], settings: CleanerConfig) -> list[Decision]:
    """A decision for every line of the page, in order."""
    page = Page(lines, settings)
    for i, line in enumerate(lines):
        reason = chrome_reason(line.text, page.settings)
        if reason is not None:
            page.set(i, "drop", reason)
    for mark in _PAGE_MARKERS:
        mark(page)
    start = body_start(page)
    end, cut = body_end(page, start)
    _mark_related_lists(page, 0, start - 1, header=True)
    mark_repost_heading_above(page, start)
    mark_first_section(page, start)
    lay_out_header(page, start)
    if start < len(lines):
        restore_body_repeats(page, start, end)
        _lay_out_body(page, start, end)
        mark_inserted_question(page, start, end)
        mark_appended_link(page, start, end)
        mark_story_copy(page, start, end)
        keep_standfirst_copy(page, start, end)
        _mark_pull_quotes(page, start, end)
        mark_first_entry_title(page, start)
        end = keep_subtitle_cues(page, start, keep_cut_last_paragraph(page, end))
        _mark_closing_labels(page, start, end)
        end = keep_closing_heading(page, start, end)
    for i in range(end + 1, len(lines)):
        if page.decisions[i] is None:
            page.set(i, "drop", "blank" if lines[i].blank else "footer")
    mark_credit_under_title_copy(page, end)
    if cut is not None:
        log.debug("article ends at line %d (%s)", lines[cut].number, page.reason(cut))
    return [d if d is not None else Decision("drop", "blank") for d in page.decisions]


def _mark_closing_labels(page: Page, start: int, end: int) -> None:
    """A label read as a subheading (a few capitalised words, no punctuation) with no paragraph after it
    heads nothing: a name signing the story off ("Jane Roe" under its last paragraph) or a box's label,
    chrome. A transcript's closing turn ("NAME: Thanks.") is no label."""
    for i in range(end, start - 1, -1):
        decision = page.decisions[i]
        kind = decision.kind if decision is not None else None
        if kind == "body":
            return
        if kind == "subheading" and is_label(page.lines[i].text, page.settings):
            page.set(i, "drop", "sign-off")


_SANDWICHED = frozenset({"subscribe", "meter", "advertisement", "media-player", "browser-notice", "share"})


def _mark_sandwiched(page: Page) -> None:
    """A line between two lines of the same block of chrome (a sign-up box, an ad slot), or right under a
    sponsor's "Presented by NAME" label with more chrome right under it (its offer in a newsletter), is
    that chrome;
    a short line right under a player's timecode (no blank between) is the clip's title."""
    filled = [i for i, line in enumerate(page.lines) if not line.blank]
    for before, i, after in zip(filled, filled[1:], filled[2:], strict=False):
        reason = page.reason(before)
        ad = (  # a sponsor's offer right under its "Presented by NAME" label, more chrome right under it
            _SPONSOR.match(page.lines[before].text) is not None
            and before + 2 == after
            and page.reason(after) not in ("", "blank")
        )
        if page.decisions[i] is None and ((reason in _SANDWICHED and page.reason(after) == reason) or ad):
            if reason == "media-player" and is_prose(page.lines[i].text, page.settings):
                continue  # a sentence between a player's strings describes the clip: the page's text
            page.set(i, "drop", reason)
    for i in range(1, len(page.lines)):
        under_clock = page.reason(i - 1) == "media-player" and _TIMECODE.match(page.lines[i - 1].text)
        if (
            under_clock
            and page.open(i)
            and word_count(page.lines[i].text) <= page.settings.subheading_max_words
        ):
            page.set(i, "drop", "media-player")


_SPONSOR = re.compile(r"^(?:presented|sponsored|brought to you) by\b", re.IGNORECASE)
_TIMECODE = re.compile(r"^-?\d{1,2}:\d{2}\b")


def _mark_forwarder_note(page: Page) -> None:
    """Above a forwarded message's divider sit the forwarder's subject and note: chrome, except the date
    the message was sent; the forwarded story (its headline, byline and text) follows the divider."""
    dividers = [i for i in range(len(page.lines)) if page.reason(i) == "forward-divider"]
    if not dividers:
        return
    for i in range(dividers[-1]):
        if page.open(i) and not is_date_only(page.lines[i].text):
            page.set(i, "drop", "forwarder-note")


def _prose(page: Page, text: str) -> bool:
    return is_prose(text, page.settings) or is_prose_with_glued_credit(text, page.settings)


# a clock beside a month and day marks a stamp ("0844 HRS, SEPT 25"); a day alone may head a timeline's entry
_CLOCK = re.compile(r"\b\d{1,2}[:.]\d{2}\b|\b\d{4}\s*hrs\b", re.IGNORECASE)
# a label that introduces a link to another story, never a paragraph of this one
_LINK_LABEL = re.compile(
    rf"^(?:related|{READ_ALSO})(?:\s+(?:on|at|from)\s+[^:]{{1,40}})?\s*:\s*\S"
    # a list item under a label in capitals between paragraphs: "- WATCH: Title", "- ANALYSIS: Title"
    r"|^[-•–]\s+(?-i:[A-Z]{4,12}):\s+\S",
    re.IGNORECASE,
)


def _lay_out_body(page: Page, start: int, end: int) -> None:
    """Inside the body: teaser blocks and "Related:" link lists go; prose, captions, subheadings stay."""
    _mark_lead_metadata(page, start, end)
    _mark_related_lists(page, start, end)
    mark_repost_heading(page, start, end)
    for run in _short_line_runs(page, start, end):
        last = page.lines[run[-1]].text
        if len(run) >= page.settings.teaser_min_run and (
            is_title_like(last, page.settings) or TEASER_MARKERS.search(last)
        ):
            for i in run:  # a caption with its own cue ("Image: ...", a glued credit) stays a caption
                if page.decisions[i] is None and not caption_cues(page.lines[i].text)[0]:
                    page.set(i, "drop", "related-teaser")
    for i in range(start, end + 1):
        if not page.open(i):
            continue
        text = page.lines[i].text
        if is_caption(page, i, header=False):
            page.set(i, "caption")
        elif word_count(text) <= page.settings.dateline_max_words and (
            is_date_only(text) or (is_yearless_date_only(text) and _CLOCK.search(text))
        ):  # another story's date in a list, a stamp between paragraphs or under them ("0844 HRS, SEPT 25")
            page.set(i, "drop", "date-line")
        elif _LINK_LABEL.match(text) or (
            not (prose := _prose(page, text))
            and (TEASER_MARKERS.search(text) or is_inline_headline(text, page.settings))
        ):  # "RELATED: Could the war end?" however prose-like; another story's headline between paragraphs
            page.set(i, "drop", "related-teaser")
        elif prose:
            page.set(i, "body")
        elif word_count(text) <= page.settings.subheading_max_words:
            page.set(i, "subheading")
        else:
            page.set(i, "body")


def _mark_lead_metadata(page: Page, start: int, end: int) -> None:
    """A byline or a date line among the story's first paragraphs (under a standfirst that opened the
    body) is the article's metadata, not a teaser."""
    prose = 0
    for i in range(start, end + 1):
        if prose > page.settings.dateline_paragraphs:
            return
        text = page.lines[i].text
        if RELATED_HEADER.match(text):  # the dates below it are other stories'
            return
        if not page.open(i):
            continue
        if is_prose(text, page.settings):
            prose += 1
        elif is_date_only(text):
            page.set(i, "dateline")
        elif is_byline(text, page.settings):
            page.set(i, "byline")


_QUOTED = re.compile(r"^[\"“‘'].{2,}[\"”’']$")  # a line set in quotation marks from end to end


def _mark_pull_quotes(page: Page, start: int, end: int) -> None:
    """A short kept line printed again inside a longer paragraph is a pull quote: the paragraph keeps it.
    So is a line taken for a subheading set in quotation marks whose words the story prints unquoted (a
    quoted phrase heading a section, "'Gaps of trust'", is quoted in the story too)."""
    kept = [i for i in range(end + 1) if page.decisions[i] in (Decision("body"), Decision("caption"))]
    texts = {i: folded(page.lines[i].text) for i in kept}
    inside = InLonger(list(texts.values()))
    for i in (i for i in kept if i >= start):
        quote = texts[i].strip("\"'“”‘’ ")
        if inside(quote, len(texts[i])) and word_count(quote) <= page.settings.pull_quote_max_words:
            page.set(i, "drop", "pull-quote")
    for i in range(start, end + 1):
        text = page.lines[i].text
        if page.decisions[i] == Decision("subheading") and _QUOTED.match(text):
            quote = re.escape(folded(text).strip("\"'“”‘’ "))
            unquoted = re.compile(rf"(?<![\"'“”‘’]){quote}(?![\"'“”‘’])")
            if any(unquoted.search(texts[j]) for j in kept if len(texts[j]) > len(text)):
                page.set(i, "drop", "pull-quote")


def _mark_related_lists(page: Page, start: int, end: int, *, header: bool = False) -> None:
    """A "Related:" / "Read more:" line and the story links under it, up to the next prose; above the
    body, up to a blank line or a line that is not a dated link ("Title - March 3, 2021") or a bullet."""
    i = start
    while i <= end:
        # a "READ MORE:" line the furniture pass already dropped still heads the links under it
        # (and a header printed again, dropped as a duplicate, heads the links under its second copy)
        heads = page.open(i) or page.reason(i) in ("read-more", "duplicate")
        if not (heads and RELATED_HEADER.match(page.lines[i].text)):
            i += 1
            continue
        page.set(i, "drop", "related-teaser")
        i += 1
        while i <= end and (
            page.lines[i].blank
            or not is_prose(page.lines[i].text, page.settings)
            or TRUNCATED.search(page.lines[i].text)
            or (not header and is_teaser_summary(page, i))
        ):
            text = page.lines[i].text
            if header and (not text or (word_count(text) > 1 and find_date(text) is None)):
                break
            if page.open(i):
                page.set(i, "drop", "related-teaser")
            i += 1


def _short_line_runs(page: Page, start: int, end: int) -> list[list[int]]:
    """Runs of adjacent lines (no blank between) that are not prose: captions, credits, link titles."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i in range(start, end + 1):
        line = page.lines[i]
        short = (page.open(i) and not is_prose(line.text, page.settings)) or page.reason(i) in _CREDIT_REASONS
        if short:
            current.append(i)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs


# The page-wide markers, run in this order before the body is found: each marks the lines of one kind
# of chrome (or of a page shape) that no later rule may take back.
_PAGE_MARKERS: tuple[Callable[[Page], None], ...] = (
    mark_column_labels,
    mark_digest_items,
    mark_newsroom_row,
    mark_contents_box,
    mark_repeats,
    mark_cut_copies,
    mark_credited_copies,
    mark_credit_between_copies,
    _mark_sandwiched,
    mark_clip_intros,
    mark_appeal_boxes,
    mark_sponsored_teasers,
    mark_topic_counts,
    mark_counted_rail,
    mark_signature_blocks,
    mark_bullet_labels,
    mark_tab_labels,
    _mark_forwarder_note,
    mark_share_notes,
    mark_mirror_page,
    mark_split_stamps,
    mark_counted_posters,
    mark_forum_thread,
    mark_comment_list,
    mark_named_comments,
    mark_stamped_comments,
    mark_archive_replies,
    mark_live_page_header,
    mark_remark_over_title,
    mark_quoted_post,
    mark_topic_thread,
    mark_guest_list,
    mark_numbered_image_labels,
    mark_notices,
    mark_live_blog,
    mark_syndicate_tags,
    mark_author_over_date,
)
