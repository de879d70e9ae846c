"""config.yaml: the shipped file loads, and every fault is reported with the file, line and key."""

from __future__ import annotations

import dataclasses
import typing
from pathlib import Path

import pytest

from bot.config import Config, load_config, parse_config
from bot.errors import ConfigError


def test_shipped_config_loads_with_events_and_aliases(config: Config) -> None:
    assert {e.id for e in config.events} == {"unga-2015", "g20-2016"}
    putin = next(e for e in config.entities if e.name == "Vladimir Putin")
    assert "the Kremlin chief" in putin.aliases
    assert config.corpus.is_absolute() and (config.corpus / "raw").is_dir()
    assert config.retrieval.variant in ("okapi", "plus", "l")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("retrieval:\n  k1: fast\n", "x.yaml:2: retrieval.k1: expected a number, got 'fast'"),
        ("retrieval:\n  variant: bm42\n", "x.yaml:2: retrieval.variant: expected one of"),
        ("answer:\n  top: -1\n", "x.yaml:2: answer.top: must not be negative"),
        ("colour: blue\n", "x.yaml:1: colour: unknown key"),
        ("discord:\n  allowed_channels: 5\n", "x.yaml:2: discord.allowed_channels: expected a list"),
        (
            "events:\n  - id: a\n    name: b\n    start: 2016-01-01\n    end: 2015-01-01\n",
            "x.yaml:5: events[0].end: the end comes before the start",
        ),
        ("events:\n  - name: b\n", "events[0].id: missing required key"),
        ("retrieval: [1, 2\n", "x.yaml:2: not valid YAML"),
    ],
)
def test_bad_config_names_the_line_and_key(text: str, expected: str) -> None:
    with pytest.raises(ConfigError) as caught:
        parse_config(text, Path("x.yaml"))
    assert expected in str(caught.value)


def test_missing_file_is_a_config_error(tmp_path: Path) -> None:
    with pytest.raises(ConfigError, match="config file not found"):
        load_config(tmp_path / "nope.yaml")


def test_relative_corpus_is_taken_from_the_config_folder(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("corpus: elsewhere\n", encoding="utf-8")
    config = load_config(path)
    assert config.corpus == tmp_path.resolve() / "elsewhere"
    assert config.index_dir == tmp_path.resolve() / "elsewhere" / "index"


def test_yaml_tags_are_not_executed(tmp_path: Path) -> None:
    path = tmp_path / "c.yaml"
    path.write_text("corpus: !!python/object/apply:os.system ['echo hi']\n", encoding="utf-8")
    with pytest.raises(ConfigError, match="not valid YAML"):
        load_config(path)


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("retrieval:\n  b: 1.5\n", "retrieval.b: must be between 0.0 and 1.0, got 1.5"),
        ("retrieval:\n  k1: .nan\n", "retrieval.k1: expected a finite number"),
        ("decision:\n  threshold: .inf\n", "decision.threshold: expected a finite number"),
        ("decision:\n  threshold: 1.2\n", "decision.threshold: must be between"),
        ("answer:\n  top: 0\n", "answer.top: must be between 1 and 25, got 0"),
    ],
)
def test_out_of_range_values_are_refused_with_line_and_key(tmp_path, text, message):
    path = tmp_path / "c.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    assert message in str(info.value)
    assert f"{path}:2:" in str(info.value)


def test_field_types_are_typings_own_for_every_settings_class() -> None:
    """The reader evaluates each annotation text once (config_reader.hints): the same types get_type_hints
    gives, for every dataclass config.yaml is read into."""
    from bot import config as config_module
    from bot import config_cleaner, config_reader

    classes = [
        c
        for module in (config_module, config_cleaner)
        for c in vars(module).values()
        if isinstance(c, type) and dataclasses.is_dataclass(c) and c.__module__ == module.__name__
    ]
    assert len(classes) >= 18
    for cls in classes:
        fields = {f.name: f for f in dataclasses.fields(cls)}
        expected = {k: v for k, v in typing.get_type_hints(cls).items() if k in fields}
        assert config_reader.hints(cls, fields) == expected, cls.__name__
