"""Buttons under the bot's replies: "Other answers" under an answer, Previous/Next under paged lists."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

import discord

from bot.discord.client import NO_MENTIONS, handle_error, send
from bot.discord.render import alternatives_embed
from bot.results import AskResult

__all__ = ["OtherAnswersView", "PagedView"]

TIMEOUT = 600.0


class _View(discord.ui.View):
    """A view whose failures go to the bot's one error handler."""

    async def on_error(
        self, interaction: discord.Interaction[Any], error: Exception, item: discord.ui.Item[Any], /
    ) -> None:
        await handle_error(interaction, error)


class OtherAnswersView(_View):
    """ "Other answers": the runners-up to an answer, shown only to whoever asks for them."""

    def __init__(self, result: AskResult) -> None:
        super().__init__(timeout=TIMEOUT)
        self.result = result

    @discord.ui.button(label="Other answers", style=discord.ButtonStyle.secondary)
    async def other_answers(
        self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]
    ) -> None:
        await send(interaction, embed=alternatives_embed(self.result), ephemeral=True)


class PagedView(_View):
    """Previous/Next through pages of embeds; only the person who asked turns the pages."""

    def __init__(self, pages: Sequence[discord.Embed], owner_id: int) -> None:
        super().__init__(timeout=TIMEOUT)
        self.pages = list(pages)
        self.owner_id = owner_id
        self.index = 0
        self._update_buttons()

    async def interaction_check(self, interaction: discord.Interaction[Any], /) -> bool:
        if interaction.user.id == self.owner_id:
            return True
        await send(interaction, "Only the person who asked can turn these pages.", ephemeral=True)
        return False

    def _update_buttons(self) -> None:
        self.previous.disabled = self.index == 0
        self.next.disabled = self.index >= len(self.pages) - 1

    async def _show(self, interaction: discord.Interaction[Any], index: int) -> None:
        self.index = max(0, min(index, len(self.pages) - 1))
        self._update_buttons()
        await interaction.response.edit_message(
            embed=self.pages[self.index], view=self, allowed_mentions=NO_MENTIONS
        )

    @discord.ui.button(label="Previous", style=discord.ButtonStyle.secondary)
    async def previous(self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]) -> None:
        await self._show(interaction, self.index - 1)

    @discord.ui.button(label="Next", style=discord.ButtonStyle.secondary)
    async def next(self, interaction: discord.Interaction[Any], button: discord.ui.Button[Any]) -> None:
        await self._show(interaction, self.index + 1)
