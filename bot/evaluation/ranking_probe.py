"""The ranking alone, fast: which sentence the ranking fit puts first on held-out splits.

    python -m bot.evaluation.ranking_probe GOLD.yaml [...] [--other GOLD DIR] [--drop FEATURE ...]
        [--gold-ranks SET.yaml ...]

Every question is asked once (`calibrate.collect`, sentence vectors on). On the two kinds of test split
`calibrate` uses (5 folds by question, drawn here over the answerable ones; each gold file held out
whole) the ranking fit over
RANKING_FEATURES, less the `--drop`ped ones, is fitted on the other folds' answerable questions, and each
held-out answerable question's candidates are ordered by it: right at 1 when its first is a gold
sentence, right within 3 when one of its first three is. With `--also-grow` (or `--fit-grow`), the questions
asked again over the grown corpus are reported apart, in their question's fold, and never fitted on.

No threshold is tuned, so both splits take seconds where `calibrate` takes minutes: it is the tool for
trying ranking features and ablations. Its figures are the ranking alone, as the "never declining" row
of `calibrate`'s report, not equal to it: that report skips a repeat of one statement among the three and
asks a follow-up again after its earlier turns were answered by each fold's decision (here, once, by the
shipped one), a question or two apart on thirteen sets. A change that holds here is then measured through
the whole decision with `calibrate`. With `--gold-ranks`, the named gold files' answerable questions are
also placed in each order (bot.evaluation.gold_ranks): BM25's, the sentence vectors' and the final one of
their k-fold test split, telling a candidate miss from a ranking miss. Exit status 2, with one line on
stderr, for a name that is not a ranking feature or fewer than 2 folds.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.answering.decision import DecisionModel
from bot.answering.feature_names import RANKING_FEATURES
from bot.answering.focus import embedded_question
from bot.answering.ranker import FRAMING
from bot.config import load_config
from bot.evaluation.calibrate import Asked, _folds, _set_folds, collect, fit
from bot.evaluation.corpora import add_corpus_options
from bot.evaluation.gold_ranks import (
    GoldRank,
    bm25_rank,
    final_rank,
    gold_positions,
    rank_table,
    semantic_rank,
)
from bot.evaluation.kfold_report import GROWN

__all__ = ["RankingTally", "gold_ranks", "main", "probe", "probe_text"]

_MIN_FOLDS = 2

Split = Callable[[Sequence[Asked]], list[tuple[list[Asked], list[Asked]]]]


@dataclass
class RankingTally:
    """Held-out answerable questions of one split: per gold file, (right at 1, right within 3, asked)."""

    sets: dict[str, list[int]] = field(default_factory=dict)

    def add(self, source: str, first: bool, within_three: bool) -> None:
        counts = self.sets.setdefault(source, [0, 0, 0])
        counts[0] += first
        counts[1] += within_three
        counts[2] += 1

    def total(self, *, grown: bool = False) -> tuple[int, int, int]:
        """The sums over the gold files asked over the corpus (`grown`: over the grown corpus instead)."""
        kept = [c for name, c in self.sets.items() if name.endswith(GROWN) == grown]
        right, three, asked = (sum(c[i] for c in kept) for i in range(3))
        return right, three, asked


def _ranked(asked: Asked) -> bool:
    c = asked.candidates
    return bool(asked.gold.gold) and c is not None and c.rows is not None and len(c.rows) > 0


def probe(
    asked: Sequence[Asked], names: Sequence[str] = RANKING_FEATURES, l2: float = 1.0, folds: int = 5
) -> dict[str, RankingTally]:
    """The ranking alone over `names` on the question folds ("k-fold") and by gold file ("by set")."""
    answerable = [a for a in asked if _ranked(a)]
    splits: dict[str, Split] = {"k-fold": lambda given: _folds(given, folds), "by set": _set_folds}
    return {name: _tally(_held_out(split, answerable), names, l2) for name, split in splits.items()}


def _held_out(split: Split, answerable: Sequence[Asked]) -> list[tuple[list[Asked], list[Asked]]]:
    """`split` of the questions asked over the corpus; each copy asked over the grown corpus is held out
    with its question (a copy whose question is a trap over the corpus, in the first fold), never fitted."""
    splits = split([a for a in answerable if not a.grown])
    fold_of = {a.group: f for f, (_, test) in enumerate(splits) for a in test}
    copies = [a for a in answerable if a.grown]
    return [
        (train, test + [c for c in copies if fold_of.get(c.group, 0) == f])
        for f, (train, test) in enumerate(splits)
    ]


def _tally(splits: list[tuple[list[Asked], list[Asked]]], names: Sequence[str], l2: float) -> RankingTally:
    tally = RankingTally()
    for train, test in splits:
        model: DecisionModel = fit(train, l2, names)
        for a in test:
            rows = a.candidates.rows if a.candidates is not None else None
            assert rows is not None  # kept by _ranked
            order = np.argsort(-model.logit(rows), kind="stable")
            source = a.source + (GROWN if a.grown else "")
            tally.add(source, bool(a.labels[order[0]]), bool(a.labels[order[:3]].any()))
    return tally


def gold_ranks(
    asked: Sequence[Asked], sources: Sequence[str], names: Sequence[str], l2: float, folds: int
) -> list[GoldRank]:
    """The gold ranks (bot.evaluation.gold_ranks) of the answerable questions of the gold files named
    `sources`, the final order from the ranking fit of each question's k-fold test split."""
    answerable = [a for a in asked if _ranked(a)]
    final: dict[int, int | None] = {}
    for train, test in _held_out(lambda given: _folds(given, folds), answerable):
        model: DecisionModel = fit(train, l2, names)
        for a in test:
            rows = a.candidates.rows if a.candidates is not None else None
            assert rows is not None  # kept by _ranked
            final[id(a)] = final_rank(a.labels, model.logit(rows))
    out = []
    for a in asked:
        question = a.candidates.question if a.candidates is not None else None
        if a.source not in sources or a.grown or not a.gold.gold or question is None:
            continue
        index, docs = a.index, question.scope.docs if question.scope else None
        wanted = gold_positions(index, a.gold.gold)
        terms = tuple(index.query_tokens(question.search_text, expand=True, skip=FRAMING))
        out.append(
            GoldRank(
                a.source,
                a.gold.id,
                a.gold.question,
                terms,
                bm25_rank(index, question.search_text, wanted, docs),
                semantic_rank(index, embedded_question(question), wanted, docs),
                final.get(id(a)),
            )
        )
    return out


