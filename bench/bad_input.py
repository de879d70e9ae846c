"""Run every kind of bad input in bot/evaluation/bad_input_cases.py and print a table: input, exit status,
message, traceback (for the closing note of issue 12; tests/test_bad_input.py asserts the same cases).

    python -m bench.bad_input            # every case as a real process (about a minute)
    python -m bench.bad_input --json

Each case runs as `python -m bot ...` from the project root, with stdio as under an en_US.UTF-8 locale
(strict UTF-8) unless the case says otherwise, no DISCORD_TOKEN unless it gives one, and Discord's address
pointed at a closed port on 127.0.0.1 so that "unreachable" is the same on every machine.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import io
import json
import os
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from bot.evaluation.bad_input_cases import CASES, Case

__all__ = ["Outcome", "prepare", "run_in_process", "run_process"]

ROOT = Path(__file__).resolve().parents[1]
UNREACHABLE = "http://127.0.0.1:9/api/v10"  # the discard port: nothing listens there
# a process as a user's would be: the program, with Discord's address pointed where nothing answers
_LAUNCH = (
    "import sys, discord; discord.http.Route.BASE = sys.argv.pop(1); "
    "from bot.cli import main; sys.exit(main())"
)
TRACEBACK = "Traceback (most recent call last)"


@dataclass(frozen=True)
class Outcome:
    """What a case did: its exit status and what it wrote."""

    status: int
    stdout: str
    stderr: str

    @property
    def traceback(self) -> bool:
        return TRACEBACK in self.stderr

    @property
    def message(self) -> str:
        lines = self.stderr.strip().splitlines()
        return lines[-1] if lines else ""


def prepare(case: Case, scratch: Path, root: Path = ROOT) -> list[str | bytes]:
    """Write the case's files into `scratch` and return its argv with the placeholders filled in."""
    for name, content in case.files.items():
        path = scratch / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(content if isinstance(content, bytes) else content(root))
    argv: list[str | bytes] = []
    if case.corpus_copy:
        for part in ("raw", "clean"):
            shutil.copytree(root / "corpus" / part, scratch / "corpus" / part)
        argv += ["--corpus", str(scratch / "corpus")]
    for arg in case.argv:
        argv.append(arg.format(scratch=scratch, root=root) if isinstance(arg, str) else arg)
    return argv


def _environment(case: Case) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("DISCORD_TOKEN", "SUMMITBOT_CONFIG")}
    env.update({"LC_ALL": "C.UTF-8", "PYTHONIOENCODING": "utf-8:strict", "PYTHONPATH": str(ROOT)})
    env.update(case.env)
    return env


def run_process(case: Case, scratch: Path, root: Path = ROOT, timeout: float = 120) -> Outcome:
    """The case as a real process (the only way to see stdio encodings, /dev/full or a closed pipe)."""
    argv = [sys.executable, "-c", _LAUNCH, UNREACHABLE, *prepare(case, scratch, root)]
    with contextlib.ExitStack() as stack:
        stdout: int | io.BufferedWriter = subprocess.PIPE
        if case.stdout == "/dev/full":
            stdout = stack.enter_context(open("/dev/full", "wb"))
        process = subprocess.Popen(
            argv,
            cwd=root,
            env=_environment(case),
            stdin=subprocess.PIPE,
            stdout=stdout,
            stderr=subprocess.PIPE,
            preexec_fn=functools.partial(_close, case.closes) if case.closes else None,  # noqa: PLW1509
        )
        if case.stdout == "closed" and process.stdout is not None:
            process.stdout.close()  # the reader goes away before the first line, as `| head -c0` would
        try:
            out, err = process.communicate(case.stdin, timeout)
        except BrokenPipeError:  # it stopped reading stdin: what it wrote still counts
            out, err = b"", process.stderr.read() if process.stderr else b""
        status = process.wait(timeout)
    return Outcome(status, (out or b"").decode("utf-8", "replace"), (err or b"").decode("utf-8", "replace"))


