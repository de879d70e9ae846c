"""How far a question reaches beyond a candidate sentence: evidence for the answer fit that a trap asks
one step past what the coverage reports ("Which hotel hosted the talks?" over a sentence about the talks).

Each feature reads only the question, the sentence and the sentence's own article, never the other
candidates, so the wording of the question and the size of the corpus move it little:
- where the question's rarest concept is written: the sentence (or its speaker), elsewhere in its
  article, only in other articles, or nowhere in the corpus;
- the share of the question's concepts (weighed by rarity) its article never writes;
- for a "which X" / "what X" question, whether the sentence and its paragraph and headline write X.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from bot.answering.cache import PerIndex
from bot.answering.ranker import Concept
from bot.answering.sentence_facts import FACTS_LIMIT, facts_of
from bot.search import CorpusIndex, SearchHit
from bot.text import normalize
from bot.tokenizer import STOPWORDS

__all__ = ["REACH_FEATURES", "article_writes", "asked_noun", "reach_rows"]

REACH_FEATURES: tuple[str, ...] = (
    "rarest_off_article",  # the question's rarest concept is in the corpus but not in the sentence's article
    "rarest_unused",  # ... is in no sentence of the corpus
    "concepts_off_article",  # weight share of the question's concepts (the corpus uses) its article lacks
    "asked_noun_missing",  # "which X": share of X's words neither the sentence nor its context writes
)

# "which sectors", "what time of day", "what sort of alliance": the noun phrase after the wh-word
_WHICH = re.compile(r"\b(?:[Ww]hich|[Ww]hat)\s+(?:(?:kind|sort|type|types|kinds)\s+of\s+)?([A-Za-z' -]+)")
_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")
_NOUN_WORDS = 3  # at most this many words of the phrase

# (article number, a concept's words): whether the article writes one of them
_IN_ARTICLE: PerIndex[dict[tuple[int, frozenset[str]], bool]] = PerIndex(lambda index: {})


def article_writes(index: CorpusIndex, position: int, words: frozenset[str]) -> bool:
    """Whether the article of the sentence at `position` (its headline included) writes one of `words`;
    kept between questions (candidates share articles, questions share concepts)."""
    key = (index.article_number(position), words)
    found = _IN_ARTICLE.of(index)
    has = found.get(key)
    if has is None:
        if len(found) >= FACTS_LIMIT:
            found.clear()
        has = found[key] = index.article_has(position, words)
    return has


def asked_noun(text: str) -> tuple[str, ...]:
    """The words of the noun phrase a "which X" / "what X" question asks for ("sectors" in "Which sectors
    of Russia's economy ...", "former senator" in "Which former US senator ..."), up to the first small
    word, its names left out (other features weigh them); none for "what did ..." or "what was ..."."""
    match = _WHICH.search(normalize(text))
    if not match:
        return ()
    words = []
    for word in _WORD.findall(match.group(1))[:_NOUN_WORDS]:
        if not word.islower():
            continue
        if word in STOPWORDS:
            break
        words.append(word)
    return tuple(words)


def reach_rows(
    index: CorpusIndex, text: str, concepts: Sequence[Concept], hits: Sequence[SearchHit]
) -> np.ndarray:
    """One row of REACH_FEATURES per hit, in the hits' order; `text` is the question's own words."""
    rows = np.zeros((len(hits), len(REACH_FEATURES)))
    if not hits or not concepts:
        return rows
    used = [c for c in concepts if any(index.bm25.doc_freq(t) for t in c.terms)]
    total = sum(c.weight for c in used)
    rarest = max(concepts, key=lambda c: c.weight)
    rarest_words = rarest.terms | rarest.related
    unused = not any(index.bm25.doc_freq(t) for t in rarest.terms)
    noun = _noun_terms(index, text)
    for i, hit in enumerate(hits):
        p = hit.position
        facts = facts_of(index, p)
        terms = index.terms(p)
        here = terms | facts.speakers
        if rarest_words.isdisjoint(here):
            rows[i, 0] = not unused and not article_writes(index, p, rarest_words)
            rows[i, 1] = unused
        if total > 0:
            off = sum(c.weight for c in used if not article_writes(index, p, c.terms | c.related))
            rows[i, 2] = off / total
        if noun:
            context = facts.context(index)
            rows[i, 3] = sum(1 for t in noun if t not in terms and t not in context) / len(noun)
    return rows


def _noun_terms(index: CorpusIndex, text: str) -> tuple[str, ...]:
    """The asked noun phrase's words as the index writes them (stems, synonym groups chosen over the stem
    when it has one)."""
    tokenizer = index.tokenizer
    out = []
    for word in asked_noun(text):
        for stem in tokenizer.content_words(word):
            out.append(tokenizer.synonym(stem) or stem)
    return tuple(out)
