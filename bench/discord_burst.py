"""The Discord face under load: a burst of /ask at once, then a sustained rate of new questions.

    python -m bench.discord_burst                       # the seed corpus: 200 at once, then 100/s for 20 s
    python -m bench.discord_burst --sentences 100000    # a generated corpus (bench/scale_corpus.py)
    python -m bench.discord_burst --rate 50 --seconds 10 --burst 100
    python -m bench.discord_burst --threads             # /ask on threads instead of processes

The real bot (discord.py's own HTTP and gateway code) runs in this process; the fake Discord of
tests/discord runs in a child process on 127.0.0.1 and sends the questions, as Discord would from
elsewhere. Every question is new (bench/scale_corpus.py's generator; no answer is cached). Times run from
the moment the fake sends the INTERACTION_CREATE to the moment it receives the bot's acknowledgement (the
deferral, or the busy reply) and its answer (the follow-up). Also reported: the deepest the answer queue
got, refusals ("busy, try again"), the bot's event loop's worst lag (a 10 ms ticker), which shows that
answers stay off the loop, and per phase the CPU of each process (the bot, its answer processes, the fake)
an answered question and how long the cores stood idle (/proc/stat): a burst is CPU-bound when they never do.
Needs the test extra (aiohttp). Figures are noisy on a shared machine: run it more than once.
"""

from __future__ import annotations

import argparse
import asyncio
import dataclasses
import json
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "discord"))

import discord  # noqa: E402
import yarl  # noqa: E402
from fake_discord import APP_ID, TOKEN, USER_ID, FakeDiscord, Recorded  # noqa: E402

from bench.scale_corpus import generate_articles, generate_questions  # noqa: E402
from bot.collector import fewer_collections  # noqa: E402
from bot.config import Config, load_config  # noqa: E402
from bot.discord.client import SummitBot  # noqa: E402
from bot.discord.pool import run_event_loop  # noqa: E402
from bot.discord.runner import settle_process  # noqa: E402
from bot.search import CorpusIndex  # noqa: E402
from bot.service import CoverageService  # noqa: E402

__all__ = ["main"]

TARGETS = {"burst_ack_s": 3.0, "burst_p95_ms": 500.0, "sustained_p95_ms": 30.0}


class TimedFake(FakeDiscord):
    """The fake Discord, noting when each interaction was sent, acknowledged and answered."""

    def __init__(self) -> None:
        super().__init__()
        self.sent: dict[str, float] = {}
        self.acked: dict[str, tuple[float, int]] = {}  # token -> (time, callback type)
        self.answered: dict[str, float] = {}

    async def _record(self, recorded: Recorded) -> None:
        now = time.perf_counter()
        parts = recorded.path.strip("/").split("/")
        if parts[0] == "interactions" and parts[-1] == "callback":
            self.acked.setdefault(parts[2], (now, recorded.body["type"]))
        elif recorded.path.startswith(f"/webhooks/{APP_ID}/") and recorded.method == "POST":
            self.answered.setdefault(parts[2], now)
        self.requests.append(recorded)

    async def ask(self, question: str, user: int) -> str:
        started = time.perf_counter()
        _, token = await self.command("ask", question=question, user_id=USER_ID + user)
        self.sent[token] = started
        return token


def percentile(values: Sequence[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))] if ordered else float("nan")


async def _settle(fake: TimedFake, tokens: Sequence[str], timeout: float) -> None:
    """Wait until every token is answered or refused (a busy reply is its own answer)."""
    deadline = time.perf_counter() + timeout
    while time.perf_counter() < deadline:
        if all(t in fake.answered or fake.acked.get(t, (0, 0))[1] == 4 for t in tokens):
            return
        await asyncio.sleep(0.05)


