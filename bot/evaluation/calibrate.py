"""Fit the answer-or-decline decision and choose its thresholds by measurement, with held-out figures.

    python -m bot.evaluation.calibrate GOLD.yaml [GOLD.yaml ...] [--folds 5] [--write]

Every question of every gold file is asked once; each retrieved sentence becomes a labelled pair (a gold
sentence is positive, every other candidate and every candidate of an unanswerable question negative).
Questions are split into k folds (a follow-up stays with the question it follows). For each fold, the
logistic regression is fitted on the other folds and its thresholds (and the weight of the traps' pairs
in the answer fit) are chosen on them from out-of-fold probabilities (an inner k-fold) by the product's
accuracy (bot.evaluation.thresholds), then the held-out fold is answered through the real decision
(`bot.answering.decide`): those are the test-split figures. `--write` fits on everything and writes
bot/answering/decision.json (the answer fit over the lexical and answerability features, and with
`--semantic on` the ranking fit over every feature), with the folds' median traps' weight; the thresholds
it prints (the folds' median) go into config.yaml's `decision:` section.

`--save-folds DIR` keeps each fold's fitted decision and thresholds (JSON, bot.evaluation.heldfolds);
`--load-folds DIR` answers the same held-out folds with them instead of refitting, so a change that adds no
feature is measured by the same fold models (list what it moved with bot.evaluation.moved_questions).
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.answering import answer_question, decide
from bot.answering.candidates import Candidates, find_candidates
from bot.answering.decision import WEIGHTS_PATH, Decision, DecisionModel, fit_logistic, rescaled
from bot.answering.feature_names import ANSWER_FEATURES, RANKING_FEATURES, READER_FEATURES
from bot.answering.reading import reader_rows
from bot.config import Config, DecisionConfig, Veto, load_config
from bot.conversation import Conversation
from bot.errors import InputError, SummitbotError
from bot.evaluation.corpora import add_corpus_options, corpus_index, event_config
from bot.evaluation.heldfolds import FoldModel, HeldFolds, load_fold, save_fold
from bot.evaluation.kfold_report import (
    GROWN,
    NEVER_DECLINING,
    balance_text,
    outcome,
    reliability,
    report_text,
)
from bot.evaluation.qa_eval import (
    GoldQuestion,
    QAReport,
    earlier_turns,
    hit_matches,
    load_answers,
    load_gold,
    score,
)
from bot.evaluation.thresholds import (
    TRAP_WEIGHTS,
    VETOES,
    Thresholds,
    choose_thresholds,
    product_accuracy,
    shipped,
)
from bot.search import CorpusIndex

__all__ = [
    "Asked",
    "HeldFolds",
    "ask_all",
    "balance_text",
    "collect",
    "cross_validate",
    "cross_validation_text",
    "main",
    "operating_points",
    "reliability",
    "report_text",
]


@dataclass(frozen=True)
class Asked:
    """One gold question as the answerer saw it: its candidates and which of them are gold."""

    gold: GoldQuestion
    source: str  # the gold file's name
    candidates: Candidates | None  # None: the question was refused as bad input
    labels: np.ndarray
    index: CorpusIndex  # the corpus it was asked over
    grown: bool = False  # asked again over the corpus grown by --also-grow / --fit-grow: reported apart
    in_fit: bool = True  # its pairs are fitted on (a grown copy only with --fit-grow)
    earlier: tuple[str, ...] = ()  # a follow-up: the questions it continues, oldest first

    @property
    def group(self) -> str:
        return f"{self.source}:{self.gold.follows or self.gold.id}"


DECLINED = -1.0  # the "probability" of a vetoed question: below every threshold


def ask_all(
    index: CorpusIndex,
    questions: Sequence[GoldQuestion],
    source: str,
    *,
    grown: bool = False,
    in_fit: bool = True,
) -> list[Asked]:
    """Candidates and labels for every question; a follow-up asked as a user would, after the questions
    it continues were answered in its conversation (by the shipped decision)."""
    by_id = {q.id: q for q in questions}
    out = []
    for q in questions:
        earlier = tuple(e.question for e in earlier_turns(q, by_id))
        out.append(_asked(Asked(q, source, None, np.zeros(0), index, grown, in_fit, earlier)))
    return out


def _asked(asked: Asked, decision: Decision | None = None, settings: DecisionConfig | None = None) -> Asked:
    """`asked` asked (again), its earlier turns answered first by `decision` (default: the shipped one)
    through the answering's own path, so the follow-up leans on what that decision gave."""
    index, q = asked.index, asked.gold
    conversation = Conversation()
    for text in asked.earlier:
        with contextlib.suppress(InputError):  # refused, as a user would see it: the chat goes on
            answer_question(index, text, conversation=conversation, decision=decision, settings=settings)
    try:
        candidates: Candidates | None = find_candidates(index, q.question, conversation)
    except InputError:
        candidates = None
    hits = candidates.hits if candidates else ()
    labels = np.array([hit_matches(h.article.id, h.sentence.text, q.gold) for h in hits], dtype=float)
    return dataclasses.replace(asked, candidates=candidates, labels=labels)


