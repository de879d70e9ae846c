"""Answers to /ask in worker processes: each holds its own service over the corpus folder, so a burst of
questions runs on every core instead of taking turns on one interpreter lock.

Threads answer well while an answer waits in NumPy, but most of an answer (tokenising, weighing the
candidates, embedding the question) holds the GIL: 200 questions at once took 7.4 s on two threads and
5.0 s on two processes here (seed corpus, `python -m bench.discord_burst`; a shared, loaded machine). The
workers are spawned (never forked from the bot, whose threads may hold locks) and each opens the persisted
index and asks one question before the bot takes any, so no user waits on a load. A question crosses as
its text, its conversation and `top`; the answer comes back as plain data, with the conversation as the
answer left it, which is copied onto the bot's own: the answers are those of the bot's own service
(tested). Only a service built from its corpus folder can be rebuilt so: the bot falls back to threads
for any other (tests, benchmarks over generated articles).

Questions that wait go to a worker together, up to `discord.question_batch` of them: the worker embeds all
of them in one forward pass (`CoverageService.asked_together`), then answers each with its own vector. A
question that finds a worker free goes at once, alone: nothing ever waits for more questions to come.
While a full batch waits for every worker, each busy worker also has its next batch sent ahead, so it
never idles between two batches waiting for the bot. A question is never sent while its conversation (one
user's in one channel: bot/discord/client.py) has a question on a worker: it waits for that answer, so a
follow-up always carries the conversation as the question before it left it.
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from collections import deque
from concurrent.futures import CancelledError, Future, ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing import get_context

from threadpoolctl import threadpool_limits

from bot.config import Config
from bot.conversation import Conversation
from bot.discord.pool import settle_heap
from bot.errors import SummitbotError
from bot.results import AskResult
from bot.service import CoverageService

__all__ = ["ProcessAsker"]

log = logging.getLogger(__name__)
_WARM_UP = "What did the coverage say?"  # asked once per worker, before any user's question
_service: CoverageService | None = None  # a worker process's own


def _start_worker(config: Config) -> None:
    global _service  # noqa: PLW0603 - one service per worker process, set once when it starts
    # One BLAS thread in each: the processes are the parallelism (one per core); a second thread in each
    # would oversubscribe the cores (a question's embedding on 2 threads of a busy machine took 8x as
    # long, `python -m bench.embed`).
    threadpool_limits(limits=1, user_api="blas")
    _service = CoverageService(config)
    with contextlib.suppress(SummitbotError):  # a declined question is an answer too
        _service.ask(_WARM_UP)  # loads the index, the facts and the embedding model now
    _service.prepare()
    settle_heap()  # what the warm-up loaded lives as long as the process: no full collection rescans it


def _ready() -> bool:
    return _service is not None


Asked = tuple[str, Conversation | None, int]  # a question, its conversation, how many answers
Answered = tuple[AskResult | Exception, Conversation | None]  # the answer (or why not), conversation after


def _ask_batch(batch: list[Asked]) -> list[Answered]:
    """Each question's answer (or its error) and conversation after it, answered in order, their question
    vectors from one forward pass. A conversation asked twice in one batch crosses as one object (pickle
    keeps identity), so the second question sees the first's answer, as it would one after the other."""
    assert _service is not None, "an answer worker started without its service"
    out: list[Answered] = []
    together = [(question, conversation) for question, conversation, _ in batch]
    # a lone question is asked as the CLI asks it: priming one vector would only analyse it twice
    with _service.asked_together(together) if len(batch) > 1 else contextlib.nullcontext():
        for question, conversation, top in batch:
            try:
                out.append((_service.ask(question, conversation=conversation, top=top), conversation))
            except Exception as exc:  # noqa: BLE001 - returned to that question's asker, not its batch's
                out.append((exc, conversation))
    return out


