"""How well the cleaner does on the labelled corpus: line precision/recall, captions and metadata.

Gold (shared/eval): boilerplate.yaml labels every raw line keep/caption/duplicate/drop, and
documents.yaml gives each file's outlet, wire, date, headline and event. The gold is read here only to
measure; nothing in the cleaner is derived from it.

    python -m bot.evaluation.corpus_eval [--gold ../shared/eval] [--config config.yaml] [--json]
        [--fixtures tests/fixtures/pages/SET ...] [--events EXTRA.yaml ...] [--sweep KEY=V1,V2 ...]

With no --fixtures, every set folder under tests/fixtures/pages/ is measured after the seeds (see
bot/evaluation/pages_eval.py); --events adds another summit's events/people to the config.
`--sweep KEY=V1,V2` tries each value of a `cleaner:` setting (every combination of the keys given) and
prints one row of figures per combination: the seeds' line precision/recall and metadata, and each
fixture set's pages passed. The seeds are what the cleaner was written on (training figures); the
fixture sets are pages of other outlets and another summit.
"""

from __future__ import annotations

import argparse
import json
import logging
import re
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from bot.cleaner import clean_article
from bot.config import Config, load_config
from bot.errors import SummitbotError
from bot.evaluation import sweep_settings
from bot.evaluation.pages_eval import evaluate_set, format_set
from bot.models import Article
from bot.text import normalize

__all__ = ["DEFAULT_GOLD", "evaluate_corpus", "format_report", "kept_lines", "main"]

log = logging.getLogger(__name__)

DEFAULT_GOLD = Path(__file__).resolve().parents[3] / "shared" / "eval"
DEFAULT_FIXTURES = Path(__file__).resolve().parents[2] / "tests" / "fixtures" / "pages"
GOLD_KEPT = frozenset({"keep", "caption"})
METADATA_FIELDS = ("outlet", "date", "headline", "wire", "event")


def kept_lines(article: Article, raw: str) -> set[int]:
    """Raw lines whose content the article keeps: as sentences, or as its title, byline or dateline."""
    dropped = {d.line for d in article.dropped}
    metadata = {normalize(v) for v in (article.title, article.byline, article.dateline) if v}
    as_metadata = {
        number
        for number, line in enumerate(raw.splitlines(), start=1)
        if number not in dropped and normalize(line) in metadata
    }
    return {s.line for s in article.sentences} | as_metadata


def _load(gold_dir: Path, name: str) -> Any:
    path = gold_dir / name
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise SummitbotError(f"{path}: gold file not found") from None


def _same_text(predicted: str | None, gold: str | None) -> bool:
    if predicted is None or gold is None:
        return predicted is gold
    return normalize(predicted).casefold() == normalize(gold).casefold()


def _same_wire(predicted: str | None, gold: str | None) -> bool:
    """Gold "Sputnik (original)" matches "Sputnik": a parenthetical note is ignored, and a prefix counts."""
    if predicted is None or gold is None:
        return predicted is gold
    want = normalize(re.sub(r"\([^)]*\)", "", gold)).casefold()
    got = normalize(predicted).casefold()
    return bool(want and got) and (got.startswith(want) or want.startswith(got))


def _metadata_hits(article: Article, doc: dict[str, Any]) -> dict[str, bool]:
    names = {normalize(n).casefold() for n in doc.get("acceptable_outlet_names") or [doc.get("outlet")] if n}
    return {
        "outlet": article.outlet is not None and normalize(article.outlet).casefold() in names,
        "date": article.date == doc.get("publication_date"),
        "headline": _same_text(article.title, doc.get("headline")),
        "wire": _same_wire(article.wire, doc.get("wire_or_original_source")),
        "event": article.event == doc.get("event"),
    }


def evaluate_corpus(config: Config, gold_dir: Path, raw_dir: Path | None = None) -> dict[str, Any]:
    """Clean every labelled raw file and score it against the gold; returns the figures as a dict."""
    raw_dir = raw_dir if raw_dir is not None else config.corpus_dir / "raw"
    lines_gold = {f["file"]: f for f in _load(gold_dir, "boilerplate.yaml")["files"]}
    docs_gold = {d["file"]: d for d in _load(gold_dir, "documents.yaml")["documents"]}
    totals = {
        "kept": 0,
        "gold_kept": 0,
        "true_kept": 0,
        "captions": 0,
        "captions_right": 0,
        "false_captions": 0,
    }
    hits = dict.fromkeys(METADATA_FIELDS, 0)
    misses: list[str] = []
    for name, labelled in sorted(lines_gold.items()):
        raw = (raw_dir / name).read_text(encoding="utf-8")
        article = clean_article(raw, doc_id=Path(name).stem, config=config)
        _score_lines(article, raw, labelled, totals, misses)
        for key, right in _metadata_hits(article, docs_gold[name]).items():
            hits[key] += right
            if not right:
                misses.append(f"{name}: {key} is {getattr(article, _FIELD[key])!r}")
    return {
        "documents": len(lines_gold),
        "line_precision": _ratio(totals["true_kept"], totals["kept"]),
        "line_recall": _ratio(totals["true_kept"], totals["gold_kept"]),
        "caption_accuracy": _ratio(totals["captions_right"], totals["captions"]),
        "false_captions": totals["false_captions"],
        "metadata": hits,
        "counts": totals,
        "misses": misses,
    }


