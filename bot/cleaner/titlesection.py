"""A <title>'s section label: "Headline | News | Site" keeps "Headline | News" once the site's name goes;
the part between is the site's section when the URL's path has a folder of that name ("/news/...")."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

__all__ = ["without_section"]

_PARTS = 2  # a definition: a headline and a part after it
_BAR = re.compile(r"\s+[|–—]\s+")


def _squash(text: str) -> str:
    return re.sub(r"[\W_]+", "", text).casefold()


def without_section(title: str, url: str | None) -> str:
    """The title without a last part that names a folder of the URL's path (the page's section)."""
    parts = _BAR.split(title)
    if len(parts) < _PARTS or not url:
        return title
    folders = {_squash(folder) for folder in urlsplit(url).path.split("/")[:-1] if folder}
    if _squash(parts[-1]) in folders:
        return title[: title.rfind(parts[-1])].rstrip(" |–—")
    return title
