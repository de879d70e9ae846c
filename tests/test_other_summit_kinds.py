"""What a question about any configured summit needs, beyond the seed events' own: a year that dates
something else, the people's titles, a "which <noun> said" question, and a follow-up's carried names."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from bot.answering.candidates import find_candidates
from bot.answering.feature_names import columns_of
from bot.answering.question import question_kind
from bot.cleaner import clean_article
from bot.config import Config
from bot.conversation import Conversation
from bot.evaluation.corpora import event_config
from bot.search import CorpusIndex

OTHER = Path("tests/fixtures/pages/other_summit")

PAGE = (
    "Harbour Post\nTuesday 17 July 2018\n\nPutin says he wanted Trump to win\n\n"
    "HELSINKI (Harbour Post) - U.S. President Donald Trump met Russian President Vladimir Putin in "
    "Helsinki on Monday.\n\n"
    "Putin said he had wanted Trump to win the 2016 election because he talked about bringing relations "
    "back to normal.\n\n"
    'Senate Minority Leader Chuck Schumer called the meeting "weak" and urged Republicans to back new '
    "sanctions.\n"
)


@pytest.fixture(scope="module")
def other(config: Config) -> CorpusIndex:
    """Another summit's coverage alone, its event and people in the config (as `--other` measures it)."""
    settings = event_config(config, OTHER)
    return CorpusIndex([clean_article(PAGE, doc_id="helsinki", config=settings)], settings)


def test_a_year_that_dates_no_event_of_the_coverage_is_a_word_not_a_scope(other: CorpusIndex) -> None:
    """'in 2016' names the G20 of 2016 only in coverage that has it; here it dates an election."""
    candidates = find_candidates(
        other, "Why did the Russian president say he wanted the Republican to win in 2016?"
    )
    assert candidates.scope is None and not candidates.empty_scope
    assert any("2016 election" in h.sentence.text for h in candidates.hits)


def test_an_events_own_people_keep_the_names_already_configured_and_add_theirs(config: Config) -> None:
    settings = event_config(config, OTHER)
    putin = [e for e in settings.entities if e.name == "Vladimir Putin"]
    assert len(putin) == 1
    seed = next(e for e in config.entities if e.name == "Vladimir Putin")
    assert set(seed.aliases) < set(putin[0].aliases) and "Mr Putin" in putin[0].aliases


def test_a_title_names_the_person_who_holds_it_in_that_coverage(other: CorpusIndex) -> None:
    """'the American president' is the president that coverage writes about."""
    tokens = other.tokenizer.entities("What did the American president say?")
    assert tokens == other.tokenizer.entities("Donald Trump")
    titled = set(other.tokenizer.entities("U.S. President Donald Trump"))
    assert set(tokens) <= titled and not titled & set(other.tokenizer.entities("Barack Obama"))


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Which Democrat called Trump's showing weak and dangerous?", "who_said"),
        ("Which top Republican senator warned against it?", "who_said"),
        ("What Putin said about Syria?", "what"),
        ("Which senator said it?", "who_said"),
        ("Which senator was told about it?", "who"),
    ],
)
def test_which_noun_before_a_speech_verb_asks_who_said_it(text: str, kind: str) -> None:
    assert question_kind(text) == kind


def test_which_noun_said_asks_the_speaker_not_the_person_it_names(other: CorpusIndex) -> None:
    question = find_candidates(other, "Which Democrat called Trump's meeting weak?").question
    assert question is not None and question.speaker is None


def test_a_follow_ups_carried_names_are_context_not_constraints(other: CorpusIndex) -> None:
    conversation = Conversation()
    first = find_candidates(other, "What did Schumer urge Republicans to do about Helsinki?", conversation)
    assert first.rows is not None
    missing = first.rows[:, columns_of(["names_missing"])]
    assert np.any(missing > 0)  # the sentence on the meeting alone does not name Schumer
    follow = find_candidates(other, "and why?", conversation)
    assert follow.question is not None and follow.question.follow_up
    assert follow.rows is not None and not np.any(follow.rows[:, columns_of(["names_missing"])])