def _set_environ(values: Mapping[str, str | None]) -> None:
    for key, value in values.items():
        if value is None:
            os.environ.pop(key, None)
        else:
            os.environ[key] = value


def _close(fds: tuple[int, ...]) -> None:
    """In the child, before it runs: close these descriptors, as a shell's `<&-` or `>&-` would."""
    for fd in fds:
        os.close(fd)


@contextlib.contextmanager
def _environ(changes: Mapping[str, str | None]) -> Iterator[None]:
    saved = {key: os.environ.get(key) for key in changes}
    try:
        _set_environ(changes)
        yield
    finally:
        _set_environ(saved)


def run_in_process(case: Case, scratch: Path, root: Path = ROOT) -> Outcome:
    """The case through `main(argv)`, stdio as strict UTF-8 streams; an escaping exception is a traceback."""
    import discord

    from bot.cli import main

    argv = [os.fsdecode(arg) for arg in prepare(case, scratch, root)]
    saved = (sys.stdin, sys.stdout, sys.stderr, discord.http.Route.BASE)
    stdout, stderr = io.BytesIO(), io.BytesIO()
    streams = (
        io.TextIOWrapper(io.BytesIO(case.stdin), encoding="utf-8", errors="strict"),
        io.TextIOWrapper(stdout, encoding="utf-8", errors="strict"),
        io.TextIOWrapper(stderr, encoding="utf-8", errors="strict"),
    )
    sys.stdin, sys.stdout, sys.stderr = streams
    discord.http.Route.BASE = UNREACHABLE
    changes: dict[str, str | None] = {"DISCORD_TOKEN": None, "SUMMITBOT_CONFIG": None, **case.env}
    try:
        with _environ(changes):
            status = main(argv)
    except BaseException as exc:  # noqa: BLE001 - what escapes main is exactly what this records
        status, extra = -1, f"{TRACEBACK}\n{type(exc).__name__}: {exc}\n"
    else:
        extra = ""
    finally:
        for stream in streams[1:]:
            with contextlib.suppress(ValueError, OSError):
                stream.flush()
        sys.stdin, sys.stdout, sys.stderr, discord.http.Route.BASE = saved
    out, err = stdout.getvalue(), stderr.getvalue()
    return Outcome(status, out.decode("utf-8", "replace"), err.decode("utf-8", "replace") + extra)


def _shown(case: Case) -> str:
    parts = [a if isinstance(a, str) else repr(a) for a in case.argv]
    text = " ".join(p if len(p) < 40 else p[:37] + "..." for p in parts)
    if case.stdin:
        text += f" < {case.stdin[:24]!r}"
    if case.stdout:
        text += f" > {case.stdout}"
    return text.replace("|", "\\|")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--json", action="store_true", help="JSON output")
    args = parser.parse_args(argv)
    rows = []
    for case in CASES:
        with tempfile.TemporaryDirectory(prefix="summitbot-bad-") as scratch:
            outcome = run_process(case, Path(scratch))
        rows.append(
            {
                "case": case.name,
                "input": _shown(case),
                "status": outcome.status,
                "expected": case.status,
                "message": outcome.message,
                "traceback": outcome.traceback,
            }
        )
    if args.json:
        print(json.dumps(rows, ensure_ascii=False, indent=2))
    else:
        print("| kind of bad input | command | exit | message (stderr) | traceback |")
        print("|---|---|---|---|---|")
        for row in rows:
            mark = "" if row["status"] == row["expected"] else f" (expected {row['expected']})"
            message = str(row["message"]).replace("|", "\\|")
            print(
                f"| {row['case']} | `{row['input']}` | {row['status']}{mark} | {message} | "
                f"{'YES' if row['traceback'] else 'no'} |"
            )
        wrong = sum(1 for r in rows if r["status"] != r["expected"])
        tracebacks = sum(1 for r in rows if r["traceback"])
        print(f"\n{len(rows)} kinds of bad input: {tracebacks} tracebacks, {wrong} unexpected exit statuses")
    return 0 if not any(r["traceback"] or r["status"] != r["expected"] for r in rows) else 1


if __name__ == "__main__":
    sys.exit(main())
