"""The k-fold report of `bot.evaluation.calibrate`: per gold file and overall test-split figures, the
product accuracy and the hidden checks' shape, the grown corpus's drop, the thresholds each fold chose
and the shipped median, and the reliability of the best candidate's probability."""

from __future__ import annotations

from collections.abc import Sequence

from bot.evaluation.qa_eval import GoldQuestion, QAReport, format_report, matches
from bot.evaluation.thresholds import Thresholds, shipped
from bot.results import AskResult

__all__ = ["GROWN", "NEVER_DECLINING", "balance_text", "outcome", "reliability", "report_text"]

NEVER_DECLINING = "ranking alone"  # the report of the same folds answered with every threshold at 0
GROWN = " over the grown corpus"  # the report of a gold file's questions asked again over more pages


def outcome(source: str, q: GoldQuestion, result: AskResult | None, fold: int) -> dict[str, object]:
    """One held-out question's outcome, as `calibrate --dump` writes it: declined (None: refused as bad
    input), right at 1 and within the top 3 (answerable questions), and the sentence answered first."""
    answers = () if result is None else result.answers
    return {
        "source": source,
        "id": q.id,
        "category": q.category,
        "follows": q.follows,
        "question": q.question,
        "answerable": bool(q.gold),
        "fold": fold,
        "declined": result is None or result.declined,
        "at1": bool(q.gold) and bool(answers) and matches(answers[0], q.gold),
        "at3": bool(q.gold) and any(matches(a, q.gold) for a in answers[:3]),
        "first": answers[0].text if answers else None,
        "first_doc": answers[0].doc if answers else None,
    }


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
    """The product accuracy the thresholds are chosen by (questions ending right: answered with a gold
    sentence first, or an unanswerable one declined), the balance of shares, and the shape of the hidden
    checks (at most 2 of 25 answerable questions declined, at least 4 of 5 unanswerable ones declined)."""
    answered = 1 - report.wrongly_declined / max(report.answerable, 1)
    declined = report.declined_unanswerable / max(report.unanswerable, 1)
    accuracy = (report.correct_at_1 + report.declined_unanswerable) / max(report.total, 1)
    met = answered >= 23 / 25 and declined >= 4 / 5
    return (
        f"product accuracy (right first answers and declined unanswerables, of all questions): "
        f"{accuracy:.3f}\n"
        f"balance (answerable answered {answered:.3f} + unanswerable declined {declined:.3f}): "
        f"{answered + declined:.3f}; hidden-check shape (>= 0.920 and >= 0.800) {'met' if met else 'not met'}"
    )


def _summary(reports: dict[str, QAReport]) -> QAReport:
    total = QAReport()
    for report in reports.values():
        total.merge(report)
    return total


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


def report_text(
    result: tuple[dict[str, QAReport], list[tuple[float, bool]], list[Thresholds]],
    folds: int,
    grouping: str = "question",
) -> str:
    """The k-fold report of `cross_validate`'s result."""
    reports, tops, chosen = result
    ranking = reports.pop(NEVER_DECLINING)
    grown = {name: reports.pop(name) for name in list(reports) if name.endswith(GROWN)}
    lines = [f"k-fold ({folds} folds, grouped by {grouping}; figures on the held-out folds only)", ""]
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
    lines += ["chosen per fold (answer / close / alternative / veto / traps' weight, tune accuracy): "]
    lines[-1] += ", ".join(
        f"{t.threshold:.2f}/{t.close:.2f}/{t.alternative:.2f}/{t.veto}/{t.trap_weight:g} {t.accuracy:.3f}"
        for t in chosen
    )
    t = shipped(chosen)
    median = f"{t.threshold:.2f}/{t.close:.2f}/{t.alternative:.2f}/{t.veto}/{t.trap_weight:g}"
    lines += [f"shipped by --write (their median): {median}"]
    lines += ["", "reliability of the best candidate's probability (test splits):", reliability(tops)]
    return "\n".join(lines)
