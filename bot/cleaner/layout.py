"""Where each raw line belongs: page chrome, headline, dateline, byline, caption, subheading or body.

The page is read in passes. Lines that are chrome by their own shape go first (see `patterns`), then
repeats. The first paragraph of prose that is not a photo caption starts the body; a comment form, a
share bar or a wire footer after the prose ends it. Above the body sit the headline, dateline, byline
and captions; inside it, runs of short lines with no prose between them are related-story teasers.
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass

from bot.cleaner.dates import find_date, is_date_only
from bot.cleaner.lines import (
    STOPWORDS,
    Line,
    ends_sentence,
    is_prose,
    is_title_like,
    lowercase_share,
    word_count,
    words,
)
from bot.cleaner.patterns import (
    AUTHOR_BIO,
    END_REASONS,
    RELATED_HEADER,
    TEASER_MARKERS,
    caption_cues,
    chrome_reason,
)
from bot.config import CleanerConfig
from bot.text import normalize

__all__ = ["KEPT_KINDS", "META_KINDS", "Decision", "is_byline", "is_caption", "lay_out"]

log = logging.getLogger(__name__)

KEPT_KINDS = frozenset({"body", "caption", "subheading"})
META_KINDS = frozenset({"headline", "dateline", "byline"})
_CREDIT_REASONS = frozenset({"photo-credit"})


@dataclass(frozen=True, slots=True)
class Decision:
    """What a line is: "drop" (with a reason), a metadata line, or a kept paragraph of some role."""

    kind: str
    reason: str = ""


class _Page:
    """The lines of one page and the decisions taken on them so far."""

    def __init__(self, lines: list[Line], settings: CleanerConfig) -> None:
        self.lines = lines
        self.settings = settings
        self.decisions: list[Decision | None] = [None] * len(lines)
        self.repeated = [False] * len(lines)
        self.copy_of: dict[int, int] = {}  # a duplicate line -> the line it repeats

    def open(self, i: int) -> bool:
        return self.decisions[i] is None and not self.lines[i].blank

    def set(self, i: int, kind: str, reason: str = "") -> None:
        self.decisions[i] = Decision(kind, reason)

    def reason(self, i: int) -> str:
        decision = self.decisions[i]
        return decision.reason if decision is not None else ""

    def next_filled(self, i: int) -> int | None:
        """The next non-blank line after i, if any."""
        return next((j for j in range(i + 1, len(self.lines)) if not self.lines[j].blank), None)


def lay_out(lines: list[Line], settings: CleanerConfig | None = None) -> list[Decision]:
    """A decision for every line of the page, in order."""
    page = _Page(lines, settings or CleanerConfig())
    for i, line in enumerate(lines):
        reason = chrome_reason(line.text)
        if reason is not None:
            page.set(i, "drop", reason)
    _mark_repeats(page)
    _mark_sandwiched(page)
    start = _body_start(page)
    end, cut = _body_end(page, start)
    _lay_out_header(page, start)
    if start < len(lines):
        _restore_body_repeats(page, start, end)
        _lay_out_body(page, start, end)
        _mark_pull_quotes(page, start, end)
    for i in range(end + 1, len(lines)):
        if page.decisions[i] is None:
            page.set(i, "drop", "blank" if lines[i].blank else "footer")
    if cut is not None:
        log.debug("article ends at line %d (%s)", lines[cut].number, page.reason(cut))
    return [d if d is not None else Decision("drop", "blank") for d in page.decisions]


def _mark_repeats(page: _Page) -> None:
    """A repeat of a kept line is a duplicate; a repeat of a chrome line is that chrome again."""
    first: dict[str, int] = {}
    for i, line in enumerate(page.lines):
        if line.blank:
            continue
        key = normalize(line.text).casefold()
        if key not in first:
            first[key] = i
            short = _SUFFIX.sub("", key)  # "CAPTION | License Photo" repeats "CAPTION"
            if short == key or short not in first:
                continue
            key = short
        if page.decisions[i] is not None:
            continue
        original = first[key]
        page.repeated[original] = True
        reason = page.reason(original)
        page.set(i, "drop", reason if reason else "duplicate")
        page.copy_of[i] = original


def _restore_body_repeats(page: _Page, start: int, end: int) -> None:
    """A line in the body that repeats a line of the page header's chrome (a live blog's list of key
    events above its entries) is the body's own line: it is laid out with the body."""
    for i, original in page.copy_of.items():
        header_chrome = original < start and page.reason(original) not in ("", "duplicate")
        if not (header_chrome and page.reason(i) == "duplicate"):
            continue
        if start <= i <= end:
            page.decisions[i] = None
        elif original < i < start and all(page.reason(j) for j in range(i + 1, start)):
            page.set(i, "subheading")  # the first entry's heading, right above the body


