"""BM25 over tokenised sentences with rank-bm25 0.2.2's exact scores, stored as term-major postings.

rank-bm25's ``get_scores`` walks every document for every query word (about 1.3 s a question at a million
sentences). Here each term's BM25 contribution to each sentence that contains it is computed once, at build
time, and stored CSC-like: ``term_ptr`` (int64, one slot per term plus one) delimits the term's slice of
``doc_ids`` (int32, ascending) and ``weights`` (float64). A question then costs at most the postings of its
words, and usually far fewer: `search` prunes what cannot reach the top k (bot/retrieval/topk.py).

Scores are rank-bm25's to the bit, not merely close: the weights are float64 and computed with rank-bm25's
operations in its order, the idfs with ``math.log`` and its sequential mean, and a sentence's score is summed
in the question's token order as ``get_scores`` sums it. Variants follow rank-bm25 to the letter:

* ``okapi``: idf = log(N - n + 0.5) - log(n + 0.5); a negative idf is replaced by epsilon times the mean idf
  over *all* terms (an idf of exactly 0 stays 0).
* ``l``: idf = log(N + 1) - log(n + 0.5); rank-bm25 multiplies the whole term by tf, so a sentence without
  the word gets nothing.
* ``plus``: idf = log((N + 1) / n); a posting's weight is idf * (delta + ...), and a sentence without the
  word still gets idf * delta from it (the term's `absent` value), which the sums include in their place.

Duplicate query words count once per occurrence and unknown words score nothing, as in rank-bm25. Only
sentences holding at least one query word are hits.
"""

from __future__ import annotations

import logging
import math
import os
import threading
from collections.abc import Sequence
from pathlib import Path
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from bot.config import RetrievalConfig
from bot.retrieval.postings import Postings, count_postings, postings_of_ids
from bot.retrieval.token_ids import TokenIds
from bot.retrieval.topk import (
    HAVE_KERNEL,
    Blocks,
    Scratch,
    block_maxima,
    exhaustive_top_k,
    plan_query,
    pruned_top_k,
)

__all__ = ["WEIGHT_DTYPE", "Hit", "SparseBM25"]

log = logging.getLogger(__name__)

WEIGHT_DTYPE = np.dtype(np.float64)  # rank-bm25 scores in float64; float32 would split and make ties

FloatArray = npt.NDArray[np.float64]
_WEIGHT_CHUNK = 1 << 21
# Questions of this many distinct known words or more read their lists term at a time (see topk.py). A speed
# switch only: both ways give the same hits; chosen by bench.retrieval (see bench/README.md).
BY_TERM_FROM = 3


class Hit(NamedTuple):
    """A sentence that matches a query: its position in the indexed corpus and its BM25 score."""

    index: int  # type: ignore[assignment]  # the name the callers use; shadows tuple.index
    score: float


