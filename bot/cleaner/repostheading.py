"""A reposted piece's heading inside a blog post: its title over a "from NAME" credit line.

A blogger who pastes another site's piece under a lead-in prints the piece's title and, right under
it, "from NAME" (the site it came from). Two short lines in a row look like a teaser's links; read as a
pair, the title is the post's subheading and the credit line is chrome (`creditfields` reads NAME as
the wire). Only a pair with prose after it is read so: inside the story, or right over it under the
blogger's lead-in (a line ending in a colon), which then opens the story: the piece's title is then no
candidate for the post's headline. A lead-in over a section's short heading over the first paragraph
reads the same way ("Following is the gist of the meeting:" / "Peace treaty talks" / "Speaker: ...").
"""

from __future__ import annotations

import re

from bot.cleaner.lines import is_prose, word_count
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
    """A lead-in over a heading right over the story's first paragraph: the lead-in opens the story and
    the heading is its subheading. The heading is a reposted piece's title over its "from NAME" line
    (the line chrome), or a section's heading ("Following is the gist:" / "Peace treaty talks" /
    "Speaker: ...")."""
    if start >= len(page.lines):
        return
    above = page.previous_filled(start)
    credit = above if FROM_CREDIT.match(page.lines[above].text.strip()) else None
    heading = page.previous_filled(above) if credit is not None else above
    lead = page.previous_filled(heading)
    if len({start, above, heading, lead}) < (4 if credit is not None else 3):
        return
    if not all(page.open(i) for i in (heading, lead, *([credit] if credit is not None else []))):
        return
    text = page.lines[heading].text.strip()
    section = word_count(text) <= _HEADING_MAX_WORDS and not text.endswith((".", ":", "!", "?"))
    if (
        (credit is not None or section)
        and not is_prose(text, page.settings)
        and _lead_in(page.lines[lead].text)
    ):
        page.set(lead, "body")
        page.set(heading, "subheading")
        if credit is not None:
            page.set(credit, "drop", "source-credit")


_HEADING_MAX_WORDS = 8  # not a threshold: a section's heading is a few words ("Northern Territories issue")


def _lead_in(text: str) -> bool:
    return is_lead_in(text) and word_count(text) >= LEAD_IN_MIN_WORDS
