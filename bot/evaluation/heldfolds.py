"""The k-fold's fitted folds kept as data: each fold's decision (its answer, ranking and reader fits) and
the thresholds its tune split chose, saved as JSON by `calibrate --save-folds DIR` and read back by
`calibrate --load-folds DIR` to answer the same held-out folds without refitting.

A change that adds no feature is then measured by the SAME fold models before and after it: every
question it moves is its own effect, not the refit's (a refit moves questions the change never touched,
through the thresholds and traps' weight each fold chooses). Each file names the groups its fold held
out, and a load checks them against the split it is asked for, so the folds are the same ones.
"""

from __future__ import annotations

import dataclasses
import json
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from bot.answering.decision import Decision, decision_of
from bot.errors import InputError
from bot.evaluation.thresholds import Thresholds

__all__ = ["FoldModel", "HeldFolds", "load_fold", "save_fold"]

FoldModel = tuple[Decision, Thresholds]


@dataclasses.dataclass(frozen=True)
class HeldFolds:
    """Where `calibrate.cross_validate` saves each fold's fitted models (`save`), or reads saved ones from
    instead of fitting (`load`)."""

    save: Path | None = None
    load: Path | None = None


def _path(folder: Path, fold: int) -> Path:
    return folder / f"fold-{fold}.json"


def save_fold(
    folder: Path, fold: int, held: Sequence[str], decision: Decision, thresholds: Thresholds
) -> None:
    """Write fold `fold`'s decision and thresholds to `folder`, with the groups it held out (`held`)."""
    folder.mkdir(parents=True, exist_ok=True)
    data: dict[str, Any] = {
        "fold": fold,
        "held_out": sorted(held),
        "thresholds": dataclasses.asdict(thresholds),
        "decision": decision.to_dict(),
    }
    _path(folder, fold).write_text(json.dumps(data, indent=1) + "\n", encoding="utf-8")


def load_fold(folder: Path, fold: int, held: Sequence[str]) -> FoldModel:
    """Fold `fold`'s decision and thresholds as `save_fold` wrote them; an InputError when the file is
    missing or unreadable, or when it held out other groups than `held` (another split or other sets)."""
    path = _path(folder, fold)
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        saved, chosen = data["held_out"], data["thresholds"]
    except (OSError, ValueError, KeyError, TypeError) as exc:
        raise InputError(f"{path}: cannot read the saved fold ({exc})") from None
    if sorted(held) != saved:
        missing, extra = sorted(set(held) - set(saved)), sorted(set(saved) - set(held))
        raise InputError(
            f"{path}: fold {fold} held out other questions (now {len(held)}, saved {len(saved)}; "
            f"not saved: {missing[:3]}, saved only: {extra[:3]}): the same gold files and --folds, please"
        )
    try:
        thresholds = Thresholds(**chosen)
    except TypeError as exc:
        raise InputError(f"{path}: cannot read the saved thresholds ({exc})") from None
    return decision_of(data["decision"], path), thresholds
