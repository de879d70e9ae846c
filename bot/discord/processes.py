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
"""

from __future__ import annotations

import asyncio
import contextlib
import dataclasses
import logging
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context

from bot.config import Config
from bot.conversation import Conversation
from bot.errors import SummitbotError
from bot.results import AskResult
from bot.service import CoverageService

__all__ = ["ProcessAsker"]

log = logging.getLogger(__name__)
_WARM_UP = "What did the coverage say?"  # asked once per worker, before any user's question
_service: CoverageService | None = None  # a worker process's own


def _start_worker(config: Config) -> None:
    global _service  # noqa: PLW0603 - one service per worker process, set once when it starts
    _service = CoverageService(config)
    with contextlib.suppress(SummitbotError):  # a declined question is an answer too
        _service.ask(_WARM_UP)  # loads the index, the facts and the embedding model now


def _ready() -> bool:
    return _service is not None


def _ask(question: str, conversation: Conversation | None, top: int) -> tuple[AskResult, Conversation | None]:
    assert _service is not None, "an answer worker started without its service"
    return _service.ask(question, conversation=conversation, top=top), conversation


class ProcessAsker:
    """`workers` spawned processes answering /ask with the service of `config`'s corpus folder."""

    def __init__(self, config: Config, workers: int) -> None:
        self.workers = workers
        self.executor = ProcessPoolExecutor(
            max_workers=workers,
            mp_context=get_context("spawn"),
            initializer=_start_worker,
            initargs=(config,),
        )

    async def start(self) -> None:
        """Start every worker and wait until each has its service loaded."""
        loop = asyncio.get_running_loop()
        await asyncio.gather(*(loop.run_in_executor(self.executor, _ready) for _ in range(self.workers)))
        log.info("%d answer processes ready", self.workers)

    async def ask(self, question: str, conversation: Conversation | None, top: int) -> AskResult:
        """The answer of a worker's service, `conversation` updated as the answer left it."""
        loop = asyncio.get_running_loop()
        result, after = await loop.run_in_executor(self.executor, _ask, question, conversation, top)
        if conversation is not None and after is not None:
            for field in dataclasses.fields(Conversation):
                setattr(conversation, field.name, getattr(after, field.name))
        return result

    def shutdown(self) -> None:
        self.executor.shutdown(wait=False, cancel_futures=True)
