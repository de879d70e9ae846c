"""The extractive answerer: the sentence from the coverage that answers, quoted, cited, corroborated,
or a polite decline when the coverage does not say."""

from __future__ import annotations

import logging
import threading
import weakref

from bot.answering.question import Question, analyse_question, check_question
from bot.answering.ranker import FRAMING, Candidate, people_of, rank_candidates, unknown_names
from bot.answering.scope import ScopeTable
from bot.conversation import Conversation
from bot.results import Answer, AskResult, Wording
from bot.search import CorpusIndex, SearchHit
from bot.similarity import dice, statement_terms

__all__ = ["answer_question", "disagreements", "reported_by"]

_SCOPES: weakref.WeakKeyDictionary[CorpusIndex, ScopeTable] = weakref.WeakKeyDictionary()
_SCOPES_LOCK = threading.Lock()

log = logging.getLogger(__name__)


def answer_question(
    index: CorpusIndex,
    text: str,
    *,
    conversation: Conversation | None = None,
    top: int = 3,
) -> AskResult:
    """Answer `text` from the corpus; a follow-up in `conversation` carries over the previous topic."""
    config = index.config
    cleaned = check_question(text, config.answer.max_question_length)
    scopes = _scopes(index)
    people = people_of(index)
    question = analyse_question(cleaned, index.tokenizer, scopes, people, conversation)
    if question.scope is not None and not question.scope.docs:
        return AskResult(cleaned, True, (), scope=question.scope.label)
    missing = unknown_names(index, question.own_text)
    if missing:  # the coverage never mentions them: nothing it says can answer
        if conversation is not None:
            _remember(conversation, question)
        return AskResult(cleaned, True, (), scope=_label(question), unknown=tuple(missing))
    hits = index.search(
        question.search_text,
        config.retrieval.candidates,
        docs=question.scope.docs if question.scope else None,
        expand=True,
        skip=FRAMING,
    )
    ranked = rank_candidates(index, question, hits)
    chosen = _choose(ranked, top, index)
    if conversation is not None:
        _remember(conversation, question)
    scope = _label(question)
    if not chosen:
        closest = ranked[0].hit.sentence.text if ranked else None
        return AskResult(cleaned, True, (), closest=closest, scope=scope, resolved_question=question.carried)
    answers = tuple(_answer(index, c) for c in chosen)
    return AskResult(cleaned, False, answers, scope=scope, resolved_question=question.carried)


def _choose(ranked: list[Candidate], top: int, index: CorpusIndex) -> list[Candidate]:
    """The best eligible candidate above the coverage cut-off, then distinct alternatives."""
    threshold = index.config.answer.min_coverage
    eligible = [c for c in ranked if c.eligible and c.hit.score > index.config.answer.min_score]
    if not eligible or eligible[0].coverage < threshold:
        return []
    chosen = [eligible[0]]
    seen = [statement_terms(index.tokenizer, eligible[0].hit.sentence.text)]
    for candidate in eligible[1:]:
        if len(chosen) >= top:
            break
        if candidate.coverage < threshold / 2:
            continue
        terms = statement_terms(index.tokenizer, candidate.hit.sentence.text)
        if any(dice(terms, other) >= 0.9 for other in seen):
            continue  # the same sentence again (a repeat within the corpus) adds nothing
        chosen.append(candidate)
        seen.append(terms)
    return chosen


def _answer(index: CorpusIndex, candidate: Candidate) -> Answer:
    hit = candidate.hit
    article, sentence = hit.article, hit.sentence
    return Answer(
        text=sentence.text,
        doc=article.id,
        outlet=article.outlet,
        date=article.date,
        title=article.title,
        wire=article.wire,
        event=article.event,
        start=sentence.start,
        end=sentence.end,
        score=candidate.score,
        also_reported_by=reported_by(index, hit),
        role=sentence.role,
        line=sentence.line,
        disagreements=disagreements(index, hit),
    )


def _scopes(index: CorpusIndex) -> ScopeTable:
    """The index's outlet and event scopes, built once per index."""
    with _SCOPES_LOCK:
        table = _SCOPES.get(index)
        if table is None:
            table = _SCOPES[index] = ScopeTable(index.articles, index.config)
        return table


def reported_by(index: CorpusIndex, hit: SearchHit) -> tuple[str, ...]:
    """Other outlets carrying the same statement (its same-statement group in the facts, figures agreeing)."""
    own = hit.article.outlet or hit.article.id
    outlets = [_outlet_at(index, p) for p in index.facts.same_statement(hit.position)]
    return tuple(dict.fromkeys(o for o in outlets if o != own))


def disagreements(index: CorpusIndex, hit: SearchHit) -> tuple[Wording, ...]:
    """Other outlets' sentences giving a different figure for what this sentence states (one per outlet)."""
    out: dict[str, Wording] = {}
    for position in index.facts.disagreeing(hit.position):
        article, sentence = index.locate(position)
        outlet = article.outlet or article.id
        out.setdefault(outlet, Wording(outlet, article.id, sentence.text, sentence.start, sentence.end))
    return tuple(out.values())


def _outlet_at(index: CorpusIndex, position: int) -> str:
    article, _ = index.locate(position)
    return article.outlet or article.id


def _label(question: Question) -> str | None:
    return question.scope.label if question.scope else None


def _remember(conversation: Conversation, question: Question) -> None:
    if question.follow_up:
        conversation.touch()
        return
    person = question.speaker or (question.persons[0] if question.persons else None)
    conversation.remember(question.text, person, question.scope.docs if question.scope else None)
