"""Every numeric key and every date in config.yaml declares its valid range, and the reader enforces it."""

from __future__ import annotations

import dataclasses
import datetime as dt
import types
import typing
from pathlib import Path

import pytest

from bot.config import Config, parse_config
from bot.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]


def _leaves(hint: object) -> set[object]:
    """The plain types a field's hint is made of (int | None -> {int, NoneType}; tuple[int, ...] -> {int})."""
    origin = typing.get_origin(hint)
    if origin in (typing.Union, types.UnionType, tuple):
        return {leaf for arg in typing.get_args(hint) if arg is not Ellipsis for leaf in _leaves(arg)}
    return {hint}


def _numeric_fields(cls: type, prefix: str = "") -> list[tuple[str, dataclasses.Field[object], set[object]]]:
    found = []
    hints = typing.get_type_hints(cls)
    for spec in dataclasses.fields(cls):
        leaves = _leaves(hints[spec.name])
        for leaf in leaves:
            if isinstance(leaf, type) and dataclasses.is_dataclass(leaf):
                found += _numeric_fields(leaf, f"{prefix}{spec.name}.")
        if leaves & {int, float, dt.date}:
            found.append((f"{prefix}{spec.name}", spec, leaves))
    return found


NUMERIC = _numeric_fields(Config)


def test_every_numeric_key_and_date_declares_a_range() -> None:
    assert len(NUMERIC) >= 20
    missing = [name for name, spec, _ in NUMERIC if "range" not in spec.metadata]
    assert missing == []


@pytest.mark.parametrize(("name", "spec"), [(n, s) for n, s, _ in NUMERIC], ids=[n for n, _, _ in NUMERIC])
def test_each_range_is_a_closed_interval_holding_the_default(
    name: str, spec: dataclasses.Field[object]
) -> None:
    low, high = spec.metadata["range"]
    assert low < high
    default = spec.default
    if default is not dataclasses.MISSING and default not in (None, ()):
        assert low <= default <= high  # type: ignore[operator]


def _shipped() -> str:
    return (ROOT / "config.yaml").read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("old", "new", "expected"),
    [
        ("workers: 0 ", "workers: 65 ", "discord.workers: must be between 0 and 64"),
        ("queue_limit: 256 ", "queue_limit: 100001 ", "discord.queue_limit: must be between"),
        ("connect_attempts: 5 ", "connect_attempts: 0 ", "discord.connect_attempts: must be between"),
        ("cooldown_seconds: 30 ", "cooldown_seconds: 1e9 ", "discord.cooldown_seconds"),
        ("dev_guild: null", "dev_guild: 99999999999999999999999", "discord.dev_guild: must be between"),
        ("max_question_length: 500", "max_question_length: 5000", "discord.max_question_length"),
        ("min_latin_share: 0.5", "min_latin_share: .inf", "answer.min_latin_share: expected a finite number"),
        ("end: 2016-09-25", "end: 2016-09-31", "not a valid date: '2016-09-31'"),
        ("end: 2016-09-25", "end: 2200-01-01", "events[1].end: must be between 1900-01-01 and 2100-12-31"),
    ],
)
def test_faults_name_the_key(old: str, new: str, expected: str) -> None:
    text = _shipped()
    assert old in text
    with pytest.raises(ConfigError) as caught:
        parse_config(text.replace(old, new), Path("config.yaml"))
    assert expected in str(caught.value) and "\n" not in str(caught.value)
    assert str(caught.value).startswith("config.yaml:")
