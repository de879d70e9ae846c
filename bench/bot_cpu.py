"""The bot's own CPU an interaction, without its answers' work: `python -m bench.discord_burst`'s burst with
every /ask answered at once from replies made beforehand in this process.

    python -m bench.bot_cpu                  # 1,000 /ask at once (more interactions: less noise in each)
    python -m bench.bot_cpu --burst 200

The replies are the seed corpus's answers to generated questions (the answers the Discord face renders,
declines among them), handed out in turn: `ProcessAsker.ask` is replaced in this process only, so an
answer comes back on the loop's next turn instead of from an answer process (those start, and stay idle).
What the burst phase's "CPU ... bot" line then reads is the bot alone: the gateway event, the command tree,
the deferral, the embed and its button, the follow-up (discord.py over aiohttp), the collector. Alternate
it with another tree's (run from each tree's root) to compare the bot's side; figures are noisy on a shared
machine.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import itertools
from collections.abc import Sequence
from pathlib import Path

from bench import discord_burst
from bench.scale_corpus import generate_questions
from bot.config import load_config
from bot.conversation import Conversation
from bot.discord.processes import ProcessAsker
from bot.errors import SummitbotError
from bot.results import AskResult
from bot.service import CoverageService

__all__ = ["main", "saved_replies"]

ROOT = Path(__file__).resolve().parent.parent


def saved_replies(count: int) -> list[AskResult]:
    """The seed corpus's replies to `count` generated questions (a refused question is left out)."""
    service = CoverageService(load_config(ROOT / "config.yaml"))
    replies = []
    for question in generate_questions(count, seed=18):
        with contextlib.suppress(SummitbotError):
            replies.append(service.ask(question))
    return replies


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--burst", type=int, default=1000, help="/ask sent at once")
    parser.add_argument("--replies", type=int, default=300, help="replies made beforehand, used in turn")
    args = parser.parse_args(argv)
    replies = itertools.cycle(saved_replies(args.replies))

    async def answered_at_once(
        self: ProcessAsker, question: str, conversation: Conversation | None, top: int
    ) -> AskResult:
        await asyncio.sleep(0)  # back on a later turn of the loop, as a worker's answer is
        return next(replies)

    ProcessAsker.ask = answered_at_once  # type: ignore[method-assign]  # this process only
    # every question waits for its reply rather than hearing "busy"; the sustained phase is kept short
    queue = str(2 * args.burst)
    return discord_burst.main(
        ["--burst", str(args.burst), "--queue-limit", queue, "--rate", "10", "--seconds", "0.1"]
    )


if __name__ == "__main__":
    raise SystemExit(main())
