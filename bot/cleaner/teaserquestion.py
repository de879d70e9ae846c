"""Another story's title printed as a question between two paragraphs: a link the page inserted.

Content farms and some news sites drop a link to another story between a story's paragraphs; its title
is often a question ("Have the two sides managed to agree on Syria?"). A subheading can be a question
too, but an explainer asks several, each over the paragraphs that answer it. A question standing alone
as the only short line in the body, with a paragraph of prose right above and right below it, heads
nothing: it is the inserted link.
"""

from __future__ import annotations

import re

from bot.cleaner.headline import LIST_MARK
from bot.cleaner.lines import is_prose, word_count
from bot.cleaner.page import Decision, Page

__all__ = ["mark_appended_link", "mark_inserted_question"]

_QUOTES = "\"'“”‘’«»"
_SUBHEADING = Decision("subheading")
_BODY = Decision("body")
_INNER_END = re.compile(r"[a-z]{2}[.!?…][\"'”’»)]*\s+[\"“‘«]?[A-Z]")  # "U.S. managed" is one sentence


def mark_inserted_question(page: Page, start: int, end: int) -> None:
    """Drop the body's one short question when it stands alone between two paragraphs of prose and the
    body has no subheadings."""
    if any(page.decisions[i] == _SUBHEADING for i in range(start, end + 1)):
        return  # a page with subheadings: its questions head sections
    asked = [i for i in range(start, end + 1) if page.decisions[i] == _BODY and _lone_question(page, i)]
    if len(asked) != 1:
        return
    i = asked[0]
    text = page.lines[i].text
    if not text.endswith("?") or text[0] in _QUOTES or ":" in text:
        return  # a quoted question is somebody's words; "Q:" / "NAME:" opens a turn
    above, below = page.previous_filled(i), page.next_filled(i)
    if above == i or below is None or not (_prose_body(page, above) and _prose_body(page, below)):
        return
    page.set(i, "drop", "related-teaser")


def _lone_question(page: Page, i: int) -> bool:
    """One short sentence, a question."""
    text = page.lines[i].text
    short = word_count(text) <= page.settings.subheading_max_words
    return short and text.endswith("?") and _INNER_END.search(text) is None


def _prose_body(page: Page, i: int) -> bool:
    return (
        page.decisions[i] == _BODY
        and is_prose(page.lines[i].text, page.settings)
        and not _lone_question(page, i)
    )


_PARAGRAPH_AND_LINK = 2  # a definition: a paragraph of the story, then the link under it


def mark_appended_link(page: Page, start: int, end: int) -> None:
    """The body's last line, a list item alone (the body lists nothing else), set apart from the prose
    paragraph above it by a blank line: a link to another story the page appended ("  • Title?"), not
    a point of the story (a story's points come several to a list)."""
    kept = [i for i in range(start, end + 1) if page.decisions[i] == _BODY]
    if len(kept) < _PARAGRAPH_AND_LINK or any(LIST_MARK.match(page.lines[i].text) for i in kept[:-1]):
        return
    last = kept[-1]
    above = page.previous_filled(last)
    apart = above < last - 1  # a blank line between
    if LIST_MARK.match(page.lines[last].text) and apart and above == kept[-2] and _prose_body(page, above):
        page.set(last, "drop", "related-teaser")
