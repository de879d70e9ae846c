"""Corpus commands: clean, ingest, sources, show, index."""

from __future__ import annotations

import argparse
import shutil
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.cli.context import Context, print_json
from bot.models import Article, ArticleHints

if TYPE_CHECKING:  # the store and the fetcher import the cleaner: only the commands that use them pay
    from bot.corpus import CorpusStore

__all__ = ["Progress", "article_summary", "register"]


def register(commands: Any) -> None:
    clean = commands.add_parser("clean", help="regenerate corpus/clean/ from corpus/raw/")
    clean.add_argument(
        "--check",
        action="store_true",
        help="only report what `clean` would fix (raw without cleaned, stale, manifest entry missing)",
    )
    clean.set_defaults(handler=run_clean)

    ingest = commands.add_parser(
        "ingest",
        help="add an article (a text or HTML file, a folder of them, or an http(s) URL) to the corpus",
    )
    ingest.add_argument(
        "path", help="a .txt or .html page, a folder of them with a sources.yaml, or a URL to fetch"
    )
    ingest.add_argument("--outlet", help="the outlet that published it")
    ingest.add_argument("--date", help="its publication date, YYYY-MM-DD")
    ingest.add_argument("--title", help="its headline")
    ingest.add_argument("--url", help="where it was published")
    ingest.set_defaults(handler=run_ingest)

    sources = commands.add_parser("sources", help="list the articles in the corpus")
    sources.add_argument("--json", action="store_true", help="JSON output")
    sources.set_defaults(handler=run_sources)

    show = commands.add_parser("show", help="print one cleaned article")
    show.add_argument("id", help="the article id (its raw file name without .txt)")
    show.add_argument("--json", action="store_true", help="JSON output")
    show.set_defaults(handler=run_show)

    index = commands.add_parser("index", help="build and save the search index for the corpus")
    index.set_defaults(handler=run_index)


def run_clean(args: argparse.Namespace, ctx: Context) -> int:
    from bot.corpus import CorpusStore

    store = CorpusStore(ctx.config.corpus_dir)
    if args.check:
        faults = store.check(ctx.config)
        for kind, doc_id in faults:
            print(f"{kind}: {doc_id}")
        return 1 if faults else 0
    articles = store.clean_all(ctx.config)
    total = sum(len(a.sentences) for a in articles)
    print(f"cleaned {len(articles)} articles ({total} sentences) into {store.clean_dir}")
    return 0


def run_ingest(args: argparse.Namespace, ctx: Context) -> int:
    from bot.corpus import CorpusStore
    from bot.fetch import is_url

    store = CorpusStore(ctx.config.corpus_dir)
    if is_url(args.path):
        return _ingest_url(args, ctx, store)
    path = Path(args.path)
    if path.is_dir():
        report = store.ingest_folder(path, ctx.config, progress=Progress())
        for name, reason in report.skipped:
            print(f"skipped {name}: {reason}", file=sys.stderr)
        print(f"added {len(report.added)} articles, skipped {len(report.skipped)}")
        return 1 if report.skipped and not report.added else 0
    hints = ArticleHints(outlet=args.outlet, date=args.date, title=args.title, url=args.url)
    _print_added(store.ingest(path, ctx.config, hints))
    return 0


def _ingest_url(args: argparse.Namespace, ctx: Context, store: CorpusStore) -> int:
    """Fetch a page and ingest it as raw/ID.html, with the URL it was fetched from as a hint."""
    from bot.fetch import fetch_page, page_id

    page = fetch_page(args.path, ctx.config.fetch)
    hints = ArticleHints(outlet=args.outlet, date=args.date, title=args.title, url=args.url or page.url)
    _print_added(store.ingest_data(page.data, f"{page_id(page.url)}.html", ctx.config, hints))
    return 0


def _print_added(article: Article) -> None:
    print(
        f"added {article.id}: {article.outlet or 'unknown outlet'}, {article.date or 'no date'}, "
        f"{len(article.sentences)} sentences, {len(article.dropped)} lines dropped"
    )