# "Published: 10:17 BST, 29 September 2015 | Updated: ..." - a date line with more than one stamp
_DATE_LABEL = re.compile(r"^(?:first\s+)?(?:published|posted|date|dated|issued)\b\s*(?:on\s+)?:?", re.I)
_CREDIT_LABEL = re.compile(r"^(?:author|authors|written by|words by|reporter|reported by|byline)\s*:", re.I)


def _names_only(text: str) -> bool:
    """A byline without "By": people's names (two or three capitalised words each) joined by "and",
    "&" or ",", each perhaps followed by "in PLACE" ("Jane Roe in Kyiv and Tom Poe in Warsaw")."""
    if any(c in text for c in ':;!?"“”'):
        return False
    parts = re.split(r"\s*(?:,|\s&\s|\sand\s)\s*", text.strip())
    people = [re.split(r"\s+in\s+", part, maxsplit=1) for part in parts]
    if len(people) < 2 and not all(len(p) == 2 for p in people):
        return False
    return all(_is_name(p[0], 2, 3) and (len(p) == 1 or _is_name(p[1], 1, 3)) for p in people)


def _is_name(text: str, low: int, high: int) -> bool:
    tokens = text.split()
    return low <= len(tokens) <= high and all(
        t[0].isupper() and t.replace(".", "").replace("-", "").replace("'", "").isalpha() for t in tokens
    )


_SUFFIX = re.compile(r"\s+[|•]\s+[^|•]{1,30}$")
# A transcript's turn: "SPEAKER NAME: words" (counts as prose where the article ends).
_SPEAKER_TURN = re.compile(r"^[A-Z][A-Z .'-]{1,40}(?:, [A-Z][A-Z .'-]{1,30})?:\s+\S")
_SANDWICHED = frozenset({"subscribe", "advertisement", "media-player", "browser-notice", "share"})


def _mark_sandwiched(page: _Page) -> None:
    """A line between two lines of the same block of chrome (a sign-up box, an ad slot) is that chrome."""
    filled = [i for i, line in enumerate(page.lines) if not line.blank]
    for before, i, after in zip(filled, filled[1:], filled[2:], strict=False):
        reason = page.reason(before)
        if page.decisions[i] is None and reason in _SANDWICHED and page.reason(after) == reason:
            page.set(i, "drop", reason)


def is_caption(page: _Page, i: int, *, header: bool) -> bool:
    """A photo caption: a strong cue anywhere, or a photo credit on the next line; above the body,
    weaker cues or being printed twice."""
    text = page.lines[i].text
    strong, weak = caption_cues(text)
    credited = i + 1 < len(page.lines) and page.reason(i + 1) == "photo-credit" and word_count(text) > 5
    if strong or credited:
        return True
    if not header:
        return False
    return weak >= 2 or (weak >= 1 and (page.repeated[i] or not ends_sentence(text)))


def is_byline(text: str) -> bool:
    """A byline: "By NAME", "Posted on DATE by NAME", "NAME Desk", or a short credit and a date."""
    count = word_count(text)
    lowered = text.lower()
    if (_CREDIT_LABEL.match(text) and count <= 14) or _names_only(text):
        return True
    if lowered.rstrip(": ") == "by" or (
        lowered.startswith("by ") and count <= 12 and not ends_sentence(text)
    ):
        return True
    if lowered.startswith(("posted on ", "posted by ", "published by ")) and count <= 14:
        return True
    if count <= 6 and lowered.rsplit(" ", 1)[-1] in {"desk", "staff", "bureau", "newsroom", "correspondent"}:
        return True
    found = find_date(text)
    if found is None or is_date_only(text):
        return False
    before, _, after = text.partition(found.source)
    credit = before.strip(" ,|/-–—")
    return 1 <= word_count(credit) <= 5 and is_date_only(found.source + after) and not ends_sentence(credit)


def _is_meta(text: str) -> bool:
    return is_date_only(text) or is_byline(text)


def _body_start(page: _Page) -> int:
    """The first paragraph of prose that is neither a caption nor a headline sitting on its byline."""
    for i, line in enumerate(page.lines):
        if not page.open(i) or not is_prose(line.text) or _is_meta(line.text):
            continue
        if is_caption(page, i, header=True) or _is_question_headline(page, i):
            continue
        following = page.next_filled(i)
        if following is not None and _is_meta(page.lines[following].text):
            continue
        return i
    return len(page.lines)


