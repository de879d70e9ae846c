"""The facts of one sentence, as persisted with the index: speakers, quotations, figures, entities, group."""

from __future__ import annotations

import json
from typing import Any

from bot.facts.figures import Figure
from bot.frozen import dataclass

__all__ = [
    "EMPTY_FACTS",
    "QuoteFact",
    "SentenceFacts",
    "encode_data",
    "encode_facts",
    "facts_from_dict",
    "facts_to_dict",
]


@dataclass(frozen=True, slots=True)
class QuoteFact:
    """A quotation that starts in the sentence: offsets of the quoted words in the article text (marks
    excluded), its kind ("full", "fragment" or "block"), its speaker (a canonical or written name, or
    "unknown"), how the speaker was found, the enclosing quotation's number in the article (or -1), and
    its same-remark group across the corpus."""

    start: int
    end: int
    kind: str
    speaker: str
    evidence: str
    parent: int = -1
    group: int = -1


@dataclass(frozen=True, slots=True)
class SentenceFacts:
    """Everything computed once about one sentence of the index (see bot.facts)."""

    speakers: tuple[str, ...] = ()
    speaker_evidence: str | None = None
    speaker_carried: bool = False  # True when the speakers come from earlier sentences ("he said")
    quotations: tuple[QuoteFact, ...] = ()
    figures: tuple[Figure, ...] = ()
    entities: tuple[str, ...] = ()
    group: int = -1


def facts_to_dict(facts: SentenceFacts) -> dict[str, Any]:
    """The JSON form (compact keys: a corpus holds many sentences). The group is not in it: the facts'
    folder keeps every sentence's group in an array (bot.facts.store)."""
    data: dict[str, Any] = {}
    if facts.speakers:
        data["s"] = list(facts.speakers)
        data["e"] = facts.speaker_evidence
        data["c"] = facts.speaker_carried
    if facts.quotations:
        data["q"] = [
            [q.start, q.end, q.kind, q.speaker, q.evidence, q.parent, q.group] for q in facts.quotations
        ]
    if facts.figures:
        data["f"] = [
            [f.value, f.unit, f.dimension, f.measures, f.start, f.end, f.text, f.bound] for f in facts.figures
        ]
    if facts.entities:
        data["n"] = list(facts.entities)
    return data


def encode_facts(facts: SentenceFacts) -> bytes:
    """A sentence's line in the facts' folder: `facts_to_dict` as compact UTF-8 JSON."""
    return encode_data(facts_to_dict(facts))


def encode_data(data: dict[str, Any]) -> bytes:
    """A `facts_to_dict` form's line (`encode_facts`)."""
    return _ENCODER.encode(data).encode() if data else EMPTY_FACTS


EMPTY_FACTS = b"{}"  # the line of a sentence without facts (most sentences): one shared line
# What `json.dumps(data, separators=(",", ":"))` makes a new one of at every call: the same text
_ENCODER = json.JSONEncoder(separators=(",", ":"))


def facts_from_dict(data: dict[str, Any], group: int = -1) -> SentenceFacts:
    """The inverse of `facts_to_dict`, with the sentence's `group`."""
    return SentenceFacts(
        speakers=tuple(str(s) for s in data.get("s", ())),
        speaker_evidence=data.get("e"),
        speaker_carried=bool(data.get("c", False)),
        quotations=tuple(
            QuoteFact(int(a), int(b), str(k), str(s), str(e), int(p), int(g))
            for a, b, k, s, e, p, g in data.get("q", ())
        ),
        figures=tuple(
            Figure(float(v), str(u), str(d), str(m), int(a), int(b), str(t), str(bound))
            for v, u, d, m, a, b, t, bound in data.get("f", ())
        ),
        entities=tuple(str(n) for n in data.get("n", ())),
        group=group,
    )
