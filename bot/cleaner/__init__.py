"""The cleaner: one scraped news page (text or HTML) in, one cleaned `Article` out (pure; no I/O).

Modules: `detect` (HTML told by content), `html` (trafilatura text and the markup's stated metadata),
`lines` (the shape of a line), `patterns` (chrome known by its kind), `layout` (where each line belongs
on the page), `dates`, `outlets` (config's outlet table: names, domains, agencies, page templates),
`pagelines` (a laid-out page as the finders read it), `metadata` (the outlet), `wire` (the wire
source), `when` (date, updated, event), `sentences` (sentencex with verbatim offsets) and `article`
(`clean_article`).
"""

from __future__ import annotations

from bot.cleaner.article import clean_article

__all__ = ["clean_article"]
