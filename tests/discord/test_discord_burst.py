"""A burst of questions: every interaction is acknowledged, answers run in the bounded pool, never on the
event loop, and past the queue's bound the asker is told, privately, to try again."""

from __future__ import annotations

import asyncio
import contextlib
import logging
import os
import threading
from typing import Any

import aiohttp
import discord
import pytest
from conftest import StartBot, with_discord
from fake_discord import APP_ID, USER_ID, FakeDiscord, Recorded

from bot.config import Config
from bot.discord.client import SummitBot
from bot.discord.pool import BUSY, AnswerPool, BusyError
from bot.results import AskResult
from bot.service import CoverageService

EPHEMERAL = 64
QUESTION = "How long did the Putin-Obama meeting at the UN last?"


def callback_of(tokens: set[str]):
    def matches(r: Recorded) -> bool:
        return r.path.startswith("/interactions/") and r.path.split("/")[3] in tokens

    return matches


def followup_of(tokens: set[str]):
    def matches(r: Recorded) -> bool:
        return r.path.startswith(f"/webhooks/{APP_ID}/") and r.path.split("/")[3] in tokens

    return matches


async def test_two_hundred_asks_at_once_are_all_acknowledged_then_answered(
    start_bot: StartBot, fake: FakeDiscord, config: Config, real_service: CoverageService
) -> None:
    bot = await start_bot(with_discord(config, queue_limit=200), real_service)
    tokens = await asyncio.gather(
        *(fake.command("ask", question=QUESTION, user_id=USER_ID + n) for n in range(200))
    )
    wanted = {token for _, token in tokens}
    acks = await fake.wait_for(callback_of(wanted), count=200, timeout=30)
    assert {r.body["type"] for r in acks} == {5}  # every one deferred first: none refused, none lost
    answers = await fake.wait_for(followup_of(wanted), count=200, timeout=60)
    assert all(r.body["embeds"] and not r.body.get("flags", 0) & EPHEMERAL for r in answers)
    assert bot.answers.peak <= bot.answers.capacity and bot.answers.admitted == 0


async def test_a_burst_reuses_at_most_http_connections_connections(
    start_bot: StartBot, fake: FakeDiscord, config: Config, real_service: CoverageService
) -> None:
    bot = await start_bot(with_discord(config, queue_limit=60, http_connections=3), real_service)
    tokens = await asyncio.gather(
        *(fake.command("ask", question=QUESTION, user_id=USER_ID + n) for n in range(60))
    )
    wanted = {token for _, token in tokens}
    acks = await fake.wait_for(callback_of(wanted), count=60, timeout=30)
    answers = await fake.wait_for(followup_of(wanted), count=60, timeout=60)
    assert {r.body["type"] for r in acks} == {5}
    # 60 deferrals in flight at once: without the bound, discord.py opens a connection for each
    assert len({r.peer for r in [*acks, *answers]}) <= 3
    assert isinstance(bot.http.connector, aiohttp.TCPConnector) and bot.http.connector.limit_per_host == 3


async def test_past_the_queue_bound_the_asker_is_told_privately_to_try_again(
    start_bot: StartBot, fake: FakeDiscord, config: Config, real_service: CoverageService
) -> None:
    bot = await start_bot(with_discord(config, workers=1, queue_limit=1), real_service)
    release = threading.Event()
    started = threading.Event()
    answer = real_service.ask

    def slow_ask(*args: object, **kwargs: object) -> AskResult:
        started.set()
        release.wait(10)
        return answer(*args, **kwargs)  # type: ignore[arg-type]

    bot.service.ask = slow_ask  # type: ignore[method-assign]
    try:
        tokens = [await fake.command("ask", question=QUESTION, user_id=USER_ID + n) for n in range(5)]
        wanted = [token for _, token in tokens]
        # one running and one waiting fill the pool: the other three are refused at once
        busy = await fake.wait_for(
            lambda r: callback_of(set(wanted))(r) and r.body["type"] == 4, count=3, timeout=10
        )
        for refused in busy:
            assert refused.body["data"]["content"] == BUSY
            assert refused.body["data"]["flags"] & EPHEMERAL
        assert {r.path.split("/")[3] for r in busy} == set(wanted[2:])
        assert bot.answers.refused == 3 and bot.answers.admitted == 2
    finally:
        release.set()
    answered = await fake.wait_for(followup_of(set(wanted[:2])), count=2, timeout=10)
    assert all(r.body["embeds"] for r in answered)
    assert started.is_set()


