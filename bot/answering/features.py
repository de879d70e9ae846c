"""What a candidate sentence offers a question, as numbers the decision weighs.

The answerer reads sentence facts (speakers, figures, dates, places, people) only through
answering.sentence_facts, which reads the index's facts (bot.facts) through answering.evidence.
"""

from __future__ import annotations

import itertools
import math
import re
from collections.abc import Callable, Sequence
from functools import lru_cache

import numpy as np

from bot.answering.answerability import ANSWERABILITY_FEATURES, answerability_rows
from bot.answering.cache import PerIndex
from bot.answering.focus import focus_columns
from bot.answering.question import QUESTION_KINDS, Question, asked_speaker
from bot.answering.ranker import Concept
from bot.answering.sentence_facts import FACTS_LIMIT, CandidateFacts, facts_of, has_type_kept
from bot.frozen import frozen_dataclass as dataclass
from bot.regex_cache import compiled
from bot.search import CorpusIndex, SearchHit
from bot.text import normalize

__all__ = [
    "ANSWER_FEATURES",
    "FEATURES",
    "LEXICAL_FEATURES",
    "RANKING_FEATURES",
    "READER_FEATURES",
    "SEMANTIC_FEATURES",
    "candidate_features",
    "columns_of",
    "question_pairs",
]

# The evidence each kind of question asks for: a number, a length of time, a date, a place, a cause.
_SINCE = compiled(r"\bsince\b|\bhow long (?:had|has) it been\b|\bhow long ago\b", re.IGNORECASE)
_UNIT = compiled(r"\bhow (?:many|much)\s+(?:more\s+)?([a-z][a-z-]+)", re.IGNORECASE)
_COUNTING = ("count", "money", "percent")

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
# The answer fit's features (whether to answer): the lexical ones and answering.answerability's
ANSWER_FEATURES = LEXICAL_FEATURES + ANSWERABILITY_FEATURES


# (article number, a name's words): whether the article writes the name
_IN_ARTICLE: PerIndex[dict[tuple[int, frozenset[str]], bool]] = PerIndex(lambda index: {})


def _names_off_article(asked: _Asked, index: CorpusIndex, hit: SearchHit, speakers: frozenset[str]) -> float:
    """The weight share of the question's names that neither the candidate's speakers nor any sentence
    or the headline of its article writes (0 when it names none). Whether an article writes a name is
    kept between questions (candidates share articles; questions share names), as facts_of keeps facts."""
    article = index.article_number(hit.position)
    found = _IN_ARTICLE.of(index)

    def written(words: frozenset[str]) -> bool:
        key = (article, words)
        has = found.get(key)
        if has is None:
            if len(found) >= FACTS_LIMIT:
                found.clear()
            has = found[key] = index.article_has(hit.position, words)
        return has

    return asked.names_share(lambda words: not (words & speakers or written(words)))


def _shares(concepts: Sequence[Concept], terms: frozenset[str]) -> list[float]:
    """A concept named counts in full; one only spoken of by related words ("terrorists" for ISIS), half."""
    return [
        1.0 if not c.terms.isdisjoint(terms) else 0.5 if not c.related.isdisjoint(terms) else 0.0
        for c in concepts
    ]


def question_pairs(index: CorpusIndex, text: str) -> frozenset[str]:
    """The question's adjacent-word terms ("climate change" as one term), as the index makes them."""
    tokenizer = index.tokenizer
    every = tokenizer.names_and_words(text)
    single = set(tokenizer.content_words(text)) | set(tokenizer.entities(text))
    single.update(t for w in list(single) if (t := tokenizer.synonym(w)))
    return frozenset(every - single)


def _counts_unit(facts: CandidateFacts, unit: frozenset[str]) -> bool:
    """A count of the asked unit ('400 servicemen' for 'how many troops'), or a count of something the
    figures reader could not name."""
    return bool(facts.counted & unit) or "" in facts.counted


def _unit_terms(unit: str, index: CorpusIndex) -> frozenset[str]:
    terms = set(index.tokenizer.content_words(unit))
    terms.update(t for w in list(terms) if (t := index.tokenizer.synonym(w)))
    return frozenset(terms)


@dataclass(frozen=True)
class _Asked:
    """What the features read of a question, worked out once for all its candidates."""

    question: Question
    concepts: Sequence[Concept]
    weights: list[float]
    total: float  # the concepts' weight (1 when none)
    names: list[tuple[float, frozenset[str]]]  # each name concept's weight and words (related ones too)
    unit: frozenset[str] | None  # "how many X": X's terms
    since: bool
    people: frozenset[str]

    @classmethod
    def of(cls, index: CorpusIndex, question: Question, concepts: Sequence[Concept]) -> _Asked:
        match = _UNIT.search(normalize(question.text))
        unit = _unit_terms(match.group(1), index) if match and question.kind == "how_many" else None
        names = [(c.weight, c.terms | c.related) for c in concepts if c.name]
        weights = [c.weight for c in concepts]
        total = sum(c.weight for c in concepts) or 1.0
        people = frozenset(question.persons)
        return cls(question, concepts, weights, total, names, unit, _asks_since(question.text), people)

    def names_share(self, absent: Callable[[frozenset[str]], bool]) -> float:
        """The weight share of the question's names whose words (or related words) are `absent`; 0 when
        it names none."""
        if not self.names:  # most questions: nothing to sum for any candidate
            return 0.0
        total = sum([weight for weight, _ in self.names])
        if total <= 0:
            return 0.0
        return sum([weight for weight, words in self.names if absent(words)]) / total


