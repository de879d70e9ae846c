"""Choosing the decision's thresholds from a tune split's out-of-fold probabilities, and the one shipped.

The answer threshold maximises the product's accuracy: the share of questions that end right, an
answerable question answered with a gold sentence first, an unanswerable one declined. Declining an
answerable question whose first sentence was wrong costs nothing there (it was wrong either way), so the
threshold is not pushed up by traps the way the old balance of shares was (measured on the k-fold test
splits of eight sets, with the fits as they were: 45 against 69 of 279 answerable questions declined,
accuracy@1 0.577 against 0.541, 53 against 59 of 93 traps declined, product accuracy 0.575 against
0.565). The shipped threshold is the median of the k-fold's per-fold
choices, so that it is one the folds' test splits measured, not a choice on every question at once
(that one sat above four of five folds' choices and declined more of the new wording than the k-fold
said).
"""

from __future__ import annotations

import statistics
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from bot.config import Veto

__all__ = [
    "CLOSE_PRECISION",
    "GRID",
    "TRAP_WEIGHTS",
    "VETOES",
    "Thresholds",
    "choose_thresholds",
    "product_accuracy",
    "shipped",
]

GRID = np.round(np.arange(0.02, 0.98, 0.02), 2)
CLOSE_PRECISION = 0.5  # a "closest" sentence is shown only where it is an answer at least this often
VETOES: tuple[Veto, ...] = ("none", "speaker", "all")  # weighed in this order: the first best wins
# the weights an unanswerable question's pairs may take in the answer fit, chosen with the thresholds
TRAP_WEIGHTS = (1.0, 2.0, 3.0, 5.0, 8.0)
_SMOOTH = 5  # thresholds averaged: a few dozen questions per fold make the curve a staircase


@dataclass(frozen=True)
class Thresholds:
    threshold: float
    close: float
    alternative: float
    veto: Veto = "speaker"  # config decision.veto
    accuracy: float = 0.0  # on the tune split: the share of questions ending right (product_accuracy)
    trap_weight: float = 1.0  # an unanswerable question's pairs weigh this much in the answer fit


def product_accuracy(p: np.ndarray, right: np.ndarray, answerable: np.ndarray, threshold: float) -> float:
    """The share of questions that end right at `threshold`: answerable ones answered with a gold sentence
    first, unanswerable ones declined (a best probability below the threshold declines)."""
    answered = p >= threshold
    return float(((answered & right & answerable) | (~answered & ~answerable)).sum() / max(len(p), 1))


def choose_thresholds(
    tops: Sequence[tuple[float, bool, bool]], pairs: Sequence[tuple[float, bool]]
) -> Thresholds:
    """Thresholds from the tune split's out-of-fold probabilities.

    - answer: from (best probability, first answer is gold, answerable) per question, the one that
      maximises product_accuracy (smoothed over neighbouring thresholds);
    - close: the lowest below it at which the declined questions' first sentences, from there up, are a
      gold sentence at least CLOSE_PRECISION of the time (else none is shown);
    - alternative: from (probability, is gold) of every pair, the one that best tells gold sentences
      from the others (Youden's J), never above the answer threshold.
    """
    p = np.array([t[0] for t in tops])
    right = np.array([t[1] for t in tops], dtype=bool)
    answerable = np.array([t[2] for t in tops], dtype=bool)
    threshold, accuracy = _answer_threshold(p, right, answerable)
    close = threshold
    for t in GRID[threshold > GRID][::-1]:
        band = (p >= t) & (p < threshold)
        if band.any() and right[band].mean() >= CLOSE_PRECISION:
            close = float(t)
    pair_p = np.array([q for q, _ in pairs])
    gold = np.array([g for _, g in pairs], dtype=bool)
    n_g, n_o = max(gold.sum(), 1), max((~gold).sum(), 1)
    youden = [((pair_p >= t) & gold).sum() / n_g - ((pair_p >= t) & ~gold).sum() / n_o for t in GRID]
    alternative = float(GRID[int(np.argmax(youden))])
    return Thresholds(threshold, close, min(alternative, threshold), accuracy=accuracy)


def _answer_threshold(p: np.ndarray, right: np.ndarray, answerable: np.ndarray) -> tuple[float, float]:
    """The answer threshold and its raw accuracy there: the middle of the thresholds whose smoothed
    accuracy is within one question's worth of the best, as the curve is flat near its top and its
    highest point is noise."""
    raw = [product_accuracy(p, right, answerable, t) for t in GRID]
    smooth = np.convolve(raw, np.ones(_SMOOTH) / _SMOOTH, mode="same")
    best = max(smooth)
    chosen = [i for i, u in enumerate(smooth) if u >= best - 1 / max(len(p), 1) - 1e-9]
    i = chosen[len(chosen) // 2]
    return float(GRID[i]), float(raw[i])


def shipped(chosen: Sequence[Thresholds]) -> Thresholds:
    """The thresholds to ship from the k-fold's per-fold choices: each, and the traps' weight, the median of
    the folds' (close and alternative never above the answer threshold), the veto the one most folds
    chose (the first of VETOES on a tie)."""
    threshold = float(statistics.median(t.threshold for t in chosen))
    close = min(float(statistics.median(t.close for t in chosen)), threshold)
    alternative = min(float(statistics.median(t.alternative for t in chosen)), threshold)
    votes = Counter(t.veto for t in chosen)
    veto = max(VETOES, key=lambda v: (votes[v], -VETOES.index(v)))
    accuracy = float(statistics.median(t.accuracy for t in chosen))
    weight = float(statistics.median(t.trap_weight for t in chosen))
    return Thresholds(threshold, close, alternative, veto, accuracy, weight)
