"""Choose BM25's variant, k1 and b and the decline cut-off by measurement on a gold file.

``python -m bot.evaluation.calibrate ../shared/eval/qa_dev.yaml [--extra tests/data/qa_heldout.yaml]``
prints accuracy@1, recall@3 and the decline counts for every setting tried, so config.yaml's values
are chosen from a table rather than guessed. Every run is in memory: the persisted index is untouched.
"""

from __future__ import annotations

import argparse
import dataclasses
import itertools
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Literal

from bot.answering import answer_question
from bot.config import Config, load_config
from bot.corpus import CorpusStore
from bot.evaluation.qa_eval import GoldQuestion, QAReport, evaluate_qa, load_gold
from bot.search import CorpusIndex

__all__ = ["main", "sweep"]

VARIANTS: tuple[Literal["okapi", "plus", "l"], ...] = ("okapi", "plus", "l")
K1S = (0.9, 1.2, 1.5, 2.0)
BS = (0.5, 0.75, 0.9)
CUTOFFS = (0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5)


def _run(index: CorpusIndex, gold: Sequence[GoldQuestion]) -> QAReport:
    return evaluate_qa(
        gold, lambda q, c: answer_question(index, q, conversation=c, top=index.config.answer.top)
    )


def _row(label: str, reports: Sequence[QAReport]) -> str:
    cells = []
    for r in reports:
        f = r.figures()
        cells.append(
            f"{f['accuracy_at_1']:.3f} {f['recall_at_3']:.3f} {f['unanswerable_declined']:>5} "
            f"{f['answerable_declined']:>6}"
        )
    return f"{label:28} | " + " | ".join(cells)


def sweep(config: Config, golds: Sequence[Sequence[GoldQuestion]]) -> list[str]:
    """The table: one row per BM25 setting (at the configured cut-off), then one per cut-off."""
    articles = CorpusStore(config.corpus_dir).load_articles()
    header = " | ".join("acc@1 rec@3 unans wrongly" for _ in golds)
    lines = [f"{'setting':28} | {header}"]
    for variant, k1, b in itertools.product(VARIANTS, K1S, BS):
        retrieval = dataclasses.replace(config.retrieval, variant=variant, k1=k1, b=b)
        index = CorpusIndex(articles, dataclasses.replace(config, retrieval=retrieval))
        lines.append(_row(f"{variant} k1={k1} b={b}", [_run(index, g) for g in golds]))
    lines.append("")
    for cutoff in CUTOFFS:
        answer = dataclasses.replace(config.answer, min_coverage=cutoff)
        index = CorpusIndex(articles, dataclasses.replace(config, answer=answer))
        lines.append(_row(f"min_coverage={cutoff}", [_run(index, g) for g in golds]))
    return lines


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", type=Path, help="the gold file to calibrate on (qa_dev.yaml)")
    parser.add_argument("--extra", type=Path, action="append", default=[], help="more gold files to report")
    parser.add_argument("--config", help="config.yaml to start from")
    args = parser.parse_args(argv)
    config = load_config(args.config)
    golds = [load_gold(path) for path in (args.gold, *args.extra)]
    print("columns: " + ", ".join(str(p) for p in (args.gold, *args.extra)))
    for line in sweep(config, golds):
        print(line)
    return 0


if __name__ == "__main__":
    sys.exit(main())
