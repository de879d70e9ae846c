"""Retrieval side by side at a million sentences: summitbot, bm25s (numba), tantivy-py and rank-bm25.

    python -m bench.retrieval [--size 1000000] [--mixed 200] [--per-length 50] [--rank-sample 10]
                              [--engines summitbot,bm25s,tantivy,rank-bm25]

One fresh process per engine (bench/engines.py) over the same seeded corpus (bench/corpus.py): the 200 mixed
questions of 2-6 tokens and questions of exactly 1, 3, 8 and 20 tokens. Prints p50/p95 per question set,
the agreement of each engine's top-10 with rank-bm25's (same order, and same set) on rank-bm25's sample,
and summitbot's postings read against the exhaustive count. bm25s and tantivy come from the `bench` extra
(`pip install -e ".[bench]"`). The markdown is printed and written to bench/out/retrieval.md.
"""

from __future__ import annotations

import argparse
import json
import logging
import os
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bench.engines import ENGINES, LENGTHS, run_engine
from bench.report import write_report

__all__ = ["main"]

log = logging.getLogger(__name__)

OUT = Path(__file__).resolve().parent / "out" / "retrieval.md"
SETS = ["mixed"] + [f"{n} terms" for n in LENGTHS]


def _spawn(name: str, workdir: Path, args: dict[str, Any]) -> dict[str, Any]:
    command = [sys.executable, "-m", "bench.retrieval", "--worker", name, "--workdir", str(workdir)]
    command += ["--worker-args", json.dumps(args)]
    start = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        raise RuntimeError(f"{name} failed:\n{done.stderr[-3000:]}")
    log.info("%s: %.0f s (load average %.1f)", name, time.perf_counter() - start, os.getloadavg()[0])
    result: dict[str, Any] = json.loads((workdir / f"{name}.json").read_text(encoding="utf-8"))
    return result


def _ms(times: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(times) * 1000, q)) if times else float("nan")


def speed_table(results: list[dict[str, Any]]) -> str:
    head = "| engine | build s | " + " | ".join(f"{s}: p50 / p95 ms [CPU p50 / p95]" for s in SETS) + " |"
    lines = [head, "|" + "---|" * (len(SETS) + 2)]
    for r in results:
        cells = []
        for label in SETS:
            times, cpu = r["sets"][label]["times"], r["sets"][label]["cpu"]
            cells.append(
                f"{_ms(times, 50):.3f} / {_ms(times, 95):.3f} [{_ms(cpu, 50):.3f} / {_ms(cpu, 95):.3f}]"
                f" (n={len(times)})"
            )
        lines.append(f"| {r['engine']} | {r['build_s']:.1f} | " + " | ".join(cells) + " |")
        if "times_k40" in r["sets"]["mixed"]:
            cells = [
                f"{_ms(r['sets'][s]['times_k40'], 50):.3f} / {_ms(r['sets'][s]['times_k40'], 95):.3f}"
                for s in SETS
            ]
            lines.append(f"| {r['engine']} at k=40 (the answerer's) | – | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def _agreement(ours: list[list[Any]], ref: list[list[Any]]) -> tuple[int, int, int, int]:
    """(same order, same set, identical scores, compared) over the questions both answered."""
    order = same_set = scores = 0
    for a, b in zip(ours, ref, strict=False):
        order += [i for i, _ in a] == [i for i, _ in b]
        same_set += {i for i, _ in a} == {i for i, _ in b}
        scores += a == b
    return order, same_set, scores, min(len(ours), len(ref))


def agreement_table(results: list[dict[str, Any]], ref: dict[str, Any]) -> str:
    lines = [
        "| engine | " + " | ".join(SETS) + " |",
        "|" + "---|" * (len(SETS) + 1),
    ]
    for r in results:
        cells = []
        for label in SETS:
            order, same_set, scores, n = _agreement(r["sets"][label]["tops"], ref["sets"][label]["tops"])
            cells.append(f"order {order}/{n}, set {same_set}/{n}, scores {scores}/{n}")
        lines.append(f"| {r['engine']} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def postings_table(ours: dict[str, Any]) -> str:
    lines = [
        "| questions | postings read (lookups included), median | exhaustive (sum of list lengths), median | read / exhaustive "
        "(total) | pruned top-10 = exhaustive top-10 |",
        "|---|---|---|---|---|",
    ]
    for label in SETS:
        s = ours["sets"][label]
        read, total = np.asarray(s["read"]), np.asarray(s["total"])
        lines.append(
            f"| {label} | {np.median(read):,.0f} | {np.median(total):,.0f} | "
            f"{read.sum() / max(total.sum(), 1):.1%} | {s['same_as_exhaustive']}/{len(read)} |"
        )
    return "\n".join(lines)


def report(results: list[dict[str, Any]], args: argparse.Namespace, loads: list[float]) -> str:
    by_name = {r["engine"]: r for r in results}
    parts = [
        f"# Retrieval at {args.size:,} sentences\n",
        f"Load average (1 min) over the run: {min(loads):.1f} to {max(loads):.1f} on {os.cpu_count()} cores "
        "(the machine is shared; figures are noisy).\n",
        "## Latency per question (k=10 for every engine)\n",
        speed_table(results),
    ]
    ref = by_name.get("rank-bm25 get_scores + argsort")
    if ref is not None:
        others = [r for r in results if r is not ref]
        parts += [
            f"\n## Top-10 against rank-bm25 (its first {args.rank_sample} questions of each set)\n",
            agreement_table(others, ref),
        ]
    if "summitbot" in by_name:
        kernel = "C kernel" if by_name["summitbot"].get("kernel") else "numpy fallback (kernel not built)"
        parts += [f"\n## summitbot's postings read ({kernel})\n", postings_table(by_name["summitbot"])]
    return "\n".join(parts)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.retrieval", description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, default=1_000_000, help="sentences")
    parser.add_argument("--mixed", type=int, default=200, help="mixed questions (2-6 tokens)")
    parser.add_argument("--per-length", type=int, default=50, help="questions of each length 1, 3, 8, 20")
    parser.add_argument("--rank-sample", type=int, default=10, help="rank-bm25's questions per set")
    parser.add_argument("--engines", default=",".join(ENGINES), help="comma-separated: " + ", ".join(ENGINES))
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the markdown")
    parser.add_argument("--worker", choices=sorted(ENGINES), help=argparse.SUPPRESS)
    parser.add_argument("--workdir", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--worker-args", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.worker:
        run_engine(args.worker, args.workdir, json.loads(args.worker_args))
        return 0
    logging.basicConfig(level=logging.INFO, format="%(message)s")
    common = {"size": args.size, "mixed": args.mixed, "per_length": args.per_length}
    loads, results = [os.getloadavg()[0]], []
    with tempfile.TemporaryDirectory(prefix="bench-retrieval-") as tmp:
        for name in args.engines.split(","):
            extra = {"sample": args.rank_sample} if name == "rank-bm25" else {}
            results.append(_spawn(name, Path(tmp), common | extra))
            loads.append(os.getloadavg()[0])
    text = report(results, args, loads)
    write_report(text, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
