"""Fit the answer-or-decline decision and choose its thresholds by measurement, with held-out figures.

    python -m bot.evaluation.calibrate GOLD.yaml [GOLD.yaml ...] [--folds 5] [--write]

Every question of every gold file is asked once; each retrieved sentence becomes a labelled pair (a gold
sentence is positive, every other candidate and every candidate of an unanswerable question negative).
Questions are split into k folds (a follow-up stays with the question it follows). For each fold, the
logistic regression is fitted on the other folds and its thresholds are chosen on them from
out-of-fold probabilities (an inner k-fold), then the held-out fold is answered through the real
decision (`bot.answering.decide`): those are the test-split figures. `--write` fits on everything and
writes bot/answering/decision.json (the answer fit over the lexical features, and with `--semantic on`
the ranking fit over every feature); the thresholds it prints go into config.yaml's `decision:` section.
"""

from __future__ import annotations

import argparse
import contextlib
import dataclasses
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

from bot.answering import answer_question, decide
from bot.answering.candidates import Candidates, find_candidates
from bot.answering.decision import WEIGHTS_PATH, Decision, DecisionModel, fit_logistic
from bot.answering.features import LEXICAL_FEATURES, RANKING_FEATURES, READER_FEATURES
from bot.answering.reading import reader_rows
from bot.config import Config, DecisionConfig, Veto, load_config
from bot.conversation import Conversation
from bot.errors import InputError
from bot.evaluation.corpora import add_corpus_options, corpus_index, event_config
from bot.evaluation.qa_eval import (
    GoldQuestion,
    QAReport,
    earlier_turns,
    format_report,
    hit_matches,
    load_answers,
    load_gold,
    score,
)
from bot.search import CorpusIndex

__all__ = [
    "Asked",
    "Thresholds",
    "ask_all",
    "balance_text",
    "choose_thresholds",
    "collect",
    "cross_validate",
    "cross_validation_text",
    "main",
    "operating_points",
    "reliability",
]

GRID = np.round(np.arange(0.02, 0.98, 0.02), 2)
NEVER_DECLINING = "ranking alone"  # the report of the same folds answered with every threshold at 0
GROWN = " over the grown corpus"  # the report of a gold file's questions asked again over more pages
CLOSE_PRECISION = 0.5  # a "closest" sentence is shown only where it is an answer at least this often


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


@dataclass(frozen=True)
class Thresholds:
    threshold: float
    close: float
    alternative: float
    veto: Veto = "speaker"  # config decision.veto
    balance: float = 0.0  # on the tune split: answerable questions answered + unanswerable declined shares


VETOES: tuple[Veto, ...] = ("none", "speaker", "all")  # weighed in this order: the first best wins
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


def fit(asked: Sequence[Asked], l2: float, names: Sequence[str] = LEXICAL_FEATURES) -> DecisionModel:
    rows, labels = _pairs(asked)
    return fit_logistic(rows, labels, l2=l2, names=names)


def fit_decision(asked: Sequence[Asked], l2: float, semantic: bool) -> Decision:
    """The answer fit (lexical features) and, with `semantic`, the ranking fit over every feature and the
    reader fit over the best few it ranks (where the reading model is there)."""
    answer = fit(asked, l2)
    if not semantic:
        return Decision(answer)
    first = Decision(answer, fit(asked, l2, RANKING_FEATURES))
    return dataclasses.replace(first, reader=_fit_reader(asked, l2, first))


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


def _best(asked: Asked, model: DecisionModel, veto: Veto = "none") -> tuple[float, bool] | None:
    """The top candidate's probability (DECLINED when `veto` declines the question first) and whether it
    is gold; None when nothing was weighed."""
    c = asked.candidates
    if c is None or c.rows is None or not len(c.hits):
        return None
    p = model.probability(c.rows)
    i = int(np.argmax(p))
    return DECLINED if c.vetoed(veto) else float(p[i]), bool(asked.labels[i])


