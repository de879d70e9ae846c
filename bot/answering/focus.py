"""What a question asks beyond the setting its candidates share, read from the sentence vectors.

A question's candidates are mostly about its setting: the leaders, the meeting, the summit. A sentence
that only restates that setting ("X also talked about his meeting with Y") is close to the question by
plain cosine, often closer than the sentence that answers it, because both share the setting's
direction in the embedding space. The focus cosine takes that shared direction (the candidates' mean
vector) out of the question's vector and measures each candidate against what is left: the part of the
question the setting does not explain (the asked predicate, the detail, the answer's kind).

Measured on the k-fold test splits (ranking alone, 279 answerable questions, three fold seeds): accuracy@1
182/181/182 without it, 192/189/187 with it; centring the sentences as well, or weighting the mean by
cosine, did worse (see the issue-10 round-5 report).

A follow-up is searched with the question it continues ("and boots on the ground?" with the earlier
question's words), so its own few words weigh little in that vector; the own focus cosine measures the
candidates against the follow-up's own words alone (0 for a question that is not a follow-up). Measured
the same way: 192/189/187 without it, 194/194/192 with it; using it in place of the focus cosine for
follow-ups, 192/190/192. It costs one more question embedding, for follow-ups only.
"""

from __future__ import annotations

import numpy as np

from bot.answering.question import Question
from bot.search import CorpusIndex

__all__ = ["embedded_question", "focus_columns", "focus_cosine", "own_words"]

_FLAT = 1e-6  # a question vector this close to its candidates' shared direction has no focus left


def focus_cosine(sentences: np.ndarray, question: np.ndarray) -> np.ndarray:
    """The cosine of each row of `sentences` (unit vectors, one per candidate) with `question` (a unit
    vector) once the candidates' shared direction is removed from the question: 0 for every candidate
    when nothing is left of it."""
    if not len(sentences):
        return np.zeros(0)
    shared = sentences.mean(axis=0)
    norm = float(np.linalg.norm(shared))
    asked = question
    if norm > _FLAT:
        shared = shared / norm
        asked = asked - float(asked @ shared) * shared
    left = float(np.linalg.norm(asked))
    if left <= _FLAT:
        return np.zeros(len(sentences))
    return np.asarray(sentences @ (asked / left), dtype=np.float64)


def embedded_question(question: Question) -> str:
    """The text the question's vector is read from: the question as asked (typos folded), scope words
    and all, where the search drops them ("At the G20, what did ..."): the sentence model reads a whole
    sentence better than one with holes, and the focus cosine takes the setting those words share with
    the candidates out anyway. A follow-up keeps its searched text (its own words twice and the earlier
    question's), which carries the topic it continues.

    Measured, ranking alone, 359 answerable questions of eleven sets (the dense candidates found with the
    same vector): accuracy@1 246 -> 249 right on 5-fold splits and 247 -> 248 with each set held out
    whole; a follow-up embedded as asked with the earlier question, as a user wrote them, did no better
    (247 / 248). Through the whole decision, with the ranking fit's three restating columns left out too
    (answering.features): accuracy@1 0.616 -> 0.635 (5-fold), 0.635 -> 0.649 (held out by set)."""
    return question.search_text if question.follow_up else question.text


def own_words(question: Question) -> str | None:
    """The follow-up's own words, whose vector the own focus cosine reads; None for a question that is
    not a follow-up (or whose own words are all it searches)."""
    if not question.follow_up or question.own_text == question.search_text:
        return None
    return question.own_text


def focus_columns(
    index: CorpusIndex, question: Question, sentences: np.ndarray, vector: np.ndarray
) -> tuple[np.ndarray, np.ndarray]:
    """The focus cosine of each candidate (`sentences`, their unit vectors) with the searched question's
    `vector`, and with the follow-up's own words (zeros when `question` is not a follow-up)."""
    focus = focus_cosine(sentences, vector)
    words = own_words(question)
    own = index.question_vector(words) if words is not None else None
    return focus, focus_cosine(sentences, own) if own is not None else np.zeros(len(sentences))
