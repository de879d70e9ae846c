"""SparseBM25 against rank-bm25 0.2.2, its search API, persistence and load_or_build."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import numpy as np
import pytest
import rank_bm25

from bot.config import RetrievalConfig
from bot.errors import CorpusError
from bot.retrieval import Hit, SparseBM25, load_or_build

VARIANTS = ("okapi", "plus", "l")
VOCAB = [f"w{i}" for i in range(1500)]


def zipf_corpus(n: int, seed: int = 0) -> list[list[str]]:
    rng = np.random.default_rng(seed)
    p = 1.0 / np.arange(1, len(VOCAB) + 1) ** 1.1
    p /= p.sum()
    corpus = [
        [VOCAB[i] for i in rng.choice(len(VOCAB), size=int(rng.integers(3, 25)), p=p)] for _ in range(n)
    ]
    for i in range(0, n, 3):
        corpus[i].append("said")  # in a third of the sentences
    for i in range(0, n, 5):
        corpus[i].append("putin")  # as the entity token beside a name
        corpus[i].append("putin")
    corpus[7] = []  # an empty sentence
    return corpus


def random_queries(n: int, seed: int = 1) -> list[list[str]]:
    rng = np.random.default_rng(seed)
    queries = []
    for _ in range(n):
        query = [VOCAB[int(i)] for i in rng.zipf(1.3, size=int(rng.integers(1, 6))) if i < len(VOCAB)]
        if rng.random() < 0.3:
            query.append("said")
        if rng.random() < 0.2:
            query.append("nosuchword")
        if query and rng.random() < 0.3:
            query.append(query[0])  # a duplicate counts twice
        queries.append(query or ["putin"])
    return queries


def reference(corpus: list[list[str]], config: RetrievalConfig) -> rank_bm25.BM25:
    if config.variant == "okapi":
        return rank_bm25.BM25Okapi(corpus, k1=config.k1, b=config.b, epsilon=config.epsilon)
    cls = rank_bm25.BM25Plus if config.variant == "plus" else rank_bm25.BM25L
    return cls(corpus, k1=config.k1, b=config.b, delta=config.delta)


def assert_same_ranking(hits: list[Hit], expected: np.ndarray, matching: np.ndarray, k: int) -> None:
    """Top-k identical to rank-bm25's among the matching sentences: the same sentences in the same order
    (score descending, ties to the lower index) with bit-identical scores."""
    order = sorted(np.flatnonzero(matching), key=lambda i: (-expected[i], i))[:k]
    assert [h.index for h in hits] == order
    assert [h.score for h in hits] == [float(expected[i]) for i in order]


@pytest.fixture(scope="module")
def corpus() -> list[list[str]]:
    return zipf_corpus(3000)


@pytest.mark.parametrize("variant", VARIANTS)
def test_scores_and_top10_equal_rank_bm25(corpus: list[list[str]], variant: str) -> None:
    config = RetrievalConfig(variant=variant, k1=1.2, b=0.75)  # type: ignore[arg-type]
    ref, ours = reference(corpus, config), SparseBM25(corpus, config)
    for query in random_queries(150):
        expected = ref.get_scores(query)
        np.testing.assert_array_equal(ours.get_scores(query), expected)
        matching = np.array([any(t in doc for t in query) for doc in ref.doc_freqs])
        assert_same_ranking(ours.search(query, 10), expected, matching, 10)


@pytest.mark.parametrize("variant", VARIANTS)
def test_idf_and_doc_freq_equal_rank_bm25(corpus: list[list[str]], variant: str) -> None:
    config = RetrievalConfig(variant=variant)  # type: ignore[arg-type]
    ref, ours = reference(corpus, config), SparseBM25(corpus, config)
    for term in ("said", "putin", "w0", "w5", "w1400"):
        assert ours.idf(term) == ref.idf[term]
        assert ours.doc_freq(term) == sum(term in doc for doc in ref.doc_freqs)
    assert ours.idf("nosuchword") == 0.0 and ours.doc_freq("nosuchword") == 0
    assert len(ours) == len(corpus)


def test_okapi_floors_negative_idf_at_epsilon_times_mean() -> None:
    corpus = [["common", f"rare{i}"] for i in range(10)] + [["other"]]
    ref, ours = rank_bm25.BM25Okapi(corpus, k1=1.2, epsilon=0.25), SparseBM25(corpus)
    assert ref.idf["common"] > 0 and ours.idf("common") == pytest.approx(ref.idf["common"])
    expected = ref.get_scores(["common"])
    hits = ours.search(["common"], 3)
    assert [h.index for h in hits] == [0, 1, 2]
    assert [h.score for h in hits] == list(expected[:3])


def test_hits_are_best_first_ties_to_the_lower_index() -> None:
    filler = [[f"f{i}"] for i in range(10)]  # keeps every idf positive
    index = SparseBM25([["a", "b"], ["b", "c"], ["a", "b"], ["c"], ["a", "b"], *filler])
    hits = index.search(["a", "b"], 10)
    assert [h.index for h in hits] == [0, 2, 4, 1]
    assert hits[0].score == hits[1].score == hits[2].score > hits[3].score > 0
    assert [h.index for h in index.search(["a", "b"], 2)] == [0, 2]


def test_only_matching_sentences_are_hits_even_for_plus() -> None:
    index = SparseBM25([["a"], ["b"], ["c", "a"]], RetrievalConfig(variant="plus"))
    assert {h.index for h in index.search(["a"], 10)} == {0, 2}
    assert index.get_scores(["a"])[1] > 0  # BM25+ gives every sentence idf * delta


@pytest.mark.parametrize("variant", VARIANTS)
def test_allowed_mask_scopes_the_search(corpus: list[list[str]], variant: str) -> None:
    config = RetrievalConfig(variant=variant)  # type: ignore[arg-type]
    ours, ref = SparseBM25(corpus, config), reference(corpus, config)
    allowed = np.zeros(len(corpus), dtype=bool)
    allowed[::4] = True
    for query in random_queries(30, seed=5):
        hits = ours.search(query, 10, allowed=allowed)
        assert all(allowed[h.index] for h in hits)
        matching = np.array([any(t in doc for t in query) for doc in ref.doc_freqs]) & allowed
        assert_same_ranking(hits, ref.get_scores(query), matching, 10)
    with pytest.raises(ValueError, match="boolean"):
        ours.search(["said"], 5, allowed=np.ones(3, dtype=bool))
    with pytest.raises(ValueError, match="boolean"):
        ours.search(["said"], 5, allowed=np.ones(len(corpus), dtype=int))


def test_empty_corpus_and_empty_queries() -> None:
    corpora: list[list[list[str]]] = [[], [[], []]]
    for corpus in corpora:
        index = SparseBM25(corpus)
        assert index.search(["a"], 5) == []
        assert len(index.get_scores(["a"])) == len(corpus)
    index = SparseBM25([["a", "b"], ["c"]])
    assert index.search([], 5) == []
    assert index.search(["zzz", "zzz"], 5) == []
    assert index.search(["a"], 0) == []
    with pytest.raises(ValueError, match="negative"):
        index.search(["a"], -1)
    with pytest.raises(TypeError, match="string"):
        index.search("a", 5)


def test_general_path_with_zero_and_negative_weights() -> None:
    # "x" is in two of four sentences: its Okapi idf is exactly 0. "a" and "b" are in three: their idf is
    # negative, floored at epsilon * mean idf, itself negative here. Such weights need the masked path.
    corpus = [["a", "b", "x"], ["a", "b", "x"], ["a", "b"], ["c"]]
    ref, ours = rank_bm25.BM25Okapi(corpus, k1=1.2), SparseBM25(corpus)
    assert not ours.prunable and ours.idf("x") == 0.0 and ours.idf("a") < 0
    query = ["x", "a", "c", "x"]
    scores = ref.get_scores(query)
    np.testing.assert_array_equal(ours.get_scores(query), scores)
    hits = ours.search(query, 10)
    assert_same_ranking(hits, scores, np.ones(4, dtype=bool), 10)
    assert [h.index for h in ours.search(["x"], 10)] == [0, 1]  # they hold it, though it scores 0


@pytest.mark.parametrize("mmap", [False, True])
def test_save_load_roundtrip(tmp_path: Path, corpus: list[list[str]], mmap: bool) -> None:
    index = SparseBM25(corpus, RetrievalConfig(variant="plus", k1=1.4), fingerprint="abc")
    index.save(tmp_path / "index")
    index.save(tmp_path / "index")  # replacing an existing index
    assert sorted(p.name for p in tmp_path.iterdir()) == ["index"]  # no temporary folders left
    assert all(p.suffix in (".npy", ".json") for p in (tmp_path / "index").iterdir())
    loaded = SparseBM25.load(tmp_path / "index", mmap=mmap)
    assert loaded.fingerprint == "abc" and loaded.config.k1 == 1.4 and len(loaded) == len(index)
    for query in random_queries(20):
        assert loaded.search(query, 10) == index.search(query, 10)
        assert loaded.idf(query[0]) == index.idf(query[0])


def test_truncated_npy_is_a_corpus_error_naming_the_file(tmp_path: Path, corpus: list[list[str]]) -> None:
    SparseBM25(corpus).save(tmp_path)
    path = tmp_path / "weights.npy"
    path.write_bytes(path.read_bytes()[:-100])
    with pytest.raises(CorpusError, match=r"weights\.npy"):
        SparseBM25.load(tmp_path)


def test_inconsistent_index_is_a_corpus_error(tmp_path: Path) -> None:
    SparseBM25([["a", "b"], ["b"]]).save(tmp_path)
    np.save(tmp_path / "doc_ids.npy", np.array([0, 5, 1], dtype=np.int32))
    with pytest.raises(CorpusError, match=r"doc_ids\.npy"):
        SparseBM25.load(tmp_path)
    with pytest.raises(CorpusError, match=r"meta\.json"):
        SparseBM25.load(tmp_path / "missing")


class Builder:
    def __init__(self, corpus: list[list[str]], config: RetrievalConfig | None = None) -> None:
        self.corpus, self.config, self.calls = corpus, config, 0

    def __call__(self) -> SparseBM25:
        self.calls += 1
        return SparseBM25(self.corpus, self.config)


def test_load_or_build_reuses_then_rebuilds(tmp_path: Path) -> None:
    directory, build = tmp_path / "idx", Builder([["a", "b"], ["b", "c"]])
    first = load_or_build(directory, "v1", build)
    assert build.calls == 1 and first.fingerprint == "v1" and (directory / "meta.json").is_file()
    assert load_or_build(directory, "v1", build).search(["a"], 1) == first.search(["a"], 1)
    assert build.calls == 1  # loaded, not built
    load_or_build(directory, "v2", build)  # another corpus
    assert build.calls == 2
    tuned = RetrievalConfig(k1=2.0)
    rebuilt = load_or_build(directory, "v2", Builder(build.corpus, tuned), config=tuned)  # other settings
    assert rebuilt.config.k1 == 2.0 and SparseBM25.load(directory).config.k1 == 2.0
    reloaded = load_or_build(directory, "v2", build, config=RetrievalConfig(k1=2.0, candidates=7))
    assert build.calls == 2 and reloaded.config.candidates == 7  # loaded, with the caller's other settings


def test_load_or_build_rebuilds_a_corrupt_index(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    build = Builder([["a", "b"], ["b", "c"]])
    load_or_build(tmp_path, "v1", build)
    (tmp_path / "term_ptr.npy").write_bytes(b"\x93NUMPY garbage")
    with caplog.at_level(logging.WARNING):
        index = load_or_build(tmp_path, "v1", build)
    assert build.calls == 2 and "term_ptr.npy" in caplog.text
    assert [h.index for h in index.search(["a"], 5)] == [0]
    (tmp_path / "meta.json").write_text(json.dumps({"format": "something else"}))
    load_or_build(tmp_path, "v1", build)
    assert build.calls == 3
    assert SparseBM25.load(tmp_path).fingerprint == "v1"


def test_load_or_build_without_a_writable_folder(tmp_path: Path, caplog: pytest.LogCaptureFixture) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    with caplog.at_level(logging.WARNING):
        index = load_or_build(blocker / "index", "v1", Builder([["a"]]))
    assert index.search(["a"], 1)[0].index == 0
    assert "cannot save" in caplog.text


@pytest.mark.parametrize("bad", [np.nan, np.inf])
def test_nan_or_infinite_weights_are_refused_even_with_a_matching_checksum(
    tmp_path: Path, bad: float
) -> None:
    from bot.arrayfiles import checksum

    SparseBM25([["a", "b"], ["b", "c"], ["d"]]).save(tmp_path)
    weights = np.load(tmp_path / "weights.npy")
    weights[0] = bad
    np.save(tmp_path / "weights.npy", weights)
    meta = json.loads((tmp_path / "meta.json").read_text())
    meta["checksums"]["weights"] = checksum(weights)
    (tmp_path / "meta.json").write_text(json.dumps(meta))
    with pytest.raises(CorpusError, match=r"weights\.npy: holds NaN or infinite"):
        SparseBM25.load(tmp_path)
