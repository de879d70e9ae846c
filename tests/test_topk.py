"""The pruned top-k (block-max MaxScore in C) against rank-bm25 and the exhaustive path: same sentences,
same order, bit-identical scores, on corpora full of ties, with and without masks, for k = 1..50."""

from __future__ import annotations

import itertools

import numpy as np
import pytest
import rank_bm25

from bot.config import RetrievalConfig
from bot.retrieval import SparseBM25, topk
from bot.retrieval.topk import BLOCK, HAVE_KERNEL
from tests.test_retrieval import reference

VARIANTS = ("okapi", "plus", "l")


def tied_corpus(n: int, seed: int) -> list[list[str]]:
    """Short sentences over a small vocabulary: many share their length and counts, so many scores tie."""
    rng = np.random.default_rng(seed)
    vocab = [f"t{i}" for i in range(40)]
    p = 1.0 / np.arange(1, len(vocab) + 1) ** 0.9
    p /= p.sum()
    corpus = [[vocab[i] for i in rng.choice(len(vocab), size=int(rng.integers(1, 7)), p=p)] for _ in range(n)]
    corpus += [[f"filler{i}"] for i in range(n)]  # keeps Okapi's idfs positive
    return corpus


def questions(n: int, seed: int) -> list[list[str]]:
    rng = np.random.default_rng(seed)
    out = []
    for _ in range(n):
        query = [f"t{int(i)}" for i in rng.integers(0, 45, size=int(rng.integers(1, 9)))]  # t40+ unknown
        if rng.random() < 0.4:
            query.append(query[0])  # a duplicate counts twice, in its place
        out.append(query)
    return out


def expected_top(ref: rank_bm25.BM25, query: list[str], k: int, allowed: np.ndarray | None) -> list:
    scores = ref.get_scores(query)
    holds = np.array([any(t in doc for t in query) for doc in ref.doc_freqs])
    if allowed is not None:
        holds &= allowed
    order = sorted(np.flatnonzero(holds), key=lambda i: (-scores[i], i))[:k]
    return [(int(i), float(scores[i])) for i in order]


def test_the_kernel_is_built() -> None:
    assert HAVE_KERNEL, "bot/retrieval/_topk.c is not built: run `pip install -e .`"


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("masked", [False, True])
@pytest.mark.parametrize("by_term", [False, True], ids=["by document", "by term"])
def test_pruned_top_k_is_rank_bm25s_exactly(variant: str, masked: bool, by_term: bool) -> None:
    corpus = tied_corpus(1500, seed=3)
    config = RetrievalConfig(variant=variant)  # type: ignore[arg-type]
    ours, ref = SparseBM25(corpus, config), reference(corpus, config)
    assert ours.prunable
    allowed = np.random.default_rng(7).random(len(corpus)) < 0.3 if masked else None
    ties = 0
    for j, query in enumerate(questions(40, seed=11)):
        k = 1 + j % 50 if j < 30 else (1, 2, 10, 25, 49, 50, 3, 7, 40, 33)[j - 30]
        want = expected_top(ref, query, k, allowed)
        got = ours.search(query, k, allowed=allowed, by_term=by_term)
        assert [(h.index, h.score) for h in got] == want
        assert got == ours.search(query, k, allowed=allowed, exhaustive=True)
        ties += sum(a[1] == b[1] for a, b in itertools.pairwise(want))
    assert ties > 100  # the corpus does test ties


@pytest.mark.parametrize("variant", VARIANTS)
@pytest.mark.parametrize("sort_limit", [8192, 0], ids=["look up", "read through and shrink"])
def test_pruned_equals_exhaustive_on_long_lists(
    variant: str, sort_limit: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(topk, "SORT_LIMIT", sort_limit)
    rng = np.random.default_rng(5)
    vocab = [f"w{i}" for i in range(300)]
    p = 1.0 / np.arange(1, 301) ** 1.1
    p /= p.sum()
    corpus = [[vocab[i] for i in rng.choice(300, size=int(rng.integers(3, 20)), p=p)] for _ in range(20_000)]
    index = SparseBM25(corpus, RetrievalConfig(variant=variant))  # type: ignore[arg-type]
    for _ in range(60):
        query = [vocab[int(i)] for i in rng.zipf(1.2, size=int(rng.integers(1, 21))) if i < 300] or ["w0"]
        for k in (1, 10, 40):
            expected = index.search(query, k, exhaustive=True)
            assert index.search(query, k, by_term=False) == expected
            assert index.search(query, k, by_term=True) == expected
    scratch = index._scratch()
    assert not scratch.acc.any()  # left clean for the next question


def test_pruning_reads_fewer_postings_than_the_lists_hold() -> None:
    rng = np.random.default_rng(2)
    corpus = [["common", "rare"]] + [["common"] * int(rng.integers(1, 4)) for _ in range(30 * BLOCK)]
    corpus[900] = ["rare"]
    index = SparseBM25(corpus + [[f"f{i}"] for i in range(len(corpus))])
    query = ["common", "rare"]
    hits = index.search(query, 1)
    read = index.last_postings_read
    assert hits == index.search(query, 1, exhaustive=True) and hits[0].index in (0, 900)
    # Once sentence 0 is known, no sentence with "common" alone can reach it: that list is skipped.
    assert read < index.postings(query) / 4
    index.search(query, 1, exhaustive=True)
    assert index.last_postings_read == index.postings(query)
