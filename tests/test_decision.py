"""The decision's pieces: the numpy logistic fit, its coefficients as data, the thresholds chosen on a
tune split, the reliability table, and the k-fold that reports only held-out figures."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bot.answering.decision import (
    WEIGHTS_PATH,
    Decision,
    chosen_thresholds,
    fit_logistic,
    load_decision,
    load_model,
    rescaled,
)
from bot.answering.feature_names import (
    ANSWER_FEATURES,
    FEATURES,
    LEXICAL_FEATURES,
    RANKING_FEATURES,
    READER_FEATURES,
    SEMANTIC_FEATURES,
)
from bot.errors import ConfigError
from bot.evaluation.calibrate import OFFSETS, ask_all, cross_validate, operating_points, reliability
from bot.evaluation.qa_eval import load_gold
from bot.evaluation.thresholds import Thresholds, choose_thresholds, shipped
from bot.service import CoverageService

THREE = FEATURES[:3]  # the synthetic data fills these columns of a row of FEATURES


def synthetic(n: int = 600, seed: int = 1) -> tuple[np.ndarray, np.ndarray]:
    rng = np.random.default_rng(seed)
    rows = np.zeros((n, len(FEATURES)))
    rows[:, :3] = rng.normal(size=(n, 3))
    z = 2.0 * rows[:, 0] - 1.0 * rows[:, 1] + 0.0 * rows[:, 2] - 0.5
    labels = (rng.random(n) < 1 / (1 + np.exp(-z))).astype(float)
    return rows, labels


def test_the_fit_recovers_the_direction_of_each_feature() -> None:
    rows, labels = synthetic()
    model = fit_logistic(rows, labels, l2=0.1, names=THREE)
    a, b, c = model.coef * 1.0
    assert a > 0 > b and abs(c) < min(abs(a), abs(b)) / 3
    p = model.probability(rows)
    assert np.all((p > 0) & (p < 1))
    # calibrated on its own data: the mean predicted probability is the observed rate
    assert abs(p.mean() - labels.mean()) < 0.02


def test_a_weighted_fit_keeps_its_direction_and_is_rescaled_to_the_observed_rate() -> None:
    rows, labels = synthetic()
    # the negatives of one kind (here: feature 2 above 0, as a trap's sentences) weigh five times more
    weights = np.where((labels == 0) & (rows[:, 2] > 0), 5.0, 1.0)
    plain = fit_logistic(rows, labels, l2=0.1, names=THREE)
    weighted = fit_logistic(rows, labels, l2=0.1, names=THREE, weights=weights)
    assert weighted.coef[2] < plain.coef[2] - 0.1  # the weights turn the fit against that kind
    p = weighted.probability(rows)
    assert p.mean() < labels.mean() - 0.05  # and its probabilities run low
    again = rescaled(weighted, weighted.logit(rows), labels)
    q = again.probability(rows)
    assert abs(q.mean() - labels.mean()) < 0.02  # rescaled: the observed rate, overall and by band
    high = q >= 0.5
    assert abs(q[high].mean() - labels[high].mean()) < 0.05
    assert np.array_equal(np.argsort(q), np.argsort(p))  # the order is the weighted fit's


def test_regularisation_shrinks_the_coefficients() -> None:
    rows, labels = synthetic()
    loose = fit_logistic(rows, labels, l2=0.01, names=THREE)
    tight = fit_logistic(rows, labels, l2=1000.0, names=THREE)
    assert np.abs(tight.coef).sum() < np.abs(loose.coef).sum() / 2


def test_coefficients_round_trip_through_json(tmp_path: Path) -> None:
    rows = np.random.default_rng(2).normal(size=(200, len(FEATURES)))
    labels = (rows[:, 0] > 0).astype(float)
    model = fit_logistic(rows, labels)
    path = tmp_path / "decision.json"
    model.save(path, "test")
    again = load_model(path)
    assert np.allclose(again.probability(rows), model.probability(rows))
    data = json.loads(path.read_text())
    data["features"]["no_such_feature"] = data["features"][FEATURES[0]]
    path.write_text(json.dumps(data))
    with pytest.raises(ConfigError, match="no_such_feature"):
        load_model(path)


def test_absent_semantic_features_are_imputed_at_their_mean() -> None:
    rng = np.random.default_rng(3)
    rows = rng.normal(size=(300, len(FEATURES)))
    cosine = FEATURES.index(SEMANTIC_FEATURES[0])
    labels = (rows[:, 0] + 2 * rows[:, cosine] > 0).astype(float)
    model = fit_logistic(rows, labels, names=RANKING_FEATURES)
    absent = rows.copy()
    absent[:, [FEATURES.index(n) for n in SEMANTIC_FEATURES]] = np.nan
    p_present, p_absent = model.probability(rows), model.probability(absent)
    assert np.all(np.isfinite(p_absent)) and not np.allclose(p_present, p_absent)
    at_mean = rows.copy()
    at_mean[:, [FEATURES.index(n) for n in SEMANTIC_FEATURES]] = model.mean[
        [model.names.index(n) for n in SEMANTIC_FEATURES]
    ]
    assert np.allclose(p_absent, model.probability(at_mean))
    # a lexical fit ignores the semantic columns altogether
    lexical = fit_logistic(rows, labels, names=LEXICAL_FEATURES)
    assert np.allclose(lexical.probability(rows), lexical.probability(absent))


def test_the_shipped_coefficients_cover_every_feature() -> None:
    decision = load_decision(WEIGHTS_PATH)
    assert decision.answer.names == ANSWER_FEATURES
    assert decision.rank is not None and decision.rank.names == RANKING_FEATURES
    assert decision.reader is not None and decision.reader.names == READER_FEATURES
    for model in (decision.answer, decision.rank, decision.reader):
        assert np.all(np.isfinite(model.coef)) and np.all(model.scale > 0)


def test_the_shipped_config_names_the_thresholds_the_shipped_fits_were_chosen_with() -> None:
    """calibrate --write keeps its chosen thresholds in decision.json; config.yaml's decision: section is
    copied from them by hand, and a refit whose choice was not copied over fails here."""
    from bot.config import load_config

    chosen = chosen_thresholds(WEIGHTS_PATH)
    settings = load_config(Path(__file__).resolve().parent.parent / "config.yaml").decision
    assert chosen, "decision.json keeps no thresholds: refit with calibrate --write"
    shipped_now = {
        "threshold": settings.threshold,
        "close": settings.close,
        "alternative": settings.alternative,
        "veto": settings.veto,
    }
    assert shipped_now == chosen


def test_the_ranking_fit_orders_only_when_every_feature_is_present(tmp_path: Path) -> None:
    rng = np.random.default_rng(4)
    rows = rng.normal(size=(300, len(FEATURES)))
    cosine = FEATURES.index("cosine")
    answer = fit_logistic(rows, (rows[:, 0] > 0).astype(float), names=LEXICAL_FEATURES)
    rank = fit_logistic(rows, (rows[:, cosine] > 0).astype(float), names=RANKING_FEATURES)
    reader = fit_logistic(rows, (rows[:, -1] > 0).astype(float), names=READER_FEATURES)
    decision = Decision(answer, rank, reader)
    assert np.allclose(decision.ranking(rows), rank.probability(rows))
    absent = rows.copy()
    absent[:, [FEATURES.index(n) for n in SEMANTIC_FEATURES]] = np.nan
    assert np.allclose(decision.ranking(absent), answer.probability(absent))
    path = tmp_path / "decision.json"
    decision.save(path)
    again = load_decision(path)
    assert again.rank is not None and np.allclose(again.ranking(rows), decision.ranking(rows))
    assert again.reader is not None and np.allclose(again.reader.probability(rows), reader.probability(rows))
    assert np.allclose(load_model(path).probability(rows), answer.probability(rows))


def test_the_threshold_separates_answerable_from_unanswerable_questions() -> None:
    # answerable questions' best sentences score 0.6-0.9, unanswerable ones' 0.1-0.4
    tops = [(p, True, True) for p in np.linspace(0.6, 0.9, 20)]
    tops += [(p, False, False) for p in np.linspace(0.1, 0.4, 10)]
    pairs = [(p, r) for p, r, _ in tops]
    chosen = choose_thresholds(tops, pairs)
    assert 0.4 < chosen.threshold <= 0.6
    assert chosen.accuracy == pytest.approx(1.0)  # every answerable answered, every unanswerable declined
    assert chosen.close == chosen.threshold  # below the threshold nothing was an answer: none is "close"
    assert chosen.alternative <= chosen.threshold


def test_a_close_band_is_kept_where_declined_sentences_were_mostly_answers() -> None:
    tops = [(p, True, True) for p in np.linspace(0.7, 0.9, 40)]
    tops += [(p, False, False) for p in np.linspace(0.05, 0.3, 20)]
    # a band where answerable questions (their best sentence right) and slightly more unanswerable ones mix
    tops += [(p, True, True) for p in (0.42, 0.44, 0.46)]
    tops += [(p, False, False) for p in (0.41, 0.45, 0.48, 0.49)]
    chosen = choose_thresholds(tops, [(p, r) for p, r, _ in tops])
    assert 0.49 < chosen.threshold < 0.7
    assert chosen.close <= 0.42


def test_an_answerable_question_answered_wrongly_does_not_raise_the_threshold() -> None:
    # the product's accuracy: declining an answerable question whose first answer is wrong gains nothing,
    # so only the right answers (0.3-0.9) weigh against the unanswerables (0.05-0.25)
    tops = [(p, True, True) for p in np.linspace(0.3, 0.9, 30)]
    tops += [(p, False, True) for p in np.linspace(0.05, 0.25, 30)]
    tops += [(p, False, False) for p in np.linspace(0.05, 0.25, 10)]
    chosen = choose_thresholds(tops, [(p, r) for p, r, _ in tops])
    assert 0.25 < chosen.threshold <= 0.3
    # the same probabilities, every answerable first answer right: now answering the low band pays
    flipped = [(p, a, a) for p, _, a in tops]
    assert choose_thresholds(flipped, [(p, r) for p, r, _ in flipped]).threshold < 0.1


def test_the_shipped_thresholds_are_the_folds_median_and_most_chosen_veto() -> None:
    folds = [
        Thresholds(0.2, 0.2, 0.02, "none"),
        Thresholds(0.26, 0.22, 0.04, "all"),
        Thresholds(0.38, 0.3, 0.02, "none"),
        Thresholds(0.3, 0.3, 0.06, "all"),
        Thresholds(0.24, 0.24, 0.02, "none"),
    ]
    t = shipped(folds)
    assert (t.threshold, t.close, t.alternative, t.veto) == (0.26, 0.24, 0.02, "none")
    assert shipped([Thresholds(0.2, 0.3, 0.5, "speaker")]).close == 0.2  # never above the threshold


def test_reliability_table_bins_predictions_against_outcomes() -> None:
    table = reliability([(0.05, False), (0.08, False), (0.95, True), (0.91, False)])
    lines = table.splitlines()
    assert lines[1].split()[:2] == ["0.0-0.1", "2"] and lines[1].split()[-1] == "0.000"
    assert lines[2].split()[:2] == ["0.9-1.0", "2"] and lines[2].split()[-1] == "0.500"


def test_operating_points_trade_answers_for_declines(service: CoverageService) -> None:
    # two sets: with qa_heldout's 18 questions alone, a fold's tune split is small enough for its
    # answer fit's rescaling to separate perfectly (probabilities of 0 or 1, no trade left to show)
    asked = [
        a
        for name in ("qa_heldout.yaml", "qa_final.yaml")
        for a in ask_all(service.index, load_gold(Path(__file__).parent / "data" / name), name)
    ]
    rows = [line.split() for line in operating_points(asked, 3, 1.0).splitlines()[1:]]
    answered = [float(r[1]) for r in rows]
    declined = [float(r[2]) for r in rows]
    assert len(rows) == len(OFFSETS)
    assert answered == sorted(answered, reverse=True) and declined == sorted(declined)  # a higher bar
    assert answered[0] > answered[-1] and declined[-1] > declined[0]  # ... answers less, declines more


def test_leaving_one_set_out_holds_out_each_gold_file_whole(service: CoverageService) -> None:
    data = Path(__file__).parent / "data"
    asked = [
        a
        for name in ("qa_heldout.yaml", "qa_final.yaml")
        for a in ask_all(service.index, load_gold(data / name), name)
    ]
    reports, _, chosen = cross_validate(asked, 3, service.config.answer.top, 1.0, by_set=True)
    assert len(chosen) == 2  # one fold a gold file
    for name in ("qa_heldout.yaml", "qa_final.yaml"):
        held = reports[name]
        assert held.total == len(load_gold(data / name))  # every question of the file held out once


def test_the_ranking_fit_leaves_out_the_columns_that_restate_others() -> None:
    restating = {"constraints_failed", "people_missing", "names_off_article"}
    assert restating <= set(ANSWER_FEATURES)  # the answer fit still weighs them
    assert restating.isdisjoint(RANKING_FEATURES)
    assert set(RANKING_FEATURES) == (set(LEXICAL_FEATURES) | set(SEMANTIC_FEATURES)) - restating
    rank = load_decision(WEIGHTS_PATH).rank
    assert rank is not None and restating.isdisjoint(rank.names)
