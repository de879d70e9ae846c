"""The /quote command: quotations by speaker and topic, each remark once with every outlet's own wording.

The quotations, their speakers, kinds and groups are the index's facts (bot.facts); this package only
selects, ranks and presents them. `find_quotes(index, speaker=, topic=)` answers /quote;
`quoted_speakers(index)` names who is quoted.
"""

from __future__ import annotations

from bot.quotes.find import QuoteTable, find_quotes, quote_table, quoted_speakers

__all__ = ["QuoteTable", "find_quotes", "quote_table", "quoted_speakers"]
