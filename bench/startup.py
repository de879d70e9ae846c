"""Start-up benchmark (issue 13): `summitbot ask` on the seed corpus as a whole process, and where its time goes.

    python -m bench.startup [--runs 10] [--base DIR]

Whole process: `python -m bot ask "..."` run `--runs` times (after one untimed warm-up run that may write the
config cache and the saved index), cycling through the dev questions, beside the floors `python -c pass`
and `python -c 'import numpy'`: the median wall time, CPU time (user + system) and peak RSS of each child
(its own, from wait4; it counts from the fork, so a small child shows the bench's own size), and the load
average before and after. With `--base DIR` (another checkout, such as `git archive` of an older commit)
its runs are interleaved with this tree's, so both see the same load. Steps: one start cut into its steps
inside one process (`--runs` probes per tree, interleaved, median of each step), in CPU and wall time.
The machine is shared: wall times follow the load, CPU times much less. Children run without
PYTHONDONTWRITEBYTECODE, their bytecode cached, as an installed package starts.
Output: printed and written to bench/out/startup.md (git-ignored).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.ask import DEV, TARGET_PROCESS_S, load_questions
from bench.report import write_report

__all__ = ["main", "phase_table", "process_table"]

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "startup.md"
_ENV = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}

# The steps of `summitbot ask` (bot/cli), each ended by a mark: (step, wall s, CPU s) printed as JSON.
_PROBE = """
import json, sys, time
marks = [("interpreter and site", time.perf_counter(), time.process_time())]
def mark(step): marks.append((step, time.perf_counter(), time.process_time()))
import bot.cli
from bot.cli.context import Context
try:
    from bot.cli.context import one_blas_thread
except ImportError:  # an older checkout (--base): its CLI set no thread count
    def one_blas_thread(): pass
