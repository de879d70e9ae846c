"""The searchable corpus: every cleaned sentence, aligned by position with its article, under one BM25 index.

Body sentences, subheadings and captions are indexed (captions keep their role so answers can say so);
headlines and datelines are metadata and never indexed as sentences.
"""

from __future__ import annotations

import bisect
import logging
from collections.abc import Callable, Collection, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, TypeVar, cast

import numpy as np

from bot.config import Config
from bot.models import Article, Sentence
from bot.retrieval import SparseBM25, load_or_build
from bot.serving import ArticleTable, MemoryArticles
from bot.text import normalize
from bot.tokenizer import Tokenizer

__all__ = ["CorpusIndex", "SearchHit"]

T = TypeVar("T")
_CACHE_LIMIT = 200_000  # sentences whose terms are kept between questions

# Suffixes that make another word rather than another form of it (fight/fighter, terror/terrorist).
_NEW_WORD_SUFFIXES = frozenset({"er", "ers", "or", "ors", "ist", "ism", "ant", "ent", "ess", "ee"})

log = logging.getLogger(__name__)


@dataclass(frozen=True, slots=True)
class SearchHit:
    """One retrieved sentence with its article and BM25 score."""

    position: int  # index into the flat sentence table
    article: Article
    sentence: Sentence
    score: float


