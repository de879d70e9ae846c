"""The site's own name where only its footer prints it in full (read by `metadata`'s site-name finder).

- A public radio's header prints its call sign and frequency ("RVPR 89.7 FM"), which spells the URL's
  domain (rvpr.org); its contact block and copyright print the name the call sign stands for ("River
  Valley Public Radio"). A copyright holder of several words whose initials are the domain's name is the
  site's name spelled out, and a reader cites it.
- A paper on its owner group's domain: nationmultimedia.com, the copyright held by "Nation Multimedia
  Group", the masthead only the host. The footer's "About The Nation" link names the title: a name the
  group's name opens with, which the domain's name also opens with. The title is cited, "The" and all.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.cleaner.lines import squashed
from bot.cleaner.pagelines import Found, PageLines
from bot.cleaner.parentgroup import owner_domain

__all__ = ["about_title", "footer_name", "spelled_out_holder"]

_ABOUT = re.compile(r"^(?i:about)\s+(?P<name>(?i:the\s+)?[A-Z][\w'’&.-]*(?:\s+[A-Z][\w'’&.-]*){0,3})\s*$")
_FEWEST_INITIALS = 3  # not a threshold: two letters ("ab.org") are the initials of too many names


def footer_name(page: PageLines, label: str, holders: Sequence[str]) -> Found | None:
    """The site's name as its footer prints it in full, for the URL's registered domain's name `label`."""
    return spelled_out_holder(page, label.casefold(), holders) or about_title(page, squashed(label), holders)


def spelled_out_holder(page: PageLines, label: str, holders: Sequence[str]) -> Found | None:
    """A copyright holder whose words' initials spell the domain's name `label` (squashed)."""
    if len(label) < _FEWEST_INITIALS or not label.isalpha():
        return None
    for holder in holders:
        tokens = [t for t in holder.split() if t[:1].isalpha()]
        capitalised = len(tokens) > 1 and all(t[0].isupper() for t in tokens)
        if capitalised and "".join(t[0] for t in tokens).casefold() == label:
            return Found(holder, f"{holder} (its initials spell the URL's site name)")
    return None


def about_title(page: PageLines, label: str, holders: Sequence[str]) -> Found | None:
    """The title an "About NAME" link names on its owner group's domain: NAME opens the group's name
    and the domain's name `label` (squashed), and is not all of it."""
    if not owner_domain(label, holders):
        return None
    for line in page.lines:
        about = _ABOUT.match(line.text) if line.text[:6].lower() == "about " else None
        name = about.group("name") if about else ""
        bare = squashed(re.sub(r"^the\s+", "", name, flags=re.IGNORECASE))
        if not bare or not label.startswith(bare) or bare == label:
            continue
        if any(squashed(holder).startswith(bare) for holder in holders):
            return Found(name, f"{line.text} (a title on its owner group's domain)")
    return None
