"""Measurements of the pipeline against the hand-labelled gold in shared/eval (for measuring only)."""

from __future__ import annotations

import argparse
from pathlib import Path
from typing import TYPE_CHECKING

from bot.config import load_config

if TYPE_CHECKING:
    from bot.service import CoverageService

__all__ = ["add_service_options", "service_from"]


def add_service_options(parser: argparse.ArgumentParser, gold: str) -> None:
    """The options every evaluation script takes: the gold, the config, the corpus, --json."""
    parser.add_argument("--gold", default="../shared/eval", help=f"{gold} or the folder holding it")
    parser.add_argument("--config", help="config.yaml (default: ./config.yaml)")
    parser.add_argument("--corpus", help="the corpus folder (default: the config's)")
    parser.add_argument("--json", action="store_true", help="JSON output")


def service_from(args: argparse.Namespace) -> CoverageService:
    """The core service for the config and corpus the options name."""
    from bot.service import CoverageService

    config = load_config(args.config)
    if args.corpus:
        config = config.with_corpus(Path(args.corpus).resolve())
    return CoverageService(config)
