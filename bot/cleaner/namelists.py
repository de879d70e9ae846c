"""A paragraph listing people by name: "Spokesperson NAME said the leaders of G20 members include
President NAME of COUNTRY, Prime Minister NAME of COUNTRY, ...".

Prose is mostly lower case, and a list of titles and names is mostly capitals, so a long paragraph of
names reads as a headline list rather than as text. What tells it apart is its opening: running text in
lower case ("... said the leaders of some guest countries include ...") before the first comma, then
the list's many comma-separated items. A menu or a keyword line opens on a word or two of capitals.
"""

from __future__ import annotations

__all__ = ["is_name_list"]

_OPENING_MIN_WORDS = 4  # not a threshold to tune: "NAME said the leaders include" is four words or more


def is_name_list(text: str, *, min_words: int, min_items: int, min_lowercase: float) -> bool:
    """A long paragraph (min_words) of at least min_items comma-separated items, opened by running text
    whose share of lower-case words reaches min_lowercase."""
    tokens = text.split()
    if len(tokens) < min_words or text.count(",") + 1 < min_items:
        return False
    opening = [t for t in text.split(",", 1)[0].split() if t[0].isalpha()]
    if len(opening) < _OPENING_MIN_WORDS:
        return False
    return sum(1 for t in opening if t[0].islower()) / len(opening) >= min_lowercase
