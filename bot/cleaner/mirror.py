"""Mirror pages: a page shown through another site, read as the page it shows.

Kinds: a web archive's capture (its URL embeds the archived page's URL; its banner, printed above the
archived page, names that URL), a translation proxy (its host spells the proxied host, dots written as
dashes, under a proxy domain given as config data), and a forum thread whose post or comment pastes an
article ("Article text, for anyone ...:", "Quote:"): the pasted text is the story, the thread around it
is chrome. The outlet of an archive or proxy copy is the site it copies, so metadata is read against
the original URL; a forum's own URL is kept (the forum published the repost).
"""

from __future__ import annotations

import re

from bot.cleaner.ampviewer import amp_viewer_url
from bot.cleaner.cues import wire_dateline
from bot.cleaner.lines import is_prose, squashed
from bot.cleaner.outlets import registered_domain
from bot.cleaner.page import Page
from bot.cleaner.widgets import ARCHIVE_BANNER as _BANNER
from bot.cleaner.widgets import POST_BUTTONS
from bot.config import CleanerConfig

__all__ = [
    "banner_url",
    "mark_mirror_page",
    "original_url",
    "without_link_tag",
]

_I = re.IGNORECASE

# A URL that carries another page's whole URL in its path: an archive's capture of that page.
_EMBEDDED = re.compile(r"^https?://[^/\s]+/\S*?(?P<url>https?:/{1,2}[^/\s]+\S*)$", _I)


def original_url(url: str | None, settings: CleanerConfig) -> str | None:
    """The URL of the page a mirror shows: the URL embedded in an archive capture's URL, or a
    translation proxy's host spelled back ("www-site-ru.PROXY" -> "www.site.ru"); None for any other URL."""
    if not url:
        return None
    amp = amp_viewer_url(url)  # "google.com/amp/s/www.paper.com/..."
    if amp is not None:
        return amp
    embedded = _EMBEDDED.match(url)
    if embedded:
        return re.sub(r"^(https?:)/+", r"\1//", embedded.group("url"), flags=_I)
    match = re.match(r"^(?P<scheme>https?://)(?P<host>[^/:\s]+)(?P<rest>\S*)$", url, _I)
    if match is None:
        return None
    host = match.group("host").lower()
    for proxy in settings.proxy_hosts:
        label, dot, under = host.partition(".")
        if dot and under == proxy.lower() and "-" in label:
            spelled = label.replace("--", "\0").replace("-", ".").replace("\0", "-")
            return f"{match.group('scheme')}{spelled}{match.group('rest')}"
    return None


def banner_url(lines: list[str]) -> str | None:
    """The archived page's URL an archive's banner names near the top of a page given without a URL."""
    for text in lines[:_BANNER_LINES]:
        match = _BANNER.match(text.strip())
        if match:
            return _banner_target(match)
    return None


_BANNER_LINES = 5  # not a threshold: an archive's banner is the first thing its capture prints


def _banner_target(match: re.Match[str]) -> str | None:
    """The archived page's URL a banner names: the one embedded in the capture's URL, or the labelled one."""
    return match.group("saved") or original_url(match.group("url"), CleanerConfig())


def mark_mirror_page(page: Page) -> None:
    """Chrome of a mirror: an archive's banner block down to the archived site's own name, and the
    thread around an article pasted into a forum post."""
    _mark_banner_block(page)
    _mark_forum_paste(page)
    for i, line in enumerate(page.lines):
        if "uote" in line.text and POST_BUTTONS.match(line.text):  # the cheap test first
            page.set(i, "drop", "comment-prompt")  # a post's buttons end the post the story is in


def _mark_banner_block(page: Page) -> None:
    """Every line from an archive's banner down to the first line that spells the archived site's
    name (its masthead) is the archive's own toolbar and notes."""
    banner = next((i for i in range(len(page.lines)) if page.reason(i) == "mirror-banner"), None)
    if banner is None:
        return
    named = _BANNER.match(page.lines[banner].text)
    url = _banner_target(named) if named else None
    site = registered_domain(url) if url else None
    name = squashed(site[0].split(".")[0]) if site else ""
    if len(name) < page.settings.site_name_min_chars:
        return
    for j in range(banner + 1, min(len(page.lines), banner + _TOOLBAR_LINES)):
        spelled = squashed(re.sub(r"^the\s+", "", page.lines[j].text, flags=_I))
        if spelled and (spelled == name or (len(spelled) >= len(name) // 2 and name.startswith(spelled))):
            for i in range(banner + 1, j):
                if page.open(i):
                    page.set(i, "drop", "mirror-banner")
            return


_TOOLBAR_LINES = 60  # not a threshold: how far below its banner an archive's toolbar may run

# A post's or comment's header on a forum thread: "[–]NAME 612 points 9 years ago", "submitted 9 years
# ago by NAME", "by NAME » Tue Sep 29, 2015 3:14 am".
_POST_HEADER = re.compile(
    r"\[[–-]\]\s*\S+\s+[\d,.]+k?\s+points?\b.{0,40}\bago\b"
    r"|\bsubmitted\b.{0,40}\bago by \S+"
    r"|^by \S+ » .{6,40}$",
    _I,
)
_PASTE_INTRO = re.compile(r"^[^.!?]{3,120}:$")


def _mark_forum_paste(page: Page) -> None:
    """A forum thread with an article pasted under a post header and a line ending in a colon: the
    paragraphs of prose above that line (the forum's welcome, rules, sign-up prompts) are chrome, and so
    is the line, so the pasted article is where the story starts."""
    headers = [
        i
        for i, line in enumerate(page.lines)
        if ("ago" in line.text or "»" in line.text) and _POST_HEADER.search(line.text)  # the cheap test first
    ]
    if not headers:
        return
    for i in range(headers[0] + 1, len(page.lines)):
        if not (page.open(i) and _PASTE_INTRO.match(page.lines[i].text)):
            continue
        following = page.next_filled(i)
        text = page.lines[following].text if following is not None else ""
        if not (is_prose(text, page.settings) or wire_dateline(text) is not None):
            continue
        for j in range(i):
            if page.open(j) and is_prose(page.lines[j].text, page.settings):
                page.set(j, "drop", "forum-chrome")
        page.set(i, "drop", "forum-chrome")
        return


_LINK_TAG = re.compile(r"\s+\((?:[a-z0-9-]+\.)+[a-z]{2,}\)(?:\s.*)?$", _I)


def without_link_tag(title: str) -> str:
    """A forum post's title without the linked site's domain tag and what follows it on the line (the
    post's credit): "Title (site.com) submitted by NAME" -> "Title"."""
    return _LINK_TAG.sub("", title)
