"""A "which NOUN" question whose noun names a person by role (config answer.person_nouns: "Which general
...?", "which aides ...?") asks for someone it does not name: a sentence in which only the people the
question names appear, or the setting most of its candidates repeat (config answer.setting_share), or
nobody, does not carry what it asks (type_missing) (answering.sentence_facts.asks_someone_else)."""

from __future__ import annotations

import pytest

from bot.answering.candidates import find_candidates
from bot.answering.feature_names import FEATURES
from bot.answering.question import asked_class
from bot.config import Config
from bot.search import CorpusIndex
from tests.test_quotes import make_article

_ONLY_ASKED = "Lavrov said the two sides would go after the militants' commanders first."
_NOBODY = "The militants' commanders would be the first targets of the joint strikes."
_SOMEONE_ELSE = "Kerry said the militants' commanders would be the first targets of the joint strikes."
_SETTING = (  # Putin, named in half the candidates: the setting they repeat, not someone asked for
    "Putin said the militants and their commanders had to be defeated.",
    "Putin told reporters the strikes on the militants' commanders would go on.",
    "Putin said the commanders of the militants were hiding in Syria.",
)


@pytest.mark.parametrize(
    ("text", "noun"),
    [
        ("Which Russian general will lead the joint strikes?", "general"),
        ("Which aides or interpreters sat in on the talks?", "aides"),
        ("Which former US senator urged Obama to act?", "senator"),
        ("Which commentator thought the deal was near?", "commentator"),
        ("What present did he give Putin in return?", "present"),
        ("Which head of the spy agency put out a statement?", "head"),
        ("What did Putin say about Syria?", ""),
        ("What is the name of the aide?", ""),
        ("Which of the two leaders said the talks were blunt?", ""),
    ],
)
def test_the_class_a_which_question_asks_of(text: str, noun: str) -> None:
    assert asked_class(text) == noun


def _typed(index: CorpusIndex, question: str) -> dict[str, tuple[float, float]]:
    """(type_missing, type_present) for each candidate sentence, by its text."""
    found = find_candidates(index, question)
    assert found.rows is not None
    missing, present = FEATURES.index("type_missing"), FEATURES.index("type_present")
    return {
        h.sentence.text: (found.rows[i, missing], found.rows[i, present]) for i, h in enumerate(found.hits)
    }


def test_a_person_asked_by_role_must_be_someone_the_question_does_not_name(config: Config) -> None:
    index = CorpusIndex([make_article("d0", [_ONLY_ASKED, _NOBODY, _SOMEONE_ELSE, *_SETTING])], config)
    typed = _typed(index, "Which commander of the militants did Lavrov say they would go after first?")
    assert len(typed) == 6
    assert typed[_ONLY_ASKED] == (1.0, 0.0)  # only Lavrov, whom the question names
    assert typed[_NOBODY] == (1.0, 0.0)
    assert all(typed[text] == (1.0, 0.0) for text in _SETTING)  # only the setting's Putin
    assert typed[_SOMEONE_ELSE] == (0.0, 0.0)  # someone else speaks: no sign it names none (not "present")
    # a class that names no person ("which targets") asks nothing of the sort
    things = _typed(index, "Which targets did Lavrov say the two sides would go after first?")
    assert all(pair == (0.0, 0.0) for pair in things.values())


def test_a_which_official_question_is_not_answered_by_the_people_it_names(config: Config) -> None:
    index = CorpusIndex([make_article("d0", [_ONLY_ASKED, _NOBODY, _SOMEONE_ELSE, *_SETTING])], config)
    # "which official" is a "who" question (a person named or speaking carries its type), but not one
    # the question names itself; its candidates' setting is not read (the one asked may be frequent)
    typed = _typed(index, "Which official did Lavrov say would go after the militants' commanders first?")
    assert typed[_ONLY_ASKED] == (1.0, 0.0)
    assert typed[_NOBODY] == (1.0, 0.0)
    assert typed[_SOMEONE_ELSE] == (0.0, 1.0)
    assert all(typed[text] == (0.0, 1.0) for text in _SETTING)
