"""The eval command: score the answers against gold files. A group of its own, so that a start of `ask` or
`chat` neither imports the evaluation package nor builds eval's parser (bot/cli/__init__.py's groups)."""

from __future__ import annotations

import argparse
import json
from functools import partial
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.cli.ask_commands import positive
from bot.cli.context import Context, print_json
from bot.conversation import Conversation
from bot.evaluation.corpora import add_corpus_options
from bot.results import AskResult

if TYPE_CHECKING:
    from bot.service import CoverageService

__all__ = ["register"]


def register(commands: Any) -> None:
    gold = commands.add_parser("eval", help="score the answers against gold files (qa_dev.yaml format)")
    gold.add_argument("gold", type=Path, nargs="+", help="the gold YAML files")
    gold.add_argument("--json", action="store_true", help="JSON output")
    gold.add_argument("--failures", action="store_true", help="also list the questions answered wrongly")
    gold.add_argument(
        "--folds",
        type=positive,
        default=None,
        metavar="K",
        help="also a k-fold tune/test split over all files",
    )
    add_corpus_options(gold)
    gold.set_defaults(handler=run_eval)


def run_eval(args: argparse.Namespace, ctx: Context) -> int:
    from bot.answering.decision import fitted_on
    from bot.evaluation.calibrate import collect, cross_validation_text
    from bot.evaluation.corpora import corpus_index, event_config
    from bot.evaluation.qa_eval import evaluate_qa, format_report, load_gold
    from bot.service import CoverageService

    config = ctx.config
    service = CoverageService(config, index=corpus_index(config, args.grow)) if args.grow else ctx.service
    runs = [(path, service) for path in args.gold]
    for gold, folder in args.other:
        other = event_config(config, folder)
        runs.append((gold, CoverageService(other, index=corpus_index(other, [folder], seeds=False))))
    reports = {}
    for path, asker in runs:
        answers = args.grow_answers if asker is service and args.grow else ()
        reports[path.name] = evaluate_qa(load_gold(path, answers), partial(_ask_in, asker))
    if args.json:
        figures = {name: r.figures() for name, r in reports.items()}
        print_json(next(iter(figures.values())) if len(figures) == 1 else figures)
    else:
        fitted = fitted_on()
        for name, report in reports.items():
            kind = "training figures: the decision was fitted on it" if name in fitted else "not in the fit"
            print(f"== {name} (the shipped decision; {kind})")
            print(format_report(report) + "\n")
    if args.failures:
        for report in reports.values():
            for failure in report.failures:
                print(json.dumps(failure, ensure_ascii=False))
    if args.folds:
        others = [tuple(pair) for pair in args.other]
        asked = collect(
            config,
            args.gold,
            args.grow,
            others,
            answers=args.grow_answers,
            also_grow=args.also_grow,
            fit_grow=args.fit_grow,
        )
        print(cross_validation_text(asked, max(args.folds, 2), config.answer.top, config.decision.l2))
    return 0


def _ask_in(service: CoverageService, question: str, conversation: Conversation) -> AskResult:
    return service.ask(question, conversation=conversation)
