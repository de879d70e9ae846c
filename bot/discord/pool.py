"""The answer pool: core calls run in a bounded set of worker threads, never on the event loop.

A request first takes a slot (`slot()`): there are `workers` running and `queue_limit` waiting. With every
slot taken it is refused at once with `BusyError`, whose message asks the user to try again, so that a
burst can never grow an unbounded queue nor leave an interaction unacknowledged. The counters are only
touched from the event loop's thread, so they need no lock.
"""

from __future__ import annotations

import asyncio
import functools
import gc
import logging
import sys
import time
from collections.abc import AsyncIterator, Callable, Coroutine
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from contextlib import asynccontextmanager
from typing import TYPE_CHECKING, Any, TypeVar

from bot.conversation import Conversation
from bot.errors import SummitbotError
from bot.forkpool import worker_count
from bot.results import AskResult

if TYPE_CHECKING:
    from bot.discord.processes import ProcessAsker
    from bot.service import CoverageService

__all__ = [
    "BUSY",
    "AnswerPool",
    "BusyError",
    "Slot",
    "event_loop_factory",
    "favour_event_loop",
    "run_event_loop",
    "settle_heap",
]

log = logging.getLogger(__name__)

T = TypeVar("T")

WARN_EVERY = 10.0  # seconds between two "busy" log lines

BUSY = "I'm answering a lot of questions right now. Please try again in a few seconds."


class BusyError(SummitbotError):
    """Every worker is busy and the queue is full: the user is asked to try again shortly."""

    def __init__(self) -> None:
        super().__init__(BUSY)


class Slot:
    """One admitted request's place in the pool; `run` executes a core call on a worker thread."""

    def __init__(self, pool: AnswerPool) -> None:
        self._pool = pool

    async def run(self, function: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        call = functools.partial(function, *args, **kwargs)
        return await asyncio.get_running_loop().run_in_executor(self._pool.executor, call)

    async def ask(
        self, service: CoverageService, question: str, conversation: Conversation | None, top: int
    ) -> AskResult:
        """`service.ask` in the pool: in its answer processes when it has them, else on a thread."""
        asker = self._pool.asker
        if asker is not None:
            try:
                return await asker.ask(question, conversation, top)
            except BrokenProcessPool:  # a worker was killed: the threads answer from now on
                log.error("an answer process died; answering on threads from now on")
                self._pool.asker = None
                asker.shutdown()
        return await self.run(service.ask, question, conversation=conversation, top=top)


class AnswerPool:
    """`workers` threads (0: one per CPU core) and at most `queue_limit` requests waiting for one; with
    `asker`, /ask runs in its processes instead (bot/discord/processes.py), as many as the threads."""

    def __init__(self, workers: int, queue_limit: int, asker: ProcessAsker | None = None) -> None:
        self.workers = worker_count(workers)
        self.capacity = self.workers + queue_limit
        self.asker = asker
        self.executor = ThreadPoolExecutor(max_workers=self.workers, thread_name_prefix="summitbot-answer")
        self.admitted = 0  # running or waiting now
        self.peak = 0  # the most ever admitted at once
        self.refused = 0
        self._warned = -WARN_EVERY

    @property
    def waiting(self) -> int:
        """Requests admitted but not yet on a worker (an upper bound: some may be finishing)."""
        return max(0, self.admitted - self.workers)

    @asynccontextmanager
    async def slot(self) -> AsyncIterator[Slot]:
        """A place in the pool for one request, or BusyError at once when there is none."""
        if self.admitted >= self.capacity:
            self.refused += 1
            now = time.monotonic()
            if now - self._warned >= WARN_EVERY:  # one line per interval, not one per refusal
                self._warned = now
                log.warning("busy: %d answering or waiting; %d refused so far", self.admitted, self.refused)
            raise BusyError
        self.admitted += 1
        self.peak = max(self.peak, self.admitted)
        try:
            yield Slot(self)
        finally:
            self.admitted -= 1

    async def run(self, function: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Take a slot and run one core call in it."""
        async with self.slot() as place:
            return await place.run(function, *args, **kwargs)

    def shutdown(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
        if self.asker is not None:
            self.asker.shutdown()


def favour_event_loop(switch_interval_ms: float) -> None:
    """Hand the GIL between threads this often, so the event loop is never held back long by the workers.

    Every socket call the loop makes gives the GIL up; getting it back waits for a worker's interval to
    run out. At Python's default 5 ms, two busy workers delayed acknowledgements by up to a second in
    `python -m bench.discord_burst` on a generated corpus; at 0.5 ms, by under 0.1 s. Process-wide:
    call it from the entry point (the runner), never from library code.
    """
    sys.setswitchinterval(switch_interval_ms / 1000)


def settle_heap() -> None:
    """Set everything alive now (the loaded index, the embedding model, the imported libraries) beyond the
    garbage collector's full collections, which then scan only what answers made since.

    In the bot's process a full collection during `python -m bench.discord_burst` scanned 50,000-83,000
    objects kept since the start and held the event loop for 57-71 ms of CPU each time. Nothing frozen is
    garbage (a collection runs first) and reference counting still frees what is dropped later. Process-
    wide: call it from the entry point (the runner, an answer process) once the long-lived state is loaded.
    """
    gc.collect()
    gc.freeze()


def event_loop_factory() -> Callable[[], asyncio.AbstractEventLoop]:
    """uvloop's event loop where it is installed (a dependency on Linux and macOS), else asyncio's own.

    The bot's process spends most of an /ask's CPU in the loop and its transports (the gateway event,
    the deferral and the follow-up over aiohttp): uvloop runs them in C (`python -m bench.discord_burst`).
    """
    try:
        import uvloop
    except ImportError:
        return asyncio.new_event_loop
    return uvloop.new_event_loop


def run_event_loop(main: Coroutine[Any, Any, T]) -> T:
    """`asyncio.run(main)` on the loop of `event_loop_factory`. Process-wide: for entry points only."""
    with asyncio.Runner(loop_factory=event_loop_factory()) as runner:
        return runner.run(main)
