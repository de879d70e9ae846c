"""The one decision "does this sentence answer this question": a logistic regression over FEATURES.

The coefficients are data (decision.json beside this file, written by `summitbot calibrate`), fitted in
plain numpy on labelled question-sentence pairs; nothing is pickled. Its output is a probability; the
thresholds that turn it into answer / decline / "closest" live in config.yaml's `decision:` section.

Two fits share the file: the lexical one, with answering.answerability's features, decides whether to
answer (the semantic features, measured, do not tell unanswerable questions apart and made the threshold
unstable), and one over the lexical and semantic features, cosine included, orders the sentences when the
corpus has vectors (measured: it ranks better).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np

from bot.answering.feature_names import FEATURES, columns_of
from bot.errors import ConfigError
from bot.frozen import frozen_dataclass as dataclass

__all__ = [
    "WEIGHTS_PATH",
    "Decision",
    "DecisionModel",
    "chosen_thresholds",
    "decision_of",
    "fit_logistic",
    "fitted_on",
    "load_decision",
    "load_model",
    "rescaled",
]

_FLAT = 1e-9  # the solver's floor: a feature spread this small is constant; the Hessian's ridge
_CONVERGED = 1e-8  # Newton steps smaller than this have converged

WEIGHTS_PATH = Path(__file__).with_name("decision.json")

log = logging.getLogger(__name__)
# a fit's columns of FEATURES, found once a fit (read for every question; the array is only read)
_columns = lru_cache(maxsize=16)(columns_of)


@dataclass(frozen=True)
class DecisionModel:
    """Standardisation and logistic coefficients, one per feature name (some or all of FEATURES)."""

    names: tuple[str, ...]
    mean: np.ndarray
    scale: np.ndarray
    coef: np.ndarray
    intercept: float

    def probability(self, rows: np.ndarray) -> np.ndarray:
        """P(the sentence answers the question) for each row of FEATURES. A feature that is absent (NaN:
        no sentence vectors in a corpus too large to embed) is imputed at its fitted mean."""
        if rows.size == 0:
            return np.zeros(len(rows))
        return np.asarray(1.0 / (1.0 + np.exp(-np.clip(self.logit(rows), -30, 30))))

    def logit(self, rows: np.ndarray) -> np.ndarray:
        """The log-odds behind `probability`."""
        own = rows[:, _columns(self.names)]
        own = np.where(np.isnan(own), self.mean, own)
        return np.asarray(((own - self.mean) / self.scale) @ self.coef + self.intercept)

    def to_dict(self) -> dict[str, Any]:
        return {
            "features": {
                name: {"mean": float(m), "scale": float(s), "coef": float(c)}
                for name, m, s, c in zip(self.names, self.mean, self.scale, self.coef, strict=True)
            },
            "intercept": float(self.intercept),
        }

    def save(self, path: Path, note: str = "", fitted_on: Sequence[str] = ()) -> None:
        data = {"note": note, "fitted_on": list(fitted_on), **self.to_dict()}
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


@dataclass(frozen=True)
class Decision:
    """Whether to answer (`answer`, lexical) and, when the candidates carry semantic features, which
    sentence answers first (`rank`), then the reading model's reorder of the best few (`reader`, over
    READER_FEATURES; see answering.reading)."""

    answer: DecisionModel
    rank: DecisionModel | None = None
    reader: DecisionModel | None = None

    def ranking(self, rows: np.ndarray) -> np.ndarray:
        """The probabilities that order the candidates: the ranking fit's when every feature it reads is
        present, otherwise the answer fit's."""
        model = self.rank
        if model is None or rows.size == 0 or np.isnan(rows[:, _columns(model.names)]).any():
            model = self.answer
        return model.probability(rows)

    def to_dict(self) -> dict[str, Any]:
        """The fits as decision.json holds them: the answer fit's at the top, "ranking" and "reader"."""
        data: dict[str, Any] = self.answer.to_dict()
        if self.rank is not None:
            data["ranking"] = self.rank.to_dict()
        if self.reader is not None:
            data["reader"] = self.reader.to_dict()
        return data

    def save(
        self,
        path: Path,
        note: str = "",
        fitted_on: Sequence[str] = (),
        thresholds: Mapping[str, float | str] | None = None,
    ) -> None:
        """Write decision.json; `thresholds` (calibrate's choice for these fits) is kept beside them, and
        config.yaml's `decision:` section must name the same (tests/test_decision.py holds it to them)."""
        data: dict[str, Any] = {"note": note, "fitted_on": list(fitted_on)}
        if thresholds is not None:
            data["thresholds"] = dict(thresholds)
        data.update(self.to_dict())
        path.write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def load_decision(path: Path = WEIGHTS_PATH) -> Decision:
    """The fits of decision.json (the ranking and reader ones are optional)."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read the decision coefficients ({exc})") from None
    return decision_of(data, path)


def decision_of(data: Any, path: Path) -> Decision:
    """The fits of `data` (as `Decision.to_dict` gives them), read from `path` (named in errors)."""
    try:
        ranking, reader = data.get("ranking"), data.get("reader")
    except AttributeError as exc:
        raise ConfigError(f"{path}: cannot read the decision coefficients ({exc})") from None
    return Decision(
        _model(data, path),
        _model(ranking, path) if ranking is not None else None,
        _model(reader, path) if reader is not None else None,
    )


def fitted_on(path: Path = WEIGHTS_PATH) -> frozenset[str]:
    """The names of the gold files the shipped coefficients were fitted on (their figures are training
    figures)."""
    try:
        return frozenset(str(n) for n in json.loads(path.read_text(encoding="utf-8")).get("fitted_on", ()))
    except (OSError, ValueError, AttributeError):
        return frozenset()


def chosen_thresholds(path: Path = WEIGHTS_PATH) -> dict[str, float | str]:
    """The thresholds calibrate chose for the shipped fits (threshold, close, alternative, veto), or {} for
    a decision.json written without them."""
    try:
        chosen = json.loads(path.read_text(encoding="utf-8")).get("thresholds", {})
    except (OSError, ValueError, AttributeError):
        return {}
    return dict(chosen) if isinstance(chosen, dict) else {}


def load_model(path: Path = WEIGHTS_PATH) -> DecisionModel:
    """Read the answer fit's coefficients; every feature they name must be one the answerer computes."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise ConfigError(f"{path}: cannot read the decision coefficients ({exc})") from None
    return _model(data, path)


