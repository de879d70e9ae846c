"""Question vectors computed ahead of their answers: a batch of questions is embedded in one forward pass
(`Encoder.embed_questions`), and while `primed_questions` is active, each answer takes its question's
vector from that batch instead of embedding it again. The vectors are held per context (a ContextVar), so
another thread's answers never see them."""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from contextvars import ContextVar

import numpy as np

__all__ = ["primed_questions", "primed_vector"]

_PRIMED: ContextVar[Mapping[str, np.ndarray] | None] = ContextVar("summitbot_primed_questions", default=None)


@contextmanager
def primed_questions(vectors: Mapping[str, np.ndarray]) -> Iterator[None]:
    """Within the block, `primed_vector(text)` gives `vectors[text]` (texts as they are embedded)."""
    token = _PRIMED.set(vectors)
    try:
        yield
    finally:
        _PRIMED.reset(token)


def primed_vector(text: str) -> np.ndarray | None:
    """The vector embedded ahead for `text` in this context, or None (then embed it as usual)."""
    primed = _PRIMED.get()
    return None if primed is None else primed.get(text)
