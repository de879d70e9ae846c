"""Choosing the sentence that answers: coverage of the question's weighted terms, its type's evidence,
the speaker it asks about, and BM25 as the tie-breaker."""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from bot.answering import evidence
from bot.answering.question import Question
from bot.search import CorpusIndex, SearchHit
from bot.text import normalize
from bot.tokenizer import STOPWORDS, person_tokens

__all__ = ["Candidate", "Concept", "people_of", "query_concepts", "rank_candidates", "unknown_names"]

# Evidence a question type cannot do without: "how many" needs a number, "how long" a duration.
_REQUIRED = {
    "how_many": evidence.has_number,
    "how_long": evidence.has_duration,
    "when": evidence.has_date,
}
# Evidence that makes a sentence a better answer for the type.
_PREFERRED = {
    "when": evidence.has_date,
    "where": evidence.has_place,
    "why": evidence.has_cause,
    "how_long": evidence.has_duration,
}
_WORD = re.compile(r"[^\W_]+(?:['.-][^\W_]+)*")
_TYPE_WORDS = re.compile(r"\bhow (many|much|long|often|soon)\b", re.IGNORECASE)
TYPE_BONUS = 0.15
SPEAKER_BONUS = 0.25
NAMED_BONUS = 0.05
ROLE_PENALTY = {"caption": 0.12, "subheading": 0.05, "body": 0.0}
BM25_WEIGHT = 0.3


@dataclass(frozen=True)
class Concept:
    """One thing the question asks about: a word, or a name with every form it may take."""

    terms: frozenset[str]
    weight: float
    related: frozenset[str] = frozenset()  # words that speak of a name without naming it: half a match


@dataclass(frozen=True)
class Candidate:
    hit: SearchHit
    coverage: float
    score: float
    eligible: bool
    speakers: frozenset[str]


def unknown_names(index: CorpusIndex, text: str) -> list[str]:
    """Capitalised words of a question (past its first word) that the corpus never uses: a person,
    place or thing the coverage does not mention at all."""
    normal = normalize(text)
    for start, end, token in index.tokenizer.entity_spans(normal):
        if index.bm25.doc_freq(token) > 0:  # a known name under another alias (ISIS for Daesh)
            normal = normal[:start] + " " * (end - start) + normal[end:]
    first = _WORD.search(normalize(text))
    unknown = []
    for match in _WORD.finditer(normal):
        written = match.group(0)
        if (
            (first and match.start() == first.start())
            or not written[:1].isupper()
            or written.lower() in STOPWORDS
        ):
            continue
        stems = index.tokenizer.content_words(written)
        if stems and all(index.bm25.doc_freq(t) == 0 and not index.variants(t) for t in stems):
            unknown.append(written)
    return unknown


def query_concepts(index: CorpusIndex, text: str) -> list[Concept]:
    """The question's concepts, weighted by IDF; a name's own words belong to its entity concept."""
    tokenizer = index.tokenizer
    normal = _TYPE_WORDS.sub(" ", normalize(text))
    concepts: dict[frozenset[str], float] = {}
    related: dict[frozenset[str], frozenset[str]] = {}
    covered = [False] * len(normal)
    for start, end, token in tokenizer.entity_spans(normal):
        words = tokenizer.content_words(normal[start:end])
        weight = max(_weight(index, t, name=True) for t in (token, *words))
        terms = frozenset([token, *words])
        concepts[terms] = weight
        related[terms] = tokenizer.related(token)
        for i in range(start, end):
            covered[i] = True
    rest = "".join(ch if not covered[i] else " " for i, ch in enumerate(normal))
    for written in _WORD.findall(rest):
        capitalised = written[:1].isupper() and not rest.lstrip().startswith(written)
        for word in tokenizer.content_words(written):
            group = tokenizer.synonym(word)
            key = frozenset([word, *index.variants(word), *([group] if group else [])])
            concepts[key] = concepts.get(key, 0.0) + _weight(index, word, name=capitalised)
    return [Concept(terms, weight, related.get(terms, frozenset())) for terms, weight in concepts.items()]


# Words that frame a question rather than name its subject ("How did X describe ...", "What did Y say").
FRAMING = frozenset(
    "say said tell told describ report mention explain think call know happen talk discuss respond react "
    "comment view featur look seem".split()
)
FRAMING_WEIGHT = 0.3


def _weight(index: CorpusIndex, term: str, *, name: bool = False) -> float:
    """IDF as BM25 sees it. A word the corpus never uses weighs as much as the rarest word (a name) or
    half that (another word): asking about what the coverage never mentions should not find an answer."""
    n = len(index)
    rarest = math.log((n + 0.5) / 0.5)
    if index.bm25.doc_freq(term) == 0:
        weight = rarest if name or term[:1].isdigit() else rarest / 2
    else:
        weight = max(index.bm25.idf(term), 0.05)
    return weight * FRAMING_WEIGHT if term in FRAMING else weight


def coverage(concepts: list[Concept], terms: frozenset[str] | set[str]) -> float:
    total = sum(c.weight for c in concepts)
    if total <= 0:
        return 0.0
    matched = sum(
        c.weight if c.terms & terms else c.weight / 2 if c.related & terms else 0.0 for c in concepts
    )
    return matched / total


def rank_candidates(index: CorpusIndex, question: Question, hits: list[SearchHit]) -> list[Candidate]:
    """Score every hit as an answer to the question, best first."""
    if not hits:
        return []
    concepts = query_concepts(index, question.search_text)
    persons = people_of(index)
    top_bm25 = max(h.score for h in hits) or 1.0
    required = _REQUIRED.get(question.kind)
    preferred = _PREFERRED.get(question.kind)
    ranked = []
    for hit in hits:
        text = hit.sentence.text
        speaking = evidence.speakers(index, hit.position, persons)
        terms = index.terms(hit.position) | speaking
        cov = coverage(concepts, terms)
        score = cov + BM25_WEIGHT * hit.score / top_bm25 - ROLE_PENALTY.get(hit.sentence.role, 0.0)
        if preferred is not None and preferred(index, hit.position):
            score += TYPE_BONUS
        if question.kind == "who" and evidence.has_person(text, index.tokenizer, persons):
            score += TYPE_BONUS
        if question.speaker is not None:
            score += SPEAKER_BONUS if question.speaker in speaking else -SPEAKER_BONUS / 2
            if question.speaker in evidence.named_in(index, hit.position, persons):
                score += NAMED_BONUS  # attributed in the sentence itself: the reader sees who said it
        eligible = required(index, hit.position) if required is not None else True
        if question.speaker is not None:  # "what did X say": X must be the one speaking
            eligible = eligible and question.speaker in speaking
        ranked.append(Candidate(hit, cov, score, eligible, speaking))
    ranked.sort(key=lambda c: (-c.eligible, -c.score, c.hit.position))
    return ranked


def people_of(index: CorpusIndex) -> frozenset[str]:
    """The entity tokens of the people in config."""
    return person_tokens(index.config.entities)
