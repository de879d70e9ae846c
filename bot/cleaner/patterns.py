"""Page chrome that can be told from a line alone, as a table of (reason, pattern), and caption cues.

Each pattern describes a kind of widget that news sites and blog platforms print around an article
(counters, comment forms, share bars, copyright footers), not a string of one page. Lines are matched
after edge whitespace is stripped; matching ignores case unless a pattern says otherwise.
"""

from __future__ import annotations

import re

__all__ = [
    "CHROME_PATTERNS",
    "END_REASONS",
    "RELATED_HEADER",
    "STRONG_CAPTION_CUES",
    "TEASER_MARKERS",
    "WEAK_CAPTION_CUES",
    "caption_cues",
    "chrome_reason",
    "is_icon_sprite",
    "is_menu",
    "is_share_bar",
]

_I = re.IGNORECASE

CHROME_PATTERNS: tuple[tuple[str, re.Pattern[str]], ...] = (
    # Counters: a bare number, "Views: 1254", "12 comments", "3 min read".
    ("counter", re.compile(r"^[\d,.]+$")),
    ("counter", re.compile(r"^(?:views?|reads?|hits|comments?|shares?|likes?)\s*:?\s*[\d,.]+k?$", _I)),
    ("counter", re.compile(r"^[\d,.]+k?\s+(?:views?|reads?|comments?|shares?|likes?)$", _I)),
    ("counter", re.compile(r"^\d+\s*min(?:ute)?s?\.?\s+read$", _I)),
    # Site-header clocks: "Last Update 15:0", "Updated 10 minutes ago".
    ("page-clock", re.compile(r"^last\s+update[ds]?\b.{0,30}$", _I)),
    ("page-clock", re.compile(r"^updated?\s+\d+\s+(?:seconds?|minutes?|hours?|days?)\s+ago$", _I)),
    # Comment prompts and forms of blog platforms and news sites.
    ("comment-prompt", re.compile(r"^(?:\d+\s+)?comments?\s*:?$", _I)),
    ("comment-prompt", re.compile(r"^no comments?\s*(?:yet)?\s*[:.]?$", _I)),
    (
        "comment-prompt",
        re.compile(r"^(?:post|add|write|leave|submit)\s+(?:a\s+|your\s+)?(?:comment|reply)\b", _I),
    ),
    ("comment-prompt", re.compile(r"^leave a reply\b", _I)),
    ("comment-prompt", re.compile(r"^cancel reply$", _I)),
    ("comment-prompt", re.compile(r"^your email address will not be published\b", _I)),
    ("comment-prompt", re.compile(r"^required fields are marked\b", _I)),
    ("comment-prompt", re.compile(r"^(?:name|email|e-mail|website|comment)\s*\*?$", _I)),
    ("comment-prompt", re.compile(r"^save my name, email\b", _I)),
    ("comment-prompt", re.compile(r"^notify me of (?:follow-up comments|new posts)\b", _I)),
    ("comment-prompt", re.compile(r"^(?:be the first to comment|comments are closed)\b", _I)),
    ("comment-prompt", re.compile(r"^%d bloggers like this", _I)),
    # Share bars and "like" widgets.
    ("share", re.compile(r"^share\s+(?:this|on|via)\b.{0,60}$", _I)),
    ("share", re.compile(r"^(?:share|tweet|print|email|e-mail)\s*:?$", _I)),
    ("like-widget", re.compile(r"^like this\s*:?$", _I)),
    ("like-widget", re.compile(r"^(?:like\s+)?loading\s*(?:\.\.\.|…)$", _I)),
    ("short-link", re.compile(r"^short\s*(?:link|url)\s*:?\s*(?:https?://\S+)?$", _I)),
    # Copyright footers carry a year or "All rights reserved"; a bare "© NAME" is a photo credit.
    ("copyright", re.compile(r"^(?:©|\(c\)|copyright)\s*©?\s*(?:19|20)\d{2}\b.{0,80}$", _I)),
    ("copyright", re.compile(r"^.{0,80}\ball rights reserved\.?$", _I)),
    ("photo-credit", re.compile(r"^(?:©|\(c\))\s*\S+(?:\s+\S+){0,3}$", _I)),
    (
        "photo-credit",
        re.compile(r"^(?:photo|image|picture|credit)s?\s*(?:credit)?\s*:\s*\S+(?:\s+\S+){0,5}$", _I),
    ),
    # Navigation: breadcrumbs, menus and skip links.
    ("breadcrumb", re.compile(r"^home\s*(?:[|›»>/•]|&gt;).{0,300}$", _I)),
    ("navigation", re.compile(r"^(?:skip to (?:main )?content|menu|search|subscribe|sign in|log in)$", _I)),
    ("story-id", re.compile(r"^(?:story|article|news|post)\s*(?:code|id|no\.?|number)\s*:\s*\d+$", _I)),
    # Wire-service footers: reporting credits and market-data disclaimers.
    ("credits", re.compile(r"^\(?(?:additional\s+)?(?:reporting|writing|editing)\s+by\b.{0,200}$", _I)),
    ("disclaimer", re.compile(r"^all quotes delayed\b.{0,300}$", _I)),
    ("disclaimer", re.compile(r"^(?:our standards|the trust principles)\b.{0,80}$", _I)),
)