def _figures(fake: TimedFake, tokens: Sequence[str]) -> dict[str, Any]:
    acks = [fake.acked[t][0] - fake.sent[t] for t in tokens if t in fake.acked]
    answers = [fake.answered[t] - fake.sent[t] for t in tokens if t in fake.answered]
    busy = sum(1 for t in tokens if fake.acked.get(t, (0, 0))[1] == 4)
    first = min(fake.sent[t] for t in tokens)
    return {
        "asked": len(tokens),
        "acknowledged": len(acks),
        "all_acked_s": max(fake.acked[t][0] for t in tokens if t in fake.acked) - first if acks else None,
        "ack_p95_ms": 1000 * percentile(acks, 0.95),
        "answered": len(answers),
        "busy": busy,
        "answer_p50_ms": 1000 * percentile(answers, 0.50),
        "answer_p95_ms": 1000 * percentile(answers, 0.95),
        "answer_max_ms": 1000 * max(answers, default=float("nan")),
    }


async def burst(fake: TimedFake, questions: list[str], n: int) -> dict[str, Any]:
    tokens = await asyncio.gather(*(fake.ask(questions.pop(), user) for user in range(n)))
    await _settle(fake, tokens, timeout=120)
    return _figures(fake, tokens)


async def sustained(fake: TimedFake, questions: list[str], rate: float, seconds: float) -> dict[str, Any]:
    tasks = []
    start = time.perf_counter()
    for i in range(int(rate * seconds)):
        delay = start + i / rate - time.perf_counter()
        if delay > 0:
            await asyncio.sleep(delay)
        tasks.append(asyncio.create_task(fake.ask(questions.pop(), 1000 + i)))
    offered = len(tasks) / (time.perf_counter() - start)
    tokens = await asyncio.gather(*tasks)
    await _settle(fake, tokens, timeout=120)
    return {**_figures(fake, tokens), "offered_per_s": offered}


async def drive(args: argparse.Namespace) -> None:
    """The child: the fake Discord, which waits for the bot, then asks; phases and results on stdout."""
    questions = list(dict.fromkeys(generate_questions(4 * (args.burst + int(args.rate * args.seconds)))))
    fake = TimedFake()
    await fake.start()
    print(f"PORT {fake.port}", flush=True)
    await fake.wait_identified(timeout=120)
    await asyncio.sleep(1.0)  # the bot's guild_ready_timeout, and a moment to settle
    print("PHASE burst", flush=True)
    result = {"burst": await burst(fake, questions, args.burst)}
    print("PHASE sustained", flush=True)
    result["sustained"] = await sustained(fake, questions, args.rate, args.seconds)
    print("RESULT " + json.dumps(result), flush=True)
    await fake.close()


def _cpu_seconds(pid: int) -> float:
    """User + system CPU seconds of a live process so far (Linux /proc), 0 when it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text(encoding="ascii").rsplit(")", 1)[1].split()
    except OSError:
        return 0.0
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _idle_seconds() -> float:
    """Seconds the machine's cores have been idle so far, summed over the cores (Linux /proc/stat)."""
    fields = Path("/proc/stat").read_text(encoding="ascii").split("\n", 1)[0].split()
    return (int(fields[4]) + int(fields[5])) / os.sysconf("SC_CLK_TCK")  # idle + iowait


class Watch:
    """In the bot's process: the event loop's worst lag and the deepest the answer queue got, per phase,
    and the CPU each process spent in it (the bot, its answer processes, the fake Discord)."""

    def __init__(self, bot: SummitBot, fake_pid: int) -> None:
        self.bot = bot
        self.fake_pid = fake_pid
        self.phases: dict[str, dict[str, float]] = {}
        self.current = "start"
        self._cpu = self._cpu_now()

    def _cpu_now(self) -> dict[str, float]:
        asker = self.bot.answers.asker
        pids = list(asker.executor._processes) if asker is not None else []  # the pool's own pids
        return {
            "cpu_bot_s": time.process_time(),
            "cpu_answer_processes_s": sum(_cpu_seconds(pid) for pid in pids),
            "cpu_fake_s": _cpu_seconds(self.fake_pid),
            "idle_s": _idle_seconds(),
            "wall_s": time.perf_counter(),
        }

    def mark(self, phase: str) -> None:
        """The current phase ends (its CPU is noted) and `phase` begins."""
        now = self._cpu_now()
        figures = self.phases.setdefault(self.current, {"loop_lag_ms": 0.0, "waiting_peak": 0})
        figures.update({key: now[key] - self._cpu[key] for key in now})
        self._cpu, self.current = now, phase

    async def run(self) -> None:
        while True:
            before = time.perf_counter()
            await asyncio.sleep(0.01)
            lag = time.perf_counter() - before - 0.01
            phase = self.phases.setdefault(self.current, {"loop_lag_ms": 0.0, "waiting_peak": 0})
            phase["loop_lag_ms"] = max(phase["loop_lag_ms"], 1000 * lag)
            phase["waiting_peak"] = max(phase["waiting_peak"], self.bot.answers.waiting)


