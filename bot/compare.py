"""The /compare command's core: how each outlet covered a topic, who did not, and where their figures differ.

Relevance cut-off (calibrated on compare_dev.yaml): the topic is split into concepts (its stemmed content
words, an entity's token standing for all its names, and a joined form of two adjacent words so "air
strikes" finds "airstrike"), each weighted by its BM25 IDF. A sentence covers the topic when it matches at
least `compare.min_share` (config) of that weight, which for a two-word topic means its more informative
word. A topic that asks for a figure ("how long the meeting lasted") drops its asking words ("how long",
"lasted") and instead requires a figure of that kind (a duration) in the sentence plus at least one
remaining concept. An outlet none of whose sentences pass is "not covered", however many loose BM25 matches
it has. Disagreements and "also in other outlets" come from the index's facts (bot.facts).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.errors import InputError
from bot.facts import Figure, asked_dimension, asking_words, format_figure
from bot.models import Article
from bot.results import Claim, CompareResult, Disagreement, OutletCoverage, ScoredSentence
from bot.search import CorpusIndex, SearchHit
from bot.text import normalize

__all__ = ["compare_outlets", "topic_concepts"]

MAX_TOPIC = 1000  # characters: an input limit, not a tuning constant
_WORDS = re.compile(r"[^\W_]+(?:['-][^\W_]+)*")


@dataclass(frozen=True)
class _Concept:
    terms: frozenset[str]  # any of these index terms matches the concept
    weight: float
    joined: bool = False  # a compound of two topic words ("airstrike" for "air strikes")
    related: frozenset[str] = frozenset()  # words that speak of a name without naming it: half a match


def compare_outlets(index: CorpusIndex, topic: str) -> CompareResult:
    """Each article's best sentences on `topic`, the outlets that do not cover it, and conflicting figures."""
    text = _checked(topic)
    dimension = asked_dimension(text)
    concepts = topic_concepts(index, text, drop=asking_words(text) if dimension else set())
    if not concepts:
        raise InputError(f"The topic '{text}' has no searchable words (only common words like 'the').")
    tokens = [t for c in concepts for t in sorted(c.terms)]
    covered: list[OutletCoverage] = []
    not_covered: list[str] = []
    found: list[SearchHit] = []
    for article in index.articles:
        hits = _best_hits(index, article, tokens, concepts, dimension)
        if not hits:
            not_covered.append(_outlet(article))
            continue
        covered.append(_coverage(index, article, hits))
        found.extend(hits)
    covered.sort(key=lambda c: -c.sentences[0].score)
    return CompareResult(
        topic=text,
        outlets=tuple(covered),
        not_covered=tuple(not_covered),
        disagreements=_disagreements(index, found, dimension),
    )


def _disagreements(
    index: CorpusIndex, hits: Sequence[SearchHit], dimension: str | None
) -> tuple[Disagreement, ...]:
    """Where the facts say outlets give different figures for what the shown sentences state: every outlet
    giving such a figure, shown or not, once (its first sentence), with the figures it gives."""
    out: list[Disagreement] = []
    seen: set[int] = set()
    for hit in hits:
        if hit.position in seen or not index.facts.disagreeing(hit.position):
            continue
        if dimension is not None and not _figures(index, hit.position, dimension):
            continue
        positions = [hit.position, *index.facts.disagreeing(hit.position)]
        claims: dict[str, Claim] = {}
        labels: list[str] = []
        for position in positions:
            seen.add(position)
            article, sentence = index.locate(position)
            if _outlet(article) in claims:
                continue
            claims[_outlet(article)] = Claim(_outlet(article), sentence.text)
            for figure in _figures(index, position, dimension):
                if (label := format_figure(figure)) not in labels:
                    labels.append(label)
        about = dimension or next((f.dimension for f in _figures(index, hit.position, None)), "figure")
        out.append(Disagreement(about=f"{about}: {' vs '.join(labels)}", claims=tuple(claims.values())))
    return tuple(out)


def _figures(index: CorpusIndex, position: int, dimension: str | None) -> list[Figure]:
    """A sentence's figures that are lengths or amounts of something (of one dimension if given)."""
    return [
        f
        for f in index.facts.of(position).figures
        if f.measures
        and (f.is_length or f.dimension != "duration")
        and (dimension is None or f.dimension == dimension)
    ]


