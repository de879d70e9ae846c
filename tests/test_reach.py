"""bot/answering/reach.py: how far a question reaches beyond a candidate sentence (its rarest concept and
its other concepts in the sentence's article or not, the noun a "which X" question asks for)."""

from __future__ import annotations

import pytest

from bot.answering.candidates import find_candidates
from bot.answering.features import ANSWER_FEATURES, FEATURES
from bot.answering.reach import REACH_FEATURES, asked_noun
from bot.config import Config
from bot.search import CorpusIndex
from tests.test_quotes import make_article


def _feature(index: CorpusIndex, question: str, name: str) -> dict[str, float]:
    """The feature's value for each candidate sentence, by its text."""
    found = find_candidates(index, question)
    assert found.rows is not None
    column = FEATURES.index(name)
    return {hit.sentence.text: float(found.rows[i, column]) for i, hit in enumerate(found.hits)}


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("Which sectors of the economy were hit?", ("sectors",)),
        ("Which former US senator urged the talks?", ("former", "senator")),  # the name left out
        ("At what time of day did the meeting begin?", ("time",)),
        ("What sort of alliance did he pitch?", ("alliance",)),
        ("What did Obama say about the talks?", ()),  # "what did" asks nobody's kind
        ("What was the venue of the talks?", ()),
        ("How long did the talks last?", ()),
    ],
)
def test_the_noun_a_which_question_asks_for(question: str, noun: tuple[str, ...]) -> None:
    assert asked_noun(question) == noun


def test_the_asked_noun_is_looked_for_in_the_sentence_and_its_paragraph(config: Config) -> None:
    index = CorpusIndex(
        [
            make_article(
                "d0",
                [
                    "The leaders met in a hotel in the city. The talks went on into the night.",
                    "The sanctions talks lasted an hour.",
                ],
            )
        ],
        config,
    )
    missing = _feature(index, "Which hotel were the talks held in?", "asked_noun_missing")
    assert missing["The leaders met in a hotel in the city."] == 0.0
    assert missing["The talks went on into the night."] == 0.0  # its paragraph writes it
    assert missing["The sanctions talks lasted an hour."] == 1.0
    assert set(_feature(index, "How long did the talks last?", "asked_noun_missing").values()) == {0.0}


def test_concepts_and_the_rarest_one_are_looked_for_in_the_sentence_s_article(config: Config) -> None:
    about_talks = make_article("d0", ["The leaders talked about Syria for an hour.", "Ukraine was raised."])
    about_trade = make_article("d1", ["The leaders talked about trade.", "Crimea came up over dinner."])
    index = CorpusIndex([about_talks, about_trade], config)
    question = "Did the leaders talk about Crimea and Syria?"
    off = _feature(index, question, "concepts_off_article")
    rarest = _feature(index, question, "rarest_off_article")
    # the talks' article writes Syria but not Crimea; the trade article writes Crimea but not Syria
    assert 0.0 < off["The leaders talked about Syria for an hour."] < 1.0
    assert 0.0 < off["The leaders talked about trade."] < 1.0
    assert off["Crimea came up over dinner."] == off["The leaders talked about trade."]
    # the rarest concept (Crimea or Syria, both once) is in the sentence, elsewhere in its article, or not
    assert set(rarest.values()) <= {0.0, 1.0}
    unused = _feature(index, "Did the leaders talk about Narnia?", "rarest_unused")
    assert set(unused.values()) == {1.0}


def test_the_answer_fit_reads_the_reach_features() -> None:
    assert set(REACH_FEATURES) <= set(ANSWER_FEATURES)
    assert set(REACH_FEATURES) <= set(FEATURES)
