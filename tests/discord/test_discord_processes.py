"""/ask in answer processes (bot/discord/processes.py): the same answers and follow-ups as the bot's own
service on a thread, end to end through the fake Discord too."""

from __future__ import annotations

import asyncio
import gc
import os
import signal
import weakref
from collections.abc import Iterator
from concurrent.futures.process import BrokenProcessPool
from typing import Any

import pytest
from conftest import StartBot, with_discord
from fake_discord import FakeDiscord
from threadpoolctl import threadpool_info

from bot.collector import YOUNG_THRESHOLD, fewer_collections
from bot.config import Config
from bot.conversation import Conversation
from bot.discord.pool import AnswerPool, settle_heap
from bot.discord.processes import ProcessAsker
from bot.errors import InputError
from bot.service import CoverageService

# Questions, then follow-ups that need the conversation carried across the processes
QUESTIONS = [
    "How long did the Putin-Obama meeting at the UN last?",
    "What did Obama say?",
    "and Putin?",
    "What did they discuss about Syria?",
    "what about Ukraine?",
    "Who reported the handshake?",
    "What was served at the lunch?",
]


@pytest.fixture(scope="module")
def asker(real_config: Config) -> Iterator[ProcessAsker]:
    asker = ProcessAsker(real_config, 2)
    asyncio.run(asker.start())
    yield asker
    asker.shutdown()


async def test_answers_and_follow_ups_equal_the_services_own(
    asker: ProcessAsker, real_service: CoverageService
) -> None:
    there, here = Conversation(), Conversation()
    for question in QUESTIONS:
        expected = real_service.ask(question, conversation=here, top=3)
        assert await asker.ask(question, there, 3) == expected, question
        assert (there.question, there.person, there.docs) == (here.question, here.person, here.docs)
    assert here.question is not None  # the conversation was carried


async def test_questions_that_wait_are_answered_in_batches_as_the_service_would(
    asker: ProcessAsker, real_service: CoverageService
) -> None:
    before, ahead = asker.sent, asker.ahead
    asked = [*QUESTIONS, "why? " * 400] * 6  # one refused question in each round
    results = await asyncio.gather(*(asker.ask(q, None, 3) for q in asked), return_exceptions=True)
    batches, questions = asker.sent[0] - before[0], asker.sent[1] - before[1]
    assert questions == len(asked) and batches < len(asked)  # some went to a worker together
    assert asker.ahead > ahead  # a full batch waited for each worker: some were sent ahead
    assert asker.largest <= asker.batch_limit and asker.running == 0
    for question, result in zip(asked, results, strict=True):
        if question.startswith("why?"):
            assert isinstance(result, InputError)  # only that question's asker hears of it
        else:
            assert result == real_service.ask(question, top=3), question


async def test_a_lone_question_goes_alone_and_at_once(asker: ProcessAsker) -> None:
    before = asker.sent
    await asker.ask(QUESTIONS[0], None, 3)
    assert (asker.sent[0] - before[0], asker.sent[1] - before[1]) == (1, 1)


