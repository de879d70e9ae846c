"""The ranking-alone probe: both test splits, each question ordered by a fit that never saw its fold."""

from __future__ import annotations

import numpy as np
import pytest

from bot.answering.candidates import Candidates
from bot.answering.feature_names import FEATURES, RANKING_FEATURES
from bot.evaluation.calibrate import Asked
from bot.evaluation.qa_eval import GoldQuestion
from bot.evaluation.ranking_probe import main, probe, probe_text

SIGNAL = "focus_cosine"  # the column the synthetic gold sentence stands out in


def question(i: int, source: str, rng: np.random.Generator, *, grown: bool = False) -> Asked:
    """Eight candidates of noise (a column each feature: the draws change with FEATURES); the gold one
    (at a random place) is high in SIGNAL, by a margin no draw of the noise hides."""
    rows = rng.normal(size=(8, len(FEATURES)))
    labels = np.zeros(8)
    gold = int(rng.integers(8))
    labels[gold] = 1.0
    rows[gold, FEATURES.index(SIGNAL)] += 5.0  # clear of the noise of every other column
    q = GoldQuestion(f"q{i}", f"question {i}?", "paraphrase", (("doc", "a sentence"),))
    candidates = Candidates(q.question, None, (), rows)
    return Asked(q, source, candidates, labels, None, grown=grown, in_fit=not grown)  # type: ignore[arg-type]


def sets(n: int = 60) -> list[Asked]:
    rng = np.random.default_rng(3)
    return [question(i, f"set{i % 3}.yaml", rng) for i in range(n)]


def test_a_feature_that_marks_the_gold_puts_it_first_on_both_splits() -> None:
    tallies = probe(sets())
    assert set(tallies) == {"k-fold", "by set"}
    for tally in tallies.values():
        right, three, asked = tally.total()
        assert asked == 60 and right >= 57 and three >= right
        assert sorted(tally.sets) == ["set0.yaml", "set1.yaml", "set2.yaml"]


def test_without_that_feature_the_ranking_is_near_chance() -> None:
    names = tuple(f for f in RANKING_FEATURES if f != SIGNAL)
    right, _, asked = probe(sets(), names)["by set"].total()
    assert right <= asked // 3  # chance is 1 in 8


def test_grown_copies_are_reported_apart_and_never_fitted_on() -> None:
    asked = sets()
    rng = np.random.default_rng(5)
    # the grown copies carry the opposite signal: fitted on, they would pull the fit the wrong way
    copies = [question(i, f"set{i % 3}.yaml", rng, grown=True) for i in range(60)]
    for copy in copies:
        assert copy.candidates is not None and copy.candidates.rows is not None
        copy.candidates.rows[:, FEATURES.index(SIGNAL)] *= -1.0
    tally = probe(asked + copies)["k-fold"]
    grown = [name for name in tally.sets if name.endswith("over the grown corpus")]
    assert len(grown) == 3
    seeds = sum(tally.sets[name][0] for name in tally.sets if name not in grown)
    assert seeds >= 57  # the seed questions' fit is untouched by the copies
    assert sum(tally.sets[name][0] for name in grown) <= 20
    assert tally.total()[2] == 60 and tally.total(grown=True)[2] == 60  # the totals kept apart
    assert tally.total()[0] == seeds
    text = probe_text({"k-fold": tally})
    assert f"k-fold: accuracy@1 {seeds}/60" in text and "k-fold over the grown corpus: accuracy@1" in text


def test_unanswerable_questions_are_not_ranked() -> None:
    asked = sets(30)
    trap = GoldQuestion("trap", "a trap?", "unanswerable", ())
    rows = np.zeros((4, len(FEATURES)))
    asked.append(Asked(trap, "set0.yaml", Candidates("a trap?", None, (), rows), np.zeros(4), None))  # type: ignore[arg-type]
    assert probe(asked)["k-fold"].total()[2] == 30


@pytest.mark.parametrize("argv", [["x.yaml", "--drop", "no_such_feature"], ["x.yaml", "--folds", "1"]])
def test_bad_arguments_are_one_line_and_exit_2(argv: list[str], capsys: pytest.CaptureFixture[str]) -> None:
    assert main(argv) == 2
    err = capsys.readouterr().err
    assert err.startswith("ranking_probe: ") and err.count("\n") == 1
