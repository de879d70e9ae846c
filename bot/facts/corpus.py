"""The facts of every sentence of a corpus, computed once when the index is built and saved beside it
(a folder of arrays, bot.facts.store, opened in constant time and decoded per sentence on use).

Positions are those of the index's flat sentence table (articles in order, their sentences in order).
"""

from __future__ import annotations

import hashlib
import json
import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from pathlib import Path

import numpy as np

from bot import similarity as similarity_code
from bot import tokenizer as tokenizer_code
from bot.config import Config, FactsConfig
from bot.facts.figures import Figure, measure_stem, read_figures
from bot.facts.lexicon import UNKNOWN, SpeakerLexicon
from bot.facts.model import QuoteFact, SentenceFacts, facts_from_dict, facts_to_dict
from bot.facts.quotations import article_speech
from bot.facts.statements import Measured, Statement, figure_key, group_statements, values_differ
from bot.facts.store import (
    FACTS_FORMAT,
    Arrays,
    StaleFacts,
    index_arrays,
    line_arrays,
    load_facts,
    save_facts,
)
from bot.models import Article
from bot.similarity import statement_terms
from bot.tokenizer import Tokenizer, entity_token

__all__ = ["FACTS_FORMAT", "CorpusFacts", "facts_fingerprint", "load_or_build_facts"]

LEGACY_FILE = "facts.json"  # the single-file format before FACTS_FORMAT 2
log = logging.getLogger(__name__)


class CorpusFacts:
    """Per-sentence facts of a corpus, aligned by position, with same-statement groups and disagreements.

    Held as the arrays of bot.facts.store (memory-mapped when loaded); a sentence's facts are decoded from
    its line on first use and kept (two threads decoding the same line at once is harmless)."""

    def __init__(self, arrays: Arrays, decoded: Sequence[SentenceFacts] | None = None) -> None:
        self._arrays = arrays
        self._group, self._article = arrays["group"], arrays["article"]
        self._order, self._keys = arrays["group_order"], arrays["group_keys"]
        self._cache: dict[int, SentenceFacts] = dict(enumerate(decoded)) if decoded is not None else {}

    @classmethod
    def of_sentences(
        cls,
        sentences: Sequence[SentenceFacts],
        article_of: Sequence[int],
        disagree: dict[int, tuple[int, ...]],
    ) -> CorpusFacts:
        """Facts computed in this process (kept decoded; their lines are encoded only to be saved)."""
        quoted = [p for p, facts in enumerate(sentences) if facts.quotations]
        arrays = index_arrays([f.group for f in sentences], article_of, quoted, disagree)
        return cls(arrays, sentences)

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
            facts = facts_from_dict(json.loads(line.tobytes()))
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
    def build(cls, articles: Sequence[Article], config: Config, tokenizer: Tokenizer) -> CorpusFacts:
        """Compute every sentence's facts (see bot.facts)."""
        return _Builder(articles, config, tokenizer).build()

    def arrays(self) -> Arrays:
        """Every array of bot.facts.store (the lines encoded here when the facts were built in memory)."""
        if "lines" in self._arrays:
            return self._arrays
        encoded = (
            json.dumps(facts_to_dict(self.of(p)), separators=(",", ":")).encode() for p in range(len(self))
        )
        return {**self._arrays, **line_arrays(encoded)}


