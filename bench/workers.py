"""The measurements, each run in a fresh process so that peak memory and load cost are its own.

Each worker prints one JSON object on its last line of output; `bench.retrieval` starts them and tabulates.
"""

from __future__ import annotations

import json
import os
import pickle
import resource
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.corpus import generate_corpus, generate_queries

__all__ = ["WORKERS", "rss_mb", "run_worker"]

K = 40  # the answerer weighs 40 candidates; agreement is judged on the first 10
TOP = 10


def rss_mb() -> float:
    """This process's resident set size now."""
    with open("/proc/self/statm", encoding="ascii") as f:
        return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def peak_mb() -> float:
    """This process's peak resident set size so far (ru_maxrss is in KiB on Linux)."""
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def latencies(search: Callable[[Any], Any], queries: Sequence[Any], warmup: int = 3) -> list[float]:
    """Seconds per query, after `warmup` untimed ones."""
    for query in queries[:warmup]:
        search(query)  # warm-up
    times = []
    for query in queries:
        start = time.perf_counter()
        search(query)
        times.append(time.perf_counter() - start)
    return times


def _summary(times: list[float]) -> dict[str, Any]:
    ms = np.array(times) * 1000
    return {"median_ms": float(np.median(ms)), "p95_ms": float(np.percentile(ms, 95)), "questions": len(ms)}


def _dir_mb(path: Path) -> float:
    return (
        sum(p.stat().st_size for p in path.iterdir()) / 2**20
        if path.is_dir()
        else path.stat().st_size / 2**20
    )


def ours_build(size: int, workdir: Path, queries: int, ref_queries: int) -> dict[str, Any]:
    """Build SparseBM25, save it, time questions, and record the top-10 of the reference questions."""
    from bot.retrieval import SparseBM25

    corpus = generate_corpus(size)
    before = rss_mb()
    start = time.perf_counter()
    index = SparseBM25(corpus)
    build_s = time.perf_counter() - start
    peak = peak_mb()
    index.save(workdir / "ours")
    qs = generate_queries(queries)
    times = latencies(lambda q: index.search(q, K), qs)
    tops = [[(h.index, h.score) for h in index.search(q, K)[:TOP]] for q in qs[:ref_queries]]
    (workdir / "ours_top.json").write_text(json.dumps(tops))
    return {
        "build_s": build_s,
        "peak_mb": peak,
        "corpus_mb": before,
        "disk_mb": _dir_mb(workdir / "ours"),
    } | (_summary(times))


def ours_load(
    size: int, workdir: Path, queries: int, ref_queries: int, *, mmap: bool = False
) -> dict[str, Any]:
    """Load the saved index in a fresh process: time, RSS growth, and questions straight after loading."""
    from bot.retrieval import SparseBM25

    qs = generate_queries(queries)
    before = rss_mb()
    start = time.perf_counter()
    index = SparseBM25.load(workdir / "ours", mmap=mmap)
    load_s = time.perf_counter() - start
    loaded = rss_mb() - before
    times = latencies(lambda q: index.search(q, K), qs)
    return {"load_s": load_s, "loaded_mb": loaded, "after_questions_mb": rss_mb() - before} | _summary(times)


def ours_load_mmap(size: int, workdir: Path, queries: int, ref_queries: int) -> dict[str, Any]:
    return ours_load(size, workdir, queries, ref_queries, mmap=True)


def _top_of(scores: np.ndarray) -> list[tuple[int, float]]:
    matching = np.flatnonzero(scores != 0)
    order = np.lexsort((matching, -scores[matching]))[:TOP]
    return [(int(i), float(scores[i])) for i in matching[order]]


def rank_build(size: int, workdir: Path, queries: int, ref_queries: int) -> dict[str, Any]:
    """rank-bm25's BM25Okapi with the same settings: build, questions, top-10; pickled for the load test."""
    from rank_bm25 import BM25Okapi

    from bot.config import RetrievalConfig

    config = RetrievalConfig()
    corpus = generate_corpus(size)
    before = rss_mb()
    start = time.perf_counter()
    index = BM25Okapi(corpus, k1=config.k1, b=config.b, epsilon=config.epsilon)
    build_s = time.perf_counter() - start
    peak = peak_mb()
    del corpus
    qs = generate_queries(queries)[:ref_queries]
    tops: list[list[tuple[int, float]]] = []
    times = latencies(lambda q: tops.append(_top_of(index.get_scores(q))), qs, warmup=0)
    (workdir / "rank_top.json").write_text(json.dumps(tops))
    with open(workdir / "rank.pickle", "wb") as f:
        pickle.dump(index, f, protocol=pickle.HIGHEST_PROTOCOL)
    return {
        "build_s": build_s,
        "peak_mb": peak,
        "corpus_mb": before,
        "disk_mb": _dir_mb(workdir / "rank.pickle"),
    } | (_summary(times))


def rank_load(size: int, workdir: Path, queries: int, ref_queries: int) -> dict[str, Any]:
    """rank-bm25 has no persistence of its own; pickle is the usual way (the project forbids it)."""
    import rank_bm25  # noqa: F401  (the class pickle needs)

    before = rss_mb()
    start = time.perf_counter()
    with open(workdir / "rank.pickle", "rb") as f:
        pickle.load(f)  # our own file, benchmark only
    load_s = time.perf_counter() - start
    result = {"load_s": load_s, "loaded_mb": rss_mb() - before}
    (workdir / "rank.pickle").unlink()
    return result


WORKERS = {
    "ours-build": ours_build,
    "ours-load": ours_load,
    "ours-load-mmap": ours_load_mmap,
    "rank-build": rank_build,
    "rank-load": rank_load,
}


def run_worker(name: str, size: int, workdir: Path, queries: int, ref_queries: int) -> None:
    """Entry point of a worker process: print its result as JSON."""
    result = WORKERS[name](size, workdir, queries, ref_queries)
    sys.stdout.write(json.dumps(result) + "\n")