def _pairs(asked: Sequence[Asked]) -> tuple[np.ndarray, np.ndarray]:
    rows = [a.candidates.rows for a in asked if a.candidates is not None and a.candidates.rows is not None]
    labels = [a.labels for a in asked if a.candidates is not None and a.candidates.rows is not None]
    if not rows:
        return np.zeros((0, 0)), np.zeros(0)
    return np.vstack(rows), np.concatenate(labels)


def fit(
    asked: Sequence[Asked], l2: float, names: Sequence[str] = ANSWER_FEATURES, trap_weight: float = 1.0
) -> DecisionModel:
    """A logistic fit over `names` on every pair of `asked`; an unanswerable question's pairs weigh
    `trap_weight` (more weight on the traps' sentences teaches the fit what a trap's best sentence lacks)."""
    use = [a for a in asked if a.candidates is not None and a.candidates.rows is not None]
    rows, labels = _pairs(use)
    weights = np.concatenate([np.full(len(a.labels), 1.0 if a.gold.gold else trap_weight) for a in use])
    return fit_logistic(rows, labels, l2=l2, names=names, weights=weights if use else None)


def _rank_fit(asked: Sequence[Asked], l2: float) -> DecisionModel:
    """The ranking fit over every feature, on the answerable questions' pairs only: it orders the
    sentences of a question that has an answer, and a trap's sentences, none of them gold, say nothing
    about that order (measured on the k-fold: accuracy@1 of the ranking alone 0.645-0.652 with them,
    0.652-0.663 without, over three fold seeds). Copies asked over a grown corpus (`--fit-grow`) teach
    the answer fit only: in the ranking fit they cost the seed corpus's order (ranking_probe, nine sets,
    221 -> 218 right at 1) for one more right over the grown one."""
    return fit([a for a in asked if a.gold.gold and not a.grown], l2, RANKING_FEATURES)


def fit_decision(asked: Sequence[Asked], l2: float, semantic: bool, trap_weight: float = 1.0) -> Decision:
    """The answer fit (lexical and answerability features, the traps' pairs weighing `trap_weight`) and,
    with `semantic`, the ranking fit over every feature and the reader fit over the best few it ranks
    (where the reading model is there)."""
    rank = _rank_fit(asked, l2) if semantic else None
    first = Decision(_answer_fit(asked, l2, trap_weight, rank), rank)
    return dataclasses.replace(first, reader=_fit_reader(asked, l2, first)) if semantic else first


