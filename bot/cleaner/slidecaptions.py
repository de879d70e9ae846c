"""A photo story's slides in HTML: each slide a picture, a counter ("2/8"), a caption paragraph and a
credit ("Image: AGENCY"). The extractor keeps the introduction and leaves the slides out as a gallery;
the captions are the story's text. When an <article> holds several captions (figcaptions or elements
classed as captions) that the extracted text lacks, they are put back after it, in page order; a
caption's credit element stays out, as under `html`'s lead rule.
"""

from __future__ import annotations

from typing import Any

from bot.cleaner.licence import CAPTION_CLASSES

__all__ = ["with_slide_captions"]

_CAPTION_CLASS = " or ".join(f"contains(@class, {word!r})" for word in CAPTION_CLASSES)
_CAPTIONS = (
    "//*[self::article or @class='article' or @itemprop='articleBody']//*[self::figcaption"
    f" or (self::p and ({_CAPTION_CLASS}))]"
)


def with_slide_captions(tree: Any, text: str, least: int) -> str:
    """The extracted text with an <article>'s left-out captions after it, when there are `least` or more."""
    missing = []
    for node in tree.xpath(_CAPTIONS):
        for credit in node.xpath(".//*[contains(@class, 'credit')]"):
            credit.drop_tree()
        caption = " ".join(node.text_content().split())
        if caption and caption not in text and caption not in missing:
            missing.append(caption)
    return "\n".join([text, *missing]) if len(missing) >= least else text
