"""From a question to its candidate sentences and their features: everything /ask does before deciding.

The decision (answer, decline, which alternatives) is a pure function of what this returns and of the
fitted model, so the evaluation can score many models over one pass of retrieval.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar

import numpy as np

from bot.answering.asked_words import asked_speaker
from bot.answering.cache import PerIndex
from bot.answering.casual import fold_casual
from bot.answering.features import candidate_features
from bot.answering.focus import embedded_question, own_words
from bot.answering.followup import previous_hits, with_previous
from bot.answering.question import Question, analyse_question, check_question
from bot.answering.ranker import FRAMING, Concept, people_of, query_concepts, unknown_names
from bot.answering.scope import ScopeTable
from bot.config import Veto
from bot.conversation import Conversation
from bot.errors import InputError
from bot.frozen import frozen_dataclass as dataclass
from bot.search import CorpusIndex, SearchHit

__all__ = [
    "Candidates",
    "analyses_kept",
    "embedded_in_turn",
    "embedded_texts",
    "find_candidates",
    "search_text",
    "unknown_share",
]

_SCOPES: PerIndex[ScopeTable] = PerIndex(lambda index: ScopeTable(index.articles, index.config))
# Within `analyses_kept`: question analyses by text and the conversation's state they read (question,
# person, scope), before the previous turn's sentence is attached (bot.answering.followup.with_previous)
_Key = tuple[str, str | None, str | None, tuple[str, ...] | None]
_Kept = dict[_Key, tuple[CorpusIndex, str, Question]]
_KEPT: ContextVar[_Kept | None] = ContextVar("summitbot_kept_analyses", default=None)


@dataclass(frozen=True)
class Candidates:
    """A question's retrieved sentences with one row of FEATURES each, or why none were looked for."""

    text: str  # the question as asked (cleaned of control characters)
    question: Question | None
    hits: tuple[SearchHit, ...] = ()
    rows: np.ndarray | None = None  # one row of feature_names.FEATURES per hit
    unknown: tuple[str, ...] = ()  # names in the question the coverage never mentions
    empty_scope: bool = False  # the outlet or event asked about has no articles
    asks_unknown: bool = False  # the question asks for the words of someone the coverage never mentions

    def vetoed(self, veto: Veto) -> bool:
        """Whether a name the coverage never mentions declines this question before any probability:
        `veto` is config `decision.veto` ("none": the names are only a feature; "speaker": only when the
        question asks for that someone's words; "all": any such name)."""
        if veto == "all":
            return bool(self.unknown)
        return veto == "speaker" and self.asks_unknown

    @property
    def scope(self) -> str | None:
        return self.question.scope.label if self.question and self.question.scope else None


@contextmanager
def analyses_kept() -> Iterator[None]:
    """Within the block, a question is analysed once for each state of its conversation that analysis
    reads (`analyse_question` reads its question, person and scope, nothing else): `find_candidates`
    takes the analysis that `embedded_texts` or `embedded_in_turn` made of it, so questions embedded
    together are not analysed twice (bot/discord/processes.py). The previous turn's sentence is attached
    afresh each time: the answer before may have moved it."""
    token = _KEPT.set({})
    try:
        yield
    finally:
        _KEPT.reset(token)


def _analyse(index: CorpusIndex, text: str, conversation: Conversation | None) -> tuple[str, Question]:
    """`text` checked and cleaned, and its analysis (a follow-up takes its topic from `conversation`);
    within `analyses_kept`, made once for each state of the conversation that it reads."""
    kept = _KEPT.get()
    key: _Key = (text, None, None, None)
    if conversation is not None:
        key = (text, conversation.question, conversation.person, conversation.docs)
    found = kept.get(key) if kept is not None else None
    if found is not None and found[0] is index:
        cleaned, question = found[1], found[2]
    else:
        cleaned, question = _analysed(index, text, conversation)
        if kept is not None:
            kept[key] = (index, cleaned, question)
    return cleaned, with_previous(index, question, conversation)


def _analysed(index: CorpusIndex, text: str, conversation: Conversation | None) -> tuple[str, Question]:
    config = index.config
    cleaned = check_question(text, config.answer.max_question_length, config.answer.min_latin_share)
    question = analyse_question(
        fold_casual(index, cleaned),
        index.tokenizer,
        _SCOPES.of(index),
        people_of(index),
        conversation,
        follow_up_max_words=config.decision.follow_up_max_words,
    )
    return cleaned, question