def _answer_fit(
    asked: Sequence[Asked], l2: float, trap_weight: float, rank: DecisionModel | None
) -> DecisionModel:
    """The answer fit, its log-odds rescaled so that a question's best probability is calibrated against
    whether the sentence answered first (`rank`'s, else its own best) is gold: the traps' weight moves
    the fit's probabilities down, and the reliability table reads the best one."""
    answer = fit(asked, l2, trap_weight=trap_weight)
    logits, outcomes = [], []
    for a in asked:
        c = a.candidates
        if (a.grown and not a.in_fit) or c is None or c.rows is None or not len(c.hits):
            continue
        logits.append(float(answer.logit(c.rows).max()))
        first = int(np.argmax((rank or answer).probability(c.rows)))
        outcomes.append(float(a.labels[first]))
    if not logits:
        return answer
    return rescaled(answer, np.array(logits), np.array(outcomes))


def _fit_reader(asked: Sequence[Asked], l2: float, first: Decision) -> DecisionModel | None:
    """The reader fit on the best few candidates of each question as `first` ranks them (a gold sentence
    positive); None when nothing was read."""
    rows, labels = [], []
    for a in asked:
        c = a.candidates
        if c is None or c.rows is None or not len(c.hits):
            continue
        found = reader_rows(a.index, c, first.ranking(c.rows))
        if found is not None:
            rows.append(found[1])
            labels.append(a.labels[found[0]])
    if not rows:
        return None
    return fit_logistic(np.vstack(rows), np.concatenate(labels), l2=l2, names=READER_FEATURES)


def _best(asked: Asked, decision: Decision, veto: Veto = "none") -> tuple[float, bool] | None:
    """The best candidate's answer probability (DECLINED when `veto` declines the question first) and
    whether the sentence answered first (the ranking fit's) is gold; None when nothing was weighed."""
    c = asked.candidates
    if c is None or c.rows is None or not len(c.hits):
        return None
    p = decision.answer.probability(c.rows)
    first = int(np.argmax(decision.ranking(c.rows)))
    return DECLINED if c.vetoed(veto) else float(p.max()), bool(asked.labels[first])


def _tune(asked: Sequence[Asked], folds: int, l2: float, semantic: bool = True) -> Thresholds:
    """The traps' weight in the answer fit, the veto and the thresholds with the best product accuracy on
    out-of-fold probabilities within the tune questions (an inner k-fold): per inner fold, one ranking fit
    (the reader, an extra, is left out) and one answer fit per weight of TRAP_WEIGHTS, weighed under every
    veto."""
    tops: dict[tuple[float, Veto], list[tuple[float, bool, bool]]] = {}
    pairs: dict[float, list[tuple[float, bool]]] = {w: [] for w in TRAP_WEIGHTS}
    for train, test in _folds(asked, folds):
        rank = _rank_fit(train, l2) if semantic else None
        for weight in TRAP_WEIGHTS:
            answer = _answer_fit(train, l2, weight, rank)
            decision = Decision(answer, rank)
            for a in (a for a in test if not a.grown):
                for veto in VETOES:
                    top = _best(a, decision, veto)
                    if top is not None:
                        tops.setdefault((weight, veto), []).append((top[0], top[1], bool(a.gold.gold)))
                if a.candidates is not None and a.candidates.rows is not None:
                    p = answer.probability(a.candidates.rows)
                    pairs[weight].extend(zip(p, a.labels.astype(bool), strict=True))
    chosen = [
        dataclasses.replace(choose_thresholds(found, pairs[w]), veto=v, trap_weight=w)
        for (w, v), found in tops.items()
    ]
    return max(chosen, key=lambda t: t.accuracy)


def _folds(asked: Sequence[Asked], k: int) -> list[tuple[list[Asked], list[Asked]]]:
    groups = sorted({a.group for a in asked})
    order = np.random.default_rng(0).permutation(len(groups))
    fold_of = {groups[g]: i % k for i, g in enumerate(order)}
    return [
        ([a for a in asked if fold_of[a.group] != f], [a for a in asked if fold_of[a.group] == f])
        for f in range(k)
    ]


def _set_folds(asked: Sequence[Asked]) -> list[tuple[list[Asked], list[Asked]]]:
    """Leave one gold file out: a set's questions share their author's wording, so this split says more
    about questions nobody tuned to than question-level folds do."""
    sources = sorted({a.source for a in asked})
    return [([a for a in asked if a.source != s], [a for a in asked if a.source == s]) for s in sources]


