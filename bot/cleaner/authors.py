"""A writer's bare name printed over the story's date line (a newsletter platform's or a blog's post
header: "Jane Roe" / "Jul 17, 2018") is the post's byline, not a subheading of the story."""

from __future__ import annotations

from bot.cleaner.bylines import is_byline
from bot.cleaner.dates import is_date_only
from bot.cleaner.leadplace import PLACE_REASON, mark_place_over_date
from bot.cleaner.lines import is_prose
from bot.cleaner.page import Page

__all__ = ["mark_author_over_date"]


# words of a publication's name, not a person's ("The Larkfield Gazette", "Larkfield Today"), or of its
# app's promotion ("NAME App Download")
_TITLE_WORDS = frozenset(
    "the news today daily times post gazette herald journal tribune press radio tv media online weekly "
    "review chronicle observer telegraph standard express mail star world network channel brief"
    " app apps download install".split()
)


def _bare_name(text: str, low: int, high: int) -> bool:
    if text.count(" ") >= high or not text[:1].isupper():  # the cheap tests first: most lines are longer
        return False
    tokens = text.split()
    return (
        low <= len(tokens) <= high
        and not _TITLE_WORDS & {t.lower() for t in tokens}
        and all(
            t[0].isupper() and t.replace(".", "").replace("-", "").replace("'", "").isalpha() for t in tokens
        )
    )


def mark_author_over_date(page: Page) -> None:
    """The first open line that is a person's bare name (two or three capitalised words) right over a
    date-only line, above the story's second paragraph and with no byline before it, is the byline (not
    the page's first line, nor a publication's name: a site's name heads its page over the date)."""
    low, high = page.settings.person_name_min_words, page.settings.person_name_max_words
    mark_place_over_date(page)  # "NAME" / "PLACE," / "DATE": the place is the dateline's
    filled = [i for i, line in enumerate(page.lines) if not line.blank and page.reason(i) != PLACE_REASON]
    for n, i in enumerate(filled[1:-1], start=1):
        if not (page.open(i) and _bare_name(page.lines[i].text, low, high)):
            continue
        if not is_date_only(page.lines[filled[n + 1]].text):
            continue
        before = [page.lines[j].text for j in filled[:n]]
        prose = sum(1 for text in before if is_prose(text, page.settings))
        if prose <= 1 and not any(is_byline(text, page.settings) for text in before):
            page.set(i, "byline")
        return
