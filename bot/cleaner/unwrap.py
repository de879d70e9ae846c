"""Hard-wrapped text (a print edition, a PDF, an e-mail) joined back into paragraphs.

A column of short lines whose ends run on into the next line ("Pres-" / "ident", "met face" / "to
face") is one paragraph printed narrow. Such a block is recognised by its line breaks: several that
fall inside a word or before a word in lower case. Inside the block, a line that does not end a
sentence runs on into the next; a word split by a hyphen at the line's end is joined again. Lines
elsewhere (one paragraph a line, as web pages are scraped) are left alone.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from itertools import pairwise

from bot.cleaner.lines import Line, ends_sentence
from bot.cleaner.patterns import chrome_reason
from bot.config import CleanerConfig

__all__ = ["unwrap"]

_SPLIT_WORD = re.compile(r"[a-z]-$")


def unwrap(lines: Sequence[Line], settings: CleanerConfig) -> list[Line]:
    """The lines with every hard-wrapped paragraph joined into one Line (numbered by its first line;
    `last` is its last raw line and `parts` its raw lines)."""
    out: list[Line] = []
    i = 0
    while i < len(lines):
        j = i
        while j + 1 < len(lines) and _narrow(lines[j], settings) and _narrow(lines[j + 1], settings):
            j += 1
        block = list(lines[i : j + 1])
        out.extend(_join_block(block) if _is_wrapped(block, settings) else block)
        i = j + 1
    return out


def _narrow(line: Line, settings: CleanerConfig) -> bool:
    """A line of a narrow column, not chrome by its own shape ("Continued on Page 9")."""
    return 0 < len(line.text) <= settings.column_max_chars and chrome_reason(line.text, settings) is None


def _strong_break(a: str, b: str) -> bool:
    """A break that cannot end a paragraph: inside a hyphenated word, or before a word in lower case."""
    return bool(_SPLIT_WORD.search(a)) or (not ends_sentence(a) and b[:1].islower())


def _is_wrapped(block: list[Line], settings: CleanerConfig) -> bool:
    breaks = sum(_strong_break(a.text, b.text) for a, b in pairwise(block))
    return len(block) >= settings.wrap_min_lines and breaks >= settings.wrap_min_breaks


def _prose_like(text: str) -> bool:
    return any(word[:1].islower() for word in text.split())


def _runs_on(a: str, b: str) -> bool:
    """Inside a wrapped block: does line a go on into line b?"""
    if _strong_break(a, b):
        return True
    return not ends_sentence(a) and _prose_like(a) and _prose_like(b)


def _join_block(block: list[Line]) -> list[Line]:
    paragraphs: list[list[Line]] = [[block[0]]]
    for a, b in pairwise(block):
        if _runs_on(a.text, b.text):
            paragraphs[-1].append(b)
        else:
            paragraphs.append([b])
    return [_joined(group) for group in paragraphs]


def _joined(group: list[Line]) -> Line:
    if len(group) == 1:
        return group[0]
    text = group[0].text
    for line in group[1:]:
        if _SPLIT_WORD.search(text) and line.text[:1].islower():
            text = text[:-1] + line.text  # "Pres-" + "ident"
        else:
            text = f"{text} {line.text}"
    return Line(
        number=group[0].number,
        raw="\n".join(line.raw for line in group),
        text=text,
        last=group[-1].number,
        parts=tuple(line.raw for line in group),
    )
