"""/compare measured against shared/eval/compare_dev.yaml.

For every topic its `example_query` is run. Figures: for each outlet marked direct, whether its top
sentence is one of the gold sentences (same raw line, or one text containing the other); for each outlet
marked none, whether it is reported as not covered; and whether the meeting-length disagreement is found
across every outlet giving a length (each article the gold marks direct for that topic is in it).

    python -m bot.evaluation.compare_eval --gold ../shared/eval
    python -m bot.evaluation.compare_eval --sweep min_share=0.3,0.4,0.5 --sweep facts.figure_tolerance=0,0.1

`--sweep KEY=V1,V2` tries each value of a `compare:` setting (or `facts.KEY`): one row per combination.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from bot.compare import compare_outlets
from bot.config import Config
from bot.errors import SummitbotError
from bot.evaluation import add_service_options, service_from, sweep_settings
from bot.models import Article
from bot.results import CompareResult, OutletCoverage
from bot.search import CorpusIndex
from bot.text import match_key

__all__ = ["evaluate_compare", "main"]

_DISAGREEING = 2  # a definition: a disagreement takes two outlets

_DISAGREEMENT_TOPIC = "meeting_length"


def evaluate_compare(index: CorpusIndex, gold_path: str | Path) -> dict[str, Any]:
    """The figures over every topic of the gold file (see the module docstring)."""
    path = Path(gold_path)
    data = yaml.safe_load((path / "compare_dev.yaml" if path.is_dir() else path).read_text(encoding="utf-8"))
    direct = direct_ok = none = none_ok = 0
    disagreement = False
    failures: list[str] = []
    for topic in data["topics"]:
        query = str(topic["example_query"]).removeprefix("/compare").strip()
        result = compare_outlets(index, query)
        for outlet in topic["outlets"]:
            doc = str(outlet["file"]).removesuffix(".txt")
            coverage = next((c for c in result.outlets if c.doc == doc), None)
            if outlet["coverage"] == "direct":
                direct += 1
                ok = coverage is not None and _top_is_gold(index, coverage, outlet["sentences"])
                direct_ok += ok
                if not ok:
                    failures.append(f"{topic['topic']}: {doc} top sentence is not gold")
            elif outlet["coverage"] == "none":
                none += 1
                none_ok += coverage is None
                if coverage is not None:
                    failures.append(f"{topic['topic']}: {doc} reported as covering it")
        if topic["topic"] == _DISAGREEMENT_TOPIC:
            giving = {
                str(o["file"]).removesuffix(".txt") for o in topic["outlets"] if o["coverage"] == "direct"
            }
            disagreement = _duration_conflict(index, result, giving)
    return {
        "direct_top_gold": f"{direct_ok}/{direct}",
        "none_not_covered": f"{none_ok}/{none}",
        "meeting_length_disagreement": disagreement,
        "failures": failures,
    }


def _top_is_gold(index: CorpusIndex, coverage: OutletCoverage, gold: Sequence[dict[str, Any]]) -> bool:
    top = coverage.sentences[0]
    article = index.article(coverage.doc)
    line = next((s.line for s in article.sentences if s.start == top.start), None) if article else None
    key = match_key(top.text)
    return any(g["line"] == line or match_key(g["text"]) in key or key in match_key(g["text"]) for g in gold)


def _duration_conflict(index: CorpusIndex, result: CompareResult, docs: set[str]) -> bool:
    """A duration disagreement naming the outlet of every article in `docs` (two at least)."""
    outlets = {a.outlet or a.id for a in index.articles if a.id in docs}
    return len(outlets) >= _DISAGREEING and any(
        d.about.startswith("duration") and outlets <= {c.outlet for c in d.claims}
        for d in result.disagreements
    )


_SWEPT = ("direct_top_gold", "none_not_covered", "meeting_length_disagreement")


def sweep(articles: Sequence[Article], gold: str | Path, config: Config, keys: Sequence[str]) -> list[str]:
    """One row of figures per combination of the settings in `keys` ('min_share=0.3,0.4')."""
    lines = [" | ".join(["setting".ljust(46), *_SWEPT])]
    for label, changed in sweep_settings(config, "compare", keys):
        figures = evaluate_compare(CorpusIndex(articles, changed), gold)
        lines.append(" | ".join([label.ljust(46), *(str(figures[k]) for k in _SWEPT)]))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Print the figures (or the sweep's table); exit 1 when any check fails."""
    parser = argparse.ArgumentParser(prog="compare_eval", description=__doc__.splitlines()[0])
    add_service_options(parser, "compare_dev.yaml")
    parser.add_argument("--sweep", action="append", default=[], help="NAME=V1,V2: try these compare: values")
    args = parser.parse_args(argv)
    try:
        service = service_from(args)
        if args.sweep:
            print("\n".join(sweep(service.articles, args.gold, service.config, args.sweep)))
            return 0
        figures = evaluate_compare(service.index, args.gold)
    except (SummitbotError, OSError, KeyError) as exc:
        print(f"compare_eval: error: {exc}", file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps(figures, indent=2))
    else:
        for key, value in figures.items():
            if key != "failures":
                print(f"{key:>28}: {value}")
        for failure in figures["failures"]:
            print(f"  fail {failure}")
    return 0 if not figures["failures"] and figures["meeting_length_disagreement"] else 1


if __name__ == "__main__":
    sys.exit(main())
