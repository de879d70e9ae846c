"""A question about the meeting of someone beyond the summit's leaders ("Cameron's own meeting with
Putin", "did Hollande get a meeting with Putin?") is answered only by a sentence naming them and a meeting
(answering.sentence_facts.asked_meeting, config answer.meeting_words); "How did X react?" asks for X's
words as "what did X say?" does (answering.question)."""

from __future__ import annotations

import pytest

from bot.answering.candidates import find_candidates
from bot.answering.feature_names import FEATURES
from bot.config import Config
from bot.search import CorpusIndex
from tests.test_quotes import make_article

_CAMERON_VIEW = "Cameron said he was ready to work with Russia on Syria but would not back Assad."
_CAMERON_MET = "Cameron met Putin on Monday and the two discussed Syria."
# the setting the candidates repeat: the two leaders, who meet and discuss Syria in most of them
_SETTING = [
    "Putin and Obama met for ninety minutes and discussed Syria.",
    "Obama said he and Putin discussed Syria at length when they met.",
    "Putin said the meeting with Obama on Syria was frank.",
    "Obama and Putin disagreed on Syria at their meeting.",
    "Putin told reporters he and Obama had discussed Syria in detail.",
    "The meeting between Obama and Putin focused on Syria.",
    "Putin and Obama posed for photographs before they met to discuss Syria.",
    "Obama raised Syria with Putin when the two met.",
]


@pytest.fixture(scope="module")
def index(config: Config) -> CorpusIndex:
    # his remark sits in a report about the two leaders (the pair it names most), as the press writes it
    report = make_article("report", [_SETTING[0], _SETTING[1], _CAMERON_VIEW])
    others = [_CAMERON_MET, *_SETTING[2:]]
    return CorpusIndex([report, *(make_article(f"d{i}", [s]) for i, s in enumerate(others))], config)


def _people_missing(index: CorpusIndex, question: str) -> dict[str, float]:
    found = find_candidates(index, question)
    assert found.rows is not None
    column = FEATURES.index("people_missing")
    return {hit.sentence.text: float(found.rows[i, column]) for i, hit in enumerate(found.hits)}


def test_a_meeting_of_someone_beyond_the_setting_needs_a_sentence_naming_them_meeting(
    index: CorpusIndex,
) -> None:
    asked = _people_missing(index, "What did Cameron discuss with Putin when they met?")
    assert asked[_CAMERON_MET] == 0.0
    assert asked[_CAMERON_VIEW] == 1.0  # names him, but no meeting: not the meeting asked
    assert asked[_SETTING[0]] == 1.0  # the leaders' own meeting is not his
    # the same words with no meeting asked: his views answer
    views = _people_missing(index, "What did Cameron say about working with Russia on Syria?")
    assert views[_CAMERON_VIEW] == 0.0


def test_the_leaders_meeting_is_asked_as_before(index: CorpusIndex) -> None:
    asked = _people_missing(index, "What did Putin and Obama discuss when they met?")
    assert asked[_SETTING[0]] == 0.0
    assert asked[_SETTING[4]] == 0.0  # no meeting word needed when only the setting meets
    # the pair a report is about meets in it, whoever its other sentences name
    sanctions = _people_missing(index, "What did Obama say about Syria after meeting Putin?")
    assert sanctions[_SETTING[1]] == 0.0


def test_a_meeting_that_only_places_the_time_asked_is_not_asked(index: CorpusIndex) -> None:
    asked = _people_missing(index, "After the meeting, what did Cameron say about Syria?")
    assert asked[_CAMERON_VIEW] == 0.0


@pytest.mark.parametrize(
    ("text", "speaker"),
    [
        ("How did Cameron react to the meeting on Syria?", "@david_cameron"),
        ("How did Obama respond when Putin raised Syria?", "@barack_obama"),
        ("How did the markets react to the meeting?", None),
    ],
)
def test_a_reaction_asked_of_a_person_asks_for_their_words(
    index: CorpusIndex, text: str, speaker: str | None
) -> None:
    question = find_candidates(index, text).question
    assert question is not None
    assert question.speaker == speaker


_SANCTIONS = "Obama said the sanctions would stay until the ceasefire held."
# candidates that name neither leader: the question's other words bring them in
_FILLER = [
    f"The sanctions on sector {n} would stay until the ceasefire held, officials said." for n in range(40)
]


def test_the_pair_a_report_is_about_meets_in_it_whoever_the_candidates_name(config: Config) -> None:
    report = make_article("report", [_SETTING[0], _SETTING[2], _SANCTIONS])
    index = CorpusIndex([report, *(make_article(f"f{n}", [s]) for n, s in enumerate(_FILLER))], config)
    asked = _people_missing(index, "What did Obama say about the sanctions after meeting Putin?")
    # Putin is not named (half the people asked), but no meeting of others is asked: the report's pair met
    assert asked[_SANCTIONS] == 0.5
