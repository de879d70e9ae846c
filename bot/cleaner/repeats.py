"""Lines a page prints again: an exact repeat takes its original's decision (a duplicate of a kept line,
the same chrome again), a teaser's copy cut short with an ellipsis is a duplicate of the whole paragraph,
a body line repeating a line of the page header's chrome is given back to the body, and a contents box
(a "Table of Contents" label, perhaps a "Toggle" button, then the section headings the page prints again
below, numbered or not) is chrome: the headings below are the text."""

from __future__ import annotations

import re

from bot.cleaner.dates import find_date
from bot.cleaner.lines import ends_sentence, folded, is_label
from bot.cleaner.nearcopy import CREDIT_SUFFIX
from bot.cleaner.page import Decision, Page
from bot.cleaner.speakerlabel import is_speaker_label
from bot.cleaner.twicecaption import named_tail_copy

__all__ = [
    "TRUNCATED",
    "keep_standfirst_copy",
    "mark_contents_box",
    "mark_credit_between_copies",
    "mark_cut_copies",
    "mark_repeats",
    "mark_story_copy",
    "restore_body_repeats",
]

# a teaser's excerpt cut short: "Investing.com — A group of publishers have initiated a challenge..."
TRUNCATED = re.compile(r"\w(?:\.{3}|…)\s*$")
# the same cut marked in brackets after a space: "... a one-day trip to the United […]"
_BRACKETED_CUT = re.compile(r"\w\s*[\[(](?:\.{3}|…)[\])]\s*$")
# a short tail after a bar or a bullet: "CAPTION | License Photo" repeats "CAPTION"
_SUFFIX = re.compile(r"\s+[|•]\s+[^|•]{1,30}$")
_CONTENTS = re.compile(
    r"^(?:table of contents|contents|in this (?:article|post|story|guide)|jump to(?: section)?|on this page)"
    r"\s*:?$",
    re.IGNORECASE,
)
_TOGGLE = re.compile(r"^[\[(]?(?:toggle|show|hide|show/hide|expand|collapse)[\])]?$", re.IGNORECASE)
_ENTRY_MARK = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2})*[.)]?|[•·*-])\s+")
_LEAST_ENTRIES = 2  # a definition: a contents box lists sections, more than one


def mark_repeats(page: Page) -> None:
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
            credited = CREDIT_SUFFIX.sub("", key) if pictured else key
            named = named_tail_copy(line.text)  # "CAPTION. Agency Name" repeats "CAPTION."
            if short != key and short in first:
                key = short
            elif credited != key and credited in first and page.decisions[first[credited]] is None:
                key = credited
            elif named is not None and named in first and page.decisions[first[named]] is None:
                key = named
            else:
                continue
        if page.decisions[i] is not None or is_speaker_label(line.text):  # a speaker speaking again
            continue
        original = first[key]
        page.repeated[original] = True
        reason = page.reason(original)
        page.set(i, "drop", reason if reason else "duplicate")
        page.copy_of[i] = original


def mark_cut_copies(page: Page) -> None:
    """A teaser's copy of a paragraph cut short with an ellipsis ("... scheduled for 17:00 Moscow...",
    "... to the United […]") printed beside the whole paragraph is a duplicate of it."""
    for i, line in enumerate(page.lines):
        cut = _cut(line.text)
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


def _cut(text: str) -> re.Match[str] | None:
    """Where a line cut short ends its last word ("...Moscow..." or "...United […]"), if it is one."""
    if text.endswith(("...", "…")):
        return TRUNCATED.search(text)
    if text.endswith(("]", ")")):
        return _BRACKETED_CUT.search(text)
    return None


def restore_body_repeats(page: Page, start: int, end: int) -> None:
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


def mark_story_copy(page: Page, start: int, end: int) -> None:
    """Of a paragraph printed twice in the body, the story's copy is the one among its paragraphs: when
    the first copy stands alone between lines of chrome (a news reader's card: a source's name and "2 hours
    ago" above it, other stories' links under it) and the second opens the paragraphs that follow, the
    second is the body and the first the card's duplicate."""
    body = Decision("body")
    for i, original in sorted(page.copy_of.items()):
        if not (start <= original < i <= end) or page.reason(i) != "duplicate":
            continue
        if page.decisions[original] != body:
            continue
        above, below = page.previous_filled(original), page.next_filled(original)
        alone = above != original and below is not None and below != i and _chrome(page, above, below)
        after = page.next_filled(i)
        if alone and after is not None and page.decisions[after] == body:
            page.decisions[i] = body
            page.set(original, "drop", "duplicate")
            page.copy_of[original] = i
            del page.copy_of[i]


def keep_standfirst_copy(page: Page, start: int, end: int) -> None:
    """A standfirst under the headline printed again right under itself as the story's first paragraph:
    the site prints its summary and then the story, which opens with the same words; both copies are the
    article's text (a copy anywhere else stays a duplicate)."""
    body = Decision("body")
    for i, original in page.copy_of.items():
        if not (start <= original < i <= end) or page.reason(i) != "duplicate":
            continue
        above = page.previous_filled(original)
        if (
            page.decisions[original] == body
            and page.next_filled(original) == i
            and above != original
            and page.decisions[above] == Decision("headline")
        ):
            page.decisions[i] = body
            return


def _chrome(page: Page, *lines: int) -> bool:
    return all((decision := page.decisions[j]) is not None and decision.kind == "drop" for j in lines)


def mark_contents_box(page: Page) -> None:
    """A contents box: its label, its toggle and the entries whose headings the page prints again below
    them are chrome ("contents")."""
    lines = page.lines
    for i, line in enumerate(lines):
        if not _CONTENTS.match(line.text) or not page.open(i):
            continue
        box = [i]
        j = page.next_filled(i)
        if j is not None and _TOGGLE.match(lines[j].text):
            box.append(j)
            j = page.next_filled(j)
        entries: list[int] = []
        while j is not None and _printed_below(page, j):
            entries.append(j)
            j = page.next_filled(j)
        if len(entries) < _LEAST_ENTRIES:
            continue
        for k in box + entries:
            if page.open(k):
                page.set(k, "drop", "contents")


def _printed_below(page: Page, i: int) -> bool:
    """Line i's heading (its number or bullet taken off) is printed again as a line further down."""
    heading = folded(_ENTRY_MARK.sub("", page.lines[i].text))
    return bool(heading) and any(folded(line.text) == heading for line in page.lines[i + 1 :])


_MOST_CREDIT_LINES = 2  # not a threshold: a photographer's name, and the agency under it


def mark_credit_between_copies(page: Page) -> None:
    """A caption printed twice with a lone name between the copies (the photographer's credit, printed
    under the picture's alternative text and above its visible caption): the name is the photo's credit.
    The repeated line is a sentence (a caption ends with its stop; a headline printed twice does not)."""
    for i, original in page.copy_of.items():
        between = [j for j in range(original + 1, i) if not page.lines[j].blank]
        if not between or len(between) > _MOST_CREDIT_LINES or not ends_sentence(page.lines[original].text):
            continue
        # a line stating a date is the story's byline-and-date row, no photographer's credit
        if any(find_date(page.lines[j].text) is not None for j in between):
            continue
        if all(page.open(j) and is_label(page.lines[j].text, page.settings) for j in between):
            for j in between:
                page.set(j, "drop", "photo-credit")
