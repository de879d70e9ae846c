"""A photo caption printed twice in a row under the headline.

A page that shows a picture under its headline often prints the caption twice, once as the image's
alternative text and once under it, with no cue a caption usually has (no credit, no "(L)", no
"pictured"). Two copies of one line back to back, right under the headline's dek (a longer line of
running text), are that caption; the same line twice at the top of the page, or under a section label,
a date or a site's tagline, is the headline printed twice (a page's title and its heading). A sentence
printed again right under itself with a source's name glued after it ("... at the UN. The Independent")
is a caption wherever it sits: the name credits the photo (so does a name glued onto the sentence's
last word with no space, "... President PutinThinkstock", where the page lost the line break), and so
is a line printed twice that closes with a source's name in brackets ("... in Antalya (Reuters)", both
copies alike). A line printed again on the next line with a caption's credit after it ("... at the
lunch" over "... at the lunch (Photo: Agency)") is the same caption, its first copy the picture's
alternative text.
"""

from __future__ import annotations

import re

from bot.cleaner.lines import folded, is_label, is_title_like, lowercase_share, word_count
from bot.cleaner.page import Decision, Page

__all__ = ["is_twice_printed_caption", "mark_credited_copies", "named_tail_copy"]

_HEADLINE_AND_DEK = 2  # not a threshold: the lines above the caption, a headline and its dek
# a sentence, then a capitalised name of one to four words ending the line: "... Assembly. The Independent"
_NAMED_TAIL = re.compile(r"(?<=[A-Za-z0-9][.!?])[\"'”’)]?\s*(?:[A-Z][\w&'’.-]*)(?:\s+[A-Z][\w&'’.-]*){0,3}$")


# a source's name in brackets closing the line, one to four capitalised words that are no media label
# ("(Reuters)", "(Jane Doe/AFP)"; not "(VIDEO)", "(Live)")
_BRACKETED_SOURCE = re.compile(
    r"\s\((?!(?i:video|photos?|gallery|live|watch|updated?|audio)\))[A-Z][\w&'’./-]*(?:\s+[A-Z][\w&'’./-]*){0,3}\)$"
)


# a capitalised name or an agency's acronym glued onto the line's last word with no space, where the page
# lost the break between a caption and its credit: "... Vladimir PutinThinkstock", "... the summitGetty
# Images", "... in New YorkAFP" (two small letters before it: "iPhone", "McDonald" are words)
_GLUED_TAIL = re.compile(r"(?<=[a-z]{2})(?:[A-Z][a-z][\w&'’.-]*(?:\s+[A-Z][\w&'’.-]*){0,2}|[A-Z]{2,6})$")
_GLUED_REACH = 80  # not a threshold: a name of three words is sought in the line's last characters


def named_tail_copy(text: str) -> str | None:
    """The folded sentence a line repeats when a source's name is glued after it (after its full stop, or
    onto its last word with no space), or None."""
    if not text[-1:].isalnum():  # every tail ends in a name's letter
        return None
    tail = _NAMED_TAIL.search(text) or _GLUED_TAIL.search(text, max(0, len(text) - _GLUED_REACH))
    return folded(text[: tail.start()]) if tail is not None and tail.start() > 0 else None


def is_twice_printed_caption(page: Page, header: list[int], n: int) -> bool:
    """True when header line header[n], no lone name, is printed again on the next line and sits right
    under a dek (a longer line of running text in sentence case, not yet taken for a dateline, byline or
    caption) with a line above that."""
    i = header[n]
    following = page.next_filled(i)
    if following is None or page.copy_of.get(following) != i:
        return False
    if named_tail_copy(page.lines[following].text) == folded(page.lines[i].text):
        return True  # the copy credits a source: the line is a photo's
    if _BRACKETED_SOURCE.search(page.lines[i].text):
        return True  # both copies credit a source in brackets: "... in Antalya, Turkey (Reuters)"
    if n < _HEADLINE_AND_DEK:
        return False
    if is_label(page.lines[i].text, page.settings):  # a name printed twice: a credit, a byline
        return False
    above = header[n - 1]
    text = page.lines[above].text
    settings = page.settings
    return (
        page.previous_filled(i) == above
        and page.decisions[above] is None
        and word_count(text) >= max(settings.prose_min_words, word_count(page.lines[i].text))
        and lowercase_share(text) >= settings.prose_min_lowercase
        and not is_title_like(text, settings)
    )


def mark_credited_copies(page: Page, header: list[int]) -> None:
    """Mark (in place) as a caption each open header line the next line prints again with more after it,
    that longer copy a caption: the credit is the picture's, so both lines are (the copy dropped)."""
    for i in header:
        following = page.next_filled(i)
        if (
            page.decisions[i] is not None
            or following is None
            or page.decisions[following] != Decision("caption")
        ):
            continue
        line, copy = folded(page.lines[i].text), folded(page.lines[following].text)
        if len(copy) > len(line) and copy.startswith(line) and not copy[len(line)].isalnum():
            page.set(i, "caption")
            page.set(following, "drop", "duplicate")  # one caption kept, as a copy printed alike is
