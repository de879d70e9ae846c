"""The extractive answerer: the sentence from the coverage that answers, quoted, cited, corroborated,
or a polite decline when the coverage does not say."""

from __future__ import annotations

import logging

import numpy as np

from bot.answering.cache import PerIndex
from bot.answering.candidates import (
    Candidates,
    analyses_kept,
    embedded_in_turn,
    embedded_texts,
    find_candidates,
    search_text,
)
from bot.answering.casual import prepare_typos
from bot.answering.decision import Decision, load_decision
from bot.answering.followup import moved_on, remember_answer
from bot.answering.reading import reread
from bot.config import DecisionConfig
from bot.conversation import Conversation
from bot.results import Answer, AskResult, Wording
from bot.search import CorpusIndex, SearchHit

__all__ = [
    "analyses_kept",
    "answer_question",
    "decide",
    "disagreements",
    "embedded_in_turn",
    "embedded_texts",
    "prepare_typos",
    "reported_by",
    "search_text",
]

log = logging.getLogger(__name__)
_DECISION: PerIndex[Decision] = PerIndex(lambda index: load_decision())


def answer_question(
    index: CorpusIndex,
    text: str,
    *,
    conversation: Conversation | None = None,
    top: int = 3,
    decision: Decision | None = None,
    settings: DecisionConfig | None = None,
) -> AskResult:
    """Answer `text` from the corpus; a follow-up in `conversation` carries over the previous topic and
    leans on the sentence given last, which this turn's replaces. `decision` and `settings` default to the
    shipped fit and config's thresholds."""
    candidates = find_candidates(index, text, conversation)
    decision = decision or _DECISION.of(index)
    result = decide(index, candidates, decision, top, settings)
    if conversation is not None:
        remember_answer(index, conversation, candidates, result, decision)
    return result


def decide(
    index: CorpusIndex,
    candidates: Candidates,
    decision: Decision,
    top: int,
    settings: DecisionConfig | None = None,
) -> AskResult:
    """Answer when the best sentence's probability (the answer fit's) reaches the threshold: the sentences
    in the ranking fit's order, the first and then distinct alternatives from the `alternative`
    probability up; otherwise decline, naming the closest sentence only when it reaches `close`."""
    settings = settings or index.config.decision
    question = candidates.question
    carried = question.carried if question else None
    if candidates.rows is None or not candidates.hits or candidates.vetoed(settings.veto):
        return _declined(candidates, None, None)
    probability = decision.answer.probability(candidates.rows)
    best = float(probability.max())
    if best < settings.threshold:
        closest = int(np.argmax(probability))
        text = candidates.hits[closest].sentence.text if best >= settings.close else None
        return _declined(candidates, text, best)
    # the order is read only to answer: a declined question is neither ranked nor read again
    ranked = reread(index, candidates, decision, decision.ranking(candidates.rows))
    order = np.argsort(-ranked, kind="stable").tolist()  # by probability down, ties in the hits' order
    order = moved_on(index, question, candidates.hits, order)
    first, rest = order[0], [i for i in order[1:] if probability[i] >= settings.alternative]
    chosen = _distinct(index, [first, *rest], candidates.hits, top)
    answers = tuple(_answer(index, candidates.hits[i], float(probability[i])) for i in chosen)
    return AskResult(
        candidates.text, False, answers, scope=candidates.scope, resolved_question=carried, probability=best
    )


def _declined(candidates: Candidates, closest: str | None, probability: float | None) -> AskResult:
    question = candidates.question
    return AskResult(
        candidates.text,
        True,
        (),
        closest=closest,
        scope=candidates.scope,
        resolved_question=question.carried if question else None,
        unknown=candidates.unknown,
        probability=probability,
    )


def _distinct(index: CorpusIndex, order: list[int], hits: tuple[SearchHit, ...], top: int) -> list[int]:
    """The first `top` of `order` that do not repeat an earlier one's statement. "The same statement" is
    the facts' one test (their same-statement groups): another outlet's report of a chosen statement is
    named in that answer's "also reported by" instead of taking a place of its own."""
    chosen: list[int] = []
    seen: set[int] = set()
    for i in order:
        if len(chosen) >= top:
            break
        group = index.facts.of(hits[i].position).group
        if group in seen:
            continue
        chosen.append(i)
        seen.add(group)
    return chosen


def _answer(index: CorpusIndex, hit: SearchHit, probability: float) -> Answer:
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
        score=hit.score,
        also_reported_by=reported_by(index, hit),
        role=sentence.role,
        line=sentence.line,
        disagreements=disagreements(index, hit),
        probability=probability,
    )


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