def _model(data: Any, path: Path) -> DecisionModel:
    try:
        features = data["features"]
        unknown = [n for n in features if n not in FEATURES]
        if unknown or not features:
            refit = "python -m bot.evaluation.calibrate --write"
            what = f"unknown features {', '.join(unknown)}" if unknown else "no features"
            raise ConfigError(f"{path}: {what}; refit with {refit}")
        names = tuple(n for n in FEATURES if n in features)
        rows = [features[n] for n in names]
        return DecisionModel(
            names,
            np.array([float(r["mean"]) for r in rows]),
            np.array([float(r["scale"]) for r in rows]),
            np.array([float(r["coef"]) for r in rows]),
            float(data["intercept"]),
        )
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise ConfigError(f"{path}: cannot read the decision coefficients ({exc})") from None


def fit_logistic(
    rows: np.ndarray,
    labels: np.ndarray,
    *,
    l2: float = 1.0,
    weights: np.ndarray | None = None,
    names: Sequence[str] = FEATURES,
    iterations: int = 50,
) -> DecisionModel:
    """L2-regularised logistic regression by Newton's method (IRLS) on standardised features; `rows` hold
    every column of FEATURES, of which the fit uses `names`."""
    rows = rows[:, columns_of(names)]
    mean = rows.mean(axis=0)
    scale = rows.std(axis=0)
    scale[scale < _FLAT] = 1.0
    x = np.hstack([np.ones((len(rows), 1)), (rows - mean) / scale])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0  # the intercept is not shrunk
    beta = _newton(x, labels, np.ones(len(rows)) if weights is None else weights, penalty, iterations)
    return DecisionModel(tuple(names), mean, scale, beta[1:], float(beta[0]))


def rescaled(model: DecisionModel, logits: np.ndarray, outcomes: np.ndarray) -> DecisionModel:
    """`model` with its log-odds rescaled (Platt: a slope and an offset) so that `logits`, its log-odds
    for some cases, predict `outcomes` (0 or 1) as a calibrated probability: the direction the fit chose
    is kept, its scale set by what happened."""
    x = np.column_stack([np.ones(len(logits)), logits])
    offset, slope = _newton(x, outcomes, None, None, 50)
    intercept = model.intercept * slope + offset
    return DecisionModel(model.names, model.mean, model.scale, model.coef * slope, float(intercept))


def _newton(
    x: np.ndarray, labels: np.ndarray, w: np.ndarray | None, penalty: np.ndarray | None, iterations: int
) -> np.ndarray:
    """The coefficients of a (weighted, ridge-penalised) logistic regression of `labels` on `x`."""
    w = np.ones(len(x)) if w is None else w
    penalty = np.zeros(x.shape[1]) if penalty is None else penalty
    beta = np.zeros(x.shape[1])
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -30, 30)))
        gradient = x.T @ (w * (p - labels)) + penalty * beta
        hessian = (x * (w * p * (1 - p))[:, None]).T @ x + np.diag(penalty) + _FLAT * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < _CONVERGED:
            break
    return beta
