"""The one decision "does the coverage answer this question, and with which sentence".

Two fits, their coefficients data in decision.json beside this file (written by
`python -m bot.evaluation.calibrate --write`, plain numpy, nothing pickled):

- the ranking: a conditional logit, a softmax over the question's candidates of a linear score of
  FEATURES, fitted to put the softmax mass on gold sentences (it orders the candidates);
- the answer: a question-level logistic regression over QUESTION_FEATURES (how sure and how far ahead
  the ranking's first sentence is, and what that sentence offers), fitted on every question: its
  output is the calibrated probability that the first sentence answers, and declines come from it
  with the thresholds of config.yaml's `decision:` section.

Each comes as a lexical fit and, when the corpus has sentence vectors, one that also reads the cosine
features; a corpus too large to embed (the semantic features NaN) is decided by the lexical pair.
"""

from __future__ import annotations

import json
import logging
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np

from bot.answering.features import FEATURES, LEXICAL_FEATURES, SEMANTIC_FEATURES, columns_of
from bot.answering.fit import softmax
from bot.errors import ConfigError

__all__ = [
    "LEXICAL_QUESTION_FEATURES",
    "QUESTION_FEATURES",
    "WEIGHTS_PATH",
    "Decision",
    "Linear",
    "Verdict",
    "fitted_on",
    "load_decision",
    "question_rows",
]

WEIGHTS_PATH = Path(__file__).with_name("decision.json")

log = logging.getLogger(__name__)

# What the answer fit reads of the ranking's first sentence (its FEATURES of these names) ...
_OF_FIRST = (
    "coverage",
    "coverage_gap",
    "coverage_met",
    "constraints_failed",
    "type_missing",
    "type_present",
    "people_missing",
    "unit_missing",
    "speaker_missing",
    "speaker_present",
    "pairs",
    "bm25_relative",
    "context_gain",
    "title_gain",
    "unmatched_heaviest",
    "question_unknown",
    "follow_up",
    *(n for n in LEXICAL_FEATURES if n.startswith("asks_")),
)
# ... and of the ranking itself: the first sentence's softmax share, its margin over the second, and
# log(1 + the number of candidates).
LEXICAL_QUESTION_FEATURES: tuple[str, ...] = ("share", "margin", "candidates", *_OF_FIRST)
QUESTION_FEATURES: tuple[str, ...] = (*LEXICAL_QUESTION_FEATURES, "cosine")
_FIRST_COLUMNS = columns_of((*_OF_FIRST, "cosine"))
_SEMANTIC_COLUMNS = columns_of(SEMANTIC_FEATURES)


@dataclass(frozen=True)
class Linear:
    """A linear score over `names` (standardised), read from rows whose columns are `vocabulary`."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float = 0.0
    vocabulary: tuple[str, ...] = FEATURES

    @cached_property
    def columns(self) -> np.ndarray:
        return np.array([self.vocabulary.index(n) for n in self.names], dtype=np.intp)

    def score(self, rows: np.ndarray) -> np.ndarray:
        """The linear score of each row; an absent (NaN) feature is imputed at its fitted mean."""
        own = rows[:, self.columns]
        own = np.where(np.isnan(own), self.mean, own)
        return np.asarray(((own - self.mean) / self.scale) @ self.coef + self.intercept)

    def probability(self, rows: np.ndarray) -> np.ndarray:
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(self.score(rows), -30, 30))))

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": {
                name: {"mean": float(m), "scale": float(s), "coef": float(c)}
                for name, m, s, c in zip(self.names, self.mean, self.scale, self.coef, strict=True)
            },
            "intercept": float(self.intercept),
        }


@dataclass(frozen=True)
class Verdict:
    """The probability that the ranking's first sentence answers, and the ranking's softmax shares."""

    probability: float
    shares: np.ndarray

    def of(self, i: int) -> float:
        """Candidate i's probability of answering: the first's, scaled by its share relative to it."""
        return self.probability * float(self.shares[i] / self.shares.max())


def question_rows(rows: np.ndarray, shares: np.ndarray) -> np.ndarray:
    """One row of QUESTION_FEATURES for a question's candidates (rows of FEATURES) and their shares."""
    order = np.argsort(-shares, kind="stable")
    first = order[0]
    second = float(shares[order[1]]) if len(order) > 1 else 0.0
    head = [float(shares[first]), float(shares[first]) - second, float(np.log1p(len(shares)))]
    return np.array([[*head, *rows[first, _FIRST_COLUMNS]]])


