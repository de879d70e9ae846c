"""Retrieval benchmark: this project's SparseBM25 against rank-bm25's BM25Okapi, side by side.

    python -m bench.retrieval [--sizes 10000,100000,1000000] [--queries 200]

For each corpus size, every measurement runs in its own fresh process (see bench/workers.py): build time
and peak RSS, index size on disk, load time and RSS growth of the persisted index, question latency (median
and p95) and the agreement of the top-10s. The markdown table is printed and written to
bench/out/retrieval.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bench.workers import WORKERS, run_worker

__all__ = ["main"]

log = logging.getLogger(__name__)

OUT = Path(__file__).resolve().parent / "out" / "retrieval.md"
RANK_BUDGET = 20_000_000  # sentences x questions for rank-bm25 (about 20 s); at least 20 questions
REL = 1e-6


def ref_question_count(size: int, queries: int) -> int:
    """How many questions rank-bm25 answers at this size (each costs about 1.3 us a sentence)."""
    return min(queries, max(20, RANK_BUDGET // max(size, 1)))


def _spawn(worker: str, size: int, workdir: Path, queries: int, ref_queries: int) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.retrieval", "--worker", worker, "--size", str(size)]
    command += ["--workdir", str(workdir), "--queries", str(queries), "--ref-queries", str(ref_queries)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{worker} at {size} failed:\n{done.stderr}")
    log.info("%s at %d sentences: %.1f s", worker, size, time.perf_counter() - start)
    result: dict[str, Any] = json.loads(done.stdout.strip().splitlines()[-1])
    return result


def _agrees(ours: list[list[float]], ref: list[list[float]]) -> tuple[bool, bool, float]:
    """(same list, same ties aside, worst relative score error) for one question's top-10."""
    exact = [i for i, _ in ours] == [i for i, _ in ref]
    if len(ours) != len(ref):
        return exact, False, float("inf")
    errors = [abs(a[1] - b[1]) / max(abs(b[1]), 1e-12) for a, b in zip(ours, ref, strict=True)]
    if not ref:
        return exact, True, 0.0
    boundary = ref[-1][1]
    # Sentences that score clearly above the 10th must be the same; those tied at the boundary may differ.
    above = {i for i, s in ref if s > boundary * (1 + REL)}
    ours_above = {i for i, s in ours if s > boundary * (1 + REL)}
    return exact, max(errors) <= REL and above == ours_above, max(errors)


def agreement(workdir: Path) -> dict[str, Any]:
    ours = json.loads((workdir / "ours_top.json").read_text())
    ref = json.loads((workdir / "rank_top.json").read_text())
    results = [_agrees(o, r) for o, r in zip(ours, ref, strict=False)]
    return {
        "exact": sum(r[0] for r in results),
        "ties_aside": sum(r[1] for r in results),
        "compared": len(results),
        "max_rel_err": max((r[2] for r in results), default=0.0),
    }


def measure(size: int, queries: int, rank: bool) -> list[dict[str, Any]]:
    """All the rows for one corpus size."""
    ref_queries = ref_question_count(size, queries)
    with tempfile.TemporaryDirectory(prefix="bench-retrieval-") as tmp:
        workdir = Path(tmp)
        built = _spawn("ours-build", size, workdir, queries, ref_queries)
        loaded = _spawn("ours-load", size, workdir, queries, ref_queries)
        mapped = _spawn("ours-load-mmap", size, workdir, queries, ref_queries)
        rows = [
            {"size": size, "engine": "SparseBM25"} | built | loaded,
            {"size": size, "engine": "SparseBM25 (mmap load)"} | {k: mapped[k] for k in mapped},
        ]
        if rank:
            ref_built = _spawn("rank-build", size, workdir, queries, ref_queries)
            ref_loaded = _spawn("rank-load", size, workdir, queries, ref_queries)
            rows.append({"size": size, "engine": "rank-bm25 BM25Okapi"} | ref_built | ref_loaded)
            rows[0] |= agreement(workdir)
    return rows


def _cell(row: dict[str, Any], key: str, fmt: str) -> str:
    return format(row[key], fmt) if key in row else "–"


def table(rows: Sequence[dict[str, Any]]) -> str:
    head = (
        "| sentences | engine | build s | build peak RSS MB (corpus alone) | on disk MB | load s | "
        "RSS after load MB | median ms | p95 ms | questions | top-10 same (ties aside) / compared | "
        "max rel. score error |"
    )
    lines = [head, "|" + "---|" * 12]
    for r in rows:
        peak = f"{r['peak_mb']:.0f} ({r['corpus_mb']:.0f})" if "peak_mb" in r else "–"
        agree = f"{r['exact']} ({r['ties_aside']}) / {r['compared']}" if "compared" in r else "–"
        lines.append(
            f"| {r['size']:,} | {r['engine']} | {_cell(r, 'build_s', '.1f')} | {peak} "
            f"| {_cell(r, 'disk_mb', '.0f')} | {_cell(r, 'load_s', '.2f')} | {_cell(r, 'loaded_mb', '.0f')} "
            f"| {_cell(r, 'median_ms', '.2f')} "
            f"| {_cell(r, 'p95_ms', '.2f')} | {_cell(r, 'questions', 'd')} | {agree} "
            f"| {_cell(r, 'max_rel_err', '.1e')} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.retrieval", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="10000,100000,1000000", help="corpus sizes, comma-separated")
    parser.add_argument("--queries", type=int, default=200, help="questions timed per size")
    parser.add_argument("--no-rank-bm25", action="store_true", help="leave out rank-bm25 (slow at 1M)")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the markdown table")
    parser.add_argument("--worker", choices=sorted(WORKERS), help=argparse.SUPPRESS)
    parser.add_argument("--size", type=int, help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--ref-queries", type=int, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        run_worker(args.worker, args.size, args.workdir, args.queries, args.ref_queries)
        return 0
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    rows: list[dict[str, Any]] = []
    for size in (int(s) for s in args.sizes.split(",")):
        rows.extend(measure(size, args.queries, rank=not args.no_rank_bm25))
    text = table(rows)
    notes = (
        f"\n\nQuestions: {args.queries} per size for SparseBM25 (k=40); rank-bm25 answers fewer at large "
        f"sizes (at most {RANK_BUDGET:,} sentence-questions, at least 20). Agreement compares rank-bm25's "
        "top-10 on its questions. Build peak is the whole process's, the generated corpus included (in "
        "brackets). RSS after load is the growth of a fresh process's RSS when the index is loaded (for "
        "rank-bm25, unpickled); with mmap, pages come in as questions touch them."
    )
    print(text + notes)
    args.out.parent.mkdir(parents=True, exist_ok=True)
    args.out.write_text(text + notes + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
