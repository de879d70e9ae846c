"""Quotation extraction measured against shared/eval/quotes.yaml.

A predicted quotation matches a gold one when it is in the same article (the gold's raw file name without
.txt), on the same raw line, and their character spans overlap; the best-overlapping prediction counts.
Figures: recall of full quotations, exact text (ignoring surrounding punctuation, spaces and mark style),
right speaker for full quotations, gold fragments reported as full, and the share of unknown speakers.

    python -m bot.evaluation.quotes_eval --gold ../shared/eval
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from bot.config import Config, load_config
from bot.errors import SummitbotError
from bot.evaluation import add_service_options, service_from
from bot.models import Article
from bot.quotes import extract_quotes
from bot.quotes.speakers import UNKNOWN
from bot.results import Quotation
from bot.search import CorpusIndex
from bot.text import match_key

__all__ = ["evaluate_quotes", "main", "same_text"]

TARGETS = {"full_recall": 0.9, "text_exact": 0.9, "speaker_right": 0.9, "unknown_share": 0.1}
_EDGE = re.compile(r"^[\s\"'“”‘’.,;:!?…]+|[\s\"'“”‘’.,;:!?…]+$")


def same_text(predicted: str, gold: str) -> bool:
    """Equal but for surrounding punctuation, whitespace, quote-mark style and case."""
    return _EDGE.sub("", match_key(predicted)) == _EDGE.sub("", match_key(gold))


def evaluate_quotes(
    index_or_articles: CorpusIndex | Sequence[Article], gold_path: str | Path, config: Config | None = None
) -> dict[str, Any]:
    """The figures for every gold quotation (see the module docstring)."""
    articles: Sequence[Article]
    if isinstance(index_or_articles, CorpusIndex):
        articles, config = index_or_articles.articles, index_or_articles.config
    else:
        articles, config = tuple(index_or_articles), config or load_config()
    gold = _load_gold(Path(gold_path))
    predicted = extract_quotes(articles, config)
    by_doc = {a.id: a for a in articles}
    full = [g for g in gold if g["kind"] == "full"]
    found = exact = right = as_full = 0
    misses: list[str] = []
    for item in gold:
        article = by_doc.get(str(item["file"]).removesuffix(".txt"))
        best = _best_match(article, item, predicted) if article else None
        if item["kind"] != "full":
            as_full += bool(best and best.kind == "full")
            continue
        if best is None:
            misses.append(f"{item['id']}: not found")
            continue
        found += 1
        exact += same_text(best.text, item["span"])
        right += best.speaker == item["speaker"]
        if best.speaker != item["speaker"]:
            misses.append(f"{item['id']}: speaker {best.speaker!r}, gold {item['speaker']!r}")
    unknown = sum(q.speaker == UNKNOWN for q in predicted)
    return {
        "gold_full": len(full),
        "full_recall": _ratio(found, len(full)),
        "text_exact": _ratio(exact, found),
        "speaker_right": _ratio(right, found),
        "fragments_as_full": as_full,
        "unknown_share": _ratio(unknown, len(predicted)),
        "predicted": len(predicted),
        "misses": misses,
    }


def _load_gold(path: Path) -> list[dict[str, Any]]:
    file = path / "quotes.yaml" if path.is_dir() else path
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    return list(data["quotes"])


def _best_match(article: Article, item: dict[str, Any], predicted: Sequence[Quotation]) -> Quotation | None:
    """The prediction on the gold's line whose span overlaps the gold span most (Jaccard of characters)."""
    line = [s for s in article.sentences if s.line == item["line"]]
    if not line:
        return None
    lo, hi = min(s.start for s in line), max(s.end for s in line)
    at = article.text.find(item["span"].strip(), lo, hi + 1)
    g_start, g_end = (at, at + len(item["span"].strip())) if at >= 0 else (lo, hi)
    best, best_score = None, 0.0
    for quote in predicted:
        if quote.doc != article.id or not (lo <= quote.start < hi):
            continue
        overlap = min(quote.end, g_end) - max(quote.start, g_start)
        if overlap <= 0:
            continue
        score = overlap / (max(quote.end, g_end) - min(quote.start, g_start))
        if score > best_score:
            best, best_score = quote, score
    return best


def _ratio(part: int, whole: int) -> float:
    return round(part / whole, 3) if whole else 0.0


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures; exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(prog="quotes_eval", description=__doc__.splitlines()[0])
    add_service_options(parser, "quotes.yaml")
    args = parser.parse_args(argv)
    try:
        service = service_from(args)
        figures = evaluate_quotes(service.articles, args.gold, service.config)
    except (SummitbotError, OSError, KeyError) as exc:
        print(f"quotes_eval: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            if key != "misses":
                print(f"{key:>18}: {value}")
        for miss in figures["misses"]:
            print(f"  miss {miss}")
    ok = figures["fragments_as_full"] == 0 and figures["unknown_share"] <= TARGETS["unknown_share"]
    ok = ok and all(figures[k] >= TARGETS[k] for k in ("full_recall", "text_exact", "speaker_right"))
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
