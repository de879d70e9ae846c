"""bot/answering/answerability.py: a concept met by a neighbouring word, the party whose words or
reaction a question asks for, and a "when" answered only vaguely."""

from __future__ import annotations

import dataclasses

import numpy as np
import pytest

from bot.answering.answerability import ANSWERABILITY_FEATURES
from bot.answering.candidates import find_candidates
from bot.answering.features import FEATURES
from bot.config import Config
from bot.search import CorpusIndex
from tests.test_quotes import make_article


def _index(config: Config, *paragraphs: str) -> CorpusIndex:
    return CorpusIndex([make_article("d0", list(paragraphs))], config)


def _feature(index: CorpusIndex, question: str, name: str) -> dict[str, float]:
    """The feature's value for each candidate sentence, by its text."""
    found = find_candidates(index, question)
    assert found.rows is not None
    column = FEATURES.index(name)
    return {hit.sentence.text: float(found.rows[i, column]) for i, hit in enumerate(found.hits)}


def test_a_concept_named_otherwise_is_met_by_a_neighbouring_word(config: Config) -> None:
    index = _index(
        config,
        "Washington said it would keep Iran informed about the plan.",
        "Washington said it would keep the allies informed about the plan.",
        "Oil prices rose on Tuesday.",
    )
    near = _feature(index, "Will Tehran be kept informed about the plan?", "near_coverage")
    iran, allies = (near[t] for t in list(near) if "informed" in t)
    assert iran > allies
    unmet = _feature(index, "Will Tehran be kept informed about the plan?", "near_unmet_heaviest")
    assert unmet["Washington said it would keep Iran informed about the plan."] == 0.0


def test_the_party_asked_for_must_be_the_one_speaking(config: Config) -> None:
    index = _index(
        config,
        "The Syrian government said the talks were a positive step.",
        "“The Syrian government must go,” Obama said after the talks.",
        "The talks lasted an hour.",
    )
    party = _feature(index, "How did the Syrian government react to the talks?", "party_unmet")
    assert party["The Syrian government said the talks were a positive step."] == 0.0
    assert party["“The Syrian government must go,” Obama said after the talks."] == 1.0
    assert party["The talks lasted an hour."] == 1.0
    # a question that asks nobody's reaction leaves it 0
    assert set(_feature(index, "How long did the talks last?", "party_unmet").values()) == {0.0}


def test_a_when_question_answered_only_by_a_relative_time_is_vague(config: Config) -> None:
    index = _index(
        config,
        "The ministers will meet again in the next few days.",
        "The ministers will meet again on September 30.",
    )
    vague = _feature(index, "When will the ministers meet again?", "date_vague")
    assert vague == {
        "The ministers will meet again in the next few days.": 1.0,
        "The ministers will meet again on September 30.": 0.0,
    }


@pytest.mark.parametrize("name", ["near_coverage", "near_unmet_heaviest", "near_names_unmet"])
def test_without_a_sentence_model_the_word_features_are_absent(config: Config, name: str) -> None:
    off = dataclasses.replace(config, semantic=dataclasses.replace(config.semantic, enabled=False))
    index = _index(off, "Washington said it would keep Iran informed about the plan.")
    values = _feature(index, "Will Tehran be kept informed?", name)
    assert values and all(np.isnan(v) for v in values.values())
    assert name in ANSWERABILITY_FEATURES
