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

from bot.cleaner.cardstamp import is_card_credit
from bot.cleaner.lines import Line, ends_sentence, lowercase_share
from bot.cleaner.patterns import chrome_reason
from bot.config import CleanerConfig

__all__ = ["joined_lines", "unwrap"]

_SPLIT_WORD = re.compile(r"[a-z]-$")


def unwrap(lines: Sequence[Line], settings: CleanerConfig) -> list[Line]:
    """The lines with every hard-wrapped paragraph joined into one Line (numbered by its first line;
    `last` is its last raw line and `parts` its raw lines). Narrow columns are joined first, then
    text wrapped at a page's width, where only a nearly full line runs on."""
    narrow = _unwrap_at(lines, settings, settings.column_max_chars, fill=0.0)
    joined = _unwrap_at(narrow, settings, settings.page_column_max_chars, fill=settings.wrap_fill_share)
    return _join_cut_before_names(_join_title(joined, settings))


def _join_cut_before_names(lines: list[Line]) -> list[Line]:
    """A line of prose cut on a word that needs what follows, and the next line (no blank between) opening
    with a name, are one paragraph: "... according to" / "Reuters." (an attribution's link set apart)."""
    out: list[Line] = []
    for line in lines:
        if out and line.text and _before_a_name(out[-1].text, line.text):
            out[-1] = _joined([out[-1], line])
        else:
            out.append(line)
    return out


def _unwrap_at(lines: Sequence[Line], settings: CleanerConfig, width: int, *, fill: float) -> list[Line]:
    """Join the wrapped blocks of lines this narrow. Once one block of the page is surely wrapped, a
    shorter block with a break inside a sentence is too (an e-mail's paragraphs between blank lines)."""
    blocks: list[list[Line]] = []
    i = 0
    while i < len(lines):
        j = i
        while (
            j + 1 < len(lines)
            and _narrow(lines[j], settings, width)
            and _narrow(lines[j + 1], settings, width)
        ):
            j += 1
        blocks.append(list(lines[i : j + 1]))
        i = j + 1
    page_wrapped = any(_is_wrapped(block, settings) for block in blocks)
    out: list[Line] = []
    for block in blocks:
        wrapped = _is_wrapped(block, settings) or (page_wrapped and _breaks(block) >= 1)
        out.extend(_join_block(block, fill) if wrapped else _join_broken_sentences(block))
    return out


def _join_broken_sentences(block: list[Line]) -> list[Line]:
    """Outside a wrapped block, a line of prose broken inside a sentence ("... never hesitate to" /
    "protect our people ...") still runs on: a paragraph never opens with words in lower case."""
    paragraphs: list[list[Line]] = [[block[0]]]
    for a, b in pairwise(block):
        words = len(a.text.split())
        credit = _CREDIT_WORD.match(b.text)  # "by NAME » DATE" under a title is its byline
        if words >= _MIN_BROKEN_WORDS and _strong_break(a.text, b.text) and not (a.text.isupper() or credit):
            paragraphs[-1].append(b)
        else:
            paragraphs.append([b])
    return [_joined(group) for group in paragraphs]


# not a threshold: a lone menu link ("Home") above a phrase in lower case is no sentence
_MIN_BROKEN_WORDS = 3
# words a sentence never ends on: a line of prose ending on one runs on into the next line, even when that
# opens with a name ("... according to" / "Reuters.", "... was described by" / "The Daily Paper as ...")
_UNFINISHED = frozenset("to by of from with according than the a an".split())
_PROSE_WORDS = 8  # not a threshold: a sentence's worth of words, no menu's or title's


def _before_a_name(a: str, b: str) -> bool:
    """A line of running prose cut on a word that needs what follows, before a capitalised line."""
    if not b[:1].isupper() or a.rpartition(" ")[2].lower() not in _UNFINISHED:  # the cheap tests first
        return False
    return len(a.split()) >= _PROSE_WORDS and lowercase_share(a) >= _PROSE_LOWERCASE


_PROSE_LOWERCASE = 0.5  # not a threshold: most of a sentence's words are in lower case
_CREDIT_WORD = re.compile(r"(?:by|via|from|posted|updated|published|source|photo)\b", re.IGNORECASE)


