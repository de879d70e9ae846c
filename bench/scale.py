"""Scale benchmark: the whole service over a synthetic corpus of a million sentences.

    python -m bench.scale [--sentences 1000000] [--queries 200] [--rank-queries 20] [--profile]

Each measurement runs in its own fresh process (the corpus, bench/scale_corpus.py, is regenerated from its
seed in each): `build` builds the service's index from the articles and persists it (time, peak RSS, RSS of
the articles alone); `load` loads the persisted index in a fresh process (time, RSS growth), times
`index.search` and `service.ask` and runs the event-loop stall test (a 1 ms asyncio ticker while 8 questions
are answered at once through one worker thread, as the Discord layer does); `rank` times rank-bm25's
`get_scores` over the same tokenised sentences. The markdown table is printed and written to
bench/out/scale.md.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import dataclasses
import gc
import json
import logging
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from typing import Any

import numpy as np

from bench.ask import profile_calls, summary
from bench.report import write_report
from bench.scale_corpus import generate_articles, generate_questions
from bench.start import ready_worker, start_figures, start_rows
from bench.workers import latencies, peak_mb, rss_mb
from bot.config import Config, load_config
from bot.errors import InputError
from bot.models import Article
from bot.search import CorpusIndex
from bot.service import CoverageService

__all__ = ["main"]

log = logging.getLogger(__name__)

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "scale.md"
K = 40
CONCURRENCY = 8
STALL_BATCHES = 12


def _config(workdir: Path) -> Config:
    """The repository's settings with the corpus and the persisted index in the work folder."""
    config = load_config(ROOT / "config.yaml")
    return dataclasses.replace(config, corpus=workdir / "corpus", index=workdir / "index")


def _articles(workdir: Path, sentences: int) -> tuple[Config, tuple[Article, ...], dict[str, float]]:
    """The generated articles (timed, their RSS measured) and the settings pointed at the work folder."""
    config = _config(workdir)
    gc.collect()
    before = rss_mb()
    start = time.perf_counter()
    articles = tuple(generate_articles(sentences, config))
    figures = {"generate_s": time.perf_counter() - start, "articles_mb": rss_mb() - before}
    figures["base_mb"] = before
    return config, articles, figures


def _index(config: Config, articles: tuple[Article, ...], sentences: int) -> CorpusIndex:
    """The index over the generated articles, persisted under config.index like the corpus folder's own
    (the fingerprint names the generator's settings)."""
    return CorpusIndex(
        articles, config, index_dir=config.index_dir, fingerprint=f"synthetic-{sentences}-seed0"
    )


def _ask(service: CoverageService, question: str) -> None:
    with contextlib.suppress(InputError):  # a rejected question is a reply too
        service.ask(question)


def work_build(workdir: Path, sentences: int, args: argparse.Namespace) -> dict[str, Any]:
    config, articles, figures = _articles(workdir, sentences)
    after_articles = rss_mb()
    start = time.perf_counter()
    index = _index(config, articles, sentences)
    figures["build_s"] = time.perf_counter() - start
    figures["build_peak_mb"] = peak_mb()
    figures["built_index_mb"] = rss_mb() - after_articles
    figures["sentences"] = len(index)
    figures["terms"] = len(index.bm25.terms)
    figures["postings"] = len(index.bm25.doc_ids)
    figures["disk_mb"] = sum(p.stat().st_size for p in (workdir / "index" / "bm25").iterdir()) / 2**20
    return figures


async def _stall(service: CoverageService, questions: Sequence[str], concurrency: int) -> dict[str, float]:
    """The longest gap of a 1 ms ticker beyond its 1 ms while questions are answered `concurrency` at once."""
    gaps: list[float] = []
    running = True

    async def ticker() -> None:
        while running:
            start = time.perf_counter()
            await asyncio.sleep(0.001)
            gaps.append(time.perf_counter() - start - 0.001)

    task = asyncio.create_task(ticker())
    await asyncio.sleep(0.2)
    idle = max(gaps, default=0.0)
    gaps.clear()
    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=1) as worker:  # as the Discord layer runs answers
        for first in range(0, len(questions), concurrency):
            batch = questions[first : first + concurrency]
            await asyncio.gather(*(loop.run_in_executor(worker, _ask, service, q) for q in batch))
    running = False
    await task
    ms = np.asarray(gaps) * 1000
    return {"idle_ms": idle * 1000, "max_ms": float(ms.max()), "p99_ms": float(np.percentile(ms, 99))}