class SparseBM25:
    """A BM25 index over tokenised sentences whose scores are rank-bm25's and whose cost is the postings'."""

    def __init__(
        self,
        corpus: Sequence[Sequence[str]] | TokenIds,
        config: RetrievalConfig | None = None,
        *,
        fingerprint: str = "",
    ) -> None:
        """Index `corpus` (one token list per sentence, or their numbers: bot/retrieval/token_ids.py);
        `fingerprint` names the corpus for persistence."""
        config = config if config is not None else RetrievalConfig()
        _check_config(config)
        postings = postings_of_ids(*corpus.take()) if isinstance(corpus, TokenIds) else count_postings(corpus)
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
            blocks=block_maxima(postings.term_ptr, weights),
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
        weights: FloatArray,
        idf: FloatArray,
        n_docs: int,
        avgdl: float,
        fingerprint: str = "",
        blocks: Blocks | None = None,
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
            blocks=blocks if blocks is not None else block_maxima(term_ptr, weights),
        )
        return self

    def _setup(
        self,
        config: RetrievalConfig,
        *,
        terms: list[str],
        term_ptr: npt.NDArray[np.int64],
        doc_ids: npt.NDArray[np.int32],
        weights: FloatArray,
        idf: FloatArray,
        n_docs: int,
        avgdl: float,
        fingerprint: str,
        blocks: Blocks,
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
        self.blocks = blocks
        # What a term adds to a sentence without it: BM25+'s idf * delta, nothing in the other variants.
        self.absent = idf * config.delta if config.variant == "plus" else np.zeros(len(terms))
        # The pruned kernel's bounds assume no negative weight (an Okapi idf floored below zero); its
        # term-at-a-time walk marks a sentence by its first non-zero sum, so wants every weight > 0 and
        # nothing added for an absent word (not BM25+).
        lowest = float(blocks.block_max.min()) if len(blocks.block_max) else 1.0
        self.prunable = HAVE_KERNEL and lowest >= 0
        self.by_term_ok = self.prunable and lowest > 0 and config.variant != "plus"
        self.last_postings_read = 0  # postings the last search read (benchmarks report it)
        self._local = threading.local()  # each thread's term-at-a-time buffers

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
    def load(cls, directory: str | os.PathLike[str], *, mmap: bool = True) -> SparseBM25:
        """Read an index written by `save`; a missing, corrupt or inconsistent file raises CorpusError."""
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

    def postings(self, tokens: Sequence[str]) -> int:
        """How many postings an exhaustive search of `tokens` reads (each distinct known term's list)."""
        return sum(self.doc_freq(t) for t in dict.fromkeys(tokens))

    def search(
        self,
        tokens: Sequence[str],
        k: int,
        *,
        allowed: npt.NDArray[np.bool_] | None = None,
        exhaustive: bool = False,
        by_term: bool | None = None,
    ) -> list[Hit]:
        """The `k` best sentences holding at least one of `tokens`, best first, ties to the lower index.

        `allowed`, a boolean mask over the sentences, keeps only the sentences it marks (an outlet, an event).
        `exhaustive` scores every candidate instead of pruning, and `by_term` forces the pruned kernel's
        term-at-a-time (True) or document-at-a-time (False) walk: the same hits; for tests and benchmarks.
        """
        if k < 0:
            raise ValueError(f"k must not be negative, got {k}")
        token_ids = self._token_ids(tokens)
        if allowed is not None:
            allowed = self._check_mask(allowed)
        if k == 0 or not token_ids:
            return []
        plan = plan_query(token_ids, self.absent)
        postings = (self.term_ptr, self.doc_ids, self.weights)
        if self.prunable and not exhaustive:
            if by_term is None:
                by_term = len(plan.terms) >= BY_TERM_FROM
            scratch = self._scratch() if by_term and self.by_term_ok else None
            result = pruned_top_k(plan, k, *postings, blocks=self.blocks, allowed=allowed, scratch=scratch)
        else:
            result = exhaustive_top_k(plan, k, *postings, allowed=allowed, n_docs=self.n_docs)
        self.last_postings_read = result.postings_read
        # tolist: Python ints and floats of the same values, without a numpy scalar a hit
        return [Hit(i, s) for i, s in zip(result.ids.tolist(), result.scores.tolist(), strict=True)]

    def get_scores(self, tokens: Sequence[str]) -> FloatArray:
        """Dense scores of every sentence, equal to rank-bm25's ``get_scores`` (tests, comparisons)."""
        scores = np.zeros(self.n_docs, dtype=np.float64)
        for tid in self._token_ids(tokens):
            lo, hi = self.term_ptr[tid], self.term_ptr[tid + 1]
            column = np.full(self.n_docs, self.absent[tid], dtype=np.float64)
            column[self.doc_ids[lo:hi]] = self.weights[lo:hi]
            scores += column
        return scores

    def _scratch(self) -> Scratch:
        scratch: Scratch | None = getattr(self._local, "scratch", None)
        if scratch is None:
            scratch = self._local.scratch = Scratch.for_sentences(self.n_docs)
        return scratch

    def _token_ids(self, tokens: Sequence[str]) -> list[int]:
        """The term ids of the known tokens, in the question's order (duplicates kept)."""
        if isinstance(tokens, str):
            raise TypeError("tokens must be a sequence of terms, not a string (tokenise the question first)")
        vocabulary = self.vocabulary
        return [vocabulary[t] for t in tokens if t in vocabulary]

    def _check_mask(self, allowed: npt.NDArray[np.bool_]) -> npt.NDArray[np.bool_]:
        allowed = np.asarray(allowed)
        if allowed.dtype != np.bool_ or allowed.shape != (self.n_docs,):
            raise ValueError(
                f"allowed must be a boolean array of shape ({self.n_docs},), "
                f"got {allowed.dtype} of shape {allowed.shape}"
            )
        return np.ascontiguousarray(allowed)


def _check_config(config: RetrievalConfig) -> None:
    if config.variant not in ("okapi", "plus", "l"):
        raise ValueError(f"unknown BM25 variant {config.variant!r} (expected okapi, plus or l)")


def _all_weights(
    config: RetrievalConfig, postings: Postings, idf: FloatArray, avgdl: float
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
    """rank-bm25's idf for each term, given its document frequency: ``math.log`` (numpy's log may differ in
    the last bit) once per distinct frequency, and Okapi's mean summed term by term as rank-bm25 sums it."""
    values, where = np.unique(df, return_inverse=True)
    n = n_docs
    if config.variant == "okapi":
        logs = [math.log(n - int(v) + 0.5) - math.log(int(v) + 0.5) for v in values]
    elif config.variant == "l":
        logs = [math.log(n + 1) - math.log(int(v) + 0.5) for v in values]
    else:
        logs = [math.log((n + 1) / int(v)) for v in values]
    idf = np.asarray(logs, dtype=np.float64)[where.reshape(-1)] if len(df) else np.zeros(0)
    if config.variant == "okapi" and len(idf):
        total = 0.0
        for value in idf.tolist():  # sequentially, in first-appearance order, as rank-bm25 does
            total += value
        # rank-bm25 floors only the negative idfs, at epsilon times the mean idf of all terms.
        idf[idf < 0] = config.epsilon * (total / len(idf))
    return idf


def _weights(
    config: RetrievalConfig,
    tf: npt.NDArray[np.int32],
    dl: npt.NDArray[np.int64],
    avgdl: float,
    idf: FloatArray,
) -> FloatArray:
    """Each posting's contribution, with rank-bm25's operations in its order."""
    k1, b, delta = config.k1, config.b, config.delta
    f = tf.astype(np.float64)
    norm = 1 - b + b * dl / avgdl if len(dl) else np.zeros(0)
    if config.variant == "okapi":
        return idf * (f * (k1 + 1) / (f + k1 * norm))
    if config.variant == "l":
        ctd = f / norm
        return idf * f * (k1 + 1) * (ctd + delta) / (k1 + ctd + delta)
    return idf * (delta + (f * (k1 + 1)) / (k1 * norm + f))
