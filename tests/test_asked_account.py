"""A question asking for a configured person's account ("According to Lavrov, ...?", "in Obama's view")
asks for that person's words, as "what did Lavrov say ...?" does: the speaker constraint reads them
(answering.question). An outlet's account ("according to Sputnik") is a scope, not a speaker."""

from __future__ import annotations

import pytest

from bot.answering.candidates import find_candidates
from bot.answering.feature_names import FEATURES
from bot.config import Config
from bot.search import CorpusIndex
from tests.test_quotes import make_article

_LAVROV = "Lavrov said the ministers would meet again to work out a common position on Syria."
_KERRY = "Kerry said the ministers would meet again to work out a common position on Syria."


@pytest.fixture(scope="module")
def index(config: Config) -> CorpusIndex:
    return CorpusIndex([make_article("d0", [_LAVROV]), make_article("d1", [_KERRY])], config)


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("According to Lavrov, what were the ministers going to work out?", "@sergei_lavrov"),
        ("What were the ministers going to work out, in Lavrov's view?", "@sergei_lavrov"),
        ("According to Lavrov's interview, what would the ministers work out?", "@sergei_lavrov"),
        ("According to Sputnik, what were the ministers going to work out?", None),
        ("What were the ministers going to work out, according to the coverage?", None),
        (
            "According to Lavrov, who was going to work out a common position?",
            None,
        ),  # a "who" asks the speaker
    ],
)
def test_whose_account_a_question_asks_for(index: CorpusIndex, text: str, speaker: str | None) -> None:
    question = find_candidates(index, text).question
    assert question is not None
    assert question.speaker == speaker


def test_the_account_asked_for_is_the_speakers(index: CorpusIndex) -> None:
    found = find_candidates(index, "According to Lavrov, what were the ministers going to work out?")
    assert found.rows is not None
    present, missing = FEATURES.index("speaker_present"), FEATURES.index("speaker_missing")
    rows = {
        h.sentence.text: (found.rows[i, present], found.rows[i, missing]) for i, h in enumerate(found.hits)
    }
    assert rows[_LAVROV] == (1.0, 0.0)
    assert rows[_KERRY] == (0.0, 1.0)