def stall_test(service: CoverageService, questions: Sequence[str], concurrency: int, switch: float) -> dict:
    old = sys.getswitchinterval()
    sys.setswitchinterval(switch)
    try:
        return asyncio.run(_stall(service, questions, concurrency))
    finally:
        sys.setswitchinterval(old)


def work_load(workdir: Path, sentences: int, args: argparse.Namespace) -> dict[str, Any]:
    config, articles, figures = _articles(workdir, sentences)
    before = rss_mb()
    start = time.perf_counter()
    index = _index(config, articles, sentences)
    service = CoverageService(config, index=index)
    figures["load_s"] = time.perf_counter() - start
    figures["loaded_mb"] = rss_mb() - before
    questions = generate_questions(args.queries)
    for question in questions[:20]:  # warm-up: the sorted vocabulary, regex caches
        _ask(service, question)
    search, search_cpu = _timed(lambda q: index.search(q, K, expand=True), questions)
    answer, answer_cpu = _timed(lambda q: _ask(service, q), questions)
    figures |= {f"search_{k}": v for k, v in search.items()} | {f"ask_{k}": v for k, v in answer.items()}
    figures |= {"search_cpu": search_cpu, "ask_cpu": answer_cpu}
    figures["after_questions_mb"] = rss_mb() - before
    stall_questions = questions[: CONCURRENCY * STALL_BATCHES]
    figures["stall"] = {
        f"{c} at once, switch {s * 1000:g} ms": stall_test(service, stall_questions, c, s)
        for c, s in ((CONCURRENCY, 0.005), (1, 0.005), (CONCURRENCY, 0.001))
    }
    if args.profile:
        figures["profile"] = _profile(config, articles, sentences, questions)
    return figures


def _profile(config: Config, articles: tuple[Article, ...], sentences: int, questions: list[str]) -> str:
    """cProfile of the answers as they are timed: over an index loaded afresh (no sentence's terms or facts
    decoded yet, as in the timed pass; the service above has answered every question by now), after the
    same 20 questions of warm-up."""
    service = CoverageService(config, index=_index(config, articles, sentences))
    for question in questions[:20]:
        _ask(service, question)
    return profile_calls(lambda: [_ask(service, q) for q in questions], top=30)


def _timed(call: Any, questions: Sequence[str]) -> tuple[dict[str, float], str]:
    """Wall-time summary of `call` on each question, and its thread's CPU p50 / p95 in the same pass (on a
    shared machine the CPU time shows the work without the waits for a core)."""
    wall, cpu = [], []
    for question in questions:
        start, start_cpu = time.perf_counter(), time.thread_time()
        call(question)
        wall.append(time.perf_counter() - start)
        cpu.append(time.thread_time() - start_cpu)
    ms = np.asarray(cpu) * 1000
    return summary(wall), f"CPU {np.median(ms):.2f} / {np.percentile(ms, 95):.2f} ms"


def work_rank(workdir: Path, sentences: int, args: argparse.Namespace) -> dict[str, Any]:
    """rank-bm25's BM25Okapi over the same sentences, tokenised by the same tokenizer."""
    from rank_bm25 import BM25Okapi

    from bot.tokenizer import Tokenizer

    config = _config(workdir)
    articles = generate_articles(sentences, config)
    tokenizer = Tokenizer(config.entities)
    start = time.perf_counter()
    corpus = [tokenizer.tokenize(s.text) for a in articles for s in a.sentences]
    tokenize_s = time.perf_counter() - start
    del articles
    r = config.retrieval
    start = time.perf_counter()
    bm25 = BM25Okapi(corpus, k1=r.k1, b=r.b, epsilon=r.epsilon)
    build_s = time.perf_counter() - start
    del corpus
    questions = [tokenizer.tokenize(q) for q in generate_questions(args.rank_queries)]
    times = latencies(bm25.get_scores, questions, warmup=0)
    return {"tokenize_s": tokenize_s, "rank_build_s": build_s} | {
        f"rank_{k}": v for k, v in summary(times).items()
    }