def _is_question_headline(page: _Page, i: int) -> bool:
    """A short question or exclamation opening the page, set apart by a blank line, is its headline."""
    text = page.lines[i].text
    first = all(not page.open(j) for j in range(i))
    apart = i + 1 < len(page.lines) and page.lines[i + 1].blank
    return first and apart and word_count(text) <= 15 and text.rstrip("\"'”’").endswith(("?", "!"))


def _body_end(page: _Page, start: int) -> tuple[int, int | None]:
    """The last line of the article's prose, and the end marker (comment form, share bar...) if any."""
    cut = next(
        (i for i in range(start + 1, len(page.lines)) if page.reason(i) in END_REASONS),
        None,
    )
    stop = cut if cut is not None else len(page.lines)
    prose = [
        i
        for i in range(start, stop)
        if page.open(i) and (is_prose(page.lines[i].text) or _SPEAKER_TURN.match(page.lines[i].text))
    ]
    while len(prose) > 1 and AUTHOR_BIO.match(page.lines[prose[-1]].text):
        page.set(prose.pop(), "drop", "author-bio")
    return (prose[-1] if prose else start - 1), cut


def _lay_out_header(page: _Page, start: int) -> None:
    """Above the body: datelines, bylines, captions, the headline; the rest is page header."""
    _mark_related_lists(page, 0, start - 1, header=True)
    header = [i for i in range(start) if page.open(i)]
    for n, i in enumerate(header):
        text = page.lines[i].text
        if is_date_only(text):
            page.set(i, "dateline")
        elif is_byline(text) or (n and page.lines[header[n - 1]].text.lower().rstrip(": ") == "by"):
            page.set(i, "byline")
        elif _DATE_LABEL.match(text) and find_date(text) and word_count(text) <= 25:
            page.set(i, "dateline")
        elif is_caption(page, i, header=True):
            page.set(i, "caption")
    headline = _choose_headline(page, header)
    if headline is not None:
        page.set(headline, "headline")
    _mark_photo_titles(page, header)
    _mark_page_clocks(page, header, headline)
    for i in header:
        if page.decisions[i] is None:
            if is_prose(page.lines[i].text):
                page.set(i, "body")
            else:
                page.set(i, "drop", "page-header")


def _mark_photo_titles(page: _Page, header: list[int]) -> None:
    """A short title printed right above a caption (no blank line between) belongs to the photo."""
    for i in header:
        text = page.lines[i].text
        alpha = [w for w in words(text) if w[0].isalpha()]
        if page.decisions[i] is not None or word_count(text) > 6 or ends_sentence(text) or len(alpha) < 2:
            continue
        following = i + 1
        if following < len(page.lines) and page.decisions[following] == Decision("caption"):
            page.set(i, "caption")


def _headline_shaped(text: str, settings: CleanerConfig) -> bool:
    """A line that may be a headline: of a headline's length, and not a lone name or a section label
    (a few words, every one capitalised, with nothing else: no verb in lower case, no punctuation)."""
    count = word_count(text)
    if not settings.headline_min_words <= count <= settings.headline_max_words:
        return False
    content = [w for w in words(text) if w[0].isalpha() and w.lower() not in STOPWORDS]
    capitalised = bool(content) and all(w[0].isupper() for w in content)
    return not (count <= 4 and capitalised and not any(c in text for c in ":?!'\"‘’“”"))


def _is_standfirst(text: str, headline: str) -> bool:
    """A summary printed under a headline of some length (not a tagline under a site name): longer than
    it and written as a sentence, in lower case."""
    count = word_count(text)
    return (
        word_count(headline) >= 6
        and count >= 12
        and count > word_count(headline)
        and lowercase_share(text) >= 0.5
    )


