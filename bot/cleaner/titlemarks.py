"""A footnote mark closing a headline: a book's or a journal's reprint prints its title with "*" (or "†")
pointing to a note on where the text first appeared. The mark is no part of the headline a reader cites."""

from __future__ import annotations

import re

__all__ = ["without_footnote_mark"]

_MARK = re.compile(r"(?<=[\w.!?)”\"'’])\s*[*†‡]{1,3}$")


def without_footnote_mark(title: str) -> str:
    """The title without a footnote mark at its end: "Build an Open World Economy*" is "Build an Open
    World Economy"."""
    return _MARK.sub("", title)
