"""Follow-ups lean on the previous turn (the sentence the bot gave), and chat wording (shorthand, typos)
is read as the formal question, on a few sentences written here."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest

from bot.answering import answer_question
from bot.answering.asked_words import asks_words
from bot.answering.candidates import find_candidates
from bot.answering.casual import fold_casual
from bot.answering.followup import moved_on
from bot.answering.question import answer_noun, is_follow_up
from bot.cleaner import clean_article
from bot.config import Config, parse_config
from bot.conversation import Conversation
from bot.errors import ConfigError
from bot.evaluation.calibrate import ask_all
from bot.evaluation.kfold_report import outcome
from bot.evaluation.qa_eval import GoldQuestion, earlier_turns, evaluate_qa
from bot.results import AskResult
from bot.search import CorpusIndex
from bot.tokenizer import Tokenizer

TALKS = """Harbour Post
Tuesday 6 September 2016

Putin and Obama meet on the sidelines of the G20 in Hangzhou

Russian President Vladimir Putin met U.S. President Barack Obama for about 90 minutes on the sidelines \
of the G20 summit in Hangzhou on Monday. The Kremlin leader called it frank and businesslike.

Obama told reporters that gaps of trust remained between Washington and Moscow.

The summit's host, Chinese President Xi Jinping, closed the meeting with a call for open trade.
"""

HARVEST = """Valley Courier

Farmers expect a late harvest

Heavy rain delayed the wheat harvest by two weeks across the valley, farmers said.