def work_start(workdir: Path, sentences: int, args: argparse.Namespace) -> dict[str, Any]:
    """The articles written as a corpus folder, then whole `python -m bot` processes over it (bench/start.py)."""
    config = _config(workdir)
    articles = generate_articles(sentences, config)
    return {"start": start_figures(articles, workdir, args.ask_runs, args.queries)}


def work_ready(workdir: Path, sentences: int, args: argparse.Namespace) -> dict[str, Any]:
    """The bot's start (setup_hook) over the corpus folder `workdir`, in this fresh process."""
    return ready_worker(workdir, load_config(ROOT / "config.yaml"), generate_questions(args.queries))


WORKERS = {
    "build": work_build,
    "load": work_load,
    "rank": work_rank,
    "start": work_start,
    "ready": work_ready,
}


def _spawn(worker: str, workdir: Path, args: argparse.Namespace) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.scale", "--worker", worker, "--workdir", str(workdir)]
    command += ["--sentences", str(args.sentences), "--queries", str(args.queries)]
    command += ["--rank-queries", str(args.rank_queries)] + (["--profile"] if args.profile else [])
    command += ["--ask-runs", str(args.ask_runs)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"worker {worker} failed:\n{done.stderr}")
    log.info("%s: %.1f s", worker, time.perf_counter() - start)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _verdict(ok: bool) -> str:
    return "met" if ok else "**MISSED**"


