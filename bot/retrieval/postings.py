"""A corpus's postings: every (term, sentence, term frequency) triple, by term then sentence.

The BM25 index (bot/retrieval/bm25.py) builds its lists and weights from them. They come from the tokens'
term ids by a counting sort in C when bot/_wordscan is built, else by a sort in numpy, which defines them:
the same arrays (tests/test_postings_count.py).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

__all__ = ["Postings", "count_postings", "postings_of_ids"]

try:  # the postings' counting sort (bot/_wordscan_build.c), optional like the other extensions
    from bot._wordscan import postings as _COUNT  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # pragma: no cover - depends on the install
    _COUNT = None


class Postings(NamedTuple):
    """Term ids, each term's slice of the sentence ids and term frequencies, and each sentence's length."""

    terms: list[str]  # term id -> term
    term_ptr: npt.NDArray[np.int64]  # len(terms) + 1
    doc_ids: npt.NDArray[np.int32]  # ascending within a term
    tf: npt.NDArray[np.int32]
    doc_len: npt.NDArray[np.int64]


def count_postings(corpus: Sequence[Sequence[str]]) -> Postings:
    """Term ids by first appearance and the (term, sentence, tf) triples sorted by term then sentence."""
    n_docs = len(corpus)
    doc_len = np.fromiter((len(doc) for doc in corpus), dtype=np.int64, count=n_docs)
    vocab: dict[str, int] = {}
    add = vocab.setdefault
    total = int(doc_len.sum())
    keys = np.fromiter((add(tok, len(vocab)) for doc in corpus for tok in doc), dtype=np.int64, count=total)
    return postings_of_ids(list(vocab), [keys], doc_len)


def postings_of_ids(
    terms: list[str],
    pieces: list[npt.NDArray[np.signedinteger[Any]]],
    doc_len: npt.NDArray[np.int64],
    *,
    kernel: bool = True,
) -> Postings:
    """`count_postings` from every token's term id (numbered by first appearance), sentence after
    sentence, in consecutive `pieces` (emptied here, so they are freed as soon as they are copied), and
    each sentence's length. By a counting sort when bot/_wordscan is built (`_counted_postings`), else by
    `_sorted_postings`, which defines it: the same arrays (tests/test_postings_count.py)."""
    if kernel and _COUNT is not None:
        return _counted_postings(terms, pieces, doc_len, _COUNT)
    return _sorted_postings(terms, pieces, doc_len)


def _counted_postings(
    terms: list[str],
    pieces: list[npt.NDArray[np.signedinteger[Any]]],
    doc_len: npt.NDArray[np.int64],
    count: Any,
) -> Postings:
    """`_sorted_postings` without the sort: the tokens' sentences grouped by term in one counting pass (they
    come sentence after sentence, so each term's are ascending), then a term's repeats in a sentence
    counted. About 13 bytes a token (int32 term ids and sentences), a second less at a million sentences."""
    total = sum(len(piece) for piece in pieces)
    ids = np.empty(total, dtype=np.int32)
    if pieces:
        np.concatenate(pieces, out=ids, casting="same_kind")
    pieces.clear()
    ptr = np.zeros(len(doc_len) + 1, dtype=np.int64)
    np.cumsum(doc_len, out=ptr[1:])
    bounds, docs = np.empty(len(terms) + 1, dtype=np.int64), np.empty(total, dtype=np.int32)
    count(ptr, ids, bounds, docs)
    del ids
    first = np.ones(total, dtype=np.bool_)  # a (term, sentence)'s first token: a new sentence or a new term
    np.not_equal(docs[1:], docs[:-1], out=first[1:])
    first[bounds[:-1][bounds[:-1] < total]] = True
    starts = np.flatnonzero(first)
    del first
    tf = np.empty(len(starts), dtype=np.int32)
    np.subtract(starts[1:], starts[:-1], out=tf[:-1], casting="unsafe")
    tf[-1:] = total - starts[-1:]
    term_ptr = np.searchsorted(starts, bounds).astype(np.int64)
    return Postings(terms, term_ptr, docs[starts], tf, doc_len)


def _sorted_postings(
    terms: list[str],
    pieces: list[npt.NDArray[np.signedinteger[Any]]],
    doc_len: npt.NDArray[np.int64],
) -> Postings:
    """`postings_of_ids` by a sort. Memory is kept to about 30 bytes a token: one int64 key per token,
    term * N + sentence, sorted in place (the sentence numbers added as int32: no second int64 array of
    every token)."""
    n_docs = len(doc_len)
    total = sum(len(piece) for piece in pieces)
    keys = np.empty(total, dtype=np.int64)
    if pieces:
        np.concatenate(pieces, out=keys)  # widened as copied
    pieces.clear()
    width = max(n_docs, 1)
    keys *= width
    keys += np.repeat(np.arange(n_docs, dtype=np.int32), doc_len)
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
    term_ptr = np.searchsorted(unique, np.arange(len(terms) + 1, dtype=np.int64) * width).astype(np.int64)
    np.remainder(unique, width, out=unique)
    return Postings(terms, term_ptr, unique.astype(np.int32), tf, doc_len)
