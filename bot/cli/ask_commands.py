"""Placeholder: this command group is being written."""

from __future__ import annotations

from typing import Any

__all__ = ["register"]


def register(commands: Any) -> None:
    """Add this group's commands (none yet)."""
