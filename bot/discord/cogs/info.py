"""/sources and /help."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.client import SummitBot, send
from bot.discord.render import help_embed, source_pages
from bot.discord.views import PagedView

__all__ = ["InfoCog", "setup"]


class InfoCog(commands.Cog, name="Info"):
    def __init__(self, bot: SummitBot) -> None:
        self.bot = bot

    @app_commands.command(name="sources")
    async def sources(self, interaction: discord.Interaction[SummitBot]) -> None:
        """List the articles I quote from: outlet, date and headline."""
        pages = source_pages(self.bot.service.sources())
        view = PagedView(pages, interaction.user.id) if len(pages) > 1 else None
        await send(interaction, embed=pages[0], view=view, ephemeral=True)

    @app_commands.command(name="help")
    async def help(self, interaction: discord.Interaction[SummitBot]) -> None:
        """How to ask me things, with examples."""
        await send(
            interaction,
            embed=help_embed(
                self.bot.config.discord.max_question_length,
                tuple(e.name for e in self.bot.config.events),
            ),
            ephemeral=True,
        )


async def setup(bot: SummitBot) -> None:
    await bot.add_cog(InfoCog(bot))
