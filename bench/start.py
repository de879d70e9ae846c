"""Start-up at scale, as a user meets it: whole `python -m bot` processes over a corpus folder on disk.

The generated articles (bench/scale_corpus.py) are written as corpus/clean/*.json, as `summitbot clean`
writes them; then, each a fresh process timed by /usr/bin/time (wall seconds, peak RSS):

- `index`: the first start after the corpus changed: reads every cleaned JSON once, writes the serving
  corpus (bot/serving.py) and builds and saves the BM25 index;
- `ask` (cold): a new process answering one question from the persisted forms (median of `--ask-runs`);
- `ready`: what the Discord bot does before it takes questions (`setup_hook`: the service's index and the
  sources), then its RSS, and its RSS again after 200 questions;
- `ask` on the repository's seed corpus (the README's command), median of 10.

The page cache is warm (the files were just written): "cold" means a new process, not a cold disk.
"""

from __future__ import annotations

import contextlib
import json
import re
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import numpy as np

from bot.config import Config
from bot.corpus import serialize

__all__ = ["start_figures"]

ROOT = Path(__file__).resolve().parent.parent
QUESTION = "What did Putin say about Syria?"
_TIME = re.compile(r"^TIME (\S+) (\d+) (\S+) (\S+)$", re.MULTILINE)


def _timed(command: list[str], cwd: Path = ROOT) -> dict[str, float]:
    """Wall s, peak RSS MB and user+sys CPU s of one process (via GNU time)."""
    full = ["/usr/bin/time", "-f", "TIME %e %M %U %S", *command]
    done = subprocess.run(full, capture_output=True, text=True, cwd=cwd, check=False)
    found = _TIME.search(done.stderr)
    if found is None or done.returncode not in (0, 1):
        raise RuntimeError(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr[-2000:]}")
    wall, rss, user, system = found.groups()
    return {"wall_s": float(wall), "rss_mb": int(rss) / 1024, "cpu_s": float(user) + float(system)}


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    return {k: float(np.median([r[k] for r in runs])) for k in runs[0]}


def write_corpus(articles: Any, folder: Path) -> float:
    """Write the articles as the clean folder of a corpus; returns seconds."""
    clean = folder / "clean"
    clean.mkdir(parents=True, exist_ok=True)
    start = time.perf_counter()
    for article in articles:
        (clean / f"{article.id}.json").write_bytes(serialize(article))
    return time.perf_counter() - start


def ready_worker(corpus: Path, config: Config, questions: list[str]) -> dict[str, Any]:
    """In a fresh process: what the bot's setup_hook does, timed, and its RSS before and after questions."""
    from bench.workers import rss_mb
    from bot.errors import InputError
    from bot.service import CoverageService

    start = time.perf_counter()
    service = CoverageService(config.with_corpus(corpus))
    index = service.index
    sources = service.sources()
    figures: dict[str, Any] = {"ready_s": time.perf_counter() - start, "ready_mb": rss_mb()}
    figures["sentences"], figures["articles"] = len(index), len(sources)
    for question in questions:
        with contextlib.suppress(InputError):  # a refused question is a reply too
            service.ask(question)
    figures["after_questions_mb"] = rss_mb()
    return figures


def start_figures(articles: Any, workdir: Path, ask_runs: int, questions: int) -> dict[str, Any]:
    """Every start-up figure (see the module docstring)."""
    corpus = workdir / "start-corpus"
    figures: dict[str, Any] = {"write_json_s": write_corpus(articles, corpus)}
    bot = [sys.executable, "-m", "bot", "--corpus", str(corpus)]
    figures["index"] = _timed([*bot, "index"])
    figures["cold_ask"] = _median([_timed([*bot, "ask", QUESTION]) for _ in range(ask_runs)])
    worker = ["-m", "bench.scale", "--worker", "ready", "--workdir", str(corpus), "--queries", str(questions)]
    ready = subprocess.run(
        [sys.executable, *worker],
        capture_output=True,
        text=True,
        cwd=ROOT,
        check=True,
    )
    figures["ready"] = json.loads(ready.stdout.strip().splitlines()[-1])
    seed = [sys.executable, "-m", "bot", "ask", QUESTION]
    figures["seed_ask"] = _median([_timed(seed) for _ in range(10)])
    figures["python_floor"] = _median([_timed([sys.executable, "-c", "import numpy"]) for _ in range(5)])
    return figures


def start_rows(f: dict[str, Any], verdict: Any) -> list[tuple[str, str, str]]:
    """Table rows (measurement, result, target) for bench.scale's table."""
    index, cold, ready, seed = f["index"], f["cold_ask"], f["ready"], f["seed_ask"]
    floor = f["python_floor"]
    return [
        (
            "write the articles as corpus/clean/*.json (setup, not a target)",
            f"{f['write_json_s']:.1f} s",
            "–",
        ),
        (
            "`summitbot index`, first start after a change (JSON → serving corpus + BM25), whole process",
            f"{index['wall_s']:.1f} s, peak {index['rss_mb']:.0f} MB",
            f"≤ 60 s, ≤ 1500 MB: {verdict(index['wall_s'] <= 60 and index['rss_mb'] <= 1500)}",
        ),
        (
            "cold `summitbot ask` at this size, whole process (median)",
            f"{cold['wall_s']:.2f} s wall, {cold['cpu_s']:.2f} s CPU, peak {cold['rss_mb']:.0f} MB",
            f"≤ 1.5 s: {verdict(cold['wall_s'] <= 1.5)}",
        ),
        (
            f"bot ready (setup_hook: index + sources), {ready['sentences']:,} sentences",
            f"{ready['ready_s']:.2f} s, RSS {ready['ready_mb']:.0f} MB "
            f"({ready['after_questions_mb']:.0f} MB after the questions)",
            f"≤ 5 s, ≤ 1200 MB: {verdict(ready['ready_s'] <= 5 and ready['after_questions_mb'] <= 1200)}",
        ),
        (
            "`summitbot ask` on the seed corpus, whole process (median of 10)",
            f"{seed['wall_s']:.2f} s wall, {seed['cpu_s']:.2f} s CPU "
            f"(floor: `python -c 'import numpy'` {floor['wall_s']:.2f} s wall, {floor['cpu_s']:.2f} s CPU)",
            f"≤ 0.2 s: {verdict(seed['wall_s'] <= 0.2)}",
        ),
    ]
