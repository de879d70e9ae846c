"""Standard streams that never end a command in a traceback.

Undecodable input and unencodable output are replaced (U+FFFD or '?'), whatever the locale or
PYTHONIOENCODING; a failed write to stdout (a full disk, a closed pipe) is reported once, and stdout is
pointed at the null device so that the interpreter's own flush at exit cannot fail a second time.
"""

from __future__ import annotations

import contextlib
import io
import os
import sys

__all__ = ["OutputError", "finish_output", "harden_stdio", "report"]

SECRET_ENV = "DISCORD_TOKEN"  # the one secret; bot/discord/runner.py reads it (the CLI never imports discord)
# not tuning: a value this short is no token, and masking it would garble ordinary messages
_MIN_SECRET = 8


class OutputError(Exception):
    """Writing the command's output failed; the cause is the OSError (ENOSPC, EPIPE, EIO ...)."""


def harden_stdio() -> None:
    """Replace what cannot be decoded from stdin or encoded to stdout/stderr, instead of raising.

    A closed stdin (`<&-`) reads as empty and a closed stdout (`>&-`) discards, as Python's print does.
    """
    if sys.stdin is None:
        sys.stdin = io.StringIO("")
    if sys.stdout is None:
        sys.stdout = open(os.devnull, "w", encoding="utf-8")  # noqa: SIM115 - lives as long as the process
    for stream in (sys.stdin, sys.stdout, sys.stderr):
        if isinstance(stream, io.TextIOWrapper):
            with contextlib.suppress(ValueError, OSError):  # a closed or detached stream
                stream.reconfigure(errors="replace")


def finish_output(*, discard: bool = False) -> None:
    """Flush stdout now, inside the command, so a write error is caught; `discard` drops what is left."""
    stream = sys.stdout
    if stream is None:
        return
    if not discard:
        try:
            stream.flush()
        except OSError as exc:
            raise OutputError(str(exc)) from exc
        return
    with contextlib.suppress(OSError, ValueError, io.UnsupportedOperation):
        null = os.open(os.devnull, os.O_WRONLY)
        os.dup2(null, stream.fileno())
        os.close(null)


def report(message: str) -> None:
    """One line on stderr, prefixed with the program's name; silent when stderr itself is gone."""
    text = " ".join(message.split()) or "error"
    secret = os.environ.get(SECRET_ENV, "").strip()
    if len(secret) >= _MIN_SECRET:  # a safety net: no message is built with the token, and none may show it
        text = text.replace(secret, "[DISCORD_TOKEN]")
    if sys.stderr is None:  # closed (`2>&-`): print would fall back to stdout, which is not for errors
        return
    with contextlib.suppress(OSError, ValueError):
        print(f"summitbot: {text}", file=sys.stderr, flush=True)
