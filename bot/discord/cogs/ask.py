"""/ask: a question answered with a verbatim, cited sentence, and the runners-up behind a button."""

from __future__ import annotations

import asyncio

import discord
from discord import app_commands
from discord.ext import commands

from bot.discord.client import SummitBot, send, user_cooldown
from bot.discord.render import ask_embed
from bot.discord.views import OtherAnswersView
from bot.errors import InputError
from bot.results import AskResult

__all__ = ["QUESTION_MAX_LENGTH", "AskCog", "check_question", "reply_parts", "setup"]

# The length Discord's client enforces; `discord.max_question_length` in config.yaml, lower, is checked here.
QUESTION_MAX_LENGTH = 1000


def check_question(question: str, limit: int) -> str:
    """The question stripped, or InputError when it is empty or longer than `limit` characters."""
    question = question.strip()
    if not question:
        raise InputError(
            "Ask me a question about the coverage, for instance: Where did Putin and Obama meet?"
        )
    if len(question) > limit:
        raise InputError(
            f"Your question is {len(question):,} characters long; please keep it to {limit:,} or fewer."
        )
    return question


def reply_parts(bot: SummitBot, result: AskResult) -> tuple[discord.Embed, OtherAnswersView | None]:
    """The answer's embed, and the "Other answers" button when there are runners-up."""
    view = OtherAnswersView(result) if not result.declined and len(result.answers) > 1 else None
    return ask_embed(result, bot.event_names()), view


def _dropped(task: asyncio.Future[AskResult]) -> None:
    """An answer no one will send (its deferral failed): its error, if any, is read and dropped."""
    if not task.cancelled():
        task.exception()


class AskCog(commands.Cog, name="Ask"):
    def __init__(self, bot: SummitBot) -> None:
        self.bot = bot

    @app_commands.command(name="ask")
    @app_commands.describe(question="Your question, e.g. “How long did the meeting last?”")
    @app_commands.checks.dynamic_cooldown(user_cooldown, key=lambda i: i.user.id)
    async def ask(
        self,
        interaction: discord.Interaction[SummitBot],
        question: app_commands.Range[str, 1, QUESTION_MAX_LENGTH],
    ) -> None:
        """Ask about the press coverage of the Putin–Obama summits; the answer quotes and cites its source."""
        settings = self.bot.config.discord
        question = check_question(question, settings.max_question_length)
        async with self.bot.answers.slot() as slot:  # BusyError (a private "try again") when full
            conversation = (
                self.bot.conversation(interaction.channel_id, interaction.user.id)
                if interaction.channel_id
                else None
            )
            # the question goes to the answer workers now, while the deferral is on its way: in a burst
            # the workers would otherwise wait for the first deferrals' round trips
            answering = asyncio.ensure_future(
                slot.ask(self.bot.service, question, conversation, settings.answers)
            )
            try:
                await interaction.response.defer(thinking=True)
            except BaseException:
                answering.cancel()
                answering.add_done_callback(_dropped)
                raise
            result = await answering
        embed, view = reply_parts(self.bot, result)
        await send(interaction, embed=embed, view=view)


async def setup(bot: SummitBot) -> None:
    await bot.add_cog(AskCog(bot))
