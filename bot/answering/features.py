"""What a candidate sentence offers a question, as numbers the decision weighs.

The answerer reads sentence facts (speakers, figures, dates, places, people) only through
answering.sentence_facts, which reads the index's facts (bot.facts) through answering.evidence.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from bot.answering.answerability import ANSWERABILITY_FEATURES, answerability_rows, role_qualifiers
from bot.answering.asked_words import asked_speaker
from bot.answering.cache import FACTS_LIMIT, PerIndex
from bot.answering.concept_match import Pairs, coverage, covered_with
from bot.answering.feature_names import (
    COLUMN,
    FEATURES,
    SEMANTIC_FEATURES,
    columns_of,
)
from bot.answering.focus import focus_columns
from bot.answering.places import with_adjectives
from bot.answering.question import Question
from bot.answering.ranker import Concept, people_of
from bot.answering.referents import article_pair, unreferenced
from bot.answering.sentence_facts import (
    CandidateFacts,
    asked_meeting,
    asked_occasions,
    asks_someone_else,
    counted_alike,
    facts_of_all,
    has_type_kept,
    meeting_of,
    reason_stated,
    someone_else_typed,
)
from bot.facts import asked_span
from bot.frozen import frozen_dataclass as dataclass
from bot.regex_cache import compiled
from bot.search import CorpusIndex, SearchHit
from bot.text import normalize

__all__ = ["candidate_features", "question_pairs"]

# The evidence each kind of question asks for: a number, a length of time, a date, a place, a cause.
_UNIT = compiled(r"\bhow (?:many|much)\s+(?:more\s+)?([a-z][a-z-]+)", re.IGNORECASE)

# (article number, a name's words): whether the article writes the name
_IN_ARTICLE: PerIndex[dict[tuple[int, frozenset[str]], bool]] = PerIndex(lambda index: {})


def _names_off_article(asked: _Asked, index: CorpusIndex, hit: SearchHit, speakers: frozenset[str]) -> float:
    """The weight share of the question's names that neither the candidate's speakers nor any sentence
    or the headline of its article writes (read only when some name is missing from its paragraph, so the
    question names some). Whether an article writes a name is kept between questions (candidates share
    articles; questions share names), as facts_of keeps facts."""
    article = index.article_number(hit.position)
    found = _IN_ARTICLE.of(index)
    absent = []
    for weight, words in asked.names:
        if words & speakers:
            continue
        key = (article, words)
        written = found.get(key)
        if written is None:
            if len(found) >= FACTS_LIMIT:
                found.clear()
            written = found[key] = index.article_has(hit.position, words)
        if not written:
            absent.append(weight)
    return sum(absent) / asked.names_total


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
    terms = set(counted_alike(index, frozenset(index.tokenizer.content_words(unit))))
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
    span: str  # what a "how long" asks: INTERVAL ("since"), OFFSET ("how long after"), "" a length
    occasions: frozenset[str]  # "how long": the stems a length of what it asks about may measure
    people: frozenset[str]
    pairs: Pairs  # each concept's (terms, related): answering.concept_match reads them
    names_total: float  # the names' weight
    named: frozenset[str] | None  # "which general ...?": the people it names itself (asks_someone_else)
    # "Cameron's own meeting with Putin": who beyond the setting meets in the meeting asked (asked_meeting)
    meeting: frozenset[str]
    actor: str | None  # the person the question is about (_actor_of)

    @classmethod
    def of(
        cls,
        index: CorpusIndex,
        question: Question,
        concepts: Sequence[Concept],
        found: Sequence[CandidateFacts],
    ) -> _Asked:
        match = _UNIT.search(normalize(question.text))
        unit = _unit_terms(match.group(1), index) if match and question.kind == "how_many" else None
        own = _own_names(index, question, concepts)
        # (only a capitalised word no configured name holds may qualify a role)
        plain = any(not any(t.startswith("@") for t in c.terms) for c in own)
        roles = role_qualifiers(index, question.text) if plain else {}
        # a name that qualifies a role ("the American leader") is met by the person the role stands for
        # a place is written as its adjective too ("Moscow" in "the Russian state")
        names = [
            (c.weight, with_adjectives(index, c.terms | c.related | _meant(roles, c.terms))) for c in own
        ]
        weights = [c.weight for c in concepts]
        total = sum(c.weight for c in concepts) or 1.0
        people = frozenset(question.persons)
        pairs = [(c.terms, c.related) for c in concepts]
        names_total = sum([weight for weight, _ in names])
        span = asked_span(question.text)
        lasting = question.kind == "how_long" and not span
        occasions = asked_occasions(index, question.search_text) if lasting else frozenset[str]()
        read = (question, concepts, weights, total, names, unit, span, occasions, people, pairs, names_total)
        meeting = asked_meeting(index, question, found)
        return cls(*read, asks_someone_else(index, question, found), meeting, _actor_of(index, question))


# an auxiliary right before a name makes that person a subject of the question ("what did Trump do ...")
_AUXILIARY = compiled(
    r"\b(?:did|does|do|was|were|is|are|has|have|had|will|would|could|can)\s+$", re.IGNORECASE
)
_ASKS_WHO = frozenset({"who", "who_said"})


def _actor_of(index: CorpusIndex, question: Question) -> str | None:
    """The person the question is about: the last configured person it names as the subject of an
    auxiliary ("did Trump ...", "what does Putin ..."; the last clause's, where it asks two), else,
    unless it asks who, the first person it names (a follow-up's carried-over person included); None
    when it names nobody."""
    people = people_of(index)
    own = normalize(question.own_text if question.follow_up else question.text)
    subjects = [
        t
        for start, _, t in index.tokenizer.entity_spans(own)
        if t in people and _AUXILIARY.search(own[:start])
    ]
    if subjects:  # the last clause's ("did Putin give him a ball? what did Trump do with it")
        return subjects[-1]
    if question.persons and question.kind not in _ASKS_WHO:
        return question.persons[0]
    return None


def _meant(roles: dict[str, frozenset[str]], terms: frozenset[str]) -> frozenset[str]:
    """The people a name's `terms` stand for as the qualifier of a role (answerability.role_qualifiers)."""
    return frozenset[str]().union(*(roles[t] for t in terms if t in roles)) if roles else frozenset()


def _own_names(index: CorpusIndex, question: Question, concepts: Sequence[Concept]) -> list[Concept]:
    """The name concepts the question writes itself: a follow-up's carried-over topic names what the
    conversation is about, which the sentence that answers it ("and his verdict?") need not repeat."""
    names = [c for c in concepts if c.name]
    if not question.follow_up or not names:
        return names
    own = set(index.tokenizer.tokenize(question.own_text))
    return [c for c in names if not c.terms.isdisjoint(own)]


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
    scores = [h.score for h in hits]
    top_bm25 = max(scores) or 1.0
    found = facts_of_all(index, [h.position for h in hits])
    terms = [index.terms(h.position) for h in hits]
    rows = _rows(index, _Asked.of(index, question, concepts, found), hits, found, terms)
    pairs = question_pairs(index, question.search_text)
    if question.speaker is None and asked_speaker(question.own_text):
        rows[:, COLUMN["speaker_unnamed"]] = [bool(f.speakers) for f in found]
    if pairs:
        rows[:, COLUMN["pairs"]] = [len(pairs & t) / len(pairs) for t in terms]
    rows[:, COLUMN["bm25_relative"]] = [score / top_bm25 for score in scores]
    groups = [f.group for f in found]
    rows[:, COLUMN["bm25_rank"]] = _distinct_ranks(np.array(scores), groups)
    rows[:, COLUMN["question_unknown"]] = unknown_share
    rows[:, COLUMN["unknown_names"]] = len(unknown_names)
    cov = rows[:, COLUMN["coverage"]]
    rows[:, COLUMN["coverage_gap"]] = cov - cov.max()
    rows[:, COLUMN["coverage_rank"]] = _distinct_ranks(cov, groups)
    _semantic(index, hits, vector, rows, groups, question=question)
    rows[:, columns_of(ANSWERABILITY_FEATURES)] = answerability_rows(index, question, hits)
    return rows


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
    columns = [COLUMN[name] for name in SEMANTIC_FEATURES]
    vectors = index.vectors
    if vector is None or vectors is None:
        rows[:, columns] = np.nan
        return
    sentences = vectors[[h.position for h in hits]]
    cos = sentences @ vector
    rows[:, COLUMN["cosine"]] = cos
    rows[:, COLUMN["cosine_gap"]] = cos - cos.max()
    rows[:, COLUMN["cosine_rank"]] = _distinct_ranks(cos, groups)
    focus, own_focus = focus_columns(index, question, sentences, vector)
    rows[:, COLUMN["focus_cosine"]] = focus
    rows[:, COLUMN["own_focus_cosine"]] = own_focus


_NOBODY: frozenset[str] = frozenset()
# the columns a candidate's own row fills, looked up once (each is read for every candidate)
_COVERAGE, _UNMATCHED = COLUMN["coverage"], COLUMN["unmatched_heaviest"]
_CONTEXT_GAIN, _TITLE_GAIN = COLUMN["context_gain"], COLUMN["title_gain"]
_NAMES_MISSING, _NAMES_OFF = COLUMN["names_missing"], COLUMN["names_off_article"]
_EVENT_UNKNOWN, _CAPTION, _SUBHEADING = COLUMN["event_unknown"], COLUMN["caption"], COLUMN["subheading"]
_LENGTH, _COVERAGE_MET = COLUMN["length"], COLUMN["coverage_met"]
_PEOPLE_MISSING, _PEOPLE_OUTSIDE = COLUMN["people_missing"], COLUMN["people_outside"]
_TYPE_MISSING, _TYPE_PRESENT = COLUMN["type_missing"], COLUMN["type_present"]
_UNIT_MISSING, _CONSTRAINTS_FAILED = COLUMN["unit_missing"], COLUMN["constraints_failed"]
_SPEAKER_PRESENT, _SPEAKER_MISSING = COLUMN["speaker_present"], COLUMN["speaker_missing"]
_ACTOR_PRESENT, _ACTOR_OTHER = COLUMN["actor_present"], COLUMN["actor_other"]


def _names_missing(
    asked: _Asked, index: CorpusIndex, terms: frozenset[str], facts: CandidateFacts, meant: frozenset[str]
) -> float:
    """The weight share of the question's names that neither the sentence (its `terms`), nor its
    speakers, nor its paragraph or headline writes, nor the sentence means (`meant`: the people it writes
    as "the two leaders" or a bare "he"); 0 when it names none."""
    names, total = asked.names, asked.names_total
    if not names or total <= 0:
        return 0.0
    speakers = facts.speakers
    absent = [
        weight
        for weight, words in names
        if words.isdisjoint(terms)
        and words.isdisjoint(speakers)
        and words.isdisjoint(meant)
        and words.isdisjoint(facts.context(index))
    ]
    return sum(absent) / total


def _rows(
    index: CorpusIndex,
    asked: _Asked,
    hits: Sequence[SearchHit],
    found: Sequence[CandidateFacts],
    terms: Sequence[frozenset[str]],
) -> np.ndarray:
    """The features of each hit that do not depend on the other candidates, as one array (`found` and
    `terms` are the hits' facts and names and words). Each row is a list filled at fixed columns from a
    per-question template (no dict a candidate)."""
    question = asked.question
    template = [0.0] * len(FEATURES)
    template[COLUMN[f"asks_{question.kind}"]] = 1.0
    template[COLUMN["follow_up"]] = question.follow_up
    named = bool(asked.names) and asked.names_total > 0  # else names_missing is 0 for every candidate
    table: list[float] = []  # the rows one after another: numpy reads a flat list fastest
    for hit, facts, own in zip(hits, found, terms, strict=True):
        row = template.copy()
        _matching(index, asked, own, facts, row)
        meant = _constraints(index, asked, facts, row)
        if named:
            row[_NAMES_MISSING] = missing = _names_missing(asked, index, own, facts, meant)
            if missing:  # the article holds the sentence, its paragraph and headline: none off it otherwise
                row[_NAMES_OFF] = _names_off_article(asked, index, hit, facts.speakers)
        if asked.actor is not None:
            _acting(asked.actor, facts, row)
        row[_EVENT_UNKNOWN] = facts.event_unknown
        role = facts.role
        row[_CAPTION] = role == "caption"
        row[_SUBHEADING] = role == "subheading"
        row[_LENGTH] = facts.length
        if not row[_CONSTRAINTS_FAILED]:  # a near match that fails a constraint is not met
            row[_COVERAGE_MET] = row[_COVERAGE]
        table.extend(row)
    values = np.fromiter(table, dtype=float, count=len(hits) * len(FEATURES))  # bools become floats
    return values.reshape(len(hits), len(FEATURES))


def _acting(actor: str, facts: CandidateFacts, row: list[float]) -> None:
    """Whether the question's `actor` speaks the sentence or is the first person it names (the one whose
    act or words it tells), or someone else is, into `row`."""
    if actor in facts.speakers or facts.lead == actor:
        row[_ACTOR_PRESENT] = 1.0
    elif facts.lead is not None or facts.speakers:
        row[_ACTOR_OTHER] = 1.0


def _matching(
    index: CorpusIndex, asked: _Asked, terms: frozenset[str], facts: CandidateFacts, row: list[float]
) -> None:
    """How much of the question the sentence (its `terms` and its speakers) covers, and what its paragraph
    and headline add, into `row` (answering.concept_match: a C kernel with the same numbers as its Python
    path)."""
    position, pairs, weights, total = facts.position, asked.pairs, asked.weights, asked.total
    share, cov, unmatched, full = coverage(pairs, weights, terms, facts.speakers)
    row[_COVERAGE] = cov / total
    row[_UNMATCHED] = unmatched / total
    # every share 1.0 (they are 0, 0.5 or 1): nothing to gain, the neighbour and headline need not be read
    if full:
        return
    if facts.joined:  # the sentence before it is in its paragraph
        gained = covered_with(pairs, weights, share, index.terms(position - 1))
        row[_CONTEXT_GAIN] = (gained - cov) / total
    if facts.titled:
        gained = covered_with(pairs, weights, share, index.title_terms(position))
        row[_TITLE_GAIN] = (gained - cov) / total


def _meets(index: CorpusIndex, facts: CandidateFacts, meeting: frozenset[str]) -> bool:
    """The sentence names a meeting of the asked `meeting`'s people (asked_meeting) but those its article
    is about (the pair it names most: the summit's leaders, whose meeting it reports)."""
    beyond = meeting - article_pair(index, facts.position) if meeting else meeting
    return not beyond or meeting_of(index, facts, beyond)


def _constraints(
    index: CorpusIndex, asked: _Asked, facts: CandidateFacts, row: list[float]
) -> frozenset[str]:
    """The question's constraints, each met or not, into `row`: its people, the asked type and unit, the
    speaker; and how many fail. Returns the question's people the sentence means without naming them or
    quoting them ("the two leaders", a bare "he")."""
    question, people, unit, speaker = asked.question, asked.people, asked.unit, asked.question.speaker
    failed = 0
    meant = _NOBODY
    if people:
        count = len(people)
        unnamed = people.difference(facts.people, facts.speakers)
        # neither named in it nor speaking nor meant ("the two leaders", a bare "he")
        elsewhere = unreferenced(index, facts, unnamed, count) if unnamed else unnamed
        if not elsewhere:  # unreferenced keeps them all or none
            meant = unnamed
        in_paragraph = len(elsewhere & facts.paragraph_people(index)) if elsewhere else 0
        missing = (len(elsewhere) - in_paragraph) / count
        if asked.meeting and not _meets(index, facts, asked.meeting - meant):  # someone else's meeting
            missing = 1.0  # none of its people meet in it as asked
        row[_PEOPLE_MISSING] = missing
        row[_PEOPLE_OUTSIDE] = in_paragraph / count
        failed += bool(missing)
    typed = has_type_kept(
        question.kind, facts, index, asked.span, question.search_text, occasions=asked.occasions
    )
    typed = someone_else_typed(facts, asked.named, typed)  # "which general ...?": someone not asked of
    typed = reason_stated(question.kind, facts, question.persons, typed)  # "why did X ...?": X's words
    counted = unit is None or _counts_unit(facts, unit)
    # a count of something else is not the number asked ("2,500 people" for "how many police")
    if not counted:
        typed = False
    if typed is False:
        row[_TYPE_MISSING] = 1.0
        failed += 1
    elif typed is True:
        row[_TYPE_PRESENT] = 1.0
    if not counted:
        row[_UNIT_MISSING] = 1.0
        failed += 1
    if speaker is not None:
        row[_SPEAKER_PRESENT if speaker in facts.speakers else _SPEAKER_MISSING] = 1.0
        failed += speaker not in facts.speakers
    row[_CONSTRAINTS_FAILED] = failed
    return meant
