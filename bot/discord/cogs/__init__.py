"""One cog per feature: ask, quote, compare, info (sources and help) and chat (mentions and DMs)."""

from __future__ import annotations

__all__: list[str] = []
