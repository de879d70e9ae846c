"""bot/answering/sentence_facts.py: a "how long" question is answered by a length of what it asks about
(the lunch's, not the meeting's), read from the figures' `measures` and config answer.occasions; a "how
many X" by a count of X (or of what config answer.counted_alike counts alike), not of something else."""

from __future__ import annotations

from bot.answering.candidates import find_candidates
from bot.answering.feature_names import FEATURES
from bot.answering.sentence_facts import asked_occasions, counted_alike
from bot.config import Config
from bot.search import CorpusIndex
from tests.test_quotes import make_article

_MEETING = "The two leaders met for two hours in the palace."
_LUNCH = "Their working lunch lasted 40 minutes."
_UNNAMED = "It went on for 50 minutes in the end."


def _index(config: Config) -> CorpusIndex:
    return CorpusIndex([make_article("d0", [_MEETING, _LUNCH, _UNNAMED])], config)


def _missing(index: CorpusIndex, question: str, feature: str = "type_missing") -> dict[str, float]:
    """type_missing (or another column) for each candidate sentence, by its text."""
    found = find_candidates(index, question)
    assert found.rows is not None
    column = FEATURES.index(feature)
    return {hit.sentence.text: float(found.rows[i, column]) for i, hit in enumerate(found.hits)}


def test_a_length_answers_only_a_question_about_what_it_measures(config: Config) -> None:
    index = _index(config)
    lunch = _missing(index, "How long did the working lunch last?")
    assert lunch[_MEETING] == 1.0  # the meeting's length is no answer to how long the lunch was
    assert lunch[_LUNCH] == 0.0
    assert lunch[_UNNAMED] == 0.0  # a length of what the figures reader could not name may be its
    # "talks" and "met" are measured alike (facts.measured_alike): the meeting's length answers
    talks = _missing(index, "How long did the talks last?")
    assert talks[_MEETING] == 0.0
    assert talks[_LUNCH] == 1.0
    # a question that names no occasion takes any length
    alone = _missing(index, "How long were the two leaders alone together?")
    assert alone[_MEETING] == 0.0 and alone[_LUNCH] == 0.0


def test_the_occasions_a_question_names_are_read_from_config(config: Config) -> None:
    index = _index(config)
    assert "lunch" in asked_occasions(index, "How long was the luncheon?")  # one row of answer.occasions
    assert "meet" in asked_occasions(index, "How long did the talks go on?")  # facts.measured_alike
    assert asked_occasions(index, "How long were they alone?") == frozenset()


def test_a_length_is_asked_of_the_first_occasion_named(config: Config) -> None:
    index = _index(config)
    assert asked_occasions(index, "How long was he kept waiting before the talks?") == asked_occasions(
        index, "How long was the wait?"
    )
    waiting = _missing(index, "How long was he kept waiting before the talks?")
    assert waiting[_MEETING] == 1.0  # the talks' length is no answer to how long the wait was


_BEFORE_MEAL = "The two spent an hour and a half on their own, before their teams joined them for dinner."
_OTHER_OCCASION = "The rest of the news conference, some 30 minutes of it, went badly."


def test_an_unnamed_length_is_not_one_of_an_occasion_placed_after_it_or_not_named(config: Config) -> None:
    index = CorpusIndex([make_article("d0", [_BEFORE_MEAL, _OTHER_OCCASION, _UNNAMED])], config)
    dinner = _missing(index, "How long did the dinner go on?")
    assert dinner[_BEFORE_MEAL] == 1.0  # the time before the dinner is not the dinner's length
    assert dinner[_OTHER_OCCASION] == 1.0  # a length in a sentence about another occasion
    assert dinner[_UNNAMED] == 0.0  # a sentence naming no occasion still may be its
    # the time before the dinner is what "how long were they alone before dinner" asks
    alone = _missing(index, "How long were the two alone before their teams joined them for dinner?")
    assert alone[_BEFORE_MEAL] == 0.0
    briefing = _missing(index, "How long did the news conference last?")
    assert briefing[_OTHER_OCCASION] == 0.0


def test_an_occasion_a_before_clause_names_only_places_the_time_asked(config: Config) -> None:
    index = _index(config)
    assert asked_occasions(index, "How long were they alone before lunch?") == frozenset()
    assert asked_occasions(index, "After the talks, how long was the lunch?") == asked_occasions(
        index, "How long was the lunch?"
    )


_OFFSET = "The talks came hours after the two clashed in their speeches."
_DAY_EARLIER = "On Tuesday he praised the meeting held a day earlier."


def test_an_offset_answers_how_long_after_and_is_no_length(config: Config) -> None:
    index = CorpusIndex([make_article("d0", [_MEETING, _OFFSET, _DAY_EARLIER])], config)
    after = _missing(index, "How long after their speeches did the talks come?")
    assert after[_OFFSET] == 0.0 and after[_DAY_EARLIER] == 0.0  # the time between two things
    assert after[_MEETING] == 1.0  # a length is no offset
    days = _missing(index, "How many days after the meeting did he praise it?")
    assert days[_DAY_EARLIER] == 0.0
    lasted = _missing(index, "How long did the talks last?")
    assert lasted[_OFFSET] == 1.0 and lasted[_DAY_EARLIER] == 1.0  # an offset is no length
    assert lasted[_MEETING] == 0.0


_OWN_WORDS = '"Meetings like this one are useful," Putin said.'
_CONNECTIVE = "The talks were short because both had tight schedules."
_OTHER_SPEAKER = '"Meetings like this one are useful," Obama said.'
_NOBODY = "Meetings like this one took place on the sidelines."


def test_a_why_asked_of_a_person_is_answered_by_their_own_words(config: Config) -> None:
    index = CorpusIndex([make_article("d0", [_OWN_WORDS, _CONNECTIVE, _OTHER_SPEAKER, _NOBODY])], config)
    asked = _missing(index, "Why does Putin find meetings like this one useful?")
    assert asked[_OWN_WORDS] == 0.0  # his stated reason, with no connective
    assert asked[_CONNECTIVE] == 0.0  # a connective carries a cause whoever speaks
    assert asked[_OTHER_SPEAKER] == 1.0  # someone else's words are not his reason
    assert asked[_NOBODY] == 1.0
    present = _missing(index, "Why does Putin find meetings like this one useful?", "type_present")
    assert present[_CONNECTIVE] == 1.0 and present[_OWN_WORDS] == 0.0  # his words may hold a reason, no more
    # a "why" naming nobody takes only a connective
    bare = _missing(index, "Why are meetings like this one useful?")
    assert bare[_OWN_WORDS] == 1.0 and bare[_CONNECTIVE] == 0.0


_MARCH = "A march in the city drew around 2,500 people, according to police."
_TOLL = "The war has claimed a quarter of a million lives."


def test_a_count_of_something_else_is_no_number_asked(config: Config) -> None:
    index = CorpusIndex([make_article("d1", [_MARCH, _TOLL])], config)
    police = _missing(index, "How many police officers were on duty in the city?")
    assert police[_MARCH] == 1.0  # 2,500 people are not a count of police officers
    unit = _missing(index, "How many police officers were on duty in the city?", "unit_missing")
    assert unit[_MARCH] == 1.0
    # a count of lives is a count of people (config answer.counted_alike)
    died = _missing(index, "How many people have died in the war?")
    assert died[_TOLL] == 0.0
    assert _missing(index, "How many people have died in the war?", "unit_missing")[_TOLL] == 0.0
    assert counted_alike(index, frozenset({"peopl"})) >= {"peopl", "live"}
