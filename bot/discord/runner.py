"""Starting the bot: the token from DISCORD_TOKEN, logging, sharding, and the by-hand command sync."""

from __future__ import annotations

import asyncio
import dataclasses
import logging
import os
from collections.abc import Sequence

import aiohttp
import discord
from discord.utils import MISSING

from bot.collector import fewer_collections
from bot.config import Config
from bot.discord.client import ShardedSummitBot, SummitBot
from bot.discord.pool import favour_event_loop, run_event_loop, settle_heap
from bot.errors import SummitbotError
from bot.service import CoverageService

__all__ = [
    "TOKEN_ENV",
    "TokenError",
    "UnreachableError",
    "build_bot",
    "login",
    "read_token",
    "run_bot",
    "serve",
    "settle_process",
    "sync_commands",
    "sync_tree",
]

log = logging.getLogger(__name__)

TOKEN_ENV = "DISCORD_TOKEN"


class TokenError(SummitbotError):
    """The Discord token is missing or Discord rejected it (the message never contains the token)."""

    exit_code = 2


class UnreachableError(SummitbotError):
    """Discord could not be reached after every try (the message says why, never with the token)."""

    exit_code = 2


# what "Discord cannot be reached" looks like: no route, refused, DNS, TLS, a timeout, a 5xx
_UNREACHABLE = (OSError, aiohttp.ClientError, asyncio.TimeoutError, discord.DiscordServerError)


def read_token() -> str:
    """The bot token from the DISCORD_TOKEN environment variable (the only place it is read from)."""
    token = os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        raise TokenError(f"{TOKEN_ENV} is not set: put the bot token from the Discord developer portal in it")
    if not token.isascii() or not token.isprintable() or any(c.isspace() for c in token):
        raise TokenError(
            f"{TOKEN_ENV} holds characters a bot token never has (spaces, quotes, accents): "
            "copy it again from the developer portal"
        )
    return token


def build_bot(
    config: Config,
    service: CoverageService,
    shards: Sequence[int] | None = None,
    shard_count: int | None = None,
) -> SummitBot:
    """The bot, sharded when shard ids or a shard count are given."""
    if shards is None and shard_count is None:
        return SummitBot(config, service)
    if shards is not None and shard_count is None:
        raise SummitbotError("--shards needs --shard-count (the total number of shards)")
    if shards is not None and shard_count is not None and any(not 0 <= s < shard_count for s in shards):
        raise SummitbotError(f"shard ids must be between 0 and {shard_count - 1 if shard_count else 0}")
    return ShardedSummitBot(
        config, service, shard_ids=list(shards) if shards else None, shard_count=shard_count
    )


def run_bot(
    config: Config,
    service: CoverageService,
    shards: Sequence[int] | None = None,
    shard_count: int | None = None,
) -> None:
    """Log in and serve until interrupted; TokenError (exit status 2) for a missing or rejected token."""
    token = read_token()
    bot = build_bot(config, service, shards, shard_count)
    settle_process(config, service)
    try:
        run_event_loop(serve(bot, token))
    except KeyboardInterrupt:
        log.info("stopped")


def settle_process(config: Config, service: CoverageService) -> None:
    """The bot's process made ready to serve (`run_bot`, and `python -m bench.discord_burst` so that its
    bot runs as this one does): the interpreter lock handed to the event loop often, the youngest
    generation collected after YOUNG_THRESHOLD allocations, the index loaded and the heap holding it
    frozen."""
    favour_event_loop(config.discord.switch_interval_ms)
    fewer_collections()
    _ = service.index  # loaded here, not in the bot's setup, so that it is settled with the rest
    settle_heap()


async def serve(bot: SummitBot, token: str) -> None:
    """Log in (retrying while Discord cannot be reached), then stay connected until closed."""
    async with bot:
        await login(bot, token)
        await bot.connect()  # discord.py reconnects by itself from here on


async def login(bot: SummitBot, token: str) -> None:
    """Log in, retrying with a doubling wait while Discord cannot be reached (`discord.connect_*`).

    TokenError when Discord rejects the token; UnreachableError, one line, after the last try.
    """
    settings = bot.config.discord
    delay = settings.connect_backoff_seconds
    for attempt in range(1, settings.connect_attempts + 1):
        try:
            await bot.login(token)  # login runs setup_hook, which loads the cogs and so their commands
            return
        except discord.LoginFailure:
            raise TokenError(
                f"Discord rejected the token in {TOKEN_ENV}; check it in the developer portal"
            ) from None
        except _UNREACHABLE as exc:
            reason = _reason(exc)
            await _reset_session(bot)
            if attempt == settings.connect_attempts:
                raise UnreachableError(
                    f"cannot reach Discord after {attempt} tries ({reason}); check the network and try again"
                ) from None
            log.info("cannot reach Discord (%s); try %d again in %.1f s", reason, attempt + 1, delay)
            await asyncio.sleep(delay)
            delay *= 2


def _reason(exc: BaseException) -> str:
    """Why a connection failed, in a few words (exception texts carry hosts, never the token)."""
    if isinstance(exc, asyncio.TimeoutError):
        return "timed out"
    if isinstance(exc, discord.DiscordServerError):
        return f"Discord answered {exc.status}"
    text = " ".join(str(exc).split()) or type(exc).__name__
    return text[:160]


async def _reset_session(bot: SummitBot) -> None:
    """Close the failed try's HTTP session, so the next try opens a fresh one and nothing leaks."""
    await bot.http.close()
    bot.http.connector = MISSING


def sync_commands(config: Config, service: CoverageService, guild: int | None = None) -> int:
    """Publish the slash commands, globally or to one server, and return how many were synced."""
    token = read_token()
    # syncing answers no question: no answer processes to spawn and load the corpus for
    quiet = dataclasses.replace(config, discord=dataclasses.replace(config.discord, answer_processes=False))
    return asyncio.run(sync_tree(SummitBot(quiet, service), token, guild))


async def sync_tree(bot: SummitBot, token: str, guild_id: int | None) -> int:
    async with bot:
        await login(bot, token)
        guild = discord.Object(id=guild_id) if guild_id is not None else None
        if guild is not None:
            bot.tree.copy_global_to(guild=guild)
        try:
            synced = await bot.tree.sync(guild=guild)
        except _UNREACHABLE as exc:
            raise UnreachableError(f"cannot reach Discord to sync the commands ({_reason(exc)})") from None
        except discord.HTTPException as exc:  # 403 Missing Access: the bot is not in that server
            where = f"to server {guild_id} (is the bot in it?)" if guild_id is not None else "globally"
            raise SummitbotError(
                f"Discord refused to sync the commands {where}: {exc.status} {' '.join(exc.text.split())}"
            ) from None
        log.info("synced %d commands %s", len(synced), f"to server {guild_id}" if guild_id else "globally")
        return len(synced)
