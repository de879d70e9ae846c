"""Where each raw line belongs: page chrome, headline, dateline, byline, caption, subheading or body.

The page is read in passes. Lines that are chrome by their own shape go first (see `patterns`), then
repeats. The first paragraph of prose that is not a photo caption starts the body; a comment form, a
share bar or a wire footer after the prose ends it. Above the body sit the headline, dateline, byline
and captions; inside it, runs of short lines with no prose between them are related-story teasers.
"""

from __future__ import annotations

import logging
import re

from bot.cleaner.appeal import mark_appeal_boxes
from bot.cleaner.authors import mark_author_over_date
from bot.cleaner.bylines import is_byline
from bot.cleaner.commentlist import mark_comment_list, mark_named_comments
from bot.cleaner.cues import caption_cues, wire_dateline
from bot.cleaner.cutline import keep_cut_last_paragraph
from bot.cleaner.dates import find_date, is_date_only
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
from bot.cleaner.lines import (
    InLonger,
    Line,
    ends_sentence,
    folded,
    is_label,
    is_prose,
    is_title_like,
    word_count,
)
from bot.cleaner.liveblog import mark_live_blog
from bot.cleaner.liveupdate import mark_live_page_header
from bot.cleaner.markerruns import next_apart
from bot.cleaner.mirror import mark_mirror_page
from bot.cleaner.nearcopy import CREDIT_SUFFIX as _CREDIT_SUFFIX
from bot.cleaner.nearcopy import mark_credited_copies
from bot.cleaner.notices import LIVE_ENTRY
from bot.cleaner.page import Decision, Page, is_caption
from bot.cleaner.patterns import (
    AUTHOR_BIO,
    END_REASONS,
    RELATED_HEADER,
    TEASER_MARKERS,
    chrome_reason,
)
from bot.cleaner.repostheading import mark_repost_heading, mark_repost_heading_above
from bot.cleaner.speakerlabel import is_speaker_label
from bot.cleaner.splitpost import mark_remark_over_title, mark_split_stamps
from bot.cleaner.subtitlecues import keep_subtitle_cues
from bot.cleaner.titlecopycredit import mark_credit_under_title_copy
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
    _mark_repeats(page)
    _mark_cut_copies(page)
    mark_credited_copies(page)
    _mark_sandwiched(page)
    mark_appeal_boxes(page)
    _mark_forwarder_note(page)
    mark_share_notes(page)
    mark_mirror_page(page)
    mark_split_stamps(page)
    mark_forum_thread(page)
    mark_comment_list(page)
    mark_named_comments(page)
    mark_live_page_header(page)
    mark_remark_over_title(page)
    mark_quoted_post(page)
    mark_topic_thread(page)
    mark_guest_list(page)
    mark_numbered_image_labels(page)
    mark_notices(page)
    mark_live_blog(page)
    mark_syndicate_tags(page)
    mark_author_over_date(page)
    start = _body_start(page)
    end, cut = _body_end(page, start)
    _mark_related_lists(page, 0, start - 1, header=True)
    mark_repost_heading_above(page, start)
    mark_first_section(page, start)
    lay_out_header(page, start)
    if start < len(lines):
        _restore_body_repeats(page, start, end)
        _lay_out_body(page, start, end)
        _mark_pull_quotes(page, start, end)
        mark_first_entry_title(page, start)
        end = keep_subtitle_cues(page, start, keep_cut_last_paragraph(page, end))
    for i in range(end + 1, len(lines)):
        if page.decisions[i] is None:
            page.set(i, "drop", "blank" if lines[i].blank else "footer")
    mark_credit_under_title_copy(page, end)
    if cut is not None:
        log.debug("article ends at line %d (%s)", lines[cut].number, page.reason(cut))
    return [d if d is not None else Decision("drop", "blank") for d in page.decisions]


def _mark_repeats(page: Page) -> None:
    """A repeat of a kept line is a duplicate; a repeat of a chrome line is that chrome again."""
    first: dict[str, int] = {}
    for i, line in enumerate(page.lines):
        if line.blank:
            continue
        key = folded(line.text)
        if key not in first:
            first[key] = i
            barred = "|" in key or "•" in key  # what every match of each suffix holds
            pictured = "photo" in key or "image" in key or "picture" in key
            short = _SUFFIX.sub("", key) if barred else key  # "CAPTION | License Photo" repeats "CAPTION"
            # "CAPTION Photo: Supplied" repeats a kept "CAPTION"
            credited = _CREDIT_SUFFIX.sub("", key) if pictured else key
            if short != key and short in first:
                key = short
            elif credited != key and credited in first and page.decisions[first[credited]] is None:
                key = credited
            else:
                continue
        if page.decisions[i] is not None or is_speaker_label(line.text):  # a speaker speaking again
            continue
        original = first[key]
        page.repeated[original] = True
        reason = page.reason(original)
        page.set(i, "drop", reason if reason else "duplicate")
        page.copy_of[i] = original


