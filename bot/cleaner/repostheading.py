"""A reposted piece's heading inside a blog post: its title over a "from NAME" credit line.

A blogger who pastes another site's piece under a lead-in prints the piece's title and, right under
it, "from NAME" (the site it came from). Two short lines in a row look like a teaser's links; read as a
pair, the title is the post's subheading and the credit line is chrome (`creditfields` reads NAME as
the wire). Only a pair with prose after it, inside the story, is read so.
"""

from __future__ import annotations

import re

from bot.cleaner.lines import is_prose
from bot.cleaner.page import Page

__all__ = ["FROM_CREDIT", "mark_repost_heading"]

# "from International Observer": a source's proper name of one to four words
FROM_CREDIT = re.compile(r"^(?:from|via)\s+(?P<name>[A-Z][\w.&'’-]*(?: [A-Z][\w.&'’-]*){0,3})$")


def mark_repost_heading(page: Page, start: int, end: int) -> None:
    """A title line right over a "from NAME" line, with prose under them: a subheading and a credit."""
    for i in range(start + 1, end + 1):
        if not (page.open(i) and FROM_CREDIT.match(page.lines[i].text.strip())):
            continue
        title, after = i - 1, page.next_filled(i)
        prose_after = after is not None and is_prose(page.lines[after].text, page.settings)
        if page.open(title) and not is_prose(page.lines[title].text, page.settings) and prose_after:
            page.set(title, "subheading")
            page.set(i, "drop", "source-credit")
