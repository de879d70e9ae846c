"""The shape of a raw line: words, final punctuation, capitalisation and stopword density.

These are the features every rule of the cleaner is written in, so that the rules describe kinds of lines
(a sentence of prose, a title, a bare date) rather than the exact strings of particular pages.
"""

from __future__ import annotations

import bisect
import functools
import itertools
import re
from dataclasses import dataclass

from bot.cleaner.namelists import is_name_list
from bot.config import CleanerConfig
from bot.text import normalize

__all__ = [
    "STOPWORDS",
    "InLonger",
    "Line",
    "ends_sentence",
    "folded",
    "is_label",
    "is_prose",
    "is_title_like",
    "is_unspaced",
    "lowercase_share",
    "split_lines",
    "squashed",
    "without_glued_link",
    "word_count",
    "words",
]

STOPWORDS = frozenset(
    """a an the of to in on for and or but with at by from as is are was were be been being has have had
    that this these those it its he she they we you i his her their our your not no which who whom will
    would could should can may might must said says than then there here into over after before about
    up out so if also only just very more most what when where how why all any some such""".split()
)

# A word goes on through the vowel signs and viramas of the Indic scripts (U+0900-U+0DFF but the
# danda stops U+0964-5) and the joiners (U+200C-D): they are no `\w`, and a Bengali or Hindi word
# would fall apart at each one.
_WORD = re.compile(r"[^\W\d_][\w'’.&\u0900-\u0963\u0966-\u0dff\u200c\u200d-]*|\d[\w,.:/-]*")
# Scripts written without spaces between words (Han, Hiragana, Katakana): a run of their characters is
# one `_WORD` match however long, so it counts as one word for every UNSPACED_CHARS_PER_WORD characters
# (a Chinese word runs one to two characters; two is the lower count, so a clause of them is no shorter
# than it reads).
UNSPACED_CHARS_PER_WORD = 2
_UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]+")
# A sentence ends in . ! ? or an ellipsis (or a stop of another script: 。！？ and the danda ।), possibly
# followed by closing quotes or brackets, and perhaps
# by a short credit or end mark closing the paragraph: "... summit. (AFP)", "... today. (end)", "... said.
# - Reuters", or by a link's call to action in capitals: "... express themselves. CLICK HERE TO READ MORE".
_TERMINAL = re.compile(
    r"[.!?…。！？।][\"'”’»)\]」』）]*\\*(?:\s+\([^()]{1,60}\)"
    r"|\s+(?-i:CLICK HERE|READ MORE|CONTINUE READING)[A-Z ]{0,30}"
    r"|\s+[-–—]{1,2}\s?(?-i:[A-Z][A-Za-z]{1,15})(?:\s?/\s?(?-i:[A-Z][A-Za-z]{1,15}))?)?$"
    r"|\s\[(?i:continue reading|read more|full story)\]$"
)


@dataclass(frozen=True, slots=True)
class Line:
    """One raw line: its 1-based number, its raw text and the text with edge whitespace stripped; a
    hard-wrapped paragraph joined from several raw lines also has its last line and raw parts."""

    number: int
    raw: str
    text: str
    last: int = 0  # the last raw line of a joined paragraph (0: the line is one raw line)
    parts: tuple[str, ...] = ()

    @property
    def blank(self) -> bool:
        return not self.text


def split_lines(raw: str) -> list[Line]:
    """The raw text's lines (str.splitlines), numbered from 1; strip() also removes U+00A0 at the edges,
    and a link glued onto a sentence's end is no part of the line's text (see `without_glued_link`)."""
    return [
        Line(number=i, raw=line, text=without_glued_link(line.strip()))
        for i, line in enumerate(raw.splitlines(), start=1)
    ]


# a web address glued to a sentence's final stop with no space: "... his position.http://site/story"
_GLUED_LINK = re.compile(r"(?:(?<=[a-z0-9][.!?])|(?<=[a-z0-9][.!?][\"”’']))https?://\S+$")


def without_glued_link(text: str) -> str:
    """The text without a link pasted onto its last sentence (a copied story's source address): the
    paragraph is the sentence, and the address is no word of it."""
    return _GLUED_LINK.sub("", text) if "http" in text else text


def words(text: str) -> list[str]:
    """The words and numbers of a text, punctuation left out."""
    return list(_words(text))


@functools.lru_cache(maxsize=4096)
def _words(text: str) -> tuple[str, ...]:
    """`words`, kept: the layout reads the same line's words several times over (cached by text alone)."""
    found = _WORD.findall(text)
    if not _UNSPACED.search(text):
        return tuple(found)
    return tuple(
        piece for word in found for piece in (_unspaced_words(word) if word[0].isalpha() else (word,))
    )


