"""The names of the features the decision weighs, in their columns' order: each is computed in
answering.features (lexical and constraint columns), answering.candidates (semantic), answering.reading
(reader) or answering.answerability, and read by its name everywhere else.
"""

from __future__ import annotations

from collections.abc import Sequence

import numpy as np

from bot.answering.answerability import ANSWERABILITY_FEATURES
from bot.answering.question import QUESTION_KINDS

__all__ = [
    "ANSWER_FEATURES",
    "COLUMN",
    "FEATURES",
    "LEXICAL_FEATURES",
    "RANKING_FEATURES",
    "READER_FEATURES",
    "SEMANTIC_FEATURES",
    "columns_of",
]

FEATURES: tuple[str, ...] = (
    "coverage",  # share of the question's concept weight the sentence (and its speaker) matches
    "coverage_gap",  # coverage minus the best coverage among this question's candidates
    "coverage_rank",  # log(1 + rank) in the order of coverage
    "context_gain",  # coverage the sentence before it (same paragraph) adds: "he said" resolved
    "title_gain",  # coverage its article's headline adds
    "pairs",  # share of the question's adjacent word pairs the sentence also has
    "unmatched_heaviest",  # weight share of the heaviest concept the sentence misses
    "bm25_relative",  # BM25 score over the question's best BM25 score
    "bm25_rank",  # log(1 + rank) in the BM25 order
    "people_missing",  # share of the people named by the question found neither in the sentence,
    # nor as its speaker, nor in its paragraph
    "people_outside",  # share found only in the paragraph, not in the sentence or as its speaker
    "type_missing",  # the question asks for a number/duration/date/place/cause/person it lacks
    "type_present",  # ... and it has it
    "unit_missing",  # "how many X": no number counts X
    "speaker_missing",  # "what did X say": X is not the one speaking
    "speaker_present",
    "speaker_unnamed",  # "what did <someone no configured name fits> say": the sentence is a known person's
    "actor_present",  # the person the question is about (the first it names; none for "who ...?") speaks
    # the sentence or is the first person it names: the sentence tells of that person's act or words
    "actor_other",  # ... someone else speaks it or is named first (another person's act or words)
    "caption",
    "subheading",
    "question_unknown",  # weight share of the question's words the corpus never uses
    "unknown_names",  # how many capitalised words of the question the coverage never mentions
    "follow_up",
    "length",  # log of the sentence's word count
    "constraints_failed",  # how many of the constraints above (people, type, unit, speaker) fail
    "coverage_met",  # coverage when every constraint is met, else 0 (a near match that fails one is not)
    "names_missing",  # weight share of the names the question writes (configured or capitalised) found
    # neither in the sentence, nor as its speaker, nor in its paragraph or headline: none of the other
    # candidates counts, so a page added to the corpus cannot move it
    "names_off_article",  # ... found nowhere in its article (a page about something else)
    "event_unknown",  # the sentence's article is about no configured event (an unrelated page)
    *(f"asks_{kind}" for kind in QUESTION_KINDS),  # the kind of question (some are more often traps)
)
# Read from the sentence vectors (bot.semantic); NaN when the corpus has none (too large to embed), which
# the decision imputes at the fitted mean.
SEMANTIC_FEATURES: tuple[str, ...] = (
    "cosine",  # cosine of the question's and the sentence's embeddings
    "cosine_gap",  # cosine minus the best cosine among this question's candidates
    "cosine_rank",  # log(1 + rank) in the order of cosine
    "focus_cosine",  # cosine with the question once the candidates' shared direction is taken out of
    # it (answering.focus): what the question asks beyond the setting every candidate repeats
    "own_focus_cosine",  # the same for a follow-up's own words alone (0 for other questions)
)
# Filled only for a question's best few sentences, when the reading model reorders them (answering.reading).
READER_FEATURES: tuple[str, ...] = (
    "first_logit",  # the ranking fit's log-odds for the sentence
    "reader",  # the reading model's cosine of the question (a query) and the sentence (a passage)
    "reader_gap",  # that cosine minus the best among the sentences read
)
LEXICAL_FEATURES = FEATURES
# Left out of the ranking fit (kept in the answer fit): each restates others it keeps, a sum of the
# constraint columns (constraints_failed) or a coarser reading of names_missing (people_missing,
# names_off_article). Measured, ranking alone, 359 answerable questions of eleven sets: accuracy@1 244 ->
# 246 right (5-fold) and 244 -> 247 (each set held out whole), no set lower.
_NOT_RANKED = frozenset({"constraints_failed", "people_missing", "names_off_article"})
RANKING_FEATURES = tuple(f for f in LEXICAL_FEATURES + SEMANTIC_FEATURES if f not in _NOT_RANKED)
FEATURES = LEXICAL_FEATURES + SEMANTIC_FEATURES + READER_FEATURES + ANSWERABILITY_FEATURES
# Left out of the answer fit (kept in the ranking fit): whose act or words a sentence tells orders a
# question's candidates; whether to answer at all is the answer fit's, which they moved through the
# thresholds the folds chose (SETS37, 5-fold: product 0.672 -> 0.678 in both fits, but seven sets lower
# by more than 0.05 at 1, from more answerable questions declined).
_RANKED_ONLY = frozenset({"actor_present", "actor_other"})
# The answer fit's features (whether to answer): the lexical ones and answering.answerability's
ANSWER_FEATURES = tuple(f for f in LEXICAL_FEATURES if f not in _RANKED_ONLY) + ANSWERABILITY_FEATURES

# a feature's column in FEATURES
COLUMN = {name: i for i, name in enumerate(FEATURES)}


def columns_of(names: Sequence[str]) -> np.ndarray:
    """The columns of FEATURES that hold `names`, in their order."""
    return np.array([COLUMN[name] for name in names], dtype=np.intp)
