"""Starting the bot: the token from DISCORD_TOKEN, logging, sharding, and the by-hand command sync."""

from __future__ import annotations

import asyncio
import logging
import os
from collections.abc import Sequence

import discord

from bot.config import Config
from bot.discord.client import ShardedSummitBot, SummitBot
from bot.errors import SummitbotError
from bot.service import CoverageService

__all__ = [
    "TOKEN_ENV",
    "TokenError",
    "build_bot",
    "read_token",
    "run_bot",
    "serve",
    "sync_commands",
    "sync_tree",
]

log = logging.getLogger(__name__)

TOKEN_ENV = "DISCORD_TOKEN"


class TokenError(SummitbotError):
    """The Discord token is missing or Discord rejected it (the message never contains the token)."""

    exit_code = 2


def read_token() -> str:
    """The bot token from the DISCORD_TOKEN environment variable (the only place it is read from)."""
    token = os.environ.get(TOKEN_ENV, "").strip()
    if not token:
        raise TokenError(f"{TOKEN_ENV} is not set: put the bot token from the Discord developer portal in it")
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
    discord.utils.setup_logging()
    bot = build_bot(config, service, shards, shard_count)
    try:
        asyncio.run(serve(bot, token))
    except KeyboardInterrupt:
        log.info("stopped")


async def serve(bot: SummitBot, token: str) -> None:
    async with bot:
        try:
            await bot.start(token)
        except discord.LoginFailure:
            raise TokenError(
                f"Discord rejected the token in {TOKEN_ENV}; check it in the developer portal"
            ) from None


def sync_commands(config: Config, service: CoverageService, guild: int | None = None) -> int:
    """Publish the slash commands, globally or to one server, and return how many were synced."""
    token = read_token()
    discord.utils.setup_logging()
    return asyncio.run(sync_tree(SummitBot(config, service), token, guild))


async def sync_tree(bot: SummitBot, token: str, guild_id: int | None) -> int:
    async with bot:
        try:
            await bot.login(token)  # login runs setup_hook, which loads the cogs and so their commands
        except discord.LoginFailure:
            raise TokenError(
                f"Discord rejected the token in {TOKEN_ENV}; check it in the developer portal"
            ) from None
        guild = discord.Object(id=guild_id) if guild_id is not None else None
        if guild is not None:
            bot.tree.copy_global_to(guild=guild)
        synced = await bot.tree.sync(guild=guild)
        log.info("synced %d commands %s", len(synced), f"to server {guild_id}" if guild_id else "globally")
        return len(synced)
