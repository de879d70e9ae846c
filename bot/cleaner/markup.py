"""More of what an HTML page's markup says, read by kind (used by `html`): the site's name in its logo,
a byline's credit to another outlet, and whether the page shows an update stamp at all.

- A social account's handle ("@KVTR9" in twitter:site) is no outlet's name; the logo's alt text inside
  the link to the site's home page (or an element classed as a logo or brand) is the name as printed.
- "by NAME, OUTLET" in a byline credits another outlet's copy (a network's story on a local station),
  as does a byline of an agency's name alone ("By Press Association") or the writers' names with the
  agency in an element of its own after them ("By NAME and NAME <span>Agency</span>").
- A modified time in the markup is the page's `updated` only when the page shows an update stamp: many
  sites stamp every save in their markup without telling the reader the story was updated.
"""

from __future__ import annotations

import re
from typing import Any

from bot.cleaner.dates import is_update_word

__all__ = ["byline_credit", "shows_update", "site_name"]

_HANDLE = re.compile(r"^@\w+$")
_LOGO_IMAGES = (
    "//a[@href='/' or @href='./' or @rel='home']//img[@alt]"
    " | //*[contains(@class, 'logo') or contains(@class, 'brand')]//img[@alt]"
    " | //img[contains(@class, 'logo')][@alt]"
)
_LOGO_WORD = re.compile(r"\s*\b(?:logo|home(?:page)?)\b\s*", re.IGNORECASE)
_LOGO_MAX_WORDS = 8  # not a threshold: alt text longer than this describes a picture, not a name


def site_name(stated: tuple[str, str] | None, tree: Any) -> tuple[str, str] | None:
    """The site's name the markup states, unless it is an account handle; then (or when none is stated)
    the logo's alt text."""
    if stated is not None and not _HANDLE.match(stated[0].strip()):
        return stated
    for node in tree.xpath(_LOGO_IMAGES):
        alt = " ".join(_LOGO_WORD.sub(" ", node.get("alt") or "").split())
        if alt and len(alt.split()) <= _LOGO_MAX_WORDS and not _HANDLE.match(alt):
            return alt, f'logo alt="{node.get("alt")}"'
    return None


_BYLINES = "//*[contains(@class, 'byline') or @rel='author' or contains(@class, 'author-name')]"
# "by NAME, OUTLET", or "By OUTLET" alone (an agency's copy: "By Press Association"); the caller keeps a
# name only when the outlet table knows it, so a writer's own name gives nothing
_CREDITED = re.compile(r"^by\s+(?:[^,]{3,60},\s+)?(?P<outlet>[A-Z][\w&.' -]{1,40})$", re.IGNORECASE)


def byline_credit(tree: Any) -> tuple[str, str] | None:
    """The outlet a byline credits after the writer's name: "by Jane Roe, Network News" -> the network."""
    for node in tree.xpath(_BYLINES):
        text = " ".join(node.text_content().split())
        # the writer and the affiliation in elements of their own: "By NAME" then "OUTLET"
        parts = ", ".join(
            " ".join(child.text_content().split()) for child in node if isinstance(child.tag, str)
        )
        match = (
            (_CREDITED.match(parts) if len(node) > 1 else None)
            or (_CREDITED.match(_lead_and_parts(node)) if len(node) else None)
            or _CREDITED.match(text)
        )
        if match:
            return match.group("outlet").strip(), text
    return None


def _lead_and_parts(node: Any) -> str:
    """A byline's own text before its elements, then each element's, joined by commas: "By NAME and NAME"
    then a span of the affiliation ("Agency") reads "By NAME and NAME, Agency"."""
    pieces = [node.text or "", *(child.text_content() for child in node if isinstance(child.tag, str))]
    return ", ".join(joined for piece in pieces if (joined := " ".join(piece.split()).strip(" ,")))


def shows_update(tree: Any, max_chars: int, words: tuple[str, ...] = ()) -> bool:
    """True when some short visible text of the page says it was updated or modified (or says one of
    `words`, the update word of other languages)."""
    for node in tree.xpath("//body//*[not(self::script or self::style)]"):
        own = " ".join((node.text or "").split())
        if own and len(own) <= max_chars and is_update_word(own, words):
            return True
    return False