_FIELD = {"outlet": "outlet", "date": "date", "headline": "title", "wire": "wire", "event": "event"}


def _score_lines(
    article: Article, raw: str, labelled: dict[str, Any], totals: dict[str, int], misses: list[str]
) -> None:
    kept = kept_lines(article, raw)
    gold_kept = {item["line"] for item in labelled["lines"] if item["label"] in GOLD_KEPT}
    gold_captions = {item["line"] for item in labelled["lines"] if item["label"] == "caption"}
    captions = {s.line for s in article.sentences if s.role == "caption"}
    totals["kept"] += len(kept)
    totals["gold_kept"] += len(gold_kept)
    totals["true_kept"] += len(kept & gold_kept)
    totals["captions"] += len(gold_captions)
    totals["captions_right"] += len(captions & gold_captions)
    totals["false_captions"] += len(captions - gold_captions)
    name = labelled["file"]
    misses.extend(f"{name}:{n}: kept but gold drops it" for n in sorted(kept - gold_kept))
    misses.extend(f"{name}:{n}: dropped but gold keeps it" for n in sorted(gold_kept - kept))
    misses.extend(f"{name}:{n}: caption missed" for n in sorted(gold_captions - captions))


def _ratio(part: int, whole: int) -> float:
    return part / whole if whole else 1.0


def format_report(result: dict[str, Any]) -> str:
    """The figures as lines of text."""
    n = result["documents"]
    meta = result["metadata"]
    lines = [
        f"documents: {n}",
        f"line precision: {result['line_precision']:.4f}",
        f"line recall: {result['line_recall']:.4f}",
        f"caption role accuracy: {result['caption_accuracy']:.4f}",
        f"false captions: {result['false_captions']}",
        *(f"{key}: {meta[key]}/{n}" for key in METADATA_FIELDS),
    ]
    lines.extend(f"miss: {miss}" for miss in result["misses"])
    return "\n".join(lines)


def sweep(config: Config, args: argparse.Namespace, sets: Sequence[Path], keys: Sequence[str]) -> list[str]:
    """One row of figures per combination of the `cleaner:` values in `keys` ('headline_max_words=20,30')."""
    names = [folder.name for folder in sets]
    seeds = [] if args.no_seeds else ["seed line P", "seed line R", "seed metadata"]
    lines = [" | ".join(["setting".ljust(40), *seeds, *(f"{name} passed" for name in names)])]
    for label, changed in sweep_settings(config, "cleaner", keys):
        row = [label.ljust(40)]
        if not args.no_seeds:
            result = evaluate_corpus(changed, args.gold, args.raw)
            meta = result["metadata"]
            total = result["documents"] * len(METADATA_FIELDS)
            row += [f"{result['line_precision']:.4f}", f"{result['line_recall']:.4f}"]
            row.append(f"{sum(meta.values())}/{total}")
        for folder in sets:
            figures = evaluate_set(folder, changed, args.events)
            row.append(f"{figures['passed']}/{figures['pages']}")
        lines.append(" | ".join(row))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    """Print the cleaner's figures on the labelled corpus (or the sweep's table)."""
    parser = argparse.ArgumentParser(prog="python -m bot.evaluation.corpus_eval", description=__doc__)
    parser.add_argument("--gold", type=Path, default=DEFAULT_GOLD, help="folder of the gold files")
    parser.add_argument("--config", type=Path, default=None, help="config.yaml (default: the usual lookup)")
    parser.add_argument("--raw", type=Path, default=None, help="folder of raw files (default: CORPUS/raw)")
    parser.add_argument("--json", action="store_true", help="print the figures as JSON")
    parser.add_argument("--fixtures", type=Path, action="append", help="a fixture set folder (repeatable)")
    parser.add_argument("--events", type=Path, action="append", help="extra events/people YAML (repeatable)")
    parser.add_argument("--no-seeds", action="store_true", help="measure the fixture sets only")
    parser.add_argument("--sweep", action="append", default=[], help="NAME=V1,V2: try these cleaner: values")
    args = parser.parse_args(argv)
    logging.basicConfig(level=logging.WARNING, format="%(levelname)s %(name)s: %(message)s")
    sets = args.fixtures or sorted(p for p in DEFAULT_FIXTURES.glob("*") if p.is_dir())
    try:
        config = load_config(args.config)
        if args.sweep:
            print("\n".join(sweep(config, args, sets, args.sweep)))
            return 0
        result = None if args.no_seeds else evaluate_corpus(config, args.gold, args.raw)
        fixtures = [evaluate_set(folder, config, args.events) for folder in sets]
    except (SummitbotError, OSError) as exc:
        print(f"error: {exc}", file=sys.stderr)
        return getattr(exc, "exit_code", 1)
    if args.json:
        print(json.dumps({"seeds": result, "fixtures": fixtures}, indent=2))
        return 0
    print("\n".join([*([format_report(result)] if result else []), *(format_set(f) for f in fixtures)]))
    return 0


if __name__ == "__main__":
    sys.exit(main())
