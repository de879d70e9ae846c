"""Answer-latency benchmark on the real corpus: `service.ask` in process, and `summitbot ask` as a process.

    python -m bench.ask [--rounds 10] [--runs 15] [--profile] [--semantic]

In process: the dev questions of qa_dev.yaml (questions only; a follow-up is asked right after the question
it follows, in one conversation, and only the follow-up is timed), once as a warm-up and then `--rounds`
times over, at least 300 timings. As a process: the wall time of `python -m bot ask "..."` and of the
`summitbot` console script beside the interpreter, `--runs` runs each, the persisted index already on disk.
The markdown table is printed and written to bench/out/ask.md; `--profile` adds the cProfile of the timed
questions and the slowest imports of one `summitbot ask`. `--semantic` adds the cost of the sentence
embeddings (bot/semantic): loading the model, embedding a question, embedding the corpus at index time per
1,000 sentences, the memory they take, and `service.ask` with `semantic.enabled: false` for comparison.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import dataclasses
import io
import os
import pstats
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np
import yaml

from bench.paths import SHARED_EVAL
from bench.report import write_report
from bot.config import load_config
from bot.conversation import Conversation
from bot.errors import InputError, SummitbotError
from bot.service import CoverageService

__all__ = ["ask_timings", "load_questions", "main", "profile_calls", "summary"]

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "bench" / "out" / "ask.md"
DEV = Path(os.environ.get("SUMMITBOT_DEV_QA", str(SHARED_EVAL / "qa_dev.yaml")))
MIN_TIMINGS = 300
TARGET_ASK_MS = 5.0
TARGET_PROCESS_S = 0.2  # issue 13: `summitbot ask` on the seed corpus as a whole process


def load_questions(path: Path = DEV) -> list[tuple[str, str | None]]:
    """(question, the question it follows or None) for every item of a gold file."""
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    by_id = {item["id"]: item["question"] for item in data["questions"]}
    return [(item["question"], by_id.get(item.get("follows") or "")) for item in data["questions"]]


def _ask_one(
    service: CoverageService, question: str, follows: str | None, cpu: list[float] | None = None
) -> float:
    """Seconds for one answer (its CPU seconds appended to `cpu`); a follow-up's conversation is primed
    (untimed) with the question before it."""
    conversation = None
    if follows is not None:
        conversation = Conversation()
        service.ask(follows, conversation=conversation)
    start, start_cpu = time.perf_counter(), time.thread_time()
    with contextlib.suppress(InputError):  # a rejected question is a reply too, and is timed as one
        service.ask(question, conversation=conversation)
    if cpu is not None:
        cpu.append(time.thread_time() - start_cpu)
    return time.perf_counter() - start


def ask_timings(
    service: CoverageService,
    questions: Sequence[tuple[str, str | None]],
    rounds: int,
    cpu: list[float] | None = None,
) -> list[float]:
    """One warm-up pass, then `rounds` timed passes over the questions (seconds each; with `cpu`, each
    one's CPU seconds appended to it: on a shared machine the CPU shows the work without the waits)."""
    for question, follows in questions:
        _ask_one(service, question, follows)
    return [_ask_one(service, q, f, cpu) for _ in range(rounds) for q, f in questions]


def summary(seconds: Sequence[float]) -> dict[str, float]:
    """Median, p95 and max in milliseconds, and the count."""
    ms = np.asarray(seconds) * 1000
    return {
        "median_ms": float(np.median(ms)),
        "p95_ms": float(np.percentile(ms, 95)),
        "max_ms": float(ms.max()),
        "n": len(ms),
    }


def profile_calls(call: Callable[[], Any], top: int = 25) -> str:
    """cProfile of `call`: the functions with the most own time, then the most cumulative time."""
    profiler = cProfile.Profile()
    profiler.runcall(call)
    out = io.StringIO()
    stats = pstats.Stats(profiler, stream=out).strip_dirs()
    stats.sort_stats("tottime").print_stats(top)
    stats.sort_stats("cumulative").print_stats(top)
    return out.getvalue()


def _process_runs(
    command: list[str], questions: Sequence[str], runs: int, env: dict[str, str] | None = None
) -> list[tuple[float, float]]:
    """(wall, CPU) seconds of each run: on a shared machine the CPU time shows the work without the waits."""
    times = []
    for i in range(runs + 1):
        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        start = time.perf_counter()
        done = subprocess.run(
            [*command, questions[i % len(questions)]],
            cwd=ROOT,
            capture_output=True,
            text=True,
            check=False,
            env=env,
        )
        elapsed = time.perf_counter() - start
        after = resource.getrusage(resource.RUSAGE_CHILDREN)
        cpu = after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime
        if done.returncode != 0:
            raise RuntimeError(f"{' '.join(command)} failed:\n{done.stderr}")
        if i:  # the first run is the warm-up (page cache, the persisted index written if missing)
            times.append((elapsed, cpu))
    return times


def process_timings(questions: Sequence[str], runs: int) -> dict[str, list[tuple[float, float]]]:
    """Wall times of whole processes: the interpreter alone, numpy's import, and the two CLI faces."""
    script = Path(sys.executable).with_name("summitbot")
    commands = {
        "python -c pass (interpreter floor)": [sys.executable, "-c", "pass", "--"],
        "python -c 'import numpy' (floor + numpy)": [sys.executable, "-c", "import numpy", "--"],
        "python -m bot ask": [sys.executable, "-m", "bot", "ask"],
        "summitbot ask (console script)": [str(script), "ask"],
    }
    timings = {name: _process_runs(command, questions, runs) for name, command in commands.items()}
    if os.environ.get("PYTHONDONTWRITEBYTECODE"):  # this machine compiles our modules at every start
        cached = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        name = "python -m bot ask, bytecode cached (as an installed package starts)"
        timings[name] = _process_runs(commands["python -m bot ask"], questions, runs, cached)
    return timings


def import_profile(question: str, top: int = 15) -> str:
    """The slowest imports (cumulative microseconds) of one `python -X importtime -m bot ask`."""
    done = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "bot", "ask", question],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    rows = []
    for line in done.stderr.splitlines():
        if line.startswith("import time:") and "|" in line and "cumulative" not in line:
            own, cumulative, name = (part.strip() for part in line.replace("import time:", "").split("|"))
            rows.append((int(cumulative), int(own), name))
    rows.sort(reverse=True)
    lines = ["| module | cumulative ms | own ms |", "|---|---|---|"]
    lines += [f"| {name} | {cum / 1000:.1f} | {own / 1000:.1f} |" for cum, own, name in rows[:top]]
    return "\n".join(lines)


