"""`python -m bot` is the same as the `summitbot` console script."""

from __future__ import annotations

from bot.cli import run

if __name__ == "__main__":
    run()
