"""Lines above the story shaped like a title but marked as a caption: a photo's subject line that only
names who is pictured and ends with a full stop ("President Obama and Russian President Vladimir
Putin."), and a title with a credit after its stop ("Leaders To Meet At Summit. Reuters": a photo's or a
linked story's title and its source). A headline ends without a stop and carries no credit, so neither
is the page's headline.
"""

from __future__ import annotations

import re

from bot.cleaner.lines import STOPWORDS, words
from bot.config import CleanerConfig

__all__ = ["is_title_caption"]

# a title's last words after a full stop: a credit of one to three capitalised words ("Reuters",
# "Getty Images"), with nothing after them
_CREDIT_TAIL = re.compile(r"^(?P<title>.+[a-z0-9][.])\s+(?P<credit>[A-Z][\w&-]*(?: [A-Z][\w&-]*){0,2})$")
_WORDS_BEFORE_STOP = re.compile(r"[a-z]{2}\.$")


def is_title_caption(text: str, settings: CleanerConfig) -> bool:
    """A title-cased line ending in a full stop, or a title-cased line's stop followed by a credit."""
    credited = _CREDIT_TAIL.match(text)
    if credited is not None and "." not in credited.group("title")[:-1]:
        return _title_cased(credited.group("title"), settings)
    # more words than a name alone: "Roe, Jane." is a record's author
    named = len(_content(text)) > settings.title_min_content_words
    stopped = bool(_WORDS_BEFORE_STOP.search(text)) and "." not in text[:-1]
    return stopped and named and _title_cased(text, settings)


def _content(text: str) -> list[str]:
    return [w for w in words(text) if w[0].isalpha() and w.lower() not in STOPWORDS]


def _title_cased(text: str, settings: CleanerConfig) -> bool:
    """Nearly every content word capitalised, and enough of them to be a title (as `is_title_like`,
    without its refusal of a final stop)."""
    content = _content(text)
    if len(content) < settings.title_min_content_words or len(content) > settings.headline_max_words:
        return False
    return sum(1 for w in content if w[0].isupper()) / len(content) >= settings.title_capitalised_share
