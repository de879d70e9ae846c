"""Starting, sharding, syncing and the token: the runner and the CLI's `run` and `sync`."""

from __future__ import annotations

import asyncio
import dataclasses
import gc
import logging
import sys
from pathlib import Path
from typing import Any

import pytest
from conftest import StartBot, with_discord
from fake_discord import APP_ID, GUILD_ID, TOKEN, FakeDiscord, pointed_at

from bot.cli import main
from bot.collector import YOUNG_THRESHOLD
from bot.config import Config
from bot.discord.client import ShardedSummitBot, SummitBot
from bot.discord.pool import event_loop_factory, run_event_loop
from bot.discord.runner import TokenError, build_bot, serve, settle_process, sync_tree
from bot.service import CoverageService

COMMANDS = {"ask", "quote", "compare", "sources", "help"}
MESSAGE_CONTENT = 1 << 15
QUESTION = "Where did Putin and Obama meet?"


async def test_the_bot_identifies_without_privileged_intents(bot: SummitBot, fake: FakeDiscord) -> None:
    (identify,) = fake.identifies
    assert identify["intents"] & MESSAGE_CONTENT == 0
    assert not [r for r in fake.requests if r.method == "PUT"]  # never syncs at start without dev_guild


async def test_a_dev_guild_gets_the_commands_at_start(
    start_bot: StartBot, fake: FakeDiscord, config: Config, real_service: CoverageService
) -> None:
    await start_bot(with_discord(config, dev_guild=GUILD_ID), real_service)
    puts = [r for r in fake.requests if r.method == "PUT"]
    assert [r.path for r in puts] == [f"/applications/{APP_ID}/guilds/{GUILD_ID}/commands"]
    assert {c["name"] for c in puts[0].body} == COMMANDS


async def test_sync_publishes_described_commands(
    fake: FakeDiscord, config: Config, real_service: CoverageService
) -> None:
    assert await sync_tree(SummitBot(config, real_service), TOKEN, None) == len(COMMANDS)
    (put,) = [r for r in fake.requests if r.method == "PUT"]
    assert put.path == f"/applications/{APP_ID}/commands"
    for command in put.body:
        assert command["description"]
        assert all(option["description"] for option in command.get("options", []))
    (ask,) = [c for c in put.body if c["name"] == "ask"]
    assert ask["options"][0]["max_length"] >= config.discord.max_question_length


class QuickShardedBot(ShardedSummitBot):
    async def before_identify_hook(self, shard_id: int | None, *, initial: bool = False) -> None:
        """No 5-second wait between shards' IDENTIFYs: the fake Discord has no identify rate limit."""


async def test_shards_identify_with_their_ids(
    start_bot: StartBot, fake: FakeDiscord, config: Config, real_service: CoverageService
) -> None:
    bot = await start_bot(config, real_service, bot_class=QuickShardedBot, shard_ids=[0, 1], shard_count=2)
    assert isinstance(bot, ShardedSummitBot)
    assert sorted(tuple(i["shard"]) for i in fake.identifies) == [(0, 2), (1, 2)]


def test_build_bot_is_sharded_only_when_asked(config: Config, real_service: CoverageService) -> None:
    assert type(build_bot(config, real_service)) is SummitBot
    assert isinstance(build_bot(config, real_service, [0, 1], 4), ShardedSummitBot)


async def test_a_rejected_token_is_one_line_without_the_token(
    fake: FakeDiscord, config: Config, real_service: CoverageService, caplog: pytest.LogCaptureFixture
) -> None:
    secret = "MTIz.not-the-real-token.xyz"
    with caplog.at_level(logging.DEBUG), pytest.raises(TokenError) as caught:
        await serve(SummitBot(config, real_service), secret)
    assert caught.value.exit_code == 2
    assert secret not in str(caught.value) and "\n" not in str(caught.value)
    assert secret not in caplog.text


def test_run_without_a_token_exits_2(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], real_config: Config
) -> None:
    monkeypatch.delenv("DISCORD_TOKEN", raising=False)
    assert main(["--config", str(real_config.source), "run"]) == 2
    assert "DISCORD_TOKEN is not set" in capsys.readouterr().err


def test_the_cli_parses_shards(monkeypatch: pytest.MonkeyPatch) -> None:
    calls = {}

    def fake_run(
        config: Config, service: CoverageService, shards: list[int] | None, shard_count: int | None
    ) -> None:
        calls.update(shards=shards, shard_count=shard_count)

    monkeypatch.setattr("bot.discord.runner.run_bot", fake_run)
    assert main(["run", "--shards", "0,1", "--shard-count", "4"]) == 0
    assert calls == {"shards": [0, 1], "shard_count": 4}
    assert dataclasses.is_dataclass(Config)


