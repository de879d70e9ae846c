"""Conversation state: what a short follow-up ("And Obama?", "Why did it last so long?") carries over."""

from __future__ import annotations

import time
from dataclasses import field

from bot.frozen import dataclass

__all__ = ["Conversation"]


@dataclass
class Conversation:
    """The previous turn of one conversation (a CLI chat, a Discord channel or DM): the last complete
    question, and the sentence the bot gave for the last question asked (its answer, or its best
    candidate when it declined), which a follow-up's answer is often next to."""

    question: str | None = None  # the last complete (self-standing) question
    person: str | None = None  # entity token of the person it was about, e.g. '@barack_obama'
    docs: tuple[str, ...] | None = None  # the outlet/event scope it was restricted to, if any
    updated: float = field(default_factory=time.monotonic)
    answer: int | None = None  # the sentence position of the last turn's answer (or best candidate)
    answer_doc: str | None = None  # ...and its article's id: a position of another index is ignored

    def expired(self, ttl: float, now: float | None = None) -> bool:
        """True when the last turn is older than `ttl` seconds."""
        return ((time.monotonic() if now is None else now) - self.updated) > ttl

    def remember(self, question: str, person: str | None, docs: tuple[str, ...] | None) -> None:
        self.question = question
        self.person = person
        self.docs = docs
        self.updated = time.monotonic()

    def remember_answer(self, position: int | None, doc: str | None) -> None:
        """The sentence the last turn gave (None: it weighed none)."""
        self.answer = position
        self.answer_doc = doc if position is not None else None

    def touch(self) -> None:
        self.updated = time.monotonic()