def search_text(index: CorpusIndex, text: str, conversation: Conversation | None = None) -> str | None:
    """What `find_candidates` would search and embed for `text` asked now in `conversation` (which it
    leaves unchanged), or None when it would refuse the question."""
    try:
        return _analyse(index, text, conversation)[1].search_text
    except InputError:
        return None


def embedded_texts(
    index: CorpusIndex, text: str, conversation: Conversation | None = None
) -> tuple[str, ...]:
    """The texts `find_candidates` would embed for `text` asked now in `conversation` (which it leaves
    unchanged): its search text and, for a follow-up, its own words (answering.focus); none when it
    would refuse the question."""
    try:
        question = _analyse(index, text, conversation)[1]
    except InputError:
        return ()
    return _embedded(question)


def embedded_in_turn(index: CorpusIndex, questions: Sequence[tuple[str, Conversation | None]]) -> list[str]:
    """The texts `find_candidates` would embed for each of `questions` asked one after another, each in
    its conversation as the questions before it in the list leave it: a burst's questions from one
    channel share it, and the later ones may be follow-ups of the earlier. Followed on copies (the
    conversations are left unchanged) as far as the analyses move them: a "who" question's answer can
    also set the person a follow-up means, which only answering it shows (that follow-up is then
    embedded on its own, as usual)."""
    turns: dict[int, Conversation] = {}
    texts: list[str] = []
    for text, conversation in questions:
        turn = None
        if conversation is not None:
            turn = turns.setdefault(id(conversation), dataclasses.replace(conversation))
        try:
            question = _analyse(index, text, turn)[1]
        except InputError:
            continue
        if turn is not None:
            _remember(turn, question)
        texts += _embedded(question)
    return texts


def _embedded(question: Question) -> tuple[str, ...]:
    own = own_words(question)
    asked = embedded_question(question)
    return (asked,) if own is None else (asked, own)


def find_candidates(index: CorpusIndex, text: str, conversation: Conversation | None = None) -> Candidates:
    """Analyse `text` (a follow-up takes its topic from `conversation`), retrieve and describe candidates."""
    cleaned, question = _analyse(index, text, conversation)
    config = index.config
    if conversation is not None:
        _remember(conversation, question)
    if question.scope is not None and not question.scope.docs:
        return Candidates(cleaned, question, empty_scope=True)
    missing = tuple(unknown_names(index, question.own_text))  # a feature, and a veto by `vetoed`
    speaker = asked_speaker(question.own_text)
    asks_unknown = any(name in speaker for name in missing)
    docs = question.scope.docs if question.scope else None
    tokens = index.query_tokens(question.search_text, expand=True, skip=FRAMING)
    hits = index.search_tokens(tokens, config.retrieval.candidates, docs=docs)
    vector = index.question_vector(embedded_question(question))
    if vector is not None:
        hits += _dense_hits(index, tokens, vector, hits, docs)
    hits += previous_hits(index, tokens, hits, question, docs)
    concepts = query_concepts(index, question.search_text)
    unknown = unknown_share(index, concepts)
    rows = candidate_features(index, question, concepts, hits, unknown, vector=vector, unknown_names=missing)
    return Candidates(cleaned, question, tuple(hits), rows, unknown=missing, asks_unknown=asks_unknown)


def _dense_hits(
    index: CorpusIndex,
    tokens: list[str],
    vector: np.ndarray,
    hits: list[SearchHit],
    docs: Collection[str] | None,
) -> list[SearchHit]:
    """The sentences nearest the question by cosine that BM25's candidates lack (worded differently)."""
    have = {h.position for h in hits}
    nearest = index.nearest(vector, index.config.semantic.dense_candidates + len(have), docs=docs)
    extra = [p for p in nearest if p not in have][: index.config.semantic.dense_candidates]
    return index.hits_at(tokens, extra) if extra else []


def unknown_share(index: CorpusIndex, concepts: list[Concept]) -> float:
    """The share of a question's concept weight that no sentence of the corpus uses."""
    total = sum(c.weight for c in concepts)
    if total <= 0:
        return 0.0
    unknown = sum(c.weight for c in concepts if not any(index.bm25.doc_freq(t) for t in c.terms))
    return unknown / total


def _remember(conversation: Conversation, question: Question) -> None:
    if question.follow_up:
        conversation.touch()
        return
    person = question.speaker or (question.persons[0] if question.persons else None)
    conversation.remember(question.text, person, question.scope.docs if question.scope else None)
