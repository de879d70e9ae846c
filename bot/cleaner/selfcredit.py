"""The site's own credit before its story: the name it prints opening its lede or its dateline line
(issue 9, round forty-five).

A site that files its own copy credits itself where a wire would: "Site.Net - Leaders agreed ...",
"Sitename:President Putin said ..." (the name glued to the lede by a colon), or a dateline line of its
own, "Site Name, 29 September." (the name, a comma, the day). Each is only a candidate here: the outlet's
finder takes it when it spells the URL's site name, so a place's dateline ("NEW YORK: ...", "Geneva,
Switzerland") is never a site's name.
"""

from __future__ import annotations

import re

from bot.cleaner.dates import is_date_only, is_yearless_date_only

__all__ = ["dateline_credit_name", "lede_credit_name"]

# "Name - text", "Name -- text", or "Name:" glued to the text (one to forty characters, no comma)
_LEDE_NAME = re.compile(r"^(?P<name>[^\s,.:][^,:]{1,40}?)(?:\s+[-–—]{1,2}\s+|\s*:\s*)(?=\S)")
_CREDIT = re.compile(r"^(?P<name>[^,]{2,40}?),\s+(?P<rest>.+)$")


def lede_credit_name(lede: str) -> str | None:
    """The name opening a lede before a dash or a colon ("Site.Net - Leaders ...", "Site:Leaders ..."),
    or None."""
    match = _LEDE_NAME.match(lede)
    return match.group("name").strip() if match else None


def dateline_credit_name(text: str) -> str | None:
    """The name of a line that is a name, a comma and a date alone ("Site Name, 29 September."), or
    None: a place's "Geneva, Switzerland" has no date after it."""
    match = _CREDIT.match(text.strip())
    if match is None:
        return None
    rest = match.group("rest")
    if not any(char.isdigit() for char in rest):  # every date has a digit: most such lines are places
        return None
    return match.group("name").strip() if is_date_only(rest) or is_yearless_date_only(rest) else None
