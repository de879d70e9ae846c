"""The facts of every sentence of a corpus, computed once when the index is built and saved beside it
(a folder of arrays, bot.facts.store, opened in constant time and decoded per sentence on use).

Positions are those of the index's flat sentence table (articles in order, their sentences in order).
"""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from bot import similarity as similarity_code
from bot import tokenizer as tokenizer_code
from bot.config import Config
from bot.digest import key_digest
from bot.facts.model import QuoteFact, SentenceFacts, facts_from_dict
from bot.facts.store import FACTS_FORMAT, Arrays, StaleFacts, load_facts, save_facts
from bot.models import Article
from bot.retrieval.token_ids import TokenIds
from bot.sentence_terms import EncodedTerms
from bot.tokenizer import Tokenizer

__all__ = ["FACTS_FORMAT", "CorpusFacts", "facts_fingerprint", "load_or_build_facts"]

LEGACY_FILE = "facts.json"  # the single-file format before FACTS_FORMAT 2
log = logging.getLogger(__name__)


class CorpusFacts:
    """Per-sentence facts of a corpus, aligned by position, with same-statement groups and disagreements.

    Held as the arrays of bot.facts.store (memory-mapped when loaded, just encoded when built); a
    sentence's facts are decoded from its line on first use and kept (two threads decoding the same line
    at once is harmless)."""

    def __init__(self, arrays: Arrays) -> None:
        self._arrays = arrays
        self._group, self._article = arrays["group"], arrays["article"]
        self._order, self._keys = arrays["group_order"], arrays["group_keys"]
        self._cache: dict[int, SentenceFacts] = {}

    def __len__(self) -> int:
        return len(self._group)

    def of(self, position: int) -> SentenceFacts:
        """The facts of the sentence at `position`."""
        facts = self._cache.get(position)
        if facts is None:
            if not 0 <= position < len(self):
                raise IndexError(f"no sentence at position {position}")
            offsets = self._arrays["offsets"]
            line = self._arrays["lines"][int(offsets[position]) : int(offsets[position + 1])]
            facts = facts_from_dict(json.loads(line.tobytes()), int(self._group[position]))
            self._cache[position] = facts
        return facts

    def same_statement(self, position: int) -> tuple[int, ...]:
        """Sentences of other articles that make the same statement (and agree on its figures)."""
        group = self._group[position]
        lo, hi = np.searchsorted(self._keys, group, "left"), np.searchsorted(self._keys, group, "right")
        members = np.asarray(self._order[lo:hi])
        return tuple(int(p) for p in members[self._article[members] != self._article[position]])

    def disagreeing(self, position: int) -> tuple[int, ...]:
        """Other outlets' sentences on the same event giving a different figure for the same thing."""
        at, ptr = self._arrays["disagree_at"], self._arrays["disagree_ptr"]
        i = int(np.searchsorted(at, position))
        if i == len(at) or int(at[i]) != position:
            return ()
        return tuple(int(q) for q in self._arrays["disagree_to"][int(ptr[i]) : int(ptr[i + 1])])

    def quotation_groups(self) -> dict[int, list[tuple[int, QuoteFact]]]:
        """Every quotation by its same-remark group: (position of its sentence, quotation), corpus order."""
        groups: dict[int, list[tuple[int, QuoteFact]]] = {}
        for position in (int(p) for p in self._arrays["quoted"]):
            for quote in self.of(position).quotations:
                groups.setdefault(quote.group, []).append((position, quote))
        return groups

    @classmethod
    def build(
        cls,
        articles: Sequence[Article],
        config: Config,
        tokenizer: Tokenizer,
        tokens: TokenIds | None = None,
        terms: EncodedTerms | None = None,
        *,
        after_read: Callable[[], object] | None = None,
        after_groups: Callable[[], object] | None = None,
    ) -> CorpusFacts:
        """Compute every sentence's facts (see bot.facts; bot.facts.builder: on every core), appending
        each sentence's `Tokenizer.tokenize` tokens to `tokens` and the terms saved for answers to
        `terms` if given (then calling `after_read`, before the corpus-wide groups, and `after_groups`
        after them)."""
        arrays = build_arrays(
            articles, config, tokenizer, tokens, terms, after_read=after_read, after_groups=after_groups
        )
        return cls(arrays)

    def arrays(self) -> Arrays:
        """Every array of bot.facts.store."""
        return self._arrays


def facts_fingerprint(corpus: str, config: Config) -> str:
    """The corpus digest plus everything the facts depend on: their settings, the entities, the code."""
    settings = repr((config.facts, config.entities, config.synonyms)).encode()
    sources = [
        *sorted(Path(__file__).parent.glob("*.py")),
        *sorted(Path(__file__).parent.glob("*.c")),  # the same-statement pairs' C search
        Path(tokenizer_code.__file__),
        Path(similarity_code.__file__),
    ]
    code = b"".join(p.read_bytes() for p in sources)  # the facts' code and the words they compare
    return f"{corpus}-{key_digest(settings + code)[:12]}"


def load_or_build_facts(
    path: Path, corpus: str, config: Config, build: Callable[[], CorpusFacts]
) -> CorpusFacts:
    """The facts saved in folder `path` when their fingerprint matches, else freshly built ones (then
    saved). A facts.json left beside it by the single-file format is removed."""
    fingerprint = facts_fingerprint(corpus, config)
    try:
        return CorpusFacts(load_facts(path, fingerprint))
    except StaleFacts as exc:
        if path.exists():
            log.warning("rebuilding the facts: %s", exc)
    facts = build()
    try:
        save_facts(path, facts.arrays(), fingerprint)
        (path.parent / LEGACY_FILE).unlink(missing_ok=True)
    except OSError as exc:
        log.warning("the facts could not be saved to %s (%s)", path, exc)
    return facts


def build_arrays(*args: Any, **kwargs: Any) -> Arrays:
    """bot.facts.builder's `build_arrays`, imported on first use: a start that loads saved facts never
    builds, and the builder's patterns (attribution, statements) cost a `summitbot ask` 20 ms to compile."""
    from bot.facts.builder import build_arrays as build

    return build(*args, **kwargs)
