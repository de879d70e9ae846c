"""The parsed-config cache (bot/config_cache.py): used when it matches the text, rebuilt when it is stale or
corrupt, never changing what load_config returns or how a config error reads."""

from __future__ import annotations

import datetime as dt
import json
import logging
from pathlib import Path
from typing import Any

import pytest

import bot.config
from bot.config import load_config, load_outlet_table
from bot.config_cache import CACHE_ENV, SCHEMA, cache_file, cached_parse
from bot.errors import ConfigError

ROOT = Path(__file__).resolve().parents[1]
TEXT = (
    "corpus: here\nretrieval:\n  k1: 1.5\n"
    "events:\n  - id: a\n    name: A\n    start: 2015-09-28\n    end: 2015-09-29\n"
)


@pytest.fixture
def folder(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv(CACHE_ENV, str(tmp_path / "cache"))
    return tmp_path


def _config_file(folder: Path, text: str = TEXT) -> Path:
    path = folder / "config.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def refuse(text: str, path: Path) -> Any:
        raise AssertionError("the YAML was parsed although the cache matches it")

    monkeypatch.setattr(bot.config, "parse_yaml", refuse)


def test_second_load_comes_from_the_cache_and_is_equal(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _config_file(folder)
    first = load_config(path)
    entry = json.loads(cache_file(path).read_text(encoding="utf-8"))
    assert entry["schema"] == SCHEMA and entry["data"]["events"][0]["start"] == {"$date": "2015-09-28"}
    _no_yaml(monkeypatch)
    second = load_config(path)
    assert second == first
    assert second.events[0].start == dt.date(2015, 9, 28) and second.retrieval.k1 == 1.5


def test_the_shipped_config_is_the_same_from_the_cache(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = load_config(ROOT / "config.yaml")
    _no_yaml(monkeypatch)
    assert load_config(ROOT / "config.yaml") == fresh


def test_an_edited_config_is_read_again(folder: Path) -> None:
    path = _config_file(folder)
    load_config(path)
    path.write_text(TEXT.replace("k1: 1.5", "k1: 0.9"), encoding="utf-8")
    assert load_config(path).retrieval.k1 == 0.9
    entry = json.loads(cache_file(path).read_text(encoding="utf-8"))
    assert entry["data"]["retrieval"]["k1"] == 0.9


@pytest.mark.parametrize(
    "damage",
    [
        b"{not json",
        b"",
        b'{"schema": %d}' % SCHEMA,
        b"[1, 2]",
        b'{"schema": %d, "digest": "@", "data": {"$date": "x"}}' % SCHEMA,
    ],
)
def test_a_corrupt_cache_is_rebuilt_with_one_log_line(
    folder: Path, caplog: pytest.LogCaptureFixture, damage: bytes
) -> None:
    path = _config_file(folder)
    expected = load_config(path)
    target = cache_file(path)
    if b"@" in damage:  # the right digest, so only the damaged data can fail
        digest = json.loads(target.read_text(encoding="utf-8"))["digest"]
        damage = damage.replace(b"@", digest.encode())
    target.write_bytes(damage)
    with caplog.at_level(logging.WARNING, logger="bot.config_cache"):
        assert load_config(path) == expected
    (line,) = [r.getMessage() for r in caplog.records if r.levelno >= logging.WARNING]
    assert line.startswith(f"the config cache {target} is corrupt (")
    assert line.endswith("); rebuilding it from the YAML")
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == SCHEMA  # whole again


def test_another_schema_version_is_rebuilt(folder: Path) -> None:
    path = _config_file(folder)
    load_config(path)
    target = cache_file(path)
    entry = json.loads(target.read_text(encoding="utf-8"))
    entry["schema"], entry["data"]["retrieval"]["k1"] = SCHEMA + 1, 7.0
    target.write_text(json.dumps(entry), encoding="utf-8")
    assert load_config(path).retrieval.k1 == 1.5
    assert json.loads(target.read_text(encoding="utf-8"))["schema"] == SCHEMA


def test_a_config_error_names_the_line_from_the_cache_too(folder: Path) -> None:
    path = _config_file(folder, TEXT.replace("k1: 1.5", "k1: fast"))
    messages = []
    for _ in range(2):  # the first load writes the cache, the second validates the cached data
        with pytest.raises(ConfigError) as caught:
            load_config(path)
        messages.append(str(caught.value))
    assert cache_file(path).is_file()
    assert messages[0] == messages[1] == f"{path}:3: retrieval.k1: expected a number, got 'fast'"


def test_invalid_yaml_is_not_cached(folder: Path) -> None:
    path = _config_file(folder, "retrieval: [1, 2\n")
    with pytest.raises(ConfigError, match=r"config.yaml:2: not valid YAML"):
        load_config(path)
    assert not cache_file(path).exists()


def test_an_unwritable_cache_folder_costs_only_the_cache(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = folder / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(CACHE_ENV, str(blocker / "cache"))
    path = _config_file(folder)
    assert load_config(path).retrieval.k1 == 1.5
    assert not (blocker / "cache").exists()


def test_data_json_cannot_carry_is_parsed_every_time(folder: Path) -> None:
    calls: list[str] = []

    def parse(text: str, path: Path) -> Any:
        calls.append(text)
        return {1: "an int key"} if text == "a" else {"$odd": [float("nan")]}

    for text in ("a", "a", "b"):
        cached_parse(text, folder / "x.yaml", parse)
    assert calls == ["a", "a", "b"]
    assert not cache_file(folder / "x.yaml").exists()


def test_values_come_back_with_their_types(folder: Path) -> None:
    data = {
        "when": dt.datetime(2016, 9, 4, 10, 30, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        "day": dt.date(2016, 9, 4),
        "nested": [{"n": 1, "f": 0.5, "b": True, "none": None, "s": "Ünïcode"}],
    }
    cached_parse("t", folder / "y.yaml", lambda text, path: data)
    again = cached_parse("t", folder / "y.yaml", lambda text, path: pytest.fail("not from the cache"))
    assert again == data
    assert type(again["when"]) is dt.datetime and type(again["day"]) is dt.date


def test_the_cli_answers_over_a_corrupt_cache_with_one_warning(
    folder: Path, capsys: pytest.CaptureFixture[str], caplog: pytest.LogCaptureFixture
) -> None:
    from bot.cli import main

    path = ROOT / "config.yaml"
    assert main(["--config", str(path), "sources", "--json"]) == 0
    fresh = capsys.readouterr().out
    cache_file(path).write_bytes(b"\x00garbage")
    assert main(["--config", str(path), "sources", "--json"]) == 0
    out, err = capsys.readouterr()
    assert out == fresh
    assert "Traceback" not in err
    assert [r.getMessage() for r in caplog.records if r.name == "bot.config_cache"] == [
        f"the config cache {cache_file(path)} is corrupt "
        "(Expecting value: line 1 column 1 (char 0)); rebuilding it from the YAML"
    ]


def test_no_home_folder_means_no_cache_not_an_error(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def homeless() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.delenv(CACHE_ENV)
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setattr(Path, "home", staticmethod(homeless))
    assert load_config(_config_file(folder)).retrieval.k1 == 1.5


def test_the_outlet_table_is_cached_too(folder: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    table = ROOT / "outlets.yaml"
    fresh = load_outlet_table(table)
    assert cache_file(table).is_file()
    _no_yaml(monkeypatch)
    assert load_outlet_table(table) == fresh and len(fresh) > 10