def _best_hits(
    index: CorpusIndex,
    article: Article,
    tokens: list[str],
    concepts: Sequence[_Concept],
    dimension: str | None,
) -> list[SearchHit]:
    """An article's sentences that pass the cut-off: the most of the topic first, body text before
    subheadings and captions, then by BM25."""
    scored: list[tuple[float, SearchHit]] = []
    for hit in index.search_tokens(tokens, 20, docs={article.id}):
        share = _share(index, hit, concepts, dimension)
        if share is not None:
            scored.append((share, hit))
    scored.sort(key=lambda sh: (-sh[0], sh[1].sentence.role != "body", -sh[1].score))
    return [hit for _, hit in scored[: index.config.compare.per_outlet]]


def topic_concepts(index: CorpusIndex, topic: str, drop: set[str] | None = None) -> list[_Concept]:
    """The topic's concepts with their IDF weights (see the module docstring)."""
    tokenizer = index.tokenizer
    words = [w for w in _WORDS.findall(normalize(topic)) if w.lower() not in (drop or set())]
    concepts: list[_Concept] = []
    for word in words:
        names = tokenizer.entities(word)
        stems = tokenizer.content_words(word)
        groups = {g for t in stems if (g := tokenizer.synonym(t))}
        terms = set(names) if names else set(stems) | groups
        if terms:
            weight = max(_idf(index, t) for t in terms)
            related = frozenset(r for name in names for r in tokenizer.related(name))
            concepts.append(_Concept(frozenset(terms), weight, related=related))
    for name in tokenizer.entities(" ".join(words)):
        if all(name not in c.terms for c in concepts):
            concepts.append(_Concept(frozenset([name]), _idf(index, name)))
    for first, second in itertools.pairwise(words):
        if not (tokenizer.content_words(first) and tokenizer.content_words(second)):
            continue
        joined = tokenizer.content_words(first + second)
        if joined and all(joined[0] not in c.terms for c in concepts):
            concepts.append(_Concept(frozenset(joined), 0.0, joined=True))
    return concepts


def _checked(topic: str) -> str:
    text = normalize(topic)
    if not text:
        raise InputError("The topic is empty: give a few words, for instance 'sanctions'.")
    if len(topic) > MAX_TOPIC:
        raise InputError(f"The topic is too long ({len(topic)} characters; at most {MAX_TOPIC}).")
    return text


def _idf(index: CorpusIndex, term: str) -> float:
    return max(float(index.bm25.idf(term)), 0.0)


def _share(
    index: CorpusIndex, hit: SearchHit, concepts: Sequence[_Concept], dimension: str | None
) -> float | None:
    """The share of the topic's weight a sentence matches, or None below the cut-off (module docstring)."""
    terms = set(index.tokenizer.tokenize(hit.sentence.text))
    total = sum(c.weight for c in concepts)
    matched = [c for c in concepts if c.terms & terms]
    if any(c.joined for c in matched):  # a joined compound stands for the words it joins
        return 1.0
    related = sum(c.weight / 2 for c in concepts if c not in matched and c.related & terms)
    weight = sum(c.weight for c in matched) + related
    share = weight / total if total > 0 else float(bool(matched))
    if dimension is not None:
        has_figure = any(f.dimension == dimension for f in _figures(index, hit.position, dimension))
        return share if has_figure and matched else None
    return share if share >= index.config.compare.min_share else None


def _coverage(index: CorpusIndex, article: Article, hits: Sequence[SearchHit]) -> OutletCoverage:
    sentences = tuple(
        ScoredSentence(h.sentence.text, h.sentence.start, h.sentence.end, h.score, _shared(index, h))
        for h in hits
    )
    return OutletCoverage(
        outlet=_outlet(article),
        doc=article.id,
        date=article.date,
        event=article.event,
        sentences=sentences,
        title=article.title,
    )


def _shared(index: CorpusIndex, hit: SearchHit) -> bool:
    """Whether another outlet carries the same statement (its same-statement group in the facts)."""
    own = _outlet(hit.article)
    return any(_outlet(index.locate(p)[0]) != own for p in index.facts.same_statement(hit.position))


def _outlet(article: Article) -> str:
    return article.outlet or article.id