def candidate_features(
    index: CorpusIndex,
    question: Question,
    concepts: Sequence[Concept],
    hits: Sequence[SearchHit],
    unknown_share: float,
    *,
    vector: np.ndarray | None = None,
    unknown_names: Sequence[str] = (),
) -> np.ndarray:
    """One row of FEATURES per hit, in the hits' order; `vector` is the question's embedding (None: the
    semantic features are NaN); `unknown_names` the question's names the coverage never mentions."""
    if not hits:
        return np.zeros((0, len(FEATURES)))
    top_bm25 = max(h.score for h in hits) or 1.0
    rows = _rows(index, _Asked.of(index, question, concepts), hits)
    pairs = question_pairs(index, question.search_text)
    if question.speaker is None and asked_speaker(question.own_text):
        rows[:, _COLUMN["speaker_unnamed"]] = [bool(facts_of(index, h.position).speakers) for h in hits]
    if pairs:
        rows[:, _COLUMN["pairs"]] = [len(pairs & index.terms(h.position)) / len(pairs) for h in hits]
    rows[:, _COLUMN["bm25_relative"]] = [h.score / top_bm25 for h in hits]
    groups = [_statement(index, h.position) for h in hits]
    rows[:, _COLUMN["bm25_rank"]] = _distinct_ranks(np.array([h.score for h in hits]), groups)
    rows[:, _COLUMN["question_unknown"]] = unknown_share
    rows[:, _COLUMN["unknown_names"]] = len(unknown_names)
    cov = rows[:, _COLUMN["coverage"]]
    rows[:, _COLUMN["coverage_gap"]] = cov - cov.max()
    rows[:, _COLUMN["coverage_rank"]] = _distinct_ranks(cov, groups)
    _semantic(index, hits, vector, rows, groups, question=question)
    rows[:, columns_of(ANSWERABILITY_FEATURES)] = answerability_rows(index, question, hits)
    return rows


def _rows(index: CorpusIndex, asked: _Asked, hits: Sequence[SearchHit]) -> np.ndarray:
    """_row of every hit as one array, filled in one pass (a row assigned at a time costs more than its
    features' floats)."""
    values = itertools.chain.from_iterable(_row(index, asked, hit) for hit in hits)
    table = np.fromiter(values, dtype=float, count=len(hits) * len(FEATURES))
    return table.reshape(len(hits), len(FEATURES))


def _statement(index: CorpusIndex, position: int) -> int:
    """The sentence's same-statement group (bot.facts); one of its own when it has none."""
    group = index.facts.of(position).group
    return group if group >= 0 else -2 - position


def _distinct_ranks(scores: np.ndarray, groups: Sequence[int]) -> np.ndarray:
    """log(1 + rank) by `scores`, counting distinct statements (the facts' same-statement groups): the
    copies of one statement that reposts add to a grown corpus share a rank instead of pushing the
    others down."""
    ranks = [0.0] * len(scores)
    seen: dict[int, int] = {}
    for i in np.argsort(-scores, kind="stable").tolist():  # Python ints: numpy scalars index slowly
        ranks[i] = seen.setdefault(groups[i], len(seen))
    return np.log1p(np.array(ranks, dtype=float))


def _semantic(
    index: CorpusIndex,
    hits: Sequence[SearchHit],
    vector: np.ndarray | None,
    rows: np.ndarray,
    groups: Sequence[int],
    *,
    question: Question,
) -> None:
    columns = [_COLUMN[name] for name in SEMANTIC_FEATURES]
    vectors = index.vectors
    if vector is None or vectors is None:
        rows[:, columns] = np.nan
        return
    sentences = vectors[[h.position for h in hits]]
    cos = sentences @ vector
    rows[:, _COLUMN["cosine"]] = cos
    rows[:, _COLUMN["cosine_gap"]] = cos - cos.max()
    rows[:, _COLUMN["cosine_rank"]] = _distinct_ranks(cos, groups)
    focus, own_focus = focus_columns(index, question, sentences, vector)
    rows[:, _COLUMN["focus_cosine"]] = focus
    rows[:, _COLUMN["own_focus_cosine"]] = own_focus


def columns_of(names: Sequence[str]) -> np.ndarray:
    """The columns of FEATURES that hold `names`, in their order."""
    return np.array([_COLUMN[name] for name in names], dtype=np.intp)


