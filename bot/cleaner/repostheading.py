"""A reposted piece's heading inside a blog post: its title over a "from NAME" credit line.

A blogger who pastes another site's piece under a lead-in prints the piece's title and, right under
it, "from NAME" (the site it came from). Two short lines in a row look like a teaser's links; read as a
pair, the title is the post's subheading and the credit line is chrome (`creditfields` reads NAME as
the wire). Only a pair with prose after it is read so: inside the story, or right over it under the
blogger's lead-in (a line ending in a colon), which then opens the story: the piece's title is then no
candidate for the post's headline.
"""

from __future__ import annotations

import re

from bot.cleaner.lines import is_prose
from bot.cleaner.page import Page
from bot.cleaner.titlefields import LEAD_IN_MIN_WORDS, is_lead_in

__all__ = ["FROM_CREDIT", "mark_repost_heading", "mark_repost_heading_above"]

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


def mark_repost_heading_above(page: Page, start: int) -> None:
    """A lead-in, a title and a "from NAME" line right over the story's first paragraph: the lead-in
    opens the story, the title is its subheading, the credit line chrome."""
    credit = page.previous_filled(start) if start < len(page.lines) else start
    if credit == start or not (page.open(credit) and FROM_CREDIT.match(page.lines[credit].text.strip())):
        return
    title = page.previous_filled(credit)
    lead = page.previous_filled(title)
    if title in (credit, lead) or not (page.open(title) and page.open(lead)):
        return
    text = page.lines[lead].text
    if is_prose(page.lines[title].text, page.settings) or not is_lead_in(text):
        return
    if len(text.split()) >= LEAD_IN_MIN_WORDS:
        page.set(lead, "body")
        page.set(title, "subheading")
        page.set(credit, "drop", "source-credit")