def table(r: dict[str, Any]) -> str:
    """The results and their targets as a markdown table."""
    speedup = r["rank_median_ms"] / r["search_median_ms"] if "rank_median_ms" in r else None
    stall = r["stall"][f"{CONCURRENCY} at once, switch 5 ms"]["max_ms"]
    rows = [
        ("generate articles (per process)", f"{r['generate_s']:.1f} s", "–"),
        ("articles in memory (RSS)", f"{r['articles_mb']:.0f} MB", "–"),
        ("index build (tokenise + BM25 + save)", f"{r['build_s']:.1f} s", "–"),
        (
            "build peak RSS, whole process (articles included)",
            f"{r['build_peak_mb']:.0f} MB",
            f"< 1500 MB: {_verdict(r['build_peak_mb'] < 1500)}",
        ),
        (
            "build peak RSS less the articles and interpreter",
            f"{r['build_peak_mb'] - r['articles_mb'] - r['base_mb']:.0f} MB",
            "–",
        ),
        ("index on disk", f"{r['disk_mb']:.0f} MB", "–"),
        (
            "persisted index load, fresh process",
            f"{r['load_s']:.2f} s",
            f"< 3 s: {_verdict(r['load_s'] < 3)}",
        ),
        (
            "loaded index RSS (growth on load)",
            f"{r['loaded_mb']:.0f} MB",
            f"< 400 MB: {_verdict(r['loaded_mb'] < 400)}",
        ),
        ("RSS growth after the questions", f"{r['after_questions_mb']:.0f} MB", "–"),
        (
            "`index.search` (k=40, expand) median / p95",
            f"{r['search_median_ms']:.2f} / {r['search_p95_ms']:.2f} ms [{r.get('search_cpu', 'CPU –')}]",
            f"≤ 0.8 / ≤ 3 ms: {_verdict(r['search_median_ms'] <= 0.8 and r['search_p95_ms'] <= 3)}",
        ),
        (
            "`service.ask` median / p95",
            f"{r['ask_median_ms']:.2f} / {r['ask_p95_ms']:.2f} ms [{r.get('ask_cpu', 'CPU –')}]",
            f"≤ 5 / ≤ 15 ms: {_verdict(r['ask_median_ms'] <= 5 and r['ask_p95_ms'] <= 15)}",
        ),
    ]
    if speedup is not None:
        rows.append(
            ("rank-bm25 `get_scores` median (tokenised question)", f"{r['rank_median_ms']:.0f} ms", "–")
        )
        rows.append(
            (
                "speed-up of retrieval: rank-bm25 get_scores / index.search (median)",
                f"{speedup:.0f}×",
                f"≥ 300×: {_verdict(speedup >= 300)}",
            )
        )
        rows.append(
            (
                "rank-bm25 get_scores / whole answer (median)",
                f"{r['rank_median_ms'] / r['ask_median_ms']:.0f}×",
                "–",
            )
        )
    for name, s in r["stall"].items():
        target = (
            f"≤ 20 ms: {_verdict(stall <= 20)}" if name.endswith("switch 5 ms") and name[0] != "1" else "–"
        )
        rows.append(
            (
                f"event-loop stall, {name} (idle {s['idle_ms']:.1f} ms)",
                f"max {s['max_ms']:.1f} ms, p99 {s['p99_ms']:.1f} ms",
                target,
            )
        )
    if "start" in r:
        rows += start_rows(r["start"], _verdict)
    lines = ["| measurement | result | target |", "|---|---|---|"]
    lines += [f"| {a} | {b} | {c} |" for a, b, c in rows]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.scale", description=__doc__.splitlines()[0])
    parser.add_argument("--sentences", type=int, default=1_000_000, help="corpus size (50 per article)")
    parser.add_argument("--queries", type=int, default=200, help="questions timed (default 200)")
    parser.add_argument("--rank-queries", type=int, default=20, help="rank-bm25 questions (default 20)")
    parser.add_argument("--no-rank-bm25", action="store_true", help="leave out rank-bm25 (about 90 s at 1M)")
    parser.add_argument("--profile", action="store_true", help="add a cProfile of the answers")
    parser.add_argument(
        "--no-start", action="store_true", help="leave out the whole-process start-up figures"
    )
    parser.add_argument("--ask-runs", type=int, default=3, help="cold `ask` processes timed (median)")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the markdown")
    parser.add_argument(
        "--keep",
        type=Path,
        help="work in this folder and keep it: a later run loads its index instead of building it "
        "(its build figures are then a load's)",
    )
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        result = WORKERS[args.worker](args.workdir, args.sentences, args)
        sys.stdout.write(json.dumps(result) + "\n")
        return 0
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    with (
        contextlib.nullcontext(str(args.keep))
        if args.keep
        else tempfile.TemporaryDirectory(prefix="bench-scale-")
    ) as tmp:
        results = _spawn("build", Path(tmp), args) | _spawn("load", Path(tmp), args)
        if not args.no_rank_bm25:
            results |= _spawn("rank", Path(tmp), args)
        if not args.no_start:
            results |= _spawn("start", Path(tmp), args)
    text = table(results)
    text += (
        f"\n\n{results['sentences']:,} sentences in {results['sentences'] // 50:,} articles, "
        f"{results['terms']:,} terms, {results['postings']:,} postings; {args.queries} questions "
        f"(bench/scale_corpus.py){'' if args.no_rank_bm25 else f', rank-bm25 on {args.rank_queries}'}. Each row group runs in a fresh process; "
        "RSS figures are growth over the process before the step, peaks are ru_maxrss. Stall: the longest "
        f"gap of a 1 ms asyncio ticker past its 1 ms while {CONCURRENCY * STALL_BATCHES} questions are "
        "answered through one worker thread (as the Discord layer does), N submitted at once, with sys.setswitchinterval as given."
    )
    if "profile" in results:
        text += "\n\n## cProfile of the answers\n\n```\n" + results["profile"].strip() + "\n```"
    write_report(text, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
