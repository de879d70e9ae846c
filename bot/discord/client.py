"""The Discord bot: a `commands.Bot` around the core service, its command tree and its one error handler.

Why `commands.Bot` and not a bare `discord.Client`: cogs (one per feature, each with `setup()`), extension
loading in `setup_hook` and cog listeners come with it. There are no prefix commands: `on_message` is
overridden so nothing is parsed as one; the chat cog answers mentions and DMs in plain language instead.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import math
from collections.abc import Callable
from typing import Any, TypeVar

import aiohttp
import discord
from discord import app_commands
from discord.ext import commands
from discord.utils import MISSING

from bot.config import Config
from bot.conversation import Conversation
from bot.discord.pool import AnswerPool
from bot.discord.processes import ProcessAsker
from bot.discord.render import LIMITS, clip
from bot.errors import SummitbotError
from bot.forkpool import worker_count
from bot.service import CoverageService

__all__ = [
    "APOLOGY",
    "EXTENSIONS",
    "NO_MENTIONS",
    "ShardedSummitBot",
    "SummitBot",
    "SummitTree",
    "handle_error",
    "send",
    "user_cooldown",
]

log = logging.getLogger(__name__)

T = TypeVar("T")

NO_MENTIONS = discord.AllowedMentions.none()
# the bot has no voice: discord.py's warnings that voice libraries are missing are noise on every start
discord.VoiceClient.warn_nacl = False
discord.VoiceClient.warn_dave = False
EXTENSIONS = (
    "bot.discord.cogs.ask",
    "bot.discord.cogs.quote",
    "bot.discord.cogs.compare",
    "bot.discord.cogs.info",
    "bot.discord.cogs.chat",
)
APOLOGY = "Sorry, something went wrong on my side while answering that. Please try again later."


async def send(
    interaction: discord.Interaction[Any],
    content: str | None = None,
    *,
    embed: discord.Embed | None = None,
    view: discord.ui.View | None = None,
    ephemeral: bool = False,
) -> None:
    """Reply to an interaction: the initial response if none was sent yet, else a follow-up; never pings."""
    if content is not None:
        content = clip(content, LIMITS.MESSAGE)
    # MISSING, not None: discord.py reads None as "remove the embed/view"
    parts: dict[str, Any] = {
        "embed": embed if embed is not None else MISSING,
        "view": view if view is not None else MISSING,
        "ephemeral": ephemeral,
        "allowed_mentions": NO_MENTIONS,
    }
    if interaction.response.is_done():
        # wait=True returns the message, so that its view is stored under the message's id
        await interaction.followup.send(content or MISSING, wait=True, **parts)
    else:
        await interaction.response.send_message(content, **parts)


async def handle_error(interaction: discord.Interaction[Any], error: Exception) -> None:
    """The one place failures become replies: cooldowns and expected errors say why, the rest apologise."""
    original = error.original if isinstance(error, app_commands.CommandInvokeError) else error
    if isinstance(original, app_commands.CommandOnCooldown):
        seconds = max(1, math.ceil(original.retry_after))
        message = f"You're asking quickly: try again in {seconds} s."
    elif isinstance(original, SummitbotError):
        message = str(original)
    elif isinstance(original, app_commands.CheckFailure):
        message = "You can't use that command here."
    else:
        command = interaction.command.qualified_name if interaction.command else interaction.type.name
        log.error("/%s failed", command, exc_info=original)
        message = APOLOGY
    try:
        if interaction.response.type is discord.InteractionResponseType.deferred_channel_message:
            # the first follow-up would replace the public "thinking…" placeholder and so be public
            # itself: remove the placeholder, so the message stays between the bot and this user
            with contextlib.suppress(discord.HTTPException):
                await interaction.delete_original_response()
        await send(interaction, message, ephemeral=True)
    except discord.HTTPException:
        log.warning("could not tell the user about an error (interaction %s)", interaction.id, exc_info=True)


def user_cooldown(interaction: discord.Interaction[Any]) -> app_commands.Cooldown | None:
    """The per-user cooldown from config.yaml (`discord.cooldown_rate` per `discord.cooldown_seconds`)."""
    client = interaction.client
    settings = client.config.discord if isinstance(client, SummitBot) else None
    if settings is None or settings.cooldown_rate == 0:
        return None
    return app_commands.Cooldown(settings.cooldown_rate, settings.cooldown_seconds)


class SummitTree(app_commands.CommandTree["SummitBot"]):
    """The command tree with the bot's one error handler."""

    async def on_error(
        self, interaction: discord.Interaction[SummitBot], error: app_commands.AppCommandError
    ) -> None:
        await handle_error(interaction, error)


