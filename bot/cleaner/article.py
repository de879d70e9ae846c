"""clean_article: a raw scraped page in; a cleaned Article (metadata, sentences, dropped lines) out."""

from __future__ import annotations

import hashlib
import logging
from collections.abc import Sequence

from bot.cleaner.layout import KEPT_KINDS, Decision, lay_out
from bot.cleaner.lines import Line, split_lines
from bot.cleaner.metadata import (
    Found,
    canonical_outlet,
    find_article_date,
    find_event,
    find_outlet,
    find_wire,
    wire_dateline,
)
from bot.cleaner.sentences import sentence_spans
from bot.config import Config
from bot.models import PARAGRAPH_SEPARATOR, Article, ArticleHints, DroppedLine, Sentence

__all__ = ["clean_article"]

log = logging.getLogger(__name__)


def clean_article(raw: str, *, doc_id: str, config: Config, hints: ArticleHints | None = None) -> Article:
    """Clean one scraped page: drop its chrome (each line with a reason), keep the article's paragraphs
    as verbatim sentences, and read its metadata from the text; `hints` override what the text says.

    Pure: no I/O. Article.text is the kept paragraphs joined by a blank line and every sentence's
    start/end point into it.
    """
    hints = hints or ArticleHints()
    lines = split_lines(raw)
    decisions = lay_out(lines)
    text, sentences = _sentences(lines, decisions)
    dropped = tuple(
        DroppedLine(line=line.number, text=line.raw, reason=decision.reason)
        for line, decision in zip(lines, decisions, strict=True)
        if decision.kind == "drop"
    )
    found = _metadata(raw, lines, decisions, config, hints)
    log.debug("%s: kept %d sentences, dropped %d lines", doc_id, len(sentences), len(dropped))
    return Article(
        id=doc_id,
        outlet=found["outlet"].value if "outlet" in found else None,
        date=found["date"].value if "date" in found else None,
        title=found["title"].value if "title" in found else None,
        wire=found["wire"].value if "wire" in found else None,
        event=found["event"].value if "event" in found else None,
        url=hints.url,
        byline=_first(lines, decisions, "byline"),
        dateline=_dateline(lines, decisions),
        text=text,
        sentences=sentences,
        dropped=dropped,
        source_sha256=hashlib.sha256(
            raw.encode("utf-8", "surrogatepass")
        ).hexdigest(),  # API text may hold lone surrogates
        evidence={key: value.evidence for key, value in found.items()},
    )


def _sentences(lines: Sequence[Line], decisions: Sequence[Decision]) -> tuple[str, tuple[Sentence, ...]]:
    """The kept paragraphs joined into Article.text, and their sentences with offsets into it."""
    parts: list[str] = []
    sentences: list[Sentence] = []
    offset = 0
    for line, decision in zip(lines, decisions, strict=True):
        if decision.kind not in KEPT_KINDS:
            continue
        if parts:
            offset += len(PARAGRAPH_SEPARATOR)
        paragraph = len(parts)
        parts.append(line.text)
        for start, end in sentence_spans(line.text):
            sentences.append(
                Sentence(
                    text=line.text[start:end],
                    paragraph=paragraph,
                    role=decision.kind,
                    line=line.number,
                    start=offset + start,
                    end=offset + end,
                )
            )
        offset += len(line.text)
    return PARAGRAPH_SEPARATOR.join(parts), tuple(sentences)


def _first(lines: Sequence[Line], decisions: Sequence[Decision], kind: str) -> str | None:
    return next((line.text for line, d in zip(lines, decisions, strict=True) if d.kind == kind), None)


def _dateline(lines: Sequence[Line], decisions: Sequence[Decision]) -> str | None:
    """The dateline line above the headline or below it, else a wire dateline opening the first paragraph."""
    line = _first(lines, decisions, "dateline")
    if line is not None:
        return line
    body = _first(lines, decisions, "body")
    wire = wire_dateline(body) if body else None
    return wire[0] if wire else None


def _metadata(
    raw: str, lines: Sequence[Line], decisions: Sequence[Decision], config: Config, hints: ArticleHints
) -> dict[str, Found]:
    """Every metadata field found, with its evidence; a hint replaces what the text says."""
    found: dict[str, Found] = {}
    outlet = find_outlet(lines, decisions, raw, config)
    wire = find_wire(lines, decisions, raw, outlet, config)
    date = find_article_date(lines, decisions)
    title = _first(lines, decisions, "headline")
    for key, value in (("outlet", outlet), ("wire", wire), ("date", date)):
        if value is not None:
            found[key] = value
    if title is not None:
        found["title"] = Found(title, title)
    hinted = {
        "outlet": canonical_outlet(hints.outlet, config) if hints.outlet else None,
        "wire": hints.wire,
        "date": hints.date,
        "title": hints.title,
        "event": hints.event,
    }
    for key, hint in hinted.items():
        if hint:
            found[key] = Found(hint, "hint")
    if "event" not in found:
        kept = [line.text for line, d in zip(lines, decisions, strict=True) if d.kind in KEPT_KINDS]
        date_value = found["date"].value if "date" in found else None
        event = find_event(date_value, [*([title] if title else []), *kept], config)
        if event is not None:
            found["event"] = event
    return found
