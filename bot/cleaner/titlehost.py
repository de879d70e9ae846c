"""A title line as a text client prints a page it fetched: a markdown heading's marks and the site's host
before a separator ("# site.de -- Headline", "## www.site.com | Headline"), as a gopher or markdown proxy
shows a web page. The marks and the host are no part of the headline; the host is the site the page is
from, and when the page's own URL carries that host (in its query or path: "proxy.example/?q=site.de/1/x")
the URL is a proxy's and the page is the site's (its outlet, its URL)."""

from __future__ import annotations

import itertools
import re
from urllib.parse import unquote

__all__ = ["printed_source_url", "without_title_host"]

# "# ", "## " opening a line: a markdown heading's marks
_HEADING_MARKS = re.compile(r"^#{1,6}\s+")
# a host of two labels at least before a separator spaced off both sides: "site.de -- ", "www.site.com | "
_HOST_PREFIX = re.compile(
    r"^(?P<host>(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,24})\s+(?:--|[|–—-])\s+(?=\S)",
    re.IGNORECASE,
)
_TOP_LINES = 5  # not a threshold: a client prints the page's title first, under its own header row
_URL = re.compile(r"^https?://(?P<host>[^/?#\s]+)(?P<rest>.*)$", re.IGNORECASE)


def without_title_host(text: str) -> str:
    """The headline without a heading's marks and a host printed before it ("# site.de -- Headline" ->
    "Headline"); any other line as it is."""
    bare = _HEADING_MARKS.sub("", text, count=1) if text.startswith("#") else text
    host = _HOST_PREFIX.match(bare)
    return bare[host.end() :] if host is not None else bare


def _printed_host(texts: list[str]) -> str | None:
    """The host a title line near the top prints before the headline ("# site.de -- ..."), if any."""
    for text in itertools.islice((text.strip() for text in texts if text and not text.isspace()), _TOP_LINES):
        host = _HOST_PREFIX.match(_HEADING_MARKS.sub("", text, count=1))
        if host is not None:
            return host.group("host").lower()
    return None


def printed_source_url(url: str | None, texts: list[str]) -> str | None:
    """The page's own URL at the host its title line prints, when the given URL (a proxy's) is at another
    host and carries that one after its own ("https://proxy.example/?q=site.de%2F1%2F42" with "# site.de --
    Headline": "http://site.de/1/42"); None for any other page."""
    if not url:
        return None
    host = _printed_host(texts)
    if host is None:
        return None
    own = _URL.match(url)
    if own is None or f".{own.group('host').lower()}".endswith(f".{host}"):
        return None  # the page's own site prints its host
    # the host as a whole name (not the end of a longer one), then its path up to the next parameter
    carried = re.search(
        rf"(?<![\w.-]){re.escape(host)}(?P<path>/[^\s&#]*)?(?=$|[&#\s])", unquote(own.group("rest")), re.I
    )
    return f"http://{host}{carried.group('path') or '/'}" if carried is not None else None
