"""bot/answering/features.py's actor columns: the person a question is about (the subject of its
auxiliary, else the first it names unless it asks who) speaks a candidate or is the first person it
names (actor_present), or someone else does (actor_other)."""

from __future__ import annotations

from bot.answering.candidates import find_candidates
from bot.answering.feature_names import FEATURES
from bot.config import Config
from bot.search import CorpusIndex
from tests.test_quotes import make_article

_HANDED = "Obama handed Putin a signed football at the end of the talks."
_KEPT = "Putin said he would keep the football for his grandson."
_NOBODY = "The football was signed by the whole team."


def _columns(index: CorpusIndex, question: str) -> dict[str, tuple[float, float]]:
    """(actor_present, actor_other) of each candidate sentence, by its text."""
    found = find_candidates(index, question)
    assert found.rows is not None
    present, other = FEATURES.index("actor_present"), FEATURES.index("actor_other")
    return {h.sentence.text: (found.rows[i, present], found.rows[i, other]) for i, h in enumerate(found.hits)}


def _index(config: Config) -> CorpusIndex:
    return CorpusIndex([make_article("d0", [_HANDED, _KEPT, _NOBODY])], config)


def test_the_subject_of_the_auxiliary_is_the_actor(config: Config) -> None:
    columns = _columns(_index(config), "What did Putin do with the football Obama gave him?")
    assert columns[_KEPT] == (1.0, 0.0)  # Putin speaks it
    assert columns[_HANDED] == (0.0, 1.0)  # Obama is the first it names: Obama's act
    assert columns[_NOBODY] == (0.0, 0.0)  # nobody's


def test_a_who_question_has_an_actor_only_as_the_subject_of_its_auxiliary(config: Config) -> None:
    index = _index(config)
    assert set(_columns(index, "Who gave Putin a signed football?").values()) == {(0.0, 0.0)}
    columns = _columns(index, "Who did Obama give the football to?")
    assert columns[_HANDED] == (1.0, 0.0)
    assert columns[_KEPT] == (0.0, 1.0)


def test_a_question_of_two_clauses_is_about_the_subject_of_the_last(config: Config) -> None:
    columns = _columns(_index(config), "Did Obama hand Putin a football? What did Putin do with it?")
    assert columns[_KEPT] == (1.0, 0.0)
    assert columns[_HANDED] == (0.0, 1.0)
