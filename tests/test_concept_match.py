"""The concept shares' C kernel (bot/answering/_match.c) gives exactly the Python path's numbers."""

from __future__ import annotations

import random
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest
import yaml

import bot.answering.candidates as candidates
import bot.answering.features as features
from bot.answering import concept_match
from bot.answering.concept_match import HAVE_KERNEL, Pairs, py_coverage, py_covered_with
from bot.answering.feature_names import COLUMN
from bot.service import CoverageService

_WORDS = [f"w{k}" for k in range(14)]


def test_the_kernel_is_built() -> None:
    assert HAVE_KERNEL, "bot/answering/_match.c is not built: run `pip install -e .`"


def _words(rng: random.Random, most: int) -> frozenset[str]:
    return frozenset(rng.sample(_WORDS, rng.randint(0, most)))


def _case(rng: random.Random) -> tuple[Pairs, list[float], frozenset[str], frozenset[str], frozenset[str]]:
    """Concepts over a small vocabulary (matches, related-only matches and misses all common), weights
    that do not add up exactly in floating point, some equal (the unmatched maximum's ties)."""
    pairs = [(_words(rng, 3), _words(rng, 2)) for _ in range(rng.randint(0, 7))]
    weights = [rng.choice([0.1, 0.2, 0.3, 1 / 3, rng.random() * 5]) for _ in pairs]
    return pairs, weights, _words(rng, 8), _words(rng, 2), _words(rng, 6)


@pytest.mark.skipif(not HAVE_KERNEL, reason="the kernel is not built (test_the_kernel_is_built fails)")
@pytest.mark.parametrize("seed", range(4))
def test_the_kernel_gives_the_python_numbers(seed: int) -> None:
    rng = random.Random(seed)
    kinds = set()
    for _ in range(500):
        pairs, weights, terms, speakers, more = _case(rng)
        expected = py_coverage(pairs, weights, terms, speakers)
        got = concept_match.coverage(pairs, weights, terms, speakers)
        assert got == expected  # floats compared exactly: the same sums in the same order
        share = expected[0]
        assert concept_match.covered_with(pairs, weights, share, more) == py_covered_with(
            pairs, weights, share, more
        )
        kinds.update(share)
    assert kinds == {0.0, 0.5, 1.0}  # the cases reached every share


def test_a_concept_spoken_of_by_a_speaker_counts() -> None:
    pairs = [(frozenset({"putin"}), frozenset({"kremlin"})), (frozenset({"syria"}), frozenset())]
    share, covered, unmatched, full = concept_match.coverage(
        pairs, [2.0, 1.0], frozenset({"talks"}), frozenset({"putin"})
    )
    assert (share, covered, unmatched, full) == ([1.0, 0.0], 2.0, 1.0, False)
    assert concept_match.covered_with(pairs, [2.0, 1.0], share, frozenset({"syria"})) == 3.0


def test_bad_arguments_raise_not_crash() -> None:
    if not HAVE_KERNEL:
        pytest.skip("the kernel is not built (test_the_kernel_is_built fails)")
    words: Any = ("a", "b")  # not sets
    with pytest.raises(TypeError):
        concept_match.coverage([words], [1.0], frozenset(), frozenset())
    with pytest.raises(ValueError, match="weight"):
        concept_match.coverage([], [1.0], frozenset(), frozenset())


def _rows_of(service: CoverageService, questions: list[str]) -> list[np.ndarray]:
    rows: list[np.ndarray] = []
    real: Callable[..., np.ndarray] = candidates.candidate_features

    def kept(*args: Any, **kwargs: Any) -> np.ndarray:
        rows.append(real(*args, **kwargs))
        return rows[-1]

    candidates.candidate_features = kept
    try:
        for question in questions:
            service.ask(question)
    finally:
        candidates.candidate_features = real
    return rows


def test_features_are_the_same_either_path(
    service: CoverageService, shared_eval: Callable[[str], Any], monkeypatch: pytest.MonkeyPatch
) -> None:
    data = yaml.safe_load(shared_eval("qa_dev.yaml").read_text(encoding="utf-8"))
    questions = [item["question"] for item in data["questions"]][:12]
    with monkeypatch.context() as patch:
        patch.setattr(features, "coverage", py_coverage)
        patch.setattr(features, "covered_with", py_covered_with)
        expected = _rows_of(service, questions)
    got = _rows_of(service, questions)
    assert len(got) == len(expected) >= len(questions) - 2
    assert any(e[:, COLUMN["context_gain"]].any() for e in expected)  # the neighbour read
    for e, g in zip(expected, got, strict=True):
        np.testing.assert_array_equal(g, e)
