"""Finding quotation spans in one paragraph: double and single marks, straight or curly, nested, unbalanced.

Scraped text mixes straight and curly marks, loses closing marks and uses the right single mark as an
apostrophe, so each mark is read from its surroundings (a space before and a letter after opens; a letter
or punctuation before and a space after closes) and matched on a stack. Every span stays inside its
paragraph: an unclosed double quotation runs to the end of the paragraph (the convention of a quotation
continued in the next paragraph), an unclosed single mark was an apostrophe after all.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.config import FactsConfig
from bot.facts.lexicon import SPEECH_VERB

__all__ = ["QuoteSpan", "find_spans"]

_DOUBLE_OPEN = "“„«"
_DOUBLE_CLOSE = "”»"
_DOUBLE = '"' + _DOUBLE_OPEN + _DOUBLE_CLOSE + "‟"
_SINGLE = "'‘’‚‛"
_OPEN_BEFORE = "([{—–-/"  # characters after which a mark opens
_CLOSE_AFTER = ".,;:!?)]}…—–-"  # punctuation a closing mark may be followed by
_INNER_STOP = re.compile(r",|;|\s[-—–]\s")
_ANY_MARK = re.compile(f"[{re.escape(_DOUBLE + _SINGLE)}]")


@dataclass(frozen=True, slots=True)
class QuoteSpan:
    """Quoted words at [start, end) of a paragraph (marks excluded); `closed` is False if no mark ended it."""

    start: int
    end: int
    mark: str  # the opening mark
    closed: bool
    depth: int  # 0 for a top-level quotation, 1 for a quote inside a quote ...


@dataclass(slots=True)
class _Open:
    pos: int  # offset of the opening mark
    mark: str
    double: bool
    depth: int


def find_spans(paragraph: str, *, short_inner: int = FactsConfig.short_inner_words) -> list[QuoteSpan]:
    """Every quotation in `paragraph`, ordered by start; never raises on unbalanced marks. A double quotation
    inside another of at most `short_inner` words is a closed scare quote."""
    if paragraph.isascii() and '"' not in paragraph and "'" not in paragraph:
        return []  # most paragraphs: no mark at all (the string tests cost less than the scan)
    stack: list[_Open] = []
    spans: list[QuoteSpan] = []
    for mark in _ANY_MARK.finditer(paragraph):  # every other character is passed over
        i, ch = mark.start(), mark.group()
        if ch in _DOUBLE and _inside_word(paragraph, i):
            continue  # "partners”s": a misplaced apostrophe, which must not end the real quotation
        if ch in _DOUBLE:
            _double_mark(paragraph, i, stack, spans, short_inner)
        elif ch in _SINGLE:
            _single_mark(paragraph, i, stack, spans)
    while stack:  # unclosed at the paragraph's end
        top = stack.pop()
        if not top.double:
            continue  # an unmatched single mark is an apostrophe
        if any(o.double for o in stack):
            _add(paragraph, spans, _inner_span(paragraph, top, len(paragraph)))
        else:
            _add(
                paragraph, spans, QuoteSpan(top.pos + 1, len(paragraph.rstrip()), top.mark, False, top.depth)
            )
    return sorted((s for s in spans if s.end > s.start), key=lambda s: (s.start, -s.end))


def _inside_word(text: str, i: int) -> bool:
    return 0 < i < len(text) - 1 and text[i - 1].isalnum() and text[i + 1].isalnum()


def _direction(text: str, i: int) -> str:
    """'open', 'close' or 'either', read from the characters around position i."""
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    opens = (
        before.isspace() or before in _OPEN_BEFORE or before in _DOUBLE + _SINGLE
    ) and not after.isspace()
    closes = not before.isspace() and (after.isspace() or after in _CLOSE_AFTER or after in _DOUBLE + _SINGLE)
    if opens and not closes:
        return "open"
    if closes and not opens:
        return "close"
    if before.isspace() and after.isspace():
        # "confrontation, " said ...: a mark between spaces closes after punctuation, opens otherwise
        prev = text[:i].rstrip()[-1:]
        return "close" if prev and prev in ".,;:!?…" else "either"
    return "either"


def _double_mark(text: str, i: int, stack: list[_Open], spans: list[QuoteSpan], short_inner: int) -> None:
    ch = text[i]
    way = _direction(text, i)
    if way == "either":
        if ch in _DOUBLE_OPEN:
            way = "open"
        elif ch in _DOUBLE_CLOSE:
            way = "close"
        else:
            way = "close" if any(o.double for o in stack) else "open"
    if way == "open" and ch == '"' and stack and stack[-1].double:
        so_far = text[stack[-1].pos + 1 : i]
        if SPEECH_VERB.search(so_far) and so_far.rstrip()[-1:] in ".:":
            stack.pop()  # 'The "so-called plan failed, he said. "We ...': the first mark was stray
        elif _ends_clause(text, i):
            way = "close"  # 'longer than planned, "Russian media said': a closing mark put after the space
    if way == "open":
        stack.append(_Open(i, ch, True, len(stack)))
        return
    doubles = [n for n, o in enumerate(stack) if o.double]
    if not doubles:
        return  # a stray closing mark
    inner = doubles[-1]
    target = inner
    if len(doubles) > 1 and len(text[stack[inner].pos + 1 : i].split()) > short_inner:
        target = doubles[-2]  # the inner "mark was never closed: this one ends the outer quotation
    for extra in stack[target + 1 :]:
        if extra.double:
            _add(text, spans, _inner_span(text, extra, i))
    opened = stack[target]
    del stack[target:]
    _add(text, spans, QuoteSpan(opened.pos + 1, i, opened.mark, True, opened.depth))


def _ends_clause(text: str, i: int) -> bool:
    """A space, and before it the punctuation a quotation ends with."""
    before = text[:i]
    return before[-1:].isspace() and before.rstrip()[-1:] in ",.!?"


def _single_mark(text: str, i: int, stack: list[_Open], spans: list[QuoteSpan]) -> None:
    before = text[i - 1] if i > 0 else " "
    after = text[i + 1] if i + 1 < len(text) else " "
    if before.isalnum() and after.isalnum():
        return  # don't, Russia's, you’ve
    way = _direction(text, i)
    open_single = next((n for n in range(len(stack) - 1, -1, -1) if not stack[n].double), None)
    top_is_single = bool(stack) and not stack[-1].double
    if way in ("close", "either") and top_is_single and open_single is not None:
        opened = stack.pop()
        _add(text, spans, QuoteSpan(opened.pos + 1, i, opened.mark, True, opened.depth))
        return
    if way == "open" or (way == "either" and text[i] == "‘"):
        if text[i] == "’" and before.isalpha():
            return
        stack.append(_Open(i, text[i], False, len(stack)))


def _inner_span(text: str, opened: _Open, limit: int) -> QuoteSpan:
    """An unclosed quote inside another: it ends at its first comma, semicolon or spaced dash."""
    start = opened.pos + 1
    match = _INNER_STOP.search(text, start, limit)
    end = match.start() if match else limit
    while end > start and text[end - 1].isspace():
        end -= 1
    return QuoteSpan(start, end, opened.mark, False, opened.depth)


def _add(text: str, spans: list[QuoteSpan], span: QuoteSpan) -> None:
    """Keep a span that holds a word (empty marks such as "" are not quotations)."""
    if any(c.isalnum() for c in text[span.start : span.end]):
        spans.append(span)
