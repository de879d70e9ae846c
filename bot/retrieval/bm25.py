"""BM25 over tokenised sentences with rank-bm25 0.2.2's exact formulas, stored as term-major postings.

rank-bm25's ``get_scores`` walks every document for every query word (about 1.3 s a question at a million
sentences). Here each term's BM25 contribution to each sentence that contains it is computed once, at build
time, and stored CSC-like: ``term_ptr`` (int64, one slot per term plus one) delimits the term's slice of
``doc_ids`` (int32, ascending) and ``weights`` (float32). A question then costs the postings of its words.

Variants follow rank-bm25 to the letter, oddities included:

* ``okapi``: idf = log(N - n + 0.5) - log(n + 0.5); a negative idf is replaced by epsilon times the mean idf
  over *all* terms (an idf of exactly 0 stays 0).
* ``l``: idf = log(N + 1) - log(n + 0.5); rank-bm25 multiplies the whole term by tf, so a sentence without
  the word gets nothing and there is no per-term constant.
* ``plus``: idf = log((N + 1) / n); every sentence gets idf * delta per query word whether or not it holds
  the word. That constant does not change the ranking; it is added to the scores of the hits so that they
  equal rank-bm25's.

Duplicate query words count once per occurrence and unknown words score nothing, as in rank-bm25.
"""

from __future__ import annotations

import logging
import os
import threading
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from bot.config import RetrievalConfig

__all__ = ["WEIGHT_DTYPE", "Hit", "SparseBM25"]

log = logging.getLogger(__name__)

WEIGHT_DTYPE = np.dtype(np.float32)  # float32 keeps the top-10 of rank-bm25 (see bench/README.md)

FloatArray = npt.NDArray[np.float64]
_WEIGHT_CHUNK = 1 << 21


class Hit(NamedTuple):
    """A sentence that matches a query: its position in the indexed corpus and its BM25 score."""

    index: int  # type: ignore[assignment]  # the name the callers use; shadows tuple.index
    score: float


class _Postings(NamedTuple):
    terms: list[str]  # term id -> term
    term_ptr: npt.NDArray[np.int64]  # len(terms) + 1
    doc_ids: npt.NDArray[np.int32]  # ascending within a term
    tf: npt.NDArray[np.int32]
    doc_len: npt.NDArray[np.int64]


