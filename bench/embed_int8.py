"""The question's int8 pass (semantic.int8_questions, bot/semantic/_int8_kernels.h) against the bfloat16
one: how near its vectors stay, and its CPU per question.

    python -m bench.embed_int8 [--rounds 200]

Agreement: the cosine of each question's int8 vector with its bfloat16 vector, over every question of the
training gold files (../shared/eval and tests/data, never the blind qa_blind8 sets). Speed: CPU ms per
question, one at a time and 8 together, the two passes' blocks interleaved (the machine is shared: the
load average is printed, figures are noisy). Also a table of `python -m bench.embed --int8`.
"""

from __future__ import annotations

import argparse
import os
import statistics
import time
from collections.abc import Sequence
from pathlib import Path

import numpy as np

from bench.embed import GOLD_DIRS, gold_questions
from bench.report import write_report
from bot.config import load_config
from bot.semantic import Encoder
from bot.semantic.dense import VNNI

__all__ = ["int8_table", "main", "training_questions"]

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "embed_int8.md"
BLIND = "qa_blind8"  # measured once at the session's end: never read here


def training_questions() -> list[str]:
    """Every distinct question of the gold files but the blind ones."""
    return gold_questions(GOLD_DIRS, skip=BLIND)


def _cpu_ms(encoder: Encoder, ids: list[list[int]], int8: bool, rounds: int) -> float:
    start = time.process_time()
    for _ in range(rounds):
        encoder._forward(ids, int8=int8)
    return (time.process_time() - start) / rounds / len(ids) * 1e3


def int8_table(encoder: Encoder, questions: Sequence[str], rounds: int) -> str:
    """Agreement and interleaved CPU per question, as markdown."""
    ids = [encoder.wordpiece.encode(q) for q in questions]
    plain = np.vstack([encoder._forward([i]) for i in ids])
    int8 = np.vstack([encoder._forward([i], int8=True) for i in ids])
    cosines = np.sum(plain * int8, axis=1)
    lines = [
        f"{len(questions)} training questions, cosine int8 vs bfloat16: min {cosines.min():.4f}, "
        f"median {np.median(cosines):.5f}, below 0.99: {int(np.sum(cosines < 0.99))}",
        "",
        "| questions per pass | bfloat16: CPU ms a question | int8: CPU ms a question |",
        "|---|---|---|",
    ]
    for size in (1, 8):
        chunks = [ids[i : i + size] for i in range(0, len(ids) - size + 1, size)][:rounds]
        times: dict[bool, list[float]] = {False: [], True: []}
        for _ in range(5):
            for flag in (False, True):
                times[flag].append(statistics.mean(_cpu_ms(encoder, c, flag, 3) for c in chunks))
        lines.append(
            f"| {size} | {statistics.median(times[False]):.2f} | {statistics.median(times[True]):.2f} |"
        )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.embed_int8", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=200, help="passes a timing block (questions in turn)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    if not VNNI:
        print("this CPU (or build) has no int8 pass (AVX512_VNNI)")
        return 1
    settings = load_config(ROOT / "config.yaml").semantic
    encoder = Encoder.load(settings.sha256, settings.max_tokens, int8=True)
    load = os.getloadavg()[0]
    text = "## The question's int8 pass\n\n" + int8_table(encoder, training_questions(), args.rounds)
    text += (
        f"\n\nLoad average (1 min) {load:.2f} at start, {os.getloadavg()[0]:.2f} at end, "
        f"on {os.cpu_count()} cores (shared: noisy)."
    )
    write_report(text, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