def _mark_cut_copies(page: Page) -> None:
    """A teaser's copy of a paragraph cut short with an ellipsis ("... scheduled for 17:00 Moscow...")
    printed beside the whole paragraph is a duplicate of it."""
    for i, line in enumerate(page.lines):
        cut = _TRUNCATED.search(line.text) if line.text.endswith(("...", "…")) else None
        if cut is None or page.decisions[i] is not None:
            continue
        head = line.text[: cut.start() + 1]
        whole = next(
            (
                j
                for j, other in enumerate(page.lines)
                if j != i and len(other.text) > len(line.text) and other.text.startswith(head)
            ),
            None,
        )
        if whole is not None:
            page.set(i, "drop", "duplicate")
            page.copy_of[i] = whole


def _restore_body_repeats(page: Page, start: int, end: int) -> None:
    """A line in the body that repeats a line of the page header's chrome (a live blog's list of key
    events above its entries) is the body's own line: it is laid out with the body."""
    for i, original in page.copy_of.items():
        header_chrome = original < start and page.reason(original) not in ("", "duplicate")
        if not (header_chrome and page.reason(i) == "duplicate"):
            continue
        if start <= i <= end:
            page.decisions[i] = None
        elif (
            original < i < start
            and all(page.reason(j) for j in range(i + 1, start))
            and not is_label(page.lines[i].text, page.settings)  # a channel's name printed again
        ):
            page.set(i, "subheading")  # the first entry's heading, right above the body


_SUFFIX = re.compile(r"\s+[|•]\s+[^|•]{1,30}$")
# a caption printed again with its photo credit: "CAPTION Photo: Supplied" repeats a kept "CAPTION"
# A transcript's turn: "SPEAKER NAME: words" (counts as prose where the article ends).
_SPEAKER_TURN = re.compile(r"^[A-Z][A-Z .'-]{1,40}(?:, [A-Z][A-Z .'-]{1,30})?:\s+\S")
_SANDWICHED = frozenset({"subscribe", "advertisement", "media-player", "browser-notice", "share"})


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


# a paragraph of finished sentences whose last one introduces a quote: "... agreed. He told the paper:"
_SENTENCES_INTO_QUOTE = re.compile(r"[a-z)][.!?][\"”’]?\s+[A-Z][^.!?:]{2,120}:$")
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


def _is_meta(text: str, settings: CleanerConfig) -> bool:
    return is_date_only(text) or is_byline(text, settings)


def _body_start(page: Page) -> int:
    """The first paragraph of prose (or one opening with a wire dateline) that is neither a caption nor a
    headline sitting on its byline."""
    for i, line in enumerate(page.lines):
        opens = is_prose(line.text, page.settings) or wire_dateline(line.text) is not None  # "X (AP) — ...:"
        if not page.open(i) or not opens or _is_meta(line.text, page.settings):
            continue
        if is_caption(page, i, header=True) or _is_question_headline(page, i):
            continue
        following = page.next_filled(i)
        if following is not None and _is_meta(page.lines[following].text, page.settings):
            continue
        return i
    return _lone_caption(page)


def _lone_caption(page: Page) -> int:
    """A photo page's caption (a long sentence closed by its credit), when the page has no prose: it is
    the page's text."""
    for i, line in enumerate(page.lines):
        long = word_count(line.text) > page.settings.subheading_max_words
        if page.open(i) and long and ends_sentence(line.text) and not _is_meta(line.text, page.settings):
            return i if line.text.endswith(")") else len(page.lines)
    return len(page.lines)


def _is_question_headline(page: Page, i: int) -> bool:
    """A short question or exclamation opening the page (under its date line at most), set apart by a
    blank line, is its headline."""
    text = page.lines[i].text
    first = all(not page.open(j) or is_date_only(page.lines[j].text) for j in range(i))
    apart = i + 1 < len(page.lines) and page.lines[i + 1].blank
    short = word_count(text) <= page.settings.question_headline_max_words
    return first and apart and short and text.rstrip("\"'”’").endswith(("?", "!"))


