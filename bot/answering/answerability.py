"""Whether a candidate sentence can answer at all: the question's concepts met by the sentence's words
or their neighbours, and the party whose words or reaction the question asks for.

A reworded question names its concepts with other words than the coverage ("Tehran" for Iran, "the
penalties" for the sanctions); a trap asks a detail the coverage never gives. Words are compared by the
sentence model's own table of word vectors (its input embeddings): a concept the sentence misses by
name counts as met when one of the sentence's words is its neighbour (cosine at least
`answerability.near_floor`). The features are NaN when the corpus has no sentence model (too large to
embed, or semantic matching off); the decision imputes them at their fitted mean.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from bot.answering.cache import PerIndex
from bot.answering.question import Question
from bot.answering.ranker import Concept
from bot.answering.sentence_facts import FACTS_LIMIT, facts_of
from bot.search import CorpusIndex, SearchHit
from bot.semantic.words import word_vectors
from bot.text import normalize
from bot.tokenizer import STOPWORDS

__all__ = ["ANSWERABILITY_FEATURES", "answerability_rows"]

ANSWERABILITY_FEATURES: tuple[str, ...] = (
    "near_coverage",  # coverage with a concept the sentence misses met by a neighbouring word
    "near_unmet_heaviest",  # weight share of the heaviest concept met neither by name nor by neighbour
    "near_names_unmet",  # weight share of the question's names met neither in the sentence, its speakers,
    # paragraph or headline, nor by a neighbour in the sentence
    "party_unmet",  # the question asks a party's words or reaction ("How did the X government react"):
    # the sentence does not name the whole party, or someone else speaks in it
    "date_vague",  # a "when" question: the sentence dates nothing but vaguely ("in the next few days")
)

_WORD = re.compile(r"[a-z]+")
_PRONOUNS = frozenset("he she they it we you i someone anyone".split())
# "How did <party> react", "What did <party> say", "Did <party> back ...": the party whose words or
# stance are asked for
_PARTY_ASK = re.compile(
    r"\b(?:did|does|do|has|had|will|would)\s+(?P<who>[^?,;]+?)\s+(?:say|tell|react|respond|reply|answer"
    r"|comment|welcome|back|support|reject|receive|view|see|make of|think)\b"
)
# a sentence's words as rows of the word-vector table, per sentence position
_SENTENCE_WORDS: PerIndex[dict[int, np.ndarray]] = PerIndex(lambda index: {})


def answerability_rows(
    index: CorpusIndex, question: Question, concepts: Sequence[Concept], hits: Sequence[SearchHit]
) -> np.ndarray:
    """One row of ANSWERABILITY_FEATURES per hit, in the hits' order."""
    rows = np.full((len(hits), len(ANSWERABILITY_FEATURES)), np.nan)
    if not hits:
        return rows
    rows[:, 3] = _party_unmet(index, question, hits)
    rows[:, 4] = [question.kind == "when" and _vague(index, h.position) for h in hits]
    table = word_vectors(index.config.semantic) if index.vectors is not None else None
    if table is None or not concepts:
        return rows
    near = _near(index, question.search_text, concepts, hits, table)
    weights = np.array([c.weight for c in concepts])
    total = float(weights.sum()) or 1.0
    for i, hit in enumerate(hits):
        terms = index.terms(hit.position) | facts_of(index, hit.position).speakers
        met = np.array([not c.terms.isdisjoint(terms) for c in concepts]) | near[i]
        rows[i, 0] = float(weights[met].sum()) / total
        rows[i, 1] = float(weights[~met].max(initial=0.0)) / total
        rows[i, 2] = _names_unmet(index, hit, concepts, near[i])
    return rows


def _near(
    index: CorpusIndex,
    text: str,
    concepts: Sequence[Concept],
    hits: Sequence[SearchHit],
    table: tuple[np.ndarray, dict[str, int]],
) -> np.ndarray:
    """(hit, concept): one of the sentence's words neighbours the concept (cosine at least the floor);
    every sentence's words are compared in one product."""
    words, ids = table
    found = np.zeros((len(hits), len(concepts)), dtype=bool)
    vectors = _concept_vectors(index, text, concepts, words, ids)
    sentences = [_sentence_rows(index, hit, ids) for hit in hits]
    lengths = np.array([len(s) for s in sentences])
    if not vectors.any() or not lengths.any():
        return found
    rows = words[np.concatenate(sentences)]
    cosines = (rows @ vectors.T) / np.linalg.norm(rows, axis=1)[:, None]
    has = lengths > 0
    best = np.maximum.reduceat(cosines, np.cumsum(lengths)[has] - lengths[has], axis=0)
    found[has] = best >= index.config.answerability.near_floor
    return found


