"""One digest of the cleaner's output, to show a speed change leaves every cleaned byte as it was.

    python -m bench.clean_digest [--generated 300] [--list]

Cleans the seed pages (../shared/seeds), every fixture page under tests/fixtures/pages (once with no
hints, once with its label's url when it has one) and `--generated` articles of bench/scale_corpus.py
(as bench.ingest writes them, with their stated metadata and without), serialises each cleaned article
as ingest commits it, and prints the SHA-256 of all of them in order. `--list` prints one digest a page.
"""

from __future__ import annotations

import argparse
import hashlib
from collections.abc import Iterator
from pathlib import Path

import yaml

from bench.ingest import raw_text
from bench.scale_corpus import iter_articles
from bot.config import Config, load_config
from bot.corpus_files import serialize
from bot.corpus_ingest import clean_raw
from bot.models import ArticleHints

__all__ = ["main", "pages"]

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT.parent / "shared" / "seeds"
FIXTURES = ROOT / "tests" / "fixtures" / "pages"


def _fixture_url(page: Path) -> str | None:
    label = page.with_suffix(".yaml")
    if not label.is_file():
        return None
    data = yaml.safe_load(label.read_text(encoding="utf-8"))
    url = data.get("url") if isinstance(data, dict) else None
    return url if isinstance(url, str) else None


def pages(config: Config, generated: int) -> Iterator[tuple[str, str, ArticleHints | None]]:
    """(name, raw text, hints) of every page the digest covers, in a fixed order."""
    for path in sorted(SEEDS.glob("*.txt")):
        yield path.name, path.read_text(encoding="utf-8"), None
    for path in sorted(p for p in FIXTURES.rglob("*") if p.suffix in (".txt", ".html")):
        name = str(path.relative_to(FIXTURES))
        raw = path.read_text(encoding="utf-8")
        yield name, raw, None
        url = _fixture_url(path)
        if url:
            yield f"{name} (url)", raw, ArticleHints(url=url)
    for n, article in enumerate(iter_articles(generated * 50, config, seed=7)):
        if n == generated:
            break
        raw = raw_text(article)
        yield article.id, raw, None
        stated = ArticleHints(outlet=article.outlet, date=article.date, title=article.title, url=article.url)
        yield f"{article.id} (stated)", raw, stated


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench.clean_digest", description=__doc__.splitlines()[0])
    parser.add_argument("--generated", type=int, default=300, help="generated bench articles to include")
    parser.add_argument("--list", action="store_true", help="print one digest per page too")
    args = parser.parse_args(argv)
    config = load_config()
    total = hashlib.sha256()
    count = 0
    for name, raw, hints in pages(config, args.generated):
        data = raw.encode("utf-8")
        cleaned = serialize(clean_raw(raw, name, config, hints, data))
        total.update(cleaned)
        count += 1
        if args.list:
            print(f"{hashlib.sha256(cleaned).hexdigest()[:16]} {name}")
    print(f"{count} pages cleaned, digest {total.hexdigest()}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
