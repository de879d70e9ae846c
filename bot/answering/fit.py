"""The two fits behind the decision, in plain numpy with L2 on standardised features.

- `fit_logistic`: a pointwise logistic regression (here: the question-level "answer or decline" fit);
- `fit_listwise`: a conditional logit, a softmax over each question's candidates, that maximises the
  log of the softmax mass on the question's gold sentences: it optimises the first answer directly.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

__all__ = ["Standardised", "fit_listwise", "fit_logistic", "standardise"]

Standardised = tuple[np.ndarray, np.ndarray, np.ndarray]  # (standardised rows, mean, scale)


def standardise(rows: np.ndarray) -> Standardised:
    """Rows scaled to mean 0, spread 1 per column (a constant column keeps scale 1)."""
    mean = rows.mean(axis=0)
    scale = rows.std(axis=0)
    scale[scale < 1e-9] = 1.0
    return (rows - mean) / scale, mean, scale


def fit_logistic(
    rows: np.ndarray, labels: np.ndarray, *, l2: float = 1.0, iterations: int = 50
) -> tuple[np.ndarray, np.ndarray, np.ndarray, float]:
    """L2-regularised logistic regression by Newton's method (IRLS): (mean, scale, coef, intercept)."""
    z, mean, scale = standardise(rows)
    x = np.hstack([np.ones((len(z), 1)), z])
    beta = np.zeros(x.shape[1])
    penalty = np.full(x.shape[1], l2)
    penalty[0] = 0.0  # the intercept is not shrunk
    for _ in range(iterations):
        p = 1.0 / (1.0 + np.exp(-np.clip(x @ beta, -30, 30)))
        gradient = x.T @ (p - labels) + penalty * beta
        hessian = (x * (p * (1 - p))[:, None]).T @ x + np.diag(penalty) + 1e-9 * np.eye(x.shape[1])
        step = np.linalg.solve(hessian, gradient)
        beta -= step
        if np.abs(step).max() < 1e-8:
            break
    return mean, scale, beta[1:], float(beta[0])


def softmax(scores: np.ndarray) -> np.ndarray:
    e = np.exp(scores - scores.max())
    return np.asarray(e / e.sum())


class _Stacked:
    """Every group's standardised rows stacked, with where each group starts, for segment sums."""

    def __init__(self, groups: Sequence[tuple[np.ndarray, np.ndarray]], mean: np.ndarray, scale: np.ndarray):
        self.x = (np.vstack([x for x, _ in groups]) - mean) / scale
        self.gold = np.concatenate([g for _, g in groups])
        sizes = np.array([len(x) for x, _ in groups])
        self.starts = np.concatenate([[0], np.cumsum(sizes)[:-1]])
        self.group = np.repeat(np.arange(len(groups)), sizes)

    def softmax(self, w: np.ndarray) -> tuple[np.ndarray, np.ndarray, float]:
        """Each candidate's share within its group, the same restricted to gold, and -log gold mass."""
        s = self.x @ w
        e = np.exp(s - np.maximum.reduceat(s, self.starts)[self.group])
        total = np.add.reduceat(e, self.starts)
        gold = np.add.reduceat(e * self.gold, self.starts)
        p = e / total[self.group]
        q = e * self.gold / gold[self.group]
        return p, q, float(np.log(total).sum() - np.log(gold).sum())


def fit_listwise(
    groups: Sequence[tuple[np.ndarray, np.ndarray]], *, l2: float = 1.0, iterations: int = 50
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Conditional logit over groups of (candidate rows, gold mask): the softmax of a linear score over
    each group, fitted to maximise the log of its mass on gold (minus l2/2 |w|^2). Groups without a
    gold candidate teach nothing about order and are skipped. Returns (mean, scale, coef); there is no
    intercept (it cancels). Newton steps with the softmax covariance as curvature (positive definite
    with the L2), halved until the objective falls."""
    kept = [(x, g.astype(bool)) for x, g in groups if len(x) and g.any()]
    if not kept:
        raise ValueError("no question has a gold sentence among its candidates")
    _, mean, scale = standardise(np.vstack([x for x, _ in kept]))
    data = _Stacked(kept, mean, scale)
    w = np.zeros(len(mean))
    p, q, loss = data.softmax(w)
    current = loss + 0.5 * l2 * float(w @ w)
    for _ in range(iterations):
        gradient = data.x.T @ (p - q) + l2 * w
        mu = np.add.reduceat(data.x * p[:, None], data.starts)
        hessian = (data.x * p[:, None]).T @ data.x - mu.T @ mu + l2 * np.eye(len(w))
        step = np.linalg.solve(hessian, gradient)
        size, trial = 1.0, current
        while size > 1e-4:
            p_new, q_new, loss = data.softmax(w - size * step)
            trial = loss + 0.5 * l2 * float((w - size * step) @ (w - size * step))
            if trial <= current:
                break
            size /= 2
        else:
            break
        w = w - size * step
        p, q = p_new, q_new
        done = current - trial < 1e-9
        current = trial
        if done:
            break
    return mean, scale, w
