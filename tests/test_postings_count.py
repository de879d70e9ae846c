"""The postings' counting sort (bot/_wordscan_build.c's `postings`) gives the arrays their sorting
definitions give: the same-statement grouping's word postings (`_word_statements`) and BM25's postings
(`postings_of_ids`), on random tables, empty and one-row ones, unused terms and both integer widths."""

from __future__ import annotations

import numpy as np
import pytest

from bot.facts import grouping
from bot.retrieval import postings


def _table(rng: np.random.Generator, rows: int, words: int) -> tuple[np.ndarray, np.ndarray]:
    sizes = rng.integers(0, 12, rows)
    terms = np.minimum(rng.zipf(1.3, int(sizes.sum())) - 1, words - 1).astype(np.int64)
    return np.concatenate([[0], np.cumsum(sizes)]).astype(np.int64), terms


pytestmark = pytest.mark.skipif(grouping._POSTINGS is None, reason="bot/_wordscan is not built")


@pytest.mark.parametrize(
    ("rows", "words", "seed"), [(0, 3, 0), (1, 1, 1), (7, 2, 2), (500, 40, 3), (20_000, 3_000, 4)]
)
def test_the_grouping_postings_equal_the_stable_argsort(rows: int, words: int, seed: int) -> None:
    ptr, terms = _table(np.random.default_rng(seed), rows, words)
    counted = grouping._word_statements(ptr, terms, words)
    sorted_ = grouping._word_statements(ptr, terms, words, kernel=False)
    assert all(np.array_equal(a, b) and a.dtype == b.dtype for a, b in zip(counted, sorted_, strict=True))


@pytest.mark.parametrize(("rows", "words", "seed"), [(1, 1, 5), (9, 3, 6), (800, 60, 7), (30_000, 5_000, 8)])
@pytest.mark.parametrize("width", [np.int32, np.int64])
def test_the_bm25_postings_equal_the_sorted_ones(rows: int, words: int, seed: int, width: type) -> None:
    ptr, terms = _table(np.random.default_rng(seed), rows, words)
    names = [f"t{k}" for k in range(words)]  # some never used: empty postings
    doc_len = np.diff(ptr)
    half = len(terms) // 2
    pieces = [terms[:half].astype(width), terms[half:].astype(width)]
    counted = postings.postings_of_ids(names, pieces, doc_len)
    sorted_ = postings.postings_of_ids(names, [terms.astype(width)], doc_len, kernel=False)
    assert counted.terms == sorted_.terms
    for a, b in zip(counted[1:], sorted_[1:], strict=True):
        assert np.array_equal(a, b) and a.dtype == b.dtype


def test_a_term_out_of_range_is_refused() -> None:
    ptr, terms, ids = (
        np.array([0, 2], dtype=np.int64),
        np.array([0, 3], dtype=np.int64),
        np.empty(2, np.int64),
    )
    with pytest.raises(ValueError, match="out of range"):
        grouping._POSTINGS(ptr, terms, np.empty(4, dtype=np.int64), ids)  # three terms: 3 is not one
    bounds = np.empty(5, dtype=np.int64)
    grouping._POSTINGS(ptr, terms, bounds, ids)
    assert bounds.tolist() == [0, 1, 1, 1, 2] and ids.tolist() == [0, 0]
