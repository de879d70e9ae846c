"""The answer fit's act column: a yes/no question's focus cosine (what it asks beyond the setting its
candidates share), 0 for other kinds, absent (NaN) without sentence vectors, and the fit imputing an absent
value at its column's mean as the probability does."""

from __future__ import annotations

import dataclasses

import numpy as np

from bot.answering.candidates import find_candidates
from bot.answering.decision import fit_logistic
from bot.answering.features import ANSWER_FEATURES, ANSWER_SEMANTIC_FEATURES, FEATURES, RANKING_FEATURES
from bot.config import Config
from bot.search import CorpusIndex
from bot.service import CoverageService

ACT = FEATURES.index("act_focus")
FOCUS = FEATURES.index("focus_cosine")


def test_the_act_column_is_in_the_answer_fit_alone() -> None:
    assert set(ANSWER_SEMANTIC_FEATURES) <= set(ANSWER_FEATURES)
    assert set(ANSWER_SEMANTIC_FEATURES).isdisjoint(RANKING_FEATURES)


def test_a_yes_no_question_carries_its_focus_cosine_and_others_none(service: CoverageService) -> None:
    asked = find_candidates(service.index, "Did Putin and Obama shake hands before their talks at the UN?")
    assert asked.question is not None and asked.question.kind == "yes_no"
    assert asked.rows is not None and len(asked.rows) > 1
    assert np.array_equal(asked.rows[:, ACT], asked.rows[:, FOCUS])
    assert np.ptp(asked.rows[:, ACT]) > 0  # the candidates differ in what they state of the act
    other = find_candidates(service.index, "How long did the two presidents talk in New York?")
    assert other.question is not None and other.question.kind != "yes_no"
    assert other.rows is not None and np.ptp(other.rows[:, FOCUS]) > 0
    assert not other.rows[:, ACT].any()


def test_without_vectors_a_yes_no_questions_act_is_absent(service: CoverageService, config: Config) -> None:
    small = dataclasses.replace(config, semantic=dataclasses.replace(config.semantic, max_sentences=10))
    index = CorpusIndex(service.articles, small)
    asked = find_candidates(index, "Did Putin and Obama shake hands before their talks at the UN?")
    assert asked.rows is not None and np.isnan(asked.rows[:, ACT]).all()
    other = find_candidates(index, "How long did the two presidents talk in New York?")
    assert other.rows is not None and not other.rows[:, ACT].any()


def test_the_fit_imputes_an_absent_value_at_its_columns_mean() -> None:
    rng = np.random.default_rng(7)
    rows = rng.normal(size=(400, len(FEATURES)))
    labels = (rows[:, 0] + rows[:, ACT] > 0).astype(float)
    full = fit_logistic(rows, labels, names=ANSWER_FEATURES)
    holed = rows.copy()
    holed[::4, ACT] = np.nan  # a quarter of the pairs without the column
    fitted = fit_logistic(holed, labels, names=ANSWER_FEATURES)
    column = list(fitted.names).index("act_focus")
    assert np.all(np.isfinite(fitted.coef)) and np.isfinite(fitted.intercept)
    assert np.isclose(fitted.mean[column], np.nanmean(holed[:, ACT]))
    assert fitted.coef[column] > 0 and full.coef[column] > 0  # the column still tells the labels apart
    assert np.all(np.isfinite(fitted.probability(holed)))