def _settings(config: Config, thresholds: Thresholds) -> DecisionConfig:
    return dataclasses.replace(
        config.decision,
        threshold=thresholds.threshold,
        close=thresholds.close,
        alternative=thresholds.alternative,
        veto=thresholds.veto,
    )


_FIT_EVERY_FOLD = HeldFolds()  # neither saved nor loaded: each fold fitted, as without the options


def _fold_model(
    f: int,
    train: Sequence[Asked],
    test: Sequence[Asked],
    *,
    folds: int,
    l2: float,
    semantic: bool,
    held: HeldFolds,
) -> FoldModel:
    """Fold `f`'s decision and thresholds: fitted and tuned on `train` (saved when asked), or loaded."""
    groups = sorted({a.group for a in test})
    if held.load is not None:
        return load_fold(held.load, f, groups)
    fitted = [a for a in train if a.in_fit]
    thresholds = _tune(fitted, folds, l2, semantic)
    decision = fit_decision(fitted, l2, semantic, thresholds.trap_weight)
    if held.save is not None:
        save_fold(held.save, f, groups, decision, thresholds)
    return decision, thresholds


def cross_validate(
    asked: Sequence[Asked],
    folds: int,
    top: int,
    l2: float,
    *,
    semantic: bool = True,
    answered: Sequence[Asked] | None = None,
    records: list[dict[str, object]] | None = None,
    by_set: bool = False,
    held_folds: HeldFolds = _FIT_EVERY_FOLD,
) -> tuple[dict[str, QAReport], list[tuple[float, bool]], list[Thresholds]]:
    """Test-split reports per gold file, (probability, is gold) of each test question's best
    candidate, and the thresholds each fold chose. The held-out folds are answered from `answered`
    (the same questions asked another way, e.g. without sentence vectors) when it is given. Each held-out
    question's outcome is appended to `records` when it is given (`--dump`). With `by_set` each held-out
    fold is one whole gold file (the thresholds are still chosen by an inner k-fold of the rest).
    `held_folds` saves each fold's fitted decision and thresholds, or answers with saved ones instead."""
    reports: dict[str, QAReport] = {}
    tops: list[tuple[float, bool]] = []
    chosen = []
    split = _set_folds if by_set else lambda given: _folds(given, folds)
    held = split(answered) if answered is not None else None
    never = Thresholds(0.0, 0.0, 0.0, veto="none")
    for f, (train, test) in enumerate(split(asked)):
        decision, thresholds = _fold_model(
            f, train, test, folds=folds, l2=l2, semantic=semantic, held=held_folds
        )
        chosen.append(thresholds)
        for tested in held[f][1] if held is not None else test:
            settings = _settings(tested.index.config, thresholds)
            # a follow-up's earlier turns answered by this fold's decision, not by the shipped one
            a = _asked(tested, decision, settings) if tested.earlier else tested
            result = decide(a.index, a.candidates, decision, top, settings) if a.candidates else None
            score(reports.setdefault(a.source + (GROWN if a.grown else ""), QAReport()), a.gold, result)
            if records is not None:
                records.append(outcome(a.source + (GROWN if a.grown else ""), a.gold, result, f))
            if a.grown:
                continue
            never_settings = _settings(a.index.config, never)
            ranked = decide(a.index, a.candidates, decision, top, never_settings) if a.candidates else None
            score(reports.setdefault(NEVER_DECLINING, QAReport()), a.gold, ranked)
            best = _best(a, decision)
            if best is not None:
                tops.append(best)
    return reports, tops, chosen


OFFSETS = np.round(np.arange(-0.16, 0.33, 0.04), 2)