class SummitBot(commands.Bot):
    """The bot: slash commands and mention/DM chat over one `CoverageService`."""

    def __init__(self, config: Config, service: CoverageService, **options: Any) -> None:
        intents = discord.Intents.default()
        intents.message_content = False  # mentions and DMs still carry their content
        super().__init__(
            command_prefix=commands.when_mentioned,
            help_command=None,
            intents=intents,
            allowed_mentions=NO_MENTIONS,
            tree_cls=SummitTree,
            **options,
        )
        self.config = config
        self.service = service
        self._conversations: dict[tuple[int, int], Conversation] = {}
        # answers never run on the event loop: a bounded pool, and a polite "busy" past its queue
        settings = config.discord
        workers = worker_count(settings.workers)
        # /ask in processes when another process can rebuild the same service (bot/discord/processes.py)
        processes = settings.answer_processes and service.from_corpus_folder
        asker = ProcessAsker(service.config, workers) if processes else None
        self.answers = AnswerPool(workers, settings.queue_limit, asker)

    async def setup_hook(self) -> None:
        # load the corpus and build (or load) the index now, so the first question is not the slow one
        await asyncio.to_thread(lambda: self.service.index)
        if self.answers.asker is not None:  # after the index: the workers open the one it saved
            await self.answers.asker.start()
        articles = self.service.sources()
        sentences = len(self.service.index)
        log.info(
            "corpus: %d articles, %d sentences; %d answer workers, %d may wait",
            len(articles),
            sentences,
            self.answers.workers,
            self.answers.capacity - self.answers.workers,
        )
        for extension in EXTENSIONS:
            await self.load_extension(extension)
        guild_id = self.config.discord.dev_guild
        if guild_id is not None:
            guild = discord.Object(id=guild_id)
            self.tree.copy_global_to(guild=guild)
            synced = await self.tree.sync(guild=guild)
            log.info("synced %d commands to the development server %s", len(synced), guild_id)

    async def login(self, token: str) -> None:
        """discord.py's login, over a connection pool bounded by `discord.http_connections` to each host
        (discord.py's own has no bound: 200 deferrals at once opened 200 connections, `python -m
        bench.discord_burst`). Per host, so the gateway's websockets (one a shard, held open, on another
        host) never take the REST requests' connections."""
        if self.http.connector is MISSING:  # made here: aiohttp's connector needs the running loop
            bound = self.config.discord.http_connections
            self.http.connector = aiohttp.TCPConnector(limit=0, limit_per_host=bound)
        await super().login(token)

    async def on_message(self, message: discord.Message, /) -> None:
        """No prefix commands: the chat cog's listener handles mentions and DMs."""

    async def call_service(self, function: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run a core call in the answer pool (BusyError when it is full), never on the event loop."""
        return await self.answers.run(function, *args, **kwargs)

    async def close(self) -> None:
        await super().close()
        self.answers.shutdown()

    def conversation(self, channel_id: int, user_id: int) -> Conversation:
        """The follow-up context of one user in one channel or DM, fresh once it has expired: "and obama?"
        continues the asker's own last question, never another user's asked in the same channel."""
        ttl = self.config.discord.context_expiry_seconds
        key = (channel_id, user_id)
        current = self._conversations.get(key)
        if current is None or current.expired(ttl):
            stale = [k for k, value in self._conversations.items() if value.expired(ttl)]
            for k in stale:
                del self._conversations[k]
            current = self._conversations[key] = Conversation()
        return current

    def event_names(self) -> dict[str, str]:
        return {event.id: event.name for event in self.config.events}


class ShardedSummitBot(SummitBot, commands.AutoShardedBot):
    """The same bot on several gateway shards (`summitbot run --shards 0,1 --shard-count 4`)."""
