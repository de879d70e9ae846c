"""bot/answering/places.py and what reads it: a country is spoken for by the configured people whose aliases
name it and written as the adjective two of a person's aliases trade for its name; and the questions that
ask for the words of someone they write without a configured name (answering.question)."""

from __future__ import annotations

import dataclasses

from bot.answering.candidates import find_candidates
from bot.answering.places import place_adjectives, spokespeople, with_adjectives
from bot.config import Config, Entity
from bot.conversation import Conversation
from tests.candidate_rows import feature_by_sentence as _feature
from tests.candidate_rows import one_article_index as _index


def test_a_country_is_spoken_for_and_written_as_its_people_aliases_say(config: Config) -> None:
    # an invented country and its leader: nothing but their config entries tells who speaks for it
    entities = (
        *config.entities,
        Entity("Freedonia", "place", ("Fredville",)),
        Entity("Rufus Firefly", "person", ("Firefly", "the Freedonian leader", "Freedonia's leader")),
    )
    index = _index(dataclasses.replace(config, entities=entities), "Firefly spoke.")
    assert spokespeople(index)["@freedonia"] == {"@rufus_firefly"}
    assert place_adjectives(index)["freedonian"] == {"@freedonia"}
    assert "freedonian" in with_adjectives(index, frozenset({"@freedonia"}))
    # the seed config: Russia's officials and adjective, read from the same kind of aliases
    assert {"@vladimir_putin", "@sergei_lavrov"} <= spokespeople(index)["@russia"]
    assert place_adjectives(index)["american"] == {"@united_states"}


def test_a_country_party_is_met_where_one_of_its_officials_speaks(config: Config) -> None:
    index = _index(
        config,
        "Lavrov said Moscow might join the air strikes.",
        "Obama said Russia might join the air strikes.",
    )
    party = _feature(index, "Did Russia say it might join the air strikes?", "party_unmet")
    assert party == {
        "Lavrov said Moscow might join the air strikes.": 0.0,
        "Obama said Russia might join the air strikes.": 1.0,
    }


def test_a_party_written_with_a_place_adjective_is_met_by_the_place_name(config: Config) -> None:
    index = _index(
        config,
        "A US official said the rift over Assad ran deep.",
        "A French official said the rift over Assad ran deep.",
    )
    question = "How deep did the American official say the rift over Assad went?"
    party = _feature(index, question, "party_unmet")
    assert party == {
        "A US official said the rift over Assad ran deep.": 0.0,
        "A French official said the rift over Assad ran deep.": 1.0,
    }
    # the words asked are the official's: Assad, the one named, is not the asked speaker
    assert find_candidates(index, question).question.speaker is None
    assert set(_feature(index, question, "speaker_missing").values()) == {0.0}


def test_the_speaker_is_the_person_named_as_the_one_asked(config: Config) -> None:
    index = _index(config, "Putin said Damascus would have a say.", "The talks lasted an hour.")
    for question in (
        "Did Putin say Damascus would get a say in the steps?",  # not "... would get a say"
        "What did the Russian president say about Damascus?",
    ):
        assert find_candidates(index, question).question.speaker == "@vladimir_putin"
    assert find_candidates(index, "What did the AFP piece say about Putin?").question.speaker is None


def test_a_place_asked_about_is_met_by_its_adjective(config: Config) -> None:
    index = _index(
        config,
        "“The Russian state will never interfere,” Putin said.",
        "“The state will never interfere,” Putin said.",
    )
    names = _feature(index, "Did Putin promise Moscow would never interfere?", "names_missing")
    assert names["“The Russian state will never interfere,” Putin said."] == 0.0
    assert names["“The state will never interfere,” Putin said."] > 0.0


def test_a_follow_up_asking_in_a_later_clause_keeps_its_own_kind(config: Config) -> None:
    index = _index(config, "Sanctions stay until the Minsk deal is carried out, Obama said.")
    conversation = Conversation()
    conversation.remember("How many countries signed the Minsk deal?", None, None)
    own = find_candidates(
        index, "Until that deal is carried out, what does Washington keep in place?", conversation
    ).question
    assert own.follow_up and own.kind == "what"
    carried = find_candidates(index, "What about Washington?", conversation).question
    assert carried.kind == "how_many"
