"""The searchable corpus: every cleaned sentence, aligned by position with its article, under one BM25 index.

Body sentences, subheadings and captions are indexed (captions keep their role so answers can say so);
headlines and datelines are metadata and never indexed as sentences.
"""

from __future__ import annotations

import bisect
import logging
import threading
from collections.abc import Callable, Collection, Sequence
from functools import partial
from pathlib import Path
from typing import Any

import numpy as np

from bot.config import Config
from bot.digest import key_digest
from bot.errors import NeedsWriter
from bot.facts import CorpusFacts, load_or_build_facts
from bot.forkpool import chunks, fork_map, fork_side, in_thread, worker_count
from bot.frozen import dataclass
from bot.models import Article, Sentence
from bot.retrieval import SparseBM25, load_or_build
from bot.retrieval.token_ids import TokenIds
from bot.semantic import Encoder, encoder_for, load_or_embed, primed_vector, semantic_enabled
from bot.sentence_terms import EncodedTerms, SentenceTerms, load_or_build_terms, load_or_save_found
from bot.serving import ArticleTable, MemoryArticles
from bot.text import normalize
from bot.tokenizer import Tokenizer

__all__ = ["CorpusIndex", "SearchHit"]

_CACHE_LIMIT = 200_000  # sentences whose terms are kept between questions
_MASKS_KEPT = 16  # article masks kept for scoped questions
_PUT_LOCK = threading.Lock()

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
    """Articles, their sentences in one flat table, the shared tokenizer, the BM25 index over them and
    each sentence's facts (`facts`: speakers, quotations, figures, entities, same-statement groups).

    `articles` may be a serving-form table (bot/serving.py), whose articles are decoded only when used.
    With `load_only` the saved pieces are only read: one that is missing, damaged or made for another
    corpus raises NeedsWriter instead of being rebuilt (a reader without the writer lock, bot/service.py)."""

    _terms_written: Callable[[], SentenceTerms | None] | None = None  # a build writing them: `_write_terms`

    def __init__(
        self,
        articles: Sequence[Article] | ArticleTable,
        config: Config,
        *,
        tokenizer: Tokenizer | None = None,
        index_dir: Path | None = None,
        fingerprint: str | None = None,
        load_only: bool = False,
    ) -> None:
        self.articles = articles if isinstance(articles, ArticleTable) else MemoryArticles(articles)
        self.config = config
        self.tokenizer = tokenizer or Tokenizer(config.entities, config.synonyms)
        counts = self.articles.sentence_counts()
        self._article_of = np.repeat(np.arange(len(self.articles), dtype=np.int32), counts)
        first = np.concatenate([[0], np.cumsum(counts)]).astype(np.int64)
        self._counts = np.diff(first)  # sentences per article: a mask by article repeats by these
        # Read for every candidate of every answer, so read without numpy's per-item cost (about 1 µs an
        # item): a memoryview of the article column gives Python ints, and the article starts (one per
        # article) are a list.
        self._article_at = self._article_of.data
        self._first: list[int] = first.tolist()
        self._by_id = {doc_id: i for i, doc_id in enumerate(self.articles.ids())}
        self._terms_sorted: list[str] | None = None
        self._terms: dict[int, frozenset[str]] = {}
        self._title_terms: dict[int, frozenset[str]] = {}  # by article
        self._mask_of: dict[int, tuple[Collection[str], np.ndarray]] = {}  # by id(): see mask()
        self._masks: dict[frozenset[str], np.ndarray] = {}

        # The facts are read from each sentence's tokens, so a facts build keeps them for BM25's (and,
        # for a persisted index, the terms saved for answers, found in the same pass).
        kept: list[TokenIds] = []
        self._kept_terms: EncodedTerms | None = None

        def refuse(what: str) -> None:  # a load-only read builds nothing (see CoverageService.index)
            if load_only:
                raise NeedsWriter(f"{index_dir}: the saved {what} must be rebuilt")

        def build() -> SparseBM25:
            refuse("BM25 index")
            tokens = kept.pop() if kept else _tokenized(self.articles, self.tokenizer, config)
            return SparseBM25(tokens, config.retrieval)

        side: list[Callable[[], bool]] = []  # the rest of a persisted index, saved beside the facts' groups

        def build_facts() -> CorpusFacts:
            refuse("facts")
            kept.append(TokenIds())
            terms = self._kept_terms = EncodedTerms() if index_dir is not None and fingerprint else None
            # beside the facts' groups when configured (`build.save_beside_grouping`) and not alone here
            alone = terms is None or not (
                config.build.save_beside_grouping and worker_count(config.build.workers) > 1
            )
            after = None if alone else (lambda: side.extend(filter(None, [fork_side(persist)])))
            return CorpusFacts.build(
                self.articles,
                config,
                self.tokenizer,
                kept[-1],
                terms,
                after_read=after,
                after_groups=partial(self._write_terms, index_dir, fingerprint, terms if alone else None),
            )

        def build_terms() -> SentenceTerms:
            refuse("sentence terms")
            return self._build_terms()

        persist = partial(self._persisted, index_dir, fingerprint, build, build_terms, side)

        self._saved_terms: SentenceTerms | None = None  # a persisted index's terms (bot/sentence_terms.py)
        if index_dir is not None and fingerprint is not None:
            self.facts = load_or_build_facts(index_dir / "facts", fingerprint, config, build_facts)
            self.bm25, self._saved_terms = persist()
        else:
            self.facts = build_facts()
            self.bm25 = build()
        kept.clear()
        self._kept_terms, self._terms_written = None, None
        self._vectors_path = index_dir / "vectors.npy" if index_dir is not None and fingerprint else None
        self._vectors_stamp = f"{fingerprint}-{config.semantic.sha256[:12]}-{config.semantic.max_tokens}"
        self._vectors: np.ndarray | None = None
        self._vectors_lock = threading.Lock()
        self._load_only = load_only  # only while loading: a later use may embed
        if self._vectors_path is not None:
            _ = self.vectors  # a persisted index embeds its sentences when it is built
        self._load_only = False

    def _persisted(
        self,
        index_dir: Path | None,
        fingerprint: str | None,
        build: Callable[[], SparseBM25],
        build_terms: Callable[[], SentenceTerms],
        side: Sequence[Callable[[], bool]] = (),
    ) -> tuple[SparseBM25, SentenceTerms]:
        """BM25 and the sentence terms of a persisted index, loaded or built and saved under a stamp of
        `fingerprint` (the corpus) and the tokenizer and its settings. A facts build runs this in a side
        process as soon as every sentence is read (`fork_side`), so both are saved while the facts are
        grouped on the other core; this process then waits for it (`side`) and loads what it saved (or,
        after a failure logged there, builds them itself)."""
        assert index_dir is not None and fingerprint is not None, "only a persisted index is saved"
        for wait in side:
            wait()
        stamp = _fingerprint(fingerprint, self.config)
        bm25 = load_or_build(index_dir / "bm25", stamp, build)
        written = self._terms_written() if self._terms_written is not None else None
        if written is not None:
            return bm25, written
        saved_terms = load_or_build_terms(
            index_dir / "terms",
            stamp,
            build_terms,
            (len(self), len(self.articles)),
            # the facts build's, saved without assembling them in memory (unless written beside it)
            found=self._kept_terms if self._terms_written is None else None,
        )
        return bm25, saved_terms

    def _write_terms(
        self, index_dir: Path | None, fingerprint: str | None, terms: EncodedTerms | None
    ) -> None:
        """Start saving the terms the facts build found (`load_or_save_found`) in a thread beside the rest
        of the build (the facts' last steps, BM25): their write is mostly zlib and file writes, which
        release the GIL, and the build's last fork (the grouping's) is done. `_persisted` waits for it."""
        if terms is None or index_dir is None or fingerprint is None:
            return  # not a persisted index: nothing saved
        stamp, counts = _fingerprint(fingerprint, self.config), (len(self), len(self.articles))
        self._terms_written = in_thread(lambda: load_or_save_found(index_dir / "terms", stamp, terms, counts))

    @property
    def vectors(self) -> np.ndarray | None:
        """Each sentence's unit vector (bot.semantic; float32, float16 on disk), or None when the corpus is
        too large to embed (`semantic.max_sentences`) or semantic matching is off. Saved beside a
        persisted index; an index in memory embeds on first use."""
        if not semantic_enabled(self.config.semantic, len(self)):
            return None
        with self._vectors_lock:
            if self._vectors is None:
                self._vectors = load_or_embed(
                    self._vectors_path,
                    self._vectors_stamp,
                    self._texts_to_embed,
                    self.config.semantic,
                )
            return self._vectors

    def _texts_to_embed(self) -> list[str]:
        if self._load_only:
            raise NeedsWriter(f"{self._vectors_path}: the saved sentence vectors must be rebuilt")
        return list(self.articles.sentence_texts())

    def question_vector(self, text: str) -> np.ndarray | None:
        """The unit vector of a question or topic, or None when the corpus has no vectors; one embedded
        ahead with its batch (`question_vectors`, bot.semantic.questions) when there is one."""
        if self.vectors is None:
            return None
        primed = primed_vector(text)
        return primed if primed is not None else self._encoder().embed_questions([text])[0]

    def question_vectors(self, texts: Sequence[str]) -> dict[str, np.ndarray]:
        """Unit vectors of several questions from one forward pass, by text; empty when the corpus has
        no vectors."""
        unique = list(dict.fromkeys(texts))
        if self.vectors is None or not unique:
            return {}
        return dict(zip(unique, self._encoder().embed_questions(unique), strict=True))

    def _encoder(self) -> Encoder:
        verified_dir = None if self._vectors_path is None else self._vectors_path.parent
        return encoder_for(self.config.semantic, verified_dir)

    def nearest(self, vector: np.ndarray, k: int, *, docs: Collection[str] | None = None) -> list[int]:
        """The positions of the k sentences closest to `vector` by cosine, optionally within some articles."""
        vectors = self.vectors
        if vectors is None or k <= 0:
            return []
        cosines = vectors @ vector.astype(np.float32)
        if docs is not None:
            cosines = np.where(self.mask(docs), cosines, -np.inf)
        k = min(k, len(cosines))
        top = np.argpartition(-cosines, k - 1)[:k]
        top = top[np.isfinite(cosines[top])]
        return [int(i) for i in top[np.argsort(-cosines[top], kind="stable")]]

    def hits_at(self, tokens: Sequence[str], positions: Sequence[int]) -> list[SearchHit]:
        """SearchHits for given positions, each with its BM25 score for `tokens` (0 when it has none)."""
        wanted = np.zeros(len(self), dtype=bool)
        wanted[list(positions)] = True
        scores = {
            h.index: float(h.score) for h in self.bm25.search(list(tokens), len(positions), allowed=wanted)
        }
        return [SearchHit(p, *self.locate(p), scores.get(p, 0.0)) for p in positions]

    def __len__(self) -> int:
        return self._first[-1]

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
        a = self._article_at[position]
        article = self.articles.article(a)
        return article, article.sentences[position - self._first[a]]

    def neighbour(self, position: int, offset: int) -> Sentence | None:
        """The sentence `offset` places away in the same article, or None past its edges."""
        a = self._article_at[position]
        target, first = position + offset, self._first[a]
        if target < first or target >= self._first[a + 1]:
            return None
        return self.articles.article(a).sentences[target - first]

    def mask(self, doc_ids: Collection[str]) -> np.ndarray:
        """A boolean mask over sentences that keeps those of the given articles (the last few cached:
        a scoped conversation asks about the same articles again and again). The very same collection
        again (a scope's, kept by its table) is found by identity, without hashing thousands of ids."""
        same = self._mask_of.get(id(doc_ids))
        if same is not None and same[0] is doc_ids:
            return same[1]
        key = frozenset(doc_ids)
        cached = self._masks.get(key)
        if cached is None:
            keep = np.zeros(len(self.articles), dtype=bool)
            keep[[self._by_id[d] for d in key if d in self._by_id]] = True
            cached = np.repeat(keep, self._counts)  # as keep[self._article_of], without the gather
            _bounded_put(self._masks, key, cached)
        _bounded_put(self._mask_of, id(doc_ids), (doc_ids, cached))
        return cached

    def terms(self, position: int) -> frozenset[str]:
        """A sentence's names and words (Tokenizer.names_and_words): read from a persisted index's saved
        terms, else computed; cached either way, since sentences never change."""
        cached = self._terms.get(position)
        if cached is None:
            if len(self._terms) >= _CACHE_LIMIT:
                self._terms.clear()
            if self._saved_terms is not None:
                cached = self._saved_terms.of(position)
            else:
                cached = frozenset(self.tokenizer.names_and_words(self.locate(position)[1].text))
            self._terms[position] = cached
        return cached

    def article_has(self, position: int, words: frozenset[str]) -> bool:
        """True when one of `words` is a name or word (as `terms` gives them) of the article the
        sentence at `position` is in, its headline included. Read from the saved terms in one pass over
        the article when the index has them; nothing is kept, so it costs no memory as questions come."""
        if words & self.title_terms(position):
            return True
        first, end = self.article_span(position)
        if self._saved_terms is not None:
            return self._saved_terms.span_has(first, end, words)
        return any(words & self.terms(p) for p in range(first, end))

    def article_span(self, position: int) -> tuple[int, int]:
        """The positions of the first sentence of the article the sentence at `position` is in, and of
        the first past it."""
        a = self._article_at[position]
        return int(self._first[a]), int(self._first[a + 1])

    def article_number(self, position: int) -> int:
        """The number of the article the sentence at `position` is in (its place in `articles`)."""
        return int(self._article_at[position])

    def title_terms(self, position: int) -> frozenset[str]:
        """The names and words of the headline of the article a sentence is in (none without one)."""
        a = self._article_at[position]
        cached = self._title_terms.get(a)
        if cached is None:
            if self._saved_terms is not None:
                cached = self._saved_terms.title_of(a)
            else:
                title = self.articles.article(a).title
                cached = frozenset(self.tokenizer.names_and_words(title)) if title else frozenset()
            self._title_terms[a] = cached  # at most one per article
        return cached

    def _build_terms(self) -> SentenceTerms:
        if self._kept_terms is not None:  # found by the facts build
            return self._kept_terms.terms()
        titles = (self.articles.article(a).title for a in range(len(self.articles)))
        return SentenceTerms.build(self.tokenizer, self.articles.sentence_texts(), titles)

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