# After a line of one of these kinds, following the article's prose, nothing of the article remains.
END_REASONS = frozenset({"comment-prompt", "share", "like-widget", "short-link", "credits", "disclaimer"})

# A line that announces a block of links to other stories.
RELATED_HEADER = re.compile(
    r"^(?:related(?:\s+(?:coverage|stories|articles|posts|news|content))?|read\s+(?:more|also)|"
    r"see\s+also|also\s+read|more\s+on\s+this(?:\s+story)?|recommended)\s*:?$",
    _I,
)
# Words that mark a link to another story ("(VIDEO)", "READ MORE: ...").
TEASER_MARKERS = re.compile(
    r"\((?:video|photos?|infographic|gallery|live)\)|^(?:read more|also read|see also|related)\s*:", _I
)

STRONG_CAPTION_CUES: tuple[re.Pattern[str], ...] = (
    re.compile(
        r"\((?:R|L|C|centre|center|left|right|front|back|(?:2nd|3rd|second|third) (?:[LR]|left|right))\)"
    ),
    re.compile(r"\((?:[A-Z][\w.]* )?(?:photo|image|picture|file)s?\b[^)]*\)", _I),
    re.compile(r"\b(?:photo|image|picture)\s*(?:credit)?\s*:", _I),
    re.compile(r"\b(?:AP|AFP|Reuters|REUTERS|EPA|Getty Images|TASS)(?: Photo)?\s*/\s*[A-Z]"),
    re.compile(r"\bfile (?:photo|picture|image)\b", _I),
)
WEAK_CAPTION_CUES: tuple[re.Pattern[str], ...] = (
    re.compile(
        r",\s*(?:right|left|centre|center|second (?:left|right)|far (?:left|right)|top|bottom)\s*,", _I
    ),
    re.compile(
        r"\b(?:poses?|posing|pose for|pictured|gestures?|shake hands|shakes hands|look on|looks on)\b", _I
    ),
)

_ICON = re.compile(r"icon", _I)
_MENU_SEPARATOR = re.compile(r"\s+[|•·]\s+")
_SOCIAL = frozenset(
    "twitter facebook whatsapp telegram linkedin reddit pinterest tumblr pocket print email e-mail vk "
    "ok flipboard skype messenger more tweet share".split()
)
_SHARE_NOISE = re.compile(r"\((?:opens|open) in new window\)|click to share on|share on|[|•·,:]", _I)


def chrome_reason(text: str) -> str | None:
    """The kind of chrome a stripped line is by its own shape, or None when it may be article text."""
    if not text:
        return "blank"
    if is_icon_sprite(text):
        return "icon-sprite"
    if is_share_bar(text):
        return "share"
    for reason, pattern in CHROME_PATTERNS:
        if pattern.search(text):
            return reason
    if is_menu(text):
        return "navigation"
    return None


def is_icon_sprite(text: str) -> bool:
    """A dump of an SVG sprite's names: one long line where "icon" recurs every few characters."""
    hits = len(_ICON.findall(text))
    return hits >= 6 and len(text) / hits < 25


def is_share_bar(text: str) -> bool:
    """A row of social-network buttons: every word names a network or says "share"."""
    tokens = _SHARE_NOISE.sub(" ", text).lower().split()
    return bool(tokens) and all(token in _SOCIAL for token in tokens) and len(tokens) <= 12


def is_menu(text: str) -> bool:
    """A menu bar: three or more short items split by "|" or bullets, none of them a sentence."""
    items = [item.strip() for item in _MENU_SEPARATOR.split(text)]
    return len(items) >= 3 and all(0 < len(item.split()) <= 4 and item[-1] not in ".!?" for item in items)


def caption_cues(text: str) -> tuple[int, int]:
    """How many strong and weak photo-caption cues a line holds."""
    strong = sum(1 for p in STRONG_CAPTION_CUES if p.search(text))
    weak = sum(1 for p in WEAK_CAPTION_CUES if p.search(text))
    return strong, weak