class SparseBM25:
    """A BM25 index over tokenised sentences whose scores are rank-bm25's and whose cost is the postings'."""

    def __init__(
        self,
        corpus: Sequence[Sequence[str]],
        config: RetrievalConfig | None = None,
        *,
        fingerprint: str = "",
    ) -> None:
        """Index `corpus` (one token list per sentence); `fingerprint` names the corpus for persistence."""
        config = config if config is not None else RetrievalConfig()
        _check_config(config)
        postings = _count_postings(corpus)
        n_docs = len(postings.doc_len)
        avgdl = float(postings.doc_len.sum() / n_docs) if n_docs else 0.0
        df = np.diff(postings.term_ptr)
        idf = _idf(config, n_docs, df)
        weights = _all_weights(config, postings, idf, avgdl)
        self._setup(
            config,
            terms=postings.terms,
            term_ptr=postings.term_ptr,
            doc_ids=postings.doc_ids,
            weights=weights,
            idf=idf,
            n_docs=n_docs,
            avgdl=avgdl,
            fingerprint=fingerprint,
        )
        log.info("indexed %d sentences, %d terms, %d postings", n_docs, len(df), len(postings.doc_ids))

    @classmethod
    def from_arrays(
        cls,
        config: RetrievalConfig,
        *,
        terms: list[str],
        term_ptr: npt.NDArray[np.int64],
        doc_ids: npt.NDArray[np.int32],
        weights: npt.NDArray[np.floating],
        idf: FloatArray,
        n_docs: int,
        avgdl: float,
        fingerprint: str = "",
    ) -> SparseBM25:
        """Rebuild an index from its arrays (used when loading a persisted one; no checks here)."""
        self = cls.__new__(cls)
        self._setup(
            config,
            terms=terms,
            term_ptr=term_ptr,
            doc_ids=doc_ids,
            weights=weights,
            idf=idf,
            n_docs=n_docs,
            avgdl=avgdl,
            fingerprint=fingerprint,
        )
        return self

    def _setup(
        self,
        config: RetrievalConfig,
        *,
        terms: list[str],
        term_ptr: npt.NDArray[np.int64],
        doc_ids: npt.NDArray[np.int32],
        weights: npt.NDArray[np.floating],
        idf: FloatArray,
        n_docs: int,
        avgdl: float,
        fingerprint: str,
    ) -> None:
        self.config = config
        self.terms = terms
        self.vocabulary = {t: i for i, t in enumerate(terms)}
        self.term_ptr = term_ptr
        self.doc_ids = doc_ids
        self.weights = weights
        self.idfs = idf
        self.n_docs = n_docs
        self.avgdl = avgdl
        self.fingerprint = fingerprint
        # Reused between searches, so a search costs its postings, not the corpus; the lock: thread safety.
        self._acc = np.zeros(n_docs, dtype=np.float64)
        self._seen = np.zeros(n_docs, dtype=np.bool_)
        self._lock = threading.Lock()
        self._positive = bool(np.all(weights > 0))  # the usual case; allows the faster accumulation

    def __len__(self) -> int:
        return self.n_docs

    def __repr__(self) -> str:
        return (
            f"SparseBM25(variant={self.config.variant!r}, sentences={self.n_docs}, "
            f"terms={len(self.terms)}, postings={len(self.doc_ids)})"
        )

    def save(self, directory: str | os.PathLike[str]) -> None:
        """Write the index to `directory` (.npy arrays and meta.json, no pickle), replacing it atomically."""
        from bot.retrieval.store import save_index

        save_index(self, Path(directory))

    @classmethod
    def load(cls, directory: str | os.PathLike[str], *, mmap: bool = False) -> SparseBM25:
        """Read an index written by `save`; a missing, truncated or inconsistent file raises CorpusError."""
        from bot.retrieval.store import load_index

        return load_index(Path(directory), mmap=mmap)

    def idf(self, term: str) -> float:
        """rank-bm25's idf of `term` (after the Okapi floor); 0.0 for a term not in the corpus."""
        tid = self.vocabulary.get(term)
        return 0.0 if tid is None else float(self.idfs[tid])

    def doc_freq(self, term: str) -> int:
        """How many sentences contain `term`."""
        tid = self.vocabulary.get(term)
        return 0 if tid is None else int(self.term_ptr[tid + 1] - self.term_ptr[tid])

    def search(
        self, tokens: Sequence[str], k: int, *, allowed: npt.NDArray[np.bool_] | None = None
    ) -> list[Hit]:
        """The `k` best sentences holding at least one of `tokens`, best first, ties to the lower index.

        `allowed`, a boolean mask over the sentences, keeps only the sentences it marks (an outlet, an event).
        """
        if k < 0:
            raise ValueError(f"k must not be negative, got {k}")
        query = self._query_terms(tokens)
        if allowed is not None:
            allowed = self._check_mask(allowed)
        if k == 0 or not query:
            return []
        with self._lock:
            candidates, scores = self._accumulate(query)
        if allowed is not None:
            keep = allowed[candidates]
            candidates, scores = candidates[keep], scores[keep]
        scores += self._constant(tokens)
        return _top_k(candidates, scores, k)

    def get_scores(self, tokens: Sequence[str]) -> FloatArray:
        """Dense scores of every sentence, as rank-bm25's ``get_scores`` gives them (tests, comparisons)."""
        scores = np.zeros(self.n_docs, dtype=np.float64)
        for tid, count in self._query_terms(tokens):
            lo, hi = self.term_ptr[tid], self.term_ptr[tid + 1]
            scores[self.doc_ids[lo:hi]] += self.weights[lo:hi] * count
        scores += self._constant(tokens)
        return scores

    def _query_terms(self, tokens: Sequence[str]) -> list[tuple[int, int]]:
        """(term id, occurrences) for the known query terms, the longest postings list first."""
        if isinstance(tokens, str):
            raise TypeError("tokens must be a sequence of terms, not a string (tokenise the question first)")
        counts = Counter(self.vocabulary[t] for t in tokens if t in self.vocabulary)
        return sorted(counts.items(), key=lambda item: self.term_ptr[item[0]] - self.term_ptr[item[0] + 1])

    def _constant(self, tokens: Sequence[str]) -> float:
        """BM25+'s idf * delta per query word, which every sentence receives; 0 for the other variants."""
        if self.config.variant != "plus":
            return 0.0
        return self.config.delta * sum(self.idf(t) for t in tokens)

    def _check_mask(self, allowed: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
        allowed = np.asarray(allowed)
        if allowed.dtype != np.bool_ or allowed.shape != (self.n_docs,):
            raise ValueError(
                f"allowed must be a boolean array of shape ({self.n_docs},), "
                f"got {allowed.dtype} of shape {allowed.shape}"
            )
        return allowed

    def _postings(self, tid: int, count: int) -> tuple[npt.NDArray[np.int32], FloatArray]:
        lo, hi = self.term_ptr[tid], self.term_ptr[tid + 1]
        weights = self.weights[lo:hi].astype(np.float64)
        return self.doc_ids[lo:hi], weights * count if count != 1 else weights

    def _accumulate(self, query: list[tuple[int, int]]) -> tuple[npt.NDArray[np.int32], FloatArray]:
        """The sentences holding a query term and their scores; the caller holds the lock."""
        big_ids, big_scores = self._postings(*query[0])  # the longest postings list
        if len(query) == 1:
            return big_ids, big_scores
        if self._positive:
            return self._accumulate_positive(big_ids, big_scores, query[1:])
        return self._accumulate_marked(big_ids, big_scores, query[1:])

    def _accumulate_positive(
        self, big_ids: npt.NDArray[np.int32], big_scores: FloatArray, rest: list[tuple[int, int]]
    ) -> tuple[npt.NDArray[np.int32], FloatArray]:
        """All weights > 0: a non-zero sum marks a touched sentence, and the longest list is only read.

        The shorter lists are added into the accumulator; the longest then reads its sentences' sums from it.
        """
        acc = self._acc
        firsts: list[npt.NDArray[np.int32]] = []
        for tid, count in rest:
            ids, weights = self._postings(tid, count)
            current = acc[ids]
            firsts.append(ids[current == 0.0])  # sentences met for the first time
            acc[ids] = current + weights
        others = firsts[0] if len(firsts) == 1 else np.concatenate(firsts)
        from_others = acc[big_ids]
        big_scores += from_others
        acc[big_ids[from_others != 0.0]] = 0.0  # done: they are among the longest list's sentences
        other_scores = acc[others]
        acc[others] = 0.0
        keep = other_scores != 0.0
        return np.concatenate((big_ids, others[keep])), np.concatenate((big_scores, other_scores[keep]))

    def _accumulate_marked(
        self, big_ids: npt.NDArray[np.int32], big_scores: FloatArray, rest: list[tuple[int, int]]
    ) -> tuple[npt.NDArray[np.int32], FloatArray]:
        """Any weights (zero or negative ones too): a separate mask records the touched sentences."""
        acc, seen = self._acc, self._seen
        acc[big_ids] = big_scores
        seen[big_ids] = True
        parts = [big_ids]
        for tid, count in rest:
            ids, weights = self._postings(tid, count)
            fresh = ids[~seen[ids]]
            seen[fresh] = True
            parts.append(fresh)
            acc[ids] += weights
        candidates = np.concatenate(parts)
        scores = acc[candidates]
        acc[candidates] = 0.0
        seen[candidates] = False
        return candidates, scores


def _top_k(candidates: npt.NDArray[np.int32], scores: FloatArray, k: int) -> list[Hit]:
    """The k best (score descending, index ascending) without sorting every candidate."""
    if len(candidates) > k:
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]  # the k-th best score
        keep = scores >= kth  # every tie at the boundary, so the lower indices can win
        candidates, scores = candidates[keep], scores[keep]
    order = np.lexsort((candidates, -scores))[:k]
    return [Hit(int(i), float(s)) for i, s in zip(candidates[order], scores[order], strict=True)]