class _Builder:
    def __init__(self, articles: Sequence[Article], config: Config, tokenizer: Tokenizer) -> None:
        self.articles = articles
        self.config = config
        self.tokenizer = tokenizer
        self.lexicon = SpeakerLexicon(config.entities, max_gap_words=config.facts.max_gap_words)
        self.names = {entity_token(e.name): e.name for e in config.entities}
        groups = config.facts.measured_alike
        self.measured = {word.lower(): measure_stem(group[0]) for group in groups for word in group}
        self.alike = {measure_stem(word): measure_stem(group[0]) for group in groups for word in group}
        self._statements: list[Statement] = []

    def fold(self, stem: str) -> str:
        """One name for what figures measured alike are about ('talk' and 'meet': a meeting's length)."""
        return self.alike.get(stem) or self.tokenizer.synonym(stem) or stem

    def build(self) -> CorpusFacts:
        rows: list[SentenceFacts] = []
        article_of: list[int] = []
        quotes: list[tuple[int, QuoteFact, Statement]] = []  # (position, quotation, its statement)
        for a, article in enumerate(self.articles):
            speech = article_speech(article, self.lexicon, self.config.facts)
            held: dict[int, list[QuoteFact]] = {}
            for sentence_index, quote in speech.quotes:
                held.setdefault(sentence_index, []).append(quote)
                words = article.text[quote.start : quote.end]
                statement = self._statement(article, words, read_figures(words, self.measured))
                quotes.append((len(rows) + sentence_index, quote, statement))
            for s, sentence in enumerate(article.sentences):
                figures = read_figures(sentence.text, self.measured)
                self._statements.append(self._statement(article, sentence.text, figures))
                rows.append(
                    SentenceFacts(
                        speakers=speech.speakers[s],
                        speaker_evidence=speech.evidence[s],
                        speaker_carried=bool(speech.speakers[s]) and speech.carried[s],
                        quotations=tuple(held.get(s, ())),
                        figures=tuple(figures),
                        entities=self._entities(sentence.text),
                    )
                )
                article_of.append(a)
        rows = self._grouped(rows, article_of)
        rows = self._quote_groups(rows, quotes)
        return CorpusFacts.of_sentences(rows, article_of, self._disagreements(article_of))

    def _statement(self, article: Article, text: str, figures: Sequence[Figure]) -> Statement:
        measured = tuple(
            Measured(key, f.value, f.bound) for f in figures if (key := figure_key(f, self.fold)) is not None
        )
        terms = statement_terms(self.tokenizer, text)
        return Statement.of(article.id, article.outlet or article.id, article.event, terms, measured)

    def _entities(self, text: str) -> tuple[str, ...]:
        tokens = self.tokenizer.entities(text)
        return tuple(dict.fromkeys(self.names[t] for t in tokens if t in self.names))

    def _grouped(self, rows: list[SentenceFacts], article_of: list[int]) -> list[SentenceFacts]:
        groups = group_statements(self._statements, self.config.facts)
        return [replace(row, group=g) for row, g in zip(rows, groups, strict=True)]

    def _quote_groups(
        self, rows: list[SentenceFacts], quotes: list[tuple[int, QuoteFact, Statement]]
    ) -> list[SentenceFacts]:
        """Quotations grouped by remark: one speaker, the same statement (an unknown speaker stays alone)."""
        keys = [q.speaker if q.speaker != UNKNOWN else f"{UNKNOWN}:{n}" for n, (_, q, _) in enumerate(quotes)]
        groups = group_statements([s for _, _, s in quotes], self.config.facts, keys=keys)
        by_position: dict[int, list[QuoteFact]] = {}
        for (position, quote, _), group in zip(quotes, groups, strict=True):
            by_position.setdefault(position, []).append(replace(quote, group=group))
        return [
            replace(row, quotations=tuple(by_position[p])) if p in by_position else row
            for p, row in enumerate(rows)
        ]

    def _disagreements(self, article_of: list[int]) -> dict[int, tuple[int, ...]]:
        """For each sentence with a comparable figure: other outlets' sentences (same event, same thing
        measured) whose figure differs; figures are grouped by value, so a common figure costs little."""
        by_key: dict[tuple[str | None, str], dict[Measured, list[int]]] = {}
        for p, statement in enumerate(self._statements):
            for measured in statement.known:
                by_key.setdefault((statement.event, measured.key), {}).setdefault(measured, []).append(p)
        facts: FactsConfig = self.config.facts
        found: dict[int, set[int]] = {}
        for by_value in by_key.values():
            for mine, positions in by_value.items():
                others = [
                    q for other, qs in by_value.items() if values_differ(mine, other, facts) for q in qs
                ]
                for p in positions:
                    outlet, kept = self._statements[p].outlet, found.setdefault(p, set())
                    for q in others:
                        if len(kept) >= facts.max_disagreeing:
                            break
                        if article_of[q] != article_of[p] and self._statements[q].outlet != outlet:
                            kept.add(q)
        return {p: tuple(sorted(q)) for p, q in found.items() if q}


def facts_fingerprint(corpus: str, config: Config) -> str:
    """The corpus digest plus everything the facts depend on: their settings, the entities, the code."""
    settings = repr((config.facts, config.entities, config.synonyms)).encode()
    sources = [
        *sorted(Path(__file__).parent.glob("*.py")),
        Path(tokenizer_code.__file__),
        Path(similarity_code.__file__),
    ]
    code = b"".join(p.read_bytes() for p in sources)  # the facts' code and the words they compare
    return f"{corpus}-{hashlib.sha256(settings + code).hexdigest()[:12]}"


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