mark("import bot.cli (argparse, config and result classes)")
one_blas_thread()
ctx = Context()
ctx.config
mark("config.yaml (cached parse, validation)")
import bot.service
mark("import bot.service (numpy, search, corpus store)")
service = ctx.service
service.articles
mark("serving corpus (lock, stat key, arrays)")
service.index
mark("saved index (facts, BM25, terms, vectors)")
import bot.answering
mark("import bot.answering")
service.ask(sys.argv[1])
mark("first answer (model load, embedding)")
print(json.dumps([(s, w - marks[0][1], c) for s, w, c in marks]))
"""


def _run(command: list[str], cwd: Path) -> tuple[float, float, float]:
    """(wall s, CPU s, peak RSS MB) of one child process (its own rusage, from wait4)."""
    with tempfile.TemporaryFile() as errors:
        start = time.perf_counter()
        child = subprocess.Popen(command, cwd=cwd, env=_ENV, stdout=subprocess.DEVNULL, stderr=errors)
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, not by Popen
        if child.returncode != 0:
            errors.seek(0)
            raise RuntimeError(
                f"{' '.join(command)} in {cwd} failed:\n{errors.read().decode(errors='replace')}"
            )
    return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024


# Floors every run is measured against: the interpreter alone, and with numpy (which an answer needs).
_FLOORS = {
    "floor: `python -c pass`": ["-c", "pass"],
    "floor: `python -c 'import numpy'`": ["-c", "import numpy"],
}


def process_table(trees: dict[str, Path], questions: Sequence[str], runs: int) -> str:
    """Whole-process `python -m bot ask` in each tree and the floors, runs interleaved; a warm-up run each."""
    commands = {name: (["-m", "bot", "ask"], tree) for name, tree in trees.items()}
    commands.update({name: (argv, ROOT) for name, argv in _FLOORS.items()})
    for argv, tree in commands.values():
        _run([sys.executable, *argv, questions[0]], tree)
    load_before = os.getloadavg()[0]
    times: dict[str, list[tuple[float, float, float]]] = {name: [] for name in commands}
    for i in range(runs):
        for name, (argv, tree) in commands.items():
            times[name].append(_run([sys.executable, *argv, questions[i % len(questions)]], tree))
    load_after = os.getloadavg()[0]
    lines = [
        "| process | wall median | wall min | CPU median | peak RSS | runs | target |",
        "|---|---|---|---|---|---|---|",
    ]
    for name, rows in times.items():
        wall = statistics.median(r[0] for r in rows)
        verdict = "–" if name in _FLOORS else "met" if wall <= TARGET_PROCESS_S else "MISSED"
        target = "–" if name in _FLOORS else f"<= {TARGET_PROCESS_S:g} s wall: {verdict}"
        lines.append(
            f"| {name} | {wall * 1000:.0f} ms | {min(r[0] for r in rows) * 1000:.0f} ms "
            f"| {statistics.median(r[1] for r in rows) * 1000:.0f} ms "
            f"| {statistics.median(r[2] for r in rows):.0f} MB | {len(rows)} | {target} |"
        )
    lines.append(
        f"\nLoad average (1 min) on {os.cpu_count()} cores: {load_before:.2f} before, {load_after:.2f} after."
    )
    return "\n".join(lines)


def _probe(tree: Path, question: str) -> list[tuple[str, float, float]]:
    command = [sys.executable, "-c", _PROBE, question]
    done = subprocess.run(command, cwd=tree, env=_ENV, capture_output=True, text=True, check=True)
    return [tuple(step) for step in json.loads(done.stdout.splitlines()[-1])]


def phase_table(trees: dict[str, Path], question: str, runs: int) -> str:
    """The median CPU (and wall) time of each step of a start, over `runs` fresh processes per tree, the
    trees' probes interleaved (so both see the same load)."""
    probes: dict[str, list[list[tuple[str, float, float]]]] = {name: [] for name in trees}
    for _ in range(runs):
        for name, tree in trees.items():
            probes[name].append(_probe(tree, question))
    lines = [
        "| step | " + " | ".join(f"{name}: CPU ms (wall ms)" for name in trees) + " |",
        "|---|" + "---|" * len(trees),
    ]
    steps = next(iter(probes.values()))[0]
    for i, (step, _, _) in enumerate(steps):
        cells = []
        for runs_of_tree in probes.values():
            cpu = statistics.median(p[i][2] - (p[i - 1][2] if i else 0.0) for p in runs_of_tree)
            if i == 0:  # the interpreter's own start: its wall start is before the first mark
                cells.append(f"{cpu * 1000:.1f}")
                continue
            wall = statistics.median(p[i][1] - p[i - 1][1] for p in runs_of_tree)
            cells.append(f"{cpu * 1000:.1f} ({wall * 1000:.0f})")
        lines.append(f"| {step} | " + " | ".join(cells) + " |")
    totals = [statistics.median(p[-1][2] for p in r) * 1000 for r in probes.values()]
    lines.append(
        "| total in the process (CPU from its start) | " + " | ".join(f"{t:.1f}" for t in totals) + " |"
    )
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.startup", description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=10, help="process runs per tree (default 10)")
    parser.add_argument("--base", type=Path, help="another checkout to time, interleaved (before/after)")
    parser.add_argument("--gold", type=Path, default=DEV, help="the questions (qa_dev.yaml format)")
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the markdown")
    args = parser.parse_args(argv)
    questions = [q for q, follows in load_questions(args.gold) if follows is None]
    trees = {"`python -m bot ask`, this tree": ROOT}
    if args.base is not None:
        trees = {f"`python -m bot ask`, base ({args.base})": args.base.resolve(), **trees}
    text = "## Whole process\n\n" + process_table(trees, questions, args.runs)
    steps = {"this tree": ROOT} if args.base is None else {"base": args.base.resolve(), "this tree": ROOT}
    text += "\n\n## Steps of one start\n\n" + phase_table(steps, questions[0], args.runs)
    write_report(text, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
