"""The cleaner's own cost per article, in one process, optionally with a large synthetic outlet table.

    python -m bench.clean_speed [--articles 400] [--outlets 1000] [--profile]

Cleans `--articles` generated bench articles (bench/scale_corpus.py, as bench.ingest writes them, with
their sources.yaml metadata) and prints the CPU milliseconds per article. `--outlets N` first appends N
synthetic outlets to config's table (names, an alias, a domain; every tenth a wire agency, every
twentieth a page template), to show the cleaner's cost does not grow with the table. CPU time, not wall:
the machine is shared.
"""

from __future__ import annotations

import argparse
import cProfile
import dataclasses
import pstats
import time

from bench.ingest import raw_text
from bench.scale_corpus import iter_articles
from bot.config import Config, OutletName, load_config
from bot.corpus_ingest import clean_raw
from bot.models import Article, ArticleHints

__all__ = ["main", "with_outlets"]


def with_outlets(config: Config, count: int) -> Config:
    """The config with `count` synthetic outlets appended to its table."""
    extra = tuple(
        OutletName(
            name=f"Synthetic Courier {n}",
            aliases=(f"The Courier {n}",),
            domains=(f"courier{n}.example.org",),
            wire=n % 10 == 0,
            page_marks=(rf"^Courier {n} template mark$",) if n % 20 == 0 else (),
        )
        for n in range(count)
    )
    return dataclasses.replace(config, outlets=(*config.outlets, *extra))


def _clean_all(articles: list[Article], config: Config) -> None:
    for article in articles:
        raw = raw_text(article)
        hints = ArticleHints(outlet=article.outlet, date=article.date, title=article.title, url=article.url)
        clean_raw(raw, article.id, config, hints, raw.encode("utf-8"))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.clean_speed", description=__doc__.splitlines()[0])
    parser.add_argument("--articles", type=int, default=400)
    parser.add_argument("--outlets", type=int, default=0, help="synthetic outlets added to the table")
    parser.add_argument("--profile", action="store_true", help="print the top of a cProfile too")
    args = parser.parse_args(argv)
    config = with_outlets(load_config(), args.outlets)
    articles = []
    for article in iter_articles(args.articles * 50, config, seed=3):
        if len(articles) == args.articles:
            break
        articles.append(article)
    _clean_all(articles[:20], config)  # warm the caches and the lazy imports
    started = time.process_time()
    _clean_all(articles, config)
    took = time.process_time() - started
    print(
        f"{len(articles)} articles, {len(config.outlets)} outlets: {1000 * took / len(articles):.2f} CPU ms/article"
    )
    if args.profile:
        profile = cProfile.Profile()
        profile.runcall(_clean_all, articles, config)
        pstats.Stats(profile).sort_stats("cumulative").print_stats(25)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
