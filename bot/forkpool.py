"""Per-chunk work on both cores: forked processes that inherit what they read instead of receiving it.

The index build does the same pure work for every article (tokenising its sentences, computing their
facts). `fork_map(fn, state, jobs)` runs `fn(state, job)` for every job in forked worker processes, which
inherit `state` (the memory-mapped articles, the tokenizer, the config) at no cost; only the jobs (small:
article ranges) and the results cross a pipe. Results come back in job order, so the outcome is the one a
single process gives. Where forking is not safe it runs in this process: when the platform cannot fork,
when this process has other threads (a thread holding a lock at the fork would leave the child's copy
locked: the running Discord bot builds in its own process), or when there is only one worker or one job.
"""

from __future__ import annotations

import gc
import logging
import os
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from typing import Any, TypeVar, cast

from bot.collector import fewer_collections

__all__ = [
    "can_fork",
    "chunks",
    "fork_map",
    "fork_side",
    "frozen_heap",
    "in_thread",
    "worker_count",
]

S = TypeVar("S")
J = TypeVar("J")
R = TypeVar("R")

log = logging.getLogger(__name__)
_LOCK = threading.Lock()  # one fork_map at a time: the state it hands down is a module global
_state: Any = None
_fn: Callable[[Any, Any], Any] | None = None


def worker_count(configured: int) -> int:
    """The configured number of processes, or one per core for 0."""
    return configured if configured > 0 else os.cpu_count() or 1


def can_fork() -> bool:
    """Whether this process may fork workers now: the platform forks and no other thread is running."""
    import multiprocessing  # here, not at the top: a `summitbot ask` never forks

    return "fork" in multiprocessing.get_all_start_methods() and threading.active_count() == 1


def chunks(n: int, size: int, *, workers: int = 1) -> list[range]:
    """0..n in consecutive ranges of `size` (the last one shorter). For more than one worker the ranges
    near the end get smaller (each at most what is left over twice the workers, down to an eighth of
    `size`), so the workers finish close together instead of one taking a whole last range alone."""
    size = max(size, 1)
    found, lo = [], 0
    while lo < n:
        step = size if workers <= 1 else min(size, max(size // 8, 1, -(-(n - lo) // (2 * workers))))
        found.append(range(lo, min(lo + step, n)))
        lo += step
    return found


def fork_map(fn: Callable[[S, J], R], state: S, jobs: Sequence[J], workers: int) -> Iterator[R]:
    """`fn(state, job)` for each job, in order, in up to `workers` forked processes (see the module
    docstring for when it runs in this process instead). `fn` must be a module-level function."""
    if workers <= 1 or len(jobs) <= 1 or not can_fork():
        yield from (fn(state, job) for job in jobs)
        return
    global _state, _fn  # handed to the children by the fork itself, never pickled
    with _LOCK:
        _state, _fn = state, fn
        # What this process holds is inherited, and lives as long as the workers: frozen, the workers'
        # collector never traverses it (no time, and no copy of its pages written by the traversal)
        try:
            import multiprocessing

            context = multiprocessing.get_context("fork")
            with frozen_heap(), context.Pool(min(workers, len(jobs)), initializer=fewer_collections) as pool:
                log.debug("%d jobs in %d forked processes", len(jobs), min(workers, len(jobs)))
                yield from pool.imap(_run, jobs)
        finally:
            _state, _fn = None, None


@contextmanager
def frozen_heap() -> Iterator[None]:
    """Everything this process holds now set beyond the garbage collector's reach for the block (state
    alive throughout it: its collections then scan only what the block makes), and given back after it
    (a cycle dropped meanwhile is collected then), unless the heap was frozen already when it began (the
    one who froze it keeps it so)."""
    outer = gc.get_freeze_count()
    gc.freeze()
    try:
        yield
    finally:
        if not outer:
            gc.unfreeze()


def _run(job: Any) -> Any:
    """In a worker: the inherited function on the inherited state."""
    assert _fn is not None, "a fork_map worker without its function"
    return _fn(_state, job)


def fork_side(fn: Callable[[], object]) -> Callable[[], bool] | None:
    """`fn()` in a forked process beside this one, which goes on with its own work (the index build saves
    BM25 and the sentence terms there while it groups the facts: two serial steps on two cores). Gives
    a function that waits for it and tells whether it ended without an error, or None where forking is
    not safe (see `can_fork`): the caller then does the work itself. Nothing comes back but files."""
    if not can_fork():
        return None
    import multiprocessing

    process = multiprocessing.get_context("fork").Process(target=_side, args=(fn,))
    process.start()

    def wait() -> bool:
        process.join()
        return process.exitcode == 0

    return wait


def in_thread(fn: Callable[[], R]) -> Callable[[], R]:
    """`fn()` in a thread started now, beside this one's own work (the index build writes the sentence
    terms there, zlib and file writes that release the GIL, while it finishes the facts and BM25). Gives a
    function that waits for it and returns its result or raises its error. Start it after the build's
    last fork: while it runs, `can_fork` refuses (a thread holding a lock at a fork would leave it locked)."""
    done: list[tuple[bool, Any]] = []

    def run() -> None:
        try:
            done.append((True, fn()))
        except BaseException as exc:  # noqa: BLE001 - handed to the waiter, raised there
            done.append((False, exc))

    thread = threading.Thread(target=run, name="summitbot-build-side", daemon=True)
    thread.start()

    def wait() -> R:
        thread.join()
        ok, value = done[0]
        if not ok:
            raise value
        return cast(R, value)

    return wait


def _side(fn: Callable[[], object]) -> None:
    """In the side process: `fn()`, an error logged in one line (the caller redoes the work)."""
    try:
        fn()
    except Exception as exc:  # noqa: BLE001 - any failure: the parent builds it itself
        log.warning(
            "the build's side process failed (%s: %s); building in the main one", type(exc).__name__, exc
        )
        raise SystemExit(1) from None
