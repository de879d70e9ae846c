"""The facts' folder (bot.facts.store): read back equal to the built facts, lazily; rebuilt when damaged."""

from __future__ import annotations

import logging
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pytest

from bot.config import Config
from bot.facts import CorpusFacts, load_or_build_facts
from bot.facts import corpus as corpus_module
from bot.service import CoverageService

_FINGERPRINT = "seed"


@pytest.fixture(scope="module")
def built(service: CoverageService) -> CorpusFacts:
    """The seed corpus's facts as the index built them."""
    return service.index.facts


def _never() -> CorpusFacts:
    raise AssertionError("the saved facts should have been read, not rebuilt")


def _saved(path: Path, config: Config, facts: CorpusFacts) -> CorpusFacts:
    first = load_or_build_facts(path, _FINGERPRINT, config, lambda: facts)
    assert first is facts
    return load_or_build_facts(path, _FINGERPRINT, config, _never)


def _same(loaded: CorpusFacts, built: CorpusFacts) -> None:
    assert len(loaded) == len(built) > 0
    for p in range(len(built)):
        assert loaded.of(p) == built.of(p)
        assert loaded.same_statement(p) == built.same_statement(p)
        assert loaded.disagreeing(p) == built.disagreeing(p)
    assert loaded.quotation_groups() == built.quotation_groups()


def test_round_trip_equals_the_built_facts(built: CorpusFacts, tmp_path: Path, config: Config) -> None:
    loaded = _saved(tmp_path / "facts", config, built)
    assert loaded is not built
    _same(loaded, built)
    assert any(built.same_statement(p) for p in range(len(built)))  # the comparison covers real groups
    assert built.quotation_groups()


def test_loading_decodes_nothing_until_asked(
    built: CorpusFacts, tmp_path: Path, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "facts"
    load_or_build_facts(path, _FINGERPRINT, config, lambda: built)
    decoded: list[object] = []
    real = corpus_module.facts_from_dict

    def counting(data: dict[str, object], group: int = -1) -> object:
        decoded.append(data)
        return real(data, group)

    monkeypatch.setattr(corpus_module, "facts_from_dict", counting)
    loaded = load_or_build_facts(path, _FINGERPRINT, config, _never)
    assert len(loaded) == len(built) and decoded == []
    assert [loaded.same_statement(p) for p in range(len(loaded))] == [
        built.same_statement(p) for p in range(len(built))
    ]
    assert decoded == []  # groups and disagreements are read from the arrays
    assert loaded.of(3) == built.of(3) and loaded.of(3) is loaded.of(3)
    assert len(decoded) == 1  # one sentence decoded, once


def _flip_a_byte(path: Path) -> None:
    data = bytearray((path / "lines.npy").read_bytes())
    data[-1] ^= 0x01
    (path / "lines.npy").write_bytes(data)


def _truncate(path: Path) -> None:
    data = (path / "offsets.npy").read_bytes()
    (path / "offsets.npy").write_bytes(data[: len(data) - 8])


def _wrong_checksum(path: Path) -> None:
    group = np.load(path / "group.npy")
    group[0] += 1  # a valid, finite array: only its checksum tells
    np.save(path / "group.npy", group)


def _missing(path: Path) -> None:
    (path / "quoted.npy").unlink()


@pytest.mark.parametrize("damage", [_flip_a_byte, _truncate, _wrong_checksum, _missing])
def test_a_damaged_folder_is_rebuilt_with_the_same_answers(
    built: CorpusFacts,
    tmp_path: Path,
    config: Config,
    damage: Callable[[Path], None],
    caplog: pytest.LogCaptureFixture,
) -> None:
    path = tmp_path / "facts"
    _saved(path, config, built)
    damage(path)
    calls: list[int] = []

    def build() -> CorpusFacts:
        calls.append(1)
        return built

    with caplog.at_level(logging.WARNING, logger="bot.facts.corpus"):
        assert load_or_build_facts(path, _FINGERPRINT, config, build) is built
    assert calls == [1]
    lines = [r.getMessage() for r in caplog.records if r.name == "bot.facts.corpus"]
    assert len(lines) == 1 and lines[0].startswith("rebuilding the facts: ")  # one line saying why
    _same(load_or_build_facts(path, _FINGERPRINT, config, _never), built)


def test_a_stale_single_file_is_removed(built: CorpusFacts, tmp_path: Path, config: Config) -> None:
    (tmp_path / "facts.json").write_text("{}", encoding="utf-8")
    _saved(tmp_path / "facts", config, built)
    assert not (tmp_path / "facts.json").exists()
