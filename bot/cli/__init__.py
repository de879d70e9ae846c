"""The command line: `summitbot` (or `python -m bot`), a thin face over the core service.

Each command group lives in its own module with a `register(subparsers)` that sets the handler; a handler
takes the parsed arguments and a `Context` and returns an exit status. Every failure ends in one line on
stderr and a documented exit status (`EXIT_CODES`, listed in the README), never a traceback.
"""

from __future__ import annotations

import argparse
import errno
import importlib
import logging
import os
import sys
import threading
import typing
from collections.abc import Sequence
from typing import Any

from bot import __version__
from bot.cli.context import Context
from bot.cli.stdio import OutputError, finish_output, harden_stdio, report
from bot.errors import SummitbotError

if typing.TYPE_CHECKING:
    from _typeshed import SupportsWrite

__all__ = ["EXIT_CODES", "build_parser", "main", "run"]

log = logging.getLogger(__name__)

# Each command group's module and its commands, in --help's order: a command line that names a command
# imports and builds only its group's parsers (argparse builds every option of every parser it is given).
_GROUPS = {
    "corpus_commands": ("clean", "ingest", "sources", "show", "index"),
    "ask_commands": ("ask", "chat"),
    "eval_commands": ("eval",),
    "quote_commands": ("quote", "compare"),
    "discord_commands": ("run", "sync"),
}
_VALUED = ("--config", "--corpus")  # the options before a command that take a value

EXIT_CODES = {
    0: "success (also when the reader of the output goes away, as `| head` does)",
    1: "the input cannot be used (a question, file, article id, gold file); `clean --check`: stale files",
    2: "usage or config.yaml error; Discord token missing or rejected, or Discord unreachable",
    70: "an internal error (a bug): one line; `-vv` logs the traceback",
    74: "the output cannot be written (a full disk, a closed terminal)",
    130: "interrupted (Ctrl-C)",
}
INTERNAL_ERROR = 70
OUTPUT_ERROR = 74
INTERRUPTED = 130
_WRITE_ERRORS = {errno.ENOSPC, errno.EPIPE, errno.EIO, errno.EFBIG, errno.EDQUOT, errno.EBADF}
_FINISHED: list[bool] = []  # set when a command that asked for a quick exit (`quick_exit`) has returned


def _terminal_columns() -> int:
    """`shutil.get_terminal_size().columns` (COLUMNS, else the terminal of stdout, else 80), without
    importing shutil: it loads the compressors, about 3 ms of CPU of every `summitbot ask`."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns <= 0:
        try:
            columns = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
        except (AttributeError, ValueError, OSError):
            columns = 0
    return columns or 80


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, at the terminal's width found without shutil (`_terminal_columns`)."""

    def __init__(
        self, prog: str, indent_increment: int = 2, max_help_position: int = 24, width: int | None = None
    ):
        width = _terminal_columns() - 2 if width is None else width  # argparse's own margin of 2
        super().__init__(prog, indent_increment, max_help_position, width)


class _Parser(argparse.ArgumentParser):
    """argparse with its usage errors as one line (the usage itself is one `--help` away); every parser's
    help laid out by `_Formatter` unless it names another."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def _print_message(self, message: str, file: SupportsWrite[str] | None = None) -> None:
        if message:  # argparse's own drops write errors; --help > /dev/full must say it failed
            (file or sys.stderr).write(message)

    def error(self, message: str) -> typing.NoReturn:
        report(f"{self.prog.removeprefix('summitbot ')}: {message} (see --help)".removeprefix("summitbot: "))
        raise SystemExit(2)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The parser: with `argv` naming a command, only that command's group has its parsers built (the
    others are not needed to parse it); without one (or --help, or an abbreviated option) every group."""
    parser = _Parser(
        prog="summitbot",
        description="Answers questions about the press coverage of summit meetings, quoting sources.",
    )
    parser.add_argument("--version", action="version", version=f"summitbot {__version__}")
    parser.add_argument("--config", metavar="PATH", help="the settings file (default: ./config.yaml)")
    parser.add_argument("--corpus", metavar="DIR", help="the corpus folder (overrides the config's `corpus`)")
    parser.add_argument("-v", "--verbose", action="count", default=0, help="more log output (-vv for debug)")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")
    commands.required = True
    named = _command_in(argv)
    for group, names in _GROUPS.items():
        if named is None or named in names:
            importlib.import_module(f"bot.cli.{group}").register(commands)
    return parser


