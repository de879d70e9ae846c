"""`summitbot run` (serve on Discord) and `summitbot sync` (publish the slash commands)."""

from __future__ import annotations

import argparse
from typing import Any

from bot.cli.context import Context
from bot.errors import InputError

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add `run` and `sync`."""
    run = commands.add_parser("run", help="serve the bot on Discord (token from DISCORD_TOKEN)")
    run.add_argument("--shards", type=_shard_ids, metavar="IDS", help="shard ids this process runs, e.g. 0,1")
    run.add_argument("--shard-count", type=int, metavar="N", help="the total number of shards")
    run.set_defaults(handler=run_command)

    sync = commands.add_parser("sync", help="publish the slash commands, globally or to one server")
    sync.add_argument(
        "--guild", type=int, metavar="ID", help="sync to this server only (instant; for testing)"
    )
    sync.set_defaults(handler=sync_command)


def run_command(args: argparse.Namespace, ctx: Context) -> int:
    from bot.discord.runner import run_bot

    if args.shard_count is not None and args.shard_count < 1:
        raise InputError("--shard-count must be at least 1")
    run_bot(ctx.config, ctx.service, shards=args.shards, shard_count=args.shard_count)
    return 0


def sync_command(args: argparse.Namespace, ctx: Context) -> int:
    from bot.discord.runner import sync_commands

    count = sync_commands(ctx.config, ctx.service, guild=args.guild)
    where = f"server {args.guild}" if args.guild else "every server (global; may take up to an hour to show)"
    print(f"synced {count} commands to {where}")
    return 0


def _shard_ids(text: str) -> list[int]:
    try:
        ids = [int(part) for part in text.split(",") if part.strip()]
    except ValueError:
        raise argparse.ArgumentTypeError(f"expected shard ids like 0,1, got {text!r}") from None
    if not ids or any(i < 0 for i in ids):
        raise argparse.ArgumentTypeError(f"expected shard ids like 0,1, got {text!r}")
    return ids