@dataclass(frozen=True)
class Decision:
    """The lexical ranking and answer fits, and optionally their semantic counterparts."""

    rank: Linear
    answer: Linear
    rank_semantic: Linear | None = None
    answer_semantic: Linear | None = None

    def _fits(self, rows: np.ndarray) -> tuple[Linear, Linear]:
        if self.rank_semantic is None or self.answer_semantic is None:
            return self.rank, self.answer
        if np.isnan(rows[:, _SEMANTIC_COLUMNS]).any():
            return self.rank, self.answer
        return self.rank_semantic, self.answer_semantic

    def shares(self, rows: np.ndarray) -> np.ndarray:
        """The ranking's softmax over the candidates (rows of FEATURES)."""
        return softmax(self._fits(rows)[0].score(rows))

    def assess(self, rows: np.ndarray) -> Verdict:
        """The question's verdict from its candidates' rows (at least one)."""
        rank, answer = self._fits(rows)
        shares = softmax(rank.score(rows))
        return Verdict(float(answer.probability(question_rows(rows, shares))[0]), shares)

    def save(self, path: Path, note: str = "", fitted_on: Sequence[str] = ()) -> None:
        data: dict[str, Any] = {"note": note, "fitted_on": list(fitted_on)}
        for key, fit in self._named():
            if fit is not None:
                data[key] = fit.to_dict()
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")

    def _named(self) -> list[tuple[str, Linear | None]]:
        return [
            ("ranking", self.rank),
            ("answer", self.answer),
            ("ranking_semantic", self.rank_semantic),
            ("answer_semantic", self.answer_semantic),
        ]


_VOCABULARIES = {
    "ranking": FEATURES,
    "answer": QUESTION_FEATURES,
    "ranking_semantic": FEATURES,
    "answer_semantic": QUESTION_FEATURES,
}


def load_decision(path: Path = WEIGHTS_PATH) -> Decision:
    """The fits of decision.json (the semantic pair is optional)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        fits = {key: _linear(data[key], path, vocabulary) if key in data else None for key, vocabulary in _VOCABULARIES.items()}
        rank, answer = fits["ranking"], fits["answer"]
        if rank is None or answer is None:
            raise KeyError("ranking" if rank is None else "answer")
    except (OSError, ValueError, KeyError, TypeError, AttributeError) as exc:
        refit = "python -m bot.evaluation.calibrate --write"
        raise ConfigError(f"{path}: cannot read the decision coefficients ({exc}); refit with {refit}") from None
    return Decision(rank, answer, fits["ranking_semantic"], fits["answer_semantic"])


def fitted_on(path: Path = WEIGHTS_PATH) -> frozenset[str]:
    """The names of the gold files the shipped coefficients were fitted on (their figures are training
    figures)."""
    try:
        return frozenset(str(n) for n in json.loads(path.read_text(encoding="utf-8")).get("fitted_on", ()))
    except (OSError, ValueError, AttributeError):
        return frozenset()


def _linear(data: Any, path: Path, vocabulary: tuple[str, ...]) -> Linear:
    features = data["features"]
    unknown = [n for n in features if n not in vocabulary]
    if unknown or not features:
        raise ValueError(f"unknown features {', '.join(unknown)}" if unknown else "no features")
    names = tuple(n for n in vocabulary if n in features)
    rows = [features[n] for n in names]
    return Linear(
        names,
        np.array([float(r["mean"]) for r in rows]),
        np.array([float(r["scale"]) for r in rows]),
        np.array([float(r["coef"]) for r in rows]),
        float(data.get("intercept", 0.0)),
        vocabulary,
    )
