"""Shared fixtures: the shipped config, the real corpus's service, and a scratch copy of the corpus."""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

import pytest

from bot.config_cache import CACHE_ENV

if TYPE_CHECKING:  # imported by the fixtures: modules compile their patterns at import (below)
    from bot.config import Config
    from bot.service import CoverageService

ROOT = Path(__file__).resolve().parents[1]
SHARED_EVAL = ROOT.parent / "shared" / "eval"


_BEFORE = os.environ.get(CACHE_ENV)


def pytest_configure(config: pytest.Config) -> None:
    """Before any test module is collected: the project's modules compile their regular expressions
    at import through bot/regex_cache.py, whose cache must not be the user's either."""
    os.environ[CACHE_ENV] = tempfile.mkdtemp(prefix="summitbot-cache-")


def pytest_unconfigure(config: pytest.Config) -> None:
    folder = os.environ.get(CACHE_ENV)
    if folder and Path(folder).name.startswith("summitbot-cache-"):
        shutil.rmtree(folder, ignore_errors=True)
    if _BEFORE is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = _BEFORE


@pytest.fixture(scope="session", autouse=True)
def _cache_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """Derived caches (bot/config_cache.py) go to a scratch folder, never the user's: hermetic runs, and
    subprocesses of the tests inherit it."""
    before = os.environ.get(CACHE_ENV)
    os.environ[CACHE_ENV] = str(tmp_path_factory.mktemp("cache"))
    yield
    if before is None:
        os.environ.pop(CACHE_ENV, None)
    else:
        os.environ[CACHE_ENV] = before


@pytest.fixture(scope="session")
def shared_eval() -> Callable[[str], Path]:
    """Finds a gold file in ../shared/eval; CI always has it, so its absence fails, never skips."""

    def find(name: str) -> Path:
        path = SHARED_EVAL / name
        if not path.exists():
            pytest.fail(f"gold file {path} is missing: clone the project with ../shared beside it")
        return path

    return find


@pytest.fixture(scope="session")
def config() -> Config:
    from bot.config import load_config

    return load_config(ROOT / "config.yaml")


@pytest.fixture(scope="session")
def service(config: Config) -> CoverageService:
    from bot.service import CoverageService

    return CoverageService(config)


@pytest.fixture
def corpus_copy(tmp_path: Path, config: Config) -> tuple[Path, Config]:
    """A writable copy of the corpus (raw, clean) and a config pointed at it."""
    target = tmp_path / "corpus"
    for part in ("raw", "clean"):
        shutil.copytree(ROOT / "corpus" / part, target / part)
    return target, config.with_corpus(target)
