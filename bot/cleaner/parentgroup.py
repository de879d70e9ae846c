"""A paper on its owner's subdomain: "mesa.examplemediagroup.com", the copyright held by "Example Media
Group". The registered domain names the group that owns the site; the subdomain names the paper, so the
name a line near the top spells the subdomain with ("The Mesa Courier") is the site's, before the group's
(read by `metadata`'s site-name finder)."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.cleaner.sitename import is_owner_name
from bot.cleaner.spelling import spells

__all__ = ["owner_domain"]


def owner_domain(label: str, holders: Iterable[str]) -> bool:
    """The registered domain's name `label` (squashed) is spelled by a copyright holder that is a company."""
    return bool(label) and any(
        is_owner_name(holder) and spells(re.sub(r"[\W_]+", "", holder).casefold(), label)
        for holder in holders
    )