def _check_config(config: RetrievalConfig) -> None:
    if config.variant not in ("okapi", "plus", "l"):
        raise ValueError(f"unknown BM25 variant {config.variant!r} (expected okapi, plus or l)")


def _count_postings(corpus: Sequence[Sequence[str]]) -> _Postings:
    """Term ids by first appearance and the (term, sentence, tf) triples sorted by term then sentence.

    Memory is kept to about 30 bytes a token: one int64 key per token, term * N + sentence, sorted in place.
    """
    n_docs = len(corpus)
    doc_len = np.fromiter((len(doc) for doc in corpus), dtype=np.int64, count=n_docs)
    vocab: dict[str, int] = {}
    add = vocab.setdefault
    total = int(doc_len.sum())
    width = max(n_docs, 1)
    keys = np.fromiter((add(tok, len(vocab)) for doc in corpus for tok in doc), dtype=np.int64, count=total)
    keys *= width
    keys += np.repeat(np.arange(n_docs, dtype=np.int64), doc_len)
    keys.sort()
    first = np.ones(total, dtype=np.bool_)
    np.not_equal(keys[1:], keys[:-1], out=first[1:])
    starts = np.flatnonzero(first)
    del first
    tf = np.empty(len(starts), dtype=np.int32)
    np.subtract(starts[1:], starts[:-1], out=tf[:-1], casting="unsafe")
    tf[-1:] = total - starts[-1:]
    unique = keys[starts]
    del keys, starts
    term_ptr = np.searchsorted(unique, np.arange(len(vocab) + 1, dtype=np.int64) * width).astype(np.int64)
    np.remainder(unique, width, out=unique)
    return _Postings(list(vocab), term_ptr, unique.astype(np.int32), tf, doc_len)