def _body_end(page: Page, start: int) -> tuple[int, int | None]:
    """The last line of the article's prose, and the end marker (comment form, share bar...) if any."""
    cut = _end_marker(page, start)
    stop = cut if cut is not None else len(page.lines)
    prose = [
        i
        for i in range(start, stop)
        if page.open(i)
        and (
            is_prose(page.lines[i].text, page.settings)
            or _SPEAKER_TURN.match(page.lines[i].text)
            or is_speaker_label(page.lines[i].text)
            or is_prose_with_glued_credit(page.lines[i].text, page.settings)
            or _SENTENCES_INTO_QUOTE.search(page.lines[i].text) is not None
        )
    ]
    while len(prose) > 1 and AUTHOR_BIO.match(page.lines[prose[-1]].text):
        page.set(prose.pop(), "drop", "author-bio")
    return (prose[-1] if prose else start - 1), cut


def _end_marker(page: Page, start: int) -> int | None:
    """The first end marker (a credit, a share bar, a comment form) after which less prose follows, up
    to the next marker, than came before it: a "Source:" credit printed between a standfirst and the
    story is no end."""
    credits = [i for i in range(len(page.lines)) if page.reason(i) == "source-credit"]
    cited = len(credits) > 1  # "Source:" under each item of a photo story cites it; it ends nothing
    markers = [
        i
        for i in range(start + 1, len(page.lines))
        if (page.reason(i) in END_REASONS or _cut_before(page, i))
        and not (cited and i in credits)
        and page.reason(page.next_filled(i) or i) != LIVE_ENTRY  # a sign-off before a live entry
    ]
    for n, marker in enumerate(markers):
        following = next_apart(page, markers, n)  # a bar of several buttons is one marker
        final = page.reason(marker) in _FINAL_REASONS or _cut_before(page, marker)
        if final or _prose_lines(page, marker + 1, following) < _prose_lines(page, start, marker):
            return marker
    return None


def _cut_before(page: Page, marker: int) -> bool:
    """A subscribe prompt right under a paragraph cut short ("... risked embarrassing..."): a paywall's
    teaser ends there, whatever pitch follows."""
    above = page.previous_filled(marker)
    return (
        page.reason(marker) == "subscribe"
        and above != marker
        and _TRUNCATED.search(page.lines[above].text) is not None
    )


# Kinds never printed above a story: after one of them, however much prose follows (a comment thread, a
# publisher's letter), nothing of the article remains.
_FINAL_REASONS = frozenset({"comment-prompt", "tags", "author-card", "appeal", "paywall"})


def _prose_lines(page: Page, start: int, stop: int) -> int:
    """Paragraphs of prose in lines start..stop-1, a photo caption with its own cue left out."""
    return sum(
        1
        for i in range(start, stop)
        if page.open(i)
        and is_prose(page.lines[i].text, page.settings)
        and not caption_cues(page.lines[i].text)[0]
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
        elif word_count(text) <= page.settings.dateline_max_words and is_date_only(text):
            # another story's date in a list, a stamp between paragraphs
            page.set(i, "drop", "date-line")
        elif is_prose(text, page.settings) or is_prose_with_glued_credit(text, page.settings):
            page.set(i, "body")
        elif TEASER_MARKERS.search(text):
            page.set(i, "drop", "related-teaser")
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


def _mark_pull_quotes(page: Page, start: int, end: int) -> None:
    """A short kept line printed again inside a longer paragraph is a pull quote: the paragraph keeps it."""
    kept = [i for i in range(end + 1) if page.decisions[i] in (Decision("body"), Decision("caption"))]
    texts = {i: folded(page.lines[i].text) for i in kept}
    inside = InLonger(list(texts.values()))
    for i in (i for i in kept if i >= start):
        quote = texts[i].strip("\"'“”‘’ ")
        if inside(quote, len(texts[i])) and word_count(quote) <= page.settings.pull_quote_max_words:
            page.set(i, "drop", "pull-quote")


# a teaser's excerpt cut short: "Investing.com — A group of publishers have initiated a challenge..."
_TRUNCATED = re.compile(r"\w(?:\.{3}|…)\s*$")


def _mark_related_lists(page: Page, start: int, end: int, *, header: bool = False) -> None:
    """A "Related:" / "Read more:" line and the story links under it, up to the next prose; above the
    body, up to a blank line or a line that is not a dated link ("Title - March 3, 2021") or a bullet."""
    i = start
    while i <= end:
        # a "READ MORE:" line the furniture pass already dropped still heads the links under it
        heads = page.open(i) or page.reason(i) == "read-more"
        if not (heads and RELATED_HEADER.match(page.lines[i].text)):
            i += 1
            continue
        page.set(i, "drop", "related-teaser")
        i += 1
        while i <= end and (
            page.lines[i].blank
            or not is_prose(page.lines[i].text, page.settings)
            or _TRUNCATED.search(page.lines[i].text)
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
