"""Crash-safe corpus writes: a lock for writers, and transactions that commit by renaming a staged folder.

A transaction stages every file it writes under ``.store/stage.tmp/`` (same relative paths as in the
corpus), plus a list of files to delete. ``commit`` renames the stage to ``.store/txn``: that rename is the
commit point. The files are then moved into place and the journal folder removed. Recovery (run under the
lock) finishes a committed transaction (roll forward), deletes an uncommitted stage (roll back) and removes
stray temporary files, so after any crash the corpus holds all of an ingest or none of it.
"""

from __future__ import annotations

import contextlib
import logging
import os
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING

from bot.errors import CorpusError

if TYPE_CHECKING:
    from filelock import FileLock

__all__ = [
    "STATE_DIR",
    "CorpusLock",
    "Transaction",
    "atomic_write",
    "needs_recovery",
    "recover",
    "set_crash_hook",
]

log = logging.getLogger(__name__)

STATE_DIR = ".store"  # the store's own state: lock, journal, digest index (not committed)
_STAGE = "stage.tmp"
_JOURNAL = "txn"
_DELETIONS = ".deletions"  # inside a stage: corpus-relative paths to delete, one per line
TempPattern = tuple[Path, str]  # a folder and the glob its writers' temporary files match
_crash_hook: Callable[[str], None] | None = None


def set_crash_hook(hook: Callable[[str], None] | None) -> None:
    """Fault injection for tests: `hook(step)` runs before every write step of a transaction."""
    global _crash_hook  # noqa: PLW0603 - one process-wide hook, set only by tests and the kill bench
    _crash_hook = hook


def _step(name: str) -> None:
    if _crash_hook is not None:
        _crash_hook(name)


def _rmtree(path: Path, *, ignore_errors: bool = False) -> None:
    """shutil.rmtree, imported here: shutil loads the compressors, and a start that only reads never
    removes anything (bench/startup.py)."""
    import shutil

    shutil.rmtree(path, ignore_errors=ignore_errors)


def atomic_write(path: Path, data: bytes, *, sync: bool = True) -> None:
    """Write `data` to `path` so that readers see the old file or the new one, never a part."""
    import tempfile  # writers' only: a start that only reads skips its import (random, bisect, ...)

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            if sync:
                handle.flush()
                os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _fsync_dir(path: Path) -> None:
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


class CorpusLock:
    """The corpus's writer lock (filelock): reentrant in one thread, released if the process dies.

    filelock is imported when a lock is first taken: a reader that needs none (bot/service.py) skips it."""

    def __init__(self, root: Path) -> None:
        self.path = root / STATE_DIR / "lock"
        self._lock: FileLock | None = None

    @contextlib.contextmanager
    def hold(self, timeout: float = -1) -> Iterator[None]:
        """Hold the lock; wait up to `timeout` seconds (-1: forever), then CorpusError."""
        from filelock import FileLock, Timeout

        if self._lock is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
            except OSError as exc:
                raise CorpusError(f"{self.path.parent}: cannot create ({exc.strerror})") from None
            self._lock = FileLock(self.path, preserve_lock_file=True)
        try:
            self._lock.acquire(timeout=0)
        except Timeout:
            log.warning("another process is writing the corpus; waiting for its lock %s", self.path)
            try:
                self._lock.acquire(timeout=timeout)
            except Timeout:
                raise CorpusError(
                    f"{self.path}: another process has been writing the corpus for {timeout:g} s; "
                    "try again later"
                ) from None
        try:
            yield
        finally:
            self._lock.release()

    def is_free(self) -> bool:
        """True when no other process holds the lock (it is taken and released again at once)."""
        if not self.path.exists():
            return True
        from filelock import FileLock, Timeout

        probe = FileLock(self.path, preserve_lock_file=True)
        try:
            probe.acquire(timeout=0)
        except Timeout:
            return False
        probe.release()
        return True


class Transaction:
    """Files staged under .store/stage.tmp, made visible together by `commit`; only under the lock."""

    def __init__(self, root: Path, *, sync: bool = True) -> None:
        self.root = root
        self.stage = root / STATE_DIR / _STAGE
        self.sync = sync
        self._deletions: list[str] = []
        if self.stage.exists():  # a crashed writer's stage: the lock holder owns it now
            _rmtree(self.stage)
        self.stage.mkdir(parents=True)

    def write(self, relative: str, data: bytes) -> Path:
        """Stage `data` to become the corpus file `relative` at commit."""
        _step(f"stage {relative}")
        target = self.stage / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        with open(target, "wb") as handle:
            handle.write(data)
            if self.sync:
                handle.flush()
                os.fsync(handle.fileno())
        return target

    def delete(self, relative: str) -> None:
        """Delete the corpus file `relative` at commit."""
        self._deletions.append(relative)

    def commit(self) -> None:
        """Make every staged write and deletion visible; after the rename a crash rolls forward."""
        if self._deletions:
            self.write(_DELETIONS, "\n".join(self._deletions).encode("utf-8"))
        if not self.sync:
            _step("sync")
            os.sync()  # one flush of every staged file instead of one fsync each
        _fsync_dir(self.stage)
        _step("commit")
        journal = self.stage.parent / _JOURNAL
        os.replace(self.stage, journal)
        _fsync_dir(journal.parent)
        _apply(self.root, journal)

    def abort(self) -> None:
        """Forget every staged write; the corpus is unchanged."""
        _rmtree(self.stage, ignore_errors=True)


def _apply(root: Path, journal: Path) -> None:
    """Move a committed journal's files into place and remove it; safe to run again after a crash."""
    deletions = journal / _DELETIONS
    touched: set[Path] = set()
    for staged in sorted(p for p in journal.rglob("*") if p.is_file() and p != deletions):
        target = root / staged.relative_to(journal)
        target.parent.mkdir(parents=True, exist_ok=True)
        _step(f"apply {target.name}")
        os.replace(staged, target)
        touched.add(target.parent)
    if deletions.exists():
        for line in deletions.read_text(encoding="utf-8").splitlines():
            _step(f"delete {line}")
            (root / line).unlink(missing_ok=True)
            touched.add((root / line).parent)
    for folder in touched:
        _fsync_dir(folder)
    _step("finish")
    _rmtree(journal)


def _strays(temps: tuple[TempPattern, ...]) -> Iterator[Path]:
    for folder, pattern in temps:
        if folder.is_dir():
            yield from (path for path in folder.glob(pattern) if path.is_file())


def needs_recovery(root: Path, temps: tuple[TempPattern, ...]) -> bool:
    """Cheap test: is there a journal, a stage or a stray temporary file to deal with?"""
    state = root / STATE_DIR
    if (state / _JOURNAL).exists() or (state / _STAGE).exists():
        return True
    return next(_strays(temps), None) is not None


def recover(root: Path, temps: tuple[TempPattern, ...]) -> list[str]:
    """Finish or undo an interrupted transaction and remove stray temp files (call under the lock)."""
    done: list[str] = []
    state = root / STATE_DIR
    journal = state / _JOURNAL
    if journal.exists():
        _apply(root, journal)
        done.append("completed an interrupted transaction")
    if (state / _STAGE).exists():
        _rmtree(state / _STAGE)
        done.append("rolled back an uncommitted transaction")
    strays = list(_strays(temps))
    for path in strays:
        path.unlink(missing_ok=True)
    if strays:
        done.append(f"removed {len(strays)} stray temporary files")
    for line in done:
        log.warning("corpus %s: %s", root, line)
    return done
