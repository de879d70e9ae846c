"""bot/answering/answerability.py: the party whose words or reaction a question asks for (a role phrase
standing for a configured person), and a "when" answered only vaguely."""

from __future__ import annotations

import dataclasses

import pytest

from bot.config import Config
from tests.candidate_rows import feature_by_sentence as _feature
from tests.candidate_rows import one_article_index as _index


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


@pytest.mark.parametrize("semantic", [True, False])
def test_a_role_phrase_stands_for_the_person_with_that_alias(config: Config, semantic: bool) -> None:
    settings = dataclasses.replace(config.semantic, enabled=semantic)
    entities = tuple(
        dataclasses.replace(e, aliases=tuple(a for a in e.aliases if not a.startswith("Britain")))
        for e in config.entities
    )
    index = _index(
        dataclasses.replace(config, semantic=settings, entities=entities),
        "“Russia and Iran say they want to be part of a solution,” Hollande said.",
        "“Russia must be part of a solution,” Putin said.",
        "British Prime Minister David Cameron said he was open to working with Russia.",
    )
    # "the French leader": Hollande's alias is "the French president"
    party = _feature(index, "What did the French leader say Russia and Iran want?", "party_unmet")
    assert party["“Russia and Iran say they want to be part of a solution,” Hollande said."] == 0.0
    assert party["“Russia must be part of a solution,” Putin said."] == 1.0
    # "Britain's prime minister" (his alias taken out of the config): "Britain" is a neighbour of
    # "British" in the model's word table only
    britain = _feature(index, "Did Britain's prime minister back working with Russia?", "party_unmet")
    cameron = britain["British Prime Minister David Cameron said he was open to working with Russia."]
    assert cameron == (0.0 if semantic else 1.0)


def test_a_configured_persons_words_or_reaction_need_that_person_speaking(config: Config) -> None:
    # naming the person is not enough when their words or their reaction are asked: a sentence that names
    # them beside someone else's act ("Putin held talks with Obama") does not give how they reacted
    index = _index(
        config,
        "Obama said the talks were a positive step.",
        "Putin held talks with Obama on Syria.",
        "The talks lasted an hour.",
    )
    said = _feature(index, "What did Obama say about the talks?", "party_unmet")
    assert said["Obama said the talks were a positive step."] == 0.0
    assert said["Putin held talks with Obama on Syria."] == 1.0
    for question in ("How did Obama react to the talks?", "What did Obama make of the talks?"):
        reacted = _feature(index, question, "party_unmet")
        assert reacted["Obama said the talks were a positive step."] == 0.0
        assert reacted["Putin held talks with Obama on Syria."] == 1.0
        assert reacted["The talks lasted an hour."] == 1.0


def test_a_party_named_by_the_events_keywords_is_still_the_party(config: Config) -> None:
    # coverage of one summit names its event by its leaders: the scope takes "Obama" out of the question
    # it searches, but he is still the one whose reaction is asked
    event = dataclasses.replace(config.events[0], keywords=(*config.events[0].keywords, "Obama"))
    index = _index(
        dataclasses.replace(config, events=(event, *config.events[1:])),
        "Obama said the proposals were a good start.",
        "Putin said he had handed Obama proposals on the treaty.",
    )
    party = _feature(index, "How did Obama respond when Putin handed him the proposals?", "party_unmet")
    assert party["Obama said the proposals were a good start."] == 0.0
    assert party["Putin said he had handed Obama proposals on the treaty."] == 1.0


def test_a_party_whose_name_the_scope_took_in_part_is_read_as_asked(config: Config) -> None:
    # coverage of a summit held in Russia: the scope takes "Russia" out of "Russia's president", whose
    # words are still the ones asked (Putin's alias), not any president's
    event = dataclasses.replace(config.events[0], keywords=(*config.events[0].keywords, "Russia"))
    index = _index(
        dataclasses.replace(config, events=(event, *config.events[1:])),
        "“The talks were useful,” Putin said of the proposals.",
        "“The talks were useful,” Obama said of the proposals.",
    )
    party = _feature(index, "What did Russia's president say about the proposals?", "party_unmet")
    assert party["“The talks were useful,” Putin said of the proposals."] == 0.0
    assert party["“The talks were useful,” Obama said of the proposals."] == 1.0


def test_a_name_qualifying_a_role_is_met_by_the_person_the_role_stands_for(config: Config) -> None:
    # "the American leader" is no alias, but Obama's "the American president" writes "American"
    index = _index(
        config,
        "“The sanctions stay,” Obama said at the press conference.",
        "“The sanctions must go,” Putin said at the press conference.",
    )
    missing = _feature(index, "What did the American leader say about the sanctions?", "names_missing")
    assert missing["“The sanctions stay,” Obama said at the press conference."] == 0.0
    assert missing["“The sanctions must go,” Putin said at the press conference."] > 0.0


def test_a_pair_the_sentence_means_is_no_missing_name(config: Config) -> None:
    # the article is about Putin and Obama; "the two leaders" names neither, yet means both
    index = _index(
        config,
        "Putin met Obama in New York. Obama and Putin spoke for an hour.",
        "Putin later left for Moscow.",
        "The two leaders clinked glasses at the lunch.",
        "Guests clinked glasses at the lunch.",
    )
    missing = _feature(index, "Did Putin and Obama get along at the lunch?", "names_missing")
    assert missing["The two leaders clinked glasses at the lunch."] == 0.0
    assert missing["Guests clinked glasses at the lunch."] == 1.0


def test_a_he_in_a_speakers_quoted_words_means_the_article_s_other_person(config: Config) -> None:
    # Putin speaks; the "he" of his words is someone else: Obama, whom the article names most after him
    index = _index(
        config,
        "Obama met Putin in New York. Obama spoke first.",
        "Obama later left for Washington.",
        "“I think he sincerely wants results in Syria,” Putin said.",
        "“I think we all want results in Syria,” Putin said.",
    )
    missing = _feature(index, "What did Putin make of Obama's wish for results in Syria?", "people_missing")
    assert missing["“I think he sincerely wants results in Syria,” Putin said."] == 0.0
    assert missing["“I think we all want results in Syria,” Putin said."] == 0.5
