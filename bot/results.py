"""Answer objects: what the core returns and every face (terminal text, JSON, Discord embeds) renders.

Each carries its evidence: the verbatim sentence, its article, outlet, date, headline, offsets into the
cleaned text, and its score. `to_dict()` gives the CLI's --json form.
"""

from __future__ import annotations

from dataclasses import asdict, field
from typing import Any

from bot.frozen import frozen_dataclass as dataclass
from bot.text import match_key

__all__ = [
    "Answer",
    "AskResult",
    "Claim",
    "CompareResult",
    "Disagreement",
    "OutletCoverage",
    "Quotation",
    "QuoteResult",
    "ScoredSentence",
    "Wording",
]


@dataclass(frozen=True)
class Wording:
    """One outlet's own words for a statement or a quotation, verbatim, with offsets into its article."""

    outlet: str
    doc: str
    text: str
    start: int
    end: int

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Answer:
    """A sentence that answers a question, quoted verbatim and cited."""

    text: str
    doc: str
    outlet: str | None
    date: str | None
    title: str | None
    wire: str | None
    event: str | None
    start: int
    end: int
    score: float
    also_reported_by: tuple[str, ...] = ()
    role: str = "body"
    line: int = 0
    # other outlets giving a different figure for what this sentence states
    disagreements: tuple[Wording, ...] = ()
    probability: float = 0.0  # the decision's probability that this sentence answers the question

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["also_reported_by"] = list(self.also_reported_by)
        data["disagreements"] = [w.to_dict() for w in self.disagreements]
        data["score"] = round(self.score, 4)
        data["probability"] = round(self.probability, 4)
        return data


@dataclass(frozen=True)
class AskResult:
    """The reply to a question: answers best first, or declined (no answer in the coverage)."""

    question: str
    declined: bool
    answers: tuple[Answer, ...]
    closest: str | None = None  # when declined: the nearest thing the coverage does cover
    scope: str | None = None  # the outlet or event the question was restricted to, if any
    resolved_question: str | None = None  # a follow-up with the previous topic carried over
    unknown: tuple[str, ...] = ()  # names in the question that the coverage never mentions
    probability: float | None = None  # the best sentence's probability of answering, if one was weighed

    def to_dict(self) -> dict[str, Any]:
        return {
            "question": self.question,
            "declined": self.declined,
            "answers": [a.to_dict() for a in self.answers],
            "closest": self.closest,
            "scope": self.scope,
            "unknown": list(self.unknown),
            "probability": None if self.probability is None else round(self.probability, 4),
        }


@dataclass(frozen=True)
class Quotation:
    """A quotation: the quoted words verbatim (without the marks), its speaker and where it stands."""

    text: str
    speaker: str  # a canonical name, or "unknown"
    kind: str  # "full", "fragment" or "block" (a paragraph after "X said:", without marks)
    doc: str
    outlet: str | None
    date: str | None
    event: str | None
    sentence: str  # the sentence that holds it, verbatim
    start: int  # offsets of the quoted words in the article's cleaned text
    end: int
    outlets: tuple[Wording, ...] = ()  # every outlet that carries the same remark, in its own words
    score: float = 0.0

    def to_dict(self) -> dict[str, Any]:
        data = asdict(self)
        data["outlets"] = [w.to_dict() for w in self.outlets]
        data.pop("score")
        return data

    def other_wordings(self) -> list[list[Wording]]:
        """The group's other wordings, each with the outlets that printed it (not this quotation's own)."""
        own = match_key(self.text)
        by_text: dict[str, list[Wording]] = {}
        for wording in self.outlets:
            key = match_key(wording.text)
            if key != own:
                by_text.setdefault(key, []).append(wording)
        return list(by_text.values())

    def same_wording_outlets(self) -> list[str]:
        """The outlets that printed exactly this quotation's words (its own outlet first)."""
        own = match_key(self.text)
        names = [w.outlet for w in self.outlets if match_key(w.text) == own]
        return list(dict.fromkeys(names))


@dataclass(frozen=True)
class QuoteResult:
    """What `summitbot quote` found: a speaker's (or a topic's) quotations."""

    speaker: str | None
    topic: str | None
    quotes: tuple[Quotation, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"speaker": self.speaker, "topic": self.topic, "quotes": [q.to_dict() for q in self.quotes]}


@dataclass(frozen=True)
class ScoredSentence:
    """A sentence of one outlet's coverage in a comparison, with its score and span."""

    text: str
    start: int
    end: int
    score: float
    shared: bool = False  # several outlets carry the same sentence

    def to_dict(self) -> dict[str, Any]:
        return {
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "score": round(self.score, 4),
            "shared": self.shared,
        }


@dataclass(frozen=True)
class OutletCoverage:
    """One outlet's article on a comparison's topic and its best sentences."""

    outlet: str
    doc: str
    date: str | None
    event: str | None
    sentences: tuple[ScoredSentence, ...]
    title: str | None = None

    def to_dict(self) -> dict[str, Any]:
        return {
            "outlet": self.outlet,
            "doc": self.doc,
            "date": self.date,
            "event": self.event,
            "title": self.title,
            "sentences": [s.to_dict() for s in self.sentences],
        }


@dataclass(frozen=True)
class Claim:
    """What one outlet says in a disagreement."""

    outlet: str
    text: str

    def to_dict(self) -> dict[str, Any]:
        return asdict(self)


@dataclass(frozen=True)
class Disagreement:
    """Outlets that report different figures or claims about one thing."""

    about: str
    claims: tuple[Claim, ...]

    def to_dict(self) -> dict[str, Any]:
        return {"about": self.about, "claims": [c.to_dict() for c in self.claims]}


@dataclass(frozen=True)
class CompareResult:
    """What `summitbot compare` found: each outlet's coverage of a topic, and where they differ."""

    topic: str
    outlets: tuple[OutletCoverage, ...]
    not_covered: tuple[str, ...]
    disagreements: tuple[Disagreement, ...] = field(default_factory=tuple)

    def to_dict(self) -> dict[str, Any]:
        return {
            "topic": self.topic,
            "outlets": [o.to_dict() for o in self.outlets],
            "not_covered": list(self.not_covered),
            "disagreements": [d.to_dict() for d in self.disagreements],
        }
