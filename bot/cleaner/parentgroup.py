"""A paper on its owner's subdomain: "mesa.examplemediagroup.com", the copyright held by "Example Media
Group". The registered domain names the group that owns the site; the subdomain names the paper, so the
name a line near the top spells the subdomain with ("The Mesa Courier") is the site's, before the group's
(read by `metadata`'s site-name finder). A subdomain that is a word ("news.", "sports.") is a section."""

from __future__ import annotations

import re
from collections.abc import Iterable

from bot.cleaner.domainwords import is_dictionary_word
from bot.cleaner.sitename import is_owner_name
from bot.cleaner.spelling import spells

__all__ = ["owner_domain", "paper_labels"]


def owner_domain(label: str, holders: Iterable[str]) -> bool:
    """The registered domain's name `label` (squashed) is spelled by a copyright holder that is a company."""
    return bool(label) and any(
        is_owner_name(holder) and spells(re.sub(r"[\W_]+", "", holder).casefold(), label)
        for holder in holders
    )


def paper_labels(labels: set[str]) -> set[str]:
    """The subdomain labels that may name a paper: not a word of the language ("news.", "sports." head a
    section of the group's site, whose menu label "News" is no paper)."""
    return {label for label in labels if not is_dictionary_word(label)}