def _command_in(argv: Sequence[str] | None) -> str | None:
    """The command `argv` names, when the options before it are plainly written; None otherwise."""
    args = list(sys.argv[1:] if argv is None else argv)
    while args:
        token = args.pop(0)
        if token in _VALUED:
            args = args[1:]
        elif token.startswith(tuple(f"{o}=" for o in _VALUED)) or token == "--verbose":
            continue
        elif token.startswith("-"):
            if token.lstrip("-v") or token == "-":  # -v, -vv; anything else (--help, --vers) parses in full
                return None
        else:
            return token if any(token in names for names in _GROUPS.values()) else None
    return None


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; returns the process exit status (see `EXIT_CODES`)."""
    harden_stdio()
    parser = build_parser(argv)
    try:
        args = parser.parse_args(argv)
    except SystemExit as exc:  # --help, --version, or a usage error (already one line on stderr)
        return _parser_exit(exc)
    except OSError as exc:  # --help or --version could not be written
        return _output_failed(exc)
    level = logging.WARNING - 10 * min(args.verbose, 2)
    logging.basicConfig(level=level, format="%(levelname)s %(name)s: %(message)s", stream=sys.stderr)
    context = Context(config_path=args.config, corpus=args.corpus)
    _FINISHED.clear()
    try:
        status = int(args.handler(args, context) or 0)
        finish_output()
        _FINISHED.append(bool(getattr(args, "quick_exit", False)))
        return status
    except SummitbotError as exc:
        report(f"error: {exc}")
        return exc.exit_code
    except OutputError as exc:
        return _output_failed(exc.__cause__ or exc)
    except BrokenPipeError:
        return _output_failed(None)
    except UnicodeDecodeError as exc:  # our own files are UTF-8: one that is not came from the user
        report(f"error: a file is not UTF-8 text ({exc.reason} at byte {exc.start})")
        return 1
    except KeyboardInterrupt:
        report("interrupted")
        return INTERRUPTED
    except OSError as exc:
        if exc.filename is None and exc.errno in _WRITE_ERRORS:  # the failed write was the output itself
            return _output_failed(exc)
        where = f"{exc.filename}: " if exc.filename else ""
        report(f"error: {where}{exc.strerror or exc}")
        return 1
    except Exception as exc:  # the last resort: one line, never a traceback
        log.debug("internal error", exc_info=True)
        report(f"internal error: {type(exc).__name__}: {exc} (run with -vv for the details)")
        return INTERNAL_ERROR


def _output_failed(cause: BaseException | None) -> int:
    """The output could not be written: quiet for a closed pipe, one line for anything else."""
    if cause is None or isinstance(cause, BrokenPipeError):
        finish_output(discard=True)
        return 0
    finish_output(discard=True)
    reason = getattr(cause, "strerror", None) or str(cause)
    report(f"error: cannot write ({reason})")
    return OUTPUT_ERROR


def _parser_exit(exc: SystemExit) -> int:
    """argparse's exit as a status: its help or version text flushed, its usage error already printed."""
    code = exc.code if isinstance(exc.code, int) else 2
    try:
        finish_output()
    except OutputError as failure:
        return _output_failed(failure.__cause__ or failure)
    return code


def run() -> typing.NoReturn:
    """The process's entry point (the `summitbot` script, `python -m bot`): `main`, then the exit.

    A command that sets `quick_exit` (ask, chat) has nothing left to finish once its output is flushed,
    so its process ends without the interpreter's teardown of every module and object, about 30 ms of
    CPU of a `summitbot ask` (bench/startup.py). Only when no other thread runs and no child process was
    forked; logging is shut down first. Anything else exits as usual."""
    status = main()
    if _FINISHED == [True] and threading.active_count() == 1 and "multiprocessing" not in sys.modules:
        try:
            sys.stdout.flush()
            sys.stderr.flush()
        except (OSError, ValueError):  # already reported by main; the usual exit handles what is left
            sys.exit(status)
        logging.shutdown()
        os._exit(status)
    sys.exit(status)