def _tokenized(articles: ArticleTable, tokenizer: Tokenizer, config: Config) -> list[Sequence[str]]:
    """Every sentence's tokens, in order, tokenised article by article on every core (bot/forkpool.py)."""
    workers = worker_count(config.build.workers)
    jobs = chunks(len(articles), config.build.chunk_articles, workers=workers)
    tokens: list[Sequence[str]] = []
    for part in fork_map(_tokenize_chunk, (articles, tokenizer), jobs, workers):
        tokens.extend(part)
    return tokens


def _tokenize_chunk(state: tuple[ArticleTable, Tokenizer], job: range) -> list[list[str]]:
    articles, tokenizer = state
    return [tokenizer.tokenize(s.text) for a in job for s in articles.article_once(a).sentences]


def _bounded_put(table: dict[Any, Any], key: Any, value: Any) -> None:
    """table[key] = value, dropping the oldest entry past _MASKS_KEPT (locked: answers run in a pool)."""
    with _PUT_LOCK:
        if len(table) >= _MASKS_KEPT:
            table.pop(next(iter(table)), None)
        table[key] = value


def _fingerprint(corpus: str, config: Config) -> str:
    """The corpus digest plus the settings that change the index (tokenizer aliases, BM25 parameters)."""
    from bot import tokenizer

    settings = repr((config.retrieval, config.entities, config.synonyms)).encode()
    code = Path(tokenizer.__file__).read_bytes()  # a change to the tokenizer changes every term
    return f"{corpus}-{key_digest(settings + code)[:12]}"
