"""People named by a plural group phrase (bot/facts/plural.py), alone and through a built index's facts."""

from __future__ import annotations

import numpy as np
import pytest

from bot.answering.candidates import find_candidates
from bot.answering.features import columns_of
from bot.answering.sentence_facts import facts_of
from bot.config import Config
from bot.facts.lexicon import SpeakerLexicon
from bot.facts.plural import GroupPhrases
from bot.search import CorpusIndex
from bot.tokenizer import entity_token
from tests.test_quotes import make_article

PUTIN, OBAMA, LAVROV, KERRY = "Vladimir Putin", "Barack Obama", "Sergei Lavrov", "John Kerry"


@pytest.fixture
def phrases(config: Config) -> GroupPhrases:
    return GroupPhrases(SpeakerLexicon(config.entities), config.facts.pair_words, config.facts.group_nouns)


@pytest.mark.parametrize(
    ("text", "people"),
    [
        ("Later the US and Russian presidents spoke alone.", [OBAMA, PUTIN]),
        ("The U.S. and Russian Presidents spoke alone.", [OBAMA, PUTIN]),
        ("The Russian and Syrian presidents are allies.", [PUTIN, "Bashar al-Assad"]),
        ("The Russian and Martian presidents met.", [PUTIN]),  # no alias: that one names nobody
        ("The US and Russian delegations met.", []),  # not a configured plural role
        ("Russia and America met.", []),
    ],
)
def test_adjectives_of_roles_name_their_people(phrases: GroupPhrases, text: str, people: list[str]) -> None:
    assert phrases.by_roles(text) == people


def test_the_pair_is_the_articles_two_most_named(phrases: GroupPhrases) -> None:
    named = [(PUTIN, OBAMA), (OBAMA,), (PUTIN, LAVROV), (PUTIN,), (OBAMA, KERRY)]
    assert set(phrases.article_pair(named)) == {PUTIN, OBAMA}


def test_no_pair_when_the_second_is_not_ahead_of_the_third(phrases: GroupPhrases) -> None:
    assert phrases.article_pair([(PUTIN, OBAMA), (PUTIN, LAVROV), (PUTIN,)]) == ()
    assert phrases.article_pair([(PUTIN,), (PUTIN,)]) == ()  # one person named: no pair


def test_only_sentences_with_a_group_phrase_are_resolved(phrases: GroupPhrases) -> None:
    texts = [
        "Putin met Obama on Monday.",
        "Obama said little afterwards.",
        "The two world leaders shook hands.",
        "Both men smiled for the cameras.",
        "Both sides said the talks went well.",  # sides are not people
        "The two countries disagree.",
    ]
    named = [(PUTIN, OBAMA), (OBAMA,), (), (), (), ()]
    found = phrases.in_article(texts, named)
    assert sorted(found) == [2, 3]
    assert set(found[2]) == set(found[3]) == {PUTIN, OBAMA}


def test_without_words_in_config_nothing_is_resolved(config: Config) -> None:
    bare = GroupPhrases(SpeakerLexicon(config.entities), (), ())
    assert bare.in_article(["The two leaders met.", "Putin met Obama."], [(), (PUTIN, OBAMA)]) == {}
    assert bare.by_roles("The US and Russian presidents met.") == []


def test_the_index_facts_name_the_pair_as_people(config: Config) -> None:
    article = make_article(
        "pair",
        [
            "Vladimir Putin met Barack Obama in New York on Monday.",
            "Obama pressed Putin on Syria. Lavrov waited outside.",
            "The two leaders then spoke for an hour.",
        ],
    )
    index = CorpusIndex([article], config)
    last = len(article.sentences) - 1
    assert set(index.facts.of(last).entities) == {PUTIN, OBAMA}
    assert facts_of(index, last).people == {entity_token(PUTIN), entity_token(OBAMA)}
    assert facts_of(index, last - 1).people == {entity_token(LAVROV)}  # its own name only


def test_the_answers_constraints_count_the_pair_as_named(config: Config) -> None:
    article = make_article(
        "pair",
        [
            "Vladimir Putin met Barack Obama in New York on Monday.",
            "Obama pressed Putin on Syria.",
            "Across town, a crowd gathered in the rain.",
            "The two leaders then spoke for an hour about Ukraine.",
        ],
    )
    index = CorpusIndex([article], config)
    found = find_candidates(index, "How long did Putin and Obama speak about Ukraine?")
    assert found.rows is not None
    rows = {hit.position: row for hit, row in zip(found.hits, found.rows, strict=True)}
    last = len(article.sentences) - 1
    missing = columns_of(["people_missing", "names_missing"])
    assert not np.any(rows[last][missing])  # named by the group phrase, in a paragraph of its own
    assert np.all(rows[2][missing] > 0)  # the crowd's sentence names neither
