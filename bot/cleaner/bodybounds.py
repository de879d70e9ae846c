"""Where the article's text begins and ends on a page: the first paragraph of prose that is no caption
nor headline, and the last one before an end marker (a credit, a share bar, a comment form) after which
less prose follows than came before it."""

from __future__ import annotations

import re

from bot.cleaner.blogheader import is_site_tagline
from bot.cleaner.bylines import is_byline
from bot.cleaner.cues import caption_cues, wire_dateline
from bot.cleaner.dates import is_date_only
from bot.cleaner.gluedcredit import is_prose_with_glued_credit
from bot.cleaner.lines import ends_sentence, is_prose, word_count
from bot.cleaner.markerruns import next_apart
from bot.cleaner.notices import LIVE_ENTRY
from bot.cleaner.page import Page, is_caption
from bot.cleaner.patterns import AUTHOR_BIO, END_REASONS
from bot.cleaner.repeats import TRUNCATED
from bot.cleaner.speakerlabel import is_speaker_label
from bot.config import CleanerConfig

__all__ = ["body_end", "body_start"]

# A transcript's turn: "SPEAKER NAME: words" (counts as prose where the article ends).
_SPEAKER_TURN = re.compile(r"^[A-Z][A-Z .'-]{1,40}(?:, [A-Z][A-Z .'-]{1,30})?:\s+\S")
# a paragraph wholly in square brackets after the story's last one: a poster's or an editor's remark on
# the copy ("[Ninety minutes and nothing new.]"), no part of it
_BRACKETED_NOTE = re.compile(r"^\[[^\[\]]{3,400}\]$")
# a paragraph of finished sentences whose last one introduces a quote: "... agreed. He told the paper:"
_SENTENCES_INTO_QUOTE = re.compile(r"[a-z)][.!?][\"”’]?\s+[A-Z][^.!?:]{2,120}:$")


def _is_meta(text: str, settings: CleanerConfig) -> bool:
    return is_date_only(text) or is_byline(text, settings)


def body_start(page: Page) -> int:
    """The first paragraph of prose (or one opening with a wire dateline) that is neither a caption nor a
    headline sitting on its byline."""
    for i, line in enumerate(page.lines):
        opens = is_prose(line.text, page.settings) or wire_dateline(line.text) is not None  # "X (AP) — ...:"
        if not page.open(i) or not opens or _is_meta(line.text, page.settings):
            continue
        if is_caption(page, i, header=True) or _is_question_headline(page, i) or is_site_tagline(page, i):
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


def body_end(page: Page, start: int) -> tuple[int, int | None]:
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
            or _named_turn(page, i)
            or is_prose_with_glued_credit(page.lines[i].text, page.settings)
            or _SENTENCES_INTO_QUOTE.search(page.lines[i].text) is not None
        )
    ]
    while len(prose) > 1 and _writer_bio(page, prose):
        page.set(prose.pop(), "drop", "author-bio")
    while len(prose) > 1 and _BRACKETED_NOTE.match(page.lines[prose[-1]].text):
        page.set(prose.pop(), "drop", "bracketed-note")
    if cut is not None and len(prose) > 1 and _set_apart_over_marker(page, prose[-1], cut):
        page.set(prose.pop(), "drop", "author-bio")
    return (prose[-1] if prose else start - 1), cut


_OPENING_NAME = re.compile(r"^[A-Z][\w.'’-]+(?:\s+[A-Z][\w.'’-]+){1,3}(?=\s)")


def _writer_bio(page: Page, prose: list[int]) -> bool:
    """The last prose line is a writer's bio ("Jane Roe is a correspondent for ..."), unless the name
    opening it is one the story's paragraphs above name already: a person of the story, not its writer."""
    text = page.lines[prose[-1]].text
    if not AUTHOR_BIO.match(text):
        return False
    name = _OPENING_NAME.match(text)
    above = (page.lines[i].text for i in prose[:-1])
    return name is None or not any(name.group(0) in line for line in above)


_WIDE_GAP = 2  # not a threshold: two blank lines, a wider gap than a paragraph's


def _set_apart_over_marker(page: Page, i: int, cut: int) -> bool:
    """Line i, one short sentence, set apart from the story by two blank lines and right over the end
    marker (a share bar) with only blanks between: the writer's one-line bio, no paragraph of the story."""
    short = word_count(page.lines[i].text) <= page.settings.prose_min_words * 2
    gap = i >= _WIDE_GAP and all(page.lines[j].blank for j in range(i - _WIDE_GAP, i))
    return short and gap and all(page.lines[j].blank for j in range(i + 1, cut))


# a transcript's turn under a speaker's name in title case: "Jane Roe, Correspondent: Thank you."
_NAMED_TURN = re.compile(
    r"^(?P<name>[A-Z][\w.'’-]+(?: [A-Z][\w.'’-]+){1,3}(?:, [A-Z][\w.'’ -]{1,40})?):\s+\S"
)


def _named_turn(page: Page, i: int) -> bool:
    """Line i is a turn of a transcript: its speaker's name (two words or more) opens another turn too."""
    turn = _NAMED_TURN.match(page.lines[i].text)
    if turn is None:
        return False
    label = turn.group("name") + ":"
    return any(j != i and line.text.startswith(label) for j, line in enumerate(page.lines))


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
        and TRUNCATED.search(page.lines[above].text) is not None
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