def _breaks(block: list[Line]) -> int:
    return sum(_strong_break(a.text, b.text) for a, b in pairwise(block))


def _narrow(line: Line, settings: CleanerConfig, width: int) -> bool:
    """A line of a column this wide, not joined yet, not chrome by its shape ("Continued on Page 9")."""
    return not line.parts and 0 < len(line.text) <= width and chrome_reason(line.text, settings) is None


def _strong_break(a: str, b: str) -> bool:
    """A break that cannot end a paragraph: inside a hyphenated word, or before words in lower case (one
    lone word in lower case is more often a link of a menu: "edit", "history"; a card's credit, "short by
    NAME / DATE", is a byline)."""
    return bool(_SPLIT_WORD.search(a)) or (
        not ends_sentence(a) and b[:1].islower() and " " in b and not is_card_credit(b)
    )


def _is_wrapped(block: list[Line], settings: CleanerConfig) -> bool:
    return len(block) >= settings.wrap_min_lines and _breaks(block) >= settings.wrap_min_breaks


def _prose_like(text: str) -> bool:
    return any(word[:1].islower() for word in text.split())


def _runs_on(a: str, b: str, full: bool) -> bool:
    """Inside a wrapped block: does line a go on into line b? (`full`: a is long enough to have been
    wrapped; a short line ends its paragraph unless b carries its sentence on in lower case)"""
    if _SPLIT_WORD.search(a) and b[:1].islower():
        return True
    if _field_row(a) or _field_row(b):  # "Source ^ | 9/28/2015 | NAME and NAME": a row of fields, no prose
        return False
    if not full:  # a short line ends its paragraph, unless words in lower case carry its sentence on
        return _strong_break(a, b) and not a.isupper()
    # a line in capitals ("OBAMA, PUTIN MEET") is a heading; a mixed-case one ending on a name runs on
    return _strong_break(a, b) or (not ends_sentence(a) and not a.isupper() and _prose_like(b))


_FIELD_BARS = 2  # not a threshold: a row of three fields has two bars between them


def _field_row(text: str) -> bool:
    """A row of fields split by spaced bars ("Source | DATE | NAMES"): a credit row, never wrapped prose."""
    return text.count(" | ") >= _FIELD_BARS


# a title wrapped before its colon: "Russia and the United States at the 70th UN General" / "Assembly: the
# Obama-Putin meeting of 28 September" (a line of its own never opens with one word and a colon)
_COLON_OPENING = re.compile(r"^[A-Z][\w'’-]*:\s+\S")


_TITLE_MIN_WORDS = 4  # not tuned: a label ("Research Note") is no title wrapped in two


def _join_title(lines: list[Line], settings: CleanerConfig) -> list[Line]:
    """On a wrapped page (some paragraph was joined), a title above the text wrapped before its colon is
    joined too: the two lines are one heading."""
    first = next((n for n, line in enumerate(lines) if line.parts), None)
    for n in range(first or 0):
        a, b = lines[n], lines[n + 1]
        if (
            not (a.parts or b.parts)
            and len(a.text.split()) >= _TITLE_MIN_WORDS
            and a.text[-1:].isalnum()
            and not ends_sentence(a.text)
            and _COLON_OPENING.match(b.text)
            and chrome_reason(b.text, settings) is None
        ):
            return [*lines[:n], _joined([a, b]), *lines[n + 2 :]]
    return lines


def _join_block(block: list[Line], fill: float) -> list[Line]:
    width = max(len(line.text) for line in block)
    paragraphs: list[list[Line]] = [[block[0]]]
    for a, b in pairwise(block):
        if _runs_on(a.text, b.text, len(a.text) >= fill * width):
            paragraphs[-1].append(b)
        else:
            paragraphs.append([b])
    return [_joined(group) for group in paragraphs]


def joined_lines(group: list[Line]) -> Line:
    """Raw lines joined into one paragraph's Line as `unwrap` joins them."""
    return _joined(group)


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
        last=group[-1].last or group[-1].number,
        parts=tuple(part for line in group for part in (line.parts or (line.raw,))),
    )
