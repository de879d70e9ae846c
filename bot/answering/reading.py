"""The reading model's second look at a question's best few sentences: it reorders them, never decides.

The ranking fit orders every candidate; the best `semantic.reader_candidates` of them are read by the
reading model (bot.semantic.reader), and a small fit over READER_FEATURES (the ranking fit's log-odds and
the reader's cosine, raw and against the best read) orders those few again. Whether to answer stays the
answer fit's: measured on the k-fold splits, the reader's cosine tells gold sentences from the others
(pairs AUC 0.81 against MiniLM's 0.77) but not answerable questions from unanswerable ones (0.60).
It runs only where the corpus has sentence vectors (small enough to embed), so the large-corpus path
keeps its cost.
"""

from __future__ import annotations

import numpy as np

from bot.answering.candidates import Candidates
from bot.answering.decision import Decision
from bot.answering.feature_names import columns_of
from bot.search import CorpusIndex
from bot.semantic.reader import reader_for

__all__ = ["reader_rows", "reread"]

_EDGE = 1e-6  # probabilities are kept off 0 and 1 before their log-odds are taken


def reader_rows(
    index: CorpusIndex, candidates: Candidates, ranked: np.ndarray
) -> tuple[np.ndarray, np.ndarray] | None:
    """The indices of the best few candidates by `ranked` and their rows with READER_FEATURES filled, or
    None when nothing is read (no reader, no sentence vectors, no candidates)."""
    rows = candidates.rows
    settings = index.config.semantic
    if rows is None or not len(rows) or index.vectors is None:
        return None
    reader = reader_for(settings)
    if reader is None:
        return None
    top = np.argsort(-ranked, kind="stable")[: settings.reader_candidates]
    question = candidates.question.search_text if candidates.question else candidates.text
    cosine = reader.scores(question, [candidates.hits[i].sentence.text for i in top])
    p = np.clip(ranked[top], _EDGE, 1 - _EDGE)
    read = rows[top].copy()
    read[:, columns_of(("first_logit", "reader", "reader_gap"))] = np.column_stack(
        [np.log(p / (1 - p)), cosine, cosine - cosine.max()]
    )
    return top, read


def reread(index: CorpusIndex, candidates: Candidates, decision: Decision, ranked: np.ndarray) -> np.ndarray:
    """`ranked` with its best few reordered by the reader fit (they stay above the rest), where
    `semantic.reader` switches the reading model on."""
    if decision.reader is None or not index.config.semantic.reader:
        return ranked
    found = reader_rows(index, candidates, ranked)
    if found is None:
        return ranked
    top, read = found
    again = ranked.copy()
    again[top] = 1.0 + decision.reader.probability(read)
    return again