def _choose_headline(page: _Page, header: list[int]) -> int | None:
    """The title-length line the breadcrumb ends with, else the last one before the byline/dateline."""
    candidates = [
        i for i in header if page.decisions[i] is None and _headline_shaped(page.lines[i].text, page.settings)
    ]
    if not candidates:
        return None
    crumbs = [page.lines[i].text for i in range(len(page.lines)) if page.reason(i) == "breadcrumb"]
    for crumb in crumbs:
        last = normalize(crumb.replace("›", "|").replace("»", "|").split("|")[-1]).casefold()
        match = next((i for i in candidates if normalize(page.lines[i].text).casefold() == last), None)
        if match is not None:
            return match
    metas = [i for i in header if page.decisions[i] in (Decision("dateline"), Decision("byline"))]
    after_candidate = [m for m in metas if m > candidates[0]]
    chosen = max(i for i in candidates if i < after_candidate[0]) if after_candidate else candidates[-1]
    above = [i for i in candidates if i < chosen]
    if not (above and page.next_filled(above[-1]) == chosen):
        return chosen
    headline, under = page.lines[above[-1]].text, page.lines[chosen].text
    if _is_standfirst(under, headline):
        page.set(chosen, "body")
        return above[-1]
    if word_count(headline) * 2 >= word_count(under):  # a deck under the headline, not a kicker above it
        page.set(chosen, "drop", "deck")
        return above[-1]
    return chosen


def _mark_page_clocks(page: _Page, header: list[int], headline: int | None) -> None:
    """A date line beside a site clock, or above the headline when a dated byline follows it, is the
    page header's clock (often the day the page was scraped), never the article's date."""
    dated_after = headline is not None and any(
        page.decisions[i] in (Decision("dateline"), Decision("byline"))
        and i > headline
        and find_date(page.lines[i].text) is not None
        for i in header
    )
    for i in header:
        if page.decisions[i] != Decision("dateline"):
            continue
        beside_clock = any(page.reason(j) == "page-clock" for j in (i - 1, i + 1) if 0 <= j < len(page.lines))
        above_headline = headline is not None and i < headline
        if beside_clock or (dated_after and above_headline):
            page.set(i, "drop", "page-clock")
    datelines = [i for i in header if page.decisions[i] == Decision("dateline")]
    for i in datelines[1:]:
        page.set(i, "drop", "page-clock")


def _lay_out_body(page: _Page, start: int, end: int) -> None:
    """Inside the body: teaser blocks and "Related:" link lists go; prose, captions, subheadings stay."""
    _mark_related_lists(page, start, end)
    for run in _short_line_runs(page, start, end):
        last = page.lines[run[-1]].text
        if len(run) >= 2 and (is_title_like(last) or TEASER_MARKERS.search(last)):
            for i in run:
                if page.decisions[i] is None:
                    page.set(i, "drop", "related-teaser")
    for i in range(start, end + 1):
        if not page.open(i):
            continue
        text = page.lines[i].text
        if is_caption(page, i, header=False):
            page.set(i, "caption")
        elif is_prose(text):
            page.set(i, "body")
        elif TEASER_MARKERS.search(text):
            page.set(i, "drop", "related-teaser")
        elif word_count(text) <= 20:
            page.set(i, "subheading")
        else:
            page.set(i, "body")


def _mark_pull_quotes(page: _Page, start: int, end: int) -> None:
    """A short kept line printed again inside a longer paragraph is a pull quote: the paragraph keeps it."""
    kept = [i for i in range(end + 1) if page.decisions[i] in (Decision("body"), Decision("caption"))]
    texts = {i: normalize(page.lines[i].text).casefold() for i in kept}
    for i in (i for i in kept if i >= start):
        quote = texts[i].strip("\"'“”‘’ ")
        if word_count(quote) <= 40 and any(quote in texts[j] for j in kept if len(texts[j]) > len(texts[i])):
            page.set(i, "drop", "pull-quote")


def _mark_related_lists(page: _Page, start: int, end: int, *, header: bool = False) -> None:
    """A "Related:" / "Read more:" line and the story links under it, up to the next prose; above the
    body, up to a blank line or a line that is not a dated link ("Title - March 3, 2021") or a bullet."""
    i = start
    while i <= end:
        if not (page.open(i) and RELATED_HEADER.match(page.lines[i].text)):
            i += 1
            continue
        page.set(i, "drop", "related-teaser")
        i += 1
        while i <= end and (page.lines[i].blank or not is_prose(page.lines[i].text)):
            text = page.lines[i].text
            if header and (not text or (word_count(text) > 1 and find_date(text) is None)):
                break
            if page.open(i):
                page.set(i, "drop", "related-teaser")
            i += 1


def _short_line_runs(page: _Page, start: int, end: int) -> list[list[int]]:
    """Runs of adjacent lines (no blank between) that are not prose: captions, credits, link titles."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i in range(start, end + 1):
        line = page.lines[i]
        short = (page.open(i) and not is_prose(line.text)) or page.reason(i) in _CREDIT_REASONS
        if short:
            current.append(i)
            continue
        if current:
            runs.append(current)
        current = []
    if current:
        runs.append(current)
    return runs