async def test_answers_run_on_worker_threads_never_on_the_event_loop() -> None:
    pool = AnswerPool(workers=0, queue_limit=4)
    try:
        assert pool.workers == (os.cpu_count() or 1) and pool.capacity == pool.workers + 4
        loop_thread = threading.get_ident()
        threads = await asyncio.gather(*(pool.run(threading.get_ident) for _ in range(pool.capacity)))
        assert loop_thread not in threads
        assert pool.admitted == 0 and pool.peak == pool.capacity
    finally:
        pool.shutdown()


async def test_a_full_pool_refuses_at_once_and_frees_its_slots() -> None:
    pool = AnswerPool(workers=1, queue_limit=0)
    gate = threading.Event()
    try:
        first = asyncio.create_task(pool.run(gate.wait, 5))
        await asyncio.sleep(0)  # the first call takes the only slot
        try:
            await pool.run(lambda: None)
        except BusyError as exc:
            assert str(exc) == BUSY
        else:
            raise AssertionError("a full pool accepted another call")
        gate.set()
        assert await first is True
        assert await pool.run(lambda: 42) == 42  # the slot was given back
    finally:
        pool.shutdown()


async def test_a_busy_chat_message_gets_the_busy_reply(bot: SummitBot, fake: FakeDiscord) -> None:
    from fake_discord import BOT_ID

    bot.answers.capacity = 0  # as if every slot were taken
    message_id = await fake.say(f"<@{BOT_ID}> {QUESTION}")
    (reply,) = await fake.wait_for(
        lambda r: (
            r.method == "POST"
            and str((r.body or {}).get("message_reference", {}).get("message_id")) == str(message_id)
        )
    )
    assert reply.body["content"] == BUSY and reply.body["allowed_mentions"]["parse"] == []


async def test_refusals_are_logged_once_an_interval_not_once_each(caplog: pytest.LogCaptureFixture) -> None:
    pool = AnswerPool(workers=1, queue_limit=0)
    pool.capacity = 0
    try:
        with caplog.at_level(logging.WARNING, logger="bot.discord.pool"):
            for _ in range(50):
                with contextlib.suppress(BusyError):
                    await pool.run(lambda: None)
        assert pool.refused == 50
        assert len([r for r in caplog.records if r.name == "bot.discord.pool"]) == 1
    finally:
        pool.shutdown()


async def test_a_busy_pool_gives_no_suggestions_rather_than_an_error(
    bot: SummitBot, fake: FakeDiscord
) -> None:
    bot.answers.capacity = 0
    _, token = await fake.autocomplete("quote", "speaker", "Pu")
    (callback,) = await fake.wait_for(callback_of({token}))
    assert callback.body["type"] == 8 and callback.body["data"]["choices"] == []


async def test_the_question_is_on_its_way_to_a_worker_before_the_deferral_returns(
    start_bot: StartBot,
    fake: FakeDiscord,
    config: Config,
    real_service: CoverageService,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    bot = await start_bot(config, real_service)
    loop = asyncio.get_running_loop()
    asked = asyncio.Event()
    answer = real_service.ask

    def noted_ask(*args: object, **kwargs: object) -> AskResult:
        loop.call_soon_threadsafe(asked.set)
        return answer(*args, **kwargs)  # type: ignore[arg-type]

    defer = discord.InteractionResponse.defer

    async def held_defer(self: discord.InteractionResponse, **kwargs: Any) -> Any:
        await asyncio.wait_for(asked.wait(), 10)  # only once the worker has the question
        return await defer(self, **kwargs)

    monkeypatch.setattr(bot.service, "ask", noted_ask)
    monkeypatch.setattr(discord.InteractionResponse, "defer", held_defer)
    _, token = await fake.command("ask", question=QUESTION)
    answered = await fake.wait_for(followup_of({token}), count=1, timeout=20)
    assert answered[0].body["embeds"]
    assert [r.body["type"] for r in fake.callbacks(token)] == [5]  # deferred all the same, then answered