def probe_text(tallies: dict[str, RankingTally]) -> str:
    """Each split's figures: overall (and over the grown corpus apart), then per gold file."""
    lines = []
    for split, tally in tallies.items():
        for grown in (False, True):
            right, three, n = tally.total(grown=grown)
            if n or not grown:
                share = f"({right / max(n, 1):.3f}), recall@3 {three / max(n, 1):.3f}"
                lines.append(f"{split}{GROWN if grown else ''}: accuracy@1 {right}/{n} {share}")
        width = max(len(source) for source in tally.sets) if tally.sets else 0
        for source in sorted(tally.sets):
            r, t, m = tally.sets[source]
            lines.append(f"  {source:{width}s} @1 {r:>3}/{m:<3} @3 {t:>3}/{m}")
    return "\n".join(lines)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", type=Path, nargs="+", help="gold files (qa_dev.yaml format)")
    parser.add_argument("--drop", nargs="+", default=[], metavar="FEATURE", help="leave these out of the fit")
    parser.add_argument("--folds", type=int, default=5, help="k of the question split (default 5)")
    parser.add_argument("--config", help="config.yaml to start from")
    parser.add_argument(
        "--gold-ranks",
        nargs="+",
        default=[],
        metavar="SET",
        help="also print where the gold sentence stands in BM25's, the vectors' and the final order for "
        "these gold files' answerable questions (their file names)",
    )
    add_corpus_options(parser)
    args = parser.parse_args(argv)
    unknown = sorted(set(args.drop) - set(RANKING_FEATURES))
    if unknown or args.folds < _MIN_FOLDS:
        problem = f"not ranking features: {', '.join(unknown)}" if unknown else "--folds must be at least 2"
        print(f"ranking_probe: {problem}", file=sys.stderr)
        return 2
    config = load_config(args.config)
    others = [tuple(pair) for pair in args.other]
    grown = {"answers": args.grow_answers, "also_grow": args.also_grow, "fit_grow": args.fit_grow}
    asked = collect(config, args.gold, args.grow, others, **grown)
    names = tuple(f for f in RANKING_FEATURES if f not in args.drop)
    print(probe_text(probe(asked, names, config.decision.l2, args.folds)))
    if args.gold_ranks:
        ranks = gold_ranks(asked, args.gold_ranks, names, config.decision.l2, args.folds)
        print(rank_table(ranks, config.retrieval.candidates, config.semantic.dense_candidates))
    return 0


if __name__ == "__main__":
    sys.exit(main())