def choose_thresholds(
    tops: Sequence[tuple[float, bool, bool]], pairs: Sequence[tuple[float, bool]]
) -> Thresholds:
    """Thresholds from the tune split's out-of-fold probabilities.

    - answer: from (best probability, best is gold, answerable) per question, the one that maximises
      answerable-answered rate plus unanswerable-declined rate (smoothed over neighbouring thresholds);
    - close: the lowest below it at which the declined questions' best sentences, from there up, are a
      gold sentence at least CLOSE_PRECISION of the time (else none is shown);
    - alternative: from (probability, is gold) of every pair, the one that best tells gold sentences
      from the others (Youden's J), never above the answer threshold.
    """
    p = np.array([t[0] for t in tops])
    right = np.array([t[1] for t in tops], dtype=bool)
    answerable = np.array([t[2] for t in tops], dtype=bool)
    threshold, balance = _answer_threshold(p, answerable)
    close = threshold
    for t in GRID[threshold > GRID][::-1]:
        band = (p >= t) & (p < threshold)
        if band.any() and right[band].mean() >= CLOSE_PRECISION:
            close = float(t)
    pair_p = np.array([q for q, _ in pairs])
    gold = np.array([g for _, g in pairs], dtype=bool)
    n_g, n_o = max(gold.sum(), 1), max((~gold).sum(), 1)
    youden = [((pair_p >= t) & gold).sum() / n_g - ((pair_p >= t) & ~gold).sum() / n_o for t in GRID]
    alternative = float(GRID[int(np.argmax(youden))])
    return Thresholds(threshold, close, min(alternative, threshold), balance=balance)


