"""The k-fold's held folds: each fold's fitted decision and thresholds saved as JSON and read back, so the
same held-out folds are answered by the same models without refitting."""

from __future__ import annotations

import json
from pathlib import Path

import numpy as np
import pytest

from bot.answering.decision import Decision, DecisionModel
from bot.errors import InputError
from bot.evaluation.calibrate import Asked, HeldFolds, ask_all, cross_validate, main
from bot.evaluation.heldfolds import load_fold, save_fold
from bot.evaluation.qa_eval import load_gold
from bot.evaluation.thresholds import Thresholds
from bot.service import CoverageService

DATA = Path(__file__).parent / "data"


def _model(names: tuple[str, ...], seed: int) -> DecisionModel:
    rng = np.random.default_rng(seed)
    n = len(names)
    return DecisionModel(
        names, rng.normal(size=n), rng.random(n) + 0.5, rng.normal(size=n), float(rng.normal())
    )


def test_a_saved_fold_reads_back_with_every_coefficient_and_threshold_exact(tmp_path: Path) -> None:
    decision = Decision(_model(("coverage", "bm25_rank"), 1), _model(("coverage", "cosine"), 2), None)
    chosen = Thresholds(0.34, 0.3, 0.14, veto="speaker", accuracy=0.6123456789, trap_weight=8.0)
    save_fold(tmp_path, 2, ["b:q2", "a:q1"], decision, chosen)
    loaded, thresholds = load_fold(tmp_path, 2, ["a:q1", "b:q2"])
    assert thresholds == chosen
    assert loaded.reader is None and loaded.rank is not None
    for before, after in ((decision.answer, loaded.answer), (decision.rank, loaded.rank)):
        assert before is not None and after.names == before.names
        for name in ("mean", "scale", "coef"):
            assert np.array_equal(getattr(after, name), getattr(before, name))  # exact, not close
        assert after.intercept == before.intercept


def test_a_saved_fold_is_refused_for_another_split(tmp_path: Path) -> None:
    decision = Decision(_model(("coverage",), 3))
    save_fold(tmp_path, 0, ["a:q1", "a:q2"], decision, Thresholds(0.3, 0.3, 0.1))
    with pytest.raises(InputError, match="held out other questions"):
        load_fold(tmp_path, 0, ["a:q1", "a:q3"])
    with pytest.raises(InputError, match="cannot read"):
        load_fold(tmp_path, 1, ["a:q1", "a:q2"])  # no such fold saved


def _asked(service: CoverageService) -> list[Asked]:
    return [
        a
        for name in ("qa_heldout.yaml", "qa_final.yaml")
        for a in ask_all(service.index, load_gold(DATA / name), name)
    ]


def test_loaded_folds_give_the_figures_the_fitted_ones_gave(service: CoverageService, tmp_path: Path) -> None:
    asked, top = _asked(service), service.config.answer.top
    fitted_records: list[dict[str, object]] = []
    loaded_records: list[dict[str, object]] = []
    fitted = cross_validate(asked, 3, top, 1.0, records=fitted_records, held_folds=HeldFolds(save=tmp_path))
    assert sorted(p.name for p in tmp_path.iterdir()) == ["fold-0.json", "fold-1.json", "fold-2.json"]
    loaded = cross_validate(asked, 3, top, 1.0, records=loaded_records, held_folds=HeldFolds(load=tmp_path))
    assert loaded[0] == fitted[0] and loaded[1] == fitted[1] and loaded[2] == fitted[2]
    assert loaded_records == fitted_records


def test_loaded_folds_answer_with_the_saved_thresholds(service: CoverageService, tmp_path: Path) -> None:
    asked, top = _asked(service), service.config.answer.top
    cross_validate(asked, 3, top, 1.0, held_folds=HeldFolds(save=tmp_path))
    path = tmp_path / "fold-1.json"
    data = json.loads(path.read_text(encoding="utf-8"))
    data["thresholds"].update(threshold=0.999, close=0.999, alternative=0.999)  # fold 1 declines all
    path.write_text(json.dumps(data), encoding="utf-8")
    records: list[dict[str, object]] = []
    _, _, chosen = cross_validate(asked, 3, top, 1.0, records=records, held_folds=HeldFolds(load=tmp_path))
    assert chosen[1].threshold == 0.999
    fold1 = [r for r in records if r["fold"] == 1]
    assert fold1 and all(r["declined"] for r in fold1)
    assert any(not r["declined"] for r in records if r["fold"] != 1)


def test_the_command_takes_save_or_load_not_both(tmp_path: Path) -> None:
    gold = str(DATA / "qa_heldout.yaml")
    with pytest.raises(SystemExit):
        main([gold, "--save-folds", str(tmp_path), "--load-folds", str(tmp_path)])


def test_the_command_says_in_one_line_when_a_saved_fold_is_missing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    gold = str(DATA / "qa_heldout.yaml")
    assert main([gold, "--folds", "2", "--semantic", "off", "--load-folds", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "fold-0.json" in err and "Traceback" not in err
