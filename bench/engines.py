"""One engine per fresh process over the same generated corpus: build it, time every question, keep top-10s.

Engines: summitbot's SparseBM25 (pruned, k=10, also timed at k=40; its exhaustive path checks the hits),
bm25s with its numba backend, tantivy-py, and rank-bm25's get_scores + argsort (on a sample: it is slow).
Each worker writes `<engine>.json` into the work folder: build time, per-question seconds by question set,
the top-10 ids and scores, and the postings read. bench/retrieval.py starts them and prints the table.
"""

from __future__ import annotations

import json
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.corpus import generate_corpus, generate_length_queries, generate_queries
from bench.workers import peak_mb

__all__ = ["ENGINES", "question_sets"]

TOP = 10
LENGTHS = (1, 3, 8, 20)
Questions = dict[str, list[list[str]]]


def question_sets(mixed: int, per_length: int) -> Questions:
    """The mixed questions and, for each length in LENGTHS, questions of exactly that many tokens."""
    sets = {"mixed": generate_queries(mixed)}
    sets |= {f"{n} terms": generate_length_queries(per_length, n) for n in LENGTHS}
    return sets


def _timed(
    search: Callable[[list[str]], Any], questions: Sequence[list[str]]
) -> tuple[list[float], list[Any], list[float]]:
    """Wall seconds per question, the results, and the process's CPU seconds per question (all threads:
    on a shared machine CPU time shows the work without the waits for a core)."""
    for q in questions[:5]:  # warm-up (numba compiles at its first call)
        search(q)
    times, results, cpu = [], [], []
    for q in questions:
        start, start_cpu = time.perf_counter(), time.process_time()
        out = search(q)
        times.append(time.perf_counter() - start)
        cpu.append(time.process_time() - start_cpu)
        results.append(out)
    return times, results, cpu


def _run(
    name: str,
    build: Callable[[list[list[str]]], Any],
    search: Callable[[Any, list[str]], Any],
    tops: Callable[[Any, Any], list[list[Any]]],
    args: dict[str, Any],
    after: Callable[[Any, Questions, dict[str, Any]], None] | None = None,
) -> dict[str, Any]:
    corpus = generate_corpus(args["size"])
    start = time.perf_counter()
    engine = build(corpus)
    build_s = time.perf_counter() - start
    del corpus
    sets = question_sets(args["mixed"], args["per_length"])
    if args.get("sample"):
        sets = {k: v[: args["sample"]] for k, v in sets.items()}
    out: dict[str, Any] = {"engine": name, "build_s": build_s, "peak_mb": peak_mb(), "sets": {}}
    for label, questions in sets.items():
        times, results, cpu = _timed(lambda q: search(engine, q), questions)
        out["sets"][label] = {"times": times, "cpu": cpu, "tops": tops(engine, results)}
    if after is not None:
        after(engine, sets, out)
    return out


def summitbot(args: dict[str, Any]) -> dict[str, Any]:
    from bot.retrieval import SparseBM25
    from bot.retrieval.topk import HAVE_KERNEL

    def build(corpus: list[list[str]]) -> SparseBM25:
        return SparseBM25(corpus)

    def search(index: SparseBM25, q: list[str]) -> list[Any]:
        return index.search(q, TOP)

    def tops(index: SparseBM25, results: list[Any]) -> list[list[Any]]:
        return [[[h.index, h.score] for h in hits[:TOP]] for hits in results]

    def postings(index: SparseBM25, sets: Questions, out: dict[str, Any]) -> None:
        """Postings read against the exhaustive count, and the pruned top-k against the exhaustive one."""
        out["kernel"] = HAVE_KERNEL
        for label, questions in sets.items():
            read, total, same = [], [], 0
            for q in questions:
                pruned = index.search(q, TOP)
                read.append(index.last_postings_read)
                total.append(index.postings(q))
                same += pruned == index.search(q, TOP, exhaustive=True)
            times_k40, _, _ = _timed(lambda q: index.search(q, 40), questions)
            out["sets"][label] |= {"read": read, "total": total, "same_as_exhaustive": same}
            out["sets"][label]["times_k40"] = times_k40

    return _run("summitbot", build, search, tops, args, postings)


def bm25s_numba(args: dict[str, Any]) -> dict[str, Any]:
    import bm25s

    def build(corpus: list[list[str]]) -> Any:
        index = bm25s.BM25(k1=1.2, b=0.75, method="robertson", backend="numba")
        index.index(corpus, show_progress=False)
        return index

    def search(index: Any, q: list[str]) -> Any:
        return index.retrieve([q], k=TOP, show_progress=False, n_threads=1)

    def tops(index: Any, results: list[Any]) -> list[list[Any]]:
        return [[[int(i), float(s)] for i, s in zip(r[0][0], r[1][0], strict=True)] for r in results]

    return _run("bm25s (numba)", build, search, tops, args)


def tantivy_py(args: dict[str, Any]) -> dict[str, Any]:
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_integer_field("id", stored=True, fast=True)
    builder.add_text_field("body", stored=False, tokenizer_name="whitespace")
    schema = builder.build()

    def build(corpus: list[list[str]]) -> Any:
        index = tantivy.Index(schema)
        writer = index.writer(heap_size=500_000_000, num_threads=1)
        for i, tokens in enumerate(corpus):
            writer.add_document(tantivy.Document(id=i, body=" ".join(tokens)))
        writer.commit()
        writer.wait_merging_threads()
        index.reload()
        return index.searcher(), index

    def search(engine: Any, q: list[str]) -> Any:
        searcher, _ = engine
        query = tantivy.Query.boolean_query(
            [(tantivy.Occur.Should, tantivy.Query.term_query(schema, "body", t)) for t in q]
        )
        return searcher.search(query, TOP).hits

    def tops(engine: Any, results: list[Any]) -> list[list[Any]]:
        searcher, _ = engine
        return [[[int(searcher.doc(a)["id"][0]), float(s)] for s, a in hits] for hits in results]

    return _run("tantivy-py", build, search, tops, args)


def rank_bm25(args: dict[str, Any]) -> dict[str, Any]:
    from rank_bm25 import BM25Okapi

    def build(corpus: list[list[str]]) -> Any:
        return BM25Okapi(corpus, k1=1.2, b=0.75, epsilon=0.25)

    def search(index: Any, q: list[str]) -> Any:
        scores = index.get_scores(q)
        return np.argsort(-scores, kind="stable")[:TOP], scores

    def tops(index: Any, results: list[Any]) -> list[list[Any]]:
        out = []
        for _, scores in results:
            matching = np.flatnonzero(scores != 0)
            order = np.lexsort((matching, -scores[matching]))[:TOP]
            out.append([[int(i), float(scores[i])] for i in matching[order]])
        return out

    return _run("rank-bm25 get_scores + argsort", build, search, tops, args)


ENGINES: dict[str, Callable[[dict[str, Any]], dict[str, Any]]] = {
    "summitbot": summitbot,
    "bm25s": bm25s_numba,
    "tantivy": tantivy_py,
    "rank-bm25": rank_bm25,
}


def run_engine(name: str, workdir: Path, args: dict[str, Any]) -> None:
    """Entry point of a worker process: run one engine and write its results."""
    result = ENGINES[name](args)
    (workdir / f"{name}.json").write_text(json.dumps(result), encoding="utf-8")
