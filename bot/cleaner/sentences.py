"""Sentence splitting for news English with sentencex, mapped back to verbatim character offsets."""

from __future__ import annotations

import logging
import re

import sentencex

__all__ = ["sentence_spans"]

log = logging.getLogger(__name__)

_SURROGATE = re.compile("[\ud800-\udfff]")


def sentence_spans(paragraph: str) -> list[tuple[int, int]]:
    """(start, end) offsets of the paragraph's sentences; paragraph[start:end] is each one verbatim.

    sentencex knows the abbreviations of news English (U.S., Sept., Mr, Gen., initials), splits
    "power.Their" where a space is missing, and keeps a closing quote with its full stop. Whitespace
    (including U+00A0) at a sentence's edges is left out of its span.
    """
    # sentencex encodes to UTF-8, which a lone surrogate cannot be: splitting sees U+FFFD in its place,
    # one code point for one, so the offsets are the paragraph's own
    paragraph = _SURROGATE.sub("\ufffd", paragraph)
    spans: list[tuple[int, int]] = []
    cursor = 0
    for segment in sentencex.segment("en", paragraph):
        piece = segment.strip()
        if not piece:
            continue
        at = paragraph.find(piece, cursor)
        if at < 0:
            # sentencex changed the text; keep the rest of the paragraph as one sentence, verbatim.
            log.warning("sentence not found verbatim in its paragraph: %r", piece[:60])
            rest = paragraph[cursor:]
            stripped = rest.strip()
            if stripped:
                begin = cursor + rest.index(stripped)
                spans.append((begin, begin + len(stripped)))
            return spans
        spans.append((at, at + len(piece)))
        cursor = at + len(piece)
    return spans