def _service(config: Config, sentences: int) -> CoverageService:
    if not sentences:
        service = CoverageService(config)
    else:
        articles = generate_articles(sentences, config)
        service = CoverageService(config, index=CorpusIndex(articles, config))
    _ = service.index
    return service


def _child_command(args: argparse.Namespace) -> list[str]:
    return [
        sys.executable, "-m", "bench.discord_burst", "--drive", "--burst", str(args.burst),
        "--rate", str(args.rate), "--seconds", str(args.seconds),
    ]  # fmt: skip


async def run(args: argparse.Namespace) -> dict[str, Any]:
    """The parent: the bot, pointed at the child's fake Discord, watched while the child asks."""
    base = load_config(ROOT / "config.yaml")
    changes: dict[str, Any] = {
        "cooldown_rate": 0,
        "workers": args.workers,
        "answer_processes": not args.threads,
    }
    if args.switch_interval_ms is not None:
        changes["switch_interval_ms"] = args.switch_interval_ms
    if args.queue_limit is not None:
        changes["queue_limit"] = args.queue_limit
    config = dataclasses.replace(base, discord=dataclasses.replace(base.discord, **changes))
    load_before = os.getloadavg()[0]
    started = time.perf_counter()
    service = _service(config, args.sentences)
    load_s = time.perf_counter() - started
    child = await asyncio.create_subprocess_exec(
        *_child_command(args), cwd=ROOT, stdout=asyncio.subprocess.PIPE
    )
    assert child.stdout is not None
    port = int((await child.stdout.readline()).split()[1])
    discord.http.Route.BASE = f"http://127.0.0.1:{port}/api/v10"
    discord.gateway.DiscordWebSocket.DEFAULT_GATEWAY = yarl.URL(f"ws://127.0.0.1:{port}/")
    bot = SummitBot(config, service, guild_ready_timeout=0.05)
    settle_process(config, service)  # as `summitbot run` does (its collector's threshold too)
    task = asyncio.create_task(bot.start(TOKEN))
    watch = Watch(bot, child.pid)
    watcher = asyncio.create_task(watch.run())
    result: dict[str, Any] = {}
    try:
        async for raw in child.stdout:
            line = raw.decode().strip()
            if line.startswith("PHASE "):
                watch.mark(line.split()[1])
            elif line.startswith("RESULT "):
                watch.mark("end")
                result = json.loads(line.removeprefix("RESULT "))
    finally:
        watcher.cancel()
        await child.wait()
        await bot.close()
        await asyncio.wait_for(task, 10)
    for phase, figures in watch.phases.items():
        if phase in ("burst", "sustained"):
            result.setdefault(phase, {}).update(figures)
    result.update(
        sentences=len(service.index),
        load_s=load_s,
        workers=bot.answers.workers,
        kind="processes" if bot.answers.asker is not None else "threads",
        queue_bound=bot.answers.capacity - bot.answers.workers,
        load_average=(load_before, os.getloadavg()[0]),
    )
    if bot.answers.asker is not None:  # questions embedded together (bot/discord/processes.py)
        asker = bot.answers.asker
        result.update(
            batches=asker.sent[0], batched=asker.sent[1], largest_batch=asker.largest, ahead=asker.ahead
        )
    return result


def _verdict(value: float | None, target: float) -> str:
    return "met" if value is not None and value <= target else "MISSED"


