"""Exact top-k of a question's BM25 postings: block-max MaxScore in C, or an exhaustive numpy path.

Both paths return rank-bm25's scores to the bit and the same order: score descending, ties to the lower
sentence index. A score is the sum, in the question's token order, of each token's contribution (its
posting's weight, or the term's `absent` value for a sentence without it), which is how rank-bm25's
``get_scores`` adds its per-token arrays, so no reordering of floating-point additions can split a tie or
make one.

The pruned path (``bot/retrieval/_topk.c``) visits the sentences of the question's lists in ascending order
and keeps the k best in a heap. Once the heap is full its k-th score is a threshold: lists whose largest
weights together cannot lift a sentence above it become non-essential and are only probed for sentences
the others bring (MaxScore), and a run of sentences whose current blocks' largest weights (per BLOCK
postings) cannot reach the threshold is skipped whole (block-max). Bounds decide only what is skipped;
they carry a relative margin of 1e-9, so rounding never prunes a sentence that belongs in the top k.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import NamedTuple

import numpy as np
import numpy.typing as npt

__all__ = [
    "BLOCK",
    "HAVE_KERNEL",
    "Blocks",
    "QueryPlan",
    "Scratch",
    "block_maxima",
    "exhaustive_top_k",
    "pruned_top_k",
]

log = logging.getLogger(__name__)

BLOCK = 64  # postings per block-max block: small blocks bound tightly; their maxima cost 1/8 of the weights
# Term at a time: once this few sentences are still in the running, sort them and look them up in the
# unread lists rather than reading the lists through (sorting more costs more than reading).
SORT_LIMIT = 8192

try:  # built by `pip install -e .` (optional: without a compiler the numpy path serves)
    from bot.retrieval import _topk  # type: ignore[attr-defined]

    HAVE_KERNEL = True
except ImportError:  # pragma: no cover - depends on the install
    _topk = None
    HAVE_KERNEL = False

IntArray = npt.NDArray[np.int64]
FloatArray = npt.NDArray[np.float64]
_NO_SCRATCH = (np.zeros(0, dtype=np.float32), np.zeros(0, dtype=np.int32))


class Blocks(NamedTuple):
    """Per-term block maxima: term t's blocks are block_max[block_ptr[t]:block_ptr[t + 1]]."""

    block_ptr: IntArray
    block_max: FloatArray
    term_max: FloatArray


class QueryPlan(NamedTuple):
    """A question as the kernels take it: its distinct terms and its tokens as indices into them."""

    terms: IntArray  # term ids, distinct, in order of first occurrence
    counts: npt.NDArray[np.int32]  # occurrences of each
    absent: FloatArray  # what each adds to a sentence that lacks it
    seq: npt.NDArray[np.int32]  # the known tokens in question order, as indices into `terms`


class Scratch(NamedTuple):
    """One thread's buffers for the term-at-a-time path (zero between searches)."""

    acc: npt.NDArray[np.float32]  # partial sums, one per sentence (bounds only: float32 is enough)
    touched: npt.NDArray[np.int32]  # the sentences with a sum, in the order first met

    @classmethod
    def for_sentences(cls, n_docs: int) -> Scratch:
        # np.full, not np.zeros: touch every page now, not during the first question
        acc = np.full(n_docs, 0.0, dtype=np.float32)
        return cls(acc, np.full(n_docs, 0, dtype=np.int32))


class Result(NamedTuple):
    ids: npt.NDArray[np.int32]
    scores: FloatArray
    postings_read: int


def block_maxima(term_ptr: IntArray, weights: FloatArray) -> Blocks:
    """The largest weight of every BLOCK postings of each term, and of each term."""
    df = np.diff(term_ptr)
    n_blocks = (df + BLOCK - 1) // BLOCK
    block_ptr = np.zeros(len(df) + 1, dtype=np.int64)
    np.cumsum(n_blocks, out=block_ptr[1:])
    total = int(block_ptr[-1])
    if total == 0:
        return Blocks(block_ptr, np.zeros(0), np.zeros(len(df)))
    within = np.arange(total, dtype=np.int64) - np.repeat(block_ptr[:-1], n_blocks)
    starts = np.repeat(term_ptr[:-1], n_blocks) + within * BLOCK
    block_max = np.maximum.reduceat(weights, starts).astype(np.float64)
    term_max = np.zeros(len(df), dtype=np.float64)
    has = n_blocks > 0
    term_max[has] = np.maximum.reduceat(block_max, block_ptr[:-1][has])
    return Blocks(block_ptr, block_max, term_max)


