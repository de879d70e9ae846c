"""A page's pictures saved by their numbered labels: "Helsinki 1", "Helsinki 2", "Helsinki 3", each on its
own line, set apart above and glued to the picture's caption under it. One label alone reads as a short
subheading; the same words over a run of numbers, each so placed, are the pictures' names (an image's title
or alt text): chrome.
"""

from __future__ import annotations

import re
from collections import defaultdict

from bot.cleaner.page import Page

__all__ = ["mark_numbered_image_labels"]

_LABEL = re.compile(r"^(?P<words>[A-Z][\w'’-]*(?: [\w'’-]+){0,3}) (?P<number>\d{1,2})$")
_RUN = 2  # a definition, not a threshold: one label is no run; two numbers of the same words are


def mark_numbered_image_labels(page: Page) -> None:
    """Lines of the same words with different numbers, each alone on its line right over a caption, are
    pictures' names."""
    runs: dict[str, list[tuple[int, str]]] = defaultdict(list)
    lines = page.lines
    for i, line in enumerate(lines):
        match = _LABEL.match(line.text)
        # set apart above, glued to its caption below (a subheading "Part 2" stands apart from its text)
        apart = (i == 0 or lines[i - 1].blank) and i + 1 < len(lines) and not lines[i + 1].blank
        if match is not None and apart:
            runs[match.group("words")].append((i, match.group("number")))
    for labels in runs.values():
        if len({number for _, number in labels}) < _RUN:
            continue
        for i, _ in labels:
            if page.open(i):
                page.set(i, "drop", "image-name")
