"""A photo caption printed twice a few words apart: a page's picture with its alternative text and its
visible caption, both ending in the same credit ("... investment. Photo: NAME" and, under it, the same
sentence with "who" added and curly apostrophes). The second copy is a duplicate of the first.

Evidence that combines: both lines end in the same photo credit, and their words differ by at most
`near_copy_max_word_edits` words put in or left out (the credits and a place-and-date lead-in aside; "U.S."
and "US" one word), with enough words left over for the lines to be sentences rather than labels. Exact
repeats are left to the layout's repeat pass.
"""

from __future__ import annotations

import difflib
import re

from bot.cleaner.lines import folded
from bot.cleaner.page import Page

__all__ = ["CREDIT_SUFFIX", "mark_credited_copies"]

# a photo credit closing a caption: "... investment. Photo: Agency Images"
CREDIT_SUFFIX = re.compile(r"\s+(?:photo|image|picture)s?\s*(?:credit)?\s*[:/]\s*\S.{0,30}$")
# a bracketed one, "... in 2015. (Photo by Office/Agency/Images)", whose sources may run long
_BRACKET_CREDIT = re.compile(r"\s*\((?:photo|image|picture)s?\s+(?:by|credit|courtesy)\b[^()]{1,160}\)$")
_WORD = re.compile(r"\w+")
_FEWEST_WORDS = 6  # not a threshold: a caption that is a sentence, not a label ("Photo: NAME" alone)


def _credited(text: str) -> tuple[str, list[str]] | None:
    """(the credit, the caption's words) of a line closing with a photo credit, or None."""
    key = folded(text)
    credit = CREDIT_SUFFIX.search(key) or _BRACKET_CREDIT.search(key)
    if credit is None:
        return None
    # "U.S." and "US" are one word; an apostrophe joins its word
    words = _WORD.findall(key[: credit.start()].replace("’", "'").replace("'", "").replace(".", ""))
    return (credit.group(0).strip(), words) if len(words) >= _FEWEST_WORDS else None


def _edits(first: list[str], second: list[str]) -> int:
    """Words put in or left out between two word lists, a lead-in one of them alone opens with aside
    (a place and date label before a caption's copy: "NEW YORK, SEPTEMBER 28: ...")."""
    matcher = difflib.SequenceMatcher(a=first, b=second, autojunk=False)
    blocks = matcher.get_matching_blocks()
    kept = sum(block.size for block in blocks)
    lead = min(blocks[0].a, blocks[0].b) == 0 and blocks[0].size > 0
    lead_in = max(blocks[0].a, blocks[0].b) if lead else 0
    return len(first) + len(second) - 2 * kept - lead_in


def mark_credited_copies(page: Page) -> None:
    """Drop a later credited caption that is an earlier one's copy a few words apart."""
    most = page.settings.near_copy_max_word_edits
    seen: list[tuple[int, str, list[str]]] = []
    for i, line in enumerate(page.lines):
        low = line.text.lower()
        pictured = "photo" in low or "image" in low or "picture" in low  # what every credit holds
        credited = _credited(line.text) if pictured and page.open(i) else None
        if credited is None:
            continue
        credit, words = credited
        near = (j for j, c, w in seen if c == credit and w != words and _edits(w, words) <= most)
        original = next(near, None)
        if original is None:
            seen.append((i, credit, words))
            continue
        page.repeated[original] = True
        page.set(i, "drop", "duplicate")
        page.copy_of[i] = original
