"""Quotation extraction measured against shared/eval/quotes.yaml.

A predicted quotation matches a gold one when it is in the same article (the gold's raw file name without
.txt), on the same raw line, and their character spans overlap; the best-overlapping prediction counts.
Figures: recall of full quotations, exact text (ignoring surrounding punctuation, spaces and mark style) of
the wording /quote shows for that outlet (each outlet's own wording in its remark's group), right speaker
for full quotations, gold fragments reported as full, and the share of unknown speakers.

    python -m bot.evaluation.quotes_eval --gold ../shared/eval
    python -m bot.evaluation.quotes_eval --sweep same_dice=0.4,0.5,0.6 --sweep min_contained=4,6

`--sweep KEY=V1,V2` tries each value of a `facts:` setting (every combination of the keys given) and prints
one row of figures per setting, so the facts stage's constants are chosen from a table.
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
from bot.evaluation import add_service_options, service_from, sweep_settings
from bot.facts import UNKNOWN
from bot.models import Article
from bot.quotes import QuoteTable, quote_table
from bot.results import Quotation, Wording
from bot.search import CorpusIndex
from bot.text import match_key

__all__ = ["evaluate_quotes", "main", "same_text"]

TARGETS = {"full_recall": 0.97, "text_exact": 0.95, "speaker_right": 0.97, "unknown_share": 0.1}
_EDGE = re.compile(r"^[\s\"'“”‘’.,;:!?…]+|[\s\"'“”‘’.,;:!?…]+$")


def same_text(predicted: str, gold: str) -> bool:
    """Equal but for surrounding punctuation, whitespace, quote-mark style and case."""
    return _EDGE.sub("", match_key(predicted)) == _EDGE.sub("", match_key(gold))


def evaluate_quotes(
    index_or_articles: CorpusIndex | Sequence[Article], gold_path: str | Path, config: Config | None = None
) -> dict[str, Any]:
    """The figures for every gold quotation (see the module docstring)."""
    if isinstance(index_or_articles, CorpusIndex):
        index = index_or_articles
    else:
        index = CorpusIndex(tuple(index_or_articles), config or load_config())
    gold = _load_gold(Path(gold_path))
    table = quote_table(index)
    by_doc = {a.id: a for a in index.articles}
    best: dict[str, Quotation | None] = {}
    for item in gold:
        article = by_doc.get(str(item["file"]).removesuffix(".txt"))
        best[str(item["id"])] = _best_match(article, item, table.quotes) if article else None
    remark_of = {(w.doc, w.start): n for n, remark in enumerate(table.remarks) for w in remark.outlets}
    joined = 0
    groups_gold = _load_groups(Path(gold_path))
    for ids in groups_gold:  # each outlet's quotation in one remark group
        groups = {remark_of.get((q.doc, q.start)) if (q := best.get(i)) else None for i in ids}
        joined += len(groups) == 1 and None not in groups
    figures = _full_figures([g for g in gold if g["kind"] == "full"], best, table)
    misses = figures.pop("misses")
    fragments = [g for g in gold if g["kind"] != "full"]
    return {
        **figures,
        "fragments_as_full": sum(bool((q := best[str(g["id"])]) and q.kind == "full") for g in fragments),
        "unknown_share": _ratio(sum(q.speaker == UNKNOWN for q in table.quotes), len(table.quotes)),
        "predicted": len(table.quotes),
        "parallel_groups_joined": f"{joined}/{len(groups_gold)}",  # gold same-remark groups kept whole
        "remarks": len(table.remarks),
        "misses": misses,
    }


def _full_figures(
    full: list[dict[str, Any]], best: dict[str, Quotation | None], table: QuoteTable
) -> dict[str, Any]:
    """Recall, exact wording (as /quote shows that outlet's) and speaker of the gold full quotations."""
    shown = {(w.doc, w.start): w for remark in table.remarks for w in remark.outlets}
    found = exact = right = as_fragment = 0
    misses: list[str] = []
    for item in full:
        quote = best[str(item["id"])]
        if quote is None:
            misses.append(f"{item['id']}: not found")
            continue
        found += 1
        wording: Wording | None = shown.get((quote.doc, quote.start))
        exact += wording is not None and same_text(wording.text, item["span"])
        right += quote.speaker == item["speaker"]
        as_fragment += quote.kind == "fragment"
        if quote.speaker != item["speaker"]:
            misses.append(f"{item['id']}: speaker {quote.speaker!r}, gold {item['speaker']!r}")
    return {
        "gold_full": len(full),
        "full_recall": _ratio(found, len(full)),
        "text_exact": _ratio(exact, found),
        "speaker_right": _ratio(right, found),
        "full_as_fragment": as_fragment,
        "misses": misses,
    }


def _load_groups(path: Path) -> list[list[str]]:
    """The gold's groups of one utterance across outlets (summary.parallel_groups)."""
    file = path / "quotes.yaml" if path.is_dir() else path
    data = yaml.safe_load(file.read_text(encoding="utf-8"))
    groups = (data.get("summary") or {}).get("parallel_groups") or []
    return [[str(i) for i in g["ids"]] for g in groups]


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


_SWEPT = (
    "full_recall",
    "text_exact",
    "speaker_right",
    "fragments_as_full",
    "full_as_fragment",
    "parallel_groups_joined",
    "remarks",
)


def sweep(articles: Sequence[Article], gold: str | Path, config: Config, keys: Sequence[str]) -> list[str]:
    """One row of figures per combination of the `facts:` values in `keys` ('same_dice=0.4,0.5')."""
    lines = [" | ".join(["setting".ljust(46), *_SWEPT])]
    for label, changed in sweep_settings(config, "facts", keys):
        figures = evaluate_quotes(articles, gold, changed)
        lines.append(" | ".join([label.ljust(46), *(str(figures[k]) for k in _SWEPT)]))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures (or the sweep's table); exit 1 when a target is missed."""
    parser = argparse.ArgumentParser(prog="quotes_eval", description=__doc__.splitlines()[0])
    add_service_options(parser, "quotes.yaml")
    parser.add_argument("--sweep", action="append", default=[], help="NAME=V1,V2: try these facts: values")
    args = parser.parse_args(argv)
    try:
        service = service_from(args)
        if args.sweep:
            print("\n".join(sweep(service.articles, args.gold, service.config, args.sweep)))
            return 0
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
