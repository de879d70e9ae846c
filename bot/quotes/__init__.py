"""Quotations in the coverage: extraction, attribution, full-or-fragment, grouping and the /quote search.

`extract_quotes(articles, config)` lists every quotation; `find_quotes(index, speaker=, topic=)` answers
/quote with each remark once and every outlet that carries it; `quoted_speakers(index)` names who is quoted.
"""

from __future__ import annotations

from bot.quotes.extract import article_quotes, extract_quotes
from bot.quotes.find import find_quotes, quote_table, quoted_speakers

__all__ = ["article_quotes", "extract_quotes", "find_quotes", "quote_table", "quoted_speakers"]
