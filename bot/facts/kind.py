"""Full quotation or fragment, told apart by shape rather than by any list of phrases.

A full quotation is the speaker's own clause or sentence: it opens a sentence or paragraph, or follows a
comma or colon (`said:`, `adding,`), starts with a capital letter (or an editor's `[M]y`) and runs to
several words. Anything else is a fragment: a phrase embedded in the reporter's sentence after a verb,
"that" or an article (`was "a very constructive discussion"`), scare quotes, single words, and
title-cased headline fragments ("Business-Like And Frank").
"""

from __future__ import annotations

import re

from bot.config import FactsConfig

__all__ = ["classify"]

_SENTENCE_END = ".!?…"
_CLAUSE_LEAD = ",:;—–-"
_MARKS = "\"'“”‘’«»„"
_TERMINAL = re.compile(r"[.,!?…]\W*$")
_FUNCTION_WORDS = frozenset({"and", "of", "the", "to", "in", "for", "with", "on", "a", "an", "or"})


def classify(
    lead: str,
    quoted: str,
    *,
    min_words: int = FactsConfig.min_full_words,
    min_bare_words: int = FactsConfig.min_bare_full_words,
) -> str:
    """'full' or 'fragment' for `quoted`, preceded in its paragraph by `lead` (up to the opening mark).
    Without closing punctuation a full quotation needs `min_bare_words` words ('Gaps of trust' is a title)."""
    position = _position(lead)
    words = quoted.split()
    if position == "embedded" or not words:
        return "fragment"
    if _headline_style(words):
        return "fragment"
    first = next((c for c in quoted.lstrip("[(. …") if c.isalpha()), "")
    if not first.isupper():
        return "fragment"
    if not _TERMINAL.search(quoted) and len(words) < min_bare_words:
        return "fragment"
    if len(words) >= min_words or (len(words) == min_words - 1 and _TERMINAL.search(quoted)):
        return "full"
    return "fragment"


def _position(lead: str) -> str:
    """'start' (of a paragraph or sentence), 'clause' (after a comma or colon) or 'embedded'."""
    core = lead.rstrip().rstrip(_MARKS).rstrip()
    if not core:
        return "start"
    last = core[-1]
    if last in _SENTENCE_END:
        return "start"
    if last in _CLAUSE_LEAD:
        return "clause"
    return "embedded"


_TITLE_WORDS = 2  # a definition: one capitalised word says nothing of a title's style


def _headline_style(words: list[str]) -> bool:
    """Every word capitalised, function words too ("Business-Like And Frank")."""
    if len(words) < _TITLE_WORDS:
        return False
    alpha = [w for w in words if w[:1].isalpha()]
    return (
        bool(alpha)
        and all(w[0].isupper() for w in alpha)
        and any(w.lower() in _FUNCTION_WORDS for w in alpha)
    )