def is_unspaced(text: str) -> bool:
    """True when the text holds characters of a script written without spaces between words."""
    return bool(_UNSPACED.search(text))


def _unspaced_words(word: str) -> list[str]:
    """A word with a run of unspaced script cut into pieces of UNSPACED_CHARS_PER_WORD characters (what
    is not of that script stays whole)."""
    pieces: list[str] = []
    cursor = 0
    for run in _UNSPACED.finditer(word):
        pieces.append(word[cursor : run.start()])
        chunk = run.group()
        pieces.extend(
            chunk[i : i + UNSPACED_CHARS_PER_WORD] for i in range(0, len(chunk), UNSPACED_CHARS_PER_WORD)
        )
        cursor = run.end()
    pieces.append(word[cursor:])
    return [piece for piece in pieces if piece and not piece.isspace()]


@functools.lru_cache(maxsize=4096)
def folded(text: str) -> str:
    """A line normalised and case-folded, the form lines are compared in (repeats, pull quotes), kept."""
    return normalize(text).casefold()


_NOT_WORD = re.compile(r"[\W_]+")


def squashed(text: str) -> str:
    """The text's letters and digits in lower case: the form names and domains are compared in."""
    return _NOT_WORD.sub("", text).casefold()


def word_count(text: str) -> int:
    return len(_words(text))


def ends_sentence(text: str) -> bool:
    """True when the text ends as a sentence does: . ! ? or … (or 。！？ or the danda ।) with any closing
    quotes after it."""
    return bool(_TERMINAL.search(text))


@functools.lru_cache(maxsize=4096)
def lowercase_share(text: str) -> float:
    """The share of alphabetic words that start with a lower-case letter (prose is mostly lower case)."""
    alpha = [w for w in _words(text) if w[0].isalpha()]
    if not alpha:
        return 0.0
    return sum(1 for w in alpha if w[0].islower()) / len(alpha)


@functools.lru_cache(maxsize=4096)
def _uncapitalised_share(text: str) -> float:
    """The share of alphabetic words that start with no capital: lower case, or a script without case
    (Chinese, Bengali, Arabic), whose prose is no less running text for having no lower case."""
    alpha = [w for w in _words(text) if w[0].isalpha()]
    if not alpha:
        return 0.0
    return sum(1 for w in alpha if not w[0].isupper()) / len(alpha)


def is_prose(text: str, settings: CleanerConfig) -> bool:
    """A paragraph of running text: a finished sentence of some length, mostly in lower case.

    A long paragraph is prose even when the scrape cut its final full stop.
    """
    count = word_count(text)
    share = _uncapitalised_share(text)  # a word of an uncased script is no capital
    if count >= settings.prose_long_words and share >= settings.prose_long_lowercase:
        return True
    if count >= settings.prose_long_words and is_name_list(
        text,
        min_words=settings.prose_long_words,
        min_items=settings.name_list_min_items,
        min_lowercase=settings.prose_min_lowercase,
    ):
        return True
    return count >= settings.prose_min_words and ends_sentence(text) and share >= settings.prose_min_lowercase


def is_title_like(text: str, settings: CleanerConfig) -> bool:
    """A title-cased line (a headline or a link to one): its content words nearly all capitalised."""
    content = [w for w in words(text) if w[0].isalpha() and w.lower() not in STOPWORDS]
    if len(content) < settings.title_min_content_words or (ends_sentence(text) and text.endswith(".")):
        return False
    capitalised = sum(1 for w in content if w[0].isupper())
    return capitalised / len(content) >= settings.title_capitalised_share


def is_label(text: str, settings: CleanerConfig) -> bool:
    """A lone name or a section label: a few words, every one capitalised, with nothing else (no verb in
    lower case, no punctuation)."""
    content = [w for w in words(text) if w[0].isalpha() and w.lower() not in STOPWORDS]
    capitalised = bool(content) and all(w[0].isupper() for w in content)
    short = word_count(text) <= settings.label_max_words
    return short and capitalised and not any(c in text for c in ":?!'\"‘’“”")


class InLonger:
    """Whether a text occurs in one of a set of texts longer than a length: one search over them all
    joined longest first (a folded line holds no line break, so no occurrence spans two of them)."""

    def __init__(self, texts: list[str]) -> None:
        self._texts = sorted(texts, key=len, reverse=True)
        self._joined = "\n".join(self._texts)
        self._ends = list(itertools.accumulate(len(t) + 1 for t in self._texts))  # each one's end, + 1
        self._lengths = [-len(t) for t in self._texts]

    def __call__(self, quote: str, length: int) -> bool:
        count = bisect.bisect_left(self._lengths, -length)  # how many are longer than `length`
        if "\n" in quote:
            return any(quote in t for t in self._texts[:count])
        return count > 0 and self._joined.find(quote, 0, self._ends[count - 1] - 1) >= 0