def report(result: dict[str, Any], args: argparse.Namespace) -> str:
    b, s = result["burst"], result["sustained"]
    lines = [
        f"corpus: {result['sentences']:,} sentences (ready in {result['load_s']:.1f} s); "
        f"{result['workers']} answer {result['kind']}, queue bound {result['queue_bound']}; "
        f"load average (1 min) {result['load_average'][0]:.2f} at start, {result['load_average'][1]:.2f} "
        f"at end, on {os.cpu_count()} cores (a shared machine: noisy)",
        "",
        "| scenario | asked | acknowledged | all acked s | ack p95 ms | answered | busy | answer p50 ms "
        "| answer p95 ms | answer max ms | most waiting | loop lag max ms |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for name, f in ((f"{args.burst} /ask at once", b), (f"{args.rate:g}/s for {args.seconds:g} s", s)):
        acked = f"{f['all_acked_s']:.2f}" if f["all_acked_s"] is not None else "-"
        lines.append(
            f"| {name} | {f['asked']} | {f['acknowledged']} | {acked} | {f['ack_p95_ms']:.1f} | {f['answered']} "
            f"| {f['busy']} | {f['answer_p50_ms']:.1f} | {f['answer_p95_ms']:.1f} | {f['answer_max_ms']:.1f} "
            f"| {f['waiting_peak']} | {f['loop_lag_ms']:.1f} |"
        )
    lines += [
        "",
        f"offered {s['offered_per_s']:.1f} questions/s; at most {s['waiting_peak']} waiting "
        f"(bound {result['queue_bound']})",
    ]
    for name, f in (("burst", b), ("sustained", s)):
        if "cpu_bot_s" in f:
            n = max(1, f["answered"])
            lines.append(
                f"CPU in the {name} phase, s (ms per answered question): bot {f['cpu_bot_s']:.2f} "
                f"({1000 * f['cpu_bot_s'] / n:.2f}), answer processes {f['cpu_answer_processes_s']:.2f} "
                f"({1000 * f['cpu_answer_processes_s'] / n:.2f}), fake Discord {f['cpu_fake_s']:.2f} "
                f"({1000 * f['cpu_fake_s'] / n:.2f}); the cores idle {f['idle_s']:.2f} s of "
                f"{f['wall_s'] * (os.cpu_count() or 1):.2f} core-seconds"
            )
    if "batches" in result:
        lines.append(
            f"answer processes: {result['batched']} questions in {result['batches']} batches "
            f"(largest {result['largest_batch']}, limit discord.question_batch; {result['ahead']} sent ahead "
            "to a busy worker)"
        )
    lines += [
        f"targets: burst all acknowledged < {TARGETS['burst_ack_s']:g} s: {_verdict(b['all_acked_s'], TARGETS['burst_ack_s'])}"
        f" and every one of them: {'met' if b['acknowledged'] == b['asked'] else 'MISSED'}; "
        f"burst answer p95 <= {TARGETS['burst_p95_ms']:g} ms: {_verdict(b['answer_p95_ms'], TARGETS['burst_p95_ms'])}; "
        f"sustained answer p95 <= {TARGETS['sustained_p95_ms']:g} ms: "
        f"{_verdict(s['answer_p95_ms'], TARGETS['sustained_p95_ms'])}; "
        f"queue bounded: {'met' if s['waiting_peak'] <= result['queue_bound'] else 'MISSED'}",
    ]
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--sentences", type=int, default=0, help="a generated corpus of this size (0: the seeds)"
    )
    parser.add_argument("--burst", type=int, default=200, help="/ask sent at once")
    parser.add_argument("--rate", type=float, default=100.0, help="new questions per second, sustained")
    parser.add_argument("--seconds", type=float, default=20.0, help="how long the rate is held")
    parser.add_argument("--workers", type=int, default=0, help="answer workers (0: one per core)")
    parser.add_argument("--queue-limit", type=int, default=None, help="default: config.yaml's")
    parser.add_argument(
        "--threads", action="store_true", help="answer on threads, not processes (the seed corpus only)"
    )
    parser.add_argument("--switch-interval-ms", type=float, default=None, help="default: config.yaml's")
    parser.add_argument("--drive", action="store_true", help=argparse.SUPPRESS)  # the child's role
    args = parser.parse_args(argv)
    if args.drive:
        fewer_collections()  # as the bot's, the fake's own collector and loop cost the shared cores less
        run_event_loop(drive(args))
        return 0
    result = run_event_loop(run(args))  # the loop `summitbot run` uses
    print(report(result, args))
    return 0


if __name__ == "__main__":
    sys.exit(main())
