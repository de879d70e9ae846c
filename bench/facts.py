"""The facts stage's build and load time on the synthetic corpus: `python -m bench.facts [--sizes 20000,100000]`.

Each size is built in this process (seeded corpus from bench/scale_corpus.py, the shipped config): the time to
compute every sentence's facts (attribution, figures, same-statement groups, disagreements), the time to save
their folder (bot.facts.store), to open it again, and to read the first sentence's facts, the size of the
folder and the memory the open took (the resident set's growth). Figures depend on the machine and its load.
"""

from __future__ import annotations

import argparse
import resource
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

from bench.scale_corpus import generate_articles
from bot.config import load_config
from bot.facts import CorpusFacts, load_or_build_facts
from bot.tokenizer import Tokenizer

__all__ = ["main"]


def measure(size: int, config_path: Path) -> str:
    """One row of the table for a corpus of `size` sentences."""
    config = load_config(config_path)
    articles = generate_articles(size, config)
    tokenizer = Tokenizer(config.entities, config.synonyms)
    start = time.perf_counter()
    facts = CorpusFacts.build(articles, config, tokenizer)
    built = time.perf_counter() - start
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "facts"
        start = time.perf_counter()
        load_or_build_facts(path, "bench", config, lambda: facts)
        saved = time.perf_counter() - start
        before = _resident_mb()
        start = time.perf_counter()
        loaded = load_or_build_facts(path, "bench", config, _no_build)  # the fingerprint matches: a load
        opened = time.perf_counter() - start
        grown = _resident_mb() - before
        start = time.perf_counter()
        loaded.of(size // 2)
        first = time.perf_counter() - start
        megabytes = sum(f.stat().st_size for f in path.iterdir()) / 1e6
    return (
        f"| {size:>9,} | {built:7.1f} s | {size / built:9,.0f} | {saved:6.2f} s | {opened * 1e3:6.1f} ms | "
        f"{first * 1e6:6.0f} µs | {megabytes:7.1f} MB | {grown:5.1f} MB |"
    )


def _no_build() -> CorpusFacts:
    raise RuntimeError("the saved facts were not read back")


def _resident_mb() -> float:
    """The current resident set in MB (Linux's /proc; the peak from getrusage elsewhere)."""
    try:
        pages = int(Path("/proc/self/statm").read_text().split()[1])
        return pages * resource.getpagesize() / 1e6
    except (OSError, IndexError, ValueError):
        return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1e3


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="bench.facts", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="20000,100000", help="corpus sizes in sentences, comma-separated")
    parser.add_argument("--config", type=Path, default=Path("config.yaml"))
    args = parser.parse_args(argv)
    print("| sentences | build | sentences/s | save | open | first of() | folder | open's memory |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|")
    for size in (int(s) for s in args.sizes.split(",")):
        print(measure(size, args.config), flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
