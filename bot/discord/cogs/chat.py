"""Chat: answers a question when the bot is @mentioned in a channel or written to in a DM.

Each channel (or DM) keeps a short-lived conversation, so "And why did it last only that long?" follows on
from the question before it. @everyone/@here alone does not count as talking to the bot.
"""

from __future__ import annotations

import logging
import re

import discord
from discord import app_commands
from discord.ext import commands
from discord.utils import MISSING

from bot.discord.client import APOLOGY, NO_MENTIONS, SummitBot
from bot.discord.cogs.ask import check_question, reply_parts
from bot.discord.render import LIMITS, clip
from bot.errors import SummitbotError

__all__ = ["ChatCog", "setup"]

log = logging.getLogger(__name__)


class ChatCog(commands.Cog, name="Chat"):
    def __init__(self, bot: SummitBot) -> None:
        self.bot = bot
        settings = bot.config.discord
        self._cooldowns: dict[int, app_commands.Cooldown] = {}
        self._rate = (settings.cooldown_rate, settings.cooldown_seconds)

    def _question(self, message: discord.Message) -> str | None:
        """The question in a message meant for the bot (mention stripped), or None when it isn't."""
        me = self.bot.user
        if me is None or message.author.bot or message.author.id == me.id:
            return None
        if message.guild is not None:
            if not any(user.id == me.id for user in message.mentions):
                return None  # @everyone, @here and role pings are not addressed to the bot
            allowed = self.bot.config.discord.allowed_channels
            channel_ids = {message.channel.id, getattr(message.channel, "parent_id", None)}
            if allowed and not channel_ids & set(allowed):
                return None
        return re.sub(rf"<@!?{me.id}>", " ", message.content).strip()

    def _retry_after(self, user_id: int) -> float | None:
        rate, per = self._rate
        if rate == 0:
            return None
        bucket = self._cooldowns.setdefault(user_id, app_commands.Cooldown(rate, per))
        return bucket.update_rate_limit()

    @commands.Cog.listener()
    async def on_message(self, message: discord.Message) -> None:
        question = self._question(message)
        if question is None:
            return
        retry = self._retry_after(message.author.id)
        if retry:
            await self._reply(message, f"You're asking quickly: try again in {max(1, round(retry))} s.")
            return
        try:
            question = check_question(question, self.bot.config.discord.max_question_length)
            async with message.channel.typing():
                conversation = self.bot.conversation(message.channel.id, message.author.id)
                result = await self.bot.call_service(
                    self.bot.service.ask,
                    question,
                    conversation=conversation,
                    top=self.bot.config.discord.answers,
                )
        except SummitbotError as exc:
            await self._reply(message, str(exc))
            return
        except Exception:
            log.exception("answering message %s in channel %s failed", message.id, message.channel.id)
            await self._reply(message, APOLOGY)
            return
        embed, view = reply_parts(self.bot, result)
        await self._reply(message, embed=embed, view=view)

    async def _reply(
        self,
        message: discord.Message,
        content: str | None = None,
        *,
        embed: discord.Embed | None = None,
        view: discord.ui.View | None = None,
    ) -> None:
        await message.reply(
            clip(content, LIMITS.MESSAGE) if content else None,
            embed=embed if embed is not None else MISSING,
            view=view if view is not None else MISSING,
            mention_author=False,
            allowed_mentions=NO_MENTIONS,
        )


async def setup(bot: SummitBot) -> None:
    await bot.add_cog(ChatCog(bot))
