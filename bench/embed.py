"""The question embedding's forward pass (bot/semantic/encoder.py), measured op by op and whole.

    python -m bench.embed [--rounds 100] [--onnx]

Op by op: each kind of operation of one encoder layer, run alone on the shapes of one question (15
WordPiece tokens) and of 16 questions packed into one pass (240 rows), CPU microseconds per layer and its
share of the layer: the four matrix products (bot/semantic/dense.py: the compiled kernel's path, the
up product with its GELU; and for comparison numpy's float32 BLAS), attention (the kernel's, and for
comparison numpy's), the residual adds with the layer norms, the bias and residual adds (the per-call
numpy overhead is what the small ones cost). By
length: CPU per pass of one text of 1, 4, 15 and 60 tokens, all six layers and the first two alone
(whose weights stay in the cache: x 3, to tell arithmetic from weight traffic), by the kernel and by
numpy. Whole pass: CPU and wall milliseconds per question, one at a time and 4, 8 and 16 together, by the
kernel, and by numpy with BLAS on 1 thread (what the fallback uses) and on 2. `--onnx` adds
bench/embed_onnx.py's comparison with onnxruntime (bench extra).
Questions: every question of the gold files (../shared/eval and tests/data). The machine is shared: the
load average is printed, and figures are noisy.
"""

from __future__ import annotations

import argparse
import functools
import os
import statistics
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import yaml
from threadpoolctl import threadpool_limits

from bench.paths import SHARED_EVAL
from bench.report import write_report
from bot.config import load_config
from bot.semantic import Encoder, dense
from bot.semantic.dense import add_norm_, gelu_
from bot.semantic.encoder import numpy_attention

__all__ = ["gold_questions", "main"]

ROOT = Path(__file__).resolve().parent.parent
GOLD_DIRS = (SHARED_EVAL, ROOT / "tests" / "data")
OUT = ROOT / "bench" / "out" / "embed.md"


def gold_questions(folders: Sequence[Path] = GOLD_DIRS, skip: str = "") -> list[str]:
    """Every distinct question of the gold files in `folders`, in file order (but files named `skip`...)."""
    found: list[str] = []
    for folder in folders:
        for path in sorted(folder.glob("*.yaml")):
            if skip and path.name.startswith(skip):
                continue
            data = yaml.safe_load(path.read_text(encoding="utf-8"))
            found += [item["question"] for item in (data or {}).get("questions", []) if "question" in item]
    return list(dict.fromkeys(found))


def _cpu_us(call: Callable[[], Any], rounds: int) -> float:
    """Median CPU microseconds of a call, over five blocks of `rounds` calls."""
    call()
    blocks = []
    for _ in range(5):
        start = time.process_time()
        for _ in range(rounds):
            call()
        blocks.append((time.process_time() - start) / rounds * 1e6)
    return statistics.median(blocks)


def _ops(encoder: Encoder, rows: int, texts: int) -> dict[str, Callable[[], Any]]:
    """One layer's operations on random inputs of the pass's shapes, each a call."""
    layer = encoder.layers[0]
    rng = np.random.default_rng(1)
    x = rng.standard_normal((rows, encoder.dimension)).astype(np.float32)
    h = rng.standard_normal((rows, layer.up.width)).astype(np.float32)
    qkv = rng.standard_normal((rows, layer.qkv.width)).astype(np.float32)
    outs = {
        n: np.empty((rows, n), dtype=np.float32) for n in {layer.qkv.width, encoder.dimension, h.shape[1]}
    }
    bounds = np.linspace(0, rows, texts + 1).astype(np.int64)
    work = h.copy()
    products = ((x, layer.qkv), (x, layer.out), (x, layer.up), (h, layer.down))
    return {
        "query-key-value product (384 x 1152)": lambda: layer.qkv(x, outs[qkv.shape[1]]),
        "attention output product (384 x 384)": lambda: layer.out(x, outs[x.shape[1]]),
        "feed-forward up product (384 x 1536)": lambda: layer.up(x, outs[h.shape[1]]),
        "feed-forward down product (1536 x 384)": lambda: layer.down(h, outs[x.shape[1]]),
        "  the same four by numpy (float32 BLAS, bias added)": lambda: [
            d(a, outs[d.width], level=0) for a, d in products
        ],
        "attention (per text, no masks)": lambda: encoder._attention(qkv, bounds, outs[x.shape[1]]),
        "  the same by numpy": lambda: numpy_attention(qkv, bounds, outs[x.shape[1]], encoder.heads),
        "  numpy's GELU (exact erf, in place; fused into the up product above)": lambda: (
            np.copyto(work, h),
            gelu_(work),
        ),
        "two layer norms": lambda: [
            add_norm_(x.copy(), x, norm, encoder.eps) for norm in (layer.norm1, layer.norm2)
        ],
        "bias and residual adds (5)": lambda: [np.add(x, x, out=outs[x.shape[1]]) for _ in range(5)],
    }


