"""The questions a change moved between two `calibrate --dump` files of the same questions and folds.

    python -m bot.evaluation.moved_questions BEFORE.json AFTER.json

With `calibrate --load-folds` (the same fold models before and after a change that adds no feature), every
question listed is the change's own effect. A question ends right when it is answerable and its first
sentence is gold, or unanswerable and declined (the product accuracy's count). Printed: each moved question
(+ gained, - lost) with its sentence before and after, the net, and each gold file's accuracy@1 that moved
(flagged when it fell by more than `--flag`).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from bot.errors import InputError

__all__ = ["Moved", "ends_right", "load_outcomes", "main", "moved", "set_accuracy"]

Outcome = dict[str, Any]  # one record of `calibrate --dump` (bot.evaluation.kfold_report.outcome)


@dataclass(frozen=True)
class Moved:
    """One question whose outcome a change turned: right after it (`gained`) or no longer."""

    before: Outcome
    after: Outcome
    gained: bool


def load_outcomes(path: Path) -> dict[tuple[str, str], Outcome]:
    """The records of a `calibrate --dump` file by (gold file, question id)."""
    try:
        records = json.loads(path.read_text(encoding="utf-8"))
        return {(str(r["source"]), str(r["id"])): r for r in records}
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: not a calibrate --dump file ({exc})") from None


def ends_right(record: Outcome) -> bool:
    """Answerable and answered first with a gold sentence, or unanswerable and declined."""
    return bool(record["at1"]) if record["answerable"] else bool(record["declined"])


def moved(before: dict[tuple[str, str], Outcome], after: dict[tuple[str, str], Outcome]) -> list[Moved]:
    """The questions whose outcome differs, in `before`'s order; an InputError when the files do not hold
    the same questions."""
    if before.keys() != after.keys():
        raise InputError("the two dumps hold different questions: the same gold files, please")
    return [
        Moved(before[key], after[key], ends_right(after[key]))
        for key in before
        if ends_right(before[key]) != ends_right(after[key])
    ]


def set_accuracy(records: dict[tuple[str, str], Outcome]) -> dict[str, float]:
    """Each gold file's accuracy@1: its answerable questions answered first with a gold sentence."""
    right: dict[str, int] = {}
    answerable: dict[str, int] = {}
    for (source, _), record in records.items():
        if record["answerable"]:
            answerable[source] = answerable.get(source, 0) + 1
            right[source] = right.get(source, 0) + bool(record["at1"])
    return {source: right[source] / n for source, n in answerable.items()}


def _line(record: Outcome) -> str:
    first = "declined" if record["declined"] else ""
    text = str(record.get("first") or "")[:110]
    return f"{first} {text}".strip() if first else text


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("before", type=Path, help="calibrate --dump file before the change")
    parser.add_argument("after", type=Path, help="calibrate --dump file after it")
    parser.add_argument("--flag", type=float, default=0.05, help="flag a set's accuracy@1 down by more")
    args = parser.parse_args(argv)
    try:
        before, after = load_outcomes(args.before), load_outcomes(args.after)
        found = moved(before, after)
    except InputError as exc:
        print(f"error: {exc}", file=sys.stderr)
        return 2
    for m in found:
        kind = "answerable" if m.before["answerable"] else "unanswerable"
        where = f"{m.before['source']}:{m.before['id']}"
        print(f"{'+' if m.gained else '-'} {where} ({kind}, fold {m.before['fold']})")
        print(f"    {m.before['question']}\n    before: {_line(m.before)}\n    after:  {_line(m.after)}")
    gained = sum(m.gained for m in found)
    print(f"net {2 * gained - len(found):+d} (+{gained} / -{len(found) - gained})")
    was, now = set_accuracy(before), set_accuracy(after)
    for source, old in was.items():
        if now[source] != old:
            flag = f"  (down by more than {args.flag:g})" if old - now[source] > args.flag + 1e-9 else ""
            print(f"accuracy@1 {source}: {old:.3f} -> {now[source]:.3f}{flag}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
