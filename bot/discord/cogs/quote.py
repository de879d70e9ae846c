"""/quote: what someone was quoted as saying, with speaker autocomplete and pages."""

from __future__ import annotations

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.client import SummitBot, send, user_cooldown
from bot.discord.pool import BusyError
from bot.discord.render import quote_pages
from bot.discord.views import PagedView

__all__ = ["QuoteCog", "match_speakers", "setup"]

MAX_CHOICES = 25  # Discord's cap on autocomplete choices
CHOICE_LENGTH = 100  # ...and on a choice's name and value


def match_speakers(speakers: list[str], typed: str) -> list[str]:
    """Speakers whose name, or a word of it, starts with what was typed; whole-name matches first."""
    typed = " ".join(typed.casefold().split())
    starts = [s for s in speakers if s.casefold().startswith(typed)]
    words = [
        s for s in speakers if s not in starts and any(w.startswith(typed) for w in s.casefold().split())
    ]
    return (starts + words)[:MAX_CHOICES]


class QuoteCog(commands.Cog, name="Quote"):
    def __init__(self, bot: SummitBot) -> None:
        self.bot = bot
        self._speakers: list[str] | None = None

    async def speakers(self) -> list[str]:
        """Everyone quoted, read once: the corpus does not change while the bot runs."""
        if self._speakers is None:
            self._speakers = await self.bot.call_service(self.bot.service.speakers)
        return self._speakers

    async def speaker_autocomplete(
        self, interaction: discord.Interaction[SummitBot], current: str
    ) -> list[app_commands.Choice[str]]:
        try:
            speakers = await self.speakers()
        except BusyError:  # no suggestions this time; the command itself will say it is busy
            return []
        names = match_speakers(speakers, current)
        return [app_commands.Choice(name=n[:CHOICE_LENGTH], value=n[:CHOICE_LENGTH]) for n in names]

    @app_commands.command(name="quote")
    @app_commands.describe(
        speaker="Who was quoted (start typing for suggestions): any name the press uses for them",
        topic="Only quotes about this subject (optional)",
    )
    @app_commands.autocomplete(speaker=speaker_autocomplete)
    @app_commands.checks.dynamic_cooldown(user_cooldown, key=lambda i: i.user.id)
    async def quote(
        self,
        interaction: discord.Interaction[SummitBot],
        speaker: app_commands.Range[str, 1, CHOICE_LENGTH],
        topic: app_commands.Range[str, 1, 200] | None = None,
    ) -> None:
        """Quotations by a speaker in the coverage, each with its outlet and date."""
        async with self.bot.answers.slot() as slot:  # BusyError (a private "try again") when full
            await interaction.response.defer(thinking=True)
            result = await slot.run(self.bot.service.quote, speaker=speaker, topic=topic)
        pages = quote_pages(result)
        view = PagedView(pages, interaction.user.id) if len(pages) > 1 else None
        await send(interaction, embed=pages[0], view=view)


async def setup(bot: SummitBot) -> None:
    await bot.add_cog(QuoteCog(bot))