class Progress:
    """Ingest progress on stderr with rate and ETA: a live line on a terminal, else every 100 files."""

    def __init__(self) -> None:
        self.started = time.perf_counter()

    def __call__(self, done: int, total: int, name: str) -> None:
        elapsed = max(time.perf_counter() - self.started, 1e-9)
        rate = done / elapsed
        eta = (total - done) / rate if rate else 0.0
        line = f"[{done}/{total}] {rate:.1f} articles/s, ETA {_duration(eta)}  {name}"
        if sys.stderr.isatty():
            width = shutil.get_terminal_size().columns
            print("\r" + line[: width - 1].ljust(width - 1), end="", file=sys.stderr, flush=True)
            if done == total:
                print(file=sys.stderr)
        elif done == total or done % 100 == 0:
            print(f"ingested {done}/{total}, {rate:.1f} articles/s, ETA {_duration(eta)}", file=sys.stderr)


def _duration(seconds: float) -> str:
    minutes, secs = divmod(round(seconds), 60)
    return f"{minutes}m{secs:02d}s" if minutes else f"{secs}s"


def article_summary(article: Article) -> dict[str, Any]:
    """The `sources --json` form of an article."""
    return {
        "id": article.id,
        "outlet": article.outlet,
        "date": article.date,
        "title": article.title,
        "wire": article.wire,
        "event": article.event,
        "url": article.url,
        "sentences": len(article.sentences),
        "dropped": len(article.dropped),
    }


def run_sources(args: argparse.Namespace, ctx: Context) -> int:
    articles = ctx.service.sources()
    if args.json:
        print_json([article_summary(a) for a in articles])
        return 0
    if not articles:
        print("The corpus is empty: add an article with `summitbot ingest FILE`.")
        return 0
    for a in articles:
        wire = f" (via {a.wire})" if a.wire and a.wire != a.outlet else ""
        print(
            f"{a.id}  {a.outlet or 'unknown outlet'}{wire}  {a.date or 'undated'}  [{a.event or 'no event'}]"
        )
        print(f"    {a.title or '(no headline)'} - {len(a.sentences)} sentences, {len(a.dropped)} dropped")
    return 0


def run_show(args: argparse.Namespace, ctx: Context) -> int:
    article = ctx.service.article(args.id)
    if args.json:
        data = article_summary(article)
        data["byline"] = article.byline
        data["dateline"] = article.dateline
        data["updated"] = article.updated
        data["evidence"] = dict(article.evidence)
        data["sentences"] = [
            {"text": s.text, "paragraph": s.paragraph, "role": s.role} for s in article.sentences
        ]
        data["dropped"] = [{"line": d.line, "text": d.text, "reason": d.reason} for d in article.dropped]
        print_json(data)
        return 0
    print(article.title or "(no headline)")
    print(
        f"{article.outlet or 'unknown outlet'} | {article.date or 'undated'} | {article.event or 'no event'}"
    )
    if article.wire:
        print(f"source: {article.wire}")
    if article.updated:
        print(f"updated: {article.updated}")
    for key, evidence in sorted(article.evidence.items()):
        print(f"  {key} from: {evidence[:100]}")
    paragraph = -1
    for s in article.sentences:
        if s.paragraph != paragraph:
            print()
            paragraph = s.paragraph
        mark = {"caption": "[caption] ", "subheading": "## "}.get(s.role, "")
        print(f"{mark}{s.text}")
    print(f"\ndropped {len(article.dropped)} lines:")
    for d in article.dropped:
        print(f"  line {d.line} ({d.reason}): {d.text[:70]}")
    return 0


def run_index(args: argparse.Namespace, ctx: Context) -> int:
    started = time.perf_counter()
    index = ctx.service.index  # built under the corpus writer lock: one index writer, never mid-ingest
    took = time.perf_counter() - started
    print(f"index ready: {len(index)} sentences from {len(index.articles)} articles in {took:.2f} s")
    return 0
