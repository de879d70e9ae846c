"""The Discord face of summitbot: bot, cogs, rendering, runner; the only package that imports discord."""

from __future__ import annotations

__all__: list[str] = []