def table(
    in_process: dict[str, float],
    cold: float,
    processes: dict[str, list[tuple[float, float]]],
    cpu: dict[str, float] | None = None,
) -> str:
    ok = "met" if in_process["median_ms"] < TARGET_ASK_MS else "MISSED"
    lines = [
        "| measurement | median | p95 | max | runs | target |",
        "|---|---|---|---|---|---|",
        f"| `service.ask` in process (warm) | {in_process['median_ms']:.2f} ms | {in_process['p95_ms']:.2f} ms "
        f"| {in_process['max_ms']:.2f} ms | {in_process['n']} | < {TARGET_ASK_MS:g} ms median: {ok} |",
        f"| first `service.ask` of a new service (loads corpus + index) | {cold * 1000:.1f} ms | – | – | 1 | – |",
    ]
    if cpu is not None:
        lines.insert(
            3,
            f"| the same, CPU (its thread's) | {cpu['median_ms']:.2f} ms | {cpu['p95_ms']:.2f} ms "
            f"| {cpu['max_ms']:.2f} ms | {cpu['n']} | – |",
        )
    for name, runs in processes.items():
        s = summary([wall for wall, _ in runs])
        cpu_ms = float(np.median([cpu for _, cpu in runs])) * 1000
        target = "–"
        if "ask" in name:
            target = f"< {TARGET_PROCESS_S:g} s median: " + (
                "met" if s["median_ms"] < TARGET_PROCESS_S * 1000 else "MISSED"
            )
        lines.append(
            f"| {name} | {s['median_ms']:.0f} ms (CPU {cpu_ms:.0f} ms) | {s['p95_ms']:.0f} ms | {s['max_ms']:.0f} ms "
            f"| {s['n']} | {target} |"
        )
    return "\n".join(lines)


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def semantic_table(service: CoverageService, questions: Sequence[tuple[str, str | None]], rounds: int) -> str:
    """What the sentence embeddings cost: model load, a question, the corpus per 1,000 sentences, memory,
    and the in-process answer without them."""
    from bot.semantic import Encoder
    from bot.semantic.dense import LEVEL, PATHS

    settings = service.config.semantic
    before, start = _rss_mb(), time.perf_counter()
    encoder = Encoder.load(settings.sha256, settings.max_tokens)  # a fresh load (sha256 check included)
    load_s, model_mb = time.perf_counter() - start, _rss_mb() - before
    with tempfile.TemporaryDirectory() as remembered:  # the check remembered, as an index folder keeps it
        Encoder.load(settings.sha256, settings.max_tokens, verified_dir=Path(remembered))
        start = time.perf_counter()
        Encoder.load(settings.sha256, settings.max_tokens, verified_dir=Path(remembered))
        trusted_s = time.perf_counter() - start
    texts = [q for q, _ in questions]
    encoder.embed(texts)
    per_question = summary([_timed(lambda q=q: encoder.embed([q])) for _ in range(rounds) for q in texts])
    sentences = [s.text for a in service.articles for s in a.sentences] * 3
    corpus_s = _timed(lambda: encoder.embed(sentences, settings.batch))
    lexical_config = dataclasses.replace(
        service.config, semantic=dataclasses.replace(settings, enabled=False)
    )
    lexical = CoverageService(lexical_config, service.articles)
    _ask_one(lexical, *questions[0])
    without = summary(ask_timings(lexical, questions, rounds))
    per_1000 = corpus_s / len(sentences) * 1000
    return "\n".join(
        [
            "| semantic measurement | figure |",
            "|---|---|",
            f"| model load (90 MB safetensors, memory-mapped, sha256 checked) | {load_s * 1000:.0f} ms, "
            f"+{model_mb:.0f} MB RSS |",
            f"| model load, its check remembered for the unchanged file | {trusted_s * 1000:.1f} ms |",
            f"| one question embedded (products: {PATHS[LEVEL]}) | {per_question['median_ms']:.1f} ms median, "
            f"{per_question['p95_ms']:.1f} ms p95 ({per_question['n']}) |",
            f"| corpus at index time | {per_1000:.1f} s per 1,000 sentences ({len(sentences)} embedded, "
            f"batch {settings.batch}); {settings.max_sentences:,} sentences (`semantic.max_sentences`) "
            f"take about {per_1000 * settings.max_sentences / 1000:.0f} s |",
            f"| vectors | {encoder.dimension * 4} bytes per sentence in memory (float32), "
            f"{encoder.dimension * 2} on disk (float16): "
            f"{encoder.dimension * 4 * settings.max_sentences / 1e6:.1f} MB in memory at max_sentences |",
            f"| `service.ask` with `semantic.enabled: false` | {without['median_ms']:.2f} ms median, "
            f"{without['p95_ms']:.2f} ms p95 ({without['n']}) |",
        ]
    )


