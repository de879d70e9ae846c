"""/compare: how each outlet covered a topic, who did not, and where they disagree."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.client import SummitBot, send, user_cooldown
from bot.discord.render import compare_pages
from bot.discord.views import PagedView

__all__ = ["CompareCog", "setup"]


class CompareCog(commands.Cog, name="Compare"):
    def __init__(self, bot: SummitBot) -> None:
        self.bot = bot

    @app_commands.command(name="compare")
    @app_commands.describe(
        topic="What to compare the outlets on, e.g. “the length of the meeting” or “Assad”"
    )
    @app_commands.checks.dynamic_cooldown(user_cooldown, key=lambda i: i.user.id)
    async def compare(
        self, interaction: discord.Interaction[SummitBot], topic: app_commands.Range[str, 1, 200]
    ) -> None:
        """Compare how the outlets covered a topic, with each outlet's own sentences."""
        async with self.bot.answers.slot() as slot:  # BusyError (a private "try again") when full
            await interaction.response.defer(thinking=True)
            result = await slot.run(self.bot.service.compare, topic)
        pages = compare_pages(result, self.bot.event_names())
        view = PagedView(pages, interaction.user.id) if len(pages) > 1 else None
        await send(interaction, embed=pages[0], view=view)


async def setup(bot: SummitBot) -> None:
    await bot.add_cog(CompareCog(bot))