def operating_points(asked: Sequence[Asked], folds: int, l2: float, semantic: bool = True) -> str:
    """The trade the threshold makes on the held-out folds: with each fold's tune-chosen threshold moved by
    an offset, the share of answerable questions answered, of unanswerable ones declined, and of all
    questions ending right (product accuracy; a question with no candidate, or vetoed, is declined at
    every offset)."""
    margins: list[tuple[float, bool, bool]] = []
    for every, test in _folds(asked, folds):
        train = [a for a in every if a.in_fit]
        chosen = _tune(train, folds, l2, semantic)
        rank = _rank_fit(train, l2) if semantic else None
        decision = Decision(_answer_fit(train, l2, chosen.trap_weight, rank), rank)
        for a in (a for a in test if not a.grown):
            top = _best(a, decision, chosen.veto)
            margin = top[0] - chosen.threshold if top else -np.inf
            margins.append((margin, bool(top and top[1]), bool(a.gold.gold)))
    m = np.array([x for x, _, _ in margins])
    right = np.array([r for _, r, _ in margins], dtype=bool)
    answerable = np.array([g for _, _, g in margins], dtype=bool)
    lines = [f"{'offset':>7} {'answered':>9} {'declined':>9} {'balance':>8} {'accuracy':>9}"]
    for offset in OFFSETS:
        answered = float((m[answerable] >= offset).mean())
        declined = float((m[~answerable] < offset).mean())
        accuracy = product_accuracy(m, right, answerable, float(offset))
        lines.append(
            f"{offset:>+7.2f} {answered:>9.3f} {declined:>9.3f} {answered + declined:>8.3f} {accuracy:>9.3f}"
        )
    return "\n".join(lines)


def collect(
    config: Config,
    golds: Sequence[Path],
    grow: Sequence[Path] = (),
    others: Sequence[tuple[Path, Path]] = (),
    *,
    answers: Sequence[Path] = (),
    also_grow: Sequence[Path] = (),
    fit_grow: Sequence[Path] = (),
) -> list[Asked]:
    """Every question asked: the gold files over the corpus (grown with `grow`'s pages, whose answers to
    the gold questions `answers` lists), and each (gold file, folder) of `others` over that folder's
    pages alone, its event and people in the config. With `also_grow` or `fit_grow`, the gold files
    `answers` covers are asked again over the corpus grown with those pages too (each copy in its
    question's fold, reported apart: the same folds' models over a larger corpus); with `fit_grow` the
    fit also learns from the copies (related and unrelated pages the seed corpus lacks)."""
    index = corpus_index(config, grow)
    added = answers if grow else ()  # answers the added pages give: none without them
    asked = [a for path in golds for a in ask_all(index, load_gold(path, added), path.name)]
    if also_grow or fit_grow:
        covered = {name for extra in answers for name in load_answers(extra)}
        more = corpus_index(config, [*grow, *also_grow, *fit_grow])
        for path in (p for p in golds if p.name in covered):
            questions = load_gold(path, answers)
            asked += ask_all(more, questions, path.name, grown=True, in_fit=bool(fit_grow))
    for gold, folder in others:
        settings = dataclasses.replace(event_config(config, folder), semantic=config.semantic)
        other = corpus_index(settings, [folder], seeds=False)
        asked += ask_all(other, load_gold(gold), gold.name)
    return asked


