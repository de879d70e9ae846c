"""Measurements of the pipeline against the hand-labelled gold in shared/eval (for measuring only)."""

from __future__ import annotations

import argparse
import dataclasses
import itertools
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.config import Config, load_config
from bot.errors import InputError

if TYPE_CHECKING:
    from bot.service import CoverageService

__all__ = ["add_service_options", "service_from", "sweep_settings"]


def add_service_options(parser: argparse.ArgumentParser, gold: str) -> None:
    """The options every evaluation script takes: the gold, the config, the corpus, --json."""
    parser.add_argument("--gold", default="../shared/eval", help=f"{gold} or the folder holding it")
    parser.add_argument("--config", help="config.yaml (default: ./config.yaml)")
    parser.add_argument("--corpus", help="the corpus folder (default: the config's)")
    parser.add_argument("--json", action="store_true", help="JSON output")


def service_from(args: argparse.Namespace) -> CoverageService:
    """The core service for the config and corpus the options name."""
    from bot.service import CoverageService

    config = load_config(args.config)
    if args.corpus:
        config = config.with_corpus(Path(args.corpus).resolve())
    return CoverageService(config)


def sweep_settings(config: Config, section: str, keys: Sequence[str]) -> Iterator[tuple[str, Config]]:
    """Every combination of the values `keys` give ('name=v1,v2' in `section`, or 'other.name=v1,v2') for
    numeric settings with a declared range, as (label, config); InputError for an unknown key or value."""
    grid = [_values(config, section, key) for key in keys]
    for combination in itertools.product(*grid):
        changed = config
        for where, name, value in combination:
            changes: dict[str, Any] = {name: value}
            part = dataclasses.replace(getattr(changed, where), **changes)
            changed = dataclasses.replace(changed, **{where: part})
        yield " ".join(f"{where}.{name}={value}" for where, name, value in combination), changed


def _values(config: Config, section: str, key: str) -> list[tuple[str, str, float | int]]:
    dotted, _, values = key.partition("=")
    where, _, name = dotted.rpartition(".")
    where = where or section
    part = getattr(config, where, None)
    fields = dataclasses.fields(part) if dataclasses.is_dataclass(part) else ()
    spec = next((f for f in fields if f.name == name and "range" in f.metadata), None)
    if spec is None or not values:
        raise InputError(f"--sweep {key!r}: expected NAME=V1,V2 naming a numeric {where}: setting")
    kind = type(getattr(part, name))
    low, high = spec.metadata["range"]
    try:
        parsed = [kind(v) for v in values.split(",")]
    except ValueError as exc:
        raise InputError(f"--sweep {key!r}: {exc}") from None
    if any(not low <= v <= high for v in parsed):
        raise InputError(f"--sweep {key!r}: {name} must lie in [{low}, {high}]")
    return [(where, name, v) for v in parsed]
