"""Chrome known by a whole line's shape rather than by a pattern: an SVG sprite's dump of icon names, a
row of social-network buttons, a menu bar, a ticker of other stories' headlines, link labels scraped
glued together, a reference citation (read by `patterns`)."""

from __future__ import annotations

import functools
import re

from bot.cleaner.lines import ends_sentence
from bot.config import CleanerConfig

__all__ = [
    "is_citation",
    "is_glued_labels",
    "is_headline_list",
    "is_icon_sprite",
    "is_menu",
    "is_share_bar",
    "is_toolbar",
]

_I = re.IGNORECASE
_ICON = re.compile(r"icon", _I)
_MENU_SEPARATOR = re.compile(r"\s+[|•·]\s+")
_SOCIAL = frozenset(
    "twitter facebook whatsapp telegram linkedin reddit pinterest tumblr pocket print email e-mail vk "
    "ok flipboard skype messenger more tweet share".split()
)
_SHARE_NOISE = re.compile(r"\((?:opens|open) in new window\)|click to share on|share on|[|•·,:]", _I)


def is_icon_sprite(text: str, settings: CleanerConfig) -> bool:
    """A dump of an SVG sprite's names: one long line where "icon" recurs every few characters."""
    if "con" not in text.lower():  # c, o and n have no case twins (bot/cleaner/prefilter.py)
        return False
    hits = len(_ICON.findall(text))
    return hits >= settings.sprite_min_icons and len(text) / hits < settings.sprite_max_chars_per_icon


def is_share_bar(text: str, settings: CleanerConfig) -> bool:
    """A row of social-network buttons: every word names a network or says "share"."""
    if "." in text:  # no network's name holds a full stop, and the noise removed holds none
        return False
    tokens = _SHARE_NOISE.sub(" ", text).lower().split()
    return (
        bool(tokens)
        and all(token in _SOCIAL for token in tokens)
        and tokens != ["more"]  # a lone "More" heads a box of related stories
        and len(tokens) <= settings.share_bar_max_words
    )


# an article's tools in English (other languages' are config data, `toolbar_words`): "Print  Email  Font
# size: A A A"; the size buttons' letters and marks too
_TOOLS = frozenset(
    "print email e-mail font size text a a+ a- a++ save bookmark listen comment comments".split()
)
_TOOL_SPLIT = re.compile(r"[\s:：|]+")
_TOOLBAR_MIN = 3  # not a threshold: two words may be a label and its value
_FIRST_TOOL_CHARS = 12  # not a threshold: the longest tool's word and its separator
_TOOLBAR_MAX_CHARS = 120  # not a threshold: a dozen tools' words and the spaces between them


def is_toolbar(text: str, settings: CleanerConfig) -> bool:
    """A row of an article's tools (print, font size, correction, a phone's edition): every word a tool's,
    a font size's among them."""
    if len(text) > _TOOLBAR_MAX_CHARS:  # most lines: a paragraph is no row of tools
        return False
    tools = _tools(settings.toolbar_words)
    first = _TOOL_SPLIT.split(text[:_FIRST_TOOL_CHARS].casefold(), maxsplit=1)[0]
    if first not in tools:  # most lines open with a word no tool's: the row is not split
        return False
    tokens = [token for token in _TOOL_SPLIT.split(text.casefold()) if token]
    return _TOOLBAR_MIN <= len(tokens) <= settings.share_bar_max_words and all(
        token in tools for token in tokens
    )


@functools.lru_cache(maxsize=8)
def _tools(words: tuple[str, ...]) -> frozenset[str]:
    return _TOOLS.union(word.casefold() for word in words)


def is_menu(text: str, settings: CleanerConfig) -> bool:
    """A menu bar: three or more short items split by "|" or bullets, none of them a sentence."""
    if "|" not in text and "•" not in text and "·" not in text:  # one item (menu_min_items is 2 or more)
        return False
    items = [item.strip() for item in _MENU_SEPARATOR.split(text)]
    if len(items) < settings.menu_min_items or _FULL_DATE.search(
        text
    ):  # "A12 | THE PAPER | TUESDAY, SEPTEMBER 29, 2015" is a folio
        return False
    return all(
        0 < len(item.split()) <= settings.menu_item_max_words and item[-1] not in ".!?" for item in items
    )


_FULL_DATE = re.compile(r"\b(?:19|20)\d{2}\b|(?:19|20|１９|２０)\d{2}\s*年")  # "2016年", in full width too
_LIST_SEPARATOR = re.compile(r"\s+[•·]\s+|\s+[|]\s+|\s{2,}•\s*")


def is_headline_list(text: str, settings: CleanerConfig) -> bool:
    """Other stories' headlines printed on one line, split by bullets or bars ("Off the wire" tickers):
    several items of a headline's length, none of them a finished sentence."""
    if "|" not in text and "•" not in text and "·" not in text:  # one item (menu_min_items is 2 or more)
        return False
    items = [item.strip(" •·|") for item in _LIST_SEPARATOR.split(text) if item.strip(" •·|")]
    most = settings.headline_list_item_max_words
    if len(items) < settings.menu_min_items or _FULL_DATE.search(text):  # stamps: "X · Posted: DATE | ..."
        return False
    return all(
        settings.headline_min_words <= len(item.split()) <= most and not ends_sentence(item) for item in items
    )


# A word in lower case run into a capitalised one: the seam between two links' labels a scraper saved with
# no space ("Get more newsLiveon"). A brand's inner capital follows a shorter head ("iPhone", "eBay") or a
# capital one ("YouTube", "McCain"); a handle or tag ("@dailyNews", "#stopWar") is the page's own text.
_GLUED = re.compile(r"(?<![\w#@])[a-z]{3,}[A-Z][a-z]")


def is_glued_labels(text: str, settings: CleanerConfig) -> bool:
    """Controls' labels scraped with no space between them: a short line, not a sentence, with a lower-case
    word run into a capitalised one."""
    return (
        text.count(" ") < settings.share_bar_max_words  # a short line (words, spaces between)
        and _GLUED.search(text) is not None
        and not ends_sentence(text)
    )


# A blog's reference: 'NAME (Place), "Title," Outlet, September 4, 2016 (3:27 p.m.).' The whole line is a
# citation: a quoted title closed by its comma, then an outlet and a full date, perhaps a clock.
_CITATION = re.compile(
    r"[\"“].{10,300}[,.][\"”]\s+(?:[A-Z][\w.&'’-]*\s?){1,6},\s+"
    r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?\s+\d{1,2},\s+(?:19|20)\d{2}"
    r"(?:\s*\([^()]{1,30}\))?\.?$",
    _I,
)
_CITED_BY_MAX = 120  # not tuned: an author's name and place before the quoted title, no paragraph
_CITATION_END = re.compile(r"(?:19|20)\d{2}(?:\s*\([^()]{1,30}\))?\.?$")


def is_citation(text: str) -> bool:
    """A reference citation: a quoted title closed by a comma or stop, an outlet, a full date at the end."""
    if not _CITATION_END.search(text[-40:]):  # most lines end otherwise: the costly test is skipped
        return False
    opening = min((i for i in (text.find('"'), text.find("“")) if i >= 0), default=-1)
    return 0 <= opening <= _CITED_BY_MAX and _CITATION.search(text, opening) is not None
