"""A lead photo's caption printed between the headline and the story, outside the story's container.

Some papers lay out the headline, then a sidebar (related links and the lead photo with its caption),
then the story's paragraphs, all in a `<main>` or a `<div>` the lead finder of `html` does not take for
an article. The extractor leaves the sidebar out, caption and all. A caption block (a `<figcaption>` or
an element classed as one) after the page's first `<h1>` and before the story's first paragraph is the
lead photo's: it goes back right above that paragraph, where the line cleaner reads it as a caption.
"""

from __future__ import annotations

from typing import Any

from bot.cleaner.licence import CAPTION_CLASSES

__all__ = ["with_side_caption"]

_CAPTIONED = " or ".join(f"contains(@class, {word!r})" for word in CAPTION_CLASSES)
_CAPTIONS = f"(//h1)[1]/following::*[self::figcaption or self::p or self::div or self::span][{_CAPTIONED}]"


def with_side_caption(tree: Any, text: str, lead_chars: int) -> str:
    """The extracted text with the caption between the headline and the first paragraph put back."""
    order = {node: n for n, node in enumerate(tree.iter())}
    paragraphs = [(order[p], " ".join(p.text_content().split())) for p in tree.iter("p")]
    lines = text.split("\n")
    at, first = next(
        (
            (n, where)
            for n, line in enumerate(lines)
            if line[:lead_chars]
            for where, para in paragraphs
            if line[:lead_chars] in para
        ),
        (0, None),
    )
    if first is None:
        return text
    for node in tree.xpath(_CAPTIONS):
        if order.get(node, first) >= first or node.xpath(f".//*[{_CAPTIONED}]"):  # after the story; a box
            continue
        caption = " ".join(node.text_content().split())
        if caption and caption not in text:
            return "\n".join([*lines[:at], caption, *lines[at:]])
    return text
