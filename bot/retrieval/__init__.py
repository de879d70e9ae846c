"""Retrieval: BM25 with rank-bm25's scores over term-major sparse postings, persisted without pickle."""

from __future__ import annotations

from bot.retrieval.bm25 import Hit, SparseBM25
from bot.retrieval.store import load_or_build

__all__ = ["Hit", "SparseBM25", "load_or_build"]