def _parser() -> argparse.ArgumentParser:
    """The command line of `main`."""
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", type=Path, nargs="+", help="gold files (qa_dev.yaml format)")
    parser.add_argument("--folds", type=int, default=5, help="k of the k-fold split (default 5)")
    parser.add_argument(
        "--by-set",
        action="store_true",
        help="hold out one whole gold file at a time instead of question folds (thresholds still tuned by "
        "an inner --folds split)",
    )
    parser.add_argument("--config", help="config.yaml to start from")
    parser.add_argument("--write", action="store_true", help=f"fit on everything and write {WEIGHTS_PATH}")
    parser.add_argument(
        "--semantic",
        choices=("on", "off", "absent"),
        default="on",
        help="on: sentence vectors, dense candidates and a ranking fit with the cosine features; off: none "
        "of them; absent: fitted with them, the held-out folds asked without vectors (a corpus too large "
        "to embed)",
    )
    parser.add_argument(
        "--operating-points",
        action="store_true",
        help="also print the held-out shares answered and declined with each fold's threshold moved",
    )
    parser.add_argument(
        "--reader", action="store_true", help="answer with the reading model (semantic.reader) switched on"
    )
    parser.add_argument(
        "--save-folds", type=Path, metavar="DIR", help="save each fold's fitted models and thresholds (JSON)"
    )
    parser.add_argument(
        "--load-folds",
        type=Path,
        metavar="DIR",
        help="answer the held-out folds with the models --save-folds saved instead of refitting (the same "
        "gold files and folds): a change that adds no feature, measured by the same fold models",
    )
    parser.add_argument(
        "--dump",
        type=Path,
        help="write each held-out question's outcome as JSON",
    )
    add_corpus_options(parser)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.save_folds and args.load_folds:
        parser.error("--save-folds or --load-folds, not both")
    config = load_config(args.config)
    if args.reader:
        config = dataclasses.replace(config, semantic=dataclasses.replace(config.semantic, reader=True))
    lexical = dataclasses.replace(config, semantic=dataclasses.replace(config.semantic, enabled=False))
    others = [tuple(pair) for pair in args.other]
    grown = {"answers": args.grow_answers, "also_grow": args.also_grow, "fit_grow": args.fit_grow}
    asked = collect(lexical if args.semantic == "off" else config, args.gold, args.grow, others, **grown)
    answered = collect(lexical, args.gold, args.grow, others, **grown) if args.semantic == "absent" else None
    semantic = args.semantic != "off"
    l2 = config.decision.l2
    records: list[dict[str, object]] | None = [] if args.dump else None
    try:
        result = cross_validate(
            asked,
            args.folds,
            config.answer.top,
            l2,
            semantic=semantic,
            answered=answered,
            records=records,
            by_set=args.by_set,
            held_folds=HeldFolds(args.save_folds, args.load_folds),
        )
    except SummitbotError as exc:  # a saved fold that cannot be read, or of another split
        print(f"error: {exc}", file=sys.stderr)
        return 2
    if args.by_set:
        print(report_text(result, len({a.source for a in asked}), grouping="gold file"))
    else:
        print(report_text(result, args.folds))
    if args.dump:
        args.dump.write_text(json.dumps(records, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if args.operating_points:
        print("\noperating points (test splits, each fold's threshold moved by the offset):")
        print(operating_points(asked, args.folds, l2, semantic))
    if args.write:
        t = shipped(result[2])
        decision = fit_decision([a for a in asked if a.in_fit], l2, semantic, t.trap_weight)
        sets = [p.name for p in (*args.gold, *(g for g, _ in args.other))]
        note = "fitted by python -m bot.evaluation.calibrate --write"
        grown_note = "".join(f"; the answer fit also over the corpus grown with {p}" for p in args.fit_grow)
        weight = f"unanswerable questions' pairs weigh {t.trap_weight:g}"
        chosen = {"threshold": t.threshold, "close": t.close, "alternative": t.alternative, "veto": t.veto}
        decision.save(WEIGHTS_PATH, f"{note}; {weight}{grown_note}", sets, chosen)
        print(f"\nwrote {WEIGHTS_PATH}")
        print("decision (the median of the folds' choices, the veto most folds chose): ", end="")
        print(f"threshold {t.threshold}, close {t.close}, alternative {t.alternative}, veto {t.veto}")
        print("copy them into config.yaml's decision: section (tests/test_decision.py checks they match)")
    return 0


def cross_validation_text(
    asked: Sequence[Asked],
    folds: int,
    top: int,
    l2: float,
    *,
    semantic: bool = True,
    answered: Sequence[Asked] | None = None,
) -> str:
    """The k-fold report: per gold file and overall (test splits), thresholds, reliability, categories."""
    return report_text(cross_validate(asked, folds, top, l2, semantic=semantic, answered=answered), folds)


if __name__ == "__main__":
    sys.exit(main())