def _noting(asker: ProcessAsker, monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The sizes of the batches `asker` sends, which are only noted, never answered."""
    shares: list[int] = []
    monkeypatch.setattr(asker, "_submit", lambda taken: shares.append(len(taken)))
    return shares


async def _left_waiting(asker: ProcessAsker, waiting: list[asyncio.Task[object]]) -> None:
    asker.shutdown()
    for task in waiting:  # the batches were only noted: their askers would wait for ever
        task.cancel()
    await asyncio.gather(*waiting, return_exceptions=True)


async def test_a_free_worker_takes_an_even_share_for_all_workers(
    real_config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    asker = ProcessAsker(real_config, 2)  # never started: the batches are only noted
    shares = _noting(asker, monkeypatch)
    asker.running = 2  # both workers busy, so all ten wait
    waiting = [asyncio.create_task(asker.ask(q, None, 3)) for q in [*QUESTIONS, *QUESTIONS[:3]]]
    await asyncio.sleep(0)
    assert shares == []  # fewer than a full batch for every worker: none is sent ahead
    asker.running = 1  # one is free
    asker._send()  # the free worker takes half of the ten, not all of them
    asker.running = 1
    asker._send()  # then half of the five left
    assert shares == [5, 3]
    await _left_waiting(asker, waiting)


async def test_busy_workers_get_their_next_full_batch_ahead_while_one_waits_for_each(
    real_config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    asker = ProcessAsker(real_config, 2)  # never started: the batches are only noted
    shares = _noting(asker, monkeypatch)
    asker.running = 2  # both workers busy
    limit = asker.batch_limit
    many = [QUESTIONS[i % len(QUESTIONS)] for i in range(3 * limit + 1)]
    waiting = [asyncio.create_task(asker.ask(q, None, 3)) for q in many]
    await asyncio.sleep(0)
    # a full batch for each busy worker, sent ahead; what is left (fewer than one per worker) waits
    assert shares == [limit, limit] and asker.running == 4 and len(asker._waiting) == limit + 1
    asker.running = 3  # one worker is done and starts the batch sent ahead: nothing more goes yet
    asker._send()
    assert shares == [limit, limit]
    asker.running = 1  # both batches ahead taken and one of them done: a free worker takes its share
    asker._send()
    assert shares == [limit, limit, -(-(limit + 1) // 2)]
    await _left_waiting(asker, waiting)


def _one_conversation_on_a_worker(
    config: Config, monkeypatch: pytest.MonkeyPatch
) -> tuple[ProcessAsker, list[int], Conversation, list[Any]]:
    """An asker whose two workers are busy, one of them on a question of the conversation returned; the
    sizes of the batches it sends are noted, never answered."""
    asker = ProcessAsker(config, 2)
    shares = _noting(asker, monkeypatch)
    asker.running = 2
    talk = Conversation()
    on_worker = [(("How long did they meet?", talk, 3), asyncio.get_running_loop().create_future())]
    asker._count_in_flight(on_worker, +1)
    return asker, shares, talk, on_worker


async def test_a_question_waits_while_its_conversation_has_one_on_a_worker(
    real_config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    asker, shares, talk, on_worker = _one_conversation_on_a_worker(real_config, monkeypatch)
    asked = [("and why?", talk), (QUESTIONS[0], None), (QUESTIONS[1], None)]
    waiting = [asyncio.create_task(asker.ask(q, c, 3)) for q, c in asked]
    await asyncio.sleep(0)
    asker.running = 1  # one worker is free: it takes its share, passing over the follow-up
    asker._send()
    assert shares == [2] and [a[1] for a, _ in asker._waiting] == [talk]
    asker.running = 1
    asker._send()  # the follow-up still waits for its conversation's answer
    assert shares == [2]
    asker._count_in_flight(on_worker, -1)  # its answer is back: the follow-up goes with the conversation
    asker._send()
    assert shares == [2, 1] and not asker._waiting
    await _left_waiting(asker, waiting)


async def test_a_batch_sent_ahead_passes_over_a_conversation_on_a_worker(
    real_config: Config, monkeypatch: pytest.MonkeyPatch
) -> None:
    asker, shares, talk, _ = _one_conversation_on_a_worker(real_config, monkeypatch)
    limit = asker.batch_limit
    many = [(QUESTIONS[i % len(QUESTIONS)], talk if i == 1 else None) for i in range(3 * limit + 1)]
    waiting = [asyncio.create_task(asker.ask(q, c, 3)) for q, c in many]
    await asyncio.sleep(0)
    # a full batch for each busy worker goes ahead without the follow-up, which keeps its place
    assert shares == [limit, limit] and asker.running == 4
    assert asker._waiting[0][0][1] is talk and len(asker._waiting) == limit + 1
    await _left_waiting(asker, waiting)


async def test_the_answers_come_from_other_processes(asker: ProcessAsker) -> None:
    pids = {os.getpid()}
    for future in [asker.executor.submit(os.getpid) for _ in range(8)]:
        pids.add(future.result(timeout=30))
    assert len(pids) > 1


async def test_each_answer_process_runs_blas_on_one_thread(asker: ProcessAsker) -> None:
    pools = asker.executor.submit(threadpool_info).result(timeout=30)
    blas = [pool for pool in pools if pool["user_api"] == "blas"]
    assert blas and all(pool["num_threads"] == 1 for pool in blas)


async def test_each_answer_process_settled_its_loaded_heap(asker: ProcessAsker) -> None:
    # the index, facts and model the warm-up loaded are beyond the full collections' scans
    assert asker.executor.submit(gc.get_freeze_count).result(timeout=30) > 10_000


class _Node:
    other: object = None


def test_settling_the_heap_freezes_what_lives_and_collects_the_garbage() -> None:
    kept, cycle = _Node(), _Node()
    cycle.other = cycle
    gone = weakref.ref(cycle)
    del cycle
    try:
        settle_heap()
        assert gone() is None  # a cycle dropped before is collected, not frozen
        assert gc.get_freeze_count() > 0
        assert not any(o is kept for o in gc.get_objects())  # frozen: no collection scans it
    finally:
        gc.unfreeze()
    assert any(o is kept for o in gc.get_objects())


def test_fewer_collections_raises_only_the_youngest_generations_threshold() -> None:
    before = gc.get_threshold()
    try:
        fewer_collections()
        young, middle, oldest = gc.get_threshold()
        assert young == YOUNG_THRESHOLD > before[0]
        assert (middle, oldest) == before[1:]
    finally:
        gc.set_threshold(*before)


async def test_an_input_error_reaches_the_bot_as_itself(
    asker: ProcessAsker, real_service: CoverageService
) -> None:
    question = "why? " * 400  # longer than answer.max_question_length
    with pytest.raises(InputError) as here:
        real_service.ask(question)
    with pytest.raises(InputError) as there:
        await asker.ask(question, None, 3)
    assert str(there.value) == str(here.value)


async def test_slash_ask_is_answered_by_the_processes(
    start_bot: StartBot, fake: FakeDiscord, config: Config, real_service: CoverageService
) -> None:
    bot = await start_bot(with_discord(config, answer_processes=True, workers=2), real_service)
    assert bot.answers.asker is not None
    _, token = await fake.command("ask", question=QUESTIONS[0])
    body = await fake.response(token)
    best = real_service.ask(QUESTIONS[0]).answers[0]
    assert " ".join(best.text[:40].split()) in " ".join(body["embeds"][0]["description"].split())


async def test_a_killed_answer_process_leaves_the_threads_answering(
    real_config: Config, real_service: CoverageService
) -> None:
    pool = AnswerPool(1, 8, ProcessAsker(real_config, 1))
    assert pool.asker is not None
    await pool.asker.start()
    pid = pool.asker.executor.submit(os.getpid).result(timeout=30)
    os.kill(pid, signal.SIGKILL)

    async def ask(question: str) -> object:
        async with pool.slot() as slot:
            return await slot.ask(real_service, question, None, 3)

    try:  # one question goes to the dead process, the others wait for it: all are answered
        results = await asyncio.gather(*(ask(q) for q in QUESTIONS[:4]))
    finally:
        pool.shutdown()
    assert results == [real_service.ask(q, top=3) for q in QUESTIONS[:4]]
    assert pool.asker is None


async def test_questions_waiting_at_shutdown_hear_the_pool_is_gone(real_config: Config) -> None:
    asker = ProcessAsker(real_config, 1)  # never started: no process is spawned
    asker.running = asker.workers  # its one worker busy, so questions wait
    waiting = [asyncio.create_task(asker.ask(q, None, 3)) for q in QUESTIONS[:3]]
    await asyncio.sleep(0)
    asker.shutdown()
    for task in waiting:
        with pytest.raises(BrokenProcessPool):  # what makes the pool answer on its threads instead
            await asyncio.wait_for(task, 10)
    with pytest.raises(BrokenProcessPool):
        await asyncio.wait_for(asker.ask(QUESTIONS[0], None, 3), 10)
