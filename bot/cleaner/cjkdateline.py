"""A Chinese-language site's own dateline opening its lede: the site's name and the date in lenticular
brackets, then a word for "report" ("【NAME2016年09月05日訊】"). A site printing its name nowhere else names
itself there, as an agency's dateline names the agency: the name is the page's outlet, unless it is an
agency's (then the copy is that agency's, read by `wire`). Nothing is named in code: the bracket, the
date and a short word after it are the shape."""

from __future__ import annotations

import re

from bot.cleaner.pagelines import Found, PageLines

__all__ = ["dateline_outlet"]

# 【 NAME DATE WORD 】 at the lede's start: a name of a few characters and no digit, the date glued to it
_BRACKETED = re.compile(
    r"^\s*【(?P<name>[^【】\d\s]{1,12}?)\s*(?:19|20)\d{2}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日"
    r"(?P<after>[^【】]{0,3})】"
)


def dateline_outlet(page: PageLines) -> Found | None:
    """The outlet a lede's bracketed dateline names before its date ("【NAME2016年09月05日訊】"): a word
    of at most three characters after the date ("訊", "讯", "电讯"), no more text."""
    match = _BRACKETED.match(page.first_body())
    name = match.group("name").strip() if match else ""
    if match is None or not name or page.table.is_agency(name):
        return None
    return Found(page.table.canonical(name), f"{match.group(0).strip()} (the site's own dateline)")
