"""The reading model (bot/semantic/reader.py) and its reorder of a question's best few sentences."""

from __future__ import annotations

import dataclasses
from types import SimpleNamespace
from typing import Any

import numpy as np
import pytest

from bot.answering.candidates import find_candidates
from bot.answering.decision import Decision, DecisionModel, load_decision
from bot.answering.feature_names import FEATURES, READER_FEATURES
from bot.answering.reading import reader_rows, reread
from bot.config import Config
from bot.errors import ConfigError
from bot.semantic.reader import Reader, reader_for
from bot.service import CoverageService

QUESTION = "How long did the two presidents talk in New York?"


@pytest.fixture(scope="module")
def reader(config: Config) -> Reader:
    found = reader_for(config.semantic)
    assert found is not None  # the test extra installs the pinned package
    return found


def test_the_reader_prefers_the_sentence_that_answers(reader: Reader) -> None:
    scores = reader.scores(
        "How long did the meeting last?",
        ["The meeting lasted 90 minutes, an aide said.", "Moscow welcomes any contact with Washington."],
    )
    assert scores.shape == (2,) and scores[0] > scores[1]
    assert np.array_equal(
        scores,
        reader.scores(
            "How long did the meeting last?",
            ["The meeting lasted 90 minutes, an aide said.", "Moscow welcomes any contact with Washington."],
        ),
    )  # remembered passages give the same scores


def test_a_model_file_with_another_sha256_is_refused() -> None:
    with pytest.raises(ConfigError, match="reader_sha256"):
        Reader.load("0" * 64, 1)


def test_without_the_package_there_is_no_reader(config: Config, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr("bot.semantic.reader.importlib.util.find_spec", lambda name: None)
    assert Reader.load(config.semantic.reader_sha256, 1) is None


def test_the_best_few_are_read_and_only_they_are_reordered(service: CoverageService, config: Config) -> None:
    candidates = find_candidates(service.index, QUESTION)
    assert candidates.rows is not None
    ranked = load_decision().ranking(candidates.rows)
    found = reader_rows(service.index, candidates, ranked)
    assert found is not None
    top, read = found
    k = config.semantic.reader_candidates
    assert list(top) == list(np.argsort(-ranked, kind="stable")[:k])
    gap = read[:, FEATURES.index("reader_gap")]
    assert gap.max() == 0.0 and np.all(gap <= 0.0)
    # a reader fit that weighs only the cosine orders the best few by it; the rest keep their order
    coef = np.array([0.0, 1.0, 0.0])
    by_cosine = DecisionModel(READER_FEATURES, np.zeros(3), np.ones(3), coef, 0.0)
    decision = Decision(load_decision().answer, load_decision().rank, by_cosine)
    switched_on = dataclasses.replace(config.semantic, reader=True)
    index: Any = SimpleNamespace(
        config=dataclasses.replace(config, semantic=switched_on), vectors=service.index.vectors
    )
    again = reread(index, candidates, decision, ranked)
    cosine = read[:, FEATURES.index("reader")]
    assert list(np.argsort(-again, kind="stable")[:k]) == list(top[np.argsort(-cosine, kind="stable")])
    rest = np.setdiff1d(np.arange(len(ranked)), top)
    assert np.array_equal(again[rest], ranked[rest]) and again[top].min() > ranked[rest].max()
    assert np.array_equal(reread(service.index, candidates, decision, ranked), ranked)  # switched off