class CorpusIndex:
    """Articles, their sentences in one flat table, the shared tokenizer and the BM25 index over them.

    `articles` may be a serving-form table (bot/serving.py), whose articles are decoded only when used."""

    def __init__(
        self,
        articles: Sequence[Article] | ArticleTable,
        config: Config,
        *,
        tokenizer: Tokenizer | None = None,
        index_dir: Path | None = None,
        fingerprint: str | None = None,
    ) -> None:
        self.articles = articles if isinstance(articles, ArticleTable) else MemoryArticles(articles)
        self.config = config
        self.tokenizer = tokenizer or Tokenizer(config.entities, config.synonyms)
        counts = self.articles.sentence_counts()
        self._article_of = np.repeat(np.arange(len(self.articles), dtype=np.int32), counts)
        self._first = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self._by_id = {doc_id: i for i, doc_id in enumerate(self.articles.ids())}
        self._terms_sorted: list[str] | None = None
        self._derived: dict[str, Any] = {}
        self._terms: dict[int, frozenset[str]] = {}
        self._masks: dict[frozenset[str], np.ndarray] = {}

        def build() -> SparseBM25:
            tokens = [self.tokenizer.tokenize(text) for text in self.articles.sentence_texts()]
            return SparseBM25(tokens, config.retrieval)

        if index_dir is not None and fingerprint is not None:
            self.bm25 = load_or_build(index_dir / "bm25", _fingerprint(fingerprint, config), build)
        else:
            self.bm25 = build()

    def __len__(self) -> int:
        return int(self._first[-1])

    def variants(self, term: str, *, max_suffix: int = 3, min_length: int = 5) -> list[str]:
        """Corpus words that extend or shorten `term` by a short suffix the stemmer leaves
        (lunch/luncheon, syria/syrian): the same word to a reader, another term to BM25."""
        if len(term) < min_length or term.startswith("@"):
            return []
        terms = self._sorted_terms()
        found = []
        start = bisect.bisect_left(terms, term)
        for candidate in terms[start : start + 64]:
            if not candidate.startswith(term):
                break
            suffix = candidate[len(term) :]
            if candidate != term and len(suffix) <= max_suffix and suffix not in _NEW_WORD_SUFFIXES:
                found.append(candidate)
        for cut in range(1, max_suffix + 1):
            shorter = term[:-cut]
            suffix = term[-cut:]
            if (
                len(shorter) >= min_length
                and suffix not in _NEW_WORD_SUFFIXES
                and self.bm25.doc_freq(shorter)
            ):
                found.append(shorter)
        return found

    def _sorted_terms(self) -> list[str]:
        if self._terms_sorted is None:
            self._terms_sorted = sorted(self.bm25.vocabulary)
        return self._terms_sorted

    def article(self, doc_id: str) -> Article | None:
        i = self._by_id.get(doc_id)
        return None if i is None else self.articles[i]

    def locate(self, position: int) -> tuple[Article, Sentence]:
        """The article and sentence at a position of the flat table."""
        a = int(self._article_of[position])
        article = self.articles[a]
        return article, article.sentences[position - int(self._first[a])]

    def neighbour(self, position: int, offset: int) -> Sentence | None:
        """The sentence `offset` places away in the same article, or None past its edges."""
        a = int(self._article_of[position])
        target = position + offset
        if target < self._first[a] or target >= self._first[a + 1]:
            return None
        return self.articles[a].sentences[target - int(self._first[a])]

    def mask(self, doc_ids: Collection[str]) -> np.ndarray:
        """A boolean mask over sentences that keeps those of the given articles (the last few cached:
        a scoped conversation asks about the same articles again and again)."""
        key = frozenset(doc_ids)
        cached = self._masks.get(key)
        if cached is None:
            keep = np.zeros(len(self.articles), dtype=bool)
            for doc_id in key:
                if doc_id in self._by_id:
                    keep[self._by_id[doc_id]] = True
            cached = keep[self._article_of]
            if len(self._masks) >= 16:
                self._masks.pop(next(iter(self._masks)))
            self._masks[key] = cached
        return cached

    def terms(self, position: int) -> frozenset[str]:
        """A sentence's names and words (Tokenizer.names_and_words), cached: sentences never change."""
        cached = self._terms.get(position)
        if cached is None:
            if len(self._terms) >= _CACHE_LIMIT:
                self._terms.clear()
            _, sentence = self.locate(position)
            cached = self._terms[position] = frozenset(self.tokenizer.names_and_words(sentence.text))
        return cached

    def derived(self, key: str, build: Callable[[], T]) -> T:
        """Data a later stage derives from this index (a table, a cache), built once and kept here."""
        if key not in self._derived:
            self._derived[key] = build()
        return cast(T, self._derived[key])

    def query_tokens(self, text: str, *, expand: bool = False, skip: Collection[str] = ()) -> list[str]:
        """Search terms for a question or topic: each name once (as its entity token), the other
        content words and their synonym groups, and with `expand` their short-suffix variants."""
        normal = normalize(text)
        spans = self.tokenizer.entity_spans(normal)
        chars = list(normal)
        for start, end, _ in spans:
            chars[start:end] = " " * (end - start)
        words = [w for w in self.tokenizer.tokenize("".join(chars)) if w not in skip]
        if not words and not spans:
            words = self.tokenizer.tokenize("".join(chars))
        tokens = words + [token for _, _, token in spans]
        if expand:
            tokens += [v for t in dict.fromkeys(words) for v in self.variants(t)]
        return tokens

    def search_tokens(
        self, tokens: Sequence[str], k: int, *, docs: Collection[str] | None = None
    ) -> list[SearchHit]:
        """The k best sentences for already tokenised terms, optionally within some articles."""
        allowed = self.mask(docs) if docs is not None else None
        hits = self.bm25.search(list(tokens), k, allowed=allowed)
        out = []
        for hit in hits:
            article, sentence = self.locate(hit.index)
            out.append(SearchHit(hit.index, article, sentence, float(hit.score)))
        return out

    def search(
        self,
        text: str,
        k: int,
        *,
        docs: Collection[str] | None = None,
        expand: bool = False,
        skip: Collection[str] = (),
    ) -> list[SearchHit]:
        """The k best sentences for a piece of text (a question or a topic); see `query_tokens`."""
        return self.search_tokens(self.query_tokens(text, expand=expand, skip=skip), k, docs=docs)


def _fingerprint(corpus: str, config: Config) -> str:
    """The corpus digest plus the settings that change the index (tokenizer aliases, BM25 parameters)."""
    import hashlib

    from bot import tokenizer

    settings = repr((config.retrieval, config.entities, config.synonyms)).encode()
    code = Path(tokenizer.__file__).read_bytes()  # a change to the tokenizer changes every term
    return f"{corpus}-{hashlib.sha256(settings + code).hexdigest()[:12]}"