async def test_an_unreachable_discord_is_retried_then_one_line_without_the_token(
    config: Config,
    real_service: CoverageService,
    monkeypatch: pytest.MonkeyPatch,
    caplog: pytest.LogCaptureFixture,
) -> None:
    import discord

    from bot.discord.runner import UnreachableError

    secret = "MTIz.unreachable-secret.xyz"
    monkeypatch.setattr(discord.http.Route, "BASE", "http://127.0.0.1:9/api/v10")  # nothing listens
    settings = with_discord(config, connect_attempts=3, connect_backoff_seconds=0.01)
    with caplog.at_level(logging.DEBUG), pytest.raises(UnreachableError) as caught:
        await serve(SummitBot(settings, real_service), secret)
    message = str(caught.value)
    assert caught.value.exit_code == 2 and "\n" not in message
    assert "cannot reach Discord after 3 tries" in message
    retries = [r for r in caplog.records if r.name == "bot.discord.runner" and "try" in r.getMessage()]
    assert len(retries) == 2  # waited and tried again twice before giving up
    assert secret not in message and secret not in caplog.text


def test_run_with_discord_unreachable_exits_2_with_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    import discord

    from bot.evaluation.bad_input_cases import offline_config

    config = tmp_path / "config.yaml"
    config.write_bytes(offline_config(Path(__file__).resolve().parents[2]))
    monkeypatch.setattr(discord.http.Route, "BASE", "http://127.0.0.1:9/api/v10")
    monkeypatch.setenv("DISCORD_TOKEN", "MTIz.unreachable-secret.xyz")
    assert main(["--config", str(config), "run"]) == 2
    out, err = capsys.readouterr()
    assert out == "" and err.count("\n") == 1 and "cannot reach Discord" in err
    assert "MTIz" not in err


async def test_a_refused_sync_is_one_line(
    fake: FakeDiscord, config: Config, real_service: CoverageService, monkeypatch: pytest.MonkeyPatch
) -> None:
    from types import SimpleNamespace

    import discord

    from bot.errors import SummitbotError

    bot = SummitBot(config, real_service)

    async def refuse(*, guild: object = None) -> list[object]:
        raise discord.Forbidden(SimpleNamespace(status=403, reason="Forbidden"), "Missing Access")  # type: ignore[arg-type]

    monkeypatch.setattr(bot.tree, "sync", refuse)
    with pytest.raises(SummitbotError) as caught:
        await sync_tree(bot, TOKEN, 42)
    assert str(caught.value) == (
        "Discord refused to sync the commands to server 42 (is the bot in it?): 403 Missing Access"
    )


def test_the_bot_answers_on_uvloops_event_loop(config: Config, real_service: CoverageService) -> None:
    """`summitbot run`'s loop (uvloop, a dependency where it builds): the whole /ask round trip on it."""
    import uvloop

    async def ask_once() -> tuple[type[asyncio.AbstractEventLoop], dict[str, Any]]:
        server = FakeDiscord()
        await server.start()
        with pointed_at(server):
            bot = SummitBot(config, real_service, guild_ready_timeout=0.05)
            running = asyncio.create_task(bot.start(TOKEN))
            await asyncio.wait_for(bot.wait_until_ready(), 10)
            _, token = await server.command("ask", question=QUESTION)
            reply = await server.response(token, timeout=10)
            assert [c.body["type"] for c in server.callbacks(token)] == [5]  # deferred first
            await bot.close()
            await asyncio.wait_for(running, 5)
        await server.close()
        return type(asyncio.get_running_loop()), reply

    loop_type, reply = run_event_loop(ask_once())
    assert loop_type is uvloop.Loop
    best = real_service.ask(QUESTION).answers[0]
    (embed,) = reply["embeds"]
    assert " ".join(best.text[:40].split()) in " ".join(embed["description"].split())


def test_the_loop_is_asyncios_own_without_uvloop(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "uvloop", None)  # `import uvloop` raises ImportError
    assert event_loop_factory() is asyncio.new_event_loop

    async def loop_type() -> type[asyncio.AbstractEventLoop]:
        return type(asyncio.get_running_loop())

    assert issubclass(run_event_loop(loop_type()), asyncio.SelectorEventLoop)  # Linux's default loop


def test_the_process_is_settled_as_the_bot_serves(config: Config, real_service: CoverageService) -> None:
    """`run_bot` and the burst bench both: the loop's hand-over interval, the young threshold, the
    loaded heap frozen."""
    interval, threshold = sys.getswitchinterval(), gc.get_threshold()
    settings = dataclasses.replace(config.discord, switch_interval_ms=0.7)
    try:
        settle_process(dataclasses.replace(config, discord=settings), real_service)
        assert sys.getswitchinterval() == pytest.approx(0.0007)
        assert gc.get_threshold() == (YOUNG_THRESHOLD, *threshold[1:])
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*threshold)
        sys.setswitchinterval(interval)
