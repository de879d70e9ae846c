"""The load-only read of a start (bot/service.py): saved stores read without the writer lock, and a read
that races a rebuild gets one whole version of the corpus (or loads again under the lock), never a mix."""

from __future__ import annotations

import contextlib
import shutil
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from bot.config import Config
from bot.corpus import CorpusStore
from bot.errors import NeedsWriter
from bot.search import CorpusIndex
from bot.semantic import vectors as saved_vectors
from bot.service import CoverageService
from bot.serving import load_articles, load_or_build_articles

QUESTION = "What did Putin say about Syria?"


def _count_locks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every hold of a corpus writer lock, recorded (the lock itself still taken)."""
    held: list[str] = []
    original = CorpusStore.lock

    @contextlib.contextmanager
    def lock(self: CorpusStore, timeout: float = -1) -> Iterator[None]:
        held.append(str(self.root))
        with original(self, timeout):
            yield

    monkeypatch.setattr(CorpusStore, "lock", lock)
    return held


def _sentences(index: CorpusIndex) -> list[str]:
    return list(index.articles.sentence_texts())


def test_a_saved_corpus_is_read_without_the_writer_lock(
    corpus_copy: tuple[Path, Config], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, config = corpus_copy
    first = CoverageService(config).ask(QUESTION)  # builds and saves everything, under the lock
    held = _count_locks(monkeypatch)
    again = CoverageService(config)
    assert again.ask(QUESTION) == first
    assert held == []


def test_a_stale_index_is_rebuilt_under_the_lock(
    corpus_copy: tuple[Path, Config], monkeypatch: pytest.MonkeyPatch
) -> None:
    _, config = corpus_copy
    CoverageService(config).ask(QUESTION)
    shutil.rmtree(config.index_dir / "bm25")
    held = _count_locks(monkeypatch)
    service = CoverageService(config)
    with pytest.raises(NeedsWriter, match="BM25 index must be rebuilt"):
        CorpusIndex(
            service.articles,
            config,
            index_dir=config.index_dir,
            fingerprint=service.articles.fingerprint,
            load_only=True,
        )
    assert len(service.index) == len(_sentences(service.index))
    assert held and (config.index_dir / "bm25").is_dir()
    assert CoverageService(config).ask(QUESTION) == service.ask(QUESTION)


def test_a_reader_racing_a_rebuild_gets_one_whole_version(
    corpus_copy: tuple[Path, Config], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The reader reads the serving corpus (version A); a writer then removes an article and saves the
    serving corpus and the index of version B; the reader's index must not pair A's articles with B's
    index: it loads again under the lock and serves B, whole."""
    root, config = corpus_copy
    CoverageService(config).ask(QUESTION)
    reader = CoverageService(config)
    old = reader.articles
    victim = sorted((root / "clean").glob("*.json"))[0]
    with CorpusStore(root).lock():
        victim.unlink()
    writer = CoverageService(config)
    new_count = len(writer.index.articles)
    assert new_count == len(old) - 1
    index = reader.index
    assert len(index.articles) == new_count and index.articles.fingerprint == writer.articles.fingerprint
    assert _sentences(index) == _sentences(writer.index) and len(index) == len(_sentences(index))
    assert reader.ask(QUESTION) == writer.ask(QUESTION)


def test_a_half_replaced_serving_folder_is_not_read(corpus_copy: tuple[Path, Config]) -> None:
    """Meta of one version with an array of another (a folder swapped between two reads): no table."""
    root, config = corpus_copy
    store, folder = CorpusStore(root), config.index_dir / "serving"
    load_or_build_articles(store, folder)
    assert load_articles(store.clean_dir, folder) is not None
    other = config.index_dir / "other"
    shutil.copytree(folder, other)
    victim = sorted(store.clean_dir.glob("*.json"))[0]
    victim.unlink()
    load_or_build_articles(store, folder)  # version B
    shutil.copy(folder / "text.npy", other / "text.npy")  # B's text under A's meta
    assert load_articles(store.clean_dir, other) is None
    assert load_articles(store.clean_dir, config.index_dir / "missing") is None


def test_vectors_replaced_while_read_are_not_used(
    tmp_path: Path, config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A writer removes the stamp before it replaces the vectors: a read it overlapped is not used."""
    path = tmp_path / "vectors.npy"
    np.save(path, np.ones((2, 3), dtype=np.float16))
    stamp = f"A-{saved_vectors._WEIGHTS_FORM}"  # as load_or_embed writes it: with the weights' form
    path.with_suffix(".stamp").write_text(stamp, encoding="utf-8")
    load = np.load

    def racing_load(*args: object, **kwargs: object) -> object:
        data = load(*args, **kwargs)  # type: ignore[arg-type]
        path.with_suffix(".stamp").unlink()  # the writer's first step, between the read and its check
        return data

    monkeypatch.setattr(saved_vectors.np, "load", racing_load)

    def refuse() -> list[str]:
        raise NeedsWriter("would embed")

    with pytest.raises(NeedsWriter):
        saved_vectors.load_or_embed(path, "A", refuse, config.semantic)
    monkeypatch.setattr(saved_vectors.np, "load", load)
    path.with_suffix(".stamp").write_text(stamp, encoding="utf-8")
    assert saved_vectors.load_or_embed(path, "A", refuse, config.semantic).shape == (2, 3)
