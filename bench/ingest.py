"""Ingest benchmark: folders of 1,000 ... 20,000 generated raw articles, each with its sources.yaml.

    python -m bench.ingest [--sizes 1000,2000,5000,10000,20000] [--workers 0] [--append 500]

The raw articles are written from bench/scale_corpus.py's seeded generator (a headline line, then paragraphs
of 50 news-like sentences, about 7 KB each; a sources.yaml states outlet, date, title and url for every one).
Each size is ingested with `CorpusStore.ingest_folder` into an empty corpus; then `--append` more articles are
ingested into the corpus that now holds it, to show the per-article cost does not grow with the corpus. For
each run it prints articles/second, milliseconds per article, the milliseconds per article spent on anything
but waiting for the cleaner (the store's own cost: digest index, staging, manifest, commit) and the store's
phase timings. The table is printed and written to bench/out/ingest.md. Timings on a shared machine are noisy.
"""

from __future__ import annotations

import argparse
import dataclasses
import resource
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

from bench.scale_corpus import iter_articles
from bot.config import Config, load_config
from bot.corpus import CorpusStore
from bot.corpus_files import manifest_text
from bot.models import Article

__all__ = ["main", "write_folder"]

OUT = Path(__file__).resolve().parent / "out"


def raw_text(article: Article) -> str:
    """A plain-text page for a generated article: its headline, a blank line, then its paragraphs."""
    return f"{article.title}\n\n{article.text}\n"


def write_folder(folder: Path, articles: Iterator[Article], count: int) -> list[str]:
    """Write `count` raw articles and a sources.yaml stating their metadata; their ids."""
    folder.mkdir(parents=True)
    entries: dict[str, dict[str, str]] = {}
    for article in articles:
        (folder / f"{article.id}.txt").write_text(raw_text(article), encoding="utf-8")
        stated = {"outlet": article.outlet, "date": article.date, "title": article.title, "url": article.url}
        entries[article.id] = {k: v for k, v in stated.items() if v}
        if len(entries) == count:
            break
    (folder / "sources.yaml").write_bytes(manifest_text(entries))
    return sorted(entries)


def ingest_once(corpus: Path, folder: Path, config: Config) -> dict[str, object]:
    started = time.perf_counter()
    report = CorpusStore(corpus).ingest_folder(folder, config)
    took = time.perf_counter() - started
    if report.skipped:
        raise SystemExit(f"bench: {len(report.skipped)} articles skipped, first: {report.skipped[0]}")
    n = len(report.added)
    phases = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in report.timings)
    cleaning = sum(seconds for name, seconds in report.timings if name.startswith("read and clean"))
    return {
        "n": n,
        "seconds": took,
        "rate": n / took,
        "ms": 1000 * took / n,
        "store_ms": 1000 * (took - cleaning) / n,
        "phases": phases,
    }


def run(sizes: list[int], append: int, config: Config, work: Path) -> list[dict[str, object]]:
    rows = []
    for seed, size in enumerate(sizes):
        corpus = work / f"corpus{size}"
        (corpus / "raw").mkdir(parents=True)
        (corpus / "clean").mkdir()
        gen = iter_articles((size + append) * 50, config, seed=seed)
        write_folder(work / f"in{size}", gen, size)
        write_folder(work / f"more{size}", gen, append)
        row = ingest_once(corpus, work / f"in{size}", config)
        rows.append({"run": f"{size:,} into an empty corpus", **row})
        print(_line(rows[-1]), flush=True)
        if append:
            row = ingest_once(corpus, work / f"more{size}", config)
            rows.append({"run": f"{append:,} more into a corpus of {size:,}", **row})
            print(_line(rows[-1]), flush=True)
        shutil.rmtree(corpus)
        shutil.rmtree(work / f"in{size}")
        shutil.rmtree(work / f"more{size}")
    return rows


def _line(row: dict[str, object]) -> str:
    return (
        f"| {row['run']} | {row['n']:,} | {row['seconds']:.1f} | {row['rate']:.0f} | {row['ms']:.2f} "
        f"| {row['store_ms']:.2f} | {row['phases']} |"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.ingest", description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1000,2000,5000,10000,20000", help="comma-separated folder sizes")
    parser.add_argument("--append", type=int, default=500, help="articles added to each full corpus after")
    parser.add_argument("--workers", type=int, default=0, help="ingest.workers (0: one per CPU)")
    args = parser.parse_args(argv)
    config = load_config()
    config = dataclasses.replace(config, ingest=dataclasses.replace(config.ingest, workers=args.workers))
    sizes = [int(s) for s in args.sizes.split(",") if s]
    header = [
        f"ingest benchmark: workers={args.workers or 'one per CPU'}, 50 sentences/article, with sources.yaml",
        "",
        "| run | articles | seconds | articles/s | ms/article | ms/article besides cleaning | where the time went |",
        "|---|---|---|---|---|---|---|",
    ]
    print("\n".join(header), flush=True)
    with tempfile.TemporaryDirectory(prefix="bench-ingest-") as tmp:
        rows = run(sizes, args.append, config, Path(tmp))
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    footer = f"\npeak RSS of the ingesting process: {peak:.0f} MB"
    print(footer)
    OUT.mkdir(exist_ok=True)
    (OUT / "ingest.md").write_text("\n".join([*header, *map(_line, rows), footer]) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
