"""A headline line that is a breadcrumb glued to the title, the title printed again right under it
("Home SECTION TITLE" over "TITLE"): the title is the second copy, without the trail (issue 9, round
fourteen; an AMP page's breadcrumb and heading read as one line)."""

from __future__ import annotations

from bot.cleaner.pagelines import PageLines

__all__ = ["without_crumb"]


def without_crumb(page: PageLines, number: int, title: str) -> str:
    """The title under a headline line numbered `number` when the line is a short trail then that title;
    else the title as given. The trail must be shorter than the title and hold no sentence's stop."""
    under = next((line.text for line in page.lines if line.number > number and line.text), "")
    if not under or under == title or not title.endswith(" " + under):
        return title
    trail = title[: -len(under)].split()
    if len(trail) >= len(under.split()) or any(word[-1] in ".!?:" for word in trail):
        return title
    return under
