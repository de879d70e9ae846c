"""A discussion-board thread (vBulletin, XenForo and kin) reposting a story inside a post's quote block.

Such a thread prints each post under a stamp with its number ("07-16-2018, 09:48 PM #1"), a poster's
card under it (name, rank, "Join Date:", "Location:", "Posts:"), quote markers ("Quote:", "Originally
Posted by NAME") and signatures. Read by kind, never by board:

- the post stamps, poster cards and quote markers are chrome (`POST_STAMP` also serves the date: the
  first post's stamp is when the thread, and so the repost, was published);
- above the first post only the thread's title is kept (it is printed again as the first post's title);
  board notices ("If this is your first visit, ...") and thread tools ("Linear Mode") are chrome;
- in the first post, when a quote block follows the poster's own remark, the remark is chrome: the quoted
  story is the text, up to its source link or the next post; what follows it (the poster's own words,
  signatures, the replies) is chrome; a box with no opening marker that the board closes with "Click to
  expand..." opens under the poster's lead-in ending in a colon; a story pasted with no box opens with its
  wire dateline ("UNITED NATIONS (AP) — ...");
- with no copy of the thread's title, the line above its "Thread starter NAME" row is the title;
- a board that prints its stamps in guillemets ("« Reply #2 on: DATE »", Simple Machines' shape) prints
  the poster's card above the stamp and the thread's title right above it.
"""

from __future__ import annotations

import re

from bot.cleaner.cues import wire_dateline
from bot.cleaner.dates import MONTH_START
from bot.cleaner.lines import is_prose
from bot.cleaner.page import Page

__all__ = ["FORUM_PATTERNS", "POST_STAMP", "mark_forum_thread"]

_I = re.IGNORECASE

# A post's stamp with its number: "07-16-2018, 09:48 PM #1", "16.07.2018, 21:48 #12", "Today, 09:48 PM #3",
# "Jul 16, 2018 #1", "16 July 2018 at 21:48 #2".
POST_STAMP = re.compile(
    r"^(?:(?:\d{1,2}[-/.]\d{1,2}[-/.](?:\d{2}|\d{4})|today|yesterday),?\s+\d{1,2}:\d{2}(?:\s*[ap]\.?m\.?)?"
    rf"|(?:{MONTH_START}\s\d{{1,2}},?\s\d{{4}}|\d{{1,2}}\s{MONTH_START}\s\d{{4}})(?:(?:,|\sat)\s+\d{{1,2}}:\d{{2}}"
    r"(?:\s*[ap]\.?m\.?)?)?)\s*#\s?\d{1,6}$",
    _I,
)
# A post's byline stamp: "Post by NAME on Sept 28, 2015 at 10:14pm" (ProBoards' shape).
_POSTED_BY = re.compile(
    rf"^post by \S{{1,40}} on {MONTH_START}\s\d{{1,2}},?\s\d{{4}}"
    r"(?:\s+at\s+\d{1,2}:\d{2}\s*[ap]\.?m\.?)?$",
    _I,
)
# A board's stamp in guillemets: "« on: September 05, 2016, 02:41:07 PM »", "« Reply #3 on: DATE »".
_BOARD_STAMP = re.compile(r"^«\s*(?:reply\s*#\s?\d{1,6}\s+)?on:\s[^«»]{6,60}»$", _I)
_QUOTE_MARKER = re.compile(r"^(?:quote|originally posted by\b.{0,60}|.{1,40}\bwrote)\s*:?$", _I)
# A poster card's fields: "Join Date: Feb 2011", "Location: Oulu", "Posts: 6,418".
_CARD_FIELD = re.compile(
    r"^(?:join(?:ed)? date|joined|location|posts|messages|reputation|rep power|karma|gender)\s*:.{0,40}$", _I
)

# vBulletin prints the post's number on a line of its own under the stamp, and an icon's word before
# it ("Old" or "New", the post's read state): "Old 09-28-2015, 09:52 PM" over "#1"
_SPLIT_STAMP = re.compile(
    r"^(?:(?:old|new)\s+)?(?:\d{1,2}[-/.]\d{1,2}[-/.](?:\d{2}|\d{4})|today|yesterday),?\s+\d{1,2}:\d{2}"
    r"(?:\s*[ap]\.?m\.?)?$",
    _I,
)
_POST_NUMBER = re.compile(r"^#\s?\d{1,6}$")
_STARTER = re.compile(r"^thread starter\s+\S.{0,40}$", _I)  # "Thread starter NAME" under the title
_EXPAND = re.compile(r"^click to expand\s*(?:\.\.\.|…)?$", _I)

