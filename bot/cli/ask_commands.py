"""Question commands: ask and chat (a conversation on standard input); eval is in eval_commands."""

from __future__ import annotations

import argparse
import dataclasses
import json
import sys
from typing import Any

from bot.cli.context import Context, one_blas_thread, print_json
from bot.config import AnswerConfig
from bot.conversation import Conversation
from bot.errors import InputError
from bot.results import Answer, AskResult

__all__ = ["format_answer", "format_ask", "positive", "register"]

# --top accepts what config's answer.top may be: the one place that bound is declared
_TOP_RANGE = next(f.metadata["range"] for f in dataclasses.fields(AnswerConfig) if f.name == "top")


def register(commands: Any) -> None:
    ask = commands.add_parser("ask", help="answer a question with a quoted, cited sentence")
    ask.add_argument("question", nargs="+", help="the question (quote it, or give it as words)")
    ask.add_argument("--json", action="store_true", help="JSON output")
    ask.add_argument(
        "--top",
        type=positive,
        default=None,
        metavar="N",
        help="answers to give (default: answer.top in config.yaml)",
    )
    ask.set_defaults(handler=run_ask, quick_exit=True)

    chat = commands.add_parser("chat", help="a conversation: one question a line on stdin, with follow-ups")
    chat.add_argument("--json", action="store_true", help="one JSON object a line")
    chat.add_argument("--top", type=positive, default=None, metavar="N")
    chat.set_defaults(handler=run_chat, quick_exit=True)


def positive(value: str) -> int:
    try:
        number = int(value)
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected a whole number, got {value!r}") from None
    low, high = _TOP_RANGE
    if not low <= number <= high:
        raise argparse.ArgumentTypeError(f"must be between {low} and {high}")
    return number


def run_ask(args: argparse.Namespace, ctx: Context) -> int:
    one_blas_thread()
    result = ctx.service.ask(" ".join(args.question), top=args.top)
    if args.json:
        print_json(result.to_dict())
    else:
        print(format_ask(result))
    return 0


def run_chat(args: argparse.Namespace, ctx: Context) -> int:
    one_blas_thread()
    service = ctx.service
    conversation = Conversation()
    interactive = sys.stdin.isatty() and not args.json
    if interactive:
        print("Ask about the summit coverage (an empty line or Ctrl-D ends).")
    while True:
        if interactive:
            print("> ", end="", flush=True)
        line = sys.stdin.readline()
        if not line or (interactive and not line.strip()):
            return 0
        if not line.strip():
            continue
        try:
            result = service.ask(line.rstrip("\n"), conversation=conversation, top=args.top)
        except InputError as exc:
            _chat_error(args.json, line, exc)
            continue
        if args.json:
            print(json.dumps(result.to_dict(), ensure_ascii=False), flush=True)
        else:
            print(format_ask(result) + "\n", flush=True)


def _chat_error(as_json: bool, line: str, exc: InputError) -> None:
    if as_json:
        print(json.dumps({"question": line.strip(), "error": str(exc)}, ensure_ascii=False), flush=True)
    else:
        print(f"! {exc}\n", flush=True)


def format_answer(answer: Answer) -> str:
    """One quoted answer and its citation, as terminal text."""
    source = answer.outlet or "an unknown outlet"
    if answer.wire and answer.wire != answer.outlet:
        source += f" (via {answer.wire})"
    when = answer.date or "undated"
    title = f', "{answer.title}"' if answer.title else ""
    note = " [photo caption]" if answer.role == "caption" else ""
    lines = [
        f"\u201c{answer.text}\u201d{note}",
        f"    - {source}, {when}{title} [{answer.event or 'event not stated'}]",
    ]
    if answer.also_reported_by:
        lines.append(f"    also reported by: {', '.join(answer.also_reported_by)}")
    for other in answer.disagreements:
        lines.append(f"    {other.outlet} reports a different figure: \u201c{other.text}\u201d")
    return "\n".join(lines)


def format_ask(result: AskResult) -> str:
    """A whole reply: the best answer, then the alternatives; or the decline."""
    scope = f" (in {result.scope})" if result.scope else ""
    if result.declined:
        text = f"The coverage{scope} does not say."
        if result.closest:
            text += f"\nThe closest it comes: \u201c{result.closest}\u201d"
        return text
    best, *others = result.answers
    parts = [format_answer(best)]
    if others:
        parts.append("Other answers:")
        parts.extend(format_answer(a) for a in others)
    return "\n".join(parts)
