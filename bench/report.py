"""A bench's markdown report: printed, and written where `--out` says."""

from __future__ import annotations

from pathlib import Path

__all__ = ["write_report"]


def write_report(text: str, out: Path) -> None:
    """Print the report and write it to `out` (its folder made if need be)."""
    print(text)
    out.parent.mkdir(parents=True, exist_ok=True)
    out.write_text(text + "\n", encoding="utf-8")
