"""Ingest's work that needs no corpus access: decode, clean and check articles, in a process pool for folders.

Nothing here reads or writes the corpus, so it runs outside any transaction; the store then checks each
prepared article against its digest index under the lock and stages it.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path

from bot.config import Config
from bot.corpus_files import DigestIndex, decode_article, doc_id_of, read_source, serialize, sha256
from bot.errors import CorpusError, IngestError
from bot.models import Article, ArticleHints

__all__ = ["Prepared", "Timer", "clean_raw", "prepare", "prepare_files", "refuse_duplicate"]

_POOL_MIN_FILES = 64  # below this, starting worker processes costs more than it saves
_CHUNK = 16


@dataclass(frozen=True)
class Prepared:
    """One article ready to stage: its raw bytes, their digest, the raw file's suffix and its cleaned form."""

    data: bytes
    digest: str
    suffix: str
    article: Article
    clean: bytes  # the cleaned article's JSON, serialised where it was cleaned (a pool worker, for folders)


class Timer:
    """Seconds spent per phase of a folder ingest, for the benchmark's account of where the time goes."""

    def __init__(self) -> None:
        self._totals: dict[str, float] = {}

    @contextlib.contextmanager
    def __call__(self, phase: str) -> Iterator[None]:
        started = time.perf_counter()
        try:
            yield
        finally:
            self._totals[phase] = self._totals.get(phase, 0.0) + time.perf_counter() - started

    def totals(self) -> tuple[tuple[str, float], ...]:
        return tuple(self._totals.items())


def clean_raw(raw: str, doc_id: str, config: Config, hints: ArticleHints | None, data: bytes) -> Article:
    """The cleaner's article, with the raw bytes' digest and the stated metadata it was given."""
    from bot.cleaner import clean_article

    article = clean_article(raw, doc_id=doc_id, config=config, hints=hints)
    stated = hints.stated() if hints is not None else {}
    return replace(article, source_sha256=sha256(data), stated=stated)


def prepare(data: bytes, name: str, doc_id: str, config: Config, hints: ArticleHints | None) -> Prepared:
    """Decode, clean and check one article against the ingest limits."""
    from bot.cleaner.detect import looks_like_html

    raw = decode_article(data, name)
    article = clean_raw(raw, doc_id, config, hints, data)
    if not article.sentences:
        raise IngestError(f"{name}: no article text left after cleaning")
    limit = config.ingest.max_sentences
    if len(article.sentences) > limit:
        raise IngestError(
            f"{name}: {len(article.sentences)} sentences, more than ingest.max_sentences ({limit})"
        )
    suffix = ".html" if looks_like_html(raw) else ".txt"
    return Prepared(data, article.source_sha256, suffix, article, serialize(article))


def refuse_duplicate(prepared: Prepared, digests: DigestIndex, name: str) -> None:
    """The duplicate check, O(1) against the digest index (run it under the lock)."""
    if prepared.article.id in digests.ids:
        raise IngestError(f"{name}: an article with id {prepared.article.id!r} is already in the corpus")
    other = digests.by_digest.get(prepared.digest)
    if other is not None:
        raise IngestError(f"{name}: already in the corpus as {other!r}")


_worker_config: Config | None = None  # a pool worker's settings, sent once when it starts


def _start_worker(config: Config) -> None:
    global _worker_config  # noqa: PLW0603 - per worker process, set once by the pool's initializer
    _worker_config = config


def _prepare_path(job: tuple[Path, ArticleHints | None], config: Config | None = None) -> Prepared | str:
    """One file to a prepared article, or the one-line reason it is refused (a pool worker's task)."""
    path, hints = job
    config = config or _worker_config
    assert config is not None, "a pool worker started without its settings"
    try:
        return prepare(read_source(path, config), path.name, doc_id_of(path.name), config, hints)
    except (IngestError, CorpusError) as exc:
        return str(exc)


def prepare_files(
    files: list[Path], hints: Mapping[str, ArticleHints], config: Config, timer: Timer
) -> Iterator[tuple[Path, Prepared | str]]:
    """Each file with its prepared article or refusal, in order; cleaned by ingest.workers processes."""
    jobs = [(path, hints.get(path.stem)) for path in files]
    workers = config.ingest.workers or os.cpu_count() or 1
    if workers <= 1 or len(jobs) < _POOL_MIN_FILES:
        for job in jobs:
            with timer("read and clean"):
                outcome = _prepare_path(job, config)
            yield job[0], outcome
        return
    # spawned workers inherit no open files, so none of them holds the corpus lock or outlives a killed ingest
    # (imported here, not at the top: every `ask` imports this module, and these cost it ~20 ms)
    from concurrent.futures import ProcessPoolExecutor
    from multiprocessing import get_context

    pool = ProcessPoolExecutor(
        max_workers=workers, mp_context=get_context("spawn"), initializer=_start_worker, initargs=(config,)
    )
    try:
        results = pool.map(_prepare_path, jobs, chunksize=_CHUNK)
        for job in jobs:
            with timer(f"read and clean ({workers} processes, waited)"):
                outcome = next(results)
            yield job[0], outcome
    finally:  # on an interrupt, drop the queued files rather than clean them all first
        pool.shutdown(wait=False, cancel_futures=True)
