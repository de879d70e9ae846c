"""The page a search engine's AMP viewer or an AMP cache shows: its URL carries the publisher's host and
path after a marker, without a scheme ("https://www.google.com/amp/s/www.paper.com/story/amp/",
"https://www-paper-com.cdn.ampproject.org/c/s/www.paper.com/story/"). The "s/" says the page was served
over https. The publisher's URL, not the viewer's, names the outlet and may date the page."""

from __future__ import annotations

import re

__all__ = ["amp_viewer_url"]

_AMP_PATH = re.compile(
    r"^https?://(?:[^/\s]+\.)?(?:google\.[a-z.]+/amp|cdn\.ampproject\.org/[cvi])/(?P<secure>s/)?"
    r"(?P<host>[a-z0-9-]+(?:\.[a-z0-9-]+)+)(?P<rest>/\S*)?$",
    re.IGNORECASE,
)


def amp_viewer_url(url: str) -> str | None:
    """The publisher's URL inside an AMP viewer's or cache's URL; None for any other URL."""
    match = _AMP_PATH.match(url)
    if match is None:
        return None
    scheme = "https" if match.group("secure") else "http"
    return f"{scheme}://{match.group('host')}{match.group('rest') or '/'}"
