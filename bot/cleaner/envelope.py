"""The envelope a story arrives in, told from a line alone (appended to `patterns.CHROME_PATTERNS`).

A story is often read inside something else's frame: an e-mail a news app sends when a reader shares it
(mail headers, the sharer's note, "Open in the app"), a feed reader's article view (its buttons), a wire
agency's subscriber portal (the story's slug, priority and word-count fields, an "EDITORS:" note), a
PDF's contents list and section marks, a paper's sponsor line and breadcrumb trail. Each pattern is a
kind of frame many services print, not the wording of one page.
"""

from __future__ import annotations

import re

from bot.cleaner.page import Page

__all__ = ["ENVELOPE_PATTERNS", "mark_share_notes"]

_I = re.IGNORECASE

ENVELOPE_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Mail headers: "From: NAME <address>", "To: address", "Subject: ...". The "Date:" header stays: it
    # is the message's date line.
    ("mail-header", re.compile(r"^(?:from|to|cc|bcc|reply-to|sender)\s*:\s*[^:]{0,80}@[\w.-]+\.\w+>?$", _I)),
    ("mail-header", re.compile(r"^subject\s*:\s*.{1,300}$", _I)),
    # A shared story's note to the reader it was sent to: "NAME shared this article with you ..." (the
    # sharer's own message under it is read by `mark_share_notes`).
    (
        "share-note",
        re.compile(
            r"^[A-Z][\w.'’ -]{0,40}\b(?:shared|sent|forwarded|recommended) (?:this|an|a) (?:article|story|"
            r"link|post|page) with you\b.{0,120}$"
        ),
    ),
    # A news app's promotion around a shared story: "Read the full story ... on SITE", "Open in the app",
    # "Don't have the app? Download ...".
    (
        "app-promo",
        re.compile(r"^read the (?:full|whole|rest of the) (?:story|article)\b.{0,80}\bon\b.{0,60}$", _I),
    ),
    ("app-promo", re.compile(r"^(?:open|continue|read) in (?:the |our )?app\W*$", _I)),
    (
        "app-promo",
        re.compile(r"^(?:don'?t have (?:the|our) app\?|download (?:the|our)\b.{0,60}\bapp\b).{0,160}$", _I),
    ),
    # A feed reader's buttons around the item: "Read later", "Mark as read", "Visit website".
    (
        "reader-button",
        re.compile(
            r"^(?:read later|save (?:to|for) (?:board|later)|mark (?:all )?as (?:un)?read|visit website|"
            r"open original|view original|show full article\b.{0,60})$",
            _I,
        ),
    ),
    # A wire portal's story fields: "Slug: ...", "Priority: 2 - Urgent", "Word count: 512", "Embargo:
    # None", "Version: 2nd Lead", "Story ID: ...", "Keywords: ...". ("Transmitted:" is its date line.)
    (
        "wire-field",
        re.compile(
            r"^(?:slug|priority|version|word ?count|words|embargo(?:ed)?|urgency|story ?id|keywords?)\s*:"
            r"\s*\S.{0,100}$",
            _I,
        ),
    ),
    # A note to the desks that take the copy, in capitals: "EDITORS: Updates with ...".
    ("editor-note", re.compile(r"^(?:EDITORS?|EDS|NOTE TO EDITORS|EDITOR'S NOTE)\s*:\s+\S.{0,300}$")),
    # A document's contents list: an entry, a dot leader and its page number.
    ("contents", re.compile(r"^\S.{2,200}?\.\.\.\.+\s*\d{1,3}$")),
    # A section mark between items: "* * *".
    ("separator", re.compile(r"^(?:[*•·~#]\s*){3,}$")),
    # How to subscribe to a bulletin: "To subscribe or unsubscribe, please write to ...".
    (
        "subscribe",
        re.compile(
            r"\bto (?:un)?subscribe(?: or (?:un)?subscribe)?,? (?:please )?(?:write|e-?mail|contact|send|"
            r"reply|click|visit)\b",
            _I,
        ),
    ),
    # A sponsor's line inside a story: "Sponsored by NAME", "Presented by NAME".
    (
        "advertisement",
        re.compile(
            r"^(?:sponsored|presented|brought to you|powered|promoted|supported) by\s+[^.!?]{1,60}$"
            r"|^in (?:partnership|association) with\s+[^.!?]{1,60}$",
            _I,
        ),
    ),
    # A paper's meter: "You have 2 free articles remaining this month." (a prompt, not the paywall: the
    # story may go on under it).
    (
        "subscribe",
        re.compile(
            r"^you have (?:\d+|one|two|three|four|five) (?:free )?(?:articles?|stor(?:y|ies))"
            r" (?:left|remaining)\b.{0,100}$|^(?:this is )?your last free (?:article|story)\b.{0,100}$",
            _I,
        ),
    ),
    # A mail client's signature: "Sent from my iPhone".
    (
        "mail-header",
        re.compile(r"^sent from my (?:iphone|ipad|android|phone|mobile|tablet|\w+ device)\W*$", _I),
    ),
    # A breadcrumb trail after its label: "You are here: Home > News > World".
    (
        "breadcrumb",
        re.compile(r"^(?:you are here|current location|您的位置|当前位置)\s*[:：]\s*\S.{0,200}$", _I),
    ),
    # A trail without its label, two or more steps split by " > ": "News > World > Asia".
    ("breadcrumb", re.compile(r"^(?:[^>,.!?]{1,30} > ){2,}[^>,.!?]{1,40}$")),
)


# the sharer's own message: "Her message: ...", "Personal note: ..."
_SHARER_MESSAGE = re.compile(
    r"^(?:his|her|their|the sender'?s|a|personal) (?:personal )?(?:message|note)\s*:", _I
)


def mark_share_notes(page: Page) -> None:
    """The line right under a share note that gives the sharer's own message is that note too."""
    for i in range(len(page.lines)):
        following = page.next_filled(i) if page.reason(i) == "share-note" else None
        if (
            following is not None
            and page.open(following)
            and _SHARER_MESSAGE.match(page.lines[following].text)
        ):
            page.set(following, "drop", "share-note")
