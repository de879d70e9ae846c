"""The /quote core: quotations by speaker (any alias) and topic, each remark once with all its outlets."""

from __future__ import annotations

import threading
import weakref
from collections import Counter
from dataclasses import dataclass, replace

from bot.errors import InputError
from bot.facts import UNKNOWN, QuoteFact, SpeakerLexicon
from bot.results import Quotation, QuoteResult, Wording
from bot.search import CorpusIndex
from bot.text import normalize

__all__ = ["QuoteTable", "find_quotes", "quote_table", "quoted_speakers"]

MAX_INPUT = 1000  # characters of a speaker name or topic


@dataclass(frozen=True)
class QuoteTable:
    """Every quotation of an index's corpus (from its facts) and the remarks they group into."""

    quotes: tuple[Quotation, ...]
    remarks: tuple[Quotation, ...]
    lexicon: SpeakerLexicon


_TABLES: weakref.WeakKeyDictionary[CorpusIndex, QuoteTable] = weakref.WeakKeyDictionary()
_LOCK = threading.Lock()


def quote_table(index: CorpusIndex) -> QuoteTable:
    """The quotations of an index as /quote shows them, read from the index's facts once per index."""
    with _LOCK:
        table = _TABLES.get(index)
        if table is None:
            members: dict[int, list[Quotation]] = {}
            for group, items in index.facts.quotation_groups().items():
                members[group] = [_quotation(index, p, q) for p, q in items]
            quotes = tuple(sorted((q for m in members.values() for q in m), key=lambda q: (q.doc, q.start)))
            remarks = tuple(_representative(m) for m in members.values())
            table = QuoteTable(quotes, remarks, SpeakerLexicon(index.config.entities))
            _TABLES[index] = table
        return table


def _quotation(index: CorpusIndex, position: int, quote: QuoteFact) -> Quotation:
    article, sentence = index.locate(position)
    return Quotation(
        text=article.text[quote.start : quote.end],
        speaker=quote.speaker,
        kind=quote.kind,
        doc=article.id,
        outlet=article.outlet,
        date=article.date,
        event=article.event,
        sentence=sentence.text,
        start=quote.start,
        end=quote.end,
    )


def _representative(members: list[Quotation]) -> Quotation:
    """The most complete member (full before fragment, longest, earliest) with every outlet's own wording."""
    best = min(
        range(len(members)),
        key=lambda i: (members[i].kind == "fragment", -len(members[i].text), members[i].date or "9999", i),
    )
    ordered = [members[best], *(m for i, m in enumerate(members) if i != best)]
    wordings = tuple(Wording(q.outlet or q.doc, q.doc, q.text, q.start, q.end) for q in ordered)
    return replace(members[best], outlets=wordings)


def quoted_speakers(index: CorpusIndex) -> list[str]:
    """Canonical names of everyone quoted, most quoted first (unknown speakers left out)."""
    counts = Counter(q.speaker for q in quote_table(index).quotes if q.speaker != UNKNOWN)
    return [name for name, _ in sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))]


def find_quotes(index: CorpusIndex, *, speaker: str | None = None, topic: str | None = None) -> QuoteResult:
    """Quotations, each remark once; by one speaker if given, ranked by and limited to a topic if given."""
    table = quote_table(index)
    remarks = list(table.remarks)
    name = None
    if speaker is not None:
        name = _speaker_name(index, table, _checked(speaker, "speaker"))
        remarks = [q for q in remarks if q.speaker == name]
    if topic is not None:
        remarks = _by_topic(index, remarks, _checked(topic, "topic"))
    else:
        remarks.sort(key=lambda q: (q.kind == "fragment", -len(q.outlets), q.date or "", q.doc, q.start))
    return QuoteResult(speaker=name, topic=topic, quotes=tuple(remarks))


def _checked(value: str, what: str) -> str:
    text = normalize(value)
    if not text:
        raise InputError(f"The {what} is empty: give a name or a few words.")
    if len(value) > MAX_INPUT:
        raise InputError(f"The {what} is too long ({len(value)} characters; at most {MAX_INPUT}).")
    return text


def _speaker_name(index: CorpusIndex, table: QuoteTable, asked: str) -> str:
    """The quoted speaker a name or alias means (any case), or InputError listing who is quoted."""
    speakers = quoted_speakers(index)
    name = table.lexicon.canonical(asked)
    if name is None:
        name = next((s for s in speakers if s.casefold() == asked.casefold()), None)
    if name is None or name not in speakers:
        listed = ", ".join(speakers[:12])
        raise InputError(f"Nobody called '{asked}' is quoted in the coverage. Quoted: {listed}.")
    return name


def _by_topic(index: CorpusIndex, remarks: list[Quotation], topic: str) -> list[Quotation]:
    """Remarks whose sentence (or the quoted words' sentences) match the topic under BM25, best first."""
    if not index.tokenizer.tokenize(topic):
        raise InputError(f"The topic '{topic}' has no searchable words (only common words like 'the').")
    docs = {q.doc for q in remarks}
    if not docs:
        return []
    hits = index.search(topic, len(index), docs=docs)
    by_doc: dict[str, list[tuple[int, int, float]]] = {}
    for hit in hits:
        if hit.score > 0:
            by_doc.setdefault(hit.article.id, []).append((hit.sentence.start, hit.sentence.end, hit.score))
    scored = []
    for quote in remarks:
        overlapping = [s for a, b, s in by_doc.get(quote.doc, []) if a < quote.end and quote.start < b]
        if overlapping:
            scored.append(replace(quote, score=max(overlapping)))
    scored.sort(key=lambda q: (-q.score, q.kind == "fragment", q.doc, q.start))
    return scored