def _all_weights(
    config: RetrievalConfig, postings: _Postings, idf: FloatArray, avgdl: float
) -> npt.NDArray[Any]:
    """Every posting's weight, computed a slice at a time so the float64 temporaries stay small."""
    n = len(postings.doc_ids)
    weights = np.empty(n, dtype=WEIGHT_DTYPE)
    for lo in range(0, n, _WEIGHT_CHUNK):
        hi = min(lo + _WEIGHT_CHUNK, n)
        term_of = np.searchsorted(postings.term_ptr, np.arange(lo, hi), side="right") - 1
        dl = postings.doc_len[postings.doc_ids[lo:hi]]
        weights[lo:hi] = _weights(config, postings.tf[lo:hi], dl, avgdl, idf[term_of])
    return weights


def _idf(config: RetrievalConfig, n_docs: int, df: npt.NDArray[np.int64]) -> FloatArray:
    """rank-bm25's idf for each term, given its document frequency."""
    n, dfs = float(n_docs), df.astype(np.float64)
    if config.variant == "okapi":
        idf = np.log(n - dfs + 0.5) - np.log(dfs + 0.5)
        if len(idf):
            # rank-bm25 floors only the negative idfs, at epsilon times the mean idf of all terms.
            idf[idf < 0] = config.epsilon * float(idf.mean())
        return idf
    if config.variant == "l":
        return np.log(n + 1) - np.log(dfs + 0.5)
    return np.log((n + 1) / dfs)


def _weights(
    config: RetrievalConfig,
    tf: npt.NDArray[np.int32],
    dl: npt.NDArray[np.int64],
    avgdl: float,
    idf: FloatArray,
) -> FloatArray:
    """Each posting's contribution, in rank-bm25's order of operations (BM25+'s idf * delta left out)."""
    k1, b, delta = config.k1, config.b, config.delta
    f = tf.astype(np.float64)
    norm = 1 - b + b * dl / avgdl if len(dl) else np.zeros(0)
    if config.variant == "okapi":
        return idf * (f * (k1 + 1) / (f + k1 * norm))
    if config.variant == "l":
        ctd = f / norm
        return idf * f * (k1 + 1) * (ctd + delta) / (k1 + ctd + delta)
    return idf * ((f * (k1 + 1)) / (k1 * norm + f))
