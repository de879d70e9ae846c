"""Where the benchmarks find the project and the shared ground truth beside it (`../shared`), so a fresh
clone with ../shared beside it runs them from wherever it was cloned."""

from __future__ import annotations

from pathlib import Path

__all__ = ["ROOT", "SHARED_EVAL"]

ROOT = Path(__file__).resolve().parent.parent
SHARED_EVAL = ROOT.parent / "shared" / "eval"