def _answer_threshold(p: np.ndarray, answerable: np.ndarray) -> tuple[float, float]:
    """The answer threshold and its raw balance there: the middle of the thresholds whose smoothed balance
    is within one unanswerable question's worth (1 / their number) of the best, as the curve is flat
    there and its highest point is noise (measured: 0.18 to 0.32 within 0.02 on all questions)."""
    n_a, n_u = max(answerable.sum(), 1), max((~answerable).sum(), 1)
    raw = [((p >= t) & answerable).sum() / n_a + ((p < t) & ~answerable).sum() / n_u for t in GRID]
    utility = np.convolve(raw, np.ones(5) / 5, mode="same")  # a few dozen questions: smooth the steps
    best = max(utility)
    chosen = [i for i, u in enumerate(utility) if u >= best - 1 / n_u - 1e-9]
    i = chosen[len(chosen) // 2]
    return float(GRID[i]), float(raw[i])


def _tune(asked: Sequence[Asked], folds: int, l2: float) -> Thresholds:
    """The veto and thresholds with the best balance on the answer fit's out-of-fold probabilities within
    the tune questions (an inner k-fold): one fit per inner fold, weighed under every veto."""
    tops: dict[str, list[tuple[float, bool, bool]]] = {v: [] for v in VETOES}
    pairs: list[tuple[float, bool]] = []
    for train, test in _folds(asked, folds):
        model = fit(train, l2)
        for a in (a for a in test if not a.grown):
            for veto in VETOES:
                top = _best(a, model, veto)
                if top is not None:
                    tops[veto].append((top[0], top[1], bool(a.gold.gold)))
            if a.candidates is not None and a.candidates.rows is not None:
                pairs.extend(zip(model.probability(a.candidates.rows), a.labels.astype(bool), strict=True))
    chosen = [dataclasses.replace(choose_thresholds(tops[v], pairs), veto=v) for v in VETOES]
    return max(chosen, key=lambda t: t.balance)


def _folds(asked: Sequence[Asked], k: int) -> list[tuple[list[Asked], list[Asked]]]:
    groups = sorted({a.group for a in asked})
    order = np.random.default_rng(0).permutation(len(groups))
    fold_of = {groups[g]: i % k for i, g in enumerate(order)}
    return [
        ([a for a in asked if fold_of[a.group] != f], [a for a in asked if fold_of[a.group] == f])
        for f in range(k)
    ]


def _settings(config: Config, thresholds: Thresholds) -> DecisionConfig:
    return dataclasses.replace(
        config.decision,
        threshold=thresholds.threshold,
        close=thresholds.close,
        alternative=thresholds.alternative,
        veto=thresholds.veto,
    )


def cross_validate(
    asked: Sequence[Asked],
    folds: int,
    top: int,
    l2: float,
    *,
    semantic: bool = True,
    answered: Sequence[Asked] | None = None,
) -> tuple[dict[str, QAReport], list[tuple[float, bool]], list[Thresholds]]:
    """Test-split reports per gold file, (probability, is gold) of each test question's best
    candidate, and the thresholds each fold chose. The held-out folds are answered from `answered`
    (the same questions asked another way, e.g. without sentence vectors) when it is given."""
    reports: dict[str, QAReport] = {}
    tops: list[tuple[float, bool]] = []
    chosen = []
    held = _folds(answered, folds) if answered is not None else None
    never = Thresholds(0.0, 0.0, 0.0, veto="none")
    for f, (train, test) in enumerate(_folds(asked, folds)):
        fitted = [a for a in train if a.in_fit]
        decision = fit_decision(fitted, l2, semantic)
        thresholds = _tune(fitted, folds, l2)
        chosen.append(thresholds)
        for tested in held[f][1] if held is not None else test:
            settings = _settings(tested.index.config, thresholds)
            # a follow-up's earlier turns answered by this fold's decision, not by the shipped one
            a = _asked(tested, decision, settings) if tested.earlier else tested
            result = decide(a.index, a.candidates, decision, top, settings) if a.candidates else None
            score(reports.setdefault(a.source + (GROWN if a.grown else ""), QAReport()), a.gold, result)
            if a.grown:
                continue
            never_settings = _settings(a.index.config, never)
            ranked = decide(a.index, a.candidates, decision, top, never_settings) if a.candidates else None
            score(reports.setdefault(NEVER_DECLINING, QAReport()), a.gold, ranked)
            best = _best(a, decision.answer)
            if best is not None:
                tops.append(best)
    return reports, tops, chosen


OFFSETS = np.round(np.arange(-0.16, 0.33, 0.04), 2)


def operating_points(asked: Sequence[Asked], folds: int, l2: float) -> str:
    """The trade the threshold makes on the held-out folds: with each fold's tune-chosen threshold moved by
    an offset, the share of answerable questions answered and of unanswerable ones declined (a question
    with no candidate, or vetoed, is declined at every offset)."""
    margins: list[tuple[float, bool]] = []
    for train, test in _folds(asked, folds):
        model, chosen = fit(train, l2), _tune(train, folds, l2)
        for a in (a for a in test if not a.grown):
            top = _best(a, model, chosen.veto)
            margins.append((top[0] - chosen.threshold if top else -np.inf, bool(a.gold.gold)))
    m = np.array([x for x, _ in margins])
    answerable = np.array([g for _, g in margins], dtype=bool)
    lines = [f"{'offset':>7} {'answered':>9} {'declined':>9} {'balance':>8}"]
    for offset in OFFSETS:
        answered = float((m[answerable] >= offset).mean())
        declined = float((m[~answerable] < offset).mean())
        lines.append(f"{offset:>+7.2f} {answered:>9.3f} {declined:>9.3f} {answered + declined:>8.3f}")
    return "\n".join(lines)


def reliability(tops: Sequence[tuple[float, bool]], bins: int = 10) -> str:
    """Predicted probability of the best candidate, by bin, against how often it was a gold sentence."""
    lines = [f"{'predicted':>11} {'n':>4} {'mean p':>7} {'observed':>9}"]
    for b in range(bins):
        lo, hi = b / bins, (b + 1) / bins
        inside = [(p, r) for p, r in tops if lo <= p < hi or (b == bins - 1 and p == 1.0)]
        if inside:
            mean = sum(p for p, _ in inside) / len(inside)
            observed = sum(r for _, r in inside) / len(inside)
            lines.append(f"{lo:.1f}-{hi:.1f}    {len(inside):>4} {mean:>7.3f} {observed:>9.3f}")
    return "\n".join(lines)


def balance_text(report: QAReport) -> str:
    """The balance the thresholds are chosen by, and the shape of the hidden checks (at most 2 of 25
    answerable questions declined, at least 4 of 5 unanswerable ones declined), on `report`'s questions."""
    answered = 1 - report.wrongly_declined / max(report.answerable, 1)
    declined = report.declined_unanswerable / max(report.unanswerable, 1)
    met = answered >= 23 / 25 and declined >= 4 / 5
    return (
        f"balance (answerable answered {answered:.3f} + unanswerable declined {declined:.3f}): "
        f"{answered + declined:.3f}; hidden-check shape (>= 0.920 and >= 0.800) {'met' if met else 'not met'}"
    )


def _summary(reports: dict[str, QAReport]) -> QAReport:
    total = QAReport()
    for report in reports.values():
        total.merge(report)
    return total


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


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("gold", type=Path, nargs="+", help="gold files (qa_dev.yaml format)")
    parser.add_argument("--folds", type=int, default=5, help="k of the k-fold split (default 5)")
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
    add_corpus_options(parser)
    args = parser.parse_args(argv)
    config = load_config(args.config)
    if args.reader:
        config = dataclasses.replace(config, semantic=dataclasses.replace(config.semantic, reader=True))
    lexical = dataclasses.replace(config, semantic=dataclasses.replace(config.semantic, enabled=False))
    others = [tuple(pair) for pair in args.other]
    grown = {"answers": args.grow_answers, "also_grow": args.also_grow, "fit_grow": args.fit_grow}
    asked = collect(lexical if args.semantic == "off" else config, args.gold, args.grow, others, **grown)
    answered = collect(lexical, args.gold, args.grow, others, **grown) if args.semantic == "absent" else None
    semantic = args.semantic != "off"
    text = cross_validation_text(
        asked, args.folds, config.answer.top, config.decision.l2, semantic=semantic, answered=answered
    )
    print(text)
    if args.operating_points:
        print("\noperating points (test splits, each fold's threshold moved by the offset):")
        print(operating_points(asked, args.folds, config.decision.l2))
    if args.write:
        decision = fit_decision(asked, config.decision.l2, semantic)
        sets = [p.name for p in (*args.gold, *(g for g, _ in args.other))]
        decision.save(WEIGHTS_PATH, "fitted by python -m bot.evaluation.calibrate --write", sets)
        t = _tune(asked, args.folds, config.decision.l2)
        print(f"\nwrote {WEIGHTS_PATH}")
        print(f"decision: threshold {t.threshold}, close {t.close}, alternative {t.alternative}", end="")
        print(f", veto {t.veto}")
    return 0


def _growth_lines(reports: dict[str, QAReport], grown: dict[str, QAReport]) -> list[str]:
    """The same questions, models and thresholds over the seed corpus and over the grown one."""
    seed = _summary({name: reports[name.removesuffix(GROWN)] for name in grown})
    more = _summary(grown)
    lines = [f"== {name} (test splits)\n{format_report(r, categories=False)}\n" for name, r in grown.items()]
    lines += ["== those sets over the grown corpus (test splits)", format_report(more, categories=False), ""]
    pairs = [(seed.correct_at_1, seed.answerable, more.correct_at_1, more.answerable)]
    pairs.append(
        (seed.declined_unanswerable, seed.unanswerable, more.declined_unanswerable, more.unanswerable)
    )
    (a, b, c, d), (e, g, h, k) = pairs
    lines.append(
        f"growth: accuracy@1 {a / max(b, 1):.3f} -> {c / max(d, 1):.3f}, "
        f"unanswerables declined {e / max(g, 1):.3f} -> {h / max(k, 1):.3f}\n"
    )
    return lines


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
    reports, tops, chosen = cross_validate(asked, folds, top, l2, semantic=semantic, answered=answered)
    ranking = reports.pop(NEVER_DECLINING)
    grown = {name: reports.pop(name) for name in list(reports) if name.endswith(GROWN)}
    lines = [f"k-fold ({folds} folds, grouped by question; figures on the held-out folds only)", ""]
    for name, report in reports.items():
        lines += [f"== {name} (test splits)", format_report(report, categories=False), ""]
    total = _summary(reports)
    lines += ["== all sets (test splits)", format_report(total), "", balance_text(total), ""]
    if grown:
        lines += _growth_lines(reports, grown)
    figures = ranking.figures()
    lines += [
        f"never declining (the ranking alone, test splits): accuracy@1 {figures['accuracy_at_1']:.3f}, "
        f"recall@3 {figures['recall_at_3']:.3f}",
        "",
    ]
    lines += ["thresholds chosen per fold (answer / close / alternative / veto, tune balance): "]
    lines[-1] += ", ".join(
        f"{t.threshold:.2f}/{t.close:.2f}/{t.alternative:.2f}/{t.veto} {t.balance:.3f}" for t in chosen
    )
    lines += ["", "reliability of the best candidate's probability (test splits):", reliability(tops)]
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
