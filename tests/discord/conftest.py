"""Fixtures: the fake Discord, the real service over the real corpus, and a running SummitBot."""

from __future__ import annotations

import asyncio
import dataclasses
from collections.abc import AsyncIterator, Awaitable, Callable
from pathlib import Path
from typing import Any

import pytest
from fake_discord import TOKEN, FakeDiscord, pointed_at

from bot.config import Config, load_config
from bot.discord.client import SummitBot
from bot.service import CoverageService

ROOT = Path(__file__).resolve().parents[2]

StartBot = Callable[..., Awaitable[SummitBot]]


@pytest.fixture(scope="session")
def real_config() -> Config:
    """config.yaml at the repo root over the real, committed corpus."""
    return load_config(ROOT / "config.yaml")


@pytest.fixture(scope="session")
def real_service(real_config: Config) -> CoverageService:
    return CoverageService(real_config)


@pytest.fixture
def config(real_config: Config) -> Config:
    """The real settings with a generous cooldown, so tests only meet it on purpose, answering on threads
    (tests replace the service's methods; test_discord_processes.py covers the answer processes)."""
    return with_discord(real_config, cooldown_rate=100, cooldown_seconds=60, answer_processes=False)


def with_discord(config: Config, **changes: Any) -> Config:
    return dataclasses.replace(config, discord=dataclasses.replace(config.discord, **changes))


@pytest.fixture
async def fake() -> AsyncIterator[FakeDiscord]:
    server = FakeDiscord()
    await server.start()
    with pointed_at(server):
        yield server
    await server.close()


@pytest.fixture
async def start_bot(fake: FakeDiscord) -> AsyncIterator[StartBot]:
    """Start the real bot against the fake Discord; every bot started is closed after the test."""
    running: list[tuple[SummitBot, asyncio.Task[None]]] = []

    async def start(
        config: Config, service: CoverageService, bot_class: type[SummitBot] = SummitBot, **options: Any
    ) -> SummitBot:
        options.setdefault(
            "guild_ready_timeout", 0.05
        )  # discord.py waits this long after the last GUILD_CREATE
        bot = bot_class(config, service, **options)
        task = asyncio.create_task(bot.start(TOKEN))
        running.append((bot, task))
        ready = asyncio.create_task(bot.wait_until_ready())
        done, _ = await asyncio.wait({task, ready}, timeout=10, return_when=asyncio.FIRST_COMPLETED)
        if task in done:
            ready.cancel()
            task.result()  # raises what stopped the bot
        assert ready in done, "the bot did not become ready"
        return bot

    yield start
    for bot, task in running:
        await bot.close()
        await asyncio.wait_for(task, 5)


@pytest.fixture
async def bot(start_bot: StartBot, config: Config, real_service: CoverageService) -> SummitBot:
    return await start_bot(config, real_service)
