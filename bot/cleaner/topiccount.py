"""A story's topic link under its label: "Topic:" over "G20 Summit in Hangzhou (41)". The label alone on
its line (a word or two and a colon, in any language) and, right under it, a name closed by a count in
brackets (the stories filed under the topic) are the site's topic box, no caption nor standfirst."""

from __future__ import annotations

import re

from bot.cleaner.page import Page

__all__ = ["mark_topic_counts"]

_LABEL = re.compile(r"^[^\W\d_][^\W\d_ ]*(?: [^\W\d_]+)?\s*:$")
_COUNTED = re.compile(r"^[^\W_][^()]{1,80}\s\(\d{1,6}\)$")


def mark_topic_counts(page: Page) -> None:
    """A counted topic name right under a lone label, and the label: chrome."""
    for i, line in enumerate(page.lines):
        if not line.text.endswith(":") or not _LABEL.match(line.text):
            continue
        under = page.next_filled(i)
        if under is not None and page.open(under) and _COUNTED.match(page.lines[under].text):
            page.set(under, "drop", "topic")
            if page.open(i):
                page.set(i, "drop", "topic")
