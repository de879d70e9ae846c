"""The index build's side process (bot/forkpool.py `fork_side`): BM25 and the sentence terms saved there
while the facts are grouped give the files the build saves in one process, and a failed side process
leaves the work to the build itself. So does its side thread (`in_thread`), which writes the sentence
terms beside the facts' last steps and BM25."""

from __future__ import annotations

import dataclasses
import hashlib
import os
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from bot import search
from bot.config import Config
from bot.forkpool import chunks, fork_side, in_thread
from bot.search import CorpusIndex
from bot.serving import MemoryArticles


def test_the_side_process_runs_apart_and_reports_its_end(tmp_path: Path) -> None:
    done = tmp_path / "pid"
    wait = fork_side(lambda: done.write_text(str(os.getpid())))
    assert wait is not None and wait() is True
    assert int(done.read_text()) != os.getpid()

    def fails() -> None:
        raise OSError("no space left")

    failed = fork_side(fails)
    assert failed is not None and failed() is False


def _digests(folder: Path) -> dict[str, str]:
    """SHA-256 of every array of the facts, BM25 and the terms under `folder` (the metas hold stamps)."""
    found = (p for part in ("facts", "bm25", "terms") for p in (folder / part).glob("*.npy"))
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest() for p in found}


def _built(config: Config, folder: Path, workers: int, side: bool = True) -> dict[str, str]:
    from bot.service import CoverageService

    articles = MemoryArticles(list(CoverageService(config).articles))
    settings = dataclasses.replace(
        config,
        build=dataclasses.replace(config.build, workers=workers, chunk_articles=2, save_beside_grouping=side),
    )
    CorpusIndex(articles, settings, index_dir=folder, fingerprint="corpus")
    return _digests(folder)


def test_the_side_process_saves_what_one_process_saves(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    alone = _built(config, tmp_path / "one", 1)
    assert {k.split("/")[0] for k in alone} == {"facts", "bm25", "terms"}
    sides: list[Callable[[], bool]] = []

    def counted(fn: Callable[[], object]) -> Callable[[], bool] | None:
        wait = fork_side(fn)
        if wait is not None:
            sides.append(wait)
        return wait

    monkeypatch.setattr(search, "fork_side", counted)
    assert _built(config, tmp_path / "two", 2) == alone
    assert len(sides) == 1  # the side process ran
    assert _built(config, tmp_path / "off", 2, side=False) == alone
    assert len(sides) == 1  # off (the default): no side process, the same files

    def failing(fn: Callable[[], object]) -> Callable[[], bool] | None:
        return fork_side(lambda: 1 / 0)  # saves nothing: the build saves both itself

    monkeypatch.setattr(search, "fork_side", failing)
    assert _built(config, tmp_path / "failed", 2) == alone


def test_the_side_thread_runs_apart_and_hands_back_its_result_or_error() -> None:
    wait = in_thread(threading.get_ident)
    assert wait() != threading.get_ident()

    def fails() -> None:
        raise OSError("no space left")

    with pytest.raises(OSError, match="no space left"):
        in_thread(fails)()


def test_the_terms_written_in_a_thread_are_the_files_one_process_saves(
    config: Config, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    threads: list[object] = []

    def counted(fn: Callable[[], object]) -> Callable[[], object]:
        threads.append(fn)
        return in_thread(fn)

    monkeypatch.setattr(search, "in_thread", counted)
    alone = _built(config, tmp_path / "one", 1)
    assert len(threads) == 1  # the terms were written in the side thread
    assert _built(config, tmp_path / "two", 2, side=False) == alone
    assert len(threads) == 2
    assert _built(config, tmp_path / "beside", 2) == alone
    assert len(threads) == 2  # in the side process (BM25 and the terms together): no thread
    unsaved: list[object] = []
    monkeypatch.setattr(search, "load_or_save_found", lambda *args: unsaved.append(args))  # saves nothing
    assert _built(config, tmp_path / "unsaved", 1) == alone  # the build then builds and saves them itself
    assert len(unsaved) == 1 and len(threads) == 3


@pytest.mark.parametrize("workers", [1, 2, 3])
def test_chunks_cover_everything_in_order_and_shrink_at_the_end(workers: int) -> None:
    for n in (0, 1, 7, 499, 500, 501, 4000, 20_001):
        found = chunks(n, 500, workers=workers)
        assert [i for r in found for i in r] == list(range(n))
        assert all(0 < len(r) <= 500 for r in found)
        if workers == 1:
            assert found == chunks(n, 500)
        elif n >= 4000:  # the last ranges are small: the workers end together
            assert len(found[-1]) <= 500 // 8 and max(map(len, found[-workers:])) < 500
