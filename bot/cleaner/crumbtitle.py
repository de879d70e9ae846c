"""Two lines read as a headline that are not the title as printed (issue 9, round fourteen):

- a breadcrumb glued to the title, the title printed again right under it ("Home SECTION TITLE" over
  "TITLE"): the title is the second copy, without the trail (an AMP page's breadcrumb and heading read as
  one line);
- the lede's first words cut off mid-sentence, in running text, over the lede itself (a page's summary
  field, shown where a title would be): no title at all.
"""

from __future__ import annotations

from bot.cleaner.lines import is_title_like
from bot.cleaner.pagelines import PageLines

__all__ = ["is_lede_start", "without_crumb"]


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


def is_lede_start(page: PageLines, title: str) -> bool:
    """The title is the story's first paragraph cut off mid-sentence: its words start the paragraph, and it
    reads as running text, no title (a spun title printed again at the lede's head is one)."""
    lede = page.first_body()
    cut = title.rstrip(" .…")
    return (
        len(cut.split()) >= page.settings.headline_min_words
        and len(lede) > len(cut)
        and lede.startswith(cut)
        and not title.rstrip().endswith((".", "!", "?", "”", '"'))
        and not is_title_like(title, page.settings)
    )
