"""A run of end markers printed together (a share bar one button a line: "Share Article", "Facebook",
"Twitter", "Email", "Print", "Read later") is one marker, not several.

The layout ends the story at a marker after which less prose follows, up to the next marker, than came
before it. Counted button by button, the prose after a share bar is the nothing between two of its own
buttons: a bar printed under the lead's byline and date lines (after a one-sentence standfirst) ended a
story it sits above. The next marker is the first one set apart from the run by a line still open.
"""

from __future__ import annotations

from bot.cleaner.page import Page

__all__ = ["next_apart"]


def next_apart(page: Page, markers: list[int], n: int) -> int:
    """The first marker after markers[n] with an undecided line between it and the run markers[n] opens
    (the page's length when there is none)."""
    last = markers[n]
    for marker in markers[n + 1 :]:
        if any(page.open(i) for i in range(last + 1, marker)):
            return marker
        last = marker
    return len(page.lines)
