"""Kill benchmark: `summitbot ingest` killed at random moments, then the corpus checked after each kill.

    python -m bench.kill_ingest [--kills 100] [--articles 30] [--signals KILL,KILL,KILL,INT] [--seed 1]

Each round starts `python -m bot --corpus TMP ingest ...` as a real process: two rounds in three ingest a
fresh folder of `--articles` generated articles with a sources.yaml, the third ingests one file with
--outlet/--date. After a random delay (uniform from 0.8 times the CLI's start-up, measured with `--version`,
to 1.1 times an uninterrupted folder ingest's wall time, so most kills land while it works) the process
gets the next signal of `--signals` (SIGKILL, or SIGINT as a Ctrl-C). Then the next store open
recovers, and the corpus is checked: it is whole (bot/corpus_verify.py: every raw file has its cleaned file
and back, the manifest and each cleaned article's stated metadata agree, no journal, stage or temp file left),
no earlier article or its stated metadata was lost or changed, and the round's articles are all there or
none. It prints one line per problem and a summary for the closing note; exit status 1 if any check failed.
"""

from __future__ import annotations

import argparse
import json
import logging
import random
import signal
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

from bench.ingest import raw_text, write_folder
from bench.scale_corpus import iter_articles
from bot.config import load_config
from bot.corpus import CorpusStore
from bot.corpus_verify import verify_store

__all__ = ["main"]

ROOT = Path(__file__).resolve().parents[1]


def snapshot(root: Path) -> dict[str, dict[str, str]]:
    """Each article with both files, and the metadata its cleaned file states."""
    raw = {p.stem for p in (root / "raw").iterdir() if p.suffix in (".txt", ".html")}
    return {
        p.stem: json.loads(p.read_text(encoding="utf-8")).get("stated", {})
        for p in (root / "clean").glob("*.json")
        if p.stem in raw
    }


class Rounds:
    """The ingest commands, each over fresh generated articles, with the ids each one adds."""

    def __init__(self, work: Path, articles: int) -> None:
        self.work = work
        self.articles = articles
        self.generator = iter_articles(10**9, load_config(ROOT / "config.yaml"), seed=7)

    def command(self, n: int, corpus: Path) -> tuple[list[str], set[str]]:
        base = [sys.executable, "-m", "bot", "--corpus", str(corpus), "ingest"]
        if n % 3 == 2:
            article = next(self.generator)
            path = self.work / f"single{n}" / f"{article.id}.txt"
            path.parent.mkdir()
            path.write_text(raw_text(article), encoding="utf-8")
            return [*base, str(path), "--outlet", f"Outlet {n}", "--date", "2015-09-28"], {article.id}
        folder = self.work / f"batch{n}"
        ids = write_folder(folder, self.generator, self.articles)
        return [*base, str(folder)], set(ids)


def check(corpus: Path, before: dict[str, dict[str, str]], ids: set[str]) -> tuple[list[str], str, list[str]]:
    """Recover, then every problem found, whether the round's ingest is all there or not, and the recovery."""
    actions = CorpusStore(corpus).recover()
    problems = verify_store(CorpusStore(corpus))
    after = snapshot(corpus)
    lost = [i for i in before if i not in after]
    changed = [i for i in before if i in after and after[i] != before[i]]
    problems += [f"article lost: {i}" for i in lost] + [f"stated metadata changed: {i}" for i in changed]
    added = after.keys() - before.keys()
    if added not in (set(), ids):
        problems.append(f"a partial ingest is visible: {len(added)} of {len(ids)} articles")
    problems += [f"added without its stated metadata: {i}" for i in sorted(added) if not after[i]]
    return problems, "all" if added else "none", actions


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.kill_ingest", description=__doc__.splitlines()[0])
    parser.add_argument("--kills", type=int, default=100)
    parser.add_argument("--articles", type=int, default=30, help="articles in each folder ingest")
    parser.add_argument("--signals", default="KILL,KILL,KILL,INT", help="signals sent in turn")
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.ERROR)  # recovery's warnings are counted in the summary instead
    signals = [getattr(signal, f"SIG{name.strip().upper()}") for name in args.signals.split(",")]
    rng = random.Random(args.seed)
    with tempfile.TemporaryDirectory(prefix="bench-kill-") as tmp:
        work = Path(tmp)
        corpus = work / "corpus"
        (corpus / "raw").mkdir(parents=True)
        (corpus / "clean").mkdir()
        rounds = Rounds(work, args.articles)
        started = time.perf_counter()
        subprocess.run([sys.executable, "-m", "bot", "--version"], check=True, capture_output=True)
        start_up = time.perf_counter() - started
        command, _ = rounds.command(0, corpus)
        started = time.perf_counter()
        subprocess.run(command, check=True, capture_output=True)
        span = time.perf_counter() - started
        print(f"start-up {start_up:.2f} s; an uninterrupted ingest of {args.articles} articles {span:.2f} s")
        outcomes: Counter[str] = Counter()
        recoveries: Counter[str] = Counter()
        failures = 0
        for n in range(1, args.kills + 1):
            before = snapshot(corpus)
            command, ids = rounds.command(n, corpus)
            process = subprocess.Popen(
                command,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
                preexec_fn=_default_sigint,  # noqa: PLW1509 - the benchmark runs no threads
            )
            time.sleep(rng.uniform(0.8 * start_up, 1.1 * span))
            sig = signals[(n - 1) % len(signals)]
            process.send_signal(sig)
            process.wait()
            problems, outcome, actions = check(corpus, before, ids)
            outcomes[f"{signal.Signals(sig).name}: {outcome}"] += 1
            recoveries.update(a.split(" (")[0] for a in actions)
            failures += bool(problems)
            for problem in problems:
                print(f"kill {n}: {problem}", flush=True)
        articles = len(snapshot(corpus))
    print(f"{args.kills} kills: {args.kills - failures} left a whole corpus, {failures} did not")
    print("outcomes (signal: the round's ingest all there / none): " + ", ".join(sorted(_pairs(outcomes))))
    print("recovery at the next open: " + (", ".join(sorted(_pairs(recoveries))) or "nothing to do"))
    print(
        f"articles in the corpus at the end: {articles}; none lost, no stated metadata lost"
        if not failures
        else ""
    )
    return 1 if failures else 0


def _default_sigint() -> None:
    """A background job starts with SIGINT ignored, and so would its child: give Ctrl-C its effect back."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def _pairs(counts: Counter[str]) -> list[str]:
    return [f"{key} x{value}" for key, value in counts.items()]


if __name__ == "__main__":
    sys.exit(main())