def batched_table(service: CoverageService, questions: Sequence[tuple[str, str | None]], rounds: int) -> str:
    """Questions embedded and answered together (what a Discord answer process does with the questions that
    wait for it) against one at a time: CPU per question, in this process."""
    from bot.semantic import encoder_for

    texts = [q for q, follows in questions if follows is None]
    encoder = encoder_for(service.config.semantic)
    lines = [
        "| questions together (CPU per question, median of batches) | embedding | whole answer |",
        "|---|---|---|",
    ]
    for size in sorted({1, 4, 8, service.config.discord.question_batch}):
        batches = [texts[i : i + size] for _ in range(rounds) for i in range(0, len(texts) - size + 1, size)]
        embed = [_cpu(lambda b=b: encoder.embed_questions(b)) / len(b) for b in batches]
        answer = [_cpu(lambda b=b: _ask_together(service, b)) / len(b) for b in batches]
        lines.append(
            f"| {size} ({len(batches)} batches) | {1000 * statistics.median(embed):.2f} ms "
            f"| {1000 * statistics.median(answer):.2f} ms |"
        )
    alone = [_cpu(lambda q=q: encoder.embed([q])) for _ in range(rounds) for q in texts]
    asked = [
        _cpu(lambda q=q: _ask_together(service, [q], together=False)) for _ in range(rounds) for q in texts
    ]
    lines.append(
        f"| one at a time, as before (`embed`, `service.ask`) | {1000 * statistics.median(alone):.2f} ms "
        f"| {1000 * statistics.median(asked):.2f} ms |"
    )
    return "\n".join(lines)