class ProcessAsker:
    """`workers` spawned processes answering /ask with the service of `config`'s corpus folder; questions
    that wait for one go to it together, up to `discord.question_batch` at a time."""

    def __init__(self, config: Config, workers: int) -> None:
        self.workers = workers
        self.batch_limit = config.discord.question_batch
        self.executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=get_context("spawn"),
            initializer=_start_worker,
            initargs=(config,),
        )
        self.running = 0  # batches sent and not yet back: on a worker, or next in its pipe
        self.sent = (0, 0)  # batches and questions sent to the workers so far (for benchmarks and tests)
        self.largest = 0  # the largest batch sent
        self.ahead = 0  # batches sent ahead to a busy worker
        self._waiting: deque[tuple[Asked, asyncio.Future[Answered]]] = deque()
        self._in_flight: dict[int, int] = {}  # id of a conversation -> its batches sent and not yet back
        self._closed = False

    async def start(self) -> None:
        """Start every worker and wait until each has its service loaded."""
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self.executor, _ready) for _ in range(self.workers)))
        log.info("%d answer processes ready", self.workers)

    async def ask(self, question: str, conversation: Conversation | None, top: int) -> AskResult:
        """The answer of a worker's service, `conversation` updated as the answer left it."""
        if self._closed:
            raise BrokenProcessPool("the answer processes were shut down")
        answered: asyncio.Future[Answered] = asyncio.get_running_loop().create_future()
        self._waiting.append(((question, conversation, top), answered))
        self._send()
        result, after = await answered
        if conversation is not None and after is not None:
            for field in dataclasses.fields(Conversation):
                setattr(conversation, field.name, getattr(after, field.name))
        if isinstance(result, Exception):
            raise result
        return result

    def _send(self) -> None:
        """Give every free worker its even share of what waits now, counting the busy workers too (at
        most `batch_limit`), so the batches shrink as the queue empties and at the end of a burst the
        workers finish together, instead of one idling while the other answers a full batch. Never waits
        for more questions to come.

        While a full batch waits for every worker, a busy worker's next batch is sent ahead too (one at
        most): it is the batch the worker would take when it comes free, and it waits in the worker's
        pipe, so the worker starts it the moment it is done instead of idling while its answers cross to
        the bot and the bot, busy with a burst's interactions, sends it more (12-19 % of a burst's core
        time idle before, `python -m bench.discord_burst`)."""
        while self._waiting:
            if self.running < self.workers:
                share = -(-len(self._waiting) // self.workers)  # ceiling
                ahead = False
            elif self.running < 2 * self.workers and len(self._waiting) >= self.workers * self.batch_limit:
                share, ahead = self.batch_limit, True
            else:
                return
            taken = self._take(min(share, self.batch_limit))
            if not taken:  # every question waiting belongs to a conversation with one on a worker
                return
            self.ahead += ahead
            self.running += 1
            self.sent = (self.sent[0] + 1, self.sent[1] + len(taken))
            self.largest = max(self.largest, len(taken))
            self._count_in_flight(taken, +1)
            self._submit(taken)

    def _take(self, count: int) -> list[tuple[Asked, asyncio.Future[Answered]]]:
        """Up to `count` waiting questions in order, passing over those whose conversation has a question
        on a worker (they keep their places): each goes once that answer is back. Two questions of one
        conversation may go in one batch, which answers them in order."""
        taken: list[tuple[Asked, asyncio.Future[Answered]]] = []
        passed: list[tuple[Asked, asyncio.Future[Answered]]] = []
        while self._waiting and len(taken) < count:
            item = self._waiting.popleft()
            talk = item[0][1]
            (passed if talk is not None and id(talk) in self._in_flight else taken).append(item)
        self._waiting.extendleft(reversed(passed))
        return taken

    def _count_in_flight(self, taken: list[tuple[Asked, asyncio.Future[Answered]]], step: int) -> None:
        """Note (+1) or forget (-1) the conversations of a batch sent to, or back from, the workers."""
        for key in {id(asked[1]) for asked, _ in taken if asked[1] is not None}:
            count = self._in_flight.get(key, 0) + step
            if count > 0:
                self._in_flight[key] = count
            else:
                self._in_flight.pop(key, None)

    def _submit(self, taken: list[tuple[Asked, asyncio.Future[Answered]]]) -> None:
        """Send a batch to the workers now (not from a task, which would start behind whatever the loop
        has ready); its answers come back to `_finished` on the loop."""
        loop = asyncio.get_running_loop()
        try:
            future = self.executor.submit(_ask_batch, [asked for asked, _ in taken])
        except Exception as exc:  # noqa: BLE001 - the pool is broken or shut down: its askers hear so
            self._finished(taken, exc)
            return

        def back(done: Future[list[Answered]]) -> None:  # on the pool's thread
            with contextlib.suppress(RuntimeError):  # the loop is closed: no one waits for these
                loop.call_soon_threadsafe(self._finished, taken, done)

        future.add_done_callback(back)

    def _finished(
        self, taken: list[tuple[Asked, asyncio.Future[Answered]]], done: Future[list[Answered]] | Exception
    ) -> None:
        """A batch is back (or failed): the next is sent first, then each asker hears its answer."""
        self.running -= 1
        self._count_in_flight(taken, -1)
        self._send()
        try:
            if isinstance(done, Exception):
                raise done
            answers = done.result()
        except CancelledError:  # cancelled by `shutdown` before a worker took it
            answers = [(BrokenProcessPool("the answer processes were shut down"), None)] * len(taken)
        except Exception as exc:  # noqa: BLE001 - the pool broke: every question in the batch hears so
            answers = [(exc, None)] * len(taken)
        for (_, answered), answer in zip(taken, answers, strict=True):
            if not answered.done():  # its asker may have given up (cancelled)
                answered.set_result(answer)

    def shutdown(self) -> None:
        """Stop the workers; questions still waiting hear BrokenProcessPool (the pool answers them on its
        threads instead: bot/discord/pool.py), as do any asked from now on."""
        self._closed = True
        while self._waiting:
            _, answered = self._waiting.popleft()
            if not answered.done():
                answered.set_exception(BrokenProcessPool("the answer processes were shut down"))
        self.executor.shutdown(wait=False, cancel_futures=True)
