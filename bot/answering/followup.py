"""A follow-up leans on the previous turn, not only on the previous question.

"Did Obama buy that argument?", "how did he rate the conversation itself?", "so what does he want done
about it?": the answer is most often the sentence the bot gave last, or one a few sentences from it in the
same article, often worded nothing like the follow-up. So the conversation remembers that sentence (the
answer, or the best candidate when the bot declined) and the sentences around it are candidates of a
follow-up, weighed like any other. After a "who" question, "he" is the person the answer's sentence
quotes.

Measured and left out (k-fold over the eight sets; README): decision features saying how near the
previous sentence a candidate is (the same one, the next ones, the same article) and how much of the
follow-up's own words it matches did not raise the follow-ups' figures (9-10 of 33 right at 1 with them,
10 without). The neighbours as candidates, without such features, left every k-fold figure as it was:
they are the place a nearness feature would weigh, and cost one BM25 scoring of a few sentences.

A follow-up that moves on ("and what did he say both sides should focus on despite that?") is not
answered by the sentence the user was just given: `moved_on` puts the next of the best few from the same
article that writes one of the follow-up's own words first (no feature; measured with the base's fold
models on 33 sets: +4 right at 1, none lost; from any article instead, +6 / -3 with one set down 0.07).
When none of them writes one, the one beside the told sentence comes first ("and whose fault did he say
that was?"), though not for a yes/no follow-up or one naming a new topic (with the base's fold models on
35 sets: +3 right at 1, none lost).
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

import numpy as np

from bot.answering import evidence
from bot.answering.question import Question, answer_noun
from bot.answering.ranker import people_of
from bot.conversation import Conversation
from bot.regex_cache import compiled
from bot.results import AskResult
from bot.search import CorpusIndex, SearchHit
from bot.text import normalize

if TYPE_CHECKING:
    from bot.answering.candidates import Candidates
    from bot.answering.decision import Decision

__all__ = [
    "moved_on",
    "previous_hits",
    "remember_answer",
    "with_previous",
]

_ASKS_PERSON = ("who", "who_said")
_NEXT = 2  # how many sentences after the first a follow-up that moved on may take instead of it
# "and what about trade?": a follow-up naming a new topic, which only a sentence writing it answers
_NEW_TOPIC = compiled(r"^(?:and |but |so )?(?:what|how) about\b")


def with_previous(index: CorpusIndex, question: Question, conversation: Conversation | None) -> Question:
    """`question` with the previous turn's sentence when it is a follow-up and that sentence is one of
    this index's (a conversation may outlive a reload of the corpus)."""
    if not question.follow_up or conversation is None or conversation.answer is None:
        return question
    position = conversation.answer
    if not 0 <= position < len(index) or index.locate(position)[0].id != conversation.answer_doc:
        return question
    return dataclasses.replace(question, previous=position)


def _around(index: CorpusIndex, position: int) -> list[int]:
    """The previous turn's sentence and its neighbours within the window, in its article."""
    window = index.config.followup.window
    return [
        position + offset
        for offset in range(-window, window + 1)
        if offset == 0 or index.neighbour(position, offset) is not None
    ]


def previous_hits(
    index: CorpusIndex,
    tokens: Sequence[str],
    hits: Sequence[SearchHit],
    question: Question,
    docs: Collection[str] | None,
) -> list[SearchHit]:
    """The sentences around the previous turn's that the question's own retrieval did not find."""
    if question.previous is None:
        return []
    if docs is not None and index.locate(question.previous)[0].id not in docs:
        return []
    have = {h.position for h in hits}
    extra = [p for p in _around(index, question.previous) if p not in have]
    return index.hits_at(tokens, extra) if extra else []