FORUM_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("post-stamp", POST_STAMP),
    ("post-stamp", _BOARD_STAMP),
    ("post-stamp", _POSTED_BY),
    # a post's end and tools: "Logged" over a signature's end, "Report to moderator"
    ("forum-chrome", re.compile(r"^(?:logged|report to moderator)$", _I)),
    ("forum-chrome", re.compile(r"^(?:quote|originally posted by\b.{0,60})\s*:?$", _I)),
    ("forum-chrome", _CARD_FIELD),
    ("forum-chrome", _EXPAND),
    # a link post's submission line: "apnews.com · submitted 2 days ago by NAME"
    (
        "forum-chrome",
        re.compile(
            r"^(?:[\w-]+(?:\.[\w-]+)+\s*[·|•-]\s*)?submitted\s+\d{1,3}\s+\w+\s+ago\s+by\s+\S{1,40}$", _I
        ),
    ),
    # a board's first-visit notice and its thread tools and display modes
    ("forum-chrome", re.compile(r"^if this is your first visit\b.{0,300}$", _I)),
    (
        "forum-chrome",
        re.compile(r"^(?:(?:switch to )?(?:linear|hybrid|threaded) mode|thread tools|display modes?)$", _I),
    ),
)


def mark_forum_thread(page: Page) -> None:
    """On a thread with numbered post stamps: the lines above the first post but its title, the poster's
    card under each stamp, and the poster's own remark above a quoted story in the first post, are chrome."""
    _mark_split_stamps(page)
    stamps = [i for i, d in enumerate(page.decisions) if d is not None and d.reason == "post-stamp"]
    if not stamps:
        return
    first = stamps[0]
    following = stamps[1] if len(stamps) > 1 else len(page.lines)
    title = next(  # the thread's title, printed again in the first post or right above its stamp (a
        # card's label printed again in a later card, chrome already, is no title)
        (
            page.copy_of[j]
            for j in range(first - 1, following)
            if page.copy_of.get(j, first - 1) < first - 1 and page.reason(j) != "forum-chrome"
        ),
        None,
    )
    if title is None:  # or right above the thread's "Thread starter NAME" row
        starter = next((i for i in range(first) if _STARTER.match(page.lines[i].text)), None)
        title = page.previous_filled(starter) if starter else None
    for i in range(first):
        other = i != title if title is not None else is_prose(page.lines[i].text, page.settings)
        if page.open(i) and other:
            page.set(i, "drop", "forum-chrome")
    for stamp in stamps:
        _mark_card(page, stamp)
    quote = next((j for j in range(first, following) if _QUOTE_MARKER.match(page.lines[j].text)), None)
    if quote is None and (box := _expand_box(page, first, following)) is not None:
        lead_in, following = box  # the box's end: the poster's own words and the replies follow it
        quote = lead_in + 1  # the lead-in is the poster's, as a remark above a marked quote is
    if quote is None:  # a story pasted with no box: it opens with its wire dateline
        quote = next((j for j in range(first, following) if wire_dateline(page.lines[j].text)), None)
    if quote is not None:
        for j in range(first, quote):
            if page.open(j):
                page.set(j, "drop", "forum-chrome")
        _mark_replies(page, quote, following)


def _mark_split_stamps(page: Page) -> None:
    """A stamp with no post number over a line holding only the number is one post stamp: the stamp's
    line reads as one (the date), the number's is chrome."""
    for i, line in enumerate(page.lines):
        number = page.next_filled(i) if _SPLIT_STAMP.match(line.text) else None
        if number is not None and _POST_NUMBER.match(page.lines[number].text):
            page.set(i, "drop", "post-stamp")
            page.set(number, "drop", "forum-chrome")


def _expand_box(page: Page, first: int, following: int) -> tuple[int, int] | None:
    """A quote box the board closes with "Click to expand..." but opens with no marker: the poster's lead-in
    ends with a colon above it ("Sounds like they agreed on nothing:"). (The lead-in, the closing line.)"""
    closing = next((j for j in range(first, following) if _EXPAND.match(page.lines[j].text)), None)
    if closing is None:
        return None
    lead_in = next((j for j in range(closing - 1, first, -1) if page.lines[j].text.endswith(":")), None)
    return (lead_in, closing) if lead_in is not None else None


def _mark_replies(page: Page, quote: int, following: int) -> None:
    """After a story quoted in the first post: from the story's source link (or the next post) on, the
    posters' own words, signatures and replies are chrome."""
    link = next((j for j in range(quote, following) if page.reason(j) == "url"), following)
    for j in range(link, len(page.lines)):
        if page.open(j):
            page.set(j, "drop", "forum-chrome")


def _mark_card(page: Page, stamp: int) -> None:
    """The short lines right under a post's stamp, up to its first prose or quote marker: the poster's
    name, rank and card fields."""
    for j in range(stamp + 1, len(page.lines)):
        text = page.lines[j].text
        if page.lines[j].blank or page.reason(j) == "duplicate":
            continue
        if is_prose(text, page.settings) or _QUOTE_MARKER.match(text) or page.reason(j) == "post-stamp":
            return
        if page.open(j):
            page.set(j, "drop", "forum-chrome")
