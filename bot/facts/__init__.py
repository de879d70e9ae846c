"""The facts stage (raw -> cleaned -> facts -> index): what each sentence says, computed once per sentence.

For every sentence of the index: its speakers with their evidence (one attribution engine), its quotations
(spans, kind: full, fragment or block), its figures from one reader (each with what it measures), the
entities it names and its same-statement group from one figure-aware test. `/ask`, `/quote` and `/compare`
read them from `index.facts` and never recompute them.

The stage needs only the cleaned articles, the config and the tokenizer, so the index (bot.search) builds
it and keeps it beside BM25 (a folder of arrays, rebuilt when its fingerprint changes). Modules: `figures`,
`figure_cues` and `numbers` (the figures reader), `marks`, `lexicon`, `attribution`, `kind` and
`quotations` (the attribution engine), `statements` (the same-statement test), `model` (the per-sentence
record), `corpus` (the whole corpus's facts, built) and `store` (their folder, saved and opened in
constant time).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bot.facts.corpus import CorpusFacts, load_or_build_facts
from bot.facts.figures import (
    INTERVAL,
    OFFSET,
    Figure,
    asked_dimension,
    asked_span,
    asking_words,
    format_figure,
    read_figures,
)
from bot.facts.model import QuoteFact, SentenceFacts

if TYPE_CHECKING:
    from bot.facts.lexicon import UNKNOWN, SpeakerLexicon

__all__ = [
    "INTERVAL",
    "OFFSET",
    "UNKNOWN",
    "CorpusFacts",
    "Figure",
    "QuoteFact",
    "SentenceFacts",
    "SpeakerLexicon",
    "asked_dimension",
    "asked_span",
    "asking_words",
    "format_figure",
    "load_or_build_facts",
    "read_figures",
]


def __getattr__(name: str) -> Any:
    """The attribution lexicon on first use: its patterns are compiled where quotations are read (/quote,
    a facts build), not on every `summitbot ask`."""
    if name in ("UNKNOWN", "SpeakerLexicon"):
        from bot.facts import lexicon

        return getattr(lexicon, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
