"""A host that names no outlet: a content-delivery or cloud host's machine-made name.

A page served from a CDN's or cloud's host (`machine_host_suffixes` in config: "NAME.cloudfront.net") or
from a host whose label is a machine's string of letters and digits ("d31icbnmvylvz7") carries no outlet's
name in its URL: no reader cites "D31 Icbnmvylvz 7". The page's own evidence names the outlet, or nothing
does. The label's kind: letters and digits alternating three times or more (a brand glues one number to
its letters, "actv7news", "ibile9ja") with a run of consonants no word or call sign runs to
(`_CONSONANT_RUN` letters, "y" counted as one).
"""

from __future__ import annotations

import re

from bot.config import CleanerConfig

__all__ = ["machine_host"]

_RUNS = re.compile(r"[a-z]+|[0-9]+")
_CONSONANTS = re.compile(r"[b-df-hj-np-tv-z]{6,}")  # not a threshold: six consonants run no word or sign
_CHANGES = 3  # not a threshold: letters, digits, letters, digits: a brand glues one number to its name


def machine_host(host: str, settings: CleanerConfig) -> bool:
    """True when the host (`www.site.com`) is under a CDN or cloud suffix, or its first label is a
    machine's string of letters and digits."""
    low = host.lower().strip(".")
    if any(low == suffix or low.endswith(f".{suffix}") for suffix in settings.machine_host_suffixes):
        return True
    label = low.removeprefix("www.").split(".")[0]
    runs = _RUNS.findall(label)
    return label.isalnum() and len(runs) > _CHANGES and _CONSONANTS.search(label) is not None