def _names_unmet(index: CorpusIndex, hit: SearchHit, concepts: Sequence[Concept], near: np.ndarray) -> float:
    """The weight share of the question's names found nowhere near the sentence, neighbours counted."""
    total = sum(c.weight for c in concepts if c.name)
    if total <= 0:
        return 0.0
    facts = facts_of(index, hit.position)
    found = index.terms(hit.position) | facts.speakers
    unmet = 0.0
    for concept, neighboured in zip(concepts, near, strict=True):
        if not concept.name or neighboured:
            continue
        words = concept.terms | concept.related
        if words.isdisjoint(found) and words.isdisjoint(facts.context(index)):
            unmet += concept.weight
    return unmet / total


def _concept_vectors(
    index: CorpusIndex, text: str, concepts: Sequence[Concept], words: np.ndarray, ids: dict[str, int]
) -> np.ndarray:
    """Each concept's unit vector, a row per concept: the mean of its written words' vectors (words the
    model's vocabulary holds whole); zeros when it has none."""
    written: dict[str, list[int]] = {}
    for word in _WORD.findall(normalize(text).lower()):
        piece = ids.get(word)
        if piece is None or word in STOPWORDS:
            continue
        for term in index.tokenizer.content_words(word):
            written.setdefault(term, []).append(piece)
    out = np.zeros((len(concepts), words.shape[1]), dtype=np.float32)
    for j, concept in enumerate(concepts):
        pieces = sorted({p for t in concept.terms for p in written.get(t, ())})
        if pieces:
            vectors = words[pieces]
            mean = (vectors / np.linalg.norm(vectors, axis=1, keepdims=True)).mean(axis=0)
            out[j] = mean / (np.linalg.norm(mean) or 1.0)
    return out


def _sentence_rows(index: CorpusIndex, hit: SearchHit, ids: dict[str, int]) -> np.ndarray:
    """The sentence's content words as rows of the word-vector table (kept per sentence)."""
    kept = _SENTENCE_WORDS.of(index)
    found = kept.get(hit.position)
    if found is None:
        if len(kept) >= FACTS_LIMIT:
            kept.clear()
        text = normalize(hit.sentence.text).lower()
        pieces = {ids[w] for w in _WORD.findall(text) if w not in STOPWORDS and w in ids}
        found = kept[hit.position] = np.array(sorted(pieces), dtype=np.intp)
    return found


def _vague(index: CorpusIndex, position: int) -> bool:
    """The sentence's dates are all relative ("soon", "next week"): no day, month, year or weekday."""
    dates = [f for f in index.facts.of(position).figures if f.dimension == "date"]
    return bool(dates) and all(f.unit == "relative" for f in dates)


def _party_unmet(index: CorpusIndex, question: Question, hits: Sequence[SearchHit]) -> np.ndarray:
    """1 where the question asks a party's words or reaction and the sentence does not name all of the
    party's words, or a configured person outside the party speaks in it; 0 elsewhere."""
    out = np.zeros(len(hits))
    match = _PARTY_ASK.search(normalize(question.own_text or question.text).lower())
    if match is None or match.group("who").strip() in _PRONOUNS:
        return out
    who = match.group("who")
    tokenizer = index.tokenizer
    single = {*tokenizer.content_words(who), *tokenizer.entities(who)}
    single.update(group for w in list(single) if (group := tokenizer.synonym(w)))
    party = frozenset(tokenizer.names_and_words(who)) & single  # its names and words, no word pairs
    if not party:
        return out
    named = frozenset(index.tokenizer.entities(who))
    for i, hit in enumerate(hits):
        speakers = facts_of(index, hit.position).speakers
        terms = index.terms(hit.position) | speakers
        out[i] = float(not party <= terms or bool(speakers - named))
    return out