def _ask_together(service: CoverageService, batch: Sequence[str], *, together: bool = True) -> None:
    context = service.asked_together([(q, None) for q in batch]) if together else contextlib.nullcontext()
    with context:
        for question in batch:
            with contextlib.suppress(SummitbotError):
                service.ask(question)


def _cpu(call: Callable[[], Any]) -> float:
    start = time.process_time()
    call()
    return time.process_time() - start


def _timed(call: Callable[[], Any]) -> float:
    start = time.perf_counter()
    call()
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ask", description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=0, help="timed passes (default: enough for 300)")
    parser.add_argument("--runs", type=int, default=15, help="process runs per command (default 15)")
    parser.add_argument("--gold", type=Path, default=DEV, help="the questions (qa_dev.yaml format)")
    parser.add_argument("--profile", action="store_true", help="add cProfile and import-time breakdowns")
    parser.add_argument(
        "--in-process", action="store_true", help="time service.ask only (no process runs of the CLI faces)"
    )
    parser.add_argument("--out", type=Path, default=OUT, help="where to write the markdown")
    parser.add_argument("--semantic", action="store_true", help="add the sentence embeddings' costs")
    args = parser.parse_args(argv)

    questions = load_questions(args.gold)
    rounds = args.rounds or -(-MIN_TIMINGS // len(questions))
    config = load_config(ROOT / "config.yaml")
    service = CoverageService(config)
    start = time.perf_counter()
    _ask_one(service, *questions[0])
    cold = time.perf_counter() - start
    cpu: list[float] = []
    in_process = summary(ask_timings(service, questions, rounds, cpu))
    processes = {} if args.in_process else process_timings([q for q, f in questions if f is None], args.runs)
    text = table(in_process, cold, processes, summary(cpu))
    text += (
        f"\n\nCorpus: {len(service.articles)} articles, {len(service.index)} sentences ({ROOT / 'config.yaml'}). "
        f"Questions: the {len(questions)} of {args.gold.name}, {rounds} timed passes after a warm-up. "
        "Process runs cycle through the questions; the first run of each command is not counted."
    )
    if args.semantic:
        text += "\n\n## Sentence embeddings\n\n" + semantic_table(service, questions, rounds)
        text += "\n\n## Questions together (Discord's answer processes)\n\n" + batched_table(
            service, questions, max(1, rounds // 3)
        )
    if args.profile:
        report = profile_calls(lambda: ask_timings(service, questions, rounds))
        text += "\n\n## cProfile of the timed passes\n\n```\n" + report.strip() + "\n```"
        text += "\n\n## Slowest imports of `python -m bot ask`\n\n" + import_profile(questions[0][0])
    write_report(text, args.out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
