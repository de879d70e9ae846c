"""The cleaner: one scraped news page in, one cleaned `Article` out (pure; no I/O).

Modules: `lines` (the shape of a line), `patterns` (chrome known by its own shape), `layout` (where
each line belongs on the page), `dates`, `sites` (template signatures as data), `metadata` (outlet,
wire, date, event), `sentences` (sentencex with verbatim offsets) and `article` (`clean_article`).
"""

from __future__ import annotations

from bot.cleaner.article import clean_article

__all__ = ["clean_article"]