def ops_table(encoder: Encoder, rounds: int) -> str:
    lines = [
        "| operation (per layer, CPU) | 1 question, 15 rows: us | share | 16 questions, 240 rows: us | share |",
        "|---|---|---|---|---|",
    ]
    figures = {}
    with threadpool_limits(limits=1, user_api="blas"):
        for rows, texts in ((15, 1), (240, 16)):
            figures[rows] = {name: _cpu_us(call, rounds) for name, call in _ops(encoder, rows, texts).items()}
    totals = {rows: sum(v for k, v in f.items() if not k.startswith(" ")) for rows, f in figures.items()}
    for name in figures[15]:
        one, many = figures[15][name], figures[240][name]
        lines.append(
            f"| {name} | {one:.0f} | {one / totals[15]:.0%} | {many:.0f} | {many / totals[240]:.0%} |"
        )
    lines.append(f"| sum, one layer | {totals[15]:.0f} | | {totals[240]:.0f} | |")
    return "\n".join(lines)


def rows_table(encoder: Encoder, rounds: int) -> str:
    """CPU per pass of one text of 1-60 tokens, all six layers and the first two only (their weights, 7 MB
    in float16, stay in the cache between passes; times 3 to compare), by each path of the products."""
    lines = [
        "| rows (tokens) | products by | 6 layers: CPU us a pass | 2 layers x 3: CPU us |",
        "|---|---|---|---|",
    ]
    layers = encoder.layers
    for level in sorted({dense.LEVEL, 0}, reverse=True):
        for rows in (1, 4, 15, 60):
            ids = [[101, *range(2000, 2000 + rows - 2), 102]] if rows > 1 else [[101]]
            run = functools.partial(encoder._forward, ids)
            with _level(level):
                whole = _cpu_us(run, max(1, rounds // 4))
                encoder.layers = layers[:2]
                try:
                    two = _cpu_us(run, max(1, rounds // 4))
                finally:
                    encoder.layers = layers
            lines.append(f"| {rows} | {dense.PATHS[level]} | {whole:.0f} | {3 * two:.0f} |")
    return "\n".join(lines)


class _level:
    """Within the block, the encoder's products go by `level`'s path (bot/semantic/dense.py)."""

    def __init__(self, level: int) -> None:
        self.level, self.saved = level, dense.LEVEL

    def __enter__(self) -> None:
        dense.LEVEL = self.level

    def __exit__(self, *exc: object) -> None:
        dense.LEVEL = self.saved


def pass_table(encoder: Encoder, questions: Sequence[str], rounds: int) -> str:
    lines = [
        "| questions per pass | products by | BLAS threads | CPU ms per question (median) | wall ms (median) |",
        "|---|---|---|---|---|",
    ]
    chosen = list(questions[: 16 * max(1, rounds // 16)])
    for level, threads in [(dense.LEVEL, 1)] + [(0, 1), (0, 2)] * (dense.LEVEL > 0):
        encoder.threads = threads
        for size in (1, 4, 8, 16):
            cpu, wall = [], []
            for start in range(0, len(chosen) - size + 1, size):
                batch = chosen[start : start + size]
                with _level(level):
                    began, began_cpu = time.perf_counter(), time.process_time()
                    encoder.embed_questions(batch)
                    cpu.append((time.process_time() - began_cpu) / size * 1e3)
                    wall.append((time.perf_counter() - began) / size * 1e3)
            lines.append(
                f"| {size} | {dense.PATHS[level]} | {threads} | {statistics.median(cpu):.2f} "
                f"| {statistics.median(wall):.2f} |"
            )
    encoder.threads = 1
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.embed", description=__doc__.splitlines()[0])
    parser.add_argument(
        "--rounds", type=int, default=100, help="calls per timing block; questions per pass row"
    )
    parser.add_argument("--onnx", action="store_true", help="also onnxruntime (bench/embed_onnx.py)")
    parser.add_argument("--out", type=Path, default=OUT)
    args = parser.parse_args(argv)
    settings = load_config(ROOT / "config.yaml").semantic
    encoder = Encoder.load(settings.sha256, settings.max_tokens)
    questions = gold_questions()
    load = os.getloadavg()[0]
    text = "## One layer, op by op\n\n" + ops_table(encoder, args.rounds)
    text += "\n\n## One text's pass by its length\n\n" + rows_table(encoder, args.rounds)
    text += "\n\n## The whole pass\n\n" + pass_table(encoder, questions, max(args.rounds, 64))
    if args.onnx:
        from bench.embed_onnx import onnx_table

        text += "\n\n## onnxruntime\n\n" + onnx_table(encoder, settings.sha256, questions)
    text += (
        f"\n\n{len(questions)} gold questions; load average (1 min) {load:.2f} at start, "
        f"{os.getloadavg()[0]:.2f} at end, on {os.cpu_count()} cores (shared: noisy)."
    )
    write_report(text, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