def pruned_top_k(
    plan: QueryPlan,
    k: int,
    term_ptr: IntArray,
    doc_ids: npt.NDArray[np.int32],
    weights: FloatArray,
    *,
    blocks: Blocks,
    allowed: npt.NDArray[np.bool_] | None,
    scratch: Scratch | None = None,
) -> Result:
    """The k best sentences through the C kernel (HAVE_KERNEL must be true; weights must be >= 0).

    With `scratch`, lists are read term at a time (many-word questions); without, document at a time."""
    assert _topk is not None
    terms = plan.terms
    out_ids = np.empty(k, dtype=np.int32)
    out_scores = np.empty(k, dtype=np.float64)
    stats = np.zeros(2, dtype=np.int64)
    mask = np.empty(0, dtype=np.uint8) if allowed is None else allowed.view(np.uint8)
    n = _topk.topk(
        doc_ids,
        weights,
        np.ascontiguousarray(term_ptr[terms]),
        np.ascontiguousarray(term_ptr[terms + 1]),
        np.ascontiguousarray(blocks.block_ptr[terms]),
        blocks.block_max,
        np.ascontiguousarray(blocks.term_max[terms]),
        plan.absent,
        plan.counts,
        plan.seq,
        mask,
        k,
        BLOCK,
        out_ids,
        out_scores,
        stats,
        scratch is not None,
        *(scratch if scratch is not None else _NO_SCRATCH),
        SORT_LIMIT,
    )
    return Result(out_ids[:n], out_scores[:n], int(stats[0]))


def exhaustive_top_k(
    plan: QueryPlan,
    k: int,
    term_ptr: IntArray,
    doc_ids: npt.NDArray[np.int32],
    weights: FloatArray,
    *,
    allowed: npt.NDArray[np.bool_] | None,
    n_docs: int,
) -> Result:
    """The k best sentences by scoring every sentence that holds a question term (any weights)."""
    slices = [(int(term_ptr[t]), int(term_ptr[t + 1])) for t in plan.terms]
    seen = np.zeros(n_docs, dtype=np.bool_)
    for lo, hi in slices:
        seen[doc_ids[lo:hi]] = True
    if allowed is not None:
        seen &= allowed
    candidates = np.flatnonzero(seen).astype(np.int32)
    if not plan.absent.any():  # Okapi, L: adding each token's postings in question order is rank-bm25's sum
        acc = np.zeros(n_docs, dtype=np.float64)
        for i in plan.seq:
            lo, hi = slices[i]
            acc[doc_ids[lo:hi]] += weights[lo:hi]
        scores = acc[candidates]
    else:
        scores = _sum_with_absent(plan, slices, candidates, doc_ids, weights)
    return Result(*_best(candidates, scores, k), sum(hi - lo for lo, hi in slices))


def _sum_with_absent(
    plan: QueryPlan,
    slices: list[tuple[int, int]],
    candidates: npt.NDArray[np.int32],
    doc_ids: npt.NDArray[np.int32],
    weights: FloatArray,
) -> FloatArray:
    """BM25+: each token adds its weight or, to a sentence without it, its `absent` value, in order."""
    columns = []
    for (lo, hi), absent in zip(slices, plan.absent, strict=True):
        column = np.full(len(candidates), absent, dtype=np.float64)
        ids = doc_ids[lo:hi]
        at = np.searchsorted(candidates, ids)
        found = at < len(candidates)
        found[found] = candidates[at[found]] == ids[found]
        column[at[found]] = weights[lo:hi][found]
        columns.append(column)
    scores = np.zeros(len(candidates), dtype=np.float64)
    for i in plan.seq:  # in the question's order, as rank-bm25 adds them
        scores += columns[i]
    return scores


def _best(
    candidates: npt.NDArray[np.int32], scores: FloatArray, k: int
) -> tuple[npt.NDArray[np.int32], FloatArray]:
    """The k best (score descending, index ascending) without sorting every candidate."""
    if len(candidates) > k:
        kth = np.partition(scores, len(scores) - k)[len(scores) - k]
        keep = scores >= kth  # every tie at the boundary, so the lower indices can win
        candidates, scores = candidates[keep], scores[keep]
    order = np.lexsort((candidates, -scores))[:k]
    return candidates[order], scores[order]


def plan_query(token_ids: Sequence[int], absent_of: FloatArray) -> QueryPlan:
    """The plan for a question given its known tokens' term ids in question order."""
    distinct: dict[int, int] = {}
    seq = [distinct.setdefault(t, len(distinct)) for t in token_ids]
    terms = np.fromiter(distinct, dtype=np.int64, count=len(distinct))
    counts = np.bincount(np.asarray(seq, dtype=np.int64), minlength=len(distinct)).astype(np.int32)
    return QueryPlan(terms, counts, np.ascontiguousarray(absent_of[terms]), np.asarray(seq, dtype=np.int32))