_COLUMN = {name: i for i, name in enumerate(FEATURES)}
_ZEROS = dict.fromkeys(FEATURES, 0.0)  # a row's values before its own are filled in


def _row(index: CorpusIndex, asked: _Asked, hit: SearchHit) -> list[float]:
    """The features of one sentence that do not depend on the other candidates."""
    question = asked.question
    facts = facts_of(index, hit.position)
    values = _matching(index, asked, hit, facts) | _constraints(index, asked, hit, facts)
    missing = _names_missing(asked, index, hit.position, facts)
    values.update(
        names_missing=missing,
        # the article holds the sentence, its paragraph and headline: no name missing there, none off it
        names_off_article=_names_off_article(asked, index, hit, facts.speakers) if missing else 0.0,
        event_unknown=hit.article.event is None,
        caption=hit.sentence.role == "caption",
        subheading=hit.sentence.role == "subheading",
        follow_up=question.follow_up,
        length=math.log1p(facts.words),
    )
    values[f"asks_{question.kind}"] = 1.0
    values["coverage_met"] = values["coverage"] if not values["constraints_failed"] else 0.0
    return list((_ZEROS | values).values())  # in FEATURES' order (the row's numpy array makes them floats)


def _matching(index: CorpusIndex, asked: _Asked, hit: SearchHit, facts: CandidateFacts) -> dict[str, float]:
    """How much of the question the sentence covers, and what its paragraph and headline add."""
    terms = index.terms(hit.position) | facts.speakers if facts.speakers else index.terms(hit.position)
    concepts, total, weights = asked.concepts, asked.total, asked.weights

    def covered_with(more: frozenset[str]) -> float:
        """The coverage of the sentence's terms and `more` together: a concept's share of both is the
        larger of its shares of each, so no joined set is built."""
        other = _shares(concepts, more)
        return sum([w * (m if m >= n else n) for w, m, n in zip(weights, share, other, strict=True)])

    share = _shares(concepts, terms)
    cov = sum([w * m for w, m in zip(weights, share, strict=True)])
    # every share 1.0 (they are 0, 0.5 or 1): nothing to gain, the neighbour and headline need not be read
    full = min(share, default=1.0) == 1.0
    previous = index.neighbour(hit.position, -1)
    context = 0.0
    if previous is not None and previous.paragraph == hit.sentence.paragraph:
        context = 0.0 if full else covered_with(index.terms(hit.position - 1)) - cov
    title = hit.article.title
    title_gain = covered_with(index.title_terms(hit.position)) - cov if title and not full else 0.0
    missed = [c.weight for c, m in zip(concepts, share, strict=True) if not m]
    return {
        "coverage": cov / total,
        "context_gain": context / total,
        "title_gain": title_gain / total,
        "unmatched_heaviest": max(missed, default=0.0) / total,
    }


def _names_missing(asked: _Asked, index: CorpusIndex, position: int, facts: CandidateFacts) -> float:
    """The weight share of the question's names that neither the sentence, nor its speakers, nor its
    paragraph or headline writes (0 when it names none)."""
    terms = index.terms(position)

    def absent(words: frozenset[str]) -> bool:
        return (
            words.isdisjoint(terms)
            and words.isdisjoint(facts.speakers)
            and words.isdisjoint(facts.context(index))
        )

    return asked.names_share(absent)


@lru_cache(maxsize=1024)
def _asks_since(text: str) -> bool:
    """Whether a question asks for the time since something ("how long had it been"), once a question."""
    return bool(_SINCE.search(text))


def _constraints(
    index: CorpusIndex, asked: _Asked, hit: SearchHit, facts: CandidateFacts
) -> dict[str, float]:
    """The question's constraints, each met or not: its people, the asked type and unit, the speaker."""
    question, people, unit = asked.question, asked.people, asked.unit
    own = facts.people | facts.speakers
    in_sentence = len(people & own)
    elsewhere = people - own
    in_paragraph = len(elsewhere & facts.paragraph_people(index)) if elsewhere else 0
    since = asked.since
    typed = has_type_kept(question.kind, facts, index, since, question.search_text)
    speaker = question.speaker
    values = {
        "people_missing": (len(people) - in_sentence - in_paragraph) / len(people) if people else 0.0,
        "people_outside": in_paragraph / len(people) if people else 0.0,
        "type_missing": typed is False,
        "type_present": typed is True,
        "unit_missing": unit is not None and not _counts_unit(facts, unit),
        "speaker_missing": speaker is not None and speaker not in facts.speakers,
        "speaker_present": speaker is not None and speaker in facts.speakers,
    }
    failed = ("people_missing", "type_missing", "unit_missing", "speaker_missing")
    values["constraints_failed"] = sum([bool(values[name]) for name in failed])
    return values  # bools as they are: the row's numpy array makes them floats
