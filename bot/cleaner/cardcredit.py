"""Bylines that credit an outlet's copy without naming a writer (used by `html` and `wire`).

- "by: CNN Wire": a network's wire service as the byline of a local station's page. The network is
  the copy's source ("NAME Wire", "NAME Newswire"), read off the byline when the table knows NAME.
- An author card under the story whose name element holds an outlet's name alone ("AFP", with
  "Agence France-Presse" as the card's title): the agency wrote the story. A writer's own name is no
  outlet the table knows, so it credits nothing (the caller keeps known names only).
"""

from __future__ import annotations

import re
from typing import Any

from bot.cleaner.ownsite import own_outlet
from bot.cleaner.pagelines import Found, PageLines

__all__ = ["card_credit", "wire_service", "wire_service_credit"]

_WIRE_SERVICE = re.compile(r"^by\s*:?\s*(?P<name>[A-Z][\w&.'’ -]{1,40}?)\s+(?:news)?wire$", re.IGNORECASE)
_BYLINE_NODES = "//body//*[contains(@class, 'author') or contains(@class, 'byline')]"
_CARD_NAMES = "//body//*[contains(@class, 'author-name')]"
_CARD_MAX_WORDS = 4  # not a threshold: an outlet's name, not a sentence about the writer


def wire_service(text: str) -> str | None:
    """The outlet a "by: NAME Wire" byline credits, as written."""
    match = _WIRE_SERVICE.match(text.strip())
    return match.group("name").strip() if match else None


def wire_service_credit(page: PageLines, text: str) -> Found | None:
    """The known outlet a text page's "by: NAME Wire" line credits, unless it is the page's own."""
    name = wire_service(text)
    if name is None or not page.table.known(name):
        return None
    canonical = page.table.canonical(name, page.url)
    return None if canonical == own_outlet(page) else Found(canonical, text)


def card_credit(tree: Any) -> tuple[str, str] | None:
    """(name, evidence) of a wire service's byline, or of a bare name in an author card's name element."""
    for node in tree.xpath(_BYLINE_NODES):
        text = " ".join(node.text_content().split())
        name = wire_service(text) if len(text) < len("by: ") + 60 else None
        if name is not None:
            return name, text
    for node in tree.xpath(_CARD_NAMES):
        text = " ".join(node.text_content().split())
        if text and len(text.split()) <= _CARD_MAX_WORDS and not text.lower().startswith("by "):
            card = node.getparent()
            shown = " ".join(card.text_content().split()) if card is not None else text
            return text, f"author card: {shown}"
    return None
