"""The command line: `summitbot` (or `python -m bot`), a thin face over the core service.

Each command group lives in its own module with a `register(subparsers)` that sets the handler; a handler
takes the parsed arguments and a `Context` and returns an exit status. Expected failures are one line on
stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import logging
import sys
from collections.abc import Sequence

from bot import __version__
from bot.cli import ask_commands, corpus_commands, discord_commands, quote_commands
from bot.cli.context import Context
from bot.errors import SummitbotError

__all__ = ["build_parser", "main"]

_GROUPS = (corpus_commands, ask_commands, quote_commands, discord_commands)


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="summitbot",
        description="Answers questions about the press coverage of the Putin-Obama summits, quoting sources.",
    )
    parser.add_argument("--version", action="version", version=f"summitbot {__version__}")
    parser.add_argument("--config", metavar="PATH", help="the settings file (default: ./config.yaml)")
    parser.add_argument("--corpus", metavar="DIR", help="the corpus folder (overrides the config's `corpus`)")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    for group in _GROUPS:
        group.register(commands)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the process exit status."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "manages_logging", False):
        level = logging.WARNING - 10 * min(args.verbose, 2)
        logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    context = Context(config_path=args.config, corpus=args.corpus)
    try:
        return int(args.handler(args, context) or 0)
    except SummitbotError as exc:
        print(f"summitbot: error: {exc}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
