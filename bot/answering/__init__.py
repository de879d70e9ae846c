"""The extractive answerer: the sentence from the coverage that answers, quoted, cited, corroborated,
or a polite decline when the coverage does not say."""

from __future__ import annotations

import logging

from bot.answering.question import Question, analyse_question, check_question
from bot.answering.ranker import FRAMING, Candidate, people_of, rank_candidates, unknown_names
from bot.answering.scope import ScopeTable
from bot.conversation import Conversation
from bot.results import Answer, AskResult
from bot.search import CorpusIndex, SearchHit
from bot.similarity import containment, dice, statement_terms

__all__ = ["answer_question", "reported_by"]

RAREST_TERMS = 8  # words of a statement searched for its near-duplicates in other outlets

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
    scopes = index.derived("scopes", lambda: ScopeTable(index.articles, config))
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
    )


def reported_by(index: CorpusIndex, hit: SearchHit, k: int = 15) -> tuple[str, ...]:
    """Other outlets carrying the same statement: a near-duplicate sentence, even in other words.
    Cached per sentence; the search uses the statement's rarest words, which any near-duplicate shares."""
    cache: dict[int, tuple[str, ...]] = index.derived("reported_by", dict)
    if hit.position not in cache:
        cache[hit.position] = _reported_by(index, hit, k)
    return cache[hit.position]


def _reported_by(index: CorpusIndex, hit: SearchHit, k: int) -> tuple[str, ...]:
    terms = statement_terms(index.tokenizer, hit.sentence.text)
    if len(terms) < 3:
        return ()
    threshold = index.config.answer.corroboration
    outlets: list[str] = []
    own = {hit.article.outlet, hit.article.id}
    rarest = sorted(terms, key=lambda t: (index.bm25.doc_freq(t), t))[:RAREST_TERMS]
    for other in index.search_tokens(rarest, k):
        outlet = other.article.outlet or other.article.id
        if other.article.id == hit.article.id or outlet in own or outlet in outlets:
            continue
        other_terms = statement_terms(index.tokenizer, other.sentence.text)
        smaller, larger = sorted((terms, other_terms), key=len)
        if dice(terms, other_terms) >= threshold or (
            len(smaller) >= 6 and containment(smaller, larger) >= 0.8
        ):
            outlets.append(outlet)
    return tuple(outlets)


def _label(question: Question) -> str | None:
    return question.scope.label if question.scope else None


def _remember(conversation: Conversation, question: Question) -> None:
    if question.follow_up:
        conversation.touch()
        return
    person = question.speaker or (question.persons[0] if question.persons else None)
    conversation.remember(question.text, person, question.scope.docs if question.scope else None)