def moved_on(
    index: CorpusIndex, question: Question | None, hits: Sequence[SearchHit], order: list[int]
) -> list[int]:
    """`order` (indices of `hits`, the first answered first) with the previous turn's statement put after
    the sentence that answers a follow-up moving on from it: when the first is the sentence the previous
    turn gave (or another outlet's copy of it) and writes none of the follow-up's own words ("and what did
    he say both sides should focus on despite that?"), the best of the next `_NEXT` from the previous
    sentence's article that writes one comes first (the story goes on where the user was last quoted).
    Words the question asked before, and the noun naming the kind of answer ("which day"), are not its
    own: the user has already been told that sentence, and asks what it did not say. When neither of the
    next `_NEXT` writes one, the one beside the told sentence comes first (`_beside`)."""
    previous = question.previous if question is not None else None
    if question is None or previous is None or not order[1:]:
        return order
    first = hits[order[0]].position
    if first != previous and first not in index.facts.same_statement(previous):
        return order
    own = _own_words(index, question)
    if not own or not own.isdisjoint(_words(index, first)):
        return order
    article = index.article_number(previous)
    for rank, i in enumerate(order[1 : 1 + _NEXT], start=1):
        position = hits[i].position
        if index.article_number(position) == article and not own.isdisjoint(_words(index, position)):
            return [i, *order[:rank], *order[rank + 1 :]]
    if question.kind == "yes_no" or _NEW_TOPIC.match(normalize(question.text).lower()):
        return order
    return _beside(index, previous, hits, order)


def _beside(index: CorpusIndex, previous: int, hits: Sequence[SearchHit], order: list[int]) -> list[int]:
    """`order` with the best of the next `_NEXT` that stands beside the previous turn's sentence (within
    the follow-up window, in its article) put first: a follow-up asking what the sentence it was given
    left out ("and whose fault did he say that was?") is answered where the story goes on, though in
    words of its own. Not a yes/no follow-up (it most often asks about that sentence itself: "did he
    attach any strings to that?"), nor one naming a new topic ("and what about trade?")."""
    window = index.config.followup.window
    for rank, i in enumerate(order[1 : 1 + _NEXT], start=1):
        offset = hits[i].position - previous
        if 0 < abs(offset) <= window and index.neighbour(previous, offset) is not None:
            return [i, *order[:rank], *order[rank + 1 :]]
    return order


def _words(index: CorpusIndex, position: int) -> frozenset[str]:
    """A sentence's content words, names among them as written (a follow-up in lower case writes "kim")."""
    return frozenset(index.tokenizer.content_words(index.locate(position)[1].text))


def _own_words(index: CorpusIndex, question: Question) -> frozenset[str]:
    """The content words a follow-up asks with that the question it continues did not use, less the
    noun naming the kind of answer it wants."""
    words = index.tokenizer.content_words
    asked = {*words(question.carried or ""), *words(answer_noun(question.own_text))}
    return frozenset(words(question.own_text)) - asked


def remember_answer(
    index: CorpusIndex,
    conversation: Conversation,
    candidates: Candidates,
    result: AskResult,
    decision: Decision,
) -> None:
    """Remember the sentence this turn gave: the answer, else the candidate the answer fit likes best.
    After a question asking who, the person that sentence quotes becomes the one "he" refers to."""
    position = _given(candidates, result, decision)
    conversation.remember_answer(position, index.locate(position)[0].id if position is not None else None)
    question = candidates.question
    if position is None or question is None or question.follow_up or question.kind not in _ASKS_PERSON:
        return
    speakers = evidence.speakers(index, position, people_of(index))
    if len(speakers) == 1:
        conversation.person = next(iter(speakers))


def _given(candidates: Candidates, result: AskResult, decision: Decision) -> int | None:
    hits = candidates.hits
    if result.answers:
        first = result.answers[0]
        return next(
            (h.position for h in hits if h.article.id == first.doc and h.sentence.start == first.start), None
        )
    if candidates.rows is None or not hits:
        return None
    return hits[int(np.argmax(decision.answer.probability(candidates.rows)))].position