Several growers held a separate meeting on prices and a common understanding was reached.
"""

FIRST = "How long did Putin and Obama meet in Hangzhou?"


@pytest.fixture(scope="module")
def index(config: Config) -> CorpusIndex:
    pages = {"talks": TALKS, "harvest": HARVEST}
    return CorpusIndex([clean_article(t, doc_id=d, config=config) for d, t in pages.items()], config)


def test_a_turn_remembers_the_sentence_it_answered_with(index: CorpusIndex) -> None:
    conversation = Conversation()
    result = answer_question(index, FIRST, conversation=conversation)
    assert result.answers and "90 minutes" in result.answers[0].text
    assert conversation.answer is not None and conversation.answer_doc == "talks"
    assert index.locate(conversation.answer)[1].text == result.answers[0].text


@pytest.fixture(scope="module")
def narrow(config: Config) -> CorpusIndex:
    """The same pages, with retrieval keeping one sentence and no sentence vectors: only what a
    follow-up adds besides its own retrieval is a further candidate."""
    settings = dataclasses.replace(
        config,
        retrieval=dataclasses.replace(config.retrieval, candidates=1),
        semantic=dataclasses.replace(config.semantic, enabled=False),
    )
    pages = {"talks": TALKS, "harvest": HARVEST}
    return CorpusIndex([clean_article(t, doc_id=d, config=settings) for d, t in pages.items()], settings)


def test_the_sentences_around_the_previous_answer_are_a_follow_ups_candidates(narrow: CorpusIndex) -> None:
    conversation = Conversation()
    answer_question(narrow, FIRST, conversation=conversation)
    given = conversation.answer
    assert given is not None
    follow = find_candidates(narrow, "how did he rate it?", dataclasses.replace(conversation))
    assert follow.question is not None and follow.question.previous == given
    # the next sentence shares no word with the follow-up, yet is weighed
    assert given + 1 in {h.position for h in follow.hits}
    forgotten = dataclasses.replace(conversation, answer=None)
    alone = find_candidates(narrow, "how did he rate it?", forgotten)
    assert given + 1 not in {h.position for h in alone.hits}


def test_a_follow_up_after_an_answer_picks_the_adjacent_sentence_that_answers(narrow: CorpusIndex) -> None:
    conversation = Conversation()
    answer_question(narrow, FIRST, conversation=conversation)
    given = conversation.answer
    result = answer_question(narrow, "did he call it frank?", conversation=conversation)
    assert result.answers and "frank and businesslike" in result.answers[0].text
    assert given is not None and conversation.answer == given + 1  # the new turn's sentence, remembered


def test_a_fresh_question_has_no_previous_sentence(index: CorpusIndex) -> None:
    conversation = Conversation()
    answer_question(index, FIRST, conversation=conversation)
    asked = find_candidates(index, "What did Obama tell reporters about trust?", conversation)
    assert asked.question is not None and not asked.question.follow_up and asked.question.previous is None


def test_a_sentence_of_another_index_is_not_leaned_on(index: CorpusIndex) -> None:
    conversation = Conversation()
    answer_question(index, FIRST, conversation=conversation)
    conversation.answer_doc = "an article this index lacks"
    follow = find_candidates(index, "how did he rate it?", conversation)
    assert follow.question is not None and follow.question.follow_up and follow.question.previous is None


def test_after_a_who_question_he_is_the_person_the_answer_quotes(index: CorpusIndex) -> None:
    conversation = Conversation()
    result = answer_question(index, "Who said gaps of trust remained?", conversation=conversation)
    assert result.answers and "gaps of trust" in result.answers[0].text
    assert conversation.person == "@barack_obama"


@pytest.mark.parametrize(
    ("text", "follows"),
    [
        ("why so short", True),
        ("In that same report, did he still hold out hope for cooperation on Syria and Iran?", True),
        ("Until that deal is carried out, what does Washington intend to keep in place?", True),
        ("What did Obama say about his talks with Putin in Hangzhou on Monday?", False),
        ("Who said that the ceasefire in Syria would hold for two more weeks?", False),
    ],
)
def test_what_leans_on_the_turn_before(text: str, follows: bool) -> None:
    tokenizer = Tokenizer()
    persons = ("@barack_obama",) if "Obama" in text else ()
    assert is_follow_up(text, tokenizer, 3, persons) is follows


def test_the_chat_wording_answers_like_the_formal_one(index: CorpusIndex) -> None:
    formal = answer_question(index, "What did Obama tell reporters about trust?")
    for chat in ("wat did obama tell reporters abt trust lol", "what did obama tell reportrs about trsut"):
        casual = answer_question(index, chat)
        assert casual.answers and formal.answers
        assert casual.answers[0].text == formal.answers[0].text


def test_shorthand_is_spelt_out_and_a_typo_two_edits_away_folded(index: CorpusIndex) -> None:
    assert fold_casual(index, "wat did they say w the host") == "what did they say with the host"
    assert fold_casual(index, "who met on the sidlnes") == "who met on the sidelines"  # two letters left out
    # a word one edit from a function word the corpus need not use
    assert fold_casual(index, "did they say anythin") == "did they say anything"


def test_a_shorthand_entry_without_its_words_is_refused() -> None:
    with pytest.raises(ConfigError, match="shorthand"):
        parse_config("followup:\n  shorthand: [[abt]]\n", Path("config.yaml"))


def test_a_follow_up_is_asked_after_every_turn_it_continues(index: CorpusIndex) -> None:
    questions = [
        GoldQuestion("a", FIRST, "numeric", (("talks", "90 minutes"),)),
        GoldQuestion("b", "and how did he describe it?", "follow-up", (), follows="a"),
        GoldQuestion("c", "why?", "follow-up", (), follows="b"),
    ]
    by_id = {q.id: q for q in questions}
    assert [q.id for q in earlier_turns(questions[2], by_id)] == ["a", "b"]
    asked: list[tuple[str, int]] = []

    def ask(text: str, conversation: Conversation) -> AskResult:
        asked.append((text, id(conversation)))
        return answer_question(index, text, conversation=conversation)

    evaluate_qa(questions[2:], ask)
    assert [t for t, _ in asked] == ["why?"]  # "c" alone: the turns it follows are not in this set
    evaluate_qa(questions, ask)
    third = [t for t, _ in asked[-3:]]
    assert third == [FIRST, "and how did he describe it?", "why?"]
    assert len({c for _, c in asked[-3:]}) == 1  # one conversation


def test_calibrate_asks_a_follow_up_after_the_answered_turn(index: CorpusIndex) -> None:
    questions = [
        GoldQuestion("a", FIRST, "numeric", ()),
        GoldQuestion("b", "and how did he describe it?", "follow-up", (), follows="a"),
    ]
    follow = ask_all(index, questions, "test.yaml")[1]
    assert follow.earlier == (FIRST,)
    assert follow.candidates is not None and follow.candidates.question is not None
    conversation = Conversation()
    answer_question(index, FIRST, conversation=conversation)
    assert follow.candidates.question.previous == conversation.answer is not None


@pytest.mark.parametrize(
    ("text", "asks"),
    [
        ("In that same report, did he still hold out hope for cooperation?", False),
        ("What was in the Kremlin's report on the talks?", False),
        ("how did he rate the call", False),
        ("What did RT report about the talks?", True),
        ("and what did he call it?", True),
        ("Did he say the report was wrong?", True),
    ],
)
def test_a_speech_word_after_a_determiner_is_a_noun(text: str, asks: bool) -> None:
    assert asks_words(text) is asks


def test_he_asked_without_a_speech_verb_does_not_demand_he_speaks(index: CorpusIndex) -> None:
    conversation = Conversation()
    answer_question(index, "Who said gaps of trust remained?", conversation=conversation)
    follow = find_candidates(index, "in that same report, did he still see trust as a problem?", conversation)
    assert follow.question is not None and follow.question.persons == ("@barack_obama",)
    assert follow.question.speaker is None
    said = find_candidates(index, "and what did he say about trust?", conversation)
    assert said.question is not None and said.question.speaker == "@barack_obama"


def test_the_dump_records_what_a_held_out_question_got(index: CorpusIndex) -> None:
    talks = index.locate(0)[0].id
    gold = ((talks, "Obama told reporters that gaps of trust remained between Washington and Moscow."),)
    q = GoldQuestion("t1", "Who said gaps of trust remained?", "who", gold)
    record = outcome("test.yaml", q, answer_question(index, q.question), 2)
    assert record["at1"] is True and record["declined"] is False and record["fold"] == 2
    assert record["first"] == gold[0][1] and record["first_doc"] == talks
    refused = outcome("test.yaml", GoldQuestion("t2", "?", "trap", ()), None, 0)
    assert refused["declined"] is True and refused["at1"] is False and refused["first"] is None


def _at(index: CorpusIndex, words: str) -> int:
    """The position of the one sentence that writes `words`."""
    found = [p for p in range(len(index)) if words in index.locate(p)[1].text]
    assert len(found) == 1
    return found[0]


def _moved(index: CorpusIndex, follow_up: str, positions: list[int]) -> list[int]:
    """The positions in the order `moved_on` leaves them, for `follow_up` asked after FIRST was answered
    with the first of `positions` (ranked in their order)."""
    conversation = Conversation()
    answer_question(index, FIRST, conversation=conversation)
    question = find_candidates(index, follow_up, conversation).question
    assert question is not None and question.follow_up
    question = dataclasses.replace(question, previous=positions[0])
    hits = {h.position: h for h in index.hits_at(["obama"], positions)}
    ordered = [hits[p] for p in positions]
    return [ordered[i].position for i in moved_on(index, question, ordered, list(range(len(ordered))))]


def test_a_follow_up_moving_on_is_not_answered_by_the_sentence_it_was_told(index: CorpusIndex) -> None:
    told, frank = _at(index, "90 minutes"), _at(index, "frank and businesslike")
    trust, trade = _at(index, "gaps of trust"), _at(index, "open trade")
    # "trust" is the follow-up's own word: the sentence the user was told lacks it, the third writes it
    assert _moved(index, "and what about trust?", [told, frank, trust, trade]) == [trust, told, frank, trade]
    # only the next two are looked at; none of them writes it
    assert _moved(index, "and what about trade?", [told, frank, trust, trade]) == [told, frank, trust, trade]


def test_a_follow_up_the_told_sentence_answers_keeps_it_first(index: CorpusIndex) -> None:
    told, trust = _at(index, "90 minutes"), _at(index, "gaps of trust")
    # the told sentence writes the follow-up's own word ("Monday")
    assert _moved(index, "and was that on Monday?", [told, trust]) == [told, trust]
    # the noun naming the kind of answer is no word of its own: a sentence writing "weeks" is no answer
    growers, wheat = _at(index, "separate meeting on prices"), _at(index, "wheat harvest")
    assert _moved(index, "which week was that?", [growers, wheat]) == [growers, wheat]


def test_a_follow_up_moves_on_only_within_the_article_it_was_told_from(index: CorpusIndex) -> None:
    told, harvest = _at(index, "90 minutes"), _at(index, "wheat harvest")
    assert _moved(index, "and what about the harvest?", [told, harvest]) == [told, harvest]
    trust = _at(index, "gaps of trust")
    assert _moved(index, "and what about trust?", [told, harvest, trust]) == [trust, told, harvest]


def test_a_follow_up_asking_what_the_told_sentence_left_out_is_answered_beside_it(index: CorpusIndex) -> None:
    told, frank = _at(index, "90 minutes"), _at(index, "frank and businesslike")
    trust, harvest = _at(index, "gaps of trust"), _at(index, "wheat harvest")
    # no sentence writes "fault": the best of the next two beside the told one (in its article) comes first
    assert _moved(index, "and whose fault did he say that was?", [told, harvest, frank]) == [
        frank,
        told,
        harvest,
    ]
    assert _moved(index, "and whose fault did he say that was?", [told, trust, frank]) == [trust, told, frank]
    # a sentence of another article is not beside it
    assert _moved(index, "and whose fault did he say that was?", [told, harvest]) == [told, harvest]
    # a yes/no follow-up asks about the told sentence itself; "what about X?" names a new topic
    assert _moved(index, "and was that his fault?", [told, frank]) == [told, frank]
    assert _moved(index, "and what about the fault?", [told, frank]) == [told, frank]


@pytest.mark.parametrize(
    ("text", "noun"),
    [("which day was that?", "day"), ("and what was the venue?", "venue"), ("did he keep it?", "")],
)
def test_the_noun_naming_the_kind_of_answer(text: str, noun: str) -> None:
    assert answer_noun(text) == noun
